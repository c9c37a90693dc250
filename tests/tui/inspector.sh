#!/bin/bash
# The inspector (i) shows every field of a step and its incoming and
# outgoing flows (scrolling to the end of the panel), and edits a field
# (the duration) with undo; a step with a wait point and notes shows them.
. "$(dirname "$0")/lib.sh"

f=$(t_copy hotel.yaml)
step "open hotel.yaml, :goto register, i"
t_start "$f"
t_wait_foot "30 steps"
t_cmd "goto register"
t_wait_foot "Front desk"
t_keys i
t_wait "Step inspector"

step "every field of register"
for s in "register" "Front desk / Check in" "Check guest in: ID, card pre-authorisation, key" \
	"4 min" "Reservation not found" "Honour the booked rate" "checkin-5min" "welcome" \
	"<- queue"; do
	t_see "$s"
done
for s in "Id" "Text" "Notes" "Duration" "Encounter" "Fail point" "severity" "recovery" \
	"Wait point" "expected" "tolerable" "Standards" "Flows in"; do
	t_screen | grep -q "│ *$s " || fail "no \"$s\" row in the inspector"
done
t_screen | grep -q "severity *4" || fail "severity 4 not shown"

step "scrolling reaches the outgoing flows"
t_repeat 25 j
t_wait "Flows out"
t_wait "-> release-room"
t_see "-> settle-in"

step "edit the duration in the inspector"
t_keys Escape
t_wait_gone "Step inspector"
t_keys i
t_wait "Step inspector"
# a fresh inspector selects the Text row; Notes, then Duration below it
t_keys j j
t_keys Enter
t_wait_re "[Dd]uration.*: *4"
t_keys C-u
t_type "6"
t_keys Enter
t_wait "6 min"
t_wait_foot "[+]"
t_keys Escape
t_wait_gone "Step inspector"
t_cmd w
t_wait_foot "Saved"
"$T_PY" - "$f" <<'PY' || fail "register's duration is not 6 in the file"
import re, sys
t = open(sys.argv[1]).read()
m = re.search(r"id: register\b(.*?)(\n  - |\nflows:)", t, re.S)
sys.exit(0 if m and re.search(r"duration: 6\b", m.group(1)) else 1)
PY

step "queue: its wait point, expected and tolerable minutes"
t_cmd "goto queue"
t_wait_foot "Guest"
t_keys i
t_wait "Step inspector"
t_see "Queue at the desk and show ID"
t_screen | grep -q "Wait point *Queue at the desk" || fail "the wait point is not shown"
t_screen | grep -q "expected *3" || fail "expected 3 not shown"
t_screen | grep -q "tolerable *8" || fail "tolerable 8 not shown"
t_see "-> register"
t_keys Escape
t_wait_gone "Step inspector"

step "precheck-in: its notes"
t_cmd "goto precheck-in"
t_wait_foot "Guest"
t_keys i
t_wait "Step inspector"
t_screen | grep -q "Notes *About a third of guests" || fail "the notes are not shown"
t_keys Escape
t_wait_gone "Step inspector"
t_keys q
t_wait_dead
pass
