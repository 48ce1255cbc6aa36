"""What changed since a desk last looked: read from the audit log, which every change writes.

Every change on any desk of the station appends an audit event in the same transaction, so
the log is the station's change feed, on SQLite and PostgreSQL alike. A look costs one
primary-key read of the audit head while nothing changed, and an index range over the new
events when something did; a desk looks about once a second.
"""

from dataclasses import dataclass

from sqlalchemy import select as sa_select

from taftan_desk.db.models import AuditEvent, AuditHead
from taftan_desk.services.database import Database

#: More new events than this in one look and the desk reloads everything instead.
MAX_EVENTS = 500


@dataclass(frozen=True)
class Changes:
    """The events after `since`, up to and including `last`."""

    since: int
    last: int
    crossings: frozenset[int]  # crossings written since
    other: frozenset[str]  # other kinds of record written since (user, station, ...)
    overflow: bool = False  # too many to list: reload everything

    @property
    def any(self) -> bool:
        return self.last != self.since


class ChangeFeed:
    def __init__(self, db: Database) -> None:
        self.db = db

    def head(self) -> int:
        """The newest event's id: where a desk that has just read everything starts."""
        with self.db.read() as session:
            head = session.get(AuditHead, 1)
            return head.last_event_id if head is not None else 0

    def since(self, last_seen: int, *, limit: int = MAX_EVENTS) -> Changes:
        """The records written after event `last_seen`."""
        with self.db.read() as session:
            head = session.get(AuditHead, 1)
            last = head.last_event_id if head is not None else 0
            if last <= last_seen:
                return Changes(last_seen, last_seen, frozenset(), frozenset())
            rows = session.execute(
                sa_select(AuditEvent.id, AuditEvent.entity, AuditEvent.entity_id)
                .where(AuditEvent.id > last_seen)  # type: ignore[operator]
                .where(AuditEvent.id <= last)  # type: ignore[operator]
                .order_by(AuditEvent.id)
                .limit(limit + 1)
            ).all()
        if len(rows) > limit:
            return Changes(last_seen, last, frozenset(), frozenset(), overflow=True)
        crossings = {int(entity_id) for _, entity, entity_id in rows if entity == "crossing"}
        other = {entity for _, entity, _ in rows if entity != "crossing"}
        return Changes(last_seen, last, frozenset(crossings), frozenset(other))
