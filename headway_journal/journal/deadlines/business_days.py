"""Business days: Monday to Friday and not an observed public holiday of the selected
country (and optional subdivision); the list of countries and subdivisions to choose from."""

from __future__ import annotations

import bisect
import threading
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache


class _HolidayTable:
    """Observed public holidays of one (country, subdivision), filled in one year at a time.

    A holiday of year Y can be observed in Y-1 or Y+1 (New Year's Day 2028 is observed on
    Friday 2027-12-31), so when year Y is needed the neighbouring years are loaded as well.
    """

    def __init__(self, country: str, subdivision: str | None) -> None:
        self.country = country
        self.subdivision = subdivision
        self._names: dict[date, str] = {}
        self._sorted: list[date] = []  # the keys of _names in order (for holidays_between)
        self._on_weekdays: list[date] = []  # those falling Monday to Friday, in order
        self._years: set[int] = set()
        self._loaded_source_years: set[int] = set()
        self._lock = threading.Lock()
        # Load one year right away so an unknown country or subdivision fails early.
        self._ensure(date.today().year)

    def _load_source_year(self, year: int) -> None:
        from .holiday_source import country_holidays  # lazy: only this country's module

        try:
            table = country_holidays(
                self.country, subdiv=self.subdivision, years=year, observed=True
            )
        except NotImplementedError as exc:
            where = self.country if self.subdivision is None else (
                f"{self.country}, subdivision {self.subdivision}"
            )
            raise ValueError(
                f"There is no public-holiday calendar for {where}; choose another country or region."
            ) from exc
        for day, name in table.items():
            # The library may add neighbouring years on its own; keep the first name seen.
            self._names.setdefault(day, str(name))
        self._sorted = sorted(self._names)
        self._on_weekdays = [d for d in self._sorted if d.weekday() < 5]
        self._loaded_source_years.add(year)

    def _ensure(self, year: int) -> None:
        if year in self._years:
            return
        with self._lock:
            if year in self._years:
                return
            for source_year in (year - 1, year, year + 1):
                if source_year not in self._loaded_source_years and 1 <= source_year <= 9999:
                    self._load_source_year(source_year)
            self._years.add(year)

    def name(self, d: date) -> str | None:
        self._ensure(d.year)
        return self._names.get(d)

    def is_holiday(self, d: date) -> bool:
        self._ensure(d.year)
        return d in self._names

    def holidays_between(self, first: date, last: date) -> list[date]:
        """Holiday dates in the closed range [first, last]."""
        for year in range(first.year, last.year + 1):
            self._ensure(year)
        days = self._sorted  # replaced, never changed in place: safe beside a loading thread
        return days[bisect.bisect_left(days, first):bisect.bisect_right(days, last)]

    def weekday_holidays_between(self, first: date, last: date) -> int:
        """How many holidays fall Monday to Friday in the closed range [first, last]."""
        for year in range(first.year, last.year + 1):
            self._ensure(year)
        days = self._on_weekdays  # replaced, never changed in place (as _sorted)
        return max(0, bisect.bisect_right(days, last) - bisect.bisect_left(days, first))


@lru_cache(maxsize=32)
def _holiday_table(country: str, subdivision: str | None) -> _HolidayTable:
    return _HolidayTable(country, subdivision)


def _weekdays_through(d: date) -> int:
    """Number of Mondays-to-Fridays from an arbitrary fixed origin up to and including ``d``."""
    ordinal = d.toordinal()  # 0001-01-01 (ordinal 1) was a Monday
    weeks, rest = divmod(ordinal - 1, 7)  # rest: 0 = Monday ... 6 = Sunday
    return weeks * 5 + min(rest + 1, 5)


@dataclass(frozen=True)
class BusinessCalendar:
    """Weekends plus the observed public holidays of a country (and optional subdivision)."""

    country: str = "US"
    subdivision: str | None = None

    def _table(self) -> _HolidayTable:
        country = self.country.strip().upper()
        subdivision = self.subdivision.strip() if self.subdivision else None
        return _holiday_table(country, subdivision or None)

    def validate(self) -> None:
        """Raise ValueError with a plain sentence if the country or subdivision is unknown."""
        self._table()

    def is_business_day(self, d: date) -> bool:
        """Monday to Friday and not an observed public holiday."""
        if d.weekday() >= 5:
            return False
        return not self._table().is_holiday(d)

    def holiday_name(self, d: date) -> str | None:
        """The holiday's name (e.g. "Independence Day (observed)"), or None."""
        return self._table().name(d)

    def add_business_days(self, start: date, n: int) -> date:
        """The Nth business day strictly after ``start`` (``start`` itself never counts).

        ``n == 0`` returns ``start`` unchanged. Saturday + 1 business day is Monday when
        that Monday is a business day.
        """
        if n < 0:
            raise ValueError("The number of business days to add must be 0 or more.")
        day = start
        remaining = n
        while remaining > 0:
            day += timedelta(days=1)
            if self.is_business_day(day):
                remaining -= 1
        return day

    def next_business_day(self, d: date, *, inclusive: bool = True) -> date:
        """``d`` itself if it is a business day (and ``inclusive``), else the next one."""
        if inclusive and self.is_business_day(d):
            return d
        return self.add_business_days(d, 1)

    def business_days_between(self, a: date, b: date) -> int:
        """Signed count: business days in (a, b] if b > a, minus those in (b, a] if b < a."""
        if a == b:
            return 0
        if b < a:
            return -self.business_days_between(b, a)
        weekdays = _weekdays_through(b) - _weekdays_through(a)
        return weekdays - self._table().weekday_holidays_between(a + timedelta(days=1), b)


# The calendar used when none is given: United States federal holidays.
DEFAULT_CALENDAR = BusinessCalendar()

# Display names for countries whose module name does not title-case well.
_COUNTRY_NAME_FIXES: dict[str, str] = {
    "CI": "Côte d'Ivoire",
    "CD": "DR Congo",
    "CW": "Curaçao",
    "GW": "Guinea-Bissau",
    "HK": "Hong Kong",
    "RE": "Réunion",
    "BL": "Saint Barthélemy",
    "TL": "Timor-Leste",
    "ST": "São Tomé and Príncipe",
    "US": "United States",
    "GB": "United Kingdom",
}


def _name_from_module(module_name: str) -> str:
    small = {"and", "the", "of"}
    words = module_name.split("_")
    return " ".join(
        w if (i > 0 and w in small) else w.capitalize() for i, w in enumerate(words)
    )


@lru_cache(maxsize=1)
def _countries() -> tuple[tuple[str, str], ...]:
    import holidays  # lazy: slow import

    found: dict[str, str] = {}
    try:
        from holidays.registry import COUNTRIES

        for module_name, entry in COUNTRIES.items():
            code = str(entry[1])
            found[code] = _COUNTRY_NAME_FIXES.get(code, _name_from_module(module_name))
    except (ImportError, AttributeError, IndexError):  # pragma: no cover - library layout change
        for code in holidays.list_supported_countries():
            if len(code) == 2:
                found[code] = _COUNTRY_NAME_FIXES.get(code, code)
    return tuple(sorted(found.items(), key=lambda item: item[1].casefold()))


def available_countries() -> list[tuple[str, str]]:
    """(ISO code, English name) of every country the holidays library knows, sorted by name."""
    return list(_countries())


def available_subdivisions(country: str) -> list[tuple[str, str]]:
    """(code, name) of the states/provinces/regions of ``country`` (empty if it has none)."""
    from .holiday_source import country_holidays  # lazy: only this country's module

    try:
        table = country_holidays(country.strip().upper(), years=2000)
    except NotImplementedError as exc:
        raise ValueError(f"There is no public-holiday calendar for {country}.") from exc
    names: dict[str, str] = {}
    for name, code in getattr(table, "subdivisions_aliases", {}).items():
        names.setdefault(str(code), str(name))
    return [(str(code), names.get(str(code), str(code))) for code in table.subdivisions]
