"""Loading and saving crossing rows inside a unit of work (shared by the use-cases)."""

from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Session, select

from taftan_desk.core.errors import NotFound
from taftan_desk.db.models import AuditEvent, Crossing, Inspection, SealRecord
from taftan_desk.services.audit import row_snapshot
from taftan_desk.services.database import Unit
from taftan_desk.services.views import CrossingView, crossing_view


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


def load(session: Session, crossing_id: int, *, lock: bool = False) -> Crossing:
    row = session.get(Crossing, crossing_id, with_for_update=lock or None)
    if row is None:
        raise NotFound(f"No crossing with id {crossing_id}.")
    return row


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
