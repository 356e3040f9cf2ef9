"""Example texts ("e.g. ...") shown in empty form fields, one set per issue type.

Keyed by the issue-type registry's keys (``issue_types.ISSUE_TYPES``): every type has its own
examples, so a privacy complaint's form does not suggest a double charge. A type added to the
registry without examples gets the neutral ``GENERIC`` ones (and a test asks for its own).
"""

from __future__ import annotations

from dataclasses import astuple, dataclass

from .. import i18n

__all__ = ["EXAMPLES", "GENERIC", "FormExamples", "examples_for"]


@dataclass(frozen=True)
class FormExamples:
    title: str  # the case's short name
    summary: str  # what happened
    desired_outcome: str
    amount: str  # the amount in dispute ("" when this kind of case rarely has one)
    contact_outcome: str  # a contact's "where it stands now"
    promise: str  # a promise line's "what was promised"
    rep_title: str  # the representative's title


GENERIC = FormExamples(
    title=i18n.mark("e.g. Problem with my account since March"),
    summary=i18n.mark("What happened, in a few sentences."),
    desired_outcome=i18n.mark("e.g. The problem fixed, with a written confirmation."),
    amount="",
    contact_outcome=i18n.mark("Where it stands now, e.g. passed to a supervisor, waiting for a reply."),
    promise=i18n.mark("what was promised, e.g. written reply"),
    rep_title=i18n.mark("e.g. Support specialist, Supervisor"),
)

EXAMPLES: dict[str, FormExamples] = {
    "account": FormExamples(
        title=i18n.mark("e.g. Locked out after the password reset"),
        summary=i18n.mark("What happened, e.g. the reset link expires before it opens; two-factor codes "
                "go to an old phone number."),
        desired_outcome=i18n.mark("e.g. Access restored and the phone number on the account corrected."),
        amount="",
        contact_outcome=i18n.mark("Where it stands now, e.g. identity check sent, waiting for the unlock."),
        promise=i18n.mark("what was promised, e.g. account unlocked"),
        rep_title=i18n.mark("e.g. Member support specialist, Supervisor"),
    ),
    "appointment": FormExamples(
        title=i18n.mark("e.g. Session cancelled without notice on Nov 3"),
        summary=i18n.mark("What happened, e.g. the therapist did not join the video session and no one "
                "told me why."),
        desired_outcome=i18n.mark("e.g. A new appointment this week and the late-cancellation fee waived."),
        amount="",
        contact_outcome=i18n.mark("Where it stands now, e.g. care team contacting the therapist."),
        promise=i18n.mark("what was promised, e.g. new appointment offered"),
        rep_title=i18n.mark("e.g. Care coordinator, Supervisor"),
    ),
    "billing": FormExamples(
        title=i18n.mark("e.g. Double charge for the 12 Nov session"),
        summary=i18n.mark("What happened, in a few sentences. No full card or account numbers."),
        desired_outcome=i18n.mark("e.g. Refund of the duplicate $100 charge."),
        amount=i18n.mark("e.g. 100.00"),
        contact_outcome=i18n.mark("Where it stands now, e.g. refund approved, waiting for supervisor."),
        promise=i18n.mark("what was promised, e.g. refund issued"),
        rep_title=i18n.mark("e.g. Billing specialist, Supervisor"),
    ),
    "insurance": FormExamples(
        title=i18n.mark("e.g. Claim for the October sessions denied as out of network"),
        summary=i18n.mark("What happened, e.g. the plan denied the claims although Headway showed the "
                "therapist as in network."),
        desired_outcome=i18n.mark("e.g. The claims reprocessed as in network and the EOB corrected."),
        amount=i18n.mark("e.g. 480.00"),
        contact_outcome=i18n.mark("Where it stands now, e.g. claim sent back for reprocessing."),
        promise=i18n.mark("what was promised, e.g. claim reprocessed"),
        rep_title=i18n.mark("e.g. Claims specialist, Appeals coordinator"),
    ),
    "provider_credentialing": FormExamples(
        title=i18n.mark("e.g. Aetna credentialing pending since August"),
        summary=i18n.mark("What happened, e.g. the application was submitted on Aug 4 and has shown "
                "\u201cin review\u201d since."),
        desired_outcome=i18n.mark("e.g. Credentialing completed with an effective date."),
        amount="",
        contact_outcome=i18n.mark("Where it stands now, e.g. file sent to the payer, waiting for "
                        "the effective date."),
        promise=i18n.mark("what was promised, e.g. status update from the credentialing team"),
        rep_title=i18n.mark("e.g. Credentialing specialist, Provider Support lead"),
    ),
    "provider_payment": FormExamples(
        title=i18n.mark("e.g. October payout missing for 6 sessions"),
        summary=i18n.mark("What happened, e.g. the Nov 1 payout left out the sessions of Oct 14 to 18."),
        desired_outcome=i18n.mark("e.g. The missing sessions paid with the next payout."),
        amount=i18n.mark("e.g. 720.00"),
        contact_outcome=i18n.mark("Where it stands now, e.g. payout team checking the sessions."),
        promise=i18n.mark("what was promised, e.g. missing sessions paid"),
        rep_title=i18n.mark("e.g. Provider payments specialist, Supervisor"),
    ),
    "technical": FormExamples(
        title=i18n.mark("e.g. Video session freezes on the iPhone app"),
        summary=i18n.mark("What happened, e.g. the video stops after a minute on every session since "
                "the last app update."),
        desired_outcome=i18n.mark("e.g. A working fix, and the lost session rescheduled."),
        amount="",
        contact_outcome=i18n.mark("Where it stands now, e.g. passed to the engineering team."),
        promise=i18n.mark("what was promised, e.g. fix released"),
        rep_title=i18n.mark("e.g. Technical support agent, Escalations lead"),
    ),
    "privacy": FormExamples(
        title=i18n.mark("e.g. Diagnosis shared with my employer's plan"),
        summary=i18n.mark("What was disclosed or refused, to whom, and how you learned of it."),
        desired_outcome=i18n.mark("e.g. A written account of the disclosure and who received it."),
        amount="",
        contact_outcome=i18n.mark("Where it stands now, e.g. complaint passed to the Privacy Officer."),
        promise=i18n.mark("what was promised, e.g. written account of the disclosure"),
        rep_title=i18n.mark("e.g. Privacy Officer, Compliance specialist"),
    ),
}


def examples_for(issue_type: str | None) -> FormExamples:
    """The examples for ``issue_type`` (a registry key), in the current language; neutral
    ones for anything else."""
    ex = EXAMPLES.get(issue_type or "", GENERIC)
    texts = astuple(ex)
    translated = tuple(i18n.text(text) if text else text for text in texts)
    return ex if translated == texts else FormExamples(*translated)
