#!/usr/bin/env python3
"""Search a teacher can trust, in a real browser (headless Chromium, Selenium),
on the sample site's realistic Russian practices: words in no page, typos,
problem-style phrases, school names, the kind filter, more on demand; a phone
(360 px) run with the first result above the fold, the catalog's filters
behind one button and filtered cards like unfiltered ones; the offline copy's
search from file://; `praktika serve`'s search after an edit.

    python3 Tests/browser/search_test.py [--praktika .build/debug/praktika]

Prints one line per check and closes with "N passed, N failed".
"""
import argparse, functools, http.server, pathlib, re, shutil, signal, socket, threading, subprocess, sys, tempfile, time, urllib.parse, urllib.request

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import site_test  # noqa: E402  (build, serve, browser, wait, check)
from selenium.webdriver.common.by import By  # noqa: E402

REPO, wait = site_test.REPO, site_test.wait
# Names the run: the quality checks run on one index bundle and on several merged.
prefix = ""


def check(name, condition, detail=""):
    site_test.check(prefix + name, condition, detail)


def search(driver, base, query, extra=""):
    driver.get(base + "search/?q=" + urllib.parse.quote(query) + extra)
    wait(driver, lambda d: d.find_element(By.ID, "search-status").text not in ("", "Поиск…"))
    time.sleep(0.3)  # the first page of results renders after the count
    return {
        "status": driver.find_element(By.ID, "search-status").text,
        "notes": driver.find_element(By.ID, "search-notes").text,
        "hrefs": [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, "#search-results .search-title a")],
        "marks": [m.text for m in driver.find_elements(By.CSS_SELECTOR, "#search-results mark")],
        "kinds": [k.text for k in driver.find_elements(By.CSS_SELECTOR, "#search-results .search-kind")],
    }


def rank(found, path):
    """1-based place of the page whose URL ends with path, or None."""
    return next((i + 1 for i, href in enumerate(found["hrefs"]) if href.endswith(path)), None)


def phone(driver):
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": 360, "height": 740, "deviceScaleFactor": 1, "mobile": True})


def quality(driver, base):
    for word in ["квантовая", "выгорание"]:
        found = search(driver, base, word)
        check(f"«{word}» (in no page): «Ничего не найдено» and no results",
              found["status"] == "Ничего не найдено" and not found["hrefs"], found)
        check(f"«{word}»: the catalog's topics are offered", "Темы каталога" in found["notes"] and "Наставничество" in found["notes"], found["notes"])

    found = search(driver, base, "наставничиство")
    check("typo «наставничиство»: nothing matched through a fragment", not found["hrefs"], found["hrefs"][:3])
    check("typo «наставничиство»: suggests «наставничество»", "Возможно, вы искали: наставничество" in found["notes"], found["notes"])
    suggestion = driver.find_elements(By.CSS_SELECTOR, "#search-notes a.search-suggestion")
    if suggestion:
        suggestion[0].click()
        wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#search-results .search-title a"))
        hrefs = [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, "#search-results .search-title a")]
        check("the suggestion finds the mentoring-pairs practice in the first five",
              any(h.endswith("/practices/mentoring-pairs/") for h in hrefs[:5]), hrefs[:5])

    found = search(driver, base, "наставник")
    check("«наставник» (stemming): the mentoring practices come first",
          rank(found, "/practices/visiting-mentors/") in (1, 2, 3) and rank(found, "/practices/mentoring-pairs/") in (1, 2, 3), found["hrefs"][:5])
    short = [m for m in found["marks"] if len(m.strip("«»,.;:()!? ")) <= 2]
    check("«наставник»: no highlighted word of one or two letters", found["marks"] and not short, short[:5])

    found = search(driver, base, "как удержать молодых педагогов в сельской школе")
    check("a problem-style query finds pages although no page has every word",
          found["hrefs"] and "со всеми словами: 0" in found["status"], found["status"])
    check("it says which function words it ignored", "«как»" in found["notes"] and "«в»" in found["notes"], found["notes"])
    check("the rural-school practice is in the first five",
          rank(found, "/practices/methodological-landing-zavodoukovsk/") in range(1, 6), found["hrefs"][:5])
    matched = driver.find_elements(By.CSS_SELECTOR, "#search-results .search-matched")
    check("partial matches show their matched words", matched and "Совпали слова" in matched[0].text, [m.text for m in matched[:2]])

    found = search(driver, base, "СОШ № 20")
    check("«СОШ № 20» finds that school's page first", rank(found, "/schools/school-20-syktyvkar/") == 1, found["hrefs"][:3])

    found = search(driver, base, "в к с")
    check("only one-letter words: nothing searched", not found["hrefs"] and "Не ищутся" in found["notes"], found)

    found = search(driver, base, "родителей")
    check("the parents' practice is the first result", rank(found, "/practices/parents-lesozavod/") == 1, found["hrefs"][:3])
    check("the result shows the matching passage with the word marked", any("родител" in m.lower() for m in found["marks"]), found["marks"][:5])
    meta = driver.find_element(By.CSS_SELECTOR, "#search-results .search-result").text
    check("a practice result shows its kind, school and year", "ПРАКТИКА" in meta.upper() and "СОШ № 33" in meta and "2021" in meta, meta[:200])

    # The kind filter and the URL.
    found = search(driver, base, "школа")
    total = int(found["status"].split(":")[1].split()[0])
    button = driver.find_elements(By.CSS_SELECTOR, "#search-kinds button[data-kind=practice]")
    check("the kind filter offers «Практики»", button, driver.find_element(By.ID, "search-kinds").text)
    if button:
        button[0].click()
        wait(driver, lambda d: "kind=practice" in d.current_url, 3)
        wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#search-results .search-kind"), 5)
        kinds = {k.text.split()[0].lower() for k in driver.find_elements(By.CSS_SELECTOR, "#search-results .search-kind")}
        check("«Практики» leaves practices only, and the URL keeps it", kinds == {"практика"} and "kind=practice" in driver.current_url, (kinds, driver.current_url))
    found = search(driver, base, "школа")
    check("more than 10 results: 10 shown, the rest on demand", total > 10 and len(found["hrefs"]) == 10, (total, len(found["hrefs"])))
    more = driver.find_elements(By.CSS_SELECTOR, "#search-more button")
    if more:
        # 10 more at each press, until every result is shown.
        for _ in range(total // 10 + 1):
            shown = len(driver.find_elements(By.CSS_SELECTOR, "#search-results .search-result"))
            if shown >= total or driver.find_element(By.ID, "search-more").get_attribute("hidden") is not None:
                break
            driver.find_element(By.CSS_SELECTOR, "#search-more button").click()
            wait(driver, lambda d: len(d.find_elements(By.CSS_SELECTOR, "#search-results .search-result")) > shown, 10)
        check("«Показать ещё» reaches every result", len(driver.find_elements(By.CSS_SELECTOR, "#search-results .search-result")) == total, total)
    box = driver.find_element(By.ID, "search-q")
    box.clear()
    box.send_keys("гимназия")
    wait(driver, lambda d: "q=" + urllib.parse.quote("гимназия") in d.current_url, 5)
    check("the query is kept in the URL as it is typed", "q=" + urllib.parse.quote("гимназия") in driver.current_url, driver.current_url)


def phone_layout(driver, base):
    phone(driver)
    found = search(driver, base, "наставник")
    top = driver.execute_script("var e = document.querySelector('#search-results .search-result'); return e ? e.getBoundingClientRect().top : 1e9")
    check("360 px: the first search result starts above the fold", top < 740, top)
    driver.get(base + "practices/")
    card = wait(driver, lambda d: d.execute_script("var e = document.querySelector('#catalog-results .card'); return e && e.getBoundingClientRect().top"))
    check("360 px: the catalog's first card starts above the fold", card and card < 740, card)
    summary = driver.find_elements(By.CSS_SELECTOR, ".catalog-panel > summary")
    check("360 px: the filters hide behind one button with the live count",
          summary and summary[0].is_displayed() and "найдено практик" in summary[0].text and not driver.find_element(By.CSS_SELECTOR, ".catalog-panel").get_attribute("open"),
          summary[0].text if summary else None)
    driver.get(base + "practices/?topic=mentoring")
    wait(driver, lambda d: "выбрано: 1" in d.find_element(By.CSS_SELECTOR, ".catalog-panel > summary").text, 5)
    cards = driver.find_elements(By.CSS_SELECTOR, "#catalog-results .practice-card")
    check("filtered catalog cards keep their summaries and topics",
          cards and all(c.find_elements(By.CSS_SELECTOR, ".card-summary") and c.find_elements(By.CSS_SELECTOR, ".tags a") for c in cards), len(cards))
    driver.get(base + "practices/mentoring-pairs/")
    links = driver.find_elements(By.CSS_SELECTOR, ".page-contents a")
    targets = [l.get_attribute("href").split("#")[1] for l in links]
    check("a practice page has a contents list to results, resources, materials and contact",
          {"results-title", "resources-title", "contact-title"} <= set(targets) and all(driver.find_elements(By.ID, t) for t in targets), targets)
    for page in ["search/?q=" + urllib.parse.quote("наставник"), "practices/", "practices/mentoring-pairs/", "schools/gymnasium-1-syktyvkar/",
                 "outcomes/decisions-on-time/", "programs/syktyvkar-municipal-2020/", "registers/tyumen-2025/", "materials/", "schools/school-klyuchi-zavodoukovsk/"]:
        for size in ["100", "200"]:
            driver.get(base + page)
            driver.execute_script("localStorage.setItem('praktika-lowvision', JSON.stringify({size: arguments[0]})); location.reload();", size)
            wait(driver, lambda d: size == "100" or d.execute_script("return document.documentElement.getAttribute('data-lv-size')") == size, 5)
            time.sleep(0.5)
            wide = driver.execute_script("return document.documentElement.scrollWidth - document.documentElement.clientWidth")
            check(f"360 px at {size} %: /{page.split('?')[0]} does not scroll sideways", wide <= 0, wide)
    driver.execute_script("localStorage.clear()")


def offline(driver, folder):
    check("the offline copy ships no Pagefind index", not (folder / "pagefind").exists())
    driver.get((folder / "search/index.html").as_uri() + "?q=" + urllib.parse.quote("родителей"))
    wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#search-results .search-title a"))
    hrefs = [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, "#search-results .search-title a")]
    check("offline from file://: search finds the parents' practice", hrefs and hrefs[0].endswith("practices/parents-lesozavod/index.html"), hrefs[:3])
    check("offline: the search says what it searches", driver.find_element(By.ID, "search-local").is_displayed())
    driver.get((folder / "search/index.html").as_uri() + "?q=" + urllib.parse.quote("квантовая"))
    wait(driver, lambda d: d.find_element(By.ID, "search-status").text)
    check("offline: a word in no page finds nothing", driver.find_element(By.ID, "search-status").text == "Ничего не найдено")
    driver.get((folder / "index.html").as_uri())
    form = driver.find_element(By.CSS_SELECTOR, ".site-search")
    check("offline: the header's search box leads to the working search page", form.get_attribute("action").endswith("search/index.html"), form.get_attribute("action"))


def serve(driver, praktika):
    work = pathlib.Path(tempfile.mkdtemp(prefix="praktika-serve-search-"))
    site = work / "site"
    shutil.copytree(REPO / "content", site / "content")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen([praktika, "serve", str(site), "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}/"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(base, timeout=1)
                break
            except Exception:
                time.sleep(0.2)
        found = search(driver, base, "квантовая")
        check("serve: a word in no page finds nothing", found["status"] == "Ничего не найдено", found)
        practice = site / "content/practices/parents-lesozavod.md"
        practice.write_text(practice.read_text(encoding="utf-8").replace("title: ", "title: Квантовая ", 1), encoding="utf-8")
        time.sleep(2.5)
        found = search(driver, base, "квантовая")
        check("serve: after an edit, search finds the edited practice", found["hrefs"] and found["hrefs"][0].endswith("/practices/parents-lesozavod/"), found)
    finally:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        shutil.rmtree(work, ignore_errors=True)


served = []


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        served.append(self.path.split("?")[0])


def static_server(folder):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


# Words of a few pages of the sample, which a bundle of a dozen pages often
# lacks while having a word that starts their stem (Pagefind would widen them
# to it), and common ones.
COUNTED = ["Эжва", "ВСОКО", "каникулы", "родителей", "наставник", "Сыктывкар", "учебная неуспешность"]


def counts(driver, base, queries=COUNTED):
    """Per query: how many pages are found, by kind."""
    found = {}
    for query in queries:
        search(driver, base, query)
        found[query] = driver.execute_script(
            "var n = {}; window.praktikaSearch.state.pages.forEach(function (p) { n[p.kind] = (n[p.kind] || 0) + 1; }); return n;")
    return found


def sharded(driver, base, folder, single):
    """The same questions, with the same answers, on an index split into five
    bundles of a dozen pages, published under a sub-path."""
    global prefix
    split = counts(driver, base)
    for query in COUNTED:
        check(f"bundles: «{query}» finds the same pages as one index (no word widened to a prefix in the bundles that lack it)",
              split[query] == single[query] and sum(single[query].values()) > 0, (split[query], single[query]))
    bundles = int(re.search(r'data-bundles="(\d+)"', (folder / "search/index.html").read_text(encoding="utf-8")).group(1))
    check("a small bundle size splits the sample site's index", bundles >= 4 and (folder / f"pagefind/shard-{bundles - 1}/pagefind-entry.json").is_file(), bundles)
    served.clear()
    prefix = "bundles: "
    try:
        quality(driver, base)
    finally:
        prefix = ""
    indexed = sum(1 for page in folder.rglob("*.html") if "data-pagefind-body" in page.read_text(encoding="utf-8"))
    counted = driver.execute_script("return window.praktikaSearch.bundlePages")
    check("bundles: the search page knows every bundle's pages (to weigh words over the whole site)", sum(counted) == indexed and len(counted) == bundles, (counted, indexed))
    entries = {p for p in served if p.endswith("pagefind-entry.json")}
    check("bundles: every bundle is merged into the search, under the sub-path",
          entries == {"/sub/pagefind/pagefind-entry.json"} | {f"/sub/pagefind/shard-{k}/pagefind-entry.json" for k in range(1, bundles)}, sorted(entries))


def recent_edits(driver, praktika, work):
    """One practice's text edited on a site of bundles: its bundle is kept, the
    practice is indexed alone into the recent-edits bundle, and the search
    answers as one index of the edited text would (the kept bundle's copy of
    the practice is superseded)."""
    source, out, single = work / "edits", work / "edits-out" / "sub", work / "edits-single"
    # A site of one bundle (1,000 to 4,000 pages at the defaults) takes recent edits too.
    one = work / "edits-one"
    shutil.copytree(REPO / "content", source / "content")

    def build(folder, *flags):
        subprocess.run([praktika, "build", str(source), "--output", str(folder), "--no-pdf", *flags], check=True, stdout=subprocess.DEVNULL)
    bundled = ["--search-shard-pages", "12", "--search-delta-pages", "1"]
    build(out, *bundled)
    build(one, "--search-delta-pages", "1")
    practice = source / "content/practices/gia-holidays.md"
    # The body only: its title and summary are quoted on other pages, whose records would change too.
    front, body = practice.read_text(encoding="utf-8").split("\n---\n", 1)
    practice.write_text(front + "\n---\n" + re.sub("[Кк]аникул", "перерыв", body).replace("тьютор", "куратор") + "\nКвазиканикулярный интенсив.\n", encoding="utf-8")
    build(out, *bundled)
    build(one, "--search-delta-pages", "1")
    build(single)
    check("recent edits: the edited practice is indexed alone beside the kept bundles",
          (out / "pagefind/delta/pagefind-entry.json").is_file() and "window.praktikaRecentEdits" in (out / "search/words/43a.js").read_text(encoding="utf-8"))
    queries = COUNTED + ["перерыв", "Квазиканикулярный", "тьюторского"]
    server, base = static_server(out.parent)
    single_server, single_base = static_server(single)
    one_server, one_base = static_server(one)
    try:
        expected = counts(driver, single_base, queries)
        check("recent edits: one bundle and its recent edits", (one / "pagefind/delta/pagefind-entry.json").is_file()
              and not (one / "pagefind/shard-1").exists())
        alone = counts(driver, one_base, queries)
        for query in queries:
            check(f"recent edits, one bundle: «{query}» finds the same pages as one index of the edited text",
                  alone[query] == expected[query], (alone[query], expected[query]))
        served.clear()
        found = counts(driver, base + "sub/", queries)
        for query in queries:
            check(f"recent edits: «{query}» finds the same pages as one index of the edited text",
                  found[query] == expected[query] and sum(expected[query].values()) > 0, (found[query], expected[query]))
        check("recent edits: the recent-edits bundle is merged into the search",
              "/sub/pagefind/delta/pagefind-entry.json" in served, sorted(p for p in served if p.endswith("entry.json")))
        hit = search(driver, base + "sub/", "Квазиканикулярный")
        check("recent edits: a word only in the edit finds the practice, once", [h.split("/sub/")[1] for h in hit["hrefs"]] == ["practices/gia-holidays/"], hit["hrefs"])
        gone = search(driver, base + "sub/", "тьюторского")
        check("recent edits: a word the edit removed (still on other pages) no longer finds the practice",
              gone["hrefs"] and rank(gone, "/practices/gia-holidays/") is None, gone["hrefs"])
    finally:
        server.shutdown()
        single_server.shutdown()
        one_server.shutdown()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--praktika", default=str(REPO / ".build/debug/praktika"))
    args = parser.parse_args()
    work = pathlib.Path(tempfile.mkdtemp(prefix="praktika-search-test-"))
    online, copy, split = work / "online", work / "offline", work / "split" / "sub"
    site_test.build(args.praktika, online)
    site_test.build(args.praktika, copy, "--offline")
    site_test.build(args.praktika, split, "--search-shard-pages", "12")
    server, base = static_server(online)
    split_server, split_base = static_server(split.parent)
    driver = site_test.browser(1280)
    try:
        quality(driver, base)
        sharded(driver, split_base + "sub/", split, counts(driver, base))
        recent_edits(driver, args.praktika, work)
        offline(driver, copy)
        serve(driver, args.praktika)
        phone_layout(driver, base)
    finally:
        driver.quit()
        server.shutdown()
        split_server.shutdown()
        shutil.rmtree(work, ignore_errors=True)
    passed = sum(site_test.results)
    print(f"{passed} passed, {len(site_test.results) - passed} failed")
    return 0 if passed == len(site_test.results) else 1


if __name__ == "__main__":
    sys.exit(main())
