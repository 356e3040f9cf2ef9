"""Content-addressed store for exhibits (screenshots, receipts, letters, recordings).

Layout under ``root`` (``<journal>/attachments``), every directory 0700, every file 0600::

    objects/ab/cdef...        the exhibits, named by the SHA-256 of their bytes (git-style
                              fan-out: two hex digits, then the other 62)
    tmp/                      files being written; moved into place with os.replace
    thumbs/<max_px>/ab/...    cached PNG thumbnails
    print/<max_px>/ab/...     downscaled copies for the PDF case file, made when an image is
                              attached (or at the first case file); each carries a digest
                              and is checked whenever it is read (see print_copies.py)
    damaged/                  a stored object that no longer matched its name is moved here
                              (never deleted) when the same bytes are attached again

The stored object is a byte-for-byte copy of what the user chose: nothing here rewrites,
re-encodes or strips an exhibit. Derivatives (thumbnails, print copies) are separate files
that can always be rebuilt from the object.

This module knows nothing about the database, never imports Qt, imports Pillow lazily and
never logs file contents or names.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import io
import logging
import os
import re
import shutil
import stat
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import IO, Any, BinaryIO, Protocol

from ... import i18n
from .images import (
    IMAGE_TYPES,
    MAX_IMAGE_PIXELS,
    PILLOW_FORMATS,
    Probe,
    bomb_types,
    on_paper,
    probe_image,
    render,
)
from .media import SNIFF_BYTES, TextCheck, sniff_media_type
from .names import safe_display_name
from .print_copies import (
    PRINT_MAX_PX,
    PrintCopy,
    check_print_copy,
    jpeg_print_copy,
    png_print_copy,
    png_print_copy_as_is,
)

__all__ = [
    "DEFAULT_MAX_BYTES",
    "AttachmentError",
    "AttachmentStore",
    "StoredBlob",
]

_log = logging.getLogger(__name__)

DEFAULT_MAX_BYTES = 200 * 1024 * 1024

_MIB = 1024 * 1024
_CHUNK = _MIB
_STALE_TMP_SECONDS = 24 * 60 * 60
_MAX_DERIVATIVE_PX = 8192
_SHA256_RE = re.compile(r"[0-9a-f]{64}")


class AttachmentError(ValueError):
    """A file could not be attached. ``str(e)`` is one plain sentence for the user.

    ``reason`` is a short machine-readable code: "missing", "not_a_file", "unreadable",
    "empty", "too_large", "changed", "image_too_large", "write_failed".
    """

    def __init__(self, message: str, reason: str = "invalid") -> None:
        super().__init__(message)
        self.reason = reason


@dataclass(frozen=True)
class StoredBlob:
    """An exhibit file as the store keeps it: its SHA-256, size, type and image facts."""
    sha256: str
    size: int
    media_type: str  # detected from the content, never from the name
    original_name: str  # sanitised display name; metadata only, never a path
    is_image: bool
    preview_ok: bool  # False for corrupt/truncated images and formats we do not decode
    width: int | None  # as displayed (EXIF orientation applied); None if unknown
    height: int | None
    # True when this very call put the object into the store (it was not there before): an
    # operation that then fails removes it again unless a row refers to it (exhibits.orphans).
    created: bool = field(default=False, compare=False)


def _format_limit(max_bytes: int) -> str:
    mb = max_bytes / _MIB
    if mb < 0.01:
        return f"{max_bytes:,} bytes"
    return f"{mb:,.2f}".rstrip("0").rstrip(".") + " MB"


# --------------------------------------------------------------------------- file helpers


def _mkdir_private(path: Path) -> bool:
    """Create a 0700 directory, and 0700 any missing parents (existing ones are left alone).

    True if this call created ``path``.
    """
    missing: list[Path] = []
    probe = path
    while not probe.is_dir():
        missing.append(probe)
        if probe.parent == probe:
            break
        probe = probe.parent
    created = False
    for directory in reversed(missing):
        try:
            directory.mkdir(mode=0o700)
        except FileExistsError:
            if not directory.is_dir():
                raise
            continue  # another thread or process made it first
        os.chmod(directory, 0o700)  # mkdir's mode is filtered by the umask
        created = directory == path
    return created


def _fsync_dir(path: Path) -> None:
    if os.name == "nt":  # pragma: no cover - directories cannot be opened there
        return
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _unlink_quietly(path: Path) -> None:
    try:
        path.unlink()
    except FileNotFoundError:
        pass
    except OSError:  # pragma: no cover - best effort; a stale temp file is harmless
        _log.warning("could not remove temporary file %s", path.name)


def _check_max_px(max_px: int) -> None:
    if isinstance(max_px, bool) or not isinstance(max_px, int):
        raise ValueError(i18n.text("max_px must be an integer"))
    if not 1 <= max_px <= _MAX_DERIVATIVE_PX:
        raise ValueError(i18n.text("max_px must be between 1 and {MAX_DERIVATIVE_PX}").format(
            MAX_DERIVATIVE_PX=_MAX_DERIVATIVE_PX))


def _open_source(path: Path) -> int:
    """Open a user's file for reading (follows symbolic links, never blocks on a FIFO)."""
    flags = (
        os.O_RDONLY
        | getattr(os, "O_CLOEXEC", 0)
        | getattr(os, "O_NONBLOCK", 0)
        | getattr(os, "O_NOCTTY", 0)
        | getattr(os, "O_BINARY", 0)
    )
    return os.open(path, flags)


def _read_chunk(fd: int, size: int) -> bytes:
    return os.read(fd, size)


def _read_error(display: str, exc: OSError) -> AttachmentError:
    if isinstance(exc, FileNotFoundError) or exc.errno in (errno.ENOENT, errno.ESTALE):
        return AttachmentError(
            i18n.text("“{display}” could not be found; it may have been moved or deleted, so "
                      "nothing was attached.").format(display=display),
            "missing",
        )
    if isinstance(exc, IsADirectoryError):
        return AttachmentError(
            i18n.text("“{display}” is a folder, not a file; nothing was attached.").format(
                display=display), "not_a_file"
        )
    if isinstance(exc, PermissionError):
        return AttachmentError(
            i18n.text("“{display}” could not be read because permission was denied; nothing was "
                      "attached.").format(display=display),
            "unreadable",
        )
    reason = exc.strerror or type(exc).__name__
    return AttachmentError(
        i18n.text("“{display}” could not be read ({reason}); nothing was attached.").format(
            display=display, reason=reason),
        "unreadable",
    )


def _write_error(display: str, exc: OSError) -> AttachmentError:
    reason = exc.strerror or type(exc).__name__
    return AttachmentError(
        i18n.text("“{display}” could not be saved into the journal ({reason}); nothing was "
                  "attached.").format(display=display, reason=reason),
        "write_failed",
    )


class Spool(Protocol):
    """How a locked journal's store keeps an incoming file unreadable on disk
    (``journal.crypto.spool.SpoolCipher``)."""

    def encrypt(self, chunk: bytes) -> bytes: ...

    def open_plain(self, path: Path) -> BinaryIO: ...


class Incoming:
    """A temp file in root/tmp that hashes, counts and sniffs everything written to it
    (encrypted by ``spool`` as it is written, when the store has one)."""

    def __init__(self, tmp_dir: Path, max_bytes: int, display: str,
                 spool: Spool | None = None) -> None:
        self._max_bytes = max_bytes
        self._display = display
        self.spool = spool
        try:
            fd, name = tempfile.mkstemp(prefix="incoming-", suffix=".part", dir=tmp_dir)
        except OSError as exc:
            raise _write_error(display, exc) from exc
        self.path = Path(name)
        self._file: IO[bytes] = os.fdopen(fd, "wb")
        self._hash = hashlib.sha256()
        self._text = TextCheck()
        self._head = bytearray()
        self.size = 0
        self.sha256 = ""
        self.media_type = "application/octet-stream"

    def check_size(self, size: int) -> None:
        if size > self._max_bytes:
            raise AttachmentError(
                i18n.text("“{display}” is larger than the {format_limit} limit for attachments "
                          "(the limit can be changed in Settings); nothing was attached.").format(
                              display=self._display, format_limit=_format_limit(self._max_bytes)),
                "too_large",
            )

    def write(self, chunk: bytes) -> None:
        self.size += len(chunk)
        self.check_size(self.size)
        self._hash.update(chunk)
        self._text.feed(chunk)
        if len(self._head) < SNIFF_BYTES:
            self._head += chunk[: SNIFF_BYTES - len(self._head)]
        try:
            self._file.write(chunk if self.spool is None else self.spool.encrypt(chunk))
        except OSError as exc:
            raise _write_error(self._display, exc) from exc

    def finish(self) -> None:
        """Flush and fsync; fix the digest and the media type. Raises if empty."""
        if self.size == 0:
            raise AttachmentError(
                i18n.text("“{display}” is empty (0 bytes); nothing was attached.").format(
                    display=self._display), "empty"
            )
        try:
            self._file.flush()
            os.fsync(self._file.fileno())
            self._file.close()
        except OSError as exc:
            raise _write_error(self._display, exc) from exc
        self.sha256 = self._hash.hexdigest()
        media = sniff_media_type(bytes(self._head))
        if media == "text/plain" and not self._text.finish():
            media = "application/octet-stream"
        self.media_type = media

    def open_plain(self) -> BinaryIO:
        """The bytes received, from the start (decrypted when spooled)."""
        if self.spool is None:
            return open(self.path, "rb")
        return self.spool.open_plain(self.path)

    def discard(self) -> None:
        with contextlib.suppress(OSError):
            self._file.close()
        _unlink_quietly(self.path)


# --------------------------------------------------------------------------- the store


class AttachmentStore:
    """Content-addressed exhibit store. Safe to use from several threads."""

    def __init__(self, root: Path, *, max_bytes: int = DEFAULT_MAX_BYTES,
                 read_only: str | None = None, derived: Path | None = None) -> None:
        """``read_only`` (why the journal cannot be written) refuses every addition and
        writes nothing under ``root``; ``derived`` is where thumbnails, print copies and temp
        files go instead of ``root`` (a read-only journal's private scratch folder)."""
        if isinstance(max_bytes, bool) or not isinstance(max_bytes, int) or max_bytes <= 0:
            raise ValueError(i18n.text("max_bytes must be a positive number of bytes"))
        self.root = Path(root)
        self.max_bytes = max_bytes
        self.read_only = read_only
        base = self.root if derived is None else Path(derived)
        self._objects = self.root / "objects"
        self._tmp = base / "tmp"
        self._thumbs = base / "thumbs"
        self._print = base / "print"
        self._damaged = self.root / "damaged"
        if read_only is None:
            _mkdir_private(self.root)
            _mkdir_private(self._objects)
        for sub in (self._tmp, self._thumbs, self._print):
            if read_only is None or derived is not None:
                _mkdir_private(sub)
        if read_only is None:
            self.remove_stale_temp_files()

    def _refuse_read_only(self, display: str) -> None:
        if self.read_only is not None:
            raise AttachmentError(
                i18n.text("“{display}” was not attached: this journal is read-only "
                          "({read_only}).").format(
                              display=display, read_only=self.read_only), "read_only")

    # ----------------------------------------------------------------- adding

    def add_file(self, src: Path, *, original_name: str | None = None) -> StoredBlob:
        """Copy a user's file into the store (symbolic links are followed)."""
        src = Path(src)
        display = safe_display_name(src.name if original_name is None else original_name)
        self._refuse_read_only(display)
        try:
            fd = _open_source(src)
        except OSError as exc:
            raise _read_error(display, exc) from exc
        try:
            try:
                before = os.fstat(fd)
            except OSError as exc:
                raise _read_error(display, exc) from exc
            if stat.S_ISDIR(before.st_mode):
                raise _read_error(display, IsADirectoryError(errno.EISDIR, i18n.text("Is a directory")))
            if not stat.S_ISREG(before.st_mode):
                raise AttachmentError(
                    i18n.text("“{display}” is not a regular file (it may be a device or a pipe); "
                              "nothing was attached.").format(display=display),
                    "not_a_file",
                )
            incoming = Incoming(self._tmp, self.max_bytes, display, self.new_spool())
            try:
                incoming.check_size(before.st_size)
                while True:
                    try:
                        chunk = _read_chunk(fd, _CHUNK)
                    except OSError as exc:
                        raise _read_error(display, exc) from exc
                    if not chunk:
                        break
                    incoming.write(chunk)
                try:
                    after = os.fstat(fd)
                except OSError as exc:
                    raise _read_error(display, exc) from exc
                if (
                    incoming.size != before.st_size
                    or after.st_size != before.st_size
                    or after.st_mtime_ns != before.st_mtime_ns
                ):
                    raise AttachmentError(
                        i18n.text("“{display}” changed while it was being copied, so nothing was "
                                  "attached; try again once it is no longer being written to.").format(
                                      display=display),
                        "changed",
                    )
                incoming.finish()
                return self._commit(incoming, display)
            except BaseException:
                incoming.discard()
                raise
        finally:
            os.close(fd)

    def add_bytes(self, data: bytes, *, original_name: str) -> StoredBlob:
        """Store bytes already in memory (e.g. a pasted screenshot)."""
        display = safe_display_name(original_name)
        self._refuse_read_only(display)
        view = memoryview(data).cast("B")
        incoming = Incoming(self._tmp, self.max_bytes, display, self.new_spool())
        try:
            incoming.check_size(len(view))
            for start in range(0, len(view), _CHUNK):
                incoming.write(bytes(view[start : start + _CHUNK]))
            incoming.finish()
            return self._commit(incoming, display)
        except BaseException:
            incoming.discard()
            raise

    def _commit(self, incoming: Incoming, display: str) -> StoredBlob:
        media = incoming.media_type
        is_image = media in IMAGE_TYPES
        probe = Probe(False, None, None)
        if is_image:
            try:
                probe = probe_image(self._probe_source(incoming), media)
            except bomb_types() as exc:
                raise AttachmentError(
                    i18n.text("“{display}” is an image too large to open safely (more than {value} "
                              "million pixels); nothing was attached.").format(
                                  display=display, value=MAX_IMAGE_PIXELS // 1_000_000),
                    "image_too_large",
                ) from exc
        blob = StoredBlob(
            sha256=incoming.sha256,
            size=incoming.size,
            media_type=media,
            original_name=display,
            is_image=is_image,
            preview_ok=probe.preview_ok,
            width=probe.width,
            height=probe.height,
        )
        target = self.object_path(incoming.sha256)
        try:
            created = _mkdir_private(target.parent)
            if created:
                _fsync_dir(self._objects)
            if os.path.lexists(target):
                if self.verify_file(incoming.sha256, incoming.size) is None:
                    incoming.discard()
                    self.stored(blob, target)
                    return blob
                self._set_aside_damaged(target)
            self._place(incoming, target)
            _fsync_dir(target.parent)
        except OSError as exc:
            raise _write_error(display, exc) from exc
        self.stored(blob, target)
        return replace(blob, created=True)

    def stored(self, blob: StoredBlob, path: Path) -> None:
        """Called once an object is in the store (new or already there) at ``path``: a store
        that keeps objects elsewhere too (``shared.blobs``, in the database) does it here. If it
        raises, nothing is attached."""

    def _place(self, incoming: Incoming, target: Path) -> None:
        """Move a checked incoming file to its place (a locked journal's store seals it)."""
        os.replace(incoming.path, target)

    def new_spool(self) -> Spool | None:
        """What keeps an incoming file unreadable while it is received: nothing here (a plain
        journal's files are plain); a locked journal's store encrypts it."""
        return None

    @staticmethod
    def _probe_source(incoming: Incoming) -> Path | bytes:
        if incoming.spool is None:
            return incoming.path
        with incoming.open_plain() as fh:  # an image within the pixel limit: memory is fine
            return fh.read()

    def _set_aside_damaged(self, target: Path) -> None:
        """Move an object whose bytes no longer match its name out of the way (never delete)."""
        _mkdir_private(self._damaged)
        sha = target.parent.name + target.name
        os.replace(target, self._damaged / f"{sha}.{time.time_ns()}")
        _fsync_dir(self._damaged)
        _log.warning("stored object %s did not match its hash; moved to damaged/", sha)

    # ----------------------------------------------------------------- lookups

    def path_for(self, sha256: str) -> Path:
        """Where the object with this hash lives (64 lowercase hex digits, else ValueError)."""
        return self.object_path(sha256)

    def object_path(self, sha256: str) -> Path:
        """The object's file under ``objects/`` (``path_for`` of a store that keeps objects
        elsewhere fetches it there first)."""
        if not isinstance(sha256, str) or not _SHA256_RE.fullmatch(sha256):
            raise ValueError(i18n.text("not a SHA-256 hex digest (64 lowercase hex digits)"))
        return self._objects / sha256[:2] / sha256[2:]

    def exists(self, sha256: str) -> bool:
        return self.path_for(sha256).is_file()

    def verify(self, sha256: str, expected_size: int | None = None) -> str | None:
        """None if the object is sound, else "missing", "size differs",
        "altered (SHA-256 mismatch)" or "unreadable (<reason>)"."""
        return self.verify_file(sha256, expected_size)

    def verify_file(self, sha256: str, expected_size: int | None = None) -> str | None:
        """``verify`` of the file under ``objects/`` (what a store elsewhere caches here)."""
        path = self.object_path(sha256)
        try:
            fd = os.open(path, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0))
        except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
            return "missing"
        except OSError as exc:
            return i18n.text("unreadable ({value})").format(
                value=exc.strerror or type(exc).__name__)
        try:
            st = os.fstat(fd)
            if not stat.S_ISREG(st.st_mode):
                return "missing"
            if expected_size is not None and st.st_size != expected_size:
                return i18n.text("size differs")
            digest = hashlib.sha256()
            while chunk := os.read(fd, _CHUNK):
                digest.update(chunk)
        except OSError as exc:
            return i18n.text("unreadable ({value})").format(
                value=exc.strerror or type(exc).__name__)
        finally:
            os.close(fd)
        if digest.hexdigest() != sha256:
            return i18n.text("altered (SHA-256 mismatch)")
        return None

    def iter_hashes(self) -> Iterator[str]:
        """Hashes of all stored objects, sorted. Stray files are skipped."""
        try:
            fanouts = sorted(self._objects.iterdir())
        except FileNotFoundError:
            return
        for fanout in fanouts:
            if len(fanout.name) != 2 or not fanout.is_dir():
                continue
            for entry in sorted(fanout.iterdir()):
                sha = fanout.name + entry.name
                if _SHA256_RE.fullmatch(sha) and entry.is_file():
                    yield sha

    # ----------------------------------------------------------------- plaintext
    # What callers read an exhibit through, so that a locked journal's store (sealed files,
    # ``sealed_store``) gives them the plaintext the same way; never read ``path_for`` directly.

    def open_plain(self, sha256: str) -> BinaryIO:
        """The exhibit's bytes as a binary file object (close it)."""
        return open(self.path_for(sha256), "rb")

    def read_bytes(self, sha256: str) -> bytes:
        return self.path_for(sha256).read_bytes()

    def copy_plain_to(self, sha256: str, dest: Path) -> None:
        """Write the exhibit's bytes to ``dest`` (created 0600 if new)."""
        fd = os.open(dest, os.O_CREAT | os.O_TRUNC | os.O_WRONLY, 0o600)
        with self.open_plain(sha256) as src, os.fdopen(fd, "wb") as dst:
            shutil.copyfileobj(src, dst, _CHUNK)

    def thumbnail_bytes(self, sha256: str, max_px: int = 256) -> bytes | None:
        """The PNG bytes of :meth:`thumbnail` (None: no preview)."""
        path = self.thumbnail(sha256, max_px)
        try:
            return None if path is None else path.read_bytes()
        except OSError:
            return None

    # ----------------------------------------------------------------- derivatives

    def thumbnail(self, sha256: str, max_px: int = 256) -> Path | None:
        """A cached PNG at most max_px on its long side; None if no preview is possible."""
        return self._thumbnail(sha256, max_px)

    def print_image(self, sha256: str, max_px: int = PRINT_MAX_PX) -> Path | None:
        """The path of :meth:`print_copy`; None if no print copy can be made."""
        copy = self.print_copy(sha256, max_px)
        return None if copy is None else copy.path

    def print_copy(self, sha256: str, max_px: int = PRINT_MAX_PX) -> PrintCopy | None:
        """A verified, cached copy for the case file, at most ``max_px`` on its long side.

        JPEG (quality 85) from JPEG exhibits, else an 8-bit grey or RGB PNG with
        transparency composited onto white; EXIF orientation applied, metadata (EXIF, colour
        profile) dropped: a PDF places the pixels as DeviceRGB or DeviceGray anyway.
        The cached copy is read and checked every time (see print_copies.py); a
        missing, damaged or stale one is made again. None if the exhibit is missing or
        is not a decodable image.
        """
        _check_max_px(max_px)
        src = self.path_for(sha256)
        source = bytes.fromhex(sha256)
        try:
            with open(src, "rb") as fh:
                media = sniff_media_type(fh.read(SNIFF_BYTES))
        except OSError:
            return None
        formats = PILLOW_FORMATS.get(media)
        if formats is None:
            return None
        as_jpeg = media == "image/jpeg"
        name = sha256[2:] + (".jpg" if as_jpeg else ".png")
        out = self._print / str(max_px) / sha256[:2] / name
        try:
            data = out.read_bytes()
        except OSError:
            data = b""
        found = check_print_copy(data, source) if data else None
        if found is None and media == "image/png":
            data = self._png_copy_as_is(src, source, max_px) or b""
            found = check_print_copy(data, source) if data else None
            if found is not None and not self._write_print_copy(out, data, sha256):
                return None
        if found is None:
            try:
                img = on_paper(render(src, formats, max_px, fast=True))
                if as_jpeg:
                    buf = io.BytesIO()
                    img.save(buf, "JPEG", quality=85, optimize=True)
                    data = jpeg_print_copy(buf.getvalue(), source, img.width, img.height)
                else:
                    data = png_print_copy(img, source)
            except Exception:  # bombs, corrupt or truncated data: no print copy
                return None
            found = ("image/jpeg" if as_jpeg else "image/png", img.width, img.height)
            if not self._write_print_copy(out, data, sha256):
                return None
        kind, width, height = found
        return PrintCopy(out, hashlib.sha256(data).hexdigest(), kind, width, height)

    @staticmethod
    def _png_copy_as_is(src: Path, source: bytes, max_px: int) -> bytes | None:
        """A PNG exhibit small and plain enough to be its own print copy (no decoding)."""
        try:
            return png_print_copy_as_is(src.read_bytes(), source, max_px)
        except (OSError, ValueError, MemoryError):
            return None

    def _write_print_copy(self, out: Path, data: bytes, sha256: str) -> bool:
        try:  # no fsync: a copy that did not reach the disk fails its check and is redone
            self._write_atomically(out, lambda fh: fh.write(data), durable=False)
        except Exception:  # disk full and the like: no print copy, never a crash
            _log.warning("could not write a print copy for %s", sha256)
            return False
        return True

    def make_print_copy(self, blob: StoredBlob) -> PrintCopy | None:
        """Make (or check) the print copy of a just stored exhibit, so that the first case
        file finds it ready; nothing for files that are not images with a preview. Never
        raises: the case file makes a missing copy itself."""
        if not (blob.is_image and blob.preview_ok):
            return None
        try:
            return self.print_copy(blob.sha256)
        except Exception:  # the attachment itself is stored; a print copy can wait
            _log.warning("could not make a print copy for %s", blob.sha256)
            return None

    def _thumbnail(self, sha256: str, max_px: int) -> Path | None:
        _check_max_px(max_px)
        src = self.path_for(sha256)
        try:
            with open(src, "rb") as fh:
                media = sniff_media_type(fh.read(SNIFF_BYTES))
        except OSError:
            return None
        formats = PILLOW_FORMATS.get(media)
        if formats is None:
            return None
        out = self._thumbs / str(max_px) / sha256[:2] / (sha256[2:] + ".png")
        try:
            if out.stat().st_size > 0:
                return out
        except OSError:
            pass
        try:
            img = render(src, formats, max_px)
        except Exception:  # bombs, corrupt or truncated data: no preview
            return None
        icc = img.info.get("icc_profile")
        options: dict[str, Any] = {"icc_profile": icc} if icc else {}
        try:
            self._write_atomically(out, lambda fh: img.save(fh, "PNG", **options))
        except Exception:  # disk full and the like: still "no preview", never a crash
            _log.warning("could not write a derivative for %s", sha256)
            return None
        return out

    def _write_atomically(
        self, out: Path, write: Callable[[IO[bytes]], object], *, durable: bool = True
    ) -> None:
        _mkdir_private(out.parent)
        fd, name = tempfile.mkstemp(prefix="derived-", suffix=".part", dir=self._tmp)
        tmp = Path(name)
        try:
            with os.fdopen(fd, "wb") as fh:
                write(fh)
                if durable:
                    fh.flush()
                    os.fsync(fh.fileno())
            os.replace(tmp, out)
        except BaseException:
            _unlink_quietly(tmp)
            raise

    # ----------------------------------------------------------------- removal

    def delete(self, sha256: str) -> None:
        """Remove an object and its derivatives. Only for exhibits the user chose to purge."""
        if self.read_only is not None:
            raise OSError(errno.EROFS, i18n.text("The journal is read-only ({read_only})").format(
                read_only=self.read_only))
        target = self.object_path(sha256)
        rest = sha256[2:]
        for base in (self._thumbs, self._print):
            try:
                sizes = list(base.iterdir())
            except FileNotFoundError:
                continue
            for size_dir in sizes:
                for ext in (".png", ".jpg"):
                    (size_dir / sha256[:2] / (rest + ext)).unlink(missing_ok=True)
        try:
            target.unlink()
        except FileNotFoundError:
            return
        _fsync_dir(target.parent)

    def remove_stale_temp_files(self, older_than_s: float = _STALE_TMP_SECONDS) -> int:
        """Remove leftovers of interrupted writes in tmp/ (never user data). Returns count."""
        removed = 0
        cutoff = time.time() - older_than_s
        try:
            entries = list(self._tmp.iterdir())
        except OSError:
            return 0
        for entry in entries:
            if not entry.name.endswith(".part"):
                continue
            try:
                if entry.is_file() and entry.stat().st_mtime < cutoff:
                    entry.unlink()
                    removed += 1
            except OSError:
                continue
        return removed
