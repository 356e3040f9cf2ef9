"""A package's names loaded from its submodules on first use (a module ``__getattr__``, PEP 562).

Used where a package is imported at every start but some of its parts are needed only later
(docs/performance.md, items 16 and 17): ``journal.deadlines``, ``journal.chain`` (its verifier)
and ``l10n`` (the translation catalogs). The names, ``__all__`` and what mypy sees (the
package imports them under ``TYPE_CHECKING``) stay as they were. Standard library only.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import Any

__all__ = ["lazy_names"]


def lazy_names(package: str, where: Mapping[str, str], namespace: dict[str, Any]
               ) -> Callable[[str], Any]:
    """The ``__getattr__`` of ``package``: each name of ``where`` comes from the submodule it
    maps to (a name equal to its submodule's is the submodule itself), imported at the first
    use and kept in ``namespace`` (the package's globals), so later uses are plain globals."""

    def module_getattr(name: str) -> Any:
        part = where.get(name)
        if part is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        module = importlib.import_module(f"{package}.{part}")
        value = module if name == part else getattr(module, name)
        namespace[name] = value
        return value

    return module_getattr
