"""Register crossings through the real services until killed (or until --count is reached).

Used by the crash and concurrency tests as a separate process:

    python register_loop.py DB USERNAME [--count N] [--wait-go]

The password is read from the first line of standard input (never from argv). After signing
in the script prints ``READY``; with ``--wait-go`` it then waits for a ``GO`` line on standard
input, so several processes can start registering at the same moment. After each
``register()`` returns it prints ``COMMITTED <entry_no>`` and flushes: a line on stdout is a
promise that the crossing is in the database. With ``--count`` it ends with
``DONE <first start> <last end>``: the wall-clock span in which it was registering.
"""

import argparse
import os
import sys
import time
from pathlib import Path

from taftan_desk.core import containers
from taftan_desk.core.registration import RegistrationInput, SealInput
from taftan_desk.db.engine import make_engine
from taftan_desk.services.container import Services

# Run as a script: the repository root makes the tests' shared desk identity importable.
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from tests.support import TEST_IDENTITY  # noqa: E402

_CATEGORIES = (
    ("in", "steel", "72083900"),
    ("in", "oil", "27090000"),
    ("out", "textiles", "52051200"),
    ("in", "industrial", "84295200"),
)


def _container(serial: int) -> str:
    body = f"CSQU{serial % 1_000_000:06d}"
    return body + str(containers.check_digit(body))


def _form(i: int, serial: int) -> RegistrationInput:
    direction, category, hs = _CATEGORIES[i % len(_CATEGORIES)]
    weighed = i % 3 == 0  # every third arrives with a weighbridge reading
    return RegistrationInput(
        direction=direction,
        mode="road",
        container_no=_container(serial),
        cargo_category=category,
        truck_plate=f"QAA-{1000 + i % 9000}",
        size_type="22G1",
        hs_code=hs,
        description=f"{category} cargo",
        declared_net_kg=15_000 + (i % 50) * 10,
        gd_number=f"KPPI-HC-{100000 + i % 900000}",
        seals=(SealInput(f"H{1_000_000 + serial % 9_000_000}", seal_class="H"),),
        gross_kg=17_300 + (i % 50) * 10 if weighed else "",
        tare_kg=2_300 if weighed else "",
        weight_reason="Typed from the indicator's display." if weighed else "",
    )


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("db")
    parser.add_argument("username")
    parser.add_argument("--count", type=int, default=0, help="stop after N (0: never)")
    parser.add_argument("--wait-go", action="store_true")
    parser.add_argument("--trust-root", action="append", default=[], metavar="HEX")
    args = parser.parse_args()

    password = sys.stdin.readline().rstrip("\n")
    for public in args.trust_root:  # this process trusts what the test process trusts
        TEST_IDENTITY.trust.pin(bytes.fromhex(public), "test station")
    services = Services.build(make_engine(args.db), identity=TEST_IDENTITY)
    officer = services.accounts.authenticate(args.username, password)
    print("READY", flush=True)
    if args.wait_go and sys.stdin.readline().strip() != "GO":
        print("no GO on stdin", file=sys.stderr)
        return 3

    pid = os.getpid()
    started = time.time()
    i = 0
    while args.count == 0 or i < args.count:
        result = services.crossings.register(officer, _form(i, pid * 1_000 + i))
        print(f"COMMITTED {result.crossing.entry_no}", flush=True)
        i += 1
    print(f"DONE {started:.6f} {time.time():.6f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
