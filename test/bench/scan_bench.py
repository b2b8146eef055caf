#!/usr/bin/env python3
"""Wall time of a whole-project scan: appsec-scan vs run-clang-tidy-19 --load.

Not a ctest (it needs Juliet and minutes of CPU). Python 3 standard library
only. Builds a compile_commands.json for N single-file Juliet C/C++ 1.3 test
cases from Linux-parsable families (the same compile arguments as
juliet/run_juliet.py), then times, on the same database and checks:

  appsec-scan  -p <db> --checks=<checks> -j1 / -j2 ... --text=<file> --quiet
  run-clang-tidy-19 -p <db> -checks=-*,<checks> -load <build>/lib/AppSecTidyModule.so -j2 -quiet

and prints a Markdown table (with the load average before each run) and the
number of warnings each produced (they must agree: the same work was done).

  python3 test/bench/scan_bench.py --build build [--units 240] [--reps 2]

Juliet is never part of this repository: see juliet/README.md.
"""
import argparse
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.dont_write_bytecode = True
sys.path.insert(0, os.path.join(HERE, "juliet"))
import run_juliet  # noqa: E402

# Families that compile on Linux (see docs/benchmarks.md, "Linux-parsable").
PICK = [
    # (CWE, family regex, share of the units)
    ("78", r"^char_(connect_socket|listen_socket|console|environment|file)_(system|popen|execl|execlp)$", 0.5),
    ("134", r"^char_(connect_socket|listen_socket|console|environment|file)_(printf|fprintf|snprintf)$", 0.25),
    ("23", r"^char_(connect_socket|listen_socket|console|environment|file)_(fopen|open|ifstream|ofstream)$", 0.25),
]


def select_units(juliet, total, seed):
    units = []
    for cwe, rx, share in PICK:
        single, _, _ = run_juliet.inventory(juliet, cwe)
        cases = [c for c in single if re.match(rx, c["family"])]
        n = round(total * share) if cwe != PICK[-1][0] else total - len(units)
        units += run_juliet.stratified_sample(cases, n, seed)
    return units


def write_db(juliet, units, work):
    entries = []
    for u in units:
        std = "c++11" if u["ext"] == "cpp" else "gnu99"
        args = ["/usr/bin/clang-19", "-I" + os.path.join(juliet, "testcasesupport"), "-DINCLUDEMAIN",
                "-std=" + std] + (["-x", "c"] if u["ext"] == "c" else []) + ["-c", u["path"], "-o",
                                                                              os.path.join(work, "o", u["name"] + ".o")]
        entries.append({"directory": os.path.dirname(u["path"]), "file": u["path"], "arguments": args})
    with open(os.path.join(work, "compile_commands.json"), "w") as f:
        json.dump(entries, f, indent=1)


def timed(cmd, out_path):
    load = os.getloadavg()[0]
    r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.monotonic()
    with open(out_path, "w") as out:
        p = subprocess.run(cmd, stdout=out, stderr=subprocess.STDOUT)
    secs = time.monotonic() - t0
    r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    # CPU time of the tool and all its processes: less sensitive to load than wall time.
    cpu = (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)
    with open(out_path, errors="replace") as f:
        text = f.read()
    warnings = len(re.findall(r"^\S.*:\d+:\d+: warning: .*\[appsec-[\w-]+\]$", text, re.M))
    return {"cmd": cmd, "rc": p.returncode, "seconds": secs, "cpu": cpu, "load_before": load,
            "load_after": os.getloadavg()[0], "warnings": warnings}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", required=True, help="build directory with bin/appsec-scan and lib/AppSecTidyModule.so")
    ap.add_argument("--juliet", default=os.environ.get("JULIET_DIR", "/work/juliet"))
    ap.add_argument("--work", default="/tmp/appsec-scan-bench")
    ap.add_argument("--units", type=int, default=240)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--reps", type=int, default=1)
    ap.add_argument("--checks", default="appsec-*")
    ap.add_argument("--run-clang-tidy", default="run-clang-tidy-19")
    ap.add_argument("--clang-tidy", default="clang-tidy-19")
    ap.add_argument("--configs", default="scan-j1,scan-j2,rct-j1,rct-j2")
    ap.add_argument("--json", help="write the raw results here")
    a = ap.parse_args()
    build = os.path.abspath(a.build)
    scan = os.path.join(build, "bin", "appsec-scan")
    plugin = os.path.join(build, "lib", "AppSecTidyModule.so")
    for p in (scan, plugin):
        if not os.path.exists(p):
            run_juliet.die(f"{p} not found; build appsec-scan and AppSecTidyModule")
    shutil.rmtree(a.work, ignore_errors=True)
    os.makedirs(os.path.join(a.work, "o"))
    units = select_units(a.juliet, a.units, a.seed)
    write_db(a.juliet, units, a.work)
    langs = {"c": sum(u["ext"] == "c" for u in units), "cpp": sum(u["ext"] == "cpp" for u in units)}
    print(f"{len(units)} translation units ({langs['c']} C, {langs['cpp']} C++), checks {a.checks}",
          file=sys.stderr)
    configs = {
        "scan-j1": [scan, "-p", a.work, "--checks=" + a.checks, "-j1", "--text=-", "--quiet"],
        "scan-j2": [scan, "-p", a.work, "--checks=" + a.checks, "-j2", "--text=-", "--quiet"],
        "rct-j1": [a.run_clang_tidy, "-p", a.work, "-clang-tidy-binary", a.clang_tidy,
                   "-checks=-*," + a.checks, "-load", plugin, "-j", "1", "-quiet"],
        "rct-j2": [a.run_clang_tidy, "-p", a.work, "-clang-tidy-binary", a.clang_tidy,
                   "-checks=-*," + a.checks, "-load", plugin, "-j", "2", "-quiet"],
    }
    results = []
    for rep in range(a.reps):
        for name in a.configs.split(","):
            r = timed(configs[name], os.path.join(a.work, f"{name}.{rep}.out"))
            r["config"] = name
            results.append(r)
            print(f"{name} rep {rep + 1}: {r['seconds']:.1f} s wall, {r['cpu']:.1f} s CPU (load "
                  f"{r['load_before']:.2f} before, {r['load_after']:.2f} after), rc {r['rc']}, "
                  f"{r['warnings']} warnings", file=sys.stderr)
    if a.json:
        with open(a.json, "w") as f:
            json.dump({"units": len(units), "languages": langs, "results": results}, f, indent=1)
    print("| configuration | runs: wall time (1-min load average before) | best wall | CPU (best run) | warnings |")
    print("|---|---|---|---|---|")
    for name in a.configs.split(","):
        rs = [r for r in results if r["config"] == name]
        runs = ", ".join(f"{r['seconds']:.1f} s ({r['load_before']:.1f})" for r in rs)
        best = min(rs, key=lambda r: r["seconds"])
        print(f"| `{name}` | {runs} | {best['seconds']:.1f} s | {best['cpu']:.1f} s | "
              f"{sorted({r['warnings'] for r in rs})} |")

if __name__ == "__main__":
    main()
