"""Certification: the yearly data-security test (its question bank and attempts) and the
gate that keeps people whose certification has lapsed from deciding or submitting."""
