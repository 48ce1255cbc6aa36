"""Registering a crossing, weighing it, and releasing, holding or refusing it."""

import dataclasses
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy import Connection
from sqlmodel import Session, select

from taftan_desk.core import channel as channels
from taftan_desk.core import lifecycle, registration, weighbridge, weights
from taftan_desk.core import manifests as core_manifests
from taftan_desk.core import text as free_text
from taftan_desk.core.errors import PermissionDenied, ValidationError
from taftan_desk.core.lifecycle import Action, Status
from taftan_desk.core.release import Blocker, release_blockers
from taftan_desk.core.roles import Permission
from taftan_desk.core.seals import Seal
from taftan_desk.core.station_settings import StationSettings
from taftan_desk.db.models import Crossing, Inspection, SealRecord
from taftan_desk.services import approvals, audit, entry_numbers, holds, manifests, weighings
from taftan_desk.services.approvals import ApprovedRequest, SupervisorApproval
from taftan_desk.services.audit import row_snapshot
from taftan_desk.services.crossing_rows import (
    HistoryLine,
    crossing_view,
    full_view,
    history,
    load,
    load_for_change,
    touch,
)
from taftan_desk.services.database import Actor, Database, Unit
from taftan_desk.services.settings_service import known_owner
from taftan_desk.services.settings_service import load as load_settings
from taftan_desk.services.views import (
    CrossingView,
    reasons_from_json,
    reasons_to_json,
)


@dataclass(frozen=True)
class CrossingDetail:
    crossing: CrossingView
    blockers: list[Blocker]
    history: list[HistoryLine]


@dataclass(frozen=True)
class RegistrationResult:
    crossing: CrossingView
    warnings: tuple[str, ...]


_CROSSINGS = Crossing.__table__  # type: ignore[attr-defined]
_SEALS = SealRecord.__table__  # type: ignore[attr-defined]
_INSERT_CROSSING = sa.insert(_CROSSINGS).returning(_CROSSINGS.c.id)
_INSERT_SEAL = sa.insert(_SEALS).returning(_SEALS.c.id)


class CrossingService:
    def __init__(self, db: Database) -> None:
        self.db = db

    # -- registration -------------------------------------------------------------------
    def register(self, actor: Actor, form: registration.RegistrationInput) -> RegistrationResult:
        """The desk's hot path: Core statements on the unit's connection, no ORM flushes.

        A container a manifest announces is linked to its row however it was entered
        (scanned or typed): its seals are checked against the manifest's and the fields
        registered differently are kept with the crossing."""
        actor.require(Permission.PROCESS_CROSSINGS)
        with self.db.write(actor) as unit:
            conn = unit.conn
            settings = unit.settings  # read once: the shift stamped on its event uses it too
            tares = _RememberedTares(conn, settings)
            reg = registration.validate(
                form, settings, lambda code: known_owner(conn, code), tares.find
            )
            manifests.hold_imports(conn)
            today = unit.now.astimezone(settings.zone).date()
            journey = (reg.direction.value, reg.mode.value, reg.train_no)
            expected = manifests.pending_row(conn, reg.container_no, today, journey)
            if expected is not None:
                # Read again under the manifest's lock: another desk may have registered the
                # same container, or withdrawn the manifest, since (PostgreSQL).
                locked = manifests.lock_manifest(conn, expected.manifest_id)
                expected = (
                    manifests.pending_row(conn, reg.container_no, today, journey)
                    if locked
                    else None
                )
            found_seals = " ".join(s.number for s in reg.seals)
            if expected is not None:
                reg = dataclasses.replace(
                    reg,
                    seals=core_manifests.reconcile_seals(
                        manifests.seals_of(expected._mapping), reg.seals
                    ),
                )
            entry_no = entry_numbers.allocate(conn, unit.now.astimezone(settings.zone))
            values = _new_crossing(reg, entry_no, settings, unit)
            if expected is not None:
                values["expected_id"] = expected.id
                values["manifest_changes_json"] = manifests.changes_json(
                    manifests.changes(expected._mapping, {**values, "seals": found_seals})
                )
            values["id"] = conn.execute(_INSERT_CROSSING, values).scalar_one()
            seals = [_seal_values(values["id"], s) for s in reg.seals]
            for seal in seals:  # one or two: their ids go into the audit event
                seal["id"] = conn.execute(_INSERT_SEAL, seal).scalar_one()
            warnings = reg.warnings + open_duplicate_warning(conn, reg.container_no, values["id"])
            also = [audit.also("seal", x["id"], x) for x in seals]
            weighing = None
            if reg.gross_kg is not None and reg.tare_kg is not None:
                weighed = registration.Weighed(
                    reg.gross_kg, reg.tare_kg, reg.figures, reg.weight_reason
                )
                vehicle = registration.vehicle_of(reg.mode, reg.truck_plate, reg.wagon_no)
                also.append(tares.record(unit, values["id"], vehicle, weighed, form.taken))
                weighing = weighings.view_of(also[-1]["after"])
            unit.audit(
                "crossing_registered",
                "crossing",
                values["id"],
                {"after": values, "also": also, "warnings": list(warnings)},
            )
            return RegistrationResult(crossing_view(values, seals, weighing=weighing), warnings)

    # -- weighing -----------------------------------------------------------------------
    def record_weighing(
        self,
        actor: Actor,
        crossing_id: int,
        form: registration.WeighingFields,
        max_gross_kg: str | int | None = None,
    ) -> tuple[CrossingView, weights.Weighing]:
        """A registered crossing weighed: from the weighbridge (the reading less the
        vehicle's tare) or, with a reason, its container's gross typed as such."""
        actor.require(Permission.PROCESS_CROSSINGS)
        plate = weights.parse_kg(
            max_gross_kg, "max_gross_kg", "maximum gross (plate)", required=False
        )
        with self.db.write(actor) as unit:
            row = load_for_change(unit, crossing_id)
            lifecycle.require(Status(row.status), Action.WEIGH)
            tares = _RememberedTares(unit.conn, unit.settings)
            vehicle = registration.vehicle_of(
                registration.Mode(row.mode), row.truck_plate, row.wagon_no
            )
            weighed = registration.check_weighing(form, unit.settings, vehicle, tares.find)
            if weighed.gross_kg is None or weighed.tare_kg is None:
                raise ValidationError("Take the weighbridge reading (F6), or type it.", "bridge_kg")
            weighing = apply_weighing(unit, row, weighed.gross_kg, weighed.tare_kg, plate)
            also = tares.record(unit, row.id, vehicle, weighed, form.taken)  # type: ignore[arg-type]
            unit.audit(
                "crossing_weighed", "crossing", row.id, {"after": row_snapshot(row), "also": [also]}
            )
            return full_view(unit.session, row), weighing

    # -- release, hold, refuse ----------------------------------------------------------
    def detail(self, crossing_id: int) -> CrossingDetail:
        """Everything the desk shows of one crossing, read in one snapshot."""
        with self.db.read() as session:
            row = load(session, crossing_id)
            return CrossingDetail(
                full_view(session, row), _blockers(session, row), history(session, crossing_id)
            )

    def blockers(self, crossing_id: int) -> list[Blocker]:
        with self.db.read() as session:
            row = load(session, crossing_id)
            return _blockers(session, row)

    def release(
        self,
        actor: Actor,
        crossing_id: int,
        approval: SupervisorApproval | ApprovedRequest | None = None,
    ) -> CrossingView:
        actor.require(Permission.PROCESS_CROSSINGS)
        with self.db.write(actor) as unit:
            row = load_for_change(unit, crossing_id)
            lifecycle.require(Status(row.status), Action.RELEASE)
            blockers = _blockers(unit.session, row)
            hard = [b for b in blockers if not b.overridable]
            if hard:
                raise ValidationError(" ".join(b.text for b in hard), field="release")
            soft = [b for b in blockers if b.overridable]
            data: dict[str, object] = {}
            if soft:
                if approval is None:
                    raise PermissionDenied(" ".join(b.text for b in soft))
                record = approvals.consume(
                    unit,
                    approval,
                    approvals.Permit.release(row.id, actor, [b.code for b in soft]),  # type: ignore[arg-type]
                    self.db.approval_key,
                    crossing_id=row.id,  # type: ignore[arg-type]
                    kind="release:" + ",".join(b.code for b in soft),
                )
                data["approval"] = {
                    "supervisor_id": record.supervisor_id,
                    "supervisor": approvals.approver_name(unit, record),
                    "officer": actor.username,
                    "reason": record.reason,
                    "overrides": [b.code for b in soft],
                }
                also = [audit.also("approval", record.id, row_snapshot(record))]
                if any(b.code == "held" for b in soft):
                    also.append(holds.record(unit, row, holds.LIFTED, record.reason, record.id))
                data["also"] = also
            _close(unit, row, Status.RELEASED, "")
            data["after"] = row_snapshot(row)
            unit.audit("crossing_released", "crossing", row.id, data)
            return full_view(unit.session, row)

    def hold(self, actor: Actor, crossing_id: int, reason: str) -> CrossingView:
        return self._set_status(actor, crossing_id, Action.HOLD, reason, "crossing_held")

    def refuse(self, actor: Actor, crossing_id: int, reason: str) -> CrossingView:
        return self._set_status(actor, crossing_id, Action.REFUSE, reason, "crossing_refused")

    def reroute(
        self,
        actor: Actor,
        crossing_id: int,
        to: str,
        approval: SupervisorApproval | ApprovedRequest | None,
    ) -> CrossingView:
        """Change an open crossing's channel, up or down, by a supervisor's approval of
        exactly that channel; the approval's reason is the re-route's. Lowered to green, a
        truck waiting for inspection may be released; raised, a registered one waits."""
        actor.require(Permission.PROCESS_CROSSINGS)
        channel = channels.Channel(to)
        with self.db.write(actor) as unit:
            row = load_for_change(unit, crossing_id)
            if Status(row.status).is_closed:
                raise ValidationError(
                    f"Entry {row.entry_no} is closed: its channel is part of the decision "
                    "taken and cannot be re-routed.",
                    field="channel",
                )
            previous = channels.ChannelDecision(
                channels.Channel(row.channel), reasons_from_json(row.channel_reasons_json)
            )
            if channel is previous.channel:
                raise ValidationError(
                    f"Entry {row.entry_no} is already {channel.value}.", field="channel"
                )
            if approval is None:
                raise PermissionDenied("A supervisor must approve re-routing the channel.")
            record = approvals.consume(
                unit,
                approval,
                approvals.Permit.reroute(
                    row.id,  # type: ignore[arg-type]
                    actor,
                    channel.value,
                    channels.decision_digest(previous),
                ),
                self.db.approval_key,
                crossing_id=row.id,  # type: ignore[arg-type]
                kind=f"reroute:{channel.value}",
            )
            decision = channels.reroute(previous, channel, record.reason)
            row.channel = decision.channel.value
            row.channel_reasons_json = reasons_to_json(decision.reasons)
            waiting = Status.AWAITING_INSPECTION.value
            if channel is channels.Channel.GREEN and row.status == waiting:
                row.status = Status.REGISTERED.value
            elif channel is not channels.Channel.GREEN and row.status == Status.REGISTERED:
                row.status = waiting
            touch(unit, row)
            unit.audit(
                "crossing_rerouted",
                "crossing",
                row.id,
                {
                    "approval": {
                        "supervisor_id": record.supervisor_id,
                        "supervisor": approvals.approver_name(unit, record),
                        "officer": actor.username,
                        "reason": record.reason,
                    },
                    "after": row_snapshot(row),
                    "also": [audit.also("approval", record.id, row_snapshot(record))],
                },
            )
            return full_view(unit.session, row)

    def send_to_inspection(self, actor: Actor, crossing_id: int, reason: str) -> CrossingView:
        return self._set_status(
            actor, crossing_id, Action.ROUTE_TO_INSPECTION, reason, "crossing_sent_to_inspection"
        )

    def _set_status(
        self, actor: Actor, crossing_id: int, action: Action, reason: str, event: str
    ) -> CrossingView:
        actor.require(Permission.PROCESS_CROSSINGS)
        reason = _require_reason(reason)
        with self.db.write(actor) as unit:
            row = load_for_change(unit, crossing_id)
            new_status = lifecycle.next_status(Status(row.status), action)
            data: dict[str, object] = {"reason": reason}
            if new_status is Status.HELD:
                data["also"] = [holds.record(unit, row, holds.PLACED, reason)]
            _close(unit, row, new_status, reason)
            data["after"] = row_snapshot(row)
            unit.audit(event, "crossing", row.id, data)
            return full_view(unit.session, row)


class _RememberedTares:
    """The vehicle tare a registration's rules look up, kept for the weighing it links."""

    def __init__(self, conn: Connection, settings: StationSettings) -> None:
        self._conn, self._zone = conn, settings.zone
        self.found: weighbridge.Remembered | None = None

    def find(self, kind: weighbridge.VehicleKind, number: str) -> weighbridge.Remembered | None:
        self.found = weighings.remembered(self._conn, kind, number, self._zone)
        return self.found

    def record(
        self,
        unit: Unit,
        crossing_id: int,
        vehicle: tuple[weighbridge.VehicleKind, str] | None,
        weighed: registration.Weighed,
        taken: weighbridge.Taken | None,
    ) -> dict[str, object]:
        """The weighing, linked to the remembered tare the rules found (if they used it)."""
        return weighings.record_loaded(unit, crossing_id, vehicle, weighed, taken, self.found)


def apply_weighing(
    unit: Unit, row: Crossing, gross: int, tare: int, plate: int | None
) -> weights.Weighing:
    """Record a weighbridge reading on a crossing and escalate its channel if a check fails."""
    settings = unit.settings
    if plate is not None:
        row.max_gross_kg = plate
    weighing = weights.assess(
        gross, tare, row.declared_net_kg, row.max_gross_kg, settings, size_type=row.size_type
    )
    row.gross_kg, row.tare_kg, row.net_kg = gross, tare, weighing.net_kg
    row.weighed_at, row.weighed_by = unit.now, unit.actor.user_id
    previous = channels.ChannelDecision(
        channels.Channel(row.channel), reasons_from_json(row.channel_reasons_json)
    )
    found = channels.decide(seals=[], dangerous=None, hs_warning=None, draw=None, weighing=weighing)
    decision = channels.escalate(previous, found)
    row.channel = decision.channel.value
    row.channel_reasons_json = reasons_to_json(decision.reasons)
    if decision.channel is not channels.Channel.GREEN and row.status == Status.REGISTERED:
        row.status = Status.AWAITING_INSPECTION.value
    touch(unit, row)
    return weighing


def _close(unit: Unit, row: Crossing, status: Status, note: str) -> None:
    row.status = status.value
    row.status_note = note
    if status.is_closed:
        row.closed_at, row.closed_by = unit.now, unit.actor.user_id
    touch(unit, row)


def _blockers(session: Session, row: Crossing) -> list[Blocker]:
    settings = load_settings(session)
    kinds = set(session.exec(select(Inspection.kind).where(Inspection.crossing_id == row.id)).all())
    return release_blockers(
        status=Status(row.status),
        channel=channels.Channel(row.channel),
        inspection_kinds=kinds,
        weighed=row.gross_kg is not None,
        reasons=reasons_from_json(row.channel_reasons_json),
        require_weighing=settings.require_weighing_for_release,
        on_hold=row.on_hold,
    )


def _require_reason(reason: str) -> str:
    return free_text.clean_reason(reason, "reason", "Write the reason (at least a few words).")


_OPEN_STATES = [s.value for s in Status if not s.is_closed]
_OPEN_DUPLICATE = (
    sa.select(_CROSSINGS.c.entry_no)
    .where(_CROSSINGS.c.container_no == sa.bindparam("container_no"))
    .where(_CROSSINGS.c.id != sa.bindparam("crossing_id"))
    .where(_CROSSINGS.c.status.in_(_OPEN_STATES))
    .limit(1)
)


def open_duplicate_warning(
    conn: Connection, container_no: str, crossing_id: int
) -> tuple[str, ...]:
    other = conn.execute(
        _OPEN_DUPLICATE, {"container_no": container_no, "crossing_id": crossing_id}
    ).scalar()
    if other is None:
        return ()
    return (
        f"{container_no} already has an open crossing, entry {other}: check this is not "
        "a second registration of the same container.",
    )


def decide_channel(
    reg: registration.Registration,
    gross_kg: int | None,
    tare_kg: int | None,
    draw: channels.RandomDraw,
    settings: StationSettings,
) -> tuple[weights.Weighing | None, channels.ChannelDecision]:
    """The channel a registration's facts decide, with its weights checked when there are
    some (at registration, or already measured when a registration is corrected)."""
    weighing = None
    if gross_kg is not None and tare_kg is not None:
        weighing = weights.assess(
            gross_kg,
            tare_kg,
            reg.declared_net_kg,
            reg.max_gross_kg,
            settings,
            size_type=reg.size_type,
        )
    decision = channels.decide(
        seals=list(reg.seals),
        dangerous=reg.dangerous,
        hs_warning=reg.hs_warning,
        draw=draw,
        weighing=weighing,
    )
    return weighing, decision


def _new_crossing(
    reg: registration.Registration, entry_no: str, settings: StationSettings, unit: Unit
) -> dict[str, object]:
    """Every column of a new crossing: the dict is inserted, audited and viewed as it is."""
    draw = channels.draw_for(
        entry_no, settings.random_seed, settings.random_rate_bp, unit.now.isoformat()
    )
    weighing, decision = decide_channel(reg, reg.gross_kg, reg.tare_kg, draw, settings)
    status = (
        Status.REGISTERED
        if decision.channel is channels.Channel.GREEN
        else Status.AWAITING_INSPECTION
    )
    return {
        "entry_no": entry_no,
        "station_code": settings.station_code,
        "direction": reg.direction.value,
        "mode": reg.mode.value,
        "truck_plate": reg.truck_plate,
        "train_no": reg.train_no,
        "wagon_no": reg.wagon_no,
        "container_no": reg.container_no,
        "size_type": reg.size_type,
        "max_gross_kg": reg.max_gross_kg,
        "cargo_category": reg.cargo_category.value,
        "hs_code": reg.hs_code,
        "description": reg.description,
        "declared_net_kg": reg.declared_net_kg,
        "gd_number": reg.gd_number,
        "tir_carnet": reg.tir_carnet,
        "tir_voucher": reg.tir_voucher,
        "gross_kg": weighing.gross_kg if weighing else None,
        "tare_kg": weighing.tare_kg if weighing else None,
        "net_kg": weighing.net_kg if weighing else None,
        "weighed_at": unit.now if weighing else None,
        "weighed_by": unit.actor.user_id if weighing else None,
        "channel": decision.channel.value,
        "channel_reasons_json": reasons_to_json(decision.reasons),
        "random_draw_bp": draw.draw_bp,
        "random_rate_bp": draw.rate_bp,
        "status": status.value,
        "status_note": "",
        "on_hold": False,
        "registered_at": unit.now,
        "registered_by": unit.actor.user_id,
        "closed_at": None,
        "closed_by": None,
        "updated_at": unit.now,
        "version": 1,
        "revision": 0,
        "shift_day": unit.shift.day,
        "shift_no": unit.shift.number,
        "expected_id": None,
        "manifest_changes_json": None,
    }


def _seal_values(crossing_id: object, seal: Seal) -> dict[str, object]:
    return {
        "crossing_id": crossing_id,
        "number": seal.number,
        "state": seal.state.value,
        "seal_class": seal.seal_class.value if seal.seal_class else None,
        "seal_type": seal.seal_type.value if seal.seal_type else None,
        "applied_at_exam": False,
    }
