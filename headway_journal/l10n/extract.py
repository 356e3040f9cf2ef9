"""Find every translatable string in the source and keep the catalogs in step with it.

Recognised calls (literal arguments only; anything else cannot be translated and is an error):

- gettext, for the Qt-free layers: ``i18n.text("...")``, ``i18n.plural("...", "...", n)`` and
  ``i18n.mark("...")`` (a table entry translated later with ``i18n.text(entry)``);
- Qt, for the window: ``QCoreApplication.translate("Context", "...")`` (with ``None, n`` for
  plurals: ``"%n contact(s)"``), ``self.tr("...")`` (the context is the class) and
  ``QT_TRANSLATE_NOOP("Context", "...")``;
- a module's own shorthand for either: ``def _tr(text): return QCoreApplication.translate(
  "Context", text)`` (then ``_tr("...")``), and ``t = i18n.text`` (then ``t("...")``).

``update_catalogs()`` rewrites the .pot, merges it into every .po (Babel) and every .ts (its
translations kept; messages gone from the source kept as "vanished" so nothing is lost).
"""

from __future__ import annotations

import ast
import json
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from .catalogs import DOMAIN, LOCALE_DIR, po_path, pot_path, ts_path
from .language import DEFAULT, SUPPORTED

PACKAGE = Path(__file__).resolve().parent.parent
GETTEXT_CALLS = {"text": 1, "mark": 1, "plural": 2}


@dataclass(frozen=True)
class Message:
    """One translatable string: ``context`` is "" for gettext; ``plural`` its plural form
    (gettext) or True-ish "n" marker for Qt numerus messages."""

    source: str
    context: str = ""
    plural: str = ""
    numerus: bool = False
    places: tuple[str, ...] = field(default=(), compare=False)


def _literal(node: ast.expr | None) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def _aliases(tree: ast.Module) -> tuple[dict[str, str], set[str]]:
    """A module's shorthands: {function name: Qt context} for a module-level function that
    returns ``QCoreApplication.translate("Context", its argument)``, and the names bound to
    ``i18n.text`` anywhere in the module."""
    qt: dict[str, str] = {}
    for node in tree.body:
        if not (isinstance(node, ast.FunctionDef) and len(node.args.args) == 1
                and len(node.body) == 1 and isinstance(node.body[0], ast.Return)):
            continue
        call = node.body[0].value
        if (isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute)
                and call.func.attr == "translate" and len(call.args) == 2
                and isinstance(call.args[1], ast.Name)
                and call.args[1].id == node.args.args[0].arg):
            context = _literal(call.args[0])
            if context is not None:
                qt[node.name] = context
    gettext = {target.id for node in ast.walk(tree) if isinstance(node, ast.Assign)
               and isinstance(node.value, ast.Attribute) and node.value.attr == "text"
               and getattr(node.value.value, "id", "") == "i18n"
               for target in node.targets if isinstance(target, ast.Name)}
    return qt, gettext


class _Finder(ast.NodeVisitor):
    def __init__(self, where: str, aliases: tuple[dict[str, str], set[str]] = ({}, set())
                 ) -> None:
        self.where = where
        self.qt_aliases, self.text_aliases = aliases
        self.classes: list[str] = []
        self.gettext: list[tuple[str, str, int]] = []  # (singular, plural, line)
        self.qt: list[tuple[str, str, bool, int]] = []  # (context, source, numerus, line)
        self.problems: list[str] = []

    def visit_ClassDef(self, node: ast.ClassDef) -> None:  # noqa: N802 (ast's name)
        self.classes.append(node.name)
        self.generic_visit(node)
        self.classes.pop()

    def visit_Call(self, node: ast.Call) -> None:  # noqa: N802 (ast's name)
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        owner = func.value if isinstance(func, ast.Attribute) else None
        owner_name = getattr(owner, "id", "") if owner is not None else ""
        if owner_name == "i18n" and name in GETTEXT_CALLS:
            self._gettext(node, name)
        elif owner is None and name in self.text_aliases:
            self._gettext(node, "text")
        elif owner is None and name in self.qt_aliases:
            self._qt(node, self.qt_aliases[name], 0)
        elif name == "translate" and owner_name in ("QCoreApplication", "QApplication", "") or name == "QT_TRANSLATE_NOOP":
            self._qt(node, _literal(node.args[0]) if node.args else None, 1)
        elif name == "tr" and owner_name == "self" and self.classes:
            self._qt(node, self.classes[-1], 0)
        self.generic_visit(node)

    def _problem(self, node: ast.Call, args: list[ast.expr]) -> bool:
        """An f-string cannot be translated (its text changes): a bug to report. A name is a
        table entry marked elsewhere, translated here: nothing to extract."""
        if any(isinstance(a, ast.JoinedStr) for a in args):
            self.problems.append(f"{self.where}:{node.lineno}: an f-string cannot be "
                                 "translated; use a literal and .format()")
        return True

    def _gettext(self, node: ast.Call, name: str) -> None:
        args = [_literal(a) for a in node.args[:GETTEXT_CALLS[name]]]
        if len(args) < GETTEXT_CALLS[name] or any(a is None for a in args):
            self._problem(node, node.args)
            return
        self.gettext.append((args[0] or "", args[1] or "" if name == "plural" else "",
                             node.lineno))

    def _qt(self, node: ast.Call, context: str | None, index: int) -> None:
        source = _literal(node.args[index]) if len(node.args) > index else None
        if context is None or source is None:
            self._problem(node, node.args)
            return
        numerus = len(node.args) > index + 2
        self.qt.append((context, source, numerus, node.lineno))


def scan(root: Path = PACKAGE) -> tuple[list[Message], list[Message], list[str]]:
    """(gettext messages, Qt messages, problems) found under ``root``, in source order."""
    texts: dict[tuple[str, str], Message] = {}
    qts: dict[tuple[str, str], Message] = {}
    problems: list[str] = []
    for path in sorted(root.rglob("*.py")):
        rel = path.relative_to(root.parent).as_posix()
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=rel)
        finder = _Finder(rel, _aliases(tree))
        finder.visit(tree)
        problems.extend(finder.problems)
        for singular, plural, line in finder.gettext:
            old = texts.get((singular, ""))
            places = (old.places if old else ()) + (f"{rel}:{line}",)
            texts[(singular, "")] = Message(singular, "", plural or (old.plural if old else ""),
                                            False, places)
        for context, source, numerus, line in finder.qt:
            old = qts.get((context, source))
            places = (old.places if old else ()) + (f"{rel}:{line}",)
            qts[(context, source)] = Message(source, context, "", numerus, places)
    for source in data_texts() if root == PACKAGE else ():
        old = texts.get((source, ""))
        texts[(source, "")] = Message(source, "", "", False,
                                      (old.places if old else ()) + (DATA_PLACE,))
    return list(texts.values()), list(qts.values()), problems


DATA_PLACE = "headway_journal/journal/letters/bodies.json:1"


def data_texts() -> list[str]:
    """The texts of bodies.json that the app shows translated (``bodies.TRANSLATED_KEYS``)."""
    from headway_journal.journal.letters import bodies  # noqa: PLC0415 (a developer tool)
    data = json.loads(bodies.DATA_FILE.read_text(encoding="utf-8"))
    found: list[str] = [str(data[k]) for k in bodies.TRANSLATED_TOP_KEYS if data.get(k)]
    for kind in data["kinds"]:
        for key in bodies.TRANSLATED_KEYS:
            value = kind.get(key)
            found += [str(v) for v in value] if isinstance(value, list) else [str(value or "")]
        for clock in (kind.get("limit"), kind.get("reply")):
            found += [str(clock.get(k) or "") for k in bodies.TRANSLATED_CLOCK_KEYS] if clock else []
    return list(dict.fromkeys(t for t in found if t))


def write_pot(messages: list[Message], dest: Path | None = None) -> None:
    """Write the gettext template (Babel's writer)."""
    from babel.messages.catalog import Catalog  # noqa: PLC0415 (a developer tool)
    from babel.messages.pofile import read_po, write_po  # noqa: PLC0415
    target = dest or pot_path()
    created = None
    if target.is_file():  # keep the header's date: a diff shows only the messages that changed
        with target.open("rb") as source:
            created = read_po(source).creation_date
    catalog = Catalog(domain=DOMAIN, project="Headway Journal", charset="utf-8",
                      creation_date=created)
    for msg in messages:
        msgid: str | tuple[str, str] = (msg.source, msg.plural) if msg.plural else msg.source
        catalog.add(msgid, locations=[(p.rsplit(":", 1)[0], int(p.rsplit(":", 1)[1]))
                                      for p in msg.places])
    with target.open("wb") as out:
        write_po(out, catalog, width=100, sort_output=False, include_lineno=False)


def update_po(lang: str) -> None:
    """Merge the template into ``lang``'s .po (new entries empty, translations kept)."""
    from babel.messages.catalog import Catalog  # noqa: PLC0415 (a developer tool)
    from babel.messages.pofile import read_po, write_po  # noqa: PLC0415
    with pot_path().open("rb") as source:
        template = read_po(source)
    path = po_path(lang)
    if path.is_file():
        with path.open("rb") as source:
            catalog = read_po(source, locale=lang)
    else:
        catalog = Catalog(locale=lang, domain=DOMAIN, project="Headway Journal")
        path.parent.mkdir(parents=True, exist_ok=True)
    created = catalog.creation_date
    catalog.update(template, update_header_comment=False, no_fuzzy_matching=True)
    catalog.creation_date = created  # no date-only changes in the diff
    with path.open("wb") as out:
        write_po(out, catalog, width=100, ignore_obsolete=False, include_previous=False,
                 include_lineno=False)


def _read_ts(path: Path) -> dict[tuple[str, str], list[str]]:
    """(context, source) -> the translation (one text, or the numerus forms)."""
    known: dict[tuple[str, str], list[str]] = {}
    if not path.is_file():
        return known
    for ctx in ET.parse(path).getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            if tr is None or tr.get("type") == "unfinished":
                continue
            forms = [f.text or "" for f in tr.iter("numerusform")] or [tr.text or ""]
            if any(forms):
                known[(name, msg.findtext("source") or "")] = forms
    return known


def update_ts(lang: str, messages: list[Message]) -> None:
    """Rewrite ``lang``'s .ts with ``messages``, keeping every translation it had."""
    path = ts_path(lang)
    known = _read_ts(path)
    root = ET.Element("TS", version="2.1", language=lang)
    by_context: dict[str, list[Message]] = {}
    for msg in messages:
        by_context.setdefault(msg.context, []).append(msg)
    seen = {(m.context, m.source) for m in messages}
    for (context, source), forms in known.items():  # gone from the source: kept, not used
        if (context, source) not in seen:
            by_context.setdefault(context, []).append(
                Message(source, context, "", len(forms) > 1, ("vanished",)))
    for context, items in by_context.items():
        ctx = ET.SubElement(root, "context")
        ET.SubElement(ctx, "name").text = context
        for msg in items:
            _ts_message(ctx, msg, known.get((context, msg.source)))
    ET.indent(root)
    path.parent.mkdir(parents=True, exist_ok=True)
    body = ET.tostring(root, encoding="unicode")
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n",
                    encoding="utf-8")


def _ts_message(ctx: ET.Element, msg: Message, forms: list[str] | None) -> None:
    node = ET.SubElement(ctx, "message", numerus="yes") if msg.numerus else ET.SubElement(
        ctx, "message")
    for file in dict.fromkeys(p.rsplit(":", 1)[0] for p in msg.places if p != "vanished"):
        # files only: line numbers would change the catalogs with every edit elsewhere
        ET.SubElement(node, "location", filename=file)
    ET.SubElement(node, "source").text = msg.source
    tr = ET.SubElement(node, "translation")
    if msg.places == ("vanished",):
        tr.set("type", "vanished")
    elif not forms:
        tr.set("type", "unfinished")
    if msg.numerus:
        for form in (forms or ["", ""]):
            ET.SubElement(tr, "numerusform").text = form
    elif forms:
        tr.text = forms[0]


def languages() -> list[str]:
    """Every language with a catalog in the repository (besides English, the source)."""
    found = {p.parent.parent.name for p in LOCALE_DIR.glob(f"*/LC_MESSAGES/{DOMAIN}.po")}
    return sorted((found | set(SUPPORTED)) - {DEFAULT})


def update_catalogs() -> list[str]:
    """Extract, then update the .pot, every .po and every .ts; returns the problems found."""
    texts, qts, problems = scan()
    write_pot(texts)
    for lang in languages():
        update_po(lang)
        update_ts(lang, qts)
    return problems


def untranslated(lang: str) -> list[str]:
    """Every message of the source that ``lang``'s catalogs do not translate yet
    (gettext as ``po: text``, Qt as ``ts: Context: text``)."""
    from babel.messages.pofile import read_po  # noqa: PLC0415 (a developer tool)
    texts, qts, _problems = scan()
    missing: list[str] = []
    path = po_path(lang)
    catalog = None
    if path.is_file():
        with path.open("rb") as source:
            catalog = read_po(source, locale=lang)
    for msg in texts:
        entry = catalog.get(msg.source) if catalog is not None else None
        strings = (entry.string if isinstance(entry.string, tuple) else (entry.string,)
                   ) if entry is not None and not entry.fuzzy else ("",)
        if not all(strings):
            missing.append(f"po: {msg.source}")
    known = _read_ts(ts_path(lang))
    missing.extend(f"ts: {m.context}: {m.source}" for m in qts
                   if (m.context, m.source) not in known)
    return missing
