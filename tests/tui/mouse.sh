#!/bin/bash
# The mouse: the editor asks for button events only (xterm mode 1000, with
# SGR coordinates), never motion tracking (1002/1003), so that the
# terminal's own selection still works with Shift. A click selects the
# card under it; the wheel moves the selection.
. "$(dirname "$0")/lib.sh"
command -v script >/dev/null 2>&1 || { echo "SKIP: no script(1)"; exit 77; }

f=$(t_copy hotel.yaml)
step "open under script(1), which keeps what the editor writes"
t_start_cmd main "script -qfc $(printf %q "$(t_sbp_cmd "$f")") $(printf %q "$T_DIR/typescript")"
t_wait_foot "30 steps"

step "a click on Guest / Pre-arrival selects it"
tm send-keys -t "$T_S" -l $'\e[<0;45;5M\e[<0;45;5m' || fail "send-keys"
t_wait_foot "Guest / Pre"

step "the wheel moves the selection down"
tm send-keys -t "$T_S" -l $'\e[<65;45;5M' || fail "send-keys"
t_wait_foot_re "Mobile app|Door and"
t_keys q
t_wait_dead

step "button events only"
grep -aq $'\e\\[?1006;1000h\|\e\\[?1000h' "$T_DIR/typescript" || fail "mouse mode 1000 is not set"
grep -aq $'\e\\[?100[23]' "$T_DIR/typescript" && fail "motion tracking (1002/1003) was asked for"
pass
