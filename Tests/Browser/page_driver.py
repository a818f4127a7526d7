"""Drives RelGraph's interactive page in headless Chromium (Selenium) and reports, as JSON,
what a person would see after each step. The Swift tests (Tests/CLITests/PageBrowserTests.swift)
decide what is right by asking the relgraph binary the same questions.

usage: page_driver.py PAGE.html SCREENSHOT_PREFIX STEPS.json
STEPS is a list of steps: {"search": TEXT} (with "enter": true, Enter picks the first hit), {"click": NODE_ID}, {"clear": true},
{"asof": DATE}, {"lang": LANG}, {"path": [FROM, TO]}, {"screenshot": NAME}, {"fragment": TEXT}, {"hide": ["kind"|"relation", ID]}, {"keyboard": NODE_ID},
{"zoom": true}, {"relationLink": NODE_ID}, {"print": true}, {"edgeLabels": true|false} (the switch of names on the lines),
{"reload": true}. Each step reports what it saw.
"""
import json
import sys
import time

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait

page, prefix, steps = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])

options = Options()
options.binary_location = "/usr/bin/chromium"
for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                 "--window-size=1600,1000", "--lang=en-US", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--disable-default-apps"]:
    options.add_argument(argument)
options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
url = "file://" + page
report = {"steps": []}


def load(address):
    started = time.monotonic()
    driver.get(address)
    WebDriverWait(driver, 60).until(lambda d: d.execute_script("return document.body && document.body.getAttribute('data-ready')") == "true")
    return {
        "wall": time.monotonic() - started,
        "ready": driver.execute_script("return window.relgraphTimings.ready"),
        "domContentLoaded": driver.execute_script("var n = performance.getEntriesByType('navigation')[0]; return n ? n.domContentLoadedEventEnd : null"),
    }


def ids(selector):
    return driver.execute_script(
        "return Array.from(document.querySelectorAll(arguments[0])).map(function (e) { return e.getAttribute('data-id'); })", selector)


def click_node(node):
    # A person's click, through the browser's input pipeline, on the node's shape.
    element = driver.find_element(By.CSS_SELECTOR, '#rg-canvas g[data-id="%s"]' % node.replace('"', '\\"'))
    shape = element.find_elements(By.CSS_SELECTOR, "ellipse, polygon, path")
    ActionChains(driver).move_to_element(shape[0] if shape else element).click().perform()


try:
    report["load"] = load(url)
    for step in steps:
        seen = {"step": step}
        if "search" in step:
            box = driver.find_element(By.ID, "relgraph-search")
            box.clear()
            box.send_keys(step["search"])
            if step.get("enter"):
                box.send_keys(Keys.ENTER)
            seen["results"] = ids("#rg-results li[data-id]")
            seen["matched"] = ids("#rg-canvas g.node.rg-match")
        if "click" in step:
            click_node(step["click"])
            seen["faded"] = ids("#rg-canvas g.node.rg-faded")
            seen["unfaded"] = ids("#rg-canvas g.node:not(.rg-faded):not(.rg-hidden)")
            seen["focus"] = ids("#rg-canvas g.node.rg-focus")
            seen["details"] = driver.find_element(By.ID, "rg-details").text
            seen["links"] = driver.execute_script(
                "return Array.from(document.querySelectorAll('#rg-details a[href]')).map(function (a) { return a.getAttribute('href'); })")
            seen["updateMs"] = driver.execute_script("return window.relgraphTimings.lastUpdate")
            # The whole update as a person waits for it (handler, style, layout), from the
            # unfocused drawing to a focused one (every other node fades), five times; the median.
            seen["clickMs"] = driver.execute_script("""
                var groups = document.querySelectorAll('#rg-canvas g.node');
                var clear = document.getElementById('rg-clear');
                var times = [];
                for (var i = 1; i <= 5; i++) {
                  clear.click();
                  document.body.getBoundingClientRect();
                  var element = groups[(i * 397) % groups.length];
                  var t0 = performance.now();
                  element.dispatchEvent(new MouseEvent('click', {bubbles: true}));
                  document.body.getBoundingClientRect(); getComputedStyle(element).opacity;
                  times.push(performance.now() - t0);
                }
                clear.click();
                element = document.querySelector('#rg-canvas g[data-id="' + arguments[0] + '"]');
                element.dispatchEvent(new MouseEvent('click', {bubbles: true}));
                times.sort(function (a, b) { return a - b; });
                return times[2];""", step["click"])
        if "clear" in step:
            driver.find_element(By.ID, "rg-clear").click()
            seen["faded"] = ids("#rg-canvas g.node.rg-faded")
        if "asof" in step:
            index = driver.execute_script("""
                var data = JSON.parse(document.getElementById('relgraph-data').textContent);
                var dates = data.dates.map(function (d) { return d[0]; });
                return arguments[0] === 'all' ? dates.length : dates.indexOf(arguments[0]);""", step["asof"])
            seen["index"] = index
            if index is not None and index >= 0:
                # Keyboard, as a person without a mouse would: End, then Left arrow to the date.
                slider = driver.find_element(By.ID, "relgraph-time")
                total = int(slider.get_attribute("max"))
                slider.send_keys("\ue010")  # End
                slider.send_keys("\ue012" * (total - index))  # Left
                seen["label"] = driver.find_element(By.ID, "rg-time-value").text
                seen["shown"] = ids("#rg-canvas g.node:not(.rg-hidden)")
                seen["edges"] = driver.execute_script(
                    "return document.querySelectorAll('#rg-canvas g.edge:not(.rg-hidden)').length")
        if "lang" in step:
            Select(driver.find_element(By.ID, "relgraph-lang")).select_by_value(step["lang"])
            seen["labels"] = driver.execute_script("""
                var out = {};
                document.querySelectorAll('#rg-canvas g.node').forEach(function (g) {
                  out[g.getAttribute('data-id')] = Array.from(g.querySelectorAll('text')).map(function (t) { return t.textContent; }).join(' ');
                });
                return out;""")
            seen["htmlLang"] = driver.execute_script("return document.documentElement.lang")
        if "path" in step:
            source, target = step["path"]
            # Each end found as a person would find it in a large drawing: search, Enter.
            for node, button in [(source, "rg-path-from-button"), (target, "rg-path-to-button")]:
                box = driver.find_element(By.ID, "relgraph-search")
                box.clear()
                box.send_keys(node)
                box.send_keys(Keys.ENTER)
                driver.find_element(By.ID, button).click()
            seen["highlighted"] = ids("#rg-canvas g.node.rg-highlight")
            seen["pathNodes"] = (driver.find_element(By.ID, "rg-path-result").get_attribute("data-nodes") or "").split()
            seen["highlightedEdges"] = driver.execute_script(
                "return Array.from(document.querySelectorAll('#rg-canvas g.edge.rg-highlight')).map(function (e) { return [e.getAttribute('data-from'), e.getAttribute('data-to'), e.getAttribute('data-relation')]; })")
        if "hide" in step:
            kind, name = step["hide"]
            driver.find_element(By.CSS_SELECTOR, 'input[data-%s="%s"]' % (kind, name)).click()
            seen["shown"] = ids("#rg-canvas g.node:not(.rg-hidden)")
            seen["edges"] = driver.execute_script("return document.querySelectorAll('#rg-canvas g.edge:not(.rg-hidden)').length")
            seen["hash"] = driver.execute_script("return location.hash")
        if "keyboard" in step:
            # Tab into the drawing's nodes and press Enter on one, without a mouse.
            driver.execute_script("document.querySelector('#rg-canvas g[data-id=\"' + arguments[0] + '\"]').focus()", step["keyboard"])
            active = driver.switch_to.active_element
            seen["active"] = active.get_attribute("data-id")
            active.send_keys(Keys.ENTER)
            seen["focus"] = ids("#rg-canvas g.node.rg-focus")
            seen["tabbable"] = driver.execute_script("return document.querySelectorAll('#rg-canvas g.node[tabindex=\"0\"]').length")
        if "zoom" in step:
            box = lambda: driver.execute_script("var b = document.querySelector('#rg-canvas svg').viewBox.baseVal; return [b.x, b.y, b.width, b.height]")
            seen["before"] = box()
            canvas = driver.find_element(By.ID, "rg-canvas")
            driver.execute_script("arguments[0].focus()", canvas)
            canvas.send_keys("+")
            seen["zoomedIn"] = box()
            canvas.send_keys(Keys.ARROW_RIGHT)
            seen["panned"] = box()
            ActionChains(driver).move_to_element_with_offset(canvas, 0, 0).click_and_hold().move_by_offset(-120, -80).release().perform()
            seen["dragged"] = box()
            canvas.send_keys("0")
            seen["fitted"] = box()
        if "pinch" in step:
            # Two fingers moving apart, through the DevTools protocol's touch input.
            driver.execute_cdp_cmd("Emulation.setTouchEmulationEnabled", {"enabled": True, "maxTouchPoints": 2})
            box = lambda: driver.execute_script("var b = document.querySelector('#rg-canvas svg').viewBox.baseVal; return [b.x, b.y, b.width, b.height]")
            seen["before"] = box()
            def touch(kind, points):
                driver.execute_cdp_cmd("Input.dispatchTouchEvent", {"type": kind, "touchPoints": [{"x": x, "y": y, "id": i} for i, (x, y) in enumerate(points)]})
            touch("touchStart", [(500, 400), (560, 400)])
            for spread in range(1, 11):
                touch("touchMove", [(500 - 10 * spread, 400), (560 + 10 * spread, 400)])
            touch("touchEnd", [])
            seen["after"] = box()
        if "clickEdge" in step:
            # A click on the middle of the edge's line, where a person would aim.
            source, target, relation = step["clickEdge"]
            offset = driver.execute_script("""
                var group = document.querySelector('#rg-canvas g[data-from="' + arguments[0] + '"][data-to="' + arguments[1] + '"][data-relation="' + arguments[2] + '"]');
                var path = group.querySelector('path.rg-hit');
                var point = path.getPointAtLength(path.getTotalLength() / 2);
                var screen = point.matrixTransform(path.getScreenCTM());
                var box = document.getElementById('rg-canvas').getBoundingClientRect();
                return [screen.x - (box.left + box.width / 2), screen.y - (box.top + box.height / 2)];""", source, target, relation)
            canvas = driver.find_element(By.ID, "rg-canvas")
            ActionChains(driver).move_to_element_with_offset(canvas, int(offset[0]), int(offset[1])).click().perform()
            seen["details"] = driver.find_element(By.ID, "rg-details").text
            seen["selected"] = driver.execute_script(
                "return Array.from(document.querySelectorAll('#rg-canvas g.edge.rg-selected')).map(function (e) { return [e.getAttribute('data-from'), e.getAttribute('data-to'), e.getAttribute('data-relation')]; })")
        if "relationLink" in step:
            click_node(step["relationLink"])
            driver.find_element(By.CSS_SELECTOR, "#rg-details .rg-relation").click()
            seen["details"] = driver.find_element(By.ID, "rg-details").text
            seen["selected"] = driver.execute_script(
                "return Array.from(document.querySelectorAll('#rg-canvas g.edge.rg-selected')).map(function (e) { return [e.getAttribute('data-from'), e.getAttribute('data-to'), e.getAttribute('data-relation')]; })")
        if "print" in step:
            driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
            seen["hiddenInPrint"] = driver.execute_script(
                "return ['.rg-controls', '.rg-actions'].map(function (s) { var e = document.querySelector(s); return e ? getComputedStyle(e).display : 'none'; })")
            seen["svgPosition"] = driver.execute_script("return getComputedStyle(document.querySelector('#rg-canvas svg')).position")
            driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
        if "edgeLabels" in step:
            # The switch between names on every line and not, clicked as a person would.
            switch = driver.find_element(By.ID, "rg-edge-labels")
            seen["switchShown"] = switch.is_displayed()
            if switch.is_displayed() and switch.is_selected() != step["edgeLabels"]:
                switch.click()
            seen["checked"] = switch.is_selected()
            seen["edges"] = driver.execute_script("return document.querySelectorAll('#rg-canvas g.edge').length")
            # Edges whose group shows text on the drawing (its label, on the line or beside it).
            seen["named"] = driver.execute_script("""
                return Array.from(document.querySelectorAll('#rg-canvas g.edge')).filter(function (e) {
                  return Array.from(e.querySelectorAll('text')).some(function (t) { return t.textContent.trim() !== '' && t.getBBox().width > 0; });
                }).length;""")
            seen["lineSamples"] = driver.execute_script("return document.querySelectorAll('#rg-legend-relations svg, #rg-legend-relations .rg-line').length")
            seen["hash"] = driver.execute_script("return location.hash")
        if "fragment" in step:
            seen["hash"] = driver.execute_script("return location.hash")
        if "reload" in step:
            address = driver.execute_script("return location.href")
            driver.get("about:blank")
            seen["load"] = load(address)
            seen["focus"] = ids("#rg-canvas g.node.rg-focus")
            seen["lang"] = driver.execute_script("return document.documentElement.lang")
            seen["time"] = driver.find_element(By.ID, "rg-time-value").text
        if "fonts" in step:
            # The font faces the page loaded once its text is drawn: "FAMILY WEIGHT UNICODE-RANGE".
            seen["fonts"] = driver.execute_async_script("""
                var done = arguments[arguments.length - 1];
                document.fonts.ready.then(function () {
                  done(Array.from(document.fonts).filter(function (f) { return f.status === 'loaded'; })
                    .map(function (f) { return f.family.replace(/"/g, '') + ' ' + f.weight + ' ' + f.unicodeRange; }));
                });""")
        if "screenshot" in step:
            path = prefix + step["screenshot"] + ".png"
            driver.save_screenshot(path)
            seen["screenshot"] = path
        report["steps"].append(seen)
    report["resources"] = driver.execute_script(
        "return performance.getEntriesByType('resource').map(function (e) { return e.name; })")
    requests = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message.get("method") == "Network.requestWillBeSent":
            requests.append(message["params"]["request"]["url"])
    report["requests"] = requests
    report["console"] = [entry["message"] for entry in driver.get_log("browser")]
finally:
    driver.quit()
print(json.dumps(report))
