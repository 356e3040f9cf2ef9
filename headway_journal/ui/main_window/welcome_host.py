"""The main window's side of the welcome panel (``WelcomeHost``, a base class of ``MainWindow``).

The panel itself (``welcome.WelcomePanel``: one obvious button, who you are, Headway's channels)
and its modules are loaded the first time an empty journal shows it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .. import read_only_mode

if TYPE_CHECKING:  # pragma: no cover - types only
    from PySide6.QtWidgets import QSplitter, QStackedWidget

    from ...journal.service import JournalService
    from .welcome import WelcomePanel


class WelcomeHost:
    """The main window's side of the welcome panel (a base class of ``MainWindow``): the panel
    is made the first time it is needed, as a journal with cases never shows it and making it
    (its scroll area, fonts and form) was a tenth of the window's start-up
    (docs/performance.md, item 17)."""

    if TYPE_CHECKING:  # the window's, set before any of these run
        service: JournalService
        security: Any  # ui.security.controller.SecurityController (File > Security, idle lock)
        stack: QStackedWidget
        splitter: QSplitter
        _counts: dict[str, int]
        _welcome: WelcomePanel | None
        _welcome_filled: bool

        def new_case(self, *, resume_draft: bool = False) -> None: ...

    @property
    def welcome(self) -> WelcomePanel:
        """The panel, made now if it was not (told of a reopened journal by the window)."""
        if self._welcome is None:
            from .welcome import WelcomePanel  # its modules load with it

            panel = WelcomePanel(self.service, self.new_case, encrypt=self.security.encrypt)
            self.stack.insertWidget(0, panel)
            self._welcome = panel
            read_only_mode.sync_welcome(self)  # a read-only journal: its button stays off
        return self._welcome

    def built_welcome(self) -> WelcomePanel | None:
        """The panel if it was made (never makes it)."""
        return self._welcome

    def welcome_shown(self) -> bool:
        return self._welcome is not None and self.stack.currentWidget() is self._welcome

    def _is_empty_journal(self) -> bool:
        return self._counts.get("all", 0) == 0 and self._counts.get("deleted", 0) == 0

    def _update_welcome(self) -> None:
        """The panel for an empty journal (filled once it shows), else the panes."""
        empty = self._is_empty_journal()
        if empty and (not self.welcome_shown() or not self._welcome_filled):
            self.welcome.refresh()
            self._welcome_filled = True
            self.stack.setCurrentWidget(self.welcome)
        elif not empty and self.stack.currentWidget() is not self.splitter:
            self.stack.setCurrentWidget(self.splitter)
