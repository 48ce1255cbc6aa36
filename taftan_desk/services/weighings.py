"""Weighings at the weighbridge: the ticket, the figures and where each came from, written in
the same transaction as the crossing they weigh (or, for a vehicle weighed empty, as its own
audited event); and a vehicle's tare as last weighed empty, remembered per plate or wagon."""

from collections.abc import Mapping
from dataclasses import fields
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Connection
from sqlalchemy.sql.elements import ColumnElement

from taftan_desk.core import registration, weighbridge, weights
from taftan_desk.core.errors import ValidationError
from taftan_desk.core.roles import Permission
from taftan_desk.core.weighbridge import Purpose, Remembered, Source, Taken, VehicleKind
from taftan_desk.db.models import Weighing
from taftan_desk.services import audit, entry_numbers
from taftan_desk.services.database import Actor, Database, Unit
from taftan_desk.services.settings_service import load as load_settings
from taftan_desk.services.views import WeighingView

_WEIGHINGS = Weighing.__table__  # type: ignore[attr-defined]
_INSERT = sa.insert(_WEIGHINGS).returning(_WEIGHINGS.c.id)
_LAST_EMPTY = (
    sa.select(_WEIGHINGS)
    .where(_WEIGHINGS.c.vehicle_kind == sa.bindparam("kind"))
    .where(_WEIGHINGS.c.vehicle_no == sa.bindparam("number"))
    .where(_WEIGHINGS.c.purpose == Purpose.EMPTY.value)
    .order_by(_WEIGHINGS.c.id.desc())
    .limit(1)
)
_OF_CROSSING = (
    sa.select(_WEIGHINGS)
    .where(_WEIGHINGS.c.crossing_id == sa.bindparam("crossing_id"))
    .order_by(_WEIGHINGS.c.id.desc())
    .limit(1)
)
MAX_TICKETS_PER_YEAR = 999_999
_VIEW_FIELDS = tuple(f.name for f in fields(WeighingView))
_NEWER = _WEIGHINGS.alias("newer_weighing")
# A weighing's view columns beside another table's in a join, named weighing_<field>.
PREFIX = "weighing_"
JOINED_COLUMNS = tuple(_WEIGHINGS.c[name].label(PREFIX + name) for name in _VIEW_FIELDS)


def format_ticket(year: int, sequence: int) -> str:
    """A weighbridge ticket: W, the year's two digits and a six-digit sequence (W26-000123)."""
    return f"W{year % 100:02d}-{sequence:06d}"


TICKETS = entry_numbers.Gapless(
    "weighing_counters",
    MAX_TICKETS_PER_YEAR,
    format_ticket,
    sa.text("SELECT 1 FROM weighings WHERE ticket_no = :number"),
    "Weighbridge tickets",
    "weighbridge-ticket",
)


def allocate_ticket(conn: Connection, local_time: datetime) -> str:
    return TICKETS.issue(conn, local_time)


def remembered(conn: Connection, kind: VehicleKind, number: str, zone: Any) -> Remembered | None:
    """The vehicle's tare as it was last weighed empty (or typed for it), if ever."""
    row = conn.execute(_LAST_EMPTY, {"kind": kind.value, "number": number}).first()
    if row is None:
        return None
    return Remembered(
        weighing_id=row.id,
        tare_kg=row.bridge_kg,
        ticket_no=row.ticket_no,
        source=Source(row.bridge_source),
        weighed_on=row.weighed_at.astimezone(zone).strftime("%d %b %Y"),
        reason=row.reason,
    )


def provenance(taken: Taken | None, source: Source | None) -> dict[str, object]:
    """The scale's columns of a weighing: filled only for a figure read from it."""
    if taken is None or source is not Source.SCALE:
        return {"scale_id": "", "protocol": "", "interval_kg": None, "frames": ""}
    return {
        "scale_id": taken.scale_id[:40],
        "protocol": taken.protocol,
        "interval_kg": taken.interval_kg,
        "frames": weighbridge.show_frames(taken.frames),
    }


def record_loaded(
    unit: Unit,
    crossing_id: int,
    vehicle: tuple[VehicleKind, str] | None,
    weighed: registration.Weighed,
    taken: Taken | None = None,
    remembered_tare: Remembered | None = None,
) -> dict[str, object]:
    """A crossing's weighing: inserted, and returned as its audit event's "also" entry."""
    figures, gross_kg, tare_kg = weighed.figures, weighed.gross_kg, weighed.tare_kg
    assert gross_kg is not None and tare_kg is not None
    values: dict[str, object] = {
        "ticket_no": allocate_ticket(unit.conn, unit.now.astimezone(unit.settings.zone)),
        "purpose": Purpose.LOADED.value,
        "crossing_id": crossing_id,
        "vehicle_kind": vehicle[0].value if vehicle else None,
        "vehicle_no": vehicle[1] if vehicle else None,
        "bridge_kg": figures.bridge_kg if figures else None,
        "bridge_source": figures.bridge_source.value if figures else None,
        "vehicle_tare_kg": figures.vehicle_tare_kg if figures else None,
        "tare_source": figures.tare_source.value if figures else None,
        "vehicle_tare_id": (  # the empty weighing the tare came from (read or typed there)
            remembered_tare.weighing_id
            if figures and remembered_tare and figures.vehicle_tare_kg == remembered_tare.tare_kg
            else None
        ),
        "container_gross_kg": gross_kg,
        "container_tare_kg": tare_kg,
        "net_kg": weights.net_from(gross_kg, tare_kg),
        "reason": weighed.reason,
        **provenance(taken, figures.bridge_source if figures else None),
        "weighed_at": unit.now,
        "weighed_by": unit.actor.user_id,
    }
    values["id"] = unit.conn.execute(_INSERT, values).scalar_one()
    return audit.also("weighing", values["id"], values)


def latest_view(conn: Connection, crossing_id: int) -> WeighingView | None:
    row = conn.execute(_OF_CROSSING, {"crossing_id": crossing_id}).first()
    return view_of(row._mapping) if row is not None else None


def view_of(values: Mapping[str, Any], prefix: str = "") -> WeighingView:
    return WeighingView(**{name: values[prefix + name] for name in _VIEW_FIELDS})


def newest_of(crossing_id: ColumnElement[int]) -> ColumnElement[bool]:
    """An outer join's ON clause: each crossing with its newest weighing, the one its weights
    stand on (one probe of ix_weighings_crossing_id a crossing, then the row by its id)."""
    newest = sa.select(sa.func.max(_NEWER.c.id)).where(_NEWER.c.crossing_id == crossing_id)
    return _WEIGHINGS.c.id == newest.scalar_subquery()


def joined_view(values: Mapping[str, Any]) -> WeighingView | None:
    """The newest weighing from a row joined on `newest_of`; None when there is none."""
    return view_of(values, PREFIX) if values[PREFIX + "ticket_no"] is not None else None


class WeighingService:
    def __init__(self, db: Database) -> None:
        self.db = db

    def remembered_tare(self, mode: str, plate: str, wagon: str) -> Remembered | None:
        """The tare to show for the vehicle in the form (None: not known, or not a vehicle
        number the desk would accept)."""
        vehicle = vehicle_key(mode, plate, wagon)
        if vehicle is None:
            return None
        with self.db.read() as session:
            conn = session.connection()
            return remembered(conn, *vehicle, load_settings(conn).zone)

    def weigh_empty(
        self,
        actor: Actor,
        mode: str,
        vehicle_no: str,
        bridge_kg: str | int,
        taken: Taken | None = None,
        reason: str = "",
    ) -> WeighingView:
        """The vehicle alone on the bridge (or its tare typed from its papers, with a
        reason): remembered as its tare from now on. Audited."""
        actor.require(Permission.PROCESS_CROSSINGS)
        plate, wagon = (vehicle_no, "") if mode == "road" else ("", vehicle_no)
        vehicle = vehicle_key(mode, plate, wagon, strict=True)
        assert vehicle is not None
        weight = weights.parse_kg(bridge_kg, "bridge_kg", "empty vehicle's weight")
        source = weighbridge.bridge_source(weight, taken)
        with self.db.write(actor) as unit:
            if taken is not None and source is Source.SCALE:
                weighbridge.verify_taken(taken, unit.settings)
            typed_reason = weighbridge.clean_reason(reason) if source is Source.TYPED else ""
            values: dict[str, object] = {
                "ticket_no": allocate_ticket(unit.conn, unit.now.astimezone(unit.settings.zone)),
                "purpose": Purpose.EMPTY.value,
                "crossing_id": None,
                "vehicle_kind": vehicle[0].value,
                "vehicle_no": vehicle[1],
                "bridge_kg": weight,
                "bridge_source": source.value,
                "vehicle_tare_kg": None,
                "tare_source": None,
                "vehicle_tare_id": None,
                "container_gross_kg": None,
                "container_tare_kg": None,
                "net_kg": None,
                "reason": typed_reason,
                **provenance(taken, source),
                "weighed_at": unit.now,
                "weighed_by": unit.actor.user_id,
            }
            values["id"] = unit.conn.execute(_INSERT, values).scalar_one()
            unit.audit("vehicle_weighed_empty", "weighing", values["id"], {"after": values})
            return view_of(values)


def vehicle_key(
    mode: str, plate: str, wagon: str, *, strict: bool = False
) -> tuple[VehicleKind, str] | None:
    """The vehicle in the canonical form a registration stores it in; `strict` says what is
    wrong with it (a weighing of an empty vehicle must name one)."""
    road = mode == "road"
    try:
        valid = registration.vehicle_number(road, plate if road else wagon)
    except ValidationError:
        if strict:
            raise
        return None
    if valid is None:
        if strict:
            raise ValidationError(
                "Enter the truck's plate." if road else "Enter the wagon's number.",
                field="vehicle_no",
            )
        return None
    return (VehicleKind.TRUCK if road else VehicleKind.WAGON), valid
