"""The main window's pages: what each is, and building each on first use."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtWidgets import QWidget


class LazyPages(Mapping):
    """The window's pages by key, each built on first access."""

    def __init__(self, keys, build):
        self._keys = list(keys)
        self._build = build
        self._built: dict[str, QWidget] = {}

    def __getitem__(self, key: str) -> QWidget:
        if key not in self._keys:
            raise KeyError(key)
        if key not in self._built:
            self._built[key] = self._build(key)
        return self._built[key]

    def __iter__(self):
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)

    def built(self) -> dict[str, QWidget]:
        return dict(self._built)


class Page:
    def __init__(self, key: str, title: str, roles: set[str] | None, make):
        self.key, self.title, self.roles, self.make = key, title, roles, make
