#!/usr/bin/env python3
"""Fit the points of fb-score's built-in rules on the labelled profiles.

The SpamAssassin way (masses/README.perceptron): run every rule over a
labelled corpus, then let a perceptron find the points. Here the verdict
has three levels, so it is an ordinal perceptron with the thresholds held
where share/score.rules puts them (skip <= -2 < maybe < 2 <= engage): a
profile scored too low adds its rules' features, one scored too high takes
them away. Weights are averaged over all steps (averaged perceptron), kept
on the side of zero that the rule's meaning gives it (a dead account never
earns points), and rounded to halves. Deterministic: same data, same points.

    PATH=build:$PATH tests/score-train.py [TRAIN.ndjson [HELD_OUT.ndjson]]

prints the fitted `points` lines and the verdict accuracy of old and new
points on both sets. Copy the lines you agree with into share/score.rules.
"""
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
NOW = "2026-11-20T12:00:00Z"
INTERESTS = "marketing, small business, social media, branding, local business"
SKIP, ENGAGE = -2.0, 2.0
EPOCHS, RATE = 60, 0.25
RANK = {"skip": 0, "maybe": 1, "engage": 2}


def rules():
    """Rule names and default points, from fb-score --list-rules."""
    out = subprocess.run(["fb-score", "--list-rules"], capture_output=True, check=True)
    pts = {}
    for line in out.stdout.decode().splitlines():
        f = line.split()
        if len(f) == 3 and f[0] == "points":
            pts[f[1]] = float(f[2])
    return pts


def hits(path, names):
    """For each labelled profile: (label, set of rules that hold)."""
    with tempfile.NamedTemporaryFile("w", suffix=".rules", delete=False) as tmp:
        for n in names:
            tmp.write("points %s 1\n" % n)
    recs, labels = [], []
    for line in open(path, encoding="utf-8"):
        if line.strip():
            r = json.loads(line)
            labels.append(r.pop("label"))
            r.pop("label_why", None)
            recs.append(json.dumps(r, ensure_ascii=False))
    detect = subprocess.run(["fb-detect"], input=("\n".join(recs) + "\n").encode(),
                            capture_output=True, check=True)
    run = subprocess.run(["fb-score", "--no-sort", "--now", NOW, "--interests", INTERESTS,
                          "-r", tmp.name, "--already", os.devnull],
                         input=detect.stdout, capture_output=True, check=True)
    os.unlink(tmp.name)
    out = []
    for lab, line in zip(labels, run.stdout.decode().splitlines()):
        sc = json.loads(line)["fb"]["score"]
        out.append((lab, {r["rule"] for r in sc["reasons"] if r["points"]}))
    return out


def verdict(total):
    return 0 if total <= SKIP else 2 if total >= ENGAGE else 1


def accuracy(data, w):
    return sum(verdict(sum(w.get(r, 0) for r in x)) == RANK[lab] for lab, x in data) / len(data)


def train(data, names, signs):
    w = {n: 0.0 for n in names}
    total = {n: 0.0 for n in names}
    steps = 0
    for _ in range(EPOCHS):
        for lab, x in data:
            s = sum(w[r] for r in x if r in w)
            want, got = RANK[lab], verdict(s)
            if got != want:
                step = RATE if got < want else -RATE
                for r in x:
                    if r in w:
                        w[r] += step
                        # Keep each rule on its own side of zero.
                        if signs[r] > 0:
                            w[r] = max(w[r], 0.0)
                        elif signs[r] < 0:
                            w[r] = min(w[r], 0.0)
            for n in names:
                total[n] += w[n]
            steps += 1
    return {n: round(2 * total[n] / steps) / 2 for n in names}


def main():
    train_path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "data", "score-profiles.ndjson")
    held_path = sys.argv[2] if len(sys.argv) > 2 else os.path.join(HERE, "data", "score-holdout.ndjson")
    old = rules()
    names = [n for n in old if n not in ("ALREADY_FOLLOWED",)]
    signs = {n: (1 if old[n] > 0 else -1 if old[n] < 0 else 0) for n in names}
    data = hits(train_path, names)
    held = hits(held_path, names) if os.path.exists(held_path) else []
    new = train(data, names, signs)
    for n in names:
        print("points %s %g%s" % (n, new[n], "" if new[n] == old[n] else "\t# was %g" % old[n]))
    print("# accuracy on %s: old points %.3f, fitted %.3f" % (
        os.path.basename(train_path), accuracy(data, old), accuracy(data, new)))
    if held:
        print("# accuracy on %s: old points %.3f, fitted %.3f" % (
            os.path.basename(held_path), accuracy(held, old), accuracy(held, new)))


if __name__ == "__main__":
    main()
