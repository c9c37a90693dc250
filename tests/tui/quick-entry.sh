#!/bin/bash
# Building from scratch at 80x24 with quick entry and the forms: a, a
# card, Tab (the lane below, with a flow), Enter (the next column), Esc;
# f's form (text, severity, recovery); s making a new standard (its kind
# and dimension from a list); R renames an id, y/P copy a card; / and
# Ctrl-N search; :w saves; the file holds all of it.
. "$(dirname "$0")/lib.sh"

step "sbp new.yaml"
t_start new.yaml
t_wait_foot "New file"
t_keys j
t_wait_foot "Customer act"

step "quick entry: two cards down a column, one in the next"
t_keys a
t_wait_foot "New step:"
t_type "Walk into shop"
t_keys Tab
t_wait_foot "New step after walk-into-shop:"
t_type "Greet customer"
t_keys Enter
t_wait_foot "New step:"
t_type "Ask for help"
t_keys Enter Escape
t_wait_foot "Done adding"
t_wait_foot "3 steps"
t_screen | grep "^Customer" | grep -q "Ask for help" || fail "the third card is not in the customer lane"

step "f: the fail point's form"
t_keys h j
t_settle >/dev/null
t_keys f
t_wait "Fail point"
t_type "Nobody comes"
t_keys Enter
t_wait_foot "Severity"
t_type "4"
t_keys Enter
t_wait_foot "Recovery"
t_type "Bell at the desk"
t_keys Enter
t_wait_gone "What goes wrong"

step "s: a new standard, soft, empathy"
t_keys s
t_wait "new standard"
t_type "Greet within 30 s"
t_keys Enter
t_wait_foot "Kind"
t_see "1 hard  2 soft"
t_type "2"
t_keys Enter
t_wait_foot "Dimension"
t_see "5 empathy"
t_type "5"
t_keys Enter
t_wait_foot "Made standard"

step "R renames the card's id; y and P copy it"
t_keys R
t_wait_foot "New id:"
t_type "greet"
t_keys Enter
t_wait_foot "Renamed"
t_keys y
t_wait_foot "Copied greet"
t_keys l
t_settle >/dev/null
t_keys P
t_wait_foot "a copy of greet"
t_wait_foot "4 steps"

step "/ finds the fail text; Ctrl-N goes on"
t_keys /
t_type "nobody"
t_keys Enter
t_wait_foot "2 steps match"
t_keys C-n
t_wait_foot "2 steps match"

step ":w, and the file"
t_cmd w
t_wait_foot "Saved"
t_file_has "$T_DIR/new.yaml" "id: greet"
t_file_has "$T_DIR/new.yaml" "from: walk-into-shop, to: greet"
t_file_has "$T_DIR/new.yaml" "severity: 4"
t_file_has "$T_DIR/new.yaml" "dimension: empathy"
t_file_has "$T_DIR/new.yaml" "kind: soft"
t_keys q
t_wait_dead
pass
