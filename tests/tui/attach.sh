#!/bin/bash
# Attaching a standard clears the flag: n goes to a flagged encounter (its
# card shows !, the status line counts 3 flagged); s opens the picker, a
# filter narrows it, Enter attaches: the ! is gone, the card shows 1 (one
# standard), the count is 2; :w writes it.
. "$(dirname "$0")/lib.sh"

f=$(t_copy hotel.yaml)
step "open hotel.yaml"
t_start "$f"
t_wait_foot "3 flagged"

step "n selects the first flagged encounter (app-book)"
t_keys n
t_wait_foot "Mobile app / Book"
t_screen | grep "^Mobile app" | grep -q '!   Booking engine' || fail "no ! on app-book's card"

step "s, filter \"mobile\", Enter"
t_keys s
t_wait "mobile-key"
t_see "greet-30s"
t_type "mobile"
t_poll "the filter to hide greet-30s" "! grep -q greet-30s"
t_see "mobile-key"
t_keys Enter
t_wait_foot "2 flagged"
t_wait_gone "mobile-key"
line=$(t_screen | grep "^Mobile app")
grep -q '!   Booking engine' <<<"$line" && fail "app-book still flagged: $line"
grep -q '1   Booking engine' <<<"$line" || fail "app-book's card does not show 1 standard: $line"
t_foot | grep -qF "[+]" || fail "not marked modified after attaching"

step "the inspector lists it"
t_keys i
t_wait "Step inspector"
t_see "mobile-key"
t_keys Escape
t_wait_gone "Step inspector"

step ":w saves it"
t_cmd w
t_wait_foot "Saved"
t_expect_summary "$f" unstandardized 2
[ "$(t_flagged_steps "$f" | tr '\n' ' ')" = "app-order farewell " ] ||
	fail "flagged steps in the file: $(t_flagged_steps "$f" | tr '\n' ' ')"
"$T_PY" - "$f" <<'PY' || fail "app-book does not have standards [mobile-key] in the file"
import re, sys
t = open(sys.argv[1]).read()
m = re.search(r"id: app-book\b(.*?)(\n  - |\nflows:)", t, re.S)
sys.exit(0 if m and re.search(r"standards: \[mobile-key\]", m.group(1)) else 1)
PY
t_keys q
t_wait_dead
pass
