"""New case / edit case: the core facts plus the issue type's own fields from the registry."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QSize, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from headway_journal.journal.issue_types import ISSUE_TYPES
from headway_journal.journal.records import CURRENCIES, STATUSES, CaseInput, ConflictError
from headway_journal.journal.service import JournalService, ServiceError, ValidationError
from headway_journal.ui.drafts import DraftStore, keep_drafts, offer_draft
from headway_journal.ui.widgets import literal_ampersands

from ... import i18n
from ..translated import QT_TRANSLATE_NOOP, TranslatedMap, word
from .conflict_dialog import ConflictDialog
from .examples import show_case_examples
from .form_builder import (
    GRID,
    ErrorLabel,
    HintLabel,
    IssueFieldsForm,
    NoteBox,
    label_text,
    make_form_layout,
    save_keys_hint,
    show_problems,
    with_error,
)
from .form_dialog import FormDialog

ROLE_LABELS = TranslatedMap("case_dialog", {"client": QT_TRANSLATE_NOOP("case_dialog", "Client"), "clinician": QT_TRANSLATE_NOOP("case_dialog", "Clinician (provider)")})
CORE_LABELS = TranslatedMap("case_dialog", {
    "organization": QT_TRANSLATE_NOOP("case_dialog", "Organization"),
    "issue_type": QT_TRANSLATE_NOOP("case_dialog", "Issue type"),
    "role": QT_TRANSLATE_NOOP("case_dialog", "Role"),
    "title": QT_TRANSLATE_NOOP("case_dialog", "Title"),
    "status": QT_TRANSLATE_NOOP("case_dialog", "Status"),
    "opened_on": QT_TRANSLATE_NOOP("case_dialog", "Opened on"),
    "amount_disputed": QT_TRANSLATE_NOOP("case_dialog", "Amount disputed"),
    "currency": QT_TRANSLATE_NOOP("case_dialog", "Currency"),
    "summary": QT_TRANSLATE_NOOP("case_dialog", "Summary"),
    "desired_outcome": QT_TRANSLATE_NOOP("case_dialog", "Desired outcome"),
})


class CaseDialog(FormDialog):
    """Create a case (``case_id`` None) or edit one. After Accepted, ``saved_case_id`` is set."""

    def __init__(self, service: JournalService, parent: QWidget | None = None,
                 case_id: int | None = None, *, organization_id: int | None = None,
                 resume_draft: bool = False) -> None:
        """``organization_id``: a new case's organization (the window passes the selected
        case's); without it, Headway when the journal has it, else the first one."""
        super().__init__(parent)
        self.service = service
        self.case_id = case_id
        self._default_org = organization_id
        self.saved_case_id: int | None = None
        self.version: int | None = None  # the version of the case being edited
        self._stash: dict[str, str] = {}  # every registry value typed, across issue-type switches
        self.setWindowTitle(QCoreApplication.translate("CaseDialog", "New case") if case_id is None else QCoreApplication.translate("CaseDialog", "Edit case"))
        self.setAccessibleName(self.windowTitle())
        self.setModal(True)
        self.errors: dict[str, ErrorLabel] = {}

        self._build()
        self._load_organizations()
        initial = self._initial_input()
        self._apply(initial)
        self._baseline = self._snapshot()

        self.drafts = DraftStore.for_journal(service.folder)
        self.draft_name = "case-new" if case_id is None else f"case-{case_id}"
        what = QCoreApplication.translate("CaseDialog", "new case") if case_id is None else QCoreApplication.translate("CaseDialog", "changes to this case")
        draft = offer_draft(self._question_parent(), self.drafts, self.draft_name, what,
                            resume=resume_draft)
        if draft is not None:
            self._apply_draft(draft.data)
        self.keeper = keep_drafts(self, self.drafts, self.draft_name, self._draft_data,
                                  saved=self._draft_saved, status=self.draft_label.setText)
        if draft is not None:
            self.draft_label.setText(QCoreApplication.translate("CaseDialog", "Draft restored"))
        self._update_missing()
        if case_id is None:
            self.issue_combo.setFocus()
        else:
            self.title_edit.setFocus()

    # --- construction -----------------------------------------------------------------------

    def _question_parent(self) -> QWidget:
        parent = self.parentWidget()
        return parent if parent is not None else self

    def _error(self, key: str) -> ErrorLabel:
        label = ErrorLabel(CORE_LABELS[key])
        self.errors[key] = label
        return label

    def _build(self) -> None:
        self.safety_box = NoteBox("", QCoreApplication.translate("CaseDialog", "Safety note"))
        self.safety_box.hide()
        self.outer.addWidget(self.safety_box)
        body_lay = self.add_scrolled_body(QCoreApplication.translate("CaseDialog", "Case form"))
        form = make_form_layout()
        self._add_kind_rows(form)
        self._add_fact_rows(form)
        self._add_story_rows(form)
        core = QWidget()
        core.setLayout(form)
        body_lay.addWidget(core)

        # the registry form
        self.details_box = QGroupBox(QCoreApplication.translate("CaseDialog", "Details"))
        self.details_box.setAccessibleName(QCoreApplication.translate("CaseDialog", "Details"))
        self.details_lay = QVBoxLayout(self.details_box)
        self.details_lay.setContentsMargins(2 * GRID, 2 * GRID, 2 * GRID, 2 * GRID)
        self.fields_form: IssueFieldsForm | None = None
        body_lay.addWidget(self.details_box)
        body_lay.addStretch(1)
        self._build_footer()
        self._wire()
        self.fit(QSize(680, 760))

    def _add_kind_rows(self, form: QFormLayout) -> None:
        """Organization (with "New organization…"), issue type and role."""
        self.org_combo = QComboBox()
        self.org_combo.setAccessibleName(QCoreApplication.translate("CaseDialog", "Organization"))
        self.org_combo.setToolTip(QCoreApplication.translate("CaseDialog", "The company or body "
                                                                           "this case is with."))
        self.new_org_button = QPushButton(QCoreApplication.translate("CaseDialog", "New organization…"))
        self.new_org_button.setAccessibleName(QCoreApplication.translate("CaseDialog", "New organization"))
        self.new_org_button.setToolTip(QCoreApplication.translate("CaseDialog", "Add an organization with its contact channels."))
        self.new_org_button.setAutoDefault(False)
        self.new_org_button.clicked.connect(self._new_organization)
        org_row = QWidget()
        org_lay = QHBoxLayout(org_row)
        org_lay.setContentsMargins(0, 0, 0, 0)
        org_lay.setSpacing(GRID)
        org_lay.addWidget(self.org_combo, 1)
        org_lay.addWidget(self.new_org_button)
        form.addRow(self._label("organization", True, self.org_combo),
                    with_error(org_row, self._error("organization")))

        # issue type
        self.issue_combo = QComboBox()
        self.issue_combo.setAccessibleName(QCoreApplication.translate("CaseDialog", "Issue type"))
        self.issue_combo.setToolTip(QCoreApplication.translate("CaseDialog", "What kind of problem "
                                                                             "this is; it decides "
                                                                             "the details asked "
                                                                             "below."))
        for key, it in ISSUE_TYPES.items():
            self.issue_combo.addItem(i18n.text(it.label), key)
        self.issue_desc = HintLabel(accessible_name=QCoreApplication.translate("CaseDialog", "Issue type description"))
        issue_cell = QWidget()
        issue_lay = QVBoxLayout(issue_cell)
        issue_lay.setContentsMargins(0, 0, 0, 0)
        issue_lay.setSpacing(GRID // 2)
        issue_lay.addWidget(self.issue_combo)
        issue_lay.addWidget(self.issue_desc)
        issue_lay.addWidget(self._error("issue_type"))
        form.addRow(self._label("issue_type", True, self.issue_combo), issue_cell)

        # role
        self.role_combo = QComboBox()
        self.role_combo.setAccessibleName(QCoreApplication.translate("CaseDialog", "Role"))
        self.role_combo.setToolTip(QCoreApplication.translate("CaseDialog", "Whether you are a "
                                                                            "client or a clinician "
                                                                            "in this case."))
        form.addRow(self._label("role", True, self.role_combo),
                    with_error(self.role_combo, self._error("role")))

    def _add_fact_rows(self, form: QFormLayout) -> None:
        """Title, status, opened on, amount disputed and its currency."""
        self.title_edit = QLineEdit()
        self.title_edit.setAccessibleName(QCoreApplication.translate("CaseDialog", "Title"))
        self.title_edit.setPlaceholderText(QCoreApplication.translate("CaseDialog", "e.g. Double charge for the 12 Nov session"))
        self.title_edit.setToolTip(QCoreApplication.translate("CaseDialog", "A short name for the "
                                                                            "case, shown in the "
                                                                            "case list."))
        form.addRow(self._label("title", True, self.title_edit),
                    with_error(self.title_edit, self._error("title")))

        # status and opened on
        self.status_combo = QComboBox()
        self.status_combo.setAccessibleName(QCoreApplication.translate("CaseDialog", "Status"))
        self.status_combo.setToolTip(self.tr("Where the case stands: open, waiting on them, "
                                             "escalated, resolved or closed."))
        for st in STATUSES:
            self.status_combo.addItem(word(st).capitalize(), st)
        form.addRow(self._label("status", False, self.status_combo),
                    with_error(self.status_combo, self._error("status")))
        self.opened_edit = QDateEdit()
        self.opened_edit.setAccessibleName(QCoreApplication.translate("CaseDialog", "Opened on"))
        self.opened_edit.setCalendarPopup(True)
        self.opened_edit.setDisplayFormat("yyyy-MM-dd")
        self.opened_edit.setMinimumDate(QDate(1990, 1, 1))
        self.opened_edit.setMaximumDate(QDate.currentDate().addDays(1))
        self.opened_edit.setToolTip(QCoreApplication.translate("CaseDialog", "When the problem "
                                                                             "started or you first "
                                                                             "contacted them."))
        form.addRow(self._label("opened_on", False, self.opened_edit),
                    with_error(self.opened_edit, self._error("opened_on")))

        # amount
        self.amount_edit = QLineEdit()
        self.amount_edit.setAccessibleName(QCoreApplication.translate("CaseDialog", "Amount disputed"))
        self.amount_edit.setPlaceholderText(QCoreApplication.translate("CaseDialog", "e.g. 100.00 (leave empty if none)"))
        self.amount_edit.setToolTip(QCoreApplication.translate("CaseDialog", "The amount in "
                                                                             "dispute, if any."))
        self.currency_combo = QComboBox()
        self.currency_combo.setAccessibleName(QCoreApplication.translate("CaseDialog", "Currency"))
        self.currency_combo.setToolTip(QCoreApplication.translate("CaseDialog", "Currency of the amount"))
        for cur in CURRENCIES:
            self.currency_combo.addItem(cur, cur)
        amount_row = QWidget()
        amount_lay = QHBoxLayout(amount_row)
        amount_lay.setContentsMargins(0, 0, 0, 0)
        amount_lay.setSpacing(GRID)
        amount_lay.addWidget(self.amount_edit, 1)
        amount_lay.addWidget(self.currency_combo)
        amount_cell = QWidget()
        amount_lay2 = QVBoxLayout(amount_cell)
        amount_lay2.setContentsMargins(0, 0, 0, 0)
        amount_lay2.setSpacing(GRID // 2)
        amount_lay2.addWidget(amount_row)
        amount_lay2.addWidget(self._error("amount_disputed"))
        amount_lay2.addWidget(self._error("currency"))
        form.addRow(self._label("amount_disputed", False, self.amount_edit), amount_cell)

    def _add_story_rows(self, form: QFormLayout) -> None:
        """Summary and desired outcome."""
        self.summary_edit = self._text_box(QCoreApplication.translate("CaseDialog", "Summary"), QCoreApplication.translate("CaseDialog", "What happened, in a few sentences. "
                                           "No full card or account numbers."))
        form.addRow(self._label("summary", False, self.summary_edit),
                    with_error(self.summary_edit, self._error("summary")))
        self.outcome_edit = self._text_box(QCoreApplication.translate("CaseDialog", "Desired outcome"),
                                           QCoreApplication.translate("CaseDialog", "e.g. Refund of the duplicate $100 charge."))
        self.outcome_edit.setMaximumHeight(10 * GRID)
        form.addRow(self._label("desired_outcome", False, self.outcome_edit),
                    with_error(self.outcome_edit, self._error("desired_outcome")))

    def _build_footer(self) -> None:
        """What is still needed and the draft's state, then Cancel and Save."""
        self.draft_label = HintLabel("", QCoreApplication.translate("CaseDialog", "Draft status"))
        self.missing_label = HintLabel("", QCoreApplication.translate("CaseDialog", "Still needed"))
        footer_text = QVBoxLayout()
        footer_text.setSpacing(0)
        footer_text.addWidget(self.missing_label)
        footer_text.addWidget(self.draft_label)
        self.add_footer(
            save_text=QCoreApplication.translate("CaseDialog", "Save case"), save_tip="",
            cancel_tip=QCoreApplication.translate("CaseDialog", "Close without saving (Esc). What "
                                                                "you typed is kept as a draft."),
            status=footer_text)

    def _wire(self) -> None:
        """Fields that clear their message or update "Still needed" as they change."""
        self.issue_combo.currentIndexChanged.connect(self._issue_changed)
        self.title_edit.textChanged.connect(self._update_missing)
        self.title_edit.textEdited.connect(lambda _t: self.errors["title"].clear_error())
        self.amount_edit.textEdited.connect(lambda _t: self.errors["amount_disputed"].clear_error())
        self.org_combo.currentIndexChanged.connect(self._update_missing)

    def _label(self, key: str, required: bool, buddy: QWidget) -> QLabel:
        label = QLabel(label_text(CORE_LABELS[key], required))
        label.setBuddy(buddy)
        return label

    def _text_box(self, name: str, placeholder: str) -> QPlainTextEdit:
        edit = QPlainTextEdit()
        edit.setAccessibleName(name)
        edit.setPlaceholderText(placeholder)
        edit.setAccessibleDescription(placeholder)  # a screen reader does not read placeholders
        edit.setTabChangesFocus(True)
        edit.setMinimumHeight(9 * GRID)
        edit.setMaximumHeight(16 * GRID)
        return edit

    def _load_organizations(self, select_id: int | None = None) -> None:
        current = select_id if select_id is not None else self.org_combo.currentData()
        self.org_combo.blockSignals(True)
        self.org_combo.clear()
        for org in self.service.organizations():
            self.org_combo.addItem(org.name, org.id)
        idx = self.org_combo.findData(current) if current is not None else -1
        self.org_combo.setCurrentIndex(idx if idx >= 0 else (0 if self.org_combo.count() else -1))
        self.org_combo.blockSignals(False)
        self._update_missing()

    def _initial_input(self) -> CaseInput:
        if self.case_id is not None:
            data = self.service.case_input(self.case_id)
            self.version = data.version  # saved back: a save over a newer version is refused
            # open since the first contact at the latest (older journals may say otherwise)
            data.opened_on = self.service.get_case(self.case_id).open_since
            return data
        org_id = self._default_organization()
        return CaseInput(title="", organization_id=org_id,
                         issue_type=next(iter(ISSUE_TYPES)), role="client",
                         opened_on=date.today())

    def _default_organization(self) -> int:
        """The organization given, else Headway, else the first listed (0: none yet)."""
        listed = [int(self.org_combo.itemData(i)) for i in range(self.org_combo.count())]
        if self._default_org is not None and self._default_org in listed:
            return self._default_org
        headway = self.service.organization_by_key("headway")
        if headway is not None and headway.id in listed:
            return headway.id
        return listed[0] if listed else 0

    # --- values -----------------------------------------------------------------------------

    def _apply(self, data: CaseInput) -> None:
        idx = self.org_combo.findData(data.organization_id)
        if idx >= 0:
            self.org_combo.setCurrentIndex(idx)
        self._stash = {k: str(v) for k, v in (data.fields or {}).items()}
        self._drop_form()
        self._select_issue(data.issue_type)
        self._set_combo(self.role_combo, data.role)
        self.title_edit.setText(data.title)
        self._set_combo(self.status_combo, data.status)
        opened = data.opened_on or date.today()
        self.opened_edit.setDate(QDate(opened.year, opened.month, opened.day))
        self.amount_edit.setText("" if data.amount_disputed in (None, "") else str(data.amount_disputed))
        self._set_combo(self.currency_combo, data.currency or "USD")
        self.summary_edit.setPlainText(data.summary)
        self.outcome_edit.setPlainText(data.desired_outcome)

    @staticmethod
    def _set_combo(combo: QComboBox, value: str) -> None:
        idx = combo.findData(value)
        if idx < 0 and value:
            combo.addItem(value, value)
            idx = combo.count() - 1
        combo.setCurrentIndex(max(idx, 0))

    def _select_issue(self, key: str) -> None:
        idx = self.issue_combo.findData(key)
        self.issue_combo.blockSignals(True)
        self.issue_combo.setCurrentIndex(max(idx, 0))
        self.issue_combo.blockSignals(False)
        self._rebuild_fields()

    def _issue_changed(self, _index: int) -> None:
        self._rebuild_fields()

    def _drop_form(self) -> None:
        if self.fields_form is not None:
            self.details_lay.removeWidget(self.fields_form)
            self.fields_form.hide()
            self.fields_form.deleteLater()
            self.fields_form = None

    def _rebuild_fields(self) -> None:
        key = str(self.issue_combo.currentData())
        it = ISSUE_TYPES[key]
        if self.fields_form is not None:
            self._stash.update(self.fields_form.values())
            self._drop_form()
        form = IssueFieldsForm(key)
        form.set_values({k: v for k, v in self._stash.items() if k in form.rows})
        form.changed.connect(self._update_missing)
        if hasattr(self, "keeper"):  # the issue type changed: watch its fields too
            self.keeper.watch(form)
        self.fields_form = form
        self.details_lay.addWidget(form)
        self.details_box.setTitle(literal_ampersands(QCoreApplication.translate("CaseDialog", "Details for {label}").format(
            label=i18n.text(it.label))))
        self.issue_desc.setText(i18n.text(it.description))
        show_case_examples(key, title=self.title_edit, summary=self.summary_edit,
                           desired_outcome=self.outcome_edit, amount=self.amount_edit)
        # roles allowed for this type
        role = self.role_combo.currentData()
        self.role_combo.blockSignals(True)
        self.role_combo.clear()
        for r in it.roles:
            self.role_combo.addItem(ROLE_LABELS.get(r, r), r)
        idx = self.role_combo.findData(role)
        self.role_combo.setCurrentIndex(max(idx, 0))
        self.role_combo.blockSignals(False)
        self.role_combo.setEnabled(len(it.roles) > 1)
        self.role_combo.setToolTip(
            QCoreApplication.translate("CaseDialog", "Whether you are a client or a clinician in "
                                                     "this case.") if len(it.roles) > 1
            else QCoreApplication.translate("CaseDialog", "{label} cases are for {lower}s.").format(
                label=i18n.text(it.label), lower=ROLE_LABELS.get(it.roles[0], it.roles[0]).lower())
        )
        note = self.service.safety_note(key)
        self.safety_box.label.setText(note or "")
        self.safety_box.setVisible(bool(note))
        self._fix_tab_order()
        self._update_missing()

    def _fix_tab_order(self) -> None:
        chain: list[QWidget] = [self.org_combo, self.new_org_button, self.issue_combo,
                                self.role_combo, self.title_edit, self.status_combo,
                                self.opened_edit, self.amount_edit, self.currency_combo,
                                self.summary_edit, self.outcome_edit]
        if self.fields_form is not None:
            chain += self.fields_form.editors()
        chain += [self.cancel_button, self.save_button]
        for a, b in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(a, b)

    def case_input(self) -> CaseInput:
        """What the form holds, as the service's input."""
        org = self.org_combo.currentData()
        qd = self.opened_edit.date()
        amount = self.amount_edit.text().strip()
        assert self.fields_form is not None
        return CaseInput(
            title=self.title_edit.text(),
            organization_id=int(org) if org is not None else 0,
            issue_type=self.fields_form.issue_type,
            role=str(self.role_combo.currentData() or ""),
            status=str(self.status_combo.currentData() or "open"),
            opened_on=date(qd.year(), qd.month(), qd.day()),
            summary=self.summary_edit.toPlainText(),
            desired_outcome=self.outcome_edit.toPlainText(),
            amount_disputed=amount or None,
            currency=str(self.currency_combo.currentData() or "USD"),
            fields=self.fields_form.values(),
        )

    def _snapshot(self) -> dict[str, Any]:
        data = self.case_input()
        stash = dict(self._stash)
        stash.update(data.fields)
        return {
            "title": data.title, "organization_id": data.organization_id,
            "issue_type": data.issue_type, "role": data.role, "status": data.status,
            "opened_on": data.opened_on.isoformat() if data.opened_on else None,
            "summary": data.summary, "desired_outcome": data.desired_outcome,
            "amount_disputed": data.amount_disputed or "", "currency": data.currency,
            "fields": {k: v for k, v in stash.items() if v},
        }

    def has_changes(self) -> bool:
        return self._snapshot() != self._baseline

    def _draft_data(self) -> dict[str, Any] | None:
        if not self.has_changes():
            return None
        return {"case_id": self.case_id, **self._snapshot()}

    def _apply_draft(self, data: dict[str, Any]) -> None:
        try:
            opened = date.fromisoformat(data["opened_on"]) if data.get("opened_on") else None
        except (TypeError, ValueError):
            opened = None
        fields = data.get("fields") if isinstance(data.get("fields"), dict) else {}
        self._apply(CaseInput(
            title=str(data.get("title", "")),
            organization_id=int(data.get("organization_id") or 0),
            issue_type=str(data.get("issue_type", "")),
            role=str(data.get("role", "client")),
            status=str(data.get("status", "open")),
            opened_on=opened,
            summary=str(data.get("summary", "")),
            desired_outcome=str(data.get("desired_outcome", "")),
            amount_disputed=str(data.get("amount_disputed") or "") or None,
            currency=str(data.get("currency", "USD")),
            fields={str(k): str(v) for k, v in (fields or {}).items()},
        ))

    def _draft_saved(self, _when: object) -> None:
        self.draft_label.setText(QCoreApplication.translate("CaseDialog", "Draft saved"))

    # --- feedback ---------------------------------------------------------------------------

    def missing(self) -> list[str]:
        """Required things still empty, by label."""
        out: list[str] = []
        if self.org_combo.currentData() is None:
            out.append(QCoreApplication.translate("CaseDialog", "Organization"))
        if not self.title_edit.text().strip():
            out.append(QCoreApplication.translate("CaseDialog", "Title"))
        if self.fields_form is not None:
            for row in self.fields_form.rows.values():
                if row.spec.required and not row.value().strip():
                    out.append(i18n.text(row.spec.label))
        return out

    def _update_missing(self) -> None:
        if not hasattr(self, "save_button"):
            return
        missing = self.missing()
        text = (QCoreApplication.translate("CaseDialog", "Still needed: ") + ", ".join(missing)) if missing else ""
        self.missing_label.setText(text)
        self.missing_label.setVisible(bool(text))
        tip = QCoreApplication.translate("CaseDialog", "Save the case ({save_keys_hint}).").format(
            save_keys_hint=save_keys_hint())
        if missing:
            tip += "\n" + text + "."
        if self.problems_label.message:
            tip += "\n" + self.problems_label.message
        self.save_button.setToolTip(tip)

    def clear_errors(self) -> None:
        for label in self.errors.values():
            label.clear_error()
        if self.fields_form is not None:
            self.fields_form.clear_errors()
        self.problems_label.clear_error()

    def show_errors(self, errors: dict[str, str]) -> None:
        labels: list[str] = []
        field_errors = {k.removeprefix("fields."): v for k, v in errors.items()
                        if k.startswith("fields.")}
        form = self.fields_form
        assert form is not None
        form.show_errors(field_errors)
        labels += form.labels_for(field_errors)
        for key, msg in errors.items():
            if key.startswith("fields."):
                name = key.removeprefix("fields.")
                if name not in form.rows:  # a stale field name: say so rather than hide it
                    self.problems_label.show_error(msg)
                continue
            target = self.errors.get(key)
            if target is not None:
                target.show_error(msg)
                labels.append(CORE_LABELS[key])
            else:
                labels.append(key)
        if not self.problems_label.message:
            show_problems(self.problems_label, labels)
        self._update_missing()
        self._focus_first_error()

    def _focus_first_error(self) -> None:
        order: list[tuple[ErrorLabel, QWidget]] = [
            (self.errors["organization"], self.org_combo),
            (self.errors["issue_type"], self.issue_combo),
            (self.errors["role"], self.role_combo),
            (self.errors["title"], self.title_edit),
            (self.errors["status"], self.status_combo),
            (self.errors["opened_on"], self.opened_edit),
            (self.errors["amount_disputed"], self.amount_edit),
            (self.errors["currency"], self.currency_combo),
            (self.errors["summary"], self.summary_edit),
            (self.errors["desired_outcome"], self.outcome_edit),
        ]
        if self.fields_form is not None:
            order += [(r.error, r.editor) for r in self.fields_form.rows.values()]
        for label, widget in order:
            if label.message:
                widget.setFocus(Qt.FocusReason.OtherFocusReason)
                return

    # --- actions ----------------------------------------------------------------------------

    def save(self) -> bool:
        """Validate and save through the service. On errors nothing typed is touched."""
        self.clear_errors()
        assert self.fields_form is not None
        local = self.fields_form.validate()
        data = self.case_input()
        try:
            if self.case_id is None:
                self.saved_case_id = self.service.create_case(data)
            else:
                data.version = self.version
                self.service.update_case(self.case_id, data)
                self.saved_case_id = self.case_id
        except ValidationError as exc:
            errors = dict(exc.errors)
            for name, msg in local.items():  # the form's message can be clearer (dates)
                errors[f"fields.{name}"] = msg
            self.show_errors(errors)
            self.keeper.save_now()
            return False
        except ConflictError as exc:  # someone saved it meanwhile: show both, keep the form
            ConflictDialog.refuse_save(self, exc, QCoreApplication.translate(
                "CaseDialog", "Not saved: {exc}").format(exc=exc))
            return False
        except ServiceError as exc:
            self.problems_label.show_error(QCoreApplication.translate("CaseDialog", "Not saved: {exc}").format(
                exc=exc))
            self._update_missing()
            self.keeper.save_now()
            return False
        self.keeper.discard()
        self.accept()
        return True

    def _new_organization(self) -> None:
        from .organization_dialog import OrganizationDialog

        dlg = OrganizationDialog(self.service, self, new=True)
        if dlg.exec() == QDialog.DialogCode.Accepted or dlg.saved_organization_id is not None:
            self._load_organizations(select_id=dlg.saved_organization_id)
            self.errors["organization"].clear_error()

    def reject(self) -> None:
        if self.has_changes():
            where = (QCoreApplication.translate("CaseDialog", "the next time you start a new "
                                                              "case") if self.case_id is None
                     else QCoreApplication.translate("CaseDialog", "the next time you edit this "
                                                                   "case"))
            answer = QMessageBox.question(
                self,
                QCoreApplication.translate("CaseDialog", "Close without saving?"),
                QCoreApplication.translate("CaseDialog", "This case is not saved yet.\n\nWhat you "
                                                         "typed is kept as a draft and offered "
                                                         "back {where}.").format(where=where),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return None
        self.keeper.save_now()
        self.keeper.stop()
        return super().reject()

    def done(self, result: int) -> None:
        if result != QDialog.DialogCode.Accepted and self.keeper.timer.isActive():
            self.keeper.save_now()
            self.keeper.stop()
        super().done(result)
