#!/usr/bin/env python3
"""A Markdown table of the sample site (practice mentoring-pairs) in headless
Chromium at phone and desktop widths, also in low-vision mode: on a 360 px
phone the table scrolls inside its own frame (the page itself never scrolls
sideways), the frame can be scrolled from the keyboard, the edge shadow that
says "more to the right" is drawn, and it stays drawn with images switched off.
Screenshots go to .artifacts/screens/table-*.png (not committed).

    python3 Tests/browser/tables_test.py [--praktika .build/debug/praktika]
"""
import argparse, pathlib, shutil, subprocess, sys, tempfile, time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

REPO = pathlib.Path(__file__).resolve().parents[2]
ARTIFACTS = REPO / ".artifacts" / "screens"
PAGE = "practices/mentoring-pairs/index.html"
results = []


def check(name, condition, detail=""):
    results.append(bool(condition))
    print(("ok   " if condition else "FAIL ") + name + ("" if condition else f": {detail}"), flush=True)


def browser(width):
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for flag in ["--headless=new", "--no-sandbox", "--disable-gpu", "--allow-file-access-from-files"]:
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"), options=options)
    # The window of headless Chromium cannot be narrower than about 500 px; the
    # page is laid out at exactly `width` CSS pixels through device emulation.
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": width < 600})
    return driver


def measure(driver):
    return driver.execute_script("""
        const frame = document.querySelector('.text-table');
        const style = getComputedStyle(frame);
        return {scrollWidth: frame.scrollWidth, clientWidth: frame.clientWidth,
                pageOverflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
                shadows: style.backgroundImage, tabindex: frame.getAttribute('tabindex'),
                caption: frame.querySelector('caption') && frame.querySelector('caption').textContent,
                headers: [...frame.querySelectorAll('thead th')].map(th => th.getAttribute('scope'))};""")


def shot(driver, name):
    driver.execute_script("document.querySelector('.text-table').scrollIntoView({block: 'start'}); window.scrollBy(0, -40);")
    time.sleep(0.2)
    driver.save_screenshot(str(ARTIFACTS / f"table-{name}.png"))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--praktika", default=str(REPO / ".build/debug/praktika"))
    args = parser.parse_args()
    work = pathlib.Path(tempfile.mkdtemp(prefix="praktika-table-test-"))
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    subprocess.run([args.praktika, "build", str(REPO), "--output", str(work), "--no-pdf", "--no-search", "--offline"],
                   check=True, stdout=subprocess.DEVNULL)
    url = (work / PAGE).as_uri()
    try:
        phone = browser(360)
        phone.get(url)
        m = measure(phone)
        check("the table has a caption and column headers with scope=col",
              m["caption"] and "Наставнические пары" in m["caption"] and m["headers"] and all(s == "col" for s in m["headers"]), m)
        check("at 360 px the table is wider than its frame, so it scrolls inside it", m["scrollWidth"] > m["clientWidth"], m)
        check("at 360 px the page itself does not scroll sideways", m["pageOverflow"] <= 0, m)
        check("the edge shadows are drawn", m["shadows"].count("gradient") == 4, m["shadows"])
        shot(phone, "360")
        frame = phone.find_element(By.CSS_SELECTOR, ".text-table")
        check("the frame is reachable with Tab", m["tabindex"] == "0", m)
        frame.send_keys(Keys.ARROW_RIGHT, Keys.ARROW_RIGHT, Keys.ARROW_RIGHT)
        time.sleep(0.3)
        scrolled = phone.execute_script("return document.querySelector('.text-table').scrollLeft")
        check("arrow keys scroll the focused table", scrolled > 0, scrolled)
        shot(phone, "360-scrolled")

        # Low vision: 200 %, white on black, images off; the shadows are no image and stay.
        phone.execute_script("localStorage.setItem('praktika-lowvision', JSON.stringify({size: '200', scheme: 'black', images: 'off'})); location.reload();")
        time.sleep(0.5)
        lv = phone.execute_script("return document.documentElement.getAttribute('data-lv-images')")
        m = measure(phone)
        check("low vision is on (200 %, black, images off)", lv == "off", lv)
        check("low vision: the table scrolls inside its frame, the page does not", m["scrollWidth"] > m["clientWidth"] and m["pageOverflow"] <= 0, m)
        check("low vision: the edge shadows are still drawn with images off", m["shadows"].count("gradient") == 4, m["shadows"])
        shot(phone, "360-lowvision")
        phone.execute_script("localStorage.clear()")
        phone.quit()

        desktop = browser(1280)
        desktop.get(url)
        m = measure(desktop)
        check("at 1280 px the whole table fits", m["scrollWidth"] <= m["clientWidth"], m)
        shot(desktop, "1280")
        desktop.quit()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    passed = sum(results)
    print(f"{passed} passed, {len(results) - passed} failed")
    return 0 if passed == len(results) else 1


if __name__ == "__main__":
    sys.exit(main())
