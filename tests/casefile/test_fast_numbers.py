"""ReportLab's number texts, remembered: the same text for every number, once installed in
every module that formats numbers, and installed only once."""

from __future__ import annotations

import random

from reportlab.lib import rl_accel
from reportlab.pdfgen import canvas as rl_canvas

from headway_journal.casefile.pdf import fast_numbers


def test_the_text_of_every_number_is_the_same_as_reportlabs() -> None:
    original = rl_accel._py_fp_str  # noqa: SLF001 - what is being replaced
    fast = fast_numbers.remembered_fp_str(original)
    rng = random.Random(23)
    values: list[float | int] = [0, 1, -1, 0.5, -0.5, 1e-8, -1e-8, 612, 792.0, 1e7, 123456.789,
                                 0.1 + 0.2, 72 / 7, 10.5, 14, 9.5, 0.4, 2 ** 40]
    values += [rng.uniform(-2000, 2000) for _ in range(2000)]
    values += [rng.randint(-10 ** 6, 10 ** 6) for _ in range(200)]
    for _ in range(2):  # formatted, then remembered
        for value in values:
            assert fast(value) == original(value), value
    assert fast(*values[:7]) == original(*values[:7])
    assert fast(values[:7]) == original(values[:7])
    assert fast(tuple(values[:7])) == original(tuple(values[:7]))


def test_installed_once_everywhere_reportlab_formats_numbers() -> None:
    fast_numbers.install()
    assert fast_numbers.install() is False
    fast = rl_accel.fp_str
    assert fast is not rl_accel._py_fp_str  # noqa: SLF001
    assert rl_canvas.fp_str is fast
    assert fast(0.25, 612.0, 10) == ".25 612 10"
