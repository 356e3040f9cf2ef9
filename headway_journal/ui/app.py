"""Start the desktop application: the QApplication, the journal, the main window.

Start-up stays lean: ReportLab, Pillow, holidays and (when no upgrade is needed) Alembic are not
imported before the window is shown. A journal that cannot be opened (locked by another
program, made by a newer version, damaged) is explained in a message box, never a traceback.
"""

from __future__ import annotations

import importlib
import shutil
import sys
import tempfile
from pathlib import Path

from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from .. import APP_ID, APP_NAME, __version__
from ..journal.db import (
    BACKUPS_DIR,
    JournalDamaged,
    JournalError,
    JournalLocked,
    JournalTooNew,
    resolve_journal_dir,
)
from . import settings as st


def app_icon() -> QIcon:
    """The application icon from the packaged hicolor PNGs (and the SVG), if present."""
    icon = QIcon()
    base = Path(__file__).resolve().parent.parent / "resources" / "icons"
    hicolor = base / "hicolor"
    if hicolor.is_dir():
        for size_dir in sorted(hicolor.iterdir()):
            png = size_dir / "apps" / f"{APP_ID}.png"
            if png.is_file():
                icon.addFile(str(png))
    svg = base / f"{APP_ID}.svg"
    if icon.isNull() and svg.is_file():
        icon.addFile(str(svg))
    return icon


def make_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication with the names the desktop and QSettings need (reused if it exists)."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv or sys.argv[:1])
    app.setOrganizationName(st.ORGANIZATION)
    app.setApplicationName(st.APPLICATION)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    QGuiApplication.setDesktopFileName(APP_ID)
    icon = app_icon()
    if not icon.isNull():
        app.setWindowIcon(icon)
    return app


def explain_open_error(exc: JournalError, folder: Path) -> tuple[str, str]:
    """A title and plain words for a journal that could not be opened."""
    if isinstance(exc, JournalLocked):
        return ("Journal in use",
                f"{exc}\n\nThe journal in {folder} is open in another Headway Journal window or "
                "program. Close it there, then start Headway Journal again.")
    if isinstance(exc, JournalTooNew):
        return ("Journal made by a newer version",
                f"{exc}\n\nYour journal in {folder} was left as it is.")
    if isinstance(exc, JournalDamaged):
        newest = ""
        try:
            from ..journal.backup import newest_sound_backup

            found = newest_sound_backup(folder)
            if found is not None:
                newest = f" The newest sound backup is {found.name}."
        except Exception:  # the backup module is optional here; the folder is what matters
            newest = ""
        return ("Journal damaged",
                f"{exc}\n\nNothing was changed: the journal was not repaired, moved or replaced. "
                f"Your backups are in {folder / BACKUPS_DIR}.{newest} Restore one with "
                "`headway-journal restore FILE`, or ask for help before changing anything.")
    return ("Journal could not be opened", f"{exc}\n\nFolder: {folder}")


def run_gui(journal_dir: Path | None, demo: bool = False) -> int:
    """Open the journal (or a throwaway demo journal) in the main window; returns the exit code."""
    app = make_application()
    from ..journal.service import JournalService, ServiceError

    demo_dir: str | None = None
    instance = None
    if demo:
        demo_dir = tempfile.mkdtemp(prefix="headway-journal-demo-")
        folder = Path(demo_dir) / "demo"
    else:
        folder = resolve_journal_dir(journal_dir)
        from .single_instance import SingleInstance

        instance = SingleInstance(folder)
        if instance.try_hand_over():
            return 0  # the running window came to the front
        instance.listen()
    try:
        service = JournalService.open(folder)
    except JournalError as exc:
        title, text = explain_open_error(exc, folder)
        QMessageBox.critical(None, title, text)
        if instance is not None:
            instance.close()
        return 1
    except (ServiceError, OSError) as exc:
        QMessageBox.critical(None, "Journal could not be opened",
                             f"{exc}\n\nFolder: {folder}\nNothing was changed.")
        if instance is not None:
            instance.close()
        return 1

    window = None
    try:
        if demo:
            try:
                demo_module = importlib.import_module("headway_journal.journal.demo")
            except ImportError:
                demo_module = None
            if demo_module is not None:
                demo_module.populate_demo(service)
        from .main_window import MainWindow

        window = MainWindow(service)
        if demo:
            window.setWindowTitle(f"{APP_NAME} — demo (nothing is kept)")
        if instance is not None:
            from .single_instance import bring_to_front

            instance.activated.connect(lambda: bring_to_front(window))
        window.show()
        return int(app.exec())
    finally:
        if window is not None:
            window.close()  # stops its timers and handlers before the journal closes
        service.close()
        if instance is not None:
            instance.close()
        if demo_dir is not None:
            shutil.rmtree(demo_dir, ignore_errors=True)
