"""Train reconciliation over a real station file: a 40-wagon train imported from a manifest,
37 of its containers registered (some differing from it), one container registered on the
train that no manifest announces; shortages, excesses and differences, counted again in SQL."""

import csv
import io
import sqlite3
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from taftan_desk.core.errors import ValidationError
from taftan_desk.services.reconciliation import CSV_COLUMNS, to_csv
from taftan_desk.services.reconciliation_views import (
    ContainerLine,
    Difference,
    TrainReconciliation,
)
from tests.manifest_files import csv_bytes, number, train_rows
from tests.reconciliation_scenario import (
    BROKEN_SEAL,
    CATEGORY_CHANGED,
    CORRECTED_SEAL,
    EXTRA,
    FAR_NET,
    HS_CHANGED,
    HS_REFINED,
    NEAR_NET,
    OTHER_SEAL,
    REGISTERED,
    TRAIN,
    build_train,
    rail_form,
)
from tests.support import Desk


def sql(desk: Desk, query: str, *params: object) -> list[tuple[object, ...]]:
    with sqlite3.connect(desk.path) as conn:
        return conn.execute(query, params).fetchall()


def test_a_40_wagon_train_reconciles_to_its_shortages_excess_and_differences(desk: Desk) -> None:
    ids = build_train(desk)
    desk.clock.now = datetime(2026, 11, 27, 15, 30, tzinfo=UTC)
    rec = desk.services.reconciliation.train(" pr-12 ", desk.supervisor)
    assert (rec.train_no, rec.printed_by, rec.station_code) == (TRAIN, "Sara Baloch", "TFT")
    assert rec.printed_at == desk.clock.now

    assert [line.container_no for line in rec.shortages] == [number(37), number(38), number(39)]
    assert [(line.container_no, line.wagon_no) for line in rec.excesses] == [(EXTRA, "59999")]
    assert rec.excesses[0].entry_no is not None
    assert [line.container_no for line in rec.withdrawn] == [number(200), number(201)]
    assert (rec.manifested, len(rec.arrived), len(rec.lines)) == (40, REGISTERED, 43)

    found = {line.container_no: {d.code for d in line.differences} for line in rec.lines}
    differing = {c: codes for c, codes in found.items() if codes}
    assert differing == {
        **{number(i): {"hs_code"} for i in HS_CHANGED},
        number(OTHER_SEAL): {"seal_not_listed", "seal_missing"},
        number(CATEGORY_CHANGED): {"cargo_category"},
        number(FAR_NET): {"net"},
        number(CORRECTED_SEAL): {"seal_not_listed", "seal_missing"},
        number(BROKEN_SEAL): {"seal_broken"},
    }
    assert len(rec.with_differences) == 8
    by_number = {line.container_no: line for line in rec.lines}
    words = [d.words() for d in by_number[number(OTHER_SEAL)].differences]
    assert words == [
        "seal PK200005 on the manifest was not found",
        "seal ZZ999 found, not on the manifest",
    ]
    assert [d.words() for d in by_number[number(BROKEN_SEAL)].differences] == [
        "seal PK100020 found broken"
    ]
    assert [d.words() for d in by_number[number(CORRECTED_SEAL)].differences] == [
        "seal PK200015 on the manifest was not found",
        "seal XX1 found, not on the manifest",
    ]
    (net,) = by_number[number(FAR_NET)].differences
    assert (net.diff_kg, net.tolerance_kg) == (25_000 - 20_910, 1_045)
    assert net.words() == (
        "net 25,000 kg is +4,090 kg against the declared 20,910 kg (tolerance 1,045 kg)"
    )
    assert by_number[number(NEAR_NET)].net_kg == 21_200  # weighed, within tolerance: no difference
    # The tariff's two more digits on the manifest's subheading: the same goods.
    assert sql(desk, "SELECT hs_code FROM crossings WHERE id = ?", ids[HS_REFINED]) == [
        ("72083900",)
    ]
    assert by_number[number(HS_REFINED)].differences == ()
    assert by_number[number(3)].differences[0].words() == "HS 720840, manifest says 720839"
    assert (
        by_number[number(CATEGORY_CHANGED)].differences[0].words()
        == "cargo Industrial goods, manifest says Steel"
    )
    # Not weighed yet is said so, and is not a difference.
    waiting = {line.container_no for line in rec.awaiting_weighing}
    assert waiting == {number(i) for i in range(REGISTERED)} - {number(FAR_NET), number(NEAR_NET)}
    registered = sql(desk, "SELECT id, entry_no FROM crossings WHERE expected_id IS NOT NULL")
    assert {line.entry_no for line in rec.arrived} == {e for i, e in registered}
    assert {i for i, e in registered} == set(ids.values())


def test_every_count_agrees_with_the_stored_rows(desk: Desk) -> None:
    build_train(desk)
    rec = desk.services.reconciliation.train(TRAIN)
    of_train = "SELECT id FROM expected_containers WHERE train_no = 'PR-12'"
    (shortages,) = sql(
        desk,
        "SELECT count(*) FROM expected_containers e "
        "LEFT JOIN manifest_withdrawals w ON w.manifest_id = e.manifest_id "
        "WHERE e.train_no = 'PR-12' AND w.id IS NULL "
        "AND NOT EXISTS (SELECT 1 FROM crossings c WHERE c.expected_id = e.id)",
    )
    (excesses,) = sql(
        desk,
        "SELECT count(*) FROM crossings WHERE train_no = 'PR-12' AND mode = 'rail' "
        f"AND (expected_id IS NULL OR expected_id NOT IN ({of_train}))",
    )
    (arrived,) = sql(desk, f"SELECT count(*) FROM crossings WHERE expected_id IN ({of_train})")
    (hs,) = sql(
        desk,
        "SELECT count(*) FROM crossings c JOIN expected_containers e ON e.id = c.expected_id "
        "WHERE e.train_no = 'PR-12' AND substr(c.hs_code, 1, 6) != substr(e.hs_code, 1, 6)",
    )
    (category,) = sql(
        desk,
        "SELECT count(*) FROM crossings c JOIN expected_containers e ON e.id = c.expected_id "
        "WHERE e.train_no = 'PR-12' AND c.cargo_category != e.cargo_category",
    )
    # The seal rows the registrations recorded: ZZ999 "different" and PK200005 "missing" as
    # checked against the manifest, PK100020 "broken" as found (a correction keeps the seal
    # rows; its seals live in its revision).
    seal_states = sql(
        desk,
        "SELECT s.number, s.state FROM seals s JOIN crossings c ON c.id = s.crossing_id "
        f"WHERE c.expected_id IN ({of_train}) AND s.state != 'intact' ORDER BY s.number",
    )
    far = sql(
        desk,
        "SELECT c.container_no FROM crossings c JOIN expected_containers e "
        "ON e.id = c.expected_id WHERE c.net_kg IS NOT NULL "
        "AND abs(c.net_kg - e.declared_net_kg) > 1045",
    )
    (weighed,) = sql(
        desk, f"SELECT count(*) FROM crossings WHERE expected_id IN ({of_train}) AND net_kg > 0"
    )
    counted = (shortages[0], excesses[0], arrived[0])
    assert (len(rec.shortages), len(rec.excesses), len(rec.arrived)) == counted
    assert counted == (3, 1, REGISTERED)
    codes = [d.code for line in rec.lines for d in line.differences]
    assert codes.count("hs_code") == hs[0] == len(HS_CHANGED)
    assert codes.count("cargo_category") == category[0] == 1
    assert seal_states == [("PK100020", "broken"), ("PK200005", "missing"), ("ZZ999", "different")]
    assert [c for (c,) in far] == [number(FAR_NET)] and codes.count("net") == 1
    assert len(rec.awaiting_weighing) == arrived[0] - weighed[0]


def test_a_container_announced_for_another_train_but_registered_on_this_one_is_an_excess(
    desk: Desk,
) -> None:
    services, officer = desk.services, desk.officer
    assert services.manifests.load(officer, "a.csv", csv_bytes(train_rows(2))).ok
    other = csv_bytes(train_rows(1, train="PR-13", start=50))
    assert services.manifests.load(officer, "b.csv", other).ok
    services.crossings.register(officer, rail_form(0))
    moved = services.crossings.register(officer, rail_form(50, wagon_no="50001")).crossing
    here = services.reconciliation.train(TRAIN)
    assert [(x.container_no, x.entry_no) for x in here.excesses] == [(number(50), moved.entry_no)]
    assert [x.container_no for x in here.shortages] == [number(1)]
    # It is not linked to PR-13's row (another train): a shortage there, an excess here.
    there = services.reconciliation.train("PR-13")
    assert [x.container_no for x in there.shortages] == [number(50)]
    assert not there.arrived and not there.excesses


def test_a_train_nothing_names_is_refused_in_words(desk: Desk) -> None:
    assert desk.services.manifests.load(desk.officer, "a.csv", csv_bytes(train_rows(2))).ok
    with pytest.raises(ValidationError, match="No manifest and no rail crossing names train PR-99"):
        desk.services.reconciliation.train("PR-99")
    with pytest.raises(ValidationError, match="Give the train number"):
        desk.services.reconciliation.train("   ")
    with pytest.raises(ValidationError, match="at most 20 characters"):
        desk.services.reconciliation.train("P" * 21)
    # A train only crossings name (no manifest) is reconciled: everything on it is excess.
    desk.services.crossings.register(desk.officer, rail_form(60, train_no="PR-77"))
    assert [x.container_no for x in desk.services.reconciliation.train("PR-77").excesses] == [
        number(60)
    ]


def test_the_csv_has_one_row_per_container_with_its_differences_in_words(desk: Desk) -> None:
    build_train(desk)
    rec = desk.services.reconciliation.train(TRAIN)
    rows = list(csv.DictReader(io.StringIO(to_csv(rec))))
    assert list(rows[0]) == list(CSV_COLUMNS)
    assert len(rows) == len(rec.lines) == 43
    states = [r["state"] for r in rows]
    assert (states.count("shortage"), states.count("excess"), states.count("withdrawn")) == (
        3,
        1,
        2,
    )
    by_number = {r["container_no"]: r for r in rows}
    seal = by_number[number(OTHER_SEAL)]
    assert seal["differences"] == (
        "seal PK200005 on the manifest was not found; seal ZZ999 found, not on the manifest"
    )
    assert seal["entry_no"] and seal["wagon_no"] == "50005" and seal["note"] == "not weighed yet"
    assert by_number[number(FAR_NET)]["net_kg"] == "25000"
    assert by_number[number(NEAR_NET)]["differences"] == "" == by_number[number(NEAR_NET)]["note"]
    assert by_number[number(38)]["entry_no"] == "" and by_number[number(38)]["state"] == "shortage"
    assert by_number[number(200)]["note"].endswith("withdrawn")
    assert by_number[EXTRA]["state"] == "excess" and by_number[EXTRA]["wagon_no"] == "59999"


def test_the_csv_keeps_formula_looking_cells_as_text() -> None:
    line = ContainerLine("excess", "=HYPERLINK(1)", "-1+2", "steel", None, entry_no="@SUM(A1)")
    rec = TrainReconciliation(
        "PR-1", "Taftan", "TFT", "Asia/Karachi", datetime(2026, 1, 1, tzinfo=UTC), "", (line,)
    )
    (row,) = list(csv.DictReader(io.StringIO(to_csv(rec))))
    assert (row["wagon_no"], row["container_no"], row["entry_no"]) == (
        "'=HYPERLINK(1)",
        "'-1+2",
        "'@SUM(A1)",
    )


def test_a_difference_is_worded_through_the_edges_translation() -> None:
    catalogue = {
        "HS {registered}, manifest says {manifest}": "HS {registered} (Manifest: {manifest})",
        "not recorded": "nicht erfasst",
    }
    missing = Difference("hs_code", "720839", "")
    assert missing.words(lambda text: catalogue.get(text, text)) == (
        "HS nicht erfasst (Manifest: 720839)"
    )
    with pytest.raises(ValueError):
        replace(missing, code="wagon")


def test_the_readme_documents_every_csv_column() -> None:
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text()
    for column, meaning in CSV_COLUMNS.items():
        assert f"| `{column}` | {meaning} |" in readme, column
