"""Correcting a registration: an open crossing by its officer with a reason, a closed one by
an amendment a supervisor approves. Each correction is a numbered revision that keeps the
record as it was before, so the original stays readable and printable.

The channel is decided again from the corrected facts and the weights already measured, and
never goes down by itself: a correction that would have sent the truck red sends it red; one
that would have let it go green leaves it where it was.
"""

import dataclasses
import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Connection
from sqlmodel import Session, select

from taftan_desk.core import channel as channels
from taftan_desk.core import corrections, registration
from taftan_desk.core import manifests as core_manifests
from taftan_desk.core import text as free_text
from taftan_desk.core.corrections import Change
from taftan_desk.core.errors import NotFound, PermissionDenied
from taftan_desk.core.lifecycle import Status
from taftan_desk.core.roles import Permission
from taftan_desk.core.seals import SealState
from taftan_desk.core.station_settings import StationSettings
from taftan_desk.db.models import (
    Approval,
    Crossing,
    CrossingRevision,
    SealRecord,
    ShiftSignoff,
    User,
)
from taftan_desk.services import approvals, audit, manifests, weighings
from taftan_desk.services.approvals import ApprovedRequest, Permit, SupervisorApproval
from taftan_desk.services.audit import row_snapshot
from taftan_desk.services.crossing_rows import (
    crossing_view,
    full_view,
    inspections_of,
    load,
    load_for_change,
    registration_seals,
    touch,
)
from taftan_desk.services.crossings import decide_channel, open_duplicate_warning
from taftan_desk.services.database import Actor, Database, Unit
from taftan_desk.services.settings_service import known_owner
from taftan_desk.services.settings_service import load as load_settings
from taftan_desk.services.views import CrossingView, reasons_from_json, reasons_to_json


@dataclass(frozen=True)
class Proposal:
    """A correction as it would be saved: what changes, the warnings of the corrected
    registration, and whether a supervisor must approve it (the crossing is closed)."""

    crossing_id: int
    entry_no: str
    changes: tuple[Change, ...]
    warnings: tuple[str, ...]
    needs_approval: bool

    @property
    def digest(self) -> str:
        return corrections.digest(self.changes)


@dataclass(frozen=True)
class Corrected:
    crossing: CrossingView
    revision_no: int
    changes: tuple[Change, ...]
    warnings: tuple[str, ...]


@dataclass(frozen=True)
class RevisionView:
    revision_no: int
    at: datetime
    by: str
    reason: str
    closed: bool  # an amendment of a closed crossing
    approver: str | None
    changes: tuple[Change, ...]


_TIMES = ("registered_at", "weighed_at", "closed_at", "updated_at")


_REVISIONS = CrossingRevision.__table__  # type: ignore[attr-defined]
_INSERT_REVISION = sa.insert(_REVISIONS).returning(_REVISIONS.c.id)


class CorrectionService:
    def __init__(self, db: Database) -> None:
        self.db = db

    def propose(self, crossing_id: int, form: registration.RegistrationInput) -> Proposal:
        """The correction checked by the registration's own rules, nothing written: what the
        officer confirms and a supervisor approves."""
        with self.db.read() as session:
            row = load(session, crossing_id)
            return _propose(session, row, form)[0]

    def correct(
        self,
        actor: Actor,
        crossing_id: int,
        form: registration.RegistrationInput,
        reason: str,
        approval: SupervisorApproval | ApprovedRequest | None = None,
    ) -> Corrected:
        """Save a correction as the crossing's next revision. A closed crossing needs
        `approval` for exactly these changes (Permit.amend with the proposal's digest)."""
        actor.require(Permission.PROCESS_CROSSINGS)
        why = free_text.clean_reason(
            reason,
            corrections.REASON_FIELD,
            "Write why the registration is corrected (at least a few words).",
        )
        with self.db.write(actor) as unit:
            row = load_for_change(unit, crossing_id)
            proposal, new_values, seals_after = _propose(unit.session, row, form, unit.settings)
            closed = needs_approval(unit.session, row)
            data: dict[str, Any] = {}
            also = []
            approval_id = None
            if closed:
                record = _consume(unit, row, proposal, approval)
                approval_id = record.id
                data["approval"] = {
                    "supervisor_id": record.supervisor_id,
                    "supervisor": approvals.approver_name(unit, record),
                    "officer": actor.username,
                    "reason": record.reason,
                }
                also.append(audit.also("approval", record.id, row_snapshot(record)))
            before = {"row": row_snapshot(row), "seals": registration_seals(unit.session, row)}
            revision_no = row.revision + 1
            after = {"row": {**before["row"], **new_values, "revision": revision_no}}
            revision: dict[str, object] = {
                "crossing_id": row.id,
                "revision_no": revision_no,
                "closed": closed,
                "reason": why,
                "before_json": audit.canonical(before),
                "after_json": audit.canonical({**after, "seals": seals_after}),
                "at": unit.now,
                "by_user": actor.user_id,
                "approval_id": approval_id,
            }
            # The revision first: the closed-crossing guard looks for it before the row changes.
            unit.flush()
            revision["id"] = unit.conn.execute(_INSERT_REVISION, revision).scalar_one()
            also.append(audit.also("crossing_revision", revision["id"], revision))
            for name, value in new_values.items():
                setattr(row, name, value)
            row.revision = revision_no
            touch(unit, row)
            data.update(
                {
                    "reason": why,
                    "revision": revision_no,
                    "changes": [dataclasses.asdict(c) for c in proposal.changes],
                    "warnings": list(proposal.warnings),
                    "after": row_snapshot(row),
                    "also": also,
                }
            )
            event = "crossing_amended" if closed else "crossing_corrected"
            unit.audit(event, "crossing", row.id, data)
            return Corrected(
                full_view(unit.session, row), revision_no, proposal.changes, proposal.warnings
            )

    def revisions(self, crossing_id: int) -> list[RevisionView]:
        with self.db.read() as session:
            return _revisions(session, crossing_id)

    def as_it_was(self, crossing_id: int, revision_no: int) -> CrossingView:
        """The crossing as it stood with `revision_no` corrections (0: as registered, or as
        closed before any amendment): the record a revision replaced, readable and printable."""
        with self.db.read() as session:
            return view_as_it_was(session, load(session, crossing_id), revision_no)


def view_as_it_was(session: Session, row: Crossing, revision_no: int) -> CrossingView:
    """`row` as it stood with `revision_no` corrections (the current view from there on)."""
    if revision_no >= row.revision:
        return full_view(session, row)
    later = session.exec(
        select(CrossingRevision).where(
            CrossingRevision.crossing_id == row.id,
            CrossingRevision.revision_no == revision_no + 1,
        )
    ).first()
    if later is None or revision_no < 0:
        raise NotFound(f"Entry {row.entry_no} has no revision {revision_no}.")
    before = json.loads(later.before_json)
    values = {
        k: (datetime.fromisoformat(v) if k in _TIMES and isinstance(v, str) else v)
        for k, v in before["row"].items()
    }
    exam_seals = [
        row_snapshot(s)
        for s in session.exec(
            select(SealRecord)
            .where(SealRecord.crossing_id == row.id, SealRecord.applied_at_exam)
            .order_by(SealRecord.id)
        ).all()
    ]
    seals = [{**s, "applied_at_exam": False} for s in before["seals"]] + exam_seals
    return crossing_view(values, seals, inspections_of(session, row.id))


def latest_revision(session: Session, row: Crossing) -> RevisionView | None:
    if not row.revision:
        return None
    return _revisions(session, row.id, row.revision)[-1]  # type: ignore[arg-type]


def _propose(
    session: Session,
    row: Crossing,
    form: registration.RegistrationInput,
    settings: StationSettings | None = None,
) -> tuple[Proposal, dict[str, object], list[dict[str, object]]]:
    """The proposal, the corrected column values (registration fields, channel, status), and
    the registration's seals after it."""
    settings = settings or load_settings(session)
    conn = session.connection()
    # Weights are not corrected here: they are weighed again (the desk's Weigh action).
    form = dataclasses.replace(form, gross_kg="", tare_kg="")
    reg = registration.validate(form, settings, lambda code: known_owner(conn, code))
    reg, link, link_words = _manifest_link(conn, row, reg, settings)
    fields = {name: getattr(reg, name) for name in corrections.FIELDS}
    for name in ("direction", "mode", "cargo_category"):
        fields[name] = fields[name].value
    seals_after = [
        {
            "number": s.number,
            "state": s.state.value,
            "seal_class": s.seal_class.value if s.seal_class else None,
            "seal_type": s.seal_type.value if s.seal_type else None,
        }
        for s in reg.seals
    ]
    seals_before = registration_seals(session, row)
    current = {name: getattr(row, name) for name in corrections.FIELDS}
    found = corrections.changes(current, fields, seals_before, seals_after)
    corrections.require_some(found, row.entry_no)
    draw = channels.RandomDraw(row.random_draw_bp, row.random_rate_bp)
    _, found_now = decide_channel(reg, row.gross_kg, row.tare_kg, draw, settings)
    previous = channels.ChannelDecision(
        channels.Channel(row.channel), reasons_from_json(row.channel_reasons_json)
    )
    # Only findings the record does not hold yet raise the channel: a supervisor's re-route
    # of the facts already known is not undone by correcting something else.
    known = {(r.code, r.text) for r in previous.reasons}
    found_reasons = found_now.reasons + _vehicle_weighed(session, row, reg)
    new = tuple(r for r in found_reasons if (r.code, r.text) not in known)
    fresh = channels.ChannelDecision(
        max((r.channel for r in new), key=lambda c: c.rank, default=channels.Channel.GREEN), new
    )
    decision = channels.escalate(previous, fresh)
    values: dict[str, object] = {
        **fields,
        **link,
        "channel": decision.channel.value,
        "channel_reasons_json": reasons_to_json(decision.reasons),
    }
    if decision.channel is not channels.Channel.GREEN and row.status == Status.REGISTERED:
        values["status"] = Status.AWAITING_INSPECTION.value
    warnings = reg.warnings + _raised(previous, decision) + link_words
    if reg.container_no != row.container_no:
        warnings += open_duplicate_warning(conn, reg.container_no, row.id)  # type: ignore[arg-type]
    proposal = Proposal(
        row.id,  # type: ignore[arg-type]
        row.entry_no,
        tuple(found),
        warnings,
        needs_approval(session, row),
    )
    return proposal, values, seals_after


def _vehicle_weighed(
    session: Session, row: Crossing, reg: registration.Registration
) -> tuple[channels.Reason, ...]:
    """A crossing weighed on the bridge has its container's gross as the reading less its
    vehicle's tare: another vehicle corrected in makes that gross another truck's. The truck
    goes red, to be weighed again, rather than keep a gross worked out with the wrong tare."""
    before = registration.vehicle_of(registration.Mode(row.mode), row.truck_plate, row.wagon_no)
    after = registration.vehicle_of(reg.mode, reg.truck_plate, reg.wagon_no)
    weighing = weighings.latest_view(session.connection(), row.id)  # type: ignore[arg-type]
    if before == after or weighing is None or weighing.bridge_kg is None:
        return ()
    was = before[1] if before else "no vehicle"
    now = after[1] if after else "no vehicle"
    return (
        channels.Reason(
            "weighed_other_vehicle",
            channels.Channel.RED,
            f"The vehicle was corrected after weighing ({was} → {now}): the container's "
            f"gross of ticket {weighing.ticket_no} was worked out with {was}'s tare. "
            "Weigh it again.",
        ),
    )


def _manifest_link(
    conn: Connection, row: Crossing, reg: registration.Registration, settings: StationSettings
) -> tuple[registration.Registration, dict[str, object], tuple[str, ...]]:
    """The manifest row the corrected registration answers to, as at registration: the one
    it is linked to while it still announces this crossing (its container, direction, mode
    and train), else a row still expecting the corrected container. Its seals are checked
    against that row's; the link and the fields registered differently change with it."""
    today = row.registered_at.astimezone(settings.zone).date()
    journey = (reg.direction.value, reg.mode.value, reg.train_no)
    linked = manifests.linked_row(conn, row.expected_id) if row.expected_id else None
    if linked is not None and not manifests.announces(linked, reg.container_no, journey):
        linked = None
    words: tuple[str, ...] = ()
    if linked is None:
        linked = manifests.pending_row(conn, reg.container_no, today, journey)
        if linked is not None and not manifests.lock_manifest(conn, linked.manifest_id):
            linked = None
    if linked is None:
        if row.expected_id is not None:
            words = (
                "The correction no longer matches the manifest row this crossing came from: "
                "that container is expected again.",
            )
        return reg, {"expected_id": None, "manifest_changes_json": None}, words
    if linked.id != row.expected_id:
        words = (
            f"Linked to manifest {linked.manifest_id}, row {linked.row_no}: its seals are "
            "checked against the manifest's.",
        )
    listed = manifests.seals_of(linked._mapping)
    reg = dataclasses.replace(reg, seals=core_manifests.reconcile_seals(listed, reg.seals))
    found = " ".join(s.number for s in reg.seals if s.state is not SealState.MISSING)
    registered = {
        **{name: getattr(reg, name) for name in corrections.FIELDS},
        "direction": reg.direction.value,
        "mode": reg.mode.value,
        "cargo_category": reg.cargo_category.value,
        "seals": found,
    }
    changes = manifests.changes_json(manifests.changes(linked._mapping, registered))
    return reg, {"expected_id": linked.id, "manifest_changes_json": changes}, words


def needs_approval(session: Session, row: Crossing) -> bool:
    """A closed crossing, or one of a shift its supervisor signed off (its totals are
    frozen), changes only by an amendment a supervisor approves."""
    if corrections.needs_approval(Status(row.status)):
        return True
    if row.shift_day is None:
        return False
    signed = session.exec(
        select(ShiftSignoff.id)
        .where(ShiftSignoff.shift_day == row.shift_day)
        .where(ShiftSignoff.shift_no == row.shift_no)
    ).first()
    return signed is not None


def _raised(previous: channels.ChannelDecision, now: channels.ChannelDecision) -> tuple[str, ...]:
    if now.channel.rank <= previous.channel.rank:
        return ()
    new = [r.text for r in now.reasons if r not in previous.reasons]
    return (
        f"The corrected facts raise the channel to {now.channel.value.upper()}: "
        + "; ".join(new)
        + ".",
    )


def _consume(
    unit: Unit,
    row: Crossing,
    proposal: Proposal,
    approval: SupervisorApproval | ApprovedRequest | None,
) -> Any:
    status = Status(row.status)
    if approval is None:
        why = (
            f"is {status.label.lower()} and closed"
            if status.is_closed
            else "belongs to a shift already signed off"
        )
        raise PermissionDenied(
            f"Entry {row.entry_no} {why}: a correction is an amendment that a supervisor "
            "must approve."
        )
    expected = Permit.amend(row.id, unit.actor, proposal.digest)  # type: ignore[arg-type]
    given = approval.permit
    if (given.action, given.target, given.officer_id) == (
        expected.action,
        expected.target,
        expected.officer_id,
    ) and given.overrides != expected.overrides:
        raise PermissionDenied(
            "The correction is not the one the supervisor approved (a field changed since): "
            "the supervisor must approve it again."
        )
    return approvals.consume(
        unit,
        approval,
        expected,
        unit.db.approval_key,
        crossing_id=row.id,  # type: ignore[arg-type]
        kind="amend",
    )


def _revisions(session: Session, crossing_id: int, only: int | None = None) -> list[RevisionView]:
    query = select(CrossingRevision).where(CrossingRevision.crossing_id == crossing_id)
    if only is not None:
        query = query.where(CrossingRevision.revision_no == only)
    rows = session.exec(query.order_by(CrossingRevision.revision_no)).all()
    result = []
    for r in rows:
        before, after = json.loads(r.before_json), json.loads(r.after_json)
        found = corrections.changes(before["row"], after["row"], before["seals"], after["seals"])
        approver = None
        if r.approval_id is not None:
            record = session.get(Approval, r.approval_id)
            approver = _username(session, record.supervisor_id if record else None)
        by = _username(session, r.by_user) or ""
        result.append(
            RevisionView(r.revision_no, r.at, by, r.reason, r.closed, approver, tuple(found))
        )
    return result


def _username(session: Session, user_id: int | None) -> str | None:
    user = session.get(User, user_id) if user_id is not None else None
    return user.username if user else None
