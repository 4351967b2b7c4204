#!/usr/bin/env python3
"""A fake Bluesky AppView for the tests of bsky-user, bsky-followers and bsky-timeline.

    fake-bsky.py [--data FILE] [--generate N] [--port N] [--port-file FILE]
                 [--log FILE] [--window SEC] [--rate N] [--faults FILE]

Listens on 127.0.0.1 only, on --port (0, the default, lets the system choose);
once it listens it writes the port to FILE.tmp and renames that to --port-file
FILE. Standard library only.

Data
    --data FILE     an account fixture: {"profiles": [profileViewDetailed
                    fields: did, handle, displayName, description, createdAt,
                    followersCount, followsCount, postsCount, labels, ...],
                    "followers": {DID: [DID, ...]}, "follows": {DID: [...]},
                    "posts": [{"uri", "author" (a DID), "text", "createdAt",
                    "langs", "reply": {"root", "parent"} (URIs), "repost"
                    (true: the author reposted it), "quote" (a URI), counts}],
                    "suspended": [DID], "deactivated": [DID], "deleted": [DID]}.
                    Lists are newest first.
    --generate N    adds did:plc:bench (handle bench.test) with N followers
                    did:plc:gen0 ... (handles gen0.bench.test ...), each with a
                    bio, counts and one post, built per request.

Endpoints (GET /xrpc/NSID; anything else 404 XRPCNotSupported)
    app.bsky.actor.getProfile     actor
    app.bsky.actor.getProfiles    actors (1 to 25, repeated)
    app.bsky.graph.getFollowers   actor, limit 1-100 (50), cursor
    app.bsky.graph.getFollows     actor, limit, cursor
    app.bsky.feed.getAuthorFeed   actor, limit, cursor, filter
Parameters are checked as the lexicons say (unknown names, bounds, required
ones): 400 InvalidRequest naming the parameter. An unknown actor: 400
InvalidRequest "Profile not found" (getProfile, getAuthorFeed) or "Actor not
found: X" (lists); suspended: 400 AccountTakedown; deactivated: 400
AccountDeactivated. getProfiles leaves them out. Lists skip suspended,
deactivated and deleted accounts, so a page may be short or empty and still
carry a cursor. Cursors are opaque; a page has one only when more remain.

Sign-in (for listNotifications)
    --app-password PW  the app password of every account (default none: no
                    sign-in); POST com.atproto.server.createSession
                    {identifier, password} answers a session (401
                    AuthenticationRequired "Invalid identifier or password"
                    otherwise), POST com.atproto.server.refreshSession with
                    the refresh token a new one; the old tokens stop working;
                    GET com.atproto.server.getSession says whether an access
                    token is still taken (200 {handle, did}, else 401 or 400).
    --access-ttl SEC   how long an access token lasts (default 7200)
    app.bsky.notification.listNotifications (reasons, limit, cursor) needs
    "Authorization: Bearer ACCESS": 401 AuthMissing without, 400 ExpiredToken
    when it has expired; it answers the fixture's "notifications": {DID:
    [{"reason", "post" (a URI of "posts")}]}, newest first, filtered by
    reasons. The log has "method" and never a token or a password.

Rate limit and log
    --window SEC    the rate-limit window (default 300)
    --rate N        requests a window allows (default 3000); every answer has
                    RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset (epoch
                    seconds, rounded up) and RateLimit-Policy; past it, 429
                    RateLimitExceeded.
    --log FILE      one JSON line per request: {"t", "path", "query" (the
                    parameters as a list of pairs), "status", "auth"}.

Faults
    --faults FILE   a JSON array of rules {"match": "substring of the path and
                    query", "nth": [2, 3] (1-based among the requests the rule
                    matches; omitted: all), "action": ...}: "status" (answer
                    "code" with "body", default an XRPC error), "429" (with
                    headers, reset in "seconds", default 2), "malformed" (200,
                    not JSON), "empty-page" (200, no items, a cursor to the same
                    place), "slow" (sleep "seconds", default 1, then answer),
                    "reset" (close without answering).
"""
import argparse
import base64
import json
import math
import os
import socket
import struct
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, urlsplit

MODERATION = "did:plc:ar7c4by46qjdydhdevvrndac"
CID = "bafyreie5737gdxlw5i64vzichcalba3z2v5n6icifvx5xytvske7mr3hpm"  # a well-formed CIDv1
PARAMS = {
    "app.bsky.actor.getProfile": {"actor"},
    "app.bsky.actor.getProfiles": {"actors"},
    "app.bsky.graph.getFollowers": {"actor", "limit", "cursor"},
    "app.bsky.graph.getFollows": {"actor", "limit", "cursor"},
    "app.bsky.feed.getAuthorFeed": {"actor", "limit", "cursor", "filter", "includePins"},
    "app.bsky.notification.listNotifications": {"reasons", "limit", "cursor", "priority", "seenAt"},
}


class BadRequest(Exception):
    def __init__(self, status, name, message):
        super().__init__(message)
        self.status, self.name, self.message = status, name, message


class Store:
    def __init__(self, fixture, generate):
        self.profiles = {p["did"]: p for p in fixture.get("profiles", [])}
        self.followers = fixture.get("followers", {})
        self.follows = fixture.get("follows", {})
        self.posts = fixture.get("posts", [])
        self.suspended = set(fixture.get("suspended", []))
        self.deactivated = set(fixture.get("deactivated", []))
        self.deleted = set(fixture.get("deleted", []))
        self.notifications = fixture.get("notifications", {})
        self.generate = generate
        if generate:
            self.profiles.setdefault("did:plc:bench", {
                "did": "did:plc:bench", "handle": "bench.test", "displayName": "Bench",
                "description": "The generated account.", "createdAt": "2023-05-01T00:00:00.000Z",
                "followersCount": generate, "followsCount": 0, "postsCount": 0})

    def gen(self, did):
        if not (self.generate and did.startswith("did:plc:gen")):
            return None
        try:
            i = int(did[len("did:plc:gen"):])
        except ValueError:
            return None
        if not 0 <= i < self.generate:
            return None
        return {"did": did, "handle": "gen%d.bench.test" % i, "displayName": "Gen %d" % i,
                "description": "Generated follower %d. I write about bread." % i,
                "createdAt": "2024-01-01T00:00:00.000Z", "followersCount": 10 + i % 50,
                "followsCount": 20 + i % 70, "postsCount": 1}

    def profile(self, actor):
        """The profile of a handle or DID, or None; raises for the gone."""
        p = self.profiles.get(actor) or self.gen(actor)
        if p is None:
            for q in self.profiles.values():
                if q["handle"].lower() == actor.lower():
                    p = q
            if p is None and actor.endswith(".bench.test") and actor.startswith("gen"):
                p = self.gen("did:plc:" + actor.split(".")[0])
        if p is None or p["did"] in self.deleted:
            return None
        return p

    def visible(self, did):
        return did not in self.suspended and did not in self.deactivated and \
            did not in self.deleted and (did in self.profiles or self.gen(did) is not None)

    def follow_list(self, kind, did):
        if self.generate and did == "did:plc:bench" and kind == "followers":
            return ["did:plc:gen%d" % i for i in range(self.generate - 1, -1, -1)]
        return (self.followers if kind == "followers" else self.follows).get(did, [])

    def posts_of(self, did):
        if self.gen(did):
            i = int(did[len("did:plc:gen"):])
            return [{"uri": "at://%s/app.bsky.feed.post/g%d" % (did, i), "author": did,
                     "text": "Fresh loaves today, number %d." % i,
                     "createdAt": "2026-11-01T10:00:00.000Z", "langs": ["en"]}]
        return [p for p in self.posts if p["author"] == did]


def basic(p, detailed):
    keep = ["did", "handle", "displayName", "avatar", "labels", "createdAt", "associated",
            "verification"]
    if detailed:
        keep += ["description", "website", "banner", "followersCount", "followsCount",
                 "postsCount", "pinnedPost", "indexedAt"]
    else:
        keep += ["description", "indexedAt"]
    v = {k: p[k] for k in keep if k in p}
    v.setdefault("labels", [])
    return v


def post_view(store, p):
    author = store.profile(p["author"]) or {"did": p["author"], "handle": "handle.invalid"}
    record = {"$type": "app.bsky.feed.post", "text": p.get("text", ""),
              "createdAt": p.get("createdAt", "2026-01-01T00:00:00.000Z")}
    if "langs" in p:
        record["langs"] = p["langs"]
    if "reply" in p:
        record["reply"] = {k: {"uri": p["reply"][k], "cid": CID} for k in ("root", "parent")}
    view = {"uri": p["uri"], "cid": CID,
            "author": basic(author, False), "record": record,
            "indexedAt": p.get("indexedAt", record["createdAt"]),
            "replyCount": p.get("replyCount", 0), "repostCount": p.get("repostCount", 0),
            "likeCount": p.get("likeCount", 0), "quoteCount": p.get("quoteCount", 0),
            "labels": p.get("labels", [])}
    if "quote" in p:
        record["embed"] = {"$type": "app.bsky.embed.record",
                           "record": {"uri": p["quote"], "cid": CID}}
        view["embed"] = {"$type": "app.bsky.embed.record#view", "record": {
            "$type": "app.bsky.embed.record#viewNotFound", "uri": p["quote"], "notFound": True}}
    return view


def make_cursor(pos):
    return base64.urlsafe_b64encode(struct.pack(">I", pos)).decode().rstrip("=") + "x"


def read_cursor(c):
    try:
        raw = c[:-1] if c.endswith("x") else "!"
        return struct.unpack(">I", base64.urlsafe_b64decode(raw + "=" * (-len(raw) % 4)))[0]
    except Exception:
        raise BadRequest(400, "InvalidRequest", "malformed cursor")


class Api:
    def __init__(self, store):
        self.store = store

    def params(self, nsid, pairs):
        allowed = PARAMS[nsid]
        q = {}
        for k, v in pairs:
            if k not in allowed:
                raise BadRequest(400, "InvalidRequest", "unknown parameter: %s" % k)
            q.setdefault(k, []).append(v)
        for k, v in q.items():
            if k not in ("actors", "reasons") and len(v) > 1:
                raise BadRequest(400, "InvalidRequest", "%s given more than once" % k)
        return q

    def limit(self, q):
        s = q.get("limit", ["50"])[0]
        if not s.isdigit():
            raise BadRequest(400, "InvalidRequest", "limit must be an integer")
        n = int(s)
        if n < 1:
            raise BadRequest(400, "InvalidRequest", "limit can not be less than 1")
        if n > 100:
            raise BadRequest(400, "InvalidRequest", "limit can not be greater than 100")
        return n

    def actor(self, q, gone_message):
        if "actor" not in q:
            raise BadRequest(400, "InvalidRequest", 'Params must have the property "actor"')
        a = q["actor"][0]
        p = self.store.profile(a)
        if p is None:
            raise BadRequest(400, "InvalidRequest", gone_message % a)
        if p["did"] in self.store.suspended:
            raise BadRequest(400, "AccountTakedown", "Account has been suspended")
        if p["did"] in self.store.deactivated:
            raise BadRequest(400, "AccountDeactivated", "Account is deactivated")
        return p

    def page(self, items, q):
        n = self.limit(q)
        start = read_cursor(q["cursor"][0]) if "cursor" in q else 0
        chunk = items[start:start + n]
        out = {}
        if start + n < len(items):
            out["cursor"] = make_cursor(start + n)
        return chunk, out

    def answer(self, nsid, pairs):
        q = self.params(nsid, pairs)
        s = self.store
        if nsid == "app.bsky.actor.getProfile":
            return basic(self.actor(q, "Profile not found"), True)
        if nsid == "app.bsky.actor.getProfiles":
            actors = q.get("actors", [])
            if not actors:
                raise BadRequest(400, "InvalidRequest", 'Params must have the property "actors"')
            if len(actors) > 25:
                raise BadRequest(400, "InvalidRequest", "actors can not be greater than 25")
            out = []
            for a in actors:
                p = s.profile(a)
                if p and s.visible(p["did"]):
                    out.append(basic(p, True))
            return {"profiles": out}
        if nsid in ("app.bsky.graph.getFollowers", "app.bsky.graph.getFollows"):
            subject = self.actor(q, "Actor not found: %s")
            kind = "followers" if nsid.endswith("Followers") else "follows"
            dids, out = self.page(s.follow_list(kind, subject["did"]), q)
            out["subject"] = basic(subject, False)
            out[kind] = [basic(s.profile(d), False) for d in dids if s.visible(d)]
            return out
        if nsid == "app.bsky.feed.getAuthorFeed":
            author = self.actor(q, "Profile not found")
            f = q.get("filter", ["posts_with_replies"])[0]
            posts = s.posts_of(author["did"])
            if f == "posts_no_replies":
                posts = [p for p in posts if "reply" not in p]
            chunk, out = self.page(posts, q)
            feed = []
            for p in chunk:
                item = {"post": post_view(s, p)}
                if p.get("repost"):
                    item["post"] = post_view(s, dict(p, author=p.get("original_author", p["author"])))
                    item["reason"] = {"$type": "app.bsky.feed.defs#reasonRepost",
                                      "by": basic(author, False), "indexedAt": p["createdAt"]}
                feed.append(item)
            out["feed"] = feed
            return out
        raise BadRequest(404, "XRPCNotSupported", "Method Not Implemented")

    def notifications(self, pairs, did):
        q = self.params("app.bsky.notification.listNotifications", pairs)
        reasons = set(q.get("reasons", [])) or {"mention", "reply", "quote", "follow", "like"}
        posts = {p["uri"]: p for p in self.store.posts}
        items = [n for n in self.store.notifications.get(did, []) if n["reason"] in reasons]
        chunk, out = self.page(items, q)
        out["notifications"] = []
        for n in chunk:
            view = post_view(self.store, posts[n["post"]])
            out["notifications"].append({
                "uri": view["uri"], "cid": view["cid"], "author": view["author"],
                "reason": n["reason"], "record": view["record"], "isRead": False,
                "indexedAt": view["indexedAt"], "labels": []})
        return out


def jwt(claims):
    def part(obj):
        return base64.urlsafe_b64encode(json.dumps(obj).encode()).decode().rstrip("=")
    return part({"alg": "HS256", "typ": "JWT"}) + "." + part(claims) + ".c2lnbmF0dXJl"


class Sessions:
    """Sign-ins: one live pair of tokens per account."""

    def __init__(self, store, password, ttl):
        self.store, self.password, self.ttl = store, password, ttl
        self.access, self.refresh, self.n = {}, {}, 0
        self.lock = threading.Lock()

    def issue(self, did, handle):
        self.n += 1
        now = time.time()
        a = jwt({"scope": "com.atproto.appPass", "sub": did, "iat": int(now),
                 "exp": int(now + self.ttl), "n": self.n})
        r = jwt({"scope": "com.atproto.refresh", "sub": did, "iat": int(now),
                 "exp": int(now + 90 * 86400), "n": self.n})
        self.access = {k: v for k, v in self.access.items() if v[0] != did}
        self.refresh = {k: v for k, v in self.refresh.items() if v != did}
        self.access[a] = (did, now + self.ttl)
        self.refresh[r] = did
        return {"accessJwt": a, "refreshJwt": r, "handle": handle, "did": did, "active": True}

    def create(self, body):
        with self.lock:
            p = self.store.profile(str(body.get("identifier", "")))
            if self.password is None or p is None or body.get("password") != self.password:
                raise BadRequest(401, "AuthenticationRequired", "Invalid identifier or password")
            return self.issue(p["did"], p["handle"])

    def renew(self, token):
        with self.lock:
            did = self.refresh.get(token)
            if did is None:
                raise BadRequest(400, "ExpiredToken", "Token has been revoked")
            return self.issue(did, self.store.profile(did)["handle"])

    def who(self, token):
        with self.lock:
            if token is None:
                raise BadRequest(401, "AuthMissing", "Authentication Required")
            entry = self.access.get(token)
            if entry is None:
                raise BadRequest(401, "InvalidToken", "Bad token")
            if entry[1] < time.time():
                raise BadRequest(400, "ExpiredToken", "Token has expired")
            return entry[0]


class Limiter:
    def __init__(self, window, limit):
        self.window, self.limit, self.start, self.used = window, limit, 0.0, 0
        self.lock = threading.Lock()

    def take(self):
        with self.lock:
            now = time.time()
            if now >= self.start + self.window:
                self.start, self.used = now, 0
            self.used += 1
            return self.used <= self.limit, max(0, self.limit - self.used), \
                math.ceil(self.start + self.window)


class Faults:
    def __init__(self, rules):
        self.rules, self.counts = rules, [0] * len(rules)
        self.lock = threading.Lock()

    def pick(self, target):
        with self.lock:
            chosen = None
            for i, r in enumerate(self.rules):
                if r.get("match", "") in target:
                    self.counts[i] += 1
                    if chosen is None and ("nth" not in r or self.counts[i] in r["nth"]):
                        chosen = r
            return chosen


def handler(api, limiter, faults, log, sessions):
    class H(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *a):
            pass

        def send(self, status, body, headers=()):
            data = body if isinstance(body, bytes) else json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            for k, v in headers:
                self.send_header(k, v)
            self.end_headers()
            self.wfile.write(data)

        def bearer(self):
            h = self.headers.get("Authorization", "")
            return h[len("Bearer "):] if h.startswith("Bearer ") else None

        def do_POST(self):
            u = urlsplit(self.path)
            n = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(n) if n else b""
            try:
                if u.path == "/xrpc/com.atproto.server.createSession":
                    body = sessions.create(json.loads(raw or b"{}"))
                elif u.path == "/xrpc/com.atproto.server.refreshSession":
                    body = sessions.renew(self.bearer())
                else:
                    raise BadRequest(404, "XRPCNotSupported", "Method Not Implemented")
                status = 200
            except BadRequest as e:
                status, body = e.status, {"error": e.name, "message": e.message}
            except ValueError:
                status, body = 400, {"error": "InvalidRequest", "message": "bad JSON"}
            self.log_line(u.path, [], status, "POST")
            self.send(status, body)

        def do_GET(self):
            u = urlsplit(self.path)
            pairs = parse_qsl(u.query, keep_blank_values=True)
            nsid = u.path[len("/xrpc/"):] if u.path.startswith("/xrpc/") else ""
            status, body, headers = self.handle_get(nsid, pairs, u)
            if status == 0:
                self.log_line(u.path, pairs, 0)
                self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER,
                                           struct.pack("ii", 1, 0))
                self.close_connection = True
                return
            self.log_line(u.path, pairs, status)
            self.send(status, body, headers)

        def handle_get(self, nsid, pairs, u):
            ok, remaining, reset = limiter.take()
            headers = [("RateLimit-Limit", str(limiter.limit)),
                       ("RateLimit-Remaining", str(remaining)),
                       ("RateLimit-Reset", str(reset)),
                       ("RateLimit-Policy", "%d;w=%d" % (limiter.limit, limiter.window))]
            if nsid == "com.atproto.server.getSession":
                try:
                    did = sessions.who(self.bearer())
                except BadRequest as e:
                    return e.status, {"error": e.name, "message": e.message}, headers
                return 200, {"did": did, "handle": api.store.profile(did)["handle"]}, headers
            if self.headers.get("atproto-accept-labelers", "").split(",")[0].split(";")[0] != MODERATION:
                return 400, {"error": "InvalidRequest",
                             "message": "the test server expects atproto-accept-labelers"}, headers
            if not ok:
                return 429, {"error": "RateLimitExceeded", "message": "Rate Limit Exceeded"}, headers
            rule = faults.pick(u.path + "?" + u.query) if faults else None
            action = rule and rule.get("action")
            if action == "reset":
                return 0, None, headers
            if action == "slow":
                time.sleep(rule.get("seconds", 1))
            if action == "status":
                return rule.get("code", 500), rule.get("body", {
                    "error": "InternalServerError", "message": "Internal Server Error"}), headers
            if action == "429":
                reset = math.ceil(time.time() + rule.get("seconds", 2))
                return 429, {"error": "RateLimitExceeded", "message": "Rate Limit Exceeded"}, [
                    ("RateLimit-Limit", str(limiter.limit)), ("RateLimit-Remaining", "0"),
                    ("RateLimit-Reset", str(reset))]
            if action == "malformed":
                return 200, b'{"followers": [', headers
            if nsid not in PARAMS:
                return 404, {"error": "XRPCNotSupported", "message": "Method Not Implemented"}, headers
            try:
                if nsid == "app.bsky.notification.listNotifications":
                    body = api.notifications(pairs, sessions.who(self.bearer()))
                else:
                    body = api.answer(nsid, pairs)
            except BadRequest as e:
                return e.status, {"error": e.name, "message": e.message}, headers
            if action == "empty-page":
                q = dict(pairs)
                for k in ("followers", "follows", "feed"):
                    if k in body:
                        body[k] = []
                body["cursor"] = q.get("cursor") or make_cursor(0)
            return 200, body, headers

        def log_line(self, path, pairs, status, method="GET"):
            if log:
                with open(log, "a") as f:
                    f.write(json.dumps({"t": time.time(), "method": method, "path": path,
                                        "query": pairs,
                                        "status": status,
                                        "auth": "Authorization" in self.headers}) + "\n")

    return H


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data")
    ap.add_argument("--generate", type=int, default=0)
    ap.add_argument("--port", type=int, default=0)
    ap.add_argument("--port-file")
    ap.add_argument("--log")
    ap.add_argument("--window", type=int, default=300)
    ap.add_argument("--rate", type=int, default=3000)
    ap.add_argument("--faults")
    ap.add_argument("--app-password")
    ap.add_argument("--access-ttl", type=int, default=7200)
    a = ap.parse_args()
    fixture = json.load(open(a.data)) if a.data else {}
    faults = Faults(json.load(open(a.faults))) if a.faults else None
    store = Store(fixture, a.generate)
    srv = ThreadingHTTPServer(("127.0.0.1", a.port),
                              handler(Api(store), Limiter(a.window, a.rate), faults, a.log,
                                      Sessions(store, a.app_password, a.access_ttl)))
    port = srv.server_address[1]
    print(port, flush=True)
    if a.port_file:
        with open(a.port_file + ".tmp", "w") as f:
            f.write("%d\n" % port)
        os.rename(a.port_file + ".tmp", a.port_file)
    try:
        srv.serve_forever()
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
