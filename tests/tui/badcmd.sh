#!/bin/bash
# Bad commands and arguments: each shows an error in the status/message
# line and changes nothing: the grid and counts stay, no [+], :q quits
# without asking, the file is untouched; then :w writes the same bytes.
. "$(dirname "$0")/lib.sh"

f=$(t_copy hotel.yaml)
step "open hotel.yaml"
t_start "$f"
t_wait_foot "30 steps"
t_cmd "goto register"
t_wait_foot "Front desk"
grid0=$(t_settle | head -n 22)

# Run a bad command; its error must name WORD, and nothing may change.
bad() {
	step "bad command :$1"
	t_cmd "$1"
	t_wait_foot "$2"
	local scr
	scr=$(t_screen)   # one paint draws the message: no need to settle
	[ "$(head -n 22 <<<"$scr")" = "$grid0" ] || fail "the grid changed after :$1"
	tail -n 2 <<<"$scr" | grep -qF "[+]" && fail "[+] after :$1"
	tail -n 2 <<<"$scr" | grep -q "30 steps .* 3 flagged" || fail "the counts changed after :$1"
	return 0
}
bad "frobnicate" "frobnicate"
bad "goto nosuchid" "nosuchid"
bad "lane X nowhere" "nowhere"
bad "lane" ":lane NAME ZONE"
bad "duration soon" "soon"
bad "severity 9" "1 to 5"
bad "std no-such-standard" "no-such-standard"
bad "flow register nosuchstep" "nosuchstep"
bad "export nosuchformat out.x" "nosuchformat"
[ -e "$T_DIR/out.x" ] && fail ":export with a bad format wrote a file"

step ":q quits at once (nothing changed)"
t_cmd q
t_wait_dead
t_same "$f" "$SRCDIR/tests/tui/data/hotel.yaml"

step "reopen and :w: the same bytes (the example is canonical)"
t_use two; T_NEXT=two t_start "$f"
t_wait_foot "30 steps"
t_cmd "frobnicate"
t_wait_foot "frobnicate"
t_cmd w
t_wait_foot "Saved"
t_same "$f" "$SRCDIR/tests/tui/data/hotel.yaml"
t_keys q
t_wait_dead
pass
