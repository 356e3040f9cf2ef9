"""Build the PDF case file for an escalation (ReportLab and pypdf; never Qt).

The stages, one module each: ``build`` (the entry point and the job that runs the stages).
"""

from .build import MAX_IMAGE_SIDE, BuildResult, CaseFileCancelled, build_casefile, register_fonts

__all__ = [
    "BuildResult",
    "CaseFileCancelled",
    "MAX_IMAGE_SIDE",
    "build_casefile",
    "register_fonts",
]
