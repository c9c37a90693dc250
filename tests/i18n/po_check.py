#!/usr/bin/env python3
"""The catalogs are complete and current (issue 11).

  po_check.py SRCDIR pot|po|potfiles -- XGETTEXT_ARGS...

potfiles: po/POTFILES names exactly the source files that mark text with
          _(), N_() or P_() (a file missing from it would never be
          translated).
pot:      po/sbp.pot holds exactly the messages xgettext finds in the
          sources today (regenerate: po/update.sh).
po:       every LINGUAS catalog translates every message of sbp.pot, none
          fuzzy or untranslated, and msgfmt --check accepts it (format
          strings agree with their msgids).
Exit 0 when fine, 1 with the reasons on stderr."""
import os
import re
import subprocess
import sys
import tempfile

MARK = re.compile(r'(^|[^A-Za-z0-9_])(_|N_|P_)\(')


def run(cmd, **kw):
    return subprocess.run(cmd, capture_output=True, text=True, **kw)


def entries(text):
    """The (msgid, msgid_plural) of each entry of a .po text, header left out."""
    out = []
    for block in text.split('\n\n'):
        fields, cur = {}, None
        for line in block.split('\n'):
            m = re.match(r'^(msgid|msgid_plural|msgstr\S*|msgctxt) "(.*)"$', line)
            if m:
                cur = m.group(1)
                fields[cur] = m.group(2)
            elif line.startswith('"') and cur:
                fields[cur] += line[1:-1]
        if fields.get('msgid'):
            out.append((fields.get('msgctxt'), fields['msgid'], fields.get('msgid_plural')))
    return out


def msgids(path, *flags):
    """The messages of a .po/.pot (obsolete ones left out), filtered by
    msgattrib flags such as --untranslated."""
    r = run(['msgattrib', '--no-obsolete', *flags, path])
    if r.returncode:
        sys.exit(f'msgattrib {path}: {r.stderr}')
    return set(entries(r.stdout))


def check_potfiles(src):
    listed = [l.strip() for l in open(os.path.join(src, 'po', 'POTFILES')) if l.strip()]
    marked = []
    for d, _, files in os.walk(os.path.join(src, 'src')):
        for f in files:
            if f.endswith(('.c', '.h')):
                p = os.path.join(d, f)
                if MARK.search(open(p, encoding='utf-8', errors='replace').read()):
                    marked.append(os.path.relpath(p, src))
    bad = []
    for p in sorted(set(marked) - set(listed)):
        bad.append(f'{p} marks text but is not in po/POTFILES (run po/update.sh)')
    for p in sorted(set(listed) - set(marked)):
        if not os.path.exists(os.path.join(src, p)):
            bad.append(f'po/POTFILES names {p}, which does not exist')
    return bad


def check_pot(src, args):
    pot = os.path.join(src, 'po', 'sbp.pot')
    with tempfile.TemporaryDirectory() as d:
        fresh = os.path.join(d, 'fresh.pot')
        r = run(['xgettext', *args, '--force-po', '--files-from=po/POTFILES',
                 '--directory=' + src, '-o', fresh], cwd=src)
        if r.returncode:
            return [f'xgettext failed: {r.stderr}']
        now, kept = msgids(fresh), msgids(pot)
    bad = [f'new message not in po/sbp.pot (run po/update.sh): {m!r}'
           for m in sorted(now - kept, key=str)]
    bad += [f'po/sbp.pot keeps a message the sources no longer have: {m!r}'
            for m in sorted(kept - now, key=str)]
    return bad


def check_po(src):
    bad = []
    pot = msgids(os.path.join(src, 'po', 'sbp.pot'))
    for lang in open(os.path.join(src, 'po', 'LINGUAS')).read().split():
        po = os.path.join(src, 'po', lang + '.po')
        r = run(['msgfmt', '--check', '--statistics', '-o', os.devnull, po],
                env=dict(os.environ, LC_ALL='C'))
        print(f'{lang}.po: {r.stderr.strip()}')
        if r.returncode:
            bad.append(f'msgfmt --check {lang}.po: {r.stderr.strip()}')
        for what, flag in (('untranslated', '--untranslated'), ('fuzzy', '--only-fuzzy')):
            for m in sorted(msgids(po, flag), key=str):
                bad.append(f'{lang}.po: {what}: {m[1]!r}')
        if re.search(r'fuzzy|untranslated', r.stderr):
            bad.append(f'{lang}.po: msgfmt counts {r.stderr.strip()}')
        missing = pot - msgids(po)
        for m in sorted(missing, key=str):
            bad.append(f'{lang}.po lacks {m!r} (run po/update.sh, then translate)')
    return bad


def main():
    src, what = sys.argv[1], sys.argv[2]
    args = sys.argv[sys.argv.index('--') + 1:] if '--' in sys.argv else []
    bad = {'potfiles': lambda: check_potfiles(src),
           'pot': lambda: check_pot(src, args),
           'po': lambda: check_po(src)}[what]()
    for b in bad:
        print(b, file=sys.stderr)
    if bad:
        print(f'{len(bad)} problem(s)', file=sys.stderr)
        return 1
    print('ok')
    return 0


if __name__ == '__main__':
    sys.exit(main())
