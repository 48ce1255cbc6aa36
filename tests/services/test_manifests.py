"""Manifests imported whole or not at all, in one audited transaction, from real CSV and XLSX
files; a registration linked to its row; withdrawal; and the rows proven unchanged by
`check`."""

import sqlite3
from datetime import date

import pytest

from taftan_desk.core.errors import ValidationError
from taftan_desk.core.manifests import ManifestUnreadable
from taftan_desk.core.registration import SealInput
from taftan_desk.core.roles import Role
from taftan_desk.services.container import Services
from taftan_desk.services.database import Actor
from tests.manifest_files import URDU, csv_bytes, number, rail_form, train_rows, xlsx_bytes
from tests.support import Desk, run_sql


def _count(desk: Desk, sql: str) -> int:
    with sqlite3.connect(desk.path) as conn:
        return int(conn.execute(sql).fetchone()[0])


def test_a_40_wagon_train_is_imported_whole_in_one_audited_event(desk: Desk) -> None:
    seen: list[tuple[int, int]] = []
    result = desk.services.manifests.load(
        desk.officer,
        "/home/ali/Downloads/PR-12.csv",
        csv_bytes(train_rows(40), bom=True),
        progress=lambda done, total: seen.append((done, total)),
    )
    assert result.ok and result.manifest_id is not None
    assert (result.rows, result.trains, result.source_name) == (40, ("PR-12",), "PR-12.csv")
    assert _count(desk, "SELECT count(*) FROM expected_containers") == 40
    assert _count(desk, "SELECT count(*) FROM audit_events WHERE action = 'manifest_imported'") == 1
    assert seen[-1] == (40, 40)
    listed = desk.services.manifests.expected(train="pr-12")
    assert [e.wagon_no for e in listed] == [str(50_000 + i) for i in range(40)]
    assert {e.state for e in listed} == {"expected"}
    assert listed[0].seals == ("PK100000", "PK200000")
    assert listed[0].expected_on == date(2026, 11, 27)
    report = desk.services.health.check()
    assert report.ok, report.render()
    assert "40 expected containers" in report.render()


def test_one_bad_check_digit_refuses_the_whole_file_and_names_the_row(desk: Desk) -> None:
    rows = train_rows(40)
    good = str(rows[16][1])
    rows[16][1] = good[:-1] + str((int(good[-1]) + 1) % 10)  # row 18 of the file
    result = desk.services.manifests.load(desk.officer, "PR-12.csv", csv_bytes(rows))
    assert not result.ok and result.manifest_id is None
    assert [(p.row, p.column) for p in result.problems] == [(18, "container_no")]
    assert "Check digit is" in result.problems[0].reason
    assert good in result.problems[0].reason  # the suggestion is the number that was meant
    assert _count(desk, "SELECT count(*) FROM expected_containers") == 0
    assert _count(desk, "SELECT count(*) FROM manifests") == 0


def test_a_dry_run_checks_everything_and_imports_nothing(desk: Desk) -> None:
    result = desk.services.manifests.load(
        desk.officer, "PR-12.csv", csv_bytes(train_rows(5)), dry_run=True
    )
    assert result.ok and result.rows == 5 and result.manifest_id is None
    assert _count(desk, "SELECT count(*) FROM expected_containers") == 0


def test_the_same_containers_twice_are_refused_in_the_file_and_across_imports(desk: Desk) -> None:
    rows = train_rows(3)
    twice = csv_bytes([*rows, rows[0]])
    result = desk.services.manifests.load(desk.officer, "twice.csv", twice)
    assert [(p.row, p.column) for p in result.problems] == [(5, "container_no")]
    assert "already on row 2" in result.problems[0].reason
    assert desk.services.manifests.load(desk.officer, "a.csv", csv_bytes(rows)).ok
    again = desk.services.manifests.load(desk.officer, "b.csv", csv_bytes(rows))
    assert [p.row for p in again.problems] == [2, 3, 4]
    assert "already expected (manifest 1, row 2)" in again.problems[0].reason


def test_a_container_still_in_an_open_crossing_is_refused(desk: Desk) -> None:
    open_one = desk.services.crossings.register(desk.officer, rail_form(1)).crossing
    result = desk.services.manifests.load(desk.officer, "PR-12.csv", csv_bytes(train_rows(3)))
    assert [(p.row, p.column) for p in result.problems] == [(3, "container_no")]
    assert f"open crossing (entry {open_one.entry_no})" in result.problems[0].reason


def test_bom_semicolons_quoted_commas_and_urdu_descriptions_read_alike(desk: Desk) -> None:
    rows = train_rows(3)
    rows[0][9] = URDU
    rows[1][9] = 'Coils, "prime", 3 bundles'
    data = csv_bytes(rows, sep=";", eol="\n", bom=True)
    assert desk.services.manifests.load(desk.officer, "m.csv", data).ok
    first, second, _ = desk.services.manifests.expected(train="PR-12")
    assert first.description == URDU
    assert second.description == 'Coils, "prime", 3 bundles'
    assert (first.container_no, first.declared_net_kg) == (number(0), 21_000)


def test_an_xlsx_manifest_reads_numbers_dates_and_urdu_from_its_first_visible_sheet(
    desk: Desk,
) -> None:
    rows = train_rows(40, on=date(2026, 12, 1))
    rows[5][9] = URDU
    result = desk.services.manifests.load(desk.officer, "PR-12.xlsx", xlsx_bytes(rows))
    assert result.ok, [p.words() for p in result.problems]
    listed = desk.services.manifests.expected(train="PR-12")
    assert len(listed) == 40
    assert listed[0].wagon_no == "50000"  # a number cell, read without ".0"
    assert listed[0].declared_net_kg == 21_000
    assert listed[0].expected_on == date(2026, 12, 1)  # a date cell
    assert listed[5].description == URDU


def test_a_file_that_is_no_table_is_unreadable_and_a_bad_header_is_named(desk: Desk) -> None:
    with pytest.raises(ManifestUnreadable, match="not a workbook"):
        desk.services.manifests.load(desk.officer, "m.xlsx", b"PK\x03\x04 broken zip")
    with pytest.raises(ManifestUnreadable, match="not UTF-8"):
        desk.services.manifests.load(desk.officer, "m.csv", b"direction,\xff\xfe\n")
    with pytest.raises(ValidationError, match="lacks cargo_category"):
        desk.services.manifests.load(desk.officer, "m.csv", b"direction,container_no\nin,X\n")


def test_a_registration_is_linked_to_its_row_with_what_the_officer_changed(desk: Desk) -> None:
    desk.services.manifests.load(desk.officer, "PR-12.csv", csv_bytes(train_rows(3)))
    as_announced = desk.services.crossings.register(desk.officer, rail_form(0)).crossing
    changed = desk.services.crossings.register(
        desk.officer, rail_form(1, declared_net_kg="20500", hs_code="720840")
    ).crossing
    listed = {e.container_no: e for e in desk.services.manifests.expected(train="PR-12")}
    assert listed[number(0)].state == "arrived"
    assert listed[number(0)].entry_no == as_announced.entry_no
    assert listed[number(2)].state == "expected"
    with sqlite3.connect(desk.path) as conn:
        stored = dict(
            conn.execute("SELECT id, manifest_changes_json FROM crossings WHERE expected_id > 0")
        )
    assert stored[as_announced.id] == "[]"
    assert (
        '"field": "declared_net_kg", "manifest": 20990, "registered": 20500' in (stored[changed.id])
    )
    assert '"field": "hs_code"' in stored[changed.id]
    assert as_announced.channel.value == "green"
    report = desk.services.health.check()
    assert report.ok, report.render()


def test_a_seal_other_than_the_manifests_and_a_listed_seal_not_found_raise_the_channel(
    desk: Desk,
) -> None:
    desk.services.manifests.load(desk.officer, "PR-12.csv", csv_bytes(train_rows(2)))
    form = rail_form(0, seals=(SealInput("PK100000"), SealInput("ZZ999")))
    crossing = desk.services.crossings.register(desk.officer, form).crossing
    states = {s.number: str(s.state) for s in crossing.seals}
    assert states == {"PK100000": "intact", "ZZ999": "different", "PK200000": "missing"}
    assert crossing.channel.value == "red"
    texts = " ".join(r.text for r in crossing.reasons)
    assert "Seal ZZ999 differs" in texts and "Seal PK200000 is missing" in texts


def test_a_manifest_is_withdrawn_only_before_anything_of_it_arrived(desk: Desk) -> None:
    first = desk.services.manifests.load(desk.officer, "a.csv", csv_bytes(train_rows(2)))
    second = desk.services.manifests.load(
        desk.officer, "b.csv", csv_bytes(train_rows(2, train="PR-13", start=10))
    )
    assert first.manifest_id and second.manifest_id
    with pytest.raises(ValidationError, match="reason"):
        desk.services.manifests.withdraw(desk.officer, first.manifest_id, "  ")
    desk.services.manifests.withdraw(desk.officer, first.manifest_id, "Train cancelled")
    assert {e.state for e in desk.services.manifests.expected(train="PR-12")} == {"withdrawn"}
    with pytest.raises(ValidationError, match="already withdrawn"):
        desk.services.manifests.withdraw(desk.officer, first.manifest_id, "again")
    # A withdrawn container is no longer expected: its registration links to nothing.
    plain = desk.services.crossings.register(desk.officer, rail_form(0)).crossing
    with sqlite3.connect(desk.path) as conn:
        assert conn.execute(
            "SELECT expected_id FROM crossings WHERE id = ?", (plain.id,)
        ).fetchone() == (None,)
    desk.services.crossings.register(desk.officer, rail_form(10, train_no="PR-13"))
    with pytest.raises(ValidationError, match="has already arrived"):
        desk.services.manifests.withdraw(desk.officer, second.manifest_id, "Too late")
    # The same containers may be announced again once their manifest is withdrawn.
    again = desk.services.manifests.load(desk.officer, "c.csv", csv_bytes(train_rows(2)[1:]))
    assert again.ok
    report = desk.services.health.check()
    assert report.ok, report.render()


def test_expected_rows_are_append_only_and_an_edit_behind_the_guards_is_caught(
    desk: Desk,
) -> None:
    desk.services.manifests.load(desk.officer, "PR-12.csv", csv_bytes(train_rows(3)))
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        run_sql(desk.path, "UPDATE expected_containers SET declared_net_kg = 1 WHERE row_no = 2")
    run_sql(
        desk.path,
        "DROP TRIGGER expected_containers_append_only_u",
        "UPDATE expected_containers SET seals = 'FORGED1' WHERE row_no = 2",
    )
    report = desk.services.health.check()
    assert not report.ok
    assert "manifest 1: its expected containers differ from those imported" in report.render()


def _import_odd_texts(services: Services, officer: Actor) -> None:
    """Texts JSON escapes, Urdu and empty cells (NULL) imported; `check` recomputes the rows'
    digest from the rows as stored."""
    rows = train_rows(4)
    rows[0][9] = URDU
    rows[1][9] = 'Coils "prime" \\ 3/4, 5%'
    rows[2][11] = 'Khan & Sons, "Quetta"'
    rows[2][6] = ""  # no size/type: NULL
    rows[3][12] = None  # no date: NULL
    result = services.manifests.load(officer, "m.csv", csv_bytes(rows))
    assert result.ok and result.manifest_id
    listed = services.manifests.expected(train="PR-12")
    assert listed[1].description == 'Coils "prime" \\ 3/4, 5%'
    assert listed[2].consignee == 'Khan & Sons, "Quetta"'
    assert (listed[2].size_type, listed[3].expected_on) == (None, None)
    assert listed[0].expected_on == date(2026, 11, 27)
    report = services.health.check()
    assert report.ok, report.render()


def test_the_rows_digest_written_is_the_one_check_recomputes_whatever_the_text(
    desk: Desk,
) -> None:
    _import_odd_texts(desk.services, desk.officer)


def test_the_rows_digest_is_rows_digest_of_the_rows_as_stored() -> None:
    from taftan_desk.services.manifest_import import _ALL_COLUMNS, _ROW_COLUMNS, _rows_digest
    from taftan_desk.services.manifests import rows_digest as digest_of

    odd = [None, "", "in", URDU, 'q"uote \\ back', "tab\tline\n", "%s %d", 0, 21_000, 10**12]
    odd += [date(2026, 11, 27), date(1, 1, 1)]
    kept = [tuple(odd[(i * 7 + j) % len(odd)] for j in range(len(_ROW_COLUMNS))) for i in range(50)]
    ids = list(range(101, 151))
    stored = [
        dict(zip(_ALL_COLUMNS, (i, 9, *v), strict=True)) for i, v in zip(ids, kept, strict=True)
    ]
    assert _rows_digest(ids, 9, kept) == digest_of(stored)


def test_a_checked_row_is_kept_in_the_columns_order() -> None:
    from taftan_desk.core.manifests import ExpectedRow
    from taftan_desk.services.manifest_import import _ROW_COLUMNS, _values

    row = ExpectedRow(
        7, "in", "rail", number(1), "steel", 21_000, None, "PR-12", "W1", "22G1", ("A", "B"),
        "720839", "Coils", "GD-1", None, "Khan", date(2026, 11, 27),
    )  # fmt: skip
    kept = dict(zip(_ROW_COLUMNS, _values(row), strict=True))
    assert kept == {
        **{name: getattr(row, name) for name in _ROW_COLUMNS if hasattr(row, name)},
        "row_no": 7,
        "seals": "A B",
    }


def test_on_postgresql_an_import_and_an_arrival_are_the_same(pg_url: str) -> None:
    from taftan_desk.db.engine import make_engine
    from tests.postgres import own_database
    from tests.support import new_station

    with own_database(pg_url, "manifest") as url:
        engine = make_engine(url)
        services, signed = new_station(engine, ali=Role.OFFICER)
        officer = signed["ali"]
        result = services.manifests.load(officer, "PR-12.xlsx", xlsx_bytes(train_rows(40)))
        assert result.ok and result.rows == 40
        again = services.manifests.load(officer, "PR-12.csv", csv_bytes(train_rows(2)))
        assert [p.row for p in again.problems] == [2, 3]
        services.crossings.register(officer, rail_form(0))
        states = [e.state for e in services.manifests.expected(train="PR-12")]
        assert states.count("arrived") == 1 and states.count("expected") == 39
        second = services.manifests.load(
            officer, "b.csv", csv_bytes(train_rows(2, train="PR-13", start=50))
        )
        assert second.manifest_id is not None
        services.manifests.withdraw(officer, second.manifest_id, "Cancelled")
        report = services.health.check()
        assert report.ok, report.render()
        engine.dispose()


def test_a_second_registration_of_an_arrived_container_links_to_nothing(desk: Desk) -> None:
    desk.services.manifests.load(desk.officer, "PR-12.csv", csv_bytes(train_rows(2)))
    first = desk.services.crossings.register(desk.officer, rail_form(0))
    second = desk.services.crossings.register(desk.officer, rail_form(0))
    assert "already has an open crossing" in " ".join(second.warnings)
    with sqlite3.connect(desk.path) as conn:
        linked = dict(conn.execute("SELECT id, expected_id FROM crossings"))
    assert linked[first.crossing.id] is not None and linked[second.crossing.id] is None


def test_a_file_far_larger_than_a_manifest_is_refused_before_it_is_read(
    desk: Desk, monkeypatch: pytest.MonkeyPatch
) -> None:
    from taftan_desk.services import manifest_import

    monkeypatch.setattr(manifest_import, "MAX_FILE_BYTES", 1_000)
    with pytest.raises(ManifestUnreadable, match="a manifest is at most"):
        desk.services.manifests.load(desk.officer, "big.csv", csv_bytes(train_rows(40)))
    assert desk.services.manifests.load(desk.officer, "small.csv", csv_bytes(train_rows(1))).ok


def test_only_the_crossing_a_row_announces_is_linked_to_it(desk: Desk) -> None:
    desk.services.manifests.load(desk.officer, "PR-12.csv", csv_bytes(train_rows(4)))
    out_by_road = desk.services.crossings.register(
        desk.officer,
        rail_form(0, direction="out", mode="road", truck_plate="QAA-1", seals=()),
    ).crossing
    other_train = desk.services.crossings.register(
        desk.officer, rail_form(1, train_no="PR-13")
    ).crossing
    as_announced = desk.services.crossings.register(desk.officer, rail_form(2)).crossing
    with sqlite3.connect(desk.path) as conn:
        linked = dict(conn.execute("SELECT id, expected_id FROM crossings"))
    assert linked[out_by_road.id] is None and linked[other_train.id] is None
    assert linked[as_announced.id] is not None
    assert out_by_road.channel.value == "green"  # the row's seals were not held against it
    states = {e.container_no: e.state for e in desk.services.manifests.expected(train="PR-12")}
    assert states == {
        number(0): "expected",
        number(1): "expected",
        number(2): "arrived",
        number(3): "expected",
    }


def test_a_row_expected_long_ago_is_no_longer_linked(desk: Desk) -> None:
    from datetime import timedelta

    desk.services.manifests.load(
        desk.officer, "old.csv", csv_bytes(train_rows(2, on=date(2026, 10, 1)))
    )
    desk.clock.now += timedelta(days=1)  # 2026-11-28: the rows are 58 days old
    late = desk.services.crossings.register(desk.officer, rail_form(0)).crossing
    assert desk.services.manifests.pending(number(0)) is None
    with sqlite3.connect(desk.path) as conn:
        assert conn.execute(
            "SELECT expected_id FROM crossings WHERE id = ?", (late.id,)
        ).fetchone() == (None,)


def test_on_postgresql_an_import_waits_for_a_registration_under_way(
    pg_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A registration of container 0 is inside its transaction when a manifest announcing
    container 0 is imported: the import waits for it, then refuses the file (an open
    crossing), instead of announcing a container that is already here."""
    import threading

    from taftan_desk.db.engine import make_engine
    from taftan_desk.services import crossings as crossings_module
    from tests.postgres import own_database
    from tests.support import new_station

    with own_database(pg_url, "race") as url:
        engine = make_engine(url)
        services, signed = new_station(engine, ali=Role.OFFICER)
        officer = signed["ali"]
        inside, go_on = threading.Event(), threading.Event()
        warning = crossings_module.open_duplicate_warning

        def held(conn, number_, crossing_id):  # type: ignore[no-untyped-def]
            if threading.current_thread().name == "registration":
                inside.set()
                go_on.wait(20)
            return warning(conn, number_, crossing_id)

        monkeypatch.setattr(crossings_module, "open_duplicate_warning", held)
        registration = threading.Thread(
            target=lambda: services.crossings.register(officer, rail_form(0)),
            name="registration",
        )
        registration.start()
        assert inside.wait(20)
        found: list[object] = []

        def import_it() -> None:
            try:
                found.append(services.manifests.load(officer, "m.csv", csv_bytes(train_rows(3))))
            except ValidationError as exc:
                found.append(exc)

        load = threading.Thread(target=import_it)
        load.start()
        load.join(1.0)
        assert load.is_alive()  # waiting for the registration's transaction
        go_on.set()
        registration.join(20)
        load.join(20)
        # The file was checked before the registration committed; the write found it.
        assert isinstance(found[0], ValidationError)
        assert "row 2, container_no: " + number(0) + " is still in an open crossing" in str(
            found[0]
        )
        assert services.manifests.expected() == []
        engine.dispose()


def _linked(desk: Desk) -> dict[int, int | None]:
    with sqlite3.connect(desk.path) as conn:
        return dict(conn.execute("SELECT id, expected_id FROM crossings"))


def _row_of(desk: Desk, expected_id: int | None) -> int | None:
    if expected_id is None:
        return None
    with sqlite3.connect(desk.path) as conn:
        return int(
            conn.execute(
                "SELECT row_no FROM expected_containers WHERE id = ?", (expected_id,)
            ).fetchone()[0]
        )


def test_a_corrected_container_number_moves_the_link_and_its_seal_check(desk: Desk) -> None:
    desk.services.manifests.load(desk.officer, "PR-12.csv", csv_bytes(train_rows(8)))
    # The real container 7 registered under another valid number: nothing announces that.
    disguised = rail_form(7, container_no=number(300), seals=(SealInput("ZZ1"),))
    crossing = desk.services.crossings.register(desk.officer, disguised).crossing
    assert _linked(desk)[crossing.id] is None and crossing.channel.value == "green"
    done = desk.services.corrections.correct(
        desk.officer, crossing.id, rail_form(7, seals=(SealInput("ZZ1"),)), "Number misread"
    )
    assert _row_of(desk, _linked(desk)[crossing.id]) == 9  # container 7 is on row 9
    assert any("Linked to manifest 1, row 9" in w for w in done.warnings)
    states = {s.number: str(s.state) for s in done.crossing.seals}
    assert states == {"ZZ1": "different", "PK100007": "missing", "PK200007": "missing"}
    assert done.crossing.channel.value == "red"
    # Corrected again to another train: the row is expected again.
    again = desk.services.corrections.correct(
        desk.officer,
        crossing.id,
        rail_form(7, train_no="PR-13", seals=(SealInput("ZZ1"),)),
        "Wrong train",
    )
    assert _linked(desk)[crossing.id] is None
    assert any("that container is expected again" in w for w in again.warnings)
    assert desk.services.manifests.pending(number(7)) is not None
    report = desk.services.health.check()
    assert report.ok, report.render()


def test_a_correction_that_keeps_the_announced_container_keeps_its_link(desk: Desk) -> None:
    desk.services.manifests.load(desk.officer, "PR-12.csv", csv_bytes(train_rows(3)))
    crossing = desk.services.crossings.register(desk.officer, rail_form(1)).crossing
    before = _linked(desk)[crossing.id]
    desk.services.corrections.correct(
        desk.officer, crossing.id, rail_form(1, gd_number="KPPI-HC-77777"), "GD misread"
    )
    assert _linked(desk)[crossing.id] == before
    with sqlite3.connect(desk.path) as conn:
        changes = conn.execute(
            "SELECT manifest_changes_json FROM crossings WHERE id = ?", (crossing.id,)
        ).fetchone()[0]
    assert '"field": "gd_number"' in changes and '"registered": "KPPI-HC-77777"' in changes


def test_on_postgresql_the_rows_copied_in_are_the_rows_digested(pg_url: str) -> None:
    from taftan_desk.db.engine import make_engine
    from tests.postgres import own_database
    from tests.support import new_station

    with own_database(pg_url, "manifest_copy") as url:
        engine = make_engine(url)
        services, signed = new_station(engine, ali=Role.OFFICER)
        _import_odd_texts(services, signed["ali"])
        engine.dispose()
