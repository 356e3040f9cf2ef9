"""The translation catalogs kept in the repository and their compiled forms.

The sources are text, reviewed like code: ``locale/<lang>/LC_MESSAGES/headway_journal.po``
(gettext, for ``journal/`` and ``casefile/``) and ``locale/qt/headway_journal_<lang>.ts``
(Qt Linguist, for the window). They are compiled on first use into the user's cache folder,
keyed by the source's hash, so a checkout, an editable install and a wheel all work and an
edited catalog is never shadowed by a stale compiled one: .po -> .mo with Babel, .ts -> .qm
with PySide6's ``lrelease``. A frozen bundle (no ``lrelease``) ships the compiled files beside
the sources (``compile_all``).
"""

from __future__ import annotations

import gettext
import hashlib
import importlib.util
import io
import os
import shutil
import subprocess
import tempfile
from functools import cache
from pathlib import Path

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
DOMAIN = "headway_journal"


class CatalogError(RuntimeError):
    """A catalog could not be compiled (the message says which and why)."""


def po_path(lang: str) -> Path:
    """The gettext catalog of ``lang`` in the repository."""
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def pot_path() -> Path:
    """The template every .po is updated from (``python -m headway_journal.l10n extract``)."""
    return LOCALE_DIR / f"{DOMAIN}.pot"


def ts_path(lang: str) -> Path:
    """The Qt Linguist catalog of ``lang`` in the repository."""
    return LOCALE_DIR / "qt" / f"{DOMAIN}_{lang}.ts"


def cache_dir() -> Path:
    """Where compiled catalogs are kept (``HEADWAY_JOURNAL_L10N_CACHE`` overrides)."""
    override = os.environ.get("HEADWAY_JOURNAL_L10N_CACHE")
    if override:
        return Path(override)
    import platformdirs  # noqa: PLC0415 (only when a catalog is compiled)
    return Path(platformdirs.user_cache_dir("headway-journal", appauthor=False)) / "l10n"


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


def _store(dest: Path, data: bytes) -> None:
    """Write ``data`` to ``dest`` atomically (temp file, fsync, rename)."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=dest.parent, prefix=".tmp-", suffix=dest.suffix)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, dest)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def compile_po(po: Path) -> bytes:
    """The .mo bytes of the catalog ``po`` (Babel; fuzzy entries left out, as msgfmt does)."""
    from babel.messages.mofile import write_mo  # noqa: PLC0415 (Babel only when compiling)
    from babel.messages.pofile import read_po  # noqa: PLC0415
    with po.open("rb") as source:
        catalog = read_po(source, domain=DOMAIN)
    out = io.BytesIO()
    write_mo(out, catalog, use_fuzzy=False)
    return out.getvalue()


def mo_file(lang: str) -> Path | None:
    """The compiled .mo of ``lang``: current in the cache (compiled now if needed), else the
    one shipped beside the .po; None when the language has no catalog."""
    po = po_path(lang)
    if not po.is_file():
        return None
    cached = cache_dir() / f"{DOMAIN}_{lang}_{_digest(po)}.mo"
    if not cached.is_file():
        try:
            _store(cached, compile_po(po))
        except ImportError:  # no Babel (a bundle): use the .mo built with it
            shipped = po.with_suffix(".mo")
            return shipped if shipped.is_file() else None
    return cached


@cache
def gettext_catalog(lang: str) -> gettext.NullTranslations:
    """The gettext translations of ``lang`` (English text unchanged when there is none)."""
    mo = mo_file(lang)
    if mo is None:
        return gettext.NullTranslations()
    with mo.open("rb") as source:
        return gettext.GNUTranslations(source)


def lrelease() -> str | None:
    """PySide6's ``lrelease`` (found without importing Qt), or None."""
    found = shutil.which("pyside6-lrelease")
    if found:
        return found
    spec = importlib.util.find_spec("PySide6")
    if spec is not None and spec.origin:
        candidate = Path(spec.origin).parent / ("lrelease.exe" if os.name == "nt" else "lrelease")
        if candidate.is_file():
            return str(candidate)
    return None


def compile_ts(ts: Path, qm: Path) -> None:
    """Compile ``ts`` into ``qm`` with ``lrelease`` (written atomically)."""
    tool = lrelease()
    if tool is None:
        raise CatalogError("pyside6-lrelease was not found; install PySide6-Essentials.")
    with tempfile.TemporaryDirectory() as scratch:
        out = Path(scratch) / qm.name
        done = subprocess.run([tool, "-silent", str(ts), "-qm", str(out)],
                              capture_output=True, text=True, check=False)
        if done.returncode != 0 or not out.is_file():
            raise CatalogError(f"lrelease failed on {ts.name}: {done.stderr.strip()}")
        _store(qm, out.read_bytes())


def qm_file(lang: str) -> Path | None:
    """The compiled .qm of ``lang`` (compiled into the cache when needed), or None."""
    ts = ts_path(lang)
    if not ts.is_file():
        return None
    cached = cache_dir() / f"{DOMAIN}_{lang}_{_digest(ts)}.qm"
    if cached.is_file():
        return cached
    try:
        compile_ts(ts, cached)
    except (CatalogError, OSError):
        shipped = ts.with_suffix(".qm")
        return shipped if shipped.is_file() else None
    return cached


def compile_all() -> list[Path]:
    """Compile every catalog beside its source (for bundles, which have no ``lrelease``)."""
    made: list[Path] = []
    for po in sorted(LOCALE_DIR.glob(f"*/LC_MESSAGES/{DOMAIN}.po")):
        _store(po.with_suffix(".mo"), compile_po(po))
        made.append(po.with_suffix(".mo"))
    for ts in sorted((LOCALE_DIR / "qt").glob(f"{DOMAIN}_*.ts")):
        compile_ts(ts, ts.with_suffix(".qm"))
        made.append(ts.with_suffix(".qm"))
    return made
