"""Types each shared search case (Tests/Fixtures/search/cases.json) into the search box of a
RelGraph page in headless Chromium and reports, as JSON, the results the page lists: for each
case, [[id, rank], ...] read from #rg-results (data-id, data-rank).

usage: search_cases.py PAGE.html CASES.json SCREENSHOT.png
"""
import json
import sys

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

page, cases_path, screenshot = sys.argv[1], sys.argv[2], sys.argv[3]
cases = json.load(open(cases_path, encoding="utf-8"))["cases"]

options = Options()
options.binary_location = "/usr/bin/chromium"
for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                 "--window-size=1400,900", "--lang=en-US", "--no-first-run"]:
    options.add_argument(argument)
driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
report = {"results": [], "console": []}
try:
    driver.get("file://" + page)
    WebDriverWait(driver, 60).until(lambda d: d.execute_script("return document.body && document.body.getAttribute('data-ready')") == "true")
    box = driver.find_element(By.ID, "relgraph-search")
    for case in cases:
        box.clear()
        box.send_keys(case["query"])
        report["results"].append(driver.execute_script(
            "return Array.from(document.querySelectorAll('#rg-results li[data-id]'))"
            ".map(function (e) { return [e.getAttribute('data-id'), e.getAttribute('data-rank')]; })"))
        if case["query"] == "von der Layen":
            driver.save_screenshot(screenshot)
    report["console"] = [entry["message"] for entry in driver.get_log("browser")]
finally:
    driver.quit()
print(json.dumps(report, ensure_ascii=False))
