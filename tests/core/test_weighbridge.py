"""A weighing's figures and where they came from: the container's gross is the weighbridge
reading less the vehicle's tare; anything typed needs a reason; a reading said to come from
the scale holds only if its own frames say so (domain.md §6 and §12)."""

import dataclasses
import re

import pytest

from taftan_desk.core import registration, scale, station_settings, uic, weighbridge
from taftan_desk.core.errors import ValidationError
from taftan_desk.core.station_settings import StationSettings
from taftan_desk.core.weighbridge import Remembered, Source, Taken, VehicleKind

SETTINGS = StationSettings()  # interval 20 kg, 6 frames, 200 kg minimum load
REASON = "Scale out of order, read from the display."


def _taken(
    kg: int,
    protocol: str = "st-gs",
    *,
    frames: tuple[bytes, ...] | None = None,
    count: int = 8,
    interval: int = 20,
) -> Taken:
    """A reading as the indicator gave it: `count` frames of `kg` unless frames are given."""
    if frames is None:
        frames = tuple(scale.encode(protocol, kg) for _ in range(count))
    return Taken(kg, frames, "Bridge 1", protocol, interval)


def _remembered(kg: int) -> Remembered:
    return Remembered(7, kg, "W26-000007", Source.SCALE, "27 Nov 2026")


def _problems(exc: pytest.ExceptionInfo[ValidationError]) -> dict[str, str]:
    return {p.field: p.message for p in exc.value.problems}


# -- the container's gross ------------------------------------------------------------------


def test_container_gross_is_the_bridge_reading_less_the_vehicle_tare() -> None:
    figures = weighbridge.loaded("39,300", "16000", _taken(39_300), _remembered(16_000), "")
    assert figures == weighbridge.Figures(
        bridge_kg=39_300,
        bridge_source=Source.SCALE,
        vehicle_tare_kg=16_000,
        tare_source=Source.REMEMBERED,
        container_gross_kg=23_300,
        reason="",
    )
    assert not figures.typed


@pytest.mark.parametrize("bridge,tare", [(15_000, 16_000), (16_000, 16_000)])
def test_a_vehicle_tare_not_under_the_reading_is_refused_naming_both(
    bridge: int, tare: int
) -> None:
    with pytest.raises(ValidationError) as caught:
        weighbridge.loaded(bridge, tare, None, None, REASON)
    message = _problems(caught)["vehicle_tare_kg"]
    assert f"({tare:,} kg)" in message and f"({bridge:,} kg)" in message


def test_a_vehicle_tare_just_under_the_reading_leaves_one_interval() -> None:
    figures = weighbridge.loaded(16_020, 16_000, None, None, REASON)
    assert figures is not None and figures.container_gross_kg == 20


def test_neither_half_given_is_no_weighing() -> None:
    assert weighbridge.loaded("", "  ", None, None, "") is None


@pytest.mark.parametrize(
    "bridge,tare,missing",
    [
        ("", "16000", "bridge_kg"),
        ("39300", "", "vehicle_tare_kg"),
        ("39300", " ", "vehicle_tare_kg"),
    ],
)
def test_a_missing_half_is_named_by_its_field(bridge: str, tare: str, missing: str) -> None:
    with pytest.raises(ValidationError) as caught:
        weighbridge.loaded(bridge, tare, None, None, REASON)
    assert list(_problems(caught)) == [missing]


def test_both_halves_unreadable_are_named_at_once() -> None:
    with pytest.raises(ValidationError) as caught:
        weighbridge.loaded("abc", "-5", None, None, REASON)
    assert set(_problems(caught)) == {"bridge_kg", "vehicle_tare_kg"}


# -- a reason exactly when something is typed ---------------------------------------------


def test_read_from_the_scale_and_remembered_needs_no_reason() -> None:
    figures = weighbridge.loaded(39_300, 16_000, _taken(39_300), _remembered(16_000), "")
    assert figures is not None
    assert (figures.bridge_source, figures.tare_source) == (Source.SCALE, Source.REMEMBERED)
    assert figures.reason == ""


_TYPED_CASES = {
    "bridge typed, no reading": (39_300, 16_000, None, _remembered(16_000), Source.TYPED, None),
    "bridge differs from the reading": (
        39_320, 16_000, _taken(39_300), _remembered(16_000), Source.TYPED, Source.REMEMBERED
    ),
    "tare differs from the remembered": (
        39_300, 16_020, _taken(39_300), _remembered(16_000), Source.SCALE, Source.TYPED
    ),
    "tare not remembered": (39_300, 16_000, _taken(39_300), None, Source.SCALE, Source.TYPED),
}  # fmt: skip


@pytest.mark.parametrize("case", list(_TYPED_CASES))
def test_anything_typed_needs_a_reason(case: str) -> None:
    bridge, tare, taken, remembered, _, _ = _TYPED_CASES[case]
    with pytest.raises(ValidationError) as caught:
        weighbridge.loaded(bridge, tare, taken, remembered, "")
    assert list(_problems(caught)) == [weighbridge.REASON_FIELD]
    assert "Say why the weight was typed" in _problems(caught)[weighbridge.REASON_FIELD]


@pytest.mark.parametrize("case", list(_TYPED_CASES))
def test_with_a_reason_typed_figures_are_taken_and_say_so(case: str) -> None:
    bridge, tare, taken, remembered, bridge_source, tare_source = _TYPED_CASES[case]
    figures = weighbridge.loaded(bridge, tare, taken, remembered, f"  {REASON} ")
    assert figures is not None and figures.typed
    assert figures.bridge_source is bridge_source
    if tare_source is not None:
        assert figures.tare_source is tare_source
    assert figures.reason == REASON
    assert figures.container_gross_kg == bridge - tare


@pytest.mark.parametrize("reason", ["", "     ", "\t\n", "abc", " ab  "])
def test_a_blank_or_too_short_reason_is_refused(reason: str) -> None:
    with pytest.raises(ValidationError) as caught:
        weighbridge.loaded(39_300, 16_000, None, None, reason)
    assert list(_problems(caught)) == [weighbridge.REASON_FIELD]


def test_sources_follow_the_figure_not_the_presence_of_a_reading() -> None:
    assert weighbridge.bridge_source(39_300, _taken(39_300)) is Source.SCALE
    assert weighbridge.bridge_source(39_300, None) is Source.TYPED
    assert weighbridge.bridge_source(39_280, _taken(39_300)) is Source.TYPED
    assert weighbridge.tare_source(16_000, _remembered(16_000)) is Source.REMEMBERED
    assert weighbridge.tare_source(16_000, None) is Source.TYPED
    assert weighbridge.tare_source(15_980, _remembered(16_000)) is Source.TYPED


# -- a reading from the scale agrees with its own frames --------------------------------------


@pytest.mark.parametrize("protocol", ["xk3190", "toledo", "st-gs"])
def test_a_genuine_stable_reading_is_accepted_for_each_protocol(protocol: str) -> None:
    weighbridge.verify_taken(_taken(24_620, protocol), SETTINGS)


def test_frames_within_one_interval_ending_on_the_weight_are_accepted() -> None:
    frames = tuple(scale.encode("st-gs", kg) for kg in (24_600, 24_620, 24_600, 24_620) * 2)
    weighbridge.verify_taken(_taken(24_620, frames=frames), SETTINGS)


def test_exactly_the_stations_frame_count_and_minimum_load_are_enough() -> None:
    weighbridge.verify_taken(_taken(24_620, count=SETTINGS.scale_stable_frames), SETTINGS)
    weighbridge.verify_taken(_taken(SETTINGS.scale_min_load_kg), SETTINGS)


def _frames(protocol: str, *weights: int, motion: bool = False) -> tuple[bytes, ...]:
    return tuple(scale.encode(protocol, kg, motion=motion) for kg in weights)


def _bad_checksum(frame: bytes) -> bytes:
    """An xk3190 frame whose two check characters no longer match its body."""
    wrong = b"00" if frame[9:11] != b"00" else b"01"
    return frame[:9] + wrong + frame[11:]


_EIGHT = (24_620,) * 8
_REFUSED = {
    "frames of another weight": _taken(30_000, frames=_frames("st-gs", *(20_000,) * 8)),
    "last frame not the weight": _taken(
        24_620, frames=_frames("st-gs", *(24_620,) * 7, 24_600)
    ),
    "toledo motion bit": _taken(24_620, "toledo", frames=_frames("toledo", *_EIGHT, motion=True)),
    "st-gs unstable (US)": _taken(24_620, frames=_frames("st-gs", *_EIGHT, motion=True)),
    "one frame in motion": _taken(
        24_620, frames=_frames("st-gs", *(24_620,) * 4) + _frames("st-gs", 24_620, motion=True)
        + _frames("st-gs", *(24_620,) * 3)
    ),
    "st-gs net mode": _taken(24_620, frames=(b"ST,NT,+0024620kg\r\n",) * 8),
    "xk3190 bad checksum": _taken(
        24_620, "xk3190",
        frames=_frames("xk3190", *(24_620,) * 3)
        + (_bad_checksum(scale.encode("xk3190", 24_620)),)
        + _frames("xk3190", *(24_620,) * 7),
    ),
    "too few frames": _taken(24_620, count=SETTINGS.scale_stable_frames - 1),
    "no frames": _taken(24_620, frames=()),
    "spread over one interval": _taken(
        24_640, frames=_frames("st-gs", *(24_600,) * 4, *(24_640,) * 4)
    ),
    "another interval than the station's": _taken(24_620, interval=10),
    "below the minimum load": _taken(SETTINGS.scale_min_load_kg - 20),
    "unknown protocol": _taken(
        24_620, "mettler", frames=_frames("st-gs", *_EIGHT)
    ),
}  # fmt: skip


@pytest.mark.parametrize("case", list(_REFUSED))
def test_a_reading_its_frames_do_not_bear_out_is_refused(case: str) -> None:
    with pytest.raises(ValidationError) as caught:
        weighbridge.verify_taken(_REFUSED[case], SETTINGS)
    assert list(_problems(caught)) == ["bridge_kg"]
    assert "does not agree with the frames" in str(caught.value)


def test_the_bad_checksum_frame_is_a_real_frame_but_for_its_check() -> None:
    good = scale.encode("xk3190", 24_620)
    bad = _bad_checksum(good)
    assert len(bad) == len(good) and bad != good
    decoder = scale.decoder("xk3190")
    assert decoder.feed(bad) == [] and decoder.dropped >= 1
    assert len(scale.decoder("xk3190").feed(good)) == 1


def test_the_stations_own_rules_decide() -> None:
    loose = StationSettings(scale_interval_kg=50, scale_stable_frames=3, scale_min_load_kg=0)
    three = _taken(24_640, frames=_frames("st-gs", 24_600, 24_640, 24_640), interval=50)
    weighbridge.verify_taken(three, loose)
    with pytest.raises(ValidationError):
        weighbridge.verify_taken(three, SETTINGS)


def test_a_station_that_names_its_weighbridges_takes_weights_only_from_them() -> None:
    station = StationSettings(scales=station_settings.coerce("scales", "Bridge 1=st-gs"))
    weighbridge.verify_taken(_taken(24_640), station)  # the station's scale, its protocol
    weighbridge.verify_taken(_taken(24_640, "xk3190"), SETTINGS)  # no names: the desk's
    with pytest.raises(ValidationError, match="sends st-gs by the station's settings"):
        weighbridge.verify_taken(_taken(24_640, "xk3190"), station)
    elsewhere = dataclasses.replace(_taken(24_640), scale_id="Bridge 9")
    with pytest.raises(ValidationError) as caught:
        weighbridge.verify_taken(elsewhere, station)
    assert (
        "scale 'Bridge 9', which is not one of the station's weighbridges (Bridge 1)"
        in (_problems(caught)["bridge_kg"])
    )


def test_a_registration_from_a_scale_the_station_does_not_name_is_refused() -> None:
    station = StationSettings(scales="Rail bridge=st-gs")
    form = registration.WeighingInput(
        bridge_kg=37_300, vehicle_tare_kg=14_000, tare_kg=2_300, taken=_taken(37_300)
    )
    with pytest.raises(ValidationError) as caught:
        registration.check_weighing(form, station, (VehicleKind.TRUCK, "QAA-1"))
    assert "not one of the station's weighbridges" in _problems(caught)["bridge_kg"]


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("", ""),
        (
            "  Bazarcha   bridge 1 = XK3190 ;Rail bridge=toledo; ",
            "Bazarcha bridge 1=xk3190; Rail bridge=toledo",
        ),
    ],
)
def test_the_stations_weighbridges_are_kept_in_one_form(typed: str, stored: str) -> None:
    assert station_settings.coerce("scales", typed) == stored
    assert list(station_settings.scale_protocols(StationSettings(scales=stored))) == [
        part.split("=")[0] for part in stored.split("; ") if part
    ]


def test_a_stored_weighbridge_list_that_no_longer_reads_is_kept_and_matches_nothing() -> None:
    """A protocol since renamed, or a hand-edited database: every desk still starts, and a
    weight from that scale is refused rather than the rule falling away."""
    stored = station_settings.from_mapping({"scales": "Bridge 1=cas; Bridge 2"})
    assert station_settings.scale_protocols(stored) == {"Bridge 1": "cas", "Bridge 2": ""}
    for protocol in ("st-gs", "xk3190"):
        with pytest.raises(ValidationError, match="by the station's settings"):
            weighbridge.verify_taken(_taken(24_640, protocol), stored)


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("Bridge 1", "is its name, '=', then its protocol"),
        ("=xk3190", "is its name, '=', then its protocol"),
        ("Bridge 1=cas", "'cas' is not a protocol the desk reads; choose one of xk3190"),
        ("Bridge 1=xk3190; bridge  1=toledo", "Scale 'bridge 1' is named twice"),
        ("B" * 41 + "=xk3190", "longer than 40 characters"),
        ("Bridge\x071=xk3190", "invisible control character U+0007"),
        ("Rail bridge=xk3190; Rail bridge\u200b=xk3190", "U+200B ZERO WIDTH SPACE"),
        ("پل 1=st-gs", "which the printed documents cannot show yet"),
    ],
)
def test_a_weighbridge_list_that_cannot_be_read_is_refused_saying_why(
    typed: str, said: str
) -> None:
    with pytest.raises(ValidationError, match=re.escape(said)):
        station_settings.coerce("scales", typed)


# -- a registration's weighing ------------------------------------------------------------


def test_a_forged_reading_is_refused_by_the_registrations_rules() -> None:
    forged = _taken(30_000, frames=_frames("st-gs", *(20_000,) * 8))
    form = registration.WeighingInput(
        bridge_kg=30_000, vehicle_tare_kg=16_000, tare_kg=2_300, taken=forged
    )
    with pytest.raises(ValidationError) as caught:
        registration.check_weighing(form, SETTINGS, (VehicleKind.TRUCK, "QAA-1"))
    assert "bridge_kg" in _problems(caught)


def test_a_registrations_weighing_looks_up_its_vehicles_tare() -> None:
    asked: list[tuple[VehicleKind, str]] = []

    def remembered(kind: VehicleKind, number: str) -> Remembered | None:
        asked.append((kind, number))
        return _remembered(16_000)

    form = registration.WeighingInput(
        bridge_kg=39_300, vehicle_tare_kg=16_000, tare_kg=2_300, taken=_taken(39_300)
    )
    weighed = registration.check_weighing(form, SETTINGS, (VehicleKind.TRUCK, "QAA-1"), remembered)
    assert asked == [(VehicleKind.TRUCK, "QAA-1")]
    assert (weighed.gross_kg, weighed.tare_kg, weighed.reason) == (23_300, 2_300, "")
    assert weighed.figures is not None and weighed.figures.tare_source is Source.REMEMBERED


def test_without_a_remembered_tare_the_vehicle_tare_counts_as_typed() -> None:
    """Only the reason is asked for: the reading was given, so nothing says to take it."""
    form = registration.WeighingInput(
        bridge_kg=39_300, vehicle_tare_kg=16_000, tare_kg=2_300, taken=_taken(39_300)
    )
    with pytest.raises(ValidationError) as caught:
        registration.check_weighing(form, SETTINGS, (VehicleKind.TRUCK, "QAA-1"))
    assert list(_problems(caught)) == [weighbridge.REASON_FIELD]


def test_a_container_gross_typed_as_such_needs_a_reason_and_not_a_bridge_too() -> None:
    bare = registration.WeighingInput(gross_kg=23_300, tare_kg=2_300)
    with pytest.raises(ValidationError) as caught:
        registration.check_weighing(bare, SETTINGS, None)
    assert list(_problems(caught)) == [weighbridge.REASON_FIELD]
    both = registration.WeighingInput(
        gross_kg=23_300, tare_kg=2_300, bridge_kg=39_300, weight_reason=REASON
    )
    with pytest.raises(ValidationError, match="not both"):
        registration.check_weighing(both, SETTINGS, None)


@pytest.mark.parametrize(
    "mode,plate,wagon,expected",
    [
        (registration.Mode.ROAD, "QAA-1", None, (VehicleKind.TRUCK, "QAA-1")),
        (registration.Mode.RAIL, None, "50000", (VehicleKind.WAGON, "50000")),
        (registration.Mode.RAIL, None, None, None),
        (registration.Mode.ROAD, None, None, None),
    ],
)
def test_the_vehicle_a_tare_belongs_to(
    mode: registration.Mode,
    plate: str | None,
    wagon: str | None,
    expected: tuple[VehicleKind, str] | None,
) -> None:
    assert registration.vehicle_of(mode, plate, wagon) == expected


def test_vehicle_numbers_take_the_registrations_canonical_form() -> None:
    assert registration.vehicle_number(True, "  qaa   7 ") == "QAA 7"
    body = "31523970123"
    number = body + str(uic.check_digit(body))
    spaced = f"{number[:2]} {number[2:4]} {number[4:8]} {number[8:11]}-{number[11]}"
    assert registration.vehicle_number(False, spaced) == number
    assert registration.vehicle_number(True, "   ") is None


# -- frames as text ---------------------------------------------------------------------------


def test_a_frame_is_shown_with_its_control_bytes_named_and_lt_escaped() -> None:
    raw = b"\x02<ST>\x03\r\n\x00\x7f\xff~ "
    assert weighbridge.show_frame(raw) == "<STX><x3C>ST><ETX><CR><LF><x00><x7F><xFF>~ "


@pytest.mark.parametrize(
    "protocol,shown",
    [
        ("st-gs", "ST,GS,+0024620kg<CR><LF>"),
        ("xk3190", "<STX>+024620019<ETX>"),
    ],
)
def test_real_frames_read_as_the_manual_prints_them(protocol: str, shown: str) -> None:
    assert weighbridge.show_frame(scale.encode(protocol, 24_620)) == shown


def test_a_shown_frame_cannot_pass_for_a_control_name() -> None:
    """Typed text '<STX>' and the byte STX must not look the same."""
    assert weighbridge.show_frame(b"<STX>") != weighbridge.show_frame(b"\x02")


def test_only_the_newest_frames_are_kept_one_a_line() -> None:
    frames = tuple(scale.encode("st-gs", 1_000 + i) for i in range(weighbridge.MAX_FRAMES_KEPT + 6))
    lines = weighbridge.show_frames(frames).split("\n")
    assert len(lines) == weighbridge.MAX_FRAMES_KEPT
    assert lines[0] == weighbridge.show_frame(frames[6])
    assert lines[-1] == weighbridge.show_frame(frames[-1])


def test_a_tare_typed_at_its_empty_weighing_stays_typed_where_it_is_taken() -> None:
    """A tare typed once (from papers) and remembered cannot launder later weighings into
    'read': each carries the reason it was typed with, and the ticket, and so says TYPED."""
    typed = Remembered(7, 14_000, "W26-000007", Source.TYPED, "01 Dec 2026", "From its papers")
    figures = weighbridge.loaded("37300", "14000", _taken(37_300), typed, "")
    assert figures is not None and figures.tare_source is Source.TYPED  # marked where shown
    assert figures.reason == "Vehicle tare typed at its empty weighing W26-000007: From its papers"
    long = weighbridge.loaded("37300", "14000", None, typed, "x" * 500)
    assert long is not None and long.reason.endswith("From its papers")  # never cut off
    both = weighbridge.loaded("37300", "14000", None, typed, "Scale down")
    assert both is not None
    assert both.reason.startswith("Scale down · Vehicle tare typed at its empty weighing")
    weighed = weighbridge.loaded("37300", "14000", _taken(37_300), _remembered(14_000), "")
    assert weighed is not None and weighed.reason == ""  # weighed empty on the scale: read
    assert weighed.tare_source is Source.REMEMBERED
