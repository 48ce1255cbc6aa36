"""Crossing rows inside a unit of work: loading, touching, their history, and the read views
built from them (shared by the use-cases)."""

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, select

from taftan_desk.core.channel import Channel
from taftan_desk.core.errors import NotFound, StorageError
from taftan_desk.core.lifecycle import Status
from taftan_desk.db.models import AuditEvent, Crossing, Inspection, SealRecord
from taftan_desk.services import audit
from taftan_desk.services.audit import row_snapshot
from taftan_desk.services.database import Unit
from taftan_desk.services.views import (
    CrossingView,
    InspectionView,
    SealView,
    reasons_from_json,
)


@dataclass(frozen=True)
class HistoryLine:
    at: datetime
    actor: str
    action: str


_HISTORY = (
    sa.select(AuditEvent.at, AuditEvent.actor_name, AuditEvent.action)
    .where(AuditEvent.entity == "crossing")
    .where(AuditEvent.entity_id == sa.bindparam("entity_id"))
    .order_by(AuditEvent.id)
)


def history(session: Session, crossing_id: int) -> list[HistoryLine]:
    """What happened to a crossing, from its audit events (the record of record)."""
    rows = session.execute(_HISTORY, {"entity_id": str(crossing_id)})
    return [HistoryLine(at, actor, action) for at, actor, action in rows]


def seal_view(row: Mapping[str, Any]) -> SealView:
    return SealView(
        row["number"], row["state"], row["seal_class"], row["seal_type"], row["applied_at_exam"]
    )


def inspection_view(row: Inspection) -> InspectionView:
    return InspectionView(
        row.id or 0,
        row.kind,
        row.examiner,
        row.started_at,
        row.ended_at,
        row.seal_check,
        row.reweigh_gross_kg,
        row.findings,
        row.decision,
        row.new_seal_no,
        row.remarks,
        row.recorded_by,
    )


_VIEW_FIELDS = (
    "id",
    "entry_no",
    "station_code",
    "direction",
    "mode",
    "truck_plate",
    "train_no",
    "wagon_no",
    "container_no",
    "size_type",
    "max_gross_kg",
    "cargo_category",
    "hs_code",
    "description",
    "declared_net_kg",
    "gd_number",
    "tir_carnet",
    "tir_voucher",
    "gross_kg",
    "tare_kg",
    "net_kg",
    "weighed_at",
    "random_draw_bp",
    "random_rate_bp",
    "status_note",
    "registered_at",
    "registered_by",
    "closed_at",
)


def crossing_view(
    values: Mapping[str, Any],
    seals: list[Mapping[str, Any]] | None = None,
    inspections: list[Inspection] | None = None,
) -> CrossingView:
    """A view from a crossing's column values (a row snapshot or the values just inserted)."""
    return CrossingView(
        **{name: values[name] for name in _VIEW_FIELDS},
        channel=Channel(values["channel"]),
        reasons=reasons_from_json(values["channel_reasons_json"]),
        status=Status(values["status"]),
        seals=tuple(seal_view(s) for s in seals or ()),
        inspections=tuple(inspection_view(i) for i in inspections or ()),
    )


def load(session: Session, crossing_id: int, *, lock: bool = False) -> Crossing:
    """A crossing; `lock` (to change it) also proves it is as its last audit event left it,
    so a change made behind the desk's back is never carried into the next signed event."""
    row = session.get(Crossing, crossing_id, with_for_update=lock or None)
    if row is None:
        raise NotFound(f"No crossing with id {crossing_id}.")
    if lock:
        _require_as_audited(session, row)
    return row


_LAST_STATES = (
    sa.select(AuditEvent.data_json)
    .where(AuditEvent.entity == "crossing")
    .where(AuditEvent.entity_id == sa.bindparam("entity_id"))
    .order_by(AuditEvent.id.desc())  # type: ignore[union-attr]
)


def _require_as_audited(session: Session, row: Crossing) -> None:
    for (data_json,) in session.execute(_LAST_STATES, {"entity_id": str(row.id)}):
        after = json.loads(data_json).get("after")
        if after is None:  # e.g. a print: the crossing's state is in an earlier event
            continue
        if audit.snapshot_digest(after) == audit.snapshot_digest(row_snapshot(row)):
            return
        break
    raise StorageError(
        f"Entry {row.entry_no} is not as the desk last recorded it: it was changed outside "
        "the desk. Nothing was saved; ask the administrator to run `taftan-desk check`."
    )


def full_view(session: Session, row: Crossing) -> CrossingView:
    seals = list(
        session.exec(
            select(SealRecord).where(SealRecord.crossing_id == row.id).order_by(SealRecord.id)
        ).all()
    )
    inspections = list(
        session.exec(
            select(Inspection).where(Inspection.crossing_id == row.id).order_by(Inspection.id)
        ).all()
    )
    return crossing_view(row_snapshot(row), [row_snapshot(s) for s in seals], inspections)


def touch(unit: Unit, row: Crossing) -> None:
    row.updated_at = unit.now
    row.version += 1
    unit.session.add(row)
    unit.session.flush()
