"""Capture in the window: e-mails dropped on a case or the contact dialog, and File > Add
e-mail... (``drop``: which dropped files are e-mails, light enough for start-up;
``email_capture``: the controller that reads them off the GUI thread and logs them;
``contact_fill``: a message dropped on the contact dialog fills its form).
"""
