"""Manifests read and checked with the desk's own rules: the CSV variants offices send, and
every problem named by its spreadsheet row, column and reason."""

import pytest

from taftan_desk.core import containers
from taftan_desk.core.errors import ValidationError
from taftan_desk.core.manifests import ManifestUnreadable, check, read_csv
from taftan_desk.core.station_settings import StationSettings

SETTINGS = StationSettings()
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
