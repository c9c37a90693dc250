#!/bin/bash
# The flows view (issue 14, item 3): F routes every flow through the
# gutters and the rows between lanes with box-drawing connectors and an
# arrowhead beside the target card: a flow that skips a column (Arrive in
# One to Serve in Three) and one that runs backwards (Serve in Three to
# Prepare in Two). F again hides them.
. "$(dirname "$0")/lib.sh"

f="$T_DIR/flows.yaml"
cat >"$f" <<'YAML'
sbp: 1
title: Flows
columns:
  - {id: c1, name: One}
  - {id: c2, name: Two}
  - {id: c3, name: Three}
  - {id: c4, name: Four}
steps:
  - {id: arrive, lane: customer, column: c1, text: Arrive}
  - {id: serve, lane: onstage, column: c3, text: Serve}
  - {id: prep, lane: backstage, column: c2, text: Prepare}
  - {id: leave, lane: customer, column: c4, text: Leave}
flows:
  - {from: arrive, to: serve}
  - {from: serve, to: prep}
YAML

# The screen line holding $1.
line_of() {
	local l
	for l in "${T_L[@]}"; do
		[[ $l == *"$1"* ]] && { printf '%s\n' "$l"; return 0; }
	done
	fail "no line shows \"$1\""
}

T_W=100 T_H=30
step "without the flows view no connector is drawn"
t_start "$f"
t_wait_foot " steps"
t_settle >/dev/null
l=$(line_of "Serve")
[[ $l =~ (→|\>)[^a-zA-Z]*Serve ]] && fail "an arrowhead before Serve without F: $l"
l=$(line_of "Prepare")
[[ $l =~ Prepare\ *(←|\<) ]] && fail "an arrowhead after Prepare without F: $l"

step "F: the flow that skips a column ends in an arrow before Serve"
t_keys F
t_wait_foot "Flows between columns shown"
t_settle >/dev/null
l=$(line_of "Serve")
[[ $l =~ (→|\>)[^a-zA-Z]*Serve ]] || fail "no arrowhead before Serve: $l"
step "F: the backward flow ends in an arrow after Prepare"
l=$(line_of "Prepare")
[[ $l =~ Prepare\ *(←|\<) ]] || fail "no arrowhead after Prepare: $l"
step "F: Arrive's flow leaves it into the gutter and turns down"
l=$(line_of "Arrive")
[[ $l =~ Arrive\ *(┐|\+|k) ]] || fail "no connector out of Arrive: $l"
step "F: a connector runs along a row between lanes over the column Two"
t_match_lines '(─|-|q){20,}' "$T_SCR" || fail "no long horizontal connector"

step "F again hides the connectors"
t_keys F
t_wait_foot "Flows between columns hidden"
t_settle >/dev/null
l=$(line_of "Serve")
[[ $l =~ (→|\>)[^a-zA-Z]*Serve ]] && fail "an arrowhead before Serve after F: $l"
t_keys q
t_wait_dead
echo ok
