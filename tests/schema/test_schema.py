#!/usr/bin/python3
"""The JSON Schema of the sbp format against the example blueprints.

Usage: test_schema.py SCHEMA BLUEPRINTS_DIR INVALID_DIR [FIELDS_DUMP]

Checks that the schema is itself a valid draft 2020-12 schema, that every
blueprints/*.yaml validates, that a few small valid edge cases validate
(unknown and x- keys at every level, empty lists), and that every file in
INVALID_DIR is rejected with an error at the instance path its first line
names ("# invalid: steps/0/fail/severity"; "(root)" for the document).
With FIELDS_DUMP (a program printing the model's field tables as JSON),
also checks that every field sbp reads is in the schema with the same
type, allowed values and requiredness: the table is the one description.
YAML dates are read as text, as sbp reads them.
Exits 0 on success, 1 on failure, 77 (skipped) without jsonschema or yaml.
"""

import glob
import json
import os
import subprocess
import sys

try:
    import jsonschema
    import yaml
except ImportError as e:
    print("skipped: %s" % e)
    sys.exit(77)

# Documents the schema must accept, besides the examples.
VALID = {
    "minimal": "sbp: 1\n",
    "empty lists": "sbp: 1\ncolumns: []\nlanes: []\nstandards: []\n"
                   "steps: []\nflows: []\nignore: []\n",
    "unknown and x- keys everywhere": """\
sbp: 1
title: Extensions
x-owner: Service design team
future-key: {nested: [1, 2]}
ignore: [unknown-key, fail-point-no-recovery]
columns:
  - {id: c1, name: One, phase: First, x-colour: blue, width: 3}
lanes:
  - {id: cust, name: Customer, zone: customer, x-persona: Alice}
  - {id: desk, name: Desk, zone: onstage, height: 2}
standards:
  - {id: s.1, name: Soft one, kind: soft, feedback: survey, x-review: 2025, level: 2}
  - {id: s_2, name: Hard one, kind: hard, measure: m, target: t, weight: 2.5,
     goal: 5, better: lower, actual: 6.5, dimension: tangibles}
steps:
  - {id: a, lane: cust, column: c1, encounter: true, duration: 0, x-tag: k}
  - id: b
    lane: desk
    column: c1
    text: Text
    notes: Notes
    encounter: false
    duration: 2.5
    standards: [s.1, s_2]
    wait: {text: Queue, expected: 0, tolerable: 7.5, x-note: n, unit: min}
    fail: {text: Breaks, severity: 5, recovery: Fix, x-owner: ops, cost: 3}
    colour: red
flows:
  - {from: a, to: b, label: go, x-style: dashed, weight: 1}
""",
    "default lanes by zone name": """\
sbp: 1
columns: [{id: arrive, name: Arrive}]
steps: [{id: greet, lane: onstage, column: arrive, fail: {text: Nobody there}}]
""",
    "the method's keys (SPEC 7)": """\
sbp: 1
lang: zh
standards:
  - {id: lost, name: Lost package, kind: hard, requirement: do not lose it,
     source: customer, owner: hub lead, weight: 50, goal: 0, better: lower,
     desired: 0, adequate: 1, x-k: 1}
  - {id: recipe, name: Recipe, kind: hard, source: company}
steps:
  - {id: a, lane: onstage, column: c, fix: new scanner, standards: [lost]}
measurements:
  - {date: 2026-11-02, standard: lost, value: 1, failures: 3, volume: 8000, note: n}
  - {date: 2026-11-03, standard: lost, x-source: cron}
""",
    "64-character id": "sbp: 1\ncolumns: [{id: %s, name: Long}]\n" % ("a" * 64),
}


def load_yaml(text):
    """YAML as sbp reads it: a date such as 2026-11-02 stays text."""
    class Loader(yaml.SafeLoader):
        pass
    Loader.yaml_implicit_resolvers = {
        k: [r for r in v if r[0] != "tag:yaml.org,2002:timestamp"]
        for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()}
    return yaml.load(text, Loader=Loader)


SCHEMA_TYPES = {
    "id": {"$ref": "#/$defs/id"},
    "string": {"type": "string"},
    "number": {"type": "number"},
    "minutes": {"$ref": "#/$defs/minutes"},
    "count": {"$ref": "#/$defs/count"},
    "date": {"$ref": "#/$defs/date"},
    "boolean": {"type": "boolean"},
    "severity": {"type": "integer"},
}


def check_fields(schema, dump, fail):
    """Compare the field tables printed by dump with the schema's $defs."""
    tables = json.loads(subprocess.run([dump], check=True, capture_output=True,
                                       text=True).stdout)
    for kind, fields in tables.items():
        before = getattr(fail, "count", 0)
        d = schema["$defs"][kind]
        props = d["properties"]
        keys = [f["key"] for f in fields]
        if set(keys) != set(props):
            fail("%s: table keys %s, schema keys %s" % (kind, sorted(keys), sorted(props)))
        req = sorted(f["key"] for f in fields if f["required"])
        if req != sorted(d.get("required", [])):
            fail("%s: table requires %s, schema %s" % (kind, req, d.get("required")))
        for f in fields:
            p = props.get(f["key"])
            if p is None:
                continue
            t = f["type"]
            if t == "enum":
                ok = p.get("enum") == f["values"]
            elif t == "ids":
                ok = p.get("type") == "array" and p["items"] == SCHEMA_TYPES["id"]
            elif t == "map":
                ok = p.get("$ref") == "#/$defs/" + f["key"]
            else:
                want = SCHEMA_TYPES[t]
                ok = all(p.get(k) == v for k, v in want.items())
            if not ok:
                fail("%s.%s: table type %s %s, schema %s" % (kind, f["key"], t,
                                                          f["values"], p))
        if getattr(fail, "count", 0) == before:
            print("ok: %s fields match the table" % kind)


def error_paths(validator, doc):
    """The instance paths of doc's errors, as 'a/0/b' ('(root)' for the
    document itself)."""
    paths = set()
    for err in validator.iter_errors(doc):
        path = "/".join(str(p) for p in err.absolute_path)
        paths.add(path or "(root)")
    return paths


def expected_path(path):
    """The path named on the first line of an invalid file."""
    with open(path, encoding="utf-8") as f:
        first = f.readline().strip()
    prefix = "# invalid:"
    if not first.startswith(prefix):
        return None
    return first[len(prefix):].strip()


def main(argv):
    if len(argv) not in (3, 4):
        print("usage: test_schema.py SCHEMA BLUEPRINTS_DIR INVALID_DIR [FIELDS_DUMP]")
        return 2
    schema_path, examples_dir, invalid_dir = argv[:3]
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    validator = cls(schema)
    failures = 0

    def fail(msg):
        nonlocal failures
        failures += 1
        fail.count = failures
        print("FAIL: " + msg)

    if len(argv) == 4:
        check_fields(schema, argv[3], fail)

    examples = sorted(glob.glob(os.path.join(examples_dir, "*.yaml")) +
                      glob.glob(os.path.join(examples_dir, "*.yml")))
    if not examples:
        fail("no examples in %s" % examples_dir)
    for path in examples:
        with open(path, encoding="utf-8") as f:
            doc = load_yaml(f)
        errors = list(validator.iter_errors(doc))
        for err in errors:
            fail("%s: %s at %s" % (os.path.basename(path), err.message,
                                   "/".join(str(p) for p in err.absolute_path)))
        if not errors:
            print("ok: %s validates" % os.path.basename(path))

    for name, text in VALID.items():
        errors = list(validator.iter_errors(load_yaml(text)))
        for err in errors:
            fail("valid case '%s' rejected: %s" % (name, err.message))
        if not errors:
            print("ok: valid case '%s'" % name)

    invalid = sorted(glob.glob(os.path.join(invalid_dir, "*.yaml")))
    if not invalid:
        fail("no invalid documents in %s" % invalid_dir)
    for path in invalid:
        name = os.path.basename(path)
        want = expected_path(path)
        if want is None:
            fail("%s: first line must be '# invalid: PATH'" % name)
            continue
        with open(path, encoding="utf-8") as f:
            doc = load_yaml(f)
        got = error_paths(validator, doc)
        if not got:
            fail("%s: accepted, expected an error at %s" % (name, want))
        elif want not in got:
            fail("%s: errors at %s, expected one at %s"
                 % (name, ", ".join(sorted(got)), want))
        else:
            print("ok: %s rejected at %s" % (name, want))

    if failures:
        print("%d failure(s)" % failures)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
