"""A package's names loaded from its submodules on first use (a module ``__getattr__``, PEP 562).

Used where a package is imported at every start but some of its parts are needed only later
(docs/performance.md, items 16 to 18): ``journal.deadlines``, ``journal.chain`` (its verifier),
``l10n`` (the translation catalogs), and the module ``journal.records`` (its input and view
dataclasses, which live in sibling modules of the ``journal`` package). The names, ``__all__`` and what mypy sees (the
package imports them under ``TYPE_CHECKING``) stay as they were. Standard library only.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import Any

__all__ = ["lazy_names"]


def lazy_names(package: str, where: Mapping[str, str], namespace: dict[str, Any]
               ) -> Callable[[str], Any]:
    """A module's ``__getattr__``: each name of ``where`` comes from the submodule of
    ``package`` it maps to (a name equal to its submodule's is the submodule itself), imported
    at the first use and kept in ``namespace`` (the module's globals), so later uses are plain
    globals. ``package`` is the module itself for a package, its package for a module."""
    owner = str(namespace.get("__name__", package))

    def module_getattr(name: str) -> Any:
        part = where.get(name)
        if part is None:
            raise AttributeError(f"module {owner!r} has no attribute {name!r}")
        module = importlib.import_module(f"{package}.{part}")
        value = module if name == part else getattr(module, name)
        namespace[name] = value
        return value

    return module_getattr
