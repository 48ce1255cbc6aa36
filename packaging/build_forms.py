"""Compile forms/*.ui into taftan_desk/ui/forms/ui_*.py with pyside6-uic --from-imports.

Run after editing a form in Qt Designer: `python packaging/build_forms.py`. A test compiles
the forms again and fails if the committed modules have drifted.
"""

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FORMS = ROOT / "forms"
TARGET = ROOT / "taftan_desk" / "ui" / "forms"


def uic() -> str:
    beside = Path(sys.executable).with_name("pyside6-uic")
    found = str(beside) if beside.exists() else shutil.which("pyside6-uic")
    if not found:
        raise SystemExit("pyside6-uic not found: install PySide6-Essentials")
    return found


def compile_form(source: Path, target_dir: Path) -> Path:
    target = target_dir / f"ui_{source.stem}.py"
    subprocess.run([uic(), "--from-imports", str(source), "-o", str(target)], check=True)
    return target


def main() -> int:
    for source in sorted(FORMS.glob("*.ui")):
        print(compile_form(source, TARGET).relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
