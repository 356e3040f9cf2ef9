"""Exhibit pages: each image exhibit framed with its caption and digest, two to a page when both
fit."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from reportlab.platypus import (
    Flowable,
    Image,
    KeepTogether,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from .... import i18n
from ..exhibits import Prepared
from ..images import PlacedImage, PlacedPixels
from ..marks import Heading
from ..styles import FONT, FRAME_H, FRAME_W, RULE
from ..tagging import AltText
from ..text import esc, escape, exhibit_title, fmt_dt, fmt_size
from .context import Context

__all__ = [
    "exhibit_images",
    "image_slot",
]


def exhibit_images(ctx: Context, prep: Prepared) -> list[Flowable]:
    """One page per image exhibit, or two to a page when both lose at most 15% there."""
    images = sorted(prep.images, key=lambda im: im.exhibit.number)
    captions = {id(im): _caption(ctx, im) for im in images}  # made and measured once each
    out: list[Flowable] = []
    gap = 18.0
    half_h = (FRAME_H - gap) / 2
    i = 0
    while i < len(images):
        ctx.check()
        first = images[i]
        second = images[i + 1] if i + 1 < len(images) else None
        if (
            second is not None
            and _is_short(first, half_h, captions[id(first)].height)
            and _is_short(second, half_h, captions[id(second)].height)
        ):
            out += [PageBreak(), image_slot(ctx, first, half_h, captions[id(first)]),
                    Spacer(1, gap)]
            out.append(image_slot(ctx, second, half_h, captions[id(second)]))
            i += 2
        else:
            out += [PageBreak(), image_slot(ctx, first, FRAME_H, captions[id(first)])]
            i += 1
    return out


class _Caption(NamedTuple):
    """An image exhibit's heading, file details and digest, and the height they take."""

    heading: Heading
    info: Paragraph
    sha: Paragraph
    height: float


def _caption(ctx: Context, im: PlacedImage) -> _Caption:
    heading, info, sha = _slot_text(ctx, im)
    return _Caption(heading, info, sha, _text_height((heading, info, sha)))


def _slot_text(ctx: Context, im: PlacedImage) -> tuple[Heading, Paragraph, Paragraph]:
    ex = im.exhibit
    heading = Heading(
        i18n.text("Exhibit {number} — {esc}").format(number=ex.number, esc=esc(ex.caption)),
        ctx.s.h3,
        key=f"exhibit-{ex.number}",
        title=exhibit_title(ex),
        sink=ctx.marks,
    )
    info = ctx.p(
        i18n.text("Original file: {original_name} · added {fmt_dt} · {fmt_size} · {media_type} · scaled for print; the digest identifies the original file").format(original_name=ex.original_name, fmt_dt=fmt_dt(ex.added_at), fmt_size=fmt_size(ex.size), media_type=ex.media_type),
        ctx.s.muted,
    )
    sha = ctx.markup(i18n.text("SHA-256 {escape}").format(escape=escape(ex.sha256)), ctx.s.mono)
    return heading, info, sha


def _text_height(parts: Sequence[Paragraph]) -> float:
    total = 0.0
    for part in parts:
        _, h = part.wrap(FRAME_W, FRAME_H)
        total += h + part.getSpaceBefore() + part.getSpaceAfter()
    return total + 8  # space between image and caption


def _fit(im: PlacedImage, box_h: float, text_h: float) -> tuple[float, float]:
    """The image's size in a box ``box_h`` high that also holds ``text_h`` of caption."""
    avail_h = max(40.0, box_h - text_h - 2)
    # never enlarge beyond 96 dpi (0.75 pt per pixel)
    scale = min(FRAME_W / im.width_px, avail_h / im.height_px, 0.75)
    return im.width_px * scale, im.height_px * scale


def _is_short(im: PlacedImage, half_h: float, text_h: float) -> bool:
    """Landscape-ish images that lose at most 15% of their size on a half page."""
    full_w, _ = _fit(im, FRAME_H, text_h)
    half_w, _ = _fit(im, half_h, text_h)
    return half_w >= 0.85 * full_w


def image_slot(ctx: Context, im: PlacedImage, box_h: float,
               caption: _Caption | None = None) -> KeepTogether:
    """An image exhibit with its heading, frame, file details and digest, fitted into *box_h*
    (``caption``: those texts already made for ``im``, used as they are)."""
    heading, info, sha, text_h = caption if caption is not None else _caption(ctx, im)
    width, height = _fit(im, box_h, text_h)
    picture: Flowable
    if im.pixels is not None:
        name = f"HJExhibit{im.exhibit.number}"
        picture = PlacedPixels(im.pixels, im.width_px, im.height_px, width, height, name)
    else:
        picture = Image(str(im.path), width=width, height=height)
    # read aloud as the exhibit's caption (the structure tree's alternative text)
    picture = AltText(picture, f"Exhibit {im.exhibit.number}: {im.exhibit.caption}")
    framed = Table([[picture]], colWidths=[width], rowHeights=[height], hAlign="CENTER")
    framed.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), FONT),
                ("BOX", (0, 0), (-1, -1), 0.5, RULE),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return KeepTogether([heading, framed, Spacer(1, 6), info, sha])
