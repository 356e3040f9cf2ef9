"""The CFPB narrative: at most 4,000 characters (counted) and no account numbers in it."""

from __future__ import annotations

import pytest

from headway_journal.journal.letters.cfpb import case_identifiers, check_narrative


def test_the_limit_is_counted_to_the_character() -> None:
    at = check_narrative("a" * 4000)
    assert at.ok and at.length == 4000 and at.counter == "4,000 of 4,000 characters"
    over = check_narrative("a" * 3999 + "é\r\n")  # a Windows line break counts as one
    assert over.length == 4001
    assert over.problems == ("The narrative is 4,001 characters long; the CFPB takes at most "
                             "4,000: shorten it by 1.",)


@pytest.mark.parametrize("card", [
    "4111 1111 1111 1111", "4111-1111-1111-1111", "4111/1111/1111/1111", "4111111111111111",
    "4111\u00a01111\u00a01111\u00a01111", "4111\u20111111\u20111111\u20111111",
    "4111\u200b1111\u200b1111\u200b1111", "４１１１ １１１１ １１１１ １１１１",
    "3782 822463 10005",  # American Express
])
def test_a_card_number_with_any_separator_is_refused(card: str) -> None:
    check = check_narrative(f"They charged my card {card} twice.")
    assert not check.ok
    assert any("full card number" in p for p in check.problems)


@pytest.mark.parametrize("number", ["0012345678", "12 345 678 90", "987-654-3210",
                                    "Acct. 00.44.1234567"])
def test_other_long_numbers_are_refused(number: str) -> None:
    check = check_narrative(f"My account {number} was charged.")
    assert not check.ok and "long number" in check.problems[0]


def test_dates_amounts_and_the_last_4_digits_are_fine() -> None:
    text = ("On 2026-11-04 and 11/05/2026 my card ending 4242 was charged $1,234.56 and "
            "$150.00 (two charges of 150.00). I called 3 times.")
    assert check_narrative(text).ok


def test_the_cases_own_identifiers_are_found_however_written() -> None:
    fields = {"member_id": "BPX-77A-QZ", "claim_numbers": "CLM-AB-12, CLM-CD-34",
              "payer": "Blue Plan"}
    idents = case_identifiers("insurance", fields)
    assert idents == ["BPX-77A-QZ", "CLM-AB-12", "CLM-CD-34"]
    check = check_narrative("Claim clm ab 12 was denied; the plan is Blue Plan.", idents)
    assert not check.ok and "ending AB12" in check.problems[0]
    assert check_narrative("The claim was denied.", idents).ok
    assert case_identifiers("nope", fields) == []
