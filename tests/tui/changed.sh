#!/bin/bash
# A file changed on disk while open is not overwritten silently: edit in
# the editor, change the file from outside, Ctrl-S asks (reload, overwrite,
# save elsewhere) and the outside change stays on disk until the user
# chooses overwrite. Also: s saves elsewhere; r reloads (the outside
# version shows, the edit is dropped).
. "$(dirname "$0")/lib.sh"

f=$(t_copy hotel.yaml)
step "edit in the editor"
t_start "$f"
t_wait_foot "30 steps"
t_cmd "title Title from the editor"
t_wait_foot "[+]"

step "someone else appends to the file; Ctrl-S asks"
echo "x-changed: outside" >> "$f"
cp "$f" "$T_DIR/outside.yaml"
t_keys C-s
t_wait_re "changed on disk"
t_screen | grep -qE '(^|[^a-z])r +reload' || fail "no r (reload) choice"
t_screen | grep -qE '(^|[^a-z])o +overwrite' || fail "no o (overwrite) choice"
t_screen | grep -qE '(^|[^a-z])s +save' || fail "no s (save elsewhere) choice"
t_same "$f" "$T_DIR/outside.yaml"

step "Esc: nothing written"
t_keys Escape
t_wait_gone "changed on disk"
t_settle >/dev/null
t_same "$f" "$T_DIR/outside.yaml"
t_foot | grep -qF "[+]" || fail "the edit was dropped"

step ":w asks too; s saves elsewhere"
t_cmd w
t_wait_re "changed on disk"
t_keys s
t_wait_re "[Ss]ave as"
t_type "mine.yaml"
t_keys Enter
t_wait_foot "Saved"
t_file_has "$T_DIR/mine.yaml" "title: Title from the editor"
t_same "$f" "$T_DIR/outside.yaml"
t_keys q
t_wait_dead

step "a second round: o overwrites"
cp "$SRCDIR/tests/tui/data/hotel.yaml" "$f"
T_NEXT=two t_start "$f"
t_wait_foot "30 steps"
t_cmd "title Title from the editor"
t_wait_foot "[+]"
"$T_PY" -c 'import sys; p = sys.argv[1]; t = open(p).read(); open(p, "w").write(t.replace("Overnight hotel stay", "Overnight hotel stax"))' "$f"
t_keys C-s
t_wait_re "changed on disk"
t_file_has "$f" "Overnight hotel stax"
t_keys o
t_wait_foot "Saved"
t_file_has "$f" "title: Title from the editor"
t_file_lacks "$f" "stax"
t_keys q
t_wait_dead

step "a third round: r reloads the outside version"
cp "$SRCDIR/tests/tui/data/hotel.yaml" "$f"
T_NEXT=three t_start "$f"
t_wait_foot "30 steps"
t_cmd "title Title from the editor"
t_wait_foot "[+]"
echo "x-changed: outside" >> "$f"
cp "$f" "$T_DIR/outside.yaml"
t_keys C-s
t_wait_re "changed on disk"
t_keys r
t_wait_re "[Rr]eloaded"
t_wait "Overnight ho"
t_foot | grep -qF "[+]" && fail "[+] after reloading"
t_same "$f" "$T_DIR/outside.yaml"
t_keys q
t_wait_dead
t_same "$f" "$T_DIR/outside.yaml"
pass
