"""Crossings as one paged list: every column a supervisor sorts by and every filter, in SQL.

`CROSSING_LIST` is a services.paging.PagedTable: a shift is the filter `period` (a
services.report_views.Period: the shift each crossing stored when it was registered, or its
time for crossings older than that, as the daily report counts them), or the bare time
window `registered_from` / `registered_before` (aware instants); the rest narrow it. The
queue's sorts (services.queries.SORT_KEYS: status and channel by meaning, the shown net,
the vehicle) are reused, so "sort by status" means the same on every screen.
"""

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, exists, func, or_, true

from taftan_desk.core.channel import Channel
from taftan_desk.core.lifecycle import Status
from taftan_desk.db.models import Crossing, DocumentVoid, PrintedDocument, User
from taftan_desk.services.crossing_lines import CrossingLine
from taftan_desk.services.database import Database
from taftan_desk.services.paging import PagedReader, PagedTable, Sort
from taftan_desk.services.queries import QUEUE_COLUMNS, SORT_KEYS
from taftan_desk.services.shift_report import in_period
from taftan_desk.services.views import vehicle_text

# Who registered the crossing; '' for a crossing registered by an administrator's script.
_OFFICER = func.coalesce(func.nullif(User.full_name, ""), User.username, "")
_SOURCE = Crossing.__table__.outerjoin(User, User.id == Crossing.registered_by)  # type: ignore[attr-defined]
_OPEN = [s.value for s in Status if not s.is_closed]
_CLOSED = [s.value for s in Status if s.is_closed]
# "Not known" sorts below every real difference (a difference is at most a few tonnes).
_UNKNOWN_KG = -(10**9)

_COLUMNS = (*QUEUE_COLUMNS, Crossing.on_hold, _OFFICER)

_CHANNELS = {c.value: c for c in Channel}
_STATUSES = {s.value: s for s in Status}


def _line(r: Sequence[Any]) -> CrossingLine:
    """Rows unpack by position: attribute access by name costs more than the query."""
    (id_, entry, at, direction, mode, plate, train, wagon, container, category) = r[:10]
    declared, net, channel, status, held, officer = r[10:]
    return CrossingLine(
        id_,
        entry,
        at,
        direction,
        mode,
        vehicle_text(mode, plate, train, wagon),
        container,
        category,
        declared,
        net,
        _CHANNELS[channel],
        _STATUSES[status],
        bool(held),
        officer,
    )


_SORTS: dict[str, Any] = {name: expression for name, (expression, _) in SORT_KEYS.items()}
_SORTS.update(
    {
        "mode": Crossing.mode,
        "declared": func.coalesce(Crossing.declared_net_kg, -1),
        "difference": func.coalesce(Crossing.net_kg - Crossing.declared_net_kg, _UNKNOWN_KG),
        "held": Crossing.on_hold,  # false before true on both back ends
        "officer": _OFFICER,
    }
)


def _statuses(value: str | Iterable[str]) -> ColumnElement[bool]:
    names = [value] if isinstance(value, str) else list(value)
    return Crossing.status.in_([Status(s).value for s in names])  # type: ignore[attr-defined]


def _text(value: str) -> ColumnElement[bool]:
    """Part of a container, plate, train, wagon, GD, TIR or entry number, any case."""
    term = value.strip()
    if not term:
        return true()
    searched = (
        Crossing.container_no,
        Crossing.truck_plate,
        Crossing.train_no,
        Crossing.wagon_no,
        Crossing.gd_number,
        Crossing.tir_carnet,
        Crossing.entry_no,
    )
    return or_(*(c.icontains(term, autoescape=True) for c in searched))  # type: ignore[attr-defined]


def _papers(kind: str) -> ColumnElement[bool]:
    """What was printed for it: "printed" (any copy), "reprinted" (a duplicate), "voided"
    (a copy declared void), "none" (nothing yet)."""
    printed = PrintedDocument.crossing_id == Crossing.id
    if kind == "reprinted":
        return exists().where(printed, PrintedDocument.copy_no > 1)
    if kind == "voided":
        return exists().where(printed, DocumentVoid.document_id == PrintedDocument.id)
    if kind == "none":
        return ~exists().where(printed)
    return exists().where(printed)


def _registered_from(at: datetime) -> ColumnElement[bool]:
    return Crossing.registered_at >= at  # type: ignore[return-value]


def _registered_before(at: datetime) -> ColumnElement[bool]:
    return Crossing.registered_at < at  # type: ignore[return-value]


_FILTERS = {
    "period": in_period,
    "registered_from": _registered_from,
    "registered_before": _registered_before,
    "direction": lambda v: Crossing.direction == v,
    "mode": lambda v: Crossing.mode == v,
    "cargo": lambda v: Crossing.cargo_category == v,
    "channel": lambda v: Crossing.channel == Channel(v).value,
    "status": _statuses,
    "open": lambda yes: Crossing.status.in_(_OPEN if yes else _CLOSED),  # type: ignore[attr-defined]
    "held": lambda yes: Crossing.on_hold == bool(yes),
    "papers": lambda kind: _papers(kind),
    # Measured net differs from the declared one by more than the value (kg), either way.
    "differs_kg": lambda kg: func.abs(Crossing.net_kg - Crossing.declared_net_kg) > kg,
    # Over the station's cargo limit (the value): the measured net, else the declared one.
    "over_kg": lambda limit: func.coalesce(Crossing.net_kg, Crossing.declared_net_kg) > limit,
    "officer": lambda user_id: Crossing.registered_by == user_id,
    "text": _text,
}

CROSSING_LIST: PagedTable[CrossingLine] = PagedTable(
    source=_SOURCE,
    columns=_COLUMNS,
    make_row=_line,
    key=Crossing.id,
    sorts=_SORTS,
    filters=_FILTERS,
    default_sort=Sort("time"),
    counted=Crossing.__table__,  # type: ignore[attr-defined]  # no filter reads users
)


def crossing_list(db: Database) -> PagedReader[CrossingLine]:
    return PagedReader(db, CROSSING_LIST)
