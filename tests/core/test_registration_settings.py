import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from taftan_desk.core import registration, station_settings
from taftan_desk.core.errors import ValidationError
from taftan_desk.core.inspection import InspectionInput
from taftan_desk.core.inspection import validate as validate_inspection
from taftan_desk.core.registration import RegistrationInput, SealInput
from taftan_desk.core.station_settings import StationSettings
from tests.support import road_form

S = StationSettings()
KNOWN = {"CSQ", "MSK"}.__contains__


def _form(**changes: object) -> RegistrationInput:
    return road_form(weighed=False, **{"truck_plate": "QAA-123", **changes})


def test_a_good_registration_is_canonical() -> None:
    reg = registration.validate(
        _form(
            container_no="csqu 305438-3",
            truck_plate=" qaa-123 ",
            seals=(SealInput("ab123", "intact", "h"),),
        ),
        S,
        KNOWN,
    )
    assert reg.container_no == "CSQU3054383"
    assert reg.truck_plate == "QAA-123"
    assert reg.seals[0].number == "AB123" and reg.seals[0].seal_class.value == "H"
    assert reg.warnings == ()


def test_every_problem_is_reported_at_once_by_field() -> None:
    with pytest.raises(ValidationError) as caught:
        registration.validate(
            _form(container_no="CSQU3054384", truck_plate="", declared_net_kg="12.5", hs_code="77"),
            S,
            KNOWN,
        )
    fields = {p.field for p in caught.value.problems}
    assert fields == {"container_no", "truck_plate", "declared_net_kg", "hs_code"}


def test_rail_needs_a_wagon_or_train_and_checks_uic() -> None:
    with pytest.raises(ValidationError) as caught:
        registration.validate(_form(mode="rail", truck_plate=""), S, KNOWN)
    assert caught.value.for_field("wagon_no")
    with pytest.raises(ValidationError) as caught:
        registration.validate(_form(mode="rail", wagon_no="51 80 0843 001 1"), S, KNOWN)
    assert "should be 0" in caught.value.for_field("wagon_no")[0]
    reg = registration.validate(_form(mode="rail", wagon_no="PR 48213"), S, KNOWN)
    assert reg.wagon_no == "PR 48213" and reg.truck_plate is None


def test_warnings_do_not_block() -> None:
    reg = registration.validate(
        _form(container_no="TASU1170000", cargo_category="textiles", declared_net_kg="23000"),
        S,
        KNOWN,
    )
    text = " ".join(reg.warnings)
    assert "Owner code TAS" in text
    assert "does not fit the category Textiles" in text
    assert "over the 22,000 kg limit" in text


def test_gross_without_tare_is_a_problem() -> None:
    with pytest.raises(ValidationError) as caught:
        registration.validate(_form(gross_kg="24000"), S, KNOWN)
    assert caught.value.for_field("tare_kg")


def test_duplicate_seals_and_voucher_without_carnet() -> None:
    with pytest.raises(ValidationError) as caught:
        registration.validate(
            _form(seals=(SealInput("A1"), SealInput("a1")), tir_voucher="3"), S, KNOWN
        )
    assert {p.field for p in caught.value.problems} == {"seals", "tir_carnet"}


_texts = st.text(max_size=30)
# Naive and aware moments alike: a naive one must be a field problem, never a crash.
_moments = st.none() | st.datetimes(timezones=st.none() | st.timezones())


@settings(max_examples=200)
@given(
    st.builds(
        RegistrationInput,
        direction=_texts,
        mode=_texts,
        container_no=_texts,
        cargo_category=_texts,
        truck_plate=_texts,
        train_no=_texts,
        wagon_no=_texts,
        size_type=_texts,
        max_gross_kg=_texts,
        hs_code=_texts,
        description=_texts,
        declared_net_kg=_texts,
        gd_number=_texts,
        tir_carnet=_texts,
        tir_voucher=_texts,
        gross_kg=_texts,
        tare_kg=_texts,
        seals=st.lists(st.builds(SealInput, _texts, _texts, _texts, _texts), max_size=3).map(tuple),
    )
)
def test_arbitrary_registration_input_never_raises_anything_else(form: RegistrationInput) -> None:
    try:
        registration.validate(form, S, KNOWN)
    except ValidationError as exc:
        assert exc.problems and all(p.message for p in exc.problems)


@given(
    st.builds(
        InspectionInput,
        _texts,
        _texts,
        _texts,
        _texts,
        _texts,
        started_at=_moments,
        ended_at=_moments,
        reweigh_gross_kg=_texts,
        new_seal_no=_texts,
        remarks=_texts,
    )
)
def test_arbitrary_inspection_input_never_raises_anything_else(form: InspectionInput) -> None:
    try:
        validate_inspection(form)
    except ValidationError as exc:
        assert exc.problems


def test_prohibited_goods_cannot_be_released() -> None:
    with pytest.raises(ValidationError) as caught:
        validate_inspection(
            InspectionInput("physical", "A. Khan", "prohibited", "release", remarks="Weapons")
        )
    assert caught.value.for_field("decision")


@pytest.mark.parametrize(
    "name,value,expected",
    [
        ("cargo_limit_kg", "22,000", 22_000),
        ("random_rate_bp", 250, 250),
        ("shift_starts", "14:00, 06:00,22:00", ("06:00", "14:00", "22:00")),
        ("require_weighing_for_release", "no", False),
        ("station_code", "tft", "TFT"),
        ("timezone", "Asia/Karachi", "Asia/Karachi"),
    ],
)
def test_settings_coerce(name: str, value: object, expected: object) -> None:
    assert station_settings.coerce(name, value) == expected


@pytest.mark.parametrize(
    "name,value",
    [
        ("cargo_limit_kg", "0"),
        ("cargo_limit_kg", "22.5"),
        ("random_rate_bp", 10_001),
        ("shift_starts", "25:00"),
        ("timezone", "Mars/Olympus"),
        ("station_code", "T"),
        ("no_such_setting", 1),
    ],
)
def test_settings_refuse_bad_values(name: str, value: object) -> None:
    with pytest.raises(ValidationError):
        station_settings.coerce(name, value)


def test_settings_round_trip_and_keep_unknown_keys() -> None:
    stored = station_settings.to_mapping(StationSettings(cargo_limit_kg=20_000))
    stored["future_setting"] = "x"
    loaded = station_settings.from_mapping(stored)
    assert loaded.cargo_limit_kg == 20_000 and loaded.extra == {"future_setting": "x"}


def test_seals_typed_in_one_field() -> None:
    assert registration.parse_seals("AB12345 H, cd678 broken s; X9") == (
        SealInput("AB12345", "intact", "H"),
        SealInput("cd678", "broken", "S"),
        SealInput("X9", "intact", ""),
    )
    assert registration.parse_seals("  ,  ") == ()


def test_an_unknown_seal_word_is_reported_not_dropped() -> None:
    seals = registration.parse_seals("AB1 cracked")
    with pytest.raises(ValidationError, match="cracked"):
        registration.validate(_form(seals=seals), S, KNOWN)


@given(st.text(max_size=60))
def test_any_seal_text_parses_or_validates_cleanly(text: str) -> None:
    try:
        registration.validate(_form(seals=registration.parse_seals(text)), S, KNOWN)
    except ValidationError as exc:
        assert exc.problems


def test_documents_a_crossing_can_have_follow_its_state() -> None:
    from taftan_desk.core import paper
    from taftan_desk.core.lifecycle import Status

    assert paper.printable(Status.REGISTERED, False) == ["entry"]
    assert paper.printable(Status.RELEASED, True) == ["clearance", "entry", "exam"]
    assert paper.printable(Status.HELD, True) == ["hold", "entry", "exam"]
    assert paper.printable(Status.REFUSED, False) == ["hold", "entry"]
    assert paper.refusal("clearance", "2600000001", Status.INSPECTED, True) == (
        "A clearance slip is printed only after release; entry 2600000001 is inspected."
    )


# A form's texts as typed or scanned (not weighed, no TIR voucher), by road or by rail, with
# up to three fields from the values validate refuses or must normalise.
_GOOD_TEXTS = {
    "direction": ["in", "OUT "],
    "container_no": ["CSQU3054383", "csqu 305438-3", "MSKU1234565"],
    "cargo_category": ["steel", "oil", "gas", "Textiles", "other"],
    "size_type": ["", "22G1", "22g1", "22K2"],
    "hs_code": ["", "720839", "2711.11", "271111", "52051200"],
    "description": ["", "Steel coils", "Pièces"],
    "declared_net_kg": ["", "21000", "23,500"],
    "gd_number": ["", "KPPI-1"],
    "tir_carnet": ["", "XC1"],
}
_BY = [
    {"mode": ["road"], "truck_plate": ["QAA-123", "qaa  12"], "train_no": [""], "wagon_no": [""]},
    {"mode": ["RAIL"], "truck_plate": ["", "QAA-1"], "train_no": ["", "PR-12"],
     "wagon_no": ["PR-50000", "319601822079"]},
]  # fmt: skip
_ODD_TEXTS = {
    "direction": ["inn", ""],
    "mode": ["boat", "", "rail", "road"],
    "container_no": ["CSQU3054384", "CSQU305438", "", "۱"],
    "cargo_category": ["coal", ""],
    "truck_plate": ["", "Q@A", "QAA-9"],
    "train_no": ["", "P%", "PR-1"],
    "wagon_no": ["", "319601822070", "31 9601 822079", "W#"],
    "size_type": ["22G12", "2"],
    "hs_code": ["7700000", "x"],
    "description": ["\u202eabc", "کوائل", "x" * 301],
    "declared_net_kg": ["0", "x", "۲۱۰۰۰"],
    "gd_number": ["G#1"],
    "tir_carnet": ["X" * 21],
}
_SEAL_NUMBERS = ["PK1", "pk2", "P-1/2", "A" * 16, " ", "P K", "PK1"]


@st.composite
def _plain_forms(draw: st.DrawFn) -> tuple[dict[str, str], list[str]]:
    good = {**_GOOD_TEXTS, **draw(st.sampled_from(_BY))}
    texts = {name: draw(st.sampled_from(values)) for name, values in good.items()}
    for name in draw(st.lists(st.sampled_from(sorted(_ODD_TEXTS)), max_size=3)):
        texts[name] = draw(st.sampled_from(_ODD_TEXTS[name]))
    return texts, draw(st.lists(st.sampled_from(_SEAL_NUMBERS), max_size=3))


@settings(max_examples=600, deadline=None)
@given(_plain_forms())
def test_valid_fields_are_what_validate_gives_or_none_where_it_refuses(
    form_texts: tuple[dict[str, str], list[str]],
) -> None:
    texts, seals = form_texts
    form = RegistrationInput(**texts, seals=tuple(SealInput(n) for n in seals))  # type: ignore[arg-type]
    fields = registration.valid_fields(
        **texts, seal_numbers=seals, settings=S, is_known_owner=KNOWN
    )  # type: ignore[arg-type]
    try:
        reg = registration.validate(form, S, KNOWN)
    except ValidationError:
        assert fields is None
        return
    assert fields == registration.Fields(
        reg.direction,
        reg.mode,
        reg.container_no,
        reg.cargo_category,
        reg.truck_plate,
        reg.train_no,
        reg.wagon_no,
        reg.size_type,
        reg.hs_code,
        reg.declared_net_kg,
        reg.gd_number,
        reg.tir_carnet,
        tuple(s.number for s in reg.seals),
        reg.warnings,
    )
