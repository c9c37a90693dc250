#!/bin/bash
# The standards catalog (S): each standard with its kind, dimension,
# actual against goal (those below goal marked), how many steps use it and
# which; a adds a standard, Enter edits a field; deleting one in use asks
# first. And the command line: Tab completes command names and step ids,
# Up recalls the last command.
. "$(dirname "$0")/lib.sh"

f=$(t_copy hotel.yaml)
step "S opens the catalog"
t_start "$f"
t_wait_foot "30 steps"
t_keys S
t_wait "greet-30s"
scr=$(t_settle)
grep -q "greet-30s *hard *responsiveness *91/95 !" <<<"$scr" || fail "greet-30s: kind, dimension, actual/goal and the below-goal mark"
grep -q "mobile-key *hard *reliability *99.4/99 " <<<"$scr" || fail "mobile-key: actual/goal, not below goal"
grep -q "welcome *soft *empathy" <<<"$scr" || fail "welcome: soft, empathy"
grep -q "Used by: *greet" <<<"$scr" || fail "no \"Used by\" for greet-30s"
t_keys j j
t_wait_re "Used by: *register, settle"

step "a adds a standard"
t_keys a
t_wait_re "[Nn]ame"
t_type "Door opens in time"
t_keys Enter
t_wait_foot "[+]"
t_wait "door-opens-in-time"
t_keys Escape
t_wait_gone "greet-30s"

step "deleting a standard in use asks first"
t_cmd "stddelete greet-30s"
t_wait_re "in use" -i
t_keys n
t_settle >/dev/null
t_cmd w
t_wait_foot "Saved"
t_file_has "$f" "id: greet-30s"
t_file_has "$f" "door-opens-in-time"
t_expect_summary "$f" standards 9

step "Tab completes a command and a step id; Up recalls"
t_keys :
t_type "go"
t_keys Tab
t_wait_foot ":goto"
t_type "regi"
t_keys Tab
t_wait_foot ":goto register"
t_keys Enter
t_wait_foot "Front desk"
t_keys :
t_keys Up
t_wait_foot ":goto register"
t_keys Escape
t_wait_gone ":goto register"
t_keys q
t_wait_dead
pass
