"""Capture: what arrives from outside (e-mails, chat transcripts, screenshots' text) turned
into contacts and exhibits. Qt-free, like the rest of ``journal``.

- ``html_text``: an HTML body as plain text (stdlib ``html.parser``).
- ``fold``: a message's new text apart from its quoted history and signature.
- ``email_parse``: one .eml/.msg message, or each message of an .mbox (streamed), as
  ``ParsedMessage``.
- ``email_import``: messages into a case (all or nothing per file, duplicates skipped).
- ``records``: the service part that writes captured contacts (``CaptureRecords``).
- ``provenance``: where an exhibit came from, and how a contact was captured.

``patterns`` (an organization's ticket patterns, checked), ``suggest`` (tickets, promises and
references found in a text), ``transcript`` (a pasted chat split into turns), ``ocr`` (text
recognised in image exhibits with Tesseract, when installed), ``exhibit_text`` (the service
part that stores recognised text).
"""
