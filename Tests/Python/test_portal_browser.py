"""The whole planning round in a real browser (Debian's chromium through chromium-driver and
Selenium): an enterprise submits postings, an institution its capacity and students' preferences,
the fund closes the round, runs and publishes the plan, and the enterprise downloads its interns.
Screenshots of the main pages go to docs/screenshots/."""
import io
import re
import pathlib
import shutil
import time
import urllib.error
import urllib.request

import openpyxl
import pytest

from portal_server import ACCOUNTS, ROOT, SCENARIO, PortalServer

selenium = pytest.importorskip("selenium")
from selenium import webdriver  # noqa: E402
from selenium.common.exceptions import StaleElementReferenceException, WebDriverException  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support import expected_conditions as EC  # noqa: E402
from selenium.webdriver.support.ui import Select, WebDriverWait  # noqa: E402

SCREENSHOTS = ROOT / "docs" / "screenshots"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
DRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"


@pytest.fixture(scope="module")
def portal(skillplan, tmp_path_factory):
    server = PortalServer(skillplan, tmp_path_factory.mktemp("portal"))
    server.add_accounts()
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def browser():
    if not pathlib.Path(DRIVER).exists():
        pytest.fail("chromium-driver is not installed: run `make browser-deps` (apt: chromium chromium-driver)")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900", "--lang=vi"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(executable_path=DRIVER), options=options)
    driver.implicitly_wait(5)
    yield driver
    driver.quit()


def submit(browser, element_id):
    """Clicks a submit button and waits until the next page has replaced this one."""
    page = browser.find_element(By.TAG_NAME, "html")
    browser.find_element(By.ID, element_id).click()

    def replaced(driver):
        try:
            page.is_enabled()
            return False
        except StaleElementReferenceException:
            return driver.execute_script("return document.readyState") == "complete"
        except WebDriverException:  # the old document is going away right now
            return False

    WebDriverWait(browser, 60).until(replaced)


def shot(browser, name):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    browser.save_screenshot(str(SCREENSHOTS / f"{name}.png"))


def sign_in(browser, portal, role):
    email, password = ACCOUNTS[role]
    browser.delete_all_cookies()
    browser.get(portal.url + "/sign-in")
    browser.find_element(By.ID, "email").send_keys(email)
    browser.find_element(By.ID, "password").send_keys(password)
    submit(browser, "sign-in")
    WebDriverWait(browser, 10).until(EC.presence_of_element_located((By.ID, "sign-out")))


def fill_posting(browser, skill, region, slots, months, stipend, year):
    Select(browser.find_element(By.ID, "skill")).select_by_value(skill)
    Select(browser.find_element(By.ID, "region")).select_by_value(region)
    for field, value in (("slots", slots), ("months", months), ("stipend_vnd_per_month", stipend), ("min_year", year)):
        element = browser.find_element(By.ID, field)
        element.clear()
        element.send_keys(value)
    submit(browser, "save-posting")


def download(browser, portal, path):
    cookies = "; ".join(f"{c['name']}={c['value']}" for c in browser.get_cookies())
    request = urllib.request.Request(portal.url + path, headers={"Cookie": cookies})
    with urllib.request.urlopen(request, timeout=60) as reply:
        return reply.read()


def test_a_whole_round_in_the_browser(portal, browser, tmp_path):
    # The fund opens the round.
    browser.get(portal.url + "/")
    shot(browser, "sign-in")
    sign_in(browser, portal, "fund")
    browser.find_element(By.ID, "name").send_keys("Đợt 2026")
    submit(browser, "open-round")
    round_path = browser.current_url.split("?")[0].replace(portal.url, "")
    assert round_path.startswith("/rounds/")

    # The enterprise adds two postings; the first is rejected with the field's message.
    sign_in(browser, portal, "enterprise")
    browser.get(portal.url + round_path + "/postings/new")
    fill_posting(browser, "AUTO", "HN", "2", "14", "5000000", "3")
    message = browser.find_element(By.ID, "error-months").text
    assert "1" in message and "12" in message, message
    shot(browser, "posting-rejected")
    browser.find_element(By.ID, "months").clear()
    browser.find_element(By.ID, "months").send_keys("6")
    submit(browser, "save-posting")
    browser.get(portal.url + round_path + "/postings/new")
    fill_posting(browser, "MOULD", "HCM", "1", "4", "4000000", "2")
    postings = browser.find_element(By.ID, "postings").text
    assert f"{portal.enterprise}-W1" in postings and f"{portal.enterprise}-W2" in postings

    # … and uploads the Excel template, filled.
    template = openpyxl.load_workbook(io.BytesIO(download(browser, portal, round_path + "/templates/postings")))
    sheet = template["postings"]
    # Bilingual headers end with the CSV column name in brackets: "Months / Số tháng (months)".
    header = [re.search(r"\(([a-z_]+)\)\s*$", cell.value).group(1) if re.search(r"\(([a-z_]+)\)\s*$", cell.value)
              else cell.value for cell in sheet[1] if cell.value]
    row = {"posting": f"{portal.enterprise}-X1", "enterprise": portal.enterprise, "skill": "PM", "region": "HN",
           "slots": 3, "months": 5, "stipend_vnd_per_month": 4500000, "min_year": 2}
    sheet.append([row.get(column) for column in header])
    filled = tmp_path / "postings.xlsx"
    template.save(filled)
    browser.find_element(By.ID, "postings-file").send_keys(str(filled))
    submit(browser, "upload-postings")
    assert f"{portal.enterprise}-X1" in browser.find_element(By.ID, "postings").text
    shot(browser, "enterprise-postings")

    # The institution raises a capacity and uploads its students' preferences.
    sign_in(browser, portal, "institution")
    browser.get(portal.url + round_path + "/programs")
    program = browser.find_element(By.CSS_SELECTOR, "#programs tbody tr td").text
    capacity = browser.find_element(By.ID, f"capacity-{program}")
    new_capacity = int(capacity.get_attribute("value")) + 20
    capacity.clear()
    capacity.send_keys(str(new_capacity))
    submit(browser, f"save-{program}")
    assert browser.find_element(By.ID, f"capacity-{program}").get_attribute("value") == str(new_capacity)
    students = tmp_path / "students.csv"
    students.write_text("student,institution,skill,year,score,home_region,preferences\n"
                        f"STU-WEB-1,{portal.institution},AUTO,3,88.5,HN,{portal.enterprise}-W1;{portal.enterprise}-X1\n"
                        f"STU-WEB-2,{portal.institution},MOULD,2,80,HCM,{portal.enterprise}-W2\n")
    browser.find_element(By.ID, "students-file").send_keys(str(students))
    submit(browser, "upload-students")
    assert "2" in browser.find_element(By.ID, "students-count").text
    shot(browser, "institution-programmes")

    # The fund sees who submitted, closes the round, runs the plan and watches its progress.
    sign_in(browser, portal, "fund")
    browser.get(portal.url + round_path)
    submitted = browser.find_element(By.ID, "submissions").text
    assert portal.enterprise in submitted and portal.institution in submitted
    submit(browser, "close-round")
    shot(browser, "fund-round")
    submit(browser, "run-plan")
    WebDriverWait(browser, 10).until(EC.presence_of_element_located((By.ID, "job-progress")))
    seen = set()
    deadline = time.time() + 900
    while time.time() < deadline:
        status = browser.find_element(By.ID, "job-status").get_attribute("data-status")
        if status != "running":
            break
        seen.add(browser.find_element(By.ID, "job-stage").text)
        if len(seen) == 2:
            shot(browser, "plan-progress")
        time.sleep(0.5)
    assert status == "succeeded", browser.find_element(By.TAG_NAME, "main").text
    assert len(seen) >= 2, seen  # the page showed the stages as they went
    assert browser.find_element(By.ID, "figure-shortage_after").text not in ("", "–")
    shot(browser, "plan-figures")
    submit(browser, "publish")
    assert "done=published" in browser.current_url, browser.current_url

    # The enterprise downloads its interns workbook, and it lists its interns.
    sign_in(browser, portal, "enterprise")
    browser.get(portal.url + round_path + "/workbooks")
    links = browser.find_elements(By.ID, "own-workbook")
    assert links, browser.find_element(By.TAG_NAME, "main").text
    link = links[0]
    assert link.text.startswith(f"interns-{portal.enterprise}") and link.text.endswith(".xlsx"), link.text
    book = openpyxl.load_workbook(io.BytesIO(download(browser, portal, link.get_attribute("href").replace(portal.url, ""))))
    interns = [cell.value for sheet in book.worksheets for row in sheet.iter_rows() for cell in row
               if isinstance(cell.value, str) and cell.value.startswith("STU-")]
    assert interns, "the interns workbook lists no student"
    # Another enterprise's workbook is not there for this one.
    with pytest.raises(urllib.error.HTTPError) as refused:
        other = "ENT-0001" if portal.enterprise != "ENT-0001" else "ENT-0002"
        download(browser, portal, round_path + f"/workbooks/interns-{other}.xlsx")
    assert refused.value.code == 404
