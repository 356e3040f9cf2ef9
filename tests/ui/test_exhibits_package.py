"""The shape of ui/exhibits: no import cycle inside it, and nothing from the window above it.

Every import counts here, also the ones inside functions and under TYPE_CHECKING: a lazy import
hides a cycle from Python, not from a reader.
"""

from __future__ import annotations

import ast
from pathlib import Path

import headway_journal.ui.exhibits as exhibits_pkg

PACKAGE = "headway_journal.ui.exhibits"
FOLDER = Path(exhibits_pkg.__file__).parent
# the window and the case pane sit above the exhibits: they use them, never the other way round
ABOVE = ("headway_journal.ui.main_window", "headway_journal.ui.case_view",
         "headway_journal.ui.case", "headway_journal.ui.app", "headway_journal.ui.casefile_ui")


def imported_modules(path: Path) -> set[str]:
    """Every module ``path`` imports (absolute names), wherever the import statement is."""
    found: set[str] = set()
    package = PACKAGE.split(".")
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            found.add(module)
            found.update(f"{module}.{alias.name}" for alias in node.names)
    return found


def exhibit_modules() -> dict[str, set[str]]:
    modules = {f"{PACKAGE}.{p.stem}": p for p in FOLDER.glob("*.py") if p.stem != "__init__"}
    return {name: imported_modules(path) & set(modules) - {name}
            for name, path in modules.items()}


def test_the_package_has_its_parts() -> None:
    names = {name.rsplit(".", 1)[1] for name in exhibit_modules()}
    assert {"controller", "worker", "drop_paste", "viewer", "capture", "thumbnails",
            "strip", "panel"} <= names


def test_no_import_cycle_inside_the_exhibits_package() -> None:
    graph = exhibit_modules()
    done: set[str] = set()

    def visit(module: str, path: tuple[str, ...]) -> None:
        assert module not in path, "import cycle: " + " -> ".join((*path, module))
        if module in done:
            return
        for imported in sorted(graph[module]):
            visit(imported, (*path, module))
        done.add(module)

    for module in sorted(graph):
        visit(module, ())


def test_the_exhibits_never_import_the_window_above_them() -> None:
    for path in FOLDER.glob("*.py"):
        wrong = {m for m in imported_modules(path) if m.startswith(ABOVE)}
        assert not wrong, f"{path.name} imports {sorted(wrong)}"


def test_the_package_itself_loads_nothing() -> None:
    """``import headway_journal.ui.exhibits`` must not pull in every part (start-up time)."""
    init = FOLDER / "__init__.py"
    assert not imported_modules(init)
