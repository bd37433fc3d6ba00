"""Reference portal backend for Portal Desk (contract v1)."""

__version__ = "0.1.0"
API_PREFIX = "/api/v1"
