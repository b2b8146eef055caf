#!/usr/bin/env python3
"""ctest driver for appsec-scan's reviewer and CI outputs over test/scan/fixture:
the compliance report (--report-md, --report-html), GitHub workflow
annotations (--github-annotations), GitLab Code Quality (--gitlab-codequality)
and the active catalog in SARIF/JSON. Standard library only.

  report_test.py --scan <appsec-scan> --work <dir> --case <name>

Cases: report-content, report-hostile, annotations, gitlab, html-chromium.
html-chromium needs Debian's chromium (tools/deps.txt) and fails, not skips,
without it.
"""
import html.parser
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import time
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, HERE)
from scan_test import GOOD_UNITS, Env, Failure, check, run_case  # noqa: E402

CATALOG = os.path.join(HERE, "..", "..", "lib", "requirements", "atlassian-cloud-2022.json")
EPOCH = "1700000000"  # SOURCE_DATE_EPOCH for reproducible reports
EPOCH_DATE = "2023-11-14T22:13:20Z"

# Requirements of the built-in catalog with fixture findings: 3 (TLS), 8 (command injection).
FINDING_REQS = {"3": 1, "8": 2}

# A catalog that tries every trick on the renderers: markup, entities,
# quotes, URL schemes, Markdown syntax, and the characters GitHub's workflow
# commands escape (%, CR, LF, ':' and ',').
HOSTILE_TITLE = "Shell <script>alert('t')</script> & \"q\", 100%: a\nb"
HOSTILE_CATALOG = {
    "schema": "appsec-tidy/requirement-catalog/v1",
    "name": "Evil <script>alert(1)</script> & Co",
    "label": "EVIL&<b>",
    "version": "1 & <2>",
    "source": "javascript:alert(1)",
    "categories": ["Cat <i>x</i> & y"],
    "requirements": [
        {"id": "R-1<x>", "category": "Cat <i>x</i> & y", "title": HOSTILE_TITLE,
         "summary": "# not a heading - * emph _u_ [link](javascript:alert(2)) @user $x$ "
                    "<img src=x onerror=alert(3)> &amp; | pipe",
         "source": "javascript:alert(4)", "staticallyCheckable": "yes",
         "coverage": "| cell | `tick` ``two``", "checks": ["appsec-command-injection"]},
        {"id": "R-2", "category": "Cat <i>x</i> & y", "title": "Process only",
         "summary": "1. not a list", "staticallyCheckable": "no", "coverage": "Process.",
         "checks": []},
        {"id": "R-3", "category": "Cat <i>x</i> & y", "title": "Partly, covered by SQL",
         "summary": "SQL.", "staticallyCheckable": "partly", "coverage": "Some.",
         "checks": ["appsec-sql-injection"]},
    ],
}
HOSTILE_FILE = "src/we,ird:100%<b>& x.cpp"


def catalog():
    with open(CATALOG) as f:
        return json.load(f)


def expected_status(req, enabled_all=True):
    if req["id"] in FINDING_REQS:
        return "findings"
    if req["staticallyCheckable"] == "no" or not req["checks"] or not enabled_all:
        return "needs-evidence"
    return "clean"


class ReportEnv(Env):
    def run(self, *args, cwd=None, env=None):
        e = dict(os.environ)
        e["SOURCE_DATE_EPOCH"] = EPOCH
        e.update(env or {})
        return subprocess.run([self.scan, *args], cwd=cwd or self.root, capture_output=True,
                              text=True, timeout=600, env=e)

    def scan_ok(self, *args, expect=1, env=None):
        p = self.run("-p", self.build, "--quiet", *args, env=env)
        check(p.returncode == expect,
              f"exit status {p.returncode}, expected {expect}\nstdout:\n{p.stdout}\nstderr:\n{p.stderr}")
        return p

    def read(self, name, mode="r"):
        with open(os.path.join(self.root, name), mode) as f:
            return f.read()

    def path(self, name):
        return os.path.join(self.root, name)

    def hostile_setup(self):
        """The hostile catalog as the active one, and a unit with a hostile file name."""
        cat = self.path("evil-catalog.json")
        with open(cat, "w") as f:
            json.dump(HOSTILE_CATALOG, f)
        cfg = self.path("evil.yaml")
        with open(cfg, "w") as f:
            f.write("CheckOptions:\n  AppSecRequirementCatalog: '%s'\n" % cat)
        shutil.copy(self.path("src/jobs.cpp"), self.path(HOSTILE_FILE))
        self.write_db(GOOD_UNITS + [HOSTILE_FILE])
        return cfg


# ---- HTML inspection -----------------------------------------------------------------

class Dom(html.parser.HTMLParser):
    """Elements with their classes and ids, and the text under each section."""

    def __init__(self, text):
        super().__init__(convert_charrefs=True)
        self.tags = []          # (tag, attrs dict)
        self.stack = []
        self.sections = {}      # data-requirement -> {"class":..., "text":...}
        self.text = []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append((tag, a))
        if tag not in ("br", "meta", "img", "link", "input", "hr"):
            self.stack.append((tag, a))
        if tag == "section" and "data-requirement" in a:
            self.sections[a["data-requirement"]] = {"class": a.get("class", ""), "text": [],
                                                    "id": a.get("id")}

    def handle_endtag(self, tag):
        while self.stack:
            t, _ = self.stack.pop()
            if t == tag:
                break

    def handle_data(self, data):
        self.text.append(data)
        for t, a in self.stack:
            if t == "section" and "data-requirement" in a:
                self.sections[a["data-requirement"]]["text"].append(data)

    def section_text(self, rid):
        return "".join(self.sections[rid]["text"])


def assert_self_contained(text, what):
    """No scripts, no external resources: only inline CSS and links."""
    dom = Dom(text)
    for tag, attrs in dom.tags:
        check(tag not in ("script", "link", "img", "iframe", "object", "embed", "frame", "base"),
              f"{what} is not self-contained: <{tag}>")
        for a in attrs:
            check(a not in ("src", "srcset", "style", "background") and not a.startswith("on"),
                  f"{what}: <{tag} {a}=...>")
    styles = re.findall(r"<style>(.*?)</style>", text, re.S)
    check(len(styles) == 1, f"{what} has {len(styles)} inline style sheets, expected 1")
    check(not re.search(r"url\(|@import", styles[0]), f"{what}: the CSS loads something")


# ---- cases ---------------------------------------------------------------------------

def case_report_content(env):
    env.write_db(["src/broken.cpp"] + GOOD_UNITS)
    env.scan_ok("--report-md=r.md", "--report-html=r.html", "--sarif=r.sarif", "-j2", expect=2)
    md, page = env.read("r.md"), env.read("r.html")
    reqs = catalog()["requirements"]
    dom = Dom(page)
    check(set(dom.sections) == {r["id"] for r in reqs},
          f"HTML sections {sorted(dom.sections)} != catalog {[r['id'] for r in reqs]}")
    for r in reqs:
        want = expected_status(r)
        sec = dom.sections[r["id"]]
        check(sec["class"] == "requirement " + want,
              f"requirement {r['id']}: HTML class {sec['class']!r}, expected {want}")
        heading = f"## Atlassian requirement {r['id']}: {r['title']}"
        check(heading in md.replace("\\", ""), f"Markdown lacks {heading!r}")
        label = {"findings": "Findings", "clean": "Clean by static checks",
                 "needs-evidence": "Needs evidence"}[want]
        block = md.replace("\\", "").split(heading, 1)[1].split("\n## ", 1)[0]
        status = [l for l in block.splitlines() if l.startswith("**Status:**")]
        check(len(status) == 1 and (" " + label + " ") in status[0] + " ",
              f"requirement {r['id']}: Markdown status is not {label}: {block[:300]}")
        for c in r["checks"]:
            check(c in sec_text(dom, r["id"]), f"requirement {r['id']}: check {c} not listed")
        check(r["coverage"] in sec_text(dom, r["id"]), f"requirement {r['id']}: coverage note missing")
    # Findings under the right requirement, with their locations.
    s3, s8 = sec_text(dom, "3"), sec_text(dom, "8")
    check("src/fetch.cpp:9:47" in s3 and "src/jobs.cpp" not in s3, s3)
    check("src/jobs.cpp:11:15" in s8 and "src/jobs.cpp:18:15" in s8 and "src/fetch.cpp" not in s8, s8)
    check("network data enters through recv()" in s8, "the taint path's notes are missing")
    n_findings = sum(1 for t, a in dom.tags if t == "div" and a.get("class") == "finding")
    check(n_findings == 3, f"{n_findings} finding blocks, expected 3")
    # Highlighted lines: the notes' lines (10, 17) as steps, the sinks (11, 18).
    rows = re.findall(r'<tr class="hl (step|sink)"><td class="ln">(\d+)</td>', page)
    check(sorted(rows) == sorted([("sink", "9"), ("step", "10"), ("sink", "11"),
                                  ("step", "17"), ("sink", "18")]), f"highlighted rows {rows}")
    check("<mark>0L</mark>" in page, "the TLS finding's flagged token is not marked")
    check("recv(sock, cmd + used, sizeof(cmd) - used - 1, 0);" in "".join(dom.text),
          "the excerpt does not show the source line")
    # Summary and facts.
    check(re.search(r"\| \S+ Findings \| 3, 8 \| 2 \|", md), "Markdown summary row for findings")
    check(re.search(r"\| \S+ Clean by static checks \| 1, 2, 5, 7, 10 \| 5 \|", md), "Markdown summary: clean")
    check(re.search(r"\| \S+ Needs evidence \| 4, 6, 9, 11, 12 \| 5 \|", md),
          "Markdown summary: needs evidence")
    for text in (md, "".join(dom.text)):
        check(EPOCH_DATE in text, "scan date from SOURCE_DATE_EPOCH missing")
        check("4 scanned, 1 failed" in text, "unit counts missing")
        check("appsec-scan 0." in text, "tool version missing")
        check("src/broken.cpp" in text, "the failed unit is not named")
    assert_self_contained(page, "the HTML report")
    # Deterministic bytes: another run (other -j) gives identical reports.
    env.scan_ok("--report-md=r2.md", "--report-html=r2.html", "-j1", expect=2)
    check(env.read("r2.md", "rb") == env.read("r.md", "rb"), "Markdown differs between runs")
    check(env.read("r2.html", "rb") == env.read("r.html", "rb"), "HTML differs between runs")
    # Without SOURCE_DATE_EPOCH the date is now.
    e = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    p = subprocess.run([env.scan, "-p", env.build, "--quiet", "--report-md=now.md"], cwd=env.root,
                       env=e, capture_output=True, text=True, timeout=600)
    year = time.strftime("%Y", time.gmtime())
    check(p.returncode == 2 and re.search(r"Scan date \| %s-\d\d-\d\dT\d\d:\d\d:\d\dZ" % year,
                                          env.read("now.md")), p.stderr)
    # Checks that did not run do not make a requirement clean.
    env.write_db(GOOD_UNITS)
    env.scan_ok("--checks=appsec-tls-*", "--report-html=tls.html", "--report-md=tls.md")
    dom = Dom(env.read("tls.html"))
    for r in reqs:
        want = "findings" if r["id"] == "3" else expected_status(
            r, enabled_all=any(c.startswith("appsec-tls") for c in r["checks"]))
        if r["id"] == "8":
            want = "needs-evidence"
        check(dom.sections[r["id"]]["class"] == "requirement " + want,
              f"--checks=appsec-tls-*: requirement {r['id']} is {dom.sections[r['id']]['class']}")
    check("were not enabled in this scan" in sec_text(dom, "8"), sec_text(dom, "8"))
    check("0 failed" in env.read("tls.md") and "Warning" not in env.read("tls.md"), env.read("tls.md"))
    # Code links with --code-base-url; a non-web URL is refused.
    env.scan_ok("--report-md=l.md", "--report-html=l.html",
                "--code-base-url=https://example.com/o/r/blob/abc123/")
    check("](https://example.com/o/r/blob/abc123/src/jobs.cpp#L11)" in env.read("l.md"), env.read("l.md"))
    check('href="https://example.com/o/r/blob/abc123/src/fetch.cpp#L9"' in env.read("l.html"), "HTML link")
    p = env.run("-p", env.build, "--report-md=x.md", "--code-base-url=javascript:alert(1)")
    check(p.returncode == 2 and "--code-base-url" in p.stderr, p.stderr)
    # A report to an unwritable place is an output error (2).
    p = env.run("-p", env.build, "--quiet", "--report-html=" + env.path("no/such/dir/r.html"))
    check(p.returncode == 2 and "cannot write" in p.stderr, p.stderr)


def sec_text(dom, rid):
    return dom.section_text(rid)


def case_report_hostile(env):
    cfg = env.hostile_setup()
    env.scan_ok("--config=" + cfg, "--report-md=h.md", "--report-html=h.html",
                "--sarif=h.sarif", "--json=h.json")
    page, md = env.read("h.html"), env.read("h.md")
    assert_self_contained(page, "the hostile HTML report")
    check('href="javascript' not in page, "a javascript: URL became a link")
    dom = Dom(page)
    text = "".join(dom.text)
    # The hostile strings arrive as text, not markup.
    for s in ("Evil <script>alert(1)</script> & Co", "<img src=x onerror=alert(3)>", "EVIL&<b>",
              "R-1<x>", "Shell <script>alert('t')</script> & \"q\", 100%: a"):
        check(s in text, f"hostile text {s!r} not shown literally")
    check(not any(t in ("b", "i", "img", "script") for t, _ in dom.tags),
          f"hostile markup became elements: {[t for t, _ in dom.tags if t in ('b', 'i', 'img', 'script')]}")
    check("&lt;script&gt;" in page and "&amp; Co" in page, "HTML escaping")
    check(set(dom.sections) == {"R-1<x>", "R-2", "R-3"}, sorted(dom.sections))
    check(dom.sections["R-1<x>"]["class"] == "requirement findings", dom.sections["R-1<x>"])
    check(dom.sections["R-2"]["class"] == "requirement needs-evidence", dom.sections["R-2"])
    check(dom.sections["R-3"]["class"] == "requirement clean", dom.sections["R-3"])
    # Findings of the two command-injection units sit under R-1<x>; the TLS
    # finding's check is in no requirement of this catalog.
    r1 = dom.section_text("R-1<x>")
    check("src/jobs.cpp:11:15" in r1 and "src/we,ird:100%<b>& x.cpp:11:15" in r1, r1)
    check('id="unmapped"' in page and "src/fetch.cpp:9:47" in text, "unmapped TLS finding")
    # Markdown: no raw HTML, no links or list/heading injection, literal text.
    # Code spans show their text literally; everything else must be escaped.
    prose = re.sub(r"(`+)(?:(?!\1).)+\1", "", md)
    for raw in ("<script>", "<img", "<b>", "<i>", "](javascript", "[link]"):
        check(not re.search(r"(?<!\\)" + re.escape(raw), prose), f"Markdown contains raw {raw!r}")
    check("\\<script\\>alert(1)\\</script\\> \\& Co" in md, "Markdown escaping of the catalog name")
    check("\n\\# not a heading" in md and "\n1\\. not a list" in md, "Markdown block injection")
    check("\\@user" in md and "\\$x\\$" in md, "mentions and math must be escaped")
    check("`src/we,ird:100%<b>& x.cpp:11:15`" in md, "hostile file names sit in code spans")
    for line in md.splitlines():
        if line.startswith("|"):
            cells = re.split(r"(?<!\\)\|", line)
            check(len(cells) in (4, 5, 7), f"a table row has an unescaped pipe: {line}")
    # SARIF rule tags and JSON requirements follow the active (hostile) catalog.
    sarif = json.loads(env.read("h.sarif"))
    rules = {r["id"]: r for r in sarif["runs"][0]["tool"]["driver"]["rules"]}
    tags = rules["appsec-command-injection"]["properties"]["tags"]
    check("EVIL&<b> requirement R-1<x>" in tags and "Cat <i>x</i> & y" in tags, tags)
    check(not any(t.startswith("Atlassian") for t in tags), f"built-in catalog tags remain: {tags}")
    check(not any("requirement" in t for t in rules["appsec-tls-verification-disabled"]["properties"]["tags"]),
          rules["appsec-tls-verification-disabled"]["properties"]["tags"])
    check("EVIL&<b> requirement R-3" in rules["appsec-sql-injection"]["properties"]["tags"], rules["appsec-sql-injection"])
    j = json.loads(env.read("h.json"))
    reqs = {f["check"]: f["requirements"] for f in j["findings"]}
    check(reqs == {"appsec-command-injection": ["R-1<x>"], "appsec-tls-verification-disabled": []}, reqs)
    # A catalog that cannot be loaded stops the scan before it starts.
    with open(env.path("bad.yaml"), "w") as f:
        f.write("CheckOptions:\n  AppSecRequirementCatalog: '%s'\n" % env.path("missing.json"))
    p = env.run("-p", env.build, "--config=" + env.path("bad.yaml"), "--report-md=x.md")
    check(p.returncode == 2 and "invalid requirement catalog" in p.stderr
          and "cannot open requirement catalog file" in p.stderr, p.stderr)


def gh_unescape(s, prop=False):
    if prop:
        s = s.replace("%2C", ",").replace("%3A", ":")
    return s.replace("%0A", "\n").replace("%0D", "\r").replace("%25", "%")


def parse_command(line):
    m = re.fullmatch(r"::(warning|error|notice) ([^:]*)::(.*)", line)
    check(m, f"not a workflow command: {line!r}")
    props = {}
    for item in m.group(2).split(","):
        k, eq, v = item.partition("=")
        check(eq and re.fullmatch(r"[a-zA-Z]+", k), f"malformed property {item!r} in {line!r}")
        props[k] = gh_unescape(v, prop=True)
    return m.group(1), props, gh_unescape(m.group(3))


def case_annotations(env):
    # The escaping functions themselves, on every special character.
    cfg = env.hostile_setup()
    with open(cfg, "a") as f:
        f.write("WarningsAsErrors: 'appsec-command-injection'\n")
    p = env.scan_ok("--config=" + cfg, "--github-annotations", "--json=a.json", expect=1)
    lines = p.stdout.splitlines()
    j = json.loads(env.read("a.json"))
    check(len(lines) == len(j["findings"]) == 5, f"{len(lines)} commands for {len(j['findings'])} findings:\n{p.stdout}")
    by_file = {}
    for line, f in zip(lines, j["findings"]):
        kind, props, msg = parse_command(line)
        check(props["file"] == f["file"] and int(props["line"]) == f["line"], (props, f))
        check(props["title"] == f["check"], props)
        expect_kind = "error" if f["check"] == "appsec-command-injection" else "warning"
        check(kind == expect_kind, f"{f['check']}: ::{kind}, expected ::{expect_kind}")
        first, *notes = msg.split("\n")
        check(msg.startswith(f["message"]), f"message {msg!r} does not start with {f['message']!r}")
        check(len(notes) >= len(f["notes"]), msg)
        by_file.setdefault(props["file"], []).append((kind, props, msg, line))
    hostile = by_file[HOSTILE_FILE]
    check(len(hostile) == 2, hostile)
    kind, props, msg, raw = hostile[0]
    check(HOSTILE_TITLE in msg, f"the hostile title did not survive escaping: {msg!r}")
    prop_part = raw.split("::")[1]
    check("we%2Cird%3A100%25<b>& x.cpp" in prop_part, f"file property escaping: {prop_part}")
    check("100%25%3A a%0Ab" not in raw.split("::", 2)[2] and "100%25: a%0Ab" in raw,
          f"message escaping: {raw}")
    check("\r" not in p.stdout and all(l.startswith("::") for l in lines), "a command spans lines")
    # Written to a file; failed units become ::error commands.
    env.write_db(["src/broken.cpp"] + GOOD_UNITS)
    env.scan_ok("--github-annotations=gh.txt", expect=2)
    cmds = [parse_command(l) for l in env.read("gh.txt").splitlines()]
    check(len(cmds) == 4, cmds)
    kind, props, msg = cmds[-1]
    check(kind == "error" and props["file"] == "src/broken.cpp" and props["line"] == "4"
          and "could not scan src/broken.cpp" in msg, cmds[-1])
    check(props["title"] == "appsec-scan: translation unit not scanned", props)


CODE_QUALITY_SEVERITIES = {"info", "minor", "major", "critical", "blocker"}


def check_code_quality(doc, n):
    check(isinstance(doc, list) and len(doc) == n, f"expected an array of {n} issues: {doc}")
    for i in doc:
        for key, typ in (("description", str), ("check_name", str), ("fingerprint", str),
                         ("severity", str), ("location", dict)):
            check(isinstance(i.get(key), typ), f"issue lacks {key} ({typ.__name__}): {i}")
        check(i["description"] and i["check_name"], i)
        check(i["severity"] in CODE_QUALITY_SEVERITIES, i)
        loc = i["location"]
        check(isinstance(loc.get("path"), str) and not loc["path"].startswith("/"), loc)
        check(isinstance(loc.get("lines"), dict) and isinstance(loc["lines"].get("begin"), int)
              and loc["lines"]["begin"] >= 1, loc)
        check(re.fullmatch(r"[0-9a-f]{32}", i["fingerprint"]), i["fingerprint"])
    fps = [i["fingerprint"] for i in doc]
    check(len(set(fps)) == len(fps), f"fingerprints are not unique: {fps}")


def case_gitlab(env):
    cfg = env.hostile_setup()
    env.scan_ok("--gitlab-codequality=gl.json", "--json=gl-scan.json")
    doc = json.loads(env.read("gl.json"))
    j = json.loads(env.read("gl-scan.json"))
    check_code_quality(doc, len(j["findings"]))
    check(len(doc) == 5, f"5 findings expected (2 in the copy of jobs.cpp): {len(doc)}")
    sev = {(i["check_name"], i["location"]["path"], i["location"]["lines"]["begin"]): i["severity"]
           for i in doc}
    check(sev[("appsec-tls-verification-disabled", "src/fetch.cpp", 9)] == "major", sev)   # 7.4
    check(sev[("appsec-command-injection", "src/jobs.cpp", 11)] == "critical", sev)        # 9.8
    check(sev[("appsec-command-injection", HOSTILE_FILE, 18)] == "critical", sev)
    # Identical lines in two files, and twice in one file: distinct fingerprints
    # (checked above). An unrelated edit above keeps them (no line numbers in them).
    before = {(i["check_name"], i["location"]["path"]): set() for i in doc}
    for i in doc:
        before[(i["check_name"], i["location"]["path"])].add(i["fingerprint"])
    path = env.path("src/jobs.cpp")
    with open(path) as f:
        text = f.read()
    with open(path, "w") as f:
        f.write("// moved\n\n" + text)
    env.scan_ok("--gitlab-codequality=gl2.json")
    after = json.loads(env.read("gl2.json"))
    check({i["fingerprint"] for i in after} == {i["fingerprint"] for i in doc},
          "fingerprints changed after an unrelated edit")
    check(sorted(i["location"]["lines"]["begin"] for i in after if i["location"]["path"] == "src/jobs.cpp")
          == [13, 20], after)
    # WarningsAsErrors raises the severity one step.
    with open(env.path("wae.yaml"), "w") as f:
        f.write("WarningsAsErrors: 'appsec-*'\n")
    env.scan_ok("--config=" + env.path("wae.yaml"), "--gitlab-codequality=gl3.json")
    sev3 = {i["check_name"]: i["severity"] for i in json.loads(env.read("gl3.json"))}
    check(sev3 == {"appsec-tls-verification-disabled": "critical", "appsec-command-injection": "blocker"}, sev3)
    # No findings: an empty array (GitLab needs valid JSON).
    env.scan_ok("--files=safe\\.cpp$", "--gitlab-codequality=gl4.json", expect=0)
    check(json.loads(env.read("gl4.json")) == [], env.read("gl4.json"))
    # The checker itself rejects a broken report (so this test can fail).
    broken = json.loads(json.dumps(doc))
    broken[1]["fingerprint"] = broken[0]["fingerprint"]
    try:
        check_code_quality(broken, len(broken))
    except Failure:
        pass
    else:
        raise Failure("the Code Quality checker accepted duplicate fingerprints")


# ---- headless Chromium ------------------------------------------------------------------

def png_pixels(data):
    """Decodes an 8-bit RGB/RGBA, non-interlaced PNG: (width, height, rows of bytes, channels)."""
    check(data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG (bad signature)")
    pos, idat, ihdr = 8, b"", None
    while pos < len(data):
        length, ctype = struct.unpack(">I4s", data[pos:pos + 8])
        chunk = data[pos + 8:pos + 8 + length]
        crc = struct.unpack(">I", data[pos + 8 + length:pos + 12 + length])[0]
        check(zlib.crc32(ctype + chunk) & 0xffffffff == crc, f"PNG chunk {ctype!r} has a bad CRC")
        if ctype == b"IHDR":
            ihdr = struct.unpack(">IIBBBBB", chunk)
        elif ctype == b"IDAT":
            idat += chunk
        elif ctype == b"IEND":
            break
        pos += 12 + length
    check(ihdr is not None, "PNG without IHDR")
    w, h, depth, ctype, _, _, interlace = ihdr
    check(depth == 8 and ctype in (2, 6) and interlace == 0, f"unexpected PNG format {ihdr}")
    ch = 3 if ctype == 2 else 4
    raw = zlib.decompress(idat)
    stride = w * ch
    low7 = int.from_bytes(b"\x7f" * stride, "big")
    high = int.from_bytes(b"\x80" * stride, "big")
    rows, prev = [], bytearray(stride)
    for y in range(h):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        if f == 2:
            # "Up": bytewise addition mod 256 of the row above, on whole rows at
            # once (SWAR: add the low 7 bits, then fix the top bit with xor).
            a, b = int.from_bytes(line, "big"), int.from_bytes(prev, "big")
            line = bytearray((((a & low7) + (b & low7)) ^ ((a ^ b) & high)).to_bytes(stride, "big"))
        for x in range(stride if f in (1, 3, 4) else 0):
            a = line[x - ch] if x >= ch else 0
            b = prev[x]
            c = prev[x - ch] if x >= ch else 0
            if f == 1:
                line[x] = (line[x] + a) & 0xff
            elif f == 2:
                line[x] = (line[x] + b) & 0xff
            elif f == 3:
                line[x] = (line[x] + (a + b) // 2) & 0xff
            elif f == 4:
                pa, pb, pc = abs(b - c), abs(a - c), abs(a + b - 2 * c)
                pred = a if pa <= pb and pa <= pc else b if pb <= pc else c
                line[x] = (line[x] + pred) & 0xff
        rows.append(bytes(line))
        prev = line
    return w, h, rows, ch


def chromium(*args, timeout=60):
    exe = shutil.which("chromium") or shutil.which("chromium-browser")
    check(exe, "chromium is not installed: the HTML report's rendering test needs Debian's "
               "'chromium' package (listed in tools/deps.txt; apt-get install -y chromium)")
    with tempfile.TemporaryDirectory(prefix="appsec-chromium-") as profile:
        p = subprocess.run([exe, "--headless", "--no-sandbox", "--disable-gpu",
                            "--user-data-dir=" + profile, "--no-first-run", *args],
                           capture_output=True, timeout=timeout)
    return p


def case_html_chromium(env):
    t0 = time.monotonic()
    env.write_db(["src/broken.cpp"] + GOOD_UNITS)
    env.scan_ok("--report-html=r.html", expect=2)
    url = "file://" + env.path("r.html")
    shot = env.path("r.png")
    p = chromium("--screenshot=" + shot, "--window-size=1280,2000", url)
    check(p.returncode == 0 and os.path.exists(shot),
          f"chromium made no screenshot (exit {p.returncode}): {p.stderr.decode()[-2000:]}")
    data = env.read("r.png", "rb")
    check(len(data) > 30000, f"screenshot is only {len(data)} bytes: a blank page?")
    w, h, rows, ch = png_pixels(data)
    check((w, h) == (1280, 2000), f"screenshot is {w}x{h}")
    colours, non_white = set(), 0
    for y in range(0, h, 4):
        row = rows[y]
        for x in range(0, w * ch, ch * 4):
            px = row[x:x + 3]
            colours.add(px)
            non_white += px != b"\xff\xff\xff"
    sampled = (h // 4) * (w // 4)
    check(non_white > sampled // 50, f"screenshot is nearly blank ({non_white}/{sampled} non-white)")
    # The inline CSS was applied: the summary cards' fills are on screen.
    for name, rgb in (("findings card", b"\xff\xeb\xe9"), ("clean card", b"\xda\xfb\xe1"),
                      ("needs-evidence card", b"\xff\xf8\xc5")):
        check(rgb in colours, f"the {name} colour #{rgb.hex()} is not in the screenshot")
    # The DOM as Chromium built it: sections, finding blocks, highlighted lines.
    p = chromium("--dump-dom", url)
    check(p.returncode == 0, f"chromium --dump-dom failed: {p.stderr.decode()[-2000:]}")
    dom_text = p.stdout.decode()
    dom = Dom(dom_text)
    ids = [r["id"] for r in catalog()["requirements"]]
    check(sorted(dom.sections) == sorted(ids), f"rendered sections {sorted(dom.sections)}")
    check(sum(1 for t, a in dom.tags if t == "div" and a.get("class") == "finding") == 3,
          "rendered finding blocks")
    hl = [(a.get("class")) for t, a in dom.tags if t == "tr" and a.get("class", "").startswith("hl")]
    check(hl.count("hl sink") == 3 and hl.count("hl step") == 2, f"rendered highlighted rows {hl}")
    check(sum(1 for t, _ in dom.tags if t == "mark") == 3, "rendered <mark> of the flagged tokens")
    # Hostile texts stay text in the browser too.
    cfg = env.hostile_setup()
    env.write_db(GOOD_UNITS + [HOSTILE_FILE])
    env.scan_ok("--config=" + cfg, "--report-html=h.html")
    p = chromium("--dump-dom", "file://" + env.path("h.html"))
    check(p.returncode == 0, p.stderr.decode()[-2000:])
    dom = Dom(p.stdout.decode())
    check(not any(t in ("script", "img", "b", "i") for t, _ in dom.tags),
          "the browser built elements from hostile text")
    check("Evil <script>alert(1)</script> & Co" in "".join(dom.text), "hostile title not rendered as text")
    elapsed = time.monotonic() - t0
    check(elapsed < 60, f"the Chromium test took {elapsed:.0f} s")
    print(f"html-chromium: {elapsed:.1f} s, screenshot {len(data)} bytes, "
          f"{non_white}/{sampled} sampled pixels non-white, {len(colours)} colours")


CASES = {name[5:].replace("_", "-"): fn for name, fn in globals().items() if name.startswith("case_")}


if __name__ == "__main__":
    sys.exit(run_case(CASES, ReportEnv))
