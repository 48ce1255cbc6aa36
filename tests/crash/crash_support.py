"""Running tests/crash/register_loop.py as a child process and reading what it promises."""

import contextlib
import queue
import subprocess
import sys
import threading
from pathlib import Path

from tests.support import TEST_IDENTITY

HELPER = Path(__file__).with_name("register_loop.py")


class Registrar:
    """One register_loop.py process; a thread moves its stdout lines into a queue."""

    def __init__(
        self, db: Path, username: str, password: str, *, count: int = 0, wait_go: bool = True
    ) -> None:
        argv = [sys.executable, str(HELPER), str(db), username, "--count", str(count)]
        for public in TEST_IDENTITY.trust.roots().values():  # the station roots the tests made
            argv += ["--trust-root", public.hex()]
        if wait_go:
            argv.append("--wait-go")
        self.proc = subprocess.Popen(
            argv,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            bufsize=1,
        )
        self._lines: queue.Queue[str | None] = queue.Queue()
        self._stderr: list[str] = []
        self._out = threading.Thread(target=self._pump, daemon=True)
        self._err = threading.Thread(target=self._pump_stderr, daemon=True)
        self._out.start()
        self._err.start()
        self.send(password)

    def _pump(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            if line.endswith("\n"):  # a line cut off by the kill promises nothing
                self._lines.put(line.rstrip("\n"))
        self._lines.put(None)

    def _pump_stderr(self) -> None:
        assert self.proc.stderr is not None
        for line in self.proc.stderr:
            self._stderr.append(line)

    def send(self, line: str) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(line + "\n")
        self.proc.stdin.flush()

    def next_line(self, timeout: float) -> str:
        """The next complete stdout line; fails if the process ends or stays silent."""
        try:
            line = self._lines.get(timeout=timeout)
        except queue.Empty:
            self.kill()
            raise AssertionError(f"no output within {timeout} s{self._stderr_tail()}") from None
        if line is None:
            self.proc.wait(timeout=10)
            self._err.join(timeout=10)
            raise AssertionError(
                f"helper exited with {self.proc.returncode} before the expected line"
                f"{self._stderr_tail()}"
            )
        return line

    def expect(self, prefix: str, timeout: float) -> str:
        line = self.next_line(timeout)
        assert line.startswith(prefix), f"expected {prefix!r}, got {line!r}{self._stderr_tail()}"
        return line[len(prefix) :].strip()

    def kill(self) -> None:
        self.proc.kill()  # SIGKILL
        self.proc.wait(timeout=10)

    def remaining_lines(self) -> list[str]:
        """After the process has ended: every complete line not yet read."""
        self._out.join(timeout=10)
        self._err.join(timeout=10)
        lines = []
        while True:
            line = self._lines.get_nowait()
            if line is None:
                return lines
            lines.append(line)

    @property
    def stderr(self) -> str:
        return "".join(self._stderr)

    def _stderr_tail(self) -> str:
        text = self.stderr.strip()
        return f"; stderr:\n{text[-3_000:]}" if text else ""

    def close(self) -> None:
        if self.proc.poll() is None:
            self.kill()
        self._out.join(timeout=10)
        self._err.join(timeout=10)
        for stream in (self.proc.stdin, self.proc.stdout, self.proc.stderr):
            if stream is not None:
                with contextlib.suppress(OSError):
                    stream.close()
