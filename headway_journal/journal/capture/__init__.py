"""Capturing contacts from what arrives (chat transcripts, screenshots' text): Qt-free parts.

``patterns`` (an organization's ticket patterns, checked), ``suggest`` (tickets, promises and
references found in a text), ``transcript`` (a pasted chat split into turns), ``ocr`` (text
recognised in image exhibits with Tesseract, when installed), ``exhibit_text`` (the service
part that stores recognised text).
"""
