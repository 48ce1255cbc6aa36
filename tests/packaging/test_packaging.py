import configparser
import shutil
import subprocess
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def test_desktop_file_is_valid() -> None:
    desktop = ROOT / "packaging" / "taftan-desk.desktop"
    validator = shutil.which("desktop-file-validate")
    if validator is None:
        pytest.skip("desktop-file-validate is not installed (Debian: desktop-file-utils)")
    done = subprocess.run([validator, str(desktop)], capture_output=True, text=True)
    assert done.returncode == 0 and not done.stdout.strip(), done.stdout + done.stderr


def test_desktop_file_starts_the_installed_gui_script() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(ROOT / "packaging" / "taftan-desk.desktop")
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert entry["Desktop Entry"]["Exec"] in project["gui-scripts"]
    assert (ROOT / "resources" / "icons" / f"{entry['Desktop Entry']['Icon']}.svg").exists()


def test_every_dependency_is_bounded() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    requirements = project["dependencies"] + [
        r for extra in project["optional-dependencies"].values() for r in extra
    ]
    unbounded = [
        r
        for r in requirements
        if not any(op in r for op in ("<", "==")) and not r.startswith("tzdata")
    ]
    assert unbounded == []
    assert any("!=6.12.0" in r for r in requirements if r.startswith("PySide6-Essentials"))
