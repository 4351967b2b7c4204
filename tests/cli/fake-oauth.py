#!/usr/bin/env python3
"""A fake X OAuth 2.0 authorization server for tests, on 127.0.0.1 only.

    GET  /i/oauth2/authorize   checks the request as X does (client, redirect
                               URI, S256 challenge, scopes) and, as a user
                               who lets the app in, redirects (302) to
                               redirect_uri?state=...&code=...
    POST /2/oauth2/token       grant_type=authorization_code (code, redirect_uri,
                               code_verifier) or refresh_token; rotates the
                               refresh token at each refresh: the old one is
                               dead, and so is the access token it replaced
    POST /2/oauth2/revoke      token=...: that token is dead
    GET  /2/users/me           the signed-in user, for a live access token

Clients: a public client (client_id in the body) with --client-id; a
confidential one (HTTP Basic client_id:secret, no client_id needed in the
body) when --secret is given. Errors are X's: 400 {"error":
"invalid_request", "error_description": ...}, 401 for a bad client.

    --client-id ID      the app (default test-client)
    --secret S          a confidential client with this secret
    --redirect URI      the registered callback (repeatable; exact match)
    --user ID:NAME      who signs in (default 42:client)
    --code-ttl SEC      a code lasts this long (default 30)
    --expires-in SEC    access token lifetime (default 7200)
    --state-file FILE   the live access tokens, as {"TOKEN": {"id", "username"}},
                        rewritten atomically at each change, for fake-xapi.py
                        --user-tokens
    --wrong-state       redirect with a state that is not the one asked
    --deny              redirect with error=access_denied
    --seen FILE         every code, verifier and token that passed, one a
                        line, for tests that look for them where they must not be
    --log FILE          one JSON line per request: {"method", "path",
                        "grant_type", "client_auth": "basic"|"body"|"none",
                        "status"}. No token, code or secret is logged.
    --port-file FILE    write the port there once listening
"""
import argparse
import base64
import hashlib
import json
import os
import secrets
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlencode, urlsplit

REQUIRED_SCOPES = {"tweet.read", "users.read", "follows.read", "offline.access"}


class Auth:
    def __init__(self, args):
        self.args = args
        self.redirects = args.redirect or []
        uid, _, name = args.user.partition(":")
        self.user = {"id": uid, "username": name}
        self.codes = {}       # code -> dict(challenge, redirect, client, at, used)
        self.access = {}      # token -> user
        self.refresh = {}     # token -> access token it goes with
        self.lock = threading.Lock()
        self.log_file = open(args.log, "a", encoding="utf-8") if args.log else None
        self.seen_file = open(args.seen, "a", encoding="utf-8") if args.seen else None

    def seen(self, *values):
        if self.seen_file:
            for v in values:
                if v:
                    self.seen_file.write(v + "\n")
            self.seen_file.flush()

    def log(self, entry):
        if self.log_file:
            self.log_file.write(json.dumps(entry) + "\n")
            self.log_file.flush()

    def save(self):
        if not self.args.state_file:
            return
        tmp = self.args.state_file + ".tmp"
        with open(tmp, "w", encoding="utf-8") as f:
            json.dump(self.access, f)
        os.rename(tmp, self.args.state_file)

    def issue(self):
        access, refresh = secrets.token_urlsafe(24), secrets.token_urlsafe(24)
        self.access[access] = self.user
        self.refresh[refresh] = access
        self.seen(access, refresh)
        self.save()
        return {"token_type": "bearer", "expires_in": self.args.expires_in,
                "access_token": access, "scope": " ".join(sorted(REQUIRED_SCOPES)),
                "refresh_token": refresh}


def invalid(description):
    return 400, {"error": "invalid_request", "error_description": description}


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, fmt, *args):
        pass

    def send(self, status, body, headers=None):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        auth = self.server.auth
        parts = urlsplit(self.path)
        if parts.path == "/i/oauth2/authorize":
            status, headers = self.authorize(auth, parse_qs(parts.query))
            auth.log({"method": "GET", "path": parts.path, "status": status})
            if status == 302:
                self.send_response(302)
                self.send_header("Location", headers)
                self.send_header("Content-Length", "0")
                self.end_headers()
            else:
                self.send(status, {"error": headers})
            return
        if parts.path == "/2/users/me":
            scheme, _, token = (self.headers.get("Authorization") or "").partition(" ")
            with auth.lock:
                user = auth.access.get(token) if scheme.lower() == "bearer" else None
            auth.log({"method": "GET", "path": parts.path, "status": 200 if user else 401})
            if user is None:
                return self.send(401, {"title": "Unauthorized", "detail": "Unauthorized",
                                       "status": 401})
            return self.send(200, {"data": dict(user, name="The Client")})
        auth.log({"method": "GET", "path": parts.path, "status": 404})
        self.send(404, {"title": "Not Found Error"})

    def authorize(self, auth, q):
        def one(name):
            return (q.get(name) or [None])[0]
        if one("response_type") != "code" or one("client_id") != auth.args.client_id:
            return 400, "unknown client or response_type"
        redirect = one("redirect_uri")
        if redirect not in auth.redirects:
            return 400, "redirect_uri is not registered"
        if one("code_challenge_method") != "S256" or not one("code_challenge"):
            return 400, "S256 challenge expected"
        if not REQUIRED_SCOPES <= set((one("scope") or "").split(" ")):
            return 400, "scopes missing"
        state = one("state") or ""
        if auth.args.deny:
            return 302, redirect + "?" + urlencode({"error": "access_denied", "state": state})
        code = secrets.token_urlsafe(24)
        with auth.lock:
            auth.seen(code)
            auth.codes[code] = {"challenge": one("code_challenge"), "redirect": redirect,
                                "at": time.time(), "used": False}
        if auth.args.wrong_state:
            state = "not-" + state
        return 302, redirect + "?" + urlencode({"state": state, "code": code})

    def client(self, auth, form):
        """How the client proved itself: "basic", "body", or None for a bad client."""
        header = self.headers.get("Authorization") or ""
        if auth.args.secret is not None:
            want = base64.b64encode(("%s:%s" % (auth.args.client_id, auth.args.secret))
                                    .encode()).decode()
            return "basic" if header == "Basic " + want else None
        if header:
            return None
        return "body" if form.get("client_id") == auth.args.client_id else None

    def do_POST(self):
        auth = self.server.auth
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length).decode()
        form = {k: v[0] for k, v in parse_qs(raw, keep_blank_values=True).items()}
        path = urlsplit(self.path).path
        how = self.client(auth, form)
        with auth.lock:
            if how is None:
                status, body = 401, {"error": "unauthorized_client",
                                     "error_description": "Missing valid authorization header"}
            elif path == "/2/oauth2/token":
                status, body = self.token(auth, form)
            elif path == "/2/oauth2/revoke":
                status, body = self.revoke(auth, form)
            else:
                status, body = 404, {"error": "not found"}
        auth.log({"method": "POST", "path": path, "grant_type": form.get("grant_type"),
                  "client_auth": how or "none", "status": status})
        self.send(status, body)

    def token(self, auth, form):
        grant = form.get("grant_type")
        auth.seen(form.get("code_verifier"))
        if grant == "authorization_code":
            c = auth.codes.get(form.get("code", ""))
            if c is None or c["used"]:
                return invalid("Value passed for the authorization code was invalid.")
            c["used"] = True
            if time.time() - c["at"] > auth.args.code_ttl:
                return invalid("Value passed for the authorization code was invalid.")
            if form.get("redirect_uri") != c["redirect"]:
                return invalid("redirect_uri does not match")
            digest = hashlib.sha256(form.get("code_verifier", "").encode()).digest()
            if base64.urlsafe_b64encode(digest).decode().rstrip("=") != c["challenge"]:
                return invalid("code_verifier does not match the challenge")
            return 200, auth.issue()
        if grant == "refresh_token":
            access = auth.refresh.pop(form.get("refresh_token", ""), None)
            if access is None:
                return invalid("Value passed for the token was invalid.")
            auth.access.pop(access, None)
            return 200, auth.issue()
        return invalid("grant_type")

    def revoke(self, auth, form):
        token = form.get("token", "")
        if token in auth.refresh:
            del auth.refresh[token]
        auth.access.pop(token, None)
        auth.save()
        return 200, {"revoked": True}


def main():
    ap = argparse.ArgumentParser(description="A fake X OAuth 2.0 server for tests.")
    ap.add_argument("--client-id", default="test-client")
    ap.add_argument("--secret")
    ap.add_argument("--redirect", action="append")
    ap.add_argument("--user", default="42:client")
    ap.add_argument("--code-ttl", type=float, default=30)
    ap.add_argument("--expires-in", type=int, default=7200)
    ap.add_argument("--state-file")
    ap.add_argument("--wrong-state", action="store_true")
    ap.add_argument("--deny", action="store_true")
    ap.add_argument("--seen")
    ap.add_argument("--log")
    ap.add_argument("--port-file")
    args = ap.parse_args()
    srv = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    srv.daemon_threads = True
    srv.auth = Auth(args)
    srv.auth.save()
    port = srv.server_address[1]
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
