"""Organizations and their contact channels, each with where and when it was verified."""

from __future__ import annotations

import zoneinfo
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from headway_journal.journal.capture.patterns import check_patterns, split_patterns
from headway_journal.journal.issue_types import FieldError, parse_iso_date
from headway_journal.journal.records import (
    AUDIENCES,
    CHANNEL_KINDS,
    ChannelInput,
    OrganizationInput,
)
from headway_journal.journal.service import JournalService, ServiceError, ValidationError
from headway_journal.ui.completion import click_through

from ..translated import QT_TRANSLATE_NOOP, TranslatedMap, TranslatedTexts, tr
from .form_builder import (
    GRID,
    ErrorLabel,
    HintLabel,
    explain_bad_date,
    label_text,
    make_form_layout,
    save_keys_hint,
    show_problems,
    with_error,
)
from .form_dialog import FormDialog

AUDIENCE_LABELS = TranslatedMap("organization_dialog", {"any": QT_TRANSLATE_NOOP("organization_dialog", "Anyone"), "client": QT_TRANSLATE_NOOP("organization_dialog", "Clients"), "clinician": QT_TRANSLATE_NOOP("organization_dialog", "Clinicians"),
                   "privacy": QT_TRANSLATE_NOOP("organization_dialog", "Privacy matters")})
KIND_LABELS = TranslatedMap("organization_dialog", {"phone": QT_TRANSLATE_NOOP("organization_dialog", "Phone"), "email": QT_TRANSLATE_NOOP("organization_dialog", "E-mail"), "chat": QT_TRANSLATE_NOOP("organization_dialog", "Chat"), "web": QT_TRANSLATE_NOOP("organization_dialog", "Web page"),
               "in-app": QT_TRANSLATE_NOOP("organization_dialog", "In the app"), "letter": QT_TRANSLATE_NOOP("organization_dialog", "Letter"), "portal": QT_TRANSLATE_NOOP("organization_dialog", "Portal")})
SOURCES = TranslatedTexts("organization_dialog", (
    QT_TRANSLATE_NOOP("organization_dialog", "inside my account (Help / Support)"),
    QT_TRANSLATE_NOOP("organization_dialog", "the website footer (Contact / Help)"),
    QT_TRANSLATE_NOOP("organization_dialog", "the provider dashboard's Support page"),
    QT_TRANSLATE_NOOP("organization_dialog", "the onboarding e-mail"),
    QT_TRANSLATE_NOOP("organization_dialog", "a letter or statement"),
))
CHANNEL_FIELDS = ("kind", "value", "label", "audience", "hours", "timezone", "verified_on",
                  "verified_from")
CHANNEL_LABELS = TranslatedMap("organization_dialog", {"kind": QT_TRANSLATE_NOOP("organization_dialog", "Kind"), "value": QT_TRANSLATE_NOOP("organization_dialog", "Number or address"), "label": QT_TRANSLATE_NOOP("organization_dialog", "Label"),
                  "audience": QT_TRANSLATE_NOOP("organization_dialog", "For"), "hours": QT_TRANSLATE_NOOP("organization_dialog", "Hours"), "timezone": QT_TRANSLATE_NOOP("organization_dialog", "Time zone"),
                  "verified_on": QT_TRANSLATE_NOOP("organization_dialog", "Verified on"), "verified_from": QT_TRANSLATE_NOOP("organization_dialog", "Verified from")})
ORG_LABELS = TranslatedMap("organization_dialog", {"name": QT_TRANSLATE_NOOP("organization_dialog", "Name"), "website": QT_TRANSLATE_NOOP("organization_dialog", "Website"), "address": QT_TRANSLATE_NOOP("organization_dialog", "Address"), "notes": QT_TRANSLATE_NOOP("organization_dialog", "Notes"),
              "ticket_patterns": QT_TRANSLATE_NOOP("organization_dialog", "Ticket patterns")})
NEW_ITEM = QT_TRANSLATE_NOOP("organization_dialog", "(new organization)")
PATTERNS_PLACEHOLDER = QT_TRANSLATE_NOOP("organization_dialog", "One pattern a line, e.g. Ticket #?(\\d{6,8})")
PATTERNS_TIP = (QT_TRANSLATE_NOOP("organization_dialog", "How this organization's ticket numbers look, one regular expression a line "
                "(case is ignored; a group in brackets is the number). The contact dialog "
                "offers what they find. Keep them simple: bounded repeats like \\d{6,8} and "
                "\\s{0,3}, at most one + or *."))


def channel_label(index: int, field: str) -> str:
    """How a field of the channel at ``index`` is named in "Not saved: fix …"."""
    return QCoreApplication.translate("organization_dialog", "channel {value} {lower}").format(
        value=index + 1, lower=CHANNEL_LABELS.get(field, field).lower())


def _blank_channel() -> dict[str, str]:
    return {"kind": "phone", "value": "", "label": "", "audience": "any", "hours": "",
            "timezone": "", "verified_on": "", "verified_from": ""}


class OrganizationDialog(FormDialog):
    """List organizations; add or edit one with its channels.

    ``saved_organization_id`` holds the last organization saved. With ``new=True`` the dialog
    opens on an empty organization and closes (Accepted) once it is saved.
    """

    def __init__(self, service: JournalService, parent: QWidget | None = None, *,
                 new: bool = False) -> None:
        super().__init__(parent)
        self.service = service
        self.new_mode = new
        self.saved_organization_id: int | None = None
        self.org_id: int | None = None
        self.channels: list[dict[str, str]] = []
        self.channel_errors: dict[int, dict[str, str]] = {}
        self._current = -1
        self._loading = False
        self.setWindowTitle(QCoreApplication.translate("OrganizationDialog", "Organizations"))
        self.setAccessibleName(QCoreApplication.translate("OrganizationDialog", "Organizations"))
        self.errors: dict[str, ErrorLabel] = {}
        self.ch_errors: dict[str, ErrorLabel] = {}
        self._build()
        self._reload_list()
        if new or self.org_list.count() == 0:
            self.start_new()
        else:
            self.org_list.setCurrentRow(0)
        self.fit(QSize(960, 820))

    # --- construction -----------------------------------------------------------------------

    def _build(self) -> None:
        outer = self.add_scrolled_body(QCoreApplication.translate("OrganizationDialog", "Organizations form"), right_margin=0, spacing=GRID)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.setChildrenCollapsible(False)
        split.addWidget(self._list_side())
        right = QWidget()
        right_lay = QVBoxLayout(right)
        right_lay.setContentsMargins(GRID, 0, 0, 0)
        right_lay.setSpacing(2 * GRID)
        right_lay.addLayout(self._org_form())
        right_lay.addWidget(self._channels_group(), 1)
        split.addWidget(right)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 3)
        split.setSizes([220, 700])
        outer.addWidget(split, 1)

        self.status_label = HintLabel("", QCoreApplication.translate("OrganizationDialog", "Save status"))
        self.add_footer(
            save_text=QCoreApplication.translate("OrganizationDialog", "Save organization"),
            save_tip=QCoreApplication.translate("OrganizationDialog", "Save this organization and "
                                                                      "its channels "
                                                                      "({save_keys_hint}).").format(
                                                                          save_keys_hint=save_keys_hint()),
            cancel_text=QCoreApplication.translate("OrganizationDialog", "Close"), cancel_tip=QCoreApplication.translate("OrganizationDialog", "Close this window (Esc)."), status=self.status_label)
        self.close_button = self.cancel_button
        self._wire()

    def _list_side(self) -> QWidget:
        """The list of organizations and "New organization"."""
        left = QWidget()
        left_lay = QVBoxLayout(left)
        left_lay.setContentsMargins(0, 0, 0, 0)
        left_lay.setSpacing(GRID)
        self.org_list = QListWidget()
        self.org_list.setAccessibleName(QCoreApplication.translate("OrganizationDialog", "Organizations"))
        self.org_list.setAccessibleDescription(self.tr("The companies in this journal; choose "
                                                       "one to edit it on the right."))
        self.org_list.currentRowChanged.connect(self._row_changed)
        left_lay.addWidget(self.org_list, 1)
        self.new_button = QPushButton(QCoreApplication.translate("OrganizationDialog", "New organization"))
        self.new_button.setAccessibleName(QCoreApplication.translate("OrganizationDialog", "New organization"))
        self.new_button.setToolTip(QCoreApplication.translate("OrganizationDialog", "Start an empty organization (Ctrl+N)."))
        self.new_button.setShortcut("Ctrl+N")
        self.new_button.setAutoDefault(False)
        self.new_button.clicked.connect(self._new_clicked)
        left_lay.addWidget(self.new_button)
        return left

    def _org_form(self) -> QFormLayout:
        """Name, website, address and notes of the organization."""
        form = make_form_layout()
        self.name_edit = self._line("name", QCoreApplication.translate("OrganizationDialog", "e.g. Headway"), QCoreApplication.translate("OrganizationDialog", "The organization's name."))
        form.addRow(self._label("name", True, self.name_edit),
                    with_error(self.name_edit, self._error("name")))
        self.website_edit = self._line("website", "https://…", QCoreApplication.translate("OrganizationDialog", "Its website."))
        form.addRow(self._label("website", False, self.website_edit),
                    with_error(self.website_edit, self._error("website")))
        self.address_edit = self._text("address", QCoreApplication.translate("OrganizationDialog", "Postal address, for the case file."))
        self.address_edit.setMaximumHeight(10 * GRID)
        form.addRow(self._label("address", False, self.address_edit),
                    with_error(self.address_edit, self._error("address")))
        self.notes_edit = self._text("notes", QCoreApplication.translate("OrganizationDialog", "Anything worth knowing about how they work."))
        self.notes_edit.setMaximumHeight(10 * GRID)
        form.addRow(self._label("notes", False, self.notes_edit),
                    with_error(self.notes_edit, self._error("notes")))
        self.patterns_edit = self._text("ticket_patterns", tr("organization_dialog", PATTERNS_PLACEHOLDER))
        self.patterns_edit.setMaximumHeight(8 * GRID)
        self.patterns_edit.setToolTip(tr("organization_dialog", PATTERNS_TIP))
        self.patterns_edit.textChanged.connect(self._check_patterns)
        form.addRow(self._label("ticket_patterns", False, self.patterns_edit),
                    with_error(self.patterns_edit, self._error("ticket_patterns")))
        return form

    def _check_patterns(self) -> None:
        """Say at once what is wrong with a ticket pattern being typed (saving checks again)."""
        if self._loading:
            return
        problems = check_patterns(split_patterns(self.patterns_edit.toPlainText()))
        if problems:
            self.errors["ticket_patterns"].show_error(str(problems[0]))
        else:
            self.errors["ticket_patterns"].clear_error()

    def _channels_group(self) -> QGroupBox:
        """The channels table, Add and Remove, and the selected channel's fields."""
        group = QGroupBox(QCoreApplication.translate("OrganizationDialog", "Contact channels"))
        group.setAccessibleName(QCoreApplication.translate("OrganizationDialog", "Contact channels"))
        g_lay = QVBoxLayout(group)
        g_lay.setContentsMargins(2 * GRID, 2 * GRID, 2 * GRID, 2 * GRID)
        g_lay.setSpacing(GRID)
        g_lay.addWidget(HintLabel(
            QCoreApplication.translate("OrganizationDialog", "Take numbers and addresses from "
                                                             "inside your account, the website "
                                                             "footer or the "
            "onboarding e-mail (directories lag), and note when and where you checked."),
            QCoreApplication.translate("OrganizationDialog", "Where to find channels")))
        self.table = QTableWidget(0, 5)
        self.table.setAccessibleName(QCoreApplication.translate("OrganizationDialog", "Channels"))
        self.table.setAccessibleDescription(self.tr("How to reach them: one row per phone "
                                                    "number, e-mail or portal; the arrow keys "
                                                    "choose one to edit below."))
        self.table.setHorizontalHeaderLabels([QCoreApplication.translate("OrganizationDialog", "Kind"), QCoreApplication.translate("OrganizationDialog", "Number or address"), QCoreApplication.translate("OrganizationDialog", "For"), QCoreApplication.translate("OrganizationDialog", "Hours"),
                                              QCoreApplication.translate("OrganizationDialog", "Verified")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move in it
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + GRID)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for col in (0, 2, 3, 4):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setMinimumHeight(22 * GRID)
        self.table.currentCellChanged.connect(lambda row, *_: self._select_channel(row))
        g_lay.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        buttons.setSpacing(GRID)
        self.add_channel_button = QPushButton(QCoreApplication.translate("OrganizationDialog", "Add channel"))
        self.add_channel_button.setAccessibleName(QCoreApplication.translate("OrganizationDialog", "Add channel"))
        self.add_channel_button.setToolTip(QCoreApplication.translate("OrganizationDialog", "Add a phone number, address or page for this organization."))
        self.add_channel_button.setAutoDefault(False)
        self.add_channel_button.clicked.connect(self.add_channel)
        self.remove_channel_button = QPushButton(QCoreApplication.translate("OrganizationDialog", "Remove channel"))
        self.remove_channel_button.setAccessibleName(QCoreApplication.translate("OrganizationDialog", "Remove channel"))
        self.remove_channel_button.setToolTip(QCoreApplication.translate("OrganizationDialog", "Remove the selected channel."))
        self.remove_channel_button.setAutoDefault(False)
        self.remove_channel_button.clicked.connect(self.remove_channel)
        buttons.addWidget(self.add_channel_button)
        buttons.addWidget(self.remove_channel_button)
        buttons.addStretch(1)
        g_lay.addLayout(buttons)
        g_lay.addWidget(self._channel_form())
        return group

    def _channel_form(self) -> QWidget:
        """The fields of the channel selected in the table."""
        self.channel_form = QWidget()
        self.channel_form.setAccessibleName(QCoreApplication.translate("OrganizationDialog", "Channel"))
        cf = make_form_layout()
        self.kind_combo = QComboBox()
        for k in CHANNEL_KINDS:
            self.kind_combo.addItem(KIND_LABELS.get(k, k), k)
        self._ch_row(cf, "kind", self.kind_combo)
        self.value_edit = QLineEdit()
        self.value_edit.setPlaceholderText(QCoreApplication.translate("OrganizationDialog", "(833) 384-1044, support@example.com, or where in the app"))
        self._ch_row(cf, "value", self.value_edit, required=True)
        self.label_edit = QLineEdit()
        self.label_edit.setPlaceholderText(QCoreApplication.translate("OrganizationDialog", "e.g. Provider Support queue"))
        self._ch_row(cf, "label", self.label_edit)
        self.audience_combo = QComboBox()
        for a in AUDIENCES:
            self.audience_combo.addItem(AUDIENCE_LABELS.get(a, a), a)
        self._ch_row(cf, "audience", self.audience_combo)
        self.hours_edit = QLineEdit()
        self.hours_edit.setPlaceholderText(QCoreApplication.translate("OrganizationDialog", "Mon-Fri 09:00-18:00, or 24/7"))
        self._ch_row(cf, "hours", self.hours_edit)
        self.tz_combo = QComboBox()
        self.tz_combo.setEditable(True)
        self.tz_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.tz_combo.addItem("")
        for name in sorted(zoneinfo.available_timezones()):
            if "/" in name and not name.startswith(("Etc/", "SystemV/", "posix/", "right/")):
                self.tz_combo.addItem(name)
        completer = QCompleter(self.tz_combo.model(), self.tz_combo)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.tz_combo.setCompleter(completer)
        click_through(completer)
        tz_line = self.tz_combo.lineEdit()
        if tz_line is not None:
            tz_line.setPlaceholderText(QCoreApplication.translate("OrganizationDialog", "e.g. America/New_York (empty: my own)"))
        self._ch_row(cf, "timezone", self.tz_combo)
        self.verified_edit = QLineEdit()
        self.verified_edit.setPlaceholderText(QCoreApplication.translate("OrganizationDialog", "YYYY-MM-DD"))
        self.verified_today = QPushButton(QCoreApplication.translate("OrganizationDialog", "Today"))
        self.verified_today.setAccessibleName(QCoreApplication.translate("OrganizationDialog", "Verified today"))
        self.verified_today.setToolTip(QCoreApplication.translate("OrganizationDialog", "I checked this channel today."))
        self.verified_today.setAutoDefault(False)
        self.verified_today.clicked.connect(
            lambda: self._set_verified_on(date.today().isoformat()))
        ver_row = QWidget()
        ver_lay = QHBoxLayout(ver_row)
        ver_lay.setContentsMargins(0, 0, 0, 0)
        ver_lay.setSpacing(GRID)
        ver_lay.addWidget(self.verified_edit, 1)
        ver_lay.addWidget(self.verified_today)
        self._ch_row(cf, "verified_on", self.verified_edit, cell=ver_row)
        self.from_combo = QComboBox()
        self.from_combo.setEditable(True)
        self.from_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.from_combo.addItem("")
        self.from_combo.addItems(list(SOURCES))
        self._ch_row(cf, "verified_from", self.from_combo)
        self.channel_form.setLayout(cf)
        return self.channel_form

    def _wire(self) -> None:
        """The channel editors write through to the model; edits clear the save status."""
        for line, key in ((self.value_edit, "value"), (self.label_edit, "label"),
                          (self.hours_edit, "hours"), (self.verified_edit, "verified_on")):
            line.textChanged.connect(lambda text, k=key: self._channel_edited(k, text))
        self.verified_edit.editingFinished.connect(self._check_verified_on)
        for combo, key in ((self.kind_combo, "kind"), (self.audience_combo, "audience")):
            combo.currentIndexChanged.connect(
                lambda _i, c=combo, k=key: self._channel_edited(k, str(c.currentData())))
        for combo, key in ((self.tz_combo, "timezone"), (self.from_combo, "verified_from")):
            combo.currentTextChanged.connect(lambda text, k=key: self._channel_edited(k, text))
        for w in (self.name_edit, self.website_edit):
            w.textEdited.connect(self._org_edited)

    def _label(self, key: str, required: bool, buddy: QWidget) -> QLabel:
        label = QLabel(label_text(ORG_LABELS[key], required))
        label.setBuddy(buddy)
        return label

    def _error(self, key: str) -> ErrorLabel:
        label = ErrorLabel(ORG_LABELS[key])
        self.errors[key] = label
        return label

    def _line(self, key: str, placeholder: str, tip: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setAccessibleName(ORG_LABELS[key])
        edit.setPlaceholderText(placeholder)
        edit.setToolTip(tip)
        return edit

    def _text(self, key: str, placeholder: str) -> QPlainTextEdit:
        edit = QPlainTextEdit()
        edit.setAccessibleName(ORG_LABELS[key])
        edit.setPlaceholderText(placeholder)
        edit.setAccessibleDescription(placeholder)  # a screen reader does not read placeholders
        edit.setTabChangesFocus(True)
        return edit

    def _ch_row(self, form: Any, key: str, editor: QWidget, *, required: bool = False,
                cell: QWidget | None = None) -> None:
        name = QCoreApplication.translate("OrganizationDialog", "Channel {lower}").format(
            lower=CHANNEL_LABELS[key].lower())
        editor.setAccessibleName(name)
        if not editor.toolTip():
            editor.setToolTip(CHANNEL_LABELS[key])
        label = QLabel(label_text(CHANNEL_LABELS[key], required))
        label.setBuddy(editor)
        err = ErrorLabel(name)
        self.ch_errors[key] = err
        form.addRow(label, with_error(cell or editor, err))

    # --- organizations ----------------------------------------------------------------------

    def _reload_list(self, select_id: int | None = None) -> None:
        self._loading = True
        self.org_list.clear()
        self._orgs = {o.id: o for o in self.service.organizations()}
        for org in self._orgs.values():
            item = QListWidgetItem(org.name)
            item.setData(Qt.ItemDataRole.UserRole, org.id)
            self.org_list.addItem(item)
        self._loading = False
        if select_id is not None:
            for i in range(self.org_list.count()):
                if self.org_list.item(i).data(Qt.ItemDataRole.UserRole) == select_id:
                    self._loading = True
                    self.org_list.setCurrentRow(i)
                    self._loading = False

    def _row_changed(self, row: int) -> None:
        if self._loading or row < 0:
            return
        item = self.org_list.item(row)
        org_id = item.data(Qt.ItemDataRole.UserRole)
        if org_id == self.org_id:
            return
        if not self._may_leave():
            self._loading = True
            self._select_list_row(self.org_id)
            self._loading = False
            return
        if org_id is None:
            return
        self._load(int(org_id))

    def _select_list_row(self, org_id: int | None) -> None:
        for i in range(self.org_list.count()):
            if self.org_list.item(i).data(Qt.ItemDataRole.UserRole) == org_id:
                self.org_list.setCurrentRow(i)
                return
        self.org_list.setCurrentRow(-1)

    def _load(self, org_id: int | None) -> None:
        self._loading = True
        org = self._orgs.get(org_id) if org_id is not None else None
        self.org_id = org_id
        self.name_edit.setText(org.name if org else "")
        self.website_edit.setText(org.website if org else "")
        self.address_edit.setPlainText(org.address if org else "")
        self.notes_edit.setPlainText(org.notes if org else "")
        self.patterns_edit.setPlainText("\n".join(org.ticket_patterns) if org else "")
        self.channels = [
            {"kind": c.kind, "value": c.value, "label": c.label, "audience": c.audience,
             "hours": c.hours, "timezone": c.timezone,
             "verified_on": c.verified_on.isoformat() if c.verified_on else "",
             "verified_from": c.verified_from}
            for c in (org.channels if org else ())
        ]
        self.channel_errors = {}
        self._clear_errors()
        self._loading = False
        self._refresh_table(select=0 if self.channels else -1)
        self._baseline = self._snapshot()
        self.status_label.setText("")

    def start_new(self) -> None:
        """An empty organization, ready to type its name."""
        self._loading = True
        self.org_list.setCurrentRow(-1)
        self._loading = False
        self._load(None)
        self.status_label.setText(QCoreApplication.translate("OrganizationDialog", "New organization: give it a name and its channels."))
        self.name_edit.setFocus()

    def _new_clicked(self) -> None:
        if self._may_leave():
            self.start_new()

    def _org_edited(self) -> None:
        for key in ("name", "website"):
            if self.errors[key].message:
                self.errors[key].clear_error()

    # --- channels ---------------------------------------------------------------------------

    def _refresh_table(self, select: int | None = None) -> None:
        self._loading = True
        self.table.setRowCount(len(self.channels))
        for i, ch in enumerate(self.channels):
            self._fill_table_row(i, ch)
        self._loading = False
        if select is not None:
            if 0 <= select < len(self.channels):
                self.table.setCurrentCell(select, 0)
                self._select_channel(select)
            else:
                self._select_channel(-1)

    def _fill_table_row(self, i: int, ch: dict[str, str]) -> None:
        errs = self.channel_errors.get(i)
        kind = KIND_LABELS.get(ch["kind"], ch["kind"])
        cells = [
            ("⚠ " + kind) if errs else kind,
            ch["value"] or "(empty)",
            AUDIENCE_LABELS.get(ch["audience"], ch["audience"]),
            ch["hours"],
            ch["verified_on"] or QCoreApplication.translate("OrganizationDialog", "not yet"),
        ]
        for col, text in enumerate(cells):
            item = self.table.item(i, col)
            if item is None:
                item = QTableWidgetItem()
                self.table.setItem(i, col, item)
            item.setText(text)
            item.setToolTip("; ".join(errs.values()) if errs else text)

    def _select_channel(self, row: int) -> None:
        if self._loading:
            return
        self._current = row
        has = 0 <= row < len(self.channels)
        self.channel_form.setEnabled(has)
        self.remove_channel_button.setEnabled(has)
        ch = self.channels[row] if has else _blank_channel()
        self._loading = True
        self._set_data(self.kind_combo, ch["kind"])
        self.value_edit.setText(ch["value"])
        self.label_edit.setText(ch["label"])
        self._set_data(self.audience_combo, ch["audience"])
        self.hours_edit.setText(ch["hours"])
        self.tz_combo.setCurrentText(ch["timezone"])
        self.verified_edit.setText(ch["verified_on"])
        self.from_combo.setCurrentText(ch["verified_from"])
        self._loading = False
        errs = self.channel_errors.get(row, {}) if has else {}
        for key, label in self.ch_errors.items():
            label.show_error(errs.get(key))

    @staticmethod
    def _set_data(combo: QComboBox, value: str) -> None:
        idx = combo.findData(value)
        if idx < 0:
            combo.addItem(value, value)
            idx = combo.count() - 1
        combo.setCurrentIndex(idx)

    def _channel_edited(self, key: str, value: str) -> None:
        if self._loading or not (0 <= self._current < len(self.channels)):
            return
        self.channels[self._current][key] = value
        errs = self.channel_errors.get(self._current)
        if errs and key in errs:
            del errs[key]
            self.ch_errors[key].clear_error()
            self._refresh_problems()
            if not errs:
                del self.channel_errors[self._current]
        self._fill_table_row(self._current, self.channels[self._current])

    def _set_verified_on(self, value: str) -> None:
        self.verified_edit.setText(value)
        self._check_verified_on()

    def _check_verified_on(self) -> None:
        msg = self._verified_problem(self.verified_edit.text())
        self.ch_errors["verified_on"].show_error(msg)

    @staticmethod
    def _verified_problem(text: str) -> str | None:
        if not text.strip():
            return None
        bad = explain_bad_date(text)
        if bad:
            return bad
        try:
            d = parse_iso_date(text)
        except FieldError as exc:
            return str(exc)
        if d > date.today():
            return QCoreApplication.translate("OrganizationDialog", "A channel cannot be verified "
                                                                    "in the future.")
        return None

    def add_channel(self) -> None:
        self.channels.append(_blank_channel())
        self._refresh_table(select=len(self.channels) - 1)
        self.value_edit.setFocus()

    def remove_channel(self) -> None:
        row = self._current
        if not (0 <= row < len(self.channels)):
            return
        del self.channels[row]
        self.channel_errors = {(i if i < row else i - 1): e
                               for i, e in self.channel_errors.items() if i != row}
        self._refresh_problems()
        self._refresh_table(select=min(row, len(self.channels) - 1))

    # --- saving -----------------------------------------------------------------------------

    def _snapshot(self) -> dict[str, Any]:
        return {"name": self.name_edit.text(), "website": self.website_edit.text(),
                "address": self.address_edit.toPlainText(), "notes": self.notes_edit.toPlainText(),
                "ticket_patterns": self.patterns_edit.toPlainText(),
                "channels": [dict(c) for c in self.channels]}

    def has_changes(self) -> bool:
        return self._snapshot() != self._baseline

    def _clear_errors(self) -> None:
        for label in (*self.errors.values(), *self.ch_errors.values()):
            label.clear_error()
        self.problems_label.clear_error()

    def organization_input(self) -> tuple[OrganizationInput, dict[str, str]]:
        """The form as the service's input, plus errors found before asking the service."""
        local: dict[str, str] = {}
        channels: list[ChannelInput] = []
        for i, ch in enumerate(self.channels):
            verified: date | None = None
            problem = self._verified_problem(ch["verified_on"])
            if problem:
                local[f"channels[{i}].verified_on"] = problem
            elif ch["verified_on"].strip():
                verified = parse_iso_date(ch["verified_on"])
            channels.append(ChannelInput(
                kind=ch["kind"], value=ch["value"], label=ch["label"], audience=ch["audience"],
                hours=ch["hours"], timezone=ch["timezone"].strip(), verified_on=verified,
                verified_from=ch["verified_from"]))
        data = OrganizationInput(name=self.name_edit.text(), website=self.website_edit.text(),
                                 address=self.address_edit.toPlainText(),
                                 notes=self.notes_edit.toPlainText(), channels=channels,
                                 ticket_patterns=split_patterns(self.patterns_edit.toPlainText()))
        return data, local

    def save(self) -> bool:
        self._clear_errors()
        self.channel_errors = {}
        data, errors = self.organization_input()
        if not errors:
            try:
                org_id = self.service.save_organization(data, self.org_id)
            except ValidationError as exc:
                errors = dict(exc.errors)
            except ServiceError as exc:
                self.problems_label.show_error(QCoreApplication.translate("OrganizationDialog", "Not saved: {exc}").format(
                    exc=exc))
                return False
            else:
                self.saved_organization_id = org_id
                self._orgs = {o.id: o for o in self.service.organizations()}
                self._reload_list(select_id=org_id)
                self._load(org_id)
                self.status_label.setText(QCoreApplication.translate("OrganizationDialog", "Saved {strip}.").format(
                    strip=data.name.strip()))
                if self.new_mode:
                    self.accept()
                return True
        self._show_errors(errors)
        return False

    def _show_errors(self, errors: dict[str, str]) -> None:
        labels: list[str] = []
        first_channel: int | None = None
        for key, msg in errors.items():
            if key in self.errors:
                self.errors[key].show_error(msg)
                labels.append(ORG_LABELS[key])
            elif key.startswith("channels["):
                idx_text, _, field = key[len("channels["):].partition("].")
                try:
                    idx = int(idx_text)
                except ValueError:
                    continue
                self.channel_errors.setdefault(idx, {})[field] = msg
                labels.append(channel_label(idx, field))
                if first_channel is None:
                    first_channel = idx
            else:
                labels.append(key)
        self._refresh_table(select=first_channel if first_channel is not None else self._current)
        show_problems(self.problems_label, labels)

    def _refresh_problems(self) -> None:
        """Keep "Not saved: fix …" true after a channel was fixed or removed (the channel
        fields share one set of error labels, so the list is made again from what is left)."""
        if not self.problems_label.showing_summary:
            return
        labels = [ORG_LABELS[k] for k, e in self.errors.items() if e.message]
        labels += [channel_label(i, field) for i in sorted(self.channel_errors)
                   for field in self.channel_errors[i]]
        show_problems(self.problems_label, labels)

    def _may_leave(self) -> bool:
        """True when the current organization may be left (saved, discarded or unchanged)."""
        if not hasattr(self, "_baseline") or not self.has_changes():
            return True
        answer = QMessageBox.question(
            self,
            QCoreApplication.translate("OrganizationDialog", "Save changes?"),
            QCoreApplication.translate("OrganizationDialog", "This organization has changes that "
                                                             "are not saved."),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save() and not self.new_mode
        return answer == QMessageBox.StandardButton.Discard

    def reject(self) -> None:
        if self.isVisible() and self.has_changes():
            answer = QMessageBox.question(
                self,
                QCoreApplication.translate("OrganizationDialog", "Save changes?"),
                QCoreApplication.translate("OrganizationDialog", "This organization has changes "
                                                                 "that are not saved."),
                QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Save,
            )
            if answer == QMessageBox.StandardButton.Cancel:
                return
            if answer == QMessageBox.StandardButton.Save and not self.save():
                return
            if self.result() == QDialog.DialogCode.Accepted:
                return
        if self.saved_organization_id is not None and not self.new_mode:
            self.accept()
            return
        super().reject()
