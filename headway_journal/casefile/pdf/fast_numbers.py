"""ReportLab's number formatting, remembered.

Every coordinate, width and colour ReportLab writes into a page goes through ``fp_str``
(``reportlab.lib.rl_accel``). Without ReportLab's optional C accelerator (not a dependency:
it would also speed up the pure-Python image path of ordinary ReportLab documents, not ours)
that is a Python function taking a logarithm and trimming zeros for each number: about a
sixth of laying out a long timeline, for a few hundred distinct values (the same column
edges, line positions, font sizes and colours over and over).

:func:`install` puts in its place a function giving exactly the same text, that remembers the
text of each number it has formatted (up to :data:`LIMIT` of them): in ``rl_accel`` and in
every ReportLab module that already took its own reference to the original. Nothing changes
when the C accelerator is installed (ReportLab then uses it) or when it was installed before.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

from reportlab.lib import rl_accel

__all__ = ["LIMIT", "install", "remembered_fp_str"]

LIMIT = 20_000  # distinct numbers remembered; beyond that they are formatted each time


def remembered_fp_str(original: Callable[..., str]) -> Callable[..., str]:
    """``original`` (``fp_str``: numbers, or one sequence of them, as PDF text separated by
    spaces) with the text of each number remembered."""
    known: dict[Any, str] = {}

    def fp_str(*numbers: Any) -> str:
        if len(numbers) == 1 and isinstance(numbers[0], (list, tuple)):
            numbers = tuple(numbers[0])
        out = []
        for value in numbers:
            text = known.get(value)
            if text is None:
                text = original(value)
                if len(known) < LIMIT and type(value) in (int, float):
                    known[value] = text
            out.append(text)
        return " ".join(out)

    return fp_str


def install() -> bool:
    """Remember ReportLab's number texts from now on; True when it was done here."""
    original: Callable[..., str] | None = getattr(rl_accel, "fp_str", None)
    python_version = getattr(rl_accel, "_py_fp_str", None)
    if original is None or original is not python_version:
        return False  # the C accelerator (already fast), or installed before
    fast = remembered_fp_str(python_version)
    rl_accel.fp_str = fast
    for name, module in list(sys.modules.items()):
        if name.startswith("reportlab.") and getattr(module, "fp_str", None) is original:
            module.fp_str = fast  # type: ignore[attr-defined]
    return True
