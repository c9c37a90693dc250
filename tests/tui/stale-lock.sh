#!/bin/bash
# A stale lock (written by a process that is gone, on this host) is taken
# over without a question: the editor opens normally, not read-only, the
# lock then holds its own pid, and saving works. A lock of another host is
# not stale (its pid cannot be checked): the lock question comes.
. "$(dirname "$0")/lib.sh"

f=$(t_copy hotel.yaml)
lock="$T_DIR/.hotel.yaml.sbp-lock"
dead=$(sh -c 'echo $$')
while kill -0 "$dead" 2>/dev/null; do dead=$(sh -c 'echo $$'); done
printf 'sbp-lock 1\nuser %s\nhost %s\npid %s\nsince %s\n' \
	"$(id -un)" "$(hostname)" "$dead" "$(( $(date +%s) - 60 ))" > "$lock"

step "open with a stale lock (pid $dead, gone)"
t_start "$f"
t_wait_foot "30 steps"
t_see_not "already open"
t_foot | grep -qF "[RO]" && fail "opened read-only over a stale lock"
pid=$(t_pid)
t_poll "the lock to hold pid $pid" "grep -q 'pid $pid' $(printf %q "$lock")" 2>/dev/null ||
	fail "the lock does not hold the new pid: $(cat "$lock")"
t_cmd "title Saved over a stale lock"
t_keys C-s
t_wait_foot "Saved hotel.yaml"
t_file_has "$f" "title: Saved over a stale lock"
t_keys q
t_wait_dead
t_wait_file ! "$lock"

step "a lock of another host is not taken over"
printf 'sbp-lock 1\nuser %s\nhost %s\npid %s\nsince %s\n' \
	"someone" "elsewhere.example.org" "$dead" "$(date +%s)" > "$lock"
T_NEXT=two t_start "$f"
t_wait "already open"
t_see "someone@elsewhere.example.org"
t_keys q
t_wait_dead
grep -q "host elsewhere.example.org" "$lock" || fail "the other host's lock was changed"
pass
