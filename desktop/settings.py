"""Every setting, declared once. Values live in an INI file in the user's data
folder (never a secret: tokens and keys go to the OS keyring)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QSettings


@dataclass(frozen=True)
class Setting:
    key: str
    default: Any
    type: type
    doc: str


SETTINGS = {s.key: s for s in (
    Setting("portal_url", "", str, "The portal to sync with; empty: the embedded demo portal"),
    Setting("last_username", "", str, "Username offered at sign-in"),
    Setting("language", "", str, "User-interface language (da, en); empty: the system's"),
    Setting("sync_interval_seconds", 60, int, "How often to sync in the background"),
    Setting("window/geometry", b"", bytes, "Main window size and place"),
    Setting("window/state", b"", bytes, "Main window docks and toolbars"),
    Setting("window/splitter", b"", bytes, "List and detail proportions"),
    Setting("notices/keyring", "", str, "Users already told that this computer has no usable keyring (JSON list)"),
    Setting("tables/layouts", "", str, "Column widths of each list, per user (JSON: user -> list -> header state)"),
    Setting("window/pages", "", str, "The last open page of each user on this computer (JSON: username -> page)"),
    Setting("certification/dismissed", "", str,
            "The certification reminder put away last: its date and threshold (the next one shows again)"),
)}


class Settings:
    def __init__(self, path: str):
        self._q = QSettings(path, QSettings.Format.IniFormat)

    def get(self, key: str):
        spec = SETTINGS[key]
        value = self._q.value(key, spec.default)
        if value is None:
            return spec.default
        if spec.type is bytes:
            return bytes(value) if value else b""
        if spec.type is int:
            try:
                return int(value)
            except (TypeError, ValueError):
                return spec.default
        return spec.type(value)

    def set(self, key: str, value) -> None:
        if key not in SETTINGS:
            raise KeyError(key)
        self._q.setValue(key, value)

    def sync(self) -> None:
        self._q.sync()

    @property
    def path(self) -> str:
        return self._q.fileName()
