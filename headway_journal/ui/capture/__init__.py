"""Capturing contacts in the GUI: suggestions in the contact dialog, pasted chat transcripts,
text recognised in image exhibits (off the GUI thread) and shown under them in the viewer.

``ocr_queue`` (recognition after an exhibit is stored), ``suggestions`` (the strip of buttons),
``contact_capture`` (what the contact dialog gets: the strip, "Paste chat transcript", Ctrl+Shift+V,
a transcript from a .txt file), ``recognised_text`` (the viewer's panel). None imports
``ui.exhibits`` (which imports this package).
"""
