"""Shared fixtures: the skillplan binary and one run of `plan` on the bundled scenario."""
import json
import os
import pathlib
import subprocess

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
SCENARIO = ROOT / "Scenarios" / "vietnam-2026-2035"


@pytest.fixture(scope="session")
def skillplan() -> pathlib.Path:
    binary = pathlib.Path(os.environ.get("SKILLPLAN", ROOT / ".build" / "debug" / "skillplan"))
    assert binary.exists(), f"{binary} is missing: run `swift build` first"
    return binary


@pytest.fixture(scope="session")
def bundled_plan(skillplan, tmp_path_factory):
    """`skillplan plan` on the bundled scenario into a temporary folder: (report, exports folder)."""
    folder = tmp_path_factory.mktemp("plan")
    exports = folder / "Exports"
    result = subprocess.run(
        [str(skillplan), "plan", str(SCENARIO), "--exports", str(exports), "--db", str(folder / "store.sqlite"),
         "--draws", "50", "--json"],
        capture_output=True, text=True, timeout=900, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout), exports
