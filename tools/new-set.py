#!/usr/bin/env python3
"""Take a new writer's labelled set into tests/data, honestly.

Usage: tools/new-set.py look [--bin DIR] FILE...
       tools/new-set.py add [--data DIR] FILE...

A new set is measured once, with the programs as they are, before anything
is fitted on it: that first look is the best guess of how they do on text
nobody here has seen (README, "first looks"). Then it is added: a quarter,
chosen by the first byte of the SHA-256 of each text (of each profile's
id), goes to the frozen split, never fitted on; the rest to the training
data. Writers are briefed by tests/data/writers/*.md.

look: for a set of texts (detect-NAME.tsv: label, lang, field, text
[, source]), precision and recall of fb-detect --no-model and of fb-detect
as built; for a set of profiles (score-NAME.ndjson, each with label and
audit), the verdict accuracy and AUC of fb-detect | fb-score. --bin is
where the programs are (default build/).

add: texts already in the labelled data (any split; case and outer spaces
aside) and repeated ones are left out, and lines that are not
"label, lang, field, text [, source]" are refused; FILE's comment lines
(the writer's description) head both parts. Writes DIR/NAME and
DIR/frozen/NAME (default DIR tests/data); refuses to replace a set.
"""
import argparse
import glob
import hashlib
import importlib.util
import json
import os
import subprocess
import sys

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def module(name):
    spec = importlib.util.spec_from_file_location(name.replace("-", "_"),
                                                  os.path.join(TOP, "tools", name + ".py"))
    m = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(m)
    return m


def frozen(key):
    """Whether a text (a profile's id) belongs to the frozen quarter."""
    return hashlib.sha256(key.encode("utf-8")).digest()[0] % 4 == 0


def split_tsv(path):
    """(comment lines, data lines) of a set of texts."""
    head, rows = [], []
    with open(path, encoding="utf-8") as fp:
        for line in fp:
            line = line.rstrip("\n")
            if line.startswith("#"):
                head.append(line)
            elif line.strip():
                rows.append(line)
    return head, rows


def counts(rows, flags):
    tp = sum(1 for r, f in zip(rows, flags) if f and r[0] == "demand")
    fp = sum(1 for r, f in zip(rows, flags) if f and r[0] != "demand")
    fn = sum(1 for r, f in zip(rows, flags) if not f and r[0] == "demand")
    return "precision %.3f, recall %.3f" % (tp / max(tp + fp, 1), tp / max(tp + fn, 1))


def look(args):
    td = module("train-detect")
    for path in args.files:
        name = os.path.basename(path)
        if name.endswith(".tsv"):
            rows = td.load([path])
            records = "".join(json.dumps({"id": "t%d" % i, r[2]: r[3]}, ensure_ascii=False) + "\n"
                              for i, r in enumerate(rows))
            line = "%s: %d texts, %d demands" % (name, len(rows), sum(r[0] == "demand" for r in rows))
            for what, opts in (("rules alone", ["--no-model"]), ("rules and model", [])):
                run = subprocess.run([os.path.join(args.bin, "fb-detect")] + opts,
                                     input=records.encode(), capture_output=True, check=True)
                flags = [json.loads(x).get("fb", {}).get("demand", {}).get("flagged", False)
                         for x in td.ndjson_lines(run.stdout)]
                line += "; %s: %s" % (what, counts(rows, flags))
            print(line)
        else:
            fs = module("fit-score")
            profiles = fs.load([path])
            scores = fs.run_pipeline(args.bin, profiles)
            accuracy, area = fs.measure([s["total"] for s in scores], [s["verdict"] for s in scores],
                                        [p["label"] for p in profiles])
            print("%s: %d profiles; verdicts %.3f, AUC %.3f" % (name, len(profiles), accuracy, area))
    return 0


def known_texts(data):
    seen = set()
    for path in glob.glob(os.path.join(data, "**", "detect-*.tsv"), recursive=True):
        for line in split_tsv(path)[1]:
            cols = line.split("\t")
            if len(cols) >= 4:
                seen.add(cols[3].strip().lower())
    return seen


def write(path, lines):
    with open(path, "w", encoding="utf-8") as fp:
        fp.write("".join(l + "\n" for l in lines))


def add(args):
    td = module("train-detect")
    for path in args.files:
        name = os.path.basename(path)
        targets = [os.path.join(args.data, name), os.path.join(args.data, "frozen", name)]
        if any(os.path.exists(t) for t in targets):
            sys.exit("new-set: %s is there already" % name)
        if name.endswith(".tsv"):
            head, rows = split_tsv(path)
            seen, keep = known_texts(args.data), []
            for n, line in enumerate(rows, 1):
                cols = line.split("\t")
                if len(cols) not in (4, 5) or cols[0] not in ("demand", "other") or \
                        cols[2] not in td.FIELDS or not cols[3].strip():
                    sys.exit("new-set: %s: data line %d: expected label, lang, field, text [, source]"
                             % (path, n))
                if cols[3].strip().lower() not in seen:
                    seen.add(cols[3].strip().lower())
                    keep.append(line)
            parts = ([l for l in keep if not frozen(l.split("\t")[3])],
                     [l for l in keep if frozen(l.split("\t")[3])])
            write(targets[0], head + parts[0])
            write(targets[1], head + parts[1])
            print("%s: %d texts (%d already known or repeated): %d to train on, %d frozen"
                  % (name, len(keep), len(rows) - len(keep), len(parts[0]), len(parts[1])))
        else:
            with open(path, encoding="utf-8") as fp:
                lines = [l.rstrip("\n") for l in fp if l.strip()]
            ids = [json.loads(l)["id"] for l in lines]
            parts = ([l for l, i in zip(lines, ids) if not frozen(i)],
                     [l for l, i in zip(lines, ids) if frozen(i)])
            write(targets[0], parts[0])
            write(targets[1], parts[1])
            print("%s: %d profiles: %d to fit on, %d frozen" % (name, len(lines), len(parts[0]),
                                                                 len(parts[1])))
    return 0


def main():
    ap = argparse.ArgumentParser(usage=__doc__.split("\n\n")[1].replace("Usage: ", "", 1))
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("look")
    p.add_argument("--bin", default=os.path.join(TOP, "build"))
    p.add_argument("files", nargs="+")
    p = sub.add_parser("add")
    p.add_argument("--data", default=os.path.join(TOP, "tests", "data"))
    p.add_argument("files", nargs="+")
    args = ap.parse_args()
    return look(args) if args.cmd == "look" else add(args)


if __name__ == "__main__":
    sys.exit(main())
