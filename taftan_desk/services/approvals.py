"""A supervisor's approval, signed at the desk where the supervisor typed the password.

Only AccountService.approve mints one, after checking the password (with the same lockout
as a sign-in). The signature uses a key that lives only in this process's Database, so an
approval cannot be built by hand, carried to another desk, or kept for later: it expires
after a few minutes.
"""

import hashlib
import hmac
from dataclasses import dataclass
from datetime import datetime, timedelta

from taftan_desk.core.errors import PermissionDenied, ValidationError
from taftan_desk.services.database import Actor

VALID_FOR = timedelta(minutes=5)
MIN_REASON_LENGTH = 5


@dataclass(frozen=True)
class SupervisorApproval:
    supervisor: Actor
    reason: str
    issued_at: datetime
    signature: str


def clean_reason(reason: str) -> str:
    reason = " ".join(reason.split())
    if len(reason) < MIN_REASON_LENGTH:
        raise ValidationError(
            "The supervisor must write the reason for the approval.", field="approval_reason"
        )
    if len(reason) > 500:
        raise ValidationError("The reason is longer than 500 characters.", field="approval_reason")
    return reason


def _mac(key: bytes, supervisor: Actor, reason: str, issued_at: datetime) -> str:
    message = f"{supervisor.user_id}|{supervisor.role.value}|{issued_at.isoformat()}|{reason}"
    return hmac.new(key, message.encode(), hashlib.sha256).hexdigest()


def sign(key: bytes, supervisor: Actor, reason: str, issued_at: datetime) -> SupervisorApproval:
    return SupervisorApproval(
        supervisor, reason, issued_at, _mac(key, supervisor, reason, issued_at)
    )


def verify(key: bytes, approval: SupervisorApproval, now: datetime) -> None:
    expected = _mac(key, approval.supervisor, approval.reason, approval.issued_at)
    if not hmac.compare_digest(expected, approval.signature):
        raise PermissionDenied(
            "This approval was not signed at this desk: the supervisor must sign in to approve."
        )
    if not approval.issued_at <= now <= approval.issued_at + VALID_FOR:
        raise PermissionDenied("The supervisor's approval has expired: ask them to sign again.")
