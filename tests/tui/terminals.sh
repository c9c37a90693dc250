#!/bin/bash
# Other terminals: 8 colours (TERM=xterm), no colour (NO_COLOR=1, and
# TERM=vt100): the grid, the lines and the status line are drawn, moving
# works, the selected card is marked (the whole card in reverse or on a
# background colour, and only that card), and without colour the screen
# holds no colour codes.
. "$(dirname "$0")/lib.sh"

f=$(t_copy hotel.yaml)
run() {
	local name=$1
	step "$name: open, move, quit"
	T_NEXT=$name t_start "$f"
	t_wait "Front desk"
	t_wait "line of visibility"
	t_wait_foot "3 flagged"
	t_keys n
	t_wait_foot "Mobile app / Book"
	t_keys l
	t_wait_foot "Mobile app / Pre-"
	t_settle >/dev/null
	local marks
	marks=$(t_sel_marks)
	[[ $marks =~ ^[0-9]+\ [0-9]+\ ([0-9]+)\ 1\ +App\ takes\ ID ]] &&
		[ "${BASH_REMATCH[1]}" -ge 16 ] && [ "$(wc -l <<<"$marks")" -eq 1 ] ||
		fail "the selected card (App takes ID...) is not the one marked: ${marks:-nothing marked}"
}
colours() { t_screen -e | grep -oE $'\e\\[[0-9;]*m' | grep -E '\[(.*;)?(3[0-8]|4[0-8]|9[0-7]|10[0-7])(;|m)' | head -n 3; }

T_TERM=xterm run xterm8
t_keys q
t_wait_dead

T_ENV="NO_COLOR=1" run nocolor
c=$(colours)
[ -z "$c" ] || fail "colour codes with NO_COLOR=1: $(printf '%q ' $c)"
t_keys q
t_wait_dead

T_TERM=vt100 run vt100
c=$(colours)
[ -z "$c" ] || fail "colour codes on a vt100: $(printf '%q ' $c)"
t_keys q
t_wait_dead
pass
