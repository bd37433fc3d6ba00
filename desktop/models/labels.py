"""Translated names of the portal's codes (statuses, decisions, roles)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale

from rules import timestamps


def _t(text: str) -> str:
    return QCoreApplication.translate("labels", text)


def application_status(status: str | None) -> str:
    return {
        "submitted": _t("Submitted"), "in_review": _t("In review"), "approved": _t("Approved"),
        "rejected": _t("Rejected"), "returned": _t("Returned"),
    }.get(status or "", status or "")


APPLICATION_STATUSES = ("submitted", "in_review", "approved", "rejected", "returned")


def output_status(status: str | None) -> str:
    return {"released": _t("Released"), "held": _t("Held"), "withheld": _t("Withheld")}.get(status or "", status or "")


def withhold_reason(code: str | None) -> str:
    """The coded withhold reasons (rules.turnaround.WITHHOLD_REASONS) in words."""
    return {
        "small_counts": _t("Small counts"), "dominance": _t("Dominance: few contributors hold most of it"),
        "identifiers": _t("Identifiers (CPR or CVR numbers)"), "microdata": _t("Row-level microdata"),
        "differencing": _t("Differencing against earlier releases"),
        "missing_context": _t("Missing context: what the output shows is not explained"),
        "unrounded": _t("Counts not rounded"), "other": _t("Other"),
    }.get(code or "", code or "")


def verdict(value: str | None) -> str:
    return {"pass": _t("Pass"), "review": _t("Needs review"), "fail": _t("Fail")}.get(value or "", value or "")


def warning_status(status: str | None) -> str:
    return {"draft": _t("Draft"), "sent": _t("Sent"), "retracted": _t("Retracted"),
            "expired": _t("Expired")}.get(status or "", status or "")


def severity(value: str | None) -> str:
    return {"low": _t("Low"), "medium": _t("Medium"), "high": _t("High"),
            "critical": _t("Critical")}.get(value or "", value or "")


def decision(value: str | None) -> str:
    return {"approve": _t("Approved"), "reject": _t("Rejected"), "return": _t("Returned"),
            "release": _t("Released"), "withhold": _t("Withheld")}.get(value or "", value or "")


def role(value: str) -> str:
    return {"caseworker": _t("Caseworker"), "supervisor": _t("Supervisor"), "coordinator": _t("Coordinator"),
            "admin": _t("Administrator"), "researcher": _t("Researcher"),
            "recipient": _t("Recipient")}.get(value, value)


def parse_time(text: str | None) -> dt.datetime | None:
    return timestamps.parse(text)


def iso_from_epoch(ts: float) -> str:
    return dt.datetime.fromtimestamp(ts, dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def local_time(text: str | None, with_time: bool = True) -> str:
    """A portal timestamp in the user's locale and time zone."""
    value = parse_time(text)
    if value is None:
        return text or ""
    qdt = QDateTime.fromSecsSinceEpoch(int(value.timestamp()))
    if with_time:
        return QLocale().toString(qdt, _full_year(QLocale().dateTimeFormat(QLocale.FormatType.ShortFormat)))
    return QLocale().toString(qdt.date(), _full_year(QLocale().dateFormat(QLocale.FormatType.ShortFormat)))


def _full_year(fmt: str) -> str:
    """The locale's short format with a four-digit year (25 could be 1925 in a register);
    ISO 8601 when no real locale is set (the C locale's "d MM yyyy" reads badly)."""
    if QLocale().language() == QLocale.Language.C:
        return "yyyy-MM-dd HH:mm" if "H" in fmt or "h" in fmt else "yyyy-MM-dd"
    return fmt.replace("yyyy", "yy").replace("yy", "yyyy")


def date_edit_format() -> str:
    """The display format of a date field: the locale's short date, four-digit year."""
    return _full_year(QLocale().dateFormat(QLocale.FormatType.ShortFormat))


def local_date(text: str | None) -> str:
    if text and len(text) == 10:
        try:
            d = dt.date.fromisoformat(text)
        except ValueError:
            return text
        from PySide6.QtCore import QDate
        return QLocale().toString(QDate(d.year, d.month, d.day),
                                  _full_year(QLocale().dateFormat(QLocale.FormatType.ShortFormat)))
    return local_time(text, with_time=False)


def age_days(text: str | None, now: dt.datetime | None = None) -> int | None:
    value = parse_time(text)
    if value is None:
        return None
    now = now or dt.datetime.now(dt.timezone.utc)
    return max(0, (now - value).days)


def age_text(text: str | None) -> str:
    days = age_days(text)
    if days is None:
        return ""
    if days == 0:
        return _t("today")
    return _t("1 day") if days == 1 else _t("%1 days").replace("%1", str(days))
