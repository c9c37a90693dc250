#!/bin/bash
# Help: ? lists the keys and commands (generated from the command table:
# :goto, undo, :w...), j scrolls it to the later rows, Esc closes it and the
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
t_repeat 60 j
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
