"""Entry numbers: ten digits, YY + an 8-digit yearly sequence (e.g. 2600000123).

All digits and of even length, so Code 128 prints them in subset C at half the width. The
counter is bumped with one upsert that returns the new value; the row lock it takes makes
two desks (or processes) registering at once get different numbers on SQLite and PostgreSQL
alike. A number whose transaction rolls back was never issued; an issued one is never reused.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, TextClause, text

from taftan_desk.core.errors import StorageError

_BUMP = (
    "INSERT INTO {table} (year, last_value) VALUES (:year, 1) "
    "ON CONFLICT (year) DO UPDATE SET last_value = {table}.last_value + 1 "
    "RETURNING last_value"
)
_COUNTERS = {
    name: text(_BUMP.format(table=name)) for name in ("entry_counters", "weighing_counters")
}
MAX_PER_YEAR = 99_999_999


@dataclass(frozen=True)
class Gapless:
    """A yearly gapless counter and the numbers it issues (entry numbers, weighbridge
    tickets): each is checked against those already issued, so a counter wound back outside
    the desk is refused with what to do rather than retried as a conflict for ever."""

    table: str  # the counter's table
    limit: int  # the most one year can issue
    render: Callable[[int, int], str]  # (year, value) -> the number as issued
    issued: TextClause  # a row when :number was issued already
    plural: str  # "Entry numbers", in the officer's words
    counter: str  # "entry-number"

    def issue(self, conn: Connection, local_time: datetime) -> str:
        year = local_time.year
        value = bump(conn, self.table, year)
        if value > self.limit:
            raise StorageError(
                f"{self.plural} for {year} are exhausted. Nothing was saved: tell the "
                "administrator."
            )
        number = self.render(year, value)
        if conn.execute(self.issued, {"number": number}).first() is not None:
            raise StorageError(
                f"The {self.counter} counter is behind the {self.plural.lower()} already "
                f"issued ({number} exists): the database was changed outside the desk. "
                "Nothing was saved; ask the administrator to run `taftan-desk check`."
            )
        return number


def format_entry_no(year: int, sequence: int) -> str:
    return f"{year % 100:02d}{sequence:08d}"


ENTRY_NUMBERS = Gapless(
    "entry_counters",
    MAX_PER_YEAR,
    format_entry_no,
    text("SELECT 1 FROM crossings WHERE entry_no = :number"),
    "Entry numbers",
    "entry-number",
)


def allocate(conn: Connection, local_time: datetime) -> str:
    return ENTRY_NUMBERS.issue(conn, local_time)


def bump(conn: Connection, counter: str, year: int) -> int:
    """The year's next value of a gapless counter (entry numbers, weighbridge tickets): the
    row lock the upsert takes orders two desks, and a rolled-back number was never issued."""
    return int(conn.execute(_COUNTERS[counter], {"year": year}).scalar_one())


def is_entry_no(text: str) -> bool:
    return len(text) == 10 and text.isascii() and text.isdigit()
