#!/usr/bin/env python3
"""A fake Mastodon instance for the tests of masto-user, masto-followers,
masto-timeline and masto-mentions.

    fake-masto.py [--data FILE] [--generate N] [--port N] [--port-file FILE]
                  [--token TOKEN] [--require-token] [--log FILE]
                  [--window SEC] [--rate N] [--paging-rate N] [--faults FILE]

Listens on 127.0.0.1 only, on --port (0, the default, lets the system
choose); prints the port on stdout and, with --port-file, writes it to
FILE.tmp and renames that to FILE. Standard library only.

Data
    --data FILE   {"instance": "m.example", "me": USERNAME,
                   "accounts": [{"username", ...Account fields}],
                   "followers": {USERNAME: [USERNAME, ...]}, "following": {...},
                   "statuses": [{"account": USERNAME, "content", "in_reply_to":
                                 STATUS_ID, "reblog_of": STATUS_ID,
                                 "mentions": [USERNAME], ...Status fields}],
                   "hidden": [USERNAME], "suspended": [USERNAME],
                   "deleted": [USERNAME]}
                  Lists are newest first. A username with '@' is a remote
                  account (its acct); others are local. Every Account and
                  Status field the API description requires is filled in.
    --generate N  adds "bench" with N generated followers (bench_f0, ...).

Endpoints (GET)
    /api/v1/accounts/lookup?acct=       the account; 404 for none or deleted
    /api/v1/accounts/{id}
    /api/v1/accounts/{id}/followers     limit default 40, at most 80 (larger
    /api/v1/accounts/{id}/following     ones are clipped, as Mastodon does)
    /api/v1/accounts/{id}/statuses      limit 20, at most 40; exclude_replies,
                                        exclude_reblogs, max_id
    /api/v1/notifications               types[]=mention; limit 40, at most 80;
                                        the token's account ("me") only
    /api/v1/accounts/verify_credentials the token's account
    Paging is by the Link header (rel="next" while a page is full, and
    rel="prev"), with max_id cursors: follow ids, which no body shows, for
    the lists. A hidden account's lists are empty (and it says
    hide_collections); a suspended one is served blanked with
    "suspended": true, its lists and statuses empty.

Auth, rate limits, log
    --token T       the user token of "me": notifications and
                    verify_credentials need "Authorization: Bearer T"; any
                    other token is refused everywhere (401 "The access token
                    is invalid").
    --require-token every endpoint needs the token (an instance with
                    unauthenticated API access off).
    --window SEC    the rate-limit window (default 300); --rate N requests per
                    window (default 300), --paging-rate N of them with max_id,
                    since_id or min_id (default 300). Every answer carries
                    X-RateLimit-Limit, -Remaining and -Reset (an ISO 8601 time
                    with microseconds, as Mastodon sends it); past a limit: 429
                    {"error": "Too many requests"}.
    --log FILE      one JSON line per request: {"t", "path", "query",
                    "status", "auth"} (the token itself is never logged).
    --faults FILE   a JSON array of {"match": substring of path?query (raw or
                    decoded), "nth": [1-based counts], "action"}: "status"
                    ("code", "body", "headers"), "slow" ("seconds"),
                    "malformed", "truncate", "reset", "429-noheaders".
"""

import argparse
import json
import os
import socket
import struct
import sys
import threading
import time
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, unquote, urlsplit, urlencode


def iso_reset(t):
    return datetime.fromtimestamp(t, timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


class Store:
    def __init__(self, data, generate):
        self.instance = data.get("instance", "m.example")
        self.me = data.get("me")
        self.hidden = set(data.get("hidden", []))
        self.suspended = set(data.get("suspended", []))
        self.deleted = set(data.get("deleted", []))
        self.accounts, self.by_id = {}, {}
        for i, a in enumerate(data.get("accounts", [])):
            self.add_account(dict(a), str(109000 + i))
        self.lists = {"followers": dict(data.get("followers", {})),
                      "following": dict(data.get("following", {}))}
        if generate:
            self.add_account({"username": "bench", "note": "<p>bench</p>"}, "1000")
            names = []
            for i in range(generate):
                name = "bench_f%d" % i
                self.add_account({"username": name,
                                  "note": "<p>Follower %d. I follow back!</p>" % i
                                  if i % 7 == 0 else "<p>Potter number %d</p>" % i,
                                  "followers_count": 10 + i, "following_count": 20 + i},
                                 str(2000000 + i))
                names.append(name)
            self.lists["followers"]["bench"] = names
        for kind in self.lists:
            for name, who in self.lists[kind].items():
                self.accounts[name].setdefault(kind + "_count", len(who))
        for a in self.accounts.values():
            a.setdefault("followers_count", 0)
            a.setdefault("following_count", 0)
        self.statuses = []
        for i, s in enumerate(data.get("statuses", [])):
            self.statuses.append(self.make_status(dict(s), str(110000000 - i)))
        for name in self.suspended:
            a = self.accounts[name]
            a.update(suspended=True, display_name="", note="", fields=[], followers_count=0,
                     following_count=0, statuses_count=0)
        for name in self.hidden:
            self.accounts[name]["hide_collections"] = True

    def add_account(self, a, default_id):
        name = a["username"]
        local, _, domain = name.partition("@")
        a["username"] = local
        a.setdefault("id", default_id)
        a.setdefault("acct", name)
        host = domain or self.instance
        a.setdefault("url", "https://%s/@%s" % (host, local))
        a.setdefault("uri", "https://%s/users/%s" % (host, local))
        a.setdefault("display_name", local.capitalize())
        a.setdefault("note", "")
        for key in ("avatar", "avatar_static", "header", "header_static"):
            a.setdefault(key, "https://%s/%s.png" % (self.instance, key))
        for key in ("locked", "bot", "group", "discoverable", "indexable", "hide_collections"):
            a.setdefault(key, key in ("discoverable", "indexable"))
        a.setdefault("created_at", "2022-11-03T00:00:00.000Z")
        a.setdefault("last_status_at", "2026-11-30")
        a.setdefault("statuses_count", 0)
        a.setdefault("emojis", [])
        a.setdefault("fields", [])
        self.accounts[name] = a
        self.by_id[a["id"]] = name

    def make_status(self, s, default_id):
        who = s.pop("account")
        s.setdefault("id", default_id)
        s["account"] = who
        s.setdefault("created_at", "2026-11-%02dT12:00:00.000Z" % (30 - len(self.statuses) % 29))
        s.setdefault("uri", "https://%s/users/%s/statuses/%s" % (self.instance, who, s["id"]))
        s.setdefault("content", "")
        s.setdefault("spoiler_text", "")
        s.setdefault("visibility", "public")
        s.setdefault("sensitive", False)
        s.setdefault("language", "en")
        for key in ("replies_count", "reblogs_count", "favourites_count", "quotes_count"):
            s.setdefault(key, 0)
        for key in ("emojis", "media_attachments", "tags"):
            s.setdefault(key, [])
        s.setdefault("mentions", [])
        return s

    def status_view(self, s):
        v = {k: val for k, val in s.items() if k not in ("in_reply_to", "reblog_of")}
        v["account"] = self.accounts[s["account"]]
        v["mentions"] = [{"id": self.accounts[m]["id"], "username": self.accounts[m]["username"],
                          "acct": self.accounts[m]["acct"], "url": self.accounts[m]["url"]}
                         for m in s["mentions"]]
        v["in_reply_to_id"] = s.get("in_reply_to")
        v["in_reply_to_account_id"] = None
        if s.get("in_reply_to"):
            parent = self.status(s["in_reply_to"])
            v["in_reply_to_account_id"] = self.accounts[parent["account"]]["id"] if parent else "1"
        v["reblog"] = self.status_view(self.status(s["reblog_of"])) if s.get("reblog_of") else None
        return v

    def status(self, sid):
        return next((s for s in self.statuses if s["id"] == sid), None)


class Reply:
    def __init__(self, status, body, link=None):
        self.status, self.body, self.link = status, body, link


def not_found():
    return Reply(404, {"error": "Record not found"})


def limit_of(q, default, most):
    try:
        n = int(q.get("limit", [default])[0])
    except ValueError:
        return None
    return max(1, min(abs(n), most))


def page(items, q, default, most, path, key):
    """One page of items (newest first) by max_id over key(item); the Link header."""
    n = limit_of(q, default, most)
    if n is None:
        return Reply(400, {"error": "limit is not a number"})
    rows = list(enumerate(items))
    if "max_id" in q:
        try:
            cursor = int(q["max_id"][0])
        except ValueError:
            return Reply(400, {"error": "max_id is not an id"})
        rows = [r for r in rows if key(r) < cursor]
    chosen = rows[:n]
    links = []
    base = {k: v for k, v in q.items() if k not in ("max_id", "min_id", "since_id")}
    base["limit"] = [str(n)]
    if chosen and len(chosen) == n:
        links.append('<%s?%s>; rel="next"' % (path, urlencode(dict(base, max_id=[str(key(chosen[-1]))]), doseq=True)))
    if chosen:
        links.append('<%s?%s>; rel="prev"' % (path, urlencode(dict(base, min_id=[str(key(chosen[0]))]), doseq=True)))
    return Reply(200, [item for _, item in chosen], ", ".join(links) or None)


class Api:
    def __init__(self, store):
        self.s = store

    def route(self, path, q, authed, origin):
        s = self.s
        parts = path.strip("/").split("/")
        if parts[:2] != ["api", "v1"]:
            return not_found()
        rest = parts[2:]
        if rest == ["accounts", "lookup"]:
            acct = q.get("acct", [""])[0]
            if acct.endswith("@" + s.instance):
                acct = acct[:-len(s.instance) - 1]
            if not acct or acct in s.deleted or acct not in s.accounts:
                return not_found()
            return Reply(200, s.accounts[acct])
        if rest == ["accounts", "verify_credentials"]:
            if not authed:
                return Reply(401, {"error": "The access token is invalid"})
            return Reply(200, s.accounts[s.me])
        if rest == ["notifications"]:
            if not authed:
                return Reply(401, {"error": "The access token is invalid"})
            return self.mentions(q, origin + path)
        if len(rest) >= 2 and rest[0] == "accounts":
            name = s.by_id.get(rest[1])
            if name is None or name in s.deleted:
                return not_found()
            if len(rest) == 2:
                return Reply(200, s.accounts[name])
            if len(rest) == 3 and rest[2] in ("followers", "following"):
                who = s.lists[rest[2]].get(name, [])
                if name in s.hidden or name in s.suspended:
                    who = []
                who = [w for w in who if w not in s.deleted and w not in s.suspended]
                # A follow's id: higher for newer follows, so max_id pages back in time.
                rows = [(len(who) - i) * 10 + 7 for i in range(len(who))]
                r = page(list(zip(rows, who)), q, 40, 80, origin + path, lambda r: r[1][0])
                if r.status == 200:
                    r.body = [s.accounts[w] for _, w in r.body]
                return r
            if len(rest) == 3 and rest[2] == "statuses":
                mine = [st for st in s.statuses if st["account"] == name and name not in s.suspended]
                if q.get("exclude_replies", ["false"])[0] == "true":
                    mine = [st for st in mine if not st.get("in_reply_to")]
                if q.get("exclude_reblogs", ["false"])[0] == "true":
                    mine = [st for st in mine if not st.get("reblog_of")]
                r = page(mine, q, 20, 40, origin + path, lambda r: int(r[1]["id"]))
                if r.status == 200:
                    r.body = [s.status_view(st) for st in r.body]
                return r
        return not_found()

    def mentions(self, q, url):
        s = self.s
        types = q.get("types[]", [])
        notes = []
        for st in s.statuses:
            if s.me in st["mentions"] and ("mention" in types or not types):
                notes.append({"id": str(int(st["id"]) + 5), "type": "mention",
                              "created_at": st["created_at"], "group_key": "ungrouped-" + st["id"],
                              "account": s.accounts[st["account"]], "status": st})
        r = page(notes, q, 40, 80, url, lambda r: int(r[1]["id"]))
        if r.status == 200:
            r.body = [dict(n, status=s.status_view(n["status"])) for n in r.body]
        return r


class Limiter:
    """Mastodon's throttles: all requests, and paging requests, per window."""

    def __init__(self, window, limits):
        self.window, self.limits, self.state = window, limits, {}
        self.lock = threading.Lock()

    def take(self, buckets):
        with self.lock:
            now = time.time()
            shown, over = None, False
            for b in buckets:
                st = self.state.get(b)
                if st is None or now >= st[0]:
                    st = self.state[b] = [now - now % self.window + self.window, 0]
                st[1] += 1
                left = self.limits[b] - st[1]
                over = over or left < 0
                # The headers show the limit closest to being exceeded.
                if shown is None or left < shown[1]:
                    shown = (self.limits[b], left, st[0])
            return {"X-RateLimit-Limit": str(shown[0]), "X-RateLimit-Remaining": str(max(0, shown[1])),
                    "X-RateLimit-Reset": iso_reset(shown[2])}, over


ACTIONS = {"status", "slow", "malformed", "truncate", "reset", "429-noheaders"}


class Faults:
    def __init__(self, rules):
        for r in rules:
            if not isinstance(r, dict) or r.get("action") not in ACTIONS:
                raise ValueError("bad fault rule: %s" % json.dumps(r))
        self.rules, self.seen, self.lock = rules, [0] * len(rules), threading.Lock()

    def pick(self, target):
        with self.lock:
            chosen, decoded = None, unquote(target)
            for i, r in enumerate(self.rules):
                if r.get("match", "") in target or r.get("match", "") in decoded:
                    self.seen[i] += 1
                    if chosen is None and ("nth" not in r or self.seen[i] in r["nth"]):
                        chosen = r
            return chosen


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def version_string(self):
        return "fake-masto"

    def log_message(self, fmt, *args):
        pass

    def do_GET(self):
        app = self.server.app
        started = time.time()
        parts = urlsplit(self.path)
        path, query = parts.path, parts.query
        q = parse_qs(query, keep_blank_values=True)
        scheme, _, token = (self.headers.get("Authorization") or "").partition(" ")
        given = bool(self.headers.get("Authorization"))
        authed = given and scheme.lower() == "bearer" and token == app.token

        def log(status):
            app.log({"t": started, "path": path, "query": query, "status": status, "auth": authed})

        if given and not authed:
            log(401)
            return self.send(401, {"error": "The access token is invalid"}, {})
        if app.require_token and not authed:
            log(401)
            return self.send(401, {"error": "This method requires an authenticated user"}, {})
        rule = app.faults.pick(self.path) if app.faults else None
        action = rule["action"] if rule else None
        paging = any(k in q for k in ("max_id", "since_id", "min_id"))
        headers, over = app.limiter.take(["all", "paging"] if paging else ["all"])
        if action == "reset":
            log(0)
            self.close_connection = True
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.connection.close()
            return
        mode = None
        if action == "status":
            status, body = rule["code"], rule.get("body", {"error": "Injected"})
            headers.update(rule.get("headers", {}))
        elif action == "429-noheaders":
            status, body, headers = 429, {"error": "Too many requests"}, {}
        elif action == "malformed":
            status, body = 200, '[{"id":'
        elif over:
            status, body = 429, {"error": "Too many requests"}
        else:
            origin = "http://" + (self.headers.get("Host") or "127.0.0.1")
            reply = app.api.route(path, q, authed, origin)
            status, body = reply.status, reply.body
            if reply.link:
                headers["Link"] = reply.link
            mode = "truncate" if action == "truncate" else None
        if action == "slow":
            time.sleep(float(rule.get("seconds", 2)))
        log(status)
        self.send(status, body, headers, mode)

    def send(self, status, body, headers, mode=None):
        data = (body if isinstance(body, str) else json.dumps(body, ensure_ascii=False)).encode()
        try:
            self.send_response(status)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            for name, value in headers.items():
                if value is not None:
                    self.send_header(name, str(value))
            if mode:
                self.send_header("Connection", "close")
            self.end_headers()
            self.wfile.write(data if not mode else data[:len(data) // 2])
            if mode:
                self.wfile.flush()
                self.close_connection = True
                self.connection.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass


class App:
    def __init__(self, args):
        data = {}
        if args.data:
            with open(args.data, encoding="utf-8") as f:
                data = json.load(f)
        self.api = Api(Store(data, args.generate))
        self.token, self.require_token = args.token, args.require_token
        self.limiter = Limiter(args.window, {"all": args.rate, "paging": args.paging_rate})
        self.faults = None
        if args.faults:
            with open(args.faults, encoding="utf-8") as f:
                self.faults = Faults(json.load(f))
        self.log_file = open(args.log, "a", encoding="utf-8") if args.log else None
        self.log_lock = threading.Lock()

    def log(self, entry):
        if self.log_file:
            with self.log_lock:
                self.log_file.write(json.dumps(entry) + "\n")
                self.log_file.flush()


def main():
    ap = argparse.ArgumentParser(description="A fake Mastodon instance for tests.")
    ap.add_argument("--data")
    ap.add_argument("--generate", type=int, default=0, metavar="N")
    ap.add_argument("--port", type=int, default=0)
    ap.add_argument("--port-file")
    ap.add_argument("--token", default="test-token")
    ap.add_argument("--require-token", action="store_true")
    ap.add_argument("--log")
    ap.add_argument("--window", type=float, default=300.0, metavar="SEC")
    ap.add_argument("--rate", type=int, default=300, metavar="N")
    ap.add_argument("--paging-rate", type=int, default=300, metavar="N")
    ap.add_argument("--faults")
    args = ap.parse_args()
    if not args.data and not args.generate:
        ap.error("give --data FILE or --generate N")
    try:
        app = App(args)
    except (OSError, ValueError, KeyError, TypeError) as e:
        print("fake-masto.py: %s" % e, file=sys.stderr)
        return 2
    srv = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    srv.daemon_threads = True
    srv.app = app
    port = srv.server_address[1]
    print(port, flush=True)
    if args.port_file:
        with open(args.port_file + ".tmp", "w") as f:
            f.write("%d\n" % port)
        os.rename(args.port_file + ".tmp", args.port_file)
    try:
        srv.serve_forever()
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
