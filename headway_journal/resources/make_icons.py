"""Render the app icon's PNG sizes from its SVG with QtSvg.

Run after editing the SVG, then commit the PNGs:

    QT_QPA_PLATFORM=offscreen .venv/bin/python headway_journal/resources/make_icons.py

Writes icons/hicolor/<N>x<N>/apps/<APP_ID>.png next to this file for every size in SIZES and,
in a source checkout, the Windows and macOS bundle icons (only PyInstaller needs those, so they
are not package data) with Pillow: <repo>/resources/headway-journal.ico (16 to 256 px) and
<repo>/resources/headway-journal.icns (16 to 1024 px).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

APP_ID = "co.headwayjournal.HeadwayJournal"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
HERE = Path(__file__).resolve().parent
# Top-level resources/ of the source checkout: build-time assets for the Windows/macOS bundles.
BUNDLE_ICONS = HERE.parents[1] / "resources"
ICO = BUNDLE_ICONS / "headway-journal.ico"
ICNS = BUNDLE_ICONS / "headway-journal.icns"
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_SIZES = (16, 32, 64, 128, 256, 512, 1024)
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


def to_pillow(image: QImage) -> Image.Image:
    rgba = image.convertToFormat(QImage.Format.Format_RGBA8888)
    size = (rgba.width(), rgba.height())
    data = bytes(rgba.constBits())
    return Image.frombuffer("RGBA", size, data, "raw", "RGBA", rgba.bytesPerLine(), 1).copy()


def write_bundle_icons(renderer: QSvgRenderer) -> None:
    """The .ico (Windows) and .icns (macOS) from the same SVG, each size rendered sharp."""
    rendered = {size: to_pillow(render(renderer, size)) for size in {*ICO_SIZES, *ICNS_SIZES}}
    largest = rendered[max(ICO_SIZES)]
    largest.save(ICO, format="ICO", sizes=[(s, s) for s in ICO_SIZES],
                 append_images=[rendered[s] for s in ICO_SIZES])
    rendered[1024].save(ICNS, format="ICNS", append_images=[rendered[s] for s in ICNS_SIZES])
    print(ICO.relative_to(HERE.parents[1]))
    print(ICNS.relative_to(HERE.parents[1]))


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
        if not render(renderer, size).save(str(out)):  # PNG, from the suffix
            print(f"cannot write {out}", file=sys.stderr)
            return 1
        print(out.relative_to(HERE))
    if BUNDLE_ICONS.is_dir():
        write_bundle_icons(renderer)
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
