"""The detail pane shows the whole record of the selected crossing: what was declared, the
documents' numbers, seals, weights, inspections with their examiner and findings, the hold
reason, and who did what with whose approval."""

from taftan_desk.core.inspection import InspectionInput
from taftan_desk.core.registration import SealInput
from tests.support import Desk, road_form


def test_the_pane_shows_the_whole_record(qtbot, desk: Desk, open_window) -> None:  # type: ignore[no-untyped-def]
    form = road_form(
        description="Hot-rolled coils",
        gd_number="KPAF-HC-12345-01012026",
        tir_carnet="XA12345678",
        tir_voucher="2",
        size_type="22G1",
        seals=(SealInput("AB123"),),
    )
    crossing = desk.services.crossings.register(desk.officer, form).crossing
    desk.services.inspections.record(
        desk.officer,
        crossing.id,
        InspectionInput(
            "physical", "Examiner Baloch", "discrepancy", "hold", remarks="Extra pallets"
        ),
    )
    window = open_window()
    window.select(crossing.id)
    facts = window.detail.ui.facts_label.text()
    for shown in (
        "Hot-rolled coils",
        "GD KPAF-HC-12345-01012026",
        "TIR carnet XA12345678, voucher 2",
        "22G1",
        "AB123 (",
        "physical by Examiner Baloch",
        "findings discrepancy, decision hold: “Extra pallets”",
        "weighed 27 Nov",
    ):
        assert shown in facts, shown
    assert "GD not recorded" not in facts and "carnet not recorded" not in facts
    history = window.detail.ui.history_label.text()
    assert "inspected by ali" in history


def test_a_value_not_given_reads_not_recorded(qtbot, desk: Desk, open_window) -> None:  # type: ignore[no-untyped-def]
    crossing = desk.services.crossings.register(desk.officer, road_form(weighed=False)).crossing
    window = open_window()
    window.select(crossing.id)
    facts = window.detail.ui.facts_label.text()
    assert "GD not recorded · TIR carnet not recorded, voucher not recorded" in facts
    assert "measured net not recorded" in facts and "—" not in facts
    # R2 uses the station's assumption: said, and with no size/type there is none to name
    assert "plate maximum not recorded, 30,480 kg assumed (station default)" in facts


def test_an_assumed_plate_maximum_names_the_size_type(qtbot, desk: Desk, open_window) -> None:  # type: ignore[no-untyped-def]
    assumed = desk.services.crossings.register(desk.officer, road_form(size_type="45G1")).crossing
    plated = desk.services.crossings.register(
        desk.officer, road_form(container_no="MSKU3881107", size_type="22G1", max_gross_kg="34000")
    ).crossing
    window = open_window()
    window.select(assumed.id)
    facts = window.detail.ui.facts_label.text()
    assert "plate maximum not recorded, 30,480 kg assumed for 45G1 (station default)" in facts
    window.select(plated.id)
    facts = window.detail.ui.facts_label.text()
    assert "plate maximum 34,000 kg" in facts and "assumed" not in facts
