"""Issuing printed documents: each print is recorded, signed, numbered and audited.

A copy counts if and only if the printer's spooler (or the disk) took it. The record's
number, its copy number (a reprint says DUPLICATE n) and the signed QR text come from here;
the caller's `send` draws and delivers the document inside the same write transaction, and
only when it returns is the copy committed, with where it went. A `send` that raises leaves
no record. The gate compares a slip with these records.

A copy whose print job the spooler confirms was cancelled before it ever started printing is
void without a supervisor (no paper of it exists); anything else needs one.
"""

import dataclasses
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.orm import aliased
from sqlmodel import Session, select

from taftan_desk.core import paper, slip_payload
from taftan_desk.core.errors import NotFound, ValidationError
from taftan_desk.core.roles import Permission, Role
from taftan_desk.core.text import clean_reason
from taftan_desk.db.models import (
    Approval,
    AuditEvent,
    AuditHead,
    Crossing,
    DocumentVoid,
    PrintedDocument,
    PrintJob,
    StationKey,
    User,
)
from taftan_desk.devices import cups, ipp
from taftan_desk.services import approvals, audit, corrections, keys, settings_service, slip_gate
from taftan_desk.services.approvals import ApprovedRequest, SupervisorApproval
from taftan_desk.services.audit import row_snapshot
from taftan_desk.services.crossing_rows import full_view, load, load_for_change
from taftan_desk.services.database import Actor, Database, Unit
from taftan_desk.services.desk_key import DeskKey
from taftan_desk.services.slip_gate import SlipCheck
from taftan_desk.services.views import (
    CrossingView,
    IssuedDocument,
    PrintContext,
    PrintRecord,
    weight_settings_of,
)


@dataclass(frozen=True)
class Delivery:
    """Where a copy went: a print queue and the spooler's job number, or a file (no job)."""

    destination: str
    job_id: int | None = None


Send = Callable[[IssuedDocument], Delivery]


@dataclass(frozen=True)
class Cancelled:
    """A print job cancelled at the officer's request: `record` is the copy as it stands
    now (void when the job never started printing), `job` the spooler's last word."""

    record: PrintRecord
    job: cups.JobState


class PrintedDocumentService:
    def __init__(self, db: Database) -> None:
        self.db = db

    @property
    def key(self) -> DeskKey:
        """The desk's signing key (certified by the station root), read at first use."""
        return self.db.identity.key

    def issue(
        self,
        actor: Actor,
        crossing_id: int,
        kind: str,
        size: str,
        send: Send,
        *,
        reason: str = "",
    ) -> IssuedDocument:
        """Record, number, sign and audit one print, and have `send` deliver it before the
        transaction commits; the document as delivered comes back. The write lock is held
        while `send` runs: it must be bounded (a few seconds). A copy after the first needs
        `reason` (why it is printed again): recorded in its audit event and printed on it."""
        _check_request(actor, kind, size)
        with self.db.write(actor) as unit:
            issued = self._record_print(unit, actor, crossing_id, kind, size, reason)
            delivery = send(issued)  # raises: the transaction rolls back, nothing counted
            job = PrintJob(
                document_id=issued.record.id,
                event="sent",
                destination=delivery.destination[:300],
                job_id=delivery.job_id,
                at=unit.now,
                by_user=actor.user_id,
            )
            unit.session.add(job)
            unit.session.flush()
            unit.audit(
                "document_sent",
                "crossing",
                issued.crossing.id,
                {
                    "document_id": issued.record.id,
                    "to": job.destination,
                    "job_id": job.job_id,
                    "also": [audit.also("print_job", job.id, row_snapshot(job))],
                },
            )
            record = dataclasses.replace(issued.record, sent_to=job.destination, job_id=job.job_id)
            return dataclasses.replace(issued, record=record)

    def _record_print(
        self, unit: Unit, actor: Actor, crossing_id: int, kind: str, size: str, reason: str
    ) -> IssuedDocument:
        session = unit.session
        row = load_for_change(unit, crossing_id)
        draft = _draft(session, row, kind, size, actor, unit.now)
        record = draft.record
        why = None
        if record.copy_no > 1:  # every reprint is another paper in the world: say why
            why = clean_reason(
                reason,
                "reprint_reason",
                f"Say why {paper.NAMES[kind].lower()} of entry {draft.crossing.entry_no} is "
                f"printed again (it becomes {paper.copy_label(record.copy_no)}): the reason "
                "is recorded and printed on the copy.",
            )
        claim = slip_payload.SlipClaim(
            station_code=draft.crossing.station_code,
            entry_no=draft.crossing.entry_no,
            container_no=draft.crossing.container_no,
            kind=kind,
            copy_no=record.copy_no,
            net_kg=draft.crossing.net_kg,
            decision=_decision(draft.crossing, kind),
            issued_at=record.printed_at,
            key_id=self.key.key_id,
        )
        qr_text = slip_payload.sign(claim, self.key.private)
        stored = PrintedDocument(
            crossing_id=row.id,
            kind=kind,
            copy_no=record.copy_no,
            size=size,
            printed_at=record.printed_at,
            printed_by=actor.user_id,
            key_id=self.key.key_id,
            payload_hash=slip_payload.payload_hash(qr_text),
        )
        session.add(stored)
        session.flush()
        unit.audit(
            "document_printed" if record.copy_no == 1 else "document_reprinted",
            "crossing",
            row.id,
            {
                "document": kind,
                "copy_no": record.copy_no,
                **({"reason": why} if why else {}),
                "also": [audit.also("printed_document", stored.id, row_snapshot(stored))],
            },
        )
        head = session.get(AuditHead, 1)
        context = dataclasses.replace(
            draft.context,
            record_no=f"{stored.id:06d}",
            qr_text=qr_text,
            audit_head=head.last_hash[:12] if head else None,
            reprint_reason=why,
        )
        return IssuedDocument(_record(stored, actor.display), draft.crossing, context)

    def cancel_job(self, actor: Actor, document_id: int) -> Cancelled:
        """Cancel a copy's print job in its queue. When the spooler confirms the job was
        cancelled before it ever started printing, the copy is void (no supervisor: no paper
        exists); a job that had started may have printed, so its copy stays valid and only
        a supervisor can void it."""
        actor.require(Permission.PRINT_DOCUMENTS)
        with self.db.read() as session:
            found = _records(session, PrintedDocument.id == document_id)
            owner = session.get(PrintedDocument, document_id)
        if not found or owner is None:
            raise NotFound(f"No printed document number {document_id}.")
        record = found[0]
        _check_cancellable(actor, record, owner.printed_by)
        queue, job_id = record.sent_to or "", record.job_id or 0
        try:
            state = cups.job_state(queue, job_id)
            if not state.finished:
                cups.cancel(queue, job_id)
                state = _settled(queue, job_id)
        except ipp.Unreachable as exc:
            raise cups.PrintRefused(
                f"Job {record.job} was not cancelled: the print service does not answer ({exc})."
            ) from exc
        if not state.unprinted:
            return Cancelled(record, state)
        return Cancelled(self._mark_cancelled(actor, record, state), state)

    def _mark_cancelled(
        self, actor: Actor, record: PrintRecord, state: cups.JobState
    ) -> PrintRecord:
        with self.db.write(actor) as unit:
            session = unit.session
            if _records(session, PrintedDocument.id == record.id)[0].voided_at is not None:
                raise ValidationError(f"Document {record.id} is already void.", field="void")
            job = PrintJob(
                document_id=record.id,
                event="cancelled",
                destination=state.queue,
                job_id=state.job_id,
                at=unit.now,
                by_user=actor.user_id,
            )
            session.add(job)
            session.flush()
            unit.audit(
                "document_cancelled_in_queue",
                "crossing",
                record.crossing_id,
                {
                    "document_id": record.id,
                    "job": state.name,
                    "job_state": state.state,
                    "also": [audit.also("print_job", job.id, row_snapshot(job))],
                },
            )
            return _records(session, PrintedDocument.id == record.id)[0]

    def draft(self, actor: Actor, crossing_id: int, kind: str, size: str) -> IssuedDocument:
        """The document the next print would give, neither recorded nor signed (record id 0,
        no QR text): what a print preview shows."""
        _check_request(actor, kind, size)
        with self.db.read() as session:
            return _draft(session, load(session, crossing_id), kind, size, actor, self.db.clock())

    def as_it_was(
        self, actor: Actor, crossing_id: int, kind: str, size: str, revision_no: int
    ) -> IssuedDocument:
        """The document as the record stood before revision `revision_no` + 1 (0: as first
        recorded), marked SUPERSEDED: the original stays printable, never as a valid copy."""
        _check_request(actor, kind, size)
        with self.db.read() as session:
            row = load(session, crossing_id)
            return _draft(session, row, kind, size, actor, self.db.clock(), revision_no)

    def records(self, crossing_id: int) -> list[PrintRecord]:
        with self.db.read() as session:
            return _records(session, PrintedDocument.crossing_id == crossing_id)

    def void(
        self, actor: Actor, document_id: int, approval: SupervisorApproval | ApprovedRequest
    ) -> PrintRecord:
        """Declare a printed document void (spoilt, lost, issued in error): a supervisor
        approves with a reason; the record stays, marked void."""
        actor.require(Permission.PROCESS_CROSSINGS)
        with self.db.write(actor) as unit:
            session = unit.session
            document = session.get(PrintedDocument, document_id)
            if document is None:
                raise NotFound(f"No printed document number {document_id}.")
            if session.exec(
                select(DocumentVoid).where(DocumentVoid.document_id == document_id)
            ).first():
                raise ValidationError(f"Document {document_id} is already void.", field="void")
            approved = approvals.consume(
                unit,
                approval,
                approvals.Permit.void(document_id, actor),
                self.db.approval_key,
                crossing_id=document.crossing_id,
                kind=f"void:{document.kind}",
            )
            void = DocumentVoid(
                document_id=document_id,
                approval_id=approved.id,
                voided_at=unit.now,
                voided_by=actor.user_id,
            )
            session.add(void)
            session.flush()
            unit.audit(
                "document_voided",
                "crossing",
                document.crossing_id,
                {
                    "document_id": document_id,
                    "supervisor": approvals.approver_name(unit, approved),
                    "reason": approved.reason,
                    "also": [
                        audit.also("approval", approved.id, row_snapshot(approved)),
                        audit.also("document_void", void.id, row_snapshot(void)),
                    ],
                },
            )
            return _records(session, PrintedDocument.id == document_id)[0]

    def check(self, scanned: str, public_keys: dict[str, bytes] | None = None) -> SlipCheck:
        """Verify a scanned slip code against the station's keys and its print records. The
        scanned text is normalised once, here: the signature and the record lookup see the
        same text."""
        text = slip_payload.normalise(scanned)
        with self.db.read() as session:
            trusted = (
                public_keys
                if public_keys is not None
                else _public_keys(session, self.db.identity.trust.roots())
            )
            verdict = slip_payload.verify(text, trusted)
            if not verdict.genuine:
                return SlipCheck(verdict, None, 0)
            found = _records(
                session, PrintedDocument.payload_hash == slip_payload.payload_hash(text)
            )
            if not found:
                return SlipCheck(verdict, None, 0)
            return slip_gate.judge(session, verdict, found[0], self.db.clock())

    def station_keys(self) -> list[StationKey]:
        """The desk keys a checkpoint may trust: those the station root certified."""
        with self.db.read() as session:
            trusted = _public_keys(session, self.db.identity.trust.roots())
            rows = session.exec(select(StationKey).order_by(StationKey.registered_at))
            return [row for row in rows if row.key_id in trusted]


def _check_cancellable(actor: Actor, record: PrintRecord, printed_by: int | None) -> None:
    if record.voided_at is not None:
        raise ValidationError(f"Document {record.id:06d} is already void.", field="void")
    if record.job_id is None or not record.sent_to:
        raise ValidationError(
            f"Document {record.id:06d} was not sent to a print queue: there is no job to "
            "cancel. To void it, ask a supervisor (Void a printed document).",
            field="void",
        )
    if printed_by != actor.user_id and actor.role is not Role.SUPERVISOR:
        raise ValidationError(
            f"Only who printed document {record.id:06d} (or a supervisor) may cancel its job.",
            field="void",
        )


def _settled(queue: str, job_id: int, polls: int = 20) -> cups.JobState:
    """The job's state once the scheduler has acted on the cancel (it answers at once for a
    waiting job; a job being printed takes a moment to stop)."""
    state = cups.job_state(queue, job_id)
    for _ in range(polls):
        if state.finished:
            break
        time.sleep(0.1)
        state = cups.job_state(queue, job_id)
    return state


def _check_request(actor: Actor, kind: str, size: str) -> None:
    actor.require(Permission.PRINT_DOCUMENTS)
    if kind not in paper.KINDS:
        raise ValidationError(f"There is no document called {kind!r}.", field="kind")
    if size not in paper.SIZES:
        raise ValidationError(
            f"Paper {size!r} is not one of {', '.join(paper.SIZES)}.", field="size"
        )


def _draft(
    session: Session,
    row: Crossing,
    kind: str,
    size: str,
    actor: Actor,
    now: datetime,
    as_of_revision: int | None = None,
) -> IssuedDocument:
    """The next print of `kind`; `as_of_revision`: the record as it was before a later
    revision, drawn SUPERSEDED (a preview, never a copy the gate honours)."""
    superseded = as_of_revision is not None and as_of_revision < row.revision
    view = (
        corrections.view_as_it_was(session, row, as_of_revision)  # type: ignore[arg-type]
        if superseded
        else full_view(session, row)
    )
    refused = paper.refusal(kind, view.entry_no, view.status, bool(view.inspections))
    if refused:
        raise ValidationError(refused, field="kind")
    settings = settings_service.load(session)
    record = PrintRecord(
        id=0,
        crossing_id=view.id,
        kind=kind,
        copy_no=_next_copy(session, view.id, kind),
        size=size,
        printed_at=now.replace(microsecond=0),  # the QR carries whole seconds
        printed_by=actor.display,
        key_id="",
        payload_hash="",
    )
    context = PrintContext(
        kind=kind,
        copy_no=record.copy_no,
        record_no=None,
        printed_at=record.printed_at,
        station_name=settings.station_name,
        timezone=settings.timezone,
        officer=actor.display,
        decided_by=_decided_by(session, view.id),
        registered_by=_name_of(session, view.registered_by),
        **_release_approval(session, view.id),
        valid_until=(
            view.closed_at + timedelta(hours=settings.exit_validity_hours)
            if kind == "clearance" and view.closed_at
            else None
        ),
        size=size,
        **weight_settings_of(settings),
        **_revision_words(session, row, as_of_revision if superseded else None),
    )
    return IssuedDocument(record, view, context)


def _revision_words(session: Session, row: Crossing, as_of: int | None) -> dict[str, object]:
    """What a document says of the crossing's corrections: the revision it shows, or, for
    the record as it was, the revision that replaced it."""
    if as_of is not None:
        return {"superseded_by": as_of + 1, "revision_no": as_of}
    latest = corrections.latest_revision(session, row)
    if latest is None:
        return {}
    return {
        "revision_no": latest.revision_no,
        "revision_reason": latest.reason,
        "revision_approved_by": latest.approver,
    }


def _release_approval(session: Session, crossing_id: int) -> dict[str, str | None]:
    """Who approved releasing this crossing over a blocker, and why (none: no override)."""
    found = session.execute(
        sa.select(Approval.supervisor_id, Approval.reason)
        .where(Approval.crossing_id == crossing_id)
        .where(Approval.kind.startswith("release:"))  # type: ignore[attr-defined]
        .order_by(Approval.id.desc())  # type: ignore[union-attr]
        .limit(1)
    ).first()
    if found is None:
        return {}
    return {"approved_by": _name_of(session, found[0]), "approval_reason": found[1]}


_DECISIONS = ("crossing_released", "crossing_held", "crossing_refused", "crossing_inspected")


def _decided_by(session: Session, crossing_id: int) -> str | None:
    found = session.execute(
        sa.select(AuditEvent.actor_id, AuditEvent.actor_name)
        .where(AuditEvent.entity == "crossing")
        .where(AuditEvent.entity_id == str(crossing_id))
        .where(AuditEvent.action.in_(_DECISIONS))  # type: ignore[attr-defined]
        .order_by(AuditEvent.id.desc())  # type: ignore[union-attr]
        .limit(1)
    ).first()
    if found is None:
        return None
    actor_id, actor_name = found
    return _name_of(session, actor_id) or actor_name


def _name_of(session: Session, user_id: int | None) -> str | None:
    user = session.get(User, user_id) if user_id is not None else None
    return (user.full_name or user.username) if user else None


def _decision(view: CrossingView, kind: str) -> str:
    if kind == "exam":
        return view.inspections[-1].decision
    return view.status.value


def _next_copy(session: Session, crossing_id: int, kind: str) -> int:
    last = session.execute(
        sa.select(sa.func.max(PrintedDocument.copy_no))
        .where(PrintedDocument.crossing_id == crossing_id)
        .where(PrintedDocument.kind == kind)
    ).scalar_one()
    return (last or 0) + 1


def _public_keys(session: Session, pinned: dict[str, bytes]) -> dict[str, bytes]:
    """Desk keys certified by a station root this desk trusts; a key row written into the
    database by anyone else is not among them."""
    return keys.key_report(session.connection(), pinned).trusted


def _records(session: Session, condition) -> list[PrintRecord]:  # type: ignore[no-untyped-def]
    sent, cancelled = aliased(PrintJob), aliased(PrintJob)
    stmt = (
        sa.select(
            PrintedDocument,
            User.username,
            User.full_name,
            DocumentVoid,
            Approval.reason,
            sent,
            cancelled,
        )
        .outerjoin(User, User.id == PrintedDocument.printed_by)
        .outerjoin(DocumentVoid, DocumentVoid.document_id == PrintedDocument.id)
        .outerjoin(Approval, Approval.id == DocumentVoid.approval_id)
        .outerjoin(sent, (sent.document_id == PrintedDocument.id) & (sent.event == "sent"))
        .outerjoin(
            cancelled,
            (cancelled.document_id == PrintedDocument.id) & (cancelled.event == "cancelled"),
        )
        .where(condition)
        .order_by(PrintedDocument.id)
    )
    out = []
    for document, username, full_name, void, reason, job, cancel in session.execute(stmt):
        who = full_name or username or "command line"
        record = _record(document, who, void.voided_at if void else None, reason)
        if job is not None:
            record = dataclasses.replace(record, sent_to=job.destination, job_id=job.job_id)
        if cancel is not None and void is None:
            record = dataclasses.replace(
                record,
                voided_at=cancel.at,
                void_reason=(
                    f"its print job {cancel.destination}-{cancel.job_id} was cancelled in the "
                    "queue before it printed: no such paper was issued"
                ),
                cancelled=True,
            )
        out.append(record)
    return out


def _record(
    document: PrintedDocument,
    printed_by: str,
    voided_at: datetime | None = None,
    void_reason: str | None = None,
) -> PrintRecord:
    return PrintRecord(
        id=document.id or 0,
        crossing_id=document.crossing_id,
        kind=document.kind,
        copy_no=document.copy_no,
        size=document.size,
        printed_at=document.printed_at,
        printed_by=printed_by,
        key_id=document.key_id,
        payload_hash=document.payload_hash,
        voided_at=voided_at,
        void_reason=void_reason,
    )
