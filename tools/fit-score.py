#!/usr/bin/env python3
"""Fit the points and thresholds of fb-score on labelled profiles, with LIBLINEAR.

    tools/fit-score.py [--write RULES] [--bin DIR] [FILE.ndjson ...]

Each labelled profile is a user record with its posts, "label" (engage,
maybe or skip, as ../shared/VERDICTS.md defines them), "label_why", and
"audit" ({"now", "client", "client_id", "interests"}: the audit it was
labelled for; profiles without one were labelled for the default audit
below). fb-detect and fb-score read them with every built-in rule worth 1
point, so the reasons name the rules that hold: those are the features.

The verdict is ordinal (skip < maybe < engage), so the fit is one linear
model with two thresholds, learned as one binary logistic regression on
twice the data (Li and Lin, "Ordinal regression by extended binary
classification", 2007): each profile once as "above skip?" and once as
"above maybe?", with an indicator for the question asked. The weights are
the rules' points, the indicators' weights the thresholds, so fb-score's
sum of points and its two thresholds are the model as it is. The
regularisation is chosen by 5-fold cross-validation; everything is
deterministic.

With --write, the points and thresholds are written into RULES (the
lines between "#@fit" and "#@end" say how). Without, the cross-validated
figures are printed. The default files are tests/data/score-*.ndjson;
tests/data/frozen/ is never read here.
"""
import glob
import json
import os
import re
import subprocess
import sys
import tempfile

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(TOP, "tools"))
import logreg  # noqa: E402  (tools/logreg.py)
DEFAULT_AUDIT = {"now": "2026-11-20T12:00:00Z",
                 "interests": "marketing, small business, social media, branding, local business"}
RANK = {"skip": 0, "maybe": 1, "engage": 2}
# The threshold indicators are scaled up so that the regulariser barely
# pulls the thresholds, which are not evidence but cut points.
INDICATOR = 10.0
# The rules that make a profile maybe at best ("cap NAME maybe" in
# share/score.rules, as VERDICTS.md says): fb-score holds the total below
# engage where one holds, so the fit never asks "above maybe?" of those.
CAPS = tuple(l.split()[1] for l in open(os.path.join(TOP, "share", "score.rules"), encoding="utf-8")
             if l.startswith("cap ") and l.split()[2:] == ["maybe"])
GRID = [0.1, 0.3, 1.0, 3.0, 10.0]
# The side of zero that a rule's meaning gives it: a rule the fit would
# give the other sign (because, in this data, other rules always hold with
# it) is left at 0 rather than shown to a user as evidence backwards.
SIGN = {n: +1 for n in (
    "TALKED_TO_CLIENT", "ALIVE_RELEVANT_CONVERSES", "INTERESTS", "INTEREST_WORDS", "LISTED", "WIDELY_LISTED",
    "CONVERSATION", "REPLIES_OFTEN", "ASKS_QUESTIONS", "RELEVANT_POSTS", "SAYS_WHAT_THEY_DO", "OWN_WRITING",
    "HEALTHY_RATIO", "ACTIVE_30_DAYS", "ORIGINAL_TEXT")}
SIGN.update({n: -1 for n in (
    "DEMANDS_FOLLOW_BACK", "MENTIONS_FOLLOW_BACK", "FOLLOWS_50X", "FOLLOWS_7X",
    "FOLLOWING_AT_LIMIT", "FOLLOW_FARM_1TO1", "FEW_POSTS", "DEFAULT_IMAGE",
    "NO_BIO_NO_LOCATION", "GENERATED_HANDLE", "QUIET_90_DAYS", "POSTS_33_A_DAY",
    "MOSTLY_REPOSTS", "MOSTLY_LINKS", "REPEATED_TEXT", "SPAM_PHRASES", "SPAM_IN_BIO",
    "CANNED_REPLIES", "PITCHES_CLIENT", "COMBATIVE_REPLIES", "SELF_PROMOTING_REPLIES", "TRIVIA_BROADCAST", "NO_CONVERSATION",
    "OFF_TOPIC", "RELEVANT_BROADCASTER", "SEVERAL_FAKE_SIGNS")})
# What the user means by it, not evidence; the cap, which is not a rule; and
# what only Bluesky and Mastodon records show (the labelled profiles are X's):
# a self-declared bot is held at maybe by its cap, not by points.
UNFITTED = {"ALREADY_FOLLOWED", "MAYBE_AT_BEST", "SELF_DECLARED_BOT"}
# VERDICTS.md decides these whatever else a profile shows ("dead beats
# everything", "asking anyone to follow back is skip"): their points are
# set to outweigh any sum of the others, and the profiles they hold for
# are left out of the fit, which is about the rest.
VETO = {"DEAD_365_DAYS": -20.0, "NEVER_POSTED": -20.0, "DEMAND_IN_POSTS": -20.0,
        "LABELLED_SPAM": -20.0}


def load(paths):
    """Labelled profiles: dicts with record, label, writer (the file's name), audit."""
    out = []
    for path in paths:
        writer = os.path.basename(path).rsplit(".", 1)[0]
        for n, line in enumerate(open(path, encoding="utf-8"), 1):
            if not line.strip():
                continue
            r = json.loads(line)
            label = r.pop("label")
            r.pop("label_why", None)
            audit = r.pop("audit", None) or DEFAULT_AUDIT
            out.append({"record": r, "label": label, "writer": writer, "audit": audit,
                        "where": "%s:%d" % (path, n)})
    return out


def rule_names(bindir):
    out = subprocess.run([os.path.join(bindir, "fb-score"), "--list-rules"],
                         capture_output=True, check=True, text=True).stdout
    return [f.split()[1] for f in out.splitlines() if f.startswith("points ")]


def audit_args(audit):
    args = ["--now", audit["now"], "--interests", audit.get("interests", "")]
    for key in ("client", "client_id"):
        if audit.get(key):
            args += ["--client", audit[key]]
    return args


def run_pipeline(bindir, profiles, rules_file=None, extra=()):
    """fb-detect | fb-score over the profiles, one run per audit; fb.score of each, in order."""
    groups = {}
    for i, p in enumerate(profiles):
        groups.setdefault(json.dumps(p["audit"], sort_keys=True), []).append(i)
    scores = [None] * len(profiles)
    for key, idx in groups.items():
        audit = json.loads(key)
        text = "".join(json.dumps(profiles[i]["record"], ensure_ascii=False) + "\n" for i in idx)
        det = subprocess.run([os.path.join(bindir, "fb-detect")], input=text.encode(),
                             capture_output=True, check=True)
        cmd = [os.path.join(bindir, "fb-score"), "--no-sort"] + audit_args(audit) + list(extra)
        if rules_file:
            cmd += ["-r", rules_file]
        run = subprocess.run(cmd, input=det.stdout, capture_output=True)
        lines = run.stdout.decode().split("\n")[:-1]  # not splitlines: a string may hold U+2028 or \x1c
        if run.returncode != 0 or len(lines) != len(idx):
            sys.exit("fit-score: fb-score failed (exit %d): %s" % (run.returncode, run.stderr.decode()))
        for i, line in zip(idx, lines):
            scores[i] = json.loads(line)["fb"]["score"]
    return scores


def features(bindir, profiles):
    """For each profile, the set of built-in rules that hold."""
    names = [n for n in rule_names(bindir) if n not in UNFITTED]
    with tempfile.NamedTemporaryFile("w", suffix=".rules", delete=False) as tmp:
        for n in names:
            tmp.write("points %s 1\n" % n)
    try:
        scores = run_pipeline(bindir, profiles, tmp.name)
    finally:
        os.unlink(tmp.name)
    return names, [{r["rule"] for r in s["reasons"] if r["points"] == 1} for s in scores]


def fit(names, feats, labels, c):
    """Points (by rule name) and the two thresholds; rules fitted against their sign stay at 0."""
    names = list(names)
    while True:
        points, engage, skip = fit_once(names, feats, labels, c)
        wrong = [n for n in names if n in SIGN and points[n] * SIGN[n] < 0]
        if not wrong:
            break
        names = [n for n in names if n not in wrong]
    return points, engage, skip


def fit_once(names, feats, labels, c):
    """Points (by rule name) and the two thresholds, from LIBLINEAR's L2 logistic regression."""
    keep = [i for i, f in enumerate(feats) if not f & VETO.keys()]
    feats, labels = [feats[i] for i in keep], [labels[i] for i in keep]
    names = [n for n in names if n not in VETO]
    index = {n: i + 3 for i, n in enumerate(names)}
    xs, ys = [], []
    for f, lab in zip(feats, labels):
        cols = {index[n]: 1.0 for n in f if n in index}
        # A capped profile is never engage: only "above skip?" is asked of it.
        for k in ((1,) if capped(f) else (1, 2)):
            xs.append({**cols, k: INDICATOR})
            ys.append(1 if RANK[lab] >= k else -1)
    w, _ = logreg.Rows(xs, ys, bias=False).fit(range(len(xs)), c)
    points = {n: w[index[n] - 1] for n in names}
    points.update(VETO)
    skip = -w[0] * INDICATOR		# total <= skip: not above skip
    engage = -w[1] * INDICATOR	# total > engage: above maybe
    return points, engage, skip


def total(points, f):
    return sum(points.get(n, 0.0) for n in f)


def capped(f):
    return any(n in f for n in CAPS)


def verdict(t, engage, skip, f=()):
    if t >= engage and capped(f):
        return "maybe"
    return "engage" if t >= engage else "skip" if t <= skip else "maybe"


def auc(pos, neg):
    """The probability that an engage profile totals more than a skip one (ties count half)."""
    if not pos or not neg:
        return float("nan")
    wins = sum((p > q) + 0.5 * (p == q) for p in pos for q in neg)
    return wins / (len(pos) * len(neg))


def measure(totals, verdicts, labels):
    acc = sum(v == l for v, l in zip(verdicts, labels)) / max(len(labels), 1)
    a = auc([t for t, l in zip(totals, labels) if l == "engage"],
            [t for t, l in zip(totals, labels) if l == "skip"])
    return acc, a


def folds(n, k):
    """k folds of range(n), interleaved: deterministic and spread over every file."""
    return [[i for i in range(n) if i % k == j] for j in range(k)]


def crossval(names, feats, labels, c, k=5):
    """Out-of-fold totals and verdicts."""
    totals, verdicts = [0.0] * len(labels), [""] * len(labels)
    for test in folds(len(labels), k):
        held = set(test)
        tr = [i for i in range(len(labels)) if i not in held]
        points, engage, skip = fit(names, [feats[i] for i in tr], [labels[i] for i in tr], c)
        for i in test:
            totals[i] = total(points, feats[i])
            verdicts[i] = verdict(totals[i], engage, skip, feats[i])
    return totals, verdicts


def by_writer(names, feats, labels, writers, c):
    """Leave one writer out: each writer's set measured by a fit on the others."""
    out = {}
    for w in sorted(set(writers)):
        tr = [i for i, x in enumerate(writers) if x != w]
        te = [i for i, x in enumerate(writers) if x == w]
        points, engage, skip = fit(names, [feats[i] for i in tr], [labels[i] for i in tr], c)
        t = [total(points, feats[i]) for i in te]
        out[w] = (len(te),) + measure(t, [verdict(x, engage, skip, feats[i]) for x, i in zip(t, te)],
                                      [labels[i] for i in te])
    return out


def choose_c(names, feats, labels):
    best = None
    for c in GRID:
        acc, a = measure(*crossval(names, feats, labels, c), labels)
        if best is None or (acc, a) > best[1:]:
            best = (c, acc, a)
    return best


def write_rules(path, points, engage, skip, note):
    text = open(path, encoding="utf-8").read()
    text = re.sub(r"(?ms)^#@fit\n.*?^#@end\n", "#@fit\n" + "".join("# " + l + "\n" for l in note) +
                  "#@end\n", text)
    text = re.sub(r"(?m)^threshold engage .*$", "threshold engage %g" % round(engage, 1), text)
    text = re.sub(r"(?m)^threshold skip .*$", "threshold skip %g" % round(skip, 1), text)
    for n, p in points.items():
        text = re.sub(r"(?m)^points %s .*$" % re.escape(n), "points %s %g" % (n, round(p, 1) + 0.0), text)
    open(path, "w", encoding="utf-8").write(text)


def main(argv):
    write, bindir, files = None, os.path.join(TOP, "build"), []
    args = iter(argv)
    for a in args:
        if a == "--write":
            write = next(args)
        elif a == "--bin":
            bindir = next(args)
        else:
            files.append(a)
    files = files or sorted(glob.glob(os.path.join(TOP, "tests", "data", "score-*.ndjson")))
    profiles = load(files)
    labels = [p["label"] for p in profiles]
    names, feats = features(bindir, profiles)
    c, acc, a = choose_c(names, feats, labels)
    print("%d profiles from %d files; C=%g; 5-fold cross-validated: verdicts %.3f, AUC %.3f"
          % (len(profiles), len(files), c, acc, a))
    for w, (n, wacc, wa) in by_writer(names, feats, labels, [p["writer"] for p in profiles], c).items():
        print("  leave %-18s out (%3d profiles): verdicts %.3f, AUC %.3f" % (w, n, wacc, wa))
    points, engage, skip = fit(names, feats, labels, c)
    for n in sorted(points, key=lambda n: -abs(points[n])):
        print("  points %-26s %+.2f" % (n, points[n]))
    for n in names:
        if n not in points:
            print("  points %-26s  0    (fitted against its sign: left out)" % n)
            points[n] = 0.0
    print("  threshold engage %.2f, skip %.2f" % (engage, skip))
    if write:
        note = ["Fitted by tools/fit-score.py (LIBLINEAR L2 logistic regression, ordinal",
                "by extended binary classification, C=%g chosen by 5-fold cross-validation)" % c,
                "on %d labelled profiles of %d files in tests/data (score-*.ndjson)." % (len(profiles), len(files)),
                "Cross-validated verdict accuracy %.3f, AUC engage vs skip %.3f." % (acc, a),
                "The points are log-odds: +1 makes a profile e (2.7) times likelier to be",
                "above a threshold. %s are set, not fitted, to %g:" % (", ".join(sorted(VETO)), min(VETO.values())),
                "VERDICTS.md makes them skip whatever else holds.",
                "Rounded to tenths; refit rather than edit by hand."]
        write_rules(write, points, engage, skip, note)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
