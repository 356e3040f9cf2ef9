"""Exhibits in the GUI: attaching, the Exhibits tab, the viewer, screen capture, thumbnails.

Import from the modules themselves (this package re-exports nothing, so loading one part does
not load the others).
"""
