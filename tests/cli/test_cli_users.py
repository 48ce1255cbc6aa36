"""`taftan-desk user ...` end to end: a real interpreter on the test station's SQLite file.

The child runs this tree's package (PYTHONPATH is the repository root) with HOME and XDG
directories in a temporary directory.
"""

import os
import pty
import select
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from taftan_desk.core.errors import AuthenticationFailed
from taftan_desk.core.roles import Role
from tests.cli.test_cli import _env as cli_env
from tests.cli.test_cli import as_test_desk
from tests.support import PASSWORD, Desk

ROOT = Path(__file__).resolve().parents[2]
TEMPORARY = "temporary-pass-1"


def _env(home: Path) -> dict[str, str]:
    """A child that is the test station's enrolled desk, running this tree's package."""
    as_test_desk(home)
    return cli_env(home, PYTHONPATH=str(ROOT))


def cli(
    desk: Desk, tmp_path: Path, *args: str, stdin: str = ""
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "taftan_desk", "--db", str(desk.path), "user", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=_env(tmp_path),
        timeout=120,
    )


def ok(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 0, (result.stdout, result.stderr)
    assert result.stderr == ""
    return result.stdout.strip()


def clean_error(result: subprocess.CompletedProcess[str], code: int = 2) -> str:
    """Exit `code`, no traceback, exactly one `taftan-desk: error:` line on stderr."""
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode == code, (result.returncode, result.stdout, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("taftan-desk: error: "), result.stderr
    return lines[0]


def listed(desk: Desk, tmp_path: Path) -> dict[str, list[str]]:
    rows = [line.split(None, 3) for line in ok(cli(desk, tmp_path, "list")).splitlines()]
    return {row[0]: row[1:] for row in rows}


def _check(desk: Desk) -> None:
    report = desk.services.health.check()
    assert report.ok, report.render()


def test_disable_and_enable(desk: Desk, tmp_path: Path) -> None:
    assert ok(cli(desk, tmp_path, "disable", "ali")) == "Disabled ali."
    assert listed(desk, tmp_path)["ali"] == ["officer", "disabled", "Ali Khan"]
    with pytest.raises(AuthenticationFailed):
        desk.services.accounts.authenticate("ali", PASSWORD)
    assert "ali is already disabled" in clean_error(cli(desk, tmp_path, "disable", "ali"))
    assert ok(cli(desk, tmp_path, "enable", "ali")) == "Enabled ali."
    assert listed(desk, tmp_path)["ali"] == ["officer", "active", "Ali Khan"]
    assert desk.services.accounts.authenticate("ali", PASSWORD).username == "ali"
    _check(desk)


def test_disabling_the_last_administrator_is_refused(desk: Desk, tmp_path: Path) -> None:
    line = clean_error(cli(desk, tmp_path, "disable", "admin"))
    assert "only active administrator" in line
    assert "only active administrator" in clean_error(
        cli(desk, tmp_path, "role", "admin", "officer")
    )
    assert listed(desk, tmp_path)["admin"] == ["admin", "active", "Admin"]


def test_unlock_and_list_shows_the_lock(desk: Desk, tmp_path: Path) -> None:
    desk.clock.now = datetime.now(UTC)  # the command line reads the real clock
    for _ in range(desk.services.settings.current().lockout_attempts):
        with pytest.raises(AuthenticationFailed):
            desk.services.accounts.authenticate("ali", "wrong password")
    assert listed(desk, tmp_path)["ali"] == ["officer", "locked", "Ali Khan"]
    assert ok(cli(desk, tmp_path, "unlock", "ali")) == "Unlocked ali."
    assert listed(desk, tmp_path)["ali"] == ["officer", "active", "Ali Khan"]
    assert desk.services.accounts.authenticate("ali", PASSWORD).username == "ali"
    assert "ali is not locked" in clean_error(cli(desk, tmp_path, "unlock", "ali"))
    _check(desk)


def test_change_a_role(desk: Desk, tmp_path: Path) -> None:
    assert ok(cli(desk, tmp_path, "role", "ali", "supervisor")) == "ali is now supervisor."
    assert listed(desk, tmp_path)["ali"][0] == "supervisor"
    assert desk.services.accounts.authenticate("ali", PASSWORD).role is Role.SUPERVISOR
    bad = cli(desk, tmp_path, "role", "ali", "chief")
    assert bad.returncode == 2 and "invalid choice: 'chief'" in bad.stderr
    assert "Traceback" not in bad.stderr
    _check(desk)


def test_reset_password_from_standard_input(desk: Desk, tmp_path: Path) -> None:
    done = ok(cli(desk, tmp_path, "reset-password", "ali", stdin=TEMPORARY + "\n"))
    assert done == "Reset the password of ali: they choose a new one at sign-in."
    assert listed(desk, tmp_path)["ali"] == ["officer", "must-change-password", "Ali Khan"]
    actor = desk.services.accounts.authenticate("ali", TEMPORARY)
    assert actor.must_change_password
    assert "no password on standard input" in clean_error(
        cli(desk, tmp_path, "reset-password", "sara", stdin="")
    )
    assert "at least 8" in clean_error(cli(desk, tmp_path, "reset-password", "sara", stdin="x\n"))
    assert desk.services.accounts.authenticate("sara", PASSWORD).username == "sara"
    _check(desk)


def test_states_combine_in_the_list(desk: Desk, tmp_path: Path) -> None:
    ok(cli(desk, tmp_path, "reset-password", "ali", stdin=TEMPORARY + "\n"))
    ok(cli(desk, tmp_path, "disable", "ali"))
    assert listed(desk, tmp_path)["ali"] == [
        "officer",
        "disabled,must-change-password",
        "Ali Khan",
    ]


@pytest.mark.parametrize(
    "args",
    [
        ["disable", "nobody"],
        ["enable", "nobody"],
        ["unlock", "nobody"],
        ["role", "nobody", "admin"],
    ],
)
def test_unknown_names_are_one_clear_line(desk: Desk, tmp_path: Path, args: list[str]) -> None:
    assert "There is no user called 'nobody'" in clean_error(cli(desk, tmp_path, *args))


def test_user_without_an_action_is_a_usage_error(desk: Desk, tmp_path: Path) -> None:
    assert "say `user add|list|" in clean_error(cli(desk, tmp_path))


def test_changes_are_attributed_to_the_command_line(desk: Desk, tmp_path: Path) -> None:
    from sqlalchemy import text

    ok(cli(desk, tmp_path, "disable", "omar"))
    with desk.services.db.read() as session:
        action, actor = session.execute(
            text("SELECT action, actor_name FROM audit_events ORDER BY id DESC LIMIT 1")
        ).one()
    assert action == "user_disabled" and actor.startswith("cli:")


# -- a person at a terminal ------------------------------------------------------------------


def on_terminal(desk: Desk, tmp_path: Path, args: list[str], answers: list[str]) -> tuple[int, str]:
    """Run with a pseudo-terminal as the controlling terminal, answering each password
    prompt in turn, as a person would type."""
    argv = [sys.executable, "-m", "taftan_desk", "--db", str(desk.path), "user", *args]
    pid, fd = pty.fork()
    if pid == 0:  # the child: exec at once
        os.chdir(tmp_path)
        os.execve(sys.executable, argv, _env(tmp_path))
    output, pending = b"", list(answers)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.5)
        if not ready:
            continue
        try:
            chunk = os.read(fd, 4096)
        except OSError:  # EIO: the child has gone
            break
        if not chunk:
            break
        output += chunk
        if pending and output.lower().count(b"password: ") > len(answers) - len(pending):
            os.write(fd, pending.pop(0).encode() + b"\n")
    _, status = os.waitpid(pid, 0)
    os.close(fd)
    return os.waitstatus_to_exitcode(status), output.decode(errors="replace")


def test_reset_password_at_a_terminal_asks_twice(desk: Desk, tmp_path: Path) -> None:
    code, shown = on_terminal(desk, tmp_path, ["reset-password", "ali"], [TEMPORARY, TEMPORARY])
    assert code == 0, shown
    assert "Temporary password:" in shown and "Repeat temporary password:" in shown
    assert TEMPORARY not in shown  # typed without echo
    assert desk.services.accounts.authenticate("ali", TEMPORARY).must_change_password

    code, shown = on_terminal(desk, tmp_path, ["reset-password", "sara"], [TEMPORARY, "typo"])
    assert code == 2, shown
    assert "the two passwords differ" in shown
    assert desk.services.accounts.authenticate("sara", PASSWORD).username == "sara"
