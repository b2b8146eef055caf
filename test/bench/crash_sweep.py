#!/usr/bin/env python3
"""Runs every appsec check over many source files and reports crashes and time.

Not a test (no ground truth): a robustness sweep. A file that does not compile
is fine; what counts is a crash (a signal, an LLVM stack dump, an assertion), a
run past --timeout, and the slowest files.

  crash_sweep.py --tidy build/bin/appsec-tidy [--checks 'appsec-*'] \
      [--sample N] [--timeout S] [-j J] [--extra-arg ARG ...] ROOT...

ROOT: directories searched for *.c, *.cc, *.cpp files (sorted; every Nth kept
with --sample N). Output: one line per problem, then a JSON summary on the
last line (files, crashes, timeouts, compile errors, total seconds, the 20
slowest files).
"""
import argparse
import concurrent.futures
import json
import os
import subprocess
import sys
import time


def sources(roots, sample):
    files = []
    for root in roots:
        for d, _, names in os.walk(root):
            for n in names:
                if n.endswith((".c", ".cc", ".cpp")):
                    files.append(os.path.join(d, n))
    files.sort()
    return files[::sample] if sample > 1 else files


def run(tidy, checks, extra, timeout, path):
    lang = ["-std=c11"] if path.endswith(".c") else ["-std=c++17"]
    cmd = [tidy, "--checks=-*," + checks, "--quiet", path, "--"] + lang + extra
    start = time.monotonic()
    try:
        p = subprocess.run(cmd, capture_output=True, text=True, errors="replace", timeout=timeout)
    except subprocess.TimeoutExpired:
        return {"file": path, "status": "timeout", "seconds": timeout}
    secs = time.monotonic() - start
    out = p.stdout + p.stderr
    if p.returncode < 0 or "Stack dump" in out or "Assertion" in out or \
            "PLEASE submit a bug report" in out:
        status = "crash"
    elif " error: " in out:
        status = "compile-error"
    else:
        status = "ok"
    res = {"file": path, "status": status, "seconds": round(secs, 3), "rc": p.returncode}
    if status == "crash":
        res["tail"] = out[-2000:]
    return res


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--tidy", required=True)
    ap.add_argument("--checks", default="appsec-*")
    ap.add_argument("--sample", type=int, default=1)
    ap.add_argument("--timeout", type=float, default=120)
    ap.add_argument("-j", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--extra-arg", action="append", default=[])
    ap.add_argument("roots", nargs="+")
    args = ap.parse_args()
    files = sources(args.roots, args.sample)
    results = []
    start = time.monotonic()
    with concurrent.futures.ThreadPoolExecutor(args.j) as pool:
        for res in pool.map(lambda f: run(args.tidy, args.checks, args.extra_arg, args.timeout, f),
                            files):
            results.append(res)
            if res["status"] in ("crash", "timeout"):
                print(json.dumps(res), flush=True)
    count = {}
    for r in results:
        count[r["status"]] = count.get(r["status"], 0) + 1
    slowest = sorted(results, key=lambda r: -r["seconds"])[:20]
    print(json.dumps({"files": len(results), "status": count,
                      "wall_seconds": round(time.monotonic() - start, 1),
                      "slowest": [(r["file"], r["seconds"]) for r in slowest]}))
    return 1 if count.get("crash") or count.get("timeout") else 0


if __name__ == "__main__":
    sys.exit(main())
