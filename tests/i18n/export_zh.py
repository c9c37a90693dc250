#!/usr/bin/env python3
"""Exports follow the blueprint's lang (SPEC 7.5), then the locale, then
English. A `lang: zh` blueprint exported to svg, html, md, csv and txt
carries the seeds' terms for the lanes (zones) and the three lines, and
none of sbp's own English labels (read from the term table, terms.c);
html says lang="zh-CN". Without lang the locale decides; lang: en wins
over a Chinese locale.

  export_zh.py TERMS_C"""
import os
import re
import subprocess
import sys
import tempfile

SBP = os.environ["SBP"]
SRC = os.environ["SRCDIR"]
fails = []
ZONES = ["有形展示", "顾客行为", "前台接触员工行为", "后台接触员工行为", "支持过程"]
LINES = ["互动分界线", "可视分界线", "内部互动分界线"]


def check(ok, what):
    if not ok:
        fails.append(what)
        print("FAIL:", what)


def english_labels(terms_c):
    """sbp's English labels: the English column of the term table, those
    that cannot be a user's id or a YAML key (several words, or a capital)."""
    text = open(terms_c, encoding="utf-8").read()
    labels = set()
    for m in re.finditer(r'\[TERM_[A-Z0-9_]+\] = \{\s*((?:"(?:[^"\\]|\\.)*"\s*)+),', text):
        s = "".join(re.findall(r'"((?:[^"\\]|\\.)*)"', m.group(1)))
        s = s.encode().decode("unicode_escape").encode("latin-1").decode("utf-8")
        for part in re.split(r"%[-+ #0-9.*]*[hlzjt]*[a-zA-Z%]|[()!,;:\n·]|\\\\", s):
            part = part.strip(" *.")
            if len(part) >= 4 and re.search(r"[a-z]", part) and (" " in part or part[0].isupper()) \
                    and not re.search(r"[_=&]|SERVQUAL", part):
                labels.add(part)
    return sorted(labels, key=len, reverse=True)


def export(path, fmt, env):
    out = os.path.join(TMP, "%s.%s" % (os.path.basename(path), fmt))
    full = {k: v for k, v in os.environ.items() if not k.startswith("LC_") and k not in ("LANG", "LANGUAGE")}
    full.update(env)
    p = subprocess.run([SBP, "export", "-f", fmt, "-o", out, path], capture_output=True, env=full)
    check(p.returncode == 0, "export %s %s: %s" % (fmt, path, p.stderr.decode(errors="replace")))
    return open(out, encoding="utf-8-sig").read()


def visible(doc, fmt):
    if fmt in ("svg", "html"):
        doc = re.sub(r"<style.*?</style>", " ", doc, flags=re.S)
        doc = re.sub(r"<[^>]*>", " ", doc)
        doc = re.sub(r"&#?\w+;", " ", doc)
    return doc


TMP = tempfile.mkdtemp(prefix="sbp-i18n-")
LABELS = english_labels(sys.argv[1])
check(len(LABELS) > 40 and "line of interaction" in LABELS and "Physical evidence" in LABELS,
      "the term table's English labels: %r" % LABELS[:10])
zh_bp = os.path.join(SRC, "blueprints", "telecom-repair-zh.yaml")
check("\nlang: zh\n" in open(zh_bp, encoding="utf-8").read(), "telecom-repair-zh has lang: zh")
C = {"LC_ALL": "C.UTF-8"}

for fmt in ("svg", "html", "md", "csv", "txt"):
    doc = export(zh_bp, fmt, C)
    text = visible(doc, fmt)
    for z in ZONES:
        check(z in text, "%s: zone term %s missing" % (fmt, z))
    if fmt != "csv":
        for l in LINES:
            check(l in text, "%s: line term %s missing" % (fmt, l))
    else:
        head = doc.splitlines()[0]
        check(head.startswith("编号,泳道,泳道名称,区域"), "csv: header row %r" % head[:40])
    for lab in LABELS:
        check(lab not in text, "%s: English label %r in a lang: zh export" % (fmt, lab))
    if fmt == "html":
        check('<html lang="zh-CN">' in doc, "html: lang attribute")

# no lang key: the locale decides
hotel = os.path.join(SRC, "blueprints", "hotel.yaml")
en = export(hotel, "svg", C)
check("line of interaction" in en and "互动分界线" not in en, "hotel in C.UTF-8: English poster")
check('<html lang="en">' in export(hotel, "html", C), "hotel in C.UTF-8: lang=en")
if "zh_cn.utf" in subprocess.run(["locale", "-a"], capture_output=True, text=True).stdout.lower():
    zh = export(hotel, "txt", {"LANG": "zh_CN.UTF-8"})
    check("互动分界线" in zh and "line of interaction" not in zh, "hotel under LANG=zh_CN: Chinese labels")
# lang: en wins over a Chinese locale
src = open(zh_bp, encoding="utf-8").read().replace("\nlang: zh\n", "\nlang: en\n")
en_bp = os.path.join(TMP, "telecom-en.yaml")
open(en_bp, "w", encoding="utf-8").write(src)
doc = export(en_bp, "md", {"LANG": "zh_CN.UTF-8"})
check("line of interaction" in doc and "## Check report" in doc and "互动分界线" not in doc,
      "lang: en under LANG=zh_CN: English labels")
# CSV written in Chinese imports back (headers, yes/no, zones in either language)
csvp = os.path.join(TMP, "steps.csv")
open(csvp, "w", encoding="utf-8").write(export(zh_bp, "csv", C))
p = subprocess.run([SBP, "import", "-f", "csv", "-o", os.path.join(TMP, "back.yaml"), csvp],
                   capture_output=True, env=dict(os.environ, LC_ALL="C.UTF-8"))
check(p.returncode == 0, "import of the Chinese CSV: %s" % p.stderr.decode(errors="replace")[:300])

# pdf: the poster's words and, without a title, the title metadata
import shutil
if shutil.which("pdfinfo") and shutil.which("pdftotext"):
    notitle = os.path.join(TMP, "notitle.yaml")
    open(notitle, "w", encoding="utf-8").write(
        "sbp: 1\nlang: zh\ncolumns:\n  - {id: c1, name: 到店}\n"
        "steps:\n  - {id: a, lane: customer, column: c1, text: 到店}\n")
    out = os.path.join(TMP, "notitle.pdf")
    p = subprocess.run([SBP, "export", "-f", "pdf", "-o", out, notitle], capture_output=True)
    check(p.returncode == 0, "pdf export: %s" % p.stderr.decode(errors="replace"))
    info = subprocess.run(["pdfinfo", out], capture_output=True, text=True).stdout
    check(re.search(r"^Title:\s+服务蓝图$", info, re.M) is not None, "pdf title metadata: %r" % info[:200])
    out = os.path.join(TMP, "t.pdf")
    subprocess.run([SBP, "export", "-f", "pdf", "-o", out, zh_bp], capture_output=True)
    text = subprocess.run(["pdftotext", out, "-"], capture_output=True, text=True).stdout
    for l in LINES:
        check(l in text, "pdf: line term %s missing" % l)

print("%d failure(s)" % len(fails) if fails else "ok")
sys.exit(1 if fails else 0)
