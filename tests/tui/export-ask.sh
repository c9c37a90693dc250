#!/bin/bash
# :export asks before writing over a file (the file is unchanged until
# o), refuses the blueprint being edited, and names the file after the
# blueprint with the format's extension when no file is given.
. "$(dirname "$0")/lib.sh"

f=$(t_copy hotel.yaml)
printf 'keep me\n' > "$T_DIR/plan.csv"
step "open"
t_start "$f"
t_wait_foot "30 steps"

step ":export csv plan.csv asks; Esc keeps the file"
t_cmd "export csv plan.csv"
t_wait "Overwrite?"
t_file_has "$T_DIR/plan.csv" "keep me"
t_keys j
t_nap 0.2
t_see "Overwrite?" # a key the question does not name does nothing
t_keys Escape
t_wait_foot "Not exported"
t_file_has "$T_DIR/plan.csv" "keep me"

step "again, o overwrites"
t_cmd "export csv plan.csv"
t_wait "Overwrite?"
t_keys o
t_wait_foot "Exported csv"
t_file_lacks "$T_DIR/plan.csv" "keep me"

step ":export csv on the open file is refused"
t_cmd "export csv hotel.yaml"
t_wait_foot "you are editing"
t_same "$f" "$SRCDIR/tests/tui/data/hotel.yaml"
t_cmd "export! csv ./hotel.yaml"
t_wait_foot "you are editing"
t_same "$f" "$SRCDIR/tests/tui/data/hotel.yaml"

step ":export md names the file hotel.md"
t_cmd "export md"
t_wait_foot "hotel.md"
[ -s "$T_DIR/hotel.md" ] || fail "no hotel.md"
t_keys q
t_wait_dead
t_same "$f" "$SRCDIR/tests/tui/data/hotel.yaml"
pass
