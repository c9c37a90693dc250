#!/bin/bash
# Unsaved work of an untitled blueprint survives too: sbp with no file,
# a step added, SIGTERM: the work goes to $XDG_STATE_HOME/sbp/recover/;
# the next `sbp` with no file offers it, r restores it, :w names it.
. "$(dirname "$0")/lib.sh"

step "sbp with no file, add a step"
t_start
t_wait_foot "[untitled]"
t_keys j
t_settle >/dev/null
t_cmd "add Untitled work"
t_wait "Untitled work"
t_wait_foot "[+]"
pid=$(t_pid)

step "kill -TERM $pid"
kill -TERM "$pid"
t_wait_dead
rec=$(grep -rlF "Untitled work" "$T_DIR/state" 2>/dev/null | head -n 1)
[ -n "$rec" ] || fail "no recovery file under \$XDG_STATE_HOME/sbp/recover holds the step: $(find "$T_DIR/state" -type f)"
echo "   recovery file: ${rec#$T_DIR/}"
[ -z "$(ls -A "$T_DIR" | grep -vxE 'home|state|\.exit-main')" ] ||
	fail "files left in the working directory: $(ls -A "$T_DIR")"

step "sbp again (a new pid): the untitled recovery is offered, r restores it"
T_NEXT=two t_start
t_wait_re "[Rr]ecover"
t_keys r
t_wait "Untitled work"
t_wait_foot "1 step "
t_wait_foot "[+]"
t_cmd "w saved.yaml"
t_wait_foot "Saved"
t_file_has "$T_DIR/saved.yaml" "Untitled work"
t_keys q
t_wait_dead
[ -e "$rec" ] && fail "the recovery file is left after saving the recovered work"
pass
