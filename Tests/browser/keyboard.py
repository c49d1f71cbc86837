#!/usr/bin/env python3
"""Real keyboard input (Tab, Space, Enter, Escape) through the DevTools protocol
over --remote-debugging-pipe: no websocket library needed. Used by run.py."""
import json
import os
import subprocess
import time


class Browser:
    def __init__(self, chromium, profile, width=1280, height=900):
        r1, w1 = os.pipe()  # we write → chromium reads on fd 3
        r2, w2 = os.pipe()  # chromium writes on fd 4 → we read
        self.proc = subprocess.Popen(
            [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--remote-debugging-pipe",
             f"--user-data-dir={profile}", f"--window-size={width},{height}", "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, close_fds=False, preexec_fn=lambda: self._fds(r1, w2))
        os.close(r1)
        os.close(w2)
        self.out = os.fdopen(w1, "wb", buffering=0)
        self.inp = os.fdopen(r2, "rb", buffering=0)
        self.buffer = b""
        self.next_id = 0
        self.session = None

    @staticmethod
    def _fds(read, write):
        # In the child: the protocol wants our pipe ends exactly on fds 3 and 4.
        high_read, high_write = os.dup(read), os.dup(write)
        os.dup2(high_read, 3)
        os.dup2(high_write, 4)

    def send(self, method, params=None, session=True):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session and self.session:
            message["sessionId"] = self.session
        self.out.write(json.dumps(message).encode() + b"\0")
        while True:
            while b"\0" not in self.buffer:
                chunk = self.inp.read(65536)
                if not chunk:
                    raise RuntimeError("chromium closed the pipe")
                self.buffer += chunk
            raw, self.buffer = self.buffer.split(b"\0", 1)
            reply = json.loads(raw)
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})

    def open(self, url):
        target = self.send("Target.createTarget", {"url": "about:blank"}, session=False)["targetId"]
        self.session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True}, session=False)["sessionId"]
        self.send("Page.enable")
        self.send("Page.navigate", {"url": url})
        for _ in range(100):
            if self.js("document.readyState") == "complete":
                return
            time.sleep(0.1)

    def js(self, expression):
        result = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True})
        return result.get("result", {}).get("value")

    KEYS = {"Tab": (9, ""), "Enter": (13, "\r"), " ": (32, " "), "Escape": (27, "")}

    def key(self, name, shift=False):
        code, text = self.KEYS[name]
        base = {"key": name, "code": "Space" if name == " " else name, "windowsVirtualKeyCode": code, "modifiers": 8 if shift else 0}
        self.send("Input.dispatchKeyEvent", dict(base, type="keyDown", **({"text": text} if text else {})))
        self.send("Input.dispatchKeyEvent", dict(base, type="keyUp"))

    def close(self):
        try:
            self.send("Browser.close", session=False)
        except Exception:
            pass
        self.proc.wait(timeout=20)


def run(chromium, profile, catalog_url, practice_url):
    """Returns (passed, failures)."""
    passed, fail = 0, []

    def ok(cond, name):
        nonlocal passed
        if cond:
            passed += 1
        else:
            fail.append(name)

    b = Browser(chromium, profile)
    try:
        b.open(catalog_url)
        active = lambda: b.js("(() => { const a = document.activeElement; return a.tagName + '|' + (a.className || '') + '|' + (a.type || '') + '|' + a.textContent.trim().slice(0, 40); })()")
        b.js("document.querySelector('.catalog-reset').focus()")
        b.key("Tab")
        ok(b.js("document.activeElement.tagName") == "SUMMARY", "Tab from reset reaches the first facet's summary: " + active())
        b.key("Tab")
        ok(b.js("document.activeElement.type") == "search", "then its search box: " + active())
        b.key("Tab")
        ok(b.js("document.activeElement.type") == "checkbox", "then the first checkbox: " + active())
        ok(b.js("document.activeElement.matches(':focus-visible') && getComputedStyle(document.activeElement).outlineStyle !== 'none'"), "keyboard focus is visible")
        b.key(" ")
        ok(b.js("document.activeElement.checked && praktikaCatalogView.facets[0].selected.has(0)"), "Space toggles the filter")
        ok(b.js("document.getElementById('catalog-count').textContent") == "Найдено практик: " + str(b.js("praktikaCatalogView.matches.length")), "count follows")
        b.js("document.querySelector('details[data-facet=risk] > summary').focus()")
        b.key("Enter")
        ok(b.js("document.querySelector('details[data-facet=risk]').open"), "Enter opens a facet")
        b.js("document.querySelector('.catalog-more button').focus()")
        b.key("Enter")
        ok(b.js("document.activeElement.closest('.practice-card') !== null && document.querySelectorAll('#catalog-results .practice-card').length > 30"), "Enter on «Показать ещё» loads more and focuses the first new card")

        b.open(practice_url)
        b.js("document.getElementById('lowvision-toggle').focus()")
        b.key("Enter")
        ok(b.js("!document.getElementById('lowvision-panel').hidden && document.activeElement.getAttribute('aria-pressed') === 'true'"), "Enter on the toggle opens the panel, focus on the chosen option")
        ok(b.js("getComputedStyle(document.activeElement).outlineStyle !== 'none'"), "panel focus is visible")
        b.key("Tab")
        b.key("Enter")
        ok(b.js("document.documentElement.getAttribute('data-lv-size')") == "125", "Tab + Enter picks 125%")
        b.key("Escape")
        ok(b.js("document.getElementById('lowvision-panel').hidden && document.activeElement.id === 'lowvision-toggle' && document.activeElement.getAttribute('aria-expanded') === 'false'"), "Escape closes, focus back on the toggle")
        b.js("praktikaLowVision.reset()")
    finally:
        b.close()
    return passed, fail
