#!/usr/bin/env python3
"""Verdict accuracy and AUC of fb-score on labelled profiles (TAP).

tests/data/score-*.ndjson hold user records with their posts, each
labelled engage, maybe or skip by ../shared/VERDICTS.md for the audit in
its "audit" key (client, interests, date), by several writers who saw
neither the rules nor each other's sets: one file per writer.
share/score.rules holds the points that tools/fit-score.py fitted on them
with LIBLINEAR. tests/data/frozen/score-*.ndjson is a quarter of each new
writer's profiles, set aside before any fit and never fitted on: the
figures that count are its figures, measured with the points as shipped.

Printed: 5-fold cross-validated figures and leave-one-writer-out figures
on the fitted data (refitting for each fold), and the frozen split's
figures, per file, without naming a profile. Fails when the shipped points
are not the fit of the data, and on the frozen split below verdict
accuracy 0.80 or AUC 0.95 (engage against skip). Issue 9 sets the goal
at 0.85: below it, the test says "not ok ... # TODO", which TAP counts as
a goal not yet met, not as a failure. SCORE_FROZEN_DIR replaces the frozen
split's directory (to tune on the rest without reading the split).
"""
import glob
import importlib.machinery
import os
import shutil
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(HERE)
FROZEN = os.environ.get("SCORE_FROZEN_DIR") or os.path.join(HERE, "data", "frozen")
MIN_ACCURACY, GOAL_ACCURACY, MIN_AUC = 0.80, 0.85, 0.95
# Floors for the refits: they catch a fitting pipeline that broke, and say
# how far one writer's data can sit from the others'.
MIN_CV, MIN_WRITER = 0.80, 0.70

fit = importlib.machinery.SourceFileLoader(
    "fit_score", os.path.join(TOP, "tools", "fit-score.py")).load_module()


def ok(n, cond, what, todo=None):
    print("%s %d - %s%s" % ("ok" if cond else "not ok", n, what,
                            " # TODO %s" % todo if todo and not cond else ""))
    return cond


def shipped():
    """Points and thresholds of share/score.rules, as fb-score reads them."""
    points, thresholds = {}, {}
    for line in open(os.path.join(TOP, "share", "score.rules"), encoding="utf-8"):
        f = line.split()
        if len(f) == 3 and f[0] == "points":
            points[f[1]] = float(f[2])
        elif len(f) == 3 and f[0] == "threshold":
            thresholds[f[1]] = float(f[2])
    return points, thresholds["engage"], thresholds["skip"]


def main():
    bindir = os.path.dirname(shutil.which("fb-score") or os.path.join(TOP, "build", "fb-score"))
    train_files = sorted(glob.glob(os.path.join(HERE, "data", "score-*.ndjson")))
    frozen_files = sorted(glob.glob(os.path.join(FROZEN, "score-*.ndjson")))
    train, frozen = fit.load(train_files), fit.load(frozen_files)
    print("1..7")
    labels = [p["label"] for p in train]
    names, feats = fit.features(bindir, train)
    frozen_scores = fit.run_pipeline(bindir, frozen)
    ok(1, len(train) >= 500 and (not frozen_files or len(frozen) >= 90) and all(frozen_scores),
       "fb-detect | fb-score read %d labelled profiles from %d files and %d frozen from %d"
       % (len(train), len(train_files), len(frozen), len(frozen_files)))

    c, cv_acc, cv_auc = fit.choose_c(names, feats, labels)
    points, engage, skip = fit.fit(names, feats, labels, c)
    have, have_engage, have_skip = shipped()
    stale = [n for n in points if abs(round(points[n], 1) - have.get(n, 0.0)) > 0.051]
    stale += [t for t, a, b in (("engage", engage, have_engage), ("skip", skip, have_skip))
              if abs(round(a, 1) - b) > 0.051]
    if not ok(2, not stale, "share/score.rules holds the fit of tests/data (C=%g)" % c):
        print("#   differ: %s; run tools/fit-score.py --write share/score.rules" % ", ".join(stale))

    ok(3, cv_acc >= MIN_CV, "5-fold cross-validated verdict accuracy %.3f >= %.2f (AUC %.3f)"
       % (cv_acc, MIN_CV, cv_auc))
    writers = fit.by_writer(names, feats, labels, [p["writer"] for p in train], c)
    for w, (n, acc, area) in writers.items():
        print("#   leave %-16s out: %3d profiles, verdicts %.3f, AUC %.3f" % (w, n, acc, area))
    worst = min(writers.items(), key=lambda kv: kv[1][1])
    ok(4, worst[1][1] >= MIN_WRITER, "each writer's set, measured by a fit on the others: "
       "the worst, %s, %.3f >= %.2f" % (worst[0], worst[1][1], MIN_WRITER))

    if not frozen:
        for n, what in ((5, "verdict accuracy"), (6, "the goal of issue 9"), (7, "AUC")):
            print("ok %d - frozen split: %s # SKIP no %s/score-*.ndjson" % (n, what, FROZEN))
        print("score: %d profiles fitted, 5-fold CV verdicts %.3f AUC %.3f; no frozen split"
              % (len(train), cv_acc, cv_auc), file=sys.stderr)
        return 0
    per = {}
    for p, s in zip(frozen, frozen_scores):
        per.setdefault(p["writer"], []).append((p["label"], s))
    for w in sorted(per):
        acc, area = fit.measure([s["total"] for _, s in per[w]], [s["verdict"] for _, s in per[w]],
                                [l for l, _ in per[w]])
        print("#   frozen %-16s %3d profiles, verdicts %.3f, AUC %.3f" % (w, len(per[w]), acc, area))
    flab = [p["label"] for p in frozen]
    acc, area = fit.measure([s["total"] for s in frozen_scores],
                            [s["verdict"] for s in frozen_scores], flab)
    ok(5, acc >= MIN_ACCURACY, "frozen split: verdict accuracy %.3f >= %.2f" % (acc, MIN_ACCURACY))
    ok(6, acc >= GOAL_ACCURACY, "frozen split: verdict accuracy %.3f >= %.2f, the goal of issue 9"
       % (acc, GOAL_ACCURACY), todo="not met yet")
    ok(7, area >= MIN_AUC, "frozen split: AUC of the total, engage against skip, %.3f >= %.2f"
       % (area, MIN_AUC))
    print("score: %d profiles fitted, 5-fold CV verdicts %.3f AUC %.3f; frozen %d: verdicts %.3f, "
          "AUC %.3f" % (len(train), cv_acc, cv_auc, len(frozen), acc, area), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
