#!/bin/bash
# A hostile file name never reaches the terminal raw (issue 10, item 10):
# $'evil\e]0;PWNED\a\e[2J.yaml' holding an invalid blueprint, opened in the
# editor (the "cannot open ... (sbp check ...)" line), and given to check,
# fmt and export; then a valid file with such a name opened, saved and
# exported from the editor. The bytes sent to the pty (script(1)) and the
# commands' stderr hold no OSC, BEL or screen clear.
. "$(dirname "$0")/lib.sh"

evil=$'evil\e]0;PWNED\a\e[2J'
bad="$T_DIR/$evil.yaml"
printf 'sbp: 1\ntitle: [unclosed\n' > "$bad"

# Fail when the file $1 holds an ESC ] (OSC), a BEL or ESC [ 2 J.
no_raw() {
	"$T_PY" - "$1" <<'PY' || fail "$2: raw escape bytes of the file name were printed"
import sys
d = open(sys.argv[1], "rb").read()
sys.exit(1 if (b"\x1b]" in d or b"\x07" in d or b"\x1b[2J" in d) else 0)
PY
}

step "the editor on an invalid file with a hostile name"
t_start_script bad "$bad"
t_use bad
t_wait_dead
[ "$(t_exit_status)" = 2 ] || fail "exit status $(t_exit_status), expected 2"
t_screen | grep -q "cannot open" || fail "no 'cannot open' line"
out=$(t_bytes_clean "$T_DIR/bad.typescript") || fail "the file name reached the terminal:
$out"
tm display -p -t bad '#{pane_title}' | grep -q PWNED && fail "the pane title was set by the file name"

step "check, fmt and export on it: stderr is clean"
for cmd in "check" "fmt" "export -f svg"; do
	# shellcheck disable=SC2086
	"$SBP" $cmd "$bad" >"$T_DIR/err.txt" 2>&1
	[ -s "$T_DIR/err.txt" ] || fail "sbp $cmd printed no error"
	no_raw "$T_DIR/err.txt" "sbp $cmd"
done

step "a valid file with a hostile name: open, save, export in the editor"
good="$T_DIR/${evil}ok.yaml"
cp "$SRCDIR/tests/tui/data/hotel.yaml" "$good"
t_start_script good "$good"
t_use good
t_wait_foot "30 steps"
t_cmd "title Renamed"
t_keys C-s
t_wait_foot "Saved"
t_cmd "export svg $T_DIR/out.svg"
t_wait_foot "Exported"
t_cmd "w $T_DIR/copy.yaml"
t_wait_foot "Wrote a copy"
t_keys q
t_wait_dead
t_file_has "$good" "title: Renamed"
out=$(t_bytes_clean "$T_DIR/good.typescript") || fail "the file name reached the terminal:
$out"

step "its recovery question (which names the recovery file) is clean too"
t_start_script crash "$good"
t_use crash
t_wait_foot "30 steps"
t_cmd "title Unsaved"
t_wait_foot "[+]"
kill -TERM "$(t_pid)"
t_wait_dead
t_start_script again "$good"
t_use again
t_wait_re "[Rr]ecover"
t_keys d
t_wait_foot "Discarded"
t_keys q
t_wait_dead
out=$(t_bytes_clean "$T_DIR/again.typescript") || fail "the file name reached the terminal:
$out"
pass
