#!/bin/bash
# A size limit (ulimit -f 20, i.e. 20 KiB): the editor runs on a 30 KB
# blueprint; saving it fails (EFBIG; SIGXFSZ must not kill the editor):
# the user is told in plain words, the original is intact, no temporary
# file is left, the edits are kept ([+]). Then, with enough deleted to fit
# under the limit, :w elsewhere works.
. "$(dirname "$0")/lib.sh"

f="$T_DIR/big.yaml"
t_gen_grid "$f" 10 20 "padding words to make the blueprint bigger than the limit"
"$SBP" fmt "$f" >/dev/null 2>&1
size=$(stat -c %s "$f")
[ "$size" -gt 24000 ] || fail "big.yaml is only $size bytes"
cp "$f" "$T_DIR/orig.yaml"

step "open big.yaml ($size bytes) under ulimit -f 20"
T_PRE="ulimit -f 20;" t_start "$f"
t_wait_foot "200 steps"

step "edit and save: refused by the limit"
t_cmd "title Changed title"
t_wait_foot "[+]"
t_keys C-s
t_wait_foot_re "[Nn]ot saved|[Cc]annot save|[Cc]ould not|[Ff]ailed"
t_alive
t_foot | grep -qiE "too large|too big|limit|EFBIG" || fail "the message does not say why (file too large)"
t_same "$f" "$T_DIR/orig.yaml"
left=$(ls -A "$T_DIR" | grep -vxE 'big.yaml|orig.yaml|home|state|\.exit-main|\.big\.yaml\.sbp-(lock|recover)')
[ -z "$left" ] || fail "files left in the directory after the failed save: $left"
t_wait_foot "[+]"

step ":w elsewhere.yaml fails the same way (the limit is per process)"
t_cmd "w elsewhere.yaml"
t_wait_foot_re "[Nn]ot saved|[Cc]annot save|[Cc]ould not|[Ff]ailed"
[ -s "$T_DIR/elsewhere.yaml" ] && fail "a partial elsewhere.yaml was left"
t_alive

step "delete columns until it fits, then :w small.yaml works"
for i in $(seq 1 16); do t_cmd coldelete; done
t_wait_foot "40 steps"
t_cmd "w small.yaml"
t_wait_foot_re "(Saved|Wrote).*small.yaml"
t_expect_summary "$T_DIR/small.yaml" steps 40
t_file_has "$T_DIR/small.yaml" "title: Changed title"
t_same "$f" "$T_DIR/orig.yaml"
t_cmd "q!"
t_wait_dead
t_same "$f" "$T_DIR/orig.yaml"
pass
