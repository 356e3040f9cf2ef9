"""Render the app icon's PNG sizes from its SVG with QtSvg.

Run after editing the SVG, then commit the PNGs:

    QT_QPA_PLATFORM=offscreen .venv/bin/python headway_journal/resources/make_icons.py

Writes icons/hicolor/<N>x<N>/apps/<APP_ID>.png next to this file for every size in SIZES.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

APP_ID = "co.headwayjournal.HeadwayJournal"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
HERE = Path(__file__).resolve().parent
SVG = HERE / "icons" / f"{APP_ID}.svg"
# The tile in the SVG spans 8..120 of its 128-unit canvas. At sizes where that margin is not a
# whole number of pixels (24 px), the tile is placed on whole pixels instead, so its outline
# stays sharp rather than smeared over two pixel rows.
TILE = QRectF(8, 8, 112, 112)


def png_path(size: int) -> Path:
    return HERE / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    margin = max(1, round(size * TILE.x() / 128))
    renderer.setViewBox(TILE)
    renderer.render(painter, QRectF(margin, margin, size - 2 * margin, size - 2 * margin))
    painter.end()
    return image.convertToFormat(QImage.Format.Format_ARGB32)


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        print(f"cannot read {SVG}", file=sys.stderr)
        return 1
    for size in SIZES:
        out = png_path(size)
        out.parent.mkdir(parents=True, exist_ok=True)
        if not render(renderer, size).save(str(out), b"PNG"):
            print(f"cannot write {out}", file=sys.stderr)
            return 1
        print(out.relative_to(HERE))
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
