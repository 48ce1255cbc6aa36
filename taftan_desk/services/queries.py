"""Read-only lookups: one day's queue, a container's history, a crossing by entry number.

Lists select only the columns a list shows (no ORM objects), so a day of 1,000 rows or a
container's history stays in single-digit milliseconds on a million-row database.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import and_, case, func, or_, true
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
    sort_vehicle: str = ""  # the plate, or the train on rail: what "sort by vehicle" uses

    @property
    def shown_net_kg(self) -> int | None:
        """The measured net, or the declared one until the truck is weighed."""
        return self.net_kg if self.net_kg is not None else self.declared_net_kg


# A queue row's columns; the shift review's list adds its own after them.
QUEUE_COLUMNS = (
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
        plate if plate is not None else (train if train is not None else ""),  # as SQL's coalesce
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
        view.truck_plate
        if view.truck_plate is not None
        else (view.train_no if view.train_no is not None else ""),
    )


#: Where a page of the queue ends: the last row's sort value (by default its registration
#: instant) and its id.
QueueKey = tuple[object, int]


@dataclass(frozen=True)
class QueueSort:
    """The order an officer chose by clicking a column: one of SORT_KEYS, and its direction."""

    by: str = "time"
    descending: bool = False

    def __post_init__(self) -> None:
        if self.by not in SORT_KEYS:
            raise ValueError(f"cannot sort the queue by {self.by!r}")

    @property
    def is_default(self) -> bool:
        return self.by == "time" and not self.descending


_CHANNEL_ORDER = {c.value: i for i, c in enumerate((Channel.GREEN, Channel.YELLOW, Channel.RED))}
_STATUS_ORDER = {s.value: i for i, s in enumerate(Status)}

#: Each sortable column as SQL, and the same value computed from a row (the next page starts
#: after the last row's value, and a row new to the list is placed by it).
SORT_KEYS: dict[str, tuple[Any, Callable[["QueueRow"], object]]] = {
    "time": (Crossing.registered_at, lambda r: r.registered_at),
    "entry": (Crossing.entry_no, lambda r: r.entry_no),
    "container": (Crossing.container_no, lambda r: r.container_no),
    "direction": (Crossing.direction, lambda r: r.direction),
    "cargo": (Crossing.cargo_category, lambda r: r.cargo_category),
    "vehicle": (
        func.coalesce(Crossing.truck_plate, Crossing.train_no, ""),
        lambda r: r.sort_vehicle,
    ),
    "net": (
        func.coalesce(Crossing.net_kg, Crossing.declared_net_kg, -1),
        lambda r: r.shown_net_kg if r.shown_net_kg is not None else -1,
    ),
    "channel": (
        case(_CHANNEL_ORDER, value=Crossing.channel, else_=9),
        lambda r: _CHANNEL_ORDER[r.channel.value],
    ),
    "status": (
        case(_STATUS_ORDER, value=Crossing.status, else_=9),
        lambda r: _STATUS_ORDER[r.status.value],
    ),
}


def sort_key(row: "QueueRow", sort: QueueSort) -> QueueKey:
    """The row's place in the queue's order: what the next page starts after."""
    return (SORT_KEYS[sort.by][1](row), row.id)


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
            sa_select(*QUEUE_COLUMNS)
            .where(Crossing.registered_at >= start)
            .where(Crossing.registered_at < end)
            .order_by(Crossing.registered_at, Crossing.id)
            .limit(limit)
        )
        with self.db.read() as session:
            return [_queue_row(r) for r in session.execute(stmt)]

    def desk_queue(
        self,
        day: date,
        zone: ZoneInfo,
        *,
        after: QueueKey | None = None,
        limit: int = 200,
        sort: QueueSort = QueueSort(),  # noqa: B008 - frozen
    ) -> list[QueueRow]:
        """One page of the desk's queue: crossings still open from earlier days (a truck
        registered at 23:50 and still awaiting inspection must not vanish at midnight), then
        the day's, in (registered_at, id) order, starting after `after`. Keyset pages cost
        the same at the end of a day as at its start, whatever the size of the database.
        Another `sort` orders the same crossings by that column (then id), in SQL."""
        if not sort.is_default:
            return self._sorted_queue(day, zone, after, limit, sort)
        start, end = day_bounds(day, zone)
        ordered = (Crossing.registered_at, Crossing.id)
        rows: list[QueueRow] = []
        with self.db.read() as session:
            if after is None or after[0] < start:
                earlier = (
                    sa_select(*QUEUE_COLUMNS)
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
                    sa_select(*QUEUE_COLUMNS)
                    .where(Crossing.registered_at >= start)
                    .where(Crossing.registered_at < end)
                    .where(_after(after))
                    .order_by(*ordered)
                    .limit(limit - len(rows))
                )
                rows += [_queue_row(r) for r in session.execute(todays)]
        return rows

    def _sorted_queue(
        self, day: date, zone: ZoneInfo, after: QueueKey | None, limit: int, sort: QueueSort
    ) -> list[QueueRow]:
        start, end = day_bounds(day, zone)
        expression = SORT_KEYS[sort.by][0]
        in_queue = or_(
            and_(Crossing.registered_at >= start, Crossing.registered_at < end),
            and_(
                Crossing.status.in_(_OPEN_STATES),  # type: ignore[attr-defined]
                Crossing.registered_at < start,
            ),
        )
        stmt = sa_select(*QUEUE_COLUMNS).where(in_queue)
        if after is not None:
            value, id_ = after
            if sort.descending:
                stmt = stmt.where(
                    or_(expression < value, and_(expression == value, Crossing.id < id_))  # type: ignore[operator]
                )
            else:
                stmt = stmt.where(
                    or_(expression > value, and_(expression == value, Crossing.id > id_))  # type: ignore[operator]
                )
        if sort.descending:
            stmt = stmt.order_by(expression.desc(), Crossing.id.desc())  # type: ignore[union-attr]
        else:
            stmt = stmt.order_by(expression, Crossing.id)
        with self.db.read() as session:
            return [_queue_row(r) for r in session.execute(stmt.limit(limit))]

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
            sa_select(*QUEUE_COLUMNS)
            .where(Crossing.id.in_(ids))  # type: ignore[union-attr]
            .order_by(Crossing.registered_at, Crossing.id)
        )
        with self.db.read() as session:
            return [_queue_row(r) for r in session.execute(stmt)]

    def container_history(self, container_no: str, *, limit: int = 200) -> list[QueueRow]:
        number = containers.normalise(container_no)
        stmt = (
            sa_select(*QUEUE_COLUMNS)
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
