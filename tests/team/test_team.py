#!/usr/bin/env python3
"""Team-work tests that run the real sbp binary: sbp diff, sbp merge (in a
real git repository with sbp as its merge driver) and sbp import -f csv.

usage: test_team.py SBP SRCDIR GROUP
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

SBP, SRC, GROUP = os.path.abspath(sys.argv[1]), sys.argv[2], sys.argv[3]
BP = os.path.join(SRC, "blueprints")
EXAMPLES = sorted(os.path.join(BP, f) for f in os.listdir(BP) if f.endswith(".yaml"))
TMP = tempfile.mkdtemp(prefix="sbp-team-")
ENV = dict(os.environ, NO_COLOR="", TERM="dumb", LC_ALL="C.UTF-8")
WRAP = os.environ.get("SBP_WRAP", "").split()
failures = []


def run(*args, stdin=None, cwd=None):
    p = subprocess.run([*WRAP, SBP, *args], input=stdin, capture_output=True,
                       env=ENV, cwd=cwd, timeout=600 if WRAP else 60)
    if p.returncode == 99 and WRAP:
        failures.append("valgrind found errors in sbp %s" % " ".join(args))
    return p.returncode, p.stdout.decode(), p.stderr.decode()


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL:", what)


def write(name, text, mode="w", encoding="utf-8", newline=None):
    path = os.path.join(TMP, name)
    with open(path, mode, encoding=encoding, newline=newline) as f:
        f.write(text)
    return path


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


BASE = """sbp: 1
title: Repair
columns:
  - {id: call, name: Call}
  - {id: visit, name: Visit}
lanes:
  - {id: customer, name: Customer, zone: customer}
  - {id: hotline, name: Hotline, zone: onstage}
  - {id: tech, name: Technician, zone: onstage}
  - {id: back, name: Dispatch, zone: backstage}
standards:
  - {id: rings, name: Answer within 3 rings, kind: hard, measure: rings, target: 3 rings, goal: 90, actual: 85}
steps:
  - {id: report, lane: customer, column: call, text: Report the fault}
  - {id: answer, lane: hotline, column: call, text: Answer the call, standards: [rings]}
  - {id: book, lane: back, column: call, text: Book a technician}
  - {id: arrive, lane: tech, column: visit, text: Arrive at the home}
  - {id: fix, lane: tech, column: visit, text: Fix the line}
flows:
  - {from: report, to: answer}
  - {from: answer, to: book, label: ticket}
  - {from: book, to: arrive}
"""


def edit(text, *pairs):
    for a, b in pairs:
        assert a in text, a
        text = text.replace(a, b, 1)
    return text


def group_diff():
    a = write("a.yaml", BASE)
    rc, out, _ = run("diff", a, a)
    check(rc == 0, "diff of a file with itself exits 0 (got %d)" % rc)
    b = write("b.yaml", edit(BASE,
        ("{id: fix, lane: tech, column: visit, text: Fix the line}",
         "{id: fix, lane: back, column: visit, text: Fix the line remotely with the new diagnostic tool that takes a long time, standards: [rings]}"),
        ("  - {id: book, lane: back, column: call, text: Book a technician}\n", ""),
        ("  - {from: answer, to: book, label: ticket}\n  - {from: book, to: arrive}\n",
         "  - {from: answer, to: fix, label: ticket}\n"),
        ("goal: 90", "goal: 95")))
    rc, out, err = run("diff", a, b)
    check(rc == 1, "a different file exits 1 (got %d: %s)" % (rc, err))
    check("step fix moved from tech / visit to back / visit" in out, "the move is reported:\n" + out)
    check("step book removed: \"Book a technician\"" in out, "the removal quotes the text")
    check("standard rings: goal changed from 90 to 95" in out, "a field change shows old and new")
    check("flow answer → fix added" in out and "flow answer → book removed" in out,
          "flows are told apart by from and to")
    check("…\"" in out, "long step text is shortened with an ellipsis:\n" + out)
    check("coverage 33% → 50%, 1 fewer flagged" in out, "summary line:\n" + out)
    rc, out, _ = run("diff", "--format", "json", a, b)
    doc = json.loads(out)
    check(rc == 1 and doc["equal"] is False, "json says different")
    ops = {(c["op"], c["kind"], c["id"], c.get("field")) for c in doc["changes"]}
    check(("moved", "step", "fix", None) in ops, "json has the move")
    check(("changed", "step", "fix", "standards") in ops, "json has the standards change")
    check(doc["summary"]["after"]["flagged"] == 1 and doc["summary"]["before"]["flagged"] == 2, "json summary counts flagged")
    rc, out, _ = run("diff", "--format", "md", a, b)
    check(rc == 1 and out.startswith("### ") and "\n- step fix moved" in out, "md lists changes:\n" + out)
    rc, _, err = run("diff", a, os.path.join(TMP, "missing.yaml"))
    check(rc == 2 and "missing.yaml" in err, "an unreadable file exits 2")
    bad = write("bad.yaml", "sbp: 1\nsteps: [\n")
    rc, _, err = run("diff", a, bad)
    check(rc == 2 and "bad.yaml:" in err, "an invalid file exits 2 with its position")
    hostile = write("h.yaml", edit(BASE, ("text: Report the fault", 'text: "Report \\u202e the fault"')))
    rc, out, _ = run("diff", a, hostile)
    check(rc == 1 and "\u202e" not in out and "Report" in out, "text from files is escaped:\n" + out)
    for ex in EXAMPLES:
        rc, out, _ = run("diff", ex, ex)
        check(rc == 0, "diff %s with itself is equal" % ex)


def git(*args, cwd):
    p = subprocess.run(["git", *args], cwd=cwd, capture_output=True, env=dict(
        ENV, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.org",
        GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.org",
        GIT_CONFIG_NOSYSTEM="1", HOME=TMP))
    return p.returncode, p.stdout.decode(), p.stderr.decode()


def repo(name):
    d = os.path.join(TMP, name)
    os.makedirs(d)
    git("init", "-q", "-b", "main", cwd=d)
    with open(os.path.join(d, ".gitattributes"), "w") as f:
        f.write("*.yaml merge=sbp\n")
    git("config", "merge.sbp.name", "sbp blueprint merge", cwd=d)
    git("config", "merge.sbp.driver", "%s merge %%O %%A %%B" % SBP, cwd=d)
    with open(os.path.join(d, "bp.yaml"), "w") as f:
        f.write(BASE)
    git("add", ".", cwd=d)
    git("commit", "-qm", "base", cwd=d)
    return d


def branch_edit(d, name, text, start="main"):
    git("checkout", "-q", "-b", name, start, cwd=d)
    with open(os.path.join(d, "bp.yaml"), "w") as f:
        f.write(text)
    git("commit", "-qam", name, cwd=d)


def group_git():
    if not shutil.which("git"):
        check(False, "git is installed")
        return
    # Parallel edits to different steps, and to different fields of one
    # step, merge cleanly.
    d = repo("clean")
    branch_edit(d, "ana", edit(BASE,
        ("text: Answer the call, standards", "text: Answer the call by name, standards"),
        ("  - {id: fix, lane: tech, column: visit, text: Fix the line}\n",
         "  - {id: fix, lane: tech, column: visit, text: Fix the line}\n"
         "  - {id: test, lane: tech, column: visit, text: Test the line}\n")))
    branch_edit(d, "ben", edit(BASE,
        ("{id: answer, lane: hotline, column: call, text: Answer the call, standards: [rings]}",
         "{id: answer, lane: hotline, column: call, text: Answer the call, duration: 2, standards: [rings]}"),
        ("{id: fix, lane: tech, column: visit, text: Fix the line}",
         "{id: fix, lane: tech, column: visit, text: Fix the line, notes: bring spare modem}"),
        ("  - {id: arrive, lane: tech, column: visit, text: Arrive at the home}\n",
         "  - {id: arrive, lane: tech, column: visit, text: Arrive at the home}\n"
         "  - {id: greet, lane: tech, column: visit, text: Greet the customer}\n")),
        start="main")
    git("checkout", "-q", "ana", cwd=d)
    rc, out, err = git("merge", "-q", "--no-edit", "ben", cwd=d)
    check(rc == 0, "parallel edits merge cleanly through git: %s %s" % (out, err))
    text = read(os.path.join(d, "bp.yaml"))
    check("<<<<<<<" not in text and "x-conflicts" not in text, "no conflict markers:\n" + text)
    for want in ("text: Answer the call by name", "duration: 2", "notes: bring spare modem",
                 "id: test", "id: greet"):
        check(want in text, "the merge keeps %r" % want)
    check(text.index("id: greet") < text.index("id: fix") < text.index("id: test"),
          "THEIRS's new step follows its neighbour, OURS's order kept")
    rc, _, _ = run("check", os.path.join(d, "bp.yaml"))
    check(rc in (0, 1), "the merged file loads (check exits %d)" % rc)

    # The same field changed on both sides, and one side deleting a step
    # the other links to.
    d = repo("conflict")
    branch_edit(d, "ana", edit(BASE, ("text: Report the fault", "text: Report the fault online")))
    branch_edit(d, "ben", edit(BASE,
        ("text: Report the fault", "text: Phone in the fault"),
        ("  - {id: book, lane: back, column: call, text: Book a technician}\n", ""),
        ("  - {from: answer, to: book, label: ticket}\n  - {from: book, to: arrive}\n", "")),
        start="main")
    git("checkout", "-q", "ana", cwd=d)
    # OURS adds a flow to the step THEIRS deletes.
    with open(os.path.join(d, "bp.yaml"), "a") as f:
        f.write("  - {from: report, to: book}\n")
    git("commit", "-qam", "flow", cwd=d)
    rc, out, err = git("merge", "--no-edit", "ben", cwd=d)
    check(rc != 0 and "CONFLICT" in out + err, "a conflicting edit stops git's merge")
    text = read(os.path.join(d, "bp.yaml"))
    check("<<<<<<<" not in text, "the driver writes no conflict markers")
    check("x-conflicts:" in text and "Phone in the fault" in text and
          "Report the fault online" in text, "both values are kept in x-conflicts:\n" + text)
    check("from: report, to: book" not in text, "the flow to the deleted step is dropped")
    rc, out, _ = run("check", os.path.join(d, "bp.yaml"))
    check(rc == 1 and "[merge-conflict]" in out and "report" in out,
          "sbp check loads the merged file and names the conflict:\n" + out)

    # sbp merge directly: -o, exit codes, the stderr list.
    b = write("m-base.yaml", BASE)
    o = write("m-ours.yaml", edit(BASE, ("goal: 90", "goal: 92")))
    t = write("m-theirs.yaml", edit(BASE, ("goal: 90", "goal: 93"),
                                   ("  - {id: fix, lane: tech, column: visit, text: Fix the line}\n",
                                    "  - {id: fix, lane: tech, column: visit, text: Fix the line}\n"
                                    "  - {id: new, lane: tech, column: visit, text: One}\n")))
    o2 = write("m-ours2.yaml", edit(read(o), ("  - {id: fix, lane: tech, column: visit, text: Fix the line}\n",
                                              "  - {id: fix, lane: tech, column: visit, text: Fix the line}\n"
                                              "  - {id: new, lane: tech, column: visit, text: Two}\n")))
    out_path = os.path.join(TMP, "m-out.yaml")
    rc, _, err = run("merge", b, o2, t, "-o", out_path)
    check(rc == 1, "conflicts exit 1 (got %d)" % rc)
    check("greet" not in err and "standard rings, field goal" in err and "step new, field text" in err,
          "each conflict is listed on stderr:\n" + err)
    text = read(out_path)
    check("goal: 92" in text and "text: Two" in text, "OURS's values are kept")
    check(read(o2) == edit(read(o), ("  - {id: fix, lane: tech, column: visit, text: Fix the line}\n",
                                      "  - {id: fix, lane: tech, column: visit, text: Fix the line}\n"
                                      "  - {id: new, lane: tech, column: visit, text: Two}\n")),
          "-o leaves OURS alone")
    rc, _, _ = run("merge", b, b, b, "-o", out_path)
    check(rc == 0, "an unchanged merge exits 0")
    rc, _, _ = run("merge", b, o, os.path.join(TMP, "nope.yaml"))
    check(rc == 2, "a missing file exits 2")


def main():
    {"diff": group_diff, "git": group_git}[GROUP]()
    shutil.rmtree(TMP, ignore_errors=True)
    if failures:
        print("%d failure(s)" % len(failures))
        sys.exit(1)
    print("ok")


if __name__ == "__main__":
    main()
