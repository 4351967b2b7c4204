#!/usr/bin/env python3
"""tools/new-set.py, which takes a new writer's set into tests/data (TAP).

Its split must be the split the data has: a set put back together from
tests/data and tests/data/frozen and added to an empty directory comes
out as the same two parts. It leaves out texts the data already holds,
refuses malformed lines and sets already there, and its first look
counts what fb-detect flags.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(HERE)
TOOL = os.path.join(TOP, "tools", "new-set.py")
DATA = os.path.join(HERE, "data")
n = 0


def ok(cond, what):
    global n
    n += 1
    print("%s %d - %s" % ("ok" if cond else "not ok", n, what))
    return cond


def run(*args):
    return subprocess.run([sys.executable, TOOL] + list(args), capture_output=True, text=True)


def lines(path):
    with open(path, encoding="utf-8") as fp:
        return [l.rstrip("\n") for l in fp]


def main():
    print("1..7")
    with tempfile.TemporaryDirectory(prefix="new-set.") as tmp:
        data = os.path.join(tmp, "data")
        os.makedirs(os.path.join(data, "frozen"))
        # a set of texts and one of profiles, as their writers handed them in
        train, held = lines(os.path.join(DATA, "detect-t43.tsv")), lines(os.path.join(DATA, "frozen", "detect-t43.tsv"))
        head = [l for l in train if l.startswith("#")]
        whole = os.path.join(tmp, "detect-t43.tsv")
        with open(whole, "w", encoding="utf-8") as fp:
            fp.write("\n".join(head + sorted(l for l in train + held if not l.startswith("#"))) + "\n")
        ptrain, pheld = lines(os.path.join(DATA, "score-p10.ndjson")), lines(os.path.join(DATA, "frozen", "score-p10.ndjson"))
        profiles = os.path.join(tmp, "score-p10.ndjson")
        with open(profiles, "w", encoding="utf-8") as fp:
            fp.write("\n".join(sorted(ptrain + pheld)) + "\n")

        r = run("add", "--data", data, whole, profiles)
        got = lines(os.path.join(data, "detect-t43.tsv")), lines(os.path.join(data, "frozen", "detect-t43.tsv"))
        ok(r.returncode == 0 and sorted(got[0]) == sorted(train) and sorted(got[1]) == sorted(held),
           "a set of texts splits as tests/data has it: %d to train on, %d frozen, the comment on both"
           % (len(train) - len(head), len(held) - len(head)))
        got = lines(os.path.join(data, "score-p10.ndjson")), lines(os.path.join(data, "frozen", "score-p10.ndjson"))
        ok(sorted(got[0]) == sorted(ptrain) and sorted(got[1]) == sorted(pheld),
           "a set of profiles splits by id as tests/data has it")

        r = run("add", "--data", data, whole)
        ok(r.returncode != 0 and "there already" in r.stderr, "a set already there is not replaced")

        known = [l for l in train if not l.startswith("#")][0].split("\t")
        new = os.path.join(tmp, "detect-t99.tsv")
        with open(new, "w", encoding="utf-8") as fp:
            fp.write("# writer T99: a test\n")
            fp.write("demand\ten\ttext\t  %s \n" % known[3].upper())
            fp.write("demand\ten\ttext\tfollow me and I follow you back, promise\n")
            fp.write("demand\ten\ttext\tfollow me and I follow you back, promise\n")
            fp.write("other\ten\tdescription\tbaker in Leeds\n")
        r = run("add", "--data", data, new)
        both = [l for l in lines(os.path.join(data, "detect-t99.tsv")) +
                lines(os.path.join(data, "frozen", "detect-t99.tsv")) if not l.startswith("#")]
        ok(r.returncode == 0 and sorted(both) == ["demand\ten\ttext\tfollow me and I follow you back, promise",
                                                  "other\ten\tdescription\tbaker in Leeds"],
           "texts the data holds (any case, outer spaces) and repeated ones are left out")

        bad = os.path.join(tmp, "detect-t98.tsv")
        with open(bad, "w", encoding="utf-8") as fp:
            fp.write("demand\ten\ttext\tfine\nmaybe\ten\ttext\tnot a label\n")
        r = run("add", "--data", data, bad)
        ok(r.returncode != 0 and "data line 2" in r.stderr and
           not os.path.exists(os.path.join(data, "detect-t98.tsv")),
           "a malformed line is refused, naming it, and nothing is written")

        fb = shutil.which("fb-detect")
        if fb is None:
            ok(False, "fb-detect is on PATH (run from tests/run)")
            ok(False, "first look")
            return 1
        look = os.path.join(tmp, "look", "detect-t97.tsv")
        os.makedirs(os.path.dirname(look))
        with open(look, "w", encoding="utf-8") as fp:
            fp.write("demand\ten\ttext\tI follow back 100%, follow me\n")
            fp.write("demand\ten\tdescription\tbaker in Leeds\n")
            fp.write("other\ten\ttext\tthe weather in Leeds is grey again\n")
        r = run("look", "--bin", os.path.dirname(fb), look)
        ok(r.returncode == 0 and "3 texts, 2 demands" in r.stdout and
           "rules alone: precision 1.000, recall 0.500" in r.stdout,
           "the first look of a set of texts counts fb-detect's flags: %s" % r.stdout.strip())
        r = run("look", "--bin", os.path.dirname(fb), os.path.join(DATA, "score-p10.ndjson"))
        ok(r.returncode == 0 and "74 profiles; verdicts" in r.stdout,
           "the first look of a set of profiles gives verdicts and AUC: %s" % r.stdout.strip())
    return 0


if __name__ == "__main__":
    sys.exit(main())
