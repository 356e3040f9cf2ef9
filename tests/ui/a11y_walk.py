"""Walking a window the way assistive technology and the keyboard do (for the accessibility tests).

``unnamed_controls`` walks the QAccessible tree (what a screen reader sees) from a top-level
widget and lists every interactive element that is shown but has no accessible name.
``unreachable_by_tab`` presses Tab from the first focused widget until the focus comes back
round, and lists every shown, enabled widget that takes Tab focus but was never reached (and
any widget that keeps the Tab key for itself: a keyboard trap). ``out_of_reading_order`` says
where that round goes against the visual order (up, or back left on the same line).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QAccessible, QAccessibleInterface
from PySide6.QtWidgets import QApplication, QRadioButton, QScrollArea, QWidget

Role = QAccessible.Role

# Roles a user acts on: each must say what it is.
INTERACTIVE = {
    Role.Button, Role.CheckBox, Role.RadioButton, Role.ComboBox, Role.EditableText,
    Role.SpinBox, Role.Slider, Role.Dial, Role.ButtonMenu, Role.ButtonDropDown,
    Role.ButtonDropGrid, Role.PageTab, Role.Link, Role.List, Role.Table, Role.Tree,
    Role.HotkeyField, Role.MenuItem, Role.Switch, Role.PageTabList,
}

MAX_STEPS_INSIDE = 8  # Tab presses one widget may keep (the sections of a date and time)


def describe(obj: Any) -> str:
    """A widget (or object) and the chain of its parents, for failure messages."""
    parts = []
    while obj is not None and len(parts) < 6:
        name = obj.objectName() or (obj.accessibleName() if isinstance(obj, QWidget) else "")
        parts.append(f"{type(obj).__name__}({name!r})" if name else type(obj).__name__)
        obj = obj.parent()
    return " < ".join(parts)


def _walk(iface: QAccessibleInterface, found: list[QAccessibleInterface], depth: int) -> None:
    if depth > 60 or not iface.isValid():
        return
    if iface.state().invisible:  # scrolled out of sight ("offscreen") still counts
        return
    found.append(iface)
    for n in range(iface.childCount()):
        child = iface.child(n)
        if child is not None:
            _walk(child, found, depth + 1)


def accessible_tree(root: QWidget) -> list[QAccessibleInterface]:
    """Every shown element under ``root`` (root included), as a screen reader finds them."""
    found: list[QAccessibleInterface] = []
    iface = QAccessible.queryAccessibleInterface(root)
    assert iface is not None, f"no accessible interface for {describe(root)}"
    _walk(iface, found, 0)
    return found


# Items inside a list or menu are described by their container; Qt reads a tab bar as the
# name of its current tab and gives it no description (each tab has its tooltip).
NEEDS_DESCRIPTION = INTERACTIVE - {Role.PageTabList, Role.MenuItem, Role.ListItem}


def undescribed_controls(root: QWidget) -> list[str]:
    """Interactive elements without a description (what it does, what to type): Qt reads the
    accessible description, else the tooltip."""
    return [f"{i.role().name} {i.text(QAccessible.Text.Name)!r} without a description: "
            f"{describe(i.object())}" for i in accessible_tree(root)
            if i.role() in NEEDS_DESCRIPTION and not i.text(QAccessible.Text.Description).strip()]


def labelled(iface: QAccessibleInterface) -> bool:
    """Whether an element has a name of its own or a label pointing at it."""
    obj = iface.object()
    if isinstance(obj, QWidget) and obj.accessibleName().strip():
        return True
    return bool(iface.relations(QAccessible.RelationFlag.Label))


def unnamed_controls(root: QWidget) -> list[str]:
    """The interactive elements under ``root`` a screen reader would announce without a name."""
    problems = []
    for iface in accessible_tree(root):
        if iface.role() not in INTERACTIVE:
            continue
        if iface.state().disabled and iface.role() == Role.MenuItem:
            continue
        if not iface.text(QAccessible.Text.Name).strip():
            problems.append(f"{iface.role().name} without a name: {describe(iface.object())}")
        elif iface.role() == Role.ComboBox and not labelled(iface):
            # on Linux Qt reads a combo box's current item as its name: the label must be
            # its accessible name or its buddy ("labelled by"), or a reader says only "Open"
            problems.append(f"ComboBox without a label: {describe(iface.object())}")
    return problems


def tab_stops(root: QWidget) -> list[QWidget]:
    """The widgets of ``root``'s window that Tab should reach (shown, enabled, Tab focus)."""
    stops = []
    for w in [root, *root.findChildren(QWidget)]:
        policy = w.focusPolicy()
        if (policy.value & Qt.FocusPolicy.TabFocus.value) != Qt.FocusPolicy.TabFocus.value:
            continue
        if w.focusProxy() is not None or not w.isEnabled() or w.window() is not root.window():
            continue
        if not w.isVisibleTo(root.window()) or not w.isVisible() or w.size().isEmpty():
            continue
        stops.append(w)
    return stops


def radio_group(w: QWidget) -> int:
    """The id of the exclusive group of radio buttons ``w`` belongs to (0 when none)."""
    if not isinstance(w, QRadioButton):
        return 0
    group = w.group()
    if group is not None and group.exclusive():
        return id(group)
    return id(w.parent()) if w.autoExclusive() else 0


def press_tab_round(qtbot: Any, top: QWidget, limit: int = 400) -> tuple[list[QWidget], str]:
    """Press Tab from the focused widget until the focus comes back to where it began.

    Returns the widgets visited in order and "" or a description of a keyboard trap."""
    top.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is top)
    if QApplication.focusWidget() is None or QApplication.focusWidget().window() is not top:
        top.focusNextChild()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    first = QApplication.focusWidget()
    visited = [first]
    stayed = 0
    for _ in range(limit):
        here = QApplication.focusWidget()
        qtbot.keyClick(here, Qt.Key.Key_Tab)
        now = QApplication.focusWidget()
        # a date edit moves through its sections first (day, month, year, hour...)
        stayed = stayed + 1 if now is here else 0
        if stayed > MAX_STEPS_INSIDE:
            return visited, f"Tab stays in {describe(here)}"
        if now is first:
            return visited, ""
        if now is not here:
            visited.append(now)
    return visited, f"no way round after {limit} Tab presses"


def unreachable_by_tab(qtbot: Any, top: QWidget) -> list[str]:
    """The focusable widgets of ``top`` that Tab never reaches, and any keyboard trap.

    The stops are taken before Tab is pressed: moving through a list may change what is shown
    (the organization list selects an organization as the focus enters it)."""
    stops = tab_stops(top)
    visited, trap = press_tab_round(qtbot, top)
    problems = [trap] if trap else []
    seen = set(map(id, visited))
    # Tab reaches one button of a group of radio buttons; the arrow keys choose within it
    seen |= {id(w) for w in stops if radio_group(w) in {radio_group(v) for v in visited} - {0}}
    problems += [f"not reachable by Tab: {describe(w)}" for w in stops if id(w) not in seen]
    problems += out_of_reading_order(top, visited)
    return problems


Placement = list[tuple[int, QRect]]


def placement(w: QWidget, top: QWidget) -> Placement:
    """Where ``w`` is: its outermost scroll area's rectangle in ``top``, then the next one's in
    that area's content, ..., then ``w``'s own in its innermost content. Compared level by level,
    this keeps the order of a scrolled form whatever its scroll position."""
    areas = []
    parent = w.parentWidget()
    while parent is not None and parent is not top:
        if isinstance(parent, QScrollArea) and parent.widget() is not None and (
                parent.widget().isAncestorOf(w)):
            areas.append(parent)
        parent = parent.parentWidget()
    chain: Placement = []
    container: QWidget = top
    for item in [*reversed(areas), w]:
        chain.append((id(container), QRect(item.mapTo(container, QPoint(0, 0)), item.size())))
        if isinstance(item, QScrollArea) and item.widget() is not None:
            container = item.widget()
    return chain


def goes_back(a: Placement, b: Placement) -> bool:
    """Whether moving from ``a`` to ``b`` goes up, or left on the same line."""
    ra, rb = a[0][1], b[0][1]
    for (ca, rect_a), (cb, rect_b) in zip(a, b, strict=False):
        if ca != cb:
            break
        ra, rb = rect_a, rect_b
    above = rb.bottom() < ra.top() and not rb.left() > ra.right()
    same_line = rb.top() <= ra.bottom() and ra.top() <= rb.bottom()
    return above or (same_line and rb.right() < ra.left())


def out_of_reading_order(top: QWidget, visited: list[QWidget]) -> list[str]:
    """The steps of a Tab round that go against reading order; one step back to the start
    (from the last field to the first) is the round closing."""
    places = [placement(w, top) for w in visited]
    back = [(visited[i], visited[(i + 1) % len(visited)]) for i in range(len(visited))
            if len(visited) > 1 and goes_back(places[i], places[(i + 1) % len(places)])]
    if len(back) <= 1:
        return []
    return [f"Tab goes back from {describe(a)} to {describe(b)}" for a, b in back]
