"""Hand-built crossings and print contexts for the document tests (importable as
tests.documents.samples), plus the PDF reading helpers the tests share."""

import dataclasses
import io
import math
from datetime import UTC, datetime

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import zxingcpp
from PIL import Image

from taftan_desk.core import slip_payload
from taftan_desk.core.channel import Channel, Reason
from taftan_desk.core.lifecycle import Status
from taftan_desk.documents import render
from taftan_desk.services.report_views import DailyReport
from taftan_desk.services.views import CrossingView, InspectionView, PrintContext, SealView

PRIVATE, PUBLIC = slip_payload.new_key_pair()
KEY_ID = slip_payload.key_id_of(PUBLIC)
KEYS = {KEY_ID: PUBLIC}
T0 = datetime(2026, 11, 27, 9, 0, tzinfo=UTC)
DECISIONS = {"entry": "registered", "clearance": "released"}


def inspection(**changes: object) -> InspectionView:
    base = InspectionView(
        id=1, kind="physical", examiner="Fatima Rind",
        started_at=datetime(2026, 11, 27, 9, 20, tzinfo=UTC),
        ended_at=datetime(2026, 11, 27, 9, 55, tzinfo=UTC),
        seal_check="intact", reweigh_gross_kg=20_740, findings="no_discrepancy",
        decision="release", new_seal_no="TFT6039024", remarks="Cargo matches the GD <ok> & sealed.",
        recorded_by=2,
    )  # fmt: skip
    return dataclasses.replace(base, **changes)


def view(**changes: object) -> CrossingView:
    base = CrossingView(
        id=7, entry_no="2600000123", station_code="TFT", direction="in", mode="road",
        truck_plate="IR-85-715", train_no=None, wagon_no=None, container_no="MSCU1234566",
        size_type="22T1", max_gross_kg=36_000, cargo_category="oil", hs_code="27101943",
        description="gas oil (diesel), UN1202", declared_net_kg=17_020,
        gd_number="KPPI-HC-892489-27112026", tir_carnet="XH66673996", tir_voucher="2",
        gross_kg=20_760, tare_kg=3_600, net_kg=17_160,
        weighed_at=datetime(2026, 11, 27, 9, 10, tzinfo=UTC), channel=Channel.RED,
        reasons=(
            Reason("seal_broken", Channel.RED, "Seal P1663476 is broken"),
            Reason("dangerous_goods", Channel.YELLOW, "Dangerous goods, class 3"),
        ),
        random_draw_bp=8108, random_rate_bp=500, status=Status.RELEASED, status_note="",
        registered_at=T0, registered_by=2, closed_at=datetime(2026, 11, 27, 10, 5, tzinfo=UTC),
        seals=(
            SealView("P1663476", "broken", "H", "bolt", False),
            SealView("TFT6039024", "intact", None, None, True),
        ),
        inspections=(inspection(),),
    )  # fmt: skip
    return dataclasses.replace(base, **changes)


def registered() -> CrossingView:
    """Just registered and weighed: what the entry document shows."""
    return view(status=Status.REGISTERED, closed_at=None, inspections=())


def held(**changes: object) -> CrossingView:
    note = "Goods differ from the GD: 40 drums more than declared."
    exam = inspection(findings="discrepancy", decision="hold")
    return view(status=Status.HELD, status_note=note, closed_at=None, inspections=(exam,),
                **changes)  # fmt: skip


def signed(v: CrossingView, kind: str, copy_no: int = 1) -> str:
    claim = slip_payload.SlipClaim(
        station_code=v.station_code, entry_no=v.entry_no, container_no=v.container_no,
        kind=kind, copy_no=copy_no, net_kg=v.net_kg,
        decision=DECISIONS.get(kind, v.status.value), issued_at=T0, key_id=KEY_ID,
    )  # fmt: skip
    return slip_payload.sign(claim, PRIVATE)


def context(v: CrossingView, kind: str, **changes: object) -> PrintContext:
    copy_no = int(changes.get("copy_no", 1))  # type: ignore[call-overload]
    base = PrintContext(
        kind=kind, copy_no=copy_no, record_no="PD-000042",
        printed_at=datetime(2026, 11, 27, 10, 6, 30, tzinfo=UTC),
        station_name="Taftan (Bazarcha Border Terminal)", timezone="Asia/Karachi",
        officer="Ali Khan", qr_text=signed(v, kind, copy_no),
        audit_head="3f9a1c2b7d04", size=None,
    )  # fmt: skip
    return dataclasses.replace(base, **changes)


def pdf_bytes(v: CrossingView, ctx: PrintContext) -> bytes:
    out = io.BytesIO()
    render(v, ctx, out)
    return out.getvalue()


def pages(data: bytes, dpi: float) -> list[Image.Image]:
    doc = pdfium.PdfDocument(data)
    try:
        return [doc[i].render(scale=dpi / 72).to_pil() for i in range(len(doc))]
    finally:
        doc.close()


def raster_exact(data: bytes, dpi: float, page_no: int = 0) -> Image.Image:
    """A page at exactly dpi/72 pixels a point, like a printer's raster. (PdfPage.render
    stretches the page to a whole number of pixels, which shifts a fractional-width page's
    dot grid a little; a real 203-dpi driver does not.)"""
    doc = pdfium.PdfDocument(data)
    try:
        page = doc[page_no]
        scale = dpi / 72
        width, height = (math.ceil(d * scale) for d in page.get_size())
        bitmap = pdfium.PdfBitmap.new_native(width, height, pdfium_c.FPDFBitmap_BGR)
        bitmap.fill_rect((255, 255, 255, 255), 0, 0, width, height)
        matrix = pdfium_c.FS_MATRIX(scale, 0, 0, scale, 0, 0)
        clip = pdfium_c.FS_RECTF(0, 0, width, height)
        pdfium_c.FPDF_RenderPageBitmapWithMatrix(bitmap, page, matrix, clip, 0)
        return bitmap.to_pil()
    finally:
        doc.close()


def one_bit(image: Image.Image) -> Image.Image:
    """What a 1-bit thermal head prints: each dot black or white at a 50 % threshold."""
    gray = image.convert("L").point(lambda p: 255 if p >= 128 else 0)
    return gray.convert("1", dither=Image.Dither.NONE)


def text_of(data: bytes) -> str:
    """All pages' text with line breaks and runs of spaces as single spaces (a value wrapped
    onto two lines still reads as one phrase)."""
    doc = pdfium.PdfDocument(data)
    try:
        text = " ".join(doc[i].get_textpage().get_text_range() for i in range(len(doc)))
    finally:
        doc.close()
    return " ".join(text.split())


def page_sizes_mm(data: bytes) -> list[tuple[float, float]]:
    doc = pdfium.PdfDocument(data)
    try:
        return [(w * 25.4 / 72, h * 25.4 / 72) for w, h in (p.get_size() for p in doc)]
    finally:
        doc.close()


def decode(image: Image.Image) -> list[zxingcpp.Barcode]:
    return list(zxingcpp.read_barcodes(image))


def codes_of(data: bytes, dpi: float = 300) -> dict[str, str]:
    """The first page's barcodes by format name (Code128, QRCode) and their text."""
    return {code.format.name: code.text for code in decode(pages(data, dpi)[0])}


def daily_report_text(report: DailyReport) -> str:
    """The daily report drawn as the supervisor prints it, read back as text (`text_of`)."""
    from taftan_desk.documents.daily_report import render_daily

    out = io.BytesIO()
    render_daily(report, out)
    return text_of(out.getvalue())
