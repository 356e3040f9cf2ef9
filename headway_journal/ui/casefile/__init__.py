"""The case file in the window: the options dialog, building in the background, preview, print.

``dialog`` (CaseFileDialog: redaction, exhibits, date range, cover letter), ``build`` (the
background builder with its progress dialog, and printing the full case file), ``print_preview``
(the PDF preview and printing a PDF) and ``timeline_range`` (the date range box). The PDF itself
is made by ``headway_journal.casefile``; nothing here writes to the journal.
"""
