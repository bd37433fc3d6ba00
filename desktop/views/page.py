"""What the main window asks of a page: one small interface, one refresh path.

- `on_changes(kinds)`: a sync round changed these kinds (the feed's entity kinds, and
  `OUTBOX` for the state of the user's own actions); the page refreshes only when it
  shows one of them (`KINDS`; `ALL` for pages that show every kind).
- `open_case(kind, entity_id)`: show that case; False when this page cannot.
- `apply_filter(filt)`: a dashboard click, {"status"?, "ids"?, "label"?}.

The main window calls these on the pages built so far after every sync round; pages
do not listen to the sync themselves to refresh.
"""

from __future__ import annotations

from ..sync.engine import OUTBOX  # noqa: F401 (pages name it in KINDS)

ALL = frozenset({"*"})


class CasePage:
    """Mixed into a page widget (before QWidget in its bases). Defaults: refresh when a
    shown kind changed, open no case, filter by the page's status combo if it has one."""

    KINDS: frozenset[str] = frozenset()

    def shows(self, kinds: set[str] | frozenset[str]) -> bool:
        return self.KINDS is ALL or bool(self.KINDS & set(kinds))

    def on_changes(self, kinds: set[str] | frozenset[str]) -> None:
        if kinds and self.shows(kinds):
            self.refresh()

    def refresh(self) -> None:  # pragma: no cover - every page has its own
        raise NotImplementedError

    def open_case(self, kind: str, entity_id: str) -> bool:
        return False

    def apply_filter(self, filt: dict) -> None:
        status = filt.get("status")
        combo = getattr(self, "status", None)
        if combo is not None and hasattr(combo, "findData"):
            index = combo.findData(status) if isinstance(status, str) else 0
            combo.setCurrentIndex(max(index, 0))
        ids = filt.get("ids") or []
        if ids:
            self.open_case(filt.get("kind") or "", ids[0])
