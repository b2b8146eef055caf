#!/usr/bin/env python3
"""Runs every appsec check over many source files and reports crashes and time.

Not a test (no ground truth): a robustness sweep. A file that does not compile
is fine; what counts is a crash (a signal, an LLVM stack dump, an assertion), a
run past --timeout, and the slowest files.

  crash_sweep.py --tidy build/bin/appsec-tidy [--checks 'appsec-*'] \
      [--sample N] [--timeout S] [-j J] [--extra-arg ARG ...] \
      [--ext EXT ...] [--exclude SUBSTR ...] [--manifest FILE] \
      [--json-out FILE] [--results-out FILE] [--progress FILE] [ROOT...]

ROOT: directories searched for translation units (*.c, *.cc, *.cpp, *.cxx and
any --ext; headers are not run on their own), sorted; every Nth kept with
--sample N. A path containing an --exclude substring is skipped.

--manifest FILE: a JSON file for a sweep over several projects, each with its
own roots and compiler flags (include dirs, -std, -D), run after the global
--extra-arg ones, and appsec-tidy options ("tidy_args", before the "--"):
  {"projects": [{"name": "crow", "roots": ["/src/crow/examples"],
                 "args": ["-I/src/crow/include"], "exclude": ["/fuzz/"],
                 "tidy_args": ["--extra-arg=-U__clang_analyzer__"],
                 "sample": 1}]}
(clang-tidy defines __clang_analyzer__ after the compile flags, so undefining
it, which some headers need to compile, takes --extra-arg.)
Bare ROOTs on the command line form one more project named "roots".

Every run turns the checks' ReportBudgetExhaustion option on, so a function
whose analysis stopped at its work budget is counted ("over_budget").

Output: one line per problem (a JSON object), then a JSON summary on the last
line: files, status counts, the files with a function over budget, wall seconds, file_seconds (the per-file times
added up), per-project counts and seconds, the 20 slowest files. --json-out writes that
summary to a file too; --results-out writes every file's result (status,
seconds, the first compile error, the crash text), which says why files did
not compile. --progress FILE appends each file's result as it finishes (one
JSON object per line) and, when FILE exists, skips the files it already
holds and counts their results in the summary: a sweep of all of Juliet
(about 100,000 files, hours on two cores) can stop and go on later.
"""
import argparse
import concurrent.futures
import json
import os
import re
import subprocess
import sys
import time

TU_EXTS = (".c", ".cc", ".cpp", ".cxx")
# LLVM prints these on a crash, an llvm_unreachable or a report_fatal_error;
# glibc's assert() prints the last one. Matched on the whole output, since a
# quoted source line could contain a plain "Assertion".
# The remark ReportBudgetExhaustion turns on (checks/EngineClient.cpp): a
# function whose analysis gave up, so its findings may be missing.
BUDGET_RE = re.compile(r"stopped at its work budget")
CRASH_RE = re.compile(r"Stack dump:|PLEASE submit a bug report|LLVM ERROR:|"
                      r"UNREACHABLE executed|Assertion `.*' failed")
ERROR_RE = re.compile(r"^(.*?:\d+:\d+: (?:fatal )?error: .*)$", re.M)


def sources(roots, sample, exts, exclude):
    files = []
    for root in roots:
        for d, _, names in os.walk(root):
            for n in names:
                path = os.path.join(d, n)
                if n.endswith(exts) and not any(x in path for x in exclude):
                    files.append(path)
    files = sorted(set(files))
    return files[::sample] if sample > 1 else files


BUDGET_CONFIG = "--config={CheckOptions: {ReportBudgetExhaustion: true}}"


def run(tidy, checks, tidy_args, extra, timeout, path):
    lang = ["-std=c11"] if path.endswith(".c") else ["-std=c++17"]
    cmd = ([tidy, "--checks=-*," + checks, "--quiet", BUDGET_CONFIG] + tidy_args +
           [path, "--"] + lang + extra)
    start = time.monotonic()
    try:
        p = subprocess.run(cmd, capture_output=True, text=True, errors="replace", timeout=timeout)
    except subprocess.TimeoutExpired:
        return {"file": path, "status": "timeout", "seconds": timeout, "cmd": cmd}
    secs = time.monotonic() - start
    out = p.stdout + p.stderr
    crash = CRASH_RE.search(out)
    errors = ERROR_RE.findall(out)
    if p.returncode < 0 or crash:
        status = "crash"
    elif errors or " error: " in out:
        status = "compile-error"
    else:
        status = "ok"
    res = {"file": path, "status": status, "seconds": round(secs, 3), "rc": p.returncode}
    budgets = len(BUDGET_RE.findall(out))
    if budgets:
        res["over_budget"] = budgets
    if status == "crash":
        at = crash.start() if crash else max(0, len(out) - 2000)
        res["tail"] = out[max(0, at - 1000):at + 8000]
        res["cmd"] = cmd
    elif status == "compile-error":
        res["errors"] = len(errors)
        res["first_error"] = errors[0][:400] if errors else ""
    return res


def load_projects(args):
    projects = []
    if args.manifest:
        with open(args.manifest) as f:
            for p in json.load(f)["projects"]:
                projects.append({"name": p["name"], "roots": p["roots"],
                                 "args": p.get("args", []), "exclude": p.get("exclude", []),
                                 "tidy_args": p.get("tidy_args", []),
                                 "sample": p.get("sample", args.sample)})
    if args.roots:
        projects.append({"name": "roots", "roots": args.roots, "args": [], "tidy_args": [],
                         "exclude": [], "sample": args.sample})
    return projects


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--tidy", required=True)
    ap.add_argument("--checks", default="appsec-*")
    ap.add_argument("--sample", type=int, default=1)
    ap.add_argument("--timeout", type=float, default=120)
    ap.add_argument("-j", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--extra-arg", action="append", default=[])
    ap.add_argument("--ext", action="append", default=[],
                    help="one more file ending taken as a translation unit")
    ap.add_argument("--exclude", action="append", default=[],
                    help="skip paths containing this substring")
    ap.add_argument("--manifest", help="JSON file of projects with their own roots and flags")
    ap.add_argument("--json-out", help="also write the summary here")
    ap.add_argument("--results-out", help="write every file's result here")
    ap.add_argument("--progress", help="append each result here as it finishes; resume from it")
    ap.add_argument("roots", nargs="*")
    args = ap.parse_args()
    projects = load_projects(args)
    if not projects:
        ap.error("give ROOTs or --manifest")
    exts = TU_EXTS + tuple(args.ext)
    jobs = []
    for p in projects:
        for f in sources(p["roots"], p["sample"], exts, args.exclude + p["exclude"]):
            jobs.append((p["name"], f, p["tidy_args"], args.extra_arg + p["args"]))
    results = []
    progress = None
    if args.progress:
        if os.path.exists(args.progress):
            with open(args.progress) as f:
                for line in f:
                    if line.strip():
                        results.append(json.loads(line))
            done = {r["file"] for r in results}
            jobs = [j for j in jobs if j[1] not in done]
        progress = open(args.progress, "a")
    start = time.monotonic()
    with concurrent.futures.ThreadPoolExecutor(args.j) as pool:
        for (name, *_), res in zip(jobs, pool.map(
                lambda j: run(args.tidy, args.checks, j[2], j[3], args.timeout, j[1]), jobs)):
            res["project"] = name
            results.append(res)
            if progress:
                progress.write(json.dumps(res) + "\n")
                progress.flush()
            if res["status"] in ("crash", "timeout"):
                print(json.dumps(res), flush=True)
    count, per = {}, {}
    for r in results:
        count[r["status"]] = count.get(r["status"], 0) + 1
        pc = per.setdefault(r["project"], {"files": 0, "status": {}, "seconds": 0.0})
        pc["files"] += 1
        pc["status"][r["status"]] = pc["status"].get(r["status"], 0) + 1
        pc["seconds"] = round(pc["seconds"] + r["seconds"], 3)
    slowest = sorted(results, key=lambda r: -r["seconds"])[:20]
    over = [(r["file"], r["over_budget"]) for r in results if r.get("over_budget")]
    summary = {"files": len(results), "status": count,
               "over_budget": {"files": len(over), "functions": sum(n for _, n in over),
                               "list": over[:50]},
               "wall_seconds": round(time.monotonic() - start, 1),
               "file_seconds": round(sum(r["seconds"] for r in results), 1),
               "projects": per,
               "slowest": [(r["file"], r["seconds"]) for r in slowest]}
    if args.json_out:
        with open(args.json_out, "w") as f:
            json.dump(summary, f, indent=1)
    if args.results_out:
        with open(args.results_out, "w") as f:
            json.dump(results, f, indent=1)
    print(json.dumps(summary))
    return 1 if count.get("crash") or count.get("timeout") else 0


if __name__ == "__main__":
    sys.exit(main())
