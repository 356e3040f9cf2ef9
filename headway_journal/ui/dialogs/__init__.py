"""The app's dialogs: cases, contacts, organizations, settings, your details, restore from
backup and the PDF preview. The form dialogs (case, contact, organization, settings) share
one frame, :class:`.form_dialog.FormDialog`: a scrolled body, the problems line, Cancel/Save
and the save keys; their fields come from :mod:`.form_builder`.

The main window calls them with exactly this API:

* ``CaseDialog(service, parent=None, case_id=None)``; after Accepted, ``.saved_case_id``.
* ``ContactDialog(service, case_id, parent=None, contact_id=None)``; ``.saved_contact_id``.
* ``OrganizationDialog(service, parent=None)``; ``.saved_organization_id`` (last saved, or None).
* ``SettingsDialog(service, parent=None)``.
"""

from __future__ import annotations

from .case_dialog import CaseDialog
from .contact import ContactDialog
from .organization_dialog import OrganizationDialog
from .settings_dialog import SettingsDialog

__all__ = ["CaseDialog", "ContactDialog", "OrganizationDialog", "SettingsDialog"]
