"""Letters and complaint packets for the company and each outside body (Qt-free).

* ``bodies`` (+ ``bodies.json``): the bodies, their addresses and time limits, as data with
  their source and the date checked; every state's insurance department.
* ``facts``: what each letter asks for, and how a missing fact shows ("[the date ...]").
* ``plan``: which letters apply to a case, in what order, each deadline and its warning.
* ``cfpb``: the CFPB narrative's length and account-number checks.
* ``drafts``: the service's part that keeps drafts on the case (``JournalService`` has it).
* ``sending``: "Mark as sent" logs a contact with the body's reply clock as a promise.

The letters' text and their PDF, .docx and plain-text forms are made in
``headway_journal.casefile.letters``.
"""
