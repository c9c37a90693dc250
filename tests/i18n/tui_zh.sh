#!/bin/bash
# The editor under LANG=zh_CN.UTF-8 (LC_ALL unset) on the Chinese example:
# the start message and status line, the help screen (?), a dialog (quit
# with unsaved changes), an error message (an unknown : command) are
# Chinese; the : command names stay English.
. "$(dirname "$0")/../tui/lib.sh"

locale -a 2>/dev/null | grep -qi '^zh_CN\.utf-\?8$' || { echo "SKIP: no zh_CN.UTF-8 locale (tools/setup makes it)"; exit 77; }
cp "$SRCDIR/blueprints/telecom-repair-zh.yaml" "$T_DIR/t.yaml" || fail "copy"
T_ENV="LC_ALL= LC_MESSAGES= LANGUAGE= LANG=zh_CN.UTF-8"

step "open: the start message and the status line"
t_start "$T_DIR/t.yaml"
t_wait_foot "按 ? 查看帮助"
t_wait_foot "27 个步骤"
t_see "个服务接触"
t_see_not "Press ? for help"
t_see_not "steps"

step "the grid's line labels"
t_see "互动分界线"

step "help (?): title, command descriptions, notes"
t_keys "?"
t_wait "帮助：按键与命令"
t_see "选择左侧单元格"
t_see ":left"
t_see_not "select the cell to the left"
t_see_not "Help: keys and commands"
t_keys Escape
t_wait_gone "帮助：按键与命令"

step "an error message: an unknown : command"
t_cmd "frobnicate"
t_wait_foot "未知命令 :frobnicate"
t_see_not "Unknown command"

step "a dialog: q with unsaved changes"
t_cmd "title 新标题"
t_wait_foot "[+]"
t_keys q
t_wait "退出前保存吗？"
t_see "有未保存的修改"
t_see "不保存直接退出"
t_see_not "unsaved changes"
t_keys n
t_wait_dead
[ "$(t_exit_status)" = 0 ] || fail "exit status $(t_exit_status)"
grep -q "title: 家庭宽带故障报修热线" "$T_DIR/t.yaml" || fail "the file changed"
echo ok
