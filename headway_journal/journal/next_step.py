"""What to do right after a promise was broken: the next step of the escalation path, and the
documents to have ready for it, taken from what the case holds.

The step itself comes from ``deadlines.next_escalation_step`` (the path in DOMAIN.md: call back and
ask for a supervisor, then a formal written complaint, then an outside body with the case file);
this module adds the list of what to bring, naming the tickets, the broken promise and who made
it, every missed promise, the resolution wanted, and what the outside body asks for (state insurance department, CFPB,
HHS Office for Civil Rights).
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import i18n
from . import deadlines as dl
from .records import CaseView, PromiseView

CASE_FILE = i18n.mark("The case file (File > Export case file…): the dated timeline, every promise and " \
            "whether it was kept, and the numbered exhibits")


@dataclass(frozen=True)
class NextStepAdvice:
    """What to do next on a case, and the documents to have ready for it."""
    step: int  # 2, 3 or 4 of the escalation path
    text: str  # "Step 2. Promise missed: call back …"
    documents: tuple[str, ...]  # what to have ready, most specific first


def _day(p: PromiseView) -> str:
    d = p.due.due_on
    return f"{d:%b} {d.day}, {d.year}"


def _who_promised(case: CaseView, p: PromiseView) -> str:
    contact = next((c for c in case.contacts if c.id == p.contact_id), None)
    if contact is None:
        return ""
    who = ", ".join(x for x in (contact.rep_name, contact.rep_title) if x)
    when = contact.started_at.date()
    said = i18n.text(" (promised by {who} on {when:%b} {day})").format(who=who, when=when, day=when.day) if who else \
        i18n.text(" (promised on {when:%b} {day})").format(when=when, day=when.day)
    return said


def _tickets(case: CaseView) -> str:
    if case.tickets:
        word = i18n.text("Ticket number") if len(case.tickets) == 1 else i18n.text("Ticket numbers")
        return f"{word}: {', '.join(case.tickets)}"
    return i18n.text("A ticket number: none is on file, so ask for one first")


def _missed(case: CaseView) -> str:
    missed = [p for p in case.promises if p.status == "broken" or p.state.code == "overdue"]
    listed = "; ".join(f"“{p.text}” due {_day(p)}" for p in missed[:5])
    more = i18n.text(" and {value} more").format(value=len(missed) - 5) if len(missed) > 5 else ""
    return i18n.text("Every missed promise with its due date: {listed}{more}").format(listed=listed, more=more)


def _wanted(case: CaseView) -> str:
    amount = i18n.text(" ({amount_label} disputed)").format(amount_label=case.amount_label) if case.amount_label else ""
    if case.desired_outcome:
        return i18n.text("The resolution you want: {desired_outcome}{amount}").format(desired_outcome=case.desired_outcome, amount=amount)
    return i18n.text("The resolution you want{amount}: write it down first (Edit case)").format(amount=amount)


def _outside_documents(case: CaseView) -> list[str]:
    it = case.issue_type
    if it == "insurance":
        return [i18n.text("Copies of the denial letters and the plan's correspondence"),
                i18n.text("Proof that you contacted the insurer first: the dated record of every contact")]
    if it in ("billing", "provider_payment"):
        return [i18n.text("A narrative of at most about 4,000 characters with no account numbers in it"),
                i18n.text("The statement or receipt showing the charge")]
    if it == "privacy":
        return [i18n.text("A written complaint that names {name} and describes what happened, within 180 days of when you learned of it").format(name=case.organization.name)]
    return []


def after_broken_promise(case: CaseView, promise: PromiseView) -> NextStepAdvice:
    """The next step once ``promise`` is broken, counting the escalations already made."""
    count = len(case.escalations)
    text = dl.next_escalation_step(case.issue_type, count, promise_broken=True)
    step = min(count + 2, 4)
    docs: list[str] = [_tickets(case)]
    if step == 2:
        docs.append(i18n.text("The broken promise: “{text}”, due {day}{who_promised}").format(text=promise.text, day=_day(promise), who_promised=_who_promised(case, promise)))
        docs.append(i18n.text("Ask for a supervisor or the escalation owner, and their name and title"))
        docs.append(i18n.text("A new commitment in writing: ask for it by e-mail or in the ticket"))
        return NextStepAdvice(step, text, tuple(docs))
    docs += [_missed(case), _wanted(case)]
    if step == 4:
        docs += _outside_documents(case)
    docs.append(i18n.text(CASE_FILE))
    return NextStepAdvice(step, text, tuple(docs))
