#!/bin/bash
# Resize: 80x24 -> 120x40 draws exactly what an editor started at 120x40
# draws (more columns, more rows, no leftovers), and back to 80x24 draws
# what it drew at first. The message line (last) may differ; the rest of
# the screen may not.
. "$(dirname "$0")/lib.sh"

f=$(t_copy hotel.yaml)
mkdir -p "$T_DIR/b" && cp "$f" "$T_DIR/b/hotel.yaml"
body() { head -n $(( $1 - 1 )); }

step "open at 80x24"
t_start "$f"
t_wait_foot "30 steps"
s80=$(t_settle)
head -n 2 <<<"$s80" | grep -q "Check in" && fail "4 columns at 80x24?"

step "a reference editor started at 120x40 (a copy of the file)"
T_W=120 T_H=40 T_NEXT=ref t_start "$T_DIR/b/hotel.yaml"
t_wait_foot "30 steps"
ref=$(t_settle)
head -n 2 <<<"$ref" | grep -q "Check in" || fail "no 4th column (Check in) at 120x40"

step "resize 80x24 -> 120x40"
t_use main
t_resize 120 40
t_poll "Check in in the headers" "head -n 2 | grep -q 'Check in'"
s120=$(t_settle)
if [ "$(body 40 <<<"$s120")" != "$(body 40 <<<"$ref")" ]; then
	diff <(body 40 <<<"$ref") <(body 40 <<<"$s120") | head -n 20
	fail "after resizing to 120x40 the screen differs from a fresh start at 120x40"
fi

step "moving on the bigger screen: the 4th column"
t_keys l l l
t_wait_foot "Check in"
t_keys h h h
t_settle >/dev/null

step "back to 80x24"
t_resize 80 24
t_poll "Check in to leave the headers" "! head -n 2 | grep -q 'Check in'"
back=$(t_settle)
if [ "$(body 24 <<<"$back")" != "$(body 24 <<<"$s80")" ]; then
	diff <(body 24 <<<"$s80") <(body 24 <<<"$back") | head -n 20
	fail "after resizing back to 80x24 the screen differs from the first one"
fi
t_keys q
t_wait_dead
pass
