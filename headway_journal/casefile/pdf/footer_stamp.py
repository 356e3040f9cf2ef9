"""Page numbers stamped on a joined case file (when pages of PDF exhibits are appended).

"Page X of Y" needs the final total, appended exhibit pages included, so the footers are drawn
on an overlay (one ReportLab canvas, one page per page of the file) after merging and laid
over each page, placed relative to each page's own crop box (appended A4 pages are stamped
correctly). Under a reduced exhibit page the frame of the page is drawn too. The footer's
drawing and texts are :mod:`.footer`'s (also used when footers are drawn during the layout).
"""

from __future__ import annotations

import io

from pypdf import PageObject, PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    ContentStream,
    DecodedStreamObject,
    DictionaryObject,
    FloatObject,
    NameObject,
)
from reportlab.lib.pagesizes import LETTER
from reportlab.pdfgen.canvas import Canvas

from ... import i18n
from ..data import CaseFileData
from .footer import draw_footer, footer_texts
from .pages import Rect
from .progress import Progress
from .styles import BUILD_LOCK, FONT, RULE

__all__ = ["lay_over", "stamp_footers"]


def stamp_footers(
    writer: PdfWriter, data: CaseFileData, placed: dict[int, Rect], progress: Progress
) -> None:
    """Footer on every page: title, generation date and "Page X of Y" (final total)."""
    progress.report(85, i18n.text("Numbering pages"))
    total = len(writer.pages)
    boxes = []
    for page in writer.pages:
        box = page.cropbox
        boxes.append((float(box.left), float(box.bottom), float(box.width), float(box.height)))
    title, generated = footer_texts(data)
    buf = io.BytesIO()
    with BUILD_LOCK:  # font subsetting state is shared between ReportLab documents
        canvas = Canvas(
            buf, pagesize=LETTER, pageCompression=1, invariant=0, initialFontName=FONT
        )
        for number, (left, bottom, width, height) in enumerate(boxes, start=1):
            canvas.setPageSize((max(1.0, left + width), max(1.0, bottom + height)))
            frame = placed.get(number - 1)
            if frame is not None:  # the edge of a reduced exhibit page
                canvas.setStrokeColor(RULE)
                canvas.setLineWidth(0.5)
                canvas.rect(frame[0], frame[1], frame[2] - frame[0], frame[3] - frame[1])
            draw_footer(
                canvas, (left, bottom, width), title, generated, number, total, frame
            )
            canvas.showPage()
        canvas.save()
    overlay = PdfReader(io.BytesIO(buf.getvalue()))
    for index, page in enumerate(writer.pages):
        if index % 10 == 0:
            progress.check()
            progress.report(85 + int(10 * index / max(1, total)), i18n.text("Numbering pages"))
        if not lay_over(writer, page, overlay.pages[index]):
            page.merge_page(overlay.pages[index])
        page.compress_content_streams()


def lay_over(writer: PdfWriter, page: PageObject, footer: PageObject) -> bool:
    """Draw *footer* (a page of the overlay) over *page* as a form XObject, without parsing
    either content stream (pypdf's ``merge_page`` parses both to rename resources, the
    slowest step of numbering a long case file). The page's own content is wrapped in q/Q,
    as ``merge_page`` does; its resources are copied, never changed in place, since pages
    may share them. False (nothing changed) when the page inherits its resources or has no
    content of its own: the caller then merges as before."""
    register = getattr(writer, "_add_object", None)  # pypdf's only way to add a new stream
    resources = page.get("/Resources")
    contents = footer.get_contents()
    own = page.get_contents()
    if register is None or resources is None or contents is None or own is None:
        return False
    resources = resources.get_object()
    if not isinstance(resources, DictionaryObject):
        return False
    try:  # a stream pypdf cannot decode: merge_page decides, as before
        own_data, footer_data = own.get_data(), contents.get_data()
    except Exception:
        return False
    box = footer.mediabox
    form = DecodedStreamObject()
    form.set_data(footer_data)
    form[NameObject("/Type")] = NameObject("/XObject")
    form[NameObject("/Subtype")] = NameObject("/Form")
    form[NameObject("/BBox")] = ArrayObject(
        FloatObject(v) for v in (box.left, box.bottom, box.right, box.top)
    )
    footer_resources = footer.get("/Resources")
    if footer_resources is not None:
        form[NameObject("/Resources")] = footer_resources.get_object().clone(writer)
    form_ref = register(form)
    xobjects = DictionaryObject()
    old = resources.get("/XObject")
    if old is not None:
        xobjects.update(old.get_object())
    name = "/HjFooter"
    while name in xobjects:
        name += "x"
    xobjects[NameObject(name)] = form_ref
    copied = DictionaryObject(resources)
    copied[NameObject("/XObject")] = xobjects
    page[NameObject("/Resources")] = copied
    data = b"q\n" + own_data + b"\nQ\nq " + name.encode("ascii") + b" Do Q\n"
    stream = ContentStream(None, writer)
    stream.set_data(data)
    page.replace_contents(stream)
    return True
