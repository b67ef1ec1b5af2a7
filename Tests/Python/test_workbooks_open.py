"""Every workbook that `plan` writes opens in openpyxl, a second implementation of the format."""
import pathlib

import openpyxl


def test_every_written_workbook_opens_in_openpyxl(bundled_plan):
    report, exports = bundled_plan
    workbooks = [pathlib.Path(name) for name in report["files"] if name.endswith(".xlsx")]
    assert workbooks, "plan wrote no workbook"
    for path in workbooks:
        assert path.is_absolute() or (exports.parent / path).exists() or path.exists(), path
        path = path if path.exists() else exports.parent / path
        book = openpyxl.load_workbook(path, read_only=True)
        assert book.sheetnames, f"{path} has no sheet"
        book.close()
