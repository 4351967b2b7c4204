#!/usr/bin/env python3
"""report-html.py PAGE: what an fb-report page holds, as one JSON object.

Parses the page with the standard library's html.parser (as a browser
tokenises it: <script> and <style> hold raw text) and prints, for
tests/cli/fb-report.bats to check with jq:

  balanced   every element opened was closed, in order (void elements aside)
  stats      the headline numbers, by data-key, as integers
  rows       the count of <tr> of each class (prospect, demand)
  figures    per chart (figure id): its bars' and dots' data-n, summed
  marks      the text of each <mark>
  marklines  the threshold labels of the score chart
  scripts    the text of each <script>, and csp_hashes: the script hashes
             that the Content-Security-Policy allows
  handlers   attributes named on* anywhere (none may be)
  hidden_buttons  buttons hidden until the page's script shows them
  hrefs      every href, with its rel
  tags       the count of each tag name
  text       the page's text, for searching
"""
import base64
import hashlib
import json
import re
import sys
from html.parser import HTMLParser

VOID = {"meta", "br", "hr", "img", "input", "link", "wbr", "area", "base", "col",
        "embed", "source", "track", "param"}
# SVG elements written self-closing (<line/>, <rect/> may be either).
SELF = {"line", "rect", "circle", "path"}


class Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.balanced = [], True
        self.stats, self.rows, self.figures = {}, {}, {}
        self.marks, self.marklines, self.scripts = [], [], []
        self.handlers, self.hrefs, self.tags = [], [], {}
        self.hidden_buttons = 0
        self.text, self.csp = [], ""
        self.stat_key = self.figure = None
        self.in_num = self.in_mark = self.in_script = self.in_marklabel = False

    def handle_starttag(self, tag, attrs):
        self.open(tag, attrs, closes=False)

    def handle_startendtag(self, tag, attrs):
        self.open(tag, attrs, closes=True)

    def open(self, tag, attrs, closes):
        a = dict(attrs)
        self.tags[tag] = self.tags.get(tag, 0) + 1
        self.handlers += [k for k, _ in attrs if k.lower().startswith("on")]
        if tag == "button" and "hidden" in a:
            self.hidden_buttons += 1
        if "href" in a:
            self.hrefs.append({"href": a["href"], "rel": a.get("rel")})
        if tag == "meta" and a.get("http-equiv") == "Content-Security-Policy":
            self.csp = a.get("content", "")
        cls = (a.get("class") or "").split()
        if tag == "div" and "stat" in cls:
            self.stat_key = a.get("data-key")
        if tag == "span" and "num" in cls and self.stat_key:
            self.in_num = True
        if tag == "tr" and cls:
            self.rows[cls[0]] = self.rows.get(cls[0], 0) + 1
        if tag == "figure":
            self.figure = a.get("id")
            self.figures[self.figure] = 0
        if tag in ("rect", "circle") and "data-n" in a and self.figure:
            self.figures[self.figure] += int(a["data-n"])
        if tag == "mark":
            self.in_mark = True
            self.marks.append("")
        if tag == "text" and "marklabel" in cls:
            self.in_marklabel = True
            self.marklines.append("")
        if tag == "script":
            self.in_script = True
            self.scripts.append("")
        if tag not in VOID and not (closes and tag in SELF):
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.balanced = False
            return
        self.stack.pop()
        if tag == "span":
            self.in_num = False
        if tag == "div" and self.stat_key and "div" not in self.stack[-1:]:
            self.stat_key = None
        if tag == "mark":
            self.in_mark = False
        if tag == "text":
            self.in_marklabel = False
        if tag == "script":
            self.in_script = False
        if tag == "figure":
            self.figure = None

    def handle_data(self, data):
        if self.in_script:
            self.scripts[-1] += data
            return
        if self.in_num:
            self.stats[self.stat_key] = data
        if self.in_mark:
            self.marks[-1] += data
        if self.in_marklabel:
            self.marklines[-1] += data
        self.text.append(data)


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        page = Page()
        page.feed(f.read())
        page.close()
    hashes = re.findall(r"'(sha256-[A-Za-z0-9+/=]+)'", page.csp)
    print(json.dumps({
        "balanced": page.balanced and not page.stack,
        "stats": {k: int(v.replace(",", "")) if v.replace(",", "").isdigit() else v
                  for k, v in page.stats.items()},
        "rows": page.rows,
        "figures": page.figures,
        "marks": page.marks,
        "marklines": page.marklines,
        "scripts": page.scripts,
        "script_hashes": ["sha256-" + base64.b64encode(
            hashlib.sha256(s.encode()).digest()).decode() for s in page.scripts],
        "csp": page.csp,
        "csp_hashes": hashes,
        "handlers": page.handlers,
        "hidden_buttons": page.hidden_buttons,
        "hrefs": page.hrefs,
        "tags": page.tags,
        "text": "".join(page.text),
    }, ensure_ascii=False))


main()
