#!/bin/bash
# A save that fails (a target that cannot be created: /proc; and, when not
# root, a read-only directory): the user is told why in plain words, the
# edits are kept, the original is untouched, and :w OTHER still works.
. "$(dirname "$0")/lib.sh"

f=$(t_copy hotel.yaml)
step "edit hotel.yaml"
t_start "$f"
t_wait_foot "30 steps"
t_cmd "title Kept in memory"
t_wait_foot "[+]"

step ":w /proc/sbp-test.yaml fails"
t_cmd "w /proc/sbp-test.yaml"
t_wait_foot_re "[Nn]ot saved|[Cc]annot save|[Cc]ould not|[Ff]ailed"
t_alive
t_wait_foot "[+]"
t_same "$f" "$SRCDIR/tests/tui/data/hotel.yaml"

step ":w elsewhere.yaml works"
t_cmd "w elsewhere.yaml"
t_wait_foot "Wrote a copy to elsewhere.yaml"
t_file_has "$T_DIR/elsewhere.yaml" "title: Kept in memory"
t_same "$f" "$SRCDIR/tests/tui/data/hotel.yaml"
t_cmd "q!"
t_wait_dead

if [ "$(id -u)" != 0 ]; then
	# (a writable file in a read-only directory is saved in place: see
	# tests/safety/shared.sh readonly-dir; this one is read-only too)
	step "a read-only file in a read-only directory: Ctrl-S fails, the original is intact"
	mkdir "$T_DIR/ro" && cp "$f" "$T_DIR/ro/hotel.yaml" &&
		chmod 444 "$T_DIR/ro/hotel.yaml" && chmod 555 "$T_DIR/ro"
	T_NEXT=two t_start "$T_DIR/ro/hotel.yaml"
	t_wait_foot "30 steps"
	t_cmd "title Kept in memory"
	t_wait_foot "[+]"
	t_keys C-s
	t_wait_foot_re "[Nn]ot saved|[Cc]annot save|[Cc]ould not|[Ff]ailed"
	t_foot | grep -qiE "permission|read-only|denied" || fail "the message does not say why"
	t_same "$T_DIR/ro/hotel.yaml" "$SRCDIR/tests/tui/data/hotel.yaml"
	t_cmd "w $T_DIR/rw.yaml"
	t_wait_foot "Wrote a copy to $T_DIR/rw.yaml"
	t_file_has "$T_DIR/rw.yaml" "title: Kept in memory"
	t_cmd "q!"
	t_wait_dead
else
	echo "   (root: the read-only directory case is skipped, root writes anyway)"
fi
pass
