#!/usr/bin/env python3
"""Command-line tests that run the real sbp binary: exit codes, the text
and JSON formats of check, fmt, new, round trips, hostile text.

usage: test_cli.py SBP SRCDIR GROUP
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

SBP, SRC, GROUP = sys.argv[1], sys.argv[2], sys.argv[3]
BP = os.path.join(SRC, "blueprints")
EXAMPLES = sorted(os.path.join(BP, f) for f in os.listdir(BP) if f.endswith(".yaml"))
VALID = sorted(os.path.join(SRC, "tests/cli/valid", f)
               for f in os.listdir(os.path.join(SRC, "tests/cli/valid")))
TMP = tempfile.mkdtemp(prefix="sbp-cli-")
failures = []
ENV = dict(os.environ, NO_COLOR="", TERM="xterm")


# SBP_WRAP runs sbp under a tool (meson test --setup=valgrind sets it to
# valgrind); an error it finds makes the exit status 99.
WRAP = os.environ.get("SBP_WRAP", "").split()


def run(*args, stdin=None, env=None):
    p = subprocess.run([*WRAP, SBP, *args], input=stdin, capture_output=True,
                       env=env or ENV, timeout=600 if WRAP else 60)
    if p.returncode == 99 and WRAP:
        failures.append("valgrind found errors in sbp %s" % " ".join(args))
        print(p.stderr.decode(errors="replace")[-3000:])
    return p.returncode, p.stdout, p.stderr


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL:", what)


def copy(src, name=None):
    dst = os.path.join(TMP, name or os.path.basename(src))
    shutil.copyfile(src, dst)
    return dst


def write(name, text):
    path = os.path.join(TMP, name)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return path


def read(path):
    with open(path, "rb") as f:
        return f.read()


CLEAN = """sbp: 1
title: Clean
columns:
  - {id: c, name: C}
standards:
  - {id: s, name: Answer in 3 rings, kind: hard, measure: rings, target: 3 rings}
steps:
  - {id: a, lane: onstage, column: c, text: Answer, standards: [s]}
"""


def group_version():
    rc, out, _ = run("--version")
    check(rc == 0 and re.match(rb"^sbp \d+\.\d+\.\d+", out), "--version prints a version")
    rc, out, _ = run("--help")
    for word in (b"check", b"export", b"fmt", b"new"):
        check(rc == 0 and word in out, "--help mentions " + word.decode())
    rc, _, err = run("check", "--bogus", "x")
    check(rc == 2 and b"unknown option" in err, "unknown option exits 2")
    rc, _, err = run("check")
    check(rc == 2, "check without files exits 2")


def group_check():
    clean = write("clean.yaml", CLEAN)
    rc, out, _ = run("check", clean)
    check(rc == 0, "a clean file exits 0 (got %d: %r)" % (rc, out))
    check(out.decode().strip().endswith("encounter coverage 100.0%"), "summary line ends with coverage")
    check(re.search(r": 1 steps, 1 encounter steps, 0 unstandardized, 0 fail points, 0 wait points, 1 standards, encounter coverage 100.0%",
                    out.decode()) is not None, "summary line counts")
    rc, out, _ = run("check", EXAMPLES[0])
    check(rc == 1, "warnings only exit 1")
    line_re = re.compile(r"^(.+):(\d+):(\d+): (error|warning): (.+) \[([a-z-]+)\]$")
    lines = out.decode().splitlines()
    diags = [l for l in lines[:-1]]
    check(len(diags) > 0 and all(line_re.match(l) for l in diags), "every finding is FILE:LINE:COL: severity: message [rule]")
    check(lines[-1].startswith(EXAMPLES[0] + ": ") and "steps" in lines[-1], "last line is the summary")
    bad = os.path.join(SRC, "tests/data/unknown-reference--lane.yaml")
    rc, out, _ = run("check", bad)
    check(rc == 2 and b"[unknown-reference]" in out, "invalid file exits 2 with its rule")
    rc, out, _ = run("check", clean, bad, EXAMPLES[0])
    check(rc == 2, "worst status wins over several files")
    rc, out, _ = run("check", os.path.join(TMP, "missing.yaml"))
    check(rc == 2 and b"cannot read" in out, "a missing file exits 2 and says so")
    rc, out, _ = run("check", "-", stdin=CLEAN.encode())
    check(rc == 0 and b"<stdin>" in out, "check - reads stdin")
    # ignore silences warnings
    text = read(EXAMPLES[0]).decode().replace("sbp: 1\n", "sbp: 1\nignore: [unstandardized-encounter, below-goal, fail-point-no-recovery, wait-point-no-tolerance, unused-standard, bypassed-interaction, hard-standard-unmeasured, soft-standard-no-feedback, unknown-key]\n", 1)
    rc, out, _ = run("check", write("ignored.yaml", text))
    check(rc == 0, "ignore: silences every warning (got %d %r)" % (rc, out[:300]))
    # colour only on a terminal: never in a pipe
    rc, out, _ = run("check", EXAMPLES[0])
    check(b"\x1b" not in out, "no escape sequences when not a terminal")


def group_json():
    bad = os.path.join(SRC, "tests/data/duplicate-id--step.yaml")
    rc, out, _ = run("check", "--format", "json", EXAMPLES[0], bad)
    check(rc == 2, "json: exit status as in text mode")
    doc = json.loads(out)
    check(list(doc.keys()) == ["files"] and len(doc["files"]) == 2, "json: one object with files")
    f0, f1 = doc["files"]
    check(set(f0.keys()) == {"file", "diagnostics", "summary"}, "json: file keys")
    check(set(f0["summary"].keys()) == {"steps", "encounters", "unstandardized", "fail_points",
                                        "wait_points", "standards", "coverage", "sqi"},
          "json: summary keys")
    for d in f0["diagnostics"] + f1["diagnostics"]:
        check(set(d.keys()) == {"line", "column", "severity", "rule", "message", "step"}, "json: diagnostic keys")
        check(d["severity"] in ("error", "warning"), "json: severity")
        check(isinstance(d["line"], int) and isinstance(d["column"], int), "json: positions are integers")
        check(d["step"] is None or isinstance(d["step"], str), "json: step is an id or null")
    unstd = [d for d in f0["diagnostics"] if d["rule"] == "unstandardized-encounter"]
    check(all(d["step"] for d in unstd), "json: unstandardized findings name the step")
    check(len(unstd) == f0["summary"]["unstandardized"], "json: one finding per unstandardized step")
    check(f1["summary"] is None and f1["diagnostics"][0]["rule"] == "duplicate-id", "json: invalid file has null summary")
    rc, out, _ = run("check", "--format", "json", "-", stdin=CLEAN.encode())
    doc = json.loads(out)
    check(rc == 0 and doc["files"][0]["summary"]["coverage"] == 100, "json: clean stdin")


def group_fmt():
    messy = write("messy.yaml", "sbp: 1\ntitle:   Messy\nsteps:\n- id: a\n  lane: customer\n  column: c\ncolumns: [{id: c, name: C}]\n")
    before = read(messy)
    rc, out, _ = run("fmt", "--check", messy)
    check(rc == 1 and b"not in canonical form" in out, "fmt --check reports a messy file")
    check(read(messy) == before, "fmt --check leaves the file alone")
    rc, _, _ = run("fmt", messy)
    check(rc == 0, "fmt rewrites")
    after = read(messy)
    check(after.startswith(b"sbp: 1\ntitle: Messy\ncolumns:\n"), "fmt writes keys in canonical order")
    rc, _, _ = run("fmt", "--check", messy)
    check(rc == 0, "fmt --check passes after fmt")
    mode_file = write("mode.yaml", before.decode())
    os.chmod(mode_file, 0o640)
    run("fmt", mode_file)
    check(os.stat(mode_file).st_mode & 0o777 == 0o640, "fmt keeps the permission bits")
    bad = copy(os.path.join(SRC, "tests/data/syntax--tab-indent.yaml"))
    before = read(bad)
    rc, _, err = run("fmt", bad)
    check(rc == 2 and b"[syntax]" in err and read(bad) == before, "fmt refuses an invalid file and leaves it alone")
    rc, out, _ = run("fmt", "-", stdin=before.replace(b"\t", b"  ") if False else read(messy))
    check(rc == 0 and out == read(messy), "fmt - writes canonical text to stdout")
    leftovers = [f for f in os.listdir(TMP) if "sbp-tmp" in f]
    check(not leftovers, "no temporary files left behind")


def group_new():
    rc, out, _ = run("new", "--list")
    names = [l.split()[0] for l in out.decode().splitlines() if l.strip()]
    check(rc == 0 and len(names) >= 6 and "hotel" in names, "new --list lists the templates")
    for name in names:
        path = os.path.join(TMP, "from-%s.yaml" % name)
        rc, _, err = run("new", "-t", name, path)
        check(rc == 0 and os.path.exists(path), "new -t %s creates a file (%r)" % (name, err))
        rc, _, _ = run("check", path)
        check(rc in (0, 1), "template %s checks without errors" % name)
        rc, _, _ = run("fmt", "--check", path)
        check(rc == 0, "template %s is canonical" % name)
    path = os.path.join(TMP, "empty.yaml")
    rc, _, _ = run("new", path)
    check(rc == 0, "new without a template")
    text = read(path).decode()
    check("title: empty" in text and "zone: support" in text, "an empty blueprint has a title and the default lanes")
    before = read(path)
    rc, _, err = run("new", "-t", "hotel", path)
    check(rc == 2 and b"already exists" in err and read(path) == before, "new never overwrites")
    rc, _, err = run("new", "-t", "nope", os.path.join(TMP, "nope.yaml"))
    check(rc == 2 and b"no template" in err, "an unknown template exits 2")


def group_roundtrip():
    """After one fmt, load then save gives the same bytes, for every
    example and every valid test file."""
    extra = []
    hostile = os.path.join(SRC, "tests/export/hostile.yaml")
    if os.path.exists(hostile):
        extra.append(hostile)
    for src in EXAMPLES + VALID + extra:
        path = copy(src, "rt-" + os.path.basename(src))
        rc, _, err = run("fmt", path)
        check(rc == 0, "fmt %s (%r)" % (os.path.basename(src), err[:200]))
        once = read(path)
        rc, _, _ = run("fmt", path)
        check(read(path) == once, "fmt is stable on %s" % os.path.basename(src))
        rc, out, _ = run("fmt", "-", stdin=once)
        check(out == once, "load and save give the same bytes for %s" % os.path.basename(src))
        rc, _, _ = run("fmt", "--check", path)
        check(rc == 0, "fmt --check passes on %s" % os.path.basename(src))
    for src in EXAMPLES:
        rc, _, _ = run("fmt", "--check", src)
        check(rc == 0, "example %s is committed in canonical form" % os.path.basename(src))
    # meaning survives: the quoting file keeps its strings
    path = copy(os.path.join(SRC, "tests/cli/valid/quoting.yaml"), "q.yaml")
    run("fmt", path)
    text = read(path).decode()
    for s in ("'yes'", "'12:30'", "'0755'", "'null'", "'-dash'", "'~'", "'on'", "'1e3'", "'@home'"):
        check(s in text, "fmt keeps %s quoted" % s)
    path = copy(os.path.join(SRC, "tests/cli/valid/extras.yaml"), "x.yaml")
    run("fmt", path)
    text = read(path).decode()
    for s in ("x-owner:", "x-version: 0755", "future: true", "x-cost: 1e3", "x-seen: yes", "x-persona:"):
        check(s in text, "fmt keeps the unknown key %s" % s)


def group_hostile():
    """Text from a file never reaches the terminal raw: check output has no
    control characters and no bidi or invisible characters."""
    path = os.path.join(SRC, "tests/cli/valid/hostile-text.yaml")
    for args in (["check", path], ["check", "--format", "json", path]):
        rc, out, _ = run(*args)
        check(rc in (0, 1), "hostile file loads (%s)" % args[1])
        bad = [b for b in out if b < 0x20 and b != 0x0A]
        check(not bad, "no control bytes in %s output" % args[1])
        txt = out.decode("utf-8")
        for ch in ("\u202e", "\u202c", "\u200b", "\u2066", "\u2069", "\u2028", "\ufeff"):
            check(ch not in txt, "no U+%04X in %s output" % (ord(ch), args[1]))
    rc, out, _ = run("check", os.path.join(SRC, "tests/cli/valid/hostile-text.yaml"))
    check(b"\\u{202E}" in out, "bidi override shown as a visible escape")
    # file names are sanitized too
    odd = os.path.join(TMP, "we\u202eird.yaml")
    shutil.copyfile(path, odd)
    rc, out, _ = run("check", odd)
    check("\u202e" not in out.decode("utf-8"), "file names are sanitized")


def full_run(*args, stdin=None):
    """run() with stdout going to /dev/full: (status, stderr)."""
    with open("/dev/full", "wb") as full:
        p = subprocess.run([*WRAP, SBP, *args], input=stdin, stdout=full,
                           stderr=subprocess.PIPE, env=ENV, timeout=600 if WRAP else 60)
    return p.returncode, p.stderr


def group_io():
    """Issue 10, input and output: BOM files, stdout write errors, capped
    diagnostics, --max-size, fmt refusing check's errors, messages."""
    # 11. The examples saved by a Windows editor (BOM, with and without
    # CRLF) load with the same findings at the same positions, and fmt
    # writes them back without the BOM.
    for src in EXAMPLES:
        base = os.path.basename(src)
        plain = read(src)
        rc0, out0, _ = run("check", src)
        want = out0.decode().replace(src, "F")
        for kind, data in (("bom", b"\xef\xbb\xbf" + plain),
                           ("bom-crlf", b"\xef\xbb\xbf" + plain.replace(b"\n", b"\r\n"))):
            path = os.path.join(TMP, kind + "-" + base)
            with open(path, "wb") as f:
                f.write(data)
            rc, out, err = run("check", path)
            check(rc == rc0 and out.decode().replace(path, "F") == want,
                  "%s %s: check as without (%d %r)" % (kind, base, rc, (out + err)[:200]))
            rc, out, _ = run("check", "-", stdin=data)
            check(rc == rc0 and out.decode().replace("<stdin>", "F") == want,
                  "%s %s: check - as without" % (kind, base))
            rc, out, _ = run("fmt", "-", stdin=data)
            check(rc == 0 and out == plain, "%s %s: fmt - writes it without the BOM" % (kind, base))
            rc, _, err = run("fmt", path)
            check(rc == 0 and read(path) == plain, "%s %s: fmt rewrites it without the BOM (%r)" % (kind, base, err[:200]))
    bom = write("bom-bad.yaml", "\ufeffsbp: 7\n")
    rc, out, _ = run("check", bom)
    check(rc == 2 and (bom + ":1:6:").encode() in out, "BOM: line 1 columns count from after it (%r)" % out)
    bom = write("bom-bad2.yaml", "\ufeffsbp: 1\r\ntitle: [x\r\n")
    rc, out, _ = run("check", bom)
    check(rc == 2 and (bom + ":3:1:").encode() in out, "BOM+CRLF: syntax error position (%r)" % out)

    # 12. Standard output that cannot be written is an error, for every command.
    for args, stdin in ((["fmt", "-"], CLEAN.encode()), (["new", "-"], None),
                        (["new", "-t", "hotel", "-"], None),
                        (["check", "--format", "json", EXAMPLES[0]], None),
                        (["check", EXAMPLES[0]], None), (["new", "--list"], None),
                        (["--help"], None), (["--version"], None),
                        (["export", "-f", "json", "-o", "-", EXAMPLES[0]], None)):
        rc, err = full_run(*args, stdin=stdin)
        check(rc == 2 and b"cannot write to standard output" in err,
              "sbp %s > /dev/full exits 2 and says so (%d %r)" % (" ".join(args), rc, err[-200:]))

    # 13. Diagnostics are capped at 200 per file, then "and N more", counted.
    flows = "".join("  - {from: m%d, to: n%d}\n" % (i, i) for i in range(1000))
    many = write("many-flows.yaml", CLEAN + "flows:\n" + flows)
    rc, out, _ = run("check", many)
    lines = out.decode().splitlines()
    check(rc == 2 and len(lines) == 201 and lines[-1] == many + ": and 1800 more diagnostics not shown",
          "check: 200 diagnostics and the count of the rest (%d lines, %r)" % (len(lines), lines[-1:]))
    for args in (["fmt", many], ["export", "-f", "json", "-o", os.path.join(TMP, "m.json"), many]):
        rc, _, err = run(*args)
        lines = err.decode().splitlines()
        check(rc == 2 and len(lines) == 201 and lines[-1].endswith(": and 1800 more diagnostics not shown"),
              "%s: capped like check (%d lines)" % (args[0], len(lines)))
    rc, out, _ = run("check", "--format", "json", many)
    f0 = json.loads(out)["files"][0]
    check(len(f0["diagnostics"]) == 200 and f0.get("more") == 1800, "json: 200 kept, 'more' counts the rest")
    steps = "".join("  - {id: s%d, lane: onstage, column: c, text: T}\n" % i for i in range(450))
    warn = write("many-warnings.yaml", "sbp: 1\ncolumns:\n  - {id: c, name: C}\nsteps:\n" + steps)
    rc, out, _ = run("check", warn)
    lines = out.decode().splitlines()
    check(rc == 1 and len(lines) == 202 and lines[-2] == warn + ": and 250 more diagnostics not shown"
          and "450 steps" in lines[-1], "check findings capped too, summary still last (%r)" % lines[-2:])

    # 14. --max-size is parsed once, for every command, and nonsense refused.
    for bad in ("-5", "99999999999999999999", "0", "10MB", "10x", "", "1.5M", " 5", "+5", "2048G", "0x10"):
        for cmd in (["check", EXAMPLES[0]], ["fmt", "--check", EXAMPLES[0]],
                    ["export", "-f", "json", "-o", "-", EXAMPLES[0]], [EXAMPLES[0]]):
            rc, out, err = run(*cmd[:1], "--max-size", bad, *cmd[1:])
            check(rc == 2 and b"--max-size" in err and not out,
                  "--max-size %r refused by %s (%d %r)" % (bad, cmd[0], rc, err[:200]))
    # every subcommand gets the one parsed limit (none parses its own)
    for cmd in (["diff", EXAMPLES[0], EXAMPLES[0]],
                ["merge", EXAMPLES[0], EXAMPLES[0], EXAMPLES[0], "-o", os.path.join(TMP, "m.yaml")],
                ["export", "-f", "json", "-o", "-", EXAMPLES[0]], ["fmt", "-"]):
        rc, out, err = run(cmd[0], "--max-size", "10", *cmd[1:], stdin=read(EXAMPLES[0]))
        check(rc == 2 and (b"limit of 10 bytes" in out + err or b"larger than --max-size" in err),
              "--max-size 10 applies to %s (%d %r)" % (cmd[0], rc, (out + err)[:200]))
    rc, _, err = run("check", EXAMPLES[0], "--max-size")
    check(rc == 2 and b"--max-size needs" in err, "--max-size without a value")
    for good in ("1G", "512k", "1024G", "600"):
        rc, _, _ = run("check", "--max-size", good, EXAMPLES[0])
        small = len(read(EXAMPLES[0])) > 600 and good == "600"
        check(rc == (2 if small else 1), "--max-size %s taken" % good)
    rc, out, _ = run("check", "--max-size=10", EXAMPLES[0])
    check(rc == 2 and b"larger than the limit of 10 bytes" in out, "--max-size=N form")

    # 15. fmt refuses what check calls an error, and writes nothing.
    zone = copy(os.path.join(SRC, "tests/data/zone-order--lanes.yaml"), "zone.yaml")
    before = read(zone)
    rc, out, _ = run("check", zone)
    check(rc == 2 and b"[zone-order]" in out, "check: zone-order is an error")
    rc, out, err = run("fmt", zone)
    check(rc == 2 and b"[zone-order]" in err and read(zone) == before, "fmt refuses zone-order (%d)" % rc)
    check(b"warning" not in err, "fmt lists only the errors")
    rc, out, err = run("fmt", "-", stdin=before)
    check(rc == 2 and out == b"" and b"[zone-order]" in err, "fmt - refuses zone-order, writes nothing")
    rc, out, err = run("fmt", "--check", zone)
    check(rc == 2, "fmt --check: zone-order is an error")

    # 16. Messages: surrogate bytes, denormals, -o /dev/null.
    rc, out, _ = run("check", "-", stdin=b"sbp: 1\ntitle: \"a\xed\xa0\x80\"\n")
    check(rc == 2 and b"ED A0 80" in out and b"byte 0x00" not in out and b":2:10:" in out,
          "surrogate bytes named (%r)" % out)
    doc = CLEAN.replace("target: 3 rings}", "target: 3 rings, goal: 5e-324, actual: 1e-400}")
    rc, out, _ = run("check", "-", stdin=doc.encode())
    check(rc in (0, 1) and b"not a number" not in out, "5e-324 is a number (%r)" % out)
    for fmt in ("json", "svg", "txt"):
        rc, _, err = run("export", "-f", fmt, "-o", "/dev/null", EXAMPLES[0])
        check(rc == 0 and not err, "export -o /dev/null (%s): %r" % (fmt, err))
    rc, _, err = run("export", "-f", "json", "-o", "/dev/full", EXAMPLES[0])
    check(rc == 2 and b"/dev/full" in err, "export -o /dev/full fails and says so")
    # An ASan build exits 0 after PDF and PNG export with no LSAN_OPTIONS:
    # it carries tests/lsan.supp (fontconfig's own leaks) itself.
    # (Not under valgrind: it reports those leaks, as it should.)
    bare = {k: v for k, v in ENV.items() if k != "LSAN_OPTIONS"}
    for fmt in () if WRAP else ("pdf", "png"):
        out = os.path.join(TMP, "bare." + fmt)
        rc, _, err = run("export", "-f", fmt, "-o", out, EXAMPLES[0], env=bare)
        check(rc == 0 and b"leak" not in err, "export %s exits 0 without LSAN_OPTIONS (%d %r)" % (fmt, rc, err[-300:]))


GROUPS = {name[6:]: fn for name, fn in globals().items() if name.startswith("group_")}
if GROUP not in GROUPS:
    sys.exit("unknown group " + GROUP)
GROUPS[GROUP]()
shutil.rmtree(TMP, ignore_errors=True)
if failures:
    print("%d failed" % len(failures))
    sys.exit(1)
print("ok")
