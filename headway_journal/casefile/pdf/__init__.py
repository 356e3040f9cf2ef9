"""Build the PDF case file for an escalation (ReportLab and pypdf; never Qt).

``build`` holds the entry point and the job that runs the stages in order:

- ``exhibits``: sort the exhibits into shown images, appended PDFs and listed-only files,
  using ``images`` (screenshots placed as they are or downscaled) and ``pages`` (PDF exhibits
  read, cleaned by ``sanitize``, and their pages reduced to leave room for the footer);
- ``sections``: the flowables of the main document, one function per section, drawn with
  ``styles`` (fonts, layout, paragraph and table styles) and ``text`` (escaping, formats);
  headings record their pages as ``marks`` for the outline and for merging;
- ``build``: lay out with ReportLab, merge the PDF exhibits' pages after their dividers,
  then ``footer`` stamps "Page X of Y" on every page; outline, metadata, atomic write.

``progress`` carries progress reports and cancellation through every stage.
"""

from .build import MAX_IMAGE_SIDE, BuildResult, CaseFileCancelled, build_casefile, register_fonts

__all__ = [
    "BuildResult",
    "CaseFileCancelled",
    "MAX_IMAGE_SIDE",
    "build_casefile",
    "register_fonts",
]
