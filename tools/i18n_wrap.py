"""Codemod: wrap user-visible string literals in translation calls (docs/translating.md).

A helper for the merger and for new code, not part of the app: run it on files whose strings
were written without translation calls, then review the diff (it guesses what is prose) and run
``python -m headway_journal.l10n extract``.

    python tools/i18n_wrap.py qt FILE...       # ui/: QCoreApplication.translate("Ctx", "...")
    python tools/i18n_wrap.py gettext FILE...  # journal/, casefile/: i18n.text("...")
    python tools/i18n_wrap.py qtmark FILE...   # ui/ module-level tables: QT_TRANSLATE_NOOP
    python tools/i18n_wrap.py mark FILE...     # Qt-free module-level tables: i18n.mark
    FORCE=file.py:LINE,... python tools/i18n_wrap.py qt file.py   # only those f-strings

f-strings become a literal template and ``.format(name=...)``. Strings at module level,
default arguments, dict keys, comparisons, log calls and the like are left alone (the report of
module-level prose goes to /tmp/i18n-wrap-<mode>.txt). Imports are added (then
``ruff check --fix`` sorts them). Run it from the repository's root.
"""

import ast
import json
import os
import pathlib
import re
import sys

KEYSEQ = re.compile(r"^(Ctrl|Alt|Shift|Meta|F\d+|Esc|Del|Return|Enter)([+-]|$)")
EXCL_CALLS = {
    "setObjectName",
    "setProperty",
    "property",
    "get_setting",
    "set_setting",
    "get_str",
    "get_bool",
    "set_value",
    "getattr",
    "hasattr",
    "setattr",
    "QKeySequence",
    "setStyleSheet",
    "strftime",
    "strptime",
    "setDisplayFormat",
    "toString",
    "startswith",
    "endswith",
    "split",
    "rsplit",
    "join",
    "replace",
    "fromTheme",
    "get",
    "Signal",
    "Slot",
    "Property",
    "cast",
    "TypeVar",
    "import_module",
    "QSettings",
    "open",
    "Path",
    "compile",
    "match",
    "fullmatch",
    "sub",
    "search",
    "encode",
    "decode",
    "fdopen",
    "mkdtemp",
    "NamedTemporaryFile",
    "mkstemp",
    "isinstance",
    "text",
    "plural",
    "mark",
    "translate",
    "tr",
    "QT_TRANSLATE_NOOP",
    "execute",
    "exec_driver_sql",
    "DraftRef",
    "environ",
    "getenv",
    "fromString",
    "QRegularExpression",
    "setFilter",
    "setNameFilters",
    "findChild",
    "findChildren",
    "objectName",
    "fsync",
    "rename",
    "with_suffix",
    "joinpath",
    "glob",
    "rglob",
    "format_exc",
    "warn",
    "setdefault",
    "pop",
    "index",
    "count",
    "strip",
    "rstrip",
    "lstrip",
    "removeprefix",
    "removesuffix",
    "lower",
    "upper",
    "Column",
    "mapped_column",
    "ForeignKey",
    "relationship",
    "sa_text",
    "select",
    "CheckConstraint",
    "UniqueConstraint",
    "Index",
    "Enum",
    "ParagraphStyle",
    "registerFont",
    "TTFont",
    "setFont",
    "setFillColor",
    "HexColor",
    "drawString",
    "drawRightString",
    "drawCentredString",
    "setTitle_",
    "add_pragma",
    "_set_view_silently",
    "QColor",
    "setColor",
    "PrintResult",
    "when",
    "_ch_row",
    "_row",
    "_label",
    "_error",
    "_line",
    "_text",
    "_esc_line",
}
LOG_OWNERS = {"log", "logger", "logging", "_log", "LOG", "LOGGER", "_logger"}
EXCL_KW = {
    "objectName",
    "key",
    "icon",
    "shortcut",
    "kind",
    "mode",
    "encoding",
    "prefix",
    "suffix",
    "fontName",
    "style",
    "name_key",
    "dialect",
    "errors",
    "newline",
    "sep",
    "end",
}


def is_prose(s):
    t = s.strip()
    if not t or not re.search(r"[A-Za-z]", t):
        return False
    if KEYSEQ.match(t):
        return False
    if "::" in t or t.startswith(
        (
            "%",
            "yyyy",
            "QWidget",
            "QFrame",
            "QLabel",
            "QToolButton",
            "QPushButton",
            "QListWidget",
            "background",
            "color:",
            "font-",
            "border",
            "padding",
            "SELECT",
            "INSERT",
            "UPDATE ",
            "DELETE ",
            "PRAGMA",
            "CREATE",
            "ALTER",
            "DROP",
            "BEGIN",
            "application/",
            "image/",
            "text/",
            "http",
            "file:",
            "mailto:",
            "#",
            "*.",
        )
    ):
        return False
    if re.fullmatch(r"[\w./\\:-]+", t) and not t[0].isupper():
        return False
    if re.fullmatch(r"[A-Z0-9_]+", t):
        return False  # constants
    return (" " in t) or t[0].isupper() or t[0] == "&"


def main(root, mode, files):  # noqa: C901 (a one-pass script)
    report = []
    for p in files:
        src = p.read_text()
        tree = ast.parse(src)
        parents = {}
        for n in ast.walk(tree):
            for c in ast.iter_child_nodes(n):
                parents[c] = n
        lines = src.splitlines(keepends=True)
        offs = [0]
        for text_line in lines:
            offs.append(offs[-1] + len(text_line))

        def pos(lineno, col, lines=lines, offs=offs):
            # col offsets are utf-8 byte offsets
            line = lines[lineno - 1]
            return offs[lineno - 1] + len(line.encode()[:col].decode())

        edits = []
        modname = p.stem
        for n in ast.walk(tree):
            if isinstance(n, ast.Constant) and isinstance(n.value, str):
                if any(isinstance(a, ast.JoinedStr) for a in ancestors(n, parents)):
                    continue
                text = n.value
            elif isinstance(n, ast.JoinedStr):
                if any(
                    isinstance(a, (ast.JoinedStr, ast.FormattedValue))
                    for a in ancestors(n, parents)
                ):
                    continue
                text = "".join(v.value for v in n.values if isinstance(v, ast.Constant))
            else:
                continue
            if ONLY is not None and not any(
                a <= n.end_lineno and n.lineno <= b for a, b in ONLY.get(str(p), [])
            ):
                continue
            forced = f"{p}:{n.lineno}" in FORCE
            if FORCE and not forced:
                continue
            if not is_prose(text) and not forced:
                continue
            why = excluded(n, parents)
            if why == "skip":
                continue
            ctx = context_of(n, parents, modname)
            if why == "module" and mode not in ("mark", "qtmark"):
                report.append(f"{p}:{n.lineno}: module-level: {text[:60]!r}")
                continue
            if why != "module" and mode in ("mark", "qtmark"):
                continue
            seg_start = pos(n.lineno, n.col_offset)
            seg_end = pos(n.end_lineno, n.end_col_offset)
            seg = src[seg_start:seg_end]
            if isinstance(n, ast.JoinedStr):
                inner = [
                    c.value
                    for c in ast.walk(n)
                    if isinstance(c, ast.Constant)
                    and isinstance(c.value, str)
                    and parents.get(c) is not n
                    and is_prose(c.value)
                ]
                if inner:
                    report.append(f"{p}:{n.lineno}: prose inside f-string expression: {inner}")
                r = fstring(n, src, pos)
                if r is None:
                    report.append(f"{p}:{n.lineno}: complex f-string: {seg[:60]}")
                    continue
                tmpl, args = r
                lit = json.dumps(tmpl, ensure_ascii=False)
                call = wrapcall(mode, ctx, lit)
                new = call + ".format(" + ", ".join(f"{k}={v}" for k, v in args) + ")"
            else:
                new = wrapcall(mode, ctx, seg)
            edits.append((seg_start, seg_end, new))
        if not edits:
            continue
        edits.sort(reverse=True)
        out = src
        last = None
        for s, e, new in edits:
            if last is not None and e > last:
                continue  # overlapping
            out = out[:s] + new + out[e:]
            last = s
        out = add_import(out, mode, p)
        p.write_text(out)
        print(f"{p}: {len(edits)}")
    pathlib.Path(f"/tmp/i18n-wrap-{mode}.txt").write_text("\n".join(report))


def wrapcall(mode, ctx, lit):
    if mode == "qt":
        return f'QCoreApplication.translate("{ctx}", {lit})'
    if mode == "mark":
        return f"i18n.mark({lit})"
    if mode == "qtmark":
        return f'QT_TRANSLATE_NOOP("{ctx}", {lit})'
    return f"i18n.text({lit})"


def ancestors(n, parents):
    while n in parents:
        n = parents[n]
        yield n


def excluded(n, parents):  # noqa: C901 (one rule per line)
    child = n
    in_func = False
    for a in ancestors(n, parents):
        if isinstance(a, ast.Expr) and isinstance(child, ast.Constant):
            return "skip"  # docstring / bare
        if isinstance(a, ast.Dict) and child in a.keys:
            return "skip"
        if isinstance(a, ast.Subscript) and child is a.slice:
            return "skip"
        if isinstance(a, ast.Compare):
            return "skip"
        if isinstance(a, ast.arguments):
            return "skip"
        if isinstance(a, (ast.AnnAssign,)) and child is a.annotation:
            return "skip"
        if isinstance(a, ast.arg):
            return "skip"
        if isinstance(a, (ast.FunctionDef, ast.AsyncFunctionDef)) and child in a.decorator_list:
            return "skip"
        if isinstance(a, (ast.FunctionDef, ast.AsyncFunctionDef)) and child is a.returns:
            return "skip"
        if isinstance(a, ast.keyword) and a.arg in EXCL_KW:
            return "skip"
        if isinstance(a, ast.Call) and child is not a.func:
            f = a.func
            name = f.attr if isinstance(f, ast.Attribute) else getattr(f, "id", "")
            owner = getattr(f.value, "id", "") if isinstance(f, ast.Attribute) else ""
            if (
                name in EXCL_CALLS
                or owner in LOG_OWNERS
                or owner in ("os", "re", "sys", "shutil", "json")
            ):
                return "skip"
            if isinstance(f, ast.Attribute) and isinstance(f.value, ast.Constant):
                return "skip"  # "x".join
        if isinstance(a, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            in_func = True
            break
        if isinstance(a, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "__all__" for t in a.targets
        ):
            return "skip"
        child = a
    return None if in_func else "module"


def context_of(n, parents, modname):
    for a in ancestors(n, parents):
        if isinstance(a, ast.ClassDef):
            return a.name
    return modname


def fstring(n, src, pos):
    parts = []
    args = []
    names = {}
    for v in n.values:
        if isinstance(v, ast.Constant):
            parts.append(v.value.replace("{", "{{").replace("}", "}}"))
        else:
            e = v.value
            esrc = src[pos(e.lineno, e.col_offset) : pos(e.end_lineno, e.end_col_offset)]
            if "\n" in esrc:
                esrc = " ".join(x.strip() for x in esrc.splitlines())
            if isinstance(e, ast.Name):
                base = e.id
            elif isinstance(e, ast.Attribute):
                base = e.attr
            elif isinstance(e, ast.Call):
                f = e.func
                base = f.attr if isinstance(f, ast.Attribute) else getattr(f, "id", "value")
            else:
                base = "value"
            base = base.lstrip("_") or "value"
            if esrc in names:
                nm = names[esrc]
            else:
                nm = base
                i = 2
                while nm in names.values():
                    nm = f"{base}{i}"
                    i += 1
                names[esrc] = nm
                args.append((nm, esrc))
            conv = "" if v.conversion == -1 else "!" + chr(v.conversion)
            spec = ""
            if v.format_spec is not None:
                if any(not isinstance(x, ast.Constant) for x in v.format_spec.values):
                    return None
                spec = ":" + "".join(x.value for x in v.format_spec.values)
            parts.append("{" + nm + conv + spec + "}")
    return "".join(parts), args


def add_import(out, mode, p):
    if mode == "qtmark":
        pattern = r"^from headway_journal\.ui\.translated import .*QT_TRANSLATE_NOOP"
        if re.search(pattern, out, re.M):
            return out
        line = "from headway_journal.ui.translated import QT_TRANSLATE_NOOP\n"
    elif mode == "qt":
        if re.search(
            r"^from PySide6\.QtCore import [^\n]*\bQCoreApplication\b", out, re.M
        ) or re.search(r"^from PySide6\.QtCore import \([^)]*\bQCoreApplication\b", out, re.M):
            return out
        line = "from PySide6.QtCore import QCoreApplication\n"
    else:
        if re.search(r"^from (\.+|headway_journal) import .*\bi18n\b", out, re.M):
            return out
        depth = len(p.relative_to(ROOT).parts) - 1
        line = "from " + "." * (depth + 1) + " import i18n\n"
    m = re.search(r"^from __future__ import annotations\n", out, re.M)
    if m:
        return out[: m.end()] + "\n" + line + out[m.end() :]
    return line + out


FORCE = set(filter(None, os.environ.get("FORCE", "").split(",")))
# LINES=file.json: {"path": [[first, last], ...]}: only strings on those lines (a merge's new
# lines: `git diff -U0` of the merged tree against the translated branch)
ONLY = json.loads(pathlib.Path(os.environ["LINES"]).read_text()) if os.environ.get("LINES") else None
ROOT = pathlib.Path("headway_journal")
if __name__ == "__main__":
    mode = sys.argv[1]
    files = [pathlib.Path(f) for f in sys.argv[2:]]
    main(ROOT, mode, files)
