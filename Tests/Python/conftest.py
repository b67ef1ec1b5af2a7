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


def run_plan(skillplan, folder, *options):
    """`skillplan plan` on the bundled scenario into `folder`: (report, exports folder)."""
    exports = folder / "Exports"
    result = subprocess.run(
        [str(skillplan), "plan", str(SCENARIO), "--exports", str(exports), "--db", str(folder / "store.sqlite"),
         "--draws", "50", "--json", *options],
        capture_output=True, text=True, timeout=900, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout), exports


def workbook_paths(report, exports):
    """The workbooks a plan report lists, as paths that exist."""
    paths = []
    for name in report["files"]:
        if not name.endswith(".xlsx"):
            continue
        path = pathlib.Path(name)
        paths.append(path if path.exists() else exports.parent / path)
    return paths


@pytest.fixture(scope="session")
def bundled_plan(skillplan, tmp_path_factory):
    """`skillplan plan` on the bundled scenario into a temporary folder: (report, exports folder)."""
    return run_plan(skillplan, tmp_path_factory.mktemp("plan"))


@pytest.fixture(scope="session")
def vietnamese_plan(skillplan, tmp_path_factory):
    """`skillplan plan --lang vi` on the bundled scenario: (report, exports folder)."""
    return run_plan(skillplan, tmp_path_factory.mktemp("plan-vi"), "--lang", "vi")
