"""Hostile input, proved with Hypothesis: validators, the service and the JSON import never fail
with anything but their documented error, and text that is accepted comes back as written
(modulo the documented normalisation: CR/CRLF become LF, C0/C1 control characters other than tab
and newline are dropped, long text is stripped, one-line text has its whitespace collapsed)."""

from __future__ import annotations

import contextlib
import copy
import importlib.util
import json
import logging
import sqlite3
import unicodedata
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from headway_journal.journal.issue_types import ISSUE_TYPES, FieldError, FieldSpec
from headway_journal.journal.records import CaseInput, ContactInput, EscalationInput, PromiseInput
from headway_journal.journal.service import JournalService, ValidationError
from headway_journal.journal.validation import MAX_LONG, MAX_TEXT

SETTINGS = settings(max_examples=50, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture,
                                           HealthCheck.too_slow])

HOSTILE = ["", " ", "\x00", "a\x00b", "\u202eevil\u202c", "\u200f\u05e9\u05dc\u05d5\u05dd",
           "👩\u200d⚕️", "e\u0301", "\ud800", "x\udfff", '" OR 1=1 --', "x\" OR", "*", "NEAR(",
           "\r\n\r", "\u2028\u2029", "\x85", "\x7f\x9f", "\t", "4242 4242 4242 4242", "٣٤٥",
           "ＡＢＣ", "\ufeff", "\uffff", "a" * 600, "%s%n{0}", "<script>", "Núñez"]

_chars = st.characters(exclude_categories=())  # surrogates and unassigned code points included
any_text = st.one_of(
    st.text(_chars, max_size=80),
    st.sampled_from(HOSTILE),
    st.builds(lambda s, n: s * n, st.text(_chars, min_size=1, max_size=4), st.integers(0, 3000)),
    st.lists(st.sampled_from(HOSTILE), max_size=6).map("".join),
)
any_value = st.one_of(
    any_text, st.none(), st.booleans(), st.integers(), st.floats(), st.decimals(),
    st.binary(max_size=20), st.lists(st.integers(), max_size=3), st.dates(),
)


def normalise(value: str, *, long: bool) -> str:
    """The documented normalisation of accepted text (written independently of the service)."""
    v = value.replace("\r\n", "\n").replace("\r", "\n")
    v = "".join(ch for ch in v if ch in "\n\t" or unicodedata.category(ch) != "Cc")
    return v.strip() if long else " ".join(v.split())


ALL_SPECS: list[tuple[str, FieldSpec]] = [
    (it.key, spec) for it in ISSUE_TYPES.values() for spec in it.fields
]


# --------------------------------------------------------------------------- the registry


@SETTINGS
@given(spec=st.sampled_from(ALL_SPECS), value=any_value)
def test_every_field_validator_raises_only_field_error(spec: tuple[str, FieldSpec],
                                                       value: Any) -> None:
    _key, field = spec
    try:
        out = field.normalize(value)
    except FieldError as exc:
        assert str(exc)  # a sentence for the user
        return
    assert isinstance(out, str)
    assert field.normalize(out) == out  # normalising is idempotent


@SETTINGS
@given(issue=st.sampled_from(sorted(ISSUE_TYPES)),
       values=st.dictionaries(st.one_of(any_text, st.sampled_from([f.name for _k, f in ALL_SPECS])),
                              any_value, max_size=6))
def test_issue_type_validate_never_raises(issue: str, values: dict[str, Any]) -> None:
    clean, errors = ISSUE_TYPES[issue].validate(values)
    assert set(clean).isdisjoint(errors)
    assert all(isinstance(v, str) and v for v in clean.values())


# --------------------------------------------------------------------------- the service


@pytest.fixture(scope="module")
def svc(tmp_path_factory: pytest.TempPathFactory) -> Iterator[JournalService]:
    s = JournalService.open(tmp_path_factory.mktemp("hostile") / "journal")
    yield s
    s.close()


@pytest.fixture(scope="module")
def case_id(svc: JournalService) -> int:
    org = svc.organization_by_key("headway")
    assert org is not None
    return svc.create_case(CaseInput(title="Hostile input", organization_id=org.id,
                                     issue_type="technical", role="client"))


def _org(svc: JournalService) -> int:
    org = svc.organization_by_key("headway")
    assert org is not None
    return org.id


@SETTINGS
@given(title=any_text, summary=any_text, desired=any_text, amount=any_value,
       currency=any_text, fields=st.dictionaries(st.sampled_from(["device", "steps", "app_version",
                                                                  "bogus"]), any_value, max_size=3))
def test_create_case_raises_only_validation_error_and_round_trips(
    svc: JournalService, title: str, summary: str, desired: str, amount: Any, currency: str,
    fields: dict[str, Any],
) -> None:
    data = CaseInput(title=title, organization_id=_org(svc), issue_type="technical",
                     role="client", summary=summary, desired_outcome=desired,
                     amount_disputed=amount, currency=currency, fields=fields)
    try:
        cid = svc.create_case(data)
    except ValidationError as exc:
        assert exc.errors and all(isinstance(m, str) and m for m in exc.errors.values())
        return
    case = svc.get_case(cid)
    assert case.title == normalise(title, long=False)
    assert case.summary == normalise(summary, long=True)
    assert case.desired_outcome == normalise(desired, long=True)
    assert len(case.title) <= MAX_TEXT and len(case.summary) <= MAX_LONG
    assert svc.search(case.title) is not None


@SETTINGS
@given(rep=any_text, title=any_text, rep_id=any_text, summary=any_text, outcome=any_text,
       tickets=st.lists(any_text, max_size=4), promise=any_text)
def test_log_contact_raises_only_validation_error_and_round_trips(
    svc: JournalService, case_id: int, rep: str, title: str, rep_id: str, summary: str,
    outcome: str, tickets: list[str], promise: str,
) -> None:
    data = ContactInput(started_at=datetime.now(UTC) - timedelta(hours=3), channel="chat",
                        rep_name=rep, rep_title=title, rep_id=rep_id, summary=summary,
                        outcome=outcome, tickets=tickets,
                        promises=[PromiseInput(promise, business_days=3)])
    try:
        ct = svc.log_contact(case_id, data)
    except ValidationError as exc:
        assert exc.errors
        return
    view = next(c for c in svc.get_case(case_id).contacts if c.id == ct)
    assert view.rep_name == normalise(rep, long=False)
    assert view.rep_title == normalise(title, long=False)
    assert view.rep_id == normalise(rep_id, long=False)
    assert view.summary == normalise(summary, long=True)
    assert view.outcome == normalise(outcome, long=True)
    want = []
    for t in tickets:
        n = normalise(t, long=False)  # ticket numbers are one-line text
        if n and n not in want:
            want.append(n)
    assert list(view.tickets) == want
    assert [p.text for p in view.promises] == [normalise(promise, long=False)]


@SETTINGS
@given(device=any_text, steps=any_text, n=st.integers(0, 10**9))
def test_accepted_field_values_never_poison_search(svc: JournalService, device: str, steps: str,
                                                   n: int) -> None:
    marker = f"fieldmarker{n}"
    try:
        cid = svc.create_case(CaseInput(title="Fields", organization_id=_org(svc),
                                        issue_type="technical", role="client",
                                        fields={"device": f"{marker} {device}", "steps": steps}))
    except ValidationError:
        return
    assert cid in {h.case_id for h in svc.search(marker)}
    svc.get_case(cid)


def test_lone_surrogates_are_refused_not_stored(svc: JournalService, case_id: int) -> None:
    for bad in ("\ud800", "ok \udfff ok"):
        with pytest.raises(ValidationError):
            svc.create_case(CaseInput(title=bad, organization_id=_org(svc),
                                      issue_type="technical", role="client"))
        with pytest.raises(ValidationError):
            svc.create_case(CaseInput(title="t", organization_id=_org(svc),
                                      issue_type="technical", role="client",
                                      fields={"device": bad}))
        with pytest.raises(ValidationError):
            svc.log_contact(case_id, ContactInput(started_at=datetime.now(UTC), channel="chat",
                                                  summary=bad))
        assert isinstance(svc.search(bad), list)


@pytest.mark.parametrize("zone", ["America", "x" * 300, "../../etc/passwd", "Europe/"])
def test_impossible_channel_time_zones_are_refused(svc: JournalService, zone: str) -> None:
    from headway_journal.journal.records import ChannelInput, OrganizationInput

    with pytest.raises(ValidationError, match="time zone"):
        svc.save_organization(OrganizationInput(name="Zones", channels=[
            ChannelInput(kind="phone", value="(800) 555-0100", timezone=zone)]))


def test_datetimes_where_dates_belong_are_refused(svc: JournalService, case_id: int) -> None:
    moment = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)
    with pytest.raises(ValidationError):
        svc.create_case(CaseInput(title="t", organization_id=_org(svc), issue_type="technical",
                                  role="client", opened_on=moment))
    with pytest.raises(ValidationError):
        svc.add_escalation(case_id, EscalationInput(requested_on=moment))
    svc.get_case(case_id)


@SETTINGS
@given(query=any_text)
def test_search_never_fails(svc: JournalService, case_id: int, query: str) -> None:
    hits = svc.search(query)
    assert isinstance(hits, list)


_zones = st.one_of(st.none(), st.just(UTC),
                   st.integers(-23 * 60 - 59, 23 * 60 + 59).map(
                       lambda m: timezone(timedelta(minutes=m))))
any_moment = st.one_of(st.datetimes(timezones=_zones), st.dates(), st.none(), st.integers(),
                       any_text)
any_day = st.one_of(st.dates(), st.datetimes(timezones=_zones), st.none(), st.integers(),
                    any_text)
any_count = st.one_of(st.none(), st.integers(), st.booleans(), st.floats(), st.sampled_from(
    [0, -1, 1, 260, 261, 2160, 2161, 10**18]))


@SETTINGS
@given(started=any_moment, ended=any_moment, hold=any_count, bdays=any_count, hours=any_count,
       due_on=any_day, requested=any_day)
def test_impossible_dates_and_numbers_raise_only_validation_error(
    svc: JournalService, case_id: int, started: Any, ended: Any, hold: Any, bdays: Any,
    hours: Any, due_on: Any, requested: Any,
) -> None:
    data = ContactInput(started_at=started, ended_at=ended, channel="phone", hold_minutes=hold,
                        promises=[PromiseInput("Call back", business_days=bdays, hours=hours,
                                               due_on=due_on)],
                        escalation=EscalationInput(requested_on=requested))
    with contextlib.suppress(ValidationError):
        svc.log_contact(case_id, data)
    svc.get_case(case_id)  # whatever was accepted can be read back


@SETTINGS
@given(opened=any_day, requested=any_day)
def test_case_and_escalation_dates_raise_only_validation_error(
    svc: JournalService, case_id: int, opened: Any, requested: Any
) -> None:
    try:
        cid = svc.create_case(CaseInput(title="Dates", organization_id=_org(svc),
                                        issue_type="technical", role="client", opened_on=opened))
        svc.get_case(cid)
    except ValidationError:
        pass
    with contextlib.suppress(ValidationError):
        svc.add_escalation(case_id, EscalationInput(requested_on=requested))
    svc.get_case(case_id)


def test_no_log_record_carries_case_contents(svc: JournalService, case_id: int,
                                             caplog: pytest.LogCaptureFixture) -> None:
    secret = "Zanzibar-Quokka-7731"
    caplog.set_level(logging.DEBUG)
    cid = svc.create_case(CaseInput(title=f"Title {secret}", organization_id=_org(svc),
                                    issue_type="technical", role="client",
                                    summary=f"Summary {secret}"))
    ct = svc.log_contact(cid, ContactInput(started_at=datetime.now(UTC) - timedelta(hours=1),
                                           channel="phone", summary=f"Said {secret}",
                                           tickets=[f"T-{secret}"]))
    svc.add_attachment(cid, f"exhibit {secret}".encode(), original_name=f"{secret}.txt",
                       contact_id=ct)
    svc.add_note(cid, f"note {secret}")
    svc.search(secret)
    with pytest.raises(ValidationError):
        svc.log_contact(cid, ContactInput(started_at=datetime.now(UTC), channel="fax",
                                          summary=secret))
    svc.check()
    leaked = [r for r in caplog.records if secret in r.getMessage() or secret in str(r.args)]
    assert leaked == []


# --------------------------------------------------------------------------- the JSON import

HAS_INTERCHANGE = importlib.util.find_spec("headway_journal.journal.interchange") is not None


def _counts(svc: JournalService) -> dict[str, int]:
    con = sqlite3.connect(f"file:{svc.journal.db_path}?mode=ro", uri=True)
    try:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("organizations", "channels", "cases", "contacts", "tickets", "promises",
                          "escalations", "attachments", "notes", "changes", "settings")}
    finally:
        con.close()


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """A valid export document with a bit of everything, to mutate."""
    from headway_journal.journal import interchange

    folder = tmp_path_factory.mktemp("export")
    with JournalService.open(folder / "journal") as src:
        org = _org(src)
        cid = src.create_case(CaseInput(title="Refund", organization_id=org, issue_type="billing",
                                        role="client", summary="Charged twice",
                                        fields={"card_last4": "4242"}))
        src.log_contact(cid, ContactInput(
            started_at=datetime(2026, 3, 2, 10, 0, tzinfo=timezone(timedelta(hours=-5))),
            channel="phone", rep_name="Priya", tickets=["TCK-1"],
            promises=[PromiseInput("Refund", business_days=5)],
            escalation=EscalationInput(requested_on=date(2026, 3, 2), owner_name="Marco")))
        src.add_note(cid, "A note")
        out = folder / "export.json"
        interchange.export_journal(src, out)
    doc: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    for case in doc.get("cases", []):
        case.pop("attachments", None)  # exhibits need files beside the document
    return doc


def _paths(obj: Any, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield prefix
    if isinstance(obj, dict):
        for k, v in obj.items():
            yield from _paths(v, (*prefix, k))
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            yield from _paths(v, (*prefix, i))


json_value = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False),
              any_text.filter(lambda s: len(s) < 3000)),
    lambda inner: st.one_of(st.lists(inner, max_size=3),
                            st.dictionaries(st.text(max_size=8), inner, max_size=3)),
    max_leaves=6,
)


@pytest.mark.skipif(not HAS_INTERCHANGE, reason="journal.interchange is not written yet")
@settings(max_examples=50, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=st.data())
def test_import_is_all_or_nothing_and_raises_only_its_documented_error(
    svc: JournalService, exported: dict[str, Any], tmp_path_factory: pytest.TempPathFactory,
    data: st.DataObject,
) -> None:
    from headway_journal.journal import interchange

    doc = copy.deepcopy(exported)
    paths = [p for p in _paths(doc) if p]
    for _ in range(data.draw(st.integers(1, 3), label="mutations")):
        path = data.draw(st.sampled_from(paths), label="path")
        parent: Any = doc
        try:
            for part in path[:-1]:
                parent = parent[part]
            if isinstance(parent, dict):
                parent[path[-1]] = data.draw(json_value, label="value")
            elif isinstance(parent, list) and path[-1] < len(parent):
                if data.draw(st.booleans(), label="delete"):
                    del parent[path[-1]]
                else:
                    parent[path[-1]] = data.draw(json_value, label="value")
        except (KeyError, IndexError, TypeError):
            assume(False)
    before = _counts(svc)
    try:
        interchange.import_document(svc, doc, tmp_path_factory.getbasetemp())
    except interchange.ImportError_ as exc:
        assert str(exc)
        assert _counts(svc) == before
    assert svc.check() == []
