"""The portal's automatic disclosure check of researchers' output transfers.

Pure Python (no web framework, no database). The route handler calls::

    from portal.checks import Rules, load_rules, check_output, InvalidFile, TooLarge, sanitize_filename
    result = check_output([(name, data), ...], Rules())

See docs/checks.md for the rules, the rules-file format and the conventions.
"""

from .engine import Plan, check_output, finish_output, plan_output
from .errors import InvalidFile, TooLarge
from rules.identifiers import cpr_birth_date, mask_identifiers
from .names import sanitize_filename, unique_names
from .rules import Rules, load_rules

__all__ = [
    "Rules", "load_rules", "check_output", "plan_output", "finish_output", "Plan", "InvalidFile", "TooLarge", "sanitize_filename",
    "unique_names", "cpr_birth_date", "mask_identifiers",
]
