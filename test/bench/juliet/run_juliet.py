#!/usr/bin/env python3
"""Run a clang-tidy-style tool over Juliet C/C++ 1.3 and score it per CWE.

Python 3 standard library only.  Juliet itself is never part of this
repository: obtain it as described in README.md next to this script and pass
its directory with --juliet (default: $JULIET_DIR, else /work/juliet).

What is measured (see README.md for the exact rules):

* Test cases are the *single-file* flaw variants (flow variants 01-45 whose
  file name has no sub-file letter and no _bad/_good suffix).  Multi-file
  variants (22a/b, 51-54, 61-68, 72-74 a..e, 81-84 with _bad/_goodG2B/...) need
  cross-translation-unit analysis and are only counted ("cross-TU, not run"),
  unless --cross-tu is given: then they are the test cases, each run as all its
  files sharing a summary store, callee files first, twice (appsec tools only).
* A functional-variant family (e.g. ``char_console_system``) is kept only if it
  is Linux-parsable: one representative .c and .cpp file of the family must
  pass ``clang -fsyntax-only -Werror=incompatible-pointer-types`` with the same
  compile arguments the tool gets.  This removes Windows-API families (w32
  CreateFile/_spawn/_execv) and wchar_t families that hand wide strings to
  narrow-char POSIX calls, but keeps e.g. CWE-134 ``w32_vsnprintf`` (plain
  vsnprintf on Linux) and wchar_t format-string families (wprintf & co.).
* Every warning is attributed to the enclosing function by line.  Juliet's
  naming convention is the ground truth: functions whose name contains "bad"
  hold the flaw, functions whose name contains "good" are clean.  Only
  findings of a check relevant to the CWE count (see DEFAULT_RELEVANCE).
* recall  = test cases with >= 1 relevant finding in a bad function / test cases
  FP rate = good variants (goodG2B, goodB2G1, ... per test case) with >= 1
            relevant finding / all good variants.
"""

import argparse
import collections
import concurrent.futures
import json
import os
import random
import re
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import time

CWE_FOLDERS = {
    "78": "CWE78_OS_Command_Injection",
    "134": "CWE134_Uncontrolled_Format_String",
    "23": "CWE23_Relative_Path_Traversal",
    "36": "CWE36_Absolute_Path_Traversal",
}

# (check name, message regex or None, CWEs the finding counts for).  First
# matching rule wins; a check with no matching rule counts for nothing.
DEFAULT_RELEVANCE = [
    ("appsec-command-injection", None, {"78"}),
    ("appsec-format-string", None, {"134"}),
    ("appsec-path-traversal", None, {"23", "36"}),
    ("appsec-sql-injection", None, {"89"}),
    # Clang Static Analyzer (19): one checker, several messages.
    ("clang-analyzer-alpha.security.taint.GenericTaint",
     r"format string|CWE-134", {"134"}),
    ("clang-analyzer-alpha.security.taint.GenericTaint",
     r"system call|STR02-C", {"78"}),
    # Same checker under its post-19 name.
    ("clang-analyzer-optin.taint.GenericTaint", r"format string|CWE-134", {"134"}),
    ("clang-analyzer-optin.taint.GenericTaint", r"system call|STR02-C", {"78"}),
    # "Untrusted data is passed to a user-defined sink" only appears with a
    # user YAML config (TaintPropagation:Config); say what it counts for with
    # --map 'clang-analyzer-alpha.security.taint.GenericTaint:user-defined sink=23,36'.
]

PRESETS = {
    "csa": {
        "tidy": "clang-tidy-19",
        "tidy_args": ["--allow-enabling-analyzer-alpha-checkers"],
        "checks": "-*,clang-analyzer-alpha.security.taint.GenericTaint",
    },
    "appsec": {
        "tidy": "{build}/bin/appsec-tidy",
        "tidy_args": [],
        "checks": "-*,appsec-command-injection,appsec-format-string,"
                  "appsec-path-traversal",
    },
}

# CWE78_OS_Command_Injection__char_console_system_01.c
# CWE78_OS_Command_Injection__char_console_system_22a.c
# CWE78_OS_Command_Injection__char_console_system_81_goodG2B.cpp
NAME_RE = re.compile(
    r"^(?P<cwe>CWE\d+)_\w+?__(?P<family>\w+?)_(?P<flow>\d\d)"
    r"(?P<sub>[a-z]?)(?P<cls>_(?:bad|good\w*))?\.(?P<ext>c|cpp)$")
FAMILY_RE = re.compile(
    r"^(?P<type>char|wchar_t)_(?P<source>connect_socket|listen_socket|console|"
    r"environment|file)_(?P<sink>\w+)$")

# A function definition in Juliet's style: signature on one line at column 0,
# "{" alone on the next line at column 0, body ends at the next "}" at column 0.
SIG_RE = re.compile(
    r"^(?!#|typedef\b|return\b|namespace\b|using\b|extern\b|struct\b|union\b|"
    r"class\b|enum\b)[A-Za-z_][\w\s\*&:<>,]*?\b(?P<name>[A-Za-z_]\w*)\s*"
    r"\((?P<params>[^;{}]*)\)\s*(?:const\s*)?$")
DIAG_RE = re.compile(
    r"^(?P<file>.+?):(?P<line>\d+):(?P<col>\d+): (?P<sev>warning|error): "
    r"(?P<msg>.*?)(?: \[(?P<check>[^\]\s]+)\])?$")
GOOD_KEY_RE = re.compile(r"good(?:G2B|B2G)?\d*")


def die(msg):
    sys.stderr.write("run_juliet.py: error: %s\n" % msg)
    sys.exit(2)


# --------------------------------------------------------------------------
# Test-case inventory
# --------------------------------------------------------------------------

def split_family(family):
    m = FAMILY_RE.match(family)
    if not m:
        return {"type": "?", "source": "?", "sink": family}
    return m.groupdict()


def inventory(juliet, cwe):
    """All .c/.cpp files of one CWE folder, classified."""
    folder = os.path.join(juliet, "testcases", CWE_FOLDERS[cwe])
    if not os.path.isdir(folder):
        die("%s not found; extract %s from Juliet (see README.md)"
            % (folder, CWE_FOLDERS[cwe]))
    single, multi, unknown = [], collections.defaultdict(list), []
    for root, _dirs, files in os.walk(folder):
        for name in files:
            if not (name.endswith(".c") or name.endswith(".cpp")):
                continue
            path = os.path.join(root, name)
            m = NAME_RE.match(name)
            if not m:
                unknown.append(path)
                continue
            rec = {"path": path, "name": name, "family": m.group("family"),
                   "flow": m.group("flow"), "ext": m.group("ext")}
            if m.group("sub") or m.group("cls"):
                multi[(rec["family"], rec["flow"])].append(path)
            else:
                single.append(rec)
    single.sort(key=lambda r: (r["family"], r["flow"], r["name"]))
    return single, multi, sorted(unknown)


def stratified_sample(cases, n, seed):
    """Deterministic sample of n cases, spread evenly over families."""
    rng = random.Random(seed)
    by_family = collections.OrderedDict()
    for c in cases:
        by_family.setdefault(c["family"], []).append(c)
    for lst in by_family.values():
        rng.shuffle(lst)
    families = list(by_family.values())
    rng.shuffle(families)
    out = []
    i = 0
    while len(out) < n and any(i < len(l) for l in families):
        for lst in families:
            if i < len(lst) and len(out) < n:
                out.append(lst[i])
        i += 1
    out.sort(key=lambda r: (r["family"], r["flow"], r["name"]))
    return out


# --------------------------------------------------------------------------
# Running processes
# --------------------------------------------------------------------------

def run_cmd(cmd, timeout):
    """Run cmd in its own process group; kill only that group on timeout."""
    start = time.monotonic()
    try:
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE,
                                stderr=subprocess.STDOUT,
                                start_new_session=True)
    except OSError as e:
        return {"rc": None, "out": "cannot run %s: %s" % (cmd[0], e),
                "timeout": False, "seconds": 0.0}
    try:
        out, _ = proc.communicate(timeout=timeout)
        timed_out = False
    except subprocess.TimeoutExpired:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        out, _ = proc.communicate()
        timed_out = True
    return {"rc": proc.returncode, "out": out.decode("utf-8", "replace"),
            "timeout": timed_out, "seconds": time.monotonic() - start}


def compile_args(args, ext):
    std = args.cxx_std if ext == "cpp" else args.c_std
    out = ["-I" + os.path.join(args.juliet, "testcasesupport"),
           "-DINCLUDEMAIN", "-std=" + std]
    if ext == "c":
        out += ["-x", "c"]
    return out + args.extra_arg


def probe_families(args, cases):
    """Family -> (ok, reason) by compiling representative files."""
    reps = collections.OrderedDict()
    for c in cases:
        reps.setdefault(c["family"], {}).setdefault(c["ext"], c)
    jobs = [(fam, rec) for fam, d in reps.items() for rec in d.values()]

    def probe(item):
        fam, rec = item
        cmd = ([args.clang, "-fsyntax-only", "-Werror=incompatible-pointer-types"]
               + compile_args(args, rec["ext"]) + [rec["path"]])
        r = run_cmd(cmd, args.timeout)
        if r["rc"] == 0:
            return fam, None
        first = next((l for l in r["out"].splitlines() if " error: " in l),
                     r["out"].strip().splitlines()[-1] if r["out"].strip()
                     else "rc=%s" % r["rc"])
        if r["timeout"]:
            first = "timeout"
        return fam, "%s: %s" % (rec["name"], first.split(": ", 1)[-1]
                                if " error: " in first else first)

    result = {fam: None for fam in reps}
    with concurrent.futures.ThreadPoolExecutor(args.jobs) as ex:
        for fam, err in ex.map(probe, jobs):
            if err and result[fam] is None:
                result[fam] = err
    return result


# --------------------------------------------------------------------------
# Function ranges
# --------------------------------------------------------------------------

def ranges_regex(path):
    """[(start, end, name)] for Juliet-style function definitions (1-based)."""
    with open(path, encoding="latin-1") as f:
        lines = f.read().split("\n")
    out = []
    i = 0
    n = len(lines)
    while i < n - 1:
        m = SIG_RE.match(lines[i])
        if m and lines[i + 1].rstrip() == "{":
            j = i + 2
            while j < n and not lines[j].startswith("}"):
                j += 1
            out.append((i + 1, j + 1, m.group("name")))
            i = j + 1
            continue
        i += 1
    return out


LOC_RE = re.compile(r"(<[\w -]+>|/[^\s:<>,]+|line):(\d+):\d+|col:\d+")
FUNC_DECL_RE = re.compile(
    r"^[\s|`-]*(FunctionDecl|CXXMethodDecl|CXXConstructorDecl|"
    r"CXXDestructorDecl) 0x[0-9a-f]+ (?:parent 0x[0-9a-f]+ )?(?:prev 0x[0-9a-f]+ )?"
    r"<(?P<range>[^>]*(?:<[^>]*>[^>]*)*)>.*? (?:used |referenced )?"
    r"(?P<name>[~\w]+) '")


def ranges_ast(args, path, ext):
    """Function ranges from clang's text AST dump (slow, exact); used to
    validate ranges_regex (--ranges ast)."""
    cmd = ([args.clang, "-fsyntax-only", "-fno-color-diagnostics", "-Xclang",
            "-ast-dump"] + compile_args(args, ext) + [path])
    r = run_cmd(cmd, args.timeout)
    real = os.path.realpath(path)
    cur_file = None
    out = []
    for line in r["out"].splitlines():
        fm = FUNC_DECL_RE.match(line)
        range_file, range_lines = None, []
        for m in LOC_RE.finditer(line):
            tok = m.group(1)
            if tok and tok != "line" and not tok.startswith("<"):
                cur_file = tok
            if fm and m.start() >= fm.start("range") and m.end() <= fm.end("range"):
                if range_file is None:
                    range_file = cur_file
                if m.group(2) and cur_file == range_file:
                    range_lines.append(int(m.group(2)))
        if fm and range_file and range_lines and \
                os.path.realpath(range_file) == real:
            out.append((min(range_lines), max(range_lines), fm.group("name")))
    return out


def enclosing(ranges, line):
    best = None
    for start, end, name in ranges:
        if start <= line <= end and (best is None or end - start < best[1] - best[0]):
            best = (start, end, name)
    return best[2] if best else None


def role_of(name):
    if name is None:
        return "none"
    if "bad" in name:
        return "bad"
    if "good" in name:
        if name == "good" or name.endswith("_good"):
            return "good-dispatcher"
        return "good"
    return "other"


def good_key(name):
    m = GOOD_KEY_RE.search(name)
    return m.group(0) if m else name


# --------------------------------------------------------------------------
# Relevance
# --------------------------------------------------------------------------

def parse_map(specs):
    rules = []
    for spec in specs:
        if "=" not in spec:
            die("--map expects CHECK[:REGEX]=CWE[,CWE...], got %r" % spec)
        lhs, cwes = spec.rsplit("=", 1)
        check, _, rx = lhs.partition(":")
        rules.append((check, rx or None, set(x.strip() for x in cwes.split(",")
                                              if x.strip())))
    return rules


def relevant_cwes(rules, check, msg):
    for rcheck, rx, cwes in rules:
        if rcheck == check and (rx is None or re.search(rx, msg)):
            return cwes
    return set()


# --------------------------------------------------------------------------
# One file
# --------------------------------------------------------------------------

def analyse(args, cwe, rec, rules, extra_tidy=()):
    cmd = (args.tidy_cmd + ["--quiet", "--checks=" + args.checks]
           + args.tidy_arg + list(extra_tidy) + [rec["path"], "--"]
           + compile_args(args, rec["ext"]))
    r = run_cmd(cmd, args.timeout)
    real = os.path.realpath(rec["path"])
    findings, errors = [], []
    for line in r["out"].splitlines():
        m = DIAG_RE.match(line)
        if not m:
            continue
        if m.group("sev") == "error":
            errors.append(line)
            continue
        if os.path.realpath(m.group("file")) != real:
            continue
        check = m.group("check") or "?"
        findings.append({"line": int(m.group("line")), "col": int(m.group("col")),
                         "check": check, "msg": m.group("msg")})
    if r["timeout"]:
        status = "timeout"
    elif r["rc"] is None:
        status = "cannot-run"
    elif errors or "Found compiler error" in r["out"]:
        status = "parse-error"
    elif r["rc"] != 0:
        status = "crash" if r["rc"] < 0 or "Stack dump" in r["out"] else "tool-error"
    else:
        status = "ok"

    ranges = (ranges_ast(args, rec["path"], rec["ext"]) if args.ranges == "ast"
              else ranges_regex(rec["path"]))
    good_units = sorted(set(good_key(n) for _s, _e, n in ranges
                            if role_of(n) == "good"))
    bad_hit = False
    good_hit = set()
    dispatcher_hit = False
    for fnd in findings:
        fn = enclosing(ranges, fnd["line"])
        fnd["function"] = fn
        fnd["role"] = role_of(fn)
        fnd["relevant"] = cwe in relevant_cwes(rules, fnd["check"], fnd["msg"])
        if not fnd["relevant"]:
            continue
        if fnd["role"] == "bad":
            bad_hit = True
        elif fnd["role"] == "good":
            good_hit.add(good_key(fn))
        elif fnd["role"] == "good-dispatcher":
            dispatcher_hit = True
    res = {"file": os.path.relpath(rec["path"], args.juliet), "family": rec["family"],
           "flow": rec["flow"], "status": status,
           "seconds": round(r["seconds"], 3), "findings": findings,
           "bad_hit": bad_hit, "good_units": good_units,
           "good_hit": sorted(good_hit), "dispatcher_hit": dispatcher_hit,
           "bad_functions": sorted(set(n for _s, _e, n in ranges
                                       if role_of(n) == "bad"))}
    if status != "ok":
        tail = errors[:3] or r["out"].strip().splitlines()[-3:]
        res["error"] = "\n".join(tail)[:2000]
    return res


# --------------------------------------------------------------------------
# One multi-file test case (--cross-tu)
# --------------------------------------------------------------------------

def case_order(path):
    """Callees before callers: Juliet's flow runs a -> b -> ... -> e and from
    the a file into the _bad/_good class files, so those come first, then the
    lettered files from the last letter back."""
    m = NAME_RE.match(os.path.basename(path))
    return (0 if m.group("cls") else 1, -ord(m.group("sub") or "a"), path)


def analyse_case(args, cwe, key, paths, rules):
    """All files of one multi-file test case, with a summary store shared by
    them: two passes callee-first, findings from the second."""
    family, flow = key
    paths = sorted(paths, key=case_order)
    store = tempfile.mkdtemp(prefix="juliet-store-")
    config = ("--config={CheckOptions: {AppSecSummaryStore: '%s', "
              "AppSecSummaryExport: '%s'}}" % (store, store))
    per_file, status, seconds = {}, "ok", 0.0
    try:
        for _round in range(2):
            for path in paths:
                ext = "cpp" if path.endswith(".cpp") else "c"
                rec = {"path": path, "family": family, "flow": flow, "ext": ext}
                res = analyse(args, cwe, rec, rules, extra_tidy=[config])
                per_file[path] = res
                seconds += res["seconds"]
    finally:
        shutil.rmtree(store, ignore_errors=True)
    findings, bad_fns, good_units, good_hit = [], set(), set(), set()
    bad_hit = dispatcher_hit = False
    errors = []
    for path in paths:
        r = per_file[path]
        if r["status"] != "ok" and status == "ok":
            status = r["status"]
            errors.append(r.get("error", ""))
        for f in r["findings"]:
            f = dict(f, file=os.path.basename(path))
            findings.append(f)
        bad_hit |= r["bad_hit"]
        dispatcher_hit |= r["dispatcher_hit"]
        good_units.update(r["good_units"])
        good_hit.update(r["good_hit"])
        bad_fns.update(r["bad_functions"])
    res = {"file": os.path.relpath(paths[0], args.juliet), "files": len(paths),
           "family": family, "flow": flow, "status": status,
           "seconds": round(seconds, 3), "findings": findings, "bad_hit": bad_hit,
           "good_units": sorted(good_units), "good_hit": sorted(good_hit),
           "dispatcher_hit": dispatcher_hit, "bad_functions": sorted(bad_fns)}
    if errors:
        res["error"] = errors[0]
    return res


# --------------------------------------------------------------------------
# Reporting
# --------------------------------------------------------------------------

def pct(a, b):
    return "n/a" if b == 0 else "%.1f%%" % (100.0 * a / b)


def summarise(cwe, inv_single, multi, probe, selected, results):
    fam_ok = [f for f, err in probe.items() if err is None]
    linux_cases = [c for c in inv_single if probe.get(c["family"]) is None]
    statuses = collections.Counter(r["status"] for r in results)
    good_total = sum(len(r["good_units"]) for r in results)
    good_hit = sum(len(r["good_hit"]) for r in results)
    tc_fp = sum(1 for r in results if r["good_hit"] or r["dispatcher_hit"])
    tp = sum(1 for r in results if r["bad_hit"])
    no_bad_fn = sum(1 for r in results if not r["bad_functions"])
    all_f = [f for r in results for f in r["findings"]]
    multi_linux = sum(1 for (fam, _flow) in multi if probe.get(fam, "?") is None)
    flow_stats = collections.OrderedDict()
    for r in sorted(results, key=lambda r: r["flow"]):
        s = flow_stats.setdefault(r["flow"], {"cases": 0, "bad_hit": 0,
                                              "good_units": 0, "good_hit": 0})
        s["cases"] += 1
        s["bad_hit"] += int(r["bad_hit"])
        s["good_units"] += len(r["good_units"])
        s["good_hit"] += len(r["good_hit"])
    fam_stats = collections.OrderedDict()
    for r in results:
        s = fam_stats.setdefault(r["family"], {"cases": 0, "bad_hit": 0,
                                               "good_units": 0, "good_hit": 0})
        s["cases"] += 1
        s["bad_hit"] += int(r["bad_hit"])
        s["good_units"] += len(r["good_units"])
        s["good_hit"] += len(r["good_hit"])
    return {
        "cwe": "CWE-" + cwe,
        "folder": CWE_FOLDERS[cwe],
        "single_file_cases_all": len(inv_single),
        "families_all": len(probe),
        "families_linux": len(fam_ok),
        "excluded_families": {f: e for f, e in sorted(probe.items()) if e},
        "single_file_cases_linux": len(linux_cases),
        "cross_tu_cases_all": len(multi),
        "cross_tu_cases_linux_families": multi_linux,
        "selected": len(selected),
        "status": dict(statuses),
        "recall": {"hit": tp, "cases": len(results),
                   "rate": tp / len(results) if results else None},
        "fp": {"hit": good_hit, "good_variants": good_total,
               "rate": good_hit / good_total if good_total else None,
               "test_cases_with_fp": tc_fp},
        "cases_without_bad_function": no_bad_fn,
        "findings": {
            "total": len(all_f),
            "relevant": sum(1 for f in all_f if f["relevant"]),
            "relevant_by_role": dict(collections.Counter(
                f["role"] for f in all_f if f["relevant"])),
            "irrelevant_by_check": dict(collections.Counter(
                f["check"] for f in all_f if not f["relevant"])),
        },
        "seconds_total": round(sum(r["seconds"] for r in results), 1),
        "seconds_per_file": round(sum(r["seconds"] for r in results)
                                  / len(results), 3) if results else None,
        "families": fam_stats,
        "flow_variants": flow_stats,
    }


def markdown_table(summaries, cross_tu=False):
    """The results table; with cross_tu, of the multi-file test cases."""
    head = ["| CWE | %s | analysed | parse errors / timeouts / crashes | recall (bad hit) "
            "| FP rate (good variants hit) |" % (
                "multi-file test cases (Linux-parsable families)" if cross_tu
                else "Linux single-file test cases"),
            "|---|---|---|---|---|---|"]
    if not cross_tu:
        head = [head[0] + " cross-TU test cases (not run) |", head[1] + "---|"]
    rows = head
    for s in summaries:
        st = s["status"]
        row = "| %s | %d | %d | %d / %d / %d | %s (%d/%d) | %s (%d/%d) |" % (
            s["cwe"], s["cross_tu_cases_linux_families" if cross_tu else "single_file_cases_linux"],
            s["selected"], st.get("parse-error", 0), st.get("timeout", 0),
            st.get("crash", 0) + st.get("tool-error", 0) + st.get("cannot-run", 0),
            pct(s["recall"]["hit"], s["recall"]["cases"]), s["recall"]["hit"],
            s["recall"]["cases"], pct(s["fp"]["hit"], s["fp"]["good_variants"]),
            s["fp"]["hit"], s["fp"]["good_variants"])
        if not cross_tu:
            row += " %d |" % s["cross_tu_cases_linux_families"]
        rows.append(row)
    return "\n".join(rows)


def families_markdown(cwe, inv_single, multi, probe):
    """Source x sink table of single-file test cases, Linux-parsable marked."""
    counts = collections.Counter(c["family"] for c in inv_single)
    mcounts = collections.Counter(fam for (fam, _flow) in multi)
    srcs = collections.Counter()
    sinks = collections.Counter()
    out = ["#### CWE-%s (%s)" % (cwe, CWE_FOLDERS[cwe]), "",
           "| family (type_source_sink) | single-file | cross-TU | Linux-parsable |",
           "|---|---|---|---|"]
    for fam in sorted(counts):
        ok = probe.get(fam) is None
        out.append("| `%s` | %d | %d | %s |" % (fam, counts[fam], mcounts[fam],
                                             "yes" if ok else "no: " +
                                             probe[fam].replace("|", "\\|")[:140]))
        if ok:
            p = split_family(fam)
            srcs["%s %s" % (p["type"], p["source"])] += counts[fam]
            sinks["%s %s" % (p["type"], p["sink"])] += counts[fam]
    out += ["", "Linux-parsable single-file test cases by source: " +
            ", ".join("%s %d" % kv for kv in srcs.most_common()),
            "", "by sink: " + ", ".join("%s %d" % kv for kv in sinks.most_common()),
            ""]
    return "\n".join(out)


# --------------------------------------------------------------------------
# main
# --------------------------------------------------------------------------

def main(argv=None):
    ap = argparse.ArgumentParser(
        description="Score a clang-tidy-style tool on Juliet C/C++ 1.3 "
                    "(single-file test cases of CWE-78/134/23/36).")
    ap.add_argument("--juliet", default=os.environ.get("JULIET_DIR", "/work/juliet"),
                    help="Juliet root containing testcases/ and testcasesupport/ "
                         "(default: $JULIET_DIR or /work/juliet)")
    ap.add_argument("--cwe", default="78,134,23,36",
                    help="comma-separated CWE ids among %s" % ",".join(CWE_FOLDERS))
    ap.add_argument("--preset", choices=sorted(PRESETS),
                    help="csa = stock clang-tidy-19 with the CSA taint checker; "
                         "appsec = <--build>/bin/appsec-tidy with the appsec taint checks")
    ap.add_argument("--build", default="/work/main/build",
                    help="build directory for --preset appsec")
    ap.add_argument("--tidy", help="tool command (shell-split), e.g. clang-tidy-19")
    ap.add_argument("--checks", help="value for --checks=")
    ap.add_argument("--tidy-arg", action="append", default=[],
                    help="extra argument for the tool before '--' (repeatable)")
    ap.add_argument("--extra-arg", action="append", default=[],
                    help="extra compile argument after '--' (repeatable)")
    ap.add_argument("--clang", default="clang-19",
                    help="compiler for the parsability probe and --ranges ast")
    ap.add_argument("--c-std", default="gnu99")
    ap.add_argument("--cxx-std", default="c++11")
    ap.add_argument("--map", action="append", default=[],
                    help="CHECK[:REGEX]=CWE[,CWE] relevance rule, tried before "
                         "the built-in ones (repeatable)")
    ap.add_argument("-j", "--jobs", type=int, default=2)
    ap.add_argument("--timeout", type=float, default=60.0, help="seconds per file")
    sel = ap.add_mutually_exclusive_group()
    sel.add_argument("--limit", type=int, help="first N test cases per CWE (sorted)")
    sel.add_argument("--sample", type=int,
                     help="N test cases per CWE, deterministic, spread over families")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--no-probe", action="store_true",
                    help="skip the Linux-parsability probe (keep every family)")
    ap.add_argument("--ranges", choices=["regex", "ast"], default="regex",
                    help="function ranges from Juliet's regular layout (fast) or "
                         "from clang's AST dump (slow)")
    ap.add_argument("--cross-tu", action="store_true",
                    help="score the multi-file test cases instead: the files of a "
                         "case share a summary store (appsec tools' "
                         "AppSecSummaryStore/AppSecSummaryExport options)")
    ap.add_argument("--families-only", action="store_true",
                    help="print the variant-family tables and exit (no tool run)")
    ap.add_argument("--json", help="write all results to this file")
    ap.add_argument("--markdown", action="store_true",
                    help="print the result table (and family tables) as Markdown")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args(argv)

    args.juliet = os.path.abspath(args.juliet)
    if not os.path.isfile(os.path.join(args.juliet, "testcasesupport", "std_testcase.h")):
        die("%s does not look like Juliet (no testcasesupport/std_testcase.h); "
            "see test/bench/juliet/README.md" % args.juliet)
    cwes = [c.strip().upper().replace("CWE-", "").replace("CWE", "")
            for c in args.cwe.split(",") if c.strip()]
    for c in cwes:
        if c not in CWE_FOLDERS:
            die("unsupported CWE %r (supported: %s)" % (c, ", ".join(CWE_FOLDERS)))
    if args.jobs < 1:
        die("-j must be >= 1")

    preset = PRESETS.get(args.preset, {})
    tidy = args.tidy or preset.get("tidy", "").replace("{build}", args.build)
    args.checks = args.checks or preset.get("checks")
    args.tidy_arg = preset.get("tidy_args", []) + args.tidy_arg
    if not args.families_only:
        if not tidy or not args.checks:
            die("give --tidy and --checks (or --preset)")
        args.tidy_cmd = shlex.split(tidy)
        probe_run = run_cmd(args.tidy_cmd + ["--version"], 30)
        if probe_run["rc"] != 0:
            die("cannot run %r: %s" % (tidy, probe_run["out"].strip()[:300]))
        listed = run_cmd(args.tidy_cmd + ["--checks=" + args.checks, "--list-checks"]
                         + args.tidy_arg, 60)
        enabled = [l.strip() for l in listed["out"].splitlines()
                   if l.startswith("    ")]
        # clang-tidy refuses to run without a real check (clang-diagnostic-*
        # alone is not enough), so fail early with a clear message.
        if not enabled:
            die("no check enabled by --checks=%s with %s (do the checks exist in "
                "this build?)" % (args.checks, tidy))
    rules = parse_map(args.map) + DEFAULT_RELEVANCE
    if not args.families_only:
        for cwe in cwes:
            counting = sorted(set(c for c, _rx, cw in rules
                                  if cwe in cw and c in enabled))
            if not counting:
                sys.stderr.write(
                    "run_juliet.py: warning: no enabled check counts for CWE-%s "
                    "(recall will be 0 by construction); enabled: %s\n"
                    % (cwe, ", ".join(enabled[:5]) + (" ..." if len(enabled) > 5 else "")))

    started = time.monotonic()
    summaries, all_results, fam_tables = [], {}, []
    for cwe in cwes:
        inv_single, multi, unknown = inventory(args.juliet, cwe)
        if args.no_probe:
            probe = {c["family"]: None for c in inv_single}
        else:
            t0 = time.monotonic()
            probe = probe_families(args, inv_single)
            if args.verbose:
                sys.stderr.write("CWE-%s: probed %d families in %.1fs\n"
                                 % (cwe, len(probe), time.monotonic() - t0))
        fam_tables.append(families_markdown(cwe, inv_single, multi, probe))
        if args.families_only:
            continue
        cases = [c for c in inv_single if probe.get(c["family"]) is None]
        if args.cross_tu:
            cases = [{"key": k, "paths": v, "family": k[0], "flow": k[1],
                      "name": os.path.basename(sorted(v)[0])}
                     for k, v in sorted(multi.items()) if probe.get(k[0]) is None]
        if args.limit is not None:
            selected = cases[:args.limit]
        elif args.sample is not None:
            selected = stratified_sample(cases, args.sample, args.seed)
        else:
            selected = cases
        results = []
        t0 = time.monotonic()
        with concurrent.futures.ThreadPoolExecutor(args.jobs) as ex:
            futs = [ex.submit(analyse_case, args, cwe, rec["key"], rec["paths"], rules)
                    if args.cross_tu else ex.submit(analyse, args, cwe, rec, rules)
                    for rec in selected]
            for i, fut in enumerate(concurrent.futures.as_completed(futs), 1):
                res = fut.result()
                results.append(res)
                if args.verbose and (i % 50 == 0 or i == len(futs)):
                    sys.stderr.write("CWE-%s: %d/%d files, %.0fs\n"
                                     % (cwe, i, len(futs), time.monotonic() - t0))
        results.sort(key=lambda r: r["file"])
        s = summarise(cwe, inv_single, multi, probe, selected, results)
        s["wall_seconds"] = round(time.monotonic() - t0, 1)
        s["unrecognised_files"] = [os.path.relpath(u, args.juliet) for u in unknown]
        summaries.append(s)
        all_results["CWE-" + cwe] = results
        if args.cross_tu:
            sys.stderr.write("CWE-%s: multi-file test cases, ran %d; recall %s (%d/%d); FP rate "
                             "%s (%d/%d good variants); status %s; %.0fs wall\n" % (
                                 cwe, s["selected"], pct(s["recall"]["hit"], s["recall"]["cases"]),
                                 s["recall"]["hit"], s["recall"]["cases"],
                                 pct(s["fp"]["hit"], s["fp"]["good_variants"]), s["fp"]["hit"],
                                 s["fp"]["good_variants"], s["status"], s["wall_seconds"]))
            continue
        sys.stderr.write(
            "CWE-%s: %d Linux single-file test cases (of %d), ran %d; recall %s "
            "(%d/%d); FP rate %s (%d/%d good variants); status %s; cross-TU "
            "test cases not run: %d in Linux-parsable families (%d in all); "
            "%.0fs wall\n" % (
                cwe, s["single_file_cases_linux"], s["single_file_cases_all"],
                s["selected"], pct(s["recall"]["hit"], s["recall"]["cases"]),
                s["recall"]["hit"], s["recall"]["cases"],
                pct(s["fp"]["hit"], s["fp"]["good_variants"]), s["fp"]["hit"],
                s["fp"]["good_variants"], s["status"],
                s["cross_tu_cases_linux_families"], s["cross_tu_cases_all"],
                s["wall_seconds"]))

    if args.families_only:
        print("\n".join(fam_tables))
        return 0
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"juliet": args.juliet, "tool": args.tidy_cmd,
                       "checks": args.checks, "tidy_args": args.tidy_arg,
                       "extra_args": args.extra_arg, "c_std": args.c_std,
                       "cxx_std": args.cxx_std, "ranges": args.ranges,
                       "selection": {"limit": args.limit, "sample": args.sample,
                                     "seed": args.seed},
                       "tool_version": probe_run["out"].strip(),
                       "date": time.strftime("%Y-%m-%d"),
                       "wall_seconds": round(time.monotonic() - started, 1),
                       "summaries": summaries, "results": all_results},
                      f, indent=1)
    if args.markdown:
        print(markdown_table(summaries, args.cross_tu))
    else:
        for s in summaries:
            print(json.dumps({k: v for k, v in s.items()
                              if k not in ("families", "excluded_families")}))
    bad_status = sum(v for s in summaries for k, v in s["status"].items()
                     if k in ("crash", "tool-error", "cannot-run"))
    return 1 if bad_status else 0


if __name__ == "__main__":
    sys.exit(main())
