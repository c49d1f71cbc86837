#!/usr/bin/env python3
"""Bytes a phone downloads to open the catalog and to run one search.

    python3 Benchmarks/phone_bytes.py [--practices 10000] [--query наставничество]

Builds the generated corpus with the search index, serves it on loopback,
opens practices/ in headless Chromium, then runs one search on search/, and
sums what the browser fetched (resource timing), raw and as gzip would send it.
"""
import argparse, functools, gzip, http.server, os, pathlib, shutil, subprocess, sys, threading, time
from urllib.parse import urlparse, unquote
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

here = pathlib.Path(__file__).resolve().parent
repo = here.parent


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--practices", type=int, default=10000)
    parser.add_argument("--query", default="наставничество")
    parser.add_argument("--praktika", default=str(repo / ".build/release/praktika"))
    parser.add_argument("--reuse", action="store_true", help="serve the last build as it is")
    parser.add_argument("--list", action="store_true", help="print every URL the search fetched")
    args = parser.parse_args()
    site = pathlib.Path(f"/tmp/praktika-bench/phone-{args.practices}")
    if not (site / "content").is_dir():
        subprocess.run([sys.executable, str(here / "generate_corpus.py"), "--practices", str(args.practices), "--out", str(site)], check=True)
    out = site / "public"
    started = time.time()
    if not args.reuse:
        subprocess.run([args.praktika, "build", str(site), "--output", str(out)], check=True, stdout=subprocess.DEVNULL)
    print(f"build with search index: {time.time() - started:.1f} s", file=sys.stderr)

    # The server's own log, not the page's resource timing: Pagefind fetches
    # its index from a web worker, which the page's timing does not list.
    served = []

    class Recording(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            served.append(self.path)
    handler = functools.partial(Recording, directory=str(out))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium")
    for flag in ["--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=390,844"]:
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(shutil.which("chromedriver")), options=options)

    def settled(read, quiet=2.0, limit=60.0):
        """What the page fetched once nothing new came for `quiet` seconds."""
        started, last, seen = time.time(), time.time(), read()
        while time.time() - started < limit and time.time() - last < quiet:
            time.sleep(0.25)
            now = read()
            if len(now) != len(seen):
                seen, last = now, time.time()
        return seen

    def fetched():
        return [base + path.lstrip("/").split("?")[0] for path in served]

    def sizes(urls, page):
        raw = zipped = 0
        for url in set(urls) | {page}:
            path = unquote(urlparse(url).path).lstrip("/")
            file = out / path
            if file.is_dir() or path == "" or path.endswith("/"):
                file = file / "index.html"
            if file.is_file():
                data = file.read_bytes()
                raw += len(data)
                zipped += len(gzip.compress(data, 6))
        return raw, zipped

    try:
        driver.get(base + "practices/")
        catalog = sizes(settled(fetched), base + "practices/")
        served.clear()
        driver.get(base + "search/?q=" + args.query)
        # Ranking many results takes a while on a slow device: wait for the
        # results (or the answer that there are none) before the quiet period.
        waited = time.time()
        while time.time() - waited < 120 and not driver.execute_script(
                "return document.querySelector('#search-results li') !== null || /Ничего/.test(document.getElementById('search-status').textContent)"):
            time.sleep(0.25)
        search_urls = settled(fetched)
        search = sizes(search_urls, base + "search/")
        if args.list:
            for url in sorted(set(search_urls)):
                print(f"{sizes([url], url)[1]:>8} {url}", file=sys.stderr)
        requests = len(set(u for u in search_urls if not u.endswith("favicon.ico")))
        print("| practices | open the catalog (raw / gzip) | one search, search page included (raw / gzip) | requests for the search |")
        print("|---:|---:|---:|---:|")
        print(f"| {args.practices} | {catalog[0] / 1024:.0f} KiB / {catalog[1] / 1024:.0f} KiB | {search[0] / 1024:.0f} KiB / {search[1] / 1024:.0f} KiB | {requests} |")
    finally:
        driver.quit()
        server.shutdown()


if __name__ == "__main__":
    main()
