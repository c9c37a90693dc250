#!/usr/bin/env python3
"""`sbp check --format json` on the example blueprints, against counts
written by hand in expected.json.

Usage: check_examples.py SBP BLUEPRINTS_DIR EXPECTED_JSON

For each example: the exit status ("status", default 1: warnings, no
errors; 0 for the finished example), no error diagnostics, the summary
counts as expected, coverage equal to round(100 * (encounters -
unstandardized) / encounters, 1) (null without encounters), the steps of
the unstandardized-encounter and company-standard-only diagnostics equal to
the expected lists, the number of findings of every other rule ("rules"),
and the SQI series ("sqi": [[date, points], ...], default none).
Then all examples in one run must give the same summaries in order.
Standard library only.
"""

import json
import os
import subprocess
import sys

COUNTS = ("steps", "encounters", "unstandardized", "fail_points",
          "wait_points", "standards")
RULE = "unstandardized-encounter"
COMPANY = "company-standard-only"
TIMEOUT = 60


class Failures:
    """Collects failure messages."""

    def __init__(self):
        self.n = 0

    def __call__(self, where, msg):
        self.n += 1
        print("FAIL: %s: %s" % (where, msg))


def run_check(sbp, paths, fail, where, status=1):
    """Run `sbp check --format json PATHS`; return the parsed JSON, or None
    after reporting why not."""
    env = dict(os.environ, NO_COLOR="1")
    try:
        proc = subprocess.run([sbp, "check", "--format", "json"] + paths,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              env=env, timeout=TIMEOUT)
    except (OSError, subprocess.TimeoutExpired) as e:
        fail(where, "could not run sbp: %s" % e)
        return None
    if proc.returncode != status:
        fail(where, "exit status %d, expected %d; stderr: %s"
             % (proc.returncode, status, proc.stderr.decode("utf-8", "replace")))
    try:
        report = json.loads(proc.stdout.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as e:
        fail(where, "output is not JSON (%s): %r" % (e, proc.stdout[:200]))
        return None
    files = report.get("files") if isinstance(report, dict) else None
    if not isinstance(files, list) or len(files) != len(paths):
        fail(where, "expected {\"files\": [...]} with %d entries, got %r"
             % (len(paths), report))
        return None
    return files


def expected_coverage(counts):
    """Percent of encounter steps not flagged, None (n/a) when there are none."""
    enc = counts["encounters"]
    if enc == 0:
        return None
    return round(100.0 * (enc - counts["unstandardized"]) / enc, 1)


def check_file(name, entry, want, fail):
    """Compare one file's entry of the report with its expectations."""
    summary = entry.get("summary")
    if not isinstance(summary, dict):
        fail(name, "no summary in %r" % entry)
        return
    for key in COUNTS:
        if summary.get(key) != want["summary"][key]:
            fail(name, "summary %s is %r, expected %r"
                 % (key, summary.get(key), want["summary"][key]))
    cov = summary.get("coverage")
    exp = expected_coverage(want["summary"])
    if exp is None:
        if cov is not None:
            fail(name, "coverage is %r, expected null" % cov)
    elif not isinstance(cov, (int, float)) or isinstance(cov, bool) or \
            abs(cov - exp) > 1e-9:
        fail(name, "coverage is %r, expected %r" % (cov, exp))
    sqi = [[p.get("date"), p.get("points")] for p in summary.get("sqi", [])]
    if sqi != want.get("sqi", []):
        fail(name, "sqi is %r, expected %r" % (sqi, want.get("sqi", [])))

    diags = entry.get("diagnostics")
    if not isinstance(diags, list):
        fail(name, "no diagnostics list in %r" % entry)
        return
    for d in diags:
        if d.get("severity") == "error":
            fail(name, "error diagnostic: %r" % d)
    steps = [d.get("step") for d in diags if d.get("rule") == RULE]
    if sorted(steps, key=str) != sorted(set(steps), key=str):
        fail(name, "%s reported more than once for a step: %r"
             % (RULE, steps))
    if set(steps) != set(want["unstandardized_steps"]):
        fail(name, "%s steps are %r, expected %r"
             % (RULE, sorted(steps, key=str),
                sorted(want["unstandardized_steps"])))
    company = sorted(str(d.get("step")) for d in diags if d.get("rule") == COMPANY)
    if company != sorted(want.get("company_only_steps", [])):
        fail(name, "%s steps are %r, expected %r"
             % (COMPANY, company, want.get("company_only_steps", [])))
    counts = {}
    for d in diags:
        if d.get("rule") not in (RULE, COMPANY):
            counts[d.get("rule")] = counts.get(d.get("rule"), 0) + 1
    if "rules" in want and counts != want["rules"]:
        fail(name, "other findings %r, expected %r" % (counts, want["rules"]))


def main(argv):
    if len(argv) != 3:
        print("usage: check_examples.py SBP BLUEPRINTS_DIR EXPECTED_JSON")
        return 2
    sbp, examples_dir, expected_path = argv
    with open(expected_path, encoding="utf-8") as f:
        expected = json.load(f)
    fail = Failures()

    on_disk = sorted(n for n in os.listdir(examples_dir)
                     if n.endswith((".yaml", ".yml")))
    if on_disk != sorted(expected):
        fail(examples_dir, "examples %r but expectations for %r"
             % (on_disk, sorted(expected)))

    names = sorted(n for n in expected if n in on_disk)
    summaries = {}
    for name in names:
        path = os.path.join(examples_dir, name)
        files = run_check(sbp, [path], fail, name, expected[name].get("status", 1))
        if files is None:
            continue
        check_file(name, files[0], expected[name], fail)
        summaries[name] = files[0].get("summary")
        print("checked %s" % name)

    # All at once: one entry per file, in the order given.
    paths = [os.path.join(examples_dir, n) for n in names]
    files = run_check(sbp, paths, fail, "all examples") if paths else None
    if files is not None:
        for name, entry in zip(names, files):
            if name in summaries and entry.get("summary") != summaries[name]:
                fail(name, "summary differs when checked with the others: "
                     "%r vs %r" % (entry.get("summary"), summaries[name]))

    if fail.n:
        print("%d failure(s)" % fail.n)
        return 1
    print("all %d examples as expected" % len(names))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
