"""A locked journal in the window: the unlock dialog (wrong tries, growing wait, the recovery
key), File > Security (encrypt with the recovery key shown once, decrypt), the idle lock."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget

from headway_journal.journal.crypto import access, lockbox, unlocked
from headway_journal.journal.service import JournalService
from headway_journal.ui.security.dialogs import NewPassphraseDialog
from headway_journal.ui.security.unlock import UnlockDialog

FAST = lockbox.KdfParams(algorithm="argon2id", salt=b"", iterations=1, memory_kib=8, lanes=1)
PASS = "correct horse battery"


@pytest.fixture(autouse=True)
def _fresh_keys(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    unlocked.forget_all()
    monkeypatch.setattr(access, "WANTED_KDF", FAST)
    yield
    unlocked.forget_all()


def locked_folder(tmp_path: Path) -> tuple[Path, str]:
    folder = tmp_path / "locked"
    folder.mkdir(mode=0o700)
    opened, recovery = access.create_lock(folder, PASS, FAST)
    JournalService.open(folder, keys=opened.keys).close()
    unlocked.forget_all()
    return folder, recovery


def when_modal(qtbot: Any, act: Callable[[QWidget], None]) -> None:
    """Act on the next modal dialog once it is shown (as a user would)."""
    def check() -> None:
        widget = QApplication.activeModalWidget()
        if widget is None:
            QTimer.singleShot(20, check)
            return
        act(widget)
    QTimer.singleShot(0, check)


def type_into(qtbot: Any, field: Any, text: str) -> None:
    field.clear()
    qtbot.keyClicks(field, text)


def test_wrong_passphrases_then_a_wait_then_the_right_one(qtbot: Any, tmp_path: Path) -> None:
    folder, _ = locked_folder(tmp_path)
    dialog = UnlockDialog(folder)
    qtbot.addWidget(dialog)
    dialog.show()
    for n in range(3):
        type_into(qtbot, dialog.passphrase, f"wrong guess {n}")
        qtbot.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)
        assert "does not open" in dialog.message.text()
    assert not dialog.unlock_button.isEnabled()  # the third wrong try: wait 1 s
    assert "Wait 1 s" in dialog.message.text()
    qtbot.waitUntil(dialog.unlock_button.isEnabled, timeout=5000)
    type_into(qtbot, dialog.passphrase, PASS)
    qtbot.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == UnlockDialog.DialogCode.Accepted
    assert dialog.unlocked is not None


def test_the_recovery_key_sets_a_new_passphrase(qtbot: Any, tmp_path: Path) -> None:
    folder, recovery = locked_folder(tmp_path)
    dialog = UnlockDialog(folder)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.recovery_key.isVisible()
    qtbot.mouseClick(dialog.recovery_button, Qt.MouseButton.LeftButton)
    assert dialog.recovery_key.isVisible() and not dialog.passphrase.isVisible()
    type_into(qtbot, dialog.recovery_key, recovery.lower().replace("-", " "))
    type_into(qtbot, dialog.new_passphrase, "my new passphrase")
    type_into(qtbot, dialog.confirm, "my new passphrase")
    qtbot.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == UnlockDialog.DialogCode.Accepted
    with pytest.raises(access.WrongPassphrase):
        access.keys_by_passphrase(folder, PASS)
    assert access.keys_by_passphrase(folder, "my new passphrase").keys is not None


def test_start_up_asks_before_showing_anything(qtbot: Any, tmp_path: Path) -> None:
    from headway_journal.ui.app import open_service

    folder, _ = locked_folder(tmp_path)
    seen: list[list[str]] = []

    def unlock(dialog: QWidget) -> None:
        assert isinstance(dialog, UnlockDialog)
        seen.append([type(w).__name__ for w in QApplication.topLevelWidgets() if w.isVisible()])
        type_into(qtbot, dialog.passphrase, PASS)
        qtbot.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)

    when_modal(qtbot, unlock)
    service, _note = open_service(folder)
    assert service is not None and service.journal.keys is not None
    assert seen == [["UnlockDialog"]]  # no window, nothing of the journal before it
    service.close()
    unlocked.forget_all()
    when_modal(qtbot, lambda d: d.reject())  # cancelled: nothing opens
    assert open_service(folder) == (None, "")


def test_encrypt_from_the_menu_then_decrypt(qtbot: Any, window: Any, tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    folder = window.service.folder
    cases = window.service.stats()["cases"]

    def choose(dialog: QWidget) -> None:
        assert isinstance(dialog, NewPassphraseDialog)
        type_into(qtbot, dialog.passphrase, PASS)
        type_into(qtbot, dialog.confirm, PASS)
        dialog.check_and_accept()

    when_modal(qtbot, choose)
    with qtbot.waitSignal(window.security.converted, timeout=60_000):
        window.security_actions[0].trigger()
    assert access.is_locked(folder)
    assert window.service.journal.keys is not None
    assert window.service.stats()["cases"] == cases
    shown = window.security.last_recovery
    assert shown is not None and shown.isVisible()
    key = shown.recovery_key
    assert access.keys_by_recovery_key(folder, key).keys is not None
    sheet = tmp_path / "sheet.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(sheet), "")))
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda *a, **k: None))
    qtbot.mouseClick(shown.print_button, Qt.MouseButton.LeftButton)
    assert sheet.read_bytes().startswith(b"%PDF")
    shown.accept()

    monkeypatch.setattr(QMessageBox, "question",
                        staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes))
    with qtbot.waitSignal(window.security.converted, timeout=60_000):
        window.security_actions[1].trigger()
    assert not access.is_locked(folder) and window.service.journal.keys is None
    assert window.service.stats()["cases"] == cases


def test_idle_lock_hides_the_journal_until_unlocked(qtbot: Any, tmp_path: Path) -> None:
    from headway_journal.ui.main_window import MainWindow

    folder, _ = locked_folder(tmp_path)
    service = JournalService.open(folder, keys=access.keys_by_passphrase(folder, PASS).keys)
    window = MainWindow(service)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.security.idle.isActive()  # locked journal: the idle lock runs
    hidden: list[bool] = []

    def unlock(dialog: QWidget) -> None:
        hidden.append(not window.isVisible())
        assert unlocked.keys_for(folder) is None  # forgotten while locked
        type_into(qtbot, dialog.passphrase, PASS)  # type: ignore[attr-defined]
        qtbot.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]

    open_form = NewPassphraseDialog("a form left open", window)
    open_form.show()
    when_modal(qtbot, unlock)
    window.security.idle.timeout.emit()
    assert hidden == [True]
    assert not open_form.isVisible()  # nothing of the journal stays on screen
    assert window.isVisible() and window.session.service.journal.keys is not None
    window.close()


def test_the_welcome_screen_offers_encryption(qtbot: Any, empty_window: Any) -> None:
    button = empty_window.welcome.encrypt_button
    assert button.isVisible()
    offered: list[str] = []

    def look(dialog: QWidget) -> None:
        assert isinstance(dialog, NewPassphraseDialog)
        offered.append(dialog.findChild(QWidget, "").__class__.__name__)
        warning = [w for w in dialog.findChildren(QWidget)
                   if w.accessibleName() == "No recovery warning"]
        assert warning and "no way" in warning[0].text()  # type: ignore[attr-defined]
        dialog.reject()

    when_modal(qtbot, look)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert offered  # the dialog was shown, and cancelling changed nothing
    assert not access.is_locked(empty_window.service.folder)


def test_idle_minutes_in_settings(qtbot: Any, tmp_path: Path) -> None:
    from headway_journal.ui.dialogs.settings_dialog import SettingsDialog
    from headway_journal.ui.main_window import MainWindow
    from headway_journal.ui.security.controller import lock_after_minutes

    folder, _ = locked_folder(tmp_path)
    service = JournalService.open(folder, keys=access.keys_by_passphrase(folder, PASS).keys)
    window = MainWindow(service)
    qtbot.addWidget(window)
    assert lock_after_minutes() == 15 and window.security.idle.interval() == 15 * 60_000
    dialog = SettingsDialog(service, window)
    qtbot.addWidget(dialog)
    dialog.lock_spin.clear()
    qtbot.keyClicks(dialog.lock_spin, "0")
    assert dialog.lock_spin.value() == 0 and dialog.has_changes()
    assert dialog.save()
    assert lock_after_minutes() == 0 and not window.security.idle.isActive()
    window.close()


def test_drafts_of_a_locked_journal_are_sealed(tmp_path: Path) -> None:
    from headway_journal.journal.crypto import sealed
    from headway_journal.ui.drafts import DraftStore

    folder, _ = locked_folder(tmp_path)
    access.keys_by_passphrase(folder, PASS)  # unlocked in this process
    store = DraftStore.for_journal(folder)
    store.save("contact-1", {"summary": "Rep Quillon promised TKT-88172635"})
    raw = store.path("contact-1").read_bytes()
    assert raw.startswith(sealed.MAGIC) and b"TKT-88172635" not in raw
    loaded = store.load("contact-1")
    assert loaded is not None and loaded.data["summary"].endswith("TKT-88172635")
    unlocked.forget_all()
    assert store.load("contact-1") is None  # locked again: not readable, not set aside
    assert store.path("contact-1").is_file()
    plain = DraftStore.for_journal(tmp_path / "plain")
    plain.save("case-new", {"title": "x"})
    assert plain.path("case-new").read_bytes().startswith(b"{")  # a plain journal as before


class FakeKeyring:
    def __init__(self) -> None:
        self.saved: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, account: str) -> str | None:
        return self.saved.get((service, account))

    def set_password(self, service: str, account: str, value: str) -> None:
        self.saved[(service, account)] = value

    def delete_password(self, service: str, account: str) -> None:
        self.saved.pop((service, account), None)


def test_remember_in_the_keyring_when_there_is_one(qtbot: Any, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    from headway_journal.ui.security.unlock import ask_keys

    folder, _ = locked_folder(tmp_path)
    monkeypatch.setitem(sys.modules, "keyring", None)  # none installed: normal, no checkbox
    dialog = UnlockDialog(folder)
    qtbot.addWidget(dialog)
    assert not dialog.remember.isVisibleTo(dialog)
    fake = FakeKeyring()
    monkeypatch.setitem(sys.modules, "keyring", fake)

    def unlock(widget: QWidget) -> None:
        assert isinstance(widget, UnlockDialog) and widget.remember.isVisible()
        type_into(qtbot, widget.passphrase, PASS)
        widget.remember.setChecked(True)
        qtbot.mouseClick(widget.unlock_button, Qt.MouseButton.LeftButton)

    when_modal(qtbot, unlock)
    assert ask_keys(folder) is not None
    assert list(fake.saved.values()) == [PASS]
    unlocked.forget_all()
    assert ask_keys(folder) is not None  # from the keyring: no dialog this time


def test_the_case_file_of_an_encrypted_journal_says_it_is_not(qtbot: Any, tmp_path: Path) -> None:
    from PySide6.QtWidgets import QLabel

    from headway_journal.journal.records import CaseInput
    from headway_journal.ui.casefile.dialog import CaseFileDialog

    folder, _ = locked_folder(tmp_path)
    service = JournalService.open(folder, keys=access.keys_by_passphrase(folder, PASS).keys)
    org = service.organization_by_key("headway")
    assert org is not None
    cid = service.create_case(CaseInput(title="Billing", organization_id=org.id,
                                        issue_type="billing", role="client"))
    dialog = CaseFileDialog(service, cid)
    qtbot.addWidget(dialog)
    about = [w for w in dialog.findChildren(QLabel) if w.accessibleName() == "About the case"]
    assert "is not" in about[0].text()
    dialog.close()
    service.close()
