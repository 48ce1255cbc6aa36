"""The printed weights name their weighbridge ticket and how the container's gross was made up
(the reading less the vehicle's tare); a figure typed rather than read from the scale or
remembered is marked TYPED in bold, with why. Weighed through the real services, rendered to
real PDFs and read back."""

import ctypes
import io

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest

from taftan_desk.core.paper import SIZES
from taftan_desk.documents import render_issued
from taftan_desk.services.demo_train import taken
from taftan_desk.services.views import CrossingView, IssuedDocument
from tests.documents import samples
from tests.documents.samples import codes_of, pdf_bytes, text_of
from tests.support import TYPED, Desk, kept, road_form

READ_WEIGHTS = {"gross_kg": "", "bridge_kg": 37_300, "vehicle_tare_kg": 14_000, "tare_kg": "2300"}
MAKE_UP = "Weighbridge 37,300 kg − vehicle 14,000 kg"
WHY = "Scale indicator out of order since 06:00: read off its display"


def _read_from_the_scale(desk: Desk) -> CrossingView:
    """The truck weighed empty earlier (its tare remembered), the reading taken from the
    scale: nothing typed."""
    desk.services.weighings.weigh_empty(desk.officer, "road", "QAA-1", 14_000, taken(14_000, 20))
    form = road_form(**READ_WEIGHTS, taken=taken(37_300, 20), weight_reason="")
    return desk.services.crossings.register(desk.officer, form).crossing


def _typed(desk: Desk, reason: str = WHY, **scale: object) -> CrossingView:
    """The reading and the vehicle's tare typed (a vehicle never weighed empty)."""
    form = road_form(**READ_WEIGHTS, weight_reason=reason, **scale)  # type: ignore[arg-type]
    return desk.services.crossings.register(desk.officer, form).crossing


def _pdf(issued: IssuedDocument) -> bytes:
    out = io.BytesIO()
    render_issued(issued, out)
    return out.getvalue()


def _gate_pass(desk: Desk, crossing: CrossingView) -> bytes:
    desk.services.crossings.release(desk.officer, crossing.id)
    return _pdf(desk.services.documents.issue(desk.officer, crossing.id, "clearance", "80mm", kept))


def _draft(desk: Desk, crossing: CrossingView, kind: str = "entry", size: str = "80mm") -> str:
    return text_of(_pdf(desk.services.documents.draft(desk.officer, crossing.id, kind, size)))


def _lines(data: bytes) -> list[str]:
    """The first page's text lines as drawn (a wrapped value is two lines here)."""
    doc = pdfium.PdfDocument(data)
    try:
        return doc[0].get_textpage().get_text_range().splitlines()
    finally:
        doc.close()


def _fonts_of(data: bytes, word: str) -> list[str]:
    """The font of each occurrence of `word` on the first page."""
    doc = pdfium.PdfDocument(data)
    try:
        page = doc[0].get_textpage()
        text = page.get_text_range()
        buffer, flags = ctypes.create_string_buffer(64), ctypes.c_int()
        fonts, at = [], text.find(word)
        while at >= 0:
            pdfium_c.FPDFText_GetFontInfo(page.raw, at, buffer, 64, ctypes.byref(flags))
            fonts.append(buffer.value.decode())
            at = text.find(word, at + 1)
        return fonts
    finally:
        doc.close()


def test_a_gate_pass_read_from_the_scale_shows_its_ticket_and_make_up_and_no_typed(
    desk: Desk,
) -> None:
    crossing = _read_from_the_scale(desk)
    assert crossing.weighing is not None and not crossing.weighing.typed
    ticket = crossing.weighing.ticket_no
    data = _gate_pass(desk, crossing)
    text = text_of(data)
    assert f"Weights - weighbridge ticket {ticket}" in text
    assert f"{MAKE_UP} Gross measured 23,300 kg" in text
    assert "Container tare 2,300 kg" in text  # not the vehicle's
    assert "TYPED" not in text and "Why typed" not in text
    assert "Cargo limit 22,000 kg net" in text
    assert any(line.endswith("37,300 kg − vehicle 14,000 kg") for line in _lines(data))


def test_a_typed_gate_pass_marks_each_typed_figure_in_bold_with_why(desk: Desk) -> None:
    crossing = _typed(desk)
    assert crossing.weighing is not None and crossing.weighing.typed
    data = _gate_pass(desk, crossing)
    text = text_of(data)
    assert f"Weights - weighbridge ticket {crossing.weighing.ticket_no}" in text
    assert "Weighbridge 37,300 kg TYPED − vehicle 14,000 kg TYPED Gross measured 23,300" in text
    assert f"Why typed “{WHY}” Container tare 2,300 kg" in text
    assert "Net measured 21,000 kg - within limit by 1,000 kg Cargo limit 22,000 kg net" in text
    assert _fonts_of(data, "TYPED") == ["Helvetica-Bold"] * 2
    # Too wide for the roll on one line: the vehicle goes under the reading, not mid-phrase.
    assert "− vehicle 14,000 kg TYPED" in _lines(data)
    # Human-readable text only: the codes are the entry number and the signed slip data.
    issued = desk.services.documents.records(crossing.id)[-1]
    codes = codes_of(data)
    assert codes["Code128"] == crossing.entry_no
    assert desk.services.documents.check(codes["QRCode"]).record == issued


def test_only_the_typed_figure_is_marked(desk: Desk) -> None:
    """A reading from the scale on a truck never weighed empty: its tare typed, from its
    papers."""
    crossing = _typed(desk, "Tare from the truck's registration papers", taken=taken(37_300, 20))
    text = _draft(desk, crossing, size="a4")
    assert "Weighbridge 37,300 kg − vehicle 14,000 kg TYPED Gross" in text
    assert text.count("TYPED") == 1 and "Cargo limit 22,000 kg net" in text
    assert "Why typed “Tare from the truck's registration papers”" in text


def test_a_gross_typed_as_such_is_marked_with_no_make_up(desk: Desk) -> None:
    crossing = desk.services.crossings.register(desk.officer, road_form()).crossing
    assert crossing.weighing is not None and crossing.weighing.bridge_kg is None
    text = _draft(desk, crossing)
    assert f"Weights - weighbridge ticket {crossing.weighing.ticket_no}" in text
    assert "Gross measured 23,300 kg TYPED" in text
    assert f"Why typed “{TYPED}” Tare 2,300 kg" in text
    assert "Weighbridge" not in text and "vehicle" not in text


@pytest.mark.parametrize("size", SIZES)
def test_a_reason_is_printed_as_text_and_cut_short_on_the_paper(desk: Desk, size: str) -> None:
    reason = "<b>Indicator</b> & printer down; " + "read twice off the display, " * 15 + "END"
    text = _draft(desk, _typed(desk, reason), size=size)
    assert "“<b>Indicator</b> & printer down; read twice" in text  # printed, not markup
    assert "END" not in text and "…”" in text
    shown = text.split("“<b>Indicator")[1].split("”")[0]
    assert len(shown) < (90 if size == "80mm" else 240)


def test_every_document_of_a_typed_crossing_says_so(desk: Desk) -> None:
    crossing = _typed(desk)
    for kind in ("entry", "clearance"):
        if kind == "clearance":
            desk.services.crossings.release(desk.officer, crossing.id)
        for size in SIZES:
            text = _draft(desk, crossing, kind, size)
            assert "37,300 kg TYPED − vehicle 14,000 kg TYPED" in text, (kind, size)
            assert f"“{WHY}”" in text, (kind, size)


def test_a_crossing_weighed_before_weighings_prints_as_it_did() -> None:
    v = samples.view()
    assert v.weighing is None
    text = text_of(pdf_bytes(v, samples.context(v, "clearance")))
    assert "Weights Declared net 17,020 kg Gross measured 20,760 kg" in text
    assert "Tare 3,600 kg Net measured" in text
    for absent in ("ticket", "Weighbridge", "Container tare", "TYPED", "Why typed"):
        assert absent not in text, absent
