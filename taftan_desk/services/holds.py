"""Holds as facts: a hold placed on a crossing stays until a supervisor's approval lifts it,
whatever the crossing's status does in between (re-inspection, referral, re-routing).

The flag that blocks release is a column of the crossing, so it is proven against the
crossing's signed audit state before every change; a hold row inserted behind the desk's
back lifts nothing."""

import sqlalchemy as sa

from taftan_desk.db.models import Crossing, CrossingHold
from taftan_desk.services import audit
from taftan_desk.services.database import Unit

PLACED, LIFTED = "placed", "lifted"
_HOLDS = CrossingHold.__table__  # type: ignore[attr-defined]


def record(
    unit: Unit, row: Crossing, action: str, reason: str, approval_id: int | None = None
) -> dict[str, object]:
    """Place or lift a hold in the unit's transaction: the crossing's on_hold flag (audited
    with the crossing, so checked before every change) and a crossing_holds fact saying who,
    why and with which approval. Returns the fact for the audit event's "also" list."""
    row.on_hold = action == PLACED
    crossing_id = row.id
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
