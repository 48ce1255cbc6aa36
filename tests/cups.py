"""A throwaway CUPS scheduler for the printing tests: `cupsd -f` with its own ServerRoot,
spool and state under a temporary directory, listening only on a private Unix socket.

Clients (lp, lpstat, cancel, the desk's IPP reads) find it through CUPS_SERVER. Queues are
cups-pdf printers: cups-pdf reads its settings only from /etc/cups (compiled in), and a
device URI `cups-pdf:/NAME` makes it read /etc/cups/cups-pdf-NAME.conf, so each queue gets
such a file, naming an output folder under the test's directory, removed afterwards.
"Stalled" queues send to a TCP port of the test that takes the data and never answers, so a
job stays processing as long as the test wants and the jobs behind it wait.

The scheduler runs as root (cups-pdf's backend must). Without cupsd, cups-pdf or root the
tests skip, unless TAFTAN_REQUIRE_CUPS=1 (set by CI) turns that into a failure.
"""

import itertools
import os
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

PPD = Path("/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd")
CUPS_PDF = Path("/usr/lib/cups/backend/cups-pdf")
_ETC = Path("/etc/cups")
_names = itertools.count(1)


def missing() -> str | None:
    """Why this machine cannot run the scheduler for tests, or None."""
    for tool in ("cupsd", "lpadmin", "lp", "cancel", "cupsdisable", "cupsreject"):
        if shutil.which(tool) is None and not Path(f"/usr/sbin/{tool}").exists():
            return f"{tool} is not installed (apt-get install cups-daemon cups-client cups-bsd)"
    if not PPD.exists() or not CUPS_PDF.exists():
        return "cups-pdf is not installed (apt-get install printer-driver-cups-pdf)"
    if not Path("/usr/lib/cups/filter/pdftopdf").exists():
        return "the PDF filters are not installed (apt-get install cups-filters)"
    if os.geteuid() != 0:
        return "the test scheduler must run as root (cups-pdf's backend runs only as root)"
    return None


def _tool(name: str) -> str:
    return shutil.which(name) or f"/usr/sbin/{name}"


@dataclass
class Cups:
    base: Path
    socket: Path
    _configs: list[Path] = field(default_factory=list)
    _listeners: list[socket.socket] = field(default_factory=list)

    def env(self) -> dict[str, str]:
        return {**os.environ, "CUPS_SERVER": str(self.socket), "LANG": "C", "LC_ALL": "C"}

    def run(self, *argv: str) -> str:
        done = subprocess.run(
            [_tool(argv[0]), *argv[1:]], capture_output=True, text=True, env=self.env(), timeout=30
        )
        if done.returncode != 0:
            raise RuntimeError(f"{' '.join(argv)}: {done.stderr.strip()}")
        return done.stdout

    def pdf_queue(self) -> tuple[str, Path]:
        """A new cups-pdf queue, enabled and accepting; its output folder."""
        name = f"taftan-test-{os.getpid()}-{next(_names)}"
        out = self.base / "out" / name
        out.mkdir(parents=True)
        conf = _ETC / f"cups-pdf-{name}.conf"
        conf.write_text(f"Out {out}\nLog {self.base / 'log'}\nLogType 3\n")
        self._configs.append(conf)
        self._add(name, f"cups-pdf:/{name}")
        return name, out

    def stalled_queue(self) -> str:
        """A queue whose printer takes a job's data and never says it finished."""
        listener = socket.socket()
        listener.bind(("127.0.0.1", 0))
        listener.listen(8)
        self._listeners.append(listener)
        name = f"taftan-stalled-{os.getpid()}-{next(_names)}"
        self._add(name, f"socket://127.0.0.1:{listener.getsockname()[1]}")
        return name

    def _add(self, name: str, device: str) -> None:
        self.run("lpadmin", "-p", name, "-v", device, "-P", str(PPD), "-E")

    def close(self) -> None:
        for conf in self._configs:
            conf.unlink(missing_ok=True)
        for listener in self._listeners:
            listener.close()


def wait_for(predicate, timeout: float = 30.0, what: str = "the scheduler") -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise TimeoutError(f"{what} did not get there in {timeout:.0f} s")
        time.sleep(0.05)


@contextmanager
def scheduler() -> Iterator[Cups | None]:
    """Yield a running private scheduler, or None when this machine cannot run one."""
    if missing() is not None:
        yield None
        return
    _sweep()
    base = Path(tempfile.mkdtemp(prefix="taftan-cups-"))
    base.chmod(0o755)  # filters run as `lp` and read the spool's files
    dirs = {d: base / d for d in ("root", "spool", "cache", "state", "tmp", "log", "out")}
    for folder in dirs.values():
        folder.mkdir()
    dirs["tmp"].chmod(0o1777)
    (dirs["root"] / "cups-files.conf").write_text(
        f"ServerRoot {dirs['root']}\nRequestRoot {dirs['spool']}\nCacheDir {dirs['cache']}\n"
        f"StateDir {dirs['state']}\nTempDir {dirs['tmp']}\n"
        f"ErrorLog {dirs['log']}/error_log\nAccessLog {dirs['log']}/access_log\n"
        f"PageLog {dirs['log']}/page_log\nPrintcap {base}/printcap\nUser lp\nGroup lp\n"
        "SystemGroup root\n"
    )
    sock = base / "cups.sock"
    (dirs["root"] / "cupsd.conf").write_text(
        f"Listen {sock}\nLogLevel info\nBrowsing No\nWebInterface No\nDefaultAuthType None\n"
        "PreserveJobHistory Yes\nMaxJobs 0\n"
        "<Location />\n  Order allow,deny\n  Allow all\n</Location>\n"
        "<Policy default>\n  <Limit All>\n    Order deny,allow\n    Allow all\n  </Limit>\n"
        "</Policy>\n"
    )
    daemon = subprocess.Popen(
        [
            _tool("cupsd"),
            "-f",
            "-c",
            str(dirs["root"] / "cupsd.conf"),
            "-s",
            str(dirs["root"] / "cups-files.conf"),
        ],
        stdout=subprocess.DEVNULL,
        stderr=open(dirs["log"] / "stderr", "wb"),  # noqa: SIM115
    )
    cups = Cups(base, sock)
    try:
        wait_for(lambda: _answers(cups) or daemon.poll() is not None, what="cupsd")
        if daemon.poll() is not None:
            raise RuntimeError(f"cupsd exited: {(dirs['log'] / 'stderr').read_text()}")
        yield cups
    finally:
        cups.close()
        daemon.terminate()
        try:
            daemon.wait(timeout=10)
        except subprocess.TimeoutExpired:
            daemon.kill()
            daemon.wait()
        shutil.rmtree(base, ignore_errors=True)


def _sweep() -> None:
    """Remove the cups-pdf settings a killed test session left in /etc/cups."""
    for conf in _ETC.glob("cups-pdf-taftan-test-*-*.conf"):
        pid = conf.name.removeprefix("cups-pdf-taftan-test-").split("-")[0]
        if pid.isdigit() and not Path(f"/proc/{pid}").exists():
            conf.unlink(missing_ok=True)


def _answers(cups: Cups) -> bool:
    if not cups.socket.exists():
        return False
    try:
        return "scheduler is running" in cups.run("lpstat", "-r")
    except RuntimeError:
        return False
