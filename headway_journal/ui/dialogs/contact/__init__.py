"""The contact dialog (Log contact, Ctrl+L): the form's widgets and the dialog's behaviour."""

from __future__ import annotations

from .dialog import ContactDialog

__all__ = ["ContactDialog"]
