#!/usr/bin/env python3
"""Run `sbp export` for one format on every example blueprint and on the
hostile one, and check the result with the tools that read that format.

usage: test_exports.py FORMAT        (env: SBP binary, SRCDIR source root)
       test_exports.py golden --update   (rewrite the golden files)

Exit 0 pass, 1 fail, 77 skip (a tool the check needs is not installed).
"""
import csv
import html.parser
import io
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import unicodedata
import xml.etree.ElementTree as ET
import zlib

try:
    import yaml  # noqa: F401  (the model to compare with)
except ImportError:
    if os.path.exists("/usr/bin/python3") and sys.executable != "/usr/bin/python3":
        os.execv("/usr/bin/python3", ["/usr/bin/python3", *sys.argv])
    print("SKIP: python3-yaml is not installed")
    sys.exit(77)

FMT = sys.argv[1]
UPDATE = "--update" in sys.argv
SBP = os.environ["SBP"]
SRC = os.environ["SRCDIR"]
HERE = os.path.join(SRC, "tests", "export")
BP = os.path.join(SRC, "blueprints")
FILES = sorted(os.path.join(BP, f) for f in os.listdir(BP) if f.endswith(".yaml"))
FILES += [os.path.join(HERE, "hostile.yaml"), os.path.join(HERE, "small.yaml")]
TMP = tempfile.mkdtemp(prefix="sbp-export-")
failures = []


def yq(s):
    """A YAML double-quoted string."""
    return json.dumps(s, ensure_ascii=False)


def gen_blueprint(name, ncols, nsteps, hostile):
    """A generated blueprint: with hostile, long phase and column names,
    long texts and words, CJK without spaces, fail and wait points on many
    cards, labelled flows crowding one gutter and crossing the lines;
    else a large plain one. Written to TMP; returns the path."""
    zones = ["evidence", "customer", "customer", "onstage", "onstage", "backstage", "support"]
    out = ["sbp: 1", "title: " + yq("Generated %s blueprint" % name), "x-owner: Test team",
           "x-version: '7'", "columns:"]
    for c in range(ncols):
        phase = ("A very long phase name that must never be shortened on the poster"
                 if hostile and c < ncols // 2 else "Phase %d" % (c // 4))
        cname = ("Column %d with a long name over several lines" % c) if hostile else "C%d" % c
        out.append("  - {id: c%d, name: %s, phase: %s}" % (c, yq(cname), yq(phase)))
    out.append("lanes:")
    for i, z in enumerate(zones):
        lname = ("泳道%d：一个很长的泳道名称" % i) if hostile and i == 2 else "Lane %d %s" % (i, z)
        out.append("  - {id: l%d, name: %s, zone: %s}" % (i, yq(lname), z))
    out.append("standards:")
    for k in range(4):
        out.append("  - {id: std%d, name: %s, kind: hard, goal: 95, actual: %d, weight: 1}"
                   % (k, yq("Standard %d" % k), 90 + 3 * k))
    out.append("steps:")
    texts = ["Step {i} does something for the customer",
             "Step {i}: Donaudampfschifffahrtsgesellschaft writes an appointment letter, "
             "a confirmation and a reminder, and the card grows to show all of it without "
             "any ellipsis or cut at all, however long the description becomes",
             "技术员上门检测线路并更换光猫然后请客户签字确认工单第{i}步",
             "<b>Bold</b> & \"quoted\" | pipes {i} ]]> =SUM(A1)"]
    for i in range(nsteps):
        t = texts[i % len(texts)] if hostile else "Step {i} does something useful"
        line = "  - {id: s%d, lane: l%d, column: c%d, text: %s" % (
            i, (i * 3) % len(zones), (i * 5) % ncols, yq(t.format(i=i)))
        if i % 3 == 1:
            line += (", fail: {text: %s, severity: %d, recovery: %s}"
                     % (yq("Fail %d: the courier misses the pickup window" % i), 1 + i % 5,
                        yq("Recovery %d: dispatcher sends the nearest courier" % i)))
        if i % 4 == 2:
            line += ", wait: {text: %s, expected: %d, tolerable: %d}" % (
                yq("Waits at the counter %d" % i), 2 + i % 5, 9 + i % 7)
        if i % 5 == 0:
            line += ", standards: [std%d]" % (i % 4)
        out.append(line + "}")
    out.append("flows:")
    labels = ["appointment letter", "pickup order", "credit note", "confirmation",
              "写给客户的预约确认短信", "a label with several words in it"]
    for i in range(nsteps):
        j = (i * 7 + 3) % nsteps
        if i % 6 == 0:
            j = (i + 1) % nsteps
        if i == j:
            continue
        lab = (", label: %s" % yq(labels[i % len(labels)])) if i % 2 == 0 else ""
        out.append("  - {from: s%d, to: s%d%s}" % (i, j, lab))
    path = os.path.join(TMP, "gen-%s.yaml" % name)
    open(path, "w", encoding="utf-8").write("\n".join(out) + "\n")
    return path


GENERATED = [gen_blueprint("hostile", 8, 60, True), gen_blueprint("large", 40, 400, False)]


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL:", what)


def run(*args, stdin=None):
    p = subprocess.run([SBP, *args], input=stdin, capture_output=True, timeout=120)
    return p.returncode, p.stdout, p.stderr


def need(*tools):
    for t in tools:
        if not shutil.which(t):
            print("SKIP: %s is not installed" % t)
            sys.exit(77)


def need_cairo(fmt):
    """Skip when this sbp was built without cairo (and says so clearly)."""
    rc, _, err = run("export", "-f", fmt, "-o", os.path.join(TMP, "probe." + fmt),
                     os.path.join(HERE, "small.yaml"))
    if rc == 2 and b"built without cairo: pdf and png export are not available" in err:
        print("SKIP: sbp was built without cairo")
        sys.exit(77)


def export(path, fmt, *opts, name=None):
    out = os.path.join(TMP, (name or os.path.basename(path)[:-5]) + "." + fmt)
    rc, _, err = run("export", "-f", fmt, "-o", out, *opts, path)
    check(rc == 0, "%s %s: exit %d: %s" % (fmt, path, rc, err.decode(errors="replace")))
    return out


def model(path):
    """The blueprint as data: its canonical YAML (sbp fmt) read by PyYAML."""
    import yaml
    with open(path, "rb") as f:
        rc, out, err = run("fmt", "-", stdin=f.read())
    check(rc == 0, "fmt %s" % path)

    class Loader(yaml.SafeLoader):  # sbp reads 2026-11-02 as text, not a date
        pass
    Loader.yaml_implicit_resolvers = {
        k: [r for r in v if r[0] != "tag:yaml.org,2002:timestamp"]
        for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()}
    return yaml.load(out.decode(), Loader=Loader)


def counts(path):
    rc, out, _ = run("check", "--format", "json", path)
    return json.loads(out)["files"][0]["summary"]


def xml_ok(path):
    p = subprocess.run(["xmllint", "--noout", path], capture_output=True)
    check(p.returncode == 0, "xmllint %s: %s" % (path, p.stderr.decode(errors="replace")))
    return ET.parse(path).getroot()


def texts(root):
    return "".join(root.itertext())


HOSTILE = ["<script>alert(1)</script>", '=HYPERLINK("http://evil.example","click me")',
           "中文步骤", "]]>"]


SVG = "{http://www.w3.org/2000/svg}"
UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


def norm(t):
    return " ".join(t.split())


def minutes(w):
    """A wait point's minutes as the poster shows them: 3–8 (then the unit
    in the blueprint's language)."""
    num = lambda v: ("%d" % v) if float(v).is_integer() else ("%g" % v)
    e, t = w.get("expected"), w.get("tolerable")
    if e is not None and t is not None:
        return "%s\u2013%s" % (num(e), num(t))
    if e is not None:
        return "%s" % num(e)
    if t is not None:
        return "\u2264 %s" % num(t)
    return None


def point_texts(m):
    """(step id, texts that must be on the poster): every fail point's text
    and recovery, every wait point's minutes; text with characters the
    exports escape is left out."""
    for st in m["steps"]:
        want = []
        if st.get("fail"):
            want += [st["fail"]["text"], st["fail"].get("recovery")]
        if st.get("wait"):
            want += [minutes(st["wait"])]
        yield st["id"], [w for w in want if w and not UNSAFE.search(w)]


def svg_boxes(root):
    """Flow label boxes and the grid's zone lines of a poster SVG."""
    labels = [tuple(float(r.get(k)) for k in ("x", "y", "width", "height"))
              for r in root.iter(SVG + "rect") if r.get("class") == "flb"]
    lines = [(float(l.get("x1")), float(l.get("x2")), float(l.get("y1")))
             for l in root.iter(SVG + "line") if l.get("class") == "zl"
             and float(l.get("x2")) - float(l.get("x1")) > 100]
    return labels, lines


def check_svg_poster(f, root):
    """The properties a facilitator relies on, read from the SVG itself."""
    m = model(f)
    groups = {g.get("id")[5:]: g for g in root.iter(SVG + "g") if g.get("id", "").startswith("step-")}
    for sid, want in point_texts(m):
        g = groups.get(sid)
        body = norm("".join(t for el in g.iter(SVG + "text") for t in el.itertext())) if g is not None else ""
        for w in want:
            check(norm(w) in body, "svg %s: step %s shows %r" % (f, sid, w))
    for st in m["steps"]:
        g = groups.get(st["id"])
        if g is None or UNSAFE.search(st["text"]):
            continue
        card = [el for el in g.iter(SVG + "text") if el.get("class") == "ca"]
        tokens = set()
        for el in card:
            for ts in el.iter(SVG + "tspan"):
                tokens.update((ts.text or "").split())
        joined = "".join(t for el in card for t in el.itertext())
        for word in st["text"].split():
            if re.search(r"[\u2e80-\u9fff\uac00-\ud7af\uff00-\uffef]", word):
                check(word in joined.replace(" ", ""), "svg %s: %s keeps %r" % (f, st["id"], word))
            else:
                check(word in tokens, "svg %s: word %r of %s broken or missing" % (f, word, st["id"]))
    labels, lines = svg_boxes(root)
    for i, (x, y, w, h) in enumerate(labels):
        for x1, x2, ly in lines:
            check(not (y <= ly <= y + h and x < x2 and x + w > x1),
                  "svg %s: label box %r on the line at y %.1f" % (f, (x, y, w, h), ly))
        for (x2_, y2_, w2, h2) in labels[i + 1:]:
            check(not (x < x2_ + w2 and x2_ < x + w and y < y2_ + h2 and y2_ < y + h),
                  "svg %s: labels %r and %r overlap" % (f, (x, y, w, h), (x2_, y2_, w2, h2)))


def test_svg():
    need("xmllint", "rsvg-convert")
    for f in FILES + GENERATED:
        out = export(f, "svg")
        root = xml_ok(out)
        ns = SVG
        check(not root.findall(".//" + ns + "script"), "svg has a script element")
        groups = [g for g in root.iter(ns + "g") if g.get("id", "").startswith("step-")]
        check(len(groups) == len(model(f)["steps"]), "svg %s: one group per step" % f)
        check(len(root.findall(".//" + ns + "text")) > 10, "svg %s: real text" % f)
        check_svg_poster(f, root)
        if "hostile" in f and "gen-" not in f:
            body = texts(root)
            for h in HOSTILE:
                check(h in body, "svg keeps the text %r" % h)
        png = out + ".png"
        p = subprocess.run(["rsvg-convert", out, "-o", png], capture_output=True)
        check(p.returncode == 0 and os.path.getsize(png) > 1000, "rsvg-convert %s" % f)
    rc, _, err = run("export", "-f", "svg", "-o", os.path.join(TMP, "w.svg"), GENERATED[0])
    check(rc == 0 and b"warning" not in err, "svg of the generated blueprint: nothing cut: %r" % err)
    long = os.path.join(TMP, "longword.yaml")
    open(long, "w").write("sbp: 1\ncolumns: [{id: c, name: C}]\nlanes: [{id: l, name: L, zone: customer}]\n"
                          "steps: [{id: s, lane: l, column: c, text: %s}]\n" % ("x" * 500))
    rc, _, err = run("export", "-f", "svg", "-o", os.path.join(TMP, "long.svg"), long)
    check(rc == 0 and b"warning: 1 text did not fit" in err, "a word too long for any card is reported: %r" % err)


def png_pixels(path):
    """Decode an 8-bit RGB/RGBA PNG: (width, height, rows of bytes)."""
    data = open(path, "rb").read()
    check(data[:8] == b"\x89PNG\r\n\x1a\n", "png signature")
    pos, idat, w = 8, b"", 0
    while pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        if kind == b"IHDR":
            w, h, depth, ctype = struct.unpack(">IIBB", body[:10])
        elif kind == b"IDAT":
            idat += body
        pos += 12 + n
    bpp = {2: 3, 6: 4}[ctype]
    raw, rows, prev = zlib.decompress(idat), [], bytearray(w * bpp)
    stride = w * bpp + 1
    for y in range(h):
        ft, line = raw[y * stride], bytearray(raw[y * stride + 1:(y + 1) * stride])
        for i in range(len(line)):
            a = line[i - bpp] if i >= bpp else 0
            b, c = prev[i], prev[i - bpp] if i >= bpp else 0
            if ft == 1:
                line[i] = (line[i] + a) & 255
            elif ft == 2:
                line[i] = (line[i] + b) & 255
            elif ft == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif ft == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        prev = line
    return w, h, bpp, rows


def test_png():
    need_cairo("png")
    for f in FILES[-2:] + [os.path.join(BP, "hotel.yaml")]:
        out = export(f, "png", "--scale", "0.5")
        w, h, bpp, rows = png_pixels(out)
        check(w > 100 and h > 100, "png size %dx%d" % (w, h))
        dark = sum(1 for r in rows[::4] for i in range(0, len(r), bpp * 4) if r[i] < 128)
        colours = {r[i:i + 3] for r in rows[::8] for i in range(0, len(r), bpp * 8)}
        check(dark > 50 and len(colours) > 8, "png %s is not blank (%d dark, %d colours)"
              % (f, dark, len(colours)))
    big = export(os.path.join(BP, "hotel.yaml"), "png", "--scale", "1", name="big")
    small = export(os.path.join(BP, "hotel.yaml"), "png", "--scale", "0.5", name="small")
    check(png_pixels(big)[0] > png_pixels(small)[0] * 1.8, "png --scale scales")


def pdf_pages(path):
    p = subprocess.run(["pdfinfo", path], capture_output=True, text=True)
    check(p.returncode == 0, "pdfinfo %s" % path)
    m = re.search(r"Pages:\s+(\d+)", p.stdout)
    size = re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", p.stdout)
    return int(m.group(1)), float(size.group(1)), float(size.group(2))


def pdf_text(path, page=None):
    args = ["pdftotext"] + (["-f", str(page), "-l", str(page)] if page else []) + [path, "-"]
    return subprocess.run(args, capture_output=True, text=True).stdout


def pdf_min_word_height(path, first, last):
    """The size in points of the smallest poster text on pages first..last,
    from the height of its words' boxes (pdftotext -bbox gives about 1.16
    times the size); the sheet notes in the margins are left out."""
    out = subprocess.run(["pdftotext", "-bbox", "-f", str(first), "-l", str(last), path, "-"],
                         capture_output=True, text=True).stdout
    hs = []
    for page in re.findall(r'<page width="[\d.]+" height="([\d.]+)">(.*?)</page>', out, re.S):
        ph = float(page[0])
        for a, b in re.findall(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)"', page[1]):
            if float(a) > 36 and float(b) < ph - 36:
                hs.append((float(b) - float(a)) / 1.163)
    return min(hs) if hs else 0


def test_pdf():
    need("pdfinfo", "pdftotext")
    need_cairo("pdf")
    for f in FILES + GENERATED:
        out = export(f, "pdf")
        n, w, h = pdf_pages(out)
        check(n == 1 or f in GENERATED, "pdf %s: one page" % f)
        body = norm(pdf_text(out))
        flat = "".join(body.split())
        for sid, want in point_texts(model(f)):
            for t in want:
                # CJK wraps between any two characters: compare without spaces
                cjk = re.search(r"[\u2e80-\u9fff\uff00-\uffef]", t)
                check(norm(t) in body or (cjk and "".join(t.split()) in flat),
                      "pdf %s: step %s shows %r" % (f, sid, t))
    hotel = os.path.join(BP, "hotel.yaml")
    lanes = [l["name"] for l in model(hotel)["lanes"]]
    for paper in ("a4", "A3"):
        out = export(hotel, "pdf", "--paper", paper)
        n, w, h = pdf_pages(out)
        want = {"a4": 841.89, "a3": 1190.55}[paper.lower()]
        check(n == 1 and abs(max(w, h) - want) < 1, "pdf --paper %s: one page" % paper)
        for opts in (["--tile"], ["--fit"], ["--fit", "9"], ["--pages", "3x2"]):
            out = export(hotel, "pdf", "--paper", paper, *opts, name="tile")
            n, w, h = pdf_pages(out)
            check(abs(max(w, h) - want) < 1, "pdf %s %s: %s sheets" % (paper, opts, paper))
            if opts[0] == "--pages":
                check(n == 6, "pdf --pages 3x2: %d pages" % n)
            for page in range(1, n + 1):
                txt = norm(pdf_text(out, page))
                for lane in lanes:
                    check(norm(lane) in txt, "pdf %s %s: page %d names lane %r" % (paper, opts, page, lane))
            if opts[0] == "--fit":
                pt = float(opts[1]) if len(opts) > 1 else 7
                hgt = pdf_min_word_height(out, 1, n)
                check(hgt >= pt * 0.97, "pdf --fit %s: smallest text %.2f pt" % (pt, hgt))
    one = pdf_pages(export(hotel, "pdf", "--paper", "a0", "--tile", name="a0"))[0]
    check(one == 1, "the hotel fits one a0 sheet")
    check(pdf_min_word_height(os.path.join(TMP, "a0.pdf"), 1, 1) > 9, "--tile fills the a0 sheet")
    fit = pdf_pages(export(hotel, "pdf", "--fit", name="fit7"))[0]
    fit12 = pdf_pages(export(hotel, "pdf", "--fit", "12", name="fit12"))[0]
    check(fit12 > fit, "--fit 12 needs more sheets than --fit 7 (%d, %d)" % (fit12, fit))
    out = export(hotel, "pdf", "--tile", "--scale", "2")
    check(pdf_pages(out)[0] > 6, "pdf --tile --scale 2 makes more pages")
    out = export(hotel, "pdf", "--with-tables", name="tables")
    n = pdf_pages(out)[0]
    check(n >= 2, "pdf --with-tables adds pages")
    tables = norm(" ".join(pdf_text(out, k) for k in range(2, n + 1)))
    hm = model(hotel)
    want = ["Fail points and recovery", "Wait points", "Standards"]
    want += [st["fail"]["recovery"] for st in hm["steps"] if st.get("fail") and st["fail"].get("recovery")]
    want += [st["fail"]["text"] for st in hm["steps"] if st.get("fail")]
    want += [sd["name"] for sd in hm["standards"]]
    words = set(tables.split())
    for t in want:  # cells wrap and pdftotext interleaves columns: word by word
        check(all(w in words for w in t.split()), "pdf --with-tables: the table pages have %r" % t)
    out = export(os.path.join(HERE, "hostile.yaml"), "pdf")
    txt = pdf_text(out)
    check("script" in txt and "中文" in txt, "pdf has the hostile text as text")
    rc, _, err = run("export", "-f", "pdf", "--paper", "a4", "-o", os.path.join(TMP, "small.pdf"),
                     GENERATED[1])
    check(rc == 0 and b"below 6 pt" in err, "a poster shrunk below 6 pt says so: %r" % err)


class Html(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.urls, self.ids = [], [], set()

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        for k, v in attrs:
            if k in ("src", "href") and v and not v.startswith("#"):
                self.urls.append(v)
            if k == "id":
                self.ids.add(v)


def test_html():
    need("xmllint")
    for f in FILES:
        out = export(f, "html")
        doc = open(out, encoding="utf-8").read()
        p = Html()
        p.feed(doc)
        check("script" not in p.tags and "iframe" not in p.tags, "html %s: no script" % f)
        check(not p.urls, "html %s: no network references %s" % (f, p.urls[:3]))
        check("@import" not in doc and not re.search(r"url\((?!#)", doc), "html %s: no CSS imports" % f)
        for sec in ("poster", "flagged", "fail", "wait", "standards", "index", "servqual", "report"):
            check(sec in p.ids, "html %s: section %s" % (f, sec))
        check("@media print" in doc, "html prints")
        check(doc.count("<table>") == doc.count('<div class="tw"><table>') or
              "table{display:block;overflow-x:auto" in doc,
              "html %s: every table scrolls sideways on a phone" % f)
        check('id="fullsize"' in doc and "#fullsize:checked" in doc, "html %s: a fit/full-size toggle" % f)
        svg = doc[doc.index("<svg"):doc.index("</svg>") + 6]
        path = out + ".svg"
        open(path, "w", encoding="utf-8").write(svg)
        xml_ok(path)
        s = counts(f)
        check("Encounters without a standard (%d)" % s["unstandardized"] in doc or
              "缺少标准的服务接触（%d）" % s["unstandardized"] in doc,  # lang: zh
              "html %s: flagged count" % f)
    doc = open(export(os.path.join(BP, "hotel.yaml"), "html"), encoding="utf-8").read()
    check("Goal attainment" in doc and "&#160;%</th>" in doc and "Service performance index" not in doc, "hotel: goal attainment")
    check("responsiveness" in doc and "empathy" in doc, "hotel: SERVQUAL rows")


def md_cells(line):
    return re.split(r"(?<!\\)\|", line.strip())[1:-1]


def test_md():
    for f in FILES:
        out = export(f, "md")
        lines = open(out, encoding="utf-8").read().split("\n")
        m = model(f)
        rows = 0
        width = None
        for line in lines:
            if line.startswith("| Column | Step") or line.startswith("| 列 | 步骤"):  # lang: zh
                width = len(md_cells(line))
            elif line.startswith("|---"):
                continue
            elif line.startswith("|") and width:
                check(len(md_cells(line)) == width, "md %s: row with %d cells: %s" % (f, len(md_cells(line)), line))
                if "*(no steps)*" not in line:
                    rows += 1
            else:
                width = None if not line.startswith("|") else width
        check(rows == len(m["steps"]), "md %s: %d step rows, want %d" % (f, rows, len(m["steps"])))
        check("## Check report" in lines or "## 检查报告" in lines, "md %s: check report" % f)
        if m.get("flows"):
            at = lines.index("## 流向" if "## 流向" in lines else "## Flows")  # the blueprint's lang
            rows_f = [l for l in lines[at + 4:] if l.startswith("|")]
            rows_f = rows_f[:next((i for i, l in enumerate(lines[at + 4:]) if not l.startswith("|")), len(rows_f))]
            check(len(rows_f) == len(m["flows"]), "md %s: a row per flow (%d, want %d)" % (f, len(rows_f), len(m["flows"])))
            check(all(len(md_cells(l)) == 5 for l in rows_f), "md %s: flow rows of 5 cells" % f)
        if "hostile" in f:
            text = "\n".join(lines)
            check("<script>" not in text and "<img" not in text, "md: raw HTML")


def test_csv():
    for f in FILES:
        m = model(f)
        for what, key, n in (("steps", "steps", len(m["steps"])),
                             ("standards", "standards", len(m.get("standards", []))),
                             ("flows", "flows", len(m.get("flows", [])))):
            out = os.path.join(TMP, "t-%s.csv" % what)
            rc, _, err = run("export", "-f", "csv", "--what", what, "-o", out, f)
            check(rc == 0, "csv --what %s" % what)
            raw = open(out, "rb").read()
            check(raw.startswith(b"\xef\xbb\xbf"), "csv BOM")
            check(b"\r\n" in raw and not re.search(rb"[^\r]\n", raw), "csv CRLF line ends")
            rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
            check(len(rows) == n + 1, "csv %s %s: %d rows, want %d" % (f, what, len(rows), n + 1))
            check(all(len(r) == len(rows[0]) for r in rows), "csv %s: ragged rows" % f)
            for r in rows[1:]:
                for cell in r:
                    check(not cell or cell[0] not in "=+-@\t\r" or re.fullmatch(r"-?[\d.]+", cell),
                          "csv %s: formula cell %r" % (f, cell))
            if what == "steps":
                ids = [r[0] for r in rows[1:]]
                check(ids == [s["id"] for s in m["steps"]], "csv step ids in order")
                texts = {r[0]: r[7] for r in rows[1:]}
                for s in m["steps"]:
                    t = texts.get(s["id"], "")
                    check(t == s["text"] or t == "'" + s["text"] or "\\u{" in t,
                          "csv keeps text %r" % s["text"])


def test_drawio():
    need("xmllint")
    for f in FILES:
        root = xml_ok(export(f, "drawio"))
        m = model(f)
        cells = root.findall(".//mxCell")
        ids = [c.get("id") for c in cells if c.get("id")] + [u.get("id") for u in root.iter("UserObject")]
        check(len(ids) == len(set(ids)), "drawio %s: unique ids" % f)
        check(len(list(root.iter("UserObject"))) == len(m["steps"]), "drawio %s: one shape per step" % f)
        edges = [c for c in cells if c.get("edge") == "1" and c.get("source")]
        check(len(edges) == len(m.get("flows", [])), "drawio %s: one arrow per flow" % f)
        lanes = [c for c in cells if "container=1" in (c.get("style") or "")]
        check(len(lanes) == len(m["lanes"]), "drawio %s: lanes as containers" % f)
        check(all("html=1" not in (c.get("style") or "") for c in cells), "drawio: plain labels")
        steps = {u.get("id") for u in root.iter("UserObject")}
        marks = [c for c in cells if (c.get("style") or "").startswith("ellipse;")]
        check(marks and all(c.get("parent") in steps for c in marks), "drawio %s: markers inside their card" % f)
        check(not [c for c in cells if "dashed=1" in (c.get("style") or "") and c.get("edge") == "1"],
              "drawio %s: the lines are lane borders, not loose edges" % f)
        objs = {u.get("sbp_id"): u for u in root.iter("UserObject")}
        for st in m["steps"]:
            u = objs[st["id"]]
            if st.get("fail"):
                check(u.get("fail") == st["fail"]["text"] or UNSAFE.search(st["fail"]["text"]),
                      "drawio %s: fail data of %s" % (f, st["id"]))
            if st.get("wait") and st["wait"].get("expected") is not None:
                check(u.get("wait_expected_min") is not None, "drawio %s: wait data of %s" % (f, st["id"]))
            if st.get("standards"):
                check(u.get("standards") == ", ".join(st["standards"]), "drawio %s: standards of %s" % (f, st["id"]))


def dot_positions(path):
    """Node centres from graphviz's own layout (dot -Tplain), by name with
    quotes and backslashes dropped."""
    p = subprocess.run(["dot", "-Tplain", path], capture_output=True, text=True, timeout=300)
    check(p.returncode == 0 and not p.stderr, "dot -Tplain %s: %s" % (path, p.stderr[:300]))
    pos = {}
    for m in re.finditer(r'^node ("(?:[^"\\]|\\.)*"|\S+) ([-\d.]+) ([-\d.]+) ', p.stdout, re.M):
        name = m.group(1)
        if name.startswith('"'):
            name = name[1:-1]
        pos[name.replace("\\", "")] = (float(m.group(2)), float(m.group(3)))
    return pos


def test_dot():
    need("dot")
    for f in FILES + GENERATED:
        out = export(f, "dot")
        p = subprocess.run(["dot", "-Tsvg", out, "-o", out + ".svg"], capture_output=True, text=True)
        check(p.returncode == 0 and "rror" not in p.stderr, "dot %s: %s" % (f, p.stderr[:300]))
        text = open(out, encoding="utf-8").read()
        m = model(f)
        check(text.count("subgraph \"cluster_") == len(m["lanes"]), "dot %s: a cluster per lane" % f)
        # rendered: every lane's steps above the next lane's, and each
        # lane's steps left to right in column order
        pos = dot_positions(out)
        lane_ix = {l["id"]: i for i, l in enumerate(m["lanes"])}
        col_ix = {c["id"]: i for i, c in enumerate(m["columns"])}
        ys = {}
        key = lambda sid: sid.replace("\\", "").replace('"', "")
        pos = {k.replace('"', ""): v for k, v in pos.items()}
        for st in m["steps"]:
            if key(st["id"]) in pos:
                ys.setdefault(lane_ix[st["lane"]], []).append(pos[key(st["id"])][1])
        check(len(sum(ys.values(), [])) == len(m["steps"]), "dot %s: every step placed" % f)
        for a in ys:
            for b in ys:
                if a < b:
                    check(min(ys[a]) > max(ys[b]), "dot %s: lane %d above lane %d" % (f, a, b))
        for a in m["steps"]:
            for b in m["steps"]:
                if a["lane"] == b["lane"] and col_ix[a["column"]] < col_ix[b["column"]]:
                    check(pos[key(a["id"])][0] < pos[key(b["id"])][0],
                          "dot %s: %s left of %s" % (f, a["id"], b["id"]))


MERMAID_LABEL = re.compile(r'\["([^"]*)"\]|-- "([^"]*)" -->')


def test_mermaid():
    for f in FILES + GENERATED:
        out = export(f, "mermaid")
        text = open(out, encoding="utf-8").read()
        body = text.split("---\n", 2)[2]
        m = model(f)
        check(body.startswith("block-beta\n"), "mermaid header")
        check("  columns %d\n" % (len(m["columns"]) + 1) in body, "mermaid %s: grid width" % f)
        check(len(re.findall(r"^ +s\d+\[", body, re.M)) == len(m["steps"]), "mermaid %s: nodes" % f)
        edges = re.findall(r"^  s\d+ (?:-- \"[^\"]*\" )?--> s\d+$", body, re.M)
        check(len(edges) == len(m.get("flows", [])), "mermaid %s: an edge per flow" % f)
        # the grid, row by row: the corner and column names, then each
        # lane's name and one cell per column, in the file's order
        items, depth = [], 0
        for line in body.split("\n"):
            t = line.strip()
            if depth == 0 and re.match(r"^(corner|col\d+|lane\d+|s\d+)\[|^space$|^block:", t):
                items.append(t.split("[")[0].split(":")[0])
            if t.startswith("block:"):
                depth += 1
            elif t == "end":
                depth -= 1
        width = len(m["columns"]) + 1
        check(len(items) == width * (len(m["lanes"]) + 1), "mermaid %s: a full grid" % f)
        rows = [items[i:i + width] for i in range(0, len(items), width)]
        check(rows and rows[0][0] == "corner" and rows[0][1:] == ["col%d" % c for c in range(width - 1)],
              "mermaid %s: the column names first, in order" % f)
        check([r[0] for r in rows[1:]] == ["lane%d" % l for l in range(len(m["lanes"]))],
              "mermaid %s: lanes in order, one row each" % f)
        for line in body.split("\n"):
            stripped = MERMAID_LABEL.sub("", line)
            check('"' not in stripped and "<" not in stripped,
                  "mermaid %s: unescaped text outside labels: %s" % (f, line))
            for a, b in MERMAID_LABEL.findall(line):
                lab = re.sub(r"#\w+;", "", a or b)
                check(not re.search(r'[<>|`;%#"]', lab), "mermaid label %r" % lab)
        mmdc = os.environ.get("MMDC") or shutil.which("mmdc")
        if mmdc and f not in GENERATED:
            # rendered by Mermaid itself (env MMDC: the command, e.g. with
            # "-p puppeteer.json" for a system chromium): lane rows go down,
            # column headers go right, in the file's order
            p = subprocess.run(mmdc.split() + ["-i", out, "-o", out + ".svg"], capture_output=True,
                               timeout=300)
            check(p.returncode == 0, "mmdc %s: %s" % (f, p.stderr[-300:]))
            svg = open(out + ".svg", encoding="utf-8").read() if p.returncode == 0 else ""
            at = {k: (float(x), float(y)) for k, x, y in
                  re.findall(r'id="[^"]*-((?:lane|col)\d+)" transform="translate\(([-\d.]+), ?([-\d.]+)\)"', svg)}
            ly = [at.get("lane%d" % l, (0, 0))[1] for l in range(len(m["lanes"]))]
            cx = [at.get("col%d" % c, (0, 0))[0] for c in range(len(m["columns"]))]
            check(ly == sorted(ly) and len(set(ly)) == len(ly), "mermaid %s rendered: lanes in order %r" % (f, ly))
            check(cx == sorted(cx) and len(set(cx)) == len(cx), "mermaid %s rendered: columns in order" % f)


def test_json():
    try:
        import yaml  # noqa: F401
    except ImportError:
        print("SKIP: python3-yaml is not installed")
        sys.exit(77)
    for f in FILES:
        out = export(f, "json")
        data = json.load(open(out, encoding="utf-8"))
        check(data == model(f), "json %s equals the model" % f)


def width(s):
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else
               0 if unicodedata.combining(c) else 1 for c in s)


def test_txt():
    for f in FILES:
        out = export(f, "txt")
        text = open(out, encoding="utf-8").read()
        check(not re.search(r"[\x00-\x09\x0b-\x1f\x7f\x80-\x9f\u202a-\u202e\u2066-\u2069\u200b]", text),
              "txt %s: control or bidi characters" % f)
        lines = text.split("\n")
        for line in lines:
            check(width(line) <= 132, "txt %s: line wider than 132: %r" % (f, line))
        grid = [l for l in lines if l.startswith("|")]
        check(grid and len({width(l) for l in grid}) <= max(1, text.count("| Phase")),
              "txt %s: grid rows aligned" % f)
        m = model(f)
        starts = sum(l.count("| * ") for l in grid)
        check(starts == len(m["steps"]), "txt %s: %d steps shown, want %d" % (f, starts, len(m["steps"])))


def test_cli():
    hotel = os.path.join(BP, "hotel.yaml")
    rc, out, err = run("export", "-f", "nope", hotel)
    check(rc == 2 and b"unknown format" in err, "unknown format: exit 2")
    rc, out, err = run("export", hotel)
    check(rc == 2, "no format: exit 2")
    rc, out, err = run("export", "-f", "svg", os.path.join(TMP, "missing.yaml"))
    check(rc == 2 and err, "missing file: exit 2 with a message")
    bad = os.path.join(TMP, "bad.yaml")
    open(bad, "w").write("sbp: 1\nsteps: [\n")
    rc, out, err = run("export", "-f", "svg", bad)
    check(rc == 2 and b"bad.yaml:" in err, "invalid file: diagnostics, exit 2")
    rc, out, err = run("export", "-f", "json", "-", stdin=open(hotel, "rb").read())
    check(rc == 0 and json.loads(out)["title"] == "Overnight hotel stay", "stdin to stdout")
    copy = os.path.join(TMP, "copy.yaml")
    shutil.copyfile(hotel, copy)
    rc, out, err = run("export", "-f", "md", copy)
    check(rc == 0 and os.path.exists(os.path.join(TMP, "copy.md")), "default output FILE.md")
    rc, out, err = run("export", "-f", "csv", "--what", "flows", copy)
    check(rc == 0 and os.path.exists(os.path.join(TMP, "copy.flows.csv")), "default output FILE.flows.csv")
    rc, out, err = run("export", "-f", "mermaid", copy)
    check(rc == 0 and os.path.exists(os.path.join(TMP, "copy.mmd")), "mermaid goes to .mmd")
    rc, out, err = run("export", "-f", "csv", "--what", "nope", copy)
    check(rc == 2, "bad --what: exit 2")
    rc, out, err = run("export", "-f", "pdf", "--paper", "b5", "-o", os.path.join(TMP, "x.pdf"), copy)
    check(rc == 2 and b"paper" in err, "bad --paper: exit 2")
    rc, out, err = run("export", "-f", "png", "--scale", "0", "-o", os.path.join(TMP, "x.png"), copy)
    check(rc == 2, "bad --scale: exit 2")
    rc, out, err = run("export", "-f", "json", "-o", copy, copy)
    check(rc == 2, "refuses to overwrite its input")
    rc, out, err = run("export", "-f", "svg", "-o", "/nonexistent-dir/x.svg", copy)
    check(rc == 2 and err, "unwritable output: exit 2")
    rc, out, err = run("export", "-f", "svg", "--tile", "-o", os.path.join(TMP, "w.svg"), copy)
    check(rc == 0 and b"warning: --tile applies to pdf only" in err, "--tile on svg warns: %r" % err)
    rc, out, err = run("export", "-f", "png", "--paper", "a4", "-o", os.path.join(TMP, "w.png"), copy)
    check(rc in (0, 2) and b"warning: --paper applies to pdf only" in err, "--paper on png warns: %r" % err)
    rc, out, err = run("export", "-f", "md", "--what", "flows", "-o", os.path.join(TMP, "w.md"), copy)
    check(rc == 0 and b"--what applies to csv only" in err, "--what on md warns")
    rc, out, err = run("export", "-f", "pdf", "--pages", "3", "-o", os.path.join(TMP, "w.pdf"), copy)
    check(rc == 2 and b"COLSxROWS" in err, "bad --pages: exit 2")
    rc, out, err = run("export", "-f", "pdf", "--fit=0", "-o", os.path.join(TMP, "w.pdf"), copy)
    check(rc == 2, "bad --fit: exit 2")
    rc, out, err = run("export", "-f", "svg", "-o", os.path.join(TMP, "w2.svg"), copy)
    check(rc == 0 and not err, "no warnings on a plain export: %r" % err)
    rc, out, err = run("export", "--help")
    check(rc == 0 and b"--tile" in out and b"--fit" in out and b"--pages" in out
          and b"--with-tables" in out, "export --help")
    for fmt in ("pdf", "png"):
        rc, out, err = run("export", "-f", fmt, "-o", os.path.join(TMP, "c." + fmt), copy)
        check(rc == 0 or b"built without cairo" in err, "%s works or says why not" % fmt)


def test_dlopen():
    """cairo and pango are loaded only for PDF and PNG: with broken copies
    of them first on the library path, sbp still starts, checks and
    exports SVG, and PDF and PNG fail with a message naming the packages."""
    small = os.path.join(HERE, "small.yaml")
    probe = subprocess.run([SBP, "export", "-f", "png", "-o", os.path.join(TMP, "p.png"), small],
                           capture_output=True)
    if probe.returncode == 2 and b"built without cairo" in probe.stderr:
        print("SKIP: sbp was built without cairo")
        sys.exit(77)
    fake = os.path.join(TMP, "fake-libs")
    os.mkdir(fake)
    for lib in ("libcairo.so.2", "libgobject-2.0.so.0", "libpango-1.0.so.0",
                "libpangocairo-1.0.so.0"):
        open(os.path.join(fake, lib), "wb").close()
    env = dict(os.environ, LD_LIBRARY_PATH=fake)

    def run_env(*args):
        p = subprocess.run([SBP, *args], capture_output=True, timeout=120, env=env)
        return p.returncode, p.stdout, p.stderr
    rc, out, err = run_env("--version")
    check(rc == 0 and out.startswith(b"sbp "), "sbp starts without cairo: %r" % err)
    rc, out, err = run_env("check", small)
    check(rc in (0, 1), "check runs without cairo: exit %d %r" % (rc, err))
    rc, out, err = run_env("export", "-f", "svg", "-o", "-", small)
    check(rc == 0 and b"<svg" in out, "svg export runs without cairo: %r" % err)
    for fmt in ("pdf", "png"):
        target = os.path.join(TMP, "nocairo." + fmt)
        rc, out, err = run_env("export", "-f", fmt, "-o", target, small)
        want = b"sbp export: %s export needs libcairo2, libpango-1.0-0 and libpangocairo-1.0-0: " \
            % fmt.upper().encode()
        check(rc == 2 and err.startswith(want) and b"libcairo.so.2" in err,
              "%s without cairo: exit 2 and the packages to install, got %d %r" % (fmt, rc, err))
        check(not os.path.exists(target), "%s without cairo writes nothing" % fmt)
    if shutil.which("ldd"):
        p = subprocess.run(["ldd", SBP], capture_output=True, text=True)
        for lib in ("libcairo", "libpango", "libglib", "libgobject", "libfontconfig"):
            check(lib not in p.stdout, "sbp does not link %s" % lib)
    # and with the real libraries, both work in one process (the loader runs once)
    rc, out, err = run("export", "-f", "png", "-o", "-", small)
    check(rc == 0 and out.startswith(b"\x89PNG"), "png with cairo: %r" % err)


def test_golden():
    os.environ["SOURCE_DATE_EPOCH"] = "0"  # the title block's date: 1970-01-01
    small = os.path.join(HERE, "small.yaml")
    for fmt in ("svg", "txt"):
        rc, out, err = run("export", "-f", fmt, "-o", "-", small)
        check(rc == 0, "golden %s export" % fmt)
        gold = os.path.join(HERE, "golden", "small." + fmt)
        if UPDATE:
            os.makedirs(os.path.dirname(gold), exist_ok=True)
            open(gold, "wb").write(out)
            continue
        want = open(gold, "rb").read()
        if out != want:
            diff = subprocess.run(["diff", "-u", gold, "-"], input=out, capture_output=True).stdout
            print(diff.decode(errors="replace")[:3000])
        check(out == want, "golden %s (rerun with: SBP=... SRCDIR=... %s golden --update)" % (fmt, sys.argv[0]))


globals()["test_" + FMT]()
shutil.rmtree(TMP, ignore_errors=True)
if failures:
    print("%d failure(s)" % len(failures))
    sys.exit(1)
print("ok")
