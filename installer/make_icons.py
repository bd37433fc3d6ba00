#!/usr/bin/env python3
"""The app icon in every form the platforms want, drawn from resources/icons/portal-desk.svg with Qt:

    python installer/make_icons.py [OUT_DIR]      (default: build/icons)

writes portal-desk-<N>.png (16 … 1024 px, for Linux's hicolor theme), portal-desk.ico (Windows:
16 … 256 px, PNG-compressed entries) and portal-desk.icns (macOS: 16 … 1024 px incl. @2x). No tool
beyond PySide6 is needed, so the same command works on Linux, Windows and macOS.
"""

from __future__ import annotations

import os
import struct
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SVG = os.path.join(ROOT, "resources", "icons", "portal-desk.svg")
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512, 1024)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# ICNS element types with PNG payloads (macOS 10.7+): type -> pixel size.
ICNS_TYPES = (("icp4", 16), ("icp5", 32), ("icp6", 64), ("ic07", 128), ("ic08", 256), ("ic09", 512),
              ("ic10", 1024), ("ic11", 32), ("ic12", 64), ("ic13", 256), ("ic14", 512))


def render_png(size: int, svg: str = SVG) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer
    renderer = QSvgRenderer(svg)
    if not renderer.isValid():
        raise ValueError(f"not a usable SVG: {svg}")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data)


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """An .ico file whose entries are PNG images (allowed since Windows Vista)."""
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = 6 + 16 * len(sizes)
    entries, payload = b"", b""
    for size in sizes:
        data = pngs[size]
        dim = 0 if size >= 256 else size           # 0 means 256
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(data), offset + len(payload))
        payload += data
    return header + entries + payload


def icns_bytes(pngs: dict[int, bytes]) -> bytes:
    body = b""
    for kind, size in ICNS_TYPES:
        data = pngs[size]
        body += kind.encode("ascii") + struct.pack(">I", 8 + len(data)) + data
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def make(out_dir: str) -> dict[str, str]:
    from PySide6.QtGui import QGuiApplication
    app = QGuiApplication.instance()
    if app is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QGuiApplication(sys.argv[:1])
    os.makedirs(out_dir, exist_ok=True)
    pngs = {size: render_png(size) for size in PNG_SIZES}
    made = {}
    for size, data in pngs.items():
        path = os.path.join(out_dir, f"portal-desk-{size}.png")
        with open(path, "wb") as f:
            f.write(data)
        made[f"png{size}"] = path
    for name, data in (("portal-desk.ico", ico_bytes({s: pngs[s] for s in ICO_SIZES})),
                       ("portal-desk.icns", icns_bytes(pngs))):
        path = os.path.join(out_dir, name)
        with open(path, "wb") as f:
            f.write(data)
        made[name.rsplit(".", 1)[1]] = path
    return made


if __name__ == "__main__":
    target = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "build", "icons")
    for path in make(target).values():
        print(os.path.relpath(path, ROOT) if path.startswith(ROOT) else path)
