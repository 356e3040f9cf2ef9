"""Letters and complaints in the window: the list under Before you call > Next step
(``panel``) and the editor (``dialog``: facts, text, export, copy per form field, Mark as sent).
Everything comes from ``journal.letters`` and ``casefile.letters``."""
