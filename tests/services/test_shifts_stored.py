"""Each crossing and each event keeps the shift it was written in, as the shift times were
then: a later change of the times does not move it."""

import json
from datetime import UTC, date, datetime

from sqlmodel import select

from taftan_desk.db.models import AuditEvent, Crossing
from tests.support import Desk, road_form


def test_a_night_registration_belongs_to_the_shift_that_began_the_evening_before(
    desk: Desk,
) -> None:
    desk.clock.now = datetime(2026, 11, 27, 21, 30, tzinfo=UTC)  # 02:30 PKT on the 28th
    crossing = desk.services.crossings.register(desk.officer, road_form()).crossing
    desk.services.settings.update(desk.admin, {"shift_starts": ["07:00", "19:00"]})
    desk.services.crossings.release(desk.officer, crossing.id)  # 02:30 PKT: shift 2 now
    with desk.services.db.read() as session:
        row = session.get(Crossing, crossing.id)
        events = session.exec(
            select(AuditEvent.action, AuditEvent.data_json)
            .where(AuditEvent.entity == "crossing")
            .order_by(AuditEvent.id)
        ).all()
    assert (row.shift_day, row.shift_no) == (date(2026, 11, 27), 3)  # 22:00-06:00 then
    shifts = {action: json.loads(data)["shift"] for action, data in events}
    assert shifts == {"crossing_registered": "2026-11-27/3", "crossing_released": "2026-11-27/2"}
    report = desk.services.health.check()
    assert report.ok, report.render()
