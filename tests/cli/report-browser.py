#!/usr/bin/env python3
"""report-browser.py CHROMIUM ARTEFACTS PAGE...: opens fb-report pages in
headless chromium, from disk (file://), one after the other in one tab, and
prints what the browser saw of each as one JSON line; a screenshot of each
(PAGE's name, .png) and chromium's log go to ARTEFACTS.

One browser launch, driven over the DevTools protocol on a pipe
(--remote-debugging-pipe: JSON messages ended by NUL on file descriptors
3 and 4), with the standard library only. Printed:

  page       PAGE
  dom        rows, charts, bars and dots, headline numbers, copy buttons
             shown, scripts, attributes named on*, window.pwned's type
  copied     the copy button's text after a click ("" with no button)
  requests   every URL the page asked for (only the page itself may be)
  errors     console errors, uncaught exceptions, log entries of level
             error (a script the Content-Security-Policy refused is one)
  dialogs    alert(), confirm() and prompt() messages
  print      for the first PAGE only: the copy buttons shown in print
             media, and the pages of its PDF (kept as PAGE's name, .pdf)
Every wait has a deadline far above what the steps take (TIMEOUT).
"""
import base64
import json
import os
import re
import select
import subprocess
import sys
import time

TIMEOUT = 90.0

DOM = r"""JSON.stringify({
  rows: {prospect: document.querySelectorAll('tr.prospect').length,
         demand: document.querySelectorAll('tr.demand').length},
  charts: document.querySelectorAll('svg.chart').length,
  bars: document.querySelectorAll('svg.chart rect[data-n]').length,
  dots: document.querySelectorAll('svg.chart circle[data-n]').length,
  stats: Object.fromEntries([...document.querySelectorAll('.stat')].map(
    s => [s.dataset.key, s.querySelector('.num').textContent])),
  buttons: [...document.querySelectorAll('button.copy')].filter(b => !b.hidden).length,
  scripts: document.scripts.length,
  handlers: [...document.querySelectorAll('*')].filter(
    e => [...e.attributes].some(a => a.name.toLowerCase().startsWith('on'))).length,
  pwned: typeof window.pwned,
  title: document.title,
  marks: [...document.querySelectorAll('mark')].map(m => m.textContent)
})"""

SHOWN_BUTTONS = r"""[...document.querySelectorAll('button.copy')].filter(
  b => getComputedStyle(b).display != 'none').length"""

CLICK = r"""(function () {
  var b = document.querySelector('button.copy');
  if (!b) return '';
  b.click();
  return b.textContent;
})()"""


class Browser:
    def __init__(self, chromium, artefacts):
        to_chrome, self.w = os.pipe()
        self.r, from_chrome = os.pipe()

        def fds():
            # High first, so that neither end lands on the other's number.
            a, b = os.dup(to_chrome), os.dup(from_chrome)
            a, b = os.dup2(a, 100), os.dup2(b, 101)
            os.dup2(a, 3)
            os.dup2(b, 4)

        args = [chromium, "--headless", "--disable-gpu", "--remote-debugging-pipe",
                "--user-data-dir=" + os.path.join(artefacts, "profile"),
                "--no-first-run", "--no-default-browser-check", "--disable-extensions",
                "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-default-apps", "--mute-audio",
                "--hide-scrollbars", "about:blank"]
        if os.geteuid() == 0:
            args.insert(1, "--no-sandbox")
        self.log = open(os.path.join(artefacts, "chromium.log"), "w")
        self.proc = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=self.log,
                                     stderr=self.log, preexec_fn=fds, close_fds=False)
        os.close(to_chrome)
        os.close(from_chrome)
        self.buf, self.events, self.next_id = b"", [], 0

    def send(self, method, params=None, session=None):
        self.next_id += 1
        msg = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            msg["sessionId"] = session
        os.write(self.w, json.dumps(msg).encode() + b"\0")
        return self.wait(lambda m: m.get("id") == self.next_id, method)

    def wait(self, want, what):
        deadline = time.monotonic() + TIMEOUT
        while True:
            for i, m in enumerate(self.events):
                if want(m):
                    del self.events[i]
                    if "error" in m:
                        raise RuntimeError("%s: %s" % (what, m["error"]))
                    return m
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError("no answer to %s in %g s" % (what, TIMEOUT))
            ready, _, _ = select.select([self.r], [], [], left)
            if not ready:
                continue
            chunk = os.read(self.r, 1 << 20)
            if not chunk:
                raise RuntimeError("chromium went away (see chromium.log)")
            self.buf += chunk
            while b"\0" in self.buf:
                line, self.buf = self.buf.split(b"\0", 1)
                self.events.append(json.loads(line))

    def close(self):
        try:
            self.send("Browser.close")
        except (RuntimeError, TimeoutError, OSError):
            pass
        # Its answers are in: a browser slow to shut down is not waited for long.
        try:
            self.proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self.log.close()


def visit(b, s, page, artefacts, pdf):
    """Opens page in the tab of session s; what the browser saw of it."""
    b.events.clear()
    b.send("Page.navigate", {"url": "file://" + os.path.abspath(page)}, session=s)
    b.wait(lambda m: m.get("method") == "Page.loadEventFired" and m.get("sessionId") == s,
           "Page.loadEventFired")
    dom = b.send("Runtime.evaluate", {"expression": DOM, "returnByValue": True},
                 session=s)["result"]["result"]["value"]
    copied = b.send("Runtime.evaluate", {"expression": CLICK, "returnByValue": True,
                    "userGesture": True}, session=s)["result"]["result"]["value"]
    # The first screen, what a reader sees on opening it.
    shot = b.send("Page.captureScreenshot", {"format": "png"}, session=s)["result"]["data"]
    name = os.path.splitext(os.path.basename(page))[0] + ".png"
    with open(os.path.join(artefacts, name), "wb") as f:
        f.write(base64.b64decode(shot))
    printed = None
    if pdf:
        # As printed: the buttons are gone, and the PDF is kept.
        b.send("Emulation.setEmulatedMedia", {"media": "print"}, session=s)
        shown = b.send("Runtime.evaluate", {"expression": SHOWN_BUTTONS, "returnByValue": True},
                       session=s)["result"]["result"]["value"]
        b.send("Emulation.setEmulatedMedia", {"media": ""}, session=s)
        data = base64.b64decode(b.send("Page.printToPDF", {"preferCSSPageSize": True},
                                       session=s)["result"]["data"])
        with open(os.path.join(artefacts, name[:-4] + ".pdf"), "wb") as f:
            f.write(data)
        printed = {"buttons_shown": shown,
                   "pages": len(re.findall(rb"/Type\s*/Page[^s]", data))}
    # Anything the page did, up to now, is in the events read so far.
    b.send("Runtime.evaluate", {"expression": "1"}, session=s)
    ev = b.events
    return {
        "print": printed,
        "page": page,
        "dom": json.loads(dom),
        "copied": copied,
        "requests": [m["params"]["request"]["url"] for m in ev
                     if m.get("method") == "Network.requestWillBeSent"],
        "errors": [m["params"]["entry"]["text"] for m in ev
                   if m.get("method") == "Log.entryAdded"
                   and m["params"]["entry"]["level"] == "error"] +
                  [" ".join(str(a.get("value", a.get("description", ""))) for a in
                            m["params"]["args"]) for m in ev
                   if m.get("method") == "Runtime.consoleAPICalled"
                   and m["params"]["type"] == "error"] +
                  [m["params"]["exceptionDetails"]["text"] for m in ev
                   if m.get("method") == "Runtime.exceptionThrown"],
        "dialogs": [m["params"]["message"] for m in ev
                    if m.get("method") == "Page.javascriptDialogOpening"],
    }


def main():
    chromium, artefacts, pages = sys.argv[1], sys.argv[2], sys.argv[3:]
    b = Browser(chromium, artefacts)
    try:
        # The tab chromium opened on about:blank; waiting for it costs no second renderer.
        targets = b.send("Target.getTargets")["result"]["targetInfos"]
        while not [t for t in targets if t["type"] == "page"]:
            time.sleep(0.05)
            targets = b.send("Target.getTargets")["result"]["targetInfos"]
        target = [t for t in targets if t["type"] == "page"][0]["targetId"]
        s = b.send("Target.attachToTarget", {"targetId": target, "flatten": True})
        s = s["result"]["sessionId"]
        for domain in ("Page", "Runtime", "Log", "Network"):
            b.send(domain + ".enable", session=s)
        b.send("Emulation.setDeviceMetricsOverride", {"width": 1200, "height": 900,
               "deviceScaleFactor": 1, "mobile": False}, session=s)
        for i, page in enumerate(pages):
            print(json.dumps(visit(b, s, page, artefacts, i == 0)))
    finally:
        b.close()


main()
