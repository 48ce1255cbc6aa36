"""QR encoding with reportlab's encoder, made fast enough for a print queue.

reportlab picks the mask by building the symbol eight times and scoring each in Python with
rules of its own: ~20 ms of a slip's budget. Here the mask is chosen by the penalty rules of
ISO 18004 (section 7.8.3) from one build: the data modules are un-masked once, each mask is
an XOR of per-row integers (cached per version), and the four rules are scored on integers
and strings. (segno, a well-kept QR library, was measured as the alternative: ~4.5 ms more
per slip, which the 30 ms target cannot spare.) The error
correction codewords come from a table-driven Reed-Solomon remainder with cached generator
polynomials (reportlab rebuilds each generator, 18 polynomial products, for every block).
Everything else (modes, bit stream, layout, format information) is reportlab's.
"""

import functools
import itertools
import re

from reportlab.graphics.barcode.qrencoder import (
    QRBitBuffer,
    QRCode,
    QRErrorCorrectLevel,
    QRRSBlock,
    QRUtil,
)

_RUNS = re.compile(r"0{5,}|1{5,}")
_FINDER_LIKE = ("10111010000", "00001011101")
# version -> mask -> row -> the data modules that mask inverts, as an integer (MSB = column 0)
_MASK_ROWS: dict[int, list[list[int]]] = {}


class _QRCode(QRCode):  # type: ignore[misc]
    def getBestMaskPattern(self) -> int:  # noqa: N802
        self.makeImpl(True, 0)
        masks = _mask_rows(self)
        bits = [int("".join("1" if m else "0" for m in row), 2) for row in self.modules]
        base = [row ^ flip for row, flip in zip(bits, masks[0], strict=True)]
        n = self.moduleCount
        scores = [
            penalty([b ^ f for b, f in zip(base, masks[k], strict=True)], n) for k in range(8)
        ]
        return scores.index(min(scores))


def encode_qr(text: str) -> QRCode:
    """A finished QR symbol at error correction M, in alphanumeric mode when the text allows
    (slip payloads do), the smallest version that holds it."""
    qr = _QRCode(None, QRErrorCorrectLevel.M)
    qr.addData(text)
    qr.version = qr.calculate_version()
    qr.dataCache = codewords(qr)
    qr.make()
    return qr


def codewords(qr: QRCode) -> list[int]:
    """Data and error correction codewords, interleaved block by block, as reportlab's
    QRCode.createData makes them."""
    blocks = QRRSBlock.getRSBlocks(qr.version, qr.errorCorrectLevel)
    capacity = 8 * sum(block.dataCount for block in blocks)
    buffer = QRBitBuffer()
    for segment in qr.dataList:
        segment.write(buffer, qr.version)
    if buffer.getLengthInBits() > capacity:
        raise ValueError("the text does not fit this QR version")
    if buffer.getLengthInBits() + 4 <= capacity:
        buffer.put(0, 4)  # terminator
    while buffer.getLengthInBits() % 8:
        buffer.putBit(False)
    pads = itertools.cycle((QRCode.PAD0, QRCode.PAD1))
    while buffer.getLengthInBits() < capacity:
        buffer.put(next(pads), 8)
    data, ecc, offset = [], [], 0
    for block in blocks:
        chunk = buffer.buffer[offset : offset + block.dataCount]
        offset += block.dataCount
        data.append(chunk)
        ecc.append(_rs_remainder(chunk, block.totalCount - block.dataCount))
    columns = itertools.chain(itertools.zip_longest(*data), itertools.zip_longest(*ecc))
    return [byte for column in columns for byte in column if byte is not None]


_EXP = [0] * 512  # GF(256) with the QR polynomial x^8 + x^4 + x^3 + x^2 + 1
_LOG = [0] * 256
_x = 1
for _i in range(255):
    _EXP[_i] = _EXP[_i + 255] = _x
    _LOG[_x] = _i
    _x = (_x << 1) ^ (0x11D if _x & 0x80 else 0)


@functools.cache
def _generator_logs(count: int) -> tuple[int, ...]:
    """log of each coefficient after the leading 1 of prod(x - a^i), i < count."""
    poly = [1]
    for i in range(count):
        shifted = [*poly, 0]
        for j, coefficient in enumerate(poly):
            if coefficient:
                shifted[j + 1] ^= _EXP[_LOG[coefficient] + i]
        poly = shifted
    return tuple(_LOG[c] for c in poly[1:])


def _rs_remainder(data: list[int], count: int) -> list[int]:
    logs = _generator_logs(count)
    remainder = [0] * count
    for byte in data:
        factor = byte ^ remainder[0]
        remainder = [*remainder[1:], 0]
        if factor:
            shift = _LOG[factor]
            remainder = [r ^ _EXP[shift + g] for r, g in zip(remainder, logs, strict=True)]
    return remainder


def _mask_rows(qr: QRCode) -> list[list[int]]:
    cached = _MASK_ROWS.get(qr.version)
    if cached is None:
        n = qr.moduleCount
        cached = [[0] * n for _ in range(8)]
        functions = [QRUtil.getMask(k) for k in range(8)]
        for col, row in qr.dataPosIterator():
            bit = 1 << (n - 1 - col)
            for k, mask in enumerate(functions):
                if mask(row, col):
                    cached[k][row] |= bit
        _MASK_ROWS[qr.version] = cached
    return cached


def penalty(rows_as_ints: list[int], n: int) -> int:
    """The four penalty rules: runs of 5+ (N1), 2x2 blocks (N2), finder look-alikes (N3),
    dark/light balance (N4); lower is easier to read."""
    rows = [format(row, f"0{n}b") for row in rows_as_ints]
    # Every row and column in one string: a run or a pattern cannot cross the line breaks.
    lines = [*rows, *map("".join, zip(*rows, strict=True))]
    runs = _RUNS.findall("\n".join(lines))
    score = sum(map(len, runs)) - 2 * len(runs)
    # Beyond the symbol is the light quiet zone: a look-alike may end in it.
    padded = "\n".join(f"0000{line}0000" for line in lines)
    score += 40 * sum(padded.count(p) for p in _FINDER_LIKE)  # neither overlaps itself
    pairs = (1 << (n - 1)) - 1
    for upper, lower in itertools.pairwise(rows_as_ints):
        same = ~(upper ^ lower) & ~(upper ^ (upper >> 1)) & ~(lower ^ (lower >> 1)) & pairs
        score += 3 * same.bit_count()
    dark = sum(row.bit_count() for row in rows_as_ints)
    # 10 points for each full 5 % step away from half dark (45.5 % dark scores nothing).
    return score + 10 * (abs(200 * dark - 100 * n * n) // (10 * n * n))
