"""The main window, arranged by what the user sees.

``window`` is the QMainWindow; ``actions`` builds its actions, menus and toolbar; ``sidebar``
holds the saved views, filters and the case list; ``welcome`` is the empty-journal panel;
``journal_session`` owns the open journal (backups, restore and reopen, the overdue check)
and announces a replaced service with one signal.
"""

from .messages import PLAIN_ERRORS, plain_message
from .window import MainWindow

__all__ = ["PLAIN_ERRORS", "MainWindow", "plain_message"]
