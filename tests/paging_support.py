"""Crossings made to trip a paged list: ties on every sort, and ids out of time order.

Importable as tests.paging_support. Crossings are registered through the real services with
the clock set by hand: several share one instant, and later ids often carry earlier times,
so an index scan meets tied rows in another order than their ids (an ORDER BY without the
id tiebreaker then pages wrongly instead of passing by luck).
"""

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from taftan_desk.core import containers
from taftan_desk.core.channel import Channel
from taftan_desk.core.lifecycle import Status
from taftan_desk.core.registration import RegistrationInput
from taftan_desk.services.container import Services
from taftan_desk.services.crossing_lines import CrossingLine
from taftan_desk.services.database import Actor
from tests.support import TYPED, FakeClock

SHIFT_START = datetime(2026, 11, 28, 1, 0, tzinfo=UTC)  # 06:00 at Taftan (PKT, UTC+5)
SHIFT_END = SHIFT_START + timedelta(hours=8)

# (direction, category, HS code, declared kg or None, weighed)
_KINDS = (
    ("in", "steel", "720839", "21000", True),
    ("in", "oil", "27090000", "18000", True),
    ("out", "textiles", "520100", "", False),
    ("in", "gas", "27111200", "16000", False),
    ("out", "textiles", "520100", "12000", True),
    ("out", "other", "42032900", "9000", True),
)


def container(n: int) -> str:
    body = f"MSKU{n:06d}"
    return body + str(containers.check_digit(body))


def _form(n: int) -> RegistrationInput:
    direction, category, hs, declared, weighed = _KINDS[n % len(_KINDS)]
    rail = n % 5 == 0
    net = int(declared or "11000") + 10 * (n % 3)  # the same net every third crossing
    weights = (
        {"gross_kg": str(net + 2300), "tare_kg": "2300", "weight_reason": TYPED} if weighed else {}
    )
    return RegistrationInput(
        direction,
        "rail" if rail else "road",
        container(n),
        category,
        truck_plate="" if rail else f"QAA-{100 + n % 7}",
        train_no="ML-ZHD-01" if rail else "",
        wagon_no=f"PR-{10_000 + n}" if rail else "",
        hs_code=hs,
        declared_net_kg=declared,
        gd_number=f"KPPI-HC-{100_000 + n}-28112026",
        **weights,
    )


def register_variety(
    services: Services, clock: FakeClock, officers: list[Actor], count: int = 36
) -> list[int]:
    """`count` crossings inside SHIFT_START..SHIFT_END (and two outside it); their ids.

    Minutes are drawn so that groups of three share an instant and the instants do not rise
    with the ids; every fourth is held, every third green one released."""
    ids = []
    for n in range(count):
        minute = (n * 37) % (count // 3 + 1) * 7  # a permutation of instants, three apiece
        clock.now = SHIFT_START + timedelta(minutes=minute)
        view = services.crossings.register(officers[n % len(officers)], _form(n)).crossing
        if n % 4 == 1:
            services.crossings.hold(officers[0], view.id, "Papers")
        elif n % 3 == 0 and view.net_kg is not None and view.channel.value == "green":
            services.crossings.release(officers[0], view.id)
        ids.append(view.id)
    for n, outside in enumerate((SHIFT_START - timedelta(minutes=1), SHIFT_END), count):
        clock.now = outside
        services.crossings.register(officers[0], _form(n))
    return ids


_CHANNELS = [Channel.GREEN, Channel.YELLOW, Channel.RED]
_STATUSES = list(Status)

#: What each sort means, computed from a line: the oracle the SQL order is checked against.
ORACLE: dict[str, Callable[[CrossingLine], Any]] = {
    "time": lambda r: r.registered_at,
    "entry": lambda r: r.entry_no,
    "container": lambda r: r.container_no,
    "direction": lambda r: r.direction,
    "cargo": lambda r: r.cargo_category,
    "vehicle": lambda r: r.vehicle.split(" / ")[0],  # the plate, or the train on rail
    "net": lambda r: r.shown_net_kg if r.shown_net_kg is not None else -1,
    "channel": lambda r: _CHANNELS.index(r.channel),
    "status": lambda r: _STATUSES.index(r.status),
    "mode": lambda r: r.mode,
    "declared": lambda r: r.declared_net_kg if r.declared_net_kg is not None else -1,
    "difference": lambda r: r.difference_kg if r.difference_kg is not None else -(10**9),
    "held": lambda r: int(r.on_hold),
    "officer": lambda r: r.officer,
}
