#!/bin/bash
# The problems panel (p) lists the check findings (the three flagged
# encounters among them); choosing farewell's and pressing Enter jumps to
# that step. After attaching a standard the panel has one finding fewer.
. "$(dirname "$0")/lib.sh"

f=$(t_copy hotel.yaml)
step "open hotel.yaml, p"
t_start "$f"
t_wait_foot "30 steps"
t_keys p
t_wait "Problems"
scr=$(t_settle)
for s in app-book app-order farewell res-sync checkout; do
	grep -q "│ warning $s " <<<"$scr" || fail "no finding about $s"
done
n0=$(grep -c "│ \(warning\|error\) " <<<"$scr")
[ "$n0" -ge 10 ] || fail "only $n0 findings listed (sbp check finds 10)"

step "select farewell's finding, Enter jumps"
pos=$(grep "│ \(warning\|error\) " <<<"$scr" | grep -n "│ warning farewell " | cut -d: -f1)
for i in $(seq 2 "$pos"); do t_keys Down; done
t_poll "farewell's finding in the detail line" "tail -n 6 | grep -q \"encounter step 'farewell'\""
t_keys Enter
t_wait_gone "Problems"
t_keys i
t_wait "Step inspector"
t_screen | grep -q "│ Id *farewell " || fail "Enter did not select farewell"
t_keys Escape
t_wait_gone "Step inspector"

step "attach a standard to farewell: one finding fewer"
t_cmd "std greet-30s"
t_wait_foot "2 flagged"
t_keys p
t_wait "Problems"
scr=$(t_settle)
grep -q "│ warning farewell " <<<"$scr" && fail "farewell still listed after attaching a standard"
n1=$(grep -c "│ \(warning\|error\) " <<<"$scr")
[ "$n1" = $(( n0 - 1 )) ] || fail "$n1 findings after the fix, expected $(( n0 - 1 ))"
t_keys Escape
t_wait_gone "Problems"
t_keys u
t_wait_foot "3 flagged"
t_keys q
t_wait_dead
pass
