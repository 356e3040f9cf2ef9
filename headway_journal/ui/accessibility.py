"""What assistive technology needs that Qt does not do by itself.

``name_inner_editors`` gives the text box inside an editable combo box its combo's name (Qt
exposes that box to screen readers as a separate, nameless text field).
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLabel, QWidget

__all__ = ["name_inner_editors", "spoken_name"]


def spoken_name(widget: QWidget) -> str:
    """The name a screen reader gives ``widget``: its accessible name, else its label's text."""
    if widget.accessibleName():
        return widget.accessibleName()
    window = widget.window()
    for label in window.findChildren(QLabel):
        if label.buddy() is widget:
            return label.text().replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip(":")
    return ""


def name_inner_editors(root: QWidget) -> None:
    """Name every nameless text box inside an editable combo box under ``root`` after it."""
    for combo in root.findChildren(QComboBox):
        edit = combo.lineEdit()
        if edit is None or edit.accessibleName():
            continue
        name = spoken_name(combo)
        if name:
            edit.setAccessibleName(name)
            edit.setAccessibleDescription(combo.accessibleDescription() or combo.toolTip())
