"""Random blueprints that use every field of the sbp format, for the CSV
round-trip test (test_team.py import): text that CSV, YAML and
spreadsheets each treat specially, keys sbp does not know at every level
with typed and nested values, empty texts, unused lanes and columns."""

NASTY = ["greet", "the guest", "Ärger café", "办理入住", "=SUM(A1)", "+1", "-dash", "@at",
         "'=quoted", "''+two", "'plain", "say \"hi\"", "a, b", "x; y", "tab\there", "\tlead tab",
         "line\nbreak", "  lead", "trail  ", "yes", "007", "null", "~", "1e3",
         "# hash", "key: value", "- item", "{brace}", "[list]", "👨‍👩‍👧 family", "\u202eright-to-left",
         "soft\u00adhyphen", "zero\u200bwidth", "2026-01-02", "true", "0x1F", ".5", "multi\n\nblank lines\n"]
XVALS = ["plain", "", "007", 7, 2.5, -3, True, False, None, "yes", "null", "a: b", "x, y",
         [1, "two", None], {"k": "v", "n": [1, {"deep": "=f"}]}, "line\nbreak", "'q'", "\"dq\"",
         {"": "empty key"}, [], {}]
ZONES = ["evidence", "customer", "onstage", "backstage", "support"]
RULES = ["no-encounters", "fail-point-no-recovery", "zone-order", "merge-conflict", "a rule, of words"]


def gen_full(seed):
    """A random blueprint that uses every field the format has, with text
    that CSV, YAML and spreadsheets each treat specially."""
    import random
    rnd = random.Random(seed)
    t = lambda: rnd.choice(NASTY)
    def xkeys(o, p=0.3):
        for i in range(rnd.randint(1, 3) if rnd.random() < p else 0):
            o["x-%s" % rnd.choice(["a", "b", "owner", "note-1", "é"])] = rnd.choice(XVALS)
        if rnd.random() < p / 3:
            o["unknown_key"] = rnd.choice(XVALS)
        return o
    doc = {"sbp": 1}
    if rnd.random() < 0.5:
        doc["lang"] = rnd.choice(["en", "zh"])
    if rnd.random() < 0.8:
        doc["title"] = rnd.choice([t(), ""])
    if rnd.random() < 0.5:
        doc["description"] = t() + "\n" + t()
    if rnd.random() < 0.3:
        doc["ignore"] = rnd.sample(RULES, rnd.randint(1, 2))
    cols = [xkeys({"id": "c%d" % i, "name": t()}) for i in range(rnd.randint(1, 5))]
    for c in cols:
        if rnd.random() < 0.6:
            c["phase"] = rnd.choice(["Before", "阶段", "", t()])
    lanes = []
    for z in ZONES:
        for k in rnd.sample(range(4), rnd.randint(0 if z != "onstage" else 1, 3)):
            lanes.append(xkeys({"id": "%s%d" % (z[:3], k), "name": t(), "zone": z}))
    stds = []
    for i in range(rnd.randint(0, 4)):
        s = {"id": "s%d" % i, "name": t(), "kind": rnd.choice(["hard", "soft"])}
        for key in ("requirement", "measure", "target", "feedback", "owner"):
            if rnd.random() < 0.5:
                s[key] = rnd.choice([t(), ""])
        if rnd.random() < 0.5:
            s["source"] = rnd.choice(["customer", "company"])
        if rnd.random() < 0.5:
            s["dimension"] = rnd.choice(["tangibles", "reliability", "responsiveness", "assurance", "empathy"])
        for key in ("weight", "goal", "desired", "adequate", "actual"):
            if rnd.random() < 0.5:
                s[key] = rnd.choice([1, 2.5, 90, 0.125, -4, 0, 1e20, 0.1, 123456789.123])
        if rnd.random() < 0.4:
            s["better"] = rnd.choice(["higher", "lower"])
        stds.append(xkeys(s))
    steps = []
    used = rnd.sample(lanes, max(1, len(lanes) - rnd.randint(0, 2)))
    for n in range(rnd.randint(1, 14)):
        l = rnd.choice(used)
        st = {"id": "st%d" % n, "lane": l["id"], "column": rnd.choice(cols[:max(1, len(cols) - 1)])["id"],
              "text": rnd.choice([t(), t() + " " + t(), ""])}
        if rnd.random() < 0.3:
            st["notes"] = rnd.choice([t(), ""])
        if rnd.random() < 0.2:
            st["fix"] = t()
        if rnd.random() < 0.3:
            st["encounter"] = rnd.choice([True, False])
        if rnd.random() < 0.3:
            st["duration"] = rnd.choice([0, 1, 2.5, 10, 0.001])
        if stds and rnd.random() < 0.5:
            st["standards"] = [s["id"] for s in rnd.sample(stds, rnd.randint(1, len(stds)))]
        if rnd.random() < 0.3:
            w = xkeys({"text": rnd.choice([t(), ""])})
            if rnd.random() < 0.5:
                w["expected"] = rnd.choice([0, 3, 1.5])
            if rnd.random() < 0.5:
                w["tolerable"] = 8
            st["wait"] = w
        if rnd.random() < 0.3:
            f = xkeys({"text": rnd.choice([t(), ""])})
            if rnd.random() < 0.5:
                f["severity"] = rnd.randint(1, 5)
            if rnd.random() < 0.5:
                f["recovery"] = rnd.choice([t(), ""])
            st["fail"] = f
        steps.append(xkeys(st))
    flows = []
    for i in range(rnd.randint(0, len(steps))):
        a, b = rnd.choice(steps), rnd.choice(steps)
        f = {"from": a["id"], "to": b["id"]}
        if rnd.random() < 0.4:
            f["label"] = rnd.choice([t(), ""])
        flows.append(xkeys(f))
    meas = []
    for i in range(rnd.randint(0, 5) if stds else 0):
        m = {"date": "2026-%02d-%02d" % (rnd.randint(1, 12), rnd.randint(1, 28)),
             "standard": rnd.choice(stds)["id"]}
        for key in ("value", "failures", "volume"):
            if rnd.random() < 0.6:
                m[key] = rnd.choice([0, 3, 100]) if key != "value" else rnd.choice([91.5, -2, 0])
        if rnd.random() < 0.4:
            m["note"] = rnd.choice([t(), ""])
        meas.append(xkeys(m))
    doc.update({"columns": cols, "lanes": lanes, "steps": steps})
    for key, v in (("standards", stds), ("flows", flows), ("measurements", meas)):
        if v or rnd.random() < 0.2:
            doc[key] = v
    xkeys(doc, 0.6)
    return doc
