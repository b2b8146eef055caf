#!/usr/bin/env python3
"""ctest driver for appsec-scan --diff, --shard, `merge` and JSON baselines.

Uses the fixture project of scan_test.py (copied into a fresh work directory
per case). Usage:
  shard_test.py --scan <appsec-scan> --work <dir> --case <name>
Cases: diff, diff-errors, baseline-json, shard-merge, shard-errors, merge-errors.
"""
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.dont_write_bytecode = True
sys.path.insert(0, HERE)
from scan_test import GOOD_UNITS, EXPECTED, Env, Failure, check, findings, run_case  # noqa: E402

NEW_FLAW = """
void insecureHost(CURL *h) {
  curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 0L);
}
"""

# A header with the same flagged line twice, each seen by one unit only: the
# shards number them independently (both 1); the merge must renumber them.
SHARED_H = """#pragma once
#include <curl/curl.h>
#ifdef FROM_H1
inline void insecureOne(CURL *h) {
  curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 0L);
}
#endif
#ifdef FROM_H2
inline void insecureTwo(CURL *h) {
  curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 0L);
}
#endif
inline void insecureBoth(CURL *h) {
  curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 0L);
}
"""


def git(env, *args):
    p = subprocess.run(["git", "-c", "user.name=appsec-test", "-c", "user.email=t@example.invalid",
                        "-c", "commit.gpgsign=false", "-c", "core.hooksPath=/dev/null", *args],
                       cwd=env.root, capture_output=True, text=True)
    check(p.returncode == 0, f"git {args}: {p.stderr}")
    return p.stdout


def edit(env, rel, fn):
    path = os.path.join(env.root, rel)
    with open(path) as f:
        text = f.read()
    with open(path, "w") as f:
        f.write(fn(text))


def scan_json(env, *args, expect=None, name="out.json"):
    out = os.path.join(env.root, name)
    p = env.run("-p", env.build, "--json=" + out, "--quiet", *args)
    if expect is not None:
        check(p.returncode == expect, f"{args}: exit {p.returncode}, expected {expect}\n{p.stderr}")
    with open(out) as f:
        return json.load(f), p


def located(j):
    return sorted((f["check"], f["file"], f["line"]) for f in j["findings"])


def case_diff(env):
    with open(os.path.join(env.root, ".gitignore"), "w") as f:
        f.write("build/\n*.json\n*.sarif\n")
    git(env, "init", "-q")
    git(env, "add", "-A")
    git(env, "commit", "-qm", "fixture")
    # Nothing changed: nothing reported, no unit even scanned.
    j, _ = scan_json(env, "--diff=HEAD", expect=0)
    check(j["findings"] == [] and j["summary"]["translationUnits"] == 0, j)
    check(j["diff"] == {"range": "HEAD", "findingsOutsideDiff": 0, "unchangedTranslationUnits": 3},
          j["diff"])
    # A new flaw in the working tree: only it is reported; the old finding in
    # the same file is counted as outside the diff.
    edit(env, "src/fetch.cpp", lambda t: t + NEW_FLAW)
    j, p = scan_json(env, "--diff=HEAD", expect=1)
    check(located(j) == [("appsec-tls-verification-disabled", "src/fetch.cpp", 18)], located(j))
    check(j["diff"]["findingsOutsideDiff"] == 1 and j["diff"]["unchangedTranslationUnits"] == 2,
          j["diff"])
    check(j["summary"]["translationUnits"] == 1, j["summary"])
    # Committed: the same through every accepted range form.
    git(env, "commit", "-qam", "new flaw")
    for rng in ("HEAD~1", "HEAD~1..HEAD", "HEAD~1...HEAD"):
        j, _ = scan_json(env, "--diff=" + rng, expect=1)
        check(located(j) == [("appsec-tls-verification-disabled", "src/fetch.cpp", 18)],
              f"{rng}: {located(j)}")
    j, _ = scan_json(env, "--diff=HEAD~1..HEAD~1", expect=0)
    check(j["findings"] == [], j)
    # An edited flagged line counts; the file's other findings do not.
    edit(env, "src/jobs.cpp", lambda t: t.replace("  std::system(cmd);\n}\n\nvoid runOther",
                                                   "  std::system(cmd);  // edited\n}\n\nvoid runOther"))
    j, _ = scan_json(env, "--diff=HEAD", expect=1)
    check(located(j) == [("appsec-command-injection", "src/jobs.cpp", 11)], located(j))
    git(env, "checkout", "-q", "--", "src/jobs.cpp")
    # A renamed file counts under its new name, for its changed lines only.
    os.makedirs(os.path.join(env.root, "net"))
    git(env, "mv", "src/fetch.cpp", "net/fetch.cpp")
    edit(env, "net/fetch.cpp", lambda t: t.replace("CURLOPT_SSL_VERIFYPEER, 0L", "CURLOPT_SSL_VERIFYPEER, 0"))
    env.write_db(["net/fetch.cpp", "src/jobs.cpp", "src/safe.cpp"])
    j, _ = scan_json(env, "--diff=HEAD", expect=1)
    check(located(j) == [("appsec-tls-verification-disabled", "net/fetch.cpp", 9)], located(j))
    diff = subprocess.run(["git", "diff", "--stat", "-M", "HEAD"], cwd=env.root,
                          capture_output=True, text=True).stdout
    check("=>" in diff, f"git should see a rename: {diff}")
    # With a header filter every unit is scanned (headers may have changed),
    # and the result is the same.
    j, _ = scan_json(env, "--diff=HEAD", "--header-filter=nomatch", expect=1)
    check(j["diff"]["unchangedTranslationUnits"] == 0 and j["summary"]["translationUnits"] == 3, j)
    check(located(j) == [("appsec-tls-verification-disabled", "net/fetch.cpp", 9)], located(j))
    # SARIF and text agree with the JSON.
    out = os.path.join(env.root, "d.sarif")
    p = env.run("-p", env.build, "--diff=HEAD", "--sarif=" + out, "--text")
    check(p.returncode == 1 and p.stdout.count(": warning:") == 1, p.stdout + p.stderr)
    check("net/fetch.cpp:9:" in p.stdout, p.stdout)
    check("--diff=HEAD: 1 finding outside the changed lines left out, 2 unchanged translation units "
          "not scanned" in p.stderr, p.stderr)
    with open(out) as f:
        check(len(json.load(f)["runs"][0]["results"]) == 1, "SARIF with --diff")
    # A new file: untracked files are not in `git diff` (not reported); once
    # added to the index, every line of it is new. Its name needs git's quoting.
    odd = "src/new file \u00fc.cpp"
    with open(os.path.join(env.root, "net", "fetch.cpp")) as f, open(os.path.join(env.root, odd), "w") as g:
        g.write(f.read())
    env.write_db(["net/fetch.cpp", odd])
    j, _ = scan_json(env, "--diff=HEAD", expect=1)
    check(located(j) == [("appsec-tls-verification-disabled", "net/fetch.cpp", 9)], located(j))
    git(env, "add", odd)
    j, _ = scan_json(env, "--diff=HEAD", expect=1)
    check(located(j) == [("appsec-tls-verification-disabled", "net/fetch.cpp", 9),
                         ("appsec-tls-verification-disabled", odd, 9),
                         ("appsec-tls-verification-disabled", odd, 18)], located(j))


def case_diff_errors(env):
    # Not a git work tree (a fresh directory outside any repository).
    with tempfile.TemporaryDirectory(prefix="appsec-scan-nogit-") as nogit:
        inside = subprocess.run(["git", "-C", nogit, "rev-parse"], capture_output=True).returncode == 0
        if not inside:
            p = env.run("-p", env.build, "--diff=HEAD", "--source-root=" + nogit)
            check(p.returncode == 2 and "is not in a git work tree" in p.stderr, p.stderr)
    git(env, "init", "-q")
    git(env, "add", "-A")
    git(env, "commit", "-qm", "fixture")
    for rng, msg in (("no-such-ref", "git diff failed"), ("HEAD~5..HEAD", "git diff failed"),
                     ("--cached", "needs a git revision or range"),
                     ("", "needs a git revision or range")):
        p = env.run("-p", env.build, "--diff=" + rng)
        check(p.returncode == 2 and msg in p.stderr, f"--diff={rng!r}: {p.returncode} {p.stderr}")


def case_baseline_json(env):
    base = os.path.join(env.root, "base.json")
    scan_json(env, name="base.json", expect=1)
    j, p = scan_json(env, "--baseline=" + base, name="same.json", expect=0)
    check(j["findings"] == [] and j["summary"]["suppressedByBaseline"] == 3, j["summary"])
    # Lines shifted by an unrelated edit, plus one new flaw: only the new one.
    edit(env, "src/fetch.cpp", lambda t: "// moved down\n// twice\n" + t + NEW_FLAW)
    edit(env, "src/jobs.cpp", lambda t: "\n\n\n" + t)
    j, _ = scan_json(env, "--baseline=" + base, name="new.json", expect=1)
    check(located(j) == [("appsec-tls-verification-disabled", "src/fetch.cpp", 20)], located(j))
    check(j["summary"]["suppressedByBaseline"] == 3, j["summary"])
    # The same through SARIF output and a SARIF baseline of the same scan.
    doc, _ = env.sarif("--baseline=" + base, name="new.sarif")
    check(findings(doc) == [("appsec-tls-verification-disabled", "src/fetch.cpp", 20)], findings(doc))
    # A JSON file that is neither a report nor SARIF.
    other = os.path.join(env.root, "other.json")
    with open(other, "w") as f:
        json.dump({"findings": []}, f)
    p = env.run("-p", env.build, "--baseline=" + other)
    check(p.returncode == 2 and "not a SARIF log" in p.stderr and "JSON report" in p.stderr, p.stderr)


def shard_project(env):
    """The fixture plus a broken unit and two units sharing a flawed header."""
    with open(os.path.join(env.root, "src", "shared.h"), "w") as f:
        f.write(SHARED_H)
    for n in (1, 2):
        with open(os.path.join(env.root, "src", f"h{n}.cpp"), "w") as f:
            f.write(f'#define FROM_H{n}\n#include "shared.h"\nint h{n}() {{ return {n}; }}\n')
    units = ["src/broken.cpp", "src/h2.cpp", "src/h1.cpp"] + GOOD_UNITS
    env.write_db(units)
    return units


def read(path):
    with open(path, "rb") as f:
        return f.read()


def case_shard_merge(env):
    units = shard_project(env)
    common = ["--header-filter=shared\\.h", "--quiet"]
    r = env.root

    def scan(tag, *extra):
        # Exit 2: the broken unit fails to parse.
        p = env.run("-p", env.build, *common, f"--sarif={r}/{tag}.sarif", f"--json={r}/{tag}.json", *extra)
        check(p.returncode == 2, f"{tag}: exit {p.returncode}, expected 2: {p.stderr}")
        return p

    scan("single", "-j2")
    single = json.loads(read(f"{r}/single.json"))
    # The header's findings: two identical VERIFYPEER lines (one per unit) and
    # one VERIFYHOST line seen from both units, kept once.
    hdr = [f for f in single["findings"] if f["file"] == "src/shared.h"]
    check([(f["line"], f["fingerprint"].split(":")[1]) for f in hdr] == [(5, "1"), (10, "2"), (14, "1")],
          hdr)
    check(single["summary"]["translationUnits"] == len(units) and
          single["summary"]["failedTranslationUnits"] == 1, single["summary"])
    for n in (2, 7):  # 7 shards for 6 units: one shard is empty
        seen = []
        for i in range(1, n + 1):
            p = env.run("-p", env.build, *common, f"--sarif={r}/s{i}of{n}.sarif",
                        f"--json={r}/s{i}of{n}.json", f"--shard={i}/{n}", "-j1")
            check(p.returncode in (0, 1, 2), p.stderr)
            sj = json.loads(read(f"{r}/s{i}of{n}.json"))
            check(sj["shard"]["index"] == i and sj["shard"]["count"] == n and
                  sj["shard"]["totalTranslationUnits"] == len(units), sj["shard"])
            ss = json.loads(read(f"{r}/s{i}of{n}.sarif"))
            seen += [a["location"]["uri"] for a in ss["runs"][0]["artifacts"]]
            if n == 7 and i == 7:
                check(p.returncode == 0 and sj["summary"]["translationUnits"] == 0, "empty shard")
        # Every unit in exactly one shard.
        check(sorted(seen) == sorted(units), f"shards of {n} cover {sorted(seen)}")
        order = list(range(n, 0, -1))  # inputs in any order
        for fmt in ("sarif", "json"):
            ins = [f"{r}/s{i}of{n}.{fmt}" for i in order]
            p = env.run("merge", "-o", f"{r}/merged{n}.{fmt}", *ins)
            check(p.returncode == 2, f"merge with a failed unit must exit 2: {p.returncode} {p.stderr}")
            check(read(f"{r}/merged{n}.{fmt}") == read(f"{r}/single.{fmt}"),
                  f"merge of {n} {fmt} shards differs from the single run:\n"
                  + subprocess.run(["diff", f"{r}/single.{fmt}", f"{r}/merged{n}.{fmt}"],
                                   capture_output=True, text=True).stdout[:3000])
    # Both formats at once; --ignore-failed-tus leaves the findings' status.
    ins = [f"{r}/s{i}of2.{fmt}" for i in (1, 2) for fmt in ("sarif", "json")]
    p = env.run("merge", f"--sarif={r}/m.sarif", f"--json={r}/m.json", "--ignore-failed-tus", *ins)
    check(p.returncode == 1, p.stderr)
    check(read(f"{r}/m.sarif") == read(f"{r}/single.sarif") and read(f"{r}/m.json") == read(f"{r}/single.json"),
          "merge of both formats")
    check("7 translation units" not in p.stderr and "6 translation units (1 failed), " in p.stderr, p.stderr)
    # A baseline in the merge equals a baseline in a single run.
    edit(env, "src/fetch.cpp", lambda t: t + NEW_FLAW)
    scan("single-b", f"--baseline={r}/single.json")
    for i in (1, 2):
        env.run("-p", env.build, *common, f"--sarif={r}/b{i}.sarif", f"--json={r}/b{i}.json", f"--shard={i}/2")
    p = env.run("merge", f"--sarif={r}/mb.sarif", f"--json={r}/mb.json", f"--baseline={r}/single.json",
                *[f"{r}/b{i}.{x}" for i in (1, 2) for x in ("sarif", "json")])
    check(p.returncode == 2 and "in the baseline" in p.stderr, p.stderr)
    check(read(f"{r}/mb.json") == read(f"{r}/single-b.json"), "merge --baseline (JSON)")
    check(read(f"{r}/mb.sarif") == read(f"{r}/single-b.sarif"), "merge --baseline (SARIF)")
    mb = json.loads(read(f"{r}/mb.json"))
    check(located(mb) == [("appsec-tls-verification-disabled", "src/fetch.cpp", 18)], located(mb))


def case_shard_errors(env):
    for bad in ("0/2", "3/2", "1/0", "a/b", "2", "1/2/3", "", "-1/2", "1/99999"):
        p = env.run("-p", env.build, "--shard=" + bad)
        check(p.returncode == 2 and "invalid --shard" in p.stderr, f"--shard={bad!r}: {p.returncode} {p.stderr}")
    # Valid shards of a 3-unit project: 1 unit each, in display-path order.
    got = []
    for i in (1, 2, 3):
        j, _ = scan_json(env, f"--shard={i}/3", name=f"s{i}.json")
        got.append(j["summary"]["translationUnits"])
    check(got == [1, 1, 1], got)


def case_merge_errors(env):
    r = env.root

    def shard(name, *extra):
        env.run("-p", env.build, "--quiet", f"--sarif={r}/{name}.sarif", f"--json={r}/{name}.json", *extra)

    shard("a1", "--shard=1/2")
    shard("a2", "--shard=2/2")
    shard("b2", "--shard=2/2", "--checks=appsec-tls-*")
    shard("c3", "--shard=3/3")
    shard("single")
    shard("cat2", "--shard=2/2", "--category=other")
    with open(f"{r}/junk.json", "w") as f:
        f.write("{\"runs\": 1")
    cases = [
        (["-o", f"{r}/m.sarif", f"{r}/a1.sarif"], "shard 2/2 missing"),
        (["-o", f"{r}/m.sarif", f"{r}/a1.sarif", f"{r}/a1.sarif"], "are both shard 1/2"),
        (["-o", f"{r}/m.sarif", f"{r}/a1.sarif", f"{r}/c3.sarif"], "different splits"),
        (["-o", f"{r}/m.json", f"{r}/a1.json", f"{r}/b2.json"], "different scans"),
        (["-o", f"{r}/m.sarif", f"{r}/a1.sarif", f"{r}/cat2.sarif"], "differ in 'automationDetails'"),
        (["-o", f"{r}/m.sarif", f"{r}/a1.sarif", f"{r}/single.sarif"], "not the report of a shard"),
        (["-o", f"{r}/m.sarif", f"{r}/junk.json"], "neither an appsec-scan SARIF log nor"),
        (["-o", f"{r}/m.sarif", f"{r}/missing.sarif"], "cannot read"),
        (["-o", f"{r}/m", f"{r}/a1.sarif", f"{r}/a2.json"], "mix SARIF and JSON"),
        (["--sarif=" + f"{r}/m.sarif", f"{r}/a1.json", f"{r}/a2.json"], "--sarif needs SARIF"),
        ([f"{r}/a1.sarif", f"{r}/a2.sarif"], "nothing to write"),
        (["-o", f"{r}/m.sarif", "--fail-on=never", f"{r}/a1.sarif", f"{r}/a2.sarif"], "--fail-on"),
        (["-o", f"{r}/no/such/dir.sarif", f"{r}/a1.sarif", f"{r}/a2.sarif"], "cannot write"),
    ]
    for args, msg in cases:
        p = env.run("merge", *args)
        check(p.returncode == 2 and msg in p.stderr, f"merge {args}: {p.returncode} {p.stderr}")
    # Top-level options are not merge options.
    p = env.run("merge", "-p", env.build, "-o", f"{r}/m.sarif", f"{r}/a1.sarif", f"{r}/a2.sarif")
    check(p.returncode == 2 and "-p is an option of the scan" in p.stderr, p.stderr)
    p = env.run("merge", "--no-such-option", "-o", f"{r}/m.sarif", f"{r}/a1.sarif", f"{r}/a2.sarif")
    check(p.returncode == 2, p.stderr)
    # And the good pair merges, exit 1 for the findings.
    p = env.run("merge", "-o", f"{r}/m.sarif", f"{r}/a2.sarif", f"{r}/a1.sarif")
    check(p.returncode == 1 and read(f"{r}/m.sarif") == read(f"{r}/single.sarif"), p.stderr)
    p = env.run("merge", "-o", f"{r}/m.json", "--fail-on=none", f"{r}/a2.json", f"{r}/a1.json")
    check(p.returncode == 0 and read(f"{r}/m.json") == read(f"{r}/single.json"), p.stderr)


def case_pre_commit(env):
    hook = os.path.join(HERE, "..", "..", "docs", "ci", "pre-commit-appsec-scan.sh")
    with open(os.path.join(env.root, ".gitignore"), "w") as f:
        f.write("build/\n")
    git(env, "init", "-q")
    git(env, "add", "-A")
    git(env, "commit", "-qm", "fixture")
    hook_env = dict(os.environ, APPSEC_SCAN=env.scan, APPSEC_BUILD_DIR=env.build)

    def run_hook():
        return subprocess.run(["sh", hook], cwd=env.root, env=hook_env, capture_output=True, text=True)

    p = run_hook()
    check(p.returncode == 0 and p.stdout == "", f"nothing staged: {p.returncode} {p.stdout} {p.stderr}")
    # A staged new flaw blocks the commit; the old finding in the file does not show.
    edit(env, "src/fetch.cpp", lambda t: t + NEW_FLAW)
    git(env, "add", "src/fetch.cpp")
    p = run_hook()
    check(p.returncode == 1 and p.stdout.count(": warning:") == 1 and "src/fetch.cpp:18:" in p.stdout
          and "commit blocked" in p.stderr, f"{p.returncode}\n{p.stdout}\n{p.stderr}")
    # A harmless staged change passes (the findings of jobs.cpp are old).
    git(env, "reset", "-q", "--hard")
    edit(env, "src/jobs.cpp", lambda t: t + "// harmless\n")
    git(env, "add", "src/jobs.cpp")
    p = run_hook()
    check(p.returncode == 0 and p.stdout == "", f"{p.returncode}\n{p.stdout}\n{p.stderr}")
    # A staged source that is not in the compilation database: not scanned, not blocked.
    with open(os.path.join(env.root, "src", "extra.cpp"), "w") as f:
        f.write("int extra() { return 1; }\n")
    git(env, "reset", "-q", "--hard")
    git(env, "add", "src/extra.cpp")
    p = run_hook()
    check(p.returncode == 0 and "not in" in p.stderr, f"{p.returncode}\n{p.stderr}")
    # A staged unit that does not parse blocks the commit with status 2.
    git(env, "reset", "-q", "--hard")
    env.write_db(["src/broken.cpp"] + GOOD_UNITS)
    edit(env, "src/broken.cpp", lambda t: t + "// touched\n")
    git(env, "add", "src/broken.cpp")
    p = run_hook()
    check(p.returncode == 2 and "the scan failed" in p.stderr, f"{p.returncode}\n{p.stderr}")


CASES = {name[5:].replace("_", "-"): fn for name, fn in globals().items() if name.startswith("case_")}


if __name__ == "__main__":
    sys.exit(run_case(CASES, Env))
