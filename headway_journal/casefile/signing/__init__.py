"""Signed case files (PAdES with pyHanko): the journal's own key or the user's certificate
(``keys``, ``choose``), signing as the build's last step (``sign``), and checking a signed file
against the journal (``verify``). Nothing is imported here: pyHanko loads only when a file is
signed or checked."""
