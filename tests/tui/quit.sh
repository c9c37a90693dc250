#!/bin/bash
# Quitting with unsaved changes asks first: q asks; Esc goes back to the
# editor with the changes; :q asks too; :q! quits without saving (the file
# is untouched, no recovery file is left); and answering y saves.
. "$(dirname "$0")/lib.sh"

f=$(t_copy hotel.yaml)
step "open and change something"
t_start "$f"
t_wait_foot "30 steps"
t_cmd "title A changed title"
t_wait_foot "[+]"

step "q asks; Esc keeps the editor open"
t_keys q
t_wait_re "unsaved" -i
t_keys Escape
t_wait_gone "unsaved changes"
t_alive
t_wait_foot "[+]"
t_wait "A changed"

step ":q asks too; Esc again"
t_cmd q
t_wait_re "unsaved" -i
t_keys Escape
t_wait_gone "unsaved changes"
t_alive

step ":q! quits without saving"
t_cmd "q!"
t_wait_dead
[ "$(t_exit_status)" = 0 ] || fail "exit status $(t_exit_status) after :q!"
t_same "$f" "$SRCDIR/tests/tui/data/hotel.yaml"
[ -e "$T_DIR/.hotel.yaml.sbp-recover" ] && fail "a recovery file is left after :q!"
[ -e "$T_DIR/.hotel.yaml.sbp-lock" ] && fail "the lock is left after :q!"

step "again: q, then y saves and quits"
T_NEXT=two t_start "$f"
t_wait_foot "30 steps"
t_cmd "title Another title"
t_wait_foot "[+]"
t_keys q
t_wait_re "unsaved" -i
t_keys y
t_wait_dead
t_file_has "$f" "title: Another title"
pass
