"""A journal writer meant to be killed: the subject of bench/crash_test.py.

Opens the journal in FOLDER with JournalService.open, then logs contacts in a loop, each with two
tickets and a promise; every 10th also gets a small attachment. After each operation *returns*
it writes one line to stdout and flushes it, so whatever it reported must be in the journal:

    ready
    saved <key>
    attached <key> <sha256> <size>

Usage: python bench/crash_writer.py FOLDER --prefix r0001 [--limit N]
"""

from __future__ import annotations

import argparse
import os
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

CASE_KEY = "crash-case"


def _say(line: str) -> None:
    os.write(1, (line + "\n").encode())  # one write per line: never half a line in the pipe


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", type=Path)
    ap.add_argument("--prefix", required=True, help="prefix of the contact keys of this run")
    ap.add_argument("--limit", type=int, default=0, help="stop after N contacts (0: never)")
    args = ap.parse_args(argv)

    from headway_journal.journal.records import CaseInput, ContactInput, PromiseInput
    from headway_journal.journal.service import JournalService, NotFound

    svc = JournalService.open(args.folder)
    try:
        case_id = svc.find_case(CASE_KEY)
    except NotFound:
        org = svc.organization_by_key("headway")
        assert org is not None
        case_id = svc.create_case(CaseInput(
            title="Refund never arrived", organization_id=org.id, issue_type="billing",
            role="client", summary="Crash-test case", key=CASE_KEY))
    started = datetime.now(UTC).replace(microsecond=0) - timedelta(days=1)
    # Warm up (the holiday tables load on first use) so a kill soon after "ready" lands in writes.
    from headway_journal.journal import deadlines

    deadlines.promise_due(started, business_days=3, hours=None, due_on=None, calendar=svc.calendar)
    _say("ready")
    i = 0
    while not args.limit or i < args.limit:
        key = f"{args.prefix}-{i:05d}"
        contact_id = svc.log_contact(case_id, ContactInput(
            started_at=started + timedelta(seconds=i), channel="phone", rep_name="Priya Raman",
            rep_title="Billing specialist", tickets=[f"T-{key}-a", f"T-{key}-b"],
            summary=f"Contact {key}: asked where the refund is. " + "Details. " * 150,
            outcome="Escalated to billing",
            promises=[PromiseInput(f"promise {key}", business_days=3)], key=key))
        _say(f"saved {key}")
        if i % 10 == 0:
            data = f"evidence for {key}\n".encode() + os.urandom(512).hex().encode()
            aid = svc.add_attachment(case_id, data, original_name=f"{key}.txt",
                                     contact_id=contact_id)
            att = svc.attachment(aid)
            _say(f"attached {key} {att.sha256} {att.size}")
        i += 1
    svc.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
