"""A journal kept on a PostgreSQL server (a "shared journal"), identified by its URL.

``urls``: telling a database URL from a folder, reading it (the driver, the password from the
keyring), showing it without its password; ``engine``: the engine, the schema upgrade and
``SharedJournal``, the ``db.Journal`` of a shared journal. Qt-free; psycopg is loaded only when a
shared journal is opened.
"""
