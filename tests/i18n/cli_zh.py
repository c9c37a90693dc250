#!/usr/bin/env python3
"""The CLI and sbp check under LANG=zh_CN.UTF-8 (LC_ALL unset): Chinese
messages and summary, the same rule ids, exit codes and positions as in
English; --help and an unknown option in Chinese; the catalog is found
from the build tree (no meson install) and SBP_LOCALEDIR overrides it."""
import os
import re
import subprocess
import sys

SBP = os.environ["SBP"]
SRC = os.environ["SRCDIR"]
fails = []


def check(ok, what):
    if not ok:
        fails.append(what)
        print("FAIL:", what)


def run(env_lang, *args, extra=None):
    env = {k: v for k, v in os.environ.items() if not k.startswith("LC_") and k not in ("LANG", "LANGUAGE")}
    env.update(env_lang)
    env.update(extra or {})
    p = subprocess.run([SBP, *args], capture_output=True, env=env)
    return p.returncode, p.stdout.decode(), p.stderr.decode()


ZH = {"LANG": "zh_CN.UTF-8"}
EN = {"LC_ALL": "C.UTF-8"}
if subprocess.run(["locale", "-a"], capture_output=True, text=True).stdout.lower().find("zh_cn.utf") < 0:
    print("SKIP: no zh_CN.UTF-8 locale (tools/setup makes it)")
    sys.exit(77)

for bp in ("telecom-repair-zh.yaml", "hotel.yaml"):
    path = os.path.join(SRC, "blueprints", bp)
    rz, oz, ez = run(ZH, "check", path)
    re_, oe, ee = run(EN, "check", path)
    check(rz == re_, "%s: exit %d under zh, %d in English" % (bp, rz, re_))
    lz = [l for l in oz.splitlines() if "[" in l]
    le = [l for l in oe.splitlines() if "[" in l]
    check(len(lz) == len(le) and lz, "%s: %d findings under zh, %d in English" % (bp, len(lz), len(le)))
    for a, b in zip(lz, le):
        ra, rb = re.findall(r"\[([a-z0-9-]+)\]\s*$", a), re.findall(r"\[([a-z0-9-]+)\]\s*$", b)
        check(ra and ra == rb, "%s: rule id changed: %r vs %r" % (bp, a, b))
        check(a.split(": ")[0] == b.split(": ")[0], "%s: position changed: %r vs %r" % (bp, a, b))
        check(re.search(r"[\u4e00-\u9fff]", a.split("[")[0].split(":", 3)[-1]) is not None,
              "%s: not Chinese: %r" % (bp, a))
        check("warning" not in a and "error:" not in a, "%s: English severity: %r" % (bp, a))
    summary = [l for l in oz.splitlines() if "服务接触覆盖率" in l]
    check(len(summary) == 1 and "个" in summary[0], "%s: the summary is Chinese: %r" % (bp, oz[-300:]))
    check("encounter coverage" not in oz, "%s: English summary under zh" % bp)
    check("encounter coverage" in oe and "服务接触" not in oe, "%s: the English summary changed" % bp)

rc, out, err = run(ZH, "--help")
check(rc == 0 and out.startswith("用法：sbp") and "sbp check" in out, "--help: %r" % out[:80])
rc, out, err = run(ZH, "--bogus")
check(rc == 2 and "未知选项" in err and "--bogus" in err, "unknown option: %r" % err[:80])
rc, out, err = run(ZH, "check", "/nonexistent/x.yaml")
check(rc == 2 and re.search(r"[\u4e00-\u9fff]", err + out), "unreadable file: %r" % (err + out)[:120])
rc, out, err = run(EN, "--help")
check(out.startswith("usage: sbp"), "English --help changed: %r" % out[:40])
# SBP_LOCALEDIR overrides the build tree's catalog: an empty directory
# gives English back.
rc, out, err = run(ZH, "--help", extra={"SBP_LOCALEDIR": "/nonexistent"})
check(out.startswith("usage: sbp"), "SBP_LOCALEDIR is not honoured: %r" % out[:40])
# LC_ALL wins over LANG, as setlocale has it.
rc, out, err = run({"LANG": "zh_CN.UTF-8", "LC_ALL": "C.UTF-8"}, "--help")
check(out.startswith("usage: sbp"), "LC_ALL=C.UTF-8 does not win: %r" % out[:40])
rc, out, err = run({"LC_ALL": "zh_CN.UTF-8"}, "--help")
check(out.startswith("用法"), "LC_ALL=zh_CN.UTF-8: %r" % out[:40])

print("%d failure(s)" % len(fails) if fails else "ok")
sys.exit(1 if fails else 0)
