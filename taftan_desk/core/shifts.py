"""Shifts: which shift an instant belongs to, in station time.

Three shifts a day is the usual border pattern (06-14, 14-22, 22-06 PKT). A shift belongs
to the date it started on, so 02:00 on the 28th is the night shift of the 27th.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo


@dataclass(frozen=True, order=True)
class Shift:
    day: date  # the station-local date the shift started on
    number: int  # 1-based, in order of start time
    start: datetime  # aware, station time
    end: datetime

    @property
    def label(self) -> str:
        return f"{self.day.isoformat()} shift {self.number} ({self.start:%H:%M}-{self.end:%H:%M})"


def shift_of(instant: datetime, starts: list[time], zone: ZoneInfo) -> Shift:
    """The shift an aware instant falls in; `starts` are the daily start times."""
    if instant.utcoffset() is None:
        raise ValueError("shift_of needs an aware datetime")
    ordered = sorted(starts)
    local = instant.astimezone(zone)
    # Try the shifts that start on this local date, then those of the day before (a night
    # shift that began yesterday evening); the latest start not after the instant wins.
    for day in (local.date(), local.date() - timedelta(days=1)):
        for number in range(len(ordered), 0, -1):
            start = datetime.combine(day, ordered[number - 1], tzinfo=zone)
            if start <= local:
                return Shift(day, number, start, _end(day, number, ordered, zone))
    raise AssertionError("unreachable: a shift always started within the last day")


def _end(day: date, number: int, ordered: list[time], zone: ZoneInfo) -> datetime:
    if number < len(ordered):
        return datetime.combine(day, ordered[number], tzinfo=zone)
    return datetime.combine(day + timedelta(days=1), ordered[0], tzinfo=zone)
