"""Exceptions decided at any desk: an officer asks for a supervisor's approval (a release
over overweight or a hold, a void, an amendment of a closed crossing), the request reaches
every desk of the station through the audit log, a supervisor approves or refuses it with a
written reason, and the officer's desk shows the answer. Nobody decides their own request.

An approved request is used like an approval typed at the officer's desk (ApprovedRequest):
once, by that officer, for exactly that action on that record, within 30 minutes, and only
while the request, its answer and the supervisor prove against their signed events.
"""

from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Session, select

from taftan_desk.core import text as free_text
from taftan_desk.core.errors import NotFound, PermissionDenied, ValidationError
from taftan_desk.core.roles import Permission
from taftan_desk.db.models import (
    Approval,
    ExceptionDecision,
    ExceptionRequest,
    PrintedDocument,
    User,
)
from taftan_desk.services.approvals import REQUEST_VALID_FOR, ApprovedRequest, Permit
from taftan_desk.services.audit import row_snapshot
from taftan_desk.services.database import Actor, Database

WAITING, APPROVED, REFUSED, USED, EXPIRED = "waiting", "approved", "refused", "used", "expired"


@dataclass(frozen=True)
class RequestView:
    id: int
    permit: Permit
    crossing_id: int | None
    what: str
    reason: str
    requested_by: str
    requested_at: datetime
    state: str  # waiting / approved / refused / used / expired (approved, not used in time)
    decided_by: str | None = None
    answer: str | None = None  # the supervisor's reason
    decided_at: datetime | None = None

    @property
    def grant(self) -> ApprovedRequest | None:
        """What the officer's action uses, once approved (checked again when used)."""
        return ApprovedRequest(self.id, self.permit) if self.state == APPROVED else None


class ExceptionService:
    def __init__(self, db: Database) -> None:
        self.db = db

    def request(
        self, actor: Actor, permit: Permit, what: str, reason: str, crossing_id: int | None
    ) -> RequestView:
        """Ask the station's supervisors to approve `permit` for this officer."""
        actor.require(Permission.PROCESS_CROSSINGS)
        if permit.officer_id != actor.user_id:
            raise PermissionDenied("An officer asks for approvals of their own actions only.")
        why = free_text.clean_reason(
            reason, "request_reason", "Say why you ask for the approval (a few words at least)."
        )
        with self.db.write(actor) as unit:
            crossing_id = _crossing_of(unit.session, permit, crossing_id)
            row = ExceptionRequest(
                action=permit.action,
                target=permit.target,
                officer_id=permit.officer_id,
                overrides=",".join(permit.overrides),
                crossing_id=crossing_id,
                what=what[:2000],
                reason=why,
                requested_at=unit.now,
            )
            unit.session.add(row)
            unit.session.flush()
            unit.audit(
                "exception_requested", "exception_request", row.id, {"after": row_snapshot(row)}
            )
            if crossing_id is not None:  # the crossing's history, and every desk's change feed
                unit.audit(
                    "exception_requested",
                    "crossing",
                    crossing_id,
                    {"request_id": row.id, "what": row.what, "reason": why},
                )
            return _view(unit.session, row, unit.now)

    def decide(self, supervisor: Actor, request_id: int, approve: bool, reason: str) -> RequestView:
        """Approve or refuse a waiting request, with the reason; never one's own."""
        supervisor.require(Permission.APPROVE_EXCEPTIONS)
        why = free_text.clean_reason(
            reason,
            "decision_reason",
            "Write the reason for the approval or the refusal (a few words at least).",
        )
        with self.db.write(supervisor) as unit:
            session = unit.session
            row = session.get(ExceptionRequest, request_id)
            if row is None:
                raise NotFound(f"No exception request number {request_id}.")
            if row.officer_id == supervisor.user_id:
                raise PermissionDenied(
                    "Nobody decides their own request: another supervisor must answer it."
                )
            if _decision(session, request_id) is not None:
                raise ValidationError(
                    f"Request {request_id} has already been answered: "
                    f"{_view(session, row, unit.now).state}.",
                    field="request",
                )
            if not unit.db.is_as_audited(unit.conn, "exception_requests", "exception_request", row):
                raise PermissionDenied(
                    f"Request {request_id} was changed outside the desk: it cannot be decided. "
                    "Ask the administrator to run `taftan-desk check`."
                )
            decision = ExceptionDecision(
                request_id=request_id,
                approved=approve,
                supervisor_id=supervisor.user_id,
                reason=why,
                decided_at=unit.now,
            )
            session.add(decision)
            session.flush()
            unit.audit(
                "exception_decided",
                "exception_decision",
                decision.id,
                {"after": row_snapshot(decision)},
            )
            if row.crossing_id is not None:
                unit.audit(
                    "exception_approved" if approve else "exception_refused",
                    "crossing",
                    row.crossing_id,
                    {"request_id": row.id, "supervisor": supervisor.username, "reason": why},
                )
            return _view(session, row, unit.now)

    def waiting(self) -> list[RequestView]:
        """Requests no supervisor has answered yet, oldest first (what a supervisor decides)."""
        answered = sa.select(ExceptionDecision.request_id)
        with self.db.read() as session:
            rows = session.exec(
                select(ExceptionRequest)
                .where(ExceptionRequest.id.not_in(answered))  # type: ignore[union-attr]
                .order_by(ExceptionRequest.id)
            ).all()
            return [_view(session, r, self.db.clock()) for r in rows]

    def of_officer(self, actor: Actor, since: datetime | None = None) -> list[RequestView]:
        """The officer's own requests (since a moment), newest first: their answers."""
        with self.db.read() as session:
            query = select(ExceptionRequest).where(ExceptionRequest.officer_id == actor.user_id)
            if since is not None:
                query = query.where(ExceptionRequest.requested_at >= since)
            rows = session.exec(query.order_by(ExceptionRequest.id.desc())).all()  # type: ignore[union-attr]
            return [_view(session, r, self.db.clock()) for r in rows]

    def get(self, request_id: int) -> RequestView:
        with self.db.read() as session:
            row = session.get(ExceptionRequest, request_id)
            if row is None:
                raise NotFound(f"No exception request number {request_id}.")
            return _view(session, row, self.db.clock())

    def approved_for(self, permit: Permit) -> RequestView | None:
        """The newest approved, unused request for exactly this permit, if any."""
        with self.db.read() as session:
            rows = session.exec(
                select(ExceptionRequest)
                .where(ExceptionRequest.action == permit.action)
                .where(ExceptionRequest.target == permit.target)
                .where(ExceptionRequest.officer_id == permit.officer_id)
                .where(ExceptionRequest.overrides == ",".join(permit.overrides))
                .order_by(ExceptionRequest.id.desc())  # type: ignore[union-attr]
            ).all()
            for row in rows:
                view = _view(session, row, self.db.clock())
                if view.state == APPROVED:
                    return view
            return None


def _crossing_of(session: Session, permit: Permit, given: int | None) -> int | None:
    """The crossing a request is about, from what it permits (never from the caller's word):
    the crossing itself, or the one a printed document belongs to."""
    kind, _, number = permit.target.partition(":")
    if kind == "crossing" and number.isdigit():
        return int(number)
    if kind == "document" and number.isdigit():
        document = session.get(PrintedDocument, int(number))
        return document.crossing_id if document is not None else None
    return given


def _decision(session: Session, request_id: int | None) -> ExceptionDecision | None:
    return session.exec(
        select(ExceptionDecision).where(ExceptionDecision.request_id == request_id)
    ).first()


def _name(session: Session, user_id: int | None) -> str:
    user = session.get(User, user_id) if user_id is not None else None
    return user.username if user else ""


def _view(session: Session, row: ExceptionRequest, now: datetime) -> RequestView:
    decision = _decision(session, row.id)
    state = WAITING
    if decision is not None:
        state = APPROVED if decision.approved else REFUSED
        used = session.exec(
            select(Approval.id).where(Approval.grant_id == f"request:{row.id}")
        ).first()
        if used is not None:
            state = USED
        elif state == APPROVED and now > decision.decided_at + REQUEST_VALID_FOR:
            state = EXPIRED
    permit = Permit(
        row.action, row.target, row.officer_id, tuple(x for x in row.overrides.split(",") if x)
    )
    return RequestView(
        id=row.id,  # type: ignore[arg-type]
        permit=permit,
        crossing_id=row.crossing_id,
        what=row.what,
        reason=row.reason,
        requested_by=_name(session, row.officer_id),
        requested_at=row.requested_at,
        state=state,
        decided_by=_name(session, decision.supervisor_id) if decision else None,
        answer=decision.reason if decision else None,
        decided_at=decision.decided_at if decision else None,
    )
