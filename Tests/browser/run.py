#!/usr/bin/env python3
"""Browser checks for the default theme's catalog.js and lowvision.js/css.

Runs the test pages in this folder with headless Chromium (Debian: apt-get
install chromium), straight from file:// — no server, no network, no npm:

    python3 Tests/browser/run.py [--chromium PATH] [--screenshots DIR]

Each page writes its findings as JSON into <pre id="test-results">, which
this script reads through --dump-dom; keyboard.py sends real key presses
through --remote-debugging-pipe. Headless Chromium will not make a
window narrower than 500 px, so 390 px checks load the page in an iframe
(frame.html). Exit status 0 when everything passed.
"""
import argparse
import html
import json
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile

HERE = pathlib.Path(__file__).resolve().parent


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--chromium", default=shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome"))
    parser.add_argument("--screenshots", metavar="DIR", help="also save screenshots of typical views here")
    args = parser.parse_args()
    if not args.chromium:
        print("chromium not found; apt-get install -y chromium", file=sys.stderr)
        return 2
    tmp = pathlib.Path(tempfile.mkdtemp(prefix="praktika-browser-"))
    profiles = iter(range(1000))

    def url(page, rest=""):
        return (HERE / page).as_uri() + rest

    def chromium(extra, target, profile=None, width=1280, height=900):
        profile = profile or str(tmp / f"profile-{next(profiles)}")
        cmd = [args.chromium, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
               "--allow-file-access-from-files", f"--user-data-dir={profile}", f"--window-size={width},{height}", *extra, target]
        return subprocess.run(cmd, capture_output=True, text=True, timeout=180)

    def results(target, profile=None, **size):
        out = chromium(["--dump-dom"], target, profile, **size).stdout
        m = re.search(r'<pre id="test-results"[^>]*>(.*?)</pre>', out, re.S)
        if not m or not m.group(1).strip():
            return {"pass": 0, "fail": ["no results: the page failed before writing them"]}
        return json.loads(html.unescape(m.group(1)))

    narrow = lambda page, rest: url("frame.html", "?w=390&h=844&src=" + page + rest.replace("#", "%23").replace("&", "%26").replace("?", "%3F"))
    suites = [
        ("catalog: filters, counts, URL, show more, timing", lambda: results(url("catalog.html", "#cat-test"))),
        ("catalog: state from the query string", lambda: results(url("catalog.html", "?topic=top-3&topic=top-5&region=reg-2&bogus=1#cat-test"))),
        ("catalog: offline links (index.html)", lambda: results(url("catalog.html", "#cat-test-offline"))),
        ("catalog: a later server page (page/2/) is kept until filtered", lambda: results(url("catalog.html", "?page2#cat-test"))),
        ("catalog: no catalog-index.js", lambda: results(url("catalog.html", "?nodata#cat-test"))),
        ("catalog: empty catalog", lambda: results(url("catalog.html", "?n=0#cat-test"))),
        ("lowvision: panel, settings, contrast, images, keys", lambda: results(url("lowvision.html", "#lv-test"))),
        ("lowvision: localStorage throws", lambda: results(url("lowvision.html", "#lv-nostorage"))),
        ("lowvision: no sideways scroll, practice page, 1280 px", lambda: results(url("lowvision.html", "#lv-overflow"))),
        ("lowvision: no sideways scroll, practice page, 390 px", lambda: results(narrow("lowvision.html", "#lv-overflow"), width=600)),
        ("lowvision: no sideways scroll, catalog, 1280 px", lambda: results(url("catalog.html", "#lv-overflow"))),
        ("lowvision: no sideways scroll, catalog, 390 px", lambda: results(narrow("catalog.html", "#lv-overflow"), width=600)),
    ]

    def persist():
        profile = str(tmp / "profile-persist")
        chromium(["--dump-dom"], url("lowvision.html", "#lv=size:175,scheme:blue"), profile)
        return results(url("lowvision.html", "#lv-persist"), profile)
    suites.append(("lowvision: remembered across pages, applied in <head>", persist))

    def keys():
        sys.dont_write_bytecode = True
        sys.path.insert(0, str(HERE))
        import keyboard
        passed, fail = keyboard.run(args.chromium, str(tmp / "profile-keyboard"), url("catalog.html"), url("lowvision.html"))
        return {"pass": passed, "fail": fail}
    suites.append(("keyboard: Tab, Space, Enter, Escape through DevTools input events", keys))

    failed = 0
    for name, run in suites:
        r = run()
        extra = ""
        if r.get("timings", {}).get("changes"):
            t = r["timings"]
            extra = f" — start {t['startMs']} ms; per change median {t['medianMs']} ms, p95 {t['p95Ms']} ms, max {t['maxMs']} ms"
        status = "ok  " if not r["fail"] else "FAIL"
        print(f"{status} {name}: {r['pass']} checks{extra}")
        for f in r["fail"]:
            print("       -", f)
        failed += bool(r["fail"])

    if args.screenshots:
        shots = pathlib.Path(args.screenshots)
        shots.mkdir(parents=True, exist_ok=True)
        views = [
            ("catalog-1280.png", url("catalog.html", "?topic=top-3&region=reg-2"), 1280, 1400),
            ("catalog-390.png", narrow("catalog.html", "?municipality=mun-45").replace("h=844", "h=2000"), 500, 2000),
            ("practice-panel-1280.png", url("lowvision.html", "#lv-open"), 1280, 1100),
            ("practice-200-blue-1280.png", url("lowvision.html", "#lv=size:200,scheme:blue,images:off"), 1280, 2400),
            ("practice-200-black-390.png", narrow("lowvision.html", "#lv=size:200,scheme:black&lv-open").replace("h=844", "h=2400"), 500, 2400),
            ("catalog-200-brown-390.png", narrow("catalog.html", "?topic=top-1#lv=size:200,scheme:brown").replace("h=844", "h=2400"), 500, 2400),
        ]
        for name, target, w, h in views:
            chromium([f"--screenshot={shots / name}"], target, width=w, height=h)
        print("screenshots in", shots)

    shutil.rmtree(tmp, ignore_errors=True)
    print("all passed" if not failed else f"{failed} suite(s) failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
