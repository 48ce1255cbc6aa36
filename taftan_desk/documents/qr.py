"""QR encoding with reportlab's encoder, its mask choice made fast enough for a print queue.

reportlab picks the mask (ISO 18004 section 7.8.3) by building the symbol eight times and
scoring each in Python: ~20 ms of a slip's budget. The same choice is made here from one
build: the data modules are un-masked once, each mask is an XOR of per-row integers (cached
per version), and the four penalty rules are scored on integers and strings.
"""

import itertools
import re

from reportlab.graphics.barcode.qrencoder import QRCode, QRErrorCorrectLevel, QRUtil

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
    qr.make()
    return qr


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
    cols = ["".join(col) for col in zip(*rows, strict=True)]
    score = 0
    for line in rows + cols:
        score += sum(len(run) - 2 for run in _RUNS.findall(line))
        score += 40 * sum(line.count(p) for p in _FINDER_LIKE)
    pairs = (1 << (n - 1)) - 1
    for upper, lower in itertools.pairwise(rows_as_ints):
        same = ~(upper ^ lower) & ~(upper ^ (upper >> 1)) & ~(lower ^ (lower >> 1)) & pairs
        score += 3 * same.bit_count()
    dark = sum(row.bit_count() for row in rows_as_ints)
    return score + 10 * (abs(100 * dark // (n * n) - 50) // 5)
