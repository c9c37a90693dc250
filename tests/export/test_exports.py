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


def test_svg():
    need("xmllint", "rsvg-convert")
    for f in FILES:
        out = export(f, "svg")
        root = xml_ok(out)
        ns = "{http://www.w3.org/2000/svg}"
        check(not root.findall(".//" + ns + "script"), "svg has a script element")
        groups = [g for g in root.iter(ns + "g") if g.get("id", "").startswith("step-")]
        check(len(groups) == len(model(f)["steps"]), "svg %s: one group per step" % f)
        check(len(root.findall(".//" + ns + "text")) > 10, "svg %s: real text" % f)
        if "hostile" in f:
            body = texts(root)
            for h in HOSTILE:
                check(h in body, "svg keeps the text %r" % h)
        png = out + ".png"
        p = subprocess.run(["rsvg-convert", out, "-o", png], capture_output=True)
        check(p.returncode == 0 and os.path.getsize(png) > 1000, "rsvg-convert %s" % f)


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


def tiles(extent, content, overlap=28.35):
    if extent <= content:
        return 1
    import math
    return math.ceil((extent - overlap) / (content - overlap) - 1e-9)


def test_pdf():
    need("pdfinfo")
    need_cairo("pdf")
    for f in FILES:
        out = export(f, "pdf")
        n, w, h = pdf_pages(out)
        check(n == 1, "pdf %s: one page" % f)
    hotel = os.path.join(BP, "hotel.yaml")
    svg = export(hotel, "svg")
    root = ET.parse(svg).getroot()
    W, H = float(root.get("width")), float(root.get("height"))
    for paper, (pw, ph) in {"a4": (595.28, 841.89), "a3": (841.89, 1190.55)}.items():
        out = export(hotel, "pdf", "--paper", paper)
        n, w, h = pdf_pages(out)
        check(n == 1 and abs(max(w, h) - ph) < 1, "pdf --paper %s: one %s page" % (paper, paper))
        out = export(hotel, "pdf", "--tile", "--paper", paper)
        n, w, h = pdf_pages(out)
        m = 36
        port = tiles(W, pw - 2 * m) * tiles(H, ph - 2 * m)
        land = tiles(W, ph - 2 * m) * tiles(H, pw - 2 * m)
        check(n == min(port, land) and n > 1, "pdf --tile %s: %d pages, want %d" % (paper, n, min(port, land)))
    out = export(hotel, "pdf", "--tile", "--scale", "2")
    check(pdf_pages(out)[0] > 6, "pdf --tile --scale 2 makes more pages")
    if shutil.which("pdftotext"):
        out = export(os.path.join(HERE, "hostile.yaml"), "pdf")
        txt = subprocess.run(["pdftotext", out, "-"], capture_output=True, text=True).stdout
        check("script" in txt and "中文" in txt, "pdf has the hostile text as text")


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


def test_dot():
    need("dot")
    for f in FILES:
        out = export(f, "dot")
        p = subprocess.run(["dot", "-Tsvg", out, "-o", out + ".svg"], capture_output=True, text=True)
        check(p.returncode == 0 and "rror" not in p.stderr, "dot %s: %s" % (f, p.stderr[:300]))
        text = open(out, encoding="utf-8").read()
        check(text.count("subgraph \"cluster_") == len(model(f)["lanes"]), "dot %s: a cluster per lane" % f)


MERMAID_LABEL = re.compile(r'\["([^"]*)"\]|\|"([^"]*)"\|')


def test_mermaid():
    for f in FILES:
        out = export(f, "mermaid")
        text = open(out, encoding="utf-8").read()
        body = text.split("---\n", 2)[2]
        m = model(f)
        check(body.startswith("flowchart LR\n"), "mermaid header")
        check(body.count("\n  subgraph ") == len(m["lanes"]), "mermaid %s: a subgraph per lane" % f)
        check(len(re.findall(r"^    s\d+\[", body, re.M)) == len(m["steps"]), "mermaid %s: nodes" % f)
        edges = re.findall(r"^  s\d+ -->", body, re.M)
        check(len(edges) == len(m.get("flows", [])), "mermaid %s: an edge per flow" % f)
        for line in body.split("\n"):
            stripped = MERMAID_LABEL.sub("", line)
            check('"' not in stripped and "<" not in stripped,
                  "mermaid %s: unescaped text outside labels: %s" % (f, line))
            for a, b in MERMAID_LABEL.findall(line):
                lab = re.sub(r"#\w+;", "", a or b)
                check(not re.search(r'[<>|`;%#]', lab), "mermaid label %r" % lab)
        if shutil.which("mmdc"):
            p = subprocess.run(["mmdc", "-i", out, "-o", out + ".svg"], capture_output=True)
            check(p.returncode == 0, "mmdc %s" % f)


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
    rc, out, err = run("export", "--help")
    check(rc == 0 and b"--tile" in out, "export --help")
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
