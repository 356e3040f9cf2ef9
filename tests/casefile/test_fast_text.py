"""ReportLab's PDFDocEncoding with ASCII text encoded directly: the same bytes (and the same
errors) as the codec for every text, installed everywhere ReportLab took the original."""

from __future__ import annotations

import random

import pytest
from reportlab.pdfbase import acroform, pdfdoc

from headway_journal.casefile.pdf import fast_text


def _codec(value: object) -> object:
    return value.encode("extpdfdoc") if isinstance(value, str) else value


def _outcome(fn: object, value: object) -> object:
    try:
        return fn(value)  # type: ignore[operator]
    except UnicodeEncodeError as exc:
        return ("error", exc.start, exc.end)


def test_every_text_gives_the_codecs_bytes_or_its_error() -> None:
    fast = fast_text.pdfdoc_bytes(_codec)
    rng = random.Random(23)
    samples: list[object] = [chr(i) for i in range(0x300)]  # every ASCII and Latin character
    samples += ["", "12 0 R", "/StructElem", "(Contact 4 \\(phone\\))", "a\x18b", "tab\there",
                "caf\u00e9", "\u2022 bullet", "\u20ac 12,50", "line\nbreak\r", b"bytes", 3]
    alphabet = [chr(i) for i in range(0x80)] + ["\u00e9", "\u2014", "\u20ac", "\U0001f600"]
    samples += ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 12)))
                for _ in range(3000)]
    for value in samples:
        assert _outcome(fast, value) == _outcome(_codec, value), repr(value)


def test_installed_once_in_every_module_that_took_the_original() -> None:
    fast_text.install()
    assert fast_text.install() is False
    assert hasattr(pdfdoc.pdfdocEnc, "hj_original")
    assert acroform.pdfdocEnc is pdfdoc.pdfdocEnc
    assert pdfdoc.pdfdocEnc("7 0 R") == b"7 0 R"
    assert pdfdoc.pdfdocEnc("caf\u00e9") == "caf\u00e9".encode("extpdfdoc")
    with pytest.raises(UnicodeEncodeError):
        pdfdoc.pdfdocEnc("\x1b")
