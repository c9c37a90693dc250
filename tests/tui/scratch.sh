#!/bin/bash
# Build a small blueprint from an empty start and save it: `sbp` with no
# file (default lanes, untitled), steps in different lanes and columns, a
# column (:column Pay), a standard made with :stdadd and attached with
# :std, another made on the spot in the picker (s), :w new.yaml, q. Then
# `sbp check` on new.yaml agrees with what was built.
. "$(dirname "$0")/lib.sh"

step "sbp with no file"
t_start
t_wait "Customer ac"
t_wait_foot "[untitled]"
t_see "Physical ev"
t_see "Support pro"
t_wait_foot "0 steps"

step "a customer step in Column 1"
t_keys j
t_wait_foot "Customer act"
t_keys a
t_wait "New step"
t_type "Walk into shop"
t_keys Enter Escape
t_wait_foot "Done adding"
t_wait "Walk into shop"
t_screen | grep "^Customer" | grep -q "Walk into shop" || fail "not in the customer lane"
t_wait_foot "1 step "

step "an onstage step in Column 2 (flagged)"
t_keys j l
t_settle >/dev/null
t_keys a
t_wait "New step"
t_type "Greet customer"
t_keys Enter Escape
t_wait_foot "Done adding"
t_wait "Greet customer"
t_screen | grep "^Onstage" | grep -q "!   Greet customer" || fail "not a flagged card in the onstage lane"
t_wait_foot "1 flagged"

step ":column Pay, a backstage and an onstage step in it"
t_cmd "column Pay"
t_poll "a Pay column header" "head -n 2 | grep -q Pay"
t_keys j
t_settle >/dev/null
t_cmd "add Write invoice"
t_wait "Write invoice"
t_screen | grep "^Backstage" | grep -q "Write invoice" || fail "not in the backstage lane"
t_keys k
t_settle >/dev/null
t_cmd "add Take payment"
t_wait "Take payment"
t_wait_foot "4 steps"
t_wait_foot "2 flagged"

step ":stdadd, then :std on the greeting"
t_cmd "stdadd Greet within 30 seconds"
t_wait_foot "added"
id=$(t_foot | grep -o 'Standard [^ ]* added' | awk '{print $2}')
[ -n "$id" ] || fail "no standard id in the message"
t_keys h
t_settle >/dev/null
t_cmd "std $id"
t_wait_foot "1 flagged"
t_screen | grep "^Onstage" | grep -q "1   Greet customer" || fail "the greeting does not show 1 standard"

step "s on Take payment: a new standard made in the picker"
t_keys l
t_settle >/dev/null
t_keys s
t_wait "new standard"
t_type "Payment in one tap"
t_wait "+ new standard \"Payment in one tap\""
t_keys Enter
t_wait "Kind"
t_keys Enter Enter # kind hard, no dimension
t_wait_foot "0 flagged"

step ":w new.yaml names it; q quits without asking"
t_cmd "w new.yaml"
t_wait_foot "Saved"
t_wait_foot "new.yaml"
t_foot | grep -qF "[+]" && fail "[+] after saving"
t_keys q
t_wait_dead
[ "$(t_exit_status)" = 0 ] || fail "exit status $(t_exit_status)"

step "sbp check new.yaml"
n="$T_DIR/new.yaml"
[ -f "$n" ] || fail "no new.yaml in the working directory"
"$SBP" check "$n" >/dev/null 2>&1
rc=$?
[ "$rc" = 0 ] || [ "$rc" = 1 ] || fail "sbp check new.yaml exits $rc"
t_expect_summary "$n" steps 4
t_expect_summary "$n" encounters 2
t_expect_summary "$n" unstandardized 0
t_expect_summary "$n" standards 2
t_file_has "$n" "name: Pay"
t_file_has "$n" "Payment in one tap"
for s in "Walk into shop" "Greet customer" "Write invoice" "Take payment"; do
	t_file_has "$n" "$s"
done
pass
