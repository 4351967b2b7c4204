#!/usr/bin/env python3
"""Precision and recall of fb-detect, rules and model, on labelled texts (TAP).

tests/data/detect-*.tsv hold short texts (bios, posts, names, usernames)
labelled "demand" or "other" after ../shared/VERDICTS.md section 1, in a
dozen languages, with obfuscated spellings and hard negatives; each file
is one writer. The model (share/detect.model) is trained on them by
tools/train-detect.py; it weighs the rules' hits with the n-grams, and
decides; its threshold is chosen by cross-validation over writers, on
texts scored by models that never saw their writers. Three measures,
each for the rules alone
(fb-detect --no-model) and for fb-detect as it ships (rules and model):

  - 3-fold cross-validation: for each fold, the training tool's code
    (tools/train-detect.py, loaded as a module, with its defaults and the
    same background texts) refits the model on the other two, and the
    fold is measured by fb-detect --model with that model. Each refit,
    here and below, chooses its threshold as the shipped model does, by
    cross-validation over the writers of its own training texts, so no
    threshold sees the texts it is measured on;
  - each writer left out: the writers (files) are dealt, in name order,
    into 4 groups; for each group the model is refitted on the other
    groups' files, and each file of the group is measured with it. No
    writer's texts are measured with a model that read any of them, and
    it costs 4 refits instead of one per writer (172). Each refit chooses
    its threshold on three folds of its writers, as the shipped model
    does: a fold's refit fits four times; a group's threshold is chosen
    on the three other groups, each scored by a model fitted without the
    two, which serves both (ten fits for the four groups, not sixteen).
    3 folds and 4 groups are what keep make check within its time;
  - the frozen split, tests/data/frozen/detect-*.tsv: texts by the same
    writers that no training or tuning has read, measured with fb-detect
    as shipped (its built-in rules and model). Its figures are printed
    (per set and in total), never its texts.

The threshold is chosen on the training tool's probabilities (the
field's, or its likeliest clause's): test 3 checks that they are
fb-detect's, on the labelled texts of 36 words or fewer that the model
is asked about and the rules alone do not settle.

The calibration texts (tests/data/calibration/detect-*.tsv), four sets
neither the model nor the rules were made from, are measured too, with
fb-detect as shipped.

Fails below precision 0.92 or recall 0.83 on the frozen split: floors
that catch a model or rules that got worse, a little under what ships
(0.946 and 0.901 when the quarters of writers T117 to T131 and R21 to
R23 had joined the split, 25,317 texts in all). Issue 9
sets the goal at precision 0.95 and recall 0.93: below it, the test says
"not ok ... # TODO", which TAP counts as a goal not yet met, not as a failure.
DETECT_FROZEN_DIR replaces the frozen split's directory (to test this
script without reading the split).
"""
import concurrent.futures
import glob
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(HERE)
TRAIN = os.path.join(TOP, "tools", "train-detect.py")
FROZEN = os.environ.get("DETECT_FROZEN_DIR") or os.path.join(HERE, "data", "frozen")
MIN_PRECISION, MIN_RECALL = 0.92, 0.83
GOAL_PRECISION, GOAL_RECALL = 0.95, 0.93
FOLDS = 3
WRITER_GROUPS = 4

spec = importlib.util.spec_from_file_location("train_detect", TRAIN)
td = importlib.util.module_from_spec(spec)
spec.loader.exec_module(td)


class Count:
    def __init__(self):
        self.tp = self.fp = self.fn = 0

    def add(self, label, flagged):
        if flagged and label:
            self.tp += 1
        elif flagged:
            self.fp += 1
        elif label:
            self.fn += 1

    def merge(self, other):
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def precision(self):
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    def recall(self):
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    def __str__(self):
        return "P %.3f R %.3f" % (self.precision(), self.recall())


def demands(rows, *opts):
    """fb-detect's fb.demand for each text, as a record with the text in its field."""
    records = "".join(json.dumps({"id": "c%d" % i, r[2]: r[3]}, ensure_ascii=False) + "\n"
                      for i, r in enumerate(rows))
    run = subprocess.run(["fb-detect"] + list(opts), input=records.encode(), capture_output=True)
    out = run.stdout.decode().split("\n")[:-1]  # not splitlines: a string may hold U+2028 or \x1c
    if run.returncode != 0 or len(out) != len(rows):
        raise RuntimeError("fb-detect %s: exit %d, %d of %d records: %s"
                           % (" ".join(opts), run.returncode, len(out), len(rows),
                              run.stderr.decode()[:300]))
    return [json.loads(line).get("fb", {}).get("demand", {}) for line in out]


def detect(rows, *opts):
    """fb-detect's flag for each text."""
    return [d.get("flagged", False) for d in demands(rows, *opts)]


class Refitter:
    """Every labelled text and the background, extracted once; a model per subset."""

    def __init__(self, rows):
        self.args = td.parser().parse_args([])
        fb_detect = shutil.which("fb-detect")
        ordinary = td.background(self.args.background, fb_detect)
        self.texts = td.fold_keys(rows, self.args) + [None] * len(ordinary)
        self.labels = [1 if r[0] == "demand" else 0 for r in rows] + [0] * len(ordinary)
        self.feats = td.all_features(shutil.which("detect-features"), fb_detect,
                                     [(r[2], r[3]) for r in rows] + ordinary)
        self.problem = td.Problem(self.feats, self.labels, self.args)
        self.nrows = len(rows)

    def rows(self, keep):
        """The labelled rows i with keep(i), and the background."""
        return [i for i in range(self.nrows) if keep(i)] + list(range(self.nrows, len(self.feats)))

    def write(self, tmp, name, bias, weights, threshold):
        out = os.path.join(tmp, name + ".model")
        with open(out, "w", encoding="utf-8") as fp:
            fp.write(td.model_text(bias, weights, threshold, self.args, name))
        return out

    def model(self, tmp, name, keep):
        """A model file fitted on the rows of keep, its threshold chosen as the
        shipped model's is: by cross-validation over the writers of those rows alone."""
        bias, weights, threshold, _, _ = td.train(self.problem, self.feats, self.labels, self.texts,
                                                  self.rows(keep), self.args)
        return self.write(tmp, name, bias, weights, threshold)

    def fit(self, keep):
        return td.fit(self.problem, self.rows(keep), self.args)

    def scored(self, fitted, part):
        """[(probability, label, sure)] of the labelled rows of part, by a fitted model."""
        bias, weights = fitted
        return [(td.prob(bias, weights, self.feats[i], self.args.scale), self.labels[i],
                 td.sure(self.feats[i], self.args)) for i in part]


def writers_left_out(refit, tmp, groups, ngroups, pool):
    """{group: model file} of models each fitted without one group of writers.

    Group g's threshold is chosen on three folds of its own writers, as the
    shipped model's is: the other groups, h each scored by a model fitted
    without g and h. That model serves g and h alike, so the four groups
    cost ten fits (4 + 6 pairs), not sixteen."""
    # Each fit named by the groups it leaves out.
    fits = [(g,) for g in range(ngroups)] + [(g, h) for g in range(ngroups) for h in range(g + 1, ngroups)]
    fitted = dict(zip(fits, pool.map(lambda out: refit.fit(lambda i: groups[i] not in out), fits)))
    models = {}
    for g in range(ngroups):
        scored = []
        for h in range(ngroups):
            if h != g:
                scored += refit.scored(fitted[(min(g, h), max(g, h))],
                                       [i for i in range(refit.nrows) if groups[i] == h])
        threshold = td.lowest_threshold(scored, refit.args.precision)[0]
        models[g] = refit.write(tmp, "group%d" % (g + 1), *fitted[(g,)], threshold)
    return models


def measure(rows, rules, shipped):
    """Counts for the rules alone and for rules and model, over these rows."""
    c = {"rules": Count(), "both": Count()}
    for r, rf, bf in zip(rows, rules, shipped):
        label = r[0] == "demand"
        c["rules"].add(label, rf)
        c["both"].add(label, bf)
    return c


def line(what, c):
    return "# %-34s rules %s | rules+model %s" % (what, c["rules"], c["both"])


def shipped_weights():
    """share/detect.model's bias and weights, as train-detect.py's prob takes them."""
    bias, weights = 0.0, {}
    with open(os.path.join(TOP, "share", "detect.model"), encoding="utf-8") as fp:
        for line in fp:
            key, _, rest = line.rstrip("\n").partition(" ")
            if key == "bias":
                bias = float(rest)
            elif key in ("w", "c", "x", "r", "f"):
                weight, _, name = rest.partition(" ")
                weights[key + ":" + name] = float(weight)
    return bias, weights


def disagreements(refit, rows, tmp):
    """(probabilities compared, those the training tool puts elsewhere):
    fb-detect's, read from its MODEL hits with the shipped model at a
    threshold near 0 (a hit wherever the rules do not flag) and near 1
    (wherever they do), against train-detect.py's prob, which chooses the
    threshold.
    Fields of more than 36 words, which fb-detect alone judges in windows,
    are left out."""
    bias, weights = shipped_weights()
    short = [i for i, r in enumerate(rows) if len(r[3].split()) <= 36]
    compared = differ = 0
    for threshold in ("0.000000001", "0.999999999"):
        model = os.path.join(tmp, "at-%s.model" % threshold)
        with open(os.path.join(TOP, "share", "detect.model"), encoding="utf-8") as src, \
                open(model, "w", encoding="utf-8") as out:
            out.writelines("threshold %s\n" % threshold if l.startswith("threshold ") else l for l in src)
        for i, demand in zip(short, demands([rows[i] for i in short], "--model", model)):
            for hit in demand.get("hits", []):
                if hit["rule"] == "MODEL":
                    compared += 1
                    differ += abs(td.prob(bias, weights, refit.feats[i], refit.args.scale)
                                  - hit["probability"]) > 0.0015
    return compared, differ


def main():
    files = sorted(glob.glob(os.path.join(HERE, "data", "detect-*.tsv")))
    frozen = sorted(glob.glob(os.path.join(FROZEN, "detect-*.tsv")))
    rows = td.load(files)
    names = sorted(set(r[4] for r in rows))
    print("1..7")
    if shutil.which("fb-detect") is None or shutil.which("detect-features") is None:
        print("not ok 1 - fb-detect and detect-features are on PATH (run from tests/run)")
        print("not ok 2 - refits\nnot ok 3 - agreement\nnot ok 4 - precision")
        print("not ok 5 - recall\nnot ok 6 - goal\nnot ok 7 - goal")
        return 1
    try:
        rules = detect(rows, "--no-model")
    except RuntimeError as e:
        print("not ok 1 - fb-detect reads all %d labelled texts: %s" % (len(rows), e))
        print("not ok 2 - refits\nnot ok 3 - agreement\nnot ok 4 - precision")
        print("not ok 5 - recall\nnot ok 6 - goal\nnot ok 7 - goal")
        return 1
    print("ok 1 - fb-detect --no-model reads all %d labelled texts of %d writers" % (len(rows), len(names)))

    # Refit: one model per fold and per group of writers left out, on every CPU.
    folds = [td.fold_of(r[3], FOLDS) for r in rows]
    with tempfile.TemporaryDirectory(prefix="detect-accuracy.") as tmp:
        jobs = [("fold%d" % (k + 1), lambda i, k=k: folds[i] != k) for k in range(FOLDS)]
        group = {n: k % WRITER_GROUPS for k, n in enumerate(names)}
        try:
            refit = Refitter(rows)
            with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
                cv_models = pool.map(lambda j: refit.model(tmp, *j), jobs)
                by_group = writers_left_out(refit, tmp, [group[r[4]] for r in rows],
                                            WRITER_GROUPS, pool)
                models = dict(zip([j[0] for j in jobs], cv_models))
            models.update(("group%d" % (g + 1), m) for g, m in by_group.items())
            cv = {"rules": Count(), "both": Count()}
            for k in range(FOLDS):
                part = [i for i in range(len(rows)) if folds[i] == k]
                held = [rows[i] for i in part]
                got = measure(held, [rules[i] for i in part],
                              detect(held, "--model", models["fold%d" % (k + 1)]))
                for key in cv:
                    cv[key].merge(got[key])
            # One fb-detect per group, not per writer: a start costs a
            # tenth of a second.
            shipped = [None] * len(rows)
            for g in range(WRITER_GROUPS):
                part = [i for i in range(len(rows)) if group[rows[i][4]] == g]
                for i, flagged in zip(part, detect([rows[i] for i in part],
                                                   "--model", models["group%d" % (g + 1)])):
                    shipped[i] = flagged
            lowo = {"rules": Count(), "both": Count()}
            per_writer = []
            for n in names:
                part = [i for i in range(len(rows)) if rows[i][4] == n]
                got = measure([rows[i] for i in part], [rules[i] for i in part],
                              [shipped[i] for i in part])
                per_writer.append((n, len(part), got))
                for key in lowo:
                    lowo[key].merge(got[key])
        except (subprocess.CalledProcessError, RuntimeError) as e:
            err = getattr(e, "stderr", None)
            print("not ok 2 - the training tool refits the model per fold and per group of writers: %s %s"
                  % (e, err.decode()[:300] if err else ""))
            print("not ok 3 - agreement\nnot ok 4 - precision\nnot ok 5 - recall")
            print("not ok 6 - goal\nnot ok 7 - goal")
            return 1
    print("ok 2 - the training tool's code refits the model for %d folds and %d writers left out "
          "in %d groups" % (FOLDS, len(names), WRITER_GROUPS))
    print(line("%d-fold cross-validation, %d texts" % (FOLDS, len(rows)), cv))
    print("# each writer left out (its texts measured with a model fitted without its group of writers):")
    for n, size, got in per_writer:
        print(line("  %s (%d)" % (n, size), got))
    print(line("  all writers, pooled", lowo))
    try:
        with tempfile.TemporaryDirectory(prefix="detect-accuracy.") as tmp:
            compared, differ = disagreements(refit, rows, tmp)
        print("%s 3 - the training tool scores texts as fb-detect does: %d of %d probabilities "
              "of the labelled texts differ" % ("ok" if compared and not differ else "not ok",
                                                differ, compared))
    except RuntimeError as e:
        print("not ok 3 - the training tool scores texts as fb-detect does: %s" % e)

    calibration = td.load(sorted(glob.glob(os.path.join(HERE, "data", "calibration", "detect-*.tsv"))))
    if calibration:
        got = {"rules": Count(), "both": Count()}
        for r, rf, bf in zip(calibration, detect(calibration, "--no-model"), detect(calibration)):
            got["rules"].add(r[0] == "demand", rf)
            got["both"].add(r[0] == "demand", bf)
        print(line("calibration texts, %d (never fitted on)" % len(calibration), got))

    # The frozen split: fb-detect as shipped, totals only.
    if not frozen:
        print("ok 4 - precision on the frozen split # SKIP no %s/detect-*.tsv" % FROZEN)
        print("ok 5 - recall on the frozen split # SKIP no frozen split")
        print("ok 6 - goal # SKIP no frozen split\nok 7 - goal # SKIP no frozen split")
        return 0
    total = {"rules": Count(), "both": Count()}
    print("# frozen split, fb-detect as shipped (rules alone: --no-model):")
    parts = [td.load([f]) for f in frozen]
    held = [r for part in parts for r in part]
    flags = list(zip(detect(held, "--no-model"), detect(held)))
    start = 0
    for f, part in zip(frozen, parts):
        got = measure(part, *zip(*flags[start:start + len(part)]))
        start += len(part)
        for key in total:
            total[key].merge(got[key])
        print("# %-34s rules %s | rules+model %s" % ("  %s (%d)" % (os.path.basename(f), len(part)),
                                                      got["rules"], got["both"]))
    n = len(held)
    print("# %-34s rules %s | rules+model %s" % ("  all frozen (%d)" % n, total["rules"], total["both"]))
    p, r = total["both"].precision(), total["both"].recall()
    print("%s 4 - precision on the frozen split %.3f >= %.2f"
          % ("ok" if p >= MIN_PRECISION else "not ok", p, MIN_PRECISION))
    print("%s 5 - recall on the frozen split %.3f >= %.2f"
          % ("ok" if r >= MIN_RECALL else "not ok", r, MIN_RECALL))
    print("%s 6 - precision on the frozen split %.3f >= %.2f, the goal of issue 9%s"
          % ("ok" if p >= GOAL_PRECISION else "not ok", p, GOAL_PRECISION,
             "" if p >= GOAL_PRECISION else " # TODO not met yet"))
    print("%s 7 - recall on the frozen split %.3f >= %.2f, the goal of issue 9%s"
          % ("ok" if r >= GOAL_RECALL else "not ok", r, GOAL_RECALL,
             "" if r >= GOAL_RECALL else " # TODO not met yet"))
    print("detect accuracy on %d frozen texts: precision %.3f, recall %.3f "
          "(rules alone %.3f, %.3f; %d-fold CV on %d texts: %.3f, %.3f)"
          % (n, p, r, total["rules"].precision(), total["rules"].recall(), FOLDS, len(rows),
             cv["both"].precision(), cv["both"].recall()), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
