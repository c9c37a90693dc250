#!/bin/bash
# Open hotel.yaml at 80x24: lane names at the left, phase and column
# headers at the top, the three lines as labelled rules between the right
# lanes, markers on the cards, and the status line with the file name and
# the counts.
. "$(dirname "$0")/lib.sh"

f=$(t_copy hotel.yaml)
step "open hotel.yaml"
t_start "$f"
t_wait "Front desk"
scr=$(t_settle)

step "phase and column headers at the top"
head -n 2 <<<"$scr" | grep -q "Before arrival" || fail "no phase header \"Before arrival\" at the top"
head -n 2 <<<"$scr" | grep -q "Arrival" || fail "no phase header \"Arrival\" at the top"
for c in Book Pre-arrival Arrive; do
	head -n 2 <<<"$scr" | grep -q -- "$c" || fail "no column header \"$c\" at the top"
done

step "lane names at the left, in file order"
order=""
for l in "Physical" "Guest" "Front desk" "Door and" "Mobile app" "Backstage" "Support"; do
	n=$(grep -n -m1 "^$l" <<<"$scr" | cut -d: -f1)
	[ -n "$n" ] || fail "lane \"$l\" is not at the left edge"
	order="$order $n"
done
sort -n -c <(tr ' ' '\n' <<<"${order# }") 2>/dev/null || fail "lanes out of file order (rows$order)"

step "the three lines, labelled, between the right zones"
row() { grep -n -m1 -E -- "$1" <<<"$scr" | cut -d: -f1; }
li=$(row "line of interaction")
lv=$(row "line of visibility")
lii=$(row "line of internal interaction")
[ -n "$li" ] || fail "no \"line of interaction\" rule"
[ -n "$lv" ] || fail "no \"line of visibility\" rule"
[ -n "$lii" ] || fail "no \"line of internal interaction\" rule"
[ "$(row '^Guest')" -lt "$li" ] && [ "$li" -lt "$(row '^Front desk')" ] ||
	fail "the line of interaction is not between the customer and onstage lanes"
[ "$(row '^Mobile app')" -lt "$lv" ] && [ "$lv" -lt "$(row '^Backstage')" ] ||
	fail "the line of visibility is not between the onstage and backstage lanes"
[ "$(row '^Backstage')" -lt "$lii" ] && [ "$lii" -lt "$(row '^Support')" ] ||
	fail "the line of internal interaction is not between backstage and support"

step "markers: ! on the flagged app-book, F on res-sync, standards count on greet"
grep "^Mobile app" <<<"$scr" | grep -q '!.*Booking engine' || fail "no ! before app-book's card"
grep "^Support" <<<"$scr" | grep -q 'F.*Channel manag' || fail "no F on res-sync's card"
grep "^Door and" <<<"$scr" | grep -q '1 *Greet the gue' || fail "no standards count 1 on greet's card"

step "status line: file name and counts"
foot=$(tail -n 2 <<<"$scr")
grep -q "hotel.yaml" <<<"$foot" || fail "no file name in the status line"
grep -q "30 steps" <<<"$foot" || fail "no step count (30 steps) in the status line"
grep -q "3 flagged" <<<"$foot" || fail "no flagged count (3 flagged) in the status line"
grep -q '\[+\]' <<<"$foot" && fail "a file just opened is shown as modified"

step "the whole screen, as expected"
t_expect_screen hotel-80x24

step "a clean quit"
t_keys q
t_wait_dead
[ "$(t_exit_status)" = 0 ] || fail "exit status $(t_exit_status) after q"
[ -e "$T_DIR/.hotel.yaml.sbp-lock" ] && fail "the lock file is left behind after a clean quit"
t_same "$f" "$SRCDIR/tests/tui/data/hotel.yaml"
pass
