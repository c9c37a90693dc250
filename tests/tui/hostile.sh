#!/bin/bash
# No control character from a file reaches the terminal. A valid blueprint
# whose title, headers, lane, step texts, notes, fail point, standard,
# flow label, an unknown key and even its file name hold bidi overrides
# and isolates, zero-width characters, a BOM and line/paragraph separators
# is opened and shown in every view (grid, inspector, problems, catalog,
# picker, help); the raw bytes sent to the pty (captured with script(1),
# not the tmux screen) must hold none of them, and the texts stay visible
# around visible escapes.
. "$(dirname "$0")/lib.sh"

name=$(printf 'rtl-\u202egnp.yaml')
f="$T_DIR/$name"
"$T_PY" - "$f" <<'PY'
import sys
open(sys.argv[1], "w", encoding="utf-8").write("""sbp: 1
title: "Title \\u202eTXET DESREVER"
description: "desc\\u2028line"
columns:
  - {id: pay, name: "Pay\\u200bment", phase: "Pha\\u2066se\\u2069"}
  - {id: go, name: "Go\\u200d\\u200c", phase: "Later"}
lanes:
  - {id: cust, name: "Cust\\u202domer", zone: customer}
  - {id: desk, name: "Desk\\u061c\\u200e\\u200f", zone: onstage}
standards:
  - {id: quick, name: "std\\u202ename", kind: hard, measure: "m\\u2067x\\u2068", target: "t\\u202a\\u202b\\u202c"}
steps:
  - id: s1
    lane: desk
    column: pay
    text: "Greet\\u2028the\\u2029guest\\u202e!"
    notes: "note\\ufeffhere"
    fail: {text: "fail\\u2067x\\u2068", severity: 2}
    wait: {text: "wa\\u200bit"}
  - {id: s2, lane: cust, column: pay, text: "Pa\\u202ey\\u202c now", standards: [quick]}
  - {id: s3, lane: desk, column: go, text: "Plain text"}
flows:
  - {from: s2, to: s1, label: "lab\\u202eel"}
"bad\\u202ekey": 1
""")
PY
"$SBP" check "$f" >/dev/null 2>&1
[ $? -le 1 ] || fail "the hostile blueprint does not load: $("$SBP" check "$f" 2>&1 | head -3)"

step "open it under script(1) and visit every view"
t_start_script main "$f"
t_wait_foot "3 steps"
t_cmd "goto s1"
t_settle >/dev/null
t_keys i
t_wait "Step inspector"
t_poll "the step's text around visible escapes" "grep -qE 'Greet[^ ]+the[^ ]+guest'"
t_repeat 20 j
t_wait "lab"
t_keys Escape
t_wait_gone "Step inspector"
t_keys p
t_wait "Problems"
t_wait "bad"
t_keys Escape
t_wait_gone "Problems"
t_keys S
t_wait "quick"
t_keys Escape
t_wait_gone "quick"
t_keys s
t_wait "quick"
t_keys Escape
t_wait_gone "quick"
t_keys '?'
t_wait ":goto"
t_keys Escape
t_wait_gone ":goto"
t_cmd "goto s2"
t_settle >/dev/null
t_keys q
t_wait_dead

step "the bytes sent to the terminal"
out=$(t_bytes_clean "$T_DIR/main.typescript") || fail "hostile characters reached the terminal:
$out"
tm display -p -t main '#{pane_title}' | grep -q "TXET" && fail "the title reached the pane title"
pass
