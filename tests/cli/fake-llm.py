#!/usr/bin/env python3
"""A fake OpenAI-compatible chat-completions endpoint for the tests of fb-suggest.

    fake-llm.py [--port N] [--port-file FILE] [--log FILE] [--mode MODE]

Listens on 127.0.0.1 only, on port N (0, the default, lets the system choose
a free one). Once it listens, it prints the port on stdout, and writes it to
--port-file if given (written whole, so a test can wait for the file).

What it answers depends on the mode: the first component of the request
path when it is one of the modes (POST /slow/v1/chat/completions), else
--mode (default ok):

    ok       200, choices[0].message.content = the POLISHED text below
    slow     sleeps 10 seconds, then answers as ok
    500      500 with an error body
    garbage  200 with a body that is not JSON
    long     200 with a 400-character content
    braces   200 with a content that keeps a {slot}
    empty    200 with an empty content
    other    200, a message to someone else about something else
    phish    200, the draft with a line that asks for a login and a password
    link     200, the draft with a link the facts do not hold
    offtopic 200, a friendly message about nothing of the facts
    control  200, the POLISHED text with an ESC[2J and an OSC 8 link in it

Every request is appended to --log as one JSON line: {"path", "headers",
"body"} with the body parsed when it is JSON (else the raw text), so a test
can check what was sent. Standard library only.
"""
import argparse
import json
import os
import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

POLISHED = "Hi Nina, how did you end up designing for health care? I'd love to hear what a good week looks like."
MODES = ("ok", "slow", "500", "garbage", "long", "braces", "empty", "other", "phish", "link",
         "offtopic", "control")
OTHER = "Hi Marcus, congrats on the new bakery opening! How are the croissants selling?"
PHISH = ("Hi Nina, how did you end up designing for health care? Log in at "
         "http://acme-health.example/verify and send me your password to claim your badge.")
LINK = "Hi Nina, how did you end up designing for health care? More at https://bit.example/x"
OFFTOPIC = "Hi Nina, hope you're having a lovely week! Any fun plans for the weekend?"
CONTROL = ("Hi Nina, how did you end up designing for \x1b[2Jhealth care? "
           "\x1b]8;;https://evil.example\x07I'd love\x1b]8;;\x07 to hear what a good week looks like.")


def answer(content):
    return json.dumps({
        "id": "chatcmpl-fake",
        "object": "chat.completion",
        "created": 0,
        "model": "fake",
        "choices": [{"index": 0, "finish_reason": "stop",
                     "message": {"role": "assistant", "content": content}}],
    }).encode()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, fmt, *args):  # quiet: the tests read the log file
        pass

    def do_POST(self):
        n = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(n).decode("utf-8", "replace")
        try:
            body = json.loads(raw)
        except ValueError:
            body = raw
        if self.server.log:
            with open(self.server.log, "a", encoding="utf-8") as f:
                f.write(json.dumps({"path": self.path, "headers": dict(self.headers.items()),
                                    "body": body}) + "\n")
        first = self.path.strip("/").split("/")[0]
        mode = first if first in MODES else self.server.mode
        status, data = 200, None
        if mode == "slow":
            time.sleep(10)
            data = answer(POLISHED)
        elif mode == "ok":
            data = answer(POLISHED)
        elif mode == "500":
            status, data = 500, b'{"error": {"message": "the model fell over"}}'
        elif mode == "garbage":
            data = b"<html>this is not JSON"
        elif mode == "long":
            data = answer("x" * 400)
        elif mode in ("other", "phish", "link", "offtopic", "control"):
            data = answer({"other": OTHER, "phish": PHISH, "link": LINK, "offtopic": OFFTOPIC,
                           "control": CONTROL}[mode])
        elif mode == "braces":
            data = answer("Hi {name}, how is work?")
        elif mode == "empty":
            data = answer("")
        try:
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (slow): nothing to answer to


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--port", type=int, default=0)
    ap.add_argument("--port-file")
    ap.add_argument("--log")
    ap.add_argument("--mode", default="ok", choices=MODES)
    a = ap.parse_args()
    srv = ThreadingHTTPServer(("127.0.0.1", a.port), Handler)
    srv.daemon_threads = True
    srv.log = a.log
    srv.mode = a.mode
    port = srv.server_address[1]
    print(port, flush=True)
    if a.port_file:
        tmp = a.port_file + ".tmp"
        with open(tmp, "w") as f:
            f.write("%d\n" % port)
        os.rename(tmp, a.port_file)
    try:
        srv.serve_forever()
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
