"""The Qt binding must not leak references to None (PySide6 6.12.0 on Python 3.11 does,
and a long session then aborts with "none_dealloc")."""

import sys

from PySide6.QtGui import QImage


def test_void_qt_calls_keep_none_references():
    image = QImage(8, 8, QImage.Format.Format_RGB32)
    before = sys.getrefcount(None)
    for _ in range(2000):
        image.fill(0)
    lost = before - sys.getrefcount(None)
    assert lost < 200, f"{lost} references to None lost in 2000 Qt calls"
