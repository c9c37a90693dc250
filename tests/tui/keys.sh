#!/bin/bash
# The baseline keys of SPEC section 4 on one new step: a adds, f sets a
# fail point (F), w a wait point (W), J/K move it between lanes (leaving
# the onstage lane clears its ! and the flagged count), L/H between
# columns, c connects a flow (shown in the inspector), / finds it, e cycles
# the encounter flag, d deletes it and its flow, u brings both back; :wq
# saves and quits.
. "$(dirname "$0")/lib.sh"

f=$(t_copy hotel.yaml)
app() { t_grab; printf '%s\n' "${T_L[@]}" | grep "^$1" ; }

step "open, go to the empty cell Mobile app / Arrive, a"
t_start "$f"
t_wait_foot "30 steps"
t_cmd "goto greet"
t_wait_foot "Door and"
t_keys j
t_settle >/dev/null
t_keys a
t_wait "New step"
t_type "Tap to unlock"
t_keys Enter Escape
t_wait_foot "Done adding"
t_wait_foot "31 steps"
app "Mobile app" | grep -q '!   Tap to unlock' || fail "no flagged card in Mobile app"

step "f: fail point"
t_keys f
t_wait_re "[Ff]ail point"
t_type "App crashes"
t_keys Enter Enter Enter # the form: text, severity, recovery
t_poll "an F on the card" "grep '^Mobile app' | grep -q '!F  Tap to unlock'"

step "w: wait point"
t_keys w
t_wait_re "[Ww]ait point"
t_type "Spinner while the door pairs"
t_keys Enter Enter Enter # the form: text, expected and tolerable minutes
t_poll "a W on the card" "grep '^Mobile app' | grep -q '!FW Tap to unlock'"
t_wait_foot "4 flagged"

step "J: to the backstage lane (no longer an encounter)"
t_keys J
t_poll "the card in Backstage" "grep '^Backstage' | grep -q ' FW Tap to unlock'"
app "Mobile app" | grep -q "Tap to unlock" && fail "the card is still in Mobile app"
t_wait_foot "3 flagged"
t_keys K
t_poll "the card back in Mobile app" "grep '^Mobile app' | grep -q '!FW Tap to unlock'"
t_wait_foot "4 flagged"

step "L and H: to the next column and back"
t_keys L
t_poll "Check in in the headers" "head -n 2 | grep -q 'Check in'"
t_wait_foot "Check"
t_keys H
t_wait_foot "Arrive"
t_poll "the card back in Arrive" "grep '^Mobile app' | grep -q '!FW Tap to unlock'"

step "c: connect a flow to greet (the step above)"
t_keys c
t_wait_re "[Ff]low from"
t_keys k
t_wait_foot "greet"
t_keys Enter
t_wait_foot_re "[Ff]low .*greet"
t_cmd "goto tap-to-unlock"
t_settle >/dev/null
t_keys i
t_wait "Step inspector"
t_wait "-> greet"
t_see "App crashes"
t_see "Spinner while the door pairs"
t_keys Escape
t_wait_gone "Step inspector"

step "/: search"
t_keys 0 g
t_settle >/dev/null
t_keys /
t_type "unlock"
t_keys Enter
t_wait_re "1 step match"
t_keys i
t_wait "Step inspector"
t_see "tap-to-unlock"
t_keys Escape
t_wait_gone "Step inspector"

step "e cycles the encounter flag (default, yes, no)"
t_keys e
t_wait_foot "encounter: yes"
t_keys e
t_wait_foot "encounter: no"
t_wait_foot "3 flagged"
t_keys e
t_wait_foot "4 flagged"

step "d deletes the step and its flow; u brings them back"
t_keys d
t_wait_foot "30 steps"
t_wait_gone "Tap to unlock"
t_keys u
t_wait_foot "31 steps"
t_wait "Tap to unlock"

step ":wq saves and quits"
t_cmd wq
t_wait_dead
t_expect_summary "$f" steps 31
t_expect_summary "$f" fail_points 7
t_expect_summary "$f" wait_points 4
t_expect_summary "$f" unstandardized 4
t_file_has "$f" "{from: tap-to-unlock, to: greet}"
t_file_has "$f" "App crashes"
t_file_has "$f" "Spinner while the door pairs"
pass
