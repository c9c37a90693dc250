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

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gen_full import gen_full  # noqa: E402

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

    # sbp diff as git's difftool, and sbp fmt as its textconv filter.
    d = repo("difftool")
    with open(os.path.join(d, ".gitattributes"), "a") as f:
        f.write("*.yaml diff=sbp\n")
    git("config", "diff.sbp.textconv", "%s fmt - <" % SBP, cwd=d)
    git("config", "difftool.sbp.cmd", '%s diff "$LOCAL" "$REMOTE"' % SBP, cwd=d)
    with open(os.path.join(d, "bp.yaml"), "w") as f:
        f.write(edit(BASE, ("goal: 90", "goal: 91")).replace("{id: call, name: Call}", "{name: Call, id: call}"))
    rc, out, err = git("difftool", "-y", "-t", "sbp", "--", "bp.yaml", cwd=d)
    check("standard rings: goal changed from 90 to 91" in out, "git difftool runs sbp diff: %s %s" % (out, err))
    rc, out, err = git("diff", cwd=d)
    check("+    goal: 91" in out or "goal: 91" in out, "git diff shows the change through textconv: " + out + err)
    check("name: Call, id: call" not in out, "textconv hides key order noise:\n" + out)

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
    empty = write("m-empty.yaml", "")
    rc, _, err = run("merge", empty, o, t, "-o", out_path)
    check(rc == 1 and "x-conflicts" in read(out_path), "an empty BASE (added on both sides) merges with conflicts: " + err)
    rc, _, _ = run("merge", b, o, os.path.join(TMP, "nope.yaml"))
    check(rc == 2, "a missing file exits 2")


def as_json(path):
    rc, out, err = run("export", "-f", "json", "-o", "-", path)
    check(rc == 0, "json export of %s: %s" % (path, err))
    return json.loads(out) if rc == 0 else {}


def strip(doc):
    """doc without the blueprint's own keys, and its lanes by id."""
    doc = {k: v for k, v in doc.items() if k not in ("title", "description", "lang", "ignore", "measurements")
           and not k.startswith("x-")}
    doc["lanes"] = sorted(doc.get("lanes", []), key=lambda l: l["id"])
    return doc


WORDS = ["greet", "the", "guest", "check", "bags", "queue", "pay", "app", "sms", "desk",
         "Ärger", "café", "办理", "入住", "=SUM(A1)", "+1", "-dash", "@at", "say \"hi\"",
         "a, b", "x; y", "tab\there", "line\nbreak", "  lead", "trail  "]


def gen_blueprint(seed):
    """A random blueprint whose steps first use lanes and columns in file
    order (so that the CSV tables carry their order)."""
    import random
    rnd = random.Random(seed)
    zones = ["evidence", "customer", "onstage", "backstage", "support"]
    lanes = []
    for z in zones:
        for k in range(rnd.randint(1, 2)):
            lanes.append({"id": "%s%d" % (z[:3], k), "name": rnd.choice(WORDS) + " lane", "zone": z})
    cols = [{"id": "c%d" % i, "name": rnd.choice(WORDS)} for i in range(rnd.randint(1, 5))]
    for c in cols:
        if rnd.random() < 0.6:
            c["phase"] = rnd.choice(["Before", "During", "阶段"])
    stds = []
    for i in range(rnd.randint(0, 4)):
        s = {"id": "s%d" % i, "name": " ".join(rnd.sample(WORDS, 3)), "kind": rnd.choice(["hard", "soft"])}
        for key in ("measure", "target", "feedback"):
            if rnd.random() < 0.5:
                s[key] = rnd.choice(WORDS)
        if rnd.random() < 0.5:
            s["dimension"] = rnd.choice(["tangibles", "reliability", "empathy"])
        for key in ("weight", "goal", "actual"):
            if rnd.random() < 0.5:
                s[key] = rnd.choice([1, 2.5, 90, 0.125])
        if rnd.random() < 0.3:
            s["better"] = rnd.choice(["higher", "lower"])
        stds.append(s)
    steps = []
    n = 0
    for c in cols:
        for l in lanes:
            if c is not cols[0] and rnd.random() < 0.5:
                continue
            n += 1
            st = {"id": "st%d" % n, "lane": l["id"], "column": c["id"],
                  "text": " ".join(rnd.sample(WORDS, rnd.randint(1, 4)))}
            if rnd.random() < 0.3:
                st["notes"] = rnd.choice(WORDS)
            if rnd.random() < 0.2:
                st["encounter"] = l["zone"] != "onstage"
            if rnd.random() < 0.3:
                st["duration"] = rnd.choice([1, 2.5, 10])
            if stds and rnd.random() < 0.5:
                st["standards"] = [s["id"] for s in rnd.sample(stds, rnd.randint(1, len(stds)))]
            if rnd.random() < 0.3:
                w = {"text": rnd.choice(WORDS)}
                if rnd.random() < 0.5:
                    w["expected"], w["tolerable"] = 3, 8
                st["wait"] = w
            if rnd.random() < 0.3:
                f = {"text": rnd.choice(WORDS)}
                if rnd.random() < 0.5:
                    f["severity"] = rnd.randint(1, 5)
                if rnd.random() < 0.5:
                    f["recovery"] = rnd.choice(WORDS)
                st["fail"] = f
            steps.append(st)
    flows = []
    for i in range(rnd.randint(0, len(steps))):
        a, b = rnd.choice(steps), rnd.choice(steps)
        f = {"from": a["id"], "to": b["id"]}
        if rnd.random() < 0.4:
            f["label"] = rnd.choice(WORDS)
        flows.append(f)
    doc = {"sbp": 1, "columns": cols, "lanes": lanes, "steps": steps}
    if stds:
        doc["standards"] = stds
    if flows:
        doc["flows"] = flows
    return json.dumps(doc, ensure_ascii=False)


def mutate(doc, rnd):
    """A random edit of a generated blueprint that keeps it valid: texts,
    moves, new steps, deleted steps, lanes and standards, new flows."""
    d = json.loads(json.dumps(doc))
    for _ in range(rnd.randint(1, 6)):
        r = rnd.random()
        if r < 0.25 and d["steps"]:
            rnd.choice(d["steps"])["text"] = rnd.choice(["A", "B", "C"])
        elif r < 0.4 and len(d["steps"]) > 1:
            s = d["steps"].pop(rnd.randrange(len(d["steps"])))
            d["flows"] = [f for f in d.get("flows", []) if s["id"] not in (f["from"], f["to"])]
        elif r < 0.55:
            ids = {s["id"] for s in d["steps"]}
            new = "n%d" % rnd.randint(0, 3)
            if new not in ids:
                d["steps"].insert(rnd.randrange(len(d["steps"]) + 1),
                                  {"id": new, "lane": rnd.choice(d["lanes"])["id"],
                                   "column": rnd.choice(d["columns"])["id"], "text": rnd.choice(["X", "Y"])})
        elif r < 0.7 and d["steps"]:
            rnd.choice(d["steps"])["lane"] = rnd.choice(d["lanes"])["id"]
        elif r < 0.8 and len(d["lanes"]) > 1:
            lane = d["lanes"].pop(rnd.randrange(len(d["lanes"])))["id"]
            gone = {s["id"] for s in d["steps"] if s["lane"] == lane}
            d["steps"] = [s for s in d["steps"] if s["lane"] != lane]
            d["flows"] = [f for f in d.get("flows", []) if f["from"] not in gone and f["to"] not in gone]
        elif r < 0.9 and d.get("standards"):
            sid = d["standards"].pop(0)["id"]
            for s in d["steps"]:
                if sid in s.get("standards", []):
                    s["standards"].remove(sid)
                    if not s["standards"]:
                        del s["standards"]
        elif len(d["steps"]) > 1:
            a, b = rnd.sample(d["steps"], 2)
            d.setdefault("flows", []).append({"from": a["id"], "to": b["id"]})
    for key in ("flows", "standards"):
        if not d.get(key):
            d.pop(key, None)
    return d


def group_merge_random():
    """Random edits on both sides: the merge exits 0 or 1 and its result
    always loads; a merge of a side with the base is that side."""
    import random
    for seed in range(60):
        rnd = random.Random(seed)
        base = json.loads(gen_blueprint(seed))
        o, t = mutate(base, rnd), mutate(base, rnd)
        b = write("r-base.yaml", json.dumps(base, ensure_ascii=False))
        op = write("r-ours.yaml", json.dumps(o, ensure_ascii=False))
        tp = write("r-theirs.yaml", json.dumps(t, ensure_ascii=False))
        out = os.path.join(TMP, "r-out.yaml")
        rc, _, err = run("merge", b, op, tp, "-o", out)
        check(rc in (0, 1), "seed %d: merge exits 0 or 1 (%d: %s)" % (seed, rc, err))
        rc, _, err = run("check", out)
        check(rc in (0, 1), "seed %d: the merged file loads: %s" % (seed, err))
        rc, _, err = run("merge", b, b, tp, "-o", out)
        check(rc == 0, "seed %d: only THEIRS changed merges cleanly: %s" % (seed, err))
        rc, out_diff, _ = run("diff", tp, out)
        check(rc == 0, "seed %d: and gives THEIRS:\n%s" % (seed, out_diff))


def export_csv(src, out, *what):
    rc, _, err = run("export", "-f", "csv", *what, "-o", out, src)
    check(rc == 0, "export -f csv %s %s: %s" % (" ".join(what), src, err))
    return out


def round_trip(src, name, *tables):
    """Import tables; True when the json export equals src's, byte for byte."""
    out = os.path.join(TMP, name + ".imported.yaml")
    rc, _, err = run("import", "-f", "csv", "--force", "-o", out, *tables)
    check(rc == 0, "import of %s: %s" % (name, err))
    if rc != 0:
        return False
    a = run("export", "-f", "json", "-o", "-", src)[1]
    b = run("export", "-f", "json", "-o", "-", out)[1]
    check(a == b, "%s: json export byte-equal after the CSV round trip\n%s\n%s" % (name, a, b))
    return a == b


def spreadsheet_save(path, out):
    """The CSV as a spreadsheet saves it: every row padded to the widest,
    blank lines as rows of empty cells, LF line ends, no BOM."""
    import csv
    with open(path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    width = max(len(r) for r in rows)
    with open(out, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        for r in rows:
            w.writerow(r + [""] * (width - len(r)))
    return out


def group_import():
    # Exact round trip of the whole export, one file: every example and
    # generated blueprints that use every field.
    exact = 0
    for ex in EXAMPLES:
        stem = os.path.basename(ex)[:-5]
        exact += round_trip(ex, stem, export_csv(ex, os.path.join(TMP, stem + ".csv")))
        # Every table as its own file (--what), and those with the whole
        # export (a table given twice is read once).
        whats = ("steps", "standards", "flows", "lanes", "columns", "measurements", "blueprint")
        files = [export_csv(ex, os.path.join(TMP, "%s.%s.csv" % (stem, w)), "--what", w) for w in whats]
        round_trip(ex, stem + "-what", *files)
        round_trip(ex, stem + "-twice", os.path.join(TMP, stem + ".csv"), *files[1:3])
    zh = os.path.join(BP, "telecom-repair-zh.yaml")
    with open(export_csv(zh, os.path.join(TMP, "zh.csv")), encoding="utf-8-sig") as f:
        check(f.readline().startswith("编号,泳道,"), "a lang: zh blueprint's CSV has Chinese headers")
    generated = 0
    for seed in range(120):
        src = write("full%d.yaml" % seed, json.dumps(gen_full(seed), ensure_ascii=False))
        rc, _, err = run("export", "-f", "json", "-o", "-", src)
        check(rc == 0, "generated blueprint %d loads: %s" % (seed, err))
        if rc != 0:
            continue
        csv_path = export_csv(src, os.path.join(TMP, "full%d.csv" % seed))
        generated += round_trip(src, "full%d" % seed, csv_path)
        if seed % 10 == 0:
            round_trip(src, "full%d-saved" % seed,
                       spreadsheet_save(csv_path, os.path.join(TMP, "full%d-saved.csv" % seed)))
    for seed in range(40):
        src = write("gen%d.yaml" % seed, gen_blueprint(seed))
        generated += round_trip(src, "gen%d" % seed, export_csv(src, os.path.join(TMP, "gen%d.csv" % seed)))
    print("exact round trip: %d examples, %d generated blueprints" % (exact, generated))
    # Formula starts are guarded, and the guard comes off again.
    guarded = os.path.join(TMP, "full0.csv")
    with open(guarded, encoding="utf-8-sig") as f:
        text = f.read()
    check(not any(line.startswith(("=", "+", "-", "@")) or ",=" in line or ",+" in line or ",@" in line
                  for line in text.split("\r\n")), "no cell starts a formula")

    # The steps table alone: the standards it names come back as stubs.
    hotel = os.path.join(BP, "hotel.yaml")
    steps_only = export_csv(hotel, os.path.join(TMP, "hotel-one.csv"), "--what", "steps")
    out = os.path.join(TMP, "one.yaml")
    rc, _, err = run("import", "-f", "csv", "-o", out, steps_only)
    check(rc == 0, "one steps table imports: " + err)
    check(strip(as_json(out))["steps"] == strip(as_json(hotel))["steps"],
          "the steps come back from the steps table alone")

    # A workshop grid as Excel (semicolons, BOM, CRLF) and LibreOffice
    # (commas, LF) save it; both give the same blueprint.
    rows = [["", "", "Arrival", "", "Stay"],
            ["Lane", "Zone", "Arrive", "Check in", "Room"],
            ["Guest", "customer", "Arrive with bags\nF: No parking", "Queue (W)", "Sleep"],
            ["Front desk", "", "Greet; smile", "Check the guest in", ""],
            ["热线", "前台接触员工行为", "问候", "办理入住\n确认房型", ""],
            ["Housekeeping", "backstage", "", "", "Clean \"deep\" room"],
            ["Systems", "support processes", "", "PMS lookup", ""]]
    rows[3][1] = "onstage"

    def cell(c, sep, eol):
        c = c.replace("\n", eol)
        if any(ch in c for ch in (sep, '"', "\r", "\n")):
            return '"' + c.replace('"', '""') + '"'
        return c
    excel = write("ws-excel.csv", "\ufeff" + "".join(";".join(cell(c, ";", "\r\n") for c in r) + "\r\n" for r in rows), newline="")
    lo = write("ws-lo.csv", "".join(",".join(cell(c, ",", "\n") for c in r) + "\n" for r in rows), newline="")
    outs = []
    for src in (excel, lo):
        out = src[:-4] + ".yaml"
        rc, _, err = run("import", "-f", "csv", src)
        check(rc == 0 and os.path.exists(out), "the grid %s imports next to itself: %s" % (src, err))
        outs.append(out)
    a, b = as_json(outs[0]), as_json(outs[1])
    del a["title"], b["title"]
    check(a == b, "Excel and LibreOffice saves import alike")
    check([c["id"] for c in a["columns"]] == ["arrive", "check-in", "room"], "column ids from names")
    check([c.get("phase") for c in a["columns"]] == ["Arrival", "Arrival", "Stay"], "blank phase cells repeat the phase to the left")
    check([(l["id"], l["zone"]) for l in a["lanes"]] ==
          [("guest", "customer"), ("front-desk", "onstage"), ("onstage", "onstage"),
           ("housekeeping", "backstage"), ("systems", "support")], "lanes and zones: %s" % a["lanes"])
    steps = {s["id"]: s for s in a["steps"]}
    check(set(steps) == {"arrive-with-bags", "no-parking", "queue", "sleep", "greet-smile",
                         "check-the-guest-in", "onstage-1", "onstage-2", "onstage-3",
                         "clean-deep-room", "pms-lookup"}, "step ids: %s" % sorted(steps))
    check("fail" in steps.get("no-parking", {}) and "wait" in steps.get("queue", {}), "markers make fail and wait points")
    check(steps.get("queue", {}).get("text") == "Queue" and steps.get("clean-deep-room", {}).get("text") == 'Clean "deep" room',
          "marker removed, quotes kept")
    check(steps.get("onstage-2", {}).get("text") == "办理入住" and steps["onstage-2"]["column"] == "check-in",
          "one step per line, lane-based ids for Chinese text")
    rc, _, err = run("import", "-f", "csv", excel)
    check(rc == 2 and "--force" in err, "an existing file is not replaced without --force")
    rc, _, err = run("import", "-f", "csv", "--force", excel)
    check(rc == 0, "--force replaces it")

    # A grid whose column names are also CSV header names is still a grid.
    zgrid = write("zgrid.csv", "泳道,区域,起点,终点,到达\n顾客,customer,走进,离开,坐下\n")
    rc, _, err = run("import", "-f", "csv", zgrid)
    check(rc == 0 and [c["name"] for c in as_json(zgrid[:-4] + ".yaml")["columns"]] == ["起点", "终点", "到达"],
          "a grid with columns named from and to (in Chinese) is a grid: " + err)

    # Bad input: row and column, and no file written.
    nozone = write("nozone.csv", "Lane,A,B\nGuest,x,y\nHotline,z,\n")
    rc, _, err = run("import", "-f", "csv", nozone)
    check(rc == 2 and "nozone.csv:2:1:" in err and "Guest" in err and "zone" in err,
          "a lane without a zone is named: " + err)
    check(not os.path.exists(nozone[:-4] + ".yaml"), "no file written on error")
    badq = write("badq.csv", 'Lane,Zone,A\ncustomer,customer,"open\nonstage,onstage,x\n')
    rc, _, err = run("import", "-f", "csv", badq)
    check(rc == 2 and "badq.csv:2:" in err, "an unclosed quote gives its place: " + err)
    badn = write("badn.csv", "id,lane,zone,column,text,duration\na,cu,customer,c,x,soon\n")
    rc, _, err = run("import", "-f", "csv", badn)
    check(rc == 2 and "badn.csv:2:6:" in err and "soon" in err, "a bad number gives row and column: " + err)
    badu = write("badu.csv", b"Lane,A\ncustomer,\xff\n", mode="wb", encoding=None)
    rc, _, err = run("import", "-f", "csv", badu)
    check(rc == 2 and "UTF-8" in err, "text that is not UTF-8 is refused: " + err)
    rc, _, err = run("import", "-f", "xlsx", badu)
    check(rc == 2, "an unknown format is refused")


def main():
    {"diff": group_diff, "git": group_git, "import": group_import,
     "merge-random": group_merge_random}[GROUP]()
    shutil.rmtree(TMP, ignore_errors=True)
    if failures:
        print("%d failure(s)" % len(failures))
        sys.exit(1)
    print("ok")


if __name__ == "__main__":
    main()
