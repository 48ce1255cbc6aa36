"""What the documents say, on which paper, and that the same input gives the same bytes."""

import dataclasses
import io
from datetime import timedelta
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest

from taftan_desk.core.lifecycle import Status
from taftan_desk.core.paper import DEFAULT_SIZES, SIZES
from taftan_desk.documents import i18n, render
from tests.documents import samples
from tests.documents.samples import page_sizes_mm, pdf_bytes, text_of

VIEWS = {
    "entry": samples.registered(),
    "clearance": samples.view(),
    "hold": samples.held(),
    "exam": samples.held(),
}
CASES = [(kind, size) for kind in VIEWS for size in SIZES]


def _pdf(kind: str, size: str | None = None, copy_no: int = 1, **view_changes: object) -> bytes:
    v = dataclasses.replace(VIEWS[kind], **view_changes)
    return pdf_bytes(v, samples.context(v, kind, size=size, copy_no=copy_no))


@pytest.mark.parametrize(("kind", "size"), CASES)
def test_every_document_says_who_what_and_how_heavy(kind: str, size: str) -> None:
    text = text_of(_pdf(kind, size))
    for expected in (
        "Taftan (Bazarcha Border Terminal)",
        "2600000123",
        "MSCU 123456 6",  # grouped as painted on the box
        "22T1 (20 ft tank)",
        "IR-85-715",
        "P1663476, class H high security, bolt, BROKEN",
        "Oil: gas oil (diesel), UN1202",
        "27101943",
        "GD KPPI-HC-892489-27112026 - TIR carnet XH66673996, voucher 2",
        "17,020 kg",  # declared
        "20,760 kg",  # gross
        "3,600 kg",  # tare
        "17,160 kg",  # net
        "within limit by 4,840 kg",
        "22,000 kg net",
        "+140 kg against declared",
        "Channel: RED (physical examination)",
        "- Dangerous goods, class 3",  # a finding about the cargo: on every document
        "Inbound: Iran to Pakistan",
        "2026-11-27 14:00 PKT",  # 09:00 UTC registered, shown in station time
        "Times are PKT (Asia/Karachi, UTC+05:00)",
        "Ali Khan",
        "PD-000042",
        "Audit chain 3f9a1c2b7d04",
    ):
        assert expected in text, expected
    assert "DUPLICATE" not in text
    if kind == "entry":  # before any examination the broken seal is a finding
        assert "- Seal P1663476 is broken" in text
    else:  # examined and resealed since: the paper says so in one line
        assert "Seal P1663476 is broken" not in text
        assert "No longer applies: seal broken (new seal TFT6039024 at examination)" in text


@pytest.mark.parametrize(("kind", "size"), CASES)
def test_a_reprint_says_duplicate_at_the_top_and_by_the_barcode(kind: str, size: str) -> None:
    data = _pdf(kind, size, copy_no=2)
    assert "DUPLICATE 1" in text_of(data)
    assert "DUPLICATE 2" not in text_of(data)
    doc = pdfium.PdfDocument(data)
    try:
        page = doc[0]
        width_pt, height_pt = page.get_size()
        hits = _find(page, "DUPLICATE 1")
    finally:
        doc.close()
    codes = {str(b.format): b for b in samples.decode(samples.pages(data, 150)[0])}
    bar_top_mm = codes["Code 128"].position.top_left.y / 150 * 25.4
    tops_mm = [(height_pt - top) * 25.4 / 72 for _, top in hits]
    assert min(tops_mm) < 25  # a banner at the very top of the page
    near = [t for t in tops_mm if 0 < bar_top_mm - t < 45]
    assert near, (tops_mm, bar_top_mm)  # and one just above the barcode
    assert round(width_pt * 25.4 / 72) == {"80mm": 80, "a5": 148, "a4": 210}[size]


def _find(page: pdfium.PdfPage, needle: str) -> list[tuple[float, float]]:
    textpage = page.get_textpage()
    searcher = textpage.search(needle)
    found = []
    while (hit := searcher.get_next()) is not None:
        left, _, _, top = textpage.get_charbox(hit[0])
        found.append((left, top))
    return found


def test_the_third_print_is_duplicate_2() -> None:
    text = text_of(_pdf("clearance", copy_no=3))
    assert "DUPLICATE 2" in text and "copy 3" in text


def test_clearance_slip_says_released_when_and_by_whom() -> None:
    text = text_of(_pdf("clearance"))
    assert "CLEARANCE SLIP / GATE PASS" in text
    assert "RELEASED" in text and "Released 2026-11-27 15:05 PKT" in text
    assert "Fatima Rind" in text  # the examiner


def test_hold_notice_gives_the_reason_and_refusal_is_said_plainly() -> None:
    held = text_of(_pdf("hold"))
    assert "HELD" in held and "Goods differ from the GD: 40 drums more than declared." in held
    refused = text_of(_pdf("hold", status=Status.REFUSED, status_note="Prohibited goods."))
    assert "ENTRY REFUSED" in refused and "Prohibited goods." in refused


def test_examination_report_lists_each_examination() -> None:
    second = samples.inspection(id=2, kind="scanner", findings="prohibited", decision="refuse",
                                remarks="Undeclared <weapons> & ammunition")  # fmt: skip
    text = text_of(_pdf("exam", inspections=(samples.inspection(), second)))
    for expected in ("EXAMINATION REPORT", "Examination 1 of 2", "Examination 2 of 2",
                     "physical", "scanner", "prohibited", "REFUSE", "TFT6039024",
                     "20,740 kg gross", "Undeclared <weapons> & ammunition",
                     "Started 2026-11-27 14:20 PKT Ended 2026-11-27 14:55 PKT"):  # fmt: skip
        assert expected in text, expected


def test_over_the_limit_is_shouted_and_unweighed_is_said() -> None:
    over = text_of(_pdf("entry", gross_kg=26_020, tare_kg=3_600, net_kg=22_420))
    assert "OVER LIMIT by 420 kg" in over
    exact = text_of(_pdf("entry", net_kg=22_000))
    assert "exactly at the limit" in exact
    unweighed = text_of(_pdf("entry", gross_kg=None, tare_kg=None, net_kg=None))
    assert "Net measured not weighed" in unweighed and "17,020 kg" in unweighed
    assert "OVER LIMIT" not in unweighed and "within limit" not in unweighed


def test_an_assumed_plate_maximum_says_so_and_for_which_box() -> None:
    """R2 checked the gross against the station's assumption when no plate was recorded."""
    named = text_of(_pdf("clearance", max_gross_kg=None))
    assert "20,760 kg - plate max 30,480 kg assumed for 22T1 (station default)" in named
    v = dataclasses.replace(VIEWS["clearance"], max_gross_kg=None, size_type=None)
    plain = text_of(pdf_bytes(v, samples.context(v, "clearance", default_max_gross_kg=32_000)))
    assert "plate max 32,000 kg assumed (station default)" in plain
    plated = text_of(_pdf("clearance"))
    assert "20,760 kg (plate max 36,000 kg)" in plated and "assumed" not in plated


def test_rail_crossings_name_train_and_wagon() -> None:
    text = text_of(_pdf("entry", mode="rail", truck_plate=None, train_no="ML-ZHD-01",
                        wagon_no="339677322028"))  # fmt: skip
    assert "ML-ZHD-01 / 339677322028" in text and "train / wagon" in text


@pytest.mark.parametrize(("kind", "size"), CASES)
def test_paper_sizes_and_page_counts(kind: str, size: str) -> None:
    sizes = page_sizes_mm(_pdf(kind, size, copy_no=2))
    if size == "80mm":
        assert len(sizes) == 1  # a roll is cut once
        assert sizes[0][0] == pytest.approx(80.08, abs=0.01)  # 640 dots at 203 dpi
        assert 120 < sizes[0][1] < 400
    else:
        expected = {"a5": (148, 210), "a4": (210, 297)}[size]
        assert all(s == pytest.approx(expected, abs=0.1) for s in sizes)


def test_pages_are_numbered_and_a_long_report_continues() -> None:
    many = tuple(samples.inspection(id=i, remarks="Checked drum by drum. " * 12) for i in range(6))
    data = _pdf("exam", "a5", copy_no=2, inspections=many)
    doc = pdfium.PdfDocument(data)
    total = len(doc)
    assert total >= 3
    for number in range(total):
        text = doc[number].get_textpage().get_text_range()
        assert f"page {number + 1} of {total}" in text
        if number:
            assert "DUPLICATE 1 - EXAMINATION REPORT - entry 2600000123 (continued)" in text
    doc.close()


def test_a_long_roll_slip_stays_one_page_and_grows() -> None:
    seals = tuple(samples.view().seals) * 6
    short = page_sizes_mm(_pdf("exam", "80mm"))
    long = page_sizes_mm(_pdf("exam", "80mm", seals=seals, status_note="x " * 200))
    assert len(long) == 1 and long[0][1] > short[0][1] + 30


@pytest.mark.parametrize("kind", list(VIEWS))
def test_no_text_on_the_roll_is_smaller_than_8_pt(kind: str) -> None:
    doc = pdfium.PdfDocument(_pdf(kind, "80mm", copy_no=2))
    textpage = doc[0].get_textpage()
    sizes = {
        round(pdfium_c.FPDFText_GetFontSize(textpage, i), 2)
        for i in range(textpage.count_chars())
        if not textpage.get_text_range(i, 1).isspace()
    }
    doc.close()
    assert min(sizes) >= 8


def test_same_input_gives_the_same_bytes(tmp_path: Path) -> None:
    v = samples.view()
    ctx = samples.context(v, "clearance")
    first = pdf_bytes(v, ctx)
    assert pdf_bytes(v, ctx) == first
    render(v, ctx, tmp_path / "slip.pdf")
    render(v, ctx, str(tmp_path / "slip2.pdf"))
    assert (tmp_path / "slip.pdf").read_bytes() == first == (tmp_path / "slip2.pdf").read_bytes()
    for size in SIZES:
        sized = dataclasses.replace(ctx, size=size)
        assert pdf_bytes(v, sized) == pdf_bytes(v, sized)
    later = dataclasses.replace(ctx, printed_at=ctx.printed_at + timedelta(seconds=1))
    assert pdf_bytes(v, later) != first
    assert b"/CreationDate (D:20261127100630+00'00')" in first


def test_wrong_document_for_the_crossing_is_refused() -> None:
    v = samples.registered()
    with pytest.raises(
        ValueError, match="clearance slip is printed only after release; entry .* is registered"
    ):
        render(v, samples.context(v, "clearance"), io.BytesIO())
    with pytest.raises(ValueError, match="hold notice is printed only for held or refused cargo"):
        render(v, samples.context(v, "hold"), io.BytesIO())
    with pytest.raises(ValueError, match="no examination recorded"):
        render(v, samples.context(v, "exam"), io.BytesIO())


def test_print_context_is_checked() -> None:
    ctx = samples.context(samples.view(), "clearance")
    for changes, words in (
        ({"kind": "receipt"}, "document kind"),
        ({"size": "letter"}, "paper size"),
        ({"copy_no": 0}, "copy number"),
        ({"printed_at": ctx.printed_at.replace(tzinfo=None)}, "timezone-aware"),
        ({"timezone": ""}, "time zone"),
    ):
        with pytest.raises(ValueError, match=words):
            dataclasses.replace(ctx, **changes)


def test_default_paper_per_document() -> None:
    """Without a size, each document comes out on its usual paper (the gate pass on the
    80 mm roll, the examination report on A4)."""
    assert DEFAULT_SIZES["clearance"] == "80mm" and DEFAULT_SIZES["exam"] == "a4"
    widths = {kind: round(page_sizes_mm(_pdf(kind))[0][0]) for kind in ("clearance", "exam")}
    assert widths == {"clearance": 80, "exam": 210}
    ctx = samples.context(samples.view(), "clearance")
    assert ctx.paper == "80mm" and ctx.duplicate_no == 0


def test_every_word_goes_through_the_translation_function() -> None:
    i18n.install(lambda text: "~" + text)
    try:
        text = text_of(_pdf("clearance", "a4", copy_no=2))
    finally:
        i18n.install(None)
    labels = ("~CLEARANCE SLIP / GATE PASS", "~Examiner", "~Weights", "~Declared net",
              "~DUPLICATE 1", "~within limit by", "~page 1 of 1", "~Times are PKT",
              "~No longer applies: ~seal broken (new seal TFT6039024")  # fmt: skip
    for label in labels:
        assert label in text, label
    assert "~2600000123" not in text and "~MSCU" not in text  # data is never translated


_RENDER_WITHOUT_ACCELERATOR = """
import sys
sys.modules["_rl_accel"] = None  # reportlab falls back to its pure-Python formatting
from reportlab.lib import rl_accel
assert rl_accel.fp_str.__module__ == "reportlab.lib.rl_accel"
from tests.documents import samples
v = samples.view()
sys.stdout.buffer.write(samples.pdf_bytes(v, samples.context(v, "clearance", qr_text=sys.argv[1])))
"""


def test_the_same_document_has_the_same_bytes_with_or_without_reportlabs_accelerator() -> None:
    """Desks install reportlab[accel] for speed; a desk or checkpoint without it must still
    re-derive a document byte for byte."""
    import subprocess
    import sys

    from reportlab.lib import rl_accel

    assert rl_accel.fp_str.__module__ == "_rl_accel"  # this process formats with it
    v = samples.view()
    qr = samples.signed(v, "clearance")
    here = pdf_bytes(v, samples.context(v, "clearance", qr_text=qr))
    there = subprocess.run(
        [sys.executable, "-c", _RENDER_WITHOUT_ACCELERATOR, qr],
        capture_output=True,
        check=True,
        cwd=Path(__file__).resolve().parents[2],
        timeout=60,
    ).stdout
    assert there == here


def test_an_empty_value_reads_not_recorded_never_a_dash() -> None:
    text = text_of(_pdf("clearance", hs_code=None, gd_number=None, tir_carnet=None))
    assert "HS code not recorded" in " ".join(text.split())
    assert "GD not recorded" in text
    assert not any(line.strip().endswith(" -") for line in text.splitlines())
