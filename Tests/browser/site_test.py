#!/usr/bin/env python3
"""The built sample site in a real browser (Debian's headless Chromium through
Selenium): full-text search in Russian, catalog facets, the offline copy,
an accessibility check with axe-core, and screenshots at phone and desktop
widths (written to .artifacts/screens/, not committed).

    python3 Tests/browser/site_test.py [--praktika .build/debug/praktika]

Prints one line per check and closes with "N passed, N failed".
"""
import argparse, functools, http.server, json, os, pathlib, re, shutil, subprocess, sys, tempfile, threading, time

import yaml
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait
import importlib.util

REPO = pathlib.Path(__file__).resolve().parents[2]
ARTIFACTS = REPO / ".artifacts" / "screens"
results = []


def check(name, condition, detail=""):
    results.append(bool(condition))
    print(("ok   " if condition else "FAIL ") + name + ("" if condition else f": {detail}"), flush=True)


def build(praktika, out, *flags):
    subprocess.run([praktika, "build", str(REPO), "--output", str(out), "--no-pdf", *flags], check=True, stdout=subprocess.DEVNULL)


def serve(folder):
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(folder))
    handler.log_message = lambda *args: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def browser(width):
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for flag in ["--headless=new", "--no-sandbox", "--disable-gpu", "--allow-file-access-from-files", f"--window-size={width},1000"]:
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"), options=options)
    driver.set_page_load_timeout(30)
    driver.set_script_timeout(120)
    return driver


def wait(driver, condition, seconds=15):
    try:
        return WebDriverWait(driver, seconds).until(lambda d: condition(d))
    except Exception:
        return None


def axe_source():
    """axe-core as shipped in the PyPI package axe-playwright-python (installed
    with --no-deps: only its axe.min.js is used, in Selenium)."""
    spec = importlib.util.find_spec("axe_playwright_python")
    return (pathlib.Path(spec.origin).parent / "axe.min.js").read_text(encoding="utf-8")


def axe_violations(driver, tags):
    driver.execute_script(axe_source())
    result = driver.execute_async_script(
        "var done = arguments[arguments.length - 1];"
        "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}})"
        ".then(function (r) { done(r.violations.map(function (v) { return v.id + ' (' + v.impact + '): ' + JSON.stringify(v.nodes[0].target); })); })"
        ".catch(function (e) { done(['axe failed: ' + e]); });", tags)
    return result


def practices_with_topic(topic):
    count = 0
    for path in (REPO / "content/practices").glob("*.md"):
        front = path.read_text(encoding="utf-8").split("---")[1]
        data = yaml.safe_load(front)
        if data.get("status", "published") != "draft" and topic in (data.get("topics") or []):
            count += 1
    return count


def best_for_outcome():
    """The outcome with the most results, and its practices by improvement (the better way), best first."""
    by_outcome = {}
    for path in sorted((REPO / "content/practices").glob("*.md")):
        data = yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1])
        if data.get("status", "published") == "draft":
            continue
        for row in data.get("results") or []:
            if row.get("outcome") and row.get("direction"):
                try:
                    change = float(str(row["after"]).replace(",", ".")) - float(str(row["before"]).replace(",", "."))
                except (KeyError, ValueError):
                    continue
                by_outcome.setdefault((row["outcome"], str(row.get("unit"))), []).append((change if row["direction"] == "up" else -change, path.stem))
    (outcome, _), rows = max(by_outcome.items(), key=lambda item: len(item[1]))
    return outcome, [stem for _, stem in sorted(rows, key=lambda r: -r[0])]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--praktika", default=str(REPO / ".build/debug/praktika"))
    args = parser.parse_args()
    work = pathlib.Path(tempfile.mkdtemp(prefix="praktika-site-test-"))
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    online, offline = work / "online", work / "offline"
    build(args.praktika, online)
    build(args.praktika, offline, "--offline", "--no-search")
    check("the search index was built", (online / "pagefind/pagefind.js").exists())
    # A template that reaches a model instead of its text prints Swift's description of it.
    described = [(str(page.relative_to(online)), m.group(0)) for page in sorted(online.rglob("*"))
                 if page.suffix in (".html", ".xml", ".js", ".json") and not page.is_relative_to(online / "pagefind")
                 for m in [re.search(r"Optional\(|\b[A-Z][A-Za-z]*(Model|Page|Link|Card|Entry)\(", page.read_text(encoding="utf-8"))] if m]
    check("no page of the sample site shows a Swift value's description", not described, described[:3])
    server, base = serve(online)
    desktop = browser(1280)
    try:
        # Russian stemming: «наставник» finds «наставничество» and «наставников».
        desktop.get(base + "search/?q=" + "наставник")
        found = wait(desktop, lambda d: d.find_elements(By.CSS_SELECTOR, "#search-results .search-title a"))
        titles = [a.text for a in found or []]
        check("search for «наставник» finds the mentoring-pairs practice",
              any("Наставнические пары" in t for t in titles), titles[:8])
        kinds = [e.text for e in desktop.find_elements(By.CSS_SELECTOR, "#search-results .search-kind")]
        check("search results say what kind of page they are", "практика" in [k.lower() for k in kinds], kinds[:5])

        # Facets: the count after choosing a topic equals the practices tagged with it.
        desktop.get(base + "practices/")
        box = wait(desktop, lambda d: d.find_element(By.CSS_SELECTOR, "#catalog-facets input[type=checkbox][value=mentoring], #catalog-facets input[data-slug=mentoring]"))
        if box is None:
            boxes = desktop.find_elements(By.CSS_SELECTOR, "#catalog-facets input[type=checkbox]")
            box = next((b for b in boxes if "Наставничество" in (b.find_element(By.XPATH, "..").text)), None)
        check("the catalog shows a checkbox for the topic «Наставничество»", box is not None)
        card_html = "return Object.fromEntries(Array.from(document.querySelectorAll('#catalog-results .practice-card'), c => [c.querySelector('a').getAttribute('href'), c.outerHTML]))"
        server_cards = desktop.execute_script(card_html)
        if box is not None:
            desktop.execute_script("arguments[0].click()", box)
            expected = practices_with_topic("mentoring")
            cards = wait(desktop, lambda d: len(d.find_elements(By.CSS_SELECTOR, "#catalog-results .practice-card")) == expected and d.find_elements(By.CSS_SELECTOR, "#catalog-results .practice-card"))
            check(f"choosing the topic leaves its {expected} practices", cards, len(desktop.find_elements(By.CSS_SELECTOR, "#catalog-results .practice-card")))
            # The script draws its cards from the theme's card template: once the
            # summaries have come, each is the server's card for that practice, byte for byte.
            wait(desktop, lambda d: len(d.find_elements(By.CSS_SELECTOR, "#catalog-results .card-summary")) == expected)
            drawn = desktop.execute_script(card_html)
            differing = [href for href, markup in drawn.items() if server_cards.get(href) != markup]
            check(f"the {len(drawn)} cards the script drew equal the server's cards", drawn and not differing,
                  [(href, server_cards.get(href), drawn[href]) for href in differing[:1]])
            wait(desktop, lambda d: "topic=mentoring" in d.current_url, 3)
            check("the filter is kept in the URL", "topic=mentoring" in desktop.current_url, desktop.current_url)

        # Order by the largest improvement in an outcome: the best result comes first.
        outcome, best = best_for_outcome()
        desktop.get(base + f"practices/?sort=outcome-{outcome}")
        first = wait(desktop, lambda d: d.execute_script(
            "const s = document.querySelector('.catalog-sort select'); const a = document.querySelector('#catalog-results .practice-card a');"
            "return s && s.value && a ? [s.value, a.getAttribute('href')] : null"))
        check(f"?sort=outcome-{outcome} puts the largest improvement first ({best[0]})",
              first and first[0] == f"outcome-{outcome}" and first[1].endswith(f"practices/{best[0]}/"), first)


        # An outcome's table sorts by the column a reader presses; the change sorts as numbers.
        desktop.get(base + "outcomes/decisions-on-time/")
        button = wait(desktop, lambda d: d.find_elements(By.CSS_SELECTOR, "table.outcome-results thead th:nth-child(3) .sort-button"))
        if button:
            button[0].click()  # Год: descending first
            years = desktop.execute_script("return Array.from(document.querySelectorAll('table.outcome-results tbody tr td:nth-child(3)')).map(c => c.textContent.trim())")
            sort = desktop.execute_script("return document.querySelector('table.outcome-results thead th:nth-child(3)').getAttribute('aria-sort')")
            check("an outcome's table sorts by year when its header is pressed", sort == "descending" and years == sorted(years, reverse=True) and len(years) > 1, (sort, years))
        else:
            check("an outcome's table has sort buttons", False, "none")

        # Materials: choosing a year leaves exactly that year's files.
        desktop.get(base + "materials/")
        years = wait(desktop, lambda d: d.execute_script(
            "const f = document.getElementById('materials-filters'); return f && !f.hidden ? Array.from(f.elements.year.options).map(o => o.value).filter(Boolean) : null"))
        if years:
            year = years[0]
            expected = desktop.execute_script(f"return document.querySelectorAll('table.materials tbody tr[data-year=\"{year}\"]').length")
            desktop.execute_script(f"const s = document.getElementById('materials-filters').elements.year; s.value = '{year}'; s.dispatchEvent(new Event('change', {{bubbles: true}}))")
            shown = desktop.execute_script("return Array.from(document.querySelectorAll('table.materials tbody tr')).filter(r => !r.hidden).length")
            check(f"materials: the year {year} leaves its {expected} files", shown == expected and 0 < shown < desktop.execute_script("return document.querySelectorAll('table.materials tbody tr').length"), shown)
        else:
            check("materials: the filters appear", False, years)

        # The checker itself must see a known fault, or its silence proves nothing.
        desktop.get("data:text/html;charset=utf-8,<html><body><img src=x><a href=#></a></body></html>")
        known = axe_violations(desktop, ["wcag2a"])
        check("axe-core reports a missing alt text on a faulty page", any(v.startswith("image-alt") for v in known), known)

        # Accessibility with axe-core on every kind of page, then at 200 % in white on black.
        pages = ["", "practices/", "practices/mentoring-pairs/", "practices/vsoko-network-model/", "outcomes/decisions-on-time/", "materials/", "registers/tyumen-2025/", "people/", "people/talantseva-marina/", "schools/gymnasium-1-syktyvkar/", "networks/syktyvkar-gymnasium-1-network/",
                 "programs/syktyvkar-municipal-2020/", "seminars/regional-final-seminar-2023/", "topics/", "search/"]
        for page in pages:
            desktop.get(base + page)
            bad = axe_violations(desktop, ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
            check(f"axe-core finds no WCAG A/AA violation on /{page}", not bad, bad[:5])
        desktop.get(base + "practices/mentoring-pairs/")
        desktop.execute_script("localStorage.setItem('praktika-lowvision', JSON.stringify({size:'200', scheme:'black'})); location.reload();")
        wait(desktop, lambda d: d.execute_script("return document.documentElement.getAttribute('data-lv-size')") == "200", 5)
        bad = axe_violations(desktop, ["wcag2a", "wcag2aa"])
        check("at 200 % white on black: no contrast or other AA violation", not bad, bad[:5])
        overflow = desktop.execute_script("return document.documentElement.scrollWidth - document.documentElement.clientWidth")
        check("at 200 % nothing scrolls sideways at 1280 px", overflow <= 0, overflow)
        desktop.execute_script("localStorage.clear()")

        for width in (390, 1280):
            shot = browser(width) if width != 1280 else desktop
            for page, name in [("", "home"), ("practices/", "catalog"), ("practices/mentoring-pairs/", "practice")]:
                shot.get(base + page)
                time.sleep(0.3)
                shot.save_screenshot(str(ARTIFACTS / f"{name}-{width}.png"))
            if shot is not desktop:
                shot.quit()
        check("screenshots saved", len(list(ARTIFACTS.glob("*.png"))) >= 6)

        # The offline copy: the catalog filters from file://, without fetch.
        desktop.get((offline / "practices/index.html").as_uri())
        boxes = wait(desktop, lambda d: d.find_elements(By.CSS_SELECTOR, "#catalog-facets input[type=checkbox]"))
        check("offline: the catalog builds its facets from file://", boxes)
        if boxes:
            before = len(desktop.find_elements(By.CSS_SELECTOR, "#catalog-results .practice-card"))
            desktop.execute_script("arguments[0].click()", boxes[0])
            after = wait(desktop, lambda d: len(d.find_elements(By.CSS_SELECTOR, "#catalog-results .practice-card")) != before
                         and len(d.find_elements(By.CSS_SELECTOR, "#catalog-results .practice-card")))
            check("offline: choosing a facet value filters the list", after, before)
            link = desktop.find_element(By.CSS_SELECTOR, "#catalog-results .practice-card a").get_attribute("href")
            check("offline: result links name index.html", link.endswith("index.html"), link)
        desktop.get((offline / "search/index.html").as_uri() + "?q=" + "наставник")
        message = wait(desktop, lambda d: d.find_element(By.ID, "search-local").is_displayed())
        check("offline: the search page says it searches the catalog's titles and summaries", message)
    finally:
        desktop.quit()
        server.shutdown()
        shutil.rmtree(work, ignore_errors=True)
    passed = sum(results)
    print(f"{passed} passed, {len(results) - passed} failed")
    return 0 if passed == len(results) else 1


if __name__ == "__main__":
    sys.exit(main())
