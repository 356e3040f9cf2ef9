"""What start-up does before the window is on screen (issue 23; docs/performance.md, item 15).

Each check starts the real entry point (``python -m headway_journal --journal DIR``'s
``cli.main``) in a fresh interpreter and looks at the moment the event loop would start, with
the main window shown: which modules are loaded, whether SQLAlchemy configured its mappers
(the first screen reads Core tables only), and which windows were shown before the main one.
No timing is asserted (speed is measured by bench/bench_xstart.py).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from headway_journal.journal.service import JournalService
from headway_journal.ui import settings as st

# Never needed by the first screen: the case file, images, signing, encryption, a server's
# journal, upgrades, holidays, the document formats, and the window's own parts that open later.
NOT_BEFORE_THE_WINDOW = (
    "reportlab", "PIL", "pypdf", "pyhanko", "docx", "cryptography", "alembic", "psycopg",
    "holidays", "icalendar", "ijson", "extract_msg", "pytesseract", "keyring",
    "headway_journal.casefile", "headway_journal.journal.deadlines.expectations",
    "headway_journal.journal.deadlines.ics", "headway_journal.journal.deadlines.promises",
    "headway_journal.journal.interchange", "headway_journal.journal.search",
    "headway_journal.journal.shared.engine", "headway_journal.journal.crypto.sealed",
    "headway_journal.ui.letters.panel", "headway_journal.ui.letters.dialog",
    "headway_journal.ui.capture.email_capture", "headway_journal.ui.capture.contact_capture",
    "headway_journal.ui.exhibits.panel", "headway_journal.ui.exhibits.viewer",
    "headway_journal.ui.exhibits.capture", "headway_journal.ui.exhibits.cards",
    "headway_journal.ui.casefile", "headway_journal.ui.dialogs", "headway_journal.ui.shared_journal",
    "headway_journal.ui.security.unlock", "headway_journal.ui.security.dialogs",
    "PySide6.QtNetwork", "PySide6.QtPdf", "PySide6.QtSvg",
    # made at the first frame or when first used (docs/performance.md, item 18): the case pane,
    # the welcome panel, text recognition, and the records of a case read whole or of a form
    "headway_journal.ui.case.pane", "headway_journal.ui.case.timeline",
    "headway_journal.ui.main_window.welcome", "headway_journal.ui.your_details",
    "headway_journal.ui.capture.ocr_queue", "headway_journal.journal.record_views",
    "headway_journal.journal.record_inputs",
    # SQLCipher opens locked journals only (docs/performance.md, item 19)
    "sqlcipher3",
)

PROBE = r"""
import gc, json, sys
import headway_journal.ui  # the package, as the entry point imports it
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QMainWindow
from headway_journal.journal.models import Case

shown = []

class Shows(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Show and obj.isWidgetType() and obj.isWindow():
            shown.append(type(obj).__name__)
        return False

spy = Shows()
collections = []  # cyclic collections from the entry point to the window
gc.callbacks.append(lambda phase, info: phase == "start" and collections.append(info))
seen = {}

def fake_exec(*args):
    app = QApplication.instance()
    windows = [w for w in app.topLevelWidgets() if isinstance(w, QMainWindow) and w.isVisible()]
    rows = windows[0].case_model.rowCount() if windows else -1
    seen.update({"modules": sorted(sys.modules), "configured": Case.__mapper__.configured,
                 "shown": shown, "rows": rows, "collections": len(collections),
                 "titles": [w.windowTitle() for w in windows]})
    return 0

QApplication.exec = fake_exec
original = QApplication.__init__

def watched_init(self, *args):
    original(self, *args)
    self.installEventFilter(spy)

QApplication.__init__ = watched_init
import headway_journal.ui.app as app_module
run_gui = app_module.run_gui

def counted_run_gui(*args, **kwargs):
    collections.clear()  # from here to the window (the command line's parser came before)
    return run_gui(*args, **kwargs)

app_module.run_gui = counted_run_gui
from headway_journal.cli import main
code = main(["--journal", sys.argv[1]])
print(json.dumps({**seen, "gc_after": gc.isenabled()}))
sys.exit(code)
"""


def start_and_look(folder: Path) -> dict[str, Any]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([sys.executable, "-c", PROBE, str(folder)], capture_output=True,
                         text=True, timeout=120, env=env, check=True)
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


def loaded(modules: list[str], name: str) -> list[str]:
    return [m for m in modules if m == name or m.startswith(name + ".")]


def test_the_first_window_loads_only_what_it_shows(service: JournalService, sample: Any) -> None:
    folder = service.folder
    service.close()
    seen = start_and_look(folder)
    assert seen["titles"] == ["Headway Journal — journal"]
    assert seen["rows"] > 0  # the real window with the case list, not a blank one
    too_early = {name: loaded(seen["modules"], name) for name in NOT_BEFORE_THE_WINDOW}
    assert {k: v for k, v in too_early.items() if v} == {}
    # the case list and the counts read Core tables: the mappers are configured afterwards
    assert seen["configured"] is False
    # nothing else flashed on screen first (a parentless widget shown becomes a window)
    assert seen["shown"] == ["MainWindow"]
    # the cyclic collector never walked start-up's objects before the window was up, and
    # collects again once the window is gone
    assert seen["collections"] == 0
    assert seen["gc_after"] is True


def test_after_an_unclean_exit_too(service: JournalService, sample: Any) -> None:
    """The read-only window of a journal whose check is due loads no more than that."""
    folder = service.folder
    service.close()
    (folder / "journal.verified").unlink(missing_ok=True)
    seen = start_and_look(folder)
    assert seen["titles"] == ["Headway Journal — journal (read-only)"]
    assert seen["rows"] > 0
    assert [n for n in NOT_BEFORE_THE_WINDOW if loaded(seen["modules"], n)] == []
    assert seen["shown"] == ["MainWindow"]


def test_the_journal_layers_load_before_pyside6() -> None:
    """PySide6's import hook reads the source of every module imported after it: the Qt-free
    layers the window needs come first (ui/__init__.py)."""
    code = ("import sys; import headway_journal.ui as ui; "
            "print('PySide6' in sys.modules, 'headway_journal.journal.service' in sys.modules, "
            "'sqlalchemy.dialects.sqlite' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=60, check=True)
    assert out.stdout.split() == ["False", "True", "True"]


@pytest.mark.parametrize("value", [True, False, "a/b", 7])
def test_storing_a_setting_it_already_holds_writes_nothing(value: bool | str | int) -> None:
    """The window applies its stored settings at start-up; the file is written only when a
    value changes."""
    st.set_value("probe/value", value)
    path = Path(st.app_settings().fileName())
    os.utime(path, ns=(1, 1))  # any rewrite would move this
    st.set_value("probe/value", value)
    assert path.stat().st_mtime_ns == 1
    other = (not value) if isinstance(value, bool) else f"{value}x"
    st.set_value("probe/value", other)
    assert path.stat().st_mtime_ns != 1
    assert st.app_settings().value("probe/value") in (other, str(other).lower())
