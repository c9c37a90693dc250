#!/bin/bash
# Blueprints that smuggle terminal escape sequences through YAML escapes
# (a title-setting OSC "\e]0;pwned\a", a screen clear "\ec", colour codes
# "\e[31m", an 8-bit CSI "\x9b2J", DEL) or as raw bytes: the editor refuses
# each with an error naming the file and the place, instead of showing it;
# the bytes sent to the pty (script(1)) hold none of the sequences, and the
# pane's title is not changed.
. "$(dirname "$0")/lib.sh"

mk() { printf '%b' "$2" > "$T_DIR/$1.yaml"; }
mk osc   'sbp: 1\ntitle: "\\e]0;pwned\\a"\n'
mk clear 'sbp: 1\ntitle: ok\ncolumns:\n  - {id: c, name: C}\nsteps:\n  - {id: s, lane: customer, column: c, text: "before\\ecafter"}\n'
mk color 'sbp: 1\ntitle: ok\nlanes:\n  - {id: l, name: "\\e[31mred\\e[0m", zone: customer}\n'
mk csi8  'sbp: 1\ntitle: ok\ncolumns:\n  - {id: c, name: "x\\x9b2Jy"}\n'
mk del   'sbp: 1\ntitle: "a\\x7fb"\n'
mk raw   'sbp: 1\ntitle: "raw \033]0;pwned\007 title"\n'
mk rawc1 'sbp: 1\ntitle: "raw \302\233""2J"\n'

names="osc clear color csi8 del raw rawc1"
step "start an editor on each, all at once"
for n in $names; do
	t_start_script "$n" "$T_DIR/$n.yaml"
done
for n in $names; do
	step "$n.yaml is refused"
	t_use "$n"
	t_wait_dead
	t_screen | grep -q "$n.yaml.*error\|error.*$n.yaml" || fail "no error about $n.yaml"
	[ "$(t_exit_status)" != 0 ] || fail "sbp exits 0 on a refused file"
	t_screen | grep -q "line of interaction" && fail "the grid of a refused file is shown"
	out=$(t_bytes_clean "$T_DIR/$n.typescript" $'\e[31mred') ||
		fail "escape sequences of $n.yaml reached the terminal:
$out"
	tm display -p -t "$n" '#{pane_title}' | grep -q pwned && fail "the pane title was set by the file"
done
pass
