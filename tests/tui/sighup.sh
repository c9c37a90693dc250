#!/bin/bash
# Losing the terminal: the pty hangs up (the tmux server is killed,
# SIGHUP) with an edit that no autosave has kept yet. The hangup itself
# must write it to .hotel.yaml.sbp-recover, drop the lock and leave the
# file alone; reopening offers recovery, r restores both edits, saving
# keeps them.
#
# So that the hangup write is what is tested (not an autosave that came
# first), the first edit is left until the autosave keeps it; the second
# is made just before the hangup, and the recovery file is seen to lack it
# at that moment: only the hangup can have written it there.
. "$(dirname "$0")/lib.sh"

f=$(t_copy hotel.yaml)
rec="$T_DIR/.hotel.yaml.sbp-recover"
first="Kept by the autosave"
second="Only the hangup keeps this"
step "edit hotel.yaml, wait for the autosave"
t_edit_hotel "$f" main "$first"
pid=$(t_pid)
t_wait_file "$rec"
for (( i = 0; i < 200; i++ )); do grep -qF "$first" "$rec" 2>/dev/null && break; t_nap 0.025; done
t_file_has "$rec" "$first"

step "a second edit, and the hangup at once"
t_cmd "add $second"
t_wait "${second:0:12}"
t_wait_foot "32 steps"
t_file_lacks "$rec" "$second"
tm kill-server
for (( i = 0; i < 200; i++ )); do kill -0 "$pid" 2>/dev/null || break; t_nap 0.025; done
kill -0 "$pid" 2>/dev/null && fail "sbp (pid $pid) still runs 5 s after the hangup"
[ -e "$rec" ] || fail "no recovery file $rec after SIGHUP"
t_file_has "$rec" "$second"
t_file_has "$rec" "$first"
[ -e "$T_DIR/.hotel.yaml.sbp-lock" ] && fail "the lock is left after the hangup"
t_same "$f" "$SRCDIR/tests/tui/data/hotel.yaml"

step "reopen: recover both edits"
t_start_cmd again "$(t_sbp_cmd "$f")"
t_wait_re "[Rr]ecover"
t_keys r
t_wait_foot "32 steps"
t_wait_foot "[+]"
t_keys C-s
t_wait_foot "Saved"
t_file_has "$f" "$first"
t_file_has "$f" "$second"
t_expect_summary "$f" steps 32
t_wait_file ! "$rec"
t_keys q
t_wait_dead
pass
