"""Text recognition (OCR) of image exhibits with Tesseract, through pytesseract, when both are
installed; without them everything else works and :func:`unavailable` says how to enable it.

``recognise_file(path, media_type)`` opens the image the safe way (``exhibits.images``: an
explicit format list, decompression bombs refused), enlarges small screenshots (Tesseract reads
text about 20 px high best), and returns the text. ``recognise_exhibits(service, ids, ...)``
does a list of exhibits and stores each text through the service; the GUI runs it off its
thread (``ui.capture.ocr_queue``), the command line directly (``headway-journal ocr``).
Never imports Qt.
"""

from __future__ import annotations

import importlib
import shutil
import tempfile
from collections.abc import Callable, Sequence
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

from headway_journal import i18n
from headway_journal.platform import tesseract_locations

from ..exhibits.images import PILLOW_FORMATS, bomb_types, open_image
from ..exhibits.media import sniff_media_type

if TYPE_CHECKING:  # pragma: no cover
    from ..service import JournalService

__all__ = ["ENABLE_HELP", "MAX_SIDE", "binding_module", "engine_name", "recognise_bytes", "recognise_exhibits",
           "recognise_file", "recognise_path", "unavailable"]

MAX_SIDE = 4000  # larger images are read at this size (time stays bounded)
MIN_SIDE = 1200  # smaller ones are enlarged to about this
TIMEOUT_SECONDS = 120

ENABLE_HELP = (
    "Text in screenshots is recognised with Tesseract. To enable it: on Debian or Ubuntu run "
    "“sudo apt install tesseract-ocr tesseract-ocr-eng”; on Windows install Tesseract from the "
    "UB Mannheim installer (github.com/UB-Mannheim/tesseract/wiki) and add it to PATH; on "
    "macOS run “brew install tesseract”. Then restart Headway Journal.")


@cache
def binding_module() -> ModuleType | None:
    """pytesseract, or None when it is not installed."""
    try:
        return importlib.import_module("pytesseract")
    except ImportError:
        return None


def tesseract_program() -> str | None:
    """The Tesseract program: on PATH, else where its installers put it (``platform``)."""
    found = shutil.which("tesseract")
    if found is None:
        found = next((p for p in tesseract_locations() if Path(p).is_file()), None)
    return found


def unavailable() -> str | None:
    """Why text cannot be recognised here (one sentence with the way to enable it), or None."""
    binding = binding_module()
    if binding is None:
        return i18n.text("The pytesseract package is not installed. ") + i18n.text(ENABLE_HELP)
    program = tesseract_program()
    if program is None:
        return i18n.text("Tesseract is not installed. ") + i18n.text(ENABLE_HELP)
    binding.pytesseract.tesseract_cmd = program
    return None


@cache
def engine_name() -> str:
    """"tesseract 5.3.0" (stored with each text)."""
    binding = binding_module()
    if binding is None or unavailable() is not None:
        return "tesseract"
    try:
        return f"tesseract {binding.get_tesseract_version()}"
    except Exception:  # noqa: BLE001 - any failure of the binary: the name without a version
        return "tesseract"


def _prepared(img: Any) -> Any:
    """Grey, and scaled so that screen text is large enough (and huge images bounded)."""
    # Pillow is loaded when an image is read, not when the window starts (a start-up test)
    image_mod: Any = importlib.import_module("PIL.Image")
    ops: Any = importlib.import_module("PIL.ImageOps")
    Image, ImageOps = image_mod, ops  # noqa: N806 - the modules' own names
    img = ImageOps.exif_transpose(img).convert("L")
    longest = max(img.size)
    if longest > MAX_SIDE:
        img.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.LANCZOS)
    elif longest < MIN_SIDE:
        factor = min(4, MIN_SIDE // max(1, longest) + 1)
        img = img.resize((img.width * factor, img.height * factor), Image.Resampling.LANCZOS)
    return img


def recognise_file(path: Path, media_type: str) -> str:
    """The text Tesseract reads in the image at ``path``. Raises OSError (or ValueError) with
    a plain message when it cannot be read."""
    why = unavailable()
    binding = binding_module()
    if why is not None or binding is None:
        raise ValueError(why or "")
    if media_type not in PILLOW_FORMATS:
        raise ValueError(i18n.text("This exhibit is not an image."))
    try:
        with open_image(path, PILLOW_FORMATS[media_type]) as img:
            img.seek(0)
            prepared = _prepared(img)
    except bomb_types() as exc:
        raise ValueError(i18n.text("The image is too large to read.")) from exc
    try:
        text = binding.image_to_string(prepared, timeout=TIMEOUT_SECONDS)
    except RuntimeError as exc:  # pytesseract's timeout
        raise OSError(i18n.text("Reading the text took too long.")) from exc
    except binding.TesseractError as exc:
        raise OSError(i18n.text("Tesseract could not read the image.")) from exc
    return str(text).strip()


def recognise_bytes(data: bytes) -> str:
    """The text in an image given as bytes (a screenshot not stored yet); raises ValueError
    when the bytes are no image Pillow may open, OSError when they cannot be read."""
    media_type = sniff_media_type(data[:4096])
    if media_type not in PILLOW_FORMATS:
        raise ValueError(i18n.text("This is not an image."))
    with tempfile.TemporaryDirectory(prefix="headway-ocr-") as tmp:
        path = Path(tmp) / "image"
        path.write_bytes(data)
        return recognise_file(path, media_type)


def recognise_path(path: Path) -> str:
    """The text in the image file at ``path`` (its type from its content)."""
    with path.open("rb") as f:
        head = f.read(4096)
    media_type = sniff_media_type(head)
    if media_type not in PILLOW_FORMATS:
        raise ValueError(i18n.text("This is not an image."))
    return recognise_file(path, media_type)


def recognise_exhibits(service: JournalService, ids: Sequence[int], *,
                       cancelled: Callable[[], bool] = lambda: False,
                       progress: Callable[[int, int], None] = lambda _d, _t: None,
                       replace_correction: bool = False) -> tuple[list[int], list[str]]:
    """Recognise and store the text of each exhibit in ``ids``. Returns the ids stored and one
    sentence per exhibit that failed; stops early when ``cancelled()``."""
    engine = engine_name()
    stored: list[int] = []
    problems: list[str] = []
    for done, attachment_id in enumerate(ids):
        if cancelled():
            break
        progress(done, len(ids))
        view = service.attachment(attachment_id)
        try:
            text = recognise_file(service.attachment_path(attachment_id), view.media_type)
        except (OSError, ValueError) as exc:
            problems.append(f"{view.original_name}: {exc}")
            continue
        if service.save_recognised_text(attachment_id, text, engine,
                                        replace_correction=replace_correction):
            stored.append(attachment_id)
    progress(len(ids), len(ids))
    return stored, problems
