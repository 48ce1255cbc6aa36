"""A weighbridge weight becoming stable -> shown at the desk: prints numbers, asserts nothing.

    .venv/bin/python benchmarks/bench_scale.py [--trials 10] [--rate 10]

For each protocol, a simulated indicator on a pseudo-terminal rolls a vehicle on (motion),
then stands; the desk's ScaleWatch reads it off the GUI thread (the background stream) and
judges it by the station's rules, and the weighing area (the desk's own widget, shown, with F6
pressed early so it waits) takes the weight. Measured for each trial: the frame that made the
weight stable arriving at the port's reader -> the weight in the reading's field and the
weighing area repainted. Target (issue 13): <= 100 ms.
"""

import argparse
import os
import sys
import threading
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.timing import Timing  # noqa: E402
from taftan_desk.core.scale import PROTOCOLS  # noqa: E402
from taftan_desk.core.station_settings import StationSettings  # noqa: E402
from taftan_desk.devices.scale_port import Simulator, now_ms  # noqa: E402

SETTINGS = StationSettings(scale_stable_ms=1_000, scale_stable_frames=5)


def trial(app, protocol: str, rate: float) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    """(stable frame arrived -> taken and painted, ms; vehicle on -> stable shown, s)."""
    from taftan_desk.ui.scale_watch import ScaleWatch
    from taftan_desk.ui.widgets.weighing_fields import WeighingFields

    simulator = Simulator(protocol, 24_620, settle_ms=500, rate_hz=rate, noise_kg=20)
    feeding = threading.Event()
    frames = threading.Thread(target=simulator.run, args=(feeding,))
    watch = ScaleWatch(SETTINGS)
    area = WeighingFields(None, SETTINGS)  # type: ignore[arg-type]  # no vehicle looked up
    area.watch(watch, "bench", protocol)
    area.show()
    shown: list[tuple[int, int]] = []  # (frame arrived, shown) in monotonic ms

    def changed() -> None:
        if not shown:
            area.repaint()  # painted, not just set: what the officer sees
            shown.append((watch.now.at_ms, now_ms()))

    area.taken_now.connect(changed)
    area.take()  # F6 pressed as the vehicle rolls on: taken as soon as it is stable
    started = time.monotonic()
    watch.start(simulator.port, protocol)
    frames.start()
    deadline = started + 15
    while not shown and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.001)
    elapsed = time.monotonic() - started
    watch.stop()
    area.close()
    feeding.set()
    frames.join(5)
    simulator.close()
    if not shown:
        raise SystemExit(f"{protocol}: no stable weight within 15 s")
    arrived, seen = shown[0]
    return float(seen - arrived), elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trials", type=int, default=10)
    parser.add_argument("--rate", type=float, default=10.0, help="frames a second")
    args = parser.parse_args()
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv)
    print(f"{'protocol':<8} {'p50 ms':>7} {'p95 ms':>7} {'max ms':>7}  stable after (s)")
    for protocol in PROTOCOLS:
        runs = [trial(app, protocol, args.rate) for _ in range(args.trials)]
        timing = Timing(protocol, [latency for latency, _ in runs])
        settle = sorted(seconds for _, seconds in runs)
        print(
            f"{protocol:<8} {timing.pct(50):>7.1f} {timing.pct(95):>7.1f} "
            f"{max(timing.samples_ms):>7.1f}  {settle[len(settle) // 2]:.2f}"
        )
    print(
        f"target: stable -> shown <= 100 ms; {args.rate:g} frames/s, window "
        f"{SETTINGS.scale_stable_ms} ms, {SETTINGS.scale_stable_frames} frames"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
