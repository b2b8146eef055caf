#!/usr/bin/env python3
"""Cost of the summary store and of an incremental re-scan on a real project.

Not a ctest (minutes of CPU per scan). Python 3 standard library only. On one
compile_commands.json, runs in turn:

  single     appsec-scan --single-tu                    (each unit alone)
  cold       appsec-scan --summaries=<new dir> --full   (two phases: rounds of the store)
  warm       appsec-scan --summaries=<same dir>         (nothing changed)
  leaf       the same, after appending a comment to --touch FILE

and prints, per run, the wall time, the CPU time of appsec-scan and all its
workers (getrusage(RUSAGE_CHILDREN)), the units scanned (first round and
later rounds) and the number of findings. --touch is restored afterwards.

  python3 test/bench/incremental_bench.py --scan build/bin/appsec-scan \\
      -p /work/bench/poco --touch /work/bench/poco/Net/src/FTPStreamFactory.cpp
"""
import argparse
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time


def cpu_children():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def run(label, cmd):
    c0, t0 = cpu_children(), time.time()
    p = subprocess.run(cmd, capture_output=True, text=True)
    wall, cpu = time.time() - t0, cpu_children() - c0
    err = p.stderr
    m = re.search(r"appsec-scan: (\d+) translation units? \((\d+) failed\), (\d+) findings?", err)
    units, failed, findings = (int(m.group(i)) for i in (1, 2, 3)) if m else (0, 0, -1)
    reused = re.search(r"(\d+) unchanged units? from the last scan", err)
    reused = int(reused.group(1)) if reused else 0
    again = re.search(r"rounds \((\d+) units scanned again\)", err)
    again = int(again.group(1)) if again else 0
    return {"run": label, "wall_s": round(wall, 1), "cpu_s": round(cpu, 1), "units": units,
            "failed": failed, "scanned_round1": units - reused, "scanned_later": again,
            "reused": reused, "findings": findings, "status": p.returncode,
            "tail": err.strip().splitlines()[-1] if err.strip() else ""}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--scan", required=True)
    ap.add_argument("-p", dest="db", required=True, help="directory of compile_commands.json")
    ap.add_argument("--touch", required=True, help="a source file to change for the leaf run")
    ap.add_argument("--checks", default="appsec-*")
    ap.add_argument("-j", dest="jobs", default="2")
    ap.add_argument("--json", help="write the rows here too")
    a = ap.parse_args()
    store = tempfile.mkdtemp(prefix="appsec-bench-store-")
    base = [a.scan, "-p", a.db, "--checks=" + a.checks, "-j" + a.jobs, "--text=" + os.devnull,
            "--fail-on=none", "--ignore-failed-tus"]
    rows = [run("single", base + ["--single-tu"]),
            run("cold", base + ["--summaries=" + store, "--full"]),
            run("warm", base + ["--summaries=" + store])]
    with open(a.touch) as f:
        original = f.read()
    try:
        with open(a.touch, "a") as f:
            f.write("\n// touched by incremental_bench.py\n")
        rows.append(run("leaf", base + ["--summaries=" + store]))
    finally:
        with open(a.touch, "w") as f:
            f.write(original)
    shutil.rmtree(store, ignore_errors=True)
    print("| run | wall s | CPU s | units | scanned (round 1 + later) | reused | findings |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        print(f"| {r['run']} | {r['wall_s']} | {r['cpu_s']} | {r['units']} | "
              f"{r['scanned_round1']} + {r['scanned_later']} | {r['reused']} | {r['findings']} |")
    if a.json:
        with open(a.json, "w") as f:
            json.dump(rows, f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
