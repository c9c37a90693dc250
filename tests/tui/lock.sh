#!/bin/bash
# A second editor on the same file sees the lock: it says who holds it
# (user, host, pid of the first editor) and offers o/e/q. o opens it
# read-only: [RO] in the status line, and :w over the file is refused
# while :w OTHER saves a copy. q in a third editor quits. The first editor
# saves normally, and its lock goes when it quits.
. "$(dirname "$0")/lib.sh"

f=$(t_copy hotel.yaml)
lock="$T_DIR/.hotel.yaml.sbp-lock"
step "first editor"
t_start_cmd one "$(t_sbp_cmd "$f")"
t_wait_foot "30 steps"
pid1=$(t_pid)
t_wait_file "$lock"
grep -q "pid $pid1" "$lock" || fail "the lock file does not hold pid $pid1: $(cat "$lock")"

step "second editor: the lock question"
t_start_cmd two "$(t_sbp_cmd "$f")"
t_wait "already open"
t_see "$pid1"
t_see "$(id -un)@"
t_see "$(hostname)"
t_screen | grep -qE '(^|[^a-z])o +open.*read-only' || fail "no o (open read-only) choice"
t_screen | grep -qE '(^|[^a-z])e +edit' || fail "no e (edit anyway) choice"
t_screen | grep -qE '(^|[^a-z])q +quit' || fail "no q (quit) choice"

step "o: read-only"
t_keys o
t_wait_foot "[RO]"
t_cmd "title Changed in the read-only editor"
t_wait_foot "[+]"
t_cmd w
t_wait_re "[Rr]ead-only"
t_same "$f" "$SRCDIR/tests/tui/data/hotel.yaml"
t_keys C-s
t_wait_re "[Rr]ead-only"
t_same "$f" "$SRCDIR/tests/tui/data/hotel.yaml"
t_cmd "w! $f"
t_wait_re "[Rr]ead-only"
t_same "$f" "$SRCDIR/tests/tui/data/hotel.yaml"
grep -q "pid $pid1" "$lock" || fail "the read-only editor touched the lock"
t_cmd "w copy.yaml"
t_wait_foot "Wrote a copy to copy.yaml"
[ -f "$T_DIR/copy.yaml" ] || fail ":w copy.yaml in the read-only editor wrote nothing"
t_file_has "$T_DIR/copy.yaml" "Changed in the read-only editor"
t_cmd "q!"
t_wait_dead
[ -e "$lock" ] && grep -q "pid $pid1" "$lock" || fail "the read-only editor removed the first editor's lock"

step "third editor: q quits"
t_start_cmd three "$(t_sbp_cmd "$f")"
t_wait "already open"
t_keys q
t_wait_dead
grep -q "pid $pid1" "$lock" || fail "the third editor changed the lock"

step "the first editor saves and quits: the lock goes"
t_use one
t_cmd "title Saved by the first editor"
t_wait_foot "[+]"
t_keys C-s
t_wait_foot "Saved"
t_file_has "$f" "title: Saved by the first editor"
t_keys q
t_wait_dead
t_wait_file ! "$lock"
pass
