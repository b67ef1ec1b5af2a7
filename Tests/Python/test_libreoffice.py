"""LibreOffice, a third reader: the fund plan prints in tens of pages with a one-page Board summary,
and recalculating every formula gives the values the workbooks cache. Skipped where LibreOffice
(`soffice`) and poppler (`pdfinfo`, `pdftotext`) are not installed (apt: libreoffice-calc-nogui
poppler-utils)."""
import math
import shutil
import subprocess

import openpyxl
import pytest

from conftest import workbook_paths

pytestmark = pytest.mark.skipif(
    not (shutil.which("soffice") and shutil.which("pdfinfo") and shutil.which("pdftotext")),
    reason="LibreOffice or poppler-utils not installed")

# Recalculate OOXML files on load (LibreOffice's default is never), in a profile of our own.
RECALCULATE = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"""


def convert(paths, target, folder, profile):
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", target,
         "--outdir", str(folder), *map(str, paths)],
        check=True, capture_output=True, timeout=600)


@pytest.fixture(scope="module")
def profile(tmp_path_factory):
    folder = tmp_path_factory.mktemp("libreoffice-profile")
    (folder / "user").mkdir()
    (folder / "user" / "registrymodifications.xcu").write_text(RECALCULATE)
    return folder


@pytest.mark.parametrize("language", ["en", "vi"])
def test_the_fund_plan_prints_in_tens_of_pages_and_the_board_summary_on_one(
        language, bundled_plan, vietnamese_plan, profile, tmp_path):
    report, exports = bundled_plan if language == "en" else vietnamese_plan
    fund = next(p for p in workbook_paths(report, exports) if p.name.startswith("fund-plan-"))
    convert([fund], "pdf", tmp_path, profile)
    pdf = tmp_path / (fund.stem + ".pdf")
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    assert pages <= 60
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    board = "Board summary" if language == "en" else "Tóm tắt cho hội đồng"
    assert sum(board in page for page in text.split("\f")) == 1


def test_recalculated_formulas_equal_their_cached_values(bundled_plan, vietnamese_plan, profile, tmp_path):
    for language, (report, exports) in (("en", bundled_plan), ("vi", vietnamese_plan)):
        paths = workbook_paths(report, exports)
        sample = [next(p for p in paths if p.name.startswith(prefix)) for prefix in ("fund-plan-", "intake-", "interns-")]
        folder = tmp_path / language
        folder.mkdir()
        convert(sample, "xlsx", folder, profile)
        for path in sample:
            formulas = openpyxl.load_workbook(path)
            cached = openpyxl.load_workbook(path, data_only=True)
            recalculated = openpyxl.load_workbook(folder / path.name, data_only=True)
            checked = 0
            for sheet in formulas.worksheets:
                for row in sheet.iter_rows():
                    for cell in row:
                        if not (isinstance(cell.value, str) and cell.value.startswith("=")):
                            continue
                        checked += 1
                        before = cached[sheet.title][cell.coordinate].value
                        after = recalculated[sheet.title][cell.coordinate].value
                        assert math.isclose(before, after, rel_tol=1e-9, abs_tol=1e-6), \
                            f"{language}: {path.name} › {sheet.title}!{cell.coordinate} {cell.value}: {before} ≠ {after}"
            assert checked > 0, path.name
