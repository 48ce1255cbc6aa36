"""An inspection (examination) as the examiner reports it, validated."""

import enum
from dataclasses import dataclass
from datetime import datetime

from taftan_desk.core import lifecycle, seals, weights
from taftan_desk.core import text as free_text
from taftan_desk.core.errors import FieldProblem, ValidationError
from taftan_desk.core.lifecycle import Action, Status
from taftan_desk.core.release import InspectionKind

# The lengths of the inspections columns these fields are stored in; a test compares them
# with taftan_desk/db/models.py so that the form and the database cannot drift apart.
MAX_LENGTHS: dict[str, int] = {
    "examiner": free_text.PERSON_NAME_LENGTH,
    "remarks": 2000,
    "new_seal_no": seals.MAX_SEAL_LENGTH,
}


class SealCheck(enum.StrEnum):
    INTACT = "intact"
    DISCREPANCY = "discrepancy"
    NOT_CHECKED = "not_checked"


class Findings(enum.StrEnum):
    NO_DISCREPANCY = "no_discrepancy"
    DISCREPANCY = "discrepancy"
    PROHIBITED = "prohibited"


class Decision(enum.StrEnum):
    RELEASE = "release"
    HOLD = "hold"
    REFER = "refer"
    REFUSE = "refuse"


def status_after(status: Status, decision: Decision) -> Status:
    """Where an inspection's decision leaves the crossing.

    A decision to release does not lift a hold: the crossing stays held until a supervisor
    approves its release. A referral sends it back to await another examination.
    """
    lifecycle.require(status, Action.INSPECT)
    if decision is Decision.HOLD:
        return Status.HELD
    if decision is Decision.REFUSE:
        return Status.REFUSED
    if decision is Decision.REFER:
        return Status.AWAITING_INSPECTION
    return Status.HELD if status is Status.HELD else Status.INSPECTED


@dataclass(frozen=True)
class InspectionInput:
    kind: str
    examiner: str
    findings: str
    decision: str
    seal_check: str = "not_checked"
    started_at: datetime | None = None
    ended_at: datetime | None = None
    reweigh_gross_kg: str | int = ""
    new_seal_no: str = ""
    remarks: str = ""


@dataclass(frozen=True)
class ValidInspection:
    kind: InspectionKind
    examiner: str
    findings: Findings
    decision: Decision
    seal_check: SealCheck
    started_at: datetime | None
    ended_at: datetime | None
    reweigh_gross_kg: int | None
    new_seal_no: str | None
    remarks: str


def _choice(kind: type[enum.StrEnum], text: str, field: str, problems: list[FieldProblem]):  # type: ignore[no-untyped-def]
    value = text.strip().lower().replace(" ", "_")
    for member in kind:
        if member.value == value:
            return member
    choices = ", ".join(m.value.replace("_", " ") for m in kind)
    problems.append(FieldProblem(field, f"Choose one of: {choices}."))
    return None


def validate(form: InspectionInput) -> ValidInspection:
    problems: list[FieldProblem] = []
    kind = _choice(InspectionKind, form.kind, "kind", problems)
    findings = _choice(Findings, form.findings, "findings", problems)
    decision = _choice(Decision, form.decision, "decision", problems)
    seal_check = _choice(SealCheck, form.seal_check or "not_checked", "seal_check", problems)
    examiner = remarks = ""
    try:
        examiner = free_text.clean(
            form.examiner, "examiner", "the examiner's name", MAX_LENGTHS["examiner"], required=True
        )
    except ValidationError as exc:
        problems.extend(exc.problems)
    try:
        remarks = free_text.clean(
            form.remarks, "remarks", "the remarks", MAX_LENGTHS["remarks"], multiline=True
        )
    except ValidationError as exc:
        problems.extend(exc.problems)
    reweigh = new_seal = None
    try:
        reweigh = weights.parse_kg(
            form.reweigh_gross_kg, "reweigh_gross_kg", "re-weighed gross", required=False
        )
    except ValidationError as exc:
        problems.extend(exc.problems)
    try:
        if form.new_seal_no.strip():
            new_seal = seals.normalise_seal_number(form.new_seal_no, "new_seal_no")
    except ValidationError as exc:
        problems.extend(exc.problems)
    for name in ("started_at", "ended_at"):
        moment = getattr(form, name)
        if moment is not None and moment.utcoffset() is None:
            problems.append(
                FieldProblem(name, "The time has no time zone: enter it as station time.")
            )
    if problems:
        raise ValidationError(problems)
    if form.started_at and form.ended_at and form.ended_at < form.started_at:
        problems.append(FieldProblem("ended_at", "The end time is before the start time."))
    if findings is Findings.PROHIBITED and decision is Decision.RELEASE:
        problems.append(
            FieldProblem("decision", "Prohibited goods cannot be released: choose hold or refuse.")
        )
    if findings in (Findings.DISCREPANCY, Findings.PROHIBITED) and not remarks:
        problems.append(FieldProblem("remarks", "Describe the discrepancy in the remarks."))
    if problems:
        raise ValidationError(problems)
    return ValidInspection(
        kind,
        examiner,
        findings,
        decision,
        seal_check,  # type: ignore[arg-type]
        form.started_at,
        form.ended_at,
        reweigh,
        new_seal,
        remarks,
    )
