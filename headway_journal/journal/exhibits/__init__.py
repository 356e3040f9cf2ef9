"""Exhibits: the files a user attaches to a case (screenshots, receipts, letters, recordings).

- ``store``: the content-addressed exhibit store (add, verify, open, remove; the derived
  thumbnails and print copies, made and cached on demand);
- ``media``: what kind of file an exhibit is, from its content, never from its name;
- ``images``: opening images safely with Pillow (decompression bombs refused), rendering them
  smaller with the EXIF orientation applied;
- ``print_copies``: the self-checking PNG/JPEG format of the copies the case file places;
- ``names``: a user's file name made safe to display;
- ``orphans``: the store compared with the exhibits in the database: unused ("orphan") files
  and missing ones, and the clean-up after an operation that failed (imported on its own, as
  ``exhibits.orphans``, by the service layer).

Import the store's API from this package. Nothing here imports Qt; only ``orphans`` knows the
database; Pillow is imported lazily, when an image is first decoded.
"""

from __future__ import annotations

from .images import MAX_IMAGE_PIXELS, configure_pillow
from .media import sniff_media_type
from .names import safe_display_name
from .print_copies import PRINT_MAX_PX, PrintCopy
from .store import DEFAULT_MAX_BYTES, AttachmentError, AttachmentStore, StoredBlob

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
