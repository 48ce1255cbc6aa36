"""Manifests of pre-announced containers: the table a railway or forwarding office sends,
read and checked row by row with the desk's own registration rules.

One row per container. Header names are case-insensitive (spaces and hyphens read as
underscores): `direction` (in/out), `container_no`, `cargo_category`, `declared_net_kg`, and
either `truck_plate` or `train_no` with `wagon_no`; optional `size_type`, `seals` (numbers
separated by spaces or commas), `hs_code`, `description`, `gd_number`, `tir_carnet`,
`consignee`, `expected_on` (YYYY-MM-DD). A manifest is taken whole or not at all: every
problem is reported by its spreadsheet row number (the header is row 1), column and reason.
"""

import codecs
import csv
import functools
import io
import operator
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time

from taftan_desk.core import registration
from taftan_desk.core import text as free_text
from taftan_desk.core.errors import DeskError, ValidationError
from taftan_desk.core.seals import Seal, SealState
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


@dataclass(frozen=True, slots=True)
class ManifestProblem:
    row: int  # the spreadsheet's row number: the header is row 1
    column: str
    reason: str

    def words(self) -> str:
        where = f"row {self.row}, {self.column}" if self.column else f"row {self.row}"
        return f"{where}: {self.reason}"


@dataclass(frozen=True, slots=True)
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


@dataclass(frozen=True)
class Table:
    """A manifest file's header and its data rows (from row 2), read again on each call of
    `rows()` so that a large file is never held as a list of cells."""

    header: list[str]
    rows: Callable[[], Iterator[list[str]]]
    size: int  # data rows, or about as many (a CSV's line count): for progress only


def read_table(name: str, data: bytes) -> Table:
    """A CSV or XLSX manifest, told apart by its content (an XLSX is a ZIP archive)."""
    if data[:4] == b"PK\x03\x04" or name.lower().endswith((".xlsx", ".xlsm")):
        return read_xlsx(data)
    return read_csv(data)


def read_csv(data: bytes) -> Table:
    """The header and the rows of a CSV file: UTF-8 with or without a byte-order mark,
    comma- or semicolon-separated, CRLF or LF, fields quoted or not."""
    try:
        data.decode("utf-8-sig")  # the whole file, once: its lines are decoded as they are read
    except UnicodeDecodeError as exc:
        raise ManifestUnreadable(
            f"The file is not UTF-8 text (byte {exc.start + 1} cannot be read): save it from "
            "the spreadsheet as 'CSV UTF-8'."
        ) from None
    first = next(_lines(data), "")
    delimiter = ";" if first.count(";") > first.count(",") else ","

    def all_rows() -> Iterator[list[str]]:
        return csv.reader(_lines(data), delimiter=delimiter)

    try:
        header = next(all_rows(), [])
    except csv.Error as exc:
        raise ManifestUnreadable(f"The header row cannot be read as CSV: {exc}.") from None
    if not any(cell.strip() for cell in header):
        raise ManifestUnreadable(
            "The file is empty: a manifest starts with a header row."
            if not data.removeprefix(b"\xef\xbb\xbf").strip()
            else "Row 1 is empty: a manifest's header (direction, container_no, …) is its "
            "first row. Delete the rows above it and import it again."
        )

    def rows() -> Iterator[list[str]]:
        reader = all_rows()
        next(reader)
        try:
            yield from reader
        except csv.Error as exc:
            raise ManifestUnreadable(
                f"Line {reader.line_num} cannot be read as CSV ({exc}): check its quotes."
            ) from None

    return Table(list(header), rows, max(data.count(b"\n") - 1, 1))


def _lines(data: bytes) -> Iterator[str]:
    """The lines of UTF-8 `data` (a byte-order mark left out) with their endings, each
    decoded as it is read: the whole text is never held (a byte 0x0A is always a line feed
    in UTF-8, so the lines are those of the decoded text)."""
    start = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    while start < len(data):
        end = data.find(b"\n", start)
        end = len(data) if end < 0 else end + 1
        yield data[start:end].decode("utf-8")
        start = end


def read_xlsx(data: bytes) -> Table:
    """The first visible worksheet of an XLSX workbook, its cells as text: values only, so a
    formula gives the value the spreadsheet last saved and macros are never run. Whole
    numbers read without a decimal point and dates as YYYY-MM-DD."""
    import python_calamine

    def sheet() -> "python_calamine.CalamineSheet":
        try:
            book = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
            visible = [
                m.name
                for m in book.sheets_metadata
                if m.visible == python_calamine.SheetVisibleEnum.Visible
                and m.typ == python_calamine.SheetTypeEnum.WorkSheet
            ]
            if not visible:
                raise ManifestUnreadable("The workbook has no visible worksheet.")
            return book.get_sheet_by_name(visible[0])
        except python_calamine.CalamineError as exc:
            raise ManifestUnreadable(
                f"The file is not a workbook the desk can read ({type(exc).__name__}): "
                "save it from the spreadsheet as .xlsx or as 'CSV UTF-8'."
            ) from None

    first = sheet()
    header = next(iter(first.iter_rows()), [])
    if not any(_cell(c).strip() for c in header):
        raise ManifestUnreadable(
            "Row 1 of the first worksheet is empty: a manifest's header (direction, "
            "container_no, …) is its first row. Delete the rows above it (or a title) and "
            "import it again."
        )
    size = max(first.height - 1, 1)
    unread = [first]  # the sheet already read serves the first pass over the rows

    def rows() -> Iterator[list[str]]:
        cells = iter((unread.pop() if unread else sheet()).iter_rows())
        next(cells)
        for row in cells:
            yield [c if c.__class__ is str else _cell(c) for c in row]

    return Table([_cell(c) for c in header], rows, size)


def _cell(value: object) -> str:
    if value.__class__ is str:  # most cells: text as it is, then whole numbers
        return value  # type: ignore[return-value]
    if value.__class__ is float and value.is_integer():  # type: ignore[attr-defined]
        return str(int(value))  # type: ignore[call-overload]
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


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


class Checker:
    """Checks rows as they are read, keeping only what a duplicate needs: the good rows are
    yielded, problems and warnings collected, in row order."""

    def __init__(
        self,
        header: Sequence[str],
        settings: StationSettings,
        is_known_owner: Callable[[str], bool],
    ) -> None:
        self.index = header_index(header)
        self.named = frozenset(self.index.values())
        self.settings, self.is_known_owner = settings, is_known_owner
        self.problems: list[ManifestProblem] = []
        self.warnings: list[ManifestProblem] = []
        self.first_row: dict[str, int] = {}  # container -> its row
        self.read = 0  # rows read, blank ones included

    def rows(self, rows: Iterable[Sequence[str]]) -> Iterator[ExpectedRow]:
        names = tuple(self.index)  # at least the required columns
        cells_of = operator.itemgetter(*self.index.values())
        width = max(self.index.values()) + 1
        padding = [""] * width
        settings, is_known_owner = self.settings, self.is_known_owner
        for number, cells in enumerate(rows, start=2):
            self.read += 1
            if not "".join(cells).strip():  # blank: no cell holds more than spaces
                continue
            if len(cells) < width:
                cells = [*cells, *padding[len(cells) :]]
            values = dict(zip(names, map(str.strip, cells_of(cells)), strict=True))
            stray = self._stray(cells)
            if stray is not None:
                self.problems.append(ManifestProblem(number, "", stray))
                continue
            quick = _quick_row(number, values, settings, is_known_owner)
            if quick is None:
                row, problems, warnings = _check_row(number, values, settings, is_known_owner)
            else:
                (row, warnings), problems = quick, []
            self.problems += problems
            self.warnings += warnings
            if row is None:
                continue
            first = self.first_row.setdefault(row.container_no, number)
            if first != number:
                self.problems.append(
                    ManifestProblem(
                        number, "container_no", f"{row.container_no} is already on row {first}"
                    )
                )
                continue
            yield row

    def _stray(self, cells: Sequence[str]) -> str | None:
        """Words in a cell no header names: most often an unquoted comma or semicolon that
        split a description, which would shift every later column."""
        extra = [(i, cell) for i, cell in enumerate(cells) if i not in self.named and cell.strip()]
        if not extra:
            return None
        i, cell = extra[0]
        return (
            f"'{free_text.shown(cell.strip()[:40])}' is in column {i + 1}, which the header "
            "does not name: put quotes around a value holding the separator, or remove it"
        )

    def finish(self) -> None:
        if not self.first_row and not self.problems:
            self.problems.append(
                ManifestProblem(2, "container_no", "the manifest has no container rows")
            )
        self.problems.sort(key=lambda p: p.row)


def check(
    header: Sequence[str],
    rows: Iterable[Sequence[str]],
    settings: StationSettings,
    is_known_owner: Callable[[str], bool],
) -> CheckedManifest:
    """Every row checked by the registration's own rules (check digits with suggestions,
    HS, weights; the cargo limit as a warning); a container twice in the file is a problem
    on its second row. Blank rows are skipped."""
    checker = Checker(header, settings, is_known_owner)
    found = tuple(checker.rows(rows))
    checker.finish()
    return CheckedManifest(found, tuple(checker.problems), tuple(checker.warnings))


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
    description = values.get("description", "")
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
        description=description if free_text.printable_text(description) else "",
        declared_net_kg=declared,
        gd_number=values.get("gd_number", ""),
        tir_carnet=values.get("tir_carnet", ""),
        seals=tuple(
            registration.SealInput(n) for n in _SEAL_SPLIT.split(values.get("seals", "")) if n
        ),
    )
    consignee = expected = None
    try:  # in any script: the manifest's words are shown on screen, never printed
        description = _any_script(
            description, "description", "the description", registration.MAX_LENGTHS["description"]
        )
    except ValidationError as exc:
        problems += [ManifestProblem(number, "description", p.message) for p in exc.problems]
    try:
        reg = registration.validate(form, settings, is_known_owner)
    except ValidationError as exc:
        reg = None
        problems += [ManifestProblem(number, _column(p.field), p.message) for p in exc.problems]
    try:
        consignee = _any_script(
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
    row = _expected_row(
        number, reg, tuple(s.number for s in reg.seals), description, consignee or "", expected
    )
    return row, [], [ManifestProblem(number, "", w) for w in reg.warnings]


def _quick_row(
    number: int,
    values: dict[str, str],
    settings: StationSettings,
    is_known_owner: Callable[[str], bool],
) -> tuple[ExpectedRow, list[ManifestProblem]] | None:
    """The row and its warnings as `_check_row` gives them for a row with nothing wrong,
    checked by the same rules without making a registration form; None when anything is
    wrong, and `_check_row` then names each problem."""
    get = values.get
    plate, train, wagon = get("truck_plate", ""), get("train_no", ""), get("wagon_no", "")
    declared = get("declared_net_kg", "")
    if not declared or (plate and (train or wagon)) or not (plate or (train and wagon)):
        return None
    description = get("description", "")
    category = get("cargo_category", "").lower()
    fields = registration.valid_fields(
        get("direction", ""),
        "road" if plate else "rail",
        get("container_no", ""),
        _CATEGORY_ALIASES.get(category, category),
        plate,
        train,
        wagon,
        get("size_type", ""),
        get("hs_code", ""),
        description if free_text.printable_text(description) else "",
        declared,
        get("gd_number", ""),
        get("tir_carnet", ""),
        [n for n in _SEAL_SPLIT.split(get("seals", "")) if n],
        settings,
        is_known_owner,
    )
    if fields is None:
        return None
    try:
        description = _any_script(
            description, "description", "the description", registration.MAX_LENGTHS["description"]
        )
        consignee = _any_script(
            get("consignee", ""), "consignee", "the consignee", CONSIGNEE_LENGTH
        )
        expected = _date(get("expected_on", ""))
    except (ValidationError, ValueError):
        return None
    row = _expected_row(number, fields, fields.seals, description, consignee, expected)
    return row, [ManifestProblem(number, "", w) for w in fields.warnings]


def _expected_row(
    number: int,
    checked: "registration.Registration | registration.Fields",
    seals: tuple[str, ...],
    description: str,
    consignee: str,
    expected: date | None,
) -> ExpectedRow:
    """The row as the desk keeps it, from either path's checked fields (the same names)."""
    return ExpectedRow(
        row=number,
        direction=checked.direction.value,
        mode=checked.mode.value,
        container_no=checked.container_no,
        cargo_category=checked.cargo_category.value,
        declared_net_kg=checked.declared_net_kg,  # type: ignore[arg-type]
        truck_plate=checked.truck_plate,
        train_no=checked.train_no,
        wagon_no=checked.wagon_no,
        size_type=checked.size_type,
        seals=seals,
        hs_code=checked.hs_code,
        description=description,
        gd_number=checked.gd_number,
        tir_carnet=checked.tir_carnet,
        consignee=consignee,
        expected_on=expected,
        warnings=checked.warnings,
    )


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


# A manifest repeats its descriptions, consignees and dates: the answers for values already
# seen are kept (a bounded number; a value that is refused raises again each time).
_CACHED = 4_096
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)


@functools.lru_cache(maxsize=_CACHED)
def _any_script(text: str, field_name: str, label: str, max_length: int) -> str:
    return free_text.clean(text, field_name, label, max_length, any_script=True)


@functools.lru_cache(maxsize=_CACHED)
def _date(text: str) -> date | None:
    text = text.strip()
    if not text:
        return None
    if not _ISO_DATE.fullmatch(text):
        raise ValueError(text)
    return date.fromisoformat(text)


def reconcile_seals(expected: Sequence[str], found: Sequence[Seal]) -> tuple[Seal, ...]:
    """The seals a registration records against its manifest: a seal found intact that the
    manifest does not list differs from the documents, and a listed seal not found is
    missing. Both raise the channel with their reason, as any seal finding does. A manifest
    that lists no seals checks nothing."""
    if not expected:
        return tuple(found)
    listed = set(expected)
    numbers = {s.number for s in found}
    kept = tuple(
        replace(s, state=SealState.DIFFERENT)
        if s.number not in listed and s.state is SealState.INTACT
        else s
        for s in found
    )
    return kept + tuple(Seal(n, SealState.MISSING) for n in expected if n not in numbers)
