"""A supervisor's approval, signed at the desk where the supervisor typed the password.

Only AccountService.approve mints one, after checking the password (with the same lockout
as a sign-in). An approval permits one action on one record for one officer (its Permit),
carries a random grant id, and is signed with a key that lives only in this process's
Database: it cannot be built by hand, carried to another desk, kept for later (it expires
after a few minutes), used for another truck, or used twice (the grant id is stored with
the action it allowed, under a unique index, in that action's transaction).
"""

import dataclasses
import hashlib
import hmac
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlmodel import select

from taftan_desk.core import text as free_text
from taftan_desk.core.errors import PermissionDenied
from taftan_desk.core.roles import Role
from taftan_desk.db.models import Approval, ExceptionDecision, ExceptionRequest, User
from taftan_desk.services.database import Actor, Unit

VALID_FOR = timedelta(minutes=5)
RELEASE, VOID, AMEND, REROUTE = "release", "void", "amend", "reroute"


@dataclass(frozen=True)
class Permit:
    """What an approval allows: one action, on one crossing or printed document, by one
    officer (None: the command line), overriding exactly the blockers the supervisor was
    shown (a new finding since, such as a hold, needs a new approval)."""

    action: str
    target: str  # "crossing:12" or "document:5"
    officer_id: int | None
    overrides: tuple[str, ...] = ()

    @classmethod
    def release(cls, crossing_id: int, officer: Actor, overrides: Iterable[str]) -> "Permit":
        return cls(RELEASE, f"crossing:{crossing_id}", officer.user_id, tuple(sorted(overrides)))

    @classmethod
    def amend(cls, crossing_id: int, officer: Actor, changes_digest: str) -> "Permit":
        """An amendment of a closed crossing: exactly the changes the supervisor was shown."""
        return cls(AMEND, f"crossing:{crossing_id}", officer.user_id, (changes_digest,))

    @classmethod
    def reroute(cls, crossing_id: int, officer: Actor, to: str, facts: str) -> "Permit":
        """A channel changed by a supervisor's decision, to exactly this channel, from exactly
        the channel and findings the supervisor was shown (`facts`: channel.decision_digest):
        a finding added since needs a new approval."""
        return cls(REROUTE, f"crossing:{crossing_id}", officer.user_id, (to, facts))

    @classmethod
    def void(cls, document_id: int, officer: Actor) -> "Permit":
        return cls(VOID, f"document:{document_id}", officer.user_id)


@dataclass(frozen=True)
class ApprovedRequest:
    """A supervisor's approval given at another desk of the station, on the officer's request
    (services/exception_requests.py). Used like a SupervisorApproval; the request, the
    decision and the supervisor are all read and proven again in the transaction that uses
    it, so holding this object proves nothing by itself."""

    request_id: int
    permit: Permit


# An approval given at another desk must be used soon after, as one typed at this desk.
REQUEST_VALID_FOR = timedelta(minutes=30)


@dataclass(frozen=True)
class SupervisorApproval:
    supervisor: Actor
    reason: str
    issued_at: datetime
    permit: Permit
    grant_id: str
    signature: str


def clean_reason(reason: str) -> str:
    return free_text.clean_reason(
        reason, "approval_reason", "The supervisor must write the reason for the approval."
    )


def _mac(
    key: bytes,
    supervisor: Actor,
    reason: str,
    issued_at: datetime,
    permit: Permit,
    grant_id: str,
) -> str:
    message = "|".join(
        (
            str(supervisor.user_id),
            supervisor.role.value,
            issued_at.isoformat(),
            permit.action,
            permit.target,
            str(permit.officer_id),
            ",".join(permit.overrides),
            grant_id,
            reason,
        )
    )
    return hmac.new(key, message.encode(), hashlib.sha256).hexdigest()


def sign(
    key: bytes, supervisor: Actor, reason: str, issued_at: datetime, permit: Permit
) -> SupervisorApproval:
    if supervisor.user_id is not None and supervisor.user_id == permit.officer_id:
        raise PermissionDenied(
            "A supervisor cannot approve their own action: another supervisor must sign."
        )
    grant_id = secrets.token_hex(16)
    signature = _mac(key, supervisor, reason, issued_at, permit, grant_id)
    return SupervisorApproval(supervisor, reason, issued_at, permit, grant_id, signature)


def verify(key: bytes, approval: SupervisorApproval, expected: Permit, now: datetime) -> None:
    """The approval was signed here, is fresh, and permits exactly `expected`. Whether the
    supervisor may still approve, and whether the grant was used, are the caller's checks
    (they need the database, in the transaction that uses the grant)."""
    mac = _mac(
        key,
        approval.supervisor,
        approval.reason,
        approval.issued_at,
        approval.permit,
        approval.grant_id,
    )
    if not hmac.compare_digest(mac, approval.signature):
        raise PermissionDenied(
            "This approval was not signed at this desk: the supervisor must sign in to approve."
        )
    if not approval.issued_at <= now <= approval.issued_at + VALID_FOR:
        raise PermissionDenied("The supervisor's approval has expired: ask them to sign again.")
    require_permit(approval.permit, expected)


def require_permit(given: Permit, expected: Permit) -> None:
    """The approval permits exactly the action about to be taken, in words when not."""
    same_but_overrides = dataclasses.replace(given, overrides=expected.overrides)
    if given != expected and same_but_overrides == expected:
        raise PermissionDenied(
            "The crossing changed since the supervisor approved (it now needs approval "
            f"for: {', '.join(expected.overrides) or 'nothing'}): the supervisor must "
            "approve again."
        )
    if given != expected:
        raise PermissionDenied(
            "This approval was given for another action, record or officer: the supervisor "
            "must approve this one."
        )


def consume(
    unit: Unit,
    approval: "SupervisorApproval | ApprovedRequest",
    expected: Permit,
    key: bytes,
    *,
    crossing_id: int,
    kind: str,
) -> Approval:
    """Check an approval at the moment of use and record it as used, in the unit's
    transaction: the approver must still be an active supervisor and not the acting user,
    and the grant must not have been used before."""
    if isinstance(approval, ApprovedRequest):
        supervisor_id, reason, grant_id = _approved_request(unit, approval, expected)
    else:
        verify(key, approval, expected, unit.now)
        supervisor_id, reason, grant_id = (
            approval.supervisor.user_id,
            approval.reason,
            approval.grant_id,
        )
    return _record_use(unit, supervisor_id, reason, grant_id, crossing_id=crossing_id, kind=kind)


def _approved_request(
    unit: Unit, approval: ApprovedRequest, expected: Permit
) -> tuple[int | None, str, str]:
    """The supervisor, reason and grant of an approval given at another desk: the request
    and its decision as their signed events left them, approved, for this permit, fresh."""
    require_permit(approval.permit, expected)
    session = unit.session
    request = session.get(ExceptionRequest, approval.request_id)
    decision = session.exec(
        select(ExceptionDecision).where(ExceptionDecision.request_id == approval.request_id)
    ).first()
    if request is None or decision is None or not decision.approved:
        raise PermissionDenied(
            f"Request {approval.request_id} has not been approved: wait for the supervisor's "
            "answer, or ask again."
        )
    stored = Permit(
        request.action,
        request.target,
        request.officer_id,
        tuple(x for x in request.overrides.split(",") if x),
    )
    if not (
        unit.db.is_as_audited(unit.conn, "exception_requests", "exception_request", request)
        and unit.db.is_as_audited(unit.conn, "exception_decisions", "exception_decision", decision)
    ):
        raise PermissionDenied(
            f"Request {request.id} or its answer was changed outside the desk: it cannot be "
            "trusted. Ask the administrator to run `taftan-desk check`."
        )
    require_permit(stored, expected)
    if not decision.decided_at <= unit.now <= decision.decided_at + REQUEST_VALID_FOR:
        raise PermissionDenied(
            f"The approval of request {request.id} has expired (it is valid for "
            f"{REQUEST_VALID_FOR.seconds // 60} minutes): ask again."
        )
    return decision.supervisor_id, decision.reason, f"request:{request.id}"


def _record_use(
    unit: Unit,
    supervisor_id: int | None,
    reason: str,
    grant_id: str,
    *,
    crossing_id: int,
    kind: str,
) -> Approval:
    session = unit.session
    user = session.get(User, supervisor_id) if supervisor_id is not None else None
    if user is None or not user.active or user.role != Role.SUPERVISOR.value:
        raise PermissionDenied(
            "The approving account is no longer an active supervisor: another supervisor "
            "must approve."
        )
    if not unit.db.is_as_audited(unit.conn, "users", "user", user):
        raise PermissionDenied(
            f"The approving account {user.username} was changed outside the desk: its approval "
            "cannot be trusted. Ask the administrator to run `taftan-desk check`."
        )
    if supervisor_id == unit.actor.user_id:
        raise PermissionDenied(
            "A supervisor cannot approve their own action: another supervisor must sign."
        )
    used = session.exec(select(Approval.id).where(Approval.grant_id == grant_id)).first()
    if used is not None:
        raise PermissionDenied(
            "This approval has already been used: the supervisor must approve again."
        )
    record = Approval(
        crossing_id=crossing_id,
        kind=kind,
        supervisor_id=supervisor_id,
        requested_by=unit.actor.user_id,
        reason=reason.strip(),
        approved_at=unit.now,
        grant_id=grant_id,
    )
    session.add(record)
    session.flush()  # the unique grant index refuses a second use that raced this one
    return record


def approver_name(unit: Unit, record: Approval) -> str:
    """The user name of the supervisor whose approval `record` used (for the audit data)."""
    user = unit.session.get(User, record.supervisor_id) if record.supervisor_id else None
    return user.username if user else ""
