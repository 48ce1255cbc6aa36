"""`taftan-desk scale simulate` and `scale read` end to end through a pseudo-terminal, for
every protocol; a reading that never settles; the cable pulled mid-reading; a port that
comes back."""

import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from taftan_desk.core.scale import Reading
from taftan_desk.devices.scale_port import PortState, ScaleReader, Simulator
from tests.cli.test_cli import home, run  # noqa: F401 (fixture)


def _simulate(*args: str) -> tuple[subprocess.Popen[str], str]:
    process = subprocess.Popen(
        [sys.executable, "-m", "taftan_desk", "scale", "simulate", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    port = process.stdout.readline().strip()
    assert port.startswith("/dev/"), process.stderr.read() if process.stderr else port
    return process, port


@pytest.mark.parametrize("protocol", ["xk3190", "toledo", "st-gs"])
def test_the_first_stable_reading_of_each_protocol(home: Path, protocol: str) -> None:  # noqa: F811
    simulator, port = _simulate(
        "--protocol",
        protocol,
        "--weight",
        "24620",
        "--noise",
        "20",
        "--settle-ms",
        "800",
        "--rate",
        "8",
        "--seconds",
        "20",
    )
    try:
        result = run(
            home, "scale", "read", "--port", port, "--protocol", protocol, "--timeout", "15"
        )
    finally:
        simulator.terminate()
        simulator.wait(5)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() in ("24620 kg", "24640 kg")  # the display flickers by 20


def test_a_reading_that_never_settles_is_said(home: Path) -> None:  # noqa: F811
    simulator, port = _simulate(
        "--protocol",
        "st-gs",
        "--weight",
        "24620",
        "--noise",
        "60",
        "--settle-ms",
        "0",
        "--rate",
        "8",
        "--seconds",
        "20",
    )
    try:
        result = run(home, "scale", "read", "--port", port, "--protocol", "st-gs", "--timeout", "4")
    finally:
        simulator.terminate()
        simulator.wait(5)
    assert result.returncode == 1
    assert "no stable reading within 4 s: settling at" in result.stderr


def test_the_cable_pulled_mid_reading_is_said_not_read(home: Path) -> None:  # noqa: F811
    simulator, port = _simulate(
        "--protocol",
        "xk3190",
        "--weight",
        "24620",
        "--settle-ms",
        "0",
        "--seconds",
        "1",  # the scale stops talking after a second: the plug is out
    )
    result = run(home, "scale", "read", "--port", port, "--protocol", "xk3190", "--timeout", "5")
    simulator.wait(5)
    assert result.returncode == 1
    assert "no stable reading within 5 s: no data" in result.stderr
    missing = run(
        home,
        "scale",
        "read",
        "--port",
        "/dev/ttyUSB-none",
        "--protocol",
        "toledo",
        "--timeout",
        "2",
    )
    assert missing.returncode == 1 and "the port is gone" in missing.stderr
    unknown = run(home, "scale", "read", "--port", port, "--protocol", "cas")
    assert unknown.returncode == 2 and "invalid choice" in unknown.stderr


def test_a_port_that_comes_back_is_read_again_by_itself(tmp_path: Path) -> None:
    """The reader follows a fixed path (a symlink standing for /dev/ttyUSB0): the first
    scale goes away, the path is gone, then a scale is back on it and readings resume."""
    link = tmp_path / "ttyUSB0"
    first = Simulator("st-gs", 24_620, settle_ms=0, rate_hz=10)
    link.symlink_to(first.port)
    events: list[tuple[str, object]] = []
    stop = threading.Event()

    def emit(event: object, at: int) -> None:
        if isinstance(event, PortState):
            events.append(("port", event.open))
        elif isinstance(event, Reading):
            events.append(("kg", event.weight_kg))

    reader = threading.Thread(target=ScaleReader(str(link), "st-gs").run, args=(stop, emit))
    feeding = threading.Event()
    first_run = threading.Thread(target=first.run, args=(feeding, 1.0))
    first_run.start()
    reader.start()
    first_run.join()
    first.close()  # unplugged
    link.unlink()
    _wait(lambda: ("port", False) in events)
    second = Simulator("st-gs", 31_000, settle_ms=0, rate_hz=10)
    link.symlink_to(second.port)  # plugged in again
    second_run = threading.Thread(target=second.run, args=(feeding, 4.0))
    second_run.start()
    _wait(lambda: ("kg", 31_000) in events)
    stop.set()
    feeding.set()
    reader.join(5)
    second_run.join(5)
    second.close()
    assert ("kg", 24_620) in events
    opened = [e for e in events if e[0] == "port"]
    assert opened[0] == ("port", True) and ("port", False) in opened
    assert opened.count(("port", True)) >= 2  # open, gone, open again


def _wait(condition, seconds: float = 10.0) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)
