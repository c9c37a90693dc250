#!/bin/bash
# FIFOs and other files that are not regular files (issue 10, item 9):
# check, fmt, export and the editor refuse a FIFO at once with a clear
# message instead of blocking in open(); a FIFO put in place of the file
# being edited makes Ctrl-S fail at once, the editor stays usable and the
# keys typed next go where they should. `-` and /dev/stdin still read
# standard input, and -o /dev/null (a character device) is a valid output.
. "$(dirname "$0")/lib.sh"

mkfifo "$T_DIR/pipe.yaml" || fail "mkfifo"
for cmd in "check" "fmt" "export -f svg"; do
	step "sbp $cmd on a FIFO: refused at once"
	# shellcheck disable=SC2086
	timeout 10 "$SBP" $cmd "$T_DIR/pipe.yaml" >"$T_DIR/err.txt" 2>&1 </dev/null
	rc=$?
	[ "$rc" = 124 ] && fail "sbp $cmd blocked on the FIFO"
	[ "$rc" = 0 ] && fail "sbp $cmd accepted the FIFO"
	grep -qi "FIFO" "$T_DIR/err.txt" || fail "sbp $cmd does not say it is a FIFO: $(cat "$T_DIR/err.txt")"
done

step "the editor on a FIFO: refused at once"
t_start "$T_DIR/pipe.yaml"
t_wait_dead
[ "$(t_exit_status)" = 2 ] || fail "exit status $(t_exit_status), expected 2"
t_see "FIFO"

step "standard input and /dev/null still work"
f=$(t_copy hotel.yaml)
# (exit status 1: hotel.yaml has warnings; 2 would be an error)
timeout 10 "$SBP" check - < "$f" >/dev/null
[ $? -le 1 ] || fail "sbp check - failed"
cat "$f" | timeout 10 "$SBP" check /dev/stdin >/dev/null
[ $? -le 1 ] || fail "sbp check /dev/stdin (a pipe) failed"
timeout 10 "$SBP" export -f svg -o /dev/null "$f" 2>"$T_DIR/err.txt" ||
	fail "export -o /dev/null failed: $(cat "$T_DIR/err.txt")"
[ -c /dev/null ] || fail "/dev/null is no longer a character device"

step "a FIFO replaces the file being edited: Ctrl-S fails at once"
T_NEXT=ed t_start "$f"
t_wait_foot "30 steps"
t_cmd "title Edited before the FIFO"
t_wait_foot "[+]"
rm "$f" && mkfifo "$f" || fail "cannot replace the file with a FIFO"
t_keys C-s
t_wait_foot_re "[Nn]ot saved.*regular file|regular file.*[Nn]ot saved|not a regular file"
t_alive
step "the editor goes on: :w saves elsewhere, no stray file"
t_cmd "w $T_DIR/rescued.yaml"
t_wait_foot "Wrote a copy"
t_file_has "$T_DIR/rescued.yaml" "title: Edited before the FIFO"
[ -p "$f" ] || fail "the FIFO was replaced"
t_cmd "q!"
t_wait_dead
extra=$(ls -A "$T_DIR" | grep -vxE 'home|state|pipe\.yaml|hotel\.yaml|rescued\.yaml|err\.txt|\.exit-.*|\.hotel\.yaml\.sbp-(lock|recover.*)')
[ -z "$extra" ] || fail "stray files: $extra"
pass
