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
from taftan_desk.core.corrections import shown
from taftan_desk.core.errors import NotFound, StorageError
from taftan_desk.core.lifecycle import Status
from taftan_desk.db.models import AuditEvent, Crossing, CrossingRevision, Inspection, SealRecord
from taftan_desk.services import weighings
from taftan_desk.services.audit import row_snapshot
from taftan_desk.services.database import Unit
from taftan_desk.services.views import (
    CrossingView,
    InspectionView,
    SealView,
    WeighingView,
    reasons_from_json,
)


@dataclass(frozen=True)
class HistoryLine:
    at: datetime
    actor: str  # who did it (the signed-in user)
    action: str
    approver: str | None = None  # the supervisor whose approval it used, if any
    reason: str | None = None  # the reason written: hold, refusal, approval, void
    document: str | None = None  # the printed document's kind (print, reprint)
    copy_no: int | None = None
    sent_to: str | None = None  # the printer queue or file a copy went to
    job: str | None = None  # the print job in that queue
    changes: tuple[str, ...] = ()  # a correction: each field, before → after
    revision: int | None = None  # a correction: the revision it made


_HISTORY = (
    sa.select(AuditEvent.at, AuditEvent.actor_name, AuditEvent.action, AuditEvent.data_json)
    .where(AuditEvent.entity == "crossing")
    .where(AuditEvent.entity_id == sa.bindparam("entity_id"))
    .order_by(AuditEvent.id)
)


def history(session: Session, crossing_id: int) -> list[HistoryLine]:
    """What happened to a crossing, from its audit events (the record of record): who did
    it, whose approval it used and why, and what each event changed, before → after."""
    rows = session.execute(_HISTORY, {"entity_id": str(crossing_id)})
    lines, before = [], None
    for at, actor, action, data_json in rows:
        data = json.loads(data_json)
        after = data.get("after") if isinstance(data.get("after"), dict) else None
        measured = _measured_changes(before, after) if before and after else ()
        before = after or before
        lines.append(_history_line(at, actor, action, data, measured))
    return lines


def _history_line(
    at: datetime, actor: str, action: str, data: dict[str, Any], measured: tuple[str, ...]
) -> HistoryLine:
    approval = data.get("approval") if isinstance(data.get("approval"), dict) else {}
    copy_no = data.get("copy_no")
    corrected = tuple(_change_words(c) for c in data.get("changes") or () if isinstance(c, dict))
    return HistoryLine(
        at,
        actor,
        action,
        approver=approval.get("supervisor") or data.get("supervisor"),
        reason=data.get("reason") or approval.get("reason"),
        document=data.get("document") if isinstance(data.get("document"), str) else None,
        copy_no=copy_no if isinstance(copy_no, int) else None,
        sent_to=data.get("to") if isinstance(data.get("to"), str) else None,
        job=_text_or_none(data.get("job_id") or data.get("job")),
        changes=corrected + measured,
        revision=data.get("revision") if isinstance(data.get("revision"), int) else None,
    )


# What an event may change besides the registration (whose corrections list their own
# changes): the weights and the channel, shown before → after.
_MEASURED = {
    "gross_kg": "Gross",
    "tare_kg": "Tare",
    "net_kg": "Net",
    "max_gross_kg": "Plate maximum gross",
    "channel": "Channel",
}


def _measured_changes(before: dict[str, Any], after: dict[str, Any]) -> tuple[str, ...]:
    return tuple(
        f"{label}: {shown(before.get(name))} → {shown(after.get(name))}"
        for name, label in _MEASURED.items()
        if name in after and before.get(name) != after.get(name)
    )


def _change_words(change: dict[str, object]) -> str:
    return f"{change.get('label')}: {change.get('before')} → {change.get('after')}"


def _text_or_none(value: object) -> str | None:
    return str(value) if isinstance(value, (str, int)) and value != "" else None


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
    weighing: WeighingView | None = None,
) -> CrossingView:
    """A view from a crossing's column values (a row snapshot or the values just inserted)."""
    return CrossingView(
        **{name: values[name] for name in _VIEW_FIELDS},
        channel=Channel(values["channel"]),
        reasons=reasons_from_json(values["channel_reasons_json"]),
        status=Status(values["status"]),
        seals=tuple(seal_view(s) for s in seals or ()),
        inspections=tuple(inspection_view(i) for i in inspections or ()),
        revision=values.get("revision") or 0,
        weighing=weighing,
    )


def load(session: Session, crossing_id: int) -> Crossing:
    row = session.get(Crossing, crossing_id)
    if row is None:
        raise NotFound(f"No crossing with id {crossing_id}.")
    return row


def load_for_change(unit: Unit, crossing_id: int) -> Crossing:
    """A crossing locked for this unit, proven to be as its last genuine audit event left it:
    a change made behind the desk's back is never carried into an event (or a gate pass) the
    desk signs."""
    row = unit.session.get(Crossing, crossing_id, with_for_update=True)
    if row is None:
        raise NotFound(f"No crossing with id {crossing_id}.")
    if not unit.db.is_as_audited(unit.conn, "crossings", "crossing", row):
        raise StorageError(
            f"Entry {row.entry_no} is not as the desk last recorded it: it was changed outside "
            "the desk. Nothing was saved; ask the administrator to run `taftan-desk check`."
        )
    return row


def full_view(session: Session, row: Crossing) -> CrossingView:
    seals = list(
        session.exec(
            select(SealRecord).where(SealRecord.crossing_id == row.id).order_by(SealRecord.id)
        ).all()
    )
    shown = [row_snapshot(s) for s in seals]
    if row.revision:  # corrected: the registration's seals are the newest revision's
        exam = [s for s in shown if s["applied_at_exam"]]
        shown = [{**s, "applied_at_exam": False} for s in _revised_seals(session, row)] + exam
    return crossing_view(
        row_snapshot(row),
        shown,
        inspections_of(session, row.id),
        weighings.latest_view(session.connection(), row.id),  # type: ignore[arg-type]
    )


def inspections_of(session: Session, crossing_id: int | None) -> list[Inspection]:
    return list(
        session.exec(
            select(Inspection).where(Inspection.crossing_id == crossing_id).order_by(Inspection.id)
        ).all()
    )


SEAL_KEYS = ("number", "state", "seal_class", "seal_type")


def registration_seals(session: Session, row: Crossing) -> list[dict[str, object]]:
    """The seals the registration names now (number, state, class, type): as registered,
    or as the newest correction left them (seal rows are evidence and never change)."""
    if row.revision:
        return _revised_seals(session, row)
    rows = session.exec(
        select(SealRecord)
        .where(SealRecord.crossing_id == row.id, SealRecord.applied_at_exam == False)  # noqa: E712
        .order_by(SealRecord.id)
    ).all()
    return [{k: getattr(s, k) for k in SEAL_KEYS} for s in rows]


def _revised_seals(session: Session, row: Crossing) -> list[dict[str, object]]:
    after = session.exec(
        select(CrossingRevision.after_json).where(
            CrossingRevision.crossing_id == row.id, CrossingRevision.revision_no == row.revision
        )
    ).first()
    if after is None:
        raise StorageError(
            f"Entry {row.entry_no} says it was corrected {row.revision} time(s) but the "
            "correction is missing: ask the administrator to run `taftan-desk check`."
        )
    return list(json.loads(after)["seals"])


def touch(unit: Unit, row: Crossing) -> None:
    row.updated_at = unit.now
    row.version += 1
    unit.session.add(row)
    unit.session.flush()
