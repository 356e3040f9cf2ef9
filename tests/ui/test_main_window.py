"""The main window as a user sees it: texts on screen, buttons, shortcuts, dialogs patched."""

from __future__ import annotations

import types
from datetime import date, datetime, time, timedelta, timezone
from typing import TYPE_CHECKING, Any

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QLabel, QMessageBox, QPushButton, QWidget

from headway_journal.journal.issue_types import CALL_PROMPTS, SAFETY_NOTE
from headway_journal.journal.records import CaseFilter, CaseInput, ContactInput, PromiseInput
from headway_journal.journal.service import JournalService
from headway_journal.ui import settings as st
from headway_journal.ui.case.pane import TAB_BEFORE_CALL, TAB_HISTORY, CasePane
from headway_journal.ui.widgets import Card, NoticeBox

if TYPE_CHECKING:
    from conftest import Sample

    from headway_journal.ui.main_window import MainWindow


def at(days_ago: int, hh: int, mm: int) -> datetime:
    return datetime.combine(date.today() - timedelta(days=days_ago), time(hh, mm),
                            timezone(timedelta(hours=-8)))


def texts(widget: QWidget, name: str | None = None) -> list[str]:
    """The visible texts of the labels under ``widget`` (optionally with an accessible name)."""
    return [label.text() for label in widget.findChildren(QLabel)
            if (name is None or label.accessibleName() == name) and not label.isHidden()]


def by_name(widget: QWidget, cls: type, name: str) -> list[Any]:
    return [w for w in widget.findChildren(cls) if w.accessibleName() == name]


def timeline_cards(pane: CasePane) -> list[Card]:
    column = pane.timeline_column
    cards = []
    for i in range(column.count()):
        w = column.itemAt(i).widget()
        if isinstance(w, Card) and w.accessibleName().startswith("Contact"):
            cards.append(w)
    return cards


def answer(monkeypatch: pytest.MonkeyPatch, button: QMessageBox.StandardButton) -> list[str]:
    asked: list[str] = []

    def question(parent: Any, title: str, text: str, *args: Any, **kwargs: Any) -> Any:
        asked.append(text)
        return button

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    return asked


# --- the frame ---------------------------------------------------------------------------------


def test_title_names_the_journal(window: MainWindow) -> None:
    assert window.windowTitle() == "Headway Journal — journal"
    assert window.accessibleName() == "Headway Journal"


def test_default_journal_has_the_plain_title(window: MainWindow,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    import headway_journal.journal.db as db

    monkeypatch.setattr(db, "default_journal_dir", lambda: window.service.folder)
    assert window.journal_name() == "default"
    assert window._title() == "Headway Journal"


def test_status_bar_tells_the_journal_state(window: MainWindow) -> None:
    assert window.status_label.text() == (
        "Journal: journal · 5 cases · last backup never · all changes saved")


def test_saved_views_show_counts_due_first(window: MainWindow) -> None:
    items = [window.views.item(i).text() for i in range(window.views.count())]
    assert items == ["Due & overdue  (1)", "All open  (4)", "Waiting  (1)", "Escalated  (1)",
                     "Resolved  (1)", "All  (5)", "Deleted  (0)"]
    # something is due, so the window opens on that view
    assert window.view == "due"
    assert window.views.currentItem().text().startswith("Due & overdue")
    assert window.case_model.rowCount() == 1


def test_choosing_a_view_filters_the_list(window: MainWindow, sample: Sample) -> None:
    window.views.setCurrentRow(4)  # Resolved
    assert window.view == "resolved"
    assert [window.case_model.case_id(r) for r in range(window.case_model.rowCount())] == [
        sample.technical]
    window.view_actions["all"].trigger()
    assert window.case_model.rowCount() == 5
    assert window.views.currentItem().text() == "All  (5)"


def test_issue_type_and_organization_filters(window: MainWindow, sample: Sample) -> None:
    window.set_view("all")
    combo = window.issue_filter
    combo.setCurrentIndex(combo.findText("Privacy complaint"))
    assert [window.case_model.case_id(r) for r in range(window.case_model.rowCount())] == [
        sample.privacy]
    combo.setCurrentIndex(0)
    assert window.case_model.rowCount() == 5
    assert window.org_filter.itemText(1) == "Headway"


def test_menus_and_shortcuts(window: MainWindow) -> None:
    menus = [a.text().replace("&", "") for a in window.menuBar().actions()]
    assert menus == ["File", "Edit", "Case", "View", "Help"]
    shortcuts = {
        window.act_new_case: "Ctrl+N", window.act_log_contact: "Ctrl+L",
        window.act_print: "Ctrl+P", window.act_close: "Ctrl+W", window.act_quit: "Ctrl+Q",
        window.act_delete_case: "Del", window.act_undo: "Ctrl+Z", window.act_find: "Ctrl+F",
        window.act_capture: "Ctrl+Shift+S",
    }
    for action, keys in shortcuts.items():
        assert action.shortcut() == QKeySequence(keys), action.text()
    toolbar = [window.toolbar.widgetForAction(a).accessibleName()
               for a in (window.act_new_case, window.act_log_contact, window.act_attach,
                         window.act_capture, window.act_case_file, window.act_print)]
    assert toolbar == ["New case", "Log contact", "Attach", "Capture", "Case file", "Print"]
    assert window.act_new_case.toolTip() == "Start a new case (Ctrl+N)"
    assert window.act_capture.toolTip().startswith("Take a screenshot and attach it")
    file_menu = window.menuBar().actions()[0].menu()
    entries = [a.text().replace("&", "") for a in file_menu.actions() if not a.isSeparator()]
    for entry in ("Capture screen…", "Export case file…", "Preview case file…", "Print…",
                  "Back up now", "Restore from backup…"):
        assert entry in entries
    # a case is selected: the case file hooks are there, so Case file, Preview and Print are on
    assert window.case_pane.case_id is not None
    for action in (window.act_case_file, window.act_preview_case_file, window.act_print,
                   window.act_capture, window.act_attach):
        assert action.isEnabled(), action.text()


def test_every_control_has_an_accessible_name(window: MainWindow, sample: Sample) -> None:
    from PySide6.QtWidgets import QAbstractButton, QComboBox, QLineEdit, QListWidget, QTreeView

    window.select_case(sample.billing)
    for cls in (QAbstractButton, QComboBox, QLineEdit, QListWidget, QTreeView):
        for w in window.findChildren(cls):
            if w.isVisibleTo(window) and w.parent() is not None:
                if type(w).__name__ in ("QTabBar", "QScrollBar") or w.objectName().startswith("qt_"):
                    continue
                assert w.accessibleName(), f"{type(w).__name__} {w.objectName()} has no name"


# --- a case on the right ------------------------------------------------------------------------


def test_selecting_a_case_shows_header_and_timeline(window: MainWindow, sample: Sample,
                                                    qtbot: Any) -> None:
    window.select_case(sample.billing)
    pane = window.case_pane
    assert pane.title_label.text() == "Double charge for the Nov 12 session"
    assert pane.status_badge.text() == "ESCALATED"
    opened = date.today() - timedelta(days=13)
    facts = pane.facts_label.text()
    assert facts.startswith("Headway · Billing / refund · client · opened ")
    assert facts.endswith(" · 13 d open")
    assert f"{opened.day}, {opened.year}" in facts
    assert pane.outcome_label.text() == "$100.00 disputed · wants: Refund of the duplicate charge"

    assert pane.timeline_summary.text() == "3 contacts · 2 promises · 1 overdue · 1 escalation"
    cards = timeline_cards(pane)
    assert len(cards) == 3
    newest, middle, oldest = (texts(c) for c in cards)
    assert "Chat · outbound" in newest
    # a chat that ended without a promise: the $100 billing dispute's reply window, not the
    # wait for an agent
    assert ("No promise recorded. Typical for billing dispute under $200, once documented: "
            "typically 5-10 business days (typical, not promised)") in newest
    assert "E-mail · inbound" in middle
    assert any(t.endswith("22:30 (UTC\u221208:00)") for t in middle)
    assert "Алексей Смирнов, Escalations Lead" in middle
    assert "Ticket: ESC-77310" in middle
    assert "Supervisor accepted escalation." in middle
    assert any(t.startswith("to supervisor · owner Алексей Смирнов") for t in middle)
    assert "Phone · outbound" in oldest
    assert "Jordan Lee, Billing Specialist · 14 min (5 on hold)" in oldest
    assert "Outcome: Refund request opened." in oldest
    assert any(t.startswith("decision on the refund — within 5 business days, due ")
               for t in oldest)
    state = [b.text() for b in cards[2].findChildren(QLabel, "promise_state")]
    assert state[0].startswith("overdue by ")

    # the list marks the case too: in words, not colour alone
    row = window.case_model.row_of(sample.billing)
    assert window.case_model.data(window.case_model.index(row, 2)).startswith("overdue ")


def test_reply_windows_on_cards_without_a_promise(window: MainWindow, sample: Sample) -> None:
    """A call is not answered "in 2-15 minutes"; a lockout reported by in-app chat at 21:00 on
    a weekday (the contact's own time) gets the after-hours row."""
    pacific = timezone(timedelta(hours=-8))
    wednesday = datetime(2026, 11, 4, 12, 0, tzinfo=pacific)
    svc = window.service
    svc.log_contact(sample.technical, ContactInput(started_at=wednesday, channel="phone"))
    svc.log_contact(sample.technical, ContactInput(started_at=wednesday.replace(hour=21),
                                                   channel="in-app"))
    window.select_case(sample.technical)
    late, call = (texts(c, "Expected response") for c in timeline_cards(window.case_pane))
    assert call == ["No promise recorded, and there is no typical reply time for this; ask for "
                    "one next time."]
    assert late == ["No promise recorded. Typical for after-hours technical lockout (in-app "
                    "chat): typically 1-4 hours (typical, not promised)"]


def test_timeline_order_toggle(window: MainWindow, sample: Sample) -> None:
    window.select_case(sample.billing)
    pane = window.case_pane
    assert pane.order_button.text().startswith("Newest first")
    window.act_newest_first.setChecked(False)
    assert "Phone · outbound" in texts(timeline_cards(pane)[0])
    assert pane.order_button.text().startswith("Oldest first")
    assert st.get_bool(st.KEY_NEWEST_FIRST, True) is False
    pane.order_button.click()  # the button in the tab toggles the menu action too
    assert window.act_newest_first.isChecked()
    assert "Chat · outbound" in texts(timeline_cards(pane)[0])


def test_kept_and_broken_buttons(window: MainWindow, sample: Sample, qtbot: Any) -> None:
    window.select_case(sample.billing)
    pane = window.case_pane
    [kept] = by_name(pane, QPushButton, "Mark kept: decision on the refund")
    assert kept.text() == "Kept"
    qtbot.mouseClick(kept, Qt.MouseButton.LeftButton)
    case = window.service.get_case(sample.billing)
    assert {p.text: p.status for p in case.promises}["decision on the refund"] == "kept"
    # the card was rebuilt with the new state, and the history says so
    card_texts = [t for c in timeline_cards(pane) for t in texts(c)]
    assert "KEPT" in card_texts
    pane.tabs.setCurrentIndex(TAB_HISTORY)
    assert "Promise “decision on the refund” marked kept (was pending)" in (
        pane.history.toPlainText())
    # nothing is due within 7 days any more: the case leaves Due & overdue, the count follows,
    # and the case stays open on the right so the click's result stays in sight
    assert window.view == "due"
    assert window.counts["due"] == 0 and window.case_model.rowCount() == 0
    assert window.views.item(0).text() == "Due & overdue  (0)"
    assert window.case_pane.case_id == sample.billing
    assert "no longer in Due & overdue" in window.statusBar().currentMessage()

    pane.tabs.setCurrentIndex(0)
    [broken] = by_name(pane, QPushButton, "Mark broken: decision on the refund")
    qtbot.waitUntil(broken.isVisible)  # the rebuilt card is shown by the event loop
    qtbot.mouseClick(broken, Qt.MouseButton.LeftButton)
    case = window.service.get_case(sample.billing)
    assert {p.text: p.status for p in case.promises}["decision on the refund"] == "broken"
    assert "Promise “decision on the refund” marked broken (was kept)" in (
        pane.history.toPlainText())
    [broken] = by_name(pane, QPushButton, "Mark broken: decision on the refund")
    assert not broken.isEnabled()  # already broken


def test_mark_next_promise_from_the_case_menu(window: MainWindow, sample: Sample) -> None:
    window.select_case(sample.billing)
    assert window.act_mark_kept.isEnabled()
    window.act_mark_broken.trigger()  # the most urgent pending one: the overdue decision
    statuses = {p.text: p.status for p in window.service.get_case(sample.billing).promises}
    assert statuses == {"decision on the refund": "broken", "written reply": "pending"}
    assert "marked broken" in window.statusBar().currentMessage()


def test_set_status_from_the_case_menu(window: MainWindow, sample: Sample) -> None:
    window.select_case(sample.credentialing)
    assert window.status_actions["open"].isChecked()
    window.status_actions["waiting"].trigger()
    assert window.case_pane.status_badge.text() == "WAITING"
    assert window.service.get_case(sample.credentialing).status == "waiting"
    assert window.counts["waiting"] == 2


def test_details_tab_uses_registry_labels(window: MainWindow, sample: Sample) -> None:
    window.select_case(sample.credentialing)
    details = window.case_pane.details_area.widget()
    labels = texts(details)
    assert "Provider credentialing / contract details" in labels
    assert "NPI:" in labels and "1234567893" in labels
    assert "Tax ID (EIN):" in labels and "12-3456789" in labels
    assert "W-9 or contract reference:" in labels
    assert "not on file yet" in labels
    assert "Ticket and reference numbers" in labels and "PS-100234" in labels


def test_history_is_readable(window: MainWindow, sample: Sample) -> None:
    window.select_case(sample.billing)
    history = window.case_pane.history.toPlainText()
    assert "Case added" in history
    assert "title: Double charge for the Nov 12 session" in history
    assert "Contact added" in history
    assert "representative: Алексей Смирнов" in history


def test_empty_timeline_offers_to_log_the_first_contact(window: MainWindow, sample: Sample,
                                                        fake_dialogs: types.ModuleType,
                                                        qtbot: Any) -> None:
    window.select_case(sample.appointment)
    [button] = by_name(window.case_pane, QPushButton, "Log your first contact")
    assert button.text() == "Log your first contact (Ctrl+L)"

    def log(dialog: Any) -> None:
        service, case_id = dialog.args[0], dialog.args[1]
        dialog.saved_contact_id = service.log_contact(case_id, ContactInput(
            started_at=datetime.now().astimezone() - timedelta(minutes=5), channel="in-app",
            rep_name="Provider Support",
            tickets=["HW-500123"], summary="Asked why the session was cancelled.",
            promises=[PromiseInput("call back", business_days=2)]))

    fake_dialogs.ContactDialog.action = log
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert fake_dialogs.ContactDialog.calls[-1][1][1] == sample.appointment
    cards = timeline_cards(window.case_pane)
    assert len(cards) == 1
    assert "Ticket: HW-500123" in texts(cards[0])
    assert window.case_pane.timeline_summary.text() == "1 contact · 1 promise"


def test_log_contact_action_opens_the_dialog_on_the_selected_case(
        window: MainWindow, sample: Sample, fake_dialogs: types.ModuleType) -> None:
    window.select_case(sample.credentialing)
    window.act_log_contact.trigger()
    name, args, kwargs = fake_dialogs.ContactDialog.calls[-1]
    assert args[0] is window.service and args[1] == sample.credentialing and args[2] is window


def test_new_case_dialog_then_the_case_is_selected(window: MainWindow,
                                                   fake_dialogs: types.ModuleType) -> None:
    def create(dialog: Any) -> None:
        service = dialog.args[0]
        headway = service.organization_by_key("headway")
        dialog.saved_case_id = service.create_case(CaseInput(
            title="Payout missing for October", organization_id=headway.id,
            issue_type="provider_payment", role="clinician"))

    fake_dialogs.CaseDialog.action = create
    window.act_new_case.trigger()
    assert window.case_pane.title_label.text() == "Payout missing for October"
    assert window.counts["all"] == 6
    assert window.status_label.text().startswith("Journal: journal · 6 cases")


def test_edit_case_passes_the_case_id(window: MainWindow, sample: Sample,
                                      fake_dialogs: types.ModuleType) -> None:
    window.select_case(sample.privacy)
    window.act_edit_case.trigger()
    assert fake_dialogs.CaseDialog.calls[-1][2] == {"case_id": sample.privacy}


# --- delete and undo -----------------------------------------------------------------------------


def test_delete_asks_first_and_undo_restores(window: MainWindow, sample: Sample,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    window.set_view("all")
    window.select_case(sample.credentialing)
    asked = answer(monkeypatch, QMessageBox.StandardButton.No)
    window.act_delete_case.trigger()
    assert asked and "Credentialing with Aetna stuck" in asked[0]
    assert window.case_model.row_of(sample.credentialing) >= 0  # declined: nothing happened

    answer(monkeypatch, QMessageBox.StandardButton.Yes)
    window.act_delete_case.trigger()
    assert window.case_model.row_of(sample.credentialing) == -1
    assert window.service.count_cases(CaseFilter(view="deleted")) == 1
    assert window.views.item(6).text() == "Deleted  (1)"
    assert window.case_pane.case_id != sample.credentialing  # a neighbour is shown
    assert "Ctrl+Z" in window.statusBar().currentMessage()
    assert window.act_undo.isEnabled()

    window.act_undo.trigger()
    assert window.case_model.row_of(sample.credentialing) >= 0
    assert window.case_pane.case_id == sample.credentialing
    assert window.views.item(6).text() == "Deleted  (0)"
    assert not window.act_undo.isEnabled()
    history = [(c.action, c.entity) for c in window.service.history(sample.credentialing)]
    assert ("delete", "case") in history and ("restore", "case") in history


def test_delete_and_undo_with_the_keyboard(window: MainWindow, sample: Sample, qtbot: Any,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    answer(monkeypatch, QMessageBox.StandardButton.Yes)
    window.set_view("all")
    window.select_case(sample.technical)
    window.activateWindow()
    window.case_list.setFocus()
    qtbot.waitUntil(window.case_list.hasFocus)
    qtbot.keyClick(window.case_list, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: window.case_model.row_of(sample.technical) == -1)
    qtbot.keyClick(window.case_list, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.case_pane.case_id == sample.technical)


def test_deleted_case_can_be_restored_from_the_deleted_view(
        window: MainWindow, sample: Sample, qtbot: Any) -> None:
    window.service.delete_case(sample.privacy)
    window.refresh()
    window.set_view("deleted")
    assert window.case_pane.case_id == sample.privacy
    assert window.case_pane.status_badge.text() == "DELETED"
    assert window.case_pane.deleted_banner.isVisibleTo(window)
    assert not window.act_delete_case.isEnabled()
    qtbot.mouseClick(window.case_pane.restore_button, Qt.MouseButton.LeftButton)
    assert window.view == "all"
    assert window.case_pane.case_id == sample.privacy
    assert not window.case_pane.deleted_banner.isVisibleTo(window)


def test_delete_contact_and_undo(window: MainWindow, sample: Sample,
                                 monkeypatch: pytest.MonkeyPatch) -> None:
    answer(monkeypatch, QMessageBox.StandardButton.Yes)
    window.select_case(sample.billing)
    contact = window.service.get_case(sample.billing).contacts[-1]
    window.case_pane.delete_contact_requested.emit(contact.id)
    assert len(timeline_cards(window.case_pane)) == 2
    window.act_undo.trigger()
    assert len(timeline_cards(window.case_pane)) == 3


# --- search --------------------------------------------------------------------------------------


def test_search_box_filters_the_list_as_you_type(window: MainWindow, sample: Sample,
                                                 qtbot: Any) -> None:
    window.act_find.trigger()
    assert window.search_box.hasFocus() or window.search_box.selectedText() == ""
    qtbot.keyClicks(window.search_box, "Aetna")
    qtbot.waitUntil(lambda: window.case_model.rowCount() == 1
                    and window.case_model.case_id(0) == sample.credentialing)
    assert window.case_pane.case_id == sample.credentialing
    assert window.list_hint.text() == "1 case matches “Aetna” in all cases"

    window.search_box.clear()
    qtbot.keyClicks(window.search_box, "ESC-77310")  # a ticket number
    qtbot.waitUntil(lambda: [window.case_model.case_id(r)
                             for r in range(window.case_model.rowCount())] == [sample.billing])

    window.search_box.clear()
    qtbot.keyClicks(window.search_box, "nothing like this")
    qtbot.waitUntil(lambda: window.case_model.rowCount() == 0)
    assert window.case_pane.placeholder.text().startswith("No case matches “nothing like this”")

    qtbot.keyClick(window.search_box, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.case_model.rowCount() > 0)
    assert window.search_box.text() == ""


def test_search_box_finds_an_escalation_an_exhibit_and_the_organization(
        window: MainWindow, sample: Sample, qtbot: Any) -> None:
    from headway_journal.journal.records import EscalationInput

    svc = window.service
    svc.add_escalation(sample.credentialing, EscalationInput(
        requested_on=date.today(), owner_name="Marisol Quiñones", reference="CRED-2026-0042"))
    png = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06"
           b"\x00\x00\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\xff\xff?\x00\x05\xfe\x02"
           b"\xfe\xa75\x81\x84\x00\x00\x00\x00IEND\xaeB`\x82")
    svc.add_attachment(sample.privacy, png, original_name="records request.png",
                       caption="Portal confirmation page")

    def ids() -> list[int]:
        return [window.case_model.case_id(r) for r in range(window.case_model.rowCount())]

    def search_for(query: str, expected: list[int]) -> None:
        window.search_box.clear()
        qtbot.keyClicks(window.search_box, query)
        qtbot.waitUntil(lambda: ids() == expected)

    search_for("Quinones", [sample.credentialing])  # the escalation's owner, accents ignored
    search_for("CRED-2026", [sample.credentialing])  # its reference, by prefix
    search_for("confirmation page", [sample.privacy])  # an exhibit's caption
    window.search_box.clear()
    qtbot.keyClicks(window.search_box, "Headway")  # every sample case is with Headway
    qtbot.waitUntil(lambda: len(ids()) == window.service.count_cases())


# --- empty journal ------------------------------------------------------------------------------


def test_empty_journal_shows_the_welcome_panel(empty_window: MainWindow,
                                               fake_dialogs: types.ModuleType,
                                               qtbot: Any) -> None:
    window = empty_window
    assert window.stack.currentWidget() is window.welcome
    buttons = [b for b in window.welcome.findChildren(QPushButton) if b.isVisibleTo(window)]
    assert [b.text() for b in buttons] == ["Start your first case"]
    channels = texts(window.welcome, "Headway channel")
    assert any("(833) 384-1044" in t for t in channels)
    assert any("help.headway.co" in t for t in channels)
    assert all("not verified yet" in t.lower() or "verified on" in t.lower() for t in channels)
    assert window.status_label.text().startswith("Journal: journal · 0 cases · last backup never")

    def create(dialog: Any) -> None:
        service = dialog.args[0]
        headway = service.organization_by_key("headway")
        dialog.saved_case_id = service.create_case(CaseInput(
            title="Locked out of my account", organization_id=headway.id,
            issue_type="account", role="client", fields={"full_name": "Dana Whitfield"}))

    fake_dialogs.CaseDialog.action = create
    qtbot.mouseClick(window.welcome.start_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.splitter
    assert window.case_pane.title_label.text() == "Locked out of my account"


# --- before you call ---------------------------------------------------------------------------


def before_call_texts(window: MainWindow, case_id: int) -> tuple[CasePane, list[str]]:
    window.select_case(case_id)
    pane = window.case_pane
    pane.tabs.setCurrentIndex(TAB_BEFORE_CALL)
    return pane, texts(pane.before_area.widget())


def test_before_you_call_lists_missing_items_first(window: MainWindow, sample: Sample) -> None:
    pane, all_texts = before_call_texts(window, sample.appointment)
    items = texts(pane.before_area.widget(), "Checklist item")
    assert items[:4] == [
        "✗  Missing: Appointment date",
        "✗  Missing: Appointment time",
        "✗  Missing: Cancellation or no-show timestamps",
        "✓  On file: Therapist name — Dr. Maya Chen",
    ][:4] or items[0].startswith("✗")
    marks = [t[0] for t in items]
    assert marks == sorted(marks, key=lambda m: m == "✓")  # every ✗ before every ✓
    assert "✓  On file: Therapist name — Dr. Maya Chen" in items
    assert "3 of 5 missing: add them to the case before you call." in all_texts
    for n, prompt in enumerate(CALL_PROMPTS, start=1):
        assert f"{n}. {prompt}" in all_texts
    assert "Where to reach Headway (for clients)" in all_texts
    assert any(t.startswith("Step 1.") for t in all_texts)


def test_before_you_call_shows_the_safety_note_for_clinical_and_privacy_cases(
        window: MainWindow, sample: Sample) -> None:
    for case_id in (sample.appointment, sample.privacy):
        pane, _ = before_call_texts(window, case_id)
        notes = pane.before_area.widget().findChildren(NoticeBox)
        assert len(notes) == 1 and notes[0].text.text() == SAFETY_NOTE
        column = pane.before_column
        assert column.itemAt(0).widget() is notes[0]  # first thing on the page
    pane, _ = before_call_texts(window, sample.billing)
    assert pane.before_area.widget().findChildren(NoticeBox) == []


def test_before_you_call_says_what_to_expect_with_the_hold_time_labelled(
        window: MainWindow, sample: Sample) -> None:
    pane, _ = before_call_texts(window, sample.privacy)
    lines = texts(pane.before_area.widget(), "What to expect")
    assert lines[0] == ("When you call: phone hold during business hours, typically 2-15 minutes "
                        "(typical, not promised). This is time on hold before someone answers, "
                        "not a reply time.")
    assert any("larger contractual or legal issues, formal written reply" in t for t in lines)


def test_before_you_call_for_billing_expects_the_refund_on_the_card(
        window: MainWindow, sample: Sample) -> None:
    pane, _ = before_call_texts(window, sample.billing)
    lines = texts(pane.before_area.widget(), "What to expect")
    assert lines[0].startswith("A reply about this: billing dispute under $200, once documented")
    assert not any("phone hold" in t for t in lines)  # Headway has no general phone line
    assert lines[1].startswith("After a refund is approved: refund reaching a card statement")


def test_before_you_call_channels_with_open_now_and_verification(window: MainWindow,
                                                                 sample: Sample) -> None:
    pane, all_texts = before_call_texts(window, sample.privacy)
    channels = [c for c in pane.before_area.widget().findChildren(Card)
                if c.accessibleName().startswith("Channel ")]
    names = [t for c in channels for t in texts(c, "Channel name")]
    assert "Privacy Officer (privacy complaints)" in names  # privacy cases get the privacy line
    assert "Messages to your provider" in names  # and the client channels
    assert "Provider Support queue" not in names  # not the clinicians' queue
    for card in channels:
        states = [b.text() for b in card.findChildren(QLabel) if b.accessibleName() in (
            "open now", "closed now", "hours unknown")]
        assert len(states) == 1
        verification = texts(card, "Channel verification")
        assert verification and ("Not verified yet" in verification[0]
                                 or "Verified on" in verification[0])
    # the HHS OCR clock, labelled as general information
    assert "General information to verify with the agency; not legal advice." in all_texts
    assert any(t.startswith("HHS Office for Civil Rights privacy complaint: by ")
               for t in all_texts)


def test_clinician_case_shows_the_provider_queue(window: MainWindow, sample: Sample) -> None:
    pane, all_texts = before_call_texts(window, sample.credentialing)
    assert "Where to reach Headway (for clinicians)" in all_texts
    names = texts(pane.before_area.widget(), "Channel name")
    assert "Provider Support queue" in names and "Messages to your provider" not in names


# --- notifications, attachments, settings -------------------------------------------------------


def test_overdue_promise_is_announced_once(window: MainWindow, sample: Sample,
                                           qtbot: Any) -> None:
    qtbot.waitUntil(lambda: "decision on the refund" in window.statusBar().currentMessage(),
                    timeout=5000)
    assert window.statusBar().currentMessage().startswith("Overdue: “decision on the refund”")
    assert window.service.overdue_unnotified() == []
    announced: list[Any] = []
    window.overdue.found.connect(announced.append)
    with qtbot.waitSignal(window.overdue.checked, timeout=5000) as blocker:
        assert window.check_overdue()  # runs in the background
    assert blocker.args == [True] and announced == []  # nothing new the second time
    assert window.notify_timer.isActive() and window.notify_timer.interval() == 5 * 60 * 1000


def test_attach_files_adds_exhibits(window: MainWindow, sample: Sample, tmp_path: Any,
                                    monkeypatch: pytest.MonkeyPatch, qtbot: Any) -> None:
    receipt = tmp_path / "receipt.txt"
    receipt.write_text("Receipt INV-20931: $100.00 charged twice\n", encoding="utf-8")
    window.select_case(sample.billing)
    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getOpenFileNames",
                        staticmethod(lambda *a, **k: ([str(receipt)], "")))
    window.act_attach.trigger()
    pane = window.case_pane
    # the copy is made in the background; the tab, the panel and the timeline follow
    qtbot.waitUntil(lambda: pane.tabs.tabText(2) == "Exhibits (1)", timeout=10_000)
    assert pane.exhibits.model.rowCount() == 1
    assert pane.exhibits.model.view_at(0).original_name == "receipt.txt"
    assert window.attach_files([receipt]) == 1  # the same file again: queued, not added twice
    qtbot.waitUntil(lambda: not window.attachments.busy, timeout=10_000)
    assert len(window.service.get_case(sample.billing).attachments) == 1
    assert "already attached" in window.statusBar().currentMessage()


def test_geometry_and_splitter_round_trip(make_window: Any, service: JournalService,
                                          sample: Sample) -> None:
    first = make_window(service)
    first.resize(780, 600)  # the offscreen screen is 800x800; larger sizes are clamped
    first.splitter.setSizes([330, 440])
    sizes = first.splitter.sizes()
    first.close()

    second = make_window(service)
    assert second.size() == QSize(780, 600)
    assert second.splitter.sizes() == sizes
    second.close()


def test_usable_at_1366_by_768(window: MainWindow, sample: Sample, qtbot: Any) -> None:
    window.resize(1366, 768)
    window.select_case(sample.billing)
    qtbot.wait(10)
    assert window.case_list.width() >= 300
    assert window.case_pane.width() >= 700
    assert window.search_box.isVisible()
    for action in (window.act_new_case, window.act_log_contact, window.act_print):
        assert window.toolbar.widgetForAction(action).isVisible()


def test_safety_information_from_the_help_menu(window: MainWindow,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information",
                        staticmethod(lambda parent, title, text, *a: shown.append(text)))
    window.act_safety.trigger()
    assert shown == [SAFETY_NOTE]


def test_backup_updates_the_status_bar(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information",
                        staticmethod(lambda parent, title, text, *a: shown.append(text)))
    window.act_backup.trigger()
    assert shown and "backed up to" in shown[0]
    assert "last backup never" not in window.status_label.text()
    assert list(window.service.journal.backups_dir.glob("*.sqlite3"))


# --- start-up ----------------------------------------------------------------------------------


def test_startup_is_lean(service: JournalService, sample: Sample) -> None:
    """Opening a journal with cases imports no ReportLab, Pillow, holidays or Alembic before
    the window is up (checked in a fresh interpreter)."""
    import os
    import subprocess
    import sys

    folder = service.folder
    service.close()
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from PySide6.QtWidgets import QApplication\n"
        "seen = {}\n"
        "def fake_exec(*args):\n"
        "    app = QApplication.instance()\n"
        "    seen['heavy'] = sorted(m for m in ('reportlab', 'PIL', 'holidays', 'alembic')\n"
        "                           if m in sys.modules)\n"
        "    seen['windows'] = [w.windowTitle() for w in app.topLevelWidgets() if w.isVisible()]\n"
        "    return 0\n"
        "QApplication.exec = fake_exec\n"
        "from headway_journal.ui.app import run_gui\n"
        "rc = run_gui(Path(sys.argv[1]))\n"
        "print(rc, seen['heavy'], seen['windows'])\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([sys.executable, "-c", code, str(folder)], capture_output=True,
                         text=True, timeout=120, env=env, check=True)
    assert out.stdout.strip().splitlines()[-1] == "0 [] ['Headway Journal — journal']", (
        out.stdout + out.stderr)


def capture_critical(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "critical", staticmethod(
        lambda parent, title, text, *a: shown.append((title, text))))
    return shown


def test_locked_journal_is_explained(qapp: Any, service: JournalService,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    from headway_journal.ui.app import run_gui

    shown = capture_critical(monkeypatch)
    assert run_gui(service.folder) == 1  # the fixture's service holds the journal
    [(title, text)] = shown
    assert title == "Journal in use"
    assert "already open" in text


def test_damaged_journal_is_left_alone_and_backups_named(qapp: Any, tmp_path: Any,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    from headway_journal.ui.app import run_gui

    folder = tmp_path / "damaged"
    folder.mkdir()
    garbage = b"this is not an SQLite database " * 200
    (folder / "journal.sqlite3").write_bytes(garbage)
    shown = capture_critical(monkeypatch)
    assert run_gui(folder) == 1
    [(title, text)] = shown
    assert title == "Journal damaged"
    assert "Nothing was changed" in text
    assert str(folder / "backups") in text
    assert (folder / "journal.sqlite3").read_bytes() == garbage


def test_demo_opens_a_throwaway_journal(qapp: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QApplication

    from headway_journal.ui.app import run_gui

    seen: dict[str, Any] = {}

    def fake_exec(*args: Any) -> int:
        windows = [w for w in QApplication.topLevelWidgets()
                   if w.isVisible() and w.objectName() == "MainWindow"]
        seen["titles"] = [w.windowTitle() for w in windows]
        seen["folder"] = windows[0].service.folder
        for w in windows:
            w.close()
        return 0

    monkeypatch.setattr(QApplication, "exec", fake_exec)
    assert run_gui(None, demo=True) == 0
    assert seen["titles"] == ["Headway Journal — demo (nothing is kept)"]
    assert not seen["folder"].exists()  # the demo journal is gone afterwards
    assert QApplication.desktopFileName() == "co.headwayjournal.HeadwayJournal"
    assert QApplication.organizationName() == "HeadwayJournal"


def test_timeline_thumbnail_opens_the_exhibit_viewer(window: MainWindow, sample: Sample,
                                                     qtbot: Any) -> None:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QColor, QImage
    from PySide6.QtWidgets import QDialog, QToolButton

    image = QImage(320, 200, QImage.Format.Format_RGB32)
    image.fill(QColor("#1e3a8a"))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    contact = window.service.get_case(sample.billing).contacts[0]
    window.service.add_attachment(sample.billing, bytes(data.data()),
                                  original_name="statement.png",
                                  caption="Card statement with two charges",
                                  contact_id=contact.id)
    window.refresh(select=sample.billing)
    [thumb] = by_name(window.case_pane, QToolButton, "Exhibit: Card statement with two charges")
    qtbot.waitUntil(thumb.isVisible)
    assert not thumb.icon().isNull()  # a real thumbnail, not just a name
    qtbot.mouseClick(thumb, Qt.MouseButton.LeftButton)
    viewers = [d for d in window.findChildren(QDialog) if d.accessibleName() == "Exhibit viewer"]
    assert len(viewers) == 1 and viewers[0].isVisible()
    viewers[0].close()


def test_the_due_list_at_start_is_read_with_the_counts(qtbot: Any, service: JournalService,
                                                      sample: Sample, make_window: Any,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """The window starts on Due & overdue with its list from the counts' own read (one pass
    over the pending promises): the same cases in the same order as reading the list alone,
    after a change too; other views and orders are read as before."""
    headway = service.case_summaries([sample.billing])[0].organization
    headway = next(o.id for o in service.organizations() if o.name == headway)
    for days, title in ((3, "Card refund"), (1, "Router swap"), (2, "Late invoice")):
        cid = service.create_case(CaseInput(
            title=title, organization_id=headway, issue_type="technical", role="client",
            fields={"device": "iPhone 13"}))
        service.log_contact(cid, ContactInput(
            started_at=at(1, 9, 0), channel="phone",
            promises=[PromiseInput("call back", business_days=days)]))
    expected = service.case_ids(CaseFilter(view="due"))
    assert len(expected) == 4
    reads: list[CaseFilter] = []
    original = JournalService.case_ids

    def counted(self: JournalService, flt: CaseFilter = CaseFilter(), today: Any = None
                ) -> list[int]:
        reads.append(flt)
        return original(self, flt, today)

    monkeypatch.setattr(JournalService, "case_ids", counted)
    window = make_window(service)
    model = window.case_model
    assert window.view == "due" and reads == []  # no second read of the 'due' list
    assert [model.case_id(r) for r in range(model.rowCount())] == expected
    assert window.views.item(0).text() == "Due & overdue  (4)"
    # a change refreshes the list the same way, and it matches a read of its own
    window.select_case(expected[0])
    window.act_mark_kept.trigger()
    after = original(service, CaseFilter(view="due"))
    assert [model.case_id(r) for r in range(model.rowCount())] == after
    assert len(after) == 3 and reads == []
    # another order of the same view is read on its own
    window.sort_combo.setCurrentIndex(window.sort_combo.findData("title"))
    assert reads[-1] == CaseFilter(view="due", sort="title")
    assert [model.case_id(r) for r in range(model.rowCount())] == original(
        service, CaseFilter(view="due", sort="title"))
    window.close()


def test_search_box_clear_button(window: MainWindow, sample: Sample, qtbot: Any) -> None:
    """The clear button appears over typed text and clicking it shows every case again."""
    from PySide6.QtWidgets import QToolButton

    window.set_view("all")
    box = window.search_box
    qtbot.keyClicks(box, "Aetna")
    qtbot.waitUntil(lambda: window.case_model.rowCount() == 1)
    assert box.isClearButtonEnabled()
    [clear] = [b for b in box.findChildren(QToolButton) if b.isVisibleTo(box)]
    qtbot.mouseClick(clear, Qt.MouseButton.LeftButton)
    assert box.text() == ""
    qtbot.waitUntil(lambda: window.case_model.rowCount() == 5)
