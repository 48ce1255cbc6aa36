"""A day's or a shift's work in numbers: the crossings registered in it, their totals, the
exceptions a supervisor approved, holds still open, reprints and voids; and the CSV of it.

A shift's crossings are those registered in it, by the shift stored with each crossing when
it was written (the shift times may have changed since); crossings from before that was
stored are found by their registration time under today's shift times. A day is the
station-local calendar day of registration.
"""

import csv
import io
import json
import statistics
from collections import Counter
from collections.abc import Iterable
from datetime import date, datetime, timedelta

import sqlalchemy as sa
from sqlalchemy import Connection
from sqlalchemy.sql.elements import ColumnElement
from sqlmodel import Session, select

from taftan_desk.core.errors import ValidationError
from taftan_desk.core.lifecycle import Status
from taftan_desk.core.shifts import shift_of
from taftan_desk.core.station_settings import StationSettings
from taftan_desk.db.models import (
    Approval,
    AuditHead,
    Crossing,
    CrossingHold,
    CrossingRevision,
    DocumentVoid,
    Inspection,
    PrintedDocument,
    SealRecord,
    ShiftSignoff,
    User,
    Weighing,
)
from taftan_desk.services import weighings
from taftan_desk.services.database import Actor, Database
from taftan_desk.services.queries import day_bounds
from taftan_desk.services.report_views import (
    DailyReport,
    ExceptionLine,
    OpenHold,
    Period,
    ReportRow,
    Signoff,
    TareLine,
    Totals,
)
from taftan_desk.services.settings_service import load as load_settings
from taftan_desk.services.views import reasons_from_json

_C = Crossing.__table__  # type: ignore[attr-defined]
_W = Weighing.__table__  # type: ignore[attr-defined]
_CLOSED = [s.value for s in Status if s.is_closed]

# The CSV's columns, in order, with what each holds (the README repeats this list).
CSV_COLUMNS: dict[str, str] = {
    "entry_no": "entry number (yearly, never reused)",
    "shift": "shift it was registered in, DATE/N (a night shift belongs to the date it began)",
    "registered_at": "registration time, station time (ISO 8601 with offset)",
    "direction": "in (to Pakistan) or out",
    "mode": "road or rail",
    "truck_plate": "truck plate (road)",
    "train_no": "train number (rail)",
    "wagon_no": "wagon number (rail)",
    "container_no": "container number (ISO 6346)",
    "size_type": "ISO 6346 size/type code",
    "cargo_category": "oil, gas, steel, industrial, textiles or other",
    "hs_code": "HS code",
    "description": "goods description",
    "declared_net_kg": "declared net, kg",
    "gross_kg": "container gross measured, kg",
    "tare_kg": "container tare, kg",
    "net_kg": "net measured, kg",
    "over_limit": "yes when net measured is over the station's cargo limit",
    "channel": "green, yellow or red",
    "channel_reasons": "the rules that fired, separated by '; '",
    "status": "registered, awaiting_inspection, inspected, held, released or refused",
    "status_note": "the hold or refusal reason",
    "held": "yes when a hold was ever placed",
    "on_hold": "yes when a hold is still in force",
    "registered_by": "the officer who registered it (user name)",
    "closed_at": "release or refusal time, station time",
    "closed_by": "who released or refused it",
    "approvals": "supervisor approvals: 'supervisor (kind): reason', separated by '; '",
    "inspections": "inspections: 'kind by examiner: findings, decision', separated by '; '",
    "seals": "registration seals and those applied at examination",
    "gd_number": "goods declaration number",
    "tir_carnet": "TIR carnet number",
    "tir_voucher": "TIR voucher",
    "copies": "documents printed (originals and duplicates)",
    "reprints": "duplicates printed",
    "voids": "printed documents declared void",
    "revision": "number of corrections of the registration",
    "weighbridge_ticket": "ticket of the weighing its weights stand on (the newest)",
    "bridge_kg": "weighbridge reading of the whole vehicle, kg (empty: container gross typed)",
    "vehicle_tare_kg": "vehicle's tare (tractor and trailer, or wagon), kg",
    "weights_typed": "what was typed rather than read or remembered, and why: "
    "'vehicle tare: reason'; empty when nothing was",
}
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def period_of(settings: StationSettings, day: date, shift_no: int | None = None) -> Period:
    """The period a report covers; ValidationError when the station has no such shift."""
    zone = settings.zone
    if not date(1900, 1, 1) <= day <= date(9998, 12, 31):
        raise ValidationError(
            f"{day.isoformat()} is not a date this station has records for.", field="date"
        )
    if shift_no is None:
        start, end = day_bounds(day, zone)
        return Period(day, None, start, end, settings.timezone)
    starts = settings.shift_times()
    if not 1 <= shift_no <= len(starts):
        raise ValidationError(
            f"The station has {len(starts)} shifts a day: choose a shift from 1 to "
            f"{len(starts)}, not {shift_no}.",
            field="shift",
        )
    first = datetime.combine(day, starts[shift_no - 1], tzinfo=zone)
    shift = shift_of(first, starts, zone)
    return Period(day, shift_no, shift.start, shift.end, settings.timezone)


def in_period(period: Period) -> ColumnElement[bool]:
    """The crossings a period holds (see the module's note)."""
    when = (_C.c.registered_at >= period.start) & (_C.c.registered_at < period.end)
    if period.shift_no is None:
        return when
    stored = (_C.c.shift_day == period.day) & (_C.c.shift_no == period.shift_no)
    # shift_no, not shift_day, says "stored none": SQLite would serve `shift_day IS NULL`
    # from ix_crossings_shift, every crossing older than 0006 (450 ms for a shift at a
    # million rows); a test on shift_no leaves the time window to ix_crossings_registered_at
    # (4 ms). Both are NULL together.
    return stored | (_C.c.shift_no.is_(None) & when)


class ReportService:
    def __init__(self, db: Database) -> None:
        self.db = db

    def period(self, day: date, shift_no: int | None = None) -> Period:
        with self.db.read() as session:
            return period_of(load_settings(session), day, shift_no)

    def daily(self, actor: Actor, day: date, shift_no: int | None = None) -> DailyReport:
        """Everything the daily report shows, read in one snapshot."""
        with self.db.read() as session:
            conn = session.connection()
            settings = load_settings(conn)
            period = period_of(settings, day, shift_no)
            rows = tuple(_rows(conn, period, settings))
            head = session.get(AuditHead, 1)
            signoff = signed(session, period)
            return DailyReport(
                station_name=settings.station_name,
                station_code=settings.station_code,
                period=period,
                supervisor=actor.display,
                printed_at=self.db.clock(),
                cargo_limit_kg=settings.cargo_limit_kg,
                totals=totals_of(rows, period, settings, release_minutes(rows)),
                rows=rows,
                exceptions=tuple(_exceptions(conn, period)),
                open_holds=tuple(_open_holds(conn, period)),
                reprints_and_voids=tuple(_reprints_and_voids(conn, period, settings)),
                chain_head=f"event {head.last_event_id}, {head.last_hash[:16]}" if head else "",
                anchor=signoff.anchor_path if signoff else "",
                signed_off=signoff.words if signoff else "",
                notes=(signoff.note,) if signoff and signoff.note else (),
                tares=tuple(_tares(conn, period)),
                tare_change_kg=settings.tare_change_kg,
            )

    def csv_text(self, day: date, shift_no: int | None = None) -> str:
        with self.db.read() as session:
            conn = session.connection()
            settings = load_settings(conn)
            return to_csv(_rows(conn, period_of(settings, day, shift_no), settings))


def totals_of(
    rows: tuple[ReportRow, ...],
    period: Period,
    settings: StationSettings,
    release_minutes: list[float],
) -> Totals:
    hours: Counter[str] = Counter(
        r.registered_at.astimezone(settings.zone).strftime("%H") for r in rows
    )
    order = []
    moment = period.start
    while moment < period.end:
        order.append(moment.strftime("%H"))
        moment += timedelta(hours=1)
    net: Counter[str] = Counter()
    for r in rows:
        net[r.cargo_category] += r.net_kg or 0
    return Totals(
        crossings=len(rows),
        by_direction_category=dict(Counter((r.direction, r.cargo_category) for r in rows)),
        net_kg_by_category=dict(net),
        overweight=sum(r.over_limit for r in rows),
        held=sum(r.held for r in rows),
        refused=sum(r.status == Status.REFUSED for r in rows),
        released=sum(r.status == Status.RELEASED for r in rows),
        still_open=sum(r.status not in _CLOSED for r in rows),
        reprints=sum(r.reprints for r in rows),
        voids=sum(r.voids for r in rows),
        overrides=sum(r.overrides for r in rows),
        weights_typed=sum(bool(r.weighing and r.weighing.typed) for r in rows),
        amendments=sum(r.revision for r in rows),
        release_minutes_median=statistics.median(release_minutes) if release_minutes else None,
        release_minutes_p90=_p90(release_minutes),
        per_officer=dict(Counter(r.registered_by for r in rows).most_common()),
        per_hour=[(hour, hours.get(hour, 0)) for hour in dict.fromkeys(order)],
    )


def _p90(values: list[float]) -> float | None:
    if not values:
        return None
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=10, method="inclusive")[-1]


def to_csv(rows: Iterable[ReportRow]) -> str:
    """UTF-8 CSV text, one row per crossing, columns as CSV_COLUMNS; a cell that a
    spreadsheet would run as a formula is prefixed with ' (it stays text)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for row in rows:
        writer.writerow(csv_cell(getattr(row, name)) for name in CSV_COLUMNS)
    return out.getvalue()


def csv_cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, datetime):
        return value.isoformat(timespec="seconds")
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def _ids(period: Period) -> sa.Select:  # type: ignore[type-arg]
    return sa.select(_C.c.id).where(in_period(period))


def _rows(conn: Connection, period: Period, settings: StationSettings) -> list[ReportRow]:
    users = {uid: name for uid, name in conn.execute(sa.select(User.id, User.username))}
    ids = _ids(period)
    held = {
        cid
        for (cid,) in conn.execute(
            sa.select(CrossingHold.crossing_id)
            .where(CrossingHold.crossing_id.in_(ids))  # type: ignore[attr-defined]
            .where(CrossingHold.action == "placed")
        )
    }
    approvals: dict[int, list[str]] = {}
    overrides: Counter[int] = Counter()
    for cid, kind, sup, reason in conn.execute(
        sa.select(Approval.crossing_id, Approval.kind, Approval.supervisor_id, Approval.reason)
        .where(Approval.crossing_id.in_(ids))  # type: ignore[attr-defined]
        .order_by(Approval.id)
    ):
        what = kind.split(":", 1)[0]
        approvals.setdefault(cid, []).append(f"{users.get(sup, '?')} ({what}): {reason}")
        overrides[cid] += kind.startswith("release:")
    inspections: dict[int, list[str]] = {}
    for cid, kind, examiner, findings, decision in conn.execute(
        sa.select(
            Inspection.crossing_id,
            Inspection.kind,
            Inspection.examiner,
            Inspection.findings,
            Inspection.decision,
        )
        .where(Inspection.crossing_id.in_(ids))  # type: ignore[attr-defined]
        .order_by(Inspection.id)
    ):
        text = f"{kind} by {examiner}: {findings.replace('_', ' ')}, {decision}"
        inspections.setdefault(cid, []).append(text)
    seals = _seals(conn, ids)
    copies: Counter[int] = Counter()
    reprints: Counter[int] = Counter()
    for cid, copy_no in conn.execute(
        sa.select(PrintedDocument.crossing_id, PrintedDocument.copy_no).where(
            PrintedDocument.crossing_id.in_(ids)  # type: ignore[attr-defined]
        )
    ):
        copies[cid] += 1
        reprints[cid] += copy_no > 1
    voids = Counter(
        cid
        for (cid,) in conn.execute(
            sa.select(PrintedDocument.crossing_id)
            .join(DocumentVoid, DocumentVoid.document_id == PrintedDocument.id)
            .where(PrintedDocument.crossing_id.in_(ids))  # type: ignore[attr-defined]
        )
    )
    zone, limit, starts = settings.zone, settings.cargo_limit_kg, settings.shift_times()
    result = []
    crossings = (
        sa.select(_C, *weighings.JOINED_COLUMNS)
        .select_from(_C.outerjoin(_W, weighings.newest_of(_C.c.id)))
        .where(in_period(period))
        .order_by(_C.c.registered_at)
    )
    for c in conn.execute(crossings):
        if c.shift_day is not None:
            shift = f"{c.shift_day.isoformat()}/{c.shift_no}"
        else:
            worked = shift_of(c.registered_at, starts, zone)
            shift = f"{worked.day.isoformat()}/{worked.number}"
        result.append(
            ReportRow(
                id=c.id,
                entry_no=c.entry_no,
                shift=shift,
                registered_at=c.registered_at.astimezone(zone),
                direction=c.direction,
                mode=c.mode,
                truck_plate=c.truck_plate or "",
                train_no=c.train_no or "",
                wagon_no=c.wagon_no or "",
                container_no=c.container_no,
                size_type=c.size_type or "",
                cargo_category=c.cargo_category,
                hs_code=c.hs_code or "",
                description=c.description,
                declared_net_kg=c.declared_net_kg,
                gross_kg=c.gross_kg,
                tare_kg=c.tare_kg,
                net_kg=c.net_kg,
                over_limit=c.net_kg is not None and c.net_kg > limit,
                channel=c.channel,
                channel_reasons=_reasons(c.channel_reasons_json),
                status=c.status,
                status_note=c.status_note,
                held=c.id in held,
                on_hold=bool(c.on_hold),
                registered_by=users.get(c.registered_by, ""),
                closed_at=c.closed_at.astimezone(zone) if c.closed_at else None,
                closed_by=users.get(c.closed_by, ""),
                approvals="; ".join(approvals.get(c.id, ())),
                inspections="; ".join(inspections.get(c.id, ())),
                seals=seals.get(c.id, ""),
                gd_number=c.gd_number or "",
                tir_carnet=c.tir_carnet or "",
                tir_voucher=c.tir_voucher or "",
                copies=copies[c.id],
                reprints=reprints[c.id],
                voids=voids[c.id],
                revision=c.revision,
                overrides=overrides[c.id],
                weighing=weighings.joined_view(c._mapping),
            )
        )
    return result


def _reasons(stored: str) -> str:
    return "; ".join(r.text for r in reasons_from_json(stored))


def _seals(conn: Connection, ids: sa.Select) -> dict[int, str]:  # type: ignore[type-arg]
    """Each crossing's seals as registered (or as its newest correction left them), then
    those applied at examination."""
    registered: dict[int, list[str]] = {}
    applied: dict[int, list[str]] = {}
    for cid, number, klass, state, at_exam in conn.execute(
        sa.select(
            SealRecord.crossing_id,
            SealRecord.number,
            SealRecord.seal_class,
            SealRecord.state,
            SealRecord.applied_at_exam,
        )
        .where(SealRecord.crossing_id.in_(ids))  # type: ignore[attr-defined]
        .order_by(SealRecord.id)
    ):
        words = " ".join(x for x in (number, klass, state) if x)
        (applied if at_exam else registered).setdefault(cid, []).append(words)
    newest = (
        sa.select(CrossingRevision.crossing_id, CrossingRevision.after_json)
        .join(_C, _C.c.id == CrossingRevision.crossing_id)
        .where(CrossingRevision.revision_no == _C.c.revision)
        .where(CrossingRevision.crossing_id.in_(ids))  # type: ignore[attr-defined]
    )
    for cid, after in conn.execute(newest):
        registered[cid] = [
            " ".join(str(s[k]) for k in ("number", "seal_class", "state") if s.get(k))
            for s in json.loads(after)["seals"]
        ]
    return {
        cid: "; ".join(registered.get(cid, []) + [f"{s} (at examination)" for s in applied[cid]])
        if cid in applied
        else "; ".join(registered.get(cid, []))
        for cid in set(registered) | set(applied)
    }


def release_minutes(rows: Iterable[ReportRow]) -> list[float]:
    """Minutes from registration to release, for each crossing released (from the rows
    already read: a query of its own chose the status index and read every release)."""
    return [
        (r.closed_at - r.registered_at).total_seconds() / 60
        for r in rows
        if r.status == Status.RELEASED and r.closed_at is not None
    ]


def _exceptions(conn: Connection, period: Period) -> list[ExceptionLine]:
    sup = sa.orm.aliased(User)
    officer = sa.orm.aliased(User)
    stmt = (
        sa.select(
            Approval.approved_at,
            _C.c.entry_no,
            Approval.kind,
            officer.username,
            sup.username,
            Approval.reason,
        )
        .join(_C, _C.c.id == Approval.crossing_id)
        .join(sup, sup.id == Approval.supervisor_id)
        .outerjoin(officer, officer.id == Approval.requested_by)
        .where(in_period(period))
        .order_by(Approval.id)
    )
    return [
        ExceptionLine(at, entry, exception_words(kind), who or "", s, why)
        for at, entry, kind, who, s, why in conn.execute(stmt)
    ]


_EXCEPTIONS = {
    "release": "release over",
    "amend": "amendment",
    "void": "void",
    "reroute": "re-route to",
}
_OVERRIDES = {
    "weight_r1": "overweight (R1)",
    "weight_r2": "over plate rating (R2)",
    "held": "a hold",
}


def exception_words(kind: str) -> str:
    """An approval's kind as a supervisor reads it: "release over overweight (R1), a hold"."""
    action, _, codes = kind.partition(":")
    what = _EXCEPTIONS.get(action, action)
    if not codes:
        return what
    return f"{what} " + ", ".join(_OVERRIDES.get(c, c) for c in codes.split(","))


def _open_holds(conn: Connection, period: Period) -> list[OpenHold]:
    placed = (
        sa.select(CrossingHold.crossing_id, sa.func.max(CrossingHold.at).label("since"))
        .where(CrossingHold.action == "placed")
        .group_by(CrossingHold.crossing_id)
        .subquery()
    )
    stmt = (
        sa.select(_C.c.entry_no, _C.c.container_no, placed.c.since, _C.c.status_note)
        .join(placed, placed.c.crossing_id == _C.c.id)
        .where(in_period(period))
        .where(_C.c.on_hold.is_(True))
        .order_by(placed.c.since)
    )
    return [OpenHold(*row) for row in conn.execute(stmt)]


def _tares(conn: Connection, period: Period) -> list[TareLine]:
    """The vehicles weighed empty in the period (ix_weighings_weighed_at), each with the tare
    it had before (its previous empty weighing, by ix_weighings_vehicle)."""
    w, before = Weighing.__table__.alias("w"), Weighing.__table__.alias("before")  # type: ignore[attr-defined]
    previous = (
        sa.select(before.c.bridge_kg, before.c.ticket_no)
        .where(before.c.purpose == "empty")
        .where(before.c.vehicle_kind == w.c.vehicle_kind)
        .where(before.c.vehicle_no == w.c.vehicle_no)
        .where(before.c.id < w.c.id)
        .order_by(before.c.id.desc())
        .limit(1)
    )
    stmt = (
        sa.select(
            w.c.ticket_no,
            w.c.vehicle_kind,
            w.c.vehicle_no,
            w.c.weighed_at,
            sa.func.coalesce(User.username, ""),
            w.c.bridge_kg,
            w.c.bridge_source == "typed",
            w.c.reason,
            previous.with_only_columns(before.c.bridge_kg).scalar_subquery(),
            previous.with_only_columns(before.c.ticket_no).scalar_subquery(),
        )
        .outerjoin(User, User.id == w.c.weighed_by)  # type: ignore[arg-type]
        .where(w.c.purpose == "empty")
        .where((w.c.weighed_at >= period.start) & (w.c.weighed_at < period.end))
        .order_by(w.c.id)
    )
    return [TareLine(*row[:6], bool(row[6]), *row[7:]) for row in conn.execute(stmt)]


def _reprints_and_voids(conn: Connection, period: Period, settings: StationSettings) -> list[str]:
    stmt = (
        sa.select(
            _C.c.entry_no,
            PrintedDocument.kind,
            PrintedDocument.copy_no,
            PrintedDocument.printed_at,
            DocumentVoid.voided_at,
        )
        .join(_C, _C.c.id == PrintedDocument.crossing_id)
        .outerjoin(DocumentVoid, DocumentVoid.document_id == PrintedDocument.id)
        .where(in_period(period))
        .where((PrintedDocument.copy_no > 1) | DocumentVoid.id.is_not(None))  # type: ignore[union-attr]
        .order_by(PrintedDocument.printed_at)
    )
    lines = []
    for entry, kind, copy_no, printed_at, voided_at in conn.execute(stmt):
        at = printed_at.astimezone(settings.zone).strftime("%d %b %H:%M")
        text = f"{entry} {kind} copy {copy_no}, printed {at}"
        if voided_at is not None:
            text += f", VOID since {voided_at.astimezone(settings.zone):%d %b %H:%M}"
        lines.append(text)
    return lines


def signed(session: Session, period: Period) -> Signoff | None:
    """The shift's sign-off, if it has one (a day as a whole is never signed off)."""
    if period.shift_no is None:
        return None
    row = session.exec(
        select(ShiftSignoff)
        .where(ShiftSignoff.shift_day == period.day)
        .where(ShiftSignoff.shift_no == period.shift_no)
    ).first()
    if row is None:
        return None
    user = session.get(User, row.signed_by) if row.signed_by is not None else None
    return Signoff(
        period,
        user.username if user else "",
        row.signed_at,
        row.head_event_id,
        row.head_hash,
        row.anchor_path,
        row.note,
    )
