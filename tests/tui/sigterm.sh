#!/bin/bash
# SIGTERM: unsaved edits, then kill -TERM the editor: it writes the
# recovery file, restores the terminal, drops its lock, exits non-zero;
# reopening offers recovery and r restores the edit.
. "$(dirname "$0")/lib.sh"

f=$(t_copy hotel.yaml)
rec="$T_DIR/.hotel.yaml.sbp-recover"
step "edit hotel.yaml"
t_edit_hotel "$f" main "Kept after SIGTERM"
pid=$(t_pid)

step "kill -TERM $pid"
kill -TERM "$pid"
t_wait_dead
[ "$(t_exit_status)" != 0 ] || fail "sbp exits 0 after SIGTERM"
[ -e "$rec" ] || fail "no recovery file after SIGTERM"
grep -qF "Kept after SIGTERM" "$rec" || fail "the recovery file lacks the edit"
[ -e "$T_DIR/.hotel.yaml.sbp-lock" ] && fail "the lock is left after SIGTERM"
t_same "$f" "$SRCDIR/tests/tui/data/hotel.yaml"
t_wait_re "recovery file"
t_screen | grep -q "line of interaction" && fail "the screen was not restored (the grid is still shown)"

step "reopen: recover"
t_recover_hotel "$f" again "Kept after SIGTERM"
pass
