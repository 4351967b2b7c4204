#!/usr/bin/env python3
"""Precision and recall of fb-detect on the labelled corpus (TAP).

tests/data/detect-corpus.tsv holds short texts (bios, posts, names,
usernames) labelled "demand" or "other", in a dozen languages, with
obfuscated spellings and hard negatives. Each becomes a record with the
text in its field; a record counts as detected when fb.demand.flagged is
true. Fails below precision 0.95 or recall 0.90.
"""
import json
import os
import subprocess
import sys
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "data", os.environ.get("FB_DETECT_CORPUS", "detect-corpus.tsv"))
MIN_PRECISION, MIN_RECALL = 0.95, 0.90


def main():
    rows = []
    with open(CORPUS, encoding="utf-8") as fp:
        for line in fp:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            label, lang, field, text = line.split("\t")
            rows.append((label, lang, field, text))
    records = "".join(
        json.dumps({"id": "c%d" % i, field: text}, ensure_ascii=False) + "\n"
        for i, (_, _, field, text) in enumerate(rows))
    run = subprocess.run(["fb-detect"] + sys.argv[1:], input=records.encode(),
                         capture_output=True)
    out = [json.loads(l) for l in run.stdout.decode().splitlines()]
    print("1..3")
    good = run.returncode == 0 and len(out) == len(rows)
    print("%s 1 - fb-detect reads all %d corpus records (exit %d, %d out)"
          % ("ok" if good else "not ok", len(rows), run.returncode, len(out)))
    if not good:
        sys.stdout.write("# " + run.stderr.decode().replace("\n", "\n# ") + "\n")
        print("not ok 2 - precision\nnot ok 3 - recall")
        return 1
    tp = fp_ = fn = 0
    per_lang = defaultdict(lambda: [0, 0, 0, 0])  # tp fp fn tn
    misses = []
    for (label, lang, field, text), rec in zip(rows, out):
        flagged = rec.get("fb", {}).get("demand", {}).get("flagged", False)
        demand = label == "demand"
        stats = per_lang[lang]
        if demand and flagged:
            tp += 1; stats[0] += 1
        elif flagged:
            fp_ += 1; stats[1] += 1; misses.append(("false positive", lang, field, text))
        elif demand:
            fn += 1; stats[2] += 1; misses.append(("missed", lang, field, text))
        else:
            stats[3] += 1
    precision = tp / (tp + fp_) if tp + fp_ else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    print("# %d texts: %d demands, %d others; tp %d, fp %d, fn %d"
          % (len(rows), tp + fn, len(rows) - tp - fn, tp, fp_, fn))
    for lang in sorted(per_lang):
        t, f, n, _ = per_lang[lang]
        print("#   %-3s recall %3d/%-3d  false positives %d" % (lang, t, t + n, f))
    for kind, lang, field, text in misses:
        print("#   %s [%s %s] %s" % (kind, lang, field, text))
    print("%s 2 - precision %.3f >= %.2f" % ("ok" if precision >= MIN_PRECISION else "not ok",
                                             precision, MIN_PRECISION))
    print("%s 3 - recall %.3f >= %.2f" % ("ok" if recall >= MIN_RECALL else "not ok",
                                          recall, MIN_RECALL))
    print("detect accuracy: precision %.3f, recall %.3f" % (precision, recall), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
