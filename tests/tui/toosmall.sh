#!/bin/bash
# A too-small terminal: at 40x10 the editor says so (and draws no grid);
# back at 80x24 it draws the grid as before. Keys typed while too small do
# not quit or break it.
. "$(dirname "$0")/lib.sh"

f=$(t_copy hotel.yaml)
step "open at 80x24"
t_start "$f"
t_wait_foot "30 steps"
s80=$(t_settle)

step "resize to 40x10"
t_resize 40 10
t_wait_re "too small" -i
scr=$(t_settle)
grep -q "Front desk" <<<"$scr" && fail "the grid is still drawn at 40x10"

step "resize to 59x24 (one column under the minimum)"
t_resize 59 24
t_wait_re "too small" -i

step "back to 80x24"
t_resize 80 24
t_wait "Front desk"
back=$(t_settle)
[ "$(head -n 23 <<<"$back")" = "$(head -n 23 <<<"$s80")" ] ||
	{ diff <(head -n 23 <<<"$s80") <(head -n 23 <<<"$back"); fail "the grid differs from before"; }
t_alive
t_keys q
t_wait_dead
pass
