"""Manifest files as railway and forwarding offices send them: CSV in its dialects, and XLSX
written by a spreadsheet library (numbers as numbers, dates as dates)."""

import io
from collections.abc import Sequence
from datetime import date

import xlsxwriter

from taftan_desk.core import containers
from taftan_desk.core.registration import RegistrationInput, SealInput

HEADER = (
    "direction",
    "container_no",
    "cargo_category",
    "declared_net_kg",
    "train_no",
    "wagon_no",
    "size_type",
    "seals",
    "hs_code",
    "description",
    "gd_number",
    "consignee",
    "expected_on",
)
URDU = "فولادی کوائل، پاکستان ریلوے"  # "steel coils, Pakistan Railways"


def number(i: int, owner: str = "PRSU") -> str:
    body = f"{owner}{400000 + i:06d}"
    return body + str(containers.check_digit(body))


def train_rows(
    wagons: int = 40, train: str = "PR-12", start: int = 0, on: date | None = date(2026, 11, 27)
) -> list[list[object]]:
    """A train of steel coils: each wagon one container, two seals, 21 t declared."""
    return [
        [
            "in",
            number(start + i),
            "steel",
            21_000 - i * 10,
            train,
            50_000 + i,
            "22G1",
            f"PK{100_000 + i} PK{200_000 + i}",
            "720839",
            "Steel coils, hot-rolled",
            f"KPPI-HC-{i + 1:05d}",
            "Khyber Steel, Peshawar",
            on,
        ]
        for i in range(wagons)
    ]


def csv_bytes(
    rows: Sequence[Sequence[object]],
    header: Sequence[str] = HEADER,
    *,
    sep: str = ",",
    eol: str = "\r\n",
    bom: bool = False,
) -> bytes:
    def cell(value: object) -> str:
        text = "" if value is None else value.isoformat() if isinstance(value, date) else str(value)
        if sep in text or '"' in text or "\n" in text:
            return '"' + text.replace('"', '""') + '"'
        return text

    lines = [sep.join(header)] + [sep.join(cell(v) for v in row) for row in rows]
    return ("\ufeff" if bom else "").encode() + (eol.join(lines) + eol).encode("utf-8")


def xlsx_bytes(rows: Sequence[Sequence[object]], header: Sequence[str] = HEADER) -> bytes:
    """A workbook as a spreadsheet saves it: numbers and dates typed, one hidden sheet
    before the manifest (offices keep lookup tables), the manifest on the first visible."""
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True})
    hidden = book.add_worksheet("codes")
    hidden.write_row(0, 0, ["not", "the", "manifest"])
    hidden.hide()
    sheet = book.add_worksheet("Manifest")
    sheet.activate()
    dates = book.add_format({"num_format": "dd/mm/yyyy"})
    sheet.write_row(0, 0, list(header))
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row):
            if isinstance(value, date):
                sheet.write_datetime(r, c, value, dates)
            elif value is None:
                continue
            else:
                sheet.write(r, c, value)
    book.close()
    return buffer.getvalue()


def rail_form(i: int, **overrides: object) -> RegistrationInput:
    """Wagon i of train PR-12 registered exactly as the manifest announces it."""
    values: dict[str, object] = {
        "direction": "in",
        "mode": "rail",
        "container_no": number(i),
        "cargo_category": "steel",
        "train_no": "PR-12",
        "wagon_no": str(50_000 + i),
        "size_type": "22G1",
        "hs_code": "720839",
        "description": "Steel coils, hot-rolled",
        "declared_net_kg": str(21_000 - i * 10),
        "gd_number": f"KPPI-HC-{i + 1:05d}",
        "seals": (SealInput(f"PK{100_000 + i}"), SealInput(f"PK{200_000 + i}")),
    }
    values.update(overrides)
    return RegistrationInput(**values)  # type: ignore[arg-type]
