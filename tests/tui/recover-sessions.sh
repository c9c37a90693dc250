#!/bin/bash
# Recovery files belong to their session (issue 10, item 2). Two live
# sessions of one file (the second chose "edit anyway") write two recovery
# files; the first is killed, the second quits cleanly: only the second
# one's file goes. Two dead sessions leave two files, and the next open
# offers each (k keeps one for later, r recovers the other); saving removes
# only the recovered one, and the next open offers the one kept.
. "$(dirname "$0")/lib.sh"

f=$(t_copy hotel.yaml)
rec="$T_DIR/.hotel.yaml.sbp-recover"
recs() { ls -A "$T_DIR" | grep -c '^\.hotel\.yaml\.sbp-recover'; }
holding() { grep -lF "$1" "$T_DIR"/.hotel.yaml.sbp-recover* 2>/dev/null | head -n 1; }

step "session one edits; its recovery file is written"
t_edit_hotel "$f" one "First session work"
p1=$(t_pid)
t_poll "session one's autosave" "grep -qF 'First session work' $(printf %q "$rec")" 2>/dev/null

step "session two edits anyway: a second recovery file, the first untouched"
T_NEXT=two t_start "$f"
t_wait "already open"
t_keys e
t_wait_re "[Rr]ecover"
t_see "still running"
t_keys k
t_wait_gone "still running"
t_cmd "goto greet"
t_wait_foot "Door and"
t_keys j
t_settle >/dev/null
t_cmd "add Second session work"
t_wait_foot "[+]"
p2=$(t_pid)
t_poll "session two's autosave" "grep -lF 'Second session work' $(printf %q "$T_DIR")/.hotel.yaml.sbp-recover*" 2>/dev/null
[ "$(recs)" = 2 ] || fail "$(recs) recovery files, expected 2"
grep -qF "First session work" "$rec" || fail "session two replaced session one's recovery file"

step "session one is killed, session two quits cleanly: one's file stays"
kill -KILL "$p1"
t_use one
t_wait_dead
t_use two
t_cmd "q!"
t_wait_dead
[ -n "$(holding "First session work")" ] || fail "session two's clean quit removed session one's recovery file"
[ -z "$(holding "Second session work")" ] || fail "session two's own recovery file is left"

step "two dead sessions: the next open offers each one"
T_NEXT=three t_start "$f"
t_wait_re "[Rr]ecover"
t_keys k
t_wait_foot "Kept the recovery file"
t_cmd "goto greet"
t_wait_foot "Door and"
t_keys j
t_settle >/dev/null
t_cmd "add Third session work"
t_wait_foot "[+]"
t_poll "session three's autosave" "grep -lF 'Third session work' $(printf %q "$T_DIR")/.hotel.yaml.sbp-recover*" 2>/dev/null
kill -KILL "$(t_pid)"
t_wait_dead
[ "$(recs)" = 2 ] || fail "$(recs) recovery files, expected 2"
T_NEXT=four t_start "$f"
t_wait_re "[Rr]ecover"
t_see "one of 2"
t_keys k
t_wait_gone "one of 2"
t_wait_re "[Rr]ecover"
t_keys r
t_wait_foot "[+]"
t_keys C-s
t_wait_foot "Saved"
[ "$(recs)" = 1 ] || fail "$(recs) recovery files after saving, expected the 1 kept for later"
t_keys q
t_wait_dead

step "the one kept for later is offered next time; d discards it"
T_NEXT=five t_start "$f"
t_wait_re "[Rr]ecover"
t_keys d
t_wait_foot "Discarded"
[ "$(recs)" = 0 ] || fail "$(recs) recovery files left"
t_keys q
t_wait_dead
pass
