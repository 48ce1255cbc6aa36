"""The train reconciliation as PDF: its totals, shortages, excess and differences read back
from the rendered pages; a manifest's Urdu never printed; every word through tr."""

import io
from dataclasses import replace
from datetime import UTC, datetime

import pytest

from taftan_desk.documents import i18n
from taftan_desk.documents.train_report import render_train
from taftan_desk.services.reconciliation_views import (
    ContainerLine,
    Difference,
    TrainReconciliation,
)
from tests.documents.samples import pages, text_of
from tests.manifest_files import URDU, number
from tests.reconciliation_scenario import EXTRA, FAR_NET, OTHER_SEAL, TRAIN, build_train
from tests.support import Desk


def _pdf(rec: TrainReconciliation) -> bytes:
    out = io.BytesIO()
    render_train(rec, out)
    return out.getvalue()


@pytest.fixture
def rec(desk: Desk) -> TrainReconciliation:
    build_train(desk)
    return desk.services.reconciliation.train(TRAIN, desk.supervisor)


def test_the_pdf_gives_the_totals_and_every_container_of_the_lists(
    rec: TrainReconciliation,
) -> None:
    data = _pdf(rec)
    text = text_of(data)
    assert text.startswith("Train PR-12 reconciliation Taftan (Bazarcha Border Terminal) (TFT)")
    assert "Printed 2026-11-27 14:00 PKT by Sara Baloch" in text
    assert "Manifests: 1, 2 (withdrawn)" in text
    totals = {
        "Manifested": 40,
        "Arrived": 37,
        "Shortages": 3,
        "Excesses": 1,
        "With differences": 8,
        "Not weighed yet": 35,
        "Withdrawn": 2,
    }
    assert (
        rec.manifested,
        len(rec.arrived),
        len(rec.shortages),
        len(rec.excesses),
        len(rec.with_differences),
        len(rec.awaiting_weighing),
        len(rec.withdrawn),
    ) == tuple(totals.values())
    for label, n in totals.items():
        assert f"{label} {n} " in text, label
    shortages = text[text.index("Shortages: manifested") : text.index("Excesses: registered")]
    for i in (37, 38, 39):
        assert f"{50_000 + i} {number(i)} Steel: Steel coils, hot-rolled" in shortages
    excesses = text[text.index("Excesses: registered") : text.index("Differences from")]
    assert f"59999 {EXTRA} {rec.excesses[0].entry_no}" in excesses
    differences = text[text.index("Differences from") : text.index("Wagon list")]
    assert differences.count("PRSU") == 8
    seal = next(x for x in rec.lines if x.container_no == number(OTHER_SEAL))
    assert (
        f"{number(OTHER_SEAL)} {seal.entry_no} seal PK200005 on the manifest was not found "
        "seal ZZ999 found, not on the manifest"
    ) in differences
    assert "net 25,000 kg is +4,090 kg against the declared 20,910 kg (tolerance 1,045 kg)" in (
        differences
    )
    wagons = text[text.index("Wagon list") :]
    for line in rec.lines:
        assert line.container_no in wagons
    far = next(x for x in rec.lines if x.container_no == number(FAR_NET))
    assert f"{number(FAR_NET)} arrived {far.entry_no} 20,910 kg 25,000 kg net" in wagons
    assert f"{number(38)} SHORTAGE 20,620 kg" in wagons
    assert wagons.count("not weighed yet") == 35 + 1  # the arrived ones, and the excess
    count = len(pages(data, 20))
    assert count >= 2
    assert f"page 1 of {count}" in text and f"page {count} of {count}" in text


def _hand_built(*lines: ContainerLine, manifests: tuple[int, ...] = (4,)) -> TrainReconciliation:
    printed = datetime(2026, 11, 27, 9, 0, tzinfo=UTC)
    return TrainReconciliation(
        "PR-7", "Taftan", "TFT", "Asia/Karachi", printed, "", lines, manifest_ids=manifests
    )


def test_a_manifests_urdu_is_never_printed_and_its_latin_text_is() -> None:
    urdu = ContainerLine(
        "shortage", "1", number(1), "steel", 20_000, description=URDU, consignee=URDU
    )
    latin = replace(urdu, container_no=number(2), description="Coils", consignee="Khyber Steel")
    text = text_of(_pdf(_hand_built(urdu, latin)))
    assert "ریلوے" not in text and "فولادی" not in text
    assert f"{number(1)} Steel: (shown on screen only) 20,000 kg (shown on screen only)" in text
    assert f"{number(2)} Steel: Coils 20,000 kg Khyber Steel" in text
    assert "Printed 2026-11-27 14:00 PKT Manifests: 4" in text  # nobody named: no "by"


def test_empty_lists_say_none_and_a_train_without_manifest_says_so() -> None:
    excess = ContainerLine("excess", "7", number(3), "oil", None, entry_no="2600000001")
    text = text_of(_pdf(_hand_built(excess, manifests=())))
    assert "No manifest names this train." in text
    assert "Shortages: manifested, not arrived None." in text
    assert "Differences from the manifest None." in text
    assert f"7 {number(3)} 2600000001 Oil not recorded not weighed yet" in text


def test_every_word_goes_through_the_documents_translation() -> None:
    line = ContainerLine(
        "arrived",
        "5",
        number(5),
        "steel",
        20_000,
        entry_no="2600000005",
        net_kg=20_100,
        differences=(Difference("cargo_category", "steel", "industrial"),),
    )
    i18n.install(lambda text: "~" + text)
    try:
        text = text_of(_pdf(_hand_built(line)))
    finally:
        i18n.install(None)
    for words in (
        "~Train PR-7 reconciliation",
        "~Printed 2026-11-27",
        "~Manifests: 4",
        "~Totals",
        "~Manifested 1",
        "~Shortages: manifested",
        "~Wagon list",
        "~cargo ~Industrial goods, manifest says ~Steel",
        "~arrived",
        "~page 1 of 1",
    ):
        assert words in text, words
