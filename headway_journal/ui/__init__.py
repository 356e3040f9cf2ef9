"""Everything PySide6: the window and its dialogs (ARCHITECTURE.md, "ui/").

The Qt-free layers every window needs (the journal service, its opening flow, SQLAlchemy's
SQLite dialect) are imported here, before any module of this package imports PySide6.
PySide6 installs an import hook that reads the source file of every module imported after it
(looking for its ``__feature__`` switches): for SQLAlchemy and the journal's ~300 modules that
was about a tenth of the time to the first window (docs/performance.md, item 15).
Importing them first changes nothing else: they never import Qt (tests/test_layering.py).
"""

import sys

import sqlalchemy.dialects.sqlite  # noqa: F401 - loaded by the first engine anyway

from ..journal import opening, service  # noqa: F401 - before PySide6 (see above)

# Modules PySide6's hook need not read: the standard library, SQLAlchemy and its helpers, and
# the journal layers never mention PySide6 (tests/ui/test_startup_imports.py checks each one).
_QT_FREE_PACKAGES = frozenset({"sqlalchemy", "typing_extensions", "greenlet", "babel"})


def _never_uses_pyside(name: str) -> bool:
    top = name.partition(".")[0]
    return (top in sys.stdlib_module_names or top in _QT_FREE_PACKAGES
            or name == "headway_journal.journal" or name.startswith("headway_journal.journal."))


def import_qt() -> None:
    """Import PySide6 (after the layers above), then tell its import hook what it would find in
    the modules loaded before it: that they do not use PySide6.

    The hook reads the source file of each module an import statement names, the first time
    it sees it, looking for the word "PySide6"; the window's modules name hundreds that were
    loaded before PySide6 (the standard library, SQLAlchemy, the journal), and every one was
    read again (docs/performance.md, item 16). Marked in advance, none is read; a PySide6 that
    keeps no such table is left alone.
    """
    before = [name for name in sys.modules if _never_uses_pyside(name)]
    import PySide6.QtCore  # noqa: F401 - installs the hook

    table = getattr(sys.modules.get("shibokensupport.feature"), "pyside_feature_dict", None)
    if isinstance(table, dict):
        for name in before:
            table.setdefault(name, -1)  # what the hook stores for a module without "PySide6"
