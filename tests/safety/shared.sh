#!/bin/bash
# Two users on a shared server (issue 10): throwaway users alice and bob
# (useradd, removed on exit) in a group, a setgid 2775 shared directory,
# umask 002, plus root; sbp runs as each user (runuser) in a private tmux
# server. One scenario per run (the argument):
#   recover-owner    bob's autosave and quit never delete alice's recovery
#                    file (her session dead, or alive and bob edits anyway)
#   planted-recover  a recovery file bob planted (0666, or a symlink) never
#                    gives him root's unsaved work
#   stale-lock       alice's stale 0644 lock is taken over by bob by rename,
#                    saying "stale lock of alice (pid N, gone)"
#   symlink-export   bob's planted plan.svg link (default output, -o OUT)
#                    does not redirect alice's export into her own files
#   symlink-sticky   bob's link in a sticky directory is not followed by
#                    alice's editor; an unreadable path is not a new file
#   readonly-dir     bob saves alice's writable file in her read-only
#                    directory in place, told the save was not atomic
# Needs root (to create users): otherwise it says so and exits 77.
if [ "$(id -u)" != 0 ]; then
	echo "SKIP: needs root to create throwaway users (useradd); run the safety suite as root"
	exit 77
fi
for c in useradd userdel groupadd groupdel runuser; do
	command -v "$c" >/dev/null || { echo "SKIP: no $c"; exit 77; }
done
. "$(dirname "$0")/../tui/lib.sh"

SCEN=${1:?usage: shared.sh SCENARIO}
T_NAME="shared-$SCEN"
A=sbp-alice-$$
B=sbp-bob-$$
G=sbp-team-$$

# Remove the users and the group, then what lib.sh cleans up.
eval "$(declare -f t_cleanup | sed '1s/t_cleanup/t_cleanup_lib/')"
t_cleanup() {
	local rc=$?
	tm kill-server >/dev/null 2>&1
	userdel -f "$A" >/dev/null 2>&1
	userdel -f "$B" >/dev/null 2>&1
	groupdel "$G" >/dev/null 2>&1
	(exit $rc)
	t_cleanup_lib
}

groupadd "$G" || fail "groupadd $G"
useradd -M -N -g "$G" -d /nonexistent -s /bin/sh "$A" || fail "useradd $A"
useradd -M -N -g "$G" -d /nonexistent -s /bin/sh "$B" || fail "useradd $B"
chmod 0755 "$T_DIR"
S="$T_DIR/shared"
mkdir "$S" && chgrp "$G" "$S" && chmod 2775 "$S" || fail "shared directory"
for u in "$A" "$B"; do
	mkdir -p "$T_DIR/h-$u/state" && chown -R "$u:$G" "$T_DIR/h-$u" &&
		chmod 0700 "$T_DIR/h-$u" || fail "home of $u"
done

# The shell command that runs sbp ARGS as user $1 with umask 002.
t_as() {
	local u=$1 a cmd
	shift
	cmd="runuser -u $u -- env TERM=xterm-256color LC_ALL=C.UTF-8"
	cmd="$cmd HOME=$(printf %q "$T_DIR/h-$u") XDG_STATE_HOME=$(printf %q "$T_DIR/h-$u/state")"
	cmd="$cmd sh -c 'umask 002; exec \"\$0\" \"\$@\"' $(printf %q "$SBP")"
	for a in "$@"; do
		cmd="$cmd $(printf %q "$a")"
	done
	echo "$cmd"
}
# Run a shell command as user $1 (umask 002).
run_as() { runuser -u "$1" -- sh -c "umask 002; $2"; }
# Owner of a file.
owner() { stat -c %U "$1"; }
# Copy hotel.yaml to the shared directory as alice: prints its path.
alice_copy() {
	cp "$SRCDIR/tests/tui/data/hotel.yaml" "$S/$1" && chown "$A:$G" "$S/$1" &&
		chmod 664 "$S/$1" || fail "cannot copy hotel.yaml"
	echo "$S/$1"
}
# In session NAME ($1), open FILE ($2) as USER ($3) and add a step $4.
edit_as() {
	t_start_cmd "$1" "$(t_as "$3" "$2")"
	t_wait_foot "30 steps"
	t_cmd "goto greet"
	t_wait_foot "Door and"
	t_keys j
	t_settle >/dev/null
	t_cmd "add $4"
	t_wait_foot "[+]"
}
# Wait until the file $1 holds the text $2.
wait_holds() {
	t_poll "$(basename "$1") to hold $2" "grep -qF $(printf %q "$2") $(printf %q "$1")" 2>/dev/null
}

recover_owner() {
	local f rec
	f=$(alice_copy plan.yaml)
	rec="$S/.plan.yaml.sbp-recover"
	step "alice edits plan.yaml; her recovery file is written; her session dies"
	edit_as alice "$f" "$A" "Alice unsaved work"
	wait_holds "$rec" "Alice unsaved work"
	[ "$(owner "$rec")" = "$A" ] || fail "alice's recovery file is owned by $(owner "$rec")"
	kill -KILL "$(t_pid)"
	t_wait_dead

	step "bob opens it, edits, autosaves, quits without saving"
	edit_as bob "$f" "$B" "Bob unsaved work"
	t_poll "bob's autosave" "grep -lF 'Bob unsaved work' -r $(printf %q "$S") $(printf %q "$T_DIR/h-$B/state")" 2>/dev/null
	[ -e "$rec" ] || fail "bob's autosave deleted alice's recovery file"
	grep -qF "Alice unsaved work" "$rec" || fail "bob's autosave replaced alice's recovery file"
	[ "$(owner "$rec")" = "$A" ] || fail "alice's recovery file now belongs to $(owner "$rec")"
	t_cmd "q!"
	t_wait_dead
	grep -qF "Alice unsaved work" "$rec" 2>/dev/null || fail "bob's quit deleted alice's recovery file"
	grep -rlF "Bob unsaved work" "$S" "$T_DIR/h-$B/state" && fail "bob's own recovery file is left after his clean quit"

	step "alice alive with unsaved work; bob edits anyway, then quits"
	t_start_cmd alice2 "$(t_as "$A" "$f")"
	t_wait_re "[Rr]ecover"
	t_keys r
	t_wait_foot "31 steps"
	pa=$(t_pid)
	t_start_cmd bob2 "$(t_as "$B" "$f")"
	t_wait "already open"
	t_keys e
	t_wait_foot "Editing anyway"
	t_cmd "title Bob was here"
	t_wait_foot "[+]"
	t_poll "bob's autosave" "grep -lF 'Bob was here' -r $(printf %q "$S") $(printf %q "$T_DIR/h-$B/state")" 2>/dev/null
	grep -qF "Alice unsaved work" "$rec" 2>/dev/null || fail "bob's autosave removed live alice's recovery file"
	t_cmd "q!"
	t_wait_dead
	grep -qF "Alice unsaved work" "$rec" 2>/dev/null || fail "bob's quit removed live alice's recovery file"

	step "alice saves: her work is in the file, her recovery file goes"
	t_use alice2
	t_keys C-s
	t_wait_foot "Saved"
	t_file_has "$f" "Alice unsaved work"
	t_wait_file ! "$rec"
	t_keys q
	t_wait_dead
}

planted_recover() {
	local f loot
	f="$S/secret.yaml"
	cp "$SRCDIR/tests/tui/data/hotel.yaml" "$f"
	chmod 600 "$f"
	step "bob plants a world-writable .secret.yaml.sbp-recover"
	run_as "$B" "printf 'planted\n' > $(printf %q "$S/.secret.yaml.sbp-recover"); chmod 666 $(printf %q "$S/.secret.yaml.sbp-recover")"
	step "root edits secret.yaml; the autosave must not give bob the work"
	T_NEXT=root t_start "$f"
	t_wait_re "[Rr]ecover|30 steps"
	t_screen | grep -q "Recover unsaved" && fail "bob's planted file is offered to root"
	t_cmd "title Root secret plan"
	t_wait_foot "[+]"
	t_poll "root's autosave" "grep -lF 'Root secret plan' $(printf %q "$S")/.secret.yaml.sbp-recover*" 2>/dev/null
	for r in "$S"/.secret.yaml.sbp-recover*; do
		if grep -qF "Root secret plan" "$r"; then
			[ "$(stat -c '%U %a' "$r")" = "root 600" ] ||
				fail "root's recovery file $(basename "$r") is $(stat -c '%U %a' "$r")"
		fi
	done
	run_as "$B" "cat $(printf %q "$S")/.secret.yaml.sbp-recover* 2>/dev/null" | grep -qF "Root secret plan" &&
		fail "bob can read root's unsaved work"
	[ "$(cat "$S/.secret.yaml.sbp-recover")" = planted ] || fail "bob's planted file was changed"
	t_cmd "q!"
	t_wait_dead

	step "bob plants a symlink .secret.yaml.sbp-recover -> his own file"
	loot="$T_DIR/h-$B/loot"
	rm -f "$S"/.secret.yaml.sbp-recover*
	run_as "$B" "printf 'x\n' > $(printf %q "$loot"); chmod 666 $(printf %q "$loot"); ln -s $(printf %q "$loot") $(printf %q "$S/.secret.yaml.sbp-recover")"
	T_NEXT=root2 t_start "$f"
	t_wait_foot "30 steps"
	t_cmd "title Root secret two"
	t_wait_foot "[+]"
	t_poll "root's autosave" "grep -lF 'Root secret two' $(printf %q "$S")/.secret.yaml.sbp-recover*" 2>/dev/null
	grep -qF "Root secret" "$loot" && fail "root's work was written through bob's symlink"
	r=$(grep -lF 'Root secret two' "$S"/.secret.yaml.sbp-recover* | head -n 1)
	[ "$(stat -c '%U %a' "$r")" = "root 600" ] || fail "root's recovery file is $(stat -c '%U %a' "$r")"
	t_cmd "q!"
	t_wait_dead
}

stale_lock() {
	local f lock pid
	f=$(alice_copy plan.yaml)
	lock="$S/.plan.yaml.sbp-lock"
	step "alice's session dies and leaves her 0644 lock"
	t_start_cmd alice "$(t_as "$A" "$f")"
	t_wait_foot "30 steps"
	pid=$(t_pid)
	kill -KILL "$pid"
	t_wait_dead
	[ "$(stat -c '%U %a' "$lock")" = "$A 644" ] || fail "alice's lock is $(stat -c '%U %a' "$lock")"
	step "bob opens the file: the stale lock is taken over, and said so"
	t_start_cmd bob "$(t_as "$B" "$f")"
	t_wait_foot "stale lock of $A (pid $pid, gone)"
	t_see_not "Could not create a lock file"
	t_see_not "already open"
	[ "$(owner "$lock")" = "$B" ] || fail "the lock still belongs to $(owner "$lock")"
	grep -q "^pid $(t_pid)$" "$lock" || fail "the lock does not hold bob's pid: $(cat "$lock")"
	t_keys q
	t_wait_dead
	t_wait_file ! "$lock"
}

symlink_export() {
	local f rc
	f=$(alice_copy plan.yaml)
	run_as "$A" "printf 'alice rc\n' > $(printf %q "$T_DIR/h-$A/.alicerc")"
	step "bob plants plan.svg -> alice's .alicerc; alice exports with the default name"
	run_as "$B" "ln -s $(printf %q "$T_DIR/h-$A/.alicerc") $(printf %q "$S/plan.svg")"
	run_as "$A" "$(printf %q "$SBP") export -f svg $(printf %q "$f")" 2>"$T_DIR/err.txt"
	rc=$?
	[ "$(cat "$T_DIR/h-$A/.alicerc")" = "alice rc" ] || fail "alice's .alicerc was overwritten through bob's link"
	[ "$rc" != 0 ] || fail "the export through bob's link exits 0"
	grep -q "symbolic link" "$T_DIR/err.txt" || fail "no word of the symbolic link: $(cat "$T_DIR/err.txt")"
	step "the same with -o OUT"
	run_as "$B" "ln -s $(printf %q "$T_DIR/h-$A/.alicerc") $(printf %q "$S/out.html")"
	run_as "$A" "$(printf %q "$SBP") export -f html -o $(printf %q "$S/out.html") $(printf %q "$f")" 2>/dev/null &&
		fail "export -o through bob's link exits 0"
	[ "$(cat "$T_DIR/h-$A/.alicerc")" = "alice rc" ] || fail "alice's .alicerc was overwritten through bob's -o link"
	step "alice's own link is followed"
	run_as "$A" "ln -s $(printf %q "$T_DIR/h-$A/mine.svg") $(printf %q "$S/mine.svg") && $(printf %q "$SBP") export -f svg -o $(printf %q "$S/mine.svg") $(printf %q "$f")" ||
		fail "export through alice's own link failed"
	grep -q "<svg" "$T_DIR/h-$A/mine.svg" || fail "alice's own link was not followed"
}

symlink_sticky() {
	local st="$T_DIR/sticky" victim="$T_DIR/h-$A/victim.yaml"
	mkdir "$st" && chmod 1777 "$st" || fail "sticky directory"
	step "bob plants sticky/notes.yaml -> alice's victim.yaml; alice opens it"
	run_as "$B" "ln -s $(printf %q "$victim") $(printf %q "$st/notes.yaml")"
	t_start_cmd alice "$(t_as "$A" "$st/notes.yaml")"
	t_wait_re "sbp exited|New file"
	if t_screen | grep -q "New file"; then
		t_cmd "title Alice notes"
		t_keys C-s
		t_nap 1
		t_cmd "q!"
	fi
	t_wait_dead
	[ -e "$victim" ] && fail "alice's save followed bob's link into $victim"
	t_see "symbolic link"
	[ "$(t_exit_status)" = 2 ] || fail "exit status $(t_exit_status), expected 2"

	step "a path alice cannot look into is an error, not a new file"
	mkdir "$T_DIR/private" && chmod 700 "$T_DIR/private"
	t_start_cmd alice2 "$(t_as "$A" "$T_DIR/private/x.yaml")"
	t_wait_re "sbp exited|New file"
	t_see_not "New file"
	t_see "ermission denied"
	t_wait_dead
	[ "$(t_exit_status)" = 2 ] || fail "exit status $(t_exit_status), expected 2"
}

readonly_dir() {
	local d="$T_DIR/h-$A/pub" f ino
	mkdir "$d" && cp "$SRCDIR/tests/tui/data/hotel.yaml" "$d/plan.yaml" &&
		chown -R "$A:$G" "$d" && chmod 755 "$d" && chmod 666 "$d/plan.yaml" &&
		chmod 711 "$T_DIR/h-$A" || fail "alice's read-only directory"
	f="$d/plan.yaml"
	ino=$(stat -c %i "$f")
	step "bob edits alice's writable file in her read-only directory and saves"
	edit_as bob "$f" "$B" "Bob saved in place"
	t_keys C-s
	t_wait_foot "Saved"
	t_see "not atomic"
	t_file_has "$f" "Bob saved in place"
	[ "$(stat -c '%U %i' "$f")" = "$A $ino" ] || fail "the file is now $(stat -c '%U %i' "$f")"
	t_keys q
	t_wait_dead
}

case "$SCEN" in
recover-owner) recover_owner ;;
planted-recover) planted_recover ;;
stale-lock) stale_lock ;;
symlink-export) symlink_export ;;
symlink-sticky) symlink_sticky ;;
readonly-dir) readonly_dir ;;
*) fail "unknown scenario $SCEN" ;;
esac
pass
