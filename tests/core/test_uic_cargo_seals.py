import pytest
from hypothesis import given
from hypothesis import strategies as st

from taftan_desk.core import cargo, seals, uic
from taftan_desk.core.cargo import CargoCategory
from taftan_desk.core.errors import ValidationError


@pytest.mark.parametrize("number", ["21 81 2471 217 3", "51 80 0843 001 0", "518008430010"])
def test_uic_worked_examples(number: str) -> None:
    result = uic.check(number)
    assert result.is_uic and result.valid


def test_uic_wrong_check_digit_says_which() -> None:
    result = uic.check("51 80 0843 001 1")
    assert not result.valid
    assert "should be 0" in result.reason


def test_uic_country_named_for_corridor_codes() -> None:
    first = "3196" + "1234567"
    number = first + str(uic.check_digit(first))
    assert "Iran" in uic.check(number).reason


def test_pakistani_wagon_numbers_are_free_text() -> None:
    result = uic.check("PR-48213")
    assert not result.is_uic and result.valid


@given(st.text())
def test_uic_any_text_never_raises(text: str) -> None:
    result = uic.check(text)
    assert isinstance(result.valid, bool)


@pytest.mark.parametrize(
    "text,expected",
    [
        ("271112", "271112"),
        ("2711.12 00", "27111200"),
        ("72083900", "72083900"),
        ("۲۷۱۱.۱۲", "271112"),  # an Urdu keyboard's digits
        ("٧٢٠٨٣٩", "720839"),  # Arabic-Indic
    ],
)
def test_hs_codes_normalise(text: str, expected: str) -> None:
    assert cargo.validate_hs(text) == expected


@pytest.mark.parametrize(
    "text", ["2711", "271112345", "27111A", "२७१११२", "770000", "000000", "2711121", ""]
)
def test_hs_codes_refused_with_a_message(text: str) -> None:
    with pytest.raises(ValidationError) as caught:
        cargo.validate_hs(text)
    assert caught.value.problems[0].field == "hs_code"
    assert str(caught.value)


@given(st.text())
def test_hs_any_text_is_valid_or_a_validation_error(text: str) -> None:
    try:
        code = cargo.validate_hs(text)
    except ValidationError as exc:
        assert str(exc)
    else:
        assert code.isascii() and code.isdigit() and len(code) in (6, 8)


@pytest.mark.parametrize(
    "code,category",
    [
        ("270900", CargoCategory.OIL),
        ("271019", CargoCategory.OIL),
        ("271112", CargoCategory.GAS),
        ("720839", CargoCategory.STEEL),
        ("730630", CargoCategory.STEEL),
        ("842952", CargoCategory.INDUSTRIAL),
        ("850239", CargoCategory.INDUSTRIAL),
        ("520100", CargoCategory.TEXTILES),
        ("630260", CargoCategory.TEXTILES),
    ],
)
def test_hs_chapters_fit_their_category(code: str, category: CargoCategory) -> None:
    assert cargo.hs_category_warning(code, category) is None


def test_hs_contradicting_category_warns_in_words() -> None:
    warning = cargo.hs_category_warning("720839", CargoCategory.TEXTILES)
    assert warning and "7208" in warning and "Textiles" in warning
    assert cargo.hs_category_warning("271112", CargoCategory.OTHER)
    assert cargo.hs_category_warning("100630", CargoCategory.OTHER) is None


def test_dangerous_goods_hint_for_oil_and_gas_only() -> None:
    assert cargo.dangerous_goods_hint(CargoCategory.OIL, "271019").adr_class == "3"
    lng = cargo.dangerous_goods_hint(CargoCategory.GAS, "27111100")
    assert lng.adr_class == "2.1" and "UN1972" in lng.text
    assert cargo.dangerous_goods_hint(CargoCategory.TEXTILES, "520100") is None


def test_seal_numbers_are_text_with_a_length_limit() -> None:
    assert seals.normalise_seal_number(" ab 12345 ") == "AB12345"
    with pytest.raises(ValidationError):
        seals.normalise_seal_number("X" * 16)
    with pytest.raises(ValidationError):
        seals.normalise_seal_number("AB#1")


def test_only_intact_seals_are_not_a_risk() -> None:
    assert [s for s in seals.SealState if s.is_risk] == [
        seals.SealState.BROKEN,
        seals.SealState.MISSING,
        seals.SealState.DIFFERENT,
    ]


def test_urdu_digits_in_wagon_and_seal_numbers_read_as_0_to_9() -> None:
    assert uic.check("۲۱ ۸۱ ۲۴۷۱ ۲۱۷ ۳").valid
    assert seals.normalise_seal_number("ab۱۲۳۴۵") == "AB12345"
