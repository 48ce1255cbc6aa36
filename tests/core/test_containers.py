import pytest
from hypothesis import given
from hypothesis import strategies as st

from taftan_desk.core import containers
from taftan_desk.core.errors import ValidationError


@pytest.mark.parametrize("number", ["CSQU3054383", "MSKU3881107", "HLXU2008419", "TASU1170000"])
def test_domain_worked_examples_are_valid(number: str) -> None:
    assert containers.is_valid(number)
    assert containers.check(number).valid


def test_worked_sum_and_remainder() -> None:
    assert containers.check_digit("CSQU305438") == 3
    # TASU117000: the remainder is 10, which gives check digit 0 (not "invalid").
    total = sum(
        (containers._LETTER_VALUES[c] if c.isalpha() else int(c)) << i
        for i, c in enumerate("TASU117000")
    )
    assert total % 11 == 10
    assert containers.check_digit("TASU117000") == 0


def test_letter_values_skip_multiples_of_eleven() -> None:
    values = containers._LETTER_VALUES
    assert (
        values["A"],
        values["B"],
        values["K"],
        values["L"],
        values["U"],
        values["V"],
        values["Z"],
    ) == (10, 12, 21, 23, 32, 34, 38)
    assert not any(v % 11 == 0 for v in values.values())


def test_normalise_drops_spaces_hyphens_and_lowercase() -> None:
    assert containers.normalise(" csqu 305438-3 ") == "CSQU3054383"
    assert containers.check("csqu 305438-3").valid


def test_wrong_check_digit_suggests_the_intended_number() -> None:
    result = containers.check("CSQU3054384")
    assert not result.valid
    assert "should be 3" in result.reason
    assert "CSQU3054383" in result.suggestions


def test_category_r_is_refused() -> None:
    result = containers.check("CSQR3054381")
    assert not result.valid
    assert "U, J or Z" in result.reason


def test_trailing_junk_is_not_accepted() -> None:
    assert not containers.is_valid("CSQU3054383X")
    assert not containers.is_valid("CSQU30543831")


def test_urdu_and_arabic_indic_digits_read_as_0_to_9() -> None:
    assert containers.normalise("csqu ۳۰۵۴۳۸-۳") == "CSQU3054383"  # an Urdu keyboard's digits
    assert containers.is_valid("CSQU٣054383")  # Arabic-Indic
    assert containers.check("CSQU۳۰۵۴۳۸۳").valid  # the form's live check agrees


def test_digits_of_other_scripts_are_refused() -> None:
    assert not containers.is_valid("CSQU३054383")  # Devanagari
    assert "cannot appear" in containers.check("CSQU३054383").reason


def test_ocr_confusion_is_suggested() -> None:
    result = containers.check("CSQU3O54383")  # letter O for zero
    assert result.suggestions[0] == "CSQU3054383"


def test_transposition_is_suggested() -> None:
    result = containers.check("CSQU3504383")  # 05 swapped
    assert "CSQU3054383" in result.suggestions


def test_missing_check_digit_is_offered() -> None:
    result = containers.check("CSQU305438")
    assert result.suggestions == ("CSQU3054383",)


def test_suggestions_all_validate() -> None:
    for typo in ("CSQU3054384", "MSKU3881I07", "HLXU2OO8419", "TASU1170001"):
        suggestions = containers.check(typo).suggestions
        assert suggestions
        assert all(containers.is_valid(s) for s in suggestions)


def test_validate_raises_with_field_and_hint() -> None:
    with pytest.raises(ValidationError) as caught:
        containers.validate("CSQU3054384")
    assert caught.value.problems[0].field == "container_no"
    assert "Did you mean CSQU3054383" in str(caught.value)


@given(st.text())
def test_any_text_gives_an_answer_never_another_exception(text: str) -> None:
    result = containers.check(text)
    assert isinstance(result.reason, str) and result.reason
    if result.valid:
        assert containers.validate(text) == result.number
    else:
        with pytest.raises(ValidationError):
            containers.validate(text)


@given(st.from_regex(r"[A-Z]{3}[UJZ][0-9]{6}", fullmatch=True))
def test_every_body_with_its_check_digit_validates(body: str) -> None:
    number = body + str(containers.check_digit(body))
    assert containers.is_valid(number)
    wrong = body + str((containers.check_digit(body) + 1) % 10)
    assert not containers.is_valid(wrong)
