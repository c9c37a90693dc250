#!/bin/bash
# Escape sequences the line editor does not know (Ctrl-Left, Alt-b, an
# unknown CSI key, Home as ESC [ H) are dropped whole: the typed text
# stays, the edit goes on, and nothing of them runs as a grid command.
. "$(dirname "$0")/lib.sh"

f=$(t_copy hotel.yaml)
step "open, start a new step"
t_start "$f"
t_wait_foot "30 steps"
t_keys j a
t_wait_foot "New step"
t_type "abc"

step "Ctrl-Left, Alt-b, ESC [ 9 9 ~ in the prompt"
tm send-keys -t "$T_S" -H 1b 5b 31 3b 35 44 || fail "send-keys -H"
t_nap 0.1
tm send-keys -t "$T_S" -H 1b 62 || fail "send-keys -H"
t_nap 0.1
tm send-keys -t "$T_S" -H 1b 5b 39 39 7e || fail "send-keys -H"
t_nap 0.1
t_type "def"
t_wait_foot "abcdef"

step "Enter adds it; the prompt is still open for the next card"
t_keys Enter
t_wait_foot "31 steps"
t_keys Escape
t_wait_foot "Done adding"

step "ESC [ H in the grid goes to the first column, moves no step"
t_keys l l
t_wait_foot "Guest / Arrive"
tm send-keys -t "$T_S" -H 1b 5b 48 || fail "send-keys -H"
t_wait_foot "Guest / Book"
tm send-keys -t "$T_S" -H 1b 5b 31 3b 32 44 || fail "send-keys -H" # Shift-Left
t_cmd "w"
t_wait_foot "Saved"
t_file_has "$f" "text: abcdef"
# the file is the original plus the one step: no step moved
[ "$(grep -c 'lane:' "$f")" = 31 ] || fail "steps lost or added"
diff <(grep -v abcdef "$f" | grep -E 'column:' | sort) \
	<(grep -E 'column:' "$SRCDIR/tests/tui/data/hotel.yaml" | sort) >/dev/null ||
	fail "a step changed its cell"
t_keys q
t_wait_dead
pass
