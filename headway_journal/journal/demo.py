"""Sample data for ``headway-journal --demo``, screenshots and tests. Never imports Qt.

``populate_demo(service)`` fills a journal with realistic, fictional cases relative to today, so
the demo always has something overdue, something due soon, kept and broken promises, an
escalation, exhibits and a resolved case. All names, numbers and addresses are made up.
"""

from __future__ import annotations

import io
from datetime import UTC, date, datetime, timedelta, tzinfo
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from .records import (
    CaseInput,
    ChannelInput,
    ContactInput,
    EscalationInput,
    OrganizationInput,
    PromiseInput,
)
from .service import JournalService, NotFound

if TYPE_CHECKING:  # pragma: no cover - Pillow is imported lazily at run time
    from PIL import Image, ImageFont

__all__ = ["DEMO_MARKER_KEY", "error_dialog_png", "populate_demo", "receipt_png"]

DEMO_MARKER_KEY = "demo-billing-double-charge"

LA = ZoneInfo("America/Los_Angeles")
NY = ZoneInfo("America/New_York")
CHICAGO = ZoneInfo("America/Chicago")


# --- generated "screenshots" -------------------------------------------------------------------


def _font(size: int) -> ImageFont.ImageFont | ImageFont.FreeTypeFont:
    from PIL import ImageFont

    return ImageFont.load_default(size=size)


def _png(img: Image.Image) -> bytes:
    buf = io.BytesIO()
    img.save(buf, "PNG", optimize=True)
    return buf.getvalue()


def receipt_png(charged_on: date, amount: str = "$150.00", card_last4: str = "4242") -> bytes:
    """A fake card-statement screenshot showing the same session charged twice."""
    from PIL import Image, ImageDraw

    img = Image.new("RGB", (720, 430), "white")
    d = ImageDraw.Draw(img)
    big, mid, small = _font(26), _font(18), _font(15)
    d.rectangle((0, 0, 720, 64), fill=(22, 62, 112))
    d.text((24, 18), "Card activity  -  Visa ending " + card_last4, fill="white", font=big)
    d.text((24, 84), "Pending and posted transactions", fill=(90, 90, 90), font=small)
    rows = [
        (charged_on - timedelta(days=9), "GROCERY MARKET #118", "$42.17", False),
        (charged_on, "HEADWAY.CO  THERAPY SESSION", amount, True),
        (charged_on, "HEADWAY.CO  THERAPY SESSION", amount, True),
        (charged_on + timedelta(days=2), "CITY TRANSIT", "$2.75", False),
    ]
    y = 120
    for day, what, amt, flagged in rows:
        if flagged:
            d.rectangle((16, y - 8, 704, y + 40), fill=(255, 236, 236), outline=(200, 40, 40))
        d.text((28, y), day.strftime("%b %d, %Y"), fill=(40, 40, 40), font=mid)
        d.text((190, y), what, fill=(20, 20, 20), font=mid)
        d.text((600, y), amt, fill=(20, 20, 20), font=mid)
        y += 62
    d.text((28, y + 6), "Two identical charges for one session (same day, same amount).",
           fill=(170, 30, 30), font=small)
    d.text((28, y + 30), "Screenshot taken for the billing dispute.", fill=(90, 90, 90),
           font=small)
    return _png(img)


def error_dialog_png(code: str = "403", when: datetime | None = None) -> bytes:
    """A fake app error dialog (the lockout screenshot)."""
    from PIL import Image, ImageDraw

    img = Image.new("RGB", (640, 360), (236, 239, 243))
    d = ImageDraw.Draw(img)
    title, mid, small = _font(22), _font(17), _font(14)
    d.rounded_rectangle((60, 50, 580, 310), radius=14, fill="white", outline=(180, 186, 196),
                        width=2)
    d.rectangle((62, 52, 578, 96), fill=(245, 246, 248))
    d.text((84, 62), "Sign in", fill=(30, 30, 30), font=title)
    d.ellipse((90, 124, 140, 174), fill=(206, 43, 43))
    d.text((115, 149), "!", fill="white", font=title, anchor="mm")
    d.text((160, 124), "Something went wrong", fill=(30, 30, 30), font=title)
    d.text((160, 158), f"Error {code}: this account is temporarily locked.", fill=(60, 60, 60),
           font=mid)
    d.text((160, 184), "Contact support to unlock it.", fill=(60, 60, 60), font=mid)
    stamp = (when or datetime.now(UTC)).strftime("%Y-%m-%d %H:%M %Z").strip()
    d.text((160, 214), f"Reference shown: AUTH-{code}-7F3K  ({stamp})", fill=(110, 110, 110),
           font=small)
    d.rounded_rectangle((420, 250, 556, 290), radius=8, fill=(22, 62, 112))
    d.text((466, 259), "OK", fill="white", font=mid)
    return _png(img)


# --- the sample journal ------------------------------------------------------------------------


def _at(days_ago: int, hour: int, minute: int, zone: tzinfo, now: datetime) -> datetime:
    """A moment ``days_ago`` days before today at hour:minute in ``zone``, never in the future."""
    local_today = now.astimezone(zone).date()
    day = local_today - timedelta(days=days_ago)
    moment = datetime(day.year, day.month, day.day, hour, minute, tzinfo=zone)
    latest = now - timedelta(minutes=30)
    return moment if moment <= latest else latest.astimezone(zone).replace(second=0,
                                                                           microsecond=0)


def _log(svc: JournalService, case_id: int, data: ContactInput) -> int:
    """Log a contact as written down soon after it ended (unless ``recorded_at`` is given)."""
    if data.recorded_at is None:
        end = data.ended_at or data.started_at
        data.recorded_at = min(end + timedelta(minutes=12), datetime.now(UTC)).astimezone(UTC)
    return svc.log_contact(case_id, data)


def _headway_id(svc: JournalService) -> int:
    org = svc.organization_by_key("headway")
    if org is not None:
        return org.id
    return svc.save_organization(OrganizationInput(
        name="Headway", key="headway", website="https://headway.co"))


def _demo_insurer(svc: JournalService, today: date) -> int:
    """The fictional insurer of the demo, with its channels."""
    return svc.save_organization(OrganizationInput(
        name="Blue Harbor Health Plan", key="blue-harbor",
        website="https://www.blueharbor-health.example",
        address="Blue Harbor Health Plan, Member Services, PO Box 4100, Springfield, IL 62705",
        notes="Fictional insurer used by the demo. Appeals go in writing to the PO Box on the "
              "denial letter.",
        channels=[
            ChannelInput("phone", "(800) 555-0134", "Member Services", "client",
                         "Mon-Fri 08:00-20:00; Sat 09:00-13:00", "America/Chicago",
                         today - timedelta(days=12), "back of the member ID card"),
            ChannelInput("phone", "(800) 555-0178", "Provider Services (credentialing)",
                         "clinician", "Mon-Fri 08:00-17:00", "America/Chicago",
                         today - timedelta(days=40), "provider welcome letter"),
            ChannelInput("portal", "https://members.blueharbor-health.example",
                         "Member portal: secure messages and claim status", "any", "24/7", "",
                         today - timedelta(days=12), "website footer, Contact us"),
            ChannelInput("letter", "Appeals Unit, PO Box 4150, Springfield, IL 62705",
                         "Written appeals (keep a copy and the mailing receipt)", "any", "", "",
                         today - timedelta(days=30), "denial letter"),
        ],
    ))


def _demo_billing(svc: JournalService, now: datetime, today: date, headway: int,
               blue: int) -> None:
    """1. Billing: a double charge, a kept and a broken promise, escalated to a supervisor."""
    charged = today - timedelta(days=27)
    billing = svc.create_case(CaseInput(
        title="Charged twice for one therapy session",
        organization_id=headway, issue_type="billing", role="client",
        opened_on=today - timedelta(days=25), key=DEMO_MARKER_KEY,
        summary=(f"My card ending 4242 was charged $150.00 twice on {charged:%B %d} for a single "
                 "session. Support confirmed the duplicate but the refund has not arrived."),
        desired_outcome="Refund of the duplicate $150.00 charge and a corrected invoice.",
        amount_disputed="150.00",
        fields={"invoice_numbers": "INV-2026-118734, INV-2026-118735",
                "transaction_dates": f"{charged:%Y-%m-%d} (twice)",
                "amounts": "$150.00 + $150.00", "card_last4": "4242",
                "statement_date": (today - timedelta(days=20)).isoformat()},
    ))
    first = _log(svc, billing, ContactInput(
        started_at=_at(25, 10, 5, LA, now), ended_at=_at(25, 10, 31, LA, now),
        channel="chat", direction="outbound", hold_minutes=6,
        rep_name="Priya Raman", rep_title="Support specialist", rep_id="PR-2291",
        tickets=["HW-4471902"],
        summary="Showed the two identical charges. Priya confirmed a duplicate charge in the "
                "billing system and opened a refund request.",
        outcome="Refund request opened under HW-4471902.",
        promises=[PromiseInput("Refund the duplicate charge", business_days=5),
                  PromiseInput("E-mail a confirmation of the refund request", hours=2,
                               status="kept")],
        key="demo-billing-1",
    ))
    svc.add_attachment(billing, receipt_png(charged), original_name="card-activity.png",
                       caption="Card activity: the same session charged twice", contact_id=first)
    second = _log(svc, billing, ContactInput(
        started_at=_at(15, 13, 40, NY, now), ended_at=_at(15, 14, 2, NY, now),
        channel="email", direction="outbound",
        rep_name="Алексей Смирнов", rep_title="Billing team", tickets=["HW-4471902"],
        summary="The 5-business-day refund deadline passed with nothing on the card. Asked for "
                "the refund status and for a supervisor.",
        outcome="Escalated to the billing supervisor.",
        promises=[PromiseInput("Supervisor reviews the refund and answers in writing",
                               business_days=3)],
        escalation=EscalationInput(
            requested_on=today - timedelta(days=15), level="supervisor",
            owner_name="Marcus Lee", owner_title="Billing supervisor", reference="ESC-20931",
            notes="Asked for a written answer and the refund reference.", key="demo-esc-1"),
        key="demo-billing-2",
        recorded_at=_at(13, 20, 0, NY, now).astimezone(UTC),
    ))
    _log(svc, billing, ContactInput(
        started_at=_at(2, 9, 15, LA, now), ended_at=_at(2, 9, 40, LA, now),
        channel="chat", rep_name="José Núñez", rep_title="Senior billing specialist",
        tickets=["HW-4471902", "RF-118735"],
        summary="José found the refund stuck in review and pushed it through; refund reference "
                "RF-118735.",
        outcome="Refund released.",
        promises=[PromiseInput("Refund shows on the card statement", business_days=10),
                  PromiseInput("Corrected invoice by e-mail", due_on=today + timedelta(days=3))],
        key="demo-billing-3",
    ))
    view = svc.get_case(billing)
    promise = {p.text: p.id for p in view.promises}
    svc.set_promise_status(promise["Refund the duplicate charge"], "broken")
    svc.add_note(billing, "Card billing-error notice to the bank is due within 60 days of the "
                          "statement; keep the statement PDF.")
    _ = second


def _demo_credentialing(svc: JournalService, now: datetime, today: date, headway: int,
               blue: int) -> None:
    """2. Provider credentialing (a clinician's case)."""
    cred = svc.create_case(CaseInput(
        title="Credentialing with Blue Harbor stuck in review",
        organization_id=headway, issue_type="provider_credentialing", role="clinician",
        opened_on=today - timedelta(days=34), key="demo-credentialing",
        summary="Credentialing packet sent through the provider dashboard; status has said "
                "'in review' for five weeks.",
        desired_outcome="Credentialing completed so I can see Blue Harbor members.",
        fields={"npi": "1234567893", "practice_name": "Lakeside Counseling PLLC",
                "tax_id": "12-3456789", "contract_reference": "W-9 uploaded; contract v2026.3"},
    ))
    _log(svc, cred, ContactInput(
        started_at=_at(34, 11, 0, LA, now), channel="in-app",
        rep_name="Provider Support", tickets=["PS-550218"],
        summary="Asked for the credentialing status through Provider dashboard > Support.",
        promises=[PromiseInput("Credentialing team replies with a status",
                               business_days=10, status="kept")],
        key="demo-cred-1",
    ))
    _log(svc, cred, ContactInput(
        started_at=_at(6, 15, 20, LA, now), channel="in-app",
        rep_name="Mariam Haddad", rep_title="Credentialing coordinator",
        tickets=["PS-550218"],
        summary="Blue Harbor asked for a corrected CAQH attestation; uploaded it the same day.",
        promises=[PromiseInput("Resubmit the packet to Blue Harbor and confirm",
                               due_on=today + timedelta(days=8))],
        key="demo-cred-2",
    ))


def _demo_insurance(svc: JournalService, now: datetime, today: date, headway: int,
               blue: int) -> None:
    """3. Insurance reimbursement with the (fictional) insurer."""
    denial = today - timedelta(days=31)
    ins = svc.create_case(CaseInput(
        title="Out-of-network reimbursement denied",
        organization_id=blue, issue_type="insurance", role="client",
        opened_on=today - timedelta(days=31), key="demo-insurance",
        summary="Two claims for weekly sessions were denied as 'not medically necessary' although "
                "the plan approved the authorization.",
        desired_outcome="Claims reprocessed and paid under authorization AUTH-77120.",
        amount_disputed="360.00",
        fields={"member_id": "BHX884512370", "claim_numbers": "CLM-26-0048812, CLM-26-0051190",
                "dates_of_service": f"{today - timedelta(days=52):%Y-%m-%d}, "
                                    f"{today - timedelta(days=45):%Y-%m-%d}",
                "authorization_numbers": "AUTH-77120", "payer": "Blue Harbor Health Plan",
                "denial_date": denial.isoformat()},
    ))
    _log(svc, ins, ContactInput(
        started_at=_at(29, 9, 5, CHICAGO, now), ended_at=_at(29, 9, 51, CHICAGO, now),
        channel="phone", hold_minutes=23,
        rep_name="Keisha Brown", rep_title="Member services representative", rep_id="KB4471",
        tickets=["REF-7781234"],
        summary="Keisha saw the authorization on file and sent both claims back for review.",
        outcome="Reprocessing request REF-7781234.",
        promises=[PromiseInput("Claims reprocessed", business_days=14)],
        key="demo-ins-1",
    ))
    _log(svc, ins, ContactInput(
        started_at=_at(4, 16, 10, CHICAGO, now), ended_at=_at(4, 16, 34, CHICAGO, now),
        channel="phone", hold_minutes=11, rep_name="Tomás Ortega",
        rep_title="Claims specialist", tickets=["REF-7781234"],
        summary="Reprocessing is not finished; Tomás added a note to expedite.",
        promises=[PromiseInput("Call back with the claim decision", hours=72)],
        key="demo-ins-2",
    ))


def _demo_technical(svc: JournalService, now: datetime, today: date, headway: int,
               blue: int) -> None:
    """4. Technical lockout, logged earlier today, with the error screenshot."""
    lock_at = (now - timedelta(hours=2)).astimezone(NY).replace(second=0, microsecond=0)
    tech = svc.create_case(CaseInput(
        title="Locked out after a password reset (error 403)",
        organization_id=headway, issue_type="technical", role="client",
        opened_on=lock_at.date(), key="demo-technical",
        summary="After resetting my password the app shows 'Error 403: this account is "
                "temporarily locked' and I cannot join tomorrow's session.",
        desired_outcome="Account unlocked before my next appointment.",
        fields={"device": "iPhone 14", "os_browser": "iOS 18.1, Headway app",
                "app_version": "5.12.0",
                "steps": "1. Reset password from the e-mail link\n2. Sign in with the new "
                         "password\n3. Error 403 appears"},
    ))
    lock_contact = _log(svc, tech, ContactInput(
        started_at=lock_at, ended_at=lock_at + timedelta(minutes=18), channel="in-app",
        rep_name="Chen Wei", rep_title="Technical support", tickets=["HW-4490017"],
        summary="Reported the lockout through in-app Contact support from the web browser.",
        promises=[PromiseInput("Unlock the account and e-mail me", hours=4)],
        key="demo-tech-1",
    ))
    svc.add_attachment(tech, error_dialog_png("403", lock_at), original_name="error-403.png",
                       caption="The error shown after signing in", contact_id=lock_contact)


def _demo_privacy(svc: JournalService, now: datetime, today: date, headway: int,
               blue: int) -> None:
    """5. Privacy complaint to the Privacy Officer."""
    learned = today - timedelta(days=9)
    priv = svc.create_case(CaseInput(
        title="Appointment reminder sent to the wrong e-mail address",
        organization_id=headway, issue_type="privacy", role="client",
        opened_on=learned, key="demo-privacy",
        summary="A reminder with my therapist's name and appointment time went to a stranger's "
                "e-mail address, who forwarded it to me.",
        desired_outcome="An explanation, correction of my contact details, and confirmation of "
                        "what else was sent.",
        fields={"what_happened": "An appointment reminder naming my therapist and the session "
                                 "time was sent to another person's e-mail address.",
                "learned_on": learned.isoformat(),
                "people_involved": "Unknown recipient; Headway reminders system"},
    ))
    _log(svc, priv, ContactInput(
        started_at=_at(8, 8, 45, LA, now), channel="email",
        rep_name="Privacy Office", tickets=["PRIV-2026-0193"],
        summary="Wrote to the Privacy Officer with the forwarded e-mail attached.",
        promises=[PromiseInput("Written response from the Privacy Officer", business_days=10)],
        key="demo-privacy-1",
    ))


def _demo_appointment(svc: JournalService, now: datetime, today: date, headway: int,
               blue: int) -> None:
    """6. Appointment: a session cancelled by the platform."""
    appt_day = today - timedelta(days=3)
    appt = svc.create_case(CaseInput(
        title="Session cancelled by the platform, charged a late fee",
        organization_id=headway, issue_type="appointment", role="client",
        opened_on=appt_day, key="demo-appointment",
        summary="My video session was cancelled 20 minutes before it started and I was charged a "
                "late-cancellation fee.",
        desired_outcome="Fee waived and the session rebooked this week.",
        fields={"therapist_name": "Dr. Mei Chen", "appointment_date": appt_day.isoformat(),
                "appointment_time": "15:30", "session_type": "video",
                "cancellation_times": f"Cancellation e-mail {appt_day:%Y-%m-%d} 15:10"},
    ))
    _log(svc, appt, ContactInput(
        started_at=_at(1, 12, 0, LA, now), channel="chat",
        rep_name="Aiyana Redcloud", rep_title="Care coordinator", tickets=["HW-4488120"],
        summary="Aiyana confirmed the cancellation came from a calendar sync error.",
        promises=[PromiseInput("Waive the late-cancellation fee", business_days=2),
                  PromiseInput("Offer two new session times", hours=24)],
        key="demo-appointment-1",
    ))


def _demo_account(svc: JournalService, now: datetime, today: date, headway: int,
               blue: int) -> None:
    """7. A resolved account case."""
    acct = svc.create_case(CaseInput(
        title="Wrong e-mail address on my account",
        organization_id=headway, issue_type="account", role="client",
        opened_on=today - timedelta(days=60), key="demo-account",
        summary="Reminders went to an old address; asked to update it.",
        desired_outcome="Account e-mail corrected.",
        fields={"full_name": "Dana Whitfield", "account_email": "dana.whitfield@example.org",
                "account_id": "CL-3318842", "payment_last4": "4242"},
    ))
    _log(svc, acct, ContactInput(
        started_at=_at(60, 14, 0, LA, now), channel="in-app", rep_name="Sam Okafor",
        rep_title="Support specialist", tickets=["HW-4309981"],
        summary="Sam updated the e-mail address after verifying my identity.",
        outcome="E-mail corrected the same day.",
        promises=[PromiseInput("Confirm the change by e-mail", hours=24, status="kept")],
        key="demo-account-1",
    ))
    svc.set_case_status(acct, "resolved")


def populate_demo(service: JournalService) -> None:
    """Fill ``service``'s journal with the sample cases (does nothing if they are there)."""
    try:
        service.find_case(DEMO_MARKER_KEY)
        return
    except NotFound:
        pass
    svc = service
    now = datetime.now(UTC)
    today = date.today()

    svc.set_profile(name="Dana Whitfield", address="1200 NW Example Ave, Apt 4, Portland, OR 97209",
                    email="dana.whitfield@example.org", phone="(503) 555-0147")

    headway = _headway_id(svc)
    blue = _demo_insurer(svc, today)
    for sample in (_demo_billing, _demo_credentialing, _demo_insurance, _demo_technical,
                   _demo_privacy, _demo_appointment, _demo_account):
        sample(svc, now, today, headway, blue)
