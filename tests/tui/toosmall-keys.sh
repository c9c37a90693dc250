#!/bin/bash
# While "terminal too small" is shown, keys change nothing: d, J, x, u and
# a `:` command are ignored; back at 80x24 the blueprint is unmodified and
# q quits at once. q while small quits when nothing is unsaved.
. "$(dirname "$0")/lib.sh"

f=$(t_copy hotel.yaml)
step "open, select a step"
t_start "$f"
t_wait_foot "30 steps"
t_keys j

step "too small: keys that would edit"
t_resize 40 10
t_wait_re "too small" -i
t_keys d d J x u
t_type ":title X"
t_keys Enter
t_nap 0.3
t_resize 80 24
t_wait_foot "30 steps"
t_see_not "[+]"

step "q quits at once (nothing changed)"
t_keys q
t_wait_dead
t_same "$f" "$SRCDIR/tests/tui/data/hotel.yaml"

step "q while small quits too"
T_NEXT=two t_start "$f"
t_wait_foot "30 steps"
t_resize 40 10
t_wait_re "too small" -i
t_keys q
t_wait_dead
pass
