"""Encryption at rest for a locked journal (Qt-free).

``lockbox`` keeps the master key wrapped under the passphrase and a recovery key; ``keys``
derives the database, file and name keys from it; ``sealed`` is the authenticated, chunked
format of every file the journal keeps beside its database.
"""
