"""Everything PySide6: the window and its dialogs (ARCHITECTURE.md, "ui/").

The Qt-free layers every window needs (the journal service, its opening flow, SQLAlchemy's
SQLite dialect) are imported here, before any module of this package imports PySide6.
PySide6 installs an import hook that reads the source file of every module imported after it
(looking for its ``__feature__`` switches): for SQLAlchemy and the journal's ~300 modules that
was about a tenth of the time to the first window (docs/performance.md, item 15).
Importing them first changes nothing else: they never import Qt (tests/test_layering.py).
"""

import sqlalchemy.dialects.sqlite  # noqa: F401 - loaded by the first engine anyway

from .. import l10n  # noqa: F401 - before PySide6 (see above)
from ..journal import opening, service  # noqa: F401 - before PySide6 (see above)
