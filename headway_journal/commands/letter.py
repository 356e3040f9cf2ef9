"""``letter CASE KIND -o OUT.pdf|.docx|.txt`` and ``letter CASE --list``.

The letter comes from the draft saved on the case (in the window) when there is one, else it is
drafted from the case; ``--fact NAME=VALUE`` adds a fact for this letter (a statement date, the
plan's own deadline...). ``--list`` prints the letters that apply, in order, with their deadlines
and warnings. Cheap to import: everything heavy is imported inside the handler.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

KINDS = ("company", "privacy-officer", "card-dispute", "records-request", "internal-appeal",
         "external-review", "state-insurance", "hhs-ocr", "cfpb")


def add_commands(sub: Any) -> dict[str, Callable[[argparse.Namespace, Path], int]]:
    c = sub.add_parser(
        "letter", help="write a letter or complaint for a case (PDF, .docx or text), or list "
                       "the letters that apply with their deadlines",
        description="Write the letter of KIND for CASE (its key or number) to OUT: .pdf, "
                    ".docx or .txt (one section per box of the body's online form). The "
                    "letter saved on the case in the window is used when there is one; "
                    "facts the case does not hold show as gaps in [brackets]. With --list, "
                    "print the letters that apply to the case, in order, with each deadline.")
    c.add_argument("case", metavar="CASE", help="the case's key or number")
    c.add_argument("kind", metavar="KIND", nargs="?", choices=KINDS,
                   help="one of: " + ", ".join(KINDS))
    c.add_argument("-o", "--output", metavar="OUT", help="the file to write (.pdf, .docx, .txt)")
    c.add_argument("--list", action="store_true", help="list the letters that apply")
    c.add_argument("--fact", action="append", default=[], metavar="NAME=VALUE",
                   help="a fact for this letter, e.g. statement_date=2026-11-11 (repeatable)")
    c.add_argument("--fresh", action="store_true",
                   help="draft the letter again from the case, ignoring a saved draft")
    c.add_argument("--with-case-file", action="store_true",
                   help="PDF only: append the case file after the letter")
    return {"letter": cmd_letter}


def _facts(pairs: list[str]) -> dict[str, str]:
    from headway_journal.cli import CliError, echo

    out: dict[str, str] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise CliError(f"--fact takes NAME=VALUE, not {echo(pair)!r}.")
        out[name.strip()] = value.strip()
    return out


def _list(svc: Any, case_id: int) -> int:
    from headway_journal.cli import EXIT_OK, echo
    from headway_journal.journal.letters.bodies import bodies_note
    from headway_journal.journal.letters.plan import letter_steps

    case = svc.get_case(case_id)
    drafts = {k: (d.facts, d.sent_on) for k, d in svc.letter_drafts(case_id).items()}
    steps = letter_steps(case, today=date.today(), drafts=drafts, cal=svc.calendar)
    print(f"Letters for case {case.id}: {echo(case.title)}")
    for n, step in enumerate(steps, start=1):
        print(f"{n}. {step.kind}: {echo(step.summary(), None)}")
        for line in (step.warning, step.note):
            if line:
                print(f"   {echo(line, None)}")
    print(bodies_note())
    return EXIT_OK


def _applies(svc: Any, case_id: int, kind: str, facts: dict[str, str]) -> bool:
    from headway_journal.journal.letters.plan import applies, letter_facts

    case = svc.get_case(case_id)
    return bool(applies(kind, case, letter_facts(case, facts)))


def cmd_letter(args: argparse.Namespace, folder: Path) -> int:
    from headway_journal.cli import EXIT_OK, CliError, echo, open_journal, out_path

    if args.list:
        if args.output:
            raise CliError("Give --list or -o OUT, not both.")
        with open_journal(folder, read_only=True) as svc:
            return _list(svc, svc.find_case(args.case))
    if args.kind is None or not args.output:
        raise CliError("Give the letter's KIND and -o OUT (.pdf, .docx or .txt), or --list.")
    out = out_path(args.output)
    if out.suffix.lower() not in (".pdf", ".docx", ".txt"):
        raise CliError(f"Cannot write a letter as {echo(out.suffix) or 'a file without a suffix'}:"
                       " end the name with .pdf, .docx or .txt.")
    if args.with_case_file and out.suffix.lower() != ".pdf":
        raise CliError("--with-case-file appends the case file to a PDF letter; write a .pdf.")
    facts = _facts(args.fact)
    from headway_journal.casefile.letters import gaps_in, letter_source
    from headway_journal.journal.letters.drafts import clean_facts

    with open_journal(folder, read_only=True) as svc:
        facts = clean_facts(facts)  # (after the service is loaded: its errors are the user's)
        case_id = svc.find_case(args.case)
        source = letter_source(svc, case_id, args.kind, fresh=args.fresh or bool(facts))
        text = source.redraft(facts) if facts else source.text
        check = source.check(text)
        if check is not None and not check.ok:
            raise CliError(f"The CFPB narrative cannot go as it is ({check.counter}): "
                           + " ".join(check.problems) + " Nothing was written.")
        source.write(out, text, own_facts=facts, append_case_file=args.with_case_file)
        usual = _applies(svc, case_id, args.kind, facts)
    print(f"Wrote the {args.kind} letter to {out}")
    if not usual:
        print(f"Note: a {args.kind} letter is not one of the letters for this kind of case "
              f"(see '{args.case} --list').", file=sys.stderr)
    if check is not None:
        print(f"Narrative: {check.counter}.")
    gaps = gaps_in(text)
    if gaps:
        print(f"Fill in before sending ({len(gaps)}): {echo('; '.join(gaps), 400)}",
              file=sys.stderr)
    return EXIT_OK
