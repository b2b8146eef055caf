#!/usr/bin/env python3
"""ctest driver for appsec-scan over the fixture project in test/scan/fixture.

Each case copies the fixture into a fresh work directory, writes a
compile_commands.json with absolute paths, runs appsec-scan and checks its
outputs. Usage:
  scan_test.py --scan <appsec-scan> --work <dir> --case <name>
Cases: sarif, codeflows, fingerprints, baseline, parse-error, exit-codes,
text-json, parallel, config, timeout, budget, cross-unit, incremental.
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, HERE)
import validate_sarif  # noqa: E402

GOOD_UNITS = ["src/fetch.cpp", "src/jobs.cpp", "src/safe.cpp"]
# (rule, uri, line) of every finding the fixture must produce, and nothing else.
EXPECTED = {
    ("appsec-tls-verification-disabled", "src/fetch.cpp", 9),
    ("appsec-command-injection", "src/jobs.cpp", 11),
    ("appsec-command-injection", "src/jobs.cpp", 18),
}


class Failure(Exception):
    pass


def check(cond, msg):
    if not cond:
        raise Failure(msg)


class Env:
    def __init__(self, scan, work, name):
        self.scan = scan
        self.root = os.path.join(work, name)
        shutil.rmtree(self.root, ignore_errors=True)
        shutil.copytree(os.path.join(HERE, "fixture"), self.root)
        self.build = os.path.join(self.root, "build")
        os.makedirs(self.build)
        self.write_db(GOOD_UNITS)

    def write_db(self, units, build=None):
        build = build or self.build
        entries = [{
            "directory": build,
            "file": os.path.join(self.root, u),
            "arguments": ["/usr/bin/c++", "-std=c++17", "-c", os.path.join(self.root, u),
                          "-o", os.path.join(build, os.path.basename(u) + ".o")],
        } for u in units]
        with open(os.path.join(build, "compile_commands.json"), "w") as f:
            json.dump(entries, f, indent=2)

    def write_files(self, files):
        """Writes {relative path: text} under the project root."""
        for path, text in files.items():
            os.makedirs(os.path.dirname(os.path.join(self.root, path)), exist_ok=True)
            with open(os.path.join(self.root, path), "w") as f:
                f.write(text)

    def run(self, *args, cwd=None):
        cmd = [self.scan, *args]
        p = subprocess.run(cmd, cwd=cwd or self.root, capture_output=True, text=True, timeout=600)
        return p

    def sarif(self, *args, name="out.sarif", expect=1):
        out = os.path.join(self.root, name)
        p = self.run("-p", self.build, "--sarif=" + out, *args)
        check(p.returncode == expect,
              f"exit status {p.returncode}, expected {expect}\nstdout:\n{p.stdout}\nstderr:\n{p.stderr}")
        with open(out) as f:
            doc = json.load(f)
        errors = validate_sarif.validate(doc)
        check(not errors, "SARIF invalid:\n" + "\n".join(errors))
        return doc, p


def findings(doc):
    out = []
    for r in doc["runs"][0]["results"]:
        loc = r["locations"][0]["physicalLocation"]
        out.append((r["ruleId"], loc["artifactLocation"]["uri"], loc["region"]["startLine"]))
    return out


def case_sarif(env):
    doc, _ = env.sarif()
    got = findings(doc)
    check(set(got) == EXPECTED and len(got) == len(EXPECTED),
          f"findings {sorted(got)}, expected {sorted(EXPECTED)}")
    run = doc["runs"][0]
    rules = {r["id"]: r for r in run["tool"]["driver"]["rules"]}
    ci = rules["appsec-command-injection"]
    tags = ci["properties"]["tags"]
    for t in ("security", "external/cwe/cwe-78", "Atlassian requirement 8"):
        check(t in tags, f"tag {t!r} missing from {tags}")
    check(len(tags) >= 4, f"the requirement's category tag is missing: {tags}")
    check(ci["properties"]["security-severity"] == "9.8", ci["properties"])
    check(ci["properties"]["precision"] == "high", ci["properties"])
    check("docs/checks/appsec-command-injection.md" in ci["help"]["markdown"], ci["help"])
    tls = rules["appsec-tls-verification-disabled"]
    check("external/cwe/cwe-295" in tls["properties"]["tags"], tls["properties"])
    for r in run["results"]:
        check(run["tool"]["driver"]["rules"][r["ruleIndex"]]["id"] == r["ruleId"], r)
        check(r["locations"][0]["physicalLocation"]["artifactLocation"].get("uriBaseId") == "%SRCROOT%", r)
    check(run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == "file://" + env.root + "/",
          run["originalUriBaseIds"])
    tls_result = [r for r in run["results"] if r["ruleId"] == "appsec-tls-verification-disabled"][0]
    region = tls_result["locations"][0]["physicalLocation"]["region"]
    check(region["startColumn"] == 47, f"TLS finding region {region}, expected column 47")
    check(run["invocations"][0]["executionSuccessful"] is True, run["invocations"])
    # The validator itself must reject broken logs (so this test can fail).
    broken = json.loads(json.dumps(doc))
    del broken["runs"][0]["tool"]["driver"]["rules"][0]["shortDescription"]
    broken["runs"][0]["results"][0]["ruleIndex"] = 9999
    del broken["runs"][0]["results"][1]["partialFingerprints"]
    errors = validate_sarif.validate(broken)
    check(len(errors) == 3, f"the validator missed injected errors: {errors}")


def case_codeflows(env):
    doc, _ = env.sarif()
    taint = [r for r in doc["runs"][0]["results"] if r["ruleId"] == "appsec-command-injection"]
    check(len(taint) == 2, taint)
    for r in taint:
        flows = r.get("codeFlows")
        check(flows, f"no codeFlows in taint finding {r}")
        locs = flows[0]["threadFlows"][0]["locations"]
        check(len(locs) >= 2, f"a path needs a source and a sink: {locs}")
        first = locs[0]["location"]["physicalLocation"]
        last = locs[-1]["location"]["physicalLocation"]
        sink_line = r["locations"][0]["physicalLocation"]["region"]["startLine"]
        check(first["region"]["startLine"] == sink_line - 1,
              f"the path should start at the recv() one line above the sink: {first}")
        check("recv" in locs[0]["location"]["message"]["text"], locs[0])
        check(last["region"]["startLine"] == sink_line, f"the path should end at the sink: {last}")
        check(len(r["relatedLocations"]) == len(locs) - 1, r["relatedLocations"])
    tls = [r for r in doc["runs"][0]["results"] if r["ruleId"] == "appsec-tls-verification-disabled"]
    check(all("codeFlows" not in r for r in tls), "a TLS finding without notes has no path")


def fingerprint_map(doc):
    return {(r["ruleId"], r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
             r["partialFingerprints"]["primaryLocationLineHash"]):
            r["locations"][0]["physicalLocation"]["region"]["startLine"]
            for r in doc["runs"][0]["results"]}


def case_fingerprints(env):
    before, _ = env.sarif(name="before.sarif")
    fp_before = fingerprint_map(before)
    check(len(fp_before) == 3, f"identical flagged lines must get distinct fingerprints: {fp_before}")
    for name in ("jobs.cpp", "fetch.cpp"):
        path = os.path.join(env.root, "src", name)
        with open(path) as f:
            text = f.read()
        with open(path, "w") as f:
            f.write("// An unrelated edit above the findings.\n#include <cstdio>\n\n" + text)
    after, _ = env.sarif(name="after.sarif")
    fp_after = fingerprint_map(after)
    check(set(fp_after) == set(fp_before),
          f"fingerprints changed after inserting unrelated lines:\n{fp_before}\n{fp_after}")
    for k, line in fp_before.items():
        check(fp_after[k] == line + 3, f"{k}: line {fp_after[k]}, expected {line + 3}")
    # Changing the flagged line itself does change its fingerprint.
    path = os.path.join(env.root, "src", "fetch.cpp")
    with open(path) as f:
        text = f.read()
    with open(path, "w") as f:
        f.write(text.replace("CURLOPT_SSL_VERIFYPEER, 0L", "CURLOPT_SSL_VERIFYPEER, 0"))
    changed, _ = env.sarif(name="changed.sarif")
    tls = [k for k in fingerprint_map(changed) if k[0] == "appsec-tls-verification-disabled"]
    check(len(tls) == 1 and tls[0] not in fp_before, f"edited flagged line kept its fingerprint: {tls}")


def case_baseline(env):
    base = os.path.join(env.root, "base.sarif")
    env.sarif(name="base.sarif")
    # Nothing new: nothing reported, exit 0.
    doc, p = env.sarif("--baseline=" + base, name="same.sarif", expect=0)
    check(doc["runs"][0]["results"] == [], doc["runs"][0]["results"])
    check("3 in the baseline" in p.stderr, p.stderr)
    # A new flaw in an existing file, after an unrelated edit above the old ones.
    path = os.path.join(env.root, "src", "fetch.cpp")
    with open(path) as f:
        text = f.read()
    text = "// moved down\n" + text + """
void insecureHost(CURL *h) {
  curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 0L);
}
"""
    with open(path, "w") as f:
        f.write(text)
    doc, _ = env.sarif("--baseline=" + base, name="new.sarif", expect=1)
    got = findings(doc)
    check(got == [("appsec-tls-verification-disabled", "src/fetch.cpp", 19)],
          f"baseline should leave exactly the new finding: {got}")
    # Text output with the baseline shows the same single finding.
    p = env.run("-p", env.build, "--baseline=" + base, "--quiet")
    check(p.returncode == 1 and p.stdout.count(": warning:") == 1, p.stdout + p.stderr)
    # An unreadable baseline is a usage error.
    p = env.run("-p", env.build, "--baseline=" + os.path.join(env.root, "missing.sarif"))
    check(p.returncode == 2 and "cannot read baseline" in p.stderr, p.stderr)
    with open(os.path.join(env.root, "notsarif.json"), "w") as f:
        f.write("[1, 2")
    p = env.run("-p", env.build, "--baseline=" + os.path.join(env.root, "notsarif.json"))
    check(p.returncode == 2 and "not a SARIF log" in p.stderr, p.stderr)


def case_parse_error(env):
    env.write_db(["src/broken.cpp"] + GOOD_UNITS)
    doc, p = env.sarif("--json=" + os.path.join(env.root, "out.json"), expect=2)
    check(set(findings(doc)) == EXPECTED, f"other units must still be scanned: {findings(doc)}")
    inv = doc["runs"][0]["invocations"][0]
    check(inv["executionSuccessful"] is False, inv)
    notes = inv["toolExecutionNotifications"]
    check(len(notes) == 1, notes)
    check(notes[0]["level"] == "error" and "src/broken.cpp" in notes[0]["message"]["text"], notes)
    loc = notes[0]["locations"][0]["physicalLocation"]
    check(loc["artifactLocation"]["uri"] == "src/broken.cpp" and loc["region"]["startLine"] == 4, loc)
    check("src/broken.cpp: the translation unit has compiler errors" in p.stderr, p.stderr)
    with open(os.path.join(env.root, "out.json")) as f:
        j = json.load(f)
    check(j["summary"]["failedTranslationUnits"] == 1 and j["failures"][0]["translationUnit"] == "src/broken.cpp", j)
    # --ignore-failed-tus: still reported, exit status from the findings alone.
    doc, _ = env.sarif("--ignore-failed-tus", name="ignored.sarif", expect=1)
    check(len(doc["runs"][0]["invocations"][0]["toolExecutionNotifications"]) == 1, doc)
    # A unit whose file vanished is a failure too, not a crash.
    env.write_db(["src/gone.cpp"] + GOOD_UNITS)
    doc, _ = env.sarif(name="gone.sarif", expect=2)
    check(set(findings(doc)) == EXPECTED, findings(doc))
    check("src/gone.cpp" in doc["runs"][0]["invocations"][0]["toolExecutionNotifications"][0]["message"]["text"], doc)


def case_exit_codes(env):
    p = env.run("-p", env.build, "--files=safe\\.cpp$")
    check(p.returncode == 0 and p.stdout == "", f"clean unit: {p.returncode} {p.stdout} {p.stderr}")
    p = env.run("-p", env.build)
    check(p.returncode == 1, f"findings must exit 1: {p.returncode} {p.stderr}")
    for level, status in (("error", 0), ("none", 0), ("note", 1), ("warning", 1)):
        p = env.run("-p", env.build, "--fail-on=" + level, "--quiet")
        check(p.returncode == status, f"--fail-on={level}: {p.returncode}, expected {status}")
    p = env.run("-p", env.build, "--fail-on=sometimes")
    check(p.returncode == 2 and "--fail-on" in p.stderr, p.stderr)
    empty = os.path.join(env.root, "empty")
    os.makedirs(empty)
    p = env.run("-p", empty)
    check(p.returncode == 2 and "CMAKE_EXPORT_COMPILE_COMMANDS=ON" in p.stderr and "bear -- make" in p.stderr,
          f"missing database: {p.returncode} {p.stderr}")
    # No -p: the current directory and its parents are searched. The work tree
    # lies inside a build directory that has a database, so use a fresh
    # directory outside it for the negative case.
    with tempfile.TemporaryDirectory(prefix="appsec-scan-nodb-") as nodb:
        parents, d = [], nodb
        while os.path.dirname(d) != d:
            d = os.path.dirname(d)
            parents.append(d)
        if not any(os.path.exists(os.path.join(x, "compile_commands.json")) for x in parents):
            p = env.run(cwd=nodb)
            check(p.returncode == 2 and "no compile_commands.json" in p.stderr, p.stderr)
    p = env.run(cwd=env.build)  # found in the current directory
    check(p.returncode == 1, p.stderr)
    p = env.run("-p", env.build, "--files=nomatch")
    check(p.returncode == 2 and "no translation units" in p.stderr, p.stderr)
    p = env.run("-p", env.build, "--files=(")
    check(p.returncode == 2 and "invalid --files regex" in p.stderr, p.stderr)
    with open(os.path.join(empty, "compile_commands.json"), "w") as f:
        f.write("{not json")
    p = env.run("-p", empty)
    check(p.returncode == 2 and "cannot read" in p.stderr, p.stderr)
    p = env.run("-p", env.build, "--no-such-option")
    check(p.returncode == 2, p.stderr)
    p = env.run("-p", env.build, "--sarif=" + os.path.join(env.root, "no", "such", "dir", "x.sarif"))
    check(p.returncode == 2 and "cannot write" in p.stderr, p.stderr)


def case_text_json(env):
    out = os.path.join(env.root, "out.json")
    p = env.run("-p", env.build, "--text", "--json=" + out, "-j1")
    check(p.returncode == 1, p.stderr)
    lines = p.stdout.splitlines()
    warn = [l for l in lines if ": warning: " in l]
    check(len(warn) == 3, p.stdout)
    check(re.fullmatch(r"src/fetch\.cpp:9:47: warning: CURLOPT_SSL_VERIFYPEER set to 0 turns off TLS "
                       r"certificate verification; violates Atlassian requirement 3 \(Transport layer "
                       r"security\) \[appsec-tls-verification-disabled\]", warn[0]), warn[0])
    check(re.fullmatch(r"src/jobs\.cpp:11:\d+: warning: untrusted network data from recv\(\) reaches "
                       r"system\(\).*\[appsec-command-injection\]", warn[1]), warn[1])
    notes = [l for l in lines if ": note: " in l]
    check(any(re.match(r"src/jobs\.cpp:10:\d+: note: .*recv", l) for l in notes), p.stdout)
    # Non-TTY progress is one plain line per unit (no carriage returns).
    check("\r" not in p.stderr and p.stderr.count("appsec-scan: [") == 3, p.stderr)
    check(re.search(r"appsec-scan: \[\d/3\] src/jobs\.cpp: 2 findings, ", p.stderr), p.stderr)
    with open(out) as f:
        j = json.load(f)
    check(j["schemaVersion"] == 2 and j["tool"]["name"] == "appsec-scan", j)
    check(j["summary"]["translationUnits"] == 3 and j["summary"]["findings"] == 3, j["summary"])
    # A report describes the code, not the run: no time, no -j (merge needs that).
    check("seconds" not in j["summary"] and "jobs" not in j["summary"], j["summary"])
    f0 = j["findings"][0]
    for key in ("check", "level", "message", "file", "line", "column", "fingerprint", "requirements",
                "cwe", "securitySeverity", "notes"):
        check(key in f0, f"JSON finding lacks {key}: {f0}")
    check(f0["file"] == "src/fetch.cpp" and f0["requirements"] == ["3"] and f0["cwe"] == "CWE-295", f0)
    ci = [f for f in j["findings"] if f["check"] == "appsec-command-injection"][0]
    check(ci["notes"] and ci["notes"][0]["line"] == 10, ci)
    # --quiet: no progress at all.
    p = env.run("-p", env.build, "--quiet")
    check(p.stderr == "", p.stderr)
    # --source-root elsewhere: paths outside it stay absolute.
    p = env.run("-p", env.build, "--source-root=" + os.path.join(env.root, "build"), "--quiet")
    check(os.path.join(env.root, "src", "fetch.cpp") + ":9:47: warning:" in p.stdout, p.stdout)


def case_parallel(env):
    one, _ = env.sarif("-j1", name="j1.sarif")
    two, _ = env.sarif("-j2", name="j2.sarif")
    check(one["runs"][0]["results"] == two["runs"][0]["results"], "-j1 and -j2 disagree")


def case_config(env):
    cfg = os.path.join(env.root, "tidy.yaml")
    with open(cfg, "w") as f:
        f.write("Checks: 'appsec-tls-*'\nWarningsAsErrors: 'appsec-tls-*'\n")
    doc, _ = env.sarif("--config=" + cfg)
    got = findings(doc)
    check(got == [("appsec-tls-verification-disabled", "src/fetch.cpp", 9)], got)
    check(doc["runs"][0]["results"][0]["level"] == "error", doc["runs"][0]["results"][0])
    doc, _ = env.sarif("--config=" + cfg, "--fail-on=error", name="e.sarif", expect=1)
    # --checks overrides the configuration's Checks.
    doc, _ = env.sarif("--config=" + cfg, "--checks=appsec-command-injection", name="c.sarif")
    check({f[0] for f in findings(doc)} == {"appsec-command-injection"}, findings(doc))
    with open(cfg, "w") as f:
        f.write("Checks: [unterminated\n")
    p = env.run("-p", env.build, "--config=" + cfg)
    check(p.returncode == 2 and "invalid --config" in p.stderr, p.stderr)


def case_budget(env):
    # A work budget too small for the fixture's functions: the scan succeeds
    # and says, as SARIF notifications, the JSON report's incompleteAnalyses
    # and text remarks, where findings may be missing. The default budget
    # leaves all three empty (case_sarif sees no notification).
    cfg = os.path.join(env.root, "budget.yaml")
    with open(cfg, "w") as f:
        f.write("CheckOptions:\n  TaintStepBudget: 3\n")
    doc, _ = env.sarif("--config=" + cfg, "-j1")
    inv = doc["runs"][0]["invocations"][0]
    check(inv["executionSuccessful"], inv)
    notes = [n for n in inv["toolExecutionNotifications"]
             if n["descriptor"]["id"] == "appsec-scan/analysis-incomplete"]
    check(notes and all(n["level"] == "warning" for n in notes), notes)
    check(any("'runJob' stopped at its work budget (3 steps" in n["message"]["text"] for n in notes),
          notes)
    loc = notes[0]["locations"][0]["physicalLocation"]
    check(loc["artifactLocation"]["uri"].startswith("src/"), loc)
    out = os.path.join(env.root, "budget.json")
    p = env.run("-p", env.build, "--config=" + cfg, "--text", "--json=" + out, "-j1")
    check(re.search(r"src/jobs\.cpp:\d+:\d+: remark: the appsec analysis of 'runJob' stopped", p.stdout),
          p.stdout)
    with open(out) as f:
        j = json.load(f)
    check(any(i["file"] == "src/jobs.cpp" and "runJob" in i["message"] for i in j["incompleteAnalyses"]),
          j["incompleteAnalyses"])
    doc, _ = env.sarif("-j1", name="default.sarif")
    check(doc["runs"][0]["invocations"][0]["toolExecutionNotifications"] == [],
          doc["runs"][0]["invocations"][0])


def case_timeout(env):
    # A source file that is a FIFO nobody writes to: the worker blocks opening
    # it, as a unit that never finishes would. The scan must give up on it at
    # the deadline and report it, with the other units scanned.
    fifo = os.path.join(env.root, "src", "hang.cpp")
    os.mkfifo(fifo)
    env.write_db(["src/hang.cpp"] + GOOD_UNITS)
    t0 = time.monotonic()
    doc, p = env.sarif("--tu-timeout=2", "-j2", expect=2)
    elapsed = time.monotonic() - t0
    check(elapsed < 60, f"the scan took {elapsed:.0f} s despite --tu-timeout=2")
    check(set(findings(doc)) == EXPECTED, findings(doc))
    notes = doc["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    check(len(notes) == 1 and "src/hang.cpp: timed out after 2 s" in notes[0]["message"]["text"], notes)


CROSS_UNIT = {
    "src/xtu/server.cpp": """// Network data handed to functions of two other units.
#include <sys/socket.h>
#include <string>

void runReport(const std::string &name);   // report.cpp: runs it in a shell
bool isReportName(const std::string &name); // names.cpp: lowercase letters only

void serve(int sock) {
  char buf[64] = {0};
  recv(sock, buf, sizeof buf - 1, 0);
  std::string name(buf);
  runReport(name);
  if (isReportName(name))
    runReport(name);
}
""",
    "src/xtu/report.cpp": """#include <cstdlib>
#include <string>

void runReport(const std::string &name) {
  std::string cmd = "make-report " + name;
  std::system(cmd.c_str());
}
""",
    "src/xtu/names.cpp": """#include <string>

bool isReportName(const std::string &name) {
  for (char c : name)
    if (c < 'a' || c > 'z')
      return false;
  return true;
}
""",
}
CROSS_UNITS = sorted(CROSS_UNIT)


def case_cross_unit(env):
    env.write_files(CROSS_UNIT)
    env.write_db(CROSS_UNITS)
    want = [("appsec-command-injection", "src/xtu/server.cpp", 12)]
    # Cold store: round 1 writes the summaries, round 2 scans server.cpp again
    # with them. The validator in names.cpp keeps the second call silent.
    doc, p = env.sarif("-j2")
    check(findings(doc) == want, f"findings {findings(doc)}, expected {want}\n{p.stderr}")
    check("2 rounds (1 units scanned again)" in p.stderr, p.stderr)
    locs = doc["runs"][0]["results"][0]["codeFlows"][0]["threadFlows"][0]["locations"]
    texts = [l["location"]["message"]["text"] for l in locs]
    check(any("inside runReport() (report.cpp:6)" in t for t in texts), texts)
    store = os.path.join(env.build, "appsec-summaries")
    check(len([f for f in os.listdir(store) if f.endswith(".json")]) == 3, os.listdir(store))
    # Warm store: one round, the same finding.
    doc, p = env.sarif("-j2", name="warm.sarif")
    check(findings(doc) == want and "rounds" not in p.stderr, p.stderr)
    # The helper stops using its argument: the next scan sees the old summary
    # in round 1 and the new one in round 2, and the finding goes.
    with open(os.path.join(env.root, "src/xtu/report.cpp"), "w") as f:
        f.write(CROSS_UNIT["src/xtu/report.cpp"].replace('"make-report " + name', '"make-report all"'))
    doc, p = env.sarif("-j2", name="fixed.sarif", expect=0)
    check(findings(doc) == [] and "2 rounds" in p.stderr, f"{findings(doc)}\n{p.stderr}")
    # Each unit alone: nothing crosses files, and no store is written.
    shutil.rmtree(store)
    with open(os.path.join(env.root, "src/xtu/report.cpp"), "w") as f:
        f.write(CROSS_UNIT["src/xtu/report.cpp"])
    doc, p = env.sarif("--single-tu", name="single.sarif", expect=0)
    check(findings(doc) == [] and not os.path.exists(store), f"{findings(doc)}\n{p.stderr}")
    # A corrupt file in the store is a notice, never a failed scan.
    other = os.path.join(env.root, "store")
    os.makedirs(other)
    with open(os.path.join(other, "junk.json"), "w") as f:
        f.write('{"version": 1, "functions": [1, 2')
    doc, p = env.sarif("--summaries=" + other, name="corrupt.sarif")
    check(findings(doc) == want, f"{findings(doc)}\n{p.stderr}")
    inv = doc["runs"][0]["invocations"][0]
    check(inv["executionSuccessful"], inv)
    notes = [n["message"]["text"] for n in inv["toolExecutionNotifications"]]
    check(notes and all("junk.json (not JSON)" in n for n in notes), notes)


def case_incremental(env):
    units = dict(CROSS_UNIT)
    units["src/xtu/report.cpp"] = units["src/xtu/report.cpp"].replace(
        "#include <string>\n", '#include <string>\n#include "tool.h"\n').replace(
        '"make-report "', "REPORT_TOOL")
    units["src/xtu/tool.h"] = '#define REPORT_TOOL "make-report "\n'
    env.write_files(units)
    env.write_db(CROSS_UNITS)
    want = [("appsec-command-injection", "src/xtu/server.cpp", 12)]
    cache = os.path.join(env.build, "appsec-summaries", "scanned")

    def scan(name, expect=1, *args):
        doc, p = env.sarif("-j2", *args, name=name, expect=expect)
        return doc["runs"][0]["results"], p.stderr

    def edit(path, old, new):
        full = os.path.join(env.root, path)
        with open(full) as f:
            text = f.read()
        check(old in text, f"{old!r} not in {path}")
        with open(full, "w") as f:
            f.write(text.replace(old, new))

    cold, err = scan("cold.sarif")
    check([(r["ruleId"], r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            r["locations"][0]["physicalLocation"]["region"]["startLine"]) for r in cold] == want, err)
    check("unchanged" not in err and len(os.listdir(cache)) == 3, err)
    # Nothing changed: every unit's findings (with their code flows) come back
    # from the last scan, and no unit is scanned.
    warm, err = scan("warm.sarif")
    check(warm == cold, f"{warm}\n!=\n{cold}")
    check("3 of 3 units unchanged" in err and "[1/" not in err, err)
    # A newer time stamp is not a change; contents are compared.
    os.utime(os.path.join(env.root, "src/xtu/names.cpp"))
    _, err = scan("touched.sarif")
    check("3 of 3 units unchanged" in err, err)
    # A header one unit includes: that unit alone is scanned; its summary
    # stays the same, so no second round.
    edit("src/xtu/tool.h", '"make-report "', '"make-report --fast "')
    res, err = scan("header.sarif")
    check(res == cold and "2 of 3 units unchanged" in err and "rounds" not in err, err)
    # A helper in another unit stops using its argument: it is scanned, and
    # the caller, unchanged itself, in a second round; the finding goes.
    edit("src/xtu/report.cpp", "REPORT_TOOL + name", "REPORT_TOOL \"all\"")
    res, err = scan("fixed.sarif", 0)
    check(res == [] and "2 of 3 units unchanged" in err and "2 rounds (1 units scanned again)" in err,
          f"{res}\n{err}")
    # A unit whose summaries left the store is scanned to put them back, and
    # so is its caller (the summaries it imported are gone).
    store = os.path.join(env.build, "appsec-summaries")
    os.remove([os.path.join(store, f) for f in os.listdir(store) if f.endswith("-report.cpp.json")][0])
    _, err = scan("restore.sarif", 0)
    check("1 of 3 units unchanged" in err and "report.cpp" in err and "server.cpp" in err, err)
    check(any(f.endswith("-report.cpp.json") for f in os.listdir(store)), os.listdir(store))
    # --full scans everything; a corrupt cache entry is a unit to scan, not an error.
    _, err = scan("full.sarif", 0, "--full")
    check("unchanged" not in err and "[3/3]" in err, err)
    for f in os.listdir(cache):
        with open(os.path.join(cache, f), "w") as out:
            out.write('{"version": 1, "inputs": [')
    _, err = scan("corrupt.sarif", 0)
    check("unchanged" not in err, err)
    _, err = scan("again.sarif", 0)
    check("3 of 3 units unchanged" in err, err)
    # Other options: other results; nothing is taken from the last scan.
    _, err = scan("other.sarif", 0, "--checks=appsec-command-injection")
    check("unchanged" not in err, err)


CASES = {name[5:].replace("_", "-"): fn for name, fn in globals().items() if name.startswith("case_")}


def run_case(cases, env_class):
    """The command line every scan test script shares: --scan <appsec-scan>
    --work <scratch dir> --case <name>; exit 0 when the case passes."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--scan", required=True)
    ap.add_argument("--work", required=True)
    ap.add_argument("--case", required=True, choices=sorted(cases))
    a = ap.parse_args()
    env = env_class(os.path.abspath(a.scan), os.path.abspath(a.work), a.case)
    try:
        cases[a.case](env)
    except Failure as e:
        print(f"FAIL {a.case}: {e}", file=sys.stderr)
        return 1
    print(f"PASS {a.case}")
    return 0


if __name__ == "__main__":
    sys.exit(run_case(CASES, Env))
