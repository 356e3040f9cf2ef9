"""A locked journal in the window: the unlock dialog at start (``unlock``), choosing a
passphrase and showing the recovery key once (``dialogs``), File > Security and the idle lock
(``controller``)."""
