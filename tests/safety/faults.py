#!/usr/bin/env python3
"""Real faults around a save. `sbp fmt FILE` rewrites a non-canonical
blueprint through atomic_write; each fault below happens for real, and
afterwards the file must be either exactly as before (and the exit status
non-zero, with a message saying the file is unchanged) or exactly the
canonical text (exit status 0), with no temporary file left behind, links
kept, and permissions kept.

Groups (argument 1):
  strace  every system call of a save fails in turn (strace -e inject, at
          every index N of write, fsync, rename, close, openat, ... and from
          N on), with ENOSPC, EIO, EDQUOT, EFBIG, EROFS, EACCES...
  limits  a file size limit (ulimit -f, SIGXFSZ/EFBIG), and permissions as
          an unprivileged user
  mounts  a full and a read-only file system (a private tmpfs; needs root)
Each runs on a plain file, a symlink to it and a second hard link to it.
Needs SBP (the binary) and SRCDIR (the source root) in the environment."""
import concurrent.futures
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile

SBP = os.environ["SBP"]
SRCDIR = os.environ["SRCDIR"]
KINDS = ("plain", "symlink", "hardlink")
SKIP = 77

# Errors to inject per system call, once at index N and from N on.
ERRORS = {
    "openat": ["ENOSPC", "EIO", "EACCES", "EROFS"],
    "read": ["EIO"],
    "pread64": ["EIO"],
    "write": ["ENOSPC", "EIO", "EDQUOT", "EFBIG"],
    "pwrite64": ["ENOSPC", "EIO", "EDQUOT", "EFBIG"],
    "fsync": ["EIO", "ENOSPC", "EDQUOT"],
    "close": ["EIO", "ENOSPC"],
    "rename": ["EIO", "EROFS", "ENOSPC", "EACCES", "EDQUOT"],
    "ftruncate": ["EIO", "EFBIG"],
    "fchmod": ["EPERM", "EIO"],
    "fchown": ["EPERM", "EIO"],
    "newfstatat": ["EIO"],
    "faccessat2": ["EROFS", "EACCES"],
    "unlink": ["EIO", "EACCES"],
}
PERSISTENT = {"write": ["ENOSPC"], "pwrite64": ["ENOSPC", "EIO"],
              "fsync": ["EIO"], "close": ["EIO"], "rename": ["EROFS"],
              "ftruncate": ["EIO"], "openat": ["EACCES"]}


def read(path):
    with open(path, "rb") as f:
        return f.read()


def texts():
    """A non-canonical copy of an example blueprint and its canonical form."""
    src = read(os.path.join(SRCDIR, "blueprints", "hotel.yaml"))
    orig = b"# hand-written copy\n" + src.replace(b"\nsteps:", b"\n\n# the steps\nsteps:")
    canon = subprocess.run([SBP, "fmt", "-"], input=orig, capture_output=True,
                           check=True).stdout
    assert canon and canon != orig
    return orig, canon


def setup(d, kind, orig, mode=0o640):
    """Put the blueprint (and its link) in d; returns the name to save."""
    for n in os.listdir(d):
        os.unlink(os.path.join(d, n))
    bp = os.path.join(d, "bp.yaml")
    with open(bp, "wb") as f:
        f.write(orig)
    os.chmod(bp, mode)
    if kind == "symlink":
        os.symlink("bp.yaml", os.path.join(d, "link.yaml"))
        return os.path.join(d, "link.yaml")
    if kind == "hardlink":
        os.link(bp, os.path.join(d, "hard.yaml"))
        return os.path.join(d, "hard.yaml")
    return bp


def expected_names(kind):
    return {"bp.yaml", {"plain": None, "symlink": "link.yaml",
                        "hardlink": "hard.yaml"}[kind]} - {None}


def check(d, kind, orig, canon, rc, err, mode=0o640, unlink_injected=False,
          ignore=()):
    """What is wrong with d after a run; returns (problems, outcome)."""
    probs = []
    bp = os.path.join(d, "bp.yaml")
    names = set(os.listdir(d)) - set(ignore)
    extra = names - expected_names(kind)
    backups = [n for n in extra if ".sbp-backup" in n]
    content = read(bp) if os.path.exists(bp) else None
    if rc < 0:
        probs.append("killed by signal %d" % -rc)
    if kind == "symlink":
        link = os.path.join(d, "link.yaml")
        if not os.path.islink(link) or os.readlink(link) != "bp.yaml":
            probs.append("the symlink was not kept")
    if kind == "hardlink":
        a, b = os.stat(bp), os.stat(os.path.join(d, "hard.yaml"))
        if a.st_ino != b.st_ino or a.st_nlink != 2:
            probs.append("the hard link was broken")
    if rc != 0 and "LeakSanitizer does not work under ptrace" in err:
        # An ASan build that could not read ASAN_OPTIONS (the injected
        # failure hit its early read of /proc/self/environ) dies at exit
        # after sbp has finished: judge the file as if it had exited 0.
        rc = 0
    outcome = "saved"
    kept = [n for n in backups if os.path.join(d, n) in err
            and read(os.path.join(d, n)) == orig]
    if rc == 0:
        if content != canon:
            probs.append("exit status 0 but the file is not the new text")
        if os.stat(bp).st_mode & 0o7777 != mode:
            probs.append("mode changed to %o" % (os.stat(bp).st_mode & 0o7777))
        if unlink_injected:  # removing the safety copy failed: harmless
            extra -= {n for n in backups if read(os.path.join(d, n)) == orig}
    elif "kept in" in err:
        # Writing in place failed and so did putting the old text back:
        # the safety copy must hold it, and the message must name it.
        outcome = "kept-in-backup"
        if kind != "hardlink" or not kept:
            probs.append("the old text is said to be kept, but is not")
        extra -= set(kept)
    elif content == orig:
        outcome = "unchanged"
        if "cannot save" in err and "unchanged" not in err:
            probs.append("the message does not say the file is unchanged")
    else:
        probs.append("the save failed and the file changed (%s bytes)" %
                     (None if content is None else len(content)))
    if extra:
        probs.append("left behind: " + ", ".join(sorted(extra)))
    return probs, outcome


# LeakSanitizer cannot run under ptrace: an ASan build of sbp must not try.
TRACED_ENV = dict(os.environ, ASAN_OPTIONS=(os.environ.get("ASAN_OPTIONS", "") +
                                            ":detect_leaks=0").lstrip(":"))


def run(args, preexec=None):
    env = TRACED_ENV if args[0] == "strace" else None
    p = subprocess.run(args, capture_output=True, preexec_fn=preexec, env=env)
    return p.returncode, p.stderr.decode("utf-8", "replace")


def count_calls(kind, orig):
    """How often sbp fmt makes each system call of ERRORS in one save, and
    how many of those come before it first names the blueprint (loading
    libraries and locales)."""
    d = tempfile.mkdtemp(prefix="sbp-faults-")
    log = d + ".log"
    try:
        arg = setup(d, kind, orig)
        subprocess.run(["strace", "-f", "-qq", "-o", log, "-e",
                        "trace=" + ",".join(ERRORS), SBP, "fmt", arg],
                       check=True, capture_output=True, env=TRACED_ENV)
        counts, startup, started = {}, {}, False
        name = '"%s"' % arg
        for line in open(log, encoding="utf-8", errors="replace"):
            m = re.match(r"\d+\s+(\w+)\(", line)
            if not m or m.group(1) not in ERRORS:
                continue
            started = started or name in line
            counts[m.group(1)] = counts.get(m.group(1), 0) + 1
            if not started:
                startup[m.group(1)] = counts[m.group(1)]
        return counts, startup
    finally:
        shutil.rmtree(d)
        if os.path.exists(log):
            os.unlink(log)


def group_strace():
    if not shutil.which("strace"):
        print("strace not found: skipped")
        return SKIP
    orig, canon = texts()
    jobs = []
    for kind in KINDS:
        counts, startup = count_calls(kind, orig)
        print("%s: system calls of one run: %s, of them at start-up: %s" %
              (kind, counts, startup))
        for sc, n in sorted(counts.items()):
            for i in range(1, n + 2):
                # Start-up calls fail with one error each, the rest with all.
                for e in ERRORS[sc][:1] if i <= startup.get(sc, 0) else ERRORS[sc]:
                    jobs.append((kind, sc, e, str(i)))
            for e in PERSISTENT.get(sc, []):  # from N on: N past start-up
                for i in range(startup.get(sc, 0) + 1, n + 1):
                    jobs.append((kind, sc, e, "%d+" % i))

    def one(job):
        kind, sc, e, when = job
        d = tempfile.mkdtemp(prefix="sbp-faults-")
        try:
            arg = setup(d, kind, orig)
            rc, err = run(["strace", "-f", "-qq", "-o", "/dev/null", "-e",
                           "trace=" + sc, "-e", "inject=%s:error=%s:when=%s" %
                           (sc, e, when), SBP, "fmt", arg])
            probs, outcome = check(d, kind, orig, canon, rc, err,
                                   unlink_injected=sc == "unlink")
            return job, probs, outcome, err
        finally:
            shutil.rmtree(d)

    outcomes, bad = {}, 0
    with concurrent.futures.ThreadPoolExecutor(os.cpu_count() or 2) as ex:
        for job, probs, outcome, err in ex.map(one, jobs):
            key = (job[0], outcome)
            outcomes[key] = outcomes.get(key, 0) + 1
            if probs:
                bad += 1
                print("FAIL %s inject=%s:error=%s:when=%s: %s\n  stderr: %s" %
                      (job + ("; ".join(probs), err.strip())))
    print("%d runs; outcomes: %s" % (len(jobs), dict(sorted(outcomes.items()))))
    for kind in KINDS:  # the test must have made saves fail, or it proves nothing
        if not outcomes.get((kind, "unchanged")):
            print("FAIL %s: no run failed cleanly" % kind)
            bad += 1
    if not outcomes.get(("hardlink", "kept-in-backup")):
        print("FAIL hardlink: restoring from the safety copy was never exercised")
        bad += 1
    return 1 if bad else 0


def fsize_limit(n):
    return lambda: resource.setrlimit(resource.RLIMIT_FSIZE, (n, n))


def become_nobody():
    os.setgroups([])
    os.setgid(65534)
    os.setuid(65534)


def report(name, probs):
    print(("FAIL " if probs else "ok   ") + name + (": " + "; ".join(probs) if probs else ""))
    return 1 if probs else 0


def group_limits():
    orig, canon = texts()
    # A small file whose canonical form is longer: the safety copy of a
    # hard-linked file fits under the limit, the new text does not.
    lines = "\\n".join("line %d" % i for i in range(200))
    small = ('{"sbp":1,"title":"T","columns":[{"id":"c","name":"C"}],"steps":'
             '[{"id":"s","lane":"customer","column":"c","text":"x","notes":"%s"}]}\n'
             % lines).encode()
    small_canon = subprocess.run([SBP, "fmt", "-"], input=small,
                                 capture_output=True, check=True).stdout
    assert len(small) < 2200 < len(small_canon)
    bad = 0
    d = tempfile.mkdtemp(prefix="sbp-faults-")
    try:
        for kind in KINDS:
            for text, new, limit in ((orig, canon, 2048), (small, small_canon, 2200)):
                arg = setup(d, kind, text)
                rc, err = run([SBP, "fmt", arg], fsize_limit(limit))
                probs, outcome = check(d, kind, text, new, rc, err)
                if rc != 2 or "file size limit" not in err or outcome != "unchanged":
                    probs.append("rc %d, outcome %s, stderr %r" % (rc, outcome, err))
                bad += report("ulimit -f %d bytes, %s, %d-byte file" %
                              (limit, kind, len(text)), probs)
        if os.geteuid() != 0:
            print("not root: the unprivileged-user cases are skipped")
            return bad
        os.chmod(d, 0o777)
        # A file we may not write; a writable file of another user (kept
        # in place, so its owner stays); a writable file in a directory we
        # may not write (rewritten in place, as vim does, with a warning that
        # the save was not atomic; a hard link needs its safety copy beside
        # it, so that one is refused).
        for mode, dmode, want_all in ((0o644, 0o777, "denied"), (0o666, 0o777, "saved"),
                                      (0o666, 0o555, "in place")):
            for kind in KINDS:
                want = want_all
                if want == "in place" and kind == "hardlink":
                    want = "denied"
                os.chmod(d, 0o777)
                arg = setup(d, kind, orig, mode)
                os.chmod(d, dmode)
                rc, err = run([SBP, "fmt", arg], become_nobody)
                os.chmod(d, 0o777)
                probs, outcome = check(d, kind, orig, canon, rc, err, mode)
                st = os.stat(os.path.join(d, "bp.yaml"))
                if want == "denied" and (rc != 2 or "permission denied" not in err
                                         or outcome != "unchanged"):
                    probs.append("rc %d, outcome %s, stderr %r" % (rc, outcome, err))
                if want == "saved" and (rc != 0 or st.st_uid != 0):
                    probs.append("rc %d, owner %d, stderr %r" % (rc, st.st_uid, err))
                if want == "in place" and (rc != 0 or "not atomic" not in err
                                           or outcome != "saved"):
                    probs.append("rc %d, outcome %s, stderr %r" % (rc, outcome, err))
                bad += report("as nobody: file %o in a directory %o, %s: %s" %
                              (mode, dmode, kind, want), probs)
    finally:
        os.chmod(d, 0o700)
        shutil.rmtree(d)
    return bad


def fill(d):
    """Fill the file system of d."""
    fd = os.open(os.path.join(d, "filler"), os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        while True:
            os.write(fd, b"\0" * 4096)
    except OSError:
        pass
    finally:
        os.close(fd)


def group_mounts():
    if os.geteuid() != 0 or not shutil.which("unshare"):
        print("needs root and unshare: skipped")
        return SKIP
    if not os.environ.get("SBP_FAULTS_NS"):
        env = dict(os.environ, SBP_FAULTS_NS="1")
        return subprocess.run(["unshare", "-m", "--propagation", "private",
                               sys.executable, __file__, "mounts"], env=env).returncode
    orig, canon = texts()
    d = tempfile.mkdtemp(prefix="sbp-faults-")
    bad = 0
    try:
        if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", d]).returncode:
            print("cannot mount a tmpfs here: skipped")
            return SKIP
        for kind in KINDS:
            arg = setup(d, kind, orig)
            fill(d)
            rc, err = run([SBP, "fmt", arg])
            probs, outcome = check(d, kind, orig, canon, rc, err, ignore=["filler"])
            if rc != 2 or "the disk is full" not in err or outcome != "unchanged":
                probs.append("rc %d, outcome %s, stderr %r" % (rc, outcome, err))
            bad += report("full disk, " + kind, probs)
            os.unlink(os.path.join(d, "filler"))
            rc, err = run([SBP, "fmt", arg])
            probs, outcome = check(d, kind, orig, canon, rc, err)
            if rc != 0:
                probs.append("rc %d, stderr %r" % (rc, err))
            bad += report("space freed again, " + kind, probs)
        for kind in KINDS:
            arg = setup(d, kind, orig)
            subprocess.run(["mount", "-o", "remount,ro", d], check=True)
            rc, err = run([SBP, "fmt", arg])
            subprocess.run(["mount", "-o", "remount,rw", d], check=True)
            probs, outcome = check(d, kind, orig, canon, rc, err)
            if rc != 2 or "read-only" not in err or outcome != "unchanged":
                probs.append("rc %d, outcome %s, stderr %r" % (rc, outcome, err))
            bad += report("read-only file system, " + kind, probs)
    finally:
        subprocess.run(["umount", d], capture_output=True)
        shutil.rmtree(d)
    return bad


def main():
    group = sys.argv[1] if len(sys.argv) > 1 else "strace"
    status = {"strace": group_strace, "limits": group_limits,
              "mounts": group_mounts}[group]()
    sys.exit(status if status in (0, SKIP) else 1)


if __name__ == "__main__":
    main()
