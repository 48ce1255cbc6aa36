"""The daily report counts the crossings whose weights were typed and marks each where it lists
crossings: the PDF's "Weights typed" list (TYPED beside the typed figure, and why) and the
CSV's weights_typed column. A crossing's weights are its newest weighing's, read in the
crossings' own query."""

import csv
import io
import uuid
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import create_engine, event, make_url, text

from taftan_desk.core.inspection import InspectionInput
from taftan_desk.core.roles import Role
from taftan_desk.db.engine import make_engine
from taftan_desk.services.demo_train import taken
from taftan_desk.services.views import CrossingView
from tests.documents.samples import daily_report_text
from tests.support import TYPED, Desk, new_station, road_form

DAY = date(2026, 11, 27)  # the desk's clock: 14:00 PKT
READ = {"gross_kg": "", "bridge_kg": 37_300, "vehicle_tare_kg": 14_000, "tare_kg": "2300"}
WHY = "Scale indicator out of order since 06:00: read off its display"
REWEIGHED = "Re-weighed at the examination: the container's gross as the examiner typed it."


def _register(desk: Desk, container: str, plate: str, **form: object) -> CrossingView:
    reg = road_form(container_no=container, truck_plate=plate, **form)  # type: ignore[arg-type]
    return desk.services.crossings.register(desk.officer, reg).crossing


def _shift(desk: Desk) -> dict[str, CrossingView]:
    """Five crossings: read from the scale, re-weighed at the examination (its newest
    weighing typed), typed at the weighbridge, its gross typed as such, and not weighed."""
    services = desk.services
    services.weighings.weigh_empty(desk.officer, "road", "QAA-1", 14_000, taken(14_000, 20))
    scale = {**READ, "taken": taken(37_300, 20), "weight_reason": ""}
    made = {
        "scale": _register(desk, "CSQU3054383", "QAA-1", **scale),
        "reweighed": _register(desk, "MSCU7654329", "QAA-1", **scale),
        "typed": _register(desk, "MSCU1234566", "QAB-2", **READ, weight_reason=WHY),
        "gross": _register(desk, "TGHU7654320", "QAC-3"),
        "unweighed": _register(desk, "TCLU1122336", "QAD-4", weighed=False),
    }
    exam = InspectionInput(
        "physical", "Fatima Rind", "no_discrepancy", "release", reweigh_gross_kg="23400"
    )
    services.inspections.record(desk.officer, made["reweighed"].id, exam)
    return made


def test_the_report_counts_the_crossings_whose_newest_weighing_was_typed(desk: Desk) -> None:
    _shift(desk)
    report = desk.services.reports.daily(desk.supervisor, DAY)
    assert report.totals.crossings == 5
    assert report.totals.weights_typed == 3  # re-weighed, typed, gross typed


def test_the_csv_says_what_was_typed_and_why_for_each_crossing(desk: Desk) -> None:
    made = _shift(desk)
    rows = {
        r["entry_no"]: r for r in csv.DictReader(io.StringIO(desk.services.reports.csv_text(DAY)))
    }
    cell = {name: rows[v.entry_no] for name, v in made.items()}
    assert cell["typed"]["weights_typed"] == f"weighbridge reading, vehicle tare: {WHY}"
    assert cell["gross"]["weights_typed"] == f"container gross: {TYPED}"
    assert cell["reweighed"]["weights_typed"] == f"container gross: {REWEIGHED}"
    assert cell["scale"]["weights_typed"] == "" and cell["unweighed"]["weights_typed"] == ""
    scale, typed = made["scale"].weighing, made["typed"].weighing
    assert scale is not None and typed is not None
    assert (cell["scale"]["weighbridge_ticket"], cell["typed"]["weighbridge_ticket"]) == (
        scale.ticket_no,
        typed.ticket_no,
    )
    assert (cell["scale"]["bridge_kg"], cell["scale"]["vehicle_tare_kg"]) == ("37300", "14000")
    # The newest weighing: the examination's, with no reading, not the registration's.
    registered = made["reweighed"].weighing
    assert registered is not None
    assert cell["reweighed"]["weighbridge_ticket"] not in ("", registered.ticket_no)
    assert (cell["reweighed"]["bridge_kg"], cell["gross"]["bridge_kg"]) == ("", "")
    assert cell["unweighed"]["weighbridge_ticket"] == ""


def test_the_pdf_lists_each_typed_crossing_with_typed_beside_the_figure(desk: Desk) -> None:
    made = _shift(desk)
    text = daily_report_text(desk.services.reports.daily(desk.supervisor, DAY))
    assert "Weights typed 3 " in text
    listed = text.split("Ticket Weights Why typed ", 1)[1].split("Holds still open")[0]
    typed = made["typed"]
    assert typed.weighing is not None
    assert (
        f"{typed.entry_no} QAB-2 {typed.weighing.ticket_no} 37,300 kg TYPED − vehicle 14,000 "
        f"kg TYPED = gross 23,300 kg “{WHY}”"
    ) in listed
    assert f"{made['gross'].entry_no} QAC-3" in listed
    assert "gross 23,300 kg TYPED" in listed
    assert f"{made['reweighed'].entry_no} QAA-1" in listed and "gross 23,400 kg TYPED" in listed
    for name in ("scale", "unweighed"):
        assert made[name].entry_no not in text, name
    assert listed.count("TYPED") == 4


def test_a_day_with_nothing_typed_says_none(desk: Desk) -> None:
    services = desk.services
    services.weighings.weigh_empty(desk.officer, "road", "QAA-1", 14_000, taken(14_000, 20))
    _register(desk, "CSQU3054383", "QAA-1", **READ, taken=taken(37_300, 20), weight_reason="")
    text = daily_report_text(services.reports.daily(desk.supervisor, DAY))
    assert "Weights typed 0 " in text
    assert "Weights typed None. Vehicles weighed empty again" in text
    assert "TYPED" not in text


@pytest.mark.parametrize("crossings", [1, 6])
def test_the_weighings_are_read_in_one_query_however_many_crossings(
    desk: Desk, crossings: int
) -> None:
    plates = ("QAB-2", "QAC-3", "QAD-4", "QAE-5", "QAF-6", "QAG-7")
    numbers = ("CSQU3054383", "MSCU1234566", "MSCU7654329", "TGHU7654320", "TCLU1122336")
    for plate, number in zip(plates[:crossings], (*numbers, "GESU5566778"), strict=False):
        _register(desk, number, plate, **READ, weight_reason=WHY)
    statements: list[str] = []

    def seen(conn, cursor, statement, *args) -> None:  # type: ignore[no-untyped-def]
        statements.append(statement)

    engine = desk.services.db.engine
    event.listen(engine, "before_cursor_execute", seen)
    try:
        report = desk.services.reports.daily(desk.supervisor, DAY)
        desk.services.reports.csv_text(DAY)
    finally:
        event.remove(engine, "before_cursor_execute", seen)
    assert report.totals.weights_typed == crossings
    # The report's crossings, the report's vehicles weighed empty, the CSV's crossings.
    assert len([s for s in statements if "weighings" in s]) == 3


def test_the_newest_weighing_is_joined_the_same_on_postgres(pg_url: str) -> None:
    name = f"typed_{uuid.uuid4().hex[:8]}"
    server = create_engine(pg_url, isolation_level="AUTOCOMMIT")
    with server.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))  # a name cannot be a bound parameter
    engine = make_engine(make_url(pg_url).set(database=name).render_as_string(False))
    try:
        services, actors = new_station(engine, ali=Role.OFFICER, sara=Role.SUPERVISOR)
        desk = Desk(
            Path(name), services, services.db.clock, actors["admin"],  # type: ignore[arg-type]
            actors["ali"], actors["sara"], actors["sara"],
        )  # fmt: skip
        made = _shift(desk)
        report = services.reports.daily(desk.supervisor, DAY)
        assert report.totals.weights_typed == 3
        typed = {r.entry_no: r.weights_typed for r in report.rows if r.weights_typed}
        assert typed[made["reweighed"].entry_no] == f"container gross: {REWEIGHED}"
        assert set(typed) == {made[n].entry_no for n in ("reweighed", "typed", "gross")}
    finally:
        engine.dispose()
        with server.connect() as conn:
            conn.execute(text(f'DROP DATABASE "{name}"'))
        server.dispose()
