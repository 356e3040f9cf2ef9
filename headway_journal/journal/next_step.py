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

from . import deadlines as dl
from .records import CaseView, PromiseView

CASE_FILE = "The case file (File > Export case file…): the dated timeline, every promise and " \
            "whether it was kept, and the numbered exhibits"


@dataclass(frozen=True)
class NextStepAdvice:
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
    said = f" (promised by {who} on {when:%b} {when.day})" if who else \
        f" (promised on {when:%b} {when.day})"
    return said


def _tickets(case: CaseView) -> str:
    if case.tickets:
        word = "Ticket number" if len(case.tickets) == 1 else "Ticket numbers"
        return f"{word}: {', '.join(case.tickets)}"
    return "A ticket number: none is on file, so ask for one first"


def _missed(case: CaseView) -> str:
    missed = [p for p in case.promises if p.status == "broken" or p.state.code == "overdue"]
    listed = "; ".join(f"“{p.text}” due {_day(p)}" for p in missed[:5])
    more = f" and {len(missed) - 5} more" if len(missed) > 5 else ""
    return f"Every missed promise with its due date: {listed}{more}"


def _wanted(case: CaseView) -> str:
    amount = f" ({case.amount_label} disputed)" if case.amount_label else ""
    if case.desired_outcome:
        return f"The resolution you want: {case.desired_outcome}{amount}"
    return f"The resolution you want{amount}: write it down first (Edit case)"


def _outside_documents(case: CaseView) -> list[str]:
    it = case.issue_type
    if it == "insurance":
        return ["Copies of the denial letters and the plan's correspondence",
                "Proof that you contacted the insurer first: the dated record of every contact"]
    if it in ("billing", "provider_payment"):
        return ["A narrative of at most about 4,000 characters with no account numbers in it",
                "The statement or receipt showing the charge"]
    if it == "privacy":
        return [f"A written complaint that names {case.organization.name} and describes what "
                "happened, within 180 days of when you learned of it"]
    return []


def after_broken_promise(case: CaseView, promise: PromiseView) -> NextStepAdvice:
    """The next step once ``promise`` is broken, counting the escalations already made."""
    count = len(case.escalations)
    text = dl.next_escalation_step(case.issue_type, count, promise_broken=True)
    step = min(count + 2, 4)
    docs: list[str] = [_tickets(case)]
    if step == 2:
        docs.append(f"The broken promise: “{promise.text}”, due {_day(promise)}"
                    f"{_who_promised(case, promise)}")
        docs.append("Ask for a supervisor or the escalation owner, and their name and title")
        docs.append("A new commitment in writing: ask for it by e-mail or in the ticket")
        return NextStepAdvice(step, text, tuple(docs))
    docs += [_missed(case), _wanted(case)]
    if step == 4:
        docs += _outside_documents(case)
    docs.append(CASE_FILE)
    return NextStepAdvice(step, text, tuple(docs))
