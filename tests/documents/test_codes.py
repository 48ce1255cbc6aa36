"""The printed codes decode from the real PDF at thermal and office resolutions, with the
module sizes and quiet zones the printers need."""

import dataclasses

import pytest
import zxingcpp
from PIL import Image

from taftan_desk.core import slip_payload
from taftan_desk.core.paper import SIZES
from taftan_desk.documents.codes import BAR_QUIET_MODULES, DOT, dark_blocks
from taftan_desk.documents.qr import codewords, encode_qr, penalty
from tests.documents import samples
from tests.documents.samples import decode, one_bit, pages, pdf_bytes, raster_exact

KINDS_AND_VIEWS = [
    ("entry", samples.registered()),
    ("clearance", samples.view()),
    ("hold", samples.held()),
    ("exam", samples.held()),
]
CASES = [(kind, v, size) for kind, v in KINDS_AND_VIEWS for size in SIZES]
IDS = [f"{kind}-{size}" for kind, _, size in CASES]


def _codes(image: Image.Image) -> dict[str, zxingcpp.Barcode]:
    return {str(b.format): b for b in decode(image)}


@pytest.mark.parametrize(("kind", "v", "size"), CASES, ids=IDS)
@pytest.mark.parametrize("dpi", [203, 300])
def test_barcode_and_qr_decode_and_the_qr_verifies(kind: str, v, size: str, dpi: int) -> None:  # type: ignore[no-untyped-def]
    ctx = samples.context(v, kind, size=size, copy_no=2)
    first = pages(pdf_bytes(v, ctx), dpi)[0]
    image = one_bit(first).convert("L") if dpi == 203 else first
    codes = _codes(image)
    assert codes["Code 128"].text == v.entry_no
    qr = codes["QR Code"]
    assert qr.text == ctx.qr_text
    assert qr.ec_level == "M"
    verdict = slip_payload.verify(qr.text, samples.KEYS)
    assert verdict.genuine and verdict.claim is not None
    assert (verdict.claim.entry_no, verdict.claim.kind, verdict.claim.copy_no) == (
        v.entry_no, kind, 2,
    )  # fmt: skip


def test_a_qr_printed_from_an_edited_payload_decodes_but_does_not_verify() -> None:
    v = samples.view()
    genuine = samples.signed(v, "clearance")
    i = genuine.index("*17160*") + 2
    edited = genuine[:i] + "1" + genuine[i + 1 :]  # 17160 kg -> 11160 kg
    assert "*11160*" in edited
    ctx = samples.context(v, "clearance", qr_text=edited)
    codes = _codes(one_bit(pages(pdf_bytes(v, ctx), 203)[0]).convert("L"))
    assert codes["QR Code"].text == edited
    verdict = slip_payload.verify(codes["QR Code"].text, samples.KEYS)  # what a gate reads
    assert not verdict.genuine
    assert verdict.reason.startswith("forged")


def _runs(row: list[int]) -> list[tuple[int, int, int]]:
    """(value, start, length) of each run of equal pixels."""
    out, start = [], 0
    for i in range(1, len(row) + 1):
        if i == len(row) or row[i] != row[start]:
            out.append((row[start], start, i - start))
            start = i
    return out


@pytest.mark.parametrize(
    ("size", "raster"),
    [("80mm", "pdfium"), ("80mm", "exact"), ("a5", "exact"), ("a4", "exact")],
)
def test_every_bar_is_a_whole_number_of_3_dot_modules_at_203_dpi(size: str, raster: str) -> None:
    """The roll is a whole number of dots, so even PdfPage.render (which stretches a page to
    whole pixels) keeps its grid; A5/A4 are measured at exactly 203 dpi, as a driver prints."""
    v = samples.view()
    data = pdf_bytes(v, samples.context(v, "clearance", size=size))
    image = one_bit(pages(data, 203)[0] if raster == "pdfium" else raster_exact(data, 203))
    if size == "80mm":
        assert image.width == 640
    barcode = _codes(image.convert("L"))["Code 128"]
    top, bottom = barcode.position.top_left, barcode.position.bottom_right
    y = (top.y + bottom.y) // 2
    row = [0 if image.getpixel((x, y)) == 0 else 1 for x in range(image.width)]
    runs = _runs(row)
    dark = [i for i, r in enumerate(runs) if r[0] == 0 and top.x - 2 <= r[1] <= bottom.x + 2]
    symbol = runs[dark[0] : dark[-1] + 1]
    lengths = [length for _, _, length in symbol]
    assert min(lengths) >= 3  # 3 dots: 2 dots do not scan off a thermal head
    assert all(length % 3 == 0 for length in lengths), lengths  # snapped to the dot grid
    assert sum(lengths) == 90 * 3  # 10 digits in subset C: 90 modules
    before, after = runs[dark[0] - 1], runs[dark[-1] + 1]
    assert before[0] == after[0] == 1
    assert min(before[2], after[2]) >= BAR_QUIET_MODULES * 3  # quiet zones: nothing printed


def test_qr_modules_are_4_dots_with_a_4_module_quiet_zone_on_the_roll() -> None:
    v = samples.view()
    ctx = samples.context(v, "clearance", size="80mm")
    image = one_bit(pages(pdf_bytes(v, ctx), 203)[0])
    qr = _codes(image.convert("L"))["QR Code"]
    count = encode_qr(ctx.qr_text or "").getModuleCount()
    x0, y0 = qr.position.top_left.x, qr.position.top_left.y
    x1 = qr.position.top_right.x
    assert abs((x1 - x0 + 1) - count * 4) <= 4
    row = [0 if image.getpixel((x, y0 + 1)) == 0 else 1 for x in range(image.width)]
    finder = next(r for r in _runs(row) if r[0] == 0 and abs(r[1] - x0) <= 2)
    assert finder[2] == 7 * 4  # the finder pattern's top edge: 7 modules of exactly 4 dots
    left_of = [r for r in _runs(row) if r[1] + r[2] == finder[1]][0]
    assert left_of[0] == 1 and left_of[2] >= 4 * 4


def test_thermal_dot_is_a_203rd_of_an_inch() -> None:
    assert abs(DOT * 3 * 25.4 / 72 - 0.3754) < 1e-4


def test_qr_mask_is_the_lowest_penalty_of_all_eight() -> None:
    from reportlab.graphics.barcode.qrencoder import QRCode, QRErrorCorrectLevel

    for text in (samples.signed(samples.view(), "clearance"), "TD1*TFT", "HELLO WORLD " * 9):
        qr = encode_qr(text)
        n = qr.getModuleCount()
        scores = []
        for mask in range(8):
            full = QRCode(qr.version, QRErrorCorrectLevel.M)
            full.addData(text)
            full.makeImpl(True, mask)
            scores.append(penalty([int("".join("1" if m else "0" for m in row), 2)
                                   for row in full.modules], n))  # fmt: skip
        reference = QRCode(qr.version, QRErrorCorrectLevel.M)
        reference.addData(text)
        reference.makeImpl(False, scores.index(min(scores)))
        assert qr.modules == reference.modules


@pytest.mark.parametrize("level", ["L", "M", "Q", "H"])
def test_codewords_equal_reportlabs_at_every_level(level: str) -> None:
    from reportlab.graphics.barcode.qrencoder import QRCode, QRErrorCorrectLevel

    ecl = getattr(QRErrorCorrectLevel, level)
    for text in ("A", "12345678901234567890", samples.signed(samples.view(), "hold") * 3,
                 "byte mode: lower case é", "HELLO WORLD " * 40):  # fmt: skip
        qr = QRCode(None, ecl)
        qr.addData(text)
        qr.version = qr.calculate_version()
        assert codewords(qr) == QRCode.createData(qr.version, ecl, qr.dataList)


def test_dark_blocks_cover_exactly_the_dark_modules() -> None:
    modules = encode_qr(samples.signed(samples.view(), "entry")).modules
    painted = {(c + dc, r + dr) for c, r, w, h in dark_blocks(modules)
               for dc in range(w) for dr in range(h)}  # fmt: skip
    dark = {(c, r) for r, row in enumerate(modules) for c, m in enumerate(row) if m}
    assert painted == dark


def test_slip_payload_fits_qr_version_7() -> None:
    assert encode_qr(samples.signed(samples.view(), "clearance")).version == 7


def test_a_document_without_a_qr_still_has_its_barcode() -> None:
    v = samples.view()
    ctx = dataclasses.replace(samples.context(v, "clearance"), qr_text=None)
    codes = _codes(pages(pdf_bytes(v, ctx), 300)[0])
    assert set(codes) == {"Code 128"}


def _rows(*lines: str) -> list[int]:
    return [int(line, 2) for line in lines]


def _checkerboard_less(flips: int, n: int = 20) -> list[int]:
    """An n x n checkerboard with `flips` dark modules made light, one a row and far apart,
    so no run, block or finder look-alike appears: only the dark share (N4) changes."""
    rows = [[(r + c) % 2 for c in range(n)] for r in range(n)]
    for r in range(flips):
        c = (4 * r) % n
        rows[r][c + ((r + c) % 2 == 0)] = 0
    return [int("".join(map(str, row)), 2) for row in rows]


def test_penalty_rules_score_as_iso_18004_says() -> None:
    """Known scores on small matrices, one rule at a time (ISO 18004 section 7.8.3.1)."""
    checkerboard = ["0101010101", "1010101010"] * 5
    assert penalty(_rows(*checkerboard), 10) == 0
    run_of_six = _rows("1111110101", *checkerboard[1:])
    assert penalty(run_of_six, 10) == 4  # N1: 3 for five alike in a row, +1 for the sixth
    block = _rows("1101010101", "1110101010", *checkerboard[2:])
    assert penalty(block, 10) == 3  # N2: one 2x2 block of one colour
    # N3: 1011101 at the symbol's edge, its four light modules in the quiet zone on either
    # side, is found both ways (40 + 40); the same dark modules in another order are not.
    assert penalty(_rows("1011101"), 7) - penalty(_rows("1101011"), 7) == 80
    # N4 counts whole 5 % steps: 45.5 % dark scores nothing, 45 % one step.
    assert penalty(_checkerboard_less(18), 20) == 0  # 182 of 400 dark
    assert penalty(_checkerboard_less(20), 20) == 10  # 180 of 400 dark
