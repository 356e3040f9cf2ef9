"""Start the desktop application: the QApplication, the journal, the main window.

Start-up stays lean: ReportLab, Pillow, holidays and (when no upgrade is needed) Alembic are not
imported before the window is shown. A journal that cannot be opened (locked by another
program, made by a newer version, damaged) is explained in a message box, never a traceback;
for a damaged journal the newest sound backup is offered (``journal.opening``, which opens the
journal in one flow and returns one outcome to present): Yes restores it (the damaged database
is kept in backups/), No quits without touching anything.

After an unclean exit the full integrity check does not hold the window back: the journal
opens read-only (``unchecked``, nothing written), the window is shown, and
``main_window.open_check`` checks it in the background, enabling editing when it passes or
presenting the damaged journal (with the backup offer) when it fails.

After the journal opens an "open" backup is made when the newest is over an hour old (in the
same flow); the window makes the periodic and closing ones.

SIGTERM (a logout, a shutdown, ``kill``), SIGHUP and SIGINT (Ctrl+C) quit as File > Quit does,
as does the desktop session's quit request (``ui.shutdown``): drafts saved, closing backup,
clean close, exit status 0.

An error nobody caught (``sys.excepthook``, also for threads) is written with its traceback to
``<journal>/logs/errors.log`` and shown as one short sentence, never as a crash
(``ErrorReporter``).

``HEADWAY_JOURNAL_SMOKE_EXIT_MS=N`` is a start-up check for bundles and scripts: once the event
loop runs with the main window shown, one line ``window shown: <title> at <Unix time>`` goes to
standard output, and the application quits N milliseconds later (see packaging/README.md).
"""

from __future__ import annotations

import contextlib
import importlib
import logging
import os
import shutil
import sys
import tempfile
import threading
import time
import traceback
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from .. import APP_ID, APP_NAME, __version__
from ..journal.db import (
    BACKUPS_DIR,
    JournalDamaged,
    JournalError,
    JournalLocked,
    JournalNeedsKey,
    JournalTooNew,
    resolve_journal_dir,
)
from . import settings as st
from .bool_guard import guard_bool_singletons
from .contrast import KEEPER_NAME, install_readable_palette
from .first_paint import when_exposed
from .gc_guard import freeze_startup, install_gui_collector, thaw_startup
from .teardown import dispose_widgets, enable_crash_traces, top_level_ids

if TYPE_CHECKING:  # pragma: no cover
    from ..journal.opening import OpenOutcome
    from ..journal.records import FirstScreen
    from ..journal.service import JournalService
    from .early_open import EarlyOpen
    from .first_read import FirstRead

LOGS_DIR = "logs"
ERROR_LOG = "errors.log"
ERROR_LOG_MAX_BYTES = 1024 * 1024  # then errors.log becomes errors.log.1


WINDOW_ICON_MAX = 256  # px: the largest a title bar, task bar or switcher asks for


def app_icon() -> QIcon:
    """The window icon from the packaged hicolor PNGs up to WINDOW_ICON_MAX (and the SVG if
    there are none). On X11 every size is decoded and sent to the server before the window
    maps; the 512 px one (1 MB as pixels) only slowed that down. Menus and docks take the
    installed icon theme's sizes (desktop.py), not this."""
    icon = QIcon()
    base = Path(__file__).resolve().parent.parent / "resources" / "icons"
    hicolor = base / "hicolor"
    if hicolor.is_dir():
        for size_dir in sorted(hicolor.iterdir()):
            png = size_dir / "apps" / f"{APP_ID}.png"
            width = size_dir.name.partition("x")[0]
            if png.is_file() and width.isdigit() and int(width) <= WINDOW_ICON_MAX:
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
    if app.findChild(QObject, KEEPER_NAME) is None:
        install_readable_palette(app)  # hints and selections at 4.5:1 in every theme
    return app


def explain_open_error(exc: JournalError, folder: Path) -> tuple[str, str]:
    """A title and plain words for a journal that could not be opened."""
    kind = ("needs_key" if isinstance(exc, JournalNeedsKey) else
            "locked" if isinstance(exc, JournalLocked) else
            "too_new" if isinstance(exc, JournalTooNew) else
            "damaged" if isinstance(exc, JournalDamaged) else "error")
    return explain_open_problem(kind, str(exc), folder)


def explain_open_problem(kind: str, message: str, folder: Path,
                         offer: Path | None = None) -> tuple[str, str]:
    """A title and plain words for ``open_or_explain``'s outcome (``kind``, ``message``)."""
    if kind == "needs_key":
        return (QCoreApplication.translate("app", "Journal is encrypted"),
                QCoreApplication.translate("app", "{message}\n\nStart Headway Journal again and "
                                                  "enter the passphrase of the journal in "
                                                  "{folder}.").format(
                                                      message=message, folder=folder))
    if kind == "locked":
        return (QCoreApplication.translate("app", "Journal in use"),
                QCoreApplication.translate("app", "{message}\n\nThe journal in {folder} is open in "
                                                  "another Headway Journal window or program. "
                                                  "Close it there, then start Headway Journal "
                                                  "again.").format(message=message, folder=folder))
    if kind == "too_new":
        return (QCoreApplication.translate("app", "Journal made by a newer version"),
                QCoreApplication.translate("app", "{message}\n\nYour journal in {folder} was left "
                                                  "as it is.").format(
                                                      message=message, folder=folder))
    if kind == "damaged":
        newest = QCoreApplication.translate("app", " The newest sound backup is {name}.").format(
            name=offer.name) if offer is not None else ""
        return (QCoreApplication.translate("app", "Journal damaged"),
                QCoreApplication.translate("app", "{message}\n\nNothing was changed: the journal "
                                                  "was not repaired, moved or replaced. Your "
                                                  "backups are in {value}.{newest} Restore one "
                                                  "with `headway-journal restore FILE`, or ask for "
                                                  "help before changing anything.").format(
                                                      message=message, value=folder / BACKUPS_DIR,
                                                      newest=newest))
    return (QCoreApplication.translate("app", "Journal could not be opened"), QCoreApplication.translate("app", "{message}\n\nFolder: {folder}\nNothing was changed.").format(
        message=message, folder=folder))


def offer_restore(outcome: OpenOutcome) -> bool:
    """Ask whether to restore the newest sound backup of a damaged journal."""
    from ..journal.opening import local_when

    assert outcome.offer is not None
    when = local_when(outcome.offer_made_at)
    answer = QMessageBox.question(
        None, QCoreApplication.translate("app", "Journal damaged"),
        QCoreApplication.translate("app", "{message}\n\nRestore the newest sound backup "
                                          "({when})?\n\nYes: that backup becomes your journal; the "
                                          "damaged database is kept in {value}. Anything recorded "
                                          "after {when} is not in it.\nNo: Headway Journal closes "
                                          "and nothing is touched.").format(
                                              message=outcome.message, when=when,
                                              value=outcome.folder / BACKUPS_DIR),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


HANDED_OVER = "handed over"  # open_service's note when a running instance took over


def open_service(folder: Path, hand_over: Callable[[], bool] | None = None, *,
                 backup: bool = False,
                 defer_check: bool = False) -> tuple[JournalService | None, str]:
    """Open the journal, or explain why not (offering a backup for a damaged one).

    Returns the service (None: the user was told, nothing more to do) and a line for the
    status bar (what was restored, a start-up backup not made). ``hand_over`` is asked first
    when the journal is locked (another instance may be starting up); if it returns True
    nothing is said and the note is ``HANDED_OVER``. ``backup``: make the "open" backup.
    ``defer_check``: a journal due for its full check opens ``unchecked`` (read-only) and the
    window checks it in the background (``main_window.open_check``).
    """
    from ..journal.opening import open_journal_for_use

    outcome = open_journal_for_use(folder, ask_restore=offer_restore, backup=backup,
                                   defer_check=defer_check)
    if outcome.kind == "needs_key":  # encrypted: the passphrase first, nothing shown before
        from .security.unlock import ask_keys

        keys = ask_keys(outcome.folder)
        if keys is None:
            return None, ""
        outcome = open_journal_for_use(folder, ask_restore=offer_restore, backup=backup,
                                       defer_check=defer_check, keys=keys)
    if outcome.ok and outcome.service is not None:
        return outcome.service, outcome.note
    if outcome.kind == "locked" and hand_over is not None and hand_over():
        return None, HANDED_OVER
    if outcome.kind == "declined":
        return None, ""
    if outcome.kind == "not_restored":
        QMessageBox.critical(None, QCoreApplication.translate("app", "Backup not restored"), outcome.message)
        return None, ""
    title, text = explain_open_problem(outcome.kind, outcome.message, outcome.folder,
                                       outcome.offer)
    QMessageBox.critical(None, title, text)
    return None, ""


# --- errors nobody caught -------------------------------------------------------------------------


def one_line(exc: BaseException | None, limit: int = 200) -> str:
    """'ValueError: bad date' on one line, at most ``limit`` characters."""
    if exc is None:
        return QCoreApplication.translate("app", "an unknown error")
    text = " ".join(str(exc).split())
    line = f"{type(exc).__name__}: {text}" if text else type(exc).__name__
    return line if len(line) <= limit else line[: limit - 1] + "…"


WITHHELD = "(message not logged: it can quote what is in the journal)"


def private_traceback(exc_type: type[BaseException], exc: BaseException | None,
                      tb: TracebackType | None) -> str:
    """A traceback fit for a log file: where it happened and the exception types, never the
    exceptions' messages (which can quote a case's contents, e.g. a value that failed a check).
    Chained exceptions come first, as Python prints them."""
    chain: list[tuple[type[BaseException], TracebackType | None]] = [(exc_type, tb)]
    seen = {id(exc)}
    e = (exc.__cause__ or exc.__context__) if exc is not None else None
    while e is not None and id(e) not in seen:
        seen.add(id(e))
        chain.append((type(e), e.__traceback__))
        e = e.__cause__ or e.__context__
    parts: list[str] = []
    for kind, frames in reversed(chain):
        parts.append(QCoreApplication.translate("app", "Traceback (most recent call last):\n"))
        parts.extend(traceback.format_tb(frames))
        parts.append(f"{kind.__module__}.{kind.__qualname__} {WITHHELD}\n")
    return "".join(parts)


class PrivateFormatter(logging.Formatter):
    """Log records as usual, but exceptions through private_traceback."""

    def formatException(self, ei: Any) -> str:  # noqa: N802 (logging's name)
        exc_type, exc, tb = ei
        return private_traceback(exc_type, exc, tb).rstrip("\n")


def install_private_logging() -> None:
    """Warnings and errors of the app's loggers go to stderr without exception messages (a
    desktop session keeps stderr in its own log)."""
    root = logging.getLogger()
    if any(isinstance(h.formatter, PrivateFormatter) for h in root.handlers):
        return
    handler = logging.StreamHandler()
    handler.setFormatter(PrivateFormatter("%(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    if root.level == logging.NOTSET or root.level > logging.WARNING:
        root.setLevel(logging.WARNING)


class ErrorReporter(QObject):
    """``sys.excepthook`` (and ``threading.excepthook``) for the GUI: the traceback goes to
    ``<journal>/logs/errors.log`` (frames and exception types only: no messages, which can
    quote journal contents), the
    user gets one sentence in a message box. Errors in other threads are shown by the GUI
    thread; an error while the box is up is only logged."""

    show_requested = Signal(str)

    def __init__(self, folder: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.folder = Path(folder)
        self.shown: list[str] = []
        self._showing = False
        self._previous: Callable[..., Any] | None = None
        self._previous_thread: Callable[..., Any] | None = None
        self.show_requested.connect(self._show)

    @property
    def log_path(self) -> Path:
        return self.folder / LOGS_DIR / ERROR_LOG

    def install(self) -> None:
        self._previous, sys.excepthook = sys.excepthook, self
        self._previous_thread, threading.excepthook = threading.excepthook, self._thread_hook

    def uninstall(self) -> None:
        if sys.excepthook is self and self._previous is not None:
            sys.excepthook = self._previous
        if threading.excepthook == self._thread_hook and self._previous_thread is not None:
            threading.excepthook = self._previous_thread

    def _thread_hook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            self(args.exc_type, args.exc_value, args.exc_traceback)

    def write(self, exc_type: type[BaseException], exc: BaseException | None,
              tb: TracebackType | None) -> Path | None:
        """Append the traceback to the log (0600 in a 0700 folder); None if it cannot be."""
        path = self.log_path
        try:
            path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            with contextlib.suppress(FileNotFoundError):
                if path.stat().st_size > ERROR_LOG_MAX_BYTES:
                    os.replace(path, path.with_name(ERROR_LOG + ".1"))
            stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S UTC")
            text = private_traceback(exc_type, exc, tb)
            fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
            with os.fdopen(fd, "a", encoding="utf-8", errors="replace") as fh:
                fh.write(QCoreApplication.translate("ErrorReporter", "--- {stamp} · {APP_NAME} "
                                                                     "{version__} · Python "
                                                                     "{value}\n{text}\n").format(
                                                                         stamp=stamp,
                                                                         APP_NAME=APP_NAME,
                                                                         version__=__version__,
                                                                         value=sys.version.split()[0],
                                                                         text=text))
        except OSError:
            return None
        return path

    def __call__(self, exc_type: type[BaseException], exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt | SystemExit):
            if self._previous is not None:
                self._previous(exc_type, exc, tb)
            return
        path = self.write(exc_type, exc, tb)
        if path is None:  # at least the terminal gets it
            traceback.print_exception(exc_type, exc, tb, file=sys.stderr)
        where = str(path) if path is not None else QCoreApplication.translate("ErrorReporter", "the terminal (the log file could not be written)")
        self.show_requested.emit(
            QCoreApplication.translate("ErrorReporter", "Something went wrong: {one_line}. Your "
                                                        "journal is safe; details were written to "
                                                        "{where}.").format(
                                                            one_line=one_line(exc), where=where))

    def _show(self, text: str) -> None:
        self.shown.append(text)
        if self._showing:
            return
        self._showing = True
        try:
            QMessageBox.critical(QApplication.activeWindow(), APP_NAME, text)
        finally:
            self._showing = False


# --- running --------------------------------------------------------------------------------------


def run_gui(journal_dir: Path | None, demo: bool = False, database: str | None = None,
            open_file: str | None = None, early: EarlyOpen | None = None) -> int:
    """Open the journal (or a throwaway demo journal, or the shared journal at the URL
    ``database``) in the main window; returns the exit code. ``open_file`` (``headway-journal
    FILE``) is offered once the window is shown (``ui.open_document``), or handed to the window
    already running on the journal. ``early``: that journal, already opened with its first read
    under way (``ui.early_open``); this takes it over (and closes it when done)."""
    try:
        app = make_application()
        from .file_open import FileOpenRouter

        router = FileOpenRouter.install(app)  # macOS: files the Finder sends, even this early
        if open_file is not None:
            router.receive(open_file)
        try:
            return _run_gui(app, router, journal_dir, demo, database, early)
        finally:
            router.uninstall()
            router.deleteLater()
    finally:
        if early is not None:
            early.close()  # unless the window took it over


def _run_gui(app: QApplication, router: Any, journal_dir: Path | None, demo: bool,
             database: str | None, early: EarlyOpen | None = None) -> int:
    from .translation import install_language

    install_language()  # Settings > Language, else the system's (before any window)
    enable_crash_traces()
    guard_bool_singletons()  # before the first signal (PySide6 6.12.0 bug, see bool_guard)
    install_gui_collector(app)  # cycles are collected on this thread only (see gc_guard)
    others = top_level_ids()  # windows that are not this run's (tests run it in-process)
    if database is not None:
        return _run_shared(app, database, others, router)

    demo_dir: str | None = None
    instance = None
    if demo:
        demo_dir = tempfile.mkdtemp(prefix="headway-journal-demo-")
        folder = Path(demo_dir) / "demo"
    else:
        folder = resolve_journal_dir(journal_dir)
        from .single_instance import SingleInstance

        instance = SingleInstance(folder)
        pending = router.pending()
        instance.open_file = pending[0] if pending else None
        if instance.try_hand_over():
            return 0  # the running window came to the front
        # listen() once the window is shown (QtNetwork is not needed to show it)
    install_private_logging()
    reporter = ErrorReporter(folder, app)
    reporter.install()
    from .shutdown import ShutdownHandler

    shutdown = ShutdownHandler(QApplication.quit, app)  # SIGTERM/SIGHUP/SIGINT: as File > Quit
    shutdown.install()
    window = None
    open_check = None
    service: JournalService | None = None
    try:
        first: FirstRead[FirstScreen] | None = None
        if early is not None and early.folder == folder:
            (service, first), note = early.take(), ""
        else:
            service, note = open_service(
                folder, hand_over=instance.hand_over_soon if instance is not None else None,
                backup=not demo, defer_check=True)
        if service is None:
            return 0 if note == HANDED_OVER else 1
        window = _main_window(service, demo, first)
        shutdown.set_quit(window.quit)
        open_check = _present(window, note, instance, demo, router)
        when_exposed(window, freeze_startup)  # full collections walk only what comes later
        _smoke_exit(window)
        return int(app.exec())
    finally:
        if window is not None:
            window.close()  # stops its timers, stores files being attached, backs up
            window.wait_for_checks()  # the window is gone; a background read may still end
            if open_check is not None:
                open_check.wait()  # the integrity check reads the journal to its end
            service = window.service  # after a restore the window has a reopened journal
        if service is not None:
            service.close()
        if instance is not None:
            instance.close()
        reporter.uninstall()
        reporter.deleteLater()
        dispose_widgets(others)  # now, not at interpreter shutdown (see ui/teardown.py)
        shutdown.uninstall()
        shutdown.deleteLater()
        if demo_dir is not None:
            shutil.rmtree(demo_dir, ignore_errors=True)
        _remove_view_copies()
        thaw_startup()


def _main_window(service: JournalService, demo: bool,
                 first: FirstRead[FirstScreen] | None = None) -> Any:
    """The window of ``service``'s journal (a demo journal filled with the sample cases);
    ``first``: its first read, already under way (``ui.early_open``)."""
    if demo:
        try:
            demo_module = importlib.import_module("headway_journal.journal.demo")
        except ImportError:
            demo_module = None
        if demo_module is not None:
            demo_module.populate_demo(service)
    if first is None:
        from .first_read import FirstRead

        first = FirstRead(service.first_screen)  # beside the loading of the window's modules
    try:
        from .main_window import MainWindow

        window = MainWindow(service, first_read=first)
    finally:
        first.wait()  # never left reading a journal that is then closed
    if demo:
        window.setWindowTitle(QCoreApplication.translate("app", "{APP_NAME} — demo (nothing is "
                                                                "kept)").format(
                                                                    APP_NAME=APP_NAME))
    return window


def _remove_view_copies() -> None:
    """The exhibits this run copied out for the system viewer go with it."""
    from ..journal import view_copies

    with contextlib.suppress(OSError):
        view_copies.remove_mine()


def _run_shared(app: QApplication, url: str, others: Any, router: Any) -> int:
    """A shared journal's window (several people may have it open: no single instance, no
    folder lock, no folder backups; ``ui.shared_journal``)."""
    from .main_window import MainWindow
    from .shared_journal import open_shared
    from .shutdown import ShutdownHandler

    service = open_shared(url)
    if service is None:
        return 1
    shutdown = ShutdownHandler(QApplication.quit, app)
    shutdown.install()
    window = None
    try:
        window = MainWindow(service)
        shutdown.set_quit(window.quit)
        window.show()
        _deliver_files(window, router)
        _smoke_exit(window)
        return int(app.exec())
    finally:
        if window is not None:
            window.close()
            window.wait_for_checks()
        service.close()
        dispose_widgets(others)
        shutdown.uninstall()
        shutdown.deleteLater()


def _deliver_files(window: Any, router: Any) -> None:
    """Once the window is on screen, the files given to the app open in it (queued ones first)."""
    def open_document(path: str) -> None:
        from .open_document import open_document  # the import machinery: only when used

        open_document(window, path)

    when_exposed(window, lambda: router.set_target(open_document))


def _present(window: Any, note: str, instance: Any, demo: bool, router: Any) -> Any:
    """Show the window; once it is on screen, listen for later launches (and the files they
    hand over), open the files given to the app and check a journal opened ``unchecked``
    (returns the ``OpenCheck`` then, to be waited for at exit)."""
    if note:
        window.statusBar().showMessage(note, 60_000)
    if instance is not None:
        from .single_instance import bring_to_front

        instance.file_open_requested.connect(router.receive)
        instance.activated.connect(lambda: bring_to_front(window))
    window.show()
    open_check = None
    if window.service.unchecked:  # after an unclean exit: shown read-only, checked meanwhile
        from .main_window.open_check import OpenCheck

        open_check = OpenCheck(window, backup=not demo)
        when_exposed(window, open_check.start)
    if instance is not None:  # once the window is on screen: later launches hand over
        when_exposed(window, instance.listen)
    when_exposed(window, _sweep_view_copies)  # copies a crashed run left for the viewer
    if not demo:
        when_exposed(window, lambda: _cloud_notice(window))  # macOS: iCloud, said once
    if open_check is not None:  # a file to import or restore waits for a writable journal
        open_check.passed.connect(lambda: _deliver_files(window, router))
    else:
        _deliver_files(window, router)
    return open_check


def _cloud_notice(window: Any) -> None:
    from .cloud_notice import warn_if_cloud_synced

    warn_if_cloud_synced(window)


def _sweep_view_copies() -> None:
    from ..journal import view_copies

    with contextlib.suppress(OSError):
        view_copies.sweep()


def _smoke_exit(window: QWidget) -> None:
    """HEADWAY_JOURNAL_SMOKE_EXIT_MS: report the shown window, then quit (module docstring)."""
    raw = os.environ.get("HEADWAY_JOURNAL_SMOKE_EXIT_MS", "").strip()
    if not raw.isdigit():
        return

    def shown() -> None:
        if sys.stdout is not None:  # None in a windowed program on Windows
            state = "shown" if window.isVisible() else QCoreApplication.translate("app", "NOT shown")
            print(QCoreApplication.translate("app", "window {state}: {windowTitle} at "
                                                    "{time:.3f}").format(
                                                        state=state,
                                                        windowTitle=window.windowTitle(),
                                                        time=time.time()), flush=True)
        QTimer.singleShot(int(raw), QApplication.quit)

    QTimer.singleShot(0, shown)
