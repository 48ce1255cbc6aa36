"""Realistic demo traffic, written through the real services with a moving clock.

Both directions, rail and road, the five categories in plausible shares (inbound oil, gas,
steel and industrial goods; outbound textiles), a few percent overweight, declared/measured
discrepancies, broken seals, inspections, holds and refusals.
"""

import random
import secrets
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlmodel import select

from taftan_desk.core import containers, uic
from taftan_desk.core.channel import Channel
from taftan_desk.core.errors import AuthenticationFailed, DeskError
from taftan_desk.core.inspection import InspectionInput
from taftan_desk.core.lifecycle import Status
from taftan_desk.core.owners import DEFAULT_KNOWN_OWNERS
from taftan_desk.core.registration import RegistrationInput, SealInput, WeighingInput
from taftan_desk.core.roles import Role
from taftan_desk.db.models import User
from taftan_desk.services import demo_train
from taftan_desk.services.approvals import Permit
from taftan_desk.services.container import Services
from taftan_desk.services.database import Actor, Database
from taftan_desk.services.views import CrossingView

DEMO_USERS = (
    ("officer1", Role.OFFICER, "Ahmed Baloch"),
    ("officer2", Role.OFFICER, "Fatima Rind"),
    ("supervisor1", Role.SUPERVISOR, "Imran Qureshi"),
    ("supervisor2", Role.SUPERVISOR, "Nadia Khan"),
)

# (direction, category, share, net range kg, HS codes)
TRAFFIC_PROFILES = (
    ("in", "oil", 16, (14_000, 21_500), ("27090000", "27101943", "27101951")),
    ("in", "gas", 18, (12_000, 20_000), ("27111200", "27111300", "27111100")),
    ("in", "steel", 16, (17_000, 22_400), ("72083900", "72142000", "73063090")),
    ("in", "industrial", 10, (6_000, 18_000), ("84295200", "85023900", "84314990")),
    ("out", "textiles", 28, (8_000, 16_500), ("52051200", "63026000", "61091000")),
    ("out", "other", 8, (5_000, 14_000), ("42032900", "90189090", "10063090")),
    ("out", "industrial", 4, (4_000, 12_000), ("84818090", "85444990")),
)
_PLATE_REGIONS = ("QAA", "QAB", "QKA", "IR-13", "IR-85", "LES", "KHI")
_TARES = (
    ("22G1", 2_300, None),
    ("22G1", 2_250, 30_480),
    ("42G1", 3_750, 30_480),
    ("45G1", 3_940, 32_500),
    ("22T1", 3_600, 36_000),
)
_TRAINS = ("ML-ZHD-01", "ML-ZHD-03", "QICT-AST-2", "PICT-AST-5")


@dataclass
class DemoReport:
    users: list[tuple[str, str, str, str]]  # username, role, full name, password or note
    crossings: int
    by_status: dict[str, int]
    train: "demo_train.DemoTrain | None" = None


class _Clock:
    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now


def run_demo(
    services: Services, *, days: int, per_day: int, seed: int | None, today: date | None = None
) -> DemoReport:
    rng = random.Random(seed)
    setup = Actor(None, "demo", Role.ADMIN)
    services.keys.establish(setup)
    services.settings.initialise(setup)
    settings = services.settings.current()
    if not settings.demo_station and services.queries.has_crossings():
        raise DeskError(
            "This database already holds real crossings: demo traffic would mix "
            "with evidence. Point --db at a new file for the demo."
        )
    if not settings.demo_station:
        services.settings.update(setup, {"demo_station": True})
    users = _ensure_users(services, setup)
    passwords = {name: note for name, _, _, note in users if not note.startswith("(")}
    clock = _Clock(datetime.now(settings.zone))
    demo = Services.build(services.db.engine, clock, services.db.identity)
    actors = {name: _login(services.db, name) for name, _, _ in DEMO_USERS}
    officers = [actors["officer1"], actors["officer2"]]
    # Approvals are signed with the supervisors' passwords, as at a real desk; supervisors
    # whose password this run does not know leave overweight crossings on hold.
    supervisors = [(n, passwords[n]) for n in ("supervisor1", "supervisor2") if n in passwords]
    pool = _container_pool(rng, max(50, days * per_day // 3))
    zone = settings.zone
    now = datetime.now(zone)
    last_day = today or now.date()
    counts: dict[str, int] = {}
    total = 0
    for offset in range(days - 1, -1, -1):
        midnight = datetime.combine(last_day - timedelta(days=offset), time(0), tzinfo=zone)
        # Today's traffic ends an hour before now, so its last steps stay in the past.
        span = min(86_400.0, max(60.0, (now - midnight).total_seconds() - 3_600))
        times = sorted(rng.uniform(0, span) for _ in range(per_day))
        open_after = times[int(len(times) * 0.9)] if offset == 0 and times else span
        for seconds in times:
            clock.now = midnight + timedelta(seconds=seconds)
            view = _one_crossing(
                demo, rng, clock, pool, officers, supervisors, leave_open=seconds >= open_after
            )
            counts[view.status.value] = counts.get(view.status.value, 0) + 1
            total += 1
    train = None
    if today is None or today == now.date():  # a train expected today, as the desk is now
        train = demo_train.announce(
            demo, rng, officers[0], now, lambda at: setattr(clock, "now", at), set(pool)
        )
    return DemoReport(users, total, counts, train)


def _login(db: Database, username: str) -> Actor:
    with db.read() as session:
        user = session.exec(select(User).where(User.username == username)).one()
        return Actor(user.id, user.username, Role(user.role), user.full_name)


def _ensure_users(services: Services, setup: Actor) -> list[tuple[str, str, str, str]]:
    existing = {u.username for u in services.accounts.list()}
    printed: list[tuple[str, str, str, str]] = []
    admin = None
    if not existing:
        password = secrets.token_urlsafe(9)
        services.accounts.add(setup, "admin", Role.ADMIN, password, "Station administrator")
        printed.append(("admin", "admin", "Station administrator", password))
        admin = services.accounts.authenticate("admin", password)
    for name, role, full_name in DEMO_USERS:
        if name in existing:
            printed.append((name, role.value, full_name, "(already existed; password unchanged)"))
            continue
        if admin is None:
            admin = Actor(None, "demo", Role.ADMIN)
        password = secrets.token_urlsafe(9)
        services.accounts.add(admin, name, role, password, full_name)
        printed.append((name, role.value, full_name, password))
    return printed


def _container_pool(rng: random.Random, size: int) -> list[str]:
    owners = list(DEFAULT_KNOWN_OWNERS)
    pool = []
    for _ in range(size):
        owner = rng.choice(owners) if rng.random() > 0.03 else rng.choice(("XYZ", "QRS", "PLK"))
        body = f"{owner}U{rng.randrange(1_000_000):06d}"
        pool.append(body + str(containers.check_digit(body)))
    return pool


def _one_crossing(
    svc: Services,
    rng: random.Random,
    clock: _Clock,
    pool: list[str],
    officers: list[Actor],
    supervisors: list[tuple[str, str]],
    leave_open: bool,
) -> CrossingView:
    direction, category, _, (low, high), hs_codes = rng.choices(
        TRAFFIC_PROFILES, weights=[p[2] for p in TRAFFIC_PROFILES]
    )[0]
    rail = rng.random() < 0.3
    size_type, tare, plate = rng.choice(_TARES)
    declared = rng.randrange(low, high, 10)
    officer = rng.choice(officers)
    seals = [
        SealInput(
            f"{rng.choice('ABCDEHKMPT')}{rng.randrange(10**6, 10**7)}",
            state="broken" if rng.random() < 0.02 else "intact",
            seal_class=rng.choice(("H", "H", "S", "")),
        )
        for _ in range(rng.choice((1, 1, 2)))
    ]
    form = RegistrationInput(
        direction=direction,
        mode="rail" if rail else "road",
        container_no=rng.choice(pool),
        cargo_category=category,
        truck_plate="" if rail else f"{rng.choice(_PLATE_REGIONS)}-{rng.randrange(100, 9999)}",
        train_no=rng.choice(_TRAINS) if rail else "",
        wagon_no=_wagon(rng) if rail else "",
        size_type=size_type,
        max_gross_kg=plate or "",
        hs_code=rng.choice(hs_codes),
        description=f"{category} cargo",
        declared_net_kg=declared,
        gd_number=f"KPPI-HC-{rng.randrange(10**5, 10**6)}-{clock.now:%d%m%Y}",
        tir_carnet=f"XH{rng.randrange(10**7, 10**8)}" if not rail and rng.random() < 0.4 else "",
        seals=tuple(seals),
    )
    view = svc.crossings.register(officer, form).crossing
    if leave_open and rng.random() < 0.6:
        return view
    clock.now += timedelta(minutes=rng.uniform(3, 25))
    view, _ = svc.crossings.record_weighing(
        officer,
        view.id,
        _weighing(svc, officer, rng, view, _weights(rng, declared, tare, category)),
    )
    if leave_open:
        return view
    return _decide(svc, rng, clock, view, officer, supervisors)


def _weights(rng: random.Random, declared: int, tare: int, category: str) -> tuple[int, int]:
    net = declared + rng.randrange(-200, 200)
    roll = rng.random()
    if roll < 0.04:
        net = declared + rng.choice((-1, 1)) * rng.randrange(declared // 9, declared // 5)
    elif roll < 0.08 and category in ("steel", "oil", "gas"):
        net = 22_000 + rng.randrange(10, 700)
    gross = (net + tare + 10) // 20 * 20  # the weighbridge reads in 20 kg steps
    return gross, tare


def _weighing(
    svc: Services, officer: Actor, rng: random.Random, view: CrossingView, weighed: tuple[int, int]
) -> WeighingInput:
    """The crossing on the demo's weighbridge: a vehicle's tare remembered from an empty
    weighing for most, typed from its papers for some."""
    gross, tare = weighed
    interval = svc.settings.current().scale_interval_kg
    number = view.truck_plate if view.mode == "road" else view.wagon_no
    vehicle_tare = svc.weighings.remembered_tare(view.mode, number or "", number or "")
    reason = ""
    if vehicle_tare is not None:
        vehicle_kg = vehicle_tare.tare_kg
    else:
        vehicle_kg = rng.randrange(13_500, 16_500, 20) if view.mode == "road" else 22_000
        if rng.random() < 0.7 and number:
            svc.weighings.weigh_empty(
                officer, view.mode, number, vehicle_kg, demo_train.taken(vehicle_kg, interval)
            )
        else:
            reason = "Vehicle tare from its registration papers."
    bridge = gross + vehicle_kg
    return WeighingInput(
        bridge_kg=bridge,
        vehicle_tare_kg=vehicle_kg,
        tare_kg=tare,
        taken=demo_train.taken(bridge, interval),
        weight_reason=reason,
    )


def _decide(
    svc: Services,
    rng: random.Random,
    clock: _Clock,
    view: CrossingView,
    officer: Actor,
    supervisors: list[tuple[str, str]],
) -> CrossingView:
    clock.now += timedelta(minutes=rng.uniform(2, 40))
    if view.channel is not Channel.GREEN:
        kind = (
            "documentary" if view.channel is Channel.YELLOW else rng.choice(("physical", "scanner"))
        )
        roll = rng.random()
        findings, decision, remarks = "no_discrepancy", "release", ""
        if view.channel is Channel.RED and roll < 0.12:
            findings, decision, remarks = "discrepancy", "hold", "Goods differ from the GD."
        elif view.channel is Channel.RED and roll < 0.14:
            findings, decision, remarks = "prohibited", "refuse", "Undeclared prohibited goods."
        view = svc.inspections.record(
            officer,
            view.id,
            InspectionInput(
                kind=kind,
                examiner=officer.display,
                findings=findings,
                decision=decision,
                seal_check="intact",
                remarks=remarks,
                new_seal_no=f"TFT{rng.randrange(10**6, 10**7)}" if kind == "physical" else "",
            ),
        )
        if view.status is not Status.INSPECTED:
            return view
        clock.now += timedelta(minutes=rng.uniform(1, 10))
    blockers = svc.crossings.blockers(view.id)
    approval = None
    if any(b.overridable for b in blockers):
        if not supervisors or rng.random() < 0.5:
            return svc.crossings.hold(officer, view.id, "Overweight: awaiting partial offload.")
        name, password = rng.choice(supervisors)
        approval = svc.accounts.approve(
            name,
            password,
            "Within the weighbridge tolerance agreed with the carrier.",
            Permit.release(view.id, officer, [b.code for b in blockers if b.overridable]),
        )
    try:
        return svc.crossings.release(officer, view.id, approval)
    except (DeskError, AuthenticationFailed):
        return svc.crossings.hold(officer, view.id, "Release refused by the desk rules.")


def _wagon(rng: random.Random) -> str:
    if rng.random() < 0.5:
        return f"PR-{rng.randrange(10_000, 99_999)}"  # Pakistani wagons have no UIC number
    first = (
        f"{rng.choice(('31', '33'))}{rng.choice(('96', '20', '27'))}{rng.randrange(10**6, 10**7)}"
    )
    return first + str(uic.check_digit(first))
