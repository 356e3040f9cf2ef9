"""ReportLab's PDFDocEncoding of plain ASCII text, without the codec when it is not needed.

Every name, number, object reference and string ReportLab writes into the file goes through
``pdfdoc.pdfdocEnc``, which encodes it with the ``extpdfdoc`` codec: a character-map codec,
about eight times slower than ASCII's. A case file writes some 60,000 of them (thousands of
structure elements, each with references to its parent and page), nearly all plain ASCII.

PDFDocEncoding and ASCII give the same bytes for every ASCII character except U+0018 to
U+001F, which PDFDocEncoding cannot encode (the codec raises). :func:`pdfdoc_bytes` gives
ASCII's bytes for ASCII text without those eight characters and leaves everything else to
the original, so the output (and every error) is exactly what it was. :func:`install` puts it
in ``pdfdoc`` and in every ReportLab module that took its own reference to the original.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from typing import Any

from reportlab.pdfbase import pdfdoc

__all__ = ["install", "pdfdoc_bytes"]

_NOT_IN_PDFDOC = re.compile(rb"[\x18-\x1f]")  # ASCII characters PDFDocEncoding lacks


def pdfdoc_bytes(original: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """``original`` (``pdfdocEnc``) with ASCII text encoded directly."""

    def encode(value: Any) -> Any:
        if value.__class__ is str and value.isascii():
            data = value.encode("ascii")
            if _NOT_IN_PDFDOC.search(data) is None:
                return data
        return original(value)

    encode.hj_original = original  # type: ignore[attr-defined]
    return encode


def install() -> bool:
    """Encode ASCII text directly from now on; True when it was done here."""
    original = pdfdoc.pdfdocEnc
    if hasattr(original, "hj_original"):
        return False  # installed before
    fast = pdfdoc_bytes(original)
    for name, module in list(sys.modules.items()):
        if name.startswith("reportlab.") and getattr(module, "pdfdocEnc", None) is original:
            module.pdfdocEnc = fast  # type: ignore[attr-defined]
    return True
