"""The case file for escalation: plain data in, a PDF out (no Qt in this package).

from headway_journal.casefile import build_casefile, redact
build_casefile(redact(data, exclude_exhibits=frozenset({4})), Path("case-redacted.pdf"))
"""

from .data import (
    CaseFileData,
    ContactRow,
    EscalationRow,
    Exhibit,
    Organization,
    Party,
    PromiseRow,
    Reference,
)
from .letter import draft_cover_letter
from .pdf import BuildResult, CaseFileCancelled, build_casefile
from .redact import mask, redact

__all__ = [
    "BuildResult",
    "CaseFileCancelled",
    "CaseFileData",
    "ContactRow",
    "EscalationRow",
    "Exhibit",
    "Organization",
    "Party",
    "PromiseRow",
    "Reference",
    "build_casefile",
    "draft_cover_letter",
    "mask",
    "redact",
]
