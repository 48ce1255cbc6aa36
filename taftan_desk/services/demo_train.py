"""The demo's pre-announced train: a Pakistan–Russia corridor train of 40 wagons whose
manifest arrives before it does, the first wagons already registered from it (one with a
seal the manifest does not list), and one container on the train that no manifest names,
so the pre-arrivals list, the scan that fills the form and the train report can be tried
at once."""

import csv
import io
import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from taftan_desk.core import containers, scale
from taftan_desk.core.owners import DEFAULT_KNOWN_OWNERS
from taftan_desk.core.registration import RegistrationInput, SealInput
from taftan_desk.core.weighbridge import Taken
from taftan_desk.services.container import Services
from taftan_desk.services.database import Actor

TRAIN = "PR-TFT-01"
WAGONS = 40
ARRIVED = 10
_CARGO = (  # (category as offices write it, HS code, description)
    ("steel", "72083900", "Hot-rolled steel coils"),
    ("industrial goods", "84295200", "Excavators, tracked"),
    ("oil", "27101943", "Lubricating oil in drums"),
    ("gas", "27111200", "Liquefied propane, ISO tank"),
)


@dataclass(frozen=True)
class DemoTrain:
    train: str
    announced: int
    arrived: int
    note: str = ""  # why no train was announced (a second run on the same seed)


def announce(
    services: Services,
    rng: random.Random,
    officer: Actor,
    now: datetime,
    set_clock: Callable[[datetime], None],
    taken: set[str],
) -> DemoTrain:
    """Imports the train's manifest 55 minutes ago and registers its first wagons since:
    after the rest of the demo's registrations (which end an hour ago), so that entry
    numbers stay in registration order."""
    rows = _rows(rng, now, taken)
    set_clock(now - timedelta(minutes=55))
    result = services.manifests.load(officer, f"{TRAIN}.csv", _csv(rows))
    if not result.ok:
        return DemoTrain(TRAIN, 0, 0, result.problems[0].words())
    for i, row in enumerate(rows[:ARRIVED]):
        set_clock(now - timedelta(minutes=50 - 2 * i))
        seals = row["seals"].split()
        if i == 4:
            seals = [seals[0], "TFT9904417"]  # a seal other than the manifest's
        services.crossings.register(officer, _form(row, seals, rng))
    extra = dict(rows[-1], container_no=_number(rng, taken), wagon_no="PR-99117")
    set_clock(now - timedelta(minutes=28))
    services.crossings.register(officer, _form(extra, extra["seals"].split(), rng))
    return DemoTrain(TRAIN, len(rows), ARRIVED)


def _rows(rng: random.Random, now: datetime, taken: set[str]) -> list[dict[str, str]]:
    rows = []
    for i in range(WAGONS):
        category, hs, description = _CARGO[i % len(_CARGO)] if i % 3 else _CARGO[0]
        rows.append(
            {
                "direction": "in",
                "container_no": _number(rng, taken),
                "cargo_category": category,
                "declared_net_kg": str(rng.randrange(14_000, 21_800, 10)),
                "train_no": TRAIN,
                "wagon_no": f"PR-{61_000 + i}",
                "size_type": "22G1",
                "seals": f"RU{rng.randrange(10**6, 10**7)} PK{rng.randrange(10**6, 10**7)}",
                "hs_code": hs,
                "description": description,
                "gd_number": f"KPPI-HC-{rng.randrange(10**5, 10**6)}-{now:%d%m%Y}",
                "consignee": "Pak-Russia Trading Co., Quetta",
                "expected_on": now.date().isoformat(),
            }
        )
    return rows


def _number(rng: random.Random, taken: set[str]) -> str:
    while True:
        body = f"{rng.choice(list(DEFAULT_KNOWN_OWNERS))}U{rng.randrange(10**6):06d}"
        number = body + str(containers.check_digit(body))
        if number not in taken:
            taken.add(number)
            return number


def _csv(rows: list[dict[str, str]]) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode("utf-8-sig")


DEMO_SCALE = "Demo weighbridge"


def taken(kg: int, interval_kg: int) -> Taken:
    """A stable reading as the demo's weighbridge (st-gs) would give it."""
    frames = tuple(scale.encode("st-gs", kg) for _ in range(8))
    return Taken(kg, frames, DEMO_SCALE, "st-gs", interval_kg)


def _form(row: dict[str, str], seals: list[str], rng: random.Random) -> RegistrationInput:
    declared = int(row["declared_net_kg"])
    gross = (declared + 2_300 + rng.randrange(-120, 120)) // 20 * 20
    wagon_tare = 21_000 + rng.randrange(0, 2_000, 20)
    return RegistrationInput(
        direction=row["direction"],
        mode="rail",
        container_no=row["container_no"],
        cargo_category="industrial"
        if row["cargo_category"] == "industrial goods"
        else (row["cargo_category"]),
        train_no=row["train_no"],
        wagon_no=row["wagon_no"],
        size_type=row["size_type"],
        hs_code=row["hs_code"],
        description=row["description"],
        declared_net_kg=declared,
        gd_number=row["gd_number"],
        seals=tuple(SealInput(s) for s in seals),
        bridge_kg=gross + wagon_tare,
        vehicle_tare_kg=wagon_tare,
        tare_kg=2_300,
        taken=taken(gross + wagon_tare, 20),
        weight_reason="Wagon tare as stencilled on the wagon.",
    )
