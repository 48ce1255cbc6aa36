"""Holds as facts: a hold placed on a crossing stays until a supervisor's approval lifts it,
whatever the crossing's status does in between (re-inspection, referral, re-routing)."""

import sqlalchemy as sa
from sqlalchemy import Connection

from taftan_desk.db.models import CrossingHold
from taftan_desk.services import audit
from taftan_desk.services.database import Unit

PLACED, LIFTED = "placed", "lifted"
_HOLDS = CrossingHold.__table__  # type: ignore[attr-defined]
_LAST_ACTION = (
    sa.select(_HOLDS.c.action)
    .where(_HOLDS.c.crossing_id == sa.bindparam("crossing_id"))
    .order_by(_HOLDS.c.id.desc())
    .limit(1)
)


def is_open(conn: Connection, crossing_id: int) -> bool:
    """A hold was placed and no supervisor has lifted it since."""
    return conn.execute(_LAST_ACTION, {"crossing_id": crossing_id}).scalar() == PLACED


def record(
    unit: Unit, crossing_id: int, action: str, reason: str, approval_id: int | None = None
) -> dict[str, object]:
    """Append a hold fact in the unit's transaction; returns its entry for the audit event's
    "also" list (the caller's event carries it)."""
    values: dict[str, object] = {
        "crossing_id": crossing_id,
        "action": action,
        "at": unit.now,
        "by_user": unit.actor.user_id,
        "reason": reason,
        "approval_id": approval_id,
    }
    unit.flush()
    values["id"] = unit.conn.execute(sa.insert(_HOLDS).returning(_HOLDS.c.id), values).scalar_one()
    return audit.also("crossing_hold", values["id"], values)
