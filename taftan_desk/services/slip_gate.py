"""The gate's question about a scanned gate pass, answered from the station's records: is
this paper genuine, printed here, not void, the newest copy, a gate pass, and within its
validity? PrintedDocumentService.check reads the records; this module judges them."""

from dataclasses import dataclass
from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlmodel import Session

from taftan_desk.core import paper, slip_payload
from taftan_desk.db.models import Crossing, CrossingRevision, PrintedDocument, PrintJob
from taftan_desk.services import settings_service
from taftan_desk.services.views import PrintRecord


@dataclass(frozen=True)
class SlipCheck:
    """What a gate learns from a scanned code: the signature's verdict, the station's record
    of that print, and the newest copy number of that document."""

    verdict: slip_payload.Verdict
    record: PrintRecord | None  # the station's record of that print, when this station has it
    copies: int  # how many copies of that document were printed here (the newest copy's no.)
    valid_until: datetime | None = None  # a gate pass: release + the station's validity
    checked_at: datetime | None = None
    # The newest amendment of the crossing made after this copy was printed: (number, when).
    amended: tuple[int, datetime] | None = None

    @property
    def accepted(self) -> bool:
        """A gate pass the gate may honour: genuine, printed here, not void, the newest copy
        (an entry document or a hold notice is never one, however genuine)."""
        return self.problem is None

    @property
    def problem(self) -> str | None:
        """Why the gate must not honour this paper, in words; None when it may."""
        if not self.verdict.genuine:
            return self.verdict.reason
        key = self.verdict.claim.key_id if self.verdict.claim else "?"
        if self.record is None:
            return (
                f"signed with station key {key}, but this station has no record of printing "
                "it: do not honour it; call the station"
            )
        if self.record.voided_at is not None:
            return (
                f"VOID since {self.record.voided_at:%Y-%m-%d %H:%M} UTC: {self.record.void_reason}"
            )
        copy = paper.copy_label(self.record.copy_no)
        if self.record.copy_no < self.copies:
            return (
                f"REPLACED: this is the {copy}, but {paper.copy_label(self.copies)} was "
                "printed after it: only the newest copy is valid"
            )
        if self.record.kind != "clearance":
            return (
                f"not a gate pass: this genuine {paper.NAMES[self.record.kind].lower()} "
                f"({copy}) does not let a truck leave"
            )
        if self.amended is not None:
            number, at = self.amended
            return (
                f"AMENDED: entry {self.verdict.claim.entry_no if self.verdict.claim else ''} "
                f"was amended (revision {number}, {at:%Y-%m-%d %H:%M} UTC) after this {copy} "
                "was printed: only a gate pass printed since is valid"
            )
        if (
            self.valid_until is not None
            and self.checked_at is not None
            and self.checked_at > self.valid_until
        ):
            return (
                f"EXPIRED: this gate pass let the truck out until "
                f"{self.valid_until:%Y-%m-%d %H:%M} UTC; it must be seen at the station again"
            )
        return None

    @property
    def summary(self) -> str:
        problem = self.problem
        if problem is not None:
            return problem if problem.startswith("VOID") else f"NOT VALID: {problem}"
        copy = paper.copy_label(self.record.copy_no)  # type: ignore[union-attr]
        return f"{self.verdict.reason}; {copy}, {self.copies} cop(ies) printed"


def judge(
    session: Session, verdict: slip_payload.Verdict, record: PrintRecord, now: datetime
) -> SlipCheck:
    """The verdict on a genuine code whose print record this station holds."""
    return SlipCheck(
        verdict,
        record,
        _newest_paper(session, record),
        _valid_until(session, record),
        now,
        _amended_since(session, record),
    )


def _amended_since(session: Session, record: PrintRecord) -> tuple[int, datetime] | None:
    """The newest amendment of a closed crossing made after this copy was printed: the paper
    then shows facts the station has since corrected."""
    newest = session.execute(
        sa.select(CrossingRevision.revision_no, CrossingRevision.at)
        .where(CrossingRevision.crossing_id == record.crossing_id)
        .where(CrossingRevision.closed)
        .where(CrossingRevision.at > record.printed_at)
        .order_by(CrossingRevision.revision_no.desc())
        .limit(1)
    ).first()
    return (newest[0], newest[1]) if newest else None


def _newest_paper(session: Session, record: PrintRecord) -> int:
    """The newest copy of that document that may exist on paper: a copy whose job was
    cancelled in the queue before it printed replaces nothing."""
    cancelled = sa.select(PrintJob.id).where(
        (PrintJob.document_id == PrintedDocument.id) & (PrintJob.event == "cancelled")
    )
    newest = session.execute(
        sa.select(sa.func.max(PrintedDocument.copy_no))
        .where(PrintedDocument.crossing_id == record.crossing_id)
        .where(PrintedDocument.kind == record.kind)
        .where(~cancelled.exists())
    ).scalar_one()
    return newest or record.copy_no


def _valid_until(session: Session, record: PrintRecord) -> datetime | None:
    """A gate pass lets its truck out until release + the station's exit validity."""
    if record.kind != "clearance":
        return None
    closed_at = session.execute(
        sa.select(Crossing.closed_at).where(Crossing.id == record.crossing_id)
    ).scalar_one_or_none()
    if closed_at is None:
        return None
    hours = settings_service.load(session).exit_validity_hours
    return closed_at + timedelta(hours=hours)
