from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from taftan_desk.core.shifts import shift_of
from taftan_desk.core.station_settings import StationSettings

PKT = ZoneInfo("Asia/Karachi")
STARTS = StationSettings().shift_times()


@pytest.mark.parametrize(
    "local,day,number",
    [
        (datetime(2026, 11, 27, 6, 0), date(2026, 11, 27), 1),
        (datetime(2026, 11, 27, 13, 59), date(2026, 11, 27), 1),
        (datetime(2026, 11, 27, 14, 0), date(2026, 11, 27), 2),
        (datetime(2026, 11, 27, 22, 0), date(2026, 11, 27), 3),
        (datetime(2026, 11, 28, 2, 0), date(2026, 11, 27), 3),  # the night shift's own date
        (datetime(2026, 11, 28, 5, 59), date(2026, 11, 27), 3),
    ],
)
def test_shifts_of_the_default_pattern(local: datetime, day: date, number: int) -> None:
    shift = shift_of(local.replace(tzinfo=PKT), STARTS, PKT)
    assert (shift.day, shift.number) == (day, number)


def test_utc_instants_are_placed_in_station_time() -> None:
    # 21:00 UTC on the 27th is 02:00 PKT on the 28th: the night shift of the 27th.
    shift = shift_of(datetime(2026, 11, 27, 21, 0, tzinfo=UTC), STARTS, PKT)
    assert (shift.day, shift.number) == (date(2026, 11, 27), 3)
    assert shift.label == "2026-11-27 shift 3 (22:00-06:00)"


def test_naive_instants_are_refused() -> None:
    with pytest.raises(ValueError):
        shift_of(datetime(2026, 11, 27, 9, 0), STARTS, PKT)


@given(
    st.datetimes(
        min_value=datetime(2020, 1, 1), max_value=datetime(2035, 1, 1), timezones=st.just(UTC)
    ),
    st.lists(st.times(), min_size=1, max_size=4, unique=True),
)
def test_every_instant_lies_inside_its_shift(instant: datetime, starts: list[time]) -> None:
    shift = shift_of(instant, starts, PKT)
    assert shift.start <= instant < shift.end
