#!/usr/bin/env python3
"""Verdict accuracy and AUC of fb-score on the labelled profiles (TAP).

tests/data/score-*.ndjson hold user records with posts, each labelled
engage, maybe or skip (keys "label" and "label_why", removed before
scoring) for a consultant to small businesses. score-profiles.ndjson was
used to fit the points (tests/score-train.py); score-holdout.ndjson and
score-holdout2.ndjson were written separately and only measured. The records go through the audit
pipeline, fb-detect | fb-score, with the client's interests and a fixed
--now. Fails below verdict accuracy 0.80 or an AUC of the total for engage
against skip below 0.90, over both sets.
"""
import glob
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
NOW = "2026-11-20T12:00:00Z"
INTERESTS = "marketing, small business, social media, branding, local business"
MIN_ACCURACY, MIN_AUC = 0.80, 0.90


def score(records):
    """Totals and verdicts of fb-detect | fb-score, in input order."""
    text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    detect = subprocess.run(["fb-detect"], input=text.encode(), capture_output=True)
    run = subprocess.run(["fb-score", "--no-sort", "--now", NOW, "--interests", INTERESTS],
                         input=detect.stdout, capture_output=True)
    out = [json.loads(l)["fb"]["score"] for l in run.stdout.decode().splitlines()]
    return detect.returncode, run.returncode, out, run.stderr.decode()


def auc(pos, neg):
    if not pos or not neg:
        return 0.0
    wins = sum((p > n) + 0.5 * (p == n) for p in pos for n in neg)
    return wins / (len(pos) * len(neg))


def main():
    files = sorted(glob.glob(os.path.join(HERE, "data", "score-*.ndjson")))
    records, labels, origin = [], [], []
    for f in files:
        for line in open(f, encoding="utf-8"):
            if line.strip():
                r = json.loads(line)
                labels.append(r.pop("label"))
                r.pop("label_why", None)
                records.append(r)
                origin.append(os.path.basename(f))
    rc_detect, rc_score, out, err = score(records)
    print("1..3")
    good = rc_detect == 0 and rc_score == 0 and len(out) == len(records) and records
    print("%s 1 - fb-detect | fb-score read all %d labelled profiles (exit %d, %d; %d out)"
          % ("ok" if good else "not ok", len(records), rc_detect, rc_score, len(out)))
    if not good:
        sys.stdout.write("# " + err.replace("\n", "\n# ") + "\n")
        print("not ok 2 - accuracy\nnot ok 3 - AUC")
        return 1
    right = 0
    per = {}
    for lab, src, sc, rec in zip(labels, origin, out, records):
        s = per.setdefault(src, [0, 0, [], []])
        s[1] += 1
        if sc["verdict"] == lab:
            right += 1
            s[0] += 1
        else:
            print("#   %s: labelled %s, scored %s (%g) @%s: %s" % (
                src, lab, sc["verdict"], sc["total"], rec.get("username"),
                ", ".join("%s %+g" % (r["rule"], r["points"]) for r in sc["reasons"] if r["points"])))
        if lab == "engage":
            s[2].append(sc["total"])
        elif lab == "skip":
            s[3].append(sc["total"])
    for src in sorted(per):
        r, n, pos, neg = per[src]
        print("# %-22s accuracy %.3f  AUC %.3f  (%d profiles)" % (src, r / n, auc(pos, neg), n))
    accuracy = right / len(records)
    all_pos = [t for s in per.values() for t in s[2]]
    all_neg = [t for s in per.values() for t in s[3]]
    area = auc(all_pos, all_neg)
    print("%s 2 - verdict accuracy %.3f >= %.2f" % ("ok" if accuracy >= MIN_ACCURACY else "not ok",
                                                    accuracy, MIN_ACCURACY))
    print("%s 3 - AUC of the total, engage against skip, %.3f >= %.2f" % (
        "ok" if area >= MIN_AUC else "not ok", area, MIN_AUC))
    print("score accuracy on %d labelled profiles: verdicts %.3f, AUC %.3f"
          % (len(records), accuracy, area), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
