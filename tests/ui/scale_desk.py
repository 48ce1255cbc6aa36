"""A desk's weighbridge for the UI tests: a simulated indicator on a pseudo-terminal, streaming
frames from a thread, with the desk pointed at it as its own port would be set."""

import contextlib
import threading
from collections.abc import Iterator

from taftan_desk.devices.scale_port import Simulator
from taftan_desk.ui.main_window import MainWindow
from taftan_desk.ui.weighbridge_desk import ScaleChoice

SCALE_NAME = "Bazarcha bridge 1"


@contextlib.contextmanager
def simulated_scale(
    protocol: str, weight_kg: int, *, settle_ms: int = 300, noise_kg: int = 0
) -> Iterator[tuple[Simulator, threading.Event]]:
    """The indicator streaming until the block ends; setting the event is the cable pulled.
    (No reader thread can free an earlier test's window: tests that run Qt collect no cycles
    while they run, tests/conftest.py.)"""
    simulator = Simulator(protocol, weight_kg, settle_ms=settle_ms, rate_hz=10, noise_kg=noise_kg)
    pulled = threading.Event()
    frames = threading.Thread(target=simulator.run, args=(pulled,), daemon=True)
    frames.start()
    try:
        yield simulator, pulled
    finally:
        pulled.set()
        frames.join(5)
        simulator.close()


def point_desk_at(window: MainWindow, simulator: Simulator, key: str = "F6") -> None:
    window.weighbridge.apply(
        ScaleChoice(simulator.port, simulator.protocol, 9_600, SCALE_NAME, key)
    )
