#!/usr/bin/env python3
"""A fake X API v2 server for the tests of tw-user, tw-followers, tw-timeline and tw-mentions.

    fake-xapi.py [--data FILE] [--generate N] [--port N] [--port-file FILE]
                 [--token TOKEN] [--log FILE] [--spelling post|tweet]
                 [--window SEC] [--rate ENDPOINT=N ...] [--faults FILE]
                 [--strict [--spec FILE]] [--new N] [--gone N] [--moved N]

Listens on 127.0.0.1 only, on --port (0, the default, lets the system choose).
Once it listens it prints the port on stdout and, with --port-file, writes it
to FILE.tmp and renames that to FILE, so a test can wait for FILE to appear.
Standard library only.

Data
    --data FILE     an account fixture (see "Account fixture" in the fetchers
                    spec): {"users", "posts", "followers", "following",
                    "suspended", "deleted"}. Fixture objects may use either
                    the v2.167 names (pinned_post_id, post_count, repost_count,
                    referenced_posts, ...) or the older tweet names.
    --generate N    adds a synthetic account: id "1000", username "bench",
                    followed by N users with ids "2000000".."2000000+N-1"
                    (usernames bench_f0, bench_f1, ...), each with a bio,
                    public_metrics and one post; built per request, so N can be
                    large. The fixture wins where ids clash.
    --new N, --gone N, --moved N
                    the generated account a week later (with --generate): N new
                    followers (ids from 2000000+GENERATE up, the newest first)
                    on top of the list; N of the earlier ones gone (spread
                    over the list); N of the earlier ones (the 2nd, 4th, ...,
                    not gone) moved up among the new ones, as X shows someone
                    who followed again. followers_count follows the list.

Endpoints (GET only, anything else is a 404 problem)
    /2/users/by/username/{username}        rate-limit bucket "username"
    /2/users/by?usernames=a,b  /2/users?ids=1,2                    "users"
    /2/users/{id}/followers  /2/users/{id}/following    "followers", "following"
    /2/users/{id}/tweets  /2/users/{id}/mentions            "tweets", "mentions"
Request parameters are checked as the real API does (unknown parameter or
field, max_results range, id and username patterns, pagination tokens, RFC
3339 times): a 400 invalid-request body names the parameter. Both spellings
of the field parameters are accepted (post.fields or tweet.fields,
most_recent_post_id or most_recent_tweet_id, ...); --spelling picks the names
in the responses: "post" (v2.167: includes.posts, pinned_post_id,
post_count, repost_count, referenced_posts, edit_history_post_ids) or
"tweet" (includes.tweets, pinned_tweet_id, tweet_count, ...).

Strict mode
    --strict        accept only what openapi.json v2.167 lists for the
                    operation: its query parameter names, and in each list
                    parameter (user.fields, post.fields, expansions,
                    media.fields, poll.fields, place.fields, exclude) only the
                    names of its enum. So tweet.fields, the older names
                    (pinned_tweet_id, most_recent_tweet_id,
                    referenced_tweets.id, edit_history_tweet_ids, ...), and
                    names v2.167 moved from the fields to the expansions
                    (user.fields=pinned_post_id, post.fields=author_id, ...)
                    get the 400 invalid-request answer, naming the parameter
                    and the value. Without --spec the names are the v2.167
                    ones written in this file.
    --spec FILE     with --strict: read the names from this OpenAPI
                    description instead (for example
                    ../shared/x-api/openapi.json), when the server starts;
                    exit status 2 if it lacks one of the endpoints above.
    Without --strict both spellings pass, as above (the other tests rely on it).

Pages are newest first; meta.next_token (opaque, base32hex) is present only
when more remain. Follower lists skip ids that are unknown, suspended or
deleted, so a page may hold fewer than max_results users, or none. Timelines:
start_time inclusive, end_time exclusive, since_id and until_id exclusive;
exclude=replies drops replies, exclude=retweets drops reposts. Mentions of a
user are posts whose text holds "@username" not followed by a name character.

Auth, rate limits, log
    --token TOKEN   every request needs "Authorization: Bearer TOKEN"
                    (default test-token), else 401.
    --user-tokens FILE
                    user-context access tokens are good too: the keys of the
                    JSON object in FILE ({"TOKEN": {"id", "username"}}, as
                    fake-oauth.py --state-file writes it), read at each
                    request. With one, GET /2/users/me answers the token's
                    user (with the app's token: 403, as X); the followers,
                    following, posts and mentions of that user are billed
                    as owned reads.
    --window SEC    rate-limit window (default 900); each bucket's window
                    starts at its first request after the last one expired.
    --rate EP=N     requests per window for bucket EP (repeatable; defaults
                    users 300, username 300, followers 300, following 300,
                    tweets 10000, mentions 450). Every answer carries the
                    x-rate-limit-* headers (reset rounded up to the second);
                    past the limit: 429 with code 88.
    --log FILE      one JSON line per request: {"t", "method", "path",
                    "query", "status", "auth", "token", "owned", "billed"}
                    ("token": "app" or "user", "owned": billed as owned
                    reads); status 0 for a
                    "reset" fault. "billed" counts the users or posts the
                    answer holds in data, as X bills them: when it is sent,
                    whether or not the client reads it all (a stall or
                    truncate fault is billed too).
                    The Authorization header is never logged.

Faults
    --faults FILE   a JSON array of rules {"match": "substring of the request
                    path and query (raw or percent-decoded)", "nth": [2, 3]
                    (1-based, counted among the requests this rule matches;
                    omitted: all), "action": ...}. The first rule that applies
                    wins; every matching rule counts the request. Actions:
      status          answer "code" with "body" (JSON; a string is sent as is;
                      default a Problem) and extra "headers" (null removes one)
      429-noheaders   429 code 88 without x-rate-limit-* headers
      429-cap         429 UsageCapExceeded (Monthly, Product)
      429-credits     429 CreditsDepleted
      403             403 client-forbidden, client-not-enrolled, registration_url
      slow            sleep "seconds" (default 2), then answer normally
      stall           send the headers and half the body, sleep "seconds"
                      (default 30), close
      truncate        full Content-Length, half the body, close
      drip            the body one byte every "seconds" (default 0.2): never
                      stalled, never done in good time
      malformed       200 with a body that is not JSON
      empty-page      200 {"meta": {"result_count": 0, "next_token": T}} where T
                      resumes at the same position (the real page comes next)
      partial-errors  the normal page plus a resource-not-found error
      nul-token       the normal page, its next_token with a NUL (\\u0000) after
                      its first character
      reset           close the connection (RST) without answering
    Faults come after the auth check; slow, stall, truncate, empty-page,
    partial-errors and nul-token alter the normal answer (which may be a
    rate-limit 429).
"""
import argparse
import base64
import json
import math
import os
import re
import socket
import struct
import sys
import threading
import time
from datetime import datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, unquote, urlsplit

PROBLEMS = "https://api.twitter.com/2/problems/"
DEFAULT_RATES = {"users": 300, "username": 300, "followers": 300, "following": 300,
                 "tweets": 10000, "mentions": 450}
ID_RE = re.compile(r"^[0-9]{1,19}$")
USERNAME_RE = re.compile(r"^[A-Za-z0-9_]{1,15}$")
TIME_RE = re.compile(r"^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(\.\d+)?(Z|[+-]\d\d:\d\d)$")
OLDEST_TIME = datetime(2010, 11, 6, tzinfo=timezone.utc)

# Older (v2.159 and before) names -> the v2.167 names used inside the server.
ALIASES = {
    "most_recent_tweet_id": "most_recent_post_id", "pinned_tweet_id": "pinned_post_id",
    "referenced_tweets": "referenced_posts", "referenced_tweets.id": "referenced_posts",
    "edit_history_tweet_ids": "edit_history_post_ids", "note_tweet": "note_post",
    "tweet_count": "post_count", "retweet_count": "repost_count",
}
# v2.167 names -> the older names, for --spelling tweet.
TWEET_NAMES = {
    "most_recent_post_id": "most_recent_tweet_id", "pinned_post_id": "pinned_tweet_id",
    "referenced_posts": "referenced_tweets", "edit_history_post_ids": "edit_history_tweet_ids",
    "note_post": "note_tweet", "post_count": "tweet_count", "repost_count": "retweet_count",
    "referenced_posts.id": "referenced_tweets.id",
}

# The v2.167 enums plus what v2.159 had there (now expansions), in v2.167 names.
USER_FIELDS = {
    "affiliation", "confirmed_email", "connection_status", "created_at", "description",
    "entities", "id", "is_identity_verified", "location", "most_recent_post_id", "name",
    "parody", "pinned_post_id", "profile_banner_url", "profile_image_url", "protected",
    "public_metrics", "receives_your_dm", "subscribes_to_you", "subscription",
    "subscription_type", "url", "username", "verified", "verified_followers_count",
    "verified_type", "withheld"}
POST_FIELDS = {
    "article", "article_title", "attachments", "author_id", "card_uri", "community_id",
    "context_annotations", "conversation_id", "created_at", "display_text_range",
    "edit_controls", "edit_history_post_ids", "entities", "geo", "id", "in_reply_to_user_id",
    "lang", "matched_media_notes", "media_metadata", "non_public_metrics", "note_post",
    "note_request_suggestions", "organic_metrics", "paid_partnership", "possibly_sensitive",
    "promoted_metrics", "public_metrics", "referenced_posts", "reply_settings", "scopes",
    "source", "suggested_source_links", "suggested_source_links_with_counts", "text",
    "withheld"}
USER_EXPANSIONS = {"affiliation", "most_recent_post_id", "pinned_post_id"}
POST_EXPANSIONS = {
    "article.cover_media", "article.media_entities", "attachments.media_keys",
    "attachments.media_source_tweet", "attachments.poll_ids", "author_id",
    "edit_history_post_ids", "entities.mentions.username", "entities.note.mentions.username",
    "geo.place_id", "in_reply_to_user_id", "referenced_posts",
    "referenced_tweets.id.attachments.media_keys", "referenced_tweets.id.author_id", "username"}
USER_PARAMS = {"user.fields", "expansions", "post.fields", "tweet.fields"}
POST_PARAMS = {"post.fields", "tweet.fields", "expansions", "user.fields", "media.fields",
               "poll.fields", "place.fields", "max_results", "pagination_token",
               "since_id", "until_id", "start_time", "end_time"}

# --strict without --spec: the query parameters of each operation in v2.167
# (openapi.json), with the enum of each list parameter (None: not a list).
STRICT_USER_FIELDS = USER_FIELDS - {"affiliation", "most_recent_post_id", "pinned_post_id"}
STRICT_POST_FIELDS = POST_FIELDS - {"author_id", "edit_history_post_ids", "in_reply_to_user_id",
                                    "referenced_posts"}
STRICT_POST_EXPANSIONS = POST_EXPANSIONS - {"entities.note.mentions.username",
                                            "referenced_tweets.id.attachments.media_keys",
                                            "referenced_tweets.id.author_id"}
STRICT_USER_PARAMS = {"user.fields": STRICT_USER_FIELDS, "expansions": USER_EXPANSIONS,
                      "post.fields": STRICT_POST_FIELDS}
STRICT_POST_PARAMS = {
    "max_results": None, "pagination_token": None, "start_time": None, "end_time": None,
    "since_id": None, "until_id": None, "post.fields": STRICT_POST_FIELDS,
    "expansions": STRICT_POST_EXPANSIONS, "user.fields": STRICT_USER_FIELDS,
    "media.fields": {"alt_text", "duration_ms", "height", "media_key", "non_public_metrics",
                     "organic_metrics", "preview_image_url", "promoted_metrics",
                     "public_metrics", "type", "url", "variants", "width"},
    "poll.fields": {"duration_minutes", "end_datetime", "id", "options", "voting_status"},
    "place.fields": {"contained_within", "country", "country_code", "full_name", "geo", "id",
                     "name", "place_type"}}
STRICT_PARAMS = {
    "/2/users/by/username/{username}": STRICT_USER_PARAMS,
    "/2/users/by": dict(STRICT_USER_PARAMS, usernames=None),
    "/2/users": dict(STRICT_USER_PARAMS, ids=None),
    "/2/users/me": STRICT_USER_PARAMS,
    "/2/users/{id}/followers": dict(STRICT_USER_PARAMS, max_results=None, pagination_token=None),
    "/2/users/{id}/following": dict(STRICT_USER_PARAMS, max_results=None, pagination_token=None),
    "/2/users/{id}/tweets": dict(STRICT_POST_PARAMS, exclude={"replies", "retweets"}),
    "/2/users/{id}/mentions": STRICT_POST_PARAMS,
}


def spec_params(path):
    """STRICT_PARAMS as the OpenAPI description in the file at path has them."""
    with open(path, encoding="utf-8") as f:
        spec = json.load(f)

    def deref(obj):
        for _ in range(20):
            if not isinstance(obj, dict) or "$ref" not in obj:
                return obj
            ref = obj["$ref"]
            if not ref.startswith("#/"):
                raise ValueError("%s: external $ref %s" % (path, ref))
            obj = spec
            for key in ref[2:].split("/"):
                obj = obj[key.replace("~1", "/").replace("~0", "~")]
        raise ValueError("%s: $ref loop" % path)

    out = {}
    for endpoint in STRICT_PARAMS:
        item = deref(spec.get("paths", {}).get(endpoint))
        if not isinstance(item, dict) or "get" not in item:
            raise ValueError("%s: no GET %s" % (path, endpoint))
        op = deref(item["get"])
        params = {}
        for p in item.get("parameters", []) + op.get("parameters", []):
            p = deref(p)
            if p.get("in") != "query":
                continue
            schema = deref(p.get("schema", {}))
            if schema.get("type") == "array":
                schema = deref(schema.get("items", {}))
            params[p["name"]] = set(schema["enum"]) if "enum" in schema else None
        out[endpoint] = params
    return out


# --generate: the synthetic account and its followers' ids.
GEN_ID, GEN_NAME, GEN_FIRST, GEN_POST0 = "1000", "bench", 2000000, 1800000000000000000
GEN_BIOS = [
    "Coffee, code and long walks. Opinions my own.",
    "Product designer at a small studio. She/her.",
    "Follow back! DM for promo. Crypto giveaways daily",
    "",
    "Dad, runner, amateur astronomer.",
    "Best deals on followers, link in bio!!!",
    "Writing about open source and the web.",
    "News junkie. Retweets are not endorsements.",
]
GEN_EPOCH = datetime(2026, 1, 1, tzinfo=timezone.utc)


def iso(dt):
    return dt.strftime("%Y-%m-%dT%H:%M:%S.000Z")


def parse_time(s):
    m = TIME_RE.match(s)
    if not m:
        return None
    try:
        dt = datetime(*(int(g) for g in m.groups()[:6]), tzinfo=timezone.utc)
    except ValueError:
        return None
    if m.group(8) != "Z":  # fold the offset in so every time compares as UTC
        sign = 1 if m.group(8)[0] == "+" else -1
        dt -= sign * timedelta(hours=int(m.group(8)[1:3]), minutes=int(m.group(8)[4:6]))
    return dt


def canonical(obj):
    """A fixture object with the older names renamed to the v2.167 ones."""
    if isinstance(obj, dict):
        return {ALIASES.get(k, k): canonical(v) for k, v in obj.items()}
    if isinstance(obj, list):
        return [canonical(v) for v in obj]
    return obj


def tweet_spelling(obj):
    if isinstance(obj, dict):
        return {TWEET_NAMES.get(k, k): tweet_spelling(v) for k, v in obj.items()}
    if isinstance(obj, list):
        return [tweet_spelling(v) for v in obj]
    return obj


def problem(title, detail, status, ptype="about:blank", **extra):
    return dict({"title": title, "detail": detail, "type": ptype, "status": status}, **extra)


def rate_limited_body():
    return {"errors": [{"code": 88, "message": "Rate limit exceeded"}],
            "title": "Too Many Requests", "detail": "Too Many Requests",
            "type": "about:blank", "status": 429}


# Deterministic pseudo-random numbers, so generated accounts differ but never change.
def mix(i, salt):
    return ((i + 1) * 2654435761 + salt * 40503) % 4294967291


class GeneratedIds:
    """The generated followers' ids as a lazy list: slicing makes only the page asked for."""

    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n

    def __getitem__(self, s):
        return [str(GEN_FIRST + i) for i in range(self.n)[s]]


class Store:
    """The fixture and the generated account, looked up by id or username."""

    def __init__(self, fixture, generate, week=(0, 0, 0)):
        self.users, self.by_name, self.posts = {}, {}, {}
        for u in fixture.get("users", []):
            u = canonical(u)
            u.pop("most_recent_post_id", None)  # derived from the posts instead
            self.users[u["id"]] = u
            self.by_name[u["username"].lower()] = u["id"]
        self.timelines = {}
        for p in fixture.get("posts", []):
            p = canonical(p)
            self.posts[p["id"]] = p
            self.timelines.setdefault(p.get("author_id"), []).append(p)
        for posts in self.timelines.values():
            posts.sort(key=lambda p: int(p["id"]), reverse=True)
        self.newest_first = sorted(self.posts.values(), key=lambda p: int(p["id"]), reverse=True)
        self.follows = {"followers": fixture.get("followers", {}),
                        "following": fixture.get("following", {})}
        self.suspended = set(fixture.get("suspended", []))
        self.deleted = set(fixture.get("deleted", []))
        self.generate, self.new_users = generate, week[0]
        self.week_followers = self.week_later(*week) if any(week) else None

    def week_later(self, new, gone, moved):
        """The generated followers a week later: new on top, some gone, some moved up."""
        old = [str(GEN_FIRST + i) for i in range(self.generate)]
        gone_at = {int((k + 0.5) * self.generate / gone) for k in range(gone)} if gone else set()
        up = [old[i] for i in range(1, self.generate, 2) if i not in gone_at][:moved]
        moved_up = set(up)
        rest = [fid for i, fid in enumerate(old) if i not in gone_at and fid not in moved_up]
        top = [str(GEN_FIRST + self.generate + j) for j in reversed(range(new))]
        for k, fid in enumerate(up):
            top.insert(int((k + 1) * len(top) / (len(up) + 1)), fid)
        return top + rest

    # --- the generated account ---------------------------------------------
    def gen_index(self, uid, first):
        if self.generate and uid.isdigit() and not uid.startswith("0"):
            i = int(uid) - first
            if 0 <= i < self.generate + self.new_users:
                return i
        return None

    def gen_user(self, i):
        h = mix(i, 1)
        return {
            "id": str(GEN_FIRST + i), "name": "Bench Follower %d" % i, "username": "bench_f%d" % i,
            "description": GEN_BIOS[i % len(GEN_BIOS)],
            "created_at": iso(GEN_EPOCH - timedelta(days=30 + h % 5000)),
            "location": ["", "Lisbon", "Berlin", "Osaka", "Lagos"][h % 5],
            "url": "", "verified": False, "verified_type": "none", "protected": False,
            "profile_image_url": "https://pbs.twimg.com/profile_images/%d/a_normal.jpg" % i,
            "public_metrics": {"followers_count": h % 5000, "following_count": (h >> 8) % 3000,
                               "post_count": (h >> 4) % 20000, "listed_count": h % 7,
                               "like_count": (h >> 2) % 9000, "media_count": h % 300},
        }

    def gen_post(self, i):
        h = mix(i, 2)
        pid = str(GEN_POST0 + i)
        return {
            "id": pid, "text": "Post %d from bench_f%d about things." % (i, i),
            "author_id": str(GEN_FIRST + i), "created_at": iso(GEN_EPOCH + timedelta(minutes=i)),
            "lang": "en", "conversation_id": pid,
            "public_metrics": {"repost_count": h % 5, "reply_count": h % 3, "like_count": h % 40,
                               "quote_count": 0, "bookmark_count": h % 2,
                               "impression_count": h % 1000},
        }

    def gen_account(self):
        return {"id": GEN_ID, "name": "Bench Account", "username": GEN_NAME,
                "description": "A generated account with many followers.",
                "created_at": "2015-05-05T05:05:05.000Z", "protected": False, "verified": False,
                "public_metrics": {"followers_count": len(self.follow_list("followers", GEN_ID)),
                                   "following_count": 0,
                                   "post_count": 0, "listed_count": 0, "like_count": 0,
                                   "media_count": 0}}

    # --- lookups -------------------------------------------------------------
    def user(self, uid):
        if uid in self.users:
            return self.users[uid]
        if self.generate and uid == GEN_ID:
            return self.gen_account()
        i = self.gen_index(uid, GEN_FIRST)
        return None if i is None else self.gen_user(i)

    def id_of(self, username):
        name = username.lower()
        if name in self.by_name:
            return self.by_name[name]
        if self.generate and name == GEN_NAME:
            return GEN_ID
        m = re.match(r"^bench_f([1-9][0-9]*|0)$", name)
        if m and self.gen_index(str(GEN_FIRST + int(m.group(1))), GEN_FIRST) is not None:
            return str(GEN_FIRST + int(m.group(1)))
        return None

    def post(self, pid):
        if pid in self.posts:
            return self.posts[pid]
        i = self.gen_index(pid, GEN_POST0)
        return None if i is None else self.gen_post(i)

    def posts_of(self, uid):
        if uid in self.timelines or uid in self.users:
            return self.timelines.get(uid, [])
        i = self.gen_index(uid, GEN_FIRST)
        return [] if i is None else [self.gen_post(i)]

    def most_recent(self, uid):
        posts = self.posts_of(uid)
        return posts[0]["id"] if posts else None

    def mentions_of(self, username):
        at = re.compile("@" + re.escape(username) + "(?![A-Za-z0-9_])", re.I)
        return [p for p in self.newest_first if at.search(p.get("text", ""))]

    def follow_list(self, kind, uid):
        if self.generate and uid == GEN_ID and uid not in self.follows[kind]:
            if kind == "following":
                return []
            if self.week_followers is not None:
                return self.week_followers
            return GeneratedIds(self.generate)
        return self.follows[kind].get(uid, [])

    def resolve(self, key, by, parameter):
        """(user, None) or (None, the problem the API reports for key)."""
        uid = self.id_of(key) if by == "username" else key
        user = None if uid is None or uid in self.deleted else self.user(uid)
        if uid is not None and uid in self.suspended:
            return None, {"value": key, "detail": "User has been suspended: [%s]." % key,
                          "title": "Forbidden", "resource_type": "user", "parameter": parameter,
                          "resource_id": key, "type": PROBLEMS + "resource-not-found"}
        if user is None:
            return None, {"value": key, "detail": "Could not find user with %s: [%s]." % (by, key),
                          "title": "Not Found Error", "resource_type": "user",
                          "parameter": parameter, "resource_id": key,
                          "type": PROBLEMS + "resource-not-found"}
        return user, None


class Query:
    """The query parameters of one request, with the 400 errors they earn.

    strict: None (lenient), or {parameter: the names its list may hold, or None}
    for the operation; then only those parameters and names pass, whatever
    allowed says."""

    def __init__(self, query, allowed, strict=None):
        self.values, self.errors, self.strict = {}, [], strict
        if strict is not None:
            allowed = set(strict)
        for name, value in parse_qsl(query, keep_blank_values=True):
            if name not in allowed:
                self.bad(name, value, "The query parameter [%s] is not one of [%s]"
                         % (name, ",".join(sorted(allowed))))
            elif name in self.values:
                self.bad(name, value, "Duplicate parameters are not allowed: the `%s` query "
                         "parameter" % name)
            else:
                self.values[name] = value
                enum = strict.get(name) if strict is not None else None
                for item in [] if enum is None else value.split(","):
                    if item not in enum:
                        self.bad(name, item, "The `%s` query parameter value [%s] is not one "
                                 "of [%s]" % (name, item, ",".join(sorted(enum))))

    def bad(self, name, value, message):
        self.errors.append({"parameters": {name: [value]}, "message": message})

    def get(self, name):
        return self.values.get(name)

    def names(self, params, valid):
        """The set of v2.167 names listed in any of params (each checked against valid)."""
        out = set()
        for param in params:
            value = self.values.get(param)
            if value is None:
                continue
            for item in value.split(","):
                name = ALIASES.get(item, item)
                if self.strict is None and name not in valid:  # strict: checked already
                    self.bad(param, item, "The `%s` query parameter value [%s] is not one of [%s]"
                             % (param, item, ",".join(sorted(valid))))
                out.add(name)
        return out

    def integer(self, name, lo, hi, default):
        value = self.values.get(name)
        if value is None:
            return default
        if not re.match(r"^[0-9]{1,9}$", value) or not lo <= int(value) <= hi:
            self.bad(name, value, "The `%s` query parameter value [%s] is not between %d and %d"
                     % (name, value, lo, hi))
            return default
        return int(value)

    def pattern(self, name, value, regex, shown):
        if not regex.match(value):
            self.bad(name, value, "The `%s` query parameter value [%s] does not match %s"
                     % (name, value, shown))
            return False
        return True

    def time(self, name):
        value = self.values.get(name)
        if value is None:
            return None
        dt = parse_time(value)
        if dt is None or dt < OLDEST_TIME:
            self.bad(name, value, "Invalid '%s':'%s'. '%s' must be a valid RFC 3339 date-time "
                     "on or after 2010-11-06T00:00:00Z." % (name, value, name))
        return dt

    def invalid(self):
        return Reply(400, {"errors": self.errors, "title": "Invalid Request",
                           "detail": "One or more parameters to your request was invalid.",
                           "type": PROBLEMS + "invalid-request"})


class Reply:
    def __init__(self, status, body, resume=None, kind=None):
        self.status, self.body = status, body
        self.resume = resume  # the token that asks for this same page again
        self.kind = kind      # "user" or "post": what the page lists


# Tokens are base32hex, like the API's, and carry the list and the position.
B32HEX = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", "0123456789ABCDEFGHIJKLMNOPQRSTUV")
B32STD = str.maketrans("0123456789ABCDEFGHIJKLMNOPQRSTUV", "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")


def make_token(kind, uid, pos):
    raw = base64.b32encode(("xapi|%s|%s|%s" % (kind, uid, pos)).encode()).decode()
    return raw.rstrip("=").translate(B32HEX).lower()


def read_token(token, kind, uid):
    """The position a token encodes, or None when it is not one of ours for this list."""
    try:
        t = token.upper().translate(B32STD)
        text = base64.b32decode(t + "=" * (-len(t) % 8)).decode()
    except (ValueError, UnicodeDecodeError):
        return None
    parts = text.split("|")
    if len(parts) != 4 or parts[:3] != ["xapi", kind, uid]:
        return None
    return parts[3]


class Api:
    def __init__(self, store, spelling, strict=None):
        self.store, self.spelling = store, spelling
        self.strict = strict  # None, or STRICT_PARAMS (as --spec has them)

    def query(self, query, allowed, endpoint):
        """The Query for endpoint, the path as openapi.json spells it."""
        return Query(query, allowed, None if self.strict is None else self.strict[endpoint])

    def finish(self, body):
        if self.spelling == "tweet":
            body = tweet_spelling(body)
            if "posts" in body.get("includes", {}):
                body["includes"]["tweets"] = body["includes"].pop("posts")
        return body

    def missing_post(self, pid, parameter):
        if self.spelling == "tweet":
            parameter = TWEET_NAMES.get(parameter, parameter)
        return {"value": pid, "detail": "Could not find tweet with %s: [%s]." % (parameter, pid),
                "title": "Not Found Error", "resource_type": "tweet", "parameter": parameter,
                "resource_id": pid, "type": PROBLEMS + "resource-not-found"}

    def render_user(self, u, ufields, expansions=()):
        out = {"id": u["id"], "name": u["name"], "username": u["username"]}
        for k, v in u.items():
            if k in ufields and k not in out:
                out[k] = v
        if "most_recent_post_id" in ufields or "most_recent_post_id" in expansions:
            recent = self.store.most_recent(u["id"])
            if recent:
                out["most_recent_post_id"] = recent
        if "pinned_post_id" in expansions and u.get("pinned_post_id"):
            out["pinned_post_id"] = u["pinned_post_id"]
        return out

    def render_post(self, p, pfields, expansions=()):
        out = {"id": p["id"], "text": p.get("text", ""),
               "edit_history_post_ids": p.get("edit_history_post_ids") or [p["id"]]}
        for k, v in p.items():
            if k not in out and (k in pfields or k in expansions):
                out[k] = v
        return out

    def me(self, query, user):
        """GET /2/users/me: the user of a user token; the app's token is refused, as X does."""
        if user is None:
            return 403, problem("Unsupported Authentication", "Authenticating with OAuth 2.0 "
                                "Application-Only is forbidden for this endpoint.  Supported "
                                "authentication types are [OAuth 1.0a User Context, OAuth 2.0 "
                                "User Context].", 403,
                                PROBLEMS + "unsupported-authentication")
        q = self.query(query, USER_PARAMS, "/2/users/me")
        ufields, pfields, expansions = self.user_options(q)
        found = self.store.user(user["id"])
        if found is None:
            found = {"id": user["id"], "name": user["username"], "username": user["username"]}
        body = self.user_body([found], ufields, pfields, expansions, [])
        body["data"] = body["data"][0]
        return 200, body

    def user_options(self, q):
        return (q.names(["user.fields"], USER_FIELDS),
                q.names(["post.fields", "tweet.fields"], POST_FIELDS),
                q.names(["expansions"], USER_EXPANSIONS))

    def user_body(self, users, ufields, pfields, expansions, errors, meta=None):
        """data, includes.posts from the user expansions, errors, meta."""
        data, posts, seen = [], [], set()
        for u in users:
            out = self.render_user(u, ufields, expansions)
            data.append(out)
            for key in ("pinned_post_id", "most_recent_post_id"):
                pid = out.get(key)
                if key not in expansions or not pid or pid in seen:
                    continue
                seen.add(pid)
                post = self.store.post(pid)
                if post is None:
                    errors.append(self.missing_post(pid, key))
                else:
                    posts.append(self.render_post(post, pfields))
        body = {}
        if data:
            body["data"] = data
        if posts:
            body["includes"] = {"posts": posts}
        if errors:
            body["errors"] = errors
        if meta is not None:
            body["meta"] = meta
        return self.finish(body)

    # --- endpoints --------------------------------------------------------------
    def by_username(self, query, username):
        q = self.query(query, USER_PARAMS, "/2/users/by/username/{username}")
        ufields, pfields, expansions = self.user_options(q)
        q.pattern("username", username, USERNAME_RE, "^[A-Za-z0-9_]{1,15}$")
        if q.errors:
            return q.invalid()
        user, err = self.store.resolve(username, "username", "username")
        users, errors = ([user], []) if user else ([], [err])
        body = self.user_body(users, ufields, pfields, expansions, errors)
        if "data" in body:
            body["data"] = body["data"][0]  # a single object on this endpoint
        return Reply(200, body, kind="user")

    def lookup(self, query, param, by, regex, shown):
        q = self.query(query, USER_PARAMS | {param}, "/2/users/by" if param == "usernames"
                       else "/2/users")
        ufields, pfields, expansions = self.user_options(q)
        value = q.get(param)
        keys = [] if value is None else value.split(",")
        if value is None or value == "":
            q.bad(param, value or "", "The `%s` query parameter can not be empty" % param)
        elif len(keys) > 100:
            q.bad(param, value, "The number of values in the `%s` query parameter list [%d] "
                  "is not between 1 and 100" % (param, len(keys)))
        else:
            for k in keys:
                q.pattern(param, k, regex, shown)
        if q.errors:
            return q.invalid()
        users, errors, seen = [], [], set()
        for k in keys:
            if k.lower() in seen:
                continue
            seen.add(k.lower())
            user, err = self.store.resolve(k, by, param)
            if user:
                users.append(user)
            else:
                errors.append(err)
        return Reply(200, self.user_body(users, ufields, pfields, expansions, errors), kind="user")

    def target(self, uid):
        """The user whose list is asked for, or the 200 error reply the API gives instead."""
        user, err = self.store.resolve(uid, "id", "id")
        if err is None and user.get("protected"):
            err = {"value": uid, "detail": "Sorry, you are not authorized to see the user with "
                   "id: [%s]." % uid, "title": "Authorization Error", "resource_type": "user",
                   "parameter": "id", "resource_id": uid, "section": "data",
                   "type": PROBLEMS + "not-authorized-for-resource"}
        return user, (Reply(200, {"errors": [err]}) if err else None)

    def follows(self, query, kind, uid):
        q = self.query(query, USER_PARAMS | {"max_results", "pagination_token"},
                       "/2/users/{id}/" + kind)
        ufields, pfields, expansions = self.user_options(q)
        q.pattern("id", uid, ID_RE, "^[0-9]{1,19}$")
        count = q.integer("max_results", 1, 1000, 100)
        offset, token = 0, q.get("pagination_token")
        if token is not None:
            pos = read_token(token, kind, uid) if len(token) >= 16 else None
            if pos is None or not pos.isdigit():
                q.bad("pagination_token", token, "The `pagination_token` query parameter value "
                      "[%s] is not valid" % token)
            else:
                offset = int(pos)
        if q.errors:
            return q.invalid()
        _, refusal = self.target(uid)
        if refusal:
            return refusal
        ids = self.store.follow_list(kind, uid)
        users = []
        for fid in ids[offset:offset + count]:
            follower, err = self.store.resolve(fid, "id", "id")
            if follower and not err:
                users.append(follower)
        meta = {"result_count": len(users)}
        if offset + count < len(ids):
            meta["next_token"] = make_token(kind, uid, offset + count)
        if offset > 0:
            meta["previous_token"] = make_token(kind, uid, max(0, offset - count))
        body = self.user_body(users, ufields, pfields, expansions, [], meta)
        return Reply(200, body, resume=make_token(kind, uid, offset), kind="user")

    def posts(self, query, kind, uid):
        params = POST_PARAMS | ({"exclude"} if kind == "tweets" else set())
        q = self.query(query, params, "/2/users/{id}/" + kind)
        ufields = q.names(["user.fields"], USER_FIELDS)
        pfields = q.names(["post.fields", "tweet.fields"], POST_FIELDS)
        expansions = q.names(["expansions"], POST_EXPANSIONS)
        exclude = q.names(["exclude"], {"replies", "retweets"})
        q.pattern("id", uid, ID_RE, "^[0-9]{1,19}$")
        count = q.integer("max_results", 5, 100, 10)
        since, until = q.get("since_id"), q.get("until_id")
        for name, value in (("since_id", since), ("until_id", until)):
            if value is not None:
                q.pattern(name, value, ID_RE, "^[0-9]{1,19}$")
        start, end = q.time("start_time"), q.time("end_time")
        if start and end and start >= end:
            q.bad("start_time", q.get("start_time"), "Invalid 'start_time':'%s'. 'start_time' "
                  "must be before 'end_time'." % q.get("start_time"))
        below, token = "", q.get("pagination_token")
        if token is not None:
            below = read_token(token, kind, uid)
            if below is None or (below and not below.isdigit()):
                q.bad("pagination_token", token, "The `pagination_token` query parameter value "
                      "[%s] is not valid" % token)
        if q.errors:
            return q.invalid()
        user, refusal = self.target(uid)
        if refusal:
            return refusal
        posts = (self.store.posts_of(uid) if kind == "tweets"
                 else self.store.mentions_of(user["username"]))

        def wanted(p):
            pid, refs = int(p["id"]), {r.get("type") for r in p.get("referenced_posts", [])}
            if "replies" in exclude and ("replied_to" in refs or p.get("in_reply_to_user_id")):
                return False
            if "retweets" in exclude and "retweeted" in refs:
                return False
            if (since and pid <= int(since)) or (until and pid >= int(until)):
                return False
            if below and pid >= int(below):
                return False
            if start or end:
                created = parse_time(p.get("created_at", ""))
                if created is None or (start and created < start) or (end and created >= end):
                    return False
            return True
        matching = [p for p in posts if wanted(p)]
        page = matching[:count]
        meta = {"result_count": len(page)}
        if page:
            meta = {"newest_id": page[0]["id"], "oldest_id": page[-1]["id"],
                    "result_count": len(page)}
        if len(matching) > count:
            meta["next_token"] = make_token(kind, uid, page[-1]["id"])
        body = self.post_body(page, ufields, pfields, expansions, meta)
        return Reply(200, body, resume=make_token(kind, uid, below), kind="post")

    def post_body(self, page, ufields, pfields, expansions, meta):
        data = [self.render_post(p, pfields, expansions) for p in page]
        users, posts, errors, seen = [], [], [], set()

        def add_user(uid):
            if uid and ("u", uid) not in seen:
                seen.add(("u", uid))
                user, _ = self.store.resolve(uid, "id", "author_id")
                if user:
                    users.append(self.render_user(user, ufields))
        for p in page:
            if "author_id" in expansions:
                add_user(p.get("author_id"))
            if "in_reply_to_user_id" in expansions:
                add_user(p.get("in_reply_to_user_id"))
            if "entities.mentions.username" in expansions:
                for m in p.get("entities", {}).get("mentions", []):
                    add_user(self.store.id_of(m.get("username", "")))
            if "referenced_posts" in expansions:
                for ref in p.get("referenced_posts", []):
                    if ("p", ref.get("id")) in seen:
                        continue
                    seen.add(("p", ref.get("id")))
                    post = self.store.post(ref.get("id", ""))
                    if post is None:
                        errors.append(self.missing_post(ref.get("id", ""), "referenced_posts.id"))
                        continue
                    posts.append(self.render_post(post, pfields))
                    if "referenced_tweets.id.author_id" in expansions:
                        add_user(post.get("author_id"))
        body = {}
        if data:
            body["data"] = data
        includes = {k: v for k, v in (("users", users), ("posts", posts)) if v}
        if includes:
            body["includes"] = includes
        if errors:
            body["errors"] = errors
        body["meta"] = meta
        return self.finish(body)


OWN_LIST = re.compile(r"^/2/users/([^/]+)/(followers|following|tweets|mentions)$")

ROUTES = [
    (re.compile(r"^/2/users/by/username/([^/]+)$"), "username"),
    (re.compile(r"^/2/users/by$"), "users-by"),
    (re.compile(r"^/2/users$"), "users"),
    (re.compile(r"^/2/users/([^/]+)/(followers|following|tweets|mentions)$"), "list"),
]


def route(api, path, query):
    """(rate-limit bucket, a function giving the Reply), or (None, None) for no such endpoint."""
    for regex, name in ROUTES:
        m = regex.match(path)
        if not m:
            continue
        if name == "username":
            return "username", lambda: api.by_username(query, unquote(m.group(1)))
        if name == "users-by":
            return "users", lambda: api.lookup(query, "usernames", "username", USERNAME_RE,
                                               "^[A-Za-z0-9_]{1,15}$")
        if name == "users":
            return "users", lambda: api.lookup(query, "ids", "id", ID_RE, "^[0-9]{1,19}$")
        uid, kind = unquote(m.group(1)), m.group(2)
        if kind in ("followers", "following"):
            return kind, lambda: api.follows(query, kind, uid)
        return kind, lambda: api.posts(query, kind, uid)
    return None, None


class Limiter:
    def __init__(self, window, limits):
        self.window, self.limits, self.state = window, limits, {}
        self.lock = threading.Lock()

    def take(self, bucket):
        """Counts one request: (x-rate-limit-* headers, whether it is over the limit)."""
        with self.lock:
            now = time.time()
            state = self.state.get(bucket)
            if state is None or now >= state[0]:
                # Windows start on a whole second, so the reset the header
                # gives (whole seconds, as X's) is the window's true end.
                state = self.state[bucket] = [math.floor(now) + self.window, 0]
            state[1] += 1
            limit = self.limits[bucket]
            headers = {"x-rate-limit-limit": str(limit),
                       "x-rate-limit-remaining": str(max(0, limit - state[1])),
                       # rounded up: waiting until that second is always enough
                       "x-rate-limit-reset": str(math.ceil(state[0]))}
            return headers, state[1] > limit


ACTIONS = {"status", "429-noheaders", "429-cap", "429-credits", "403", "slow", "stall",
           "truncate", "malformed", "empty-page", "partial-errors", "reset", "drip", "nul-token"}


class Faults:
    def __init__(self, rules):
        for r in rules:
            if not isinstance(r, dict) or r.get("action") not in ACTIONS:
                raise ValueError("bad fault rule: %s" % json.dumps(r))
            if r["action"] == "status" and not isinstance(r.get("code"), int):
                raise ValueError("a status rule needs an integer code: %s" % json.dumps(r))
        self.rules = rules
        self.seen = [0] * len(rules)
        self.lock = threading.Lock()

    def pick(self, target):
        with self.lock:
            chosen = None
            decoded = unquote(target)
            for i, r in enumerate(self.rules):
                m = r.get("match", "")
                if m in target or m in decoded:
                    self.seen[i] += 1
                    if chosen is None and ("nth" not in r or self.seen[i] in r["nth"]):
                        chosen = r
            return chosen


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def version_string(self):
        return "fake-xapi"

    def log_message(self, fmt, *args):  # quiet: the tests read --log
        pass

    def do_GET(self):
        self.answer()

    do_POST = do_PUT = do_PATCH = do_DELETE = do_HEAD = do_OPTIONS = do_GET

    def answer(self):
        app = self.server.app
        started = time.time()
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            self.rfile.read(length)  # keep the connection usable
        parts = urlsplit(self.path)
        path, query = parts.path, parts.query
        scheme, _, token = (self.headers.get("Authorization") or "").partition(" ")
        user = app.user_of(token) if scheme.lower() == "bearer" else None
        kind = "app" if scheme.lower() == "bearer" and token == app.token else \
            "user" if user else None
        auth = kind is not None
        own = OWN_LIST.match(path)
        owned = kind == "user" and own is not None and unquote(own.group(1)) == user["id"]

        def log(status, body=None):
            data = body.get("data") if status == 200 and isinstance(body, dict) else None
            billed = len(data) if isinstance(data, list) else 1 if isinstance(data, dict) else 0
            app.log({"t": started, "method": self.command, "path": path, "query": query,
                     "status": status, "auth": auth, "token": kind, "owned": owned,
                     "billed": billed})

        if not auth:
            body = problem("Unauthorized", "Unauthorized", 401)
            log(401)
            return self.send(401, body, {}, "application/problem+json")
        if path == "/2/users/me" and self.command == "GET":
            status, body = app.api.me(query, user)
            log(status, body)
            return self.send(status, body, {}, "application/json" if status == 200
                             else "application/problem+json")
        bucket, compute = route(app.api, path, query)
        if bucket is None or self.command != "GET":
            log(404)
            return self.send(404, problem("Not Found Error", "Sorry, that page does not exist.",
                                          404), {}, "application/problem+json")
        rule = app.faults.pick(self.path) if app.faults else None
        rate_headers, over = app.limiter.take(bucket)
        action = rule["action"] if rule else None

        if action == "reset":
            log(0)
            self.close_connection = True
            # SO_LINGER 0: close with a RST, as a dropped connection looks.
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.connection.close()
            return
        ctype = "application/json"
        if action == "status":
            status = rule["code"]
            body = rule.get("body", problem(self.responses.get(status, ("Error",))[0],
                                            "Injected status %d" % status, status))
            headers = dict(rate_headers)
            if isinstance(body, str):
                ctype = "text/html"  # a proxy's error page, say
            for name, value in rule.get("headers", {}).items():
                if name.lower() == "content-type":
                    ctype = value
                else:
                    headers[name.lower()] = value  # lower case, so null removes ours
        elif action == "429-noheaders":
            status, body, headers = 429, rate_limited_body(), {}
        elif action == "429-cap":
            status, headers, ctype = 429, rate_headers, "application/problem+json"
            body = {"title": "UsageCapExceeded",
                    "detail": "Usage cap exceeded: Monthly product cap",
                    "type": PROBLEMS + "usage-capped", "period": "Monthly", "scope": "Product"}
        elif action == "429-credits":
            status, headers, ctype = 429, rate_headers, "application/problem+json"
            body = {"title": "CreditsDepleted", "detail": "Your enrolled account does not have "
                    "any credits to fulfill this request.", "type": PROBLEMS + "credits-depleted"}
        elif action == "403":
            status, headers, ctype = 403, rate_headers, "application/problem+json"
            body = {"client_id": "1234567", "detail": "When authenticating requests to the Twitter "
                    "API v2 endpoints, you must use keys and tokens from a Twitter developer App "
                    "that is attached to a Project. You can create a project via the developer "
                    "portal.", "registration_url": "https://developer.x.com/en/portal/product",
                    "title": "Client Forbidden", "required_enrollment": "Appropriate Level of API "
                    "Access", "reason": "client-not-enrolled",
                    "type": PROBLEMS + "client-forbidden"}
        elif action == "malformed":
            status, body, headers = 200, '{"data":[{"id":', rate_headers
        elif over:
            status, body, headers = 429, rate_limited_body(), rate_headers
        else:
            reply = compute()
            status, body, headers = reply.status, reply.body, rate_headers
            if status == 200 and action == "empty-page" and reply.resume:
                body = {"meta": {"result_count": 0, "next_token": reply.resume}}
            elif status == 200 and action == "partial-errors":
                body = dict(body)
                body["errors"] = body.get("errors", []) + [self.made_up_error(reply.kind)]
            elif status == 200 and action == "nul-token" and "next_token" in body.get("meta", {}):
                token = body["meta"]["next_token"]
                body = dict(body, meta=dict(body["meta"], next_token=token[:1] + "\0" + token[1:]))
        if action == "slow":
            time.sleep(float(rule.get("seconds", 2)))
        log(status, body)
        mode = action if action in ("stall", "truncate", "drip") else None
        self.send(status, body, headers, ctype, mode,
                  float((rule or {}).get("seconds", 0.2 if action == "drip" else 30)))

    @staticmethod
    def made_up_error(kind):
        what = "tweet" if kind == "post" else "user"
        return {"value": "9999999999999", "detail": "Could not find %s with id: [9999999999999]."
                % what, "title": "Not Found Error", "resource_type": what, "parameter": "id",
                "resource_id": "9999999999999", "type": PROBLEMS + "resource-not-found"}

    def send(self, status, body, headers, ctype, mode=None, seconds=0):
        data = (body if isinstance(body, str) else json.dumps(body, ensure_ascii=False)).encode()
        try:
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(data)))
            for name, value in headers.items():
                if value is not None:
                    self.send_header(name, str(value))
            if mode:
                self.send_header("Connection", "close")
            self.end_headers()
            if self.command == "HEAD":
                return
            if mode is None:
                self.wfile.write(data)
                return
            if mode == "drip":
                for i in range(len(data)):
                    self.wfile.write(data[i:i + 1])
                    self.wfile.flush()
                    time.sleep(seconds)
                return
            self.wfile.write(data[:len(data) // 2])
            self.wfile.flush()
            if mode == "stall":
                time.sleep(seconds)
            self.close_connection = True
            self.connection.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass  # the client hung up first (it timed out): nobody to answer


class App:
    def __init__(self, args):
        fixture = {}
        if args.data:
            with open(args.data, encoding="utf-8") as f:
                fixture = json.load(f)
        strict = None
        if args.strict:
            strict = spec_params(args.spec) if args.spec else STRICT_PARAMS
        self.api = Api(Store(fixture, args.generate, (args.new, args.gone, args.moved)),
                       args.spelling, strict)
        self.token = args.token
        self.user_tokens = args.user_tokens
        limits = dict(DEFAULT_RATES)
        for spec in args.rate:
            name, _, n = spec.partition("=")
            if name not in limits or not n.isdigit():
                raise ValueError("bad --rate %s (ENDPOINT=N, ENDPOINT one of %s)"
                                 % (spec, ", ".join(sorted(limits))))
            limits[name] = int(n)
        self.limiter = Limiter(args.window, limits)
        self.faults = None
        if args.faults:
            with open(args.faults, encoding="utf-8") as f:
                self.faults = Faults(json.load(f))
        self.log_file = open(args.log, "a", encoding="utf-8") if args.log else None
        self.log_lock = threading.Lock()

    def user_of(self, token):
        """The user a user-context token stands for, or None."""
        if not self.user_tokens or not token:
            return None
        try:
            with open(self.user_tokens, encoding="utf-8") as f:
                return json.load(f).get(token)
        except (OSError, ValueError):
            return None

    def log(self, entry):
        if self.log_file:
            with self.log_lock:
                self.log_file.write(json.dumps(entry) + "\n")
                self.log_file.flush()


def main():
    ap = argparse.ArgumentParser(description="A fake X API v2 server for tests.")
    ap.add_argument("--data", help="account fixture (JSON)")
    ap.add_argument("--generate", type=int, default=0, metavar="N",
                    help='add account "bench" (id 1000) with N generated followers')
    for week in ("new", "gone", "moved"):
        ap.add_argument("--" + week, type=int, default=0, metavar="N",
                        help="the generated account a week later: N followers %s" % week)
    ap.add_argument("--port", type=int, default=0)
    ap.add_argument("--port-file", help="write the port here once listening")
    ap.add_argument("--token", default="test-token")
    ap.add_argument("--user-tokens", metavar="FILE",
                    help="user-context tokens ({TOKEN: {id, username}}), read at each request")
    ap.add_argument("--log", help="append one JSON line per request")
    ap.add_argument("--spelling", choices=("post", "tweet"), default="post")
    ap.add_argument("--window", type=float, default=900.0, metavar="SEC")
    ap.add_argument("--rate", action="append", default=[], metavar="ENDPOINT=N")
    ap.add_argument("--faults", help="JSON array of fault rules")
    ap.add_argument("--strict", action="store_true",
                    help="accept only the parameter and field names of openapi.json v2.167")
    ap.add_argument("--spec", metavar="FILE", help="with --strict: take them from this file")
    args = ap.parse_args()
    if not args.data and not args.generate:
        ap.error("give --data FILE or --generate N")
    if (args.new or args.gone or args.moved) and not args.generate:
        ap.error("--new, --gone and --moved change the account of --generate N")
    if args.spec and not args.strict:
        ap.error("--spec FILE goes with --strict")
    try:
        app = App(args)
    except (OSError, ValueError, KeyError, TypeError) as e:
        print("fake-xapi.py: %s" % e, file=sys.stderr)
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
