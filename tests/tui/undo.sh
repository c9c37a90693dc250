#!/bin/bash
# Undo and redo: add a step (a, type, Enter): it shows, 31 steps, [+];
# u: gone, 30 steps and the modified flag clear again; Ctrl-R: back.
# Then a saved state: undo after :w marks the file modified again.
. "$(dirname "$0")/lib.sh"

f=$(t_copy hotel.yaml)
step "open hotel.yaml, go to an empty cell (Mobile app / Arrive)"
t_start "$f"
t_wait_foot "30 steps"
t_cmd "goto greet"
t_wait_foot "Door and"
t_keys j
t_wait_foot "Mobile app"

step "a adds a step"
t_keys a
t_wait "New step"
t_type "Scan the QR code at the door"
t_keys Enter Escape
t_wait_foot "Done adding"
t_wait "Scan the QR code"
t_wait_foot "31 steps"
t_wait_foot "4 flagged"
# the card is cut to its column at 80x24; the detail pane shows it whole
t_screen | grep "^Mobile app" | grep -q '!   Scan the QR co' || fail "the new step is not a flagged card in Mobile app / Arrive"
t_see "Scan the QR code at the door"
t_screen | grep -qE '^ Place +Mobile app / Arrive' || fail "the detail pane does not place the new step in Mobile app / Arrive"
t_foot | grep -qF "[+]" || fail "no [+] after adding a step"

step "u undoes it"
t_keys u
t_wait_gone "Scan the QR code"
t_wait_foot "30 steps"
t_wait_foot "3 flagged"
t_foot | grep -qF "[+]" && fail "still [+] after undoing back to the file's state"

step "Ctrl-R redoes it"
t_keys C-r
t_wait "Scan the QR code"
t_wait_foot "31 steps"
t_foot | grep -qF "[+]" || fail "no [+] after redo"

step "save, then undo: modified again; redo: clean again"
t_keys C-s
t_wait_foot "Saved"
t_foot | grep -qF "[+]" && fail "[+] after saving"
t_expect_summary "$f" steps 31
t_keys u
t_wait_gone "Scan the QR code"
t_wait_foot "[+]"
t_keys C-r
t_wait "Scan the QR code"
t_settle >/dev/null
t_foot | grep -qF "[+]" && fail "[+] after redoing back to the saved state"

step "q quits without asking (nothing unsaved)"
t_keys q
t_wait_dead
pass
