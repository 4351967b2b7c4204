#!/usr/bin/env python3
"""Write the X archive of the sample account (@brightpath_co) from examples/sample-account.json.

The zip is laid out as X lays out a downloaded archive: data/manifest.js,
data/follower.js, data/following.js, data/account.js (with an e-mail address,
which tw-archive must never write), data/profile.js, and the owner's posts in
two parts, data/tweets.js and data/tweets-part1.js, in the v1.1 shape of the
archive (numbers as strings, full_text HTML-escaped, dates as
"Tue Jan 31 09:01:52 +0000 2017"). Deterministic: the same bytes every run.

Usage: python3 tools/make-sample-archive.py [ACCOUNT_JSON [OUTPUT_ZIP]]
       (default examples/sample-account.json, examples/sample-archive.zip)
"""

import datetime as dt
import html
import json
import sys
import zipfile

OWNER_ID = "1500000000000000001"
GENERATED = "2026-11-20T12:00:00.000Z"
STAMP = (2026, 11, 20, 12, 0, 0)


def js(global_name, entries):
    """window.YTD.<type>.partN = [ ... ] as X writes it: the array starts on the first line."""
    body = json.dumps(entries, indent=2, ensure_ascii=False)
    return "window.YTD.%s = %s" % (global_name, body)


def archive_date(iso):
    t = dt.datetime.strptime(iso, "%Y-%m-%dT%H:%M:%S.000Z")
    return t.strftime("%a %b %d %H:%M:%S +0000 %Y")


def tweet(post):
    m = post.get("public_metrics", {})
    t = {
        "id": post["id"], "id_str": post["id"],
        "created_at": archive_date(post["created_at"]),
        "full_text": html.escape(post["text"], quote=False),
        "lang": post.get("lang", "en"),
        "favorite_count": str(m.get("like_count", 0)),
        "retweet_count": str(m.get("repost_count", m.get("retweet_count", 0))),
        "truncated": False, "favorited": False, "retweeted": False,
        "entities": {"hashtags": [], "symbols": [], "urls": [], "user_mentions": [
            {"name": x["username"], "screen_name": x["username"],
             "indices": [str(x["start"]), str(x["end"])], "id_str": x.get("id", "0"), "id": x.get("id", "0")}
            for x in post.get("entities", {}).get("mentions", [])]},
    }
    for ref in post.get("referenced_tweets", []):
        if ref["type"] == "replied_to":
            t["in_reply_to_status_id"] = t["in_reply_to_status_id_str"] = ref["id"]
    if post.get("in_reply_to_user_id"):
        t["in_reply_to_user_id"] = t["in_reply_to_user_id_str"] = post["in_reply_to_user_id"]
    return {"tweet": t}


def main():
    src = sys.argv[1] if len(sys.argv) > 1 else "examples/sample-account.json"
    out = sys.argv[2] if len(sys.argv) > 2 else "examples/sample-archive.zip"
    d = json.load(open(src, encoding="utf-8"))
    owner = next(u for u in d["users"] if u["id"] == OWNER_ID)
    posts = sorted((p for p in d["posts"] if p["author_id"] == OWNER_ID),
                   key=lambda p: p["created_at"], reverse=True)
    half = len(posts) // 2

    def link(i):
        return {"accountId": i, "userLink": "https://twitter.com/intent/user?user_id=" + i}

    files = {
        "data/follower.js": js("follower.part0", [{"follower": link(i)} for i in d["followers"][OWNER_ID]]),
        "data/following.js": js("following.part0", [{"following": link(i)} for i in d["following"][OWNER_ID]]),
        "data/account.js": js("account.part0", [{"account": {
            "email": "maya@brightpath.example", "createdVia": "web", "username": owner["username"],
            "accountId": OWNER_ID, "createdAt": owner["created_at"],
            "accountDisplayName": owner["name"]}}]),
        "data/profile.js": js("profile.part0", [{"profile": {
            "description": {"bio": owner["description"], "website": owner.get("url", ""),
                            "location": owner.get("location", "")},
            "avatarMediaUrl": owner.get("profile_image_url", "")}}]),
        "data/tweets.js": js("tweets.part0", [tweet(p) for p in posts[:half]]),
        "data/tweets-part1.js": js("tweets.part1", [tweet(p) for p in posts[half:]]),
        # An empty data file, as an archive has many.
        "data/block.js": "window.YTD.block.part0 = [ ]",
    }

    def listed(name, glob, count):
        return {"fileName": name, "globalName": glob, "count": str(count)}

    manifest = {
        "userInfo": {"accountId": OWNER_ID, "userName": owner["username"], "displayName": owner["name"]},
        "archiveInfo": {"sizeBytes": "0", "generationDate": GENERATED, "isPartialArchive": False,
                        "maxPartSizeBytes": "53687091200"},
        "dataTypes": {
            "account": {"files": [listed("data/account.js", "YTD.account.part0", 1)]},
            "block": {"files": [listed("data/block.js", "YTD.block.part0", 0)]},
            "follower": {"files": [listed("data/follower.js", "YTD.follower.part0",
                                          len(d["followers"][OWNER_ID]))]},
            "following": {"files": [listed("data/following.js", "YTD.following.part0",
                                           len(d["following"][OWNER_ID]))]},
            "profile": {"files": [listed("data/profile.js", "YTD.profile.part0", 1)]},
            "tweets": {"files": [listed("data/tweets.js", "YTD.tweets.part0", half),
                                 listed("data/tweets-part1.js", "YTD.tweets.part1", len(posts) - half)]},
        },
    }
    files["data/manifest.js"] = "window.__THAR_CONFIG = " + json.dumps(manifest, indent=2)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name in sorted(files):
            info = zipfile.ZipInfo(name, STAMP)
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, files[name].encode("utf-8"))


if __name__ == "__main__":
    main()
