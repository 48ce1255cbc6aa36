"""Read-only lookups: one day's queue, a container's history, a crossing by entry number.

Lists select only the columns a list shows (no ORM objects), so a day of 1,000 rows or a
container's history stays in single-digit milliseconds on a million-row database.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import and_, func, or_, true
from sqlalchemy import select as sa_select
from sqlmodel import select

from taftan_desk.core import containers
from taftan_desk.core.channel import Channel
from taftan_desk.core.errors import NotFound
from taftan_desk.core.lifecycle import Status
from taftan_desk.db.models import Crossing
from taftan_desk.services.crossing_rows import full_view, load
from taftan_desk.services.database import Database
from taftan_desk.services.views import CrossingView, vehicle_text


@dataclass(frozen=True)
class QueueRow:
    id: int
    entry_no: str
    registered_at: datetime
    direction: str
    mode: str
    vehicle: str
    container_no: str
    cargo_category: str
    declared_net_kg: int | None
    net_kg: int | None
    channel: Channel
    status: Status


_COLUMNS = (
    Crossing.id,
    Crossing.entry_no,
    Crossing.registered_at,
    Crossing.direction,
    Crossing.mode,
    Crossing.truck_plate,
    Crossing.train_no,
    Crossing.wagon_no,
    Crossing.container_no,
    Crossing.cargo_category,
    Crossing.declared_net_kg,
    Crossing.net_kg,
    Crossing.channel,
    Crossing.status,
)


_CHANNELS = {c.value: c for c in Channel}
_OPEN_STATES = [s.value for s in Status if not s.is_closed]
_STATUSES = {s.value: s for s in Status}


def _queue_row(r: tuple) -> QueueRow:  # type: ignore[type-arg]
    """Rows unpack by position: attribute access by name costs more than the query."""
    (
        id_,
        entry_no,
        registered_at,
        direction,
        mode,
        plate,
        train,
        wagon,
        container,
        category,
        declared,
        net,
        channel,
        status,
    ) = r
    vehicle = vehicle_text(mode, plate, train, wagon)
    return QueueRow(
        id_,
        entry_no,
        registered_at,
        direction,
        mode,
        vehicle,
        container,
        category,
        declared,
        net,
        _CHANNELS[channel],
        _STATUSES[status],
    )


def queue_row_of(view: CrossingView) -> QueueRow:
    """The queue's line for a crossing just written, without reading it back."""
    return QueueRow(
        view.id,
        view.entry_no,
        view.registered_at,
        view.direction,
        view.mode,
        view.vehicle,
        view.container_no,
        view.cargo_category,
        view.declared_net_kg,
        view.net_kg,
        view.channel,
        view.status,
    )


#: Where a page of the queue ends: the last row's registration instant and id.
QueueKey = tuple[datetime, int]


@dataclass(frozen=True)
class QueueCounts:
    total: int
    carried: int  # still open from earlier days


def _after(key: QueueKey | None):  # type: ignore[no-untyped-def]
    """Keyset condition: rows strictly after `key` in (registered_at, id) order."""
    if key is None:
        return true()
    at, id_ = key
    return or_(
        Crossing.registered_at > at,
        and_(Crossing.registered_at == at, Crossing.id > id_),  # type: ignore[arg-type]
    )


def day_bounds(day: date, zone: ZoneInfo) -> tuple[datetime, datetime]:
    """The UTC instants that bound a station-local calendar day."""
    start = datetime.combine(day, time(0), tzinfo=zone)
    return start, datetime.combine(day + timedelta(days=1), time(0), tzinfo=zone)


class QueryService:
    def __init__(self, db: Database) -> None:
        self.db = db

    def day(self, day: date, zone: ZoneInfo, *, limit: int = 5_000) -> list[QueueRow]:
        start, end = day_bounds(day, zone)
        stmt = (
            sa_select(*_COLUMNS)
            .where(Crossing.registered_at >= start)
            .where(Crossing.registered_at < end)
            .order_by(Crossing.registered_at, Crossing.id)
            .limit(limit)
        )
        with self.db.read() as session:
            return [_queue_row(r) for r in session.execute(stmt)]

    def desk_queue(
        self, day: date, zone: ZoneInfo, *, after: QueueKey | None = None, limit: int = 200
    ) -> list[QueueRow]:
        """One page of the desk's queue: crossings still open from earlier days (a truck
        registered at 23:50 and still awaiting inspection must not vanish at midnight), then
        the day's, in (registered_at, id) order, starting after `after`. Keyset pages cost
        the same at the end of a day as at its start, whatever the size of the database."""
        start, end = day_bounds(day, zone)
        ordered = (Crossing.registered_at, Crossing.id)
        rows: list[QueueRow] = []
        with self.db.read() as session:
            if after is None or after[0] < start:
                earlier = (
                    sa_select(*_COLUMNS)
                    .where(Crossing.status.in_(_OPEN_STATES))  # type: ignore[attr-defined]
                    .where(Crossing.registered_at < start)
                    .where(_after(after))
                    .order_by(*ordered)
                    .limit(limit)
                )
                rows = [_queue_row(r) for r in session.execute(earlier)]
                after = None
            if len(rows) < limit:
                todays = (
                    sa_select(*_COLUMNS)
                    .where(Crossing.registered_at >= start)
                    .where(Crossing.registered_at < end)
                    .where(_after(after))
                    .order_by(*ordered)
                    .limit(limit - len(rows))
                )
                rows += [_queue_row(r) for r in session.execute(todays)]
        return rows

    def desk_queue_counts(self, day: date, zone: ZoneInfo) -> QueueCounts:
        start, end = day_bounds(day, zone)
        count = sa_select(func.count()).select_from(Crossing)
        with self.db.read() as session:
            carried = session.execute(
                count.where(Crossing.status.in_(_OPEN_STATES)).where(Crossing.registered_at < start)  # type: ignore[attr-defined]
            ).scalar_one()
            todays = session.execute(
                count.where(Crossing.registered_at >= start).where(Crossing.registered_at < end)
            ).scalar_one()
        return QueueCounts(carried + todays, carried)

    def queue_rows(self, crossing_ids: Iterable[int]) -> list[QueueRow]:
        """The queue's lines of these crossings as they are now (a desk's change feed names
        them), in queue order."""
        ids = sorted(set(crossing_ids))
        if not ids:
            return []
        stmt = (
            sa_select(*_COLUMNS)
            .where(Crossing.id.in_(ids))  # type: ignore[union-attr]
            .order_by(Crossing.registered_at, Crossing.id)
        )
        with self.db.read() as session:
            return [_queue_row(r) for r in session.execute(stmt)]

    def container_history(self, container_no: str, *, limit: int = 200) -> list[QueueRow]:
        number = containers.normalise(container_no)
        stmt = (
            sa_select(*_COLUMNS)
            .where(Crossing.container_no == number)
            .order_by(Crossing.registered_at.desc())
            .limit(limit)
        )  # type: ignore[attr-defined]
        with self.db.read() as session:
            return [_queue_row(r) for r in session.execute(stmt)]

    def has_crossings(self) -> bool:
        with self.db.read() as session:
            return session.execute(sa_select(Crossing.id).limit(1)).first() is not None

    def get(self, crossing_id: int) -> CrossingView:
        with self.db.read() as session:
            return full_view(session, load(session, crossing_id))

    def by_entry_no(self, entry_no: str) -> CrossingView:
        with self.db.read() as session:
            row = session.exec(
                select(Crossing).where(Crossing.entry_no == entry_no.strip())
            ).first()
            if row is None:
                raise NotFound(f"No crossing has entry number {entry_no.strip()}.")
            return full_view(session, row)
