"""``python -m headway_journal.journal.interchange``: the JSON format's tools (the schema)."""

from headway_journal.journal.interchange import main

if __name__ == "__main__":  # pragma: no cover - not when a package walk imports it
    raise SystemExit(main())
