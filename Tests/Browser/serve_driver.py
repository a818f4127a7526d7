"""Drives `relgraph serve` in headless Chromium as a person would: opens the page, edits the
file, and reports, as JSON, what the page showed after each edit and how long it took to show it.

usage: serve_driver.py URL FILE STEPS.json SCREENSHOT_PREFIX
STEPS is a list of {"write": TEXT, "expect": "node" | "problems", "id": NODE_ID}: the file is
written (as an editor saves: a new file renamed over it) and the driver waits, up to 30 s, until
the page shows the node `id` (in a drawing) or a list of problems.
"""
import json
import os
import sys
import time

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.support.ui import WebDriverWait

url, path, steps, prefix = sys.argv[1], sys.argv[2], json.loads(sys.argv[3]), sys.argv[4]

options = Options()
options.binary_location = "/usr/bin/chromium"
for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                 "--window-size=1400,900", "--lang=en-US", "--no-first-run"]:
    options.add_argument(argument)
options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)

SEEN = """
return {
  version: document.documentElement.getAttribute('data-live-version'),
  nodes: Array.from(document.querySelectorAll('#rg-canvas g[data-id]')).map(function (e) { return e.getAttribute('data-id'); }),
  problems: Array.from(document.querySelectorAll('#rg-problems li')).map(function (e) { return e.textContent; }),
  fragment: location.hash
};
"""


def seen():
    return driver.execute_script(SEEN)


report = {"steps": []}
try:
    driver.get(url)
    WebDriverWait(driver, 60).until(lambda d: d.execute_script("return document.body && document.body.getAttribute('data-ready')") == "true")
    # A state to keep across reloads: the focus on the first node, in the URL's fragment.
    first = seen()
    report["opened"] = first
    for index, step in enumerate(steps):
        before = seen()["version"]
        started = time.monotonic()
        temporary = path + ".saving"
        with open(temporary, "w", encoding="utf-8") as file:
            file.write(step["write"])
        os.replace(temporary, path)

        def shown(d):
            try:
                now = seen()
            except Exception:
                return False
            if now["version"] == before:
                return False
            if step["expect"] == "problems":
                return len(now["problems"]) > 0
            return step["id"] in now["nodes"]

        try:
            WebDriverWait(driver, 30, poll_frequency=0.1).until(shown)
            ok = True
        except Exception:
            ok = False
        result = seen()
        result["shown"] = ok
        result["seconds"] = round(time.monotonic() - started, 2)
        driver.save_screenshot("%s%d.png" % (prefix, index))
        report["steps"].append(result)
    report["console"] = [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]
finally:
    driver.quit()
print(json.dumps(report, ensure_ascii=False))
