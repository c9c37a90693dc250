#!/usr/bin/env python3
"""The method end to end (issue 15): `sbp measure` (one row, CSV, refusals,
canonical output), and what the exports show of it: the SQI as an inline
SVG chart and a table in HTML (no scripts), goal attainment (never called
SQI or service performance index), the zone of tolerance band, the time
analysis in HTML and md, and `export -f csv --what sqi`.

Usage: test_method.py SBP BLUEPRINTS_DIR. Standard library only.
"""

import os
import re
import shutil
import subprocess
import sys
import tempfile

SBP, BP = sys.argv[1], sys.argv[2]
TMP = tempfile.mkdtemp(prefix="sbp-method-")
failures = 0


def check(ok, what):
    global failures
    if not ok:
        failures += 1
        print("FAIL: " + what)


def run(*args):
    p = subprocess.run([SBP] + list(args), capture_output=True, timeout=60)
    return p.returncode, p.stdout.decode("utf-8"), p.stderr.decode("utf-8")


def copy(name):
    dst = os.path.join(TMP, name)
    shutil.copyfile(os.path.join(BP, name), dst)
    return dst


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def test_measure_one():
    f = copy("hotel.yaml")
    rc, _, err = run("measure", f, "checkin-5min", "--value", "80", "--failures", "7",
                     "--volume", "120", "--date", "2026-11-02", "--note", "fire alarm")
    check(rc == 0, "measure one row: rc %d (%s)" % (rc, err))
    text = read(f)
    check("measurements:\n  - date: 2026-11-02\n    standard: checkin-5min\n    value: 80\n"
          "    failures: 7\n    volume: 120\n    note: fire alarm\n" in text,
          "the row is written in canonical form")
    rc, out, _ = run("fmt", "--check", f)
    check(rc == 0, "the measured file is canonical")
    rc, out, _ = run("check", f)
    check("standard 'checkin-5min' is below goal: actual 80 < goal 90" in out,
          "below-goal uses the measured value")
    check("outside the zone of tolerance: actual 80 is worse than adequate 85" in out,
          "outside-tolerance uses the measured value")
    check("SQI 105 points on 2026-11-02 (lower is better)" in out, "the SQI line (15 x 7)")
    # the date defaults to today
    rc, _, _ = run("measure", f, "welcome", "--value", "4.6")
    check(rc == 0 and re.search(r"date: \d{4}-\d\d-\d\d, standard: welcome, value: 4\.6\}",
                                read(f)), "date defaults to today")


def test_measure_refusals():
    f = copy("coffee.yaml")
    before = read(f)
    cases = [
        (["nope", "--value", "1"], "no standard"),
        (["recipe", "--date", "2026-02-30", "--value", "1"], "not a date"),
        (["recipe", "--failures", "-1"], "whole number"),
        (["recipe", "--failures", "1.5"], "whole number"),
        (["recipe", "--value", "abc"], "must be a number"),
        (["recipe"], "nothing to record"),
        (["recipe", "--csv", "x.csv"], "usage"),
    ]
    for args, want in cases:
        rc, _, err = run("measure", f, *args)
        check(rc == 2 and want in err, "measure %s: rc %d, %r" % (args, rc, err))
    check(read(f) == before, "refused measurements leave the file alone")


def test_measure_csv():
    f = copy("coffee.yaml")
    data = os.path.join(TMP, "data.csv")
    with open(data, "w", encoding="utf-8") as out:
        out.write("\ufeffstandard,date,failures,value,note\r\n"
                  "order-right,2026-11-02,3,1.2,\"busy, rainy\"\r\n"
                  "\r\n"
                  "order-right,2026-11-03,1,0.8,\r\n")
    rc, _, err = run("measure", f, "--csv", data)
    check(rc == 0, "measure --csv: rc %d (%s)" % (rc, err))
    text = read(f)
    check("{date: 2026-11-02, standard: order-right, value: 1.2, failures: 3, "
          "note: 'busy, rainy'}" in text, "first CSV row (columns in any order)")
    check("{date: 2026-11-03, standard: order-right, value: 0.8, failures: 1}" in text,
          "second CSV row")
    rc, out, _ = run("check", f)
    check("below goal: actual 0.8" not in out and "'order-right' is below goal" not in out,
          "the latest value meets the goal")
    bad = os.path.join(TMP, "bad.csv")
    with open(bad, "w", encoding="utf-8") as out:
        out.write("date,standard,failures\n2026-11-04,order-right,2\n2026-11-05,nope,1\n")
    before = read(f)
    rc, _, err = run("measure", f, "--csv", bad)
    check(rc == 2 and ":3: no standard has the id 'nope'" in err,
          "a bad row names its line: %r" % err)
    check(read(f) == before, "a bad CSV writes nothing (all rows or none)")
    with open(bad, "w", encoding="utf-8") as out:
        out.write("2026-11-04,order-right,2\n")
    rc, _, err = run("measure", f, "--csv", bad)
    check(rc == 2 and "header row" in err, "a CSV without a header is refused")


def test_exports():
    parcel = os.path.join(BP, "parcel.yaml")
    out = os.path.join(TMP, "parcel.html")
    rc, _, err = run("export", "-f", "html", "-o", out, parcel)
    check(rc == 0, "html export: %s" % err)
    html = read(out)
    check("<script" not in html and "http://" not in html.replace(
        'xmlns="http://www.w3.org/2000/svg"', ""), "no scripts, no network")
    check('<svg class="sqi"' in html and "<polyline" in html, "SQI trend chart")
    check(html.count("<circle") >= 15, "a dot per SQI date")
    check("Service performance index" not in html, "no 'service performance index'")
    check("Goal attainment" in html, "goal attainment section")
    check("Time analysis" in html and "Share of the journey" in html, "time analysis table")
    check("zone of tolerance 3 to 1, current actual 1.9" in html,
          "zone band of on-time with its current actual")
    rc, md, _ = run("export", "-f", "md", "-o", "-", parcel)
    check("| 2026-11-20 | 214 |" in md, "md SQI table")
    check("## Time analysis" in md, "md time analysis")
    rc, csv, _ = run("export", "-f", "csv", "--what", "sqi", "-o", "-", parcel)
    lines = csv.lstrip("\ufeff").splitlines()
    check(lines[0] == "date,points" and lines[1] == "2026-11-02,512" and
          lines[-1] == "2026-11-20,214" and len(lines) == 16, "csv --what sqi: %r" % lines[:3])
    rc, md, _ = run("export", "-f", "md", "-o", "-", os.path.join(BP, "hotel.yaml"))
    check("| Arrival | 4 | 3 | 8 |" in md, "hotel arrival: 4 min at the desk, waits 3/8")


def main():
    try:
        test_measure_one()
        test_measure_refusals()
        test_measure_csv()
        test_exports()
    finally:
        shutil.rmtree(TMP, ignore_errors=True)
    if failures:
        print("%d failure(s)" % failures)
        return 1
    print("all method checks pass")
    return 0


if __name__ == "__main__":
    sys.exit(main())
