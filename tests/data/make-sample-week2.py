#!/usr/bin/env python3
"""Generate the sample account a week later, for the second week of the demo.

Builds @brightpath_co exactly as make-sample-account.py does (same seed, same
data), then moves a week on: new followers of every kind on top of the
follower list (follow-back demanders, people worth a conversation, ordinary
and dead accounts), and a few followers gone. The account's followers_count is
the list it shows (the first week's fixture claims more followers than it
lists), so that --new-since can count who left. Deterministic, stdlib only.

Usage: python3 tests/data/make-sample-week2.py OUTPUT
"""

import datetime as dt
import importlib.util
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location("sample_account",
                                               os.path.join(HERE, "make-sample-account.py"))
S = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(S)
R = S.R

S.NOW = S.NOW + dt.timedelta(days=7)   # active_times and add_post read it
first_posts = len(S.POSTS)
week1_followers = list(S.followers_list)


def demander(lang, i):
    d = S.DEMAND[lang]
    f, _ = S.person()
    followers = R.randint(800, 12000)
    u = S.make_user(
        "demander", S.fill(d["handles"][i % len(d["handles"])], f=f.lower(), n=R.randint(1, 99)),
        S.fill(d["names"][i % len(d["names"])], f=f), S.fill(d["bios"][i % len(d["bios"])]),
        S.rand_between(S.D(2012, 1), S.D(2025, 6)), R.choice(d["loc"]),
        metrics=S.pm(followers, followers, R.randint(2000, 40000), R.randint(0, 40),
                     R.randint(5000, 70000), R.randint(100, 3000)))
    u["_spec"] = lang
    for t in S.active_times(u, R.randint(3, 5), R.uniform(4, 30), 36):
        S.add_post(u, t, S.fill(R.choice(d["demand"] if R.random() < 0.6 else d["filler"])))
    return u


def genuine():
    u = S.make_genuine()
    for t in S.active_times(u, R.randint(3, 6), R.uniform(18, 120), 72):
        S.add_post(u, t, S.genuine_text(u))
    return u


def ordinary():
    u = S.make_ordinary()
    for t in S.active_times(u, R.randint(2, 5), R.uniform(24, 200), 240):
        S.add_post(u, t, S.ordinary_text(u))
    return u


new = ([demander("en", i) for i in range(3)] + [demander("en_subtle", 0)] +
       [genuine() for _ in range(7)] + [ordinary() for _ in range(3)] +
       [S.make_dead() for _ in range(3)])
R.shuffle(new)
listed = [i for i in week1_followers if i not in set(S.suspended + S.deleted)]
gone = set(R.sample(listed, 6))
S.followers_list = [u["id"] for u in new] + [i for i in week1_followers if i not in gone]

for p in S.POSTS[first_posts:]:
    e = S.entities_for(p["text"])
    if e:
        p["entities"] = e
for u in new:
    u["public_metrics"]["post_count"] = max(u["public_metrics"]["post_count"], len(u["_posts"]))
S.POSTS.sort(key=lambda p: int(p["id"]))
owner = S.BY_NAME[S.OWNER]
owner["public_metrics"]["followers_count"] = len(listed) - len(gone) + len(new)

if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: make-sample-week2.py OUTPUT")
    S.write(sys.argv[1])
    print("%s: %d new followers, %d gone, %d listed" % (
        sys.argv[1], len(new), len(gone), owner["public_metrics"]["followers_count"]),
        file=sys.stderr)
