#!/usr/bin/env python3
"""docs-examples.t: runs the examples of README.md and man/*.1 and checks
that they show what the programs print. TAP on stdout.

What an example is
  README.md: a code block (indented by four spaces, or fenced) whose first
  command is a shell command: a program of the toolkit, jq, cat, printf, ...
  man/*.1: a .Bd -literal block of the EXAMPLES section, or any .Bd -literal
  block that starts with "$ ".
  A fenced JSON block of README.md after a line "<!-- example: COMMAND -->"
  is what COMMAND prints: compared as JSON, "..." standing for elements of
  an array left out. These run after the other examples of the document,
  as their commands may read files it writes further down.
  In a block whose lines start with "$ ", each "$ " line is a command
  (continued while a quote, a heredoc, or a line ending in |, \\, && or ||
  is open) and the lines up to the next "$ " are the output it shows: its
  stdout and stderr, as a terminal shows them. A block without "$ " is a
  list of commands whose output is not shown.

How the output is compared
  Line by line, trailing blanks aside. A line "..." (in a man page "\\&...")
  stands for any number of lines, none included. A shown line too long for
  the page may be folded onto the lines after it, indented: the pieces are
  joined with one space. A command whose output is shown may end with any
  status (the output says what happened); one whose output is not shown
  must exit 0. A command that prints nothing, where its output is not shown
  and not sent to a file, fails too (unless it is one that prints nothing
  when it works: cd, export, rm, mkdir, cp, mv, chmod, gzip, ln, touch).
  The stderr of one program and the stdout of a later one in the same
  pipeline come in no fixed order: show them from separate commands.

Where they run
  The examples of one document run in order, each in a shell of its own,
  in one temporary directory, as a reader following the document would
  run them: a file one example writes is there for the next. The built
  programs come first in PATH ($FB_BUILD, else build/), and the directory
  holds what the examples read before the document writes it: examples/
  (the repository's), followers.ndjson (examples/sample-followers.ndjson),
  scored.ndjson (of those); fetched from the fake X API below:
  following.ndjson, best.ndjson, prospects.ndjson, users.ndjson,
  timelines.ndjson, mentions.ndjson, demands.ndjson (the mentions that
  demand a follow-back); handles.txt and follower-ids.txt;
  week47.ndjson and week48.ndjson, the whole list of the sample account's
  first and second week (examples/sample-recording and
  examples/sample-recording-week2, replayed); x.zip and
  twitter-2026-11-20.zip, its X archive (examples/sample-archive.zip).
  The tw- programs talk to the fake X API of the tests (tests/cli/fake-xapi.py) holding the
  sample account, with a dummy token; @client stands for the sample
  account, @brightpath_co. HOME is a temporary directory too.

Examples that cannot run offline (a language-model server, make targets,
the user's own token file, a program not installed) are listed with the
reason as TAP comments, and the last test checks that most examples run.
"""

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BUILD = os.environ.get("FB_BUILD") or os.path.join(TOP, "build")
NOW = "2026-11-20"
SAMPLE_ACCOUNT = "brightpath_co"
# The names the examples give the sample account's X archive.
ARCHIVES = ["x.zip", "twitter-2026-11-20.zip"]
MIN_RUN_SHARE = 0.8
TIMEOUT = 120

PROGRAMS = sorted(f[:-2] for f in os.listdir(os.path.join(TOP, "cmd")) if f.endswith(".c"))
SHELL_WORDS = set(PROGRAMS) | {
    "jq", "cat", "printf", "echo", "diff", "awk", "sort", "grep", "sed", "head",
    "make", "mkdir", "export", "cd", "cmp", "gzip", "zcat", "tail", "wc", "(umask",
}

# Blocks that are commands but cannot run here, and why: (pattern, reason).
NOT_OFFLINE = [
    (re.compile(r"--llm\b|LLM_API_KEY"), "needs a language-model server (--llm)"),
    (re.compile(r"^export TW_API_BASE"), "points a shell at the sandbox; the fake X API of the test stands in"),
    (re.compile(r"^make\b"), "a make target: builds, installs or starts a server"),
    (re.compile(r"~/\.config/followback"), "reads or writes the user's own token file"),
    (re.compile(r"\bbsky-(user|followers|timeline|mentions)\b"), "reads a real Bluesky account (the network)"),
    (re.compile(r"(?s)^(?!.*--replay).*\bmasto-(user|followers|timeline|mentions)\b"),
     "asks a Mastodon instance on the network (tests/cli/masto.bats runs them on a fake one)"),
    (re.compile(r"^tw-auth\b"), "the user's own sign-in at X (a browser and the user's own developer app)"),
    (re.compile(r"(^|\s)@me\b"), "reads the account signed in with tw-auth, at X"),
]
NEEDS_PROGRAM = ["parallel"]
# Commands that print nothing when they work.
SILENT = {"cd", "export", "rm", "mkdir", "cp", "mv", "chmod", "gzip", "ln", "touch"}


def tap_comment(text):
    for line in text.splitlines() or [""]:
        print("# " + line)


class Example:
    def __init__(self, doc, line, text, transcript, json_of=None):
        self.doc = doc            # file name, relative to the top
        self.line = line          # line of its first line in the file
        self.text = text          # the block, unescaped, without its indentation
        self.transcript = transcript
        self.json = json_of is not None
        if self.json:
            self.steps = [(line - 2, json_of, [(line, text)])]
        else:
            self.steps = parse_steps(text, line, transcript)

    def where(self):
        return "%s:%d" % (self.doc, self.line)

    def title(self):
        first = self.steps[0][1].splitlines()[0] if self.steps else self.text.splitlines()[0]
        return "%s: %s" % (self.where(), first[:70])


def open_construct(cmd):
    """True when the shell would ask for another line after cmd."""
    quote = None
    heredocs = []
    lines = cmd.split("\n")
    # heredocs: the words after << must each close on a line of their own
    for line in lines:
        if heredocs:
            if line.strip() == heredocs[0]:
                heredocs.pop(0)
            continue
        i = 0
        while i < len(line):
            c = line[i]
            if quote == "'":
                if c == "'":
                    quote = None
            elif quote == '"':
                if c == "\\":
                    i += 1
                elif c == '"':
                    quote = None
            elif c == "\\":
                i += 1
            elif c in "'\"":
                quote = c
            elif c == "#" and (i == 0 or line[i - 1] in " \t"):
                break
            elif line.startswith("<<", i):
                m = re.match(r"<<-?\s*(['\"]?)(\w+)\1", line[i:])
                if m:
                    heredocs.append(m.group(2))
                    i += len(m.group(0)) - 1
            i += 1
    if quote or heredocs:
        return True
    last = re.sub(r"\s+#.*$", "", lines[-1]).rstrip()
    return last.endswith(("|", "\\", "&&", "||"))


def parse_steps(text, first_line, transcript):
    """[(line, command, [(line, shown output line), ...] or None)]"""
    steps = []
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        line = lines[i]
        if transcript and not line.startswith("$ "):
            i += 1  # output before any command: there is none in a transcript
            continue
        if not transcript and (not line.strip() or line.lstrip().startswith("#")):
            i += 1
            continue
        start = i
        cmd = line[2:] if transcript else line
        i += 1
        while open_construct(cmd) and i < len(lines):
            cmd += "\n" + lines[i]
            i += 1
        shown = None
        if transcript:
            shown = []
            while i < len(lines) and not lines[i].startswith("$ "):
                shown.append((first_line + i, lines[i]))
                i += 1
            while shown and not shown[-1][1].strip():
                shown.pop()
            if not shown:
                shown = None
        steps.append((first_line + start, cmd, shown))
    return steps


def is_shell(text):
    for line in text.split("\n"):
        s = line.strip()
        if not s or s.startswith("#"):
            continue
        if s.startswith("$ "):
            return True
        word = s.split()[0]
        return word in SHELL_WORDS or bool(re.match(r"^[A-Z_]+=", word))
    return False


def readme_blocks(path):
    """Code blocks of a markdown file: [(line, text, fenced language or None)]."""
    lines = open(path, encoding="utf-8").read().split("\n")
    blocks = []
    i = 0
    prev_blank = True
    command = None  # of the next JSON block, from <!-- example: ... -->
    while i < len(lines):
        line = lines[i]
        m = re.match(r"^<!-- example: (.*) -->$", line)
        if m:
            command = m.group(1)
        m = re.match(r"^(\s*)```(\w*)", line)
        if m:
            indent = len(m.group(1))
            j = i + 1
            body = []
            while j < len(lines) and not lines[j].strip().startswith("```"):
                body.append(lines[j][indent:])
                j += 1
            blocks.append((i + 2, "\n".join(body), m.group(2) or "sh", command))
            command = None
            i = j + 1
            prev_blank = False
            continue
        if prev_blank and re.match(r"^ {4,}\S", line):
            indent = len(line) - len(line.lstrip())
            body = []
            j = i
            while j < len(lines):
                if lines[j].strip() == "":
                    k = j
                    while k < len(lines) and lines[k].strip() == "":
                        k += 1
                    if k < len(lines) and lines[k].startswith(" " * indent):
                        body.extend([""] * (k - j))
                        j = k
                        continue
                    break
                if not lines[j].startswith(" " * indent):
                    break
                body.append(lines[j][indent:])
                j += 1
            blocks.append((i + 1, "\n".join(body), None, None))
            i = j
            prev_blank = False
            continue
        prev_blank = line.strip() == ""
        i += 1
    return blocks


def man_unescape(line):
    line = line.replace("\\&", "").replace("\\e", "\\").replace("\\-", "-")
    line = line.replace("\\(aq", "'").replace("\\(dq", '"')
    return re.sub(r"\\\[u([0-9A-Fa-f]{4,5})\]", lambda m: chr(int(m.group(1), 16)), line)


def man_blocks(path):
    """.Bd -literal blocks of EXAMPLES, and elsewhere those that start with "$ "."""
    lines = open(path, encoding="utf-8").read().split("\n")
    blocks = []
    section = ""
    i = 0
    while i < len(lines):
        if lines[i].startswith(".Sh "):
            section = lines[i][4:].strip()
        if lines[i].startswith(".Bd -literal"):
            j = i + 1
            body = []
            while j < len(lines) and not lines[j].startswith(".Ed"):
                body.append(man_unescape(lines[j]))
                j += 1
            text = "\n".join(body)
            if section == "EXAMPLES" or text.startswith("$ "):
                blocks.append((i + 2, text))
            i = j
        i += 1
    return blocks


def collect():
    """(examples to run, [(where, title, reason)] not run, [(where, title)]
    code blocks that are not commands)"""
    examples, not_run, not_commands = [], [], []
    rel = "README.md"
    for line, text, lang, command in readme_blocks(os.path.join(TOP, rel)):
        if lang == "json" and command:
            examples.append(Example(rel, line, text, True, json_of=command))
            continue
        if lang not in (None, "sh", "shell", "bash", "console"):
            not_run.append(("%s:%d" % (rel, line), text.split("\n")[0][:60],
                            "a %s excerpt of output, without its command" % lang))
            continue
        if not is_shell(text):
            not_commands.append(("%s:%d" % (rel, line), text.split("\n")[0][:60]))
            continue
        examples.append(Example(rel, line, text, text.startswith("$ ")))
    for name in sorted(os.listdir(os.path.join(TOP, "man"))):
        rel = "man/" + name
        for line, text in man_blocks(os.path.join(TOP, rel)):
            examples.append(Example(rel, line, text, text.startswith("$ ")))
    runnable = []
    for ex in examples:
        kept = []
        for step in ex.steps:
            reason = why_not_run(step[1])
            if reason:
                not_run.append(("%s:%d" % (ex.doc, step[0]), step[1].split("\n")[0][:60], reason))
            else:
                kept.append(step)
        ex.steps = kept
        if kept:
            runnable.append(ex)
    return runnable, not_run, not_commands


def why_not_run(cmd):
    """Why a command cannot run here, or None."""
    code = re.sub(r"(^|\s)#.*", "", cmd)
    for pattern, why in NOT_OFFLINE:
        if pattern.search(code):
            return why
    for prog in NEEDS_PROGRAM:
        if re.search(r"\b%s\b" % prog, code) and not shutil.which(prog):
            return "needs %s, which is not installed" % prog
    return None


def run(cmd, cwd, env, stdin=subprocess.DEVNULL):
    """(status, combined output) of a bash command; never hangs past TIMEOUT."""
    p = subprocess.Popen(["bash", "-o", "pipefail", "-c", cmd], cwd=cwd, env=env, stdin=stdin,
                         stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                         start_new_session=True)
    try:
        out, _ = p.communicate(timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        os.killpg(p.pid, signal.SIGKILL)
        out, _ = p.communicate()
        return "timed out after %d s" % TIMEOUT, out.decode("utf-8", "replace")
    return p.returncode, out.decode("utf-8", "replace")


def match(shown, actual):
    """None when the actual lines show what the shown ones do, else
    (line in the document or None, what it shows, what was printed)."""
    actual = [a.rstrip() for a in actual]
    while actual and not actual[-1]:
        actual.pop()  # a blank line at the end cannot be seen in a document
    i = j = 0
    while i < len(shown):
        num, want = shown[i][0], shown[i][1].rstrip()
        if want.strip() == "...":
            if i + 1 == len(shown):
                return None
            nxt = shown[i + 1][1].rstrip()
            k = j
            while k < len(actual) and not actual[k].startswith(nxt):
                k += 1
            if k == len(actual):
                return (shown[i + 1][0], nxt, "(no such line after line %d of the output)" % (j + 1))
            j = k
            i += 1
            continue
        if j >= len(actual):
            return (num, want, "(the output ends after %d lines)" % len(actual))
        got = actual[j]
        if got == want:
            i += 1
            j += 1
            continue
        # a folded line: the pieces, joined with one space
        joined, k = want, i + 1
        while got.startswith(joined) and k < len(shown) and shown[k][1][:1] in " \t" \
                and shown[k][1].strip() != "...":
            joined = joined + " " + shown[k][1].strip()
            k += 1
            if joined == got:
                break
        if joined != got:
            return (num, want, got)
        i = k
        j += 1
    if j < len(actual):
        return (None, "(nothing more)", actual[j])
    return None


def prints_nothing_by_design(cmd):
    """True when the last command is one that prints nothing when it works."""
    last = re.split(r"&&|\|\||;|\|", cmd)[-1].split()
    return bool(last) and last[0] in SILENT


def json_contains(want, got):
    """want, with elided array elements, is got."""
    if isinstance(want, dict):
        return isinstance(got, dict) and want.keys() == got.keys() and \
            all(json_contains(want[k], got[k]) for k in want)
    if isinstance(want, list):
        if not isinstance(got, list):
            return False
        if want and want[-1] is ELIDED or (want and want[0] is ELIDED) or ELIDED in want:
            j = 0  # the shown elements, in order, among the printed ones
            for w in (x for x in want if x is not ELIDED):
                while j < len(got) and not json_contains(w, got[j]):
                    j += 1
                if j == len(got):
                    return False
                j += 1
            return True
        return len(want) == len(got) and all(json_contains(w, g) for w, g in zip(want, got))
    return want == got


ELIDED = object()
ELISION = "<a line ... of the document>"


def match_json(shown, out):
    """None when the JSON printed is the JSON shown, else (None, shown, printed)."""
    marked = re.sub(r"(?m)^\s*\.\.\.\s*$", lambda m: '"%s",' % ELISION, shown)
    marked = re.sub(r",(\s*[\]}])", r"\1", marked)
    try:
        want = json.loads(marked)
        got = json.loads(out)
    except ValueError as e:
        return (None, "(valid JSON)", str(e))
    def mark(v):
        if v == ELISION:
            return ELIDED
        if isinstance(v, list):
            return [mark(x) for x in v]
        if isinstance(v, dict):
            return {k: mark(x) for k, x in v.items()}
        return v
    if json_contains(mark(want), got):
        return None
    return (None, json.dumps(json.loads(marked), ensure_ascii=False),
            json.dumps(got, ensure_ascii=False))


def redirects_stdout(cmd):
    """True when the command's last stage sends its stdout to a file."""
    flat = re.sub(r"<<-?\s*'?(\w+)'?(.*?)\n.*?\n\1(\n|$)", r"\2", cmd, flags=re.S)
    flat = re.sub(r"'[^']*'", "''", flat)
    last = flat.split("|")[-1]
    return bool(re.search(r"(^|[^0-9&<])>>?\s*[^&\s]|(^|\s)(-o|--output)\s", last))


class Fixtures:
    """The fake X API and the files the examples read."""

    def __init__(self, root):
        self.root = root
        self.port_file = os.path.join(root, "xapi.port")
        self.server = subprocess.Popen(
            [sys.executable, os.path.join(TOP, "tests/cli/fake-xapi.py"),
             "--data", os.path.join(TOP, "examples/sample-account.json"),
             "--port-file", self.port_file, "--token", "docs-example-token"],
            stdout=subprocess.DEVNULL, stderr=open(os.path.join(root, "xapi.err"), "w"))
        for _ in range(400):
            if os.path.exists(self.port_file) or self.server.poll() is not None:
                break
            time.sleep(0.05)
        if not os.path.exists(self.port_file):
            raise RuntimeError("the fake X API did not start: " +
                               open(os.path.join(root, "xapi.err")).read())
        port = open(self.port_file).read().strip()
        self.env = dict(os.environ)
        for k in ("COLUMNS", "XDG_CONFIG_HOME", "TW_BEARER_TOKEN", "LLM_API_KEY",
                  "http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY"):
            self.env.pop(k, None)
        self.env.update(PATH=BUILD + os.pathsep + os.environ.get("PATH", ""),
                        LC_ALL="C.UTF-8", HOME=root, TW_API_BASE="http://127.0.0.1:" + port,
                        TW_BEARER_TOKEN="docs-example-token")
        self.files = os.path.join(root, "fixtures")
        os.mkdir(self.files)
        sample = os.path.join(TOP, "examples/sample-followers.ndjson")
        shutil.copy(sample, os.path.join(self.files, "followers.ndjson"))
        made = [
            ("following.ndjson", "tw-followers --quiet --following @%s" % SAMPLE_ACCOUNT),
            ("scored.ndjson", "fb-detect followers.ndjson | fb-score --now %s" % NOW),
            ("fetched.ndjson", "tw-followers --quiet @%s" % SAMPLE_ACCOUNT),
            ("best.ndjson", "fb-detect fetched.ndjson | fb-score --now %s --top 12" % NOW),
            ("prospects.ndjson", "tw-timeline --quiet best.ndjson | fb-detect | "
             "fb-score --now %s | fb-suggest" % NOW),
            ("handles.txt", "printf '@ifb_idris\\n@tobias_jessop\\n@gone_account\\n'"),
            ("users.ndjson", "tw-user --quiet @ifb_idris @tobias_jessop"),
            ("follower-ids.txt", "jq -r .id following.ndjson | head -20"),
            ("timelines.ndjson", "tw-timeline --quiet --count 5 users.ndjson"),
            ("mentions.ndjson", "tw-mentions --quiet --limit 20 @%s" % SAMPLE_ACCOUNT),
            ("demands.ndjson", "tw-mentions --quiet @%s | fb-detect --hits-only" % SAMPLE_ACCOUNT),
            ("week47.ndjson", "tw-followers --quiet --replay %s @%s"
             % (os.path.join(TOP, "examples/sample-recording"), SAMPLE_ACCOUNT)),
            ("week48.ndjson", "tw-followers --quiet --replay %s @%s"
             % (os.path.join(TOP, "examples/sample-recording-week2"), SAMPLE_ACCOUNT)),
        ]
        for name in ARCHIVES:
            shutil.copy(os.path.join(TOP, "examples/sample-archive.zip"), os.path.join(self.files, name))
        for name, cmd in made:
            status, out = run(cmd + " > " + name + " 2>/dev/null", self.files, self.env)
            if status != 0:
                raise RuntimeError("making %s (%s): status %s %s" % (name, cmd, status, out))

    def session(self, writes):
        """A directory for one document: the fixtures it does not write itself."""
        d = tempfile.mkdtemp(prefix="session.", dir=self.root)
        os.symlink(os.path.join(TOP, "examples"), os.path.join(d, "examples"))
        for name in os.listdir(self.files):
            if name not in writes:
                shutil.copy(os.path.join(self.files, name), os.path.join(d, name))
        return d

    def close(self):
        self.server.terminate()
        self.server.wait()


def written_files(examples):
    """The files that the document writes before it reads them."""
    written, read = set(), set()
    for ex in examples:
        for _, cmd, _ in ex.steps:
            targets = set(re.findall(r"(?:-o\s+|>>?\s*)([\w][\w.-]*)", cmd))
            for name in set(re.findall(r"[\w][\w.-]*\.(?:ndjson|txt)\b", cmd)) - targets:
                read.add(name)
            written |= targets - read
    return written


def for_the_sample(cmd):
    return re.sub(r"@client\b", "@" + SAMPLE_ACCOUNT, cmd)


def main():
    runnable, not_run, not_commands = collect()
    ran = sum(len(ex.steps) for ex in runnable)
    total = ran + len(not_run)
    print("1..%d" % (len(runnable) + 1))
    tap_comment("%d commands in the examples of README.md and man/*.1: %d run, %d not run:"
                % (total, ran, len(not_run)))
    for where, title, reason in not_run:
        tap_comment("  not run: %s: %s: %s" % (where, title, reason))
    tap_comment("%d code blocks of README.md are not commands (formats, listings):" % len(not_commands))
    for where, title in not_commands:
        tap_comment("  %s: %s" % (where, title))
    root = tempfile.mkdtemp(prefix="fb-docs-examples.")
    fixtures = None
    n = 0
    try:
        try:
            fixtures = Fixtures(root)
        except RuntimeError as e:
            print("Bail out! %s" % e)
            sys.exit(1)
        sessions = {}
        # JSON excerpts last in their document: they may read what it writes later
        runnable.sort(key=lambda ex: (ex.doc != "README.md", ex.doc, ex.json))
        for ex in runnable:
            if ex.doc not in sessions:
                sessions[ex.doc] = fixtures.session(
                    written_files([e for e in runnable if e.doc == ex.doc]))
            n += 1
            problems = check(ex, sessions[ex.doc], fixtures.env)
            if problems:
                print("not ok %d - %s" % (n, ex.title()))
                tap_comment(problems)
            else:
                print("ok %d - %s" % (n, ex.title()))
    finally:
        if fixtures:
            fixtures.close()
        shutil.rmtree(root, ignore_errors=True)
    n += 1
    share = ran / total if total else 0
    verdict = "ok" if share >= MIN_RUN_SHARE else "not ok"
    print("%s %d - most commands of the examples run: %d of %d (%.0f%%, at least %.0f%% needed)"
          % (verdict, n, ran, total, 100 * share, 100 * MIN_RUN_SHARE))


def check(ex, cwd, env):
    """What is wrong with one example, or "" when it shows what it does.
    A command that fails does not stop the ones after it: the files they
    write may be read by later examples."""
    problems = []
    for line, cmd, shown in ex.steps:
        status, out = run(for_the_sample(cmd), cwd, env)
        lines = out.split("\n")
        if lines and lines[-1] == "":
            lines.pop()
        head = "%s:%d: $ %s" % (ex.doc, line, cmd.replace("\n", "\n#   "))
        if shown is None:
            if status != 0:
                problems.append("%s\nexit status %s, expected 0; it printed:\n%s" % (head, status, out))
            elif not out.strip() and not redirects_stdout(cmd) and not prints_nothing_by_design(cmd):
                problems.append("%s\nprinted nothing: an example that shows nothing must at least print something" % head)
            continue
        diff = match_json(shown[0][1], out) if ex.json else match(shown, lines)
        if diff:
            num, want, got = diff
            at = "%s:%d" % (ex.doc, num) if num else "after %s:%d" % (ex.doc, shown[-1][0])
            problems.append("%s\n%s: the document shows, and the program prints:\n  - %s\n  + %s\n"
                            "exit status %s; the whole output:\n%s" % (head, at, want, got, status, out))
    return "\n".join(problems)


if __name__ == "__main__":
    main()
