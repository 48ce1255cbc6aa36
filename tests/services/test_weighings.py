"""Weighings at the weighbridge as the desk stores them: one row per weighing with its ticket
and where each figure came from, written in the crossing's own transaction and audited with
it; a vehicle weighed empty remembered per plate or wagon; append-only, and a row changed
behind the desk's back is reported."""

import json
import sqlite3
from datetime import UTC, datetime
from typing import Any

import pytest

from taftan_desk.core import scale, uic, weighbridge
from taftan_desk.core.errors import PermissionDenied, StorageError, ValidationError
from taftan_desk.core.inspection import InspectionInput
from taftan_desk.core.registration import RegistrationInput, WeighingInput
from taftan_desk.core.roles import Role
from taftan_desk.core.weighbridge import Source, Taken
from taftan_desk.services import demo_train
from taftan_desk.services import weighings as weighings_module
from taftan_desk.services.views import WeighingView
from tests.manifest_files import rail_form
from tests.support import TYPED, Desk, road_form, run_sql, typed_weighing

# WEIGHED_ROAD's truck QAA-1: 23,300 kg container gross (21,000 net, as declared) on a
# 16,000 kg tractor and trailer.
BRIDGE, VEHICLE, CONTAINER_TARE = 39_300, 16_000, 2_300
REASON = "Scale out of order, read off the display."


def _read(kg: int) -> Taken:
    """A stable reading as the station's scale (20 kg interval) gives it."""
    return demo_train.taken(kg, 20)


def _scale_form(**overrides: Any) -> RegistrationInput:
    """QAA-1 registered with the bridge read from the scale and its tare as remembered."""
    values: dict[str, Any] = {
        "bridge_kg": BRIDGE,
        "vehicle_tare_kg": VEHICLE,
        "tare_kg": CONTAINER_TARE,
        "taken": _read(BRIDGE),
        **overrides,
    }
    return road_form(weighed=False, **values)


def _weigh_empty(
    desk: Desk, number: str = "QAA-1", kg: int = VEHICLE, mode: str = "road"
) -> WeighingView:
    return desk.services.weighings.weigh_empty(desk.officer, mode, number, kg, _read(kg))


def _rows(
    desk: Desk, sql: str = "SELECT * FROM weighings ORDER BY id", *params: object
) -> list[dict[str, Any]]:
    conn = sqlite3.connect(desk.path)
    conn.row_factory = sqlite3.Row
    try:
        return [dict(r) for r in conn.execute(sql, params)]
    finally:
        conn.close()


def _count(desk: Desk, table: str) -> int:
    return int(_rows(desk, f"SELECT count(*) AS n FROM {table}")[0]["n"])


def _events(desk: Desk, action: str) -> list[dict[str, Any]]:
    rows = _rows(desk, "SELECT data_json FROM audit_events WHERE action = ? ORDER BY id", action)
    return [json.loads(r["data_json"]) for r in rows]


def _weighings_in(event: dict[str, Any]) -> list[dict[str, Any]]:
    return [a for a in event.get("also", []) if a["entity"] == "weighing"]


# -- a registration's weighing ------------------------------------------------------------


def test_a_scale_reading_and_a_remembered_tare_make_one_weighing_with_its_provenance(
    desk: Desk,
) -> None:
    empty = _weigh_empty(desk)
    (empty_row,) = _rows(desk)
    result = desk.services.crossings.register(desk.officer, _scale_form())
    crossing = result.crossing
    assert (crossing.gross_kg, crossing.tare_kg, crossing.net_kg) == (23_300, 2_300, 21_000)

    loaded = _rows(desk, "SELECT * FROM weighings WHERE purpose = 'loaded'")
    assert len(loaded) == 1
    row = loaded[0]
    assert row["ticket_no"] == "W26-000002" != empty.ticket_no == "W26-000001"
    assert row["crossing_id"] == crossing.id
    assert (row["vehicle_kind"], row["vehicle_no"]) == ("truck", "QAA-1")
    assert (row["bridge_kg"], row["bridge_source"]) == (BRIDGE, "scale")
    assert (row["vehicle_tare_kg"], row["tare_source"]) == (VEHICLE, "remembered")
    assert row["vehicle_tare_id"] == empty_row["id"]
    assert (row["container_gross_kg"], row["container_tare_kg"], row["net_kg"]) == (
        23_300,
        2_300,
        21_000,
    )
    assert row["reason"] == ""
    assert (row["scale_id"], row["protocol"], row["interval_kg"]) == (
        demo_train.DEMO_SCALE,
        "st-gs",
        20,
    )
    assert row["frames"] == weighbridge.show_frames(_read(BRIDGE).frames)
    assert "ST,GS,+0039300kg<CR><LF>" in row["frames"]
    assert row["weighed_by"] == desk.officer.user_id

    shown = crossing.weighing
    assert shown is not None and not shown.typed
    assert (shown.ticket_no, shown.bridge_kg, shown.bridge_source) == (
        row["ticket_no"],
        BRIDGE,
        "scale",
    )
    assert (shown.vehicle_tare_kg, shown.tare_source) == (VEHICLE, "remembered")
    assert desk.services.crossings.detail(crossing.id).crossing.weighing == shown


def test_a_vehicle_weighed_empty_is_its_own_weighing(desk: Desk) -> None:
    view = _weigh_empty(desk)
    (row,) = _rows(desk)
    assert (row["purpose"], row["crossing_id"], row["ticket_no"]) == ("empty", None, "W26-000001")
    assert (row["bridge_kg"], row["bridge_source"], row["reason"]) == (VEHICLE, "scale", "")
    assert row["container_gross_kg"] is None and row["vehicle_tare_kg"] is None
    assert row["frames"] and row["protocol"] == "st-gs"
    assert row["weighed_by"] == desk.officer.user_id
    assert (view.ticket_no, view.bridge_kg, view.bridge_source) == ("W26-000001", VEHICLE, "scale")
    (event,) = _events(desk, "vehicle_weighed_empty")
    assert event["after"]["ticket_no"] == "W26-000001" and event["after"]["id"] == row["id"]


def test_an_empty_vehicle_typed_needs_a_reason_and_is_remembered_as_typed(desk: Desk) -> None:
    with pytest.raises(ValidationError) as caught:
        desk.services.weighings.weigh_empty(desk.officer, "road", "QAA-1", VEHICLE)
    assert [p.field for p in caught.value.problems] == [weighbridge.REASON_FIELD]
    assert _count(desk, "weighings") == 0
    desk.services.weighings.weigh_empty(desk.officer, "road", "QAA-1", VEHICLE, reason=REASON)
    remembered = desk.services.weighings.remembered_tare("road", "QAA-1", "")
    assert remembered is not None
    assert (remembered.tare_kg, remembered.source, remembered.ticket_no) == (
        VEHICLE,
        Source.TYPED,
        "W26-000001",
    )
    (row,) = _rows(desk)
    assert (row["reason"], row["frames"], row["scale_id"]) == (REASON, "", "")


def test_only_a_process_crossings_role_weighs(desk: Desk) -> None:
    with pytest.raises(PermissionDenied):
        desk.services.weighings.weigh_empty(desk.admin, "road", "QAA-1", VEHICLE, _read(VEHICLE))
    assert _count(desk, "weighings") == 0


def test_at_a_station_that_names_its_weighbridges_another_scales_weight_saves_nothing(
    desk: Desk,
) -> None:
    """The station names its weighbridges (an administrator's audited setting): a reading
    said to come from any other scale, or in another protocol, is refused however good its
    frames, for a vehicle weighed empty as for a registration."""
    desk.services.settings.update(desk.admin, {"scales": "Rail bridge=st-gs"})
    with pytest.raises(ValidationError, match="not one of the station's weighbridges"):
        _weigh_empty(desk)  # the demo's scale, not the station's
    with pytest.raises(ValidationError, match="not one of the station's weighbridges"):
        desk.services.crossings.register(desk.officer, _scale_form())
    assert _count(desk, "weighings") == 0 and _count(desk, "crossings") == 0
    desk.services.settings.update(desk.admin, {"scales": f"{demo_train.DEMO_SCALE}=xk3190"})
    with pytest.raises(ValidationError, match="sends xk3190 by the station's settings"):
        _weigh_empty(desk)
    desk.services.settings.update(desk.admin, {"scales": f"{demo_train.DEMO_SCALE}=st-gs"})
    assert _weigh_empty(desk).ticket_no == "W26-000001"
    named = _rows(
        desk, "SELECT actor_name, data_json FROM audit_events WHERE action = 'settings_changed'"
    )
    assert [
        (r["actor_name"], json.loads(r["data_json"])["changes"]["scales"]["to"])
        for r in named
        if "scales" in json.loads(r["data_json"])["changes"]
    ] == [
        ("admin", "Rail bridge=st-gs"),
        ("admin", f"{demo_train.DEMO_SCALE}=xk3190"),
        ("admin", f"{demo_train.DEMO_SCALE}=st-gs"),
    ]


def test_a_typed_registration_without_a_reason_saves_nothing(desk: Desk) -> None:
    typed = _scale_form(taken=None)  # the bridge typed, the vehicle's tare not remembered
    with pytest.raises(ValidationError) as caught:
        desk.services.crossings.register(desk.officer, typed)
    # Only the reason is missing: nothing else is said to be wrong with the weighing.
    assert [p.field for p in caught.value.problems] == [weighbridge.REASON_FIELD]
    assert _count(desk, "crossings") == 0
    assert _count(desk, "weighings") == 0
    assert _count(desk, "weighing_counters") == 0
    assert _events(desk, "crossing_registered") == []
    assert _weigh_empty(desk, "QAB-2").ticket_no == "W26-000001"  # no ticket was consumed

    crossing = desk.services.crossings.register(
        desk.officer, _scale_form(taken=None, weight_reason=REASON)
    ).crossing
    row = _rows(desk, "SELECT * FROM weighings WHERE purpose = 'loaded'")[0]
    assert (row["ticket_no"], row["bridge_source"], row["tare_source"]) == (
        "W26-000002",
        "typed",
        "typed",
    )
    assert row["reason"] == REASON and row["vehicle_tare_id"] is None
    assert not (row["scale_id"] or row["protocol"] or row["interval_kg"] or row["frames"])
    assert crossing.weighing is not None and crossing.weighing.typed


def test_a_reading_typed_over_keeps_no_frames(desk: Desk) -> None:
    """A reading the officer changed is typed: the scale's frames are not kept as its proof."""
    _weigh_empty(desk)
    form = _scale_form(bridge_kg=BRIDGE + 20, weight_reason=REASON)
    desk.services.crossings.register(desk.officer, form)
    row = _rows(desk, "SELECT * FROM weighings WHERE purpose = 'loaded'")[0]
    assert (row["bridge_kg"], row["bridge_source"], row["tare_source"]) == (
        BRIDGE + 20,
        "typed",
        "remembered",
    )
    assert (row["frames"], row["scale_id"], row["reason"]) == ("", "", REASON)


def test_a_failure_after_the_ticket_was_drawn_gives_the_ticket_back(
    desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    _weigh_empty(desk)

    def broken(values: Any) -> Any:
        raise RuntimeError("power cut")

    monkeypatch.setattr(weighings_module, "view_of", broken)
    with pytest.raises(RuntimeError):
        desk.services.crossings.register(desk.officer, _scale_form())
    monkeypatch.undo()
    assert _count(desk, "crossings") == 0 and _count(desk, "weighings") == 1
    again = desk.services.crossings.register(desk.officer, _scale_form()).crossing
    assert again.weighing is not None and again.weighing.ticket_no == "W26-000002"


def test_tickets_are_consecutive_and_unique(desk: Desk) -> None:
    _weigh_empty(desk)
    desk.services.crossings.register(desk.officer, _scale_form())
    desk.services.crossings.register(desk.officer, road_form())  # the container's gross typed
    later = desk.services.crossings.register(desk.officer, road_form(weighed=False)).crossing
    desk.services.crossings.record_weighing(desk.officer, later.id, typed_weighing(23_300, 2_300))
    tickets = [r["ticket_no"] for r in _rows(desk)]
    assert tickets == [f"W26-{n:06d}" for n in range(1, 5)]
    with pytest.raises(sqlite3.IntegrityError, match="UNIQUE"):
        run_sql(
            desk.path,
            "INSERT INTO weighings (ticket_no, purpose, reason, scale_id, protocol, frames, "
            "weighed_at) VALUES ('W26-000004', 'empty', '', '', '', '', '2026-11-27')",
        )


def test_tickets_start_again_in_the_stations_new_year(desk: Desk) -> None:
    _weigh_empty(desk)
    desk.clock.now = datetime(2026, 12, 31, 18, 59, tzinfo=UTC)  # 23:59 in Taftan
    assert _weigh_empty(desk).ticket_no == "W26-000002"
    desk.clock.now = datetime(2026, 12, 31, 19, 1, tzinfo=UTC)  # 00:01 on 1 January
    assert _weigh_empty(desk).ticket_no == "W27-000001"


# -- a vehicle's remembered tare ----------------------------------------------------------


def test_the_newest_empty_weighing_of_a_vehicle_is_its_tare(desk: Desk) -> None:
    _weigh_empty(desk, kg=VEHICLE)
    newer = _weigh_empty(desk, kg=VEHICLE + 400)  # re-weighed empty: a new trailer
    remembered = desk.services.weighings.remembered_tare("road", "QAA-1", "")
    assert remembered is not None
    assert (remembered.tare_kg, remembered.ticket_no) == (VEHICLE + 400, newer.ticket_no)
    with pytest.raises(ValidationError) as caught:  # the old tare is now typed
        desk.services.crossings.register(desk.officer, _scale_form())
    assert [p.field for p in caught.value.problems] == [weighbridge.REASON_FIELD]
    crossing = desk.services.crossings.register(
        desk.officer,
        _scale_form(
            bridge_kg=BRIDGE + 400, vehicle_tare_kg=VEHICLE + 400, taken=_read(BRIDGE + 400)
        ),
    ).crossing
    assert crossing.gross_kg == 23_300
    row = _rows(desk, "SELECT * FROM weighings WHERE purpose = 'loaded'")[0]
    newest_empty = _rows(desk, "SELECT max(id) AS id FROM weighings WHERE purpose = 'empty'")[0]
    assert row["tare_source"] == "remembered" and row["vehicle_tare_id"] == newest_empty["id"]


def test_a_loaded_weighing_is_never_taken_for_a_tare(desk: Desk) -> None:
    desk.services.crossings.register(desk.officer, _scale_form(weight_reason=REASON))
    assert desk.services.weighings.remembered_tare("road", "QAA-1", "") is None


@pytest.mark.parametrize(
    "weighed_as,stored,registered_as",
    [
        ("  qaa-1 ", "QAA-1", "QAA-1"),
        ("QAA-1", "QAA-1", " qaa-1"),
        ("QAA  7", "QAA 7", "qaa 7"),
        ("qaa 7", "QAA 7", " QAA   7 "),
    ],
)
def test_plates_are_matched_in_canonical_form(
    desk: Desk, weighed_as: str, stored: str, registered_as: str
) -> None:
    _weigh_empty(desk, weighed_as)
    (row,) = _rows(desk)
    assert row["vehicle_no"] == stored
    remembered = desk.services.weighings.remembered_tare("road", registered_as, "")
    assert remembered is not None and remembered.tare_kg == VEHICLE
    crossing = desk.services.crossings.register(
        desk.officer, _scale_form(truck_plate=registered_as)
    ).crossing
    assert crossing.weighing is not None and crossing.weighing.tare_source == "remembered"


def test_another_plate_or_a_plate_the_desk_refuses_has_no_tare(desk: Desk) -> None:
    _weigh_empty(desk)
    assert desk.services.weighings.remembered_tare("road", "QAA-2", "") is None
    assert desk.services.weighings.remembered_tare("road", "QAA#1", "") is None
    assert desk.services.weighings.remembered_tare("road", "", "") is None
    with pytest.raises(ValidationError) as caught:
        desk.services.weighings.weigh_empty(desk.officer, "road", "  ", VEHICLE, _read(VEHICLE))
    assert [p.field for p in caught.value.problems] == ["vehicle_no"]


def test_a_wagons_tare_is_remembered_by_its_wagon_number(desk: Desk) -> None:
    body = "31523970123"
    number = body + str(uic.check_digit(body))
    spaced = f"{number[:2]} {number[2:4]} {number[4:8]} {number[8:11]}-{number[11]}"
    wagon_tare = 22_000
    _weigh_empty(desk, spaced, wagon_tare, mode="rail")
    (row,) = _rows(desk)
    assert (row["vehicle_kind"], row["vehicle_no"]) == ("wagon", number)
    remembered = desk.services.weighings.remembered_tare("rail", "", number)
    assert remembered is not None and remembered.tare_kg == wagon_tare
    # A truck whose plate reads the same is another vehicle.
    assert desk.services.weighings.remembered_tare("road", number, "") is None

    bridge = 23_300 + wagon_tare
    form = rail_form(
        0,
        wagon_no=number,
        bridge_kg=bridge,
        vehicle_tare_kg=wagon_tare,
        tare_kg=CONTAINER_TARE,
        taken=_read(bridge),
    )
    crossing = desk.services.crossings.register(desk.officer, form).crossing
    assert crossing.gross_kg == 23_300
    loaded = _rows(desk, "SELECT * FROM weighings WHERE purpose = 'loaded'")[0]
    assert (loaded["vehicle_kind"], loaded["vehicle_no"]) == ("wagon", number)
    assert (loaded["tare_source"], loaded["vehicle_tare_id"]) == ("remembered", row["id"])


# -- weighed after registration, and at the examination -------------------------------------


def test_a_registered_crossing_weighed_later_gets_a_weighing_the_detail_shows(desk: Desk) -> None:
    crossing = desk.services.crossings.register(desk.officer, road_form(weighed=False)).crossing
    assert crossing.weighing is None and _count(desk, "weighings") == 0
    empty = _weigh_empty(desk)
    form = WeighingInput(
        bridge_kg=BRIDGE, vehicle_tare_kg=VEHICLE, tare_kg=CONTAINER_TARE, taken=_read(BRIDGE)
    )
    view, weighing = desk.services.crossings.record_weighing(desk.officer, crossing.id, form)
    assert weighing.net_kg == 21_000 and view.gross_kg == 23_300
    assert view.weighing is not None
    assert (view.weighing.ticket_no, view.weighing.bridge_source, view.weighing.tare_source) == (
        "W26-000002",
        "scale",
        "remembered",
    )
    shown = desk.services.crossings.detail(crossing.id).crossing.weighing
    assert shown == view.weighing
    row = _rows(desk, "SELECT * FROM weighings WHERE purpose = 'loaded'")[0]
    assert row["crossing_id"] == crossing.id and row["ticket_no"] != empty.ticket_no
    (event,) = _events(desk, "crossing_weighed")
    (also,) = _weighings_in(event)
    assert (also["id"], also["after"]["ticket_no"]) == (str(row["id"]), "W26-000002")

    # Weighed again, the container's gross typed: the newest weighing is the one shown.
    desk.services.crossings.record_weighing(
        desk.officer, crossing.id, typed_weighing(23_320, 2_300)
    )
    newest = desk.services.crossings.detail(crossing.id).crossing.weighing
    assert newest is not None and newest.ticket_no == "W26-000003"
    assert newest.bridge_kg is None and newest.typed and newest.reason == TYPED


def test_a_weighing_refused_on_a_registered_crossing_changes_nothing(desk: Desk) -> None:
    crossing = desk.services.crossings.register(desk.officer, road_form(weighed=False)).crossing
    with pytest.raises(ValidationError, match="Take the weighbridge reading"):
        desk.services.crossings.record_weighing(desk.officer, crossing.id, WeighingInput())
    with pytest.raises(ValidationError):
        desk.services.crossings.record_weighing(
            desk.officer, crossing.id, WeighingInput(gross_kg=23_300, tare_kg=2_300)
        )
    assert _count(desk, "weighings") == 0
    assert desk.services.crossings.detail(crossing.id).crossing.gross_kg is None


def test_a_reweigh_at_the_examination_writes_a_typed_weighing(desk: Desk) -> None:
    crossing = desk.services.crossings.register(desk.officer, road_form(gross_kg="24800")).crossing
    desk.services.inspections.record(
        desk.officer,
        crossing.id,
        InspectionInput("physical", "Ali", "no_discrepancy", "release", reweigh_gross_kg="24300"),
    )
    first, second = _rows(desk)
    assert first["container_gross_kg"] == 24_800
    assert (second["purpose"], second["crossing_id"]) == ("loaded", crossing.id)
    assert (second["container_gross_kg"], second["container_tare_kg"], second["net_kg"]) == (
        24_300,
        2_300,
        22_000,
    )
    assert second["bridge_kg"] is None and second["bridge_source"] is None
    assert "Re-weighed at the examination" in second["reason"]
    assert (second["frames"], second["ticket_no"]) == ("", "W26-000002")
    shown = desk.services.crossings.detail(crossing.id).crossing.weighing
    assert shown is not None and shown.ticket_no == "W26-000002" and shown.typed
    (event,) = _events(desk, "crossing_inspected")
    (also,) = _weighings_in(event)
    assert also["id"] == str(second["id"])


# -- audited, append-only, checked ------------------------------------------------------------


def test_the_registrations_audit_event_carries_its_weighing(desk: Desk) -> None:
    _weigh_empty(desk)
    crossing = desk.services.crossings.register(desk.officer, _scale_form()).crossing
    (event,) = _events(desk, "crossing_registered")
    (also,) = _weighings_in(event)
    row = _rows(desk, "SELECT * FROM weighings WHERE purpose = 'loaded'")[0]
    assert also["id"] == str(row["id"])
    after = also["after"]
    assert after["crossing_id"] == crossing.id
    assert (after["ticket_no"], after["bridge_source"], after["tare_source"]) == (
        "W26-000002",
        "scale",
        "remembered",
    )
    assert after["frames"] == row["frames"] and after["vehicle_tare_id"] == row["vehicle_tare_id"]
    assert event["after"]["id"] == crossing.id  # the crossing's event, not one of its own


def test_weighings_are_append_only_in_the_file(desk: Desk) -> None:
    _weigh_empty(desk)
    desk.services.crossings.register(desk.officer, _scale_form())
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        run_sql(desk.path, "UPDATE weighings SET vehicle_tare_kg = 15000 WHERE id = 2")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        run_sql(desk.path, "DELETE FROM weighings WHERE id = 2")
    assert [r["vehicle_tare_kg"] for r in _rows(desk)] == [None, VEHICLE]


def _every_kind_of_weighing(desk: Desk) -> None:
    _weigh_empty(desk)  # 1: empty, from the scale
    desk.services.crossings.register(desk.officer, _scale_form())  # 2: scale + remembered
    typed = desk.services.crossings.register(desk.officer, road_form(gross_kg="24800"))  # 3
    desk.services.inspections.record(  # 4: re-weighed at the examination
        desk.officer,
        typed.crossing.id,
        InspectionInput("physical", "Ali", "no_discrepancy", "release", reweigh_gross_kg="24300"),
    )


@pytest.mark.parametrize(
    "statements,finding",
    [
        (["DROP TRIGGER weighings_append_only_u",
          "UPDATE weighings SET vehicle_tare_kg = 15000 WHERE id = 2"],
         "weighing 2 differs from its last audited state"),
        (["DROP TRIGGER weighings_append_only_u",
          "UPDATE weighings SET frames = '' WHERE id = 1"],
         "weighing 1 differs from its last audited state"),
        (["DROP TRIGGER weighings_append_only_d", "DELETE FROM weighings WHERE id = 4"],
         "weighing 4 was deleted"),
        (["INSERT INTO weighings (ticket_no, purpose, vehicle_kind, vehicle_no, bridge_kg, "
          "bridge_source, reason, scale_id, protocol, frames, weighed_at) VALUES ('W26-000099', "
          "'empty', 'truck', 'QAA-1', 9000, 'scale', '', '', '', '', '2026-11-27 09:00:00')"],
         "weighing 5 has no audit event"),
    ],
)  # fmt: skip
def test_a_weighing_changed_behind_the_desks_back_is_reported(
    desk: Desk, statements: list[str], finding: str
) -> None:
    _every_kind_of_weighing(desk)
    report = desk.services.health.check()
    assert report.ok, report.render()
    run_sql(desk.path, *statements)
    lines = {line.name: line for line in desk.services.health.check().lines}
    assert not lines["records vs audit"].ok
    assert finding in lines["records vs audit"].detail


# -- a reading its frames do not bear out ------------------------------------------------------


def _forged() -> Taken:
    """Frames of 20,000 kg sent with a reading said to be 30,000 kg."""
    frames = tuple(scale.encode("st-gs", 20_000) for _ in range(8))
    return Taken(30_000, frames, demo_train.DEMO_SCALE, "st-gs", 20)


def test_a_forged_reading_is_refused_through_the_service(desk: Desk) -> None:
    _weigh_empty(desk, kg=VEHICLE)
    form = _scale_form(bridge_kg=30_000, vehicle_tare_kg=VEHICLE, tare_kg=2_300, taken=_forged())
    with pytest.raises(ValidationError) as caught:
        desk.services.crossings.register(desk.officer, form)
    assert "bridge_kg" in [p.field for p in caught.value.problems]
    assert "does not agree with the frames" in str(caught.value)
    crossing = desk.services.crossings.register(desk.officer, road_form(weighed=False)).crossing
    with pytest.raises(ValidationError, match="does not agree with the frames"):
        desk.services.crossings.record_weighing(
            desk.officer,
            crossing.id,
            WeighingInput(
                bridge_kg=30_000, vehicle_tare_kg=VEHICLE, tare_kg=2_300, taken=_forged()
            ),
        )
    with pytest.raises(ValidationError, match="does not agree with the frames"):
        desk.services.weighings.weigh_empty(desk.officer, "road", "QAB-9", 30_000, _forged())
    assert _count(desk, "weighings") == 1  # the empty weighing only
    assert desk.services.weighings.remembered_tare("road", "QAB-9", "") is None


# -- on PostgreSQL ------------------------------------------------------------------------------


def test_on_postgresql_a_scale_registration_and_its_tickets(pg_url: str) -> None:
    from taftan_desk.db.engine import make_engine
    from tests.postgres import own_database
    from tests.support import new_station

    with own_database(pg_url, "weighings") as url:
        engine = make_engine(url)
        services, signed = new_station(engine, ali=Role.OFFICER)
        officer = signed["ali"]
        empty = services.weighings.weigh_empty(officer, "road", " qaa-1", VEHICLE, _read(VEHICLE))
        crossing = services.crossings.register(officer, _scale_form()).crossing
        assert crossing.gross_kg == 23_300
        assert crossing.weighing is not None
        assert (crossing.weighing.ticket_no, crossing.weighing.tare_source) == (
            "W26-000002",
            "remembered",
        )
        assert empty.ticket_no == "W26-000001"
        assert services.crossings.detail(crossing.id).crossing.weighing == crossing.weighing
        with pytest.raises(ValidationError):
            services.crossings.register(officer, _scale_form(taken=_forged(), bridge_kg=30_000))
        next_one = services.weighings.weigh_empty(officer, "road", "QAB-2", 15_000, _read(15_000))
        assert next_one.ticket_no == "W26-000003"  # the refused registration took none
        report = services.health.check()
        assert report.ok, report.render()
        engine.dispose()


def test_on_postgresql_two_desks_weighing_at_once_get_different_tickets(
    pg_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first desk holds its ticket inside its transaction while the second draws one:
    the second waits for the first, and then takes the next ticket."""
    import threading
    import time

    from sqlalchemy import text

    from taftan_desk.db.engine import make_engine
    from tests.postgres import own_database
    from tests.support import new_station

    with own_database(pg_url, "tickets") as url:
        engine = make_engine(url)
        services, signed = new_station(engine, ali=Role.OFFICER, bilal=Role.OFFICER)
        holding, go_on = threading.Event(), threading.Event()
        allocate = weighings_module.allocate_ticket

        def held(conn, local_time):  # type: ignore[no-untyped-def]
            ticket = allocate(conn, local_time)
            if threading.current_thread().name == "first":
                holding.set()
                go_on.wait(20)
            return ticket

        monkeypatch.setattr(weighings_module, "allocate_ticket", held)
        tickets: dict[str, str] = {}
        failures: list[BaseException] = []

        def weigh(name: str, plate: str) -> None:
            try:
                view = services.weighings.weigh_empty(
                    signed["ali" if name == "first" else "bilal"], "road", plate, VEHICLE,
                    _read(VEHICLE),
                )  # fmt: skip
                tickets[name] = view.ticket_no
            except BaseException as exc:  # reported by the test, not lost in the thread
                failures.append(exc)

        first = threading.Thread(target=weigh, args=("first", "QAA-1"), name="first")
        first.start()
        assert holding.wait(20)
        second = threading.Thread(target=weigh, args=("second", "QAA-2"), name="second")
        second.start()
        waiting = text(
            "SELECT count(*) FROM pg_stat_activity "
            "WHERE datname = current_database() AND wait_event_type = 'Lock'"
        )
        with engine.connect() as conn:
            for _ in range(400):
                if conn.execute(waiting).scalar_one() or not second.is_alive():
                    break
                conn.rollback()  # pg_stat_activity is read once per transaction
                time.sleep(0.05)
            else:
                pytest.fail("the second desk never waited for the first")
        assert second.is_alive() and not failures, failures
        go_on.set()
        first.join(20)
        second.join(20)
        assert not failures, failures
        assert tickets == {"first": "W26-000001", "second": "W26-000002"}
        engine.dispose()


def test_a_ticket_counter_wound_back_is_said_and_reported_not_retried_forever(
    desk: Desk,
) -> None:
    _weigh_empty(desk)
    desk.services.crossings.register(desk.officer, _scale_form())
    assert desk.services.health.check().ok
    run_sql(desk.path, "UPDATE weighing_counters SET last_value = 1")
    with pytest.raises(StorageError, match="ticket counter is behind .*W26-000002 exists"):
        desk.services.crossings.register(desk.officer, _scale_form(container_no="MSKU3881107"))
    assert len(_rows(desk)) == 2  # nothing saved
    line = next(x for x in desk.services.health.check().lines if x.name == "weighbridge tickets")
    assert not line.ok and "counter is at 1 but ticket W26-000002 was issued" in line.detail


def test_a_year_out_of_tickets_saves_nothing_and_says_so(desk: Desk) -> None:
    """The last ticket of a year is issued; the one after it is refused, nothing saved (the
    same counter that issues entry numbers: services/entry_numbers.Gapless)."""
    run_sql(desk.path, "INSERT INTO weighing_counters (year, last_value) VALUES (2026, 999998)")
    assert _weigh_empty(desk).ticket_no == "W26-999999"
    with pytest.raises(StorageError, match="Weighbridge tickets for 2026 are exhausted"):
        _weigh_empty(desk, "QAB-2")
    assert len(_rows(desk)) == 1


def test_tickets_issued_without_their_weighing_are_reported(desk: Desk) -> None:
    _weigh_empty(desk)
    run_sql(desk.path, "UPDATE weighing_counters SET last_value = 3")
    line = next(x for x in desk.services.health.check().lines if x.name == "weighbridge tickets")
    assert not line.ok and "2 weighbridge ticket(s) of 2026 were issued but have no" in line.detail


def test_another_vehicle_corrected_in_after_weighing_sends_the_truck_red(desk: Desk) -> None:
    """Weighed on the bridge as QHV-9 (a 20 t tractor): a gross of 24,000 kg, green. The
    plate corrected to QAA-1 (16 t) makes that gross another truck's: red, weigh again."""
    _weigh_empty(desk, "QHV-9", 20_000)
    _weigh_empty(desk)  # QAA-1: 16,000 kg
    form = _scale_form(
        truck_plate="QHV-9",
        bridge_kg=44_000,
        vehicle_tare_kg=20_000,
        taken=_read(44_000),
        declared_net_kg="21700",
        tare_kg=2_300,
    )
    crossing = desk.services.crossings.register(desk.officer, form).crossing
    assert crossing.channel.value == "green" and crossing.gross_kg == 24_000
    corrected = road_form(weighed=False, truck_plate="QAA-1", declared_net_kg="21700")
    desk.services.corrections.correct(desk.officer, crossing.id, corrected, "Plate misread")
    after = desk.services.crossings.detail(crossing.id).crossing
    assert after.channel.value == "red"
    (reason,) = [r for r in after.reasons if r.code == "weighed_other_vehicle"]
    assert "corrected after weighing (QHV-9 → QAA-1)" in reason.text
    assert "Weigh it again" in reason.text


def test_a_correction_keeping_the_vehicle_leaves_the_weighing_alone(desk: Desk) -> None:
    _weigh_empty(desk)
    crossing = desk.services.crossings.register(desk.officer, _scale_form()).crossing
    corrected = road_form(weighed=False, hs_code="720840")
    desk.services.corrections.correct(desk.officer, crossing.id, corrected, "HS code misread")
    after = desk.services.crossings.detail(crossing.id).crossing
    assert after.channel.value == "green"
    assert not [r for r in after.reasons if r.code == "weighed_other_vehicle"]
