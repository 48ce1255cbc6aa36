import pytest
from hypothesis import given
from hypothesis import strategies as st

from taftan_desk.core import weights
from taftan_desk.core.errors import ValidationError
from taftan_desk.core.station_settings import StationSettings
from taftan_desk.core.weights import Rule

S = StationSettings()


def test_r1_22000_passes_and_22001_fails() -> None:
    assert weights.check_r1(22_000, S).passed
    over = weights.check_r1(22_001, S)
    assert not over.passed
    assert "1 kg over" in over.reason
    assert over.margin_kg == -1


def test_r1_limit_is_a_station_setting() -> None:
    assert not weights.check_r1(20_001, StationSettings(cargo_limit_kg=20_000)).passed


def test_r2_uses_plate_or_the_default_rating() -> None:
    assert weights.check_r2(30_480, None, S).passed
    failed = weights.check_r2(30_481, None, S)
    assert not failed.passed and "station default" in failed.reason
    assert not weights.check_r2(30_000, 28_000, S).passed


def test_an_assumed_plate_says_where_the_assumption_comes_from() -> None:
    assert weights.assumed_plate(32_500, "22G1", 30_480) is None  # the plate was recorded
    named = weights.assumed_plate(None, " 22g1 ", 30_480)
    assert named is not None and named.words() == "30,480 kg assumed for 22G1 (station default)"
    for not_a_code in (None, "", "22", "22G1X", "22-1"):
        plain = weights.assumed_plate(None, not_a_code, 30_480)
        assert plain is not None and plain.words() == "30,480 kg assumed (station default)"
    assert weights.assumed_plate(0, "45G1", 32_000).words() == (  # type: ignore[union-attr]
        "32,000 kg assumed for 45G1 (station default)"
    )


def test_assumed_plate_words_go_through_the_edges_translation() -> None:
    plate = weights.AssumedPlate(30_480, "22G1")
    assert plate.words(lambda t: "~" + t) == "~30,480 kg assumed for 22G1 (station default)"


def test_r2_and_the_live_line_say_the_plate_is_assumed_and_for_which_box() -> None:
    within = weights.check_r2(24_000, None, S, size_type="22G1")
    assert within.passed and within.limit_kg == 30_480
    assert within.reason == (
        "Gross 24,000 kg is within the container rating; plate maximum not recorded, "
        "30,480 kg assumed for 22G1 (station default)."
    )
    over = weights.check_r2(33_300, None, S)
    assert over.reason == (
        "Over container rating: gross 33,300 kg is 2,820 kg over the maximum; plate maximum "
        "not recorded, 30,480 kg assumed (station default)."
    )
    plated = weights.check_r2(33_300, 34_000, S, size_type="22G1")
    assert plated.reason.endswith("within the container rating of 34,000 kg from the plate.")
    text, ok = weights.net_summary("33300", "2300", S, size_type="45G1")
    assert not ok and "30,480 kg assumed for 45G1 (station default)" in text
    text, _ = weights.net_summary("33300", "2300", S, "34000", size_type="45G1")
    assert "assumed" not in text and "34,000 kg from the plate" in text


def test_scale_permissible_error_doubled_in_service() -> None:
    # e = 20 kg at 24,620 kg: 1,231 e is in the 500-2,000 e band, ±1 e, doubled: 40 kg.
    assert weights.permissible_error_kg(24_620, 20) == 40
    assert weights.permissible_error_kg(10_000, 20) == 20
    assert weights.permissible_error_kg(10_020, 20) == 40
    assert weights.permissible_error_kg(50_000, 20) == 60


def test_r3_tolerance_is_the_largest_of_share_floor_and_scale() -> None:
    assert weights.r3_tolerance_kg(20_000, 24_000, S) == 1_000  # 5 %
    assert weights.r3_tolerance_kg(4_000, 8_000, S) == 500  # floor
    small = StationSettings(r3_tolerance_bp=0, r3_min_tolerance_kg=0)
    assert weights.r3_tolerance_kg(20_000, 24_620, small) == 40  # never below the scale error


def test_r3_boundary() -> None:
    assert weights.check_r3(21_000, 20_000, 23_000, S).passed
    assert not weights.check_r3(21_001, 20_000, 23_001, S).passed


def test_r3_spots_a_declared_gross_given_as_net() -> None:
    check = weights.check_r3(net_kg=18_000, declared_net_kg=20_300, gross_kg=20_300, settings=S)
    assert not check.passed
    assert "tare may not have been deducted" in check.reason


def test_reversed_gross_and_tare_are_refused() -> None:
    with pytest.raises(ValidationError) as caught:
        weights.net_from(2_300, 24_300)
    assert "swapped" in str(caught.value)


def test_assess_runs_all_three_checks() -> None:
    result = weights.assess(24_301, 2_300, 22_000, None, S)
    assert result.net_kg == 22_001
    assert [c.rule for c in result.failed()] == [Rule.R1]


@pytest.mark.parametrize(
    "text,expected",
    [("24620", 24_620), ("24,620", 24_620), ("24 620 kg", 24_620), (24_620, 24_620)],
)
def test_parse_kg(text: str | int, expected: int) -> None:
    assert weights.parse_kg(text, "gross_kg", "gross") == expected


@pytest.mark.parametrize(
    "text", ["24.6", "-5", "0", "२४६२०", "abc", "1000000", "2100,5", "24,62", "2,46,20"]
)
def test_parse_kg_refuses_with_a_message(text: str) -> None:
    with pytest.raises(ValidationError) as caught:
        weights.parse_kg(text, "gross_kg", "gross")
    assert caught.value.problems[0].field == "gross_kg"


@given(st.text())
def test_parse_kg_any_text_is_whole_kg_or_a_validation_error(text: str) -> None:
    try:
        value = weights.parse_kg(text, "gross_kg", "gross", required=False)
    except ValidationError as exc:
        assert str(exc)
    else:
        assert value is None or (isinstance(value, int) and 0 < value <= weights.MAX_PLAUSIBLE_KG)


@pytest.mark.parametrize(
    "text",
    ["۲۴۶۲۰", "٢٤٦٢٠", "۲۴,۶۲۰", "٢٤٬٦٢٠", "۲۴۶۲۰ kg"],
    ids=["urdu", "arabic-indic", "urdu-comma", "arabic-separator", "urdu-kg"],
)
def test_urdu_and_arabic_indic_digits_are_whole_kilograms(text: str) -> None:
    assert weights.parse_kg(text, "gross_kg", "gross") == 24_620
