"""Recording an inspection: the exam, an optional re-weigh and a new seal, and its decision."""

from sqlmodel import select

from taftan_desk.core import inspection as core_inspection
from taftan_desk.core import lifecycle, registration
from taftan_desk.core.errors import ValidationError
from taftan_desk.core.lifecycle import Action, Status
from taftan_desk.core.roles import Permission
from taftan_desk.core.seals import SealState
from taftan_desk.db.models import Crossing, Inspection, SealRecord
from taftan_desk.services import audit, holds, weighings
from taftan_desk.services.audit import row_snapshot
from taftan_desk.services.crossing_rows import full_view, load_for_change, touch
from taftan_desk.services.crossings import apply_weighing
from taftan_desk.services.database import Actor, Database, Unit
from taftan_desk.services.views import CrossingView


class InspectionService:
    def __init__(self, db: Database) -> None:
        self.db = db

    def record(
        self, actor: Actor, crossing_id: int, form: core_inspection.InspectionInput
    ) -> CrossingView:
        actor.require(Permission.PROCESS_CROSSINGS)
        valid = core_inspection.validate(form)
        with self.db.write(actor) as unit:
            row = load_for_change(unit, crossing_id)
            lifecycle.require(Status(row.status), Action.INSPECT)
            new_status = core_inspection.status_after(Status(row.status), valid.decision)
            record = _inspection(unit, row, valid)
            also = _new_seal(unit, row, valid.new_seal_no)
            unit.session.flush()
            reweighed = (
                [_reweigh(unit, row, valid.reweigh_gross_kg)]
                if valid.reweigh_gross_kg is not None
                else []
            )
            if valid.decision is core_inspection.Decision.HOLD:
                reason = valid.remarks or "Held at inspection."
                also.append(holds.record(unit, row, holds.PLACED, reason))
            row.status = new_status.value
            row.status_note = valid.remarks[:500]
            if new_status.is_closed:
                row.closed_at, row.closed_by = unit.now, actor.user_id
            touch(unit, row)
            unit.audit(
                "inspection_recorded",
                "inspection",
                record.id,
                {"after": row_snapshot(record), "crossing_id": row.id, "also": also},
            )
            unit.audit(
                "crossing_inspected",
                "crossing",
                row.id,
                {"after": row_snapshot(row), "also": reweighed},
            )
            return full_view(unit.session, row)


def _inspection(unit: Unit, row: Crossing, valid: core_inspection.ValidInspection) -> Inspection:
    record = Inspection(
        crossing_id=row.id,
        kind=valid.kind.value,
        examiner=valid.examiner,
        started_at=valid.started_at or unit.now,
        ended_at=valid.ended_at or unit.now,
        seal_check=valid.seal_check.value,
        reweigh_gross_kg=valid.reweigh_gross_kg,
        findings=valid.findings.value,
        decision=valid.decision.value,
        new_seal_no=valid.new_seal_no,
        remarks=valid.remarks,
        recorded_by=unit.actor.user_id,
        recorded_at=unit.now,
    )
    unit.session.add(record)
    return record


def _new_seal(unit: Unit, row: Crossing, number: str | None) -> list[dict[str, object]]:
    """The seal applied after the examination, if any; its entry for the event's "also"."""
    if not number:
        return []
    duplicate = unit.session.exec(
        select(SealRecord).where(SealRecord.crossing_id == row.id, SealRecord.number == number)
    ).first()
    if duplicate is not None:
        raise ValidationError(
            f"Seal {number} is already on this crossing: enter the number of the new seal.",
            field="new_seal_no",
        )
    seal = SealRecord(
        crossing_id=row.id, number=number, state=SealState.INTACT.value, applied_at_exam=True
    )
    unit.session.add(seal)
    unit.session.flush()
    return [audit.also("seal", seal.id, row_snapshot(seal))]


REWEIGHED = "Re-weighed at the examination: the container's gross as the examiner typed it."


def _reweigh(unit: Unit, row: Crossing, gross_kg: int) -> dict[str, object]:
    if row.tare_kg is None:
        raise ValidationError(
            "No tare is recorded for this crossing: record the weighing (gross and tare) "
            "before a re-weigh.",
            field="reweigh_gross_kg",
        )
    apply_weighing(unit, row, gross_kg, row.tare_kg, None)
    return weighings.record_loaded(
        unit,
        row.id,  # type: ignore[arg-type]
        registration.vehicle_of(registration.Mode(row.mode), row.truck_plate, row.wagon_no),
        registration.Weighed(gross_kg, row.tare_kg, None, REWEIGHED),
    )
