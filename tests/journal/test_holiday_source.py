"""Only the selected country's holiday module is imported (journal/deadlines/holiday_source.py).

Each check runs in a fresh interpreter, since the modules a process has imported cannot be
unloaded."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import json, sys
from datetime import date
from headway_journal.journal import deadlines as dl
country, sub = sys.argv[1], (sys.argv[2] or None)
cal = dl.BusinessCalendar(country, sub)
due = cal.add_business_days(date(2026, 12, 23), 3)
loaded = sorted(m.rsplit(".", 1)[1] for m in sys.modules if m.startswith("holidays.countries."))
package = "holidays.countries" in sys.modules
import holidays  # the library's own way, for comparison
ref = holidays.country_holidays(country, subdiv=sub, years=2026, observed=True)
days = [date(2026, 1, 1).fromordinal(date(2026, 1, 1).toordinal() + i) for i in range(365)]
closed = {d for d in days if d.weekday() < 5 and not cal.is_business_day(d)}
print(json.dumps({"due": due.isoformat(), "loaded": loaded, "package": package,
                  "same": closed == {d for d in ref if d.year == 2026 and d.weekday() < 5}}))
"""


def probe(country: str, sub: str = "") -> dict[str, object]:
    r = subprocess.run([sys.executable, "-c", PROBE, country, sub], capture_output=True,
                       text=True, timeout=120, cwd=ROOT, env={"PYTHONPATH": str(ROOT),
                                                              "PATH": "/usr/bin:/bin"})
    assert r.returncode == 0, r.stderr
    result: dict[str, object] = json.loads(r.stdout)
    return result


def test_only_the_united_states_module_is_imported() -> None:
    result = probe("US")
    assert result["loaded"] == ["united_states"]
    assert result["package"] is False  # holidays.countries' __init__ (all ~250) never ran
    assert result["due"] == "2026-12-29"  # Dec 24, (25 is Christmas), 28, 29
    assert result["same"] is True


@pytest.mark.parametrize(("country", "sub", "module"), [
    ("DE", "BY", "germany"), ("CA", "ON", "canada"), ("WF", "", "wallis_and_futuna")])
def test_other_countries_and_subdivisions_match_the_library(country: str, sub: str,
                                                            module: str) -> None:
    result = probe(country, sub)
    loaded = result["loaded"]
    assert isinstance(loaded, list) and module in loaded and len(loaded) <= 2  # WF uses France
    assert result["same"] is True


def test_unknown_country_or_region_is_a_plain_error() -> None:
    from headway_journal.journal.deadlines import BusinessCalendar, available_subdivisions

    with pytest.raises(ValueError, match="no public-holiday calendar for XX"):
        BusinessCalendar("XX").is_business_day(date(2026, 3, 9))
    with pytest.raises(ValueError, match="subdivision ZZ"):
        BusinessCalendar("US", "ZZ").validate()
    with pytest.raises(ValueError, match="no public-holiday calendar for XX"):
        available_subdivisions("XX")
