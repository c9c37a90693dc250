#!/bin/bash
# The editor shows the whole blueprint (issue 14, the screen): at 200x60
# every word of every step is on screen at once (hotel.yaml, and a
# generated blueprint of 9 columns and 30 steps of up to 40 characters);
# at 80x24, after :goto ID, that step's whole text is on screen (the
# detail pane); z cycles the zoom, D hides and shows the pane, ] and [
# walk the journey along flows and the neighbours are marked on their
# cards; the status line keeps the selected place for Chinese lane names
# at 80 to 82 columns; SBP_VIEW sets the view the editor starts with.
. "$(dirname "$0")/lib.sh"

# The words of every step's text of FILE (one a line), or of step $2 only.
words() {
	"$SBP" export -f json -o - "$1" | "$T_PY" -c '
import json, sys
d = json.load(sys.stdin)
for s in d["steps"]:
    if len(sys.argv) < 2 or s["id"] == sys.argv[1]:
        for w in s["text"].split():
            print(w)' "${2:-}"
}
# Fail unless every word of $1 (lines) is on the screen.
all_words_shown() {
	local w missing=""
	t_grab
	while IFS= read -r w; do
		[[ $T_SCR == *"$w"* ]] || missing="$missing $w"
	done <<<"$1"
	[ -z "$missing" ] || fail "words not on screen:$missing"
}

T_W=200 T_H=60
f=$(t_copy hotel.yaml)
step "hotel.yaml at 200x60: every word of every step at once"
t_start "$f"
t_wait_foot " steps"
t_settle >/dev/null
all_words_shown "$(words "$f")"
t_keys q
t_wait_dead

g="$T_DIR/nine.yaml"
"$T_PY" - "$g" <<'PY' || fail "cannot generate nine.yaml"
import sys
zones = [("ev", "Physical evidence", "evidence"), ("cu", "Customer actions", "customer"),
         ("on", "Front line staff at the counter", "onstage"), ("ap", "Mobile app", "onstage"),
         ("bs", "Backstage staff", "backstage"), ("su", "Support processes", "support")]
words = ("guest staff checks booking room payment desk queue screen sends "
         "confirms updates prints ticket order kitchen record system call").split()
out = ["sbp: 1", "title: Nine columns", "columns:"]
for c in range(9):
    out.append("  - {id: c%d, name: Stage number %d, phase: Phase %d}" % (c, c + 1, c // 3 + 1))
out.append("lanes:")
for i, n, z in zones:
    out.append("  - {id: %s, name: %s, zone: %s}" % (i, n, z))
out.append("steps:")
k = 0
for s in range(30):
    lane = zones[(s * 7) % len(zones)][0]
    col = s % 9
    text, j = [], s
    while len(" ".join(text)) < 32:
        text.append(words[j % len(words)] + str(s))
        j += 5
    t = " ".join(text)[:40].rstrip()
    out.append("  - {id: s%02d, lane: %s, column: c%d, text: %s}" % (s, lane, col, t))
out.append("flows:")
for s in range(29):
    out.append("  - {from: s%02d, to: s%02d}" % (s, s + 1))
open(sys.argv[1], "w").write("\n".join(out) + "\n")
PY
step "a generated 9-column blueprint at 200x60: every word at once"
T_NEXT=nine t_start "$g"
t_wait_foot " steps"
t_settle >/dev/null
all_words_shown "$(words "$g")"
t_keys q
t_wait_dead

T_W=80 T_H=24
step "80x24: :goto a long step, its whole text is on screen"
T_NEXT=small t_start "$f"
t_wait_foot " steps"
t_cmd "goto clean-room"
t_wait "Backstage staff / Check in"
t_settle >/dev/null
all_words_shown "$(words "$f" clean-room)"
t_cmd "goto res-sync"
t_wait "Support processes / Book"
t_settle >/dev/null
all_words_shown "$(words "$f" res-sync)"

step "80x24: a 700-character step's whole text (the pane grows for it)"
long=$(t_copy hotel.yaml long.yaml)
"$T_PY" - "$long" <<'PY' || fail "cannot lengthen greet"
import sys
p = sys.argv[1]
s = open(p).read()
words = " ".join("word%03d" % i for i in range(90))
s = s.replace("text: Greet the guest and take the bags", "text: " + words, 1)
open(p, "w").write(s)
PY
T_NEXT=long t_start "$long"
t_wait_foot " steps"
t_cmd "goto greet"
t_wait "Door and dining staff / Arrive"
t_settle >/dev/null
all_words_shown "$(words "$long" greet)"
t_keys q
t_wait_dead
t_use small

step "D hides the pane, D shows it again"
t_keys D
t_wait_foot "Detail pane hidden"
t_keys D
t_wait_foot "Detail pane shown"
all_words_shown "$(words "$f" res-sync)"

step "z cycles the zoom: full, compact, normal"
t_keys z
t_wait_foot "Zoom: full"
t_keys z
t_wait_foot "Zoom: compact"
t_keys z
t_wait_foot "Zoom: normal"

step "] walks the journey forward, [ back; neighbours are marked"
t_cmd "goto greet"
t_wait "Door and dining staff / Arrive"
t_settle >/dev/null
t_see "←"
t_keys ']'
t_wait "Guest / Check in"
t_keys '['
t_wait "Door and dining staff / Arrive"
t_keys q
t_wait_dead

step "SBP_VIEW=compact,nopane: the editor starts lean (no pane, a line a card)"
T_W=120 T_H=40
T_NEXT=lean T_PRE="export SBP_VIEW=compact,nopane;" t_start "$f"
t_wait_foot " steps"
t_cmd "goto greet"
t_wait "Door and dining staff / Arrive"
t_settle >/dev/null
[[ $T_SCR != *"Notes "* && $T_SCR != *" greet "* ]] || fail "the pane shows under SBP_VIEW=nopane"
t_keys D
t_wait_foot "Detail pane shown"
t_keys z
t_wait_foot "Zoom: normal"
t_keys q
t_wait_dead

step "SBP_VIEW with an unknown word: named in the message line, the rest taken"
T_NEXT=badview T_PRE="export SBP_VIEW='bogus full';" t_start "$f"
t_wait_foot 'SBP_VIEW: unknown word "bogus"'
t_keys z
t_wait_foot "Zoom: compact"
t_keys q
t_wait_dead

T_W=80 T_H=24
step "Chinese lane names: the place in the status line at 80, 81, 82 columns"
z=$(t_copy telecom-repair-zh.yaml)
T_NEXT=zh t_start "$z"
t_wait_foot "26 st"
for w in 80 81 82; do
	t_resize "$w" 24
	t_poll "the place at $w columns" "tail -n 2 | head -n 1 | grep -q '有形证据 / 报修'"
done
pass
