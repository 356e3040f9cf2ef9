"""One country's public holidays from the ``holidays`` library, importing only that country.

``holidays.country_holidays("US")`` imports the package ``holidays.countries``, whose
``__init__`` imports all of its ~250 country modules (about 60 ms and several MB, before the
first deadline can be computed). Here the class is looked up in the library's registry
(``holidays.registry.COUNTRIES``, plain data) and only its own module is imported: while it
loads, ``holidays.countries`` is an empty package (its ``__init__`` not run), so the module's
imports of its siblings (Wallis and Futuna uses France) still work. The placeholder is removed
afterwards, so importing ``holidays.countries`` later (by anyone) runs its ``__init__`` as usual
and finds the module already loaded.

Anything unexpected in the library's layout falls back to ``holidays.country_holidays``.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
import threading
from functools import lru_cache
from typing import Any

_PACKAGE = "holidays.countries"
_lock = threading.Lock()


def _module_of(country: str) -> tuple[str, str] | None:
    """(module name, class name) of the country with this ISO code, from the registry."""
    try:
        from holidays.registry import COUNTRIES
    except ImportError:  # pragma: no cover - library layout change
        return None
    code = country.strip().upper()
    for module_name, entry in COUNTRIES.items():
        if code in entry[1:]:
            return module_name, str(entry[0])
    return None


def _import_alone(module_name: str) -> Any:
    """Import ``holidays.countries.<module_name>`` without the package's ``__init__``."""
    full = f"{_PACKAGE}.{module_name}"
    with _lock:
        if full in sys.modules:
            return sys.modules[full]
        placeholder = None
        if _PACKAGE not in sys.modules:
            spec = importlib.util.find_spec(_PACKAGE)
            if spec is None or spec.submodule_search_locations is None:
                raise ImportError(_PACKAGE)  # pragma: no cover - library layout change
            placeholder = importlib.util.module_from_spec(spec)
            sys.modules[_PACKAGE] = placeholder
        try:
            return importlib.import_module(full)
        finally:
            if placeholder is not None and sys.modules.get(_PACKAGE) is placeholder:
                del sys.modules[_PACKAGE]


@lru_cache(maxsize=16)
def country_class(country: str) -> Any:
    """The holidays class of ``country`` (an ISO code); None when the library has none."""
    import holidays  # the package itself (no country module yet)

    found = _module_of(country)
    if found is None:
        return None
    module_name, class_name = found
    try:
        return getattr(_import_alone(module_name), class_name)
    except (ImportError, AttributeError):  # pragma: no cover - library layout change
        return getattr(holidays, country.strip().upper(), None)


def country_holidays(country: str, *, subdiv: str | None = None, years: int | None = None,
                     observed: bool = True) -> Any:
    """Like ``holidays.country_holidays``; raises NotImplementedError for an unknown country
    (or subdivision, as the library does)."""
    cls = country_class(country)
    if cls is None:
        raise NotImplementedError(f"Country {country} not available")
    return cls(years=years, subdiv=subdiv, observed=observed)
