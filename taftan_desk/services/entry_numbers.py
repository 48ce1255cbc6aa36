"""Entry numbers: ten digits, YY + an 8-digit yearly sequence (e.g. 2600000123).

All digits and of even length, so Code 128 prints them in subset C at half the width. The
counter is bumped with one upsert that returns the new value; the row lock it takes makes
two desks (or processes) registering at once get different numbers on SQLite and PostgreSQL
alike. A number whose transaction rolls back was never issued; an issued one is never reused.
"""

from datetime import datetime

from sqlalchemy import Connection, text

from taftan_desk.core.errors import StorageError

_BUMP = (
    "INSERT INTO {table} (year, last_value) VALUES (:year, 1) "
    "ON CONFLICT (year) DO UPDATE SET last_value = {table}.last_value + 1 "
    "RETURNING last_value"
)
_COUNTERS = {
    name: text(_BUMP.format(table=name)) for name in ("entry_counters", "weighing_counters")
}
_ISSUED = text("SELECT 1 FROM crossings WHERE entry_no = :entry_no")
MAX_PER_YEAR = 99_999_999


def allocate(conn: Connection, local_time: datetime) -> str:
    year = local_time.year
    value = bump(conn, "entry_counters", year)
    if value > MAX_PER_YEAR:
        raise StorageError(
            f"Entry numbers for {year} are exhausted. Nothing was saved: tell the administrator."
        )
    entry_no = format_entry_no(year, value)
    if conn.execute(_ISSUED, {"entry_no": entry_no}).first() is not None:
        raise StorageError(
            f"The entry-number counter is behind the numbers already issued ({entry_no} "
            "exists): the database was changed outside the desk. Nothing was saved; ask the "
            "administrator to run `taftan-desk check`."
        )
    return entry_no


def bump(conn: Connection, counter: str, year: int) -> int:
    """The year's next value of a gapless counter (entry numbers, weighbridge tickets): the
    row lock the upsert takes orders two desks, and a rolled-back number was never issued."""
    return int(conn.execute(_COUNTERS[counter], {"year": year}).scalar_one())


def format_entry_no(year: int, sequence: int) -> str:
    return f"{year % 100:02d}{sequence:08d}"


def is_entry_no(text: str) -> bool:
    return len(text) == 10 and text.isascii() and text.isdigit()
