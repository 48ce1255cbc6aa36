"""Manifests of pre-announced containers: the table a railway or forwarding office sends,
read and checked row by row with the desk's own registration rules.

One row per container. Header names are case-insensitive (spaces and hyphens read as
underscores): `direction` (in/out), `container_no`, `cargo_category`, `declared_net_kg`, and
either `truck_plate` or `train_no` with `wagon_no`; optional `size_type`, `seals` (numbers
separated by spaces or commas), `hs_code`, `description`, `gd_number`, `tir_carnet`,
`consignee`, `expected_on` (YYYY-MM-DD). A manifest is taken whole or not at all: every
problem is reported by its spreadsheet row number (the header is row 1), column and reason.
"""

import csv
import io
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from taftan_desk.core import registration
from taftan_desk.core import text as free_text
from taftan_desk.core.errors import DeskError, ValidationError
from taftan_desk.core.station_settings import StationSettings

REQUIRED = ("direction", "container_no", "cargo_category", "declared_net_kg")
OPTIONAL = (
    "truck_plate",
    "train_no",
    "wagon_no",
    "size_type",
    "seals",
    "hs_code",
    "description",
    "gd_number",
    "tir_carnet",
    "consignee",
    "expected_on",
)
COLUMNS = REQUIRED + OPTIONAL
CONSIGNEE_LENGTH = 120
# What offices write for the categories, beside the desk's own names.
_CATEGORY_ALIASES = {"industrial goods": "industrial", "industrial_goods": "industrial"}
_SEAL_SPLIT = re.compile(r"[\s,;]+")


class ManifestUnreadable(DeskError):
    """The file is not a table the desk can read (encoding, format): exit 2, nothing read."""


@dataclass(frozen=True)
class ManifestProblem:
    row: int  # the spreadsheet's row number: the header is row 1
    column: str
    reason: str

    def words(self) -> str:
        return f"row {self.row}, {self.column}: {self.reason}"


@dataclass(frozen=True)
class ExpectedRow:
    """A container a manifest announces, checked and in the desk's canonical form."""

    row: int
    direction: str
    mode: str  # road / rail
    container_no: str
    cargo_category: str
    declared_net_kg: int
    truck_plate: str | None
    train_no: str | None
    wagon_no: str | None
    size_type: str | None
    seals: tuple[str, ...]
    hs_code: str | None
    description: str
    gd_number: str | None
    tir_carnet: str | None
    consignee: str
    expected_on: date | None
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class CheckedManifest:
    rows: tuple[ExpectedRow, ...]
    problems: tuple[ManifestProblem, ...]
    warnings: tuple[ManifestProblem, ...] = field(default=())

    @property
    def ok(self) -> bool:
        return not self.problems


def read_csv(data: bytes) -> tuple[list[str], list[list[str]]]:
    """The header and the rows of a CSV file: UTF-8 with or without a byte-order mark,
    comma- or semicolon-separated, CRLF or LF, fields quoted or not."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ManifestUnreadable(
            f"The file is not UTF-8 text (byte {exc.start + 1} cannot be read): save it from "
            "the spreadsheet as 'CSV UTF-8'."
        ) from None
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    table = [row for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)]
    if not table or not any(cell.strip() for cell in table[0]):
        raise ManifestUnreadable("The file is empty: a manifest starts with a header row.")
    return table[0], table[1:]


def header_index(header: Sequence[str]) -> dict[str, int]:
    """Column name -> position; ValidationError naming what is missing or unknown."""
    names = [re.sub(r"[\s\-]+", "_", h.strip().lower()) for h in header]
    unknown = [h for h, n in zip(header, names, strict=True) if n and n not in COLUMNS]
    missing = [c for c in REQUIRED if c not in names]
    twice = sorted({n for n in names if n and names.count(n) > 1})
    problems = []
    if missing:
        problems.append(f"the header lacks {', '.join(missing)}")
    if twice:
        problems.append(f"{', '.join(twice)} appear(s) twice")
    if unknown:
        problems.append(
            f"unknown column(s) {', '.join(free_text.shown(u) for u in unknown)} "
            f"(known: {', '.join(COLUMNS)})"
        )
    if problems:
        raise ValidationError("Row 1 (the header): " + "; ".join(problems) + ".", field="header")
    return {n: i for i, n in enumerate(names) if n}


def check(
    header: Sequence[str],
    rows: Iterable[Sequence[str]],
    settings: StationSettings,
    is_known_owner: Callable[[str], bool],
) -> CheckedManifest:
    """Every row checked by the registration's own rules (check digits with suggestions,
    HS, weights; the cargo limit as a warning); a container twice in the file is a problem
    on its second row. Blank rows are skipped."""
    index = header_index(header)
    found: list[ExpectedRow] = []
    problems: list[ManifestProblem] = []
    warnings: list[ManifestProblem] = []
    first_row: dict[str, int] = {}
    for number, cells in enumerate(rows, start=2):
        if not any(c.strip() for c in cells):
            continue
        values = {name: (cells[i].strip() if i < len(cells) else "") for name, i in index.items()}
        row, row_problems, row_warnings = _check_row(number, values, settings, is_known_owner)
        problems += row_problems
        warnings += row_warnings
        if row is None:
            continue
        if row.container_no in first_row:
            problems.append(
                ManifestProblem(
                    number,
                    "container_no",
                    f"{row.container_no} is already on row {first_row[row.container_no]}",
                )
            )
            continue
        first_row[row.container_no] = number
        found.append(row)
    if not found and not problems:
        problems.append(ManifestProblem(2, "container_no", "the manifest has no container rows"))
    return CheckedManifest(tuple(found), tuple(problems), tuple(warnings))


def _check_row(
    number: int,
    values: dict[str, str],
    settings: StationSettings,
    is_known_owner: Callable[[str], bool],
) -> tuple[ExpectedRow | None, list[ManifestProblem], list[ManifestProblem]]:
    problems: list[ManifestProblem] = []
    plate, train, wagon = (
        values.get("truck_plate", ""),
        values.get("train_no", ""),
        values.get("wagon_no", ""),
    )
    if plate and (train or wagon):
        problems.append(
            ManifestProblem(
                number, "truck_plate", "give a truck plate or a train and wagon, not both"
            )
        )
    elif not plate and not (train and wagon):
        column = "wagon_no" if train else "train_no" if wagon else "truck_plate"
        problems.append(
            ManifestProblem(number, column, "give the truck plate, or the train and wagon numbers")
        )
    declared = values.get("declared_net_kg", "")
    if not declared:
        problems.append(ManifestProblem(number, "declared_net_kg", "the declared net is missing"))
    category = values.get("cargo_category", "").lower()
    form = registration.RegistrationInput(
        direction=values.get("direction", ""),
        mode="rail" if (train or wagon) and not plate else "road",
        container_no=values.get("container_no", ""),
        cargo_category=_CATEGORY_ALIASES.get(category, category),
        truck_plate=plate,
        train_no=train,
        wagon_no=wagon,
        size_type=values.get("size_type", ""),
        hs_code=values.get("hs_code", ""),
        description=values.get("description", ""),
        declared_net_kg=declared,
        gd_number=values.get("gd_number", ""),
        tir_carnet=values.get("tir_carnet", ""),
        seals=tuple(
            registration.SealInput(n) for n in _SEAL_SPLIT.split(values.get("seals", "")) if n
        ),
    )
    consignee = expected = None
    try:
        reg = registration.validate(form, settings, is_known_owner)
    except ValidationError as exc:
        reg = None
        problems += [ManifestProblem(number, _column(p.field), p.message) for p in exc.problems]
    try:
        consignee = free_text.clean(
            values.get("consignee", ""), "consignee", "the consignee", CONSIGNEE_LENGTH
        )
    except ValidationError as exc:
        problems += [ManifestProblem(number, "consignee", p.message) for p in exc.problems]
    try:
        expected = _date(values.get("expected_on", ""))
    except ValueError:
        problems.append(
            ManifestProblem(
                number,
                "expected_on",
                f"'{free_text.shown(values['expected_on'])}' is not a date like 2026-11-27",
            )
        )
    if problems or reg is None:
        return None, _unique(problems), []
    warnings = [ManifestProblem(number, "", w) for w in reg.warnings]
    row = ExpectedRow(
        row=number,
        direction=reg.direction.value,
        mode=reg.mode.value,
        container_no=reg.container_no,
        cargo_category=reg.cargo_category.value,
        declared_net_kg=reg.declared_net_kg,  # type: ignore[arg-type]
        truck_plate=reg.truck_plate,
        train_no=reg.train_no,
        wagon_no=reg.wagon_no,
        size_type=reg.size_type,
        seals=tuple(s.number for s in reg.seals),
        hs_code=reg.hs_code,
        description=reg.description,
        gd_number=reg.gd_number,
        tir_carnet=reg.tir_carnet,
        consignee=consignee or "",
        expected_on=expected,
        warnings=reg.warnings,
    )
    return row, [], warnings


def _column(field_name: str) -> str:
    return field_name if field_name in COLUMNS else {"mode": "train_no"}.get(field_name, field_name)


def _unique(problems: list[ManifestProblem]) -> list[ManifestProblem]:
    seen: set[tuple[str, str]] = set()
    kept = []
    for p in problems:
        if (p.column, p.reason) not in seen:
            seen.add((p.column, p.reason))
            kept.append(p)
    return kept


def _date(text: str) -> date | None:
    text = text.strip()
    if not text:
        return None
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text, re.ASCII):
        raise ValueError(text)
    return date.fromisoformat(text)
