# Helpers for the editor scenarios (sourced by each tests/tui/*.sh), in the
# style of tmux's regress/*.sh: the real sbp runs in a private tmux server
# (its own socket, its own temp dir), keys go in with send-keys, screens
# come out with capture-pane. Every wait polls with a timeout; on failure
# the last screen is printed. The server, the editors it ran and the temp
# dir are removed on exit, whatever happened.
#
# Environment: SBP (the binary), SRCDIR (source root), TUI_TIMEOUT (seconds
# per wait, default 5), TUI_KEEP=1 keeps the temp dir for a post-mortem.

set -u
: "${SBP:?SBP must name the sbp binary}"
: "${SRCDIR:?SRCDIR must name the source root}"
export LC_ALL=C.UTF-8
unset TMUX TMUX_PANE

command -v tmux >/dev/null 2>&1 || { echo "SKIP: no tmux"; exit 77; }
# A python3 for the stdlib-only helpers: the system one when there is one,
# else the interpreter behind PATH's python3 (a pyenv shim costs a second
# a call, so it is resolved once).
if [ -x /usr/bin/python3 ]; then
	T_PY=/usr/bin/python3
else
	T_PY=$(python3 -c 'import sys; print(sys.executable)') || { echo "SKIP: no python3"; exit 77; }
fi

T_NAME=$(basename "$0" .sh)
T_TIMEOUT=${TUI_TIMEOUT:-5}
T_DIR=$(mktemp -d "${TMPDIR:-/tmp}/sbp-tui-$T_NAME.XXXXXX")
T_SOCK="sbp-test-$$-$T_NAME"
T_S=main        # the session the helpers act on (t_use changes it)
T_PIDS=""       # pane processes started, waited for at cleanup
T_STEP=""       # what the test is doing, for failure messages
T_W=80 T_H=24   # size of the next session
mkdir -p "$T_DIR/home" "$T_DIR/state"

# Sleep without a fork: read from a pipe nobody writes to.
exec {T_NAP_FD}<> <(:)
t_nap() { read -r -t "$1" -u "$T_NAP_FD" _ 2>/dev/null; return 0; }

# Run tmux on the test's own server.
tm() { tmux -L "$T_SOCK" -f /dev/null "$@"; }

# Every descendant of the pids given (children first found, then theirs).
t_descendants() {
	local p c
	for p in "$@"; do
		for c in $(pgrep -P "$p" 2>/dev/null); do
			echo "$c"
			t_descendants "$c"
		done
	done
}

# Kill the server, wait for the editors it ran, remove the temp dir.
t_cleanup() {
	local rc=$? p i all
	all="$T_PIDS $(t_descendants $T_PIDS)"
	tm kill-server >/dev/null 2>&1
	# tmux 3.3 leaves its socket behind
	rm -f "${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$T_SOCK"
	for p in $all; do
		for (( i = 0; i < 100; i++ )); do
			kill -0 "$p" 2>/dev/null || continue 2
			t_nap 0.02
		done
		kill -KILL "$p" 2>/dev/null # still ours after 2 s: a hung editor
	done
	if [ "${TUI_KEEP:-0}" = 1 ]; then
		echo "kept $T_DIR"
	else
		chmod -R u+w "$T_DIR" 2>/dev/null
		rm -rf "$T_DIR"
	fi
	exit $rc
}
trap t_cleanup EXIT
trap 'exit 130' INT TERM HUP

# Say what the test does next (shown when it fails).
step() { T_STEP="$*"; echo "-- $*"; }

# Fail: the reason, the step, the last screen of every session.
fail() {
	local s
	echo "FAIL: $T_NAME: ${T_STEP:+[$T_STEP] }$*"
	for s in $(tm list-sessions -F '#{session_name}' 2>/dev/null); do
		echo "---- screen of session $s ($(tm display -p -t "$s" \
			'#{window_width}x#{window_height}, dead=#{pane_dead}' 2>/dev/null)) ----"
		tm capture-pane -p -t "$s" 2>/dev/null | sed 's/^/|/'
	done
	echo "----"
	exit 1
}

# Copy an example blueprint into the temp dir; prints the copy's path.
t_copy() {
	cp "$SRCDIR/tests/tui/data/$1" "$T_DIR/${2:-$1}" || fail "cannot copy $1"
	echo "$T_DIR/${2:-$1}"
}

# The shell command that runs sbp with ARGS in a clean environment
# (T_TERM, and T_ENV for more VAR=VALUE words).
t_sbp_cmd() {
	local a cmd="env TERM=${T_TERM:-xterm-256color} LC_ALL=C.UTF-8"
	cmd="$cmd HOME=$(printf %q "$T_DIR/home") XDG_STATE_HOME=$(printf %q "$T_DIR/state")"
	cmd="$cmd ${T_ENV:-} $(printf %q "$SBP")"
	for a in "$@"; do
		cmd="$cmd $(printf %q "$a")"
	done
	echo "$cmd"
}

# Start a session NAME (at T_W x T_H, cwd the temp dir) whose shell runs
# the command CMD, then records its exit status in $T_DIR/.exit-NAME and
# shows it, and stays (tmux 3.3 loses the last output and the status of a
# pane whose process exits at once, so we do not rely on remain-on-exit).
# The helpers then act on session NAME.
t_start_cmd() {
	local name=$1 cmd=$2 pid
	rm -f "$T_DIR/.exit-$name"
	cmd="$cmd; s=\$?; echo \$s > $(printf %q "$T_DIR/.exit-$name"); printf '\\n[sbp exited: %s]\\n' \$s; exec sleep 100000"
	tm start-server \; set -g exit-empty off \; set -g status off \
		\; set -g remain-on-exit on \; set -g history-limit 0 \
		\; new-session -d -s "$name" -x "$T_W" -y "$T_H" -c "$T_DIR" "$cmd" \
		|| fail "tmux could not start session $name"
	pid=$(tm display -p -t "$name" '#{pane_pid}')
	T_PIDS="$T_PIDS $pid"
	T_S=$name
}

# Start sbp ARGS in session main (or $T_NEXT), after the shell words
# $T_PRE (e.g. "ulimit -f 20;").
t_start() { t_start_cmd "${T_NEXT:-main}" "${T_PRE:-} $(t_sbp_cmd "$@")"; }

# Act on session NAME from now on.
t_use() { T_S=$1; }

# Keys (tmux names: Enter Escape Up C-s ...), and literal text.
t_keys() { tm send-keys -t "$T_S" "$@" || fail "send-keys $*"; }
t_type() { tm send-keys -t "$T_S" -l -- "$1" || fail "send-keys -l $1"; }
# A `:` command, typed and entered (one tmux call).
t_cmd() {
	tm send-keys -t "$T_S" ':' \; send-keys -t "$T_S" -l -- "$1" \; \
		send-keys -t "$T_S" Enter || fail "send-keys :$1"
}
# Press KEY N times (one tmux call).
t_repeat() {
	local i a=()
	for (( i = 0; i < $1; i++ )); do a+=("$2"); done
	t_keys "${a[@]}"
}

# Milliseconds now, into T_NOW (no fork).
t_now() { local t=${EPOCHREALTIME/[.,]/}; T_NOW=$(( t / 1000 )); }

# Capture the screen: T_L (its lines, all of them), T_SCR (joined), T_FOOT
# (the last two lines: the status and message lines). Extra capture-pane
# flags may follow (e.g. -e for attributes).
t_grab() {
	local n IFS=$'\n'
	mapfile -t T_L < <(tm capture-pane -p -t "$T_S" "$@" 2>/dev/null)
	T_SCR="${T_L[*]}"
	n=${#T_L[@]}
	if [ "$n" -ge 2 ]; then
		T_FOOT="${T_L[n-2]}"$'\n'"${T_L[n-1]}"
	else
		T_FOOT="$T_SCR"
	fi
}
# The screen as text, every line (extra capture-pane flags may follow).
t_screen() { t_grab "$@"; printf '%s\n' "${T_L[@]}"; }
# Line N (1-based) of the screen.
t_line() { t_grab; printf '%s\n' "${T_L[$1 - 1]}"; }
# The last two lines (status and message lines).
t_foot() { t_grab; printf '%s\n' "$T_FOOT"; }

# Does any line of TEXT ($2) match the extended regular expression $1?
# ($3 = -i: ignoring case)
t_match_lines() {
	local l rc=1
	[ "${3:-}" = -i ] && shopt -s nocasematch
	while IFS= read -r l; do
		[[ $l =~ $1 ]] && { rc=0; break; }
	done <<<"$2"
	shopt -u nocasematch
	return $rc
}

# Poll the screen until the check succeeds, or fail after T_TIMEOUT
# seconds. The check is a command run with the screen captured (T_SCR,
# T_FOOT, T_L set); with t_poll it is a shell pipeline that reads the
# screen on stdin.
t_poll_fn() {
	local what=$1 end
	shift
	t_now; end=$(( T_NOW + T_TIMEOUT * 1000 ))
	while :; do
		t_grab
		"$@" && return 0
		t_now
		[ "$T_NOW" -ge "$end" ] && fail "timed out after ${T_TIMEOUT}s waiting for $what"
		t_nap 0.03
	done
}
t_chk_pipe() { printf '%s\n' "${T_L[@]}" | eval "$1" >/dev/null 2>&1; }
t_chk_has() { [[ $T_SCR == *"$1"* ]]; }
t_chk_lacks() { [[ $T_SCR != *"$1"* ]]; }
t_chk_foot() { [[ $T_FOOT == *"$1"* ]]; }
t_poll() { t_poll_fn "$1" t_chk_pipe "$2"; }
# Wait for a string (fixed, case-sensitive) to show anywhere on screen.
t_wait() { t_poll_fn "\"$1\"" t_chk_has "$1"; }
# Wait for an extended regular expression on a line (-i as a 2nd arg).
t_chk_re() { t_match_lines "$1" "$T_SCR" "${2:-}"; }
t_chk_foot_re() { t_match_lines "$1" "$T_FOOT" "${2:-}"; }
t_wait_re() { t_poll_fn "/$1/" t_chk_re "$1" "${2:-}"; }
# Wait until a string has gone from the screen.
t_wait_gone() { t_poll_fn "\"$1\" to go" t_chk_lacks "$1"; }
# Wait for a string / a regex on the last two lines (status, message).
t_wait_foot() { t_poll_fn "\"$1\" in the status/message line" t_chk_foot "$1"; }
t_wait_foot_re() { t_poll_fn "/$1/ in the status/message line" t_chk_foot_re "$1" "${2:-}"; }
# Fail at once unless the screen shows / does not show a string.
t_see() { t_grab; t_chk_has "$1" || fail "the screen does not show \"$1\""; }
t_see_not() { t_grab; t_chk_lacks "$1" || fail "the screen shows \"$1\""; }

# Wait until the screen has stayed the same for 0.25 s; prints it.
t_settle() {
	local a b end
	t_now; end=$(( T_NOW + T_TIMEOUT * 1000 ))
	t_grab; a=$T_SCR
	while :; do
		t_nap 0.125
		t_grab; b=$T_SCR
		if [ "$a" = "$b" ]; then
			t_nap 0.125
			t_grab
			[ "$a" = "$T_SCR" ] && { printf '%s\n' "${T_L[@]}"; return 0; }
		fi
		a=$T_SCR
		t_now
		[ "$T_NOW" -ge "$end" ] && fail "the screen never settled"
	done
}

# Has the editor of the current session exited? Its status.
t_dead() { [ -s "$T_DIR/.exit-$T_S" ]; }
t_wait_dead() {
	local i
	for (( i = 0; i < T_TIMEOUT * 40; i++ )); do
		t_dead && return 0
		t_nap 0.025
	done
	fail "the editor did not exit"
}
t_exit_status() { cat "$T_DIR/.exit-$T_S" 2>/dev/null; }
t_alive() { t_dead && fail "the editor exited (status $(t_exit_status))"; return 0; }

# The pid of the sbp process of the current session.
t_pid() {
	local p
	for p in $(t_descendants "$(tm display -p -t "$T_S" '#{pane_pid}')"); do
		[ "$(cat /proc/"$p"/comm 2>/dev/null)" = sbp ] && { echo "$p"; return 0; }
	done
	fail "no sbp process in session $T_S"
}

# Resize the current session's window.
t_resize() { tm resize-window -t "$T_S" -x "$1" -y "$2" || fail "resize to $1x$2"; }

# Wait until a file exists (or, with !, until it is gone).
t_wait_file() {
	local i
	for (( i = 0; i < T_TIMEOUT * 40; i++ )); do
		if [ "$1" = "!" ]; then [ -e "$2" ] || return 0
		else [ -e "$1" ] && return 0; fi
		t_nap 0.025
	done
	fail "timed out waiting for file ${2:+to vanish: }$*"
}

# `sbp check --format json FILE` summary field (steps, unstandardized...).
t_summary() {
	"$SBP" check --format json "$1" 2>/dev/null | "$T_PY" -c '
import json, sys
d = json.load(sys.stdin)
print(d["files"][0]["summary"][sys.argv[1]])' "$2" || fail "sbp check --format json $1 gave no $2"
}
# The steps flagged unstandardized-encounter in FILE, sorted, one a line.
t_flagged_steps() {
	"$SBP" check --format json "$1" 2>/dev/null | "$T_PY" -c '
import json, sys
d = json.load(sys.stdin)
print("\n".join(sorted(x["step"] for x in d["files"][0]["diagnostics"]
                       if x["rule"] == "unstandardized-encounter")))'
}
# Expect FILE's check summary FIELD to equal VALUE.
t_expect_summary() {
	local v
	v=$(t_summary "$1" "$2")
	[ "$v" = "$3" ] || fail "$(basename "$1"): summary $2 is $v, expected $3"
}
# Expect FILE to contain / not contain a fixed string.
t_file_has() { grep -qF -- "$2" "$1" || fail "$(basename "$1") does not hold \"$2\""; }
t_file_lacks() { ! grep -qF -- "$2" "$1" || fail "$(basename "$1") holds \"$2\""; }
# Expect two files to be identical.
t_same() { cmp -s "$1" "$2" || fail "$(basename "$1") differs from $(basename "$2")"; }

pass() { echo "PASS: $T_NAME"; exit 0; }

# Write a blueprint of LANES x COLS steps to FILE: lanes "Lane 01"..., in
# zone order, columns "Col 01"... (ids c01...), one step per cell with id
# sLLCC and text "LllCcc" then FILLER (a word repeated to pad the file).
t_gen_grid() {
	"$T_PY" - "$@" <<'PY' || fail "cannot generate $1"
import sys
path, nl, nc = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
filler = sys.argv[4] if len(sys.argv) > 4 else ""
zones = ["evidence", "customer", "onstage", "backstage", "support"]
out = ["sbp: 1", "title: Generated grid", "columns:"]
for c in range(1, nc + 1):
    out.append("  - {id: c%02d, name: Col %02d}" % (c, c))
out.append("lanes:")
for l in range(1, nl + 1):
    z = zones[min(4, (l - 1) * 5 // nl)]
    out.append("  - {id: l%02d, name: Lane %02d, zone: %s}" % (l, l, z))
out.append("steps:")
for l in range(1, nl + 1):
    for c in range(1, nc + 1):
        out.append("  - {id: s%02d%02d, lane: l%02d, column: c%02d, text: L%02dC%02d%s}"
                   % (l, c, l, c, l, c, (" " + filler) if filler else ""))
open(path, "w").write("\n".join(out) + "\n")
PY
}

# Start sbp ARGS under script(1) in session NAME, so that every byte it
# sends to the terminal lands in $T_DIR/NAME.typescript.
t_start_script() {
	local name=$1
	shift
	t_start_cmd "$name" "script -q -e -c $(printf %q "$(t_sbp_cmd "$@")") $(printf %q "$T_DIR/$name.typescript")"
}

# Check the bytes sbp sent (a typescript, minus script's own header and
# trailer lines) for anything a file must not smuggle to the terminal:
# bidi controls, zero-width characters, line and paragraph separators, C1
# controls (raw or UTF-8), OSC, DCS, APC, PM, RIS, BEL, and the SGR colour
# sequence given as $2 (optional). Prints each problem; false if any.
t_bytes_clean() {
	"$T_PY" - "$@" <<'PY'
import sys
data = open(sys.argv[1], "rb").read()
if data.startswith(b"Script started"):
    data = data[data.index(b"\n") + 1:]
i = data.rfind(b"\nScript done")
if i >= 0:
    data = data[:i]
bad = {
    "U+061C": "\u061c", "U+200B": "\u200b", "U+200C": "\u200c",
    "U+200D": "\u200d", "U+200E": "\u200e", "U+200F": "\u200f",
    "U+2028": "\u2028", "U+2029": "\u2029", "U+202A": "\u202a",
    "U+202B": "\u202b", "U+202C": "\u202c", "U+202D": "\u202d",
    "U+202E": "\u202e", "U+2066": "\u2066", "U+2067": "\u2067",
    "U+2068": "\u2068", "U+2069": "\u2069", "U+FEFF": "\ufeff",
}
found = []
for name, ch in bad.items():
    n = data.count(ch.encode())
    if n:
        found.append("%s x%d" % (name, n))
for name, seq in (("OSC (ESC ])", b"\x1b]"), ("DCS (ESC P)", b"\x1bP"),
                  ("APC (ESC _)", b"\x1b_"), ("PM (ESC ^)", b"\x1b^"),
                  ("RIS (ESC c)", b"\x1bc"), ("BEL", b"\x07")):
    n = data.count(seq)
    if n:
        found.append("%s x%d" % (name, n))
for c in range(0x80, 0xa0):
    n = data.count(bytes([0xc2, c]))
    if n:
        found.append("UTF-8 C1 U+%04X x%d" % (c, n))
# raw C1 bytes outside UTF-8 sequences
try:
    data.decode("utf-8")
except UnicodeDecodeError as e:
    found.append("bytes that are not UTF-8 at %d: %r" % (e.start, data[e.start:e.start + 8]))
if len(sys.argv) > 2 and sys.argv[2].encode() in data:
    found.append("the file's own sequence %r" % sys.argv[2])
for f in found:
    print("  sent to the terminal: " + f)
sys.exit(1 if found else 0)
PY
}

# Open hotel.yaml (copied to $1 already) in session NAME ($2) and add a
# step with text $3 in Mobile app / Arrive; waits until it shows as [+].
t_edit_hotel() {
	t_start_cmd "$2" "$(t_sbp_cmd "$1")"
	t_wait_foot "30 steps"
	t_cmd "goto greet"
	t_wait_foot "Door and"
	t_keys j
	t_settle >/dev/null
	t_cmd "add $3"
	t_wait "${3:0:12}"
	t_wait_foot "31 steps"
	t_wait_foot "[+]"
}

# Reopen FILE in session NAME: the recovery question must come (with its
# time and number of changes); r restores the step with text TEXT (31
# steps, [+]); Ctrl-S saves it and removes the recovery file; q quits.
t_recover_hotel() {
	local f=$1 name=$2 text=$3 rec
	rec="$(dirname "$f")/.$(basename "$f").sbp-recover"
	t_start_cmd "$name" "$(t_sbp_cmd "$f")"
	t_wait_re "[Rr]ecover"
	t_see_not "already open"
	t_screen | grep -qE '(^|[^a-z])r +recover' || fail "the question does not offer r recover"
	t_screen | grep -qE '(^|[^a-z])d +discard' || fail "the question does not offer d discard"
	t_screen | grep -qE '(^|[^a-z])q +quit' || fail "the question does not offer q quit"
	t_screen | grep -qE '[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}' ||
		fail "the recovery question does not say when the work was kept"
	t_screen | grep -qE '[0-9]+ changes?' || fail "the recovery question does not say how many changes"
	t_keys r
	t_wait_foot "31 steps"
	t_wait_foot "[+]"
	t_cmd "goto greet"
	t_wait_foot "Door and"
	t_keys j
	t_wait "${text:0:12}"
	t_keys C-s
	t_wait_foot "Saved"
	t_file_has "$f" "$text"
	t_expect_summary "$f" steps 31
	t_wait_file ! "$rec"
	t_keys q
	t_wait_dead
	[ -e "$(dirname "$f")/.$(basename "$f").sbp-lock" ] && fail "the lock is left after q"
	return 0
}

# Where the selection is marked in the grid's body, read from the screen
# with its attributes: one line "ROW COL WIDTH TEXT" (1-based row and
# column) per run of cells drawn in reverse or on a background colour,
# rows 3 to the last but two (the status bar is left out); TEXT is what
# the run holds (the whole selected card's line: its markers and text),
# blanks at either end dropped.
t_sel_marks() {
	tm capture-pane -p -e -t "$T_S" 2>/dev/null | "$T_PY" -c '
import re, sys, unicodedata
lines = sys.stdin.read().split("\n")
if lines and lines[-1] == "":
    lines.pop()
sgr = re.compile(r"\x1b\[([0-9;:]*)m")
for row, line in enumerate(lines[:-2], 1):
    if row < 3:
        continue
    cells, rev, bg, i = [], False, False, 0
    while i < len(line):
        m = sgr.match(line, i)
        if m:
            ps = [int(p) if p else 0 for p in m.group(1).replace(":", ";").split(";")]
            j = 0
            while j < len(ps):
                p = ps[j]
                if p == 0:
                    rev = bg = False
                elif p == 7:
                    rev = True
                elif p == 27:
                    rev = False
                elif p in (38, 48):
                    if p == 48:
                        bg = True
                    j += 2 if j + 1 < len(ps) and ps[j + 1] == 5 else 4
                elif p == 49:
                    bg = False
                elif 40 <= p <= 47 or 100 <= p <= 107:
                    bg = True
                j += 1
            i = m.end()
            continue
        ch = line[i]
        i += 1
        w = 2 if unicodedata.east_asian_width(ch) in "WF" else 1
        cells += [(ch, rev or bg)] + [("", rev or bg)] * (w - 1)
    col = 0
    while col < len(cells):
        if not cells[col][1]:
            col += 1
            continue
        start = col
        while col < len(cells) and cells[col][1]:
            col += 1
        inside = "".join(c for c, _ in cells[start:col]).strip()
        print(row, start + 1, col - start, inside)
'
}

# Compare the screen with tests/tui/expected/NAME.txt (after it settles);
# TUI_UPDATE=1 writes the file instead (then review the diff in git).
t_expect_screen() {
	local want="$SRCDIR/tests/tui/expected/$1.txt" got="$T_DIR/screen-$1.txt"
	t_settle > "$got"
	if [ "${TUI_UPDATE:-0}" = 1 ]; then
		mkdir -p "$(dirname "$want")" && cp "$got" "$want"
		echo "   wrote $want"
		return 0
	fi
	[ -f "$want" ] || fail "no expected screen $want (TUI_UPDATE=1 writes it)"
	if ! cmp -s "$want" "$got"; then
		diff -u "$want" "$got" | sed 's/^/   /'
		fail "the screen differs from expected/$1.txt (TUI_UPDATE=1 rewrites it)"
	fi
}
