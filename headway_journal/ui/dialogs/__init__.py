"""The app's dialogs: cases, contacts, organizations and settings.

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
