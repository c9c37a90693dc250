#!/bin/bash
# Editing in Chinese: open telecom-repair-zh.yaml, replace two steps' texts
# with long Chinese ones typed as UTF-8 (one starting with an ASCII letter
# so that one of the two truncations falls on an odd column), save with
# Ctrl-S: the file holds the new texts, and the grid shows each cut short
# with an ellipsis, never half a character.
. "$(dirname "$0")/lib.sh"

T1="客户在家中等待技术员上门并确认宽带恢复正常"
T2="A网络管理系统与线路资源数据库同步工单状态"

# Does the screen show a piece (3+ characters) of $1 followed by an
# ellipsis, with the text cut short (the card may wrap it over lines
# before the cut)? Prints the piece found.
shows_cut() {
	t_screen | "$T_PY" -c '
import sys
text = sys.argv[1]
screen = sys.stdin.read()
if text in screen:
    sys.exit("the whole text is shown: nothing was truncated")
for j in range(len(text) - 1, 2, -1):
    for i in range(0, j - 2):
        p = text[i:j]
        if p + "\u2026" in screen or p + " \u2026" in screen:
            print(p)
            sys.exit(0)
sys.exit("no piece of the text followed by an ellipsis on screen")' "$1"
}

f=$(t_copy telecom-repair-zh.yaml)
step "open the Chinese blueprint"
t_start "$f"
t_wait "支持系统"
t_wait_foot "26 steps"
step "the grid of wide characters, as expected (alignment by display width)"
t_expect_screen telecom-zh-80x24

step "D hides the detail pane (so only the grid and the prompt show texts)"
t_keys D
t_wait_foot "Detail pane hidden"

step "edit ticket's text in Chinese"
t_cmd "goto ticket"
t_keys Enter
t_wait "工单系统生成报修工单"
t_keys C-u
t_wait_gone "工单系统生成报修工单"
t_type "$T1"
t_wait "确认宽带恢复正常"
t_keys Enter
t_wait_foot "[+]"

step "edit netmgmt's text (ASCII then Chinese)"
t_cmd "goto netmgmt"
t_keys Enter
t_wait "网络管理系统与线路资源数据库"
t_keys C-u
t_wait_gone "网络管理系统与线路资源数据库"
t_type "$T2"
t_wait "同步工单状态"
t_keys Enter
t_settle >/dev/null

step "the grid shows both cut with an ellipsis, whole characters only"
p1=$(shows_cut "$T1") || fail "ticket's card: $p1"
p2=$(shows_cut "$T2") || fail "netmgmt's card: $p2"
echo "   shown: $p1… and $p2…"
t_screen | grep -q $'\xef\xbf\xbd' && fail "a replacement character (U+FFFD) is on screen"

step "D shows the pane again: netmgmt's whole text, wrapped by display width"
t_keys D
t_wait_foot "Detail pane shown"
t_wait "$T2"

step "Ctrl-S saves"
t_keys C-s
t_wait_foot "Saved"
t_foot | grep -qF "[+]" && fail "still marked modified after saving"
t_file_has "$f" "$T1"
t_file_has "$f" "$T2"
t_file_lacks "$f" "工单系统生成报修工单"
t_expect_summary "$f" steps 26
t_keys q
t_wait_dead
pass
