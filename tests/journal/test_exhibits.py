"""Tests for the content-addressed exhibit store (headway_journal.journal.exhibits)."""

from __future__ import annotations

import errno
import hashlib
import io
import os
import stat
import struct
import subprocess
import sys
import threading
import time
import warnings
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from headway_journal.journal.exhibits import (
    DEFAULT_MAX_BYTES,
    AttachmentError,
    AttachmentStore,
    StoredBlob,
    configure_pillow,
    safe_display_name,
    sniff_media_type,
)
from headway_journal.journal.exhibits import images as images_mod
from headway_journal.journal.exhibits import store as store_mod

# --------------------------------------------------------------------------- helpers


def _png_chunk(tag: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data))


def _png_claiming(width: int, height: int) -> bytes:
    """A tiny, hand-written PNG whose header claims width x height (a decompression bomb)."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _png_chunk(b"IHDR", ihdr)
        + _png_chunk(b"IDAT", zlib.compress(b"\x00" * 64))
        + _png_chunk(b"IEND", b"")
    )


def _image_bytes(fmt: str, size: tuple[int, int] = (80, 40), **kw: Any) -> bytes:
    # Noise, so that the compressed data is large enough to truncate meaningfully.
    img = Image.effect_noise(size, 80).convert("RGB")
    buf = io.BytesIO()
    img.save(buf, fmt, **kw)
    return buf.getvalue()


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _files_under(path: Path) -> list[Path]:
    return sorted(p for p in path.rglob("*") if p.is_file() or p.is_symlink())


@pytest.fixture
def store(tmp_path: Path) -> AttachmentStore:
    return AttachmentStore(tmp_path / "journal" / "attachments")


@pytest.fixture
def write(tmp_path: Path) -> Callable[[str, bytes], Path]:
    src_dir = tmp_path / "src"
    src_dir.mkdir()

    def _write(name: str, data: bytes) -> Path:
        path = src_dir / name
        path.write_bytes(data)
        return path

    return _write


def _assert_nothing_stored(store: AttachmentStore) -> None:
    assert _files_under(store.root / "objects") == []
    assert _files_under(store.root / "tmp") == []


# --------------------------------------------------------------------------- storing


def test_add_file_stores_byte_identical_copy(
    store: AttachmentStore, write: Callable[[str, bytes], Path]
) -> None:
    data = os.urandom(3 * 1024 * 1024 + 17)  # several 1 MiB chunks plus a tail
    src = write("receipt.bin", data)
    blob = store.add_file(src)
    assert blob.sha256 == _sha(data)
    assert blob.size == len(data)
    assert blob.original_name == "receipt.bin"
    assert blob.media_type == "application/octet-stream"
    assert not blob.is_image and not blob.preview_ok
    assert blob.width is None and blob.height is None
    stored = store.path_for(blob.sha256)
    assert stored == store.root / "objects" / blob.sha256[:2] / blob.sha256[2:]
    assert stored.read_bytes() == data
    assert hashlib.sha256(stored.read_bytes()).hexdigest() == blob.sha256
    assert src.read_bytes() == data  # the source is untouched
    assert store.exists(blob.sha256)
    assert store.verify(blob.sha256, len(data)) is None
    assert _files_under(store.root / "tmp") == []


def test_add_bytes_matches_add_file_and_dedups(
    store: AttachmentStore, write: Callable[[str, bytes], Path]
) -> None:
    data = b"Call with Acme support, ticket 12345\n" * 100
    first = store.add_bytes(data, original_name="notes.txt")
    second = store.add_file(write("copy of notes.txt", data))
    third = store.add_bytes(data, original_name="again.txt")
    assert first.sha256 == second.sha256 == third.sha256 == _sha(data)
    assert first.media_type == "text/plain"
    assert second.original_name == "copy of notes.txt"
    assert list(store.iter_hashes()) == [first.sha256]
    assert len(_files_under(store.root / "objects")) == 1
    assert _files_under(store.root / "tmp") == []
    assert store.path_for(first.sha256).read_bytes() == data


def test_concurrent_adds_of_same_bytes_store_one_object(store: AttachmentStore) -> None:
    data = os.urandom(200_000)
    results: list[StoredBlob] = []
    errors: list[BaseException] = []

    def work() -> None:
        try:
            results.append(store.add_bytes(data, original_name="same.bin"))
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert {r.sha256 for r in results} == {_sha(data)}
    assert len(_files_under(store.root / "objects")) == 1
    assert store.verify(_sha(data), len(data)) is None
    assert _files_under(store.root / "tmp") == []


def test_media_type_comes_from_content_not_extension(
    store: AttachmentStore, write: Callable[[str, bytes], Path]
) -> None:
    png = _image_bytes("PNG")
    blob = store.add_file(write("statement.pdf", png))
    assert blob.media_type == "image/png"
    assert blob.is_image and blob.preview_ok
    assert (blob.width, blob.height) == (80, 40)
    pdf = store.add_file(write("photo.png", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n"))
    assert pdf.media_type == "application/pdf"
    assert not pdf.is_image


@pytest.mark.parametrize(
    ("fmt", "media_type", "kw"),
    [
        ("PNG", "image/png", {}),
        ("JPEG", "image/jpeg", {"quality": 90}),
        ("GIF", "image/gif", {}),
        ("WEBP", "image/webp", {}),
        ("BMP", "image/bmp", {}),
        ("TIFF", "image/tiff", {}),
    ],
)
def test_real_images_are_recognised_and_previewable(
    store: AttachmentStore, fmt: str, media_type: str, kw: dict[str, Any]
) -> None:
    data = _image_bytes(fmt, (120, 90), **kw)
    blob = store.add_bytes(data, original_name=f"image.{fmt.lower()}")
    assert blob.media_type == media_type
    assert blob.is_image and blob.preview_ok
    assert (blob.width, blob.height) == (120, 90)
    thumb = store.thumbnail(blob.sha256, 60)
    assert thumb is not None
    with Image.open(thumb, formats=["PNG"]) as img:
        assert img.size == (60, 45)


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "image/png"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "image/jpeg"),
        (b"GIF89a\x01\x00\x01\x00", "image/gif"),
        (b"GIF87a\x01\x00\x01\x00", "image/gif"),
        (b"RIFF\x24\x00\x00\x00WEBPVP8 ", "image/webp"),
        (b"RIFF\x24\x00\x00\x00WAVEfmt ", "application/octet-stream"),
        (b"BM\x3a\x00\x00\x00\x00\x00\x00\x00\x36\x00\x00\x00\x28\x00\x00\x00", "image/bmp"),
        (b"BMW invoice for the repair of my car\n", "text/plain"),
        (b"II*\x00\x08\x00\x00\x00", "image/tiff"),
        (b"MM\x00*\x00\x00\x00\x08", "image/tiff"),
        (b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic", "image/heic"),
        (b"\x00\x00\x00\x18ftypmif1\x00\x00\x00\x00mif1heic", "image/heic"),
        (b"\x00\x00\x00\x1cftypavif\x00\x00\x00\x00avifmif1miaf", "image/avif"),
        (b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom", "video/mp4"),
        (b"%PDF-1.4\n", "application/pdf"),
        (b"PK\x03\x04\x14\x00\x06\x00", "application/zip"),
        (b"{\\rtf1\\ansi\\deff0", "application/rtf"),
        (b"<!DOCTYPE html>\n<html>", "text/html"),
        (b"\xef\xbb\xbf  <html lang='en'>", "text/html"),
        (b"<p>Hello</p>", "text/html"),
        (b"<paragraph>not html</paragraph>", "text/plain"),
        (b"Dear Sir,\nI am writing about...\n", "text/plain"),
        ("Caf\u00e9 \u2013 r\u00e9clamation".encode(), "text/plain"),
        ("na\u00efve \u20ac".encode()[:-1], "text/plain"),  # multibyte char cut by the head
        (b"text with a \x00 NUL", "application/octet-stream"),
        (b"\xff\xfe\x00\x00", "application/octet-stream"),
        (b"latin-1 caf\xe9 bytes", "application/octet-stream"),
        (b"", "application/octet-stream"),
        (b"\x00", "application/octet-stream"),
    ],
)
def test_sniff_media_type(head: bytes, expected: str) -> None:
    assert sniff_media_type(head) == expected


def test_text_with_binary_after_the_sniffed_head_is_octet_stream(store: AttachmentStore) -> None:
    data = b"looks like text\n" * 1000 + b"\x00\x01\x02"
    assert sniff_media_type(data[:4096]) == "text/plain"
    blob = store.add_bytes(data, original_name="log.txt")
    assert blob.media_type == "application/octet-stream"
    truncated_utf8 = b"fine text " * 10 + "\u20ac".encode()[:2]
    assert store.add_bytes(truncated_utf8, original_name="x.txt").media_type == (
        "application/octet-stream"
    )


def test_heic_is_an_image_without_preview(store: AttachmentStore) -> None:
    data = b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + os.urandom(500)
    blob = store.add_bytes(data, original_name="IMG_0001.HEIC")
    assert blob.media_type == "image/heic"
    assert blob.is_image and not blob.preview_ok
    assert store.thumbnail(blob.sha256) is None
    assert store.print_image(blob.sha256) is None
    assert store.path_for(blob.sha256).read_bytes() == data


# --------------------------------------------------------------------------- refusals


def test_empty_file_is_refused(store: AttachmentStore, write: Callable[[str, bytes], Path]) -> None:
    with pytest.raises(AttachmentError) as info:
        store.add_file(write("blank.png", b""))
    assert str(info.value) == "\u201cblank.png\u201d is empty (0 bytes); nothing was attached."
    assert info.value.reason == "empty"
    with pytest.raises(AttachmentError, match="is empty"):
        store.add_bytes(b"", original_name="pasted.png")
    _assert_nothing_stored(store)


def test_file_over_the_limit_is_refused(tmp_path: Path, write: Callable[[str, bytes], Path]) -> None:
    store = AttachmentStore(tmp_path / "att", max_bytes=2 * 1024 * 1024)
    with pytest.raises(AttachmentError) as info:
        store.add_file(write("video.mov", os.urandom(2 * 1024 * 1024 + 1)))
    message = str(info.value)
    assert info.value.reason == "too_large"
    assert "\u201cvideo.mov\u201d" in message
    assert "2 MB" in message
    assert "Settings" in message
    assert message.endswith("nothing was attached.")
    with pytest.raises(AttachmentError, match="2 MB"):
        store.add_bytes(b"x" * (2 * 1024 * 1024 + 1), original_name="big.bin")
    _assert_nothing_stored(store)
    exactly = store.add_bytes(b"y" * (2 * 1024 * 1024), original_name="exact.bin")
    assert exactly.size == 2 * 1024 * 1024


def test_limit_is_enforced_while_streaming_a_growing_file(
    tmp_path: Path, write: Callable[[str, bytes], Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    store = AttachmentStore(tmp_path / "att", max_bytes=1000)
    src = write("growing.log", b"a" * 500)
    real_read = store_mod._read_chunk

    def endless(fd: int, size: int) -> bytes:
        real_read(fd, size)
        return b"b" * 400  # the file keeps growing while we read it

    monkeypatch.setattr(store_mod, "_read_chunk", endless)
    with pytest.raises(AttachmentError) as info:
        store.add_file(src)
    assert info.value.reason == "too_large"
    _assert_nothing_stored(store)


def test_default_limit_message_says_200_mb() -> None:
    assert DEFAULT_MAX_BYTES == 200 * 1024 * 1024
    assert store_mod._format_limit(DEFAULT_MAX_BYTES) == "200 MB"
    assert store_mod._format_limit(512 * 1024) == "0.5 MB"
    assert store_mod._format_limit(10) == "10 bytes"


def test_invalid_max_bytes(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        AttachmentStore(tmp_path / "a", max_bytes=0)


def test_missing_file_is_refused(store: AttachmentStore, tmp_path: Path) -> None:
    with pytest.raises(AttachmentError) as info:
        store.add_file(tmp_path / "gone.jpg")
    assert info.value.reason == "missing"
    assert "\u201cgone.jpg\u201d could not be found" in str(info.value)
    _assert_nothing_stored(store)


def test_directory_is_refused(store: AttachmentStore, tmp_path: Path) -> None:
    folder = tmp_path / "Screenshots"
    folder.mkdir()
    with pytest.raises(AttachmentError) as info:
        store.add_file(folder)
    assert info.value.reason == "not_a_file"
    assert str(info.value) == "\u201cScreenshots\u201d is a folder, not a file; nothing was attached."
    _assert_nothing_stored(store)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_fifo_is_refused_without_blocking(store: AttachmentStore, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(AttachmentError) as info:
        store.add_file(fifo)
    assert info.value.reason == "not_a_file"
    _assert_nothing_stored(store)


def test_unreadable_file_is_refused(
    store: AttachmentStore, write: Callable[[str, bytes], Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    src = write("secret.pdf", b"%PDF-1.4 data")

    def denied(path: Path) -> int:
        raise PermissionError(errno.EACCES, "Permission denied", str(path))

    monkeypatch.setattr(store_mod, "_open_source", denied)
    with pytest.raises(AttachmentError) as info:
        store.add_file(src)
    assert info.value.reason == "unreadable"
    assert "\u201csecret.pdf\u201d could not be read because permission was denied" in str(
        info.value
    )
    _assert_nothing_stored(store)


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root can read anything"
)
def test_unreadable_file_by_mode(store: AttachmentStore, write: Callable[[str, bytes], Path]) -> None:
    src = write("locked.txt", b"hello")
    src.chmod(0)
    try:
        with pytest.raises(AttachmentError, match="permission was denied"):
            store.add_file(src)
    finally:
        src.chmod(0o600)
    _assert_nothing_stored(store)


@pytest.mark.parametrize(
    "error",
    [
        FileNotFoundError(errno.ENOENT, "No such file or directory"),
        OSError(errno.ESTALE, "Stale file handle"),
        OSError(errno.EIO, "Input/output error"),
    ],
)
def test_file_that_vanishes_while_being_read(
    store: AttachmentStore,
    write: Callable[[str, bytes], Path],
    monkeypatch: pytest.MonkeyPatch,
    error: OSError,
) -> None:
    src = write("chat.png", os.urandom(3 * 1024 * 1024))
    real_read = store_mod._read_chunk
    calls = 0

    def flaky(fd: int, size: int) -> bytes:
        nonlocal calls
        calls += 1
        if calls == 2:
            src.unlink()
            raise error
        return real_read(fd, size)

    monkeypatch.setattr(store_mod, "_read_chunk", flaky)
    with pytest.raises(AttachmentError) as info:
        store.add_file(src)
    assert info.value.reason in ("missing", "unreadable")
    assert "\u201cchat.png\u201d" in str(info.value)
    _assert_nothing_stored(store)


def test_file_deleted_between_listing_and_open(
    store: AttachmentStore, write: Callable[[str, bytes], Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    src = write("receipt.jpg", b"\xff\xd8\xff" + os.urandom(100))
    real_open = store_mod._open_source

    def delete_first(path: Path) -> int:
        path.unlink()
        return real_open(path)

    monkeypatch.setattr(store_mod, "_open_source", delete_first)
    with pytest.raises(AttachmentError) as info:
        store.add_file(src)
    assert info.value.reason == "missing"
    _assert_nothing_stored(store)


@pytest.mark.parametrize("change", ["shrink", "grow", "rewrite"])
def test_file_that_changes_while_being_read(
    store: AttachmentStore,
    write: Callable[[str, bytes], Path],
    monkeypatch: pytest.MonkeyPatch,
    change: str,
) -> None:
    original = os.urandom(2 * 1024 * 1024 + 10)
    src = write("export.csv", original)
    real_read = store_mod._read_chunk
    calls = 0

    def meddling(fd: int, size: int) -> bytes:
        nonlocal calls
        calls += 1
        chunk = real_read(fd, size)
        if calls == 1:
            if change == "shrink":
                os.truncate(src, 1000)
            elif change == "grow":
                with open(src, "ab") as fh:
                    fh.write(b"more")
            else:  # same size, new content and a new modification time
                time.sleep(0.01)
                with open(src, "r+b") as fh:
                    fh.seek(len(original) - 5)
                    fh.write(b"XXXXX")
                os.utime(src, ns=(time.time_ns(), time.time_ns() + 1_000_000_000))
        return chunk

    monkeypatch.setattr(store_mod, "_read_chunk", meddling)
    with pytest.raises(AttachmentError) as info:
        store.add_file(src)
    assert info.value.reason == "changed"
    assert str(info.value).startswith("\u201cexport.csv\u201d changed while it was being copied")
    _assert_nothing_stored(store)


def test_write_failure_leaves_nothing(
    store: AttachmentStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("headway_journal.journal.exhibits.store.os.replace", full)
    with pytest.raises(AttachmentError) as info:
        store.add_bytes(b"data", original_name="a.txt")
    monkeypatch.undo()
    assert info.value.reason == "write_failed"
    assert "No space left on device" in str(info.value)
    _assert_nothing_stored(store)


# --------------------------------------------------------------------------- images


def test_truncated_png_is_kept_without_preview(store: AttachmentStore) -> None:
    full = _image_bytes("PNG", (300, 200))
    data = full[: len(full) // 2]
    blob = store.add_bytes(data, original_name="cut.png")
    assert blob.media_type == "image/png"
    assert blob.is_image
    assert blob.preview_ok is False
    assert (blob.width, blob.height) == (300, 200)  # from the header
    assert store.path_for(blob.sha256).read_bytes() == data
    assert store.thumbnail(blob.sha256) is None
    assert store.print_image(blob.sha256) is None


def test_corrupt_jpeg_is_kept_without_preview(store: AttachmentStore) -> None:
    data = b"\xff\xd8\xff\xe0" + os.urandom(2000)
    blob = store.add_bytes(data, original_name="scan.jpg")
    assert blob.media_type == "image/jpeg"
    assert blob.is_image and not blob.preview_ok
    assert blob.width is None and blob.height is None
    assert store.verify(blob.sha256, len(data)) is None
    assert store.thumbnail(blob.sha256) is None


def test_truncated_jpeg_is_kept_without_preview(store: AttachmentStore) -> None:
    full = _image_bytes("JPEG", (400, 300), quality=95)
    data = full[: len(full) * 2 // 3]
    blob = store.add_bytes(data, original_name="half.jpg")
    assert blob.is_image and not blob.preview_ok
    assert (blob.width, blob.height) == (400, 300)
    assert store.exists(blob.sha256)


@pytest.mark.parametrize("size", [(30000, 30000), (9000, 9000), (64_000_001, 1)])
def test_decompression_bomb_is_refused(
    store: AttachmentStore, write: Callable[[str, bytes], Path], size: tuple[int, int]
) -> None:
    src = write("innocent.png", _png_claiming(*size))
    with pytest.raises(AttachmentError) as info:
        store.add_file(src)
    assert info.value.reason == "image_too_large"
    assert str(info.value).startswith("\u201cinnocent.png\u201d is an image too large")
    _assert_nothing_stored(store)


def test_bomb_refused_even_if_warning_filters_are_reset(store: AttachmentStore) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")

        def reset_filters() -> None:  # another library undoing configure_pillow()
            warnings.simplefilter("ignore")

        original = images_mod.configure_pillow
        try:
            images_mod.configure_pillow = reset_filters
            Image.MAX_IMAGE_PIXELS = None
            with pytest.raises(AttachmentError, match="too large"):
                store.add_bytes(_png_claiming(9000, 9000), original_name="x.png")
        finally:
            images_mod.configure_pillow = original
            configure_pillow()
    _assert_nothing_stored(store)


def test_image_at_the_pixel_limit_is_accepted(store: AttachmentStore) -> None:
    data = _png_claiming(8000, 8000)  # exactly 64 million pixels; corrupt data, no preview
    blob = store.add_bytes(data, original_name="big.png")
    assert blob.is_image and not blob.preview_ok
    assert (blob.width, blob.height) == (8000, 8000)


def test_configure_pillow_is_idempotent() -> None:
    configure_pillow()
    count = len(warnings.filters)
    configure_pillow()
    configure_pillow()
    assert len(warnings.filters) == count
    assert Image.MAX_IMAGE_PIXELS == 64_000_000
    with pytest.raises(Image.DecompressionBombWarning):
        warnings.warn("bomb", Image.DecompressionBombWarning, stacklevel=1)


def test_module_imports_neither_qt_nor_pillow() -> None:
    code = (
        "import sys, headway_journal.journal.exhibits\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'PyQt6', 'PIL')]\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=Path(__file__).parents[2])


# --------------------------------------------------------------------------- names


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("receipt.png", "receipt.png"),
        ("../../etc/passwd", "passwd"),
        ("/home/user/Pictures/chat.png", "chat.png"),
        ("C:\\Users\\me\\Desktop\\letter.pdf", "letter.pdf"),
        ("..\\..\\boot.ini", "boot.ini"),
        ("folder/", "folder"),
        ("../", "unnamed file"),
        ("..", "unnamed file"),
        ("", "unnamed file"),
        ("   ", "unnamed file"),
        ("bad\x00name.txt", "bad_name.txt"),
        ("line\nbreak\r\n.png", "line_break__.png"),
        ("tab\there", "tab_here"),
        ("del\x7fete", "del_ete"),
        ("c1\x85ctl", "c1_ctl"),
        ("invoice\u202egnp.exe", "invoice_gnp.exe"),
        ("para\u2029sep", "para_sep"),
        ("bad\udcffbytes.jpg", "bad\ufffdbytes.jpg"),
        ("Cafe\u0301.png", "Caf\u00e9.png"),
        ("R\u00e9clamation \u2013 Fran\u00e7ais.pdf", "R\u00e9clamation \u2013 Fran\u00e7ais.pdf"),
        ("statement 4111 1111 1111 1111.pdf", "statement xxxx xxxx xxxx 1111.pdf"),
        ("card-4111111111111111.png", "card-xxxxxxxxxxxx1111.png"),
        ("ticket 1234567890123456.pdf", "ticket 1234567890123456.pdf"),  # not a card (Luhn)
    ],
)
def test_safe_display_name(raw: str, expected: str) -> None:
    assert safe_display_name(raw) == expected


def test_safe_display_name_length_keeps_extension() -> None:
    long = "x" * 400 + ".png"
    name = safe_display_name(long)
    assert len(name) == 255
    assert name.endswith("\u2026.png")
    no_ext = safe_display_name("y" * 1000)
    assert len(no_ext) == 255
    assert safe_display_name("z" * 255) == "z" * 255


def test_hostile_original_name_is_only_metadata(store: AttachmentStore, tmp_path: Path) -> None:
    blob = store.add_bytes(b"content", original_name="../../../outside\n.txt")
    assert blob.original_name == "outside_.txt"
    assert not (tmp_path / "outside_.txt").exists()
    assert not any(p.name.startswith("outside") for p in tmp_path.rglob("*"))
    assert store.path_for(blob.sha256).read_bytes() == b"content"


def test_original_name_overrides_source_name(
    store: AttachmentStore, write: Callable[[str, bytes], Path]
) -> None:
    blob = store.add_file(write("tmp123.dat", b"abc"), original_name="Pasted image.png")
    assert blob.original_name == "Pasted image.png"


# --------------------------------------------------------------------------- symlinks


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_symlink_is_followed_and_copied_as_regular_file(
    store: AttachmentStore, write: Callable[[str, bytes], Path], tmp_path: Path
) -> None:
    data = b"%PDF-1.5\n" + os.urandom(5000)
    target = write("real.pdf", data)
    link = tmp_path / "shortcut.pdf"
    link.symlink_to(target)
    blob = store.add_file(link)
    stored = store.path_for(blob.sha256)
    assert not stored.is_symlink()
    assert stat.S_ISREG(os.lstat(stored).st_mode)
    assert stored.read_bytes() == data
    assert blob.original_name == "shortcut.pdf"
    target.unlink()  # the store does not depend on the source any more
    assert store.verify(blob.sha256, len(data)) is None
    with pytest.raises(AttachmentError) as info:  # now a dangling link
        store.add_file(link)
    assert info.value.reason == "missing"


# --------------------------------------------------------------------------- permissions


@pytest.mark.skipif(os.name == "nt", reason="POSIX permissions")
def test_permissions_are_private_whatever_the_umask(tmp_path: Path) -> None:
    old = os.umask(0)
    try:
        store = AttachmentStore(tmp_path / "journal" / "attachments")
        blob = store.add_bytes(_image_bytes("PNG", (50, 50)), original_name="a.png")
        thumb = store.thumbnail(blob.sha256, 32)
        printed = store.print_image(blob.sha256, 40)
    finally:
        os.umask(old)
    assert thumb is not None and printed is not None
    obj = store.path_for(blob.sha256)
    for f in (obj, thumb, printed):
        assert stat.S_IMODE(f.stat().st_mode) == 0o600, f
    dirs = [store.root, *(p for p in store.root.rglob("*") if p.is_dir())]
    assert {d.relative_to(store.root).as_posix() for d in dirs} >= {
        ".", "objects", "tmp", "thumbs", "print", f"objects/{blob.sha256[:2]}",
    }
    for d in dirs:
        assert stat.S_IMODE(d.stat().st_mode) == 0o700, d


# --------------------------------------------------------------------------- verify


def test_verify_detects_missing_altered_and_size(store: AttachmentStore) -> None:
    data = b"The agent promised a refund within 5 business days.\n"
    blob = store.add_bytes(data, original_name="promise.txt")
    path = store.path_for(blob.sha256)
    assert store.verify(blob.sha256) is None
    assert store.verify(blob.sha256, len(data)) is None
    assert store.verify(blob.sha256, len(data) + 1) == "size differs"

    path.chmod(0o600)
    altered = bytearray(data)
    altered[4] ^= 0x01  # one bit, same size
    path.write_bytes(bytes(altered))
    assert store.verify(blob.sha256, len(data)) == "altered (SHA-256 mismatch)"
    assert store.verify(blob.sha256) == "altered (SHA-256 mismatch)"

    path.write_bytes(data + b"extra")
    assert store.verify(blob.sha256, len(data)) == "size differs"

    path.unlink()
    assert store.verify(blob.sha256, len(data)) == "missing"
    assert not store.exists(blob.sha256)
    assert store.verify("0" * 64) == "missing"


def test_adding_again_repairs_a_damaged_object_and_keeps_the_damaged_copy(
    store: AttachmentStore,
) -> None:
    data = os.urandom(10_000)
    blob = store.add_bytes(data, original_name="a.bin")
    path = store.path_for(blob.sha256)
    path.write_bytes(b"bit rot" + data[7:])
    again = store.add_bytes(data, original_name="a.bin")
    assert again.sha256 == blob.sha256
    assert store.verify(blob.sha256, len(data)) is None
    damaged = _files_under(store.root / "damaged")
    assert len(damaged) == 1
    assert damaged[0].read_bytes().startswith(b"bit rot")


@pytest.mark.parametrize(
    "bad", ["", "abc", "A" * 64, "g" * 64, "0" * 63, "0" * 65, "../" + "0" * 61, "0" * 64 + "\n"]
)
def test_path_for_rejects_invalid_hashes(store: AttachmentStore, bad: str) -> None:
    with pytest.raises(ValueError):
        store.path_for(bad)
    with pytest.raises(ValueError):
        store.exists(bad)


# --------------------------------------------------------------------------- derivatives


def test_thumbnail_size_format_and_caching(
    store: AttachmentStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    blob = store.add_bytes(_image_bytes("PNG", (800, 400)), original_name="wide.png")
    thumb = store.thumbnail(blob.sha256)
    assert thumb is not None
    assert thumb.is_relative_to(store.root / "thumbs" / "256")
    with Image.open(thumb, formats=["PNG"]) as img:
        assert img.format == "PNG"
        assert img.size == (256, 128)
    before = thumb.stat()

    def must_not_render(*args: object, **kwargs: object) -> None:
        raise AssertionError("rendered again")

    monkeypatch.setattr(store_mod, "render", must_not_render)
    again = store.thumbnail(blob.sha256)
    assert again == thumb
    after = thumb.stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)
    monkeypatch.undo()

    small = store.thumbnail(blob.sha256, 64)
    assert small is not None and small != thumb
    with Image.open(small, formats=["PNG"]) as img:
        assert img.size == (64, 32)
    assert _files_under(store.root / "tmp") == []


def test_thumbnail_of_tall_image_and_no_upscaling(store: AttachmentStore) -> None:
    tall = store.add_bytes(_image_bytes("PNG", (300, 900)), original_name="tall.png")
    thumb = store.thumbnail(tall.sha256, 300)
    assert thumb is not None
    with Image.open(thumb, formats=["PNG"]) as img:
        assert img.size == (100, 300)
    tiny = store.add_bytes(_image_bytes("PNG", (20, 10)), original_name="tiny.png")
    thumb = store.thumbnail(tiny.sha256, 256)
    assert thumb is not None
    with Image.open(thumb, formats=["PNG"]) as img:
        assert img.size == (20, 10)


def test_thumbnail_none_for_non_images_and_missing(store: AttachmentStore) -> None:
    blob = store.add_bytes(b"%PDF-1.4\nnot an image", original_name="letter.pdf")
    assert store.thumbnail(blob.sha256) is None
    assert store.print_image(blob.sha256) is None
    assert store.thumbnail("f" * 64) is None
    with pytest.raises(ValueError):
        store.thumbnail(blob.sha256, 0)
    with pytest.raises(ValueError):
        store.thumbnail(blob.sha256, True)


def test_thumbnail_keeps_transparency_and_16_bit_detail(store: AttachmentStore) -> None:
    pal = Image.new("P", (40, 40), 0)
    pal.putpalette([255, 0, 0, 0, 255, 0] + [0] * 762)
    pal.paste(1, (20, 0, 40, 40))
    buf = io.BytesIO()
    pal.save(buf, "PNG", transparency=0)
    blob = store.add_bytes(buf.getvalue(), original_name="pal.png")
    thumb = store.thumbnail(blob.sha256, 20)
    assert thumb is not None
    with Image.open(thumb, formats=["PNG"]) as img:
        assert img.mode == "RGBA"
        assert img.getpixel((1, 10))[3] == 0  # type: ignore[index]
        assert img.getpixel((18, 10)) == (0, 255, 0, 255)

    deep = Image.new("I;16", (30, 30), 30000)
    buf = io.BytesIO()
    deep.save(buf, "PNG")
    blob = store.add_bytes(buf.getvalue(), original_name="deep.png")
    thumb = store.thumbnail(blob.sha256, 30)
    assert thumb is not None
    with Image.open(thumb, formats=["PNG"]) as img:
        value = img.getpixel((5, 5))
        assert isinstance(value, int) and 100 < value < 140  # 30000/256, not clipped to 255


def _jpeg_with_orientation(size: tuple[int, int], orientation: int) -> bytes:
    img = Image.new("RGB", size, (200, 30, 30))
    img.paste((30, 30, 200), (0, 0, size[0] // 2, size[1]))  # left half blue
    exif = Image.Exif()
    exif[0x0112] = orientation
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=95, exif=exif.tobytes())
    return buf.getvalue()


def test_print_image_for_jpeg_photo(store: AttachmentStore) -> None:
    data = _image_bytes("JPEG", (3200, 1600), quality=90)
    blob = store.add_bytes(data, original_name="photo.jpg")
    out = store.print_image(blob.sha256)
    assert out is not None
    assert out.suffix == ".jpg"
    assert out.is_relative_to(store.root / "print" / "1600")
    with Image.open(out, formats=["JPEG"]) as img:
        assert img.format == "JPEG"
        assert img.size == (1600, 800)
    assert store.print_image(blob.sha256) == out
    assert store.path_for(blob.sha256).read_bytes() == data  # the original is untouched


def test_print_image_for_png_screenshot(store: AttachmentStore) -> None:
    blob = store.add_bytes(_image_bytes("PNG", (2400, 1800)), original_name="screen.png")
    out = store.print_image(blob.sha256)
    assert out is not None and out.suffix == ".png"
    with Image.open(out, formats=["PNG"]) as img:
        assert img.size == (1600, 1200)
    smaller = store.print_image(blob.sha256, 800)
    assert smaller is not None and smaller != out
    with Image.open(smaller, formats=["PNG"]) as img:
        assert img.size == (800, 600)


def _screenshot_png(size: tuple[int, int], mode: str = "RGB") -> bytes:
    img = Image.new(mode, size, (246, 247, 249, 255) if mode == "RGBA" else (246, 247, 249))
    for y in range(10, size[1] - 10, 9):  # lines of "text"
        img.paste((30, 30, 30, 255) if mode == "RGBA" else (30, 30, 30), (20, y, size[0] // 2, y + 3))
    if mode == "RGBA":
        img.paste((0, 0, 0, 0), (0, 0, 10, 10))  # a transparent corner
    buf = io.BytesIO()
    img.save(buf, "PNG")
    return buf.getvalue()


def test_print_copy_is_a_plain_png_checked_on_every_read(store: AttachmentStore) -> None:
    blob = store.add_bytes(_screenshot_png((2560, 1440)), original_name="screen.png")
    copy = store.print_copy(blob.sha256)
    assert copy is not None
    assert copy.path == store.root / "print" / "1600" / blob.sha256[:2] / (blob.sha256[2:] + ".png")
    assert (copy.media_type, copy.width, copy.height) == ("image/png", 1600, 900)
    data = copy.path.read_bytes()
    assert copy.sha256 == _sha(data)
    # 8-bit RGB, not interlaced: a PDF can take its rows as they are
    assert data[12:16] == b"IHDR" and data[24:29] == bytes([8, 2, 0, 0, 0])
    with Image.open(copy.path, formats=["PNG"]) as img:
        img.load()
        assert (img.mode, img.size) == ("RGB", (1600, 900))
    stamp = copy.path.stat().st_mtime_ns
    time.sleep(0.01)
    assert store.print_copy(blob.sha256) == copy  # reused: read and checked, not made again
    assert copy.path.stat().st_mtime_ns == stamp
    assert store.print_image(blob.sha256) == copy.path


def _flip_byte(path: Path, offset: int) -> None:
    data = bytearray(path.read_bytes())
    data[offset] ^= 0x01
    path.write_bytes(bytes(data))


@pytest.mark.parametrize(
    "damage",
    ["missing", "empty", "truncated", "pixel data", "record", "no record", "another exhibit's"],
)
def test_damaged_or_missing_print_copy_is_made_again(store: AttachmentStore, damage: str) -> None:
    blob = store.add_bytes(_screenshot_png((2000, 1000)), original_name="screen.png")
    other = store.add_bytes(_screenshot_png((1800, 1000)), original_name="other.png")
    copy = store.print_copy(blob.sha256)
    other_copy = store.print_copy(other.sha256)
    assert copy is not None and other_copy is not None
    good = copy.path.read_bytes()
    if damage == "missing":
        copy.path.unlink()
    elif damage == "empty":
        copy.path.write_bytes(b"")
    elif damage == "truncated":
        copy.path.write_bytes(good[: len(good) // 2])
    elif damage == "pixel data":
        _flip_byte(copy.path, len(good) - 100)  # inside IDAT, CRC left as it was
    elif damage == "record":
        _flip_byte(copy.path, 33 + 8 + 44)  # the recorded height, inside the record chunk
    elif damage == "no record":  # a plain PNG of the right size, e.g. from an older version
        Image.new("RGB", (1600, 800), "white").save(copy.path, "PNG")
    else:  # a sound copy, but of another exhibit
        copy.path.write_bytes(other_copy.path.read_bytes())
    again = store.print_copy(blob.sha256)
    assert again == copy
    assert copy.path.read_bytes() == good  # made the same way again


def test_print_copy_composites_transparency_onto_white(store: AttachmentStore) -> None:
    blob = store.add_bytes(_screenshot_png((300, 200), "RGBA"), original_name="alpha.png")
    copy = store.print_copy(blob.sha256)
    assert copy is not None
    with Image.open(copy.path, formats=["PNG"]) as img:
        assert img.mode == "RGB"
        assert img.getpixel((2, 2)) == (255, 255, 255)
        assert img.getpixel((150, 150)) == (246, 247, 249)


def test_jpeg_print_copy_carries_its_record_and_is_checked(store: AttachmentStore) -> None:
    blob = store.add_bytes(_image_bytes("JPEG", (2400, 1200), quality=90), original_name="p.jpg")
    copy = store.print_copy(blob.sha256)
    assert copy is not None and copy.media_type == "image/jpeg"
    assert (copy.width, copy.height) == (1600, 800)
    good = copy.path.read_bytes()
    with Image.open(copy.path, formats=["JPEG"]) as img:
        img.load()
        assert img.size == (1600, 800)
        assert any(marker == "APP15" for marker, _ in img.applist)
    _flip_byte(copy.path, len(good) - 50)  # in the entropy-coded data
    assert store.print_copy(blob.sha256) == copy
    assert copy.path.read_bytes() == good


def test_make_print_copy_only_for_images_with_a_preview(store: AttachmentStore) -> None:
    text = store.add_bytes(b"The agent promised a refund.\n", original_name="notes.txt")
    broken = store.add_bytes(_screenshot_png((200, 100))[:-40], original_name="cut.png")
    assert not broken.preview_ok
    assert store.make_print_copy(text) is None
    assert store.make_print_copy(broken) is None
    assert _files_under(store.root / "print") == []
    image = store.add_bytes(_screenshot_png((200, 100)), original_name="ok.png")
    made = store.make_print_copy(image)
    assert made is not None and made.path.is_file()
    assert _files_under(store.root / "print") == [made.path]


def test_exif_orientation_is_applied(store: AttachmentStore) -> None:
    data = _jpeg_with_orientation((200, 100), 6)  # stored landscape, shown portrait
    blob = store.add_bytes(data, original_name="phone.jpg")
    assert (blob.width, blob.height) == (100, 200)
    out = store.print_image(blob.sha256)
    assert out is not None
    with Image.open(out, formats=["JPEG"]) as img:
        assert img.size == (100, 200)
        assert img.getexif().get(0x0112) is None
        top = img.getpixel((50, 10))  # rotated 90 degrees clockwise: the left half is on top
        assert isinstance(top, tuple) and top[2] > 150 and top[0] < 100
    thumb = store.thumbnail(blob.sha256, 50)
    assert thumb is not None
    with Image.open(thumb, formats=["PNG"]) as img:
        assert img.size == (25, 50)
    assert store.path_for(blob.sha256).read_bytes() == data  # EXIF kept in the exhibit


def test_stale_cache_entry_of_zero_bytes_is_rebuilt(store: AttachmentStore) -> None:
    blob = store.add_bytes(_image_bytes("PNG", (100, 100)), original_name="a.png")
    thumb = store.thumbnail(blob.sha256, 50)
    assert thumb is not None
    thumb.write_bytes(b"")  # e.g. a crash on a file system that lost the data
    again = store.thumbnail(blob.sha256, 50)
    assert again == thumb and thumb.stat().st_size > 0


# --------------------------------------------------------------------------- listing, deleting


def test_iter_hashes_lists_objects_sorted_and_skips_strays(store: AttachmentStore) -> None:
    hashes = sorted(store.add_bytes(f"exhibit {i}".encode(), original_name="e.txt").sha256 for i in range(5))
    (store.root / "objects" / "zz").mkdir()
    (store.root / "objects" / "README").write_text("stray")
    (store.root / "objects" / hashes[0][:2] / "not-a-hash").write_text("stray")
    assert list(store.iter_hashes()) == hashes


def test_delete_removes_object_and_derivatives(store: AttachmentStore) -> None:
    keep = store.add_bytes(_image_bytes("JPEG", (100, 100)), original_name="keep.jpg")
    blob = store.add_bytes(_image_bytes("JPEG", (300, 200)), original_name="gone.jpg")
    derived = [
        store.thumbnail(blob.sha256),
        store.thumbnail(blob.sha256, 64),
        store.print_image(blob.sha256),
    ]
    kept = [store.thumbnail(keep.sha256), store.print_image(keep.sha256)]
    assert all(p is not None and p.exists() for p in derived + kept)
    store.delete(blob.sha256)
    assert not store.exists(blob.sha256)
    assert all(p is not None and not p.exists() for p in derived)
    assert all(p is not None and p.exists() for p in kept)
    assert list(store.iter_hashes()) == [keep.sha256]
    store.delete(blob.sha256)  # idempotent
    assert store.verify(keep.sha256) is None


def test_stale_temp_files_are_cleaned(tmp_path: Path) -> None:
    store = AttachmentStore(tmp_path / "att")
    old = store.root / "tmp" / "incoming-old.part"
    fresh = store.root / "tmp" / "incoming-new.part"
    old.write_bytes(b"x")
    fresh.write_bytes(b"y")
    past = time.time() - 3 * 24 * 3600
    os.utime(old, (past, past))
    AttachmentStore(store.root)
    assert not old.exists()
    assert fresh.exists()


def test_existing_store_is_reopened(tmp_path: Path) -> None:
    first = AttachmentStore(tmp_path / "att")
    blob = first.add_bytes(b"persisted", original_name="p.txt")
    second = AttachmentStore(tmp_path / "att")
    assert list(second.iter_hashes()) == [blob.sha256]
    assert second.verify(blob.sha256, blob.size) is None


def test_stored_blob_is_frozen(store: AttachmentStore) -> None:
    blob = store.add_bytes(b"x", original_name="x.txt")
    with pytest.raises(AttributeError):
        blob.size = 5  # type: ignore[misc]


def _png_parts(data: bytes) -> tuple[bytes, bytes]:
    """(IHDR body, the joined IDAT bodies) of a PNG."""
    pos, header, idat = 8, b"", b""
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos : pos + 8])
        body = data[pos + 8 : pos + 8 + length]
        header = body if kind == b"IHDR" else header
        idat += body if kind == b"IDAT" else b""
        pos += 12 + length
    return header, idat


def _pixels(path_or_data: Path | bytes) -> tuple[str, tuple[int, int], bytes]:
    src = io.BytesIO(path_or_data) if isinstance(path_or_data, bytes) else path_or_data
    with Image.open(src) as img:
        img.load()
        return img.mode, img.size, img.tobytes()


@pytest.mark.parametrize("mode", ["RGB", "L"])
def test_plain_png_within_print_size_is_its_own_print_copy(
    store: AttachmentStore, mode: str
) -> None:
    """A plain 8-bit screenshot already within 1600 px is not decoded and compressed again:
    its own compressed rows (any PNG filters) become the print copy, with the record."""
    from PIL import PngImagePlugin

    img = Image.open(io.BytesIO(_screenshot_png((1500, 900)))).convert(mode)
    info = PngImagePlugin.PngInfo()
    info.add_text("Software", "gnome-screenshot")
    buf = io.BytesIO()
    img.save(buf, "PNG", pnginfo=info, optimize=True)  # adaptive row filters
    blob = store.add_bytes(buf.getvalue(), original_name="screen.png")
    copy = store.print_copy(blob.sha256)
    assert copy is not None and (copy.width, copy.height) == (1500, 900)
    data = copy.path.read_bytes()
    assert _png_parts(data) == _png_parts(buf.getvalue())  # the same rows, as they were
    assert _pixels(copy.path) == _pixels(buf.getvalue())
    assert store.print_copy(blob.sha256) == copy  # the record checks on the next read
    _flip_byte(copy.path, len(data) - 30)
    assert store.print_copy(blob.sha256) == copy and copy.path.read_bytes() == data


def _png_with(kind: str) -> bytes:
    """PNGs within print size that must still be decoded for their print copy."""
    base = Image.open(io.BytesIO(_screenshot_png((400, 300))))
    buf = io.BytesIO()
    if kind == "alpha":
        base.convert("RGBA").save(buf, "PNG")
    elif kind == "transparent colour":
        base.save(buf, "PNG", transparency=(246, 247, 249))
    elif kind == "palette":
        base.convert("P").save(buf, "PNG")
    elif kind == "interlaced":
        return _interlaced_png(base)
    elif kind == "16-bit":
        base.convert("L").convert("I;16").save(buf, "PNG")
    elif kind == "EXIF orientation":
        exif = Image.Exif()
        exif[0x0112] = 6
        base.save(buf, "PNG", exif=exif)
    elif kind == "larger":
        base.resize((2000, 1500)).save(buf, "PNG")
    return buf.getvalue()


def _interlaced_png(img: Image.Image) -> bytes:
    """Pillow cannot write Adam7; re-use its rows under an IHDR that claims interlacing
    (decoders then read them differently, which is all this needs)."""
    buf = io.BytesIO()
    img.save(buf, "PNG")
    data = bytearray(buf.getvalue())
    data[28] = 1  # IHDR interlace method
    crc = zlib.crc32(bytes(data[12:29])) & 0xFFFFFFFF
    data[29:33] = struct.pack(">I", crc)
    return bytes(data)


@pytest.mark.parametrize(
    "kind",
    ["alpha", "transparent colour", "palette", "16-bit", "EXIF orientation", "larger"],
)
def test_other_pngs_get_a_rendered_print_copy(store: AttachmentStore, kind: str) -> None:
    """Only plain, opaque, unrotated PNGs within size are placed as they are; the others show
    what rendering them shows (transparency on white, orientation applied, downscaled)."""
    data = _png_with(kind)
    blob = store.add_bytes(data, original_name=f"{kind}.png")
    copy = store.print_copy(blob.sha256)
    assert copy is not None
    expected = images_mod.on_paper(
        images_mod.render(store.path_for(blob.sha256), ("PNG",), 1600, fast=True)
    )
    assert _pixels(copy.path) == (expected.mode, expected.size, expected.tobytes())
    assert _png_parts(copy.path.read_bytes())[1] != _png_parts(data)[1]
    if kind == "EXIF orientation":
        assert (copy.width, copy.height) == (300, 400)


def test_interlaced_png_is_not_placed_as_it_is(store: AttachmentStore) -> None:
    data = _png_with("interlaced")
    blob = store.add_bytes(data, original_name="adam7.png")
    copy = store.print_copy(blob.sha256)
    if copy is not None:  # whatever a decoder makes of it, the copy is not interlaced
        assert copy.path.read_bytes()[28] == 0
        assert _png_parts(copy.path.read_bytes())[1] != _png_parts(data)[1]


def test_png_with_sound_chunks_but_short_rows_is_not_placed_as_it_is(
    store: AttachmentStore,
) -> None:
    """Every chunk's CRC is right, but the rows stop short: the print copy is never those
    rows as they are (a PDF viewer could not draw them); what a decoder makes of it is."""
    img = Image.new("RGB", (300, 200), (200, 10, 10))
    raw = b"".join(b"\0" + img.tobytes()[y * 900 : (y + 1) * 900] for y in range(150))
    header = struct.pack(">IIBBBBB", 300, 200, 8, 2, 0, 0, 0)
    data = (b"\x89PNG\r\n\x1a\n" + _png_chunk(b"IHDR", header)
            + _png_chunk(b"IDAT", zlib.compress(raw)) + _png_chunk(b"IEND", b""))
    blob = store.add_bytes(data, original_name="short.png")
    copy = store.print_copy(blob.sha256)
    if copy is not None:
        rows = zlib.decompress(_png_parts(copy.path.read_bytes())[1])
        assert len(rows) == 200 * 901
