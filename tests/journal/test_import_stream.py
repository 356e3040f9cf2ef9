"""Import of large files as a stream, duplicate keys, and escaped messages."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from headway_journal.journal import interchange as ix
from headway_journal.journal import json_stream
from headway_journal.journal.interchange import bulk
from headway_journal.journal.json_stream import JsonFile, JsonFileError, StreamedObject
from headway_journal.journal.service import JournalService

from .test_interchange import counts


@pytest.fixture
def svc(tmp_path: Path) -> Iterator[JournalService]:
    s = JournalService.open(tmp_path / "journal")
    yield s
    s.close()


def contact(i: int, **extra: Any) -> dict[str, Any]:
    return {"key": f"k{i:05d}", "started_at": f"2026-03-02T{9 + i % 8:02d}:{i % 60:02d}:00-08:00",
            "channel": "phone", "summary": f"Call {i}", **extra}


def case(key: str, contacts: list[Any], **extra: Any) -> dict[str, Any]:
    return {"key": key, "title": f"Case {key}", "organization": "headway",
            "issue_type": "billing", "role": "client", "contacts": contacts, **extra}


def document(*cases: dict[str, Any], **top: Any) -> dict[str, Any]:
    return {"format": "headway-journal", "version": 1, **top, "cases": list(cases)}


def write_json(path: Path, doc: Any) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(doc, indent=1), encoding="utf-8")
    return path


def write_raw(path: Path, raw: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(raw, encoding="utf-8")
    return path


# --- streaming -------------------------------------------------------------------------------


def test_contacts_are_read_and_written_one_batch_at_a_time(
        svc: JournalService, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Rows of the first contacts reach the database before the last contact is parsed."""
    events: list[tuple[str, int]] = []
    read = 0
    real_elements = StreamedObject.elements
    real_insert = bulk.insert_many

    def elements(self: StreamedObject) -> Iterator[Any]:
        nonlocal read
        for item in real_elements(self):
            read += 1
            events.append(("read", read))
            yield item

    def insert_many(conn: Any, table: Any, rows: Any) -> None:
        if table.name == "contacts":
            events.append(("insert", len(rows)))
        real_insert(conn, table, rows)

    def no_whole_document(*_a: Any, **_k: Any) -> Any:
        raise AssertionError("the whole file was parsed at once")

    monkeypatch.setattr(StreamedObject, "elements", elements)
    monkeypatch.setattr(bulk, "insert_many", insert_many)
    monkeypatch.setattr(ix, "load_document", no_whole_document)
    monkeypatch.setattr(ix.json, "loads", no_whole_document)
    monkeypatch.setattr(bulk.NewRows, "FLUSH_AT", 20)
    n = 100
    path = write_json(tmp_path / "in" / "big.json", document(case("c-1", [contact(i) for i in
                                                                           range(n)])))
    summary = ix.import_journal(svc, path)

    assert summary.created == {"case": 1, "contact": n}
    first_insert = next(i for i, (kind, _n) in enumerate(events) if kind == "insert")
    reads_before = sum(1 for kind, _n in events[:first_insert] if kind == "read")
    assert reads_before < n // 2, events[:first_insert + 1]
    assert sum(k for kind, k in events if kind == "insert") == n
    assert svc.stats()["contacts"] == n


def test_a_bad_contact_after_written_batches_rolls_everything_back(
        svc: JournalService, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bulk.NewRows, "FLUSH_AT", 10)
    before = counts(svc)
    contacts: list[Any] = [contact(i) for i in range(60)]
    contacts.append(contact(60, started_at="2026-02-30T10:00:00-08:00"))
    path = write_json(tmp_path / "in" / "big.json", document(case("c-1", contacts)))
    with pytest.raises(ix.ImportError_) as exc:
        ix.import_journal(svc, path)
    assert str(exc.value).startswith(
        'cases[0] (key "c-1").contacts[60] (key "k00060").started_at:')
    assert counts(svc) == before


@pytest.mark.parametrize("order", ["contacts first", "title last", "notes first",
                                   "cases before organizations"])
def test_any_member_order_imports_the_same(svc: JournalService, tmp_path: Path,
                                           order: str) -> None:
    contacts = ", ".join(json.dumps(contact(i)) for i in range(3))
    org = '"organizations": [{"key": "acme", "name": "Acme Insurance"}]'
    members = {
        "contacts first": f'"contacts": [{contacts}], "key": "c-1", "title": "T", '
                          '"organization": "acme", "issue_type": "billing", "role": "client"',
        "title last": f'"key": "c-1", "organization": "acme", "issue_type": "billing", '
                      f'"role": "client", "contacts": [{contacts}], "notes": ["n"], "title": "T"',
        "notes first": f'"notes": ["n"], "key": "c-1", "title": "T", "organization": "acme", '
                       f'"issue_type": "billing", "role": "client", "contacts": [{contacts}]',
        "cases before organizations": f'"key": "c-1", "title": "T", "organization": "acme", '
                                      f'"issue_type": "billing", "role": "client", '
                                      f'"contacts": [{contacts}]',
    }[order]
    if order == "cases before organizations":
        raw = f'{{"format": "headway-journal", "version": 1, "cases": [{{{members}}}], {org}}}'
    else:
        raw = f'{{"format": "headway-journal", "version": 1, {org}, "cases": [{{{members}}}]}}'
    summary = ix.import_journal(svc, write_raw(tmp_path / "in" / "x.json", raw))
    assert summary.created["contact"] == 3
    assert summary.created["case"] == 1
    view = svc.get_case(svc.find_case("c-1"))
    assert view.title == "T" and view.organization.key == "acme"
    assert len(view.contacts) == 3


def test_in_memory_and_streamed_imports_write_the_same(tmp_path: Path) -> None:
    doc = document(case("c-1", [contact(i) for i in range(5)], notes=["a note"],
                        escalations=[{"key": "e1", "requested_on": "2026-03-03",
                                      "contact": "k00002"}]),
                   case("c-2", [contact(9)]))
    results = []
    for how in ("stream", "memory"):
        with JournalService.open(tmp_path / how) as s:
            if how == "stream":
                ix.import_journal(s, write_json(tmp_path / "in" / "a.json", doc))
            else:
                ix.import_document(s, json.loads(json.dumps(doc)), tmp_path)
            with s.journal.sessions() as db:
                results.append([tuple(r) for r in db.execute(text(
                    "SELECT c.key, t.key, t.summary, e.key, e.contact_id = t.id "
                    "FROM cases c JOIN contacts t ON t.case_id = c.id "
                    "LEFT JOIN escalations e ON e.case_id = c.id ORDER BY c.key, t.key"))])
    assert results[0] == results[1]
    assert ("c-1", "k00002", "Call 2", "e1", 1) in results[0]


def test_the_whole_file_is_checked_before_the_journal_is_touched(tmp_path: Path) -> None:
    raw = json.dumps(document(case("c-1", [contact(i) for i in range(5)])))
    path = write_raw(tmp_path / "bad.json", raw.replace('"Call 3"', '"Call 3",,'))
    with pytest.raises(ix.ImportError_, match=r"^bad\.json: not valid JSON"):
        ix.open_import_file(path)
    latin1 = tmp_path / "latin.json"
    latin1.write_bytes(raw.replace("Call 3", "Caf\xe9").encode("latin-1"))
    with pytest.raises(ix.ImportError_, match=r"^latin\.json: not UTF-8 text \(byte \d+\)"):
        ix.open_import_file(latin1)
    bom = tmp_path / "bom.json"
    bom.write_bytes(b"\xef\xbb\xbf" + raw.encode())
    assert ix.open_import_file(bom).top["format"] == "headway-journal"


# --- duplicate keys ----------------------------------------------------------------------------

DUPLICATES = [
    ("top level", '{"format": "headway-journal", "version": 1, "version": 1, "cases": []}',
     "version: is given more than once"),
    ("case", '{"format": "headway-journal", "version": 1, "cases": [{"key": "c-1", '
             '"title": "A", "title": "B", "organization": "headway", "issue_type": "billing", '
             '"role": "client", "contacts": []}]}',
     'cases[0] (key "c-1").title: is given more than once'),
    ("streamed contact", '{"format": "headway-journal", "version": 1, "cases": [{"key": "c-1", '
                         '"title": "A", "organization": "headway", "issue_type": "billing", '
                         '"role": "client", "contacts": [{"key": "k1", "channel": "phone", '
                         '"started_at": "2026-03-02T10:00:00-08:00", "channel": "chat"}]}]}',
     'cases[0] (key "c-1").contacts[0] (key "k1").channel: is given more than once'),
    ("fields", '{"format": "headway-journal", "version": 1, "cases": [{"key": "c-1", '
               '"title": "A", "organization": "headway", "issue_type": "billing", '
               '"role": "client", "fields": {"card_last4": "4242", "card_last4": "1111"}}]}',
     'cases[0] (key "c-1").fields.card_last4: is given more than once'),
    ("contacts twice", '{"format": "headway-journal", "version": 1, "cases": [{"key": "c-1", '
                       '"title": "A", "organization": "headway", "issue_type": "billing", '
                       '"role": "client", "contacts": [], "contacts": []}]}',
     'cases[0] (key "c-1").contacts: is given more than once'),
    ("after the contacts", '{"format": "headway-journal", "version": 1, "cases": [{"key": "c-1",'
                           ' "title": "A", "organization": "headway", "issue_type": "billing", '
                           '"role": "client", "notes": ["a"], "contacts": [], "notes": ["b"]}]}',
     'cases[0] (key "c-1").notes: is given more than once'),
    ("promise", '{"format": "headway-journal", "version": 1, "cases": [{"key": "c-1", '
                '"title": "A", "organization": "headway", "issue_type": "billing", '
                '"role": "client", "contacts": [{"key": "k1", "channel": "phone", '
                '"started_at": "2026-03-02T10:00:00-08:00", "promises": [{"text": "Refund", '
                '"business_days": 5, "business_days": 6}]}]}]}',
     'cases[0] (key "c-1").contacts[0] (key "k1").promises[0].business_days: is given more'),
    ("organization", '{"format": "headway-journal", "version": 1, "organizations": [{"key": '
                     '"acme", "name": "A", "name": "B"}]}',
     'organizations[0] (key "acme").name: is given more than once'),
]


@pytest.mark.parametrize(("raw", "expected"), [(r, e) for _n, r, e in DUPLICATES],
                         ids=[n for n, _r, _e in DUPLICATES])
def test_duplicate_keys_are_refused_naming_the_record_and_the_key(
        svc: JournalService, tmp_path: Path, raw: str, expected: str) -> None:
    before = counts(svc)
    path = write_raw(tmp_path / "in" / "dup.json", raw)
    with pytest.raises(ix.ImportError_) as exc:
        ix.import_journal(svc, path)
    assert str(exc.value).startswith(expected), str(exc.value)
    assert counts(svc) == before
    # the same through the in-memory path (json.loads with object_pairs_hook)
    with pytest.raises(ix.ImportError_) as exc:
        ix.import_document(svc, ix.load_document(path), path.parent)
    assert str(exc.value).startswith(expected), str(exc.value)
    assert counts(svc) == before


def test_pairs_hook_marks_repeated_keys() -> None:
    obj = json.loads('{"a": 1, "b": 2, "a": 3, "a": 4}', object_pairs_hook=json_stream.pairs_hook)
    assert json_stream.duplicate_keys(obj) == ["a"]
    assert json_stream.duplicate_keys(json.loads('{"a": 1}',
                                                 object_pairs_hook=json_stream.pairs_hook)) == []


def test_json_file_streams_elements_and_refuses_trailing_data(tmp_path: Path) -> None:
    path = write_raw(tmp_path / "a.json", '{"x": [{"k": 1, "in": [1, 2], "t": 3}, 7], "y": 2}')
    f = JsonFile(path)
    assert f.top("x", "in", ("t",)) == {"x": json_stream.STREAMED, "y": 2}
    assert f.streamable == [True, False]
    items = list(f.elements("x", "in"))
    assert isinstance(items[0], StreamedObject)
    assert items[0].head == {"k": 1}
    assert items[0].tail() == {"t": 3}  # the elements were skipped when not read
    assert items[1] == 7
    trailing = write_raw(tmp_path / "b.json", '{"x": []} []')
    with pytest.raises(JsonFileError, match="more than one document|trailing"):
        JsonFile(trailing).top("x")


# --- messages echo input escaped -----------------------------------------------------------------

def test_a_json_key_with_terminal_escapes_is_shown_escaped(svc: JournalService,
                                                           tmp_path: Path) -> None:
    evil = "\x1b]0;pwned\x07\x1b[2J\u202eevil" + "x" * 200
    doc = document(case("c-1", [], **{evil: 1}))
    with pytest.raises(ix.ImportError_) as exc:
        ix.import_journal(svc, write_json(tmp_path / "in" / "a.json", doc))
    message = str(exc.value)
    for raw in ("\x1b", "\x07", "\u202e"):
        assert raw not in message
        assert all(raw not in p for p in exc.value.problems)
    assert "\\x1b]0;pwned\\x07\\x1b[2J\\u202eevil" in message
    shown = message.split('cases[0] (key "c-1").', 1)[1].split(":", 1)[0]
    assert len(shown) == 80 and shown.endswith("…")


def test_a_case_key_and_a_file_name_with_escapes_are_shown_escaped(svc: JournalService,
                                                                   tmp_path: Path) -> None:
    doc = document(case("c-\x1b[31m-\x9b", []))
    with pytest.raises(ix.ImportError_) as exc:
        ix.import_journal(svc, write_json(tmp_path / "in" / "a.json", doc))
    assert "\x1b" not in str(exc.value) and "\x9b" not in str(exc.value)
    assert "\\x1b[31m" in str(exc.value)
    name = tmp_path / "in" / "bad\x1b[2J\u2066name.json"
    name.write_text("{", encoding="utf-8")
    with pytest.raises(ix.ImportError_) as exc:
        ix.import_journal(svc, name)
    assert str(exc.value).startswith("bad\\x1b[2J\\u2066name.json: not valid JSON")
