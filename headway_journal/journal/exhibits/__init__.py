"""Exhibits: the files a user attaches to a case (screenshots, receipts, letters, recordings).

``store``: the content-addressed exhibit store (add, verify, open, remove; thumbnails and
print copies). Import what other modules need from this package, not from its modules.

Nothing here imports Qt; Pillow is imported lazily, when an image is first decoded.
"""

from __future__ import annotations

from .store import (
    DEFAULT_MAX_BYTES,
    MAX_IMAGE_PIXELS,
    PRINT_MAX_PX,
    AttachmentError,
    AttachmentStore,
    PrintCopy,
    StoredBlob,
    configure_pillow,
    safe_display_name,
    sniff_media_type,
)

__all__ = [
    "DEFAULT_MAX_BYTES",
    "MAX_IMAGE_PIXELS",
    "PRINT_MAX_PX",
    "AttachmentError",
    "AttachmentStore",
    "PrintCopy",
    "StoredBlob",
    "configure_pillow",
    "safe_display_name",
    "sniff_media_type",
]
