"""The plan's workbooks print (a page setup on every sheet) and speak the reader's language."""
import pytest
import openpyxl

from conftest import workbook_paths

# The bundled fund has capacity expansion and relocation stipends: their sheet follows On-site training.
ENGLISH_FUND_SHEETS = [
    "Board summary", "Summary", "Gap", "Scholarships", "Internship support", "On-site training",
    "Capacity and relocation", "Budget",
    "Why not funded", "Fairness", "Frontier", "Assumptions", "Audit",
]
VIETNAMESE_FUND_SHEETS = [
    "Tóm tắt cho hội đồng", "Tổng hợp", "Chênh lệch cung – cầu", "Học bổng", "Trợ cấp thực tập",
    "Đào tạo tại doanh nghiệp", "Mở rộng quy mô và di chuyển", "Ngân sách", "Lý do không được phân bổ", "Quy tắc công bằng",
    "Đường hiệu quả ngân sách", "Giả định", "Thông tin lần chạy",
]
VIETNAMESE_LETTERS = set("ăâđêôơưáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ")


def sample(paths):
    """The fund plan, two intake plans and two interns workbooks (every kind, without opening 300 files)."""
    fund = [p for p in paths if p.name.startswith("fund-plan-")]
    intake = sorted(p for p in paths if p.name.startswith("intake-"))[:2]
    interns = sorted(p for p in paths if p.name.startswith("interns-"))[:2]
    assert fund and intake and interns
    return fund + intake + interns


@pytest.fixture(scope="session", params=["en", "vi"])
def plan_in(request, bundled_plan, vietnamese_plan):
    return request.param, (bundled_plan if request.param == "en" else vietnamese_plan)


def test_every_sheet_has_a_page_setup(plan_in):
    language, (report, exports) = plan_in
    for path in sample(workbook_paths(report, exports)):
        book = openpyxl.load_workbook(path)
        for sheet in book.worksheets:
            where = f"{language}: {path.name} › {sheet.title}"
            setup = sheet.page_setup
            assert setup.orientation in ("portrait", "landscape"), where
            assert setup.paperSize in (9, "9"), where
            assert sheet.sheet_properties.pageSetUpPr.fitToPage, where
            assert setup.fitToWidth in (None, 1, "1"), where  # absent means 1 page wide
            assert sheet.print_area, where
            assert sheet.oddFooter.right.text and "&P" in sheet.oddFooter.right.text, where
            assert "&N" in sheet.oddFooter.right.text, where
            assert sheet.oddHeader.left.text, where
            if sheet.freeze_panes == "A5":
                assert sheet.print_title_rows == "$4:$4", where
        book.close()


def test_headers_fit_and_do_not_break_words(plan_in):
    language, (report, exports) = plan_in
    for path in sample(workbook_paths(report, exports)):
        book = openpyxl.load_workbook(path)
        for sheet in book.worksheets:
            if sheet.freeze_panes != "A5":
                continue
            for cell in sheet[4]:
                if not isinstance(cell.value, str):
                    continue
                width = sheet.column_dimensions[cell.column_letter].width
                longest = max(len(word) for word in cell.value.split())
                assert width >= longest, f"{path.name} › {sheet.title} › {cell.coordinate} '{cell.value}' in {width}"
        book.close()


def test_vietnamese_sheet_names_and_headers(vietnamese_plan):
    report, exports = vietnamese_plan
    paths = workbook_paths(report, exports)
    fund = next(p for p in paths if p.name.startswith("fund-plan-"))
    book = openpyxl.load_workbook(fund, read_only=True)
    assert book.sheetnames == VIETNAMESE_FUND_SHEETS
    budget = book["Ngân sách"]
    headers = [cell.value for cell in next(budget.iter_rows(min_row=4, max_row=4))]
    assert headers[0] == "Năm ngân sách"
    assert all(any(letter in header.lower() for letter in VIETNAMESE_LETTERS) for header in headers[:4] if header)
    book.close()
    intake = next(p for p in paths if p.name.startswith("intake-"))
    assert openpyxl.load_workbook(intake, read_only=True).sheetnames == ["Chỉ tiêu tuyển sinh", "Chương trình đào tạo"]


def test_english_sheet_names(bundled_plan):
    report, exports = bundled_plan
    fund = next(p for p in workbook_paths(report, exports) if p.name.startswith("fund-plan-"))
    assert openpyxl.load_workbook(fund, read_only=True).sheetnames == ENGLISH_FUND_SHEETS


@pytest.mark.parametrize("language", ["en", "vi"])
def test_board_summary_figures_equal_the_report(language, bundled_plan, vietnamese_plan):
    report, exports = bundled_plan if language == "en" else vietnamese_plan
    fund = next(p for p in workbook_paths(report, exports) if p.name.startswith("fund-plan-"))
    board = openpyxl.load_workbook(fund, data_only=True).worksheets[0]
    labels = {
        "en": {"Shortage before the plan": "shortage_before", "Shortage after the plan": "shortage_after",
               "Fund budget": "budget_vnd", "Fund spend": "spend_vnd"},
        "vi": {"Thiếu hụt trước kế hoạch": "shortage_before", "Thiếu hụt sau kế hoạch": "shortage_after",
               "Ngân sách của quỹ": "budget_vnd", "Tổng chi của quỹ": "spend_vnd"},
    }[language]
    found = {}
    for row in board.iter_rows(min_col=1, max_col=2):
        label, value = row[0].value, row[1].value
        if label in labels:
            found[labels[label]] = value
    assert set(found) == set(labels.values())
    for key, value in found.items():
        assert value == pytest.approx(report[key], rel=1e-6), key
