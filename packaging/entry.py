"""PyInstaller entry script for the Headway Journal bundle.

PyInstaller runs its entry as a top-level script; importing the package's ``main`` from here
keeps ``headway_journal`` a real package inside the bundle (relative imports, __file__-based
resource lookups and importlib.resources all work).
"""

from headway_journal.__main__ import main

if __name__ == "__main__":
    raise SystemExit(main())
