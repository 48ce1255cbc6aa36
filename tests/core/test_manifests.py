"""Manifests read and checked with the desk's own rules: the CSV variants offices send, and
every problem named by its spreadsheet row, column and reason."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from taftan_desk.core import containers
from taftan_desk.core.errors import ValidationError
from taftan_desk.core.manifests import (
    ManifestUnreadable,
    _check_row,
    _quick_row,
    check,
    read_csv,
    read_table,
)
from taftan_desk.core.station_settings import StationSettings
from tests.manifest_files import train_rows, xlsx_bytes

SETTINGS = StationSettings()
KNOWN = {"TCL"}.__contains__
HEADER = "direction,container_no,cargo_category,declared_net_kg,train_no,wagon_no,seals,description"


def _number(i: int) -> str:
    body = f"TCLU{400000 + i:06d}"
    return body + str(containers.check_digit(body))


def _train(rows: int, *, sep: str = ",", eol: str = "\n") -> str:
    lines = [HEADER.replace(",", sep)]
    for i in range(rows):
        cells = [
            "in",
            _number(i),
            "steel",
            "21000",
            "PR-12",
            f"PR-{50000 + i}",
            "AB1234 CD5678",
            "Steel coils",
        ]
        lines.append(sep.join(cells))
    return eol.join(lines) + eol


def _checked(text: str, encoding: str = "utf-8"):  # type: ignore[no-untyped-def]
    table = read_csv(text.encode(encoding))
    return check(table.header, table.rows(), SETTINGS, lambda owner: True)


@pytest.mark.parametrize(
    ("sep", "eol", "encoding"),
    [
        (",", "\n", "utf-8"),
        (";", "\r\n", "utf-8"),
        (",", "\r\n", "utf-8-sig"),
        (";", "\n", "utf-8-sig"),
    ],
)
def test_a_40_wagon_train_reads_whatever_the_csv_dialect(sep: str, eol: str, encoding: str) -> None:
    checked = _checked(_train(40, sep=sep, eol=eol), encoding)
    assert checked.ok, [p.words() for p in checked.problems]
    assert len(checked.rows) == 40
    first = checked.rows[0]
    assert (first.row, first.mode, first.train_no, first.wagon_no) == (
        2,
        "rail",
        "PR-12",
        "PR-50000",
    )
    assert first.seals == ("AB1234", "CD5678") and first.declared_net_kg == 21_000


def test_quoted_fields_keep_their_commas_and_headers_any_case() -> None:
    text = (
        "Direction,Container-No,CARGO_CATEGORY,declared net kg,truck_plate,description,consignee\n"
        f"out,{_number(1)},Industrial goods,9000,LES-1,"
        '"Pumps, valves and fittings","Khan, Sons & Co"\n'
    )
    checked = _checked(text)
    assert checked.ok, [p.words() for p in checked.problems]
    [row] = checked.rows
    assert row.description == "Pumps, valves and fittings" and row.consignee == "Khan, Sons & Co"
    assert (row.cargo_category, row.mode, row.truck_plate) == ("industrial", "road", "LES-1")


def test_one_bad_check_digit_refuses_the_file_with_its_row_column_and_suggestion() -> None:
    lines = _train(40).splitlines()
    good = _number(17)
    lines[18] = lines[18].replace(good, good[:-1] + str((int(good[-1]) + 1) % 10))
    checked = _checked("\n".join(lines) + "\n")
    assert not checked.ok
    [problem] = checked.problems
    assert (problem.row, problem.column) == (19, "container_no")
    assert good in problem.reason  # the likely intended number


def test_a_container_twice_in_one_file_is_reported_on_its_second_row() -> None:
    text = _train(3) + _train(1).splitlines()[1] + "\n"
    checked = _checked(text)
    [problem] = checked.problems
    assert (problem.row, problem.column) == (5, "container_no")
    assert "already on row 2" in problem.reason


def test_each_missing_or_wrong_field_is_named() -> None:
    text = (
        "direction,container_no,cargo_category,declared_net_kg,truck_plate,train_no,expected_on\n"
        f"sideways,{_number(1)},steel,21000,LES-1,,2026-11-31\n"
        f"in,{_number(2)},steel,,,PR-1,\n"
        f"in,{_number(3)},coal,23000,LES-3,PR-1,\n"
    )
    words = {(p.row, p.column) for p in _checked(text).problems}
    assert (2, "direction") in words and (2, "expected_on") in words
    assert (3, "declared_net_kg") in words and (3, "wagon_no") in words
    assert (4, "cargo_category") in words and (4, "truck_plate") in words


def test_the_cargo_limit_is_a_warning_not_a_refusal() -> None:
    header = "direction,container_no,cargo_category,declared_net_kg,truck_plate"
    text = f"{header}\nin,{_number(1)},steel,23500,LES-1\n"
    checked = _checked(text)
    assert checked.ok and checked.warnings
    assert "over the 22,000 kg limit" in checked.warnings[0].reason


def test_a_header_without_the_required_columns_says_which() -> None:
    with pytest.raises(ValidationError, match="lacks container_no.*unknown column"):
        _checked("direction,box,cargo_category,declared_net_kg\nin,X,steel,1\n")


def test_a_file_that_is_not_utf8_is_unreadable_in_words() -> None:
    with pytest.raises(ManifestUnreadable, match="not UTF-8"):
        read_csv(HEADER.encode() + b"\nin,\xe9\xe9\n")


def test_a_value_in_a_column_the_header_does_not_name_refuses_the_row() -> None:
    text = _train(2).replace("Steel coils", "Steel coils, hot-rolled", 1)  # unquoted comma
    checked = _checked(text)
    assert [(p.row, p.column) for p in checked.problems] == [(2, "")]
    assert "'hot-rolled' is in column 9, which the header does not name" in (
        checked.problems[0].words()
    )
    assert checked.problems[0].words().startswith("row 2: ")
    assert len(checked.rows) == 1  # the other row is right
    quoted = _train(2).replace("Steel coils", '"Steel coils, hot-rolled"', 1)
    assert _checked(quoted).ok


def test_a_decimal_comma_is_never_read_as_thousands() -> None:
    checked = _checked(_train(1, sep=";").replace("21000", "2100,5"))  # a European sheet
    assert [(p.row, p.column) for p in checked.problems] == [(2, "declared_net_kg")]
    assert "not a thousands separator" in checked.problems[0].reason


# -- the quick check of a row that passes --------------------------------------------------
# Rows as offices write them, by road or by rail, with up to three cells from the values
# the desk refuses or must normalise (check digits, spaces and case, other scripts, lengths,
# impossible dates, a truck and a train at once).
_URDU = "فولادی کوائل، پاکستان ریلوے"
_GOOD = {
    "direction": ["in", "out", "IN"],
    "container_no": [_number(1), _number(2), f" {_number(3).lower()} "],
    "cargo_category": ["steel", "industrial goods", "Oil", "GAS"],
    "declared_net_kg": ["21000", "21,000", "23500"],
    "size_type": ["", "22G1", "22g1", "22K2"],
    "seals": ["", "PK1 PK2", "pk1, PK2", "PK-1/2"],
    "hs_code": ["", "720839", "7208.39", "2711 11"],
    "description": ["", "Steel coils", _URDU, "Pièces détachées"],
    "gd_number": ["", "KPPI-HC-00001", "kppi hc 1"],
    "tir_carnet": ["", "XC123"],
    "consignee": ["", "Khyber Steel", _URDU],
    "expected_on": ["", "2026-11-27"],
}
_ROAD = {"truck_plate": ["QAA-123", "qaa  12"], "train_no": [""], "wagon_no": [""]}
_RAIL = {
    "truck_plate": [""],
    "train_no": ["PR-12", "pr 12"],
    "wagon_no": ["PR-50000", "319601822079"],
}
_ODD = {
    "direction": ["inn", " out ", ""],
    "container_no": ["CSQU3054384", "CSQU305438", "CSQU3O54383", "CSQX3054383", "۱۲۳", ""],
    "cargo_category": ["coal", ""],
    "declared_net_kg": ["0", "100001", "x", "۲۱۰۰۰", "12345678", ""],
    "truck_plate": ["QAA-123", "Q@A", ""],
    "train_no": ["PR-12", "P%", ""],
    "wagon_no": ["PR-50000", "319601822070", "31 9601 822079", "W#", ""],
    "size_type": ["22G12", "2"],
    "seals": ["PK1,PK1", "A" * 16, "PK1;;PK2", "P K", "PK1 pk1"],
    "hs_code": ["7700000", "x", "77 00 00", "000000"],
    "description": ["\u202eabc", "x" * 301, "a\u200cb"],
    "gd_number": ["G#1", "X" * 41],
    "tir_carnet": ["X" * 21, "T/1#"],
    "consignee": ["\u202eX", "y" * 121],
    "expected_on": ["2026-02-30", "27/11/2026", "2026-1-1"],
}


@st.composite
def _rows(draw: st.DrawFn) -> dict[str, str]:
    good = {**_GOOD, **draw(st.sampled_from([_ROAD, _RAIL]))}
    values = {name: draw(st.sampled_from(cells)) for name, cells in good.items()}
    for name in draw(st.lists(st.sampled_from(sorted(_ODD)), max_size=3)):
        values[name] = draw(st.sampled_from(_ODD[name]))
    return values


@settings(max_examples=800, deadline=None)
@given(_rows())
def test_a_row_passes_the_quick_check_exactly_when_the_registration_accepts_it(
    values: dict[str, str],
) -> None:
    owner_known = {"CSQ"}.__contains__
    slow_row, problems, warnings = _check_row(7, dict(values), SETTINGS, owner_known)
    quick = _quick_row(7, dict(values), SETTINGS, owner_known)
    if problems:
        assert quick is None
    else:
        assert quick == (slow_row, warnings)


def test_the_rows_of_a_clean_file_all_take_the_quick_check() -> None:
    table = read_csv(_train(40).encode())
    index = list(table.header)
    for number, cells in enumerate(table.rows(), start=2):
        assert _quick_row(number, dict(zip(index, cells, strict=True)), SETTINGS, KNOWN)


def test_an_xlsx_is_read_again_on_each_pass_over_its_rows() -> None:
    rows = train_rows(3)
    table = read_table("m.xlsx", xlsx_bytes(rows))
    first, second = list(table.rows()), list(table.rows())
    assert first == second and len(first) == 3
    assert first[0][:4] == ["in", rows[0][1], "steel", "21000"]


def test_a_header_below_row_1_is_said_so_not_called_empty() -> None:
    import io

    import xlsxwriter

    from taftan_desk.core.manifests import read_table

    with pytest.raises(ManifestUnreadable, match="Row 1 is empty"):
        read_csv(b"\r\n" + HEADER.encode() + b"\r\n")
    with pytest.raises(ManifestUnreadable, match="The file is empty"):
        read_csv(b"\xef\xbb\xbf")
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True})
    book.add_worksheet("Manifest").write_row(1, 0, HEADER.split(","))  # a title row left blank
    book.close()
    with pytest.raises(ManifestUnreadable, match="Row 1 of the first worksheet is empty"):
        read_table("m.xlsx", buffer.getvalue())
