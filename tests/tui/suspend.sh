#!/bin/bash
# Ctrl-Z suspends the editor to the shell (the screen is given back) and
# fg brings it back, redrawn, with the work as it was.
. "$(dirname "$0")/lib.sh"

f=$(t_copy hotel.yaml)
step "an interactive shell runs the editor"
t_start_cmd main "env PS1='SHELL> ' bash --norc --noprofile -i"
t_wait "SHELL>"
t_type "$(t_sbp_cmd "$f")"
t_keys Enter
t_wait_foot "30 steps"
t_cmd "title Suspended title"
t_wait_foot "[+]"

step "Ctrl-Z: the shell is back"
t_keys C-z
t_wait "Stopped"
t_see_not "30 steps"

step "fg: the editor is back, redrawn"
t_type "fg"
t_keys Enter
t_wait_foot "30 steps"
t_wait_foot "[+]"
t_see "Suspended ti"
t_cmd "wq"
t_wait "SHELL>"
t_file_has "$f" "Suspended title"
pass
