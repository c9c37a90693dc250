#!/bin/bash
# Losing the terminal: unsaved edits, then the tmux server is killed (the
# pty hangs up, SIGHUP) at once, before the idle autosave: the editor
# writes .hotel.yaml.sbp-recover, drops its lock and leaves the file alone;
# reopening offers recovery, r restores the edit, saving keeps it.
. "$(dirname "$0")/lib.sh"

f=$(t_copy hotel.yaml)
rec="$T_DIR/.hotel.yaml.sbp-recover"
step "edit hotel.yaml"
t_edit_hotel "$f" main "Kept after hangup"
pid=$(t_pid)
[ -e "$rec" ] && echo "   (note: the recovery file was already written before the hangup)"

step "kill the tmux server (SIGHUP)"
tm kill-server
for (( i = 0; i < 200; i++ )); do kill -0 "$pid" 2>/dev/null || break; t_nap 0.025; done
kill -0 "$pid" 2>/dev/null && fail "sbp (pid $pid) still runs 5 s after the hangup"
[ -e "$rec" ] || fail "no recovery file $rec after SIGHUP"
grep -qF "Kept after hangup" "$rec" || fail "the recovery file lacks the edit"
[ -e "$T_DIR/.hotel.yaml.sbp-lock" ] && fail "the lock is left after the hangup"
t_same "$f" "$SRCDIR/tests/tui/data/hotel.yaml"

step "reopen: recover"
t_recover_hotel "$f" again "Kept after hangup"
pass
