"""Capture in the window: e-mails dropped on a case or the contact dialog, and File > Add
e-mail... (``drop``: which dropped files are e-mails, light enough for start-up;
``email_capture``: the controller that reads them off the GUI thread and logs them;
``contact_fill``: a message dropped on the contact dialog fills its form).

Suggestions in the contact dialog, pasted chat transcripts, text recognised in image exhibits
(off the GUI thread) and shown under them in the viewer:

``ocr_queue`` (recognition after an exhibit is stored), ``suggestions`` (the strip of buttons),
``contact_capture`` (what the contact dialog gets: the strip, "Paste chat transcript", Ctrl+Shift+V,
a transcript from a .txt file), ``recognised_text`` (the viewer's panel). None imports
``ui.exhibits`` (which imports this package).
"""
