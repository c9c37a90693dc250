#!/bin/bash
# sbp measure while an editor has the file open (SPEC 7.3, a cron job
# feeding daily data): measure waits briefly for the lock, then writes
# atomically without taking the editor's lock; the editor keeps its lock
# and notices the change when it saves (changed on disk), and reloading
# shows the new measurement in the file it then saves.
. "$(dirname "$0")/lib.sh"

f=$(t_copy hotel.yaml)
lock="$T_DIR/.hotel.yaml.sbp-lock"
step "the analyst opens the file"
t_start "$f"
t_wait_foot "30 steps"
pid=$(t_pid)
t_wait_file "$lock"

step "the cron job appends a measurement"
"$SBP" measure "$f" checkin-5min --value 87 --failures 4 --date 2026-11-02 \
	2>"$T_DIR/measure.err" || fail "sbp measure failed: $(cat "$T_DIR/measure.err")"
grep -q "pid $pid" "$T_DIR/measure.err" || fail "measure did not say who holds the lock"
t_file_has "$f" "{date: 2026-11-02, standard: checkin-5min, value: 87, failures: 4}"
grep -q "pid $pid" "$lock" || fail "the editor lost its lock: $(cat "$lock")"
"$SBP" check "$f" >/dev/null; [ $? -le 1 ] || fail "the measured file does not load"

step "a CSV of two more days"
printf 'date,standard,value,failures\n2026-11-03,checkin-5min,90,2\n2026-11-04,checkin-5min,93,1\n' \
	>"$T_DIR/data.csv"
"$SBP" measure "$f" --csv "$T_DIR/data.csv" 2>/dev/null || fail "sbp measure --csv failed"
t_file_has "$f" "{date: 2026-11-04, standard: checkin-5min, value: 93, failures: 1}"

step "the editor notices when it saves, and reloads"
t_cmd "title Title from the editor"
t_wait_foot "[+]"
t_keys C-s
t_wait_re "changed on disk"
t_keys r
t_wait_re "[Rr]eloaded"
t_keys q
t_wait_dead
t_file_has "$f" "value: 93"
t_file_has "$f" "value: 87"
pass
