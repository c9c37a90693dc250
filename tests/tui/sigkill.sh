#!/bin/bash
# SIGKILL after 3 s of idle following an edit: the idle autosave (within
# 2 s) has written the recovery file already; the lock left behind is
# stale (its pid is gone) and is taken over without a question; reopening
# offers recovery and r restores the edit.
. "$(dirname "$0")/lib.sh"

f=$(t_copy hotel.yaml)
rec="$T_DIR/.hotel.yaml.sbp-recover"
step "edit hotel.yaml"
t_edit_hotel "$f" main "Kept after SIGKILL"
pid=$(t_pid)

step "3 s idle, then kill -KILL $pid"
sleep 3
kill -KILL "$pid"
t_wait_dead
[ -e "$rec" ] || fail "no recovery file 3 s after the edit (autosave)"
grep -qF "Kept after SIGKILL" "$rec" || fail "the recovery file lacks the edit"
[ -e "$T_DIR/.hotel.yaml.sbp-lock" ] || echo "   (note: no lock left behind)"
t_same "$f" "$SRCDIR/tests/tui/data/hotel.yaml"

step "reopen: no lock question (stale), recover"
t_recover_hotel "$f" again "Kept after SIGKILL"
pass
