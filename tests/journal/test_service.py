from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from headway_journal.journal.case_queries import SUMMARY_PAGE
from headway_journal.journal.records import (
    CaseFilter,
    CaseInput,
    ChannelInput,
    ContactInput,
    EscalationInput,
    OrganizationInput,
    PromiseInput,
)
from headway_journal.journal.search import fts_query
from headway_journal.journal.service import JournalService, NotFound, ValidationError

PST = timezone(timedelta(hours=-8))


@pytest.fixture
def svc(store: str | Path) -> Iterator[JournalService]:
    """An open journal, once in a folder (SQLite) and once on the PostgreSQL server."""
    s = JournalService.open(store)
    yield s
    s.close()


def headway(svc: JournalService) -> int:
    org = svc.organization_by_key("headway")
    assert org is not None
    return org.id


def billing_case(svc: JournalService, **kw: object) -> int:
    data = CaseInput(title="Double charge for 12 Nov session", organization_id=headway(svc),
                     issue_type="billing", role="client", amount_disputed="$100",
                     fields={"invoice_numbers": "INV-2231", "card_last4": "4242"},
                     summary="Charged twice for one session", desired_outcome="Refund")
    for k, v in kw.items():
        setattr(data, k, v)
    return svc.create_case(data)


def test_headway_is_preloaded_with_channels_needing_verification(svc: JournalService) -> None:
    org = svc.organization_by_key("headway")
    assert org is not None
    values = [c.value for c in org.channels]
    assert "(833) 384-1044" in values
    assert all(c.verified_on is None for c in org.channels)
    assert "not verified" in org.channels[0].verification
    assert "no dedicated inbound phone line" in org.notes


def test_seed_happens_once(store: str | Path) -> None:
    with JournalService.open(store) as s:
        assert len(s.organizations()) == 1
    with JournalService.open(store) as s:
        assert len(s.organizations()) == 1


def test_create_case_and_view(svc: JournalService) -> None:
    cid = billing_case(svc)
    case = svc.get_case(cid)
    assert case.title == "Double charge for 12 Nov session"
    assert case.amount_label == "$100.00"
    assert case.fields == {"invoice_numbers": "INV-2231", "card_last4": "4242"}
    assert case.issue_label == "Billing / refund"
    assert svc.history(cid)[0].action == "create"


def test_case_validation_collects_every_error(svc: JournalService) -> None:
    with pytest.raises(ValidationError) as exc:
        svc.create_case(CaseInput(title="", organization_id=headway(svc),
                                  issue_type="provider_credentialing", role="client",
                                  amount_disputed="-3", fields={"npi": "1234567890"}))
    errs = exc.value.errors
    assert {"title", "amount_disputed", "fields.npi"} <= set(errs)
    assert "check digit" in errs["fields.npi"]
    assert svc.count_cases() == 0


def test_card_number_refused_in_free_text(svc: JournalService) -> None:
    with pytest.raises(ValidationError, match="last 4 digits"):
        billing_case(svc, summary="card 4111-1111-1111-1111 was charged")


def test_log_contact_with_promise_escalation_and_tickets(svc: JournalService) -> None:
    cid = billing_case(svc)
    # 22:30 in California on Friday 2026-11-20 is that Friday's call (UTC date is Saturday).
    svc.log_contact(cid, ContactInput(
        started_at=datetime(2026, 11, 20, 22, 30, tzinfo=PST),
        ended_at=datetime(2026, 11, 20, 22, 44, tzinfo=PST), channel="phone", hold_minutes=6,
        rep_name="Priya Raman", rep_title="Supervisor", tickets=["ESC-77310", "ESC-77310", "T-2"],
        summary="Supervisor accepted escalation",
        promises=[PromiseInput("written reply", business_days=5),
                  PromiseInput("call back", hours=48)],
        escalation=EscalationInput(date(2026, 11, 20), owner_name="Priya Raman",
                                   owner_title="Supervisor", reference="ESC-77310"),
    ))
    case = svc.get_case(cid, now=datetime(2026, 11, 23, 12, tzinfo=UTC))
    assert case.status == "escalated"
    contact = case.contacts[0]
    assert contact.tickets == ("ESC-77310", "T-2")
    assert contact.duration_minutes == 14
    bd, hours = contact.promises
    # Fri + 5 business days skipping Thanksgiving 2026-11-26 -> Mon Nov 30? Mon23 Tue24 Wed25 Fri27 Mon30
    assert bd.due.due_on == date(2026, 11, 30)
    assert hours.due.due_at == datetime(2026, 11, 22, 22, 30, tzinfo=PST)
    assert hours.state.code == "overdue"
    assert case.escalations[0].owner_name == "Priya Raman"
    assert svc.representatives(headway(svc))[0] == ("Priya Raman", "Supervisor", "")


def test_absurd_promise_and_times_refused(svc: JournalService) -> None:
    cid = billing_case(svc)
    start = datetime(2026, 11, 20, 10, tzinfo=PST)
    for bad in (PromiseInput("x", business_days=0), PromiseInput("x", business_days=-2),
                PromiseInput("x", business_days=10**9), PromiseInput("x"),
                PromiseInput("x", business_days=2, hours=3)):
        with pytest.raises(ValidationError) as exc:
            svc.log_contact(cid, ContactInput(started_at=start, channel="phone", promises=[bad]))
        assert "promises[0].due" in exc.value.errors
    with pytest.raises(ValidationError) as exc:
        svc.log_contact(cid, ContactInput(started_at=start, channel="phone",
                                          ended_at=start - timedelta(minutes=5), hold_minutes=-1))
    assert {"ended_at", "hold_minutes"} <= set(exc.value.errors)
    with pytest.raises(ValidationError, match="offset"):
        svc.log_contact(cid, ContactInput(started_at=datetime(2026, 11, 20, 10), channel="phone"))
    with pytest.raises(ValidationError, match="future"):
        svc.log_contact(cid, ContactInput(started_at=datetime.now(UTC) + timedelta(days=3),
                                          channel="phone"))
    assert svc.get_case(cid).contacts == ()


def test_edit_contact_is_recorded_and_keeps_promise_status(svc: JournalService) -> None:
    cid = billing_case(svc)
    ct = svc.log_contact(cid, ContactInput(started_at=datetime(2026, 11, 2, 9, tzinfo=PST),
                                           channel="chat", rep_name="Sam",
                                           promises=[PromiseInput("refund", business_days=3)]))
    pid = svc.get_case(cid).contacts[0].promises[0].id
    svc.set_promise_status(pid, "kept")
    data = svc.contact_input(ct)
    data.rep_name = "Sam Ortiz"
    data.tickets = ["CH-1"]
    svc.update_contact(ct, data)
    c = svc.get_case(cid).contacts[0]
    assert c.rep_name == "Sam Ortiz" and c.tickets == ("CH-1",)
    assert c.promises[0].status == "kept"
    last = svc.history(cid)[-1]
    assert last.action == "update" and last.changes["rep_name"] == ["Sam", "Sam Ortiz"]


def test_delete_and_restore_case_and_contact(svc: JournalService) -> None:
    cid = billing_case(svc)
    ct = svc.log_contact(cid, ContactInput(started_at=datetime(2026, 11, 2, 9, tzinfo=PST),
                                           channel="email", summary="zebra words"))
    svc.delete_contact(ct)
    assert svc.get_case(cid).contacts == ()
    assert svc.search("zebra") == []
    svc.restore_contact(ct)
    assert len(svc.search("zebra")) == 1
    svc.delete_case(cid)
    with pytest.raises(NotFound):
        svc.get_case(cid)
    assert svc.count_cases(CaseFilter(view="deleted")) == 1
    svc.restore_case(cid)
    assert svc.get_case(cid).contacts[0].summary == "zebra words"
    assert [h.action for h in svc.history(cid)][-4:] == ["delete", "restore", "delete", "restore"]


def test_search_ignores_accents_and_survives_hostile_syntax(svc: JournalService) -> None:
    cid = billing_case(svc)
    svc.log_contact(cid, ContactInput(started_at=datetime(2026, 11, 2, 9, tzinfo=PST),
                                      channel="phone", rep_name="José Núñez",
                                      tickets=["TK-5531"], summary="promised a callback"))
    assert svc.search("nunez")[0].kind == "contact"
    assert svc.search("TK-5531")[0].case_id == cid
    assert svc.search("callb")  # prefix on the last token
    for hostile in ('x" OR', "NEAR(", "*", "AND", '"', "title:foo", "^a"):
        svc.search(hostile)  # never raises
    assert svc.search("INV-2231")[0].kind == "case"  # issue-type field values are indexed
    assert fts_query('say "hi"') == '"say" """hi"""*'


def test_the_due_views_ids_read_at_start_keep_the_lists_order(svc: JournalService) -> None:
    """In a folder the 'due' view's ids come back as one row and are put in order in Python
    (docs/performance.md, item 18): the same order as the list's own query, ties on a
    deadline by the newest case first, over more cases than a page."""
    cases = [billing_case(svc, title=f"Case {n}") for n in range(130)]
    for n, cid in enumerate(cases):
        if n % 5 == 4:
            continue  # no promise: not in the view
        svc.log_contact(cid, ContactInput(
            started_at=datetime(2026, 11, 2 + n % 3, 9, tzinfo=PST), channel="phone",
            promises=[PromiseInput("call back", business_days=1 + n % 4)]))
    day = date(2026, 11, 12)
    counts, due_ids = svc.view_counts_and_due_ids(today=day)
    assert due_ids == svc.case_ids(CaseFilter(view="due"), day)
    assert counts["due"] == len(due_ids) == 104 and len(set(due_ids)) == 104
    page = svc.case_summaries(due_ids, day)
    keys = [(s.next_due, -s.id) for s in page]
    assert keys == sorted(keys)  # by deadline, then the newest case first
    assert svc.view_counts_and_due_ids(today=date(2026, 10, 1))[1] == []  # none due yet


def test_a_page_of_the_list_keeps_every_character_and_date(svc: JournalService) -> None:
    """The list's page is read as one row of JSON in a folder: titles with quotes,
    backslashes, accents, emoji and line-like text come back as typed, dates as dates."""
    title = 'Said "refund\\n" \\ café 🙂 — [1,2] {x}'
    cid = billing_case(svc, title=title, opened_on=date(2026, 10, 30))
    svc.log_contact(cid, ContactInput(started_at=datetime(2026, 11, 2, 9, tzinfo=PST),
                                      channel="phone", promises=[PromiseInput("x", business_days=2)]))
    (summary,) = svc.case_summaries([cid], date(2026, 11, 3))
    assert summary.title == title and summary.organization == "Headway"
    assert summary.opened_on == date(2026, 10, 30) and summary.next_due == date(2026, 11, 4)
    assert summary.contact_count == 1 and not summary.overdue
    assert svc.case_summaries([cid + 1000]) == []  # an id that is not there: nothing


def test_case_list_views_and_next_deadline(svc: JournalService) -> None:
    a = billing_case(svc)
    b = billing_case(svc, title="Waiting on refund", status="waiting")
    c = billing_case(svc, title="Done", status="resolved")
    svc.log_contact(a, ContactInput(started_at=datetime(2026, 11, 2, 9, tzinfo=PST),
                                    channel="phone", promises=[PromiseInput("x", business_days=2)]))
    today = date(2026, 11, 10)
    due = svc.list_cases(CaseFilter(view="due"), today=today)
    assert [s.id for s in due] == [a]
    assert due[0].overdue and due[0].next_due == date(2026, 11, 4)
    assert {s.id for s in svc.list_cases(CaseFilter(view="active"))} == {a, b}
    assert [s.id for s in svc.list_cases(CaseFilter(view="resolved"))] == [c]
    assert [s.id for s in svc.list_cases(CaseFilter(text="waiting"))] == [b]
    ids = svc.case_ids(CaseFilter(sort="title"))
    assert [s.title for s in svc.case_summaries(ids)] == [
        "Done", "Double charge for 12 Nov session", "Waiting on refund"]
    counts = svc.view_counts(today=today)
    assert counts["due"] == 1 and counts["all"] == 3
    svc.delete_case(c)
    counts = svc.view_counts(today=today)
    views = ("due", "active", "waiting", "escalated", "resolved", "all", "deleted")
    assert counts == {v: svc.count_cases(CaseFilter(view=v), today) for v in views}
    assert counts["deleted"] == 1 and counts["all"] == 2
    # the window's start: the counts and the 'due' view's list from one pass, the same as
    # the list read on its own, in the same order
    for day in (today, date(2026, 10, 1), date(2027, 1, 1)):
        both, due_ids = svc.view_counts_and_due_ids(today=day)
        assert both == svc.view_counts(today=day)
        assert due_ids == svc.case_ids(CaseFilter(view="due"), day)
        assert both["due"] == len(due_ids)
        # and what the window shows first: the same, with the due view's first page
        counts, first_ids, page = svc.first_screen(today=day)
        assert (counts, first_ids) == (both, due_ids)
        assert page == svc.case_summaries(due_ids[:SUMMARY_PAGE], day)
        assert [s.id for s in page] == due_ids[:SUMMARY_PAGE]


def test_due_items_and_notification_once(svc: JournalService) -> None:
    cid = billing_case(svc)
    svc.log_contact(cid, ContactInput(started_at=datetime(2026, 11, 2, 9, tzinfo=PST),
                                      channel="phone", rep_name="Ana",
                                      promises=[PromiseInput("refund", business_days=1)]))
    now = datetime(2026, 11, 6, 12, tzinfo=UTC)
    items = svc.overdue_unnotified(now)
    assert len(items) == 1 and items[0].contact == "Phone, Ana"
    assert "overdue" in items[0].promise.state.label
    svc.mark_notified([items[0].promise.id])
    assert svc.overdue_unnotified(now) == []


def test_holiday_country_setting_recomputes_deadlines(svc: JournalService) -> None:
    cid = billing_case(svc)
    # Thanksgiving (US) is not a holiday in Great Britain.
    svc.log_contact(cid, ContactInput(started_at=datetime(2026, 11, 25, 9, tzinfo=PST),
                                      channel="phone", promises=[PromiseInput("x", business_days=1)]))
    assert svc.get_case(cid).contacts[0].promises[0].due.due_on == date(2026, 11, 27)
    svc.set_setting("holiday_country", "GB")
    assert svc.get_case(cid).contacts[0].promises[0].due.due_on == date(2026, 11, 26)
    assert svc.list_cases()[0].next_due == date(2026, 11, 26)


def test_organization_editor_validates_hours_and_zone(svc: JournalService) -> None:
    with pytest.raises(ValidationError) as exc:
        svc.save_organization(OrganizationInput(name="Blue Harbor", channels=[
            ChannelInput(kind="phone", value="800-555-0100", hours="Mon-Fri 9-5",
                         timezone="Mars/Olympus")]))
    assert {"channels[0].hours", "channels[0].timezone"} <= set(exc.value.errors)
    oid = svc.save_organization(OrganizationInput(name="Blue Harbor", channels=[
        ChannelInput(kind="phone", value="800-555-0100", hours="Mon-Fri 08:00-20:00",
                     timezone="America/Chicago", verified_on=date(2026, 11, 1),
                     verified_from="member card")]))
    ch = svc.organization(oid).channels[0]
    assert ch.verification == "verified on 2026-11-01 from member card"


def test_channels_for_role_and_privacy(svc: JournalService) -> None:
    cid = svc.create_case(CaseInput(title="Records shared", organization_id=headway(svc),
                                    issue_type="privacy", role="clinician",
                                    fields={"what_happened": "x", "learned_on": "2026-11-01"}))
    case = svc.get_case(cid)
    audiences = {c.audience for c in svc.channels_for(case)}
    assert audiences == {"any", "clinician", "privacy"}
    assert svc.safety_note("privacy") and svc.safety_note("billing") is None
    clocks = svc.outside_clocks(case)
    assert clocks and clocks[0].deadline == date(2026, 11, 1) + timedelta(days=180)


def test_find_case_by_key_or_number(svc: JournalService) -> None:
    cid = billing_case(svc, key="case-abc")
    assert svc.find_case("case-abc") == cid
    assert svc.find_case(str(cid)) == cid
    with pytest.raises(NotFound, match="key or number"):
        svc.find_case("nope")


def test_notes_and_profile(svc: JournalService) -> None:
    cid = billing_case(svc)
    svc.add_note(cid, "Remember the EOB from March")
    assert svc.get_case(cid).notes[0].body == "Remember the EOB from March"
    assert svc.search("EOB")[0].kind == "note"
    svc.set_profile(name="Ana Lima", email="ana@example.com")
    assert svc.profile() == {"name": "Ana Lima", "email": "ana@example.com"}


def test_attachment_lifecycle(svc: JournalService, tmp_path: Path) -> None:
    cid = billing_case(svc)
    src = tmp_path / "receipt.txt"
    src.write_bytes(b"receipt 100.00 USD\n")
    aid = svc.add_attachment(cid, src, caption="Receipt")
    a = svc.attachment(aid)
    assert a.media_type == "text/plain" and a.size == src.stat().st_size
    assert svc.attachment_path(aid).read_bytes() == src.read_bytes()
    svc.remove_attachment(aid)
    case = svc.get_case(cid)
    assert case.attachments == () and case.removed_attachments[0].id == aid
    svc.restore_attachment(aid)
    svc.remove_attachment(aid)
    assert svc.empty_removed_attachments(cid) == 1
    assert not svc.attachment_path_exists(a.sha256) if hasattr(svc, "attachment_path_exists") \
        else not svc.store.exists(a.sha256)
    assert svc.check() == []


def test_attaching_an_image_makes_its_print_copy(svc: JournalService, tmp_path: Path) -> None:
    """The case file's print-size copy is made when the image is attached, not at the first
    case file; other files get none."""
    from PIL import Image

    cid = billing_case(svc)
    shot = tmp_path / "portal.png"
    Image.new("RGB", (2400, 1200), (240, 240, 244)).save(shot, "PNG")
    text = tmp_path / "notes.txt"
    text.write_bytes(b"called twice\n")
    image = svc.attachment(svc.add_attachment(cid, shot, caption="Portal"))
    svc.add_attachment(cid, text)
    folder = svc.store.root / "print" / "1600"
    made = sorted(p for p in folder.rglob("*") if p.is_file())
    assert made == [folder / image.sha256[:2] / (image.sha256[2:] + ".png")]
    stamp = made[0].stat().st_mtime_ns
    copy = svc.store.print_copy(image.sha256)  # what the case file asks for: found, checked
    assert copy is not None and copy.path == made[0] and (copy.width, copy.height) == (1600, 800)
    assert made[0].stat().st_mtime_ns == stamp


def test_check_reports_altered_exhibit(svc: JournalService, tmp_path: Path) -> None:
    cid = billing_case(svc)
    src = tmp_path / "shot.txt"
    src.write_bytes(b"evidence")
    aid = svc.add_attachment(cid, src)
    path = svc.attachment_path(aid)
    path.chmod(0o600)
    path.write_bytes(b"tampered")
    if svc.journal.kind == "postgresql":  # only the local copy: made again from the database
        assert svc.check() == []
        assert svc.attachment_path(aid).read_bytes() == b"evidence"
        return
    problems = svc.check()
    assert problems and "altered" in problems[0]


# --- editing a contact keeps its promises and escalation -----------------------------------------


LATER = datetime(2026, 12, 15, tzinfo=UTC)  # after every deadline below


def three_promises(svc: JournalService) -> tuple[int, int, list[int]]:
    cid = billing_case(svc)
    ct = svc.log_contact(cid, ContactInput(
        started_at=datetime(2026, 11, 2, 9, tzinfo=PST), channel="phone", summary="First.",
        promises=[PromiseInput("refund issued", business_days=5),
                  PromiseInput("e-mail the summary", hours=4),
                  PromiseInput("written answer", due_on=date(2026, 12, 1))]))
    return cid, ct, [p.id for p in svc.get_case(cid).contacts[0].promises]


def test_unrelated_edit_keeps_promise_ids_statuses_and_reminders(svc: JournalService) -> None:
    cid, ct, ids = three_promises(svc)
    svc.set_promise_status(ids[1], "kept")
    svc.mark_notified([ids[0]])
    data = svc.contact_input(ct)
    assert [p.id for p in data.promises] == ids
    data.summary = "Corrected."
    svc.update_contact(ct, data)
    [contact] = svc.get_case(cid).contacts
    assert contact.summary == "Corrected."
    assert [p.id for p in contact.promises] == ids
    assert [p.status for p in contact.promises] == ["pending", "kept", "pending"]
    # the reminder already shown for the first promise is not shown again
    reminders = {d.promise.id for d in svc.overdue_unnotified(LATER)}
    assert ids[0] not in reminders and ids[2] in reminders
    # the status change in the history still names a promise that exists
    [status] = [h for h in svc.history(cid) if h.entity == "promise"]
    assert status.entity_id == ids[1] and status.changes["status"] == ["pending", "kept"]
    last = svc.history(cid)[-1]
    assert (last.entity, last.action) == ("contact", "update")
    assert set(last.changes) == {"summary"}


def test_edit_without_ids_still_keeps_promises(svc: JournalService) -> None:
    """A caller that builds the promises afresh (no ids) keeps them by content, then in order."""
    cid, ct, ids = three_promises(svc)
    svc.set_promise_status(ids[0], "broken")
    data = svc.contact_input(ct)
    data.promises = [PromiseInput("refund issued", business_days=5),
                     PromiseInput("e-mail the full summary", hours=4),  # reworded
                     PromiseInput("written answer", due_on=date(2026, 12, 1))]
    svc.update_contact(ct, data)
    promises = svc.get_case(cid).contacts[0].promises
    assert [p.id for p in promises] == ids
    assert promises[0].status == "broken"
    assert promises[1].text == "e-mail the full summary"


def test_edited_removed_and_added_promises(svc: JournalService) -> None:
    cid, ct, ids = three_promises(svc)
    svc.set_promise_status(ids[1], "kept")
    svc.mark_notified([ids[0]])
    data = svc.contact_input(ct)
    first, _second, third = data.promises
    first.business_days = 7
    data.promises = [first, third, PromiseInput("call back", business_days=1)]
    svc.update_contact(ct, data)
    promises = svc.get_case(cid).contacts[0].promises
    assert [p.id for p in promises][:2] == [ids[0], ids[2]]
    added = promises[2]
    assert added.id not in ids and added.text == "call back" and added.status == "pending"
    # new terms, new deadline (12 Nov 2026 is two business days later than 10 Nov: Veterans Day)
    assert promises[0].business_days == 7 and promises[0].due.due_on == date(2026, 11, 12)
    # a new deadline earns a new reminder
    assert ids[0] in {d.promise.id for d in svc.overdue_unnotified(LATER)}
    history = svc.history(cid)
    [erased] = [h for h in history if h.action == "erase"]
    assert (erased.entity, erased.entity_id) == ("promise", ids[1])
    assert erased.changes == {"promise": "e-mail the summary (within 4 hours)", "status": "kept"}
    update = history[-1]
    assert update.changes["promises"][1] == [
        "refund issued (within 7 business days)", "written answer (by 2026-12-01)",
        "call back (within 1 business days)"]


def test_status_given_in_an_edit_is_applied_and_recorded(svc: JournalService) -> None:
    cid, ct, ids = three_promises(svc)
    data = svc.contact_input(ct)
    data.promises[2].status = "kept"
    svc.update_contact(ct, data)
    promises = svc.get_case(cid).contacts[0].promises
    assert [p.status for p in promises] == ["pending", "pending", "kept"]
    assert [p.id for p in promises] == ids
    [change] = [h for h in svc.history(cid) if h.action == "status"]
    assert (change.entity_id, change.changes["status"]) == (ids[2], ["pending", "kept"])


def test_start_moved_recomputes_deadlines_in_place(svc: JournalService) -> None:
    cid, ct, ids = three_promises(svc)
    data = svc.contact_input(ct)
    data.started_at = datetime(2026, 11, 3, 9, tzinfo=PST)
    svc.update_contact(ct, data)
    promises = svc.get_case(cid).contacts[0].promises
    assert [p.id for p in promises] == ids
    assert promises[0].due.due_on == date(2026, 11, 10)  # 5 business days, Veterans Day
    assert promises[1].due.due_at == datetime(2026, 11, 3, 13, tzinfo=PST)


def test_contact_input_carries_the_escalation_and_edits_keep_it(svc: JournalService) -> None:
    cid = billing_case(svc)
    ct = svc.log_contact(cid, ContactInput(
        started_at=datetime(2026, 11, 2, 9, tzinfo=PST), channel="phone",
        escalation=EscalationInput(date(2026, 11, 2), owner_name="Priya Raman",
                                   owner_title="Support supervisor", reference="ESC-1")))
    data = svc.contact_input(ct)
    assert data.escalation is not None
    assert (data.escalation.owner_name, data.escalation.owner_title,
            data.escalation.reference) == ("Priya Raman", "Support supervisor", "ESC-1")
    [esc] = svc.get_case(cid).escalations
    assert data.escalation.key == esc.key
    data.summary = "Edited."
    svc.update_contact(ct, data)  # the same escalation given back: no duplicate, no change
    assert svc.get_case(cid).escalations == (esc,)
    assert not [h for h in svc.history(cid) if h.entity == "escalation" and h.action == "update"]
    data.escalation.owner_title = "Escalations lead"
    svc.update_contact(ct, data)
    [esc2] = svc.get_case(cid).escalations
    assert (esc2.id, esc2.owner_title, esc2.contact_id) == (esc.id, "Escalations lead", ct)
    [upd] = [h for h in svc.history(cid) if h.entity == "escalation" and h.action == "update"]
    assert upd.changes == {"owner_title": ["Support supervisor", "Escalations lead"]}
    data.escalation = None  # leaves it alone
    svc.update_contact(ct, data)
    assert svc.get_case(cid).escalations == (esc2,)


def test_escalation_added_when_editing_a_contact(svc: JournalService) -> None:
    cid = billing_case(svc)
    ct = svc.log_contact(cid, ContactInput(started_at=datetime(2026, 11, 2, 9, tzinfo=PST),
                                           channel="chat"))
    data = svc.contact_input(ct)
    assert data.escalation is None
    data.escalation = EscalationInput(date(2026, 11, 2), owner_name="Alexei Smirnov",
                                      owner_title="Escalations lead")
    svc.update_contact(ct, data)
    case = svc.get_case(cid)
    [esc] = case.escalations
    assert (esc.owner_name, esc.owner_title, esc.contact_id) == (
        "Alexei Smirnov", "Escalations lead", ct)
    assert case.status == "escalated"
    again = svc.contact_input(ct).escalation
    assert again is not None and again.key == esc.key and again.owner_name == "Alexei Smirnov"
    # invalid escalation text: nothing of the edit is written
    data = svc.contact_input(ct)
    data.summary = "not saved"
    assert data.escalation is not None
    data.escalation.owner_name = "card 4111 1111 1111 1111"
    with pytest.raises(ValidationError) as err:
        svc.update_contact(ct, data)
    assert "escalation.owner_name" in err.value.errors
    assert svc.get_case(cid).contacts[0].summary == ""


def test_escalation_of_a_contact_survives_export_and_import(svc: JournalService,
                                                            tmp_path: Path) -> None:
    from headway_journal.journal import interchange

    cid = billing_case(svc, key="case-1")
    ct = svc.log_contact(cid, ContactInput(
        started_at=datetime(2026, 11, 2, 9, tzinfo=PST), channel="phone", key="k-1",
        escalation=EscalationInput(date(2026, 11, 2), level="escalations team",
                                   owner_name="Priya Raman", owner_title="Support supervisor")))
    (tmp_path / "out").mkdir()
    interchange.export_journal(svc, tmp_path / "out" / "journal.json")
    with JournalService.open(tmp_path / "other") as fresh:
        interchange.import_journal(fresh, tmp_path / "out" / "journal.json")
        new_ct = fresh.get_case(fresh.find_case("case-1")).contacts[0].id
        assert fresh.contact_input(new_ct).escalation == svc.contact_input(ct).escalation
