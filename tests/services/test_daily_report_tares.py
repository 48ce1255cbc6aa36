"""The daily report shows each vehicle weighed empty beside the tare it had before, and marks
a change beyond the station's tolerance for the supervisor: a tare made heavier makes every
container the vehicle carries lighter, under the 22-tonne limit."""

from datetime import date

from taftan_desk.services.demo_train import taken
from tests.documents.samples import daily_report_text
from tests.support import Desk

DAY = date(2026, 11, 27)  # the desk's clock: 14:00 PKT
WHY = "Tare stencilled on the trailer, scale out of order"


def _weigh(desk: Desk, mode: str, number: str, kg: int, reason: str = "") -> str:
    reading = None if reason else taken(kg, 20)
    view = desk.services.weighings.weigh_empty(desk.officer, mode, number, kg, reading, reason)
    return view.ticket_no


def _day(desk: Desk) -> dict[str, str]:
    return {
        "first": _weigh(desk, "road", "QAA-1", 14_000),
        "within": _weigh(desk, "road", "QAA-1", 14_500),  # +500: the tolerance itself
        "other": _weigh(desk, "road", "QAB-2", 15_000),
        "heavier": _weigh(desk, "road", "QAB-2", 16_900, WHY),  # +1,900, typed
        "lighter": _weigh(desk, "rail", "PR-40123", 21_400),
        "wagon": _weigh(desk, "rail", "PR-40123", 20_600),  # -800
    }


def test_each_vehicle_weighed_empty_is_listed_beside_its_tare_before(desk: Desk) -> None:
    tickets = _day(desk)
    report = desk.services.reports.daily(desk.supervisor, DAY)
    lines = {t.ticket_no: t for t in report.tares}
    assert list(lines) == list(tickets.values())  # in the order they were weighed
    first, within, heavier, wagon = (
        lines[tickets[k]] for k in ("first", "within", "heavier", "wagon")
    )
    assert (first.previous_kg, first.change_kg, first.beyond(500)) == (None, None, False)
    assert (within.previous_kg, within.previous_ticket, within.change_kg) == (
        14_000,
        tickets["first"],
        500,
    )
    assert not within.beyond(500)
    assert (heavier.change_kg, heavier.typed, heavier.reason) == (1_900, True, WHY)
    assert heavier.beyond(500) and wagon.beyond(500) and wagon.change_kg == -800
    assert (wagon.vehicle_kind, wagon.vehicle_no, wagon.weighed_by) == ("wagon", "PR-40123", "ali")
    assert report.tares_changed == 2
    loose = desk.services.settings.update(desk.admin, {"tare_change_kg": 2_000})
    assert loose.tare_change_kg == 2_000
    assert desk.services.reports.daily(desk.supervisor, DAY).tares_changed == 0


def test_the_pdf_marks_a_change_beyond_the_tolerance_for_checking(desk: Desk) -> None:
    tickets = _day(desk)
    text = daily_report_text(desk.services.reports.daily(desk.supervisor, DAY))
    assert "Tares changed by over 500 kg 2 " in text
    listed = text.split("Vehicles weighed empty again ", 1)[1].split("Holds still open")[0]
    assert f"{tickets['within']} 27 Nov 14:00 QAA-1 14,500 kg 14,000 kg ({tickets['first']}) " in (
        listed
    )
    assert f"14,500 kg 14,000 kg ({tickets['first']}) +500 kg ali" in listed
    assert (f"16,900 kg TYPED “{WHY}” 15,000 kg ({tickets['other']}) +1,900 kg CHECK ali") in listed
    assert f"20,600 kg 21,400 kg ({tickets['lighter']}) -800 kg CHECK" in listed
    assert listed.count("CHECK") == 2
    assert (
        f"Weighed empty for the first time (3): QAA-1 14,000 kg ({tickets['first']}), QAB-2 "
        f"15,000 kg ({tickets['other']}), PR-40123 21,400 kg ({tickets['lighter']})."
    ) in listed


def test_a_day_with_no_vehicle_weighed_empty_says_none(desk: Desk) -> None:
    text = daily_report_text(desk.services.reports.daily(desk.supervisor, DAY))
    assert "Tares changed by over 500 kg 0 " in text
    assert "Vehicles weighed empty again None. Holds still open" in text
