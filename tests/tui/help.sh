#!/bin/bash
# Help: ? lists the keys and commands (generated from the command table:
# :goto, undo, :w...), j scrolls it to the later rows (the file commands come last of the
# commands, before the panels' keys), Esc closes it and the
# grid is back as it was. F1 opens it too, and :help.
. "$(dirname "$0")/lib.sh"

f=$(t_copy hotel.yaml)
step "open hotel.yaml"
t_start "$f"
t_wait_foot "30 steps"
s0=$(t_settle)

step "? opens the help"
t_keys '?'
t_wait ":goto"
t_see ":add"
t_see_not "Front desk"

step "scrolling down reaches the file commands"
# one row at a time until :export shows (the panels' keys follow the
# commands, so a fixed count would scroll past it); each j is waited for
t_chk_moved() { [ "$T_SCR" != "$prev" ]; }
for (( i = 0; i < 150; i++ )); do
	t_grab
	t_chk_has ":export" && break
	prev=$T_SCR
	t_keys j
	t_poll_fn "the help to scroll" t_chk_moved
done
t_wait ":export"
t_see ":undo"
t_see "undo the last change"
t_see ":q"

step "Esc closes it"
t_keys Escape
t_wait "Front desk"
t_see_not ":goto"
[ "$(t_settle | head -n 22)" = "$(head -n 22 <<<"$s0")" ] || fail "the grid differs after closing the help"

step "F1 and :help open it too"
t_keys F1
t_wait ":goto"
t_keys Escape
t_wait "Front desk"
t_cmd help
t_wait ":goto"
t_keys q
t_wait "Front desk"
t_alive
t_keys q
t_wait_dead
pass
