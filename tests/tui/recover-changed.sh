#!/bin/bash
# Recovering after the file was saved on disk since (issue 10, item 3):
# the recovery file records the stamp of the file it was based on; when
# the file on disk changed since, the recovery question says so and offers
# to keep both (b: the recovered work goes beside the file as
# hotel.recovered.yaml, the file on disk stays as it is), or to recover
# over it, after which Ctrl-S asks before overwriting the newer file.
. "$(dirname "$0")/lib.sh"

f=$(t_copy hotel.yaml)
rec="$T_DIR/.hotel.yaml.sbp-recover"

# Edit in session $1 (adding a step $2), wait for the autosave, kill -9.
crash() {
	t_edit_hotel "$f" "$1" "$2"
	t_poll "the autosave" "grep -qF '$2' $(printf %q "$rec")" 2>/dev/null
	kill -KILL "$(t_pid)"
	t_wait_dead
}

step "edit, autosave, kill -9; then the file is saved on disk by someone else"
crash one "Unsaved before crash"
sed -i 's/^title: .*/title: Saved after the crash/' "$f"

step "reopen: the question says the file changed; b keeps both"
T_NEXT=two t_start "$f"
t_wait_re "[Rr]ecover"
t_see "changed on disk"
t_screen | grep -qE '(^|[^a-z])b +keep both' || fail "the question does not offer b keep both"
t_keys b
t_wait_foot "Kept both"
t_file_has "$T_DIR/hotel.recovered.yaml" "Unsaved before crash"
t_file_has "$f" "title: Saved after the crash"
t_file_lacks "$f" "Unsaved before crash"
[ -e "$rec" ] && fail "the recovery file is left after keeping both"
t_see "30 steps"
t_keys q
t_wait_dead

step "again: r recovers over the newer file, and Ctrl-S asks first"
crash three "Second crash work"
sed -i 's/^title: .*/title: Saved again/' "$f"
T_NEXT=four t_start "$f"
t_wait "changed on disk"
t_keys r
t_wait_foot "[+]"
t_keys C-s
t_wait "changed on disk since you opened"
t_file_has "$f" "title: Saved again"
t_file_lacks "$f" "Second crash work"
t_keys o
t_wait_foot "Saved"
t_file_has "$f" "Second crash work"
t_wait_file ! "$rec"
t_keys q
t_wait_dead
pass
