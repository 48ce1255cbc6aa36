"""The desk's weighbridge through a simulated indicator on a pseudo-terminal: motion, then a
stable weight to take, then the scale going quiet (the cable pulled) said as no data."""

import threading

from taftan_desk.core.scale import State
from taftan_desk.core.station_settings import StationSettings
from taftan_desk.devices.scale_port import PortFault, PortState, Simulator
from taftan_desk.ui.scale_watch import ScaleNow, ScaleWatch

SETTINGS = StationSettings(
    scale_stable_ms=600, scale_stable_frames=4, scale_silence_ms=800, scale_min_load_kg=200
)


def test_a_stable_weight_is_offered_then_the_silence_of_a_pulled_cable(qtbot) -> None:  # type: ignore[no-untyped-def]
    simulator = Simulator("toledo", 24_620, settle_ms=600, rate_hz=10, noise_kg=20, seed=3)
    feeding = threading.Event()
    frames = threading.Thread(target=simulator.run, args=(feeding,))
    frames.start()
    watch = ScaleWatch(SETTINGS)
    seen: list[ScaleNow] = []
    watch.changed.connect(seen.append)
    try:
        watch.start(simulator.port, "toledo")
        assert watch.take() is None  # nothing stable yet
        qtbot.waitUntil(lambda: watch.now.verdict.state is State.STABLE, timeout=10_000)
        taken = watch.take()
        assert taken is not None and taken.weight_kg in (24_620, 24_640)
        assert len(taken.frames) >= 4  # the frames behind it, kept with a weighing
        states = [n.verdict.state for n in seen]
        assert State.MOTION in states and states.index(State.MOTION) < states.index(State.STABLE)
        feeding.set()  # the indicator stops talking
        frames.join(5)
        simulator.close()
        qtbot.waitUntil(lambda: watch.now.verdict.state is State.NO_DATA, timeout=10_000)
        assert watch.take() is None
    finally:
        watch.stop()
        feeding.set()
        simulator.close()


def test_the_ports_faults_are_said_in_the_desks_language(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The reader says a port's state in English for logs and the command line; the desk
    says it through its translation, the port's name filled in after."""
    gone = PortState(False, "/dev/ttyUSB0", "toledo", PortFault.GONE)
    assert gone.words() == (
        "/dev/ttyUSB0: the port is gone (cable unplugged?); trying again every 1 s"
    )
    catalogue = {
        "{port}: the port is gone (cable unplugged?); trying again every {s} s": (
            "{port}: پورٹ موجود نہیں (کیبل نکلی ہوئی؟)؛ ہر {s} سیکنڈ بعد دوبارہ"
        ),
        "{port}: {detail}; trying again every {s} s": "{port}: {detail}؛ ہر {s} سیکنڈ بعد دوبارہ",
    }
    monkeypatch.setattr(ScaleWatch, "tr", lambda _self, text: catalogue.get(text, text))
    watch = ScaleWatch(SETTINGS)
    watch._event((gone, 1_000))
    assert (
        watch.now.port == "/dev/ttyUSB0: پورٹ موجود نہیں (کیبل نکلی ہوئی؟)؛ ہر 1 سیکنڈ بعد دوبارہ"
    )
    other = PortState(False, "COM3", "toledo", PortFault.OTHER, "Permission denied")
    watch._event((other, 2_000))
    assert watch.now.port == "COM3: Permission denied؛ ہر 1 سیکنڈ بعد دوبارہ"
    watch._event((PortState(True, "COM3", "toledo"), 3_000))
    assert watch.now.port == ""  # open: nothing wrong to say
