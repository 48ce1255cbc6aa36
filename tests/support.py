"""Helpers shared by tests (importable as tests.support)."""

import hashlib
import sqlite3
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from taftan_desk.core.registration import RegistrationInput, WeighingInput
from taftan_desk.core.roles import Role
from taftan_desk.services import desk_key
from taftan_desk.services.approvals import Permit
from taftan_desk.services.container import Services
from taftan_desk.services.database import Actor
from taftan_desk.services.printed_documents import Delivery
from taftan_desk.services.views import IssuedDocument

if TYPE_CHECKING:
    from sqlalchemy import Engine

PASSWORD = "correct horse battery"


def fixed_key(label: str) -> desk_key.DeskKey:
    """A key made from its label: the same in every test process (never used outside tests)."""
    return desk_key.from_private(hashlib.sha256(label.encode()).digest(), f"test {label}")


# The desk every test station is enrolled with, and the roots it trusts: one object for the
# whole session, so stations copied from the template and child processes agree.
TEST_DESK_KEY = fixed_key("desk")
TEST_IDENTITY = desk_key.DeskIdentity.in_memory(TEST_DESK_KEY)

# Why a test's weights are typed: weights not read from the scale need a reason.
TYPED = "Typed from the indicator's display."


def typed_weighing(gross: str | int, tare: str | int) -> WeighingInput:
    """A registered crossing's container gross and tare typed, with the reason it needs."""
    return WeighingInput(gross_kg=gross, tare_kg=tare, weight_reason=TYPED)


# A steel truck weighed at registration, 1,000 kg under the limit: green, releasable at once.
WEIGHED_ROAD = RegistrationInput(
    "in",
    "road",
    "CSQU3054383",
    "steel",
    truck_plate="QAA-1",
    hs_code="720839",
    declared_net_kg="21000",
    gross_kg="23300",
    tare_kg="2300",
    weight_reason=TYPED,
)

# An outbound truck of textiles, weighed: 12,000 kg net (nothing declared).
_TEXTILES_OUT = {
    "direction": "out",
    "container_no": "MSKU3881107",
    "cargo_category": "textiles",
    "truck_plate": "LES-1",
    "hs_code": "520100",
    "declared_net_kg": "",
}


def road_form(*, weighed: bool = True, **overrides: Any) -> RegistrationInput:
    """A road registration as the desk receives it: WEIGHED_ROAD unless a test says otherwise.

    weighed=False leaves the weighbridge fields empty (weighed later); overrides name what the
    test is about and win over both.
    """
    base = (
        WEIGHED_ROAD
        if weighed
        else replace(WEIGHED_ROAD, gross_kg="", tare_kg="", weight_reason="")
    )
    return replace(base, **overrides)


def textiles_out_form(*, weighed: bool = True, **overrides: Any) -> RegistrationInput:
    """The outbound textile truck (another container, plate and HS code than WEIGHED_ROAD);
    weighed: 14,300 kg gross, 2,300 kg tare."""
    weights = {"gross_kg": "14300", "tare_kg": "2300"} if weighed else {}
    return road_form(weighed=weighed, **{**_TEXTILES_OUT, **weights, **overrides})


def run_sql(path: Path, *statements: str) -> None:
    """Change a station's file directly, as someone holding it (not the desk) would."""
    conn = sqlite3.connect(path)
    try:
        for statement in statements:
            conn.execute(statement)
        conn.commit()
    finally:
        conn.close()


def kept(issued: IssuedDocument) -> Delivery:
    """A `send` for tests that need a copy on record, not on paper: the copy counts as
    delivered to a file named after it."""
    return Delivery(f"test/{issued.record.id:06d}.pdf")


class FakeClock:
    """A clock tests move by hand; aware UTC like the real one."""

    def __init__(self, start: datetime | None = None) -> None:
        self.now = start or datetime(2026, 11, 27, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


@dataclass
class Desk:
    """A migrated, initialised station on a real temporary SQLite file, with three users."""

    path: Path
    services: Services
    clock: FakeClock
    admin: Actor
    officer: Actor
    supervisor: Actor
    supervisor2: Actor


def new_station(engine: "Engine", **accounts: Role) -> tuple[Services, dict[str, Actor]]:
    """A station migrated on `engine` (SQLite or PostgreSQL): its keys, station TFT without
    random selection, an administrator and the accounts asked for (ali=Role.OFFICER), each
    signed in (administrator as "admin")."""
    from taftan_desk.db import migrate

    migrate.upgrade(engine)
    services = Services.build(engine, FakeClock(), TEST_IDENTITY)
    setup = Actor(None, "test-setup", Role.ADMIN)
    services.keys.establish(setup)
    services.settings.initialise(setup, "TFT")
    services.settings.update(setup, {"random_rate_bp": 0})
    services.accounts.add(setup, "admin", Role.ADMIN, PASSWORD)
    admin = services.accounts.authenticate("admin", PASSWORD)
    for name, role in accounts.items():
        services.accounts.add(admin, name, role, PASSWORD)
    signed = {name: services.accounts.authenticate(name, PASSWORD) for name in accounts}
    return services, {"admin": admin, **signed}


def show_and_activate(qtbot, widget) -> None:  # type: ignore[no-untyped-def]
    """Show a window and wait until it really has keyboard focus (shortcuts need that).

    qtbot.waitActive alone can return before the platform reports a focus window.
    """
    from PySide6.QtGui import QGuiApplication

    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    widget.windowHandle().requestActivate()
    qtbot.waitUntil(lambda: QGuiApplication.focusWindow() is widget.windowHandle())


def released_over_a_hold(desk: "Desk") -> int:
    """A crossing held ("GD not produced") and released with Omar's approval ("GD produced
    at the desk"); its id."""
    services, officer = desk.services, desk.officer
    crossing = services.crossings.register(officer, road_form()).crossing
    services.crossings.hold(officer, crossing.id, "GD not produced")
    permit = Permit.release(crossing.id, officer, ["held"])
    approval = services.accounts.approve("omar", PASSWORD, "GD produced at the desk", permit)
    services.crossings.release(officer, crossing.id, approval)
    return crossing.id
