#!/bin/bash
# Navigation and scrolling on a blueprint larger than the screen (20 lanes,
# 12 columns): moving right past the edge scrolls the column headers,
# moving down past the last visible lane scrolls the lanes, the selected
# card and its place stay on screen, and moving back scrolls back. The
# selection is marked where the status line says: the whole card in one
# highlighted block (markers and text), a pointer after its lane's name and one before
# its column's name, and nowhere else.
. "$(dirname "$0")/lib.sh"

# The selection is shown on the card with text $3, in lane $1, column $2.
sel_at() {
	local marks scr
	t_settle >/dev/null
	marks=$(t_sel_marks)
	[ -n "$marks" ] && [ "$(wc -l <<<"$marks")" -eq 1 ] ||
		fail "not one marked card: ${marks:-none}"
	[[ $marks =~ ^[0-9]+\ [0-9]+\ ([0-9]+)\ (.*)$ ]] || fail "cannot read the mark: $marks"
	# markers and text in one block (trailing blanks of a highlighted
	# line may be sent as an erase, which capture-pane does not show)
	[ "${BASH_REMATCH[1]}" -ge $(( 4 + ${#3} )) ] || fail "the highlight does not cover the whole card: $marks"
	[[ ${BASH_REMATCH[2]} == *"$3" ]] || fail "the highlighted card is not $3: $marks"
	scr=$(t_screen)
	head -n 2 <<<"$scr" | grep -q "▾$2" || fail "no ▾ before $2"
	grep -q "^$1 *▸ " <<<"$scr" || fail "no ▸ after $1"
	[ "$(grep -o '[▸▾]' <<<"$scr" | wc -l)" -eq 2 ] || fail "more than two pointers"
}

f="$T_DIR/grid.yaml"
t_gen_grid "$f" 20 12
step "open a 20x12 grid"
t_start "$f"
t_wait "L01C01"
head2() { t_screen | head -n 2; }
head2 | grep -q "Col 01" || fail "no header Col 01"
head2 | grep -q "Col 04" || fail "Col 04 not shown at 80 columns (4 columns of 17 fit)"
head2 | grep -q "Col 05" && fail "Col 05 shown at 80 columns (only 4 fit)"
t_see "Lane 01"
t_screen | grep -q "^Lane 20" && fail "Lane 20 fits on an 80x24 screen?"
sel_at "Lane 01" "Col 01" "L01C01"

step "right to Col 05: the headers scroll"
t_keys l l l l
t_wait_foot "Lane 01 / Col 05"
t_poll "Col 05 in the headers" "head -n 2 | grep -q 'Col 05'"
head2 | grep -q "Col 01" && fail "Col 01 still in the headers after scrolling right"
t_see "L01C05"
sel_at "Lane 01" "Col 05" "L01C05"

step "right to the last column (12)"
t_keys l l l l l l l
t_wait_foot "Lane 01 / Col 12"
t_poll "Col 12 in the headers" "head -n 2 | grep -q 'Col 12'"
t_see "L01C12"
t_keys l
t_settle >/dev/null
t_foot | grep -q "Lane 01 / Col 12" || fail "moving right of the last column lost the selection"

step "down past the last visible lane"
t_repeat 19 j
t_wait_foot "Lane 20 / Col 12"
t_poll "Lane 20 at the left" "grep -q '^Lane 20'"
t_see "L20C12"
sel_at "Lane 20" "Col 12" "L20C12"
t_screen | grep -q "^Lane 01" && fail "Lane 01 still shown after scrolling to lane 20"
t_screen | grep -q "L01C12" && fail "L01C12 still shown after scrolling to lane 20"
head2 | grep -q "Col 12" || fail "the column headers went away while scrolling down"

step "back up and left: scrolls back"
t_repeat 19 k
t_wait_foot "Lane 01 / Col 12"
t_poll "Lane 01 at the left" "grep -q '^Lane 01'"
t_repeat 11 h
t_wait_foot "Lane 01 / Col 01"
t_poll "Col 01 in the headers" "head -n 2 | grep -q 'Col 01'"
t_see "L01C01"
sel_at "Lane 01" "Col 01" "L01C01"
t_screen | grep -q "L01C12" && fail "Col 12 still shown after scrolling back left"

# ($ and 0, not End and Home: tmux sends \e[4~ and \e[1~, which the
# xterm-256color terminfo the brief prescribes does not list)
step "\$ and G jump to the far corner, 0 and g back"
t_keys '$' G
t_wait_foot "Lane 20 / Col 12"
t_see "L20C12"
t_keys 0 g
t_wait_foot "Lane 01 / Col 01"
t_see "L01C01"
t_keys q
t_wait_dead
pass
