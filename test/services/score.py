#!/usr/bin/env python3
"""Scores appsec-scan on the corpus of small services in test/services.

Each directory under test/services is one service: its .cpp files are its
translation units, compiled with the flags below plus the service's own
compile_flags.txt. A line a reviewer would report carries a marker at its end:

    std::system(cmd.c_str()); // expect: appsec-command-injection

The scorer scans every service with appsec-scan (two phases, the summary store,
as users run it), matches findings to markers by (file, line, check) and prints
recall and precision per check. known.json lists, with a reason each, the
markers the tool misses and the findings that are wrong today. The run fails when
what the tool does differs from that record either way: a marker missed or a
finding made that known.json does not list (a regression), or a listed miss now
found or a listed false positive gone (an improvement to record, so the figures
in docs/benchmarks.md stay true). Also when a unit does not compile.

Usage:
  score.py --scan <appsec-scan> --work <dir> [--only <service>] [-j N]
           [--write-known]   # rewrite known.json from this run, keeping reasons
"""
import argparse
import concurrent.futures
import json
import os
import re
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
MOCKS = os.path.normpath(os.path.join(HERE, "..", "mocks"))
BASE_FLAGS = ["-std=c++17", "-I" + MOCKS, "-I/usr/include/postgresql", "-I/usr/include/mariadb"]
MARKER = re.compile(r"//\s*expect:\s*(appsec-[a-z-]+(?:\s*,\s*appsec-[a-z-]+)*)\s*$")
SOURCE_EXT = (".cpp", ".cc", ".cxx", ".c")
HEADER_EXT = (".h", ".hpp", ".hh")


def services(root, only):
    names = sorted(d for d in os.listdir(root)
                   if os.path.isdir(os.path.join(root, d)) and not d.startswith("."))
    if only:
        names = [n for n in names if n in only]
    return names


def files_of(svc_dir, exts):
    out = []
    for base, _, names in os.walk(svc_dir):
        for n in names:
            if n.endswith(exts):
                out.append(os.path.relpath(os.path.join(base, n), svc_dir))
    return sorted(out)


def markers(svc_dir):
    expected = set()
    for rel in files_of(svc_dir, SOURCE_EXT + HEADER_EXT):
        with open(os.path.join(svc_dir, rel), encoding="utf-8") as f:
            for no, line in enumerate(f, 1):
                m = MARKER.search(line)
                if m:
                    for check in m.group(1).split(","):
                        expected.add((rel, no, check.strip()))
    return expected


def scan(tool, svc, svc_dir, work):
    """Scans one service; returns (findings, failures) with paths relative to it."""
    root = os.path.join(work, svc)
    shutil.rmtree(root, ignore_errors=True)
    build = os.path.join(root, "build")
    os.makedirs(build)
    flags = list(BASE_FLAGS) + ["-I" + svc_dir]
    extra = os.path.join(svc_dir, "compile_flags.txt")
    if os.path.exists(extra):
        with open(extra) as f:
            flags += [l.strip() for l in f if l.strip() and not l.startswith("#")]
    db = []
    for rel in files_of(svc_dir, SOURCE_EXT):
        path = os.path.join(svc_dir, rel)
        compiler = "/usr/bin/cc" if rel.endswith(".c") else "/usr/bin/c++"
        unit_flags = [f for f in flags if not (rel.endswith(".c") and f.startswith("-std=c++"))]
        db.append({"directory": build, "file": path,
                   "arguments": [compiler, *unit_flags, "-c", path,
                                 "-o", os.path.join(build, rel.replace("/", "_") + ".o")]})
    with open(os.path.join(build, "compile_commands.json"), "w") as f:
        json.dump(db, f, indent=1)
    out = os.path.join(root, "findings.json")
    cmd = [tool, "-p", build, "-j", "1", "--quiet", "--fail-on=none", "--json=" + out,
           "--source-root=" + svc_dir, "--summaries=" + os.path.join(root, "store"),
           "--header-filter=^" + re.escape(svc_dir + os.sep)]
    p = subprocess.run(cmd, capture_output=True, text=True, timeout=1200)
    if p.returncode not in (0, 1):
        return None, [f"appsec-scan exited {p.returncode}: {p.stderr.strip()[-2000:]}"]
    with open(out) as f:
        doc = json.load(f)
    found = {(x["file"], x["line"], x["check"]): x["message"] for x in doc["findings"]}
    failures = [f"{x['translationUnit']}: {x['reason']}: "
                + "; ".join(f"{e['file']}:{e['line']}: {e['message']}" for e in x.get("errors", [])[:3])
                for x in doc.get("failures", [])]
    return found, failures


def key(svc, file, line, check):
    return (svc, file, line, check)


def load_known(path):
    if not os.path.exists(path):
        return {}, {}
    with open(path) as f:
        doc = json.load(f)
    def table(name):
        return {key(e["service"], e["file"], e["line"], e["check"]): e.get("reason", "")
                for e in doc.get(name, [])}
    return table("misses"), table("falsePositives")


def write_known(path, misses, fps, old_misses, old_fps, messages):
    old_messages = {}
    if os.path.exists(path):  # findings of services this run did not scan
        with open(path) as f:
            old_messages = {key(e["service"], e["file"], e["line"], e["check"]): e.get("message", "")
                            for e in json.load(f).get("falsePositives", [])}
    def rows(keys, old, with_message):
        out = []
        for k in sorted(keys):
            row = {"service": k[0], "file": k[1], "line": k[2], "check": k[3],
                   "reason": old.get(k, "")}
            if with_message:
                row["message"] = messages.get(k, old_messages.get(k, ""))
            out.append(row)
        return out
    with open(path, "w") as f:
        json.dump({"misses": rows(misses, old_misses, False),
                   "falsePositives": rows(fps, old_fps, True)}, f, indent=1)
        f.write("\n")


def ratio(a, b):
    return f"{a / b:.2f}" if b else "  - "


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--scan", required=True)
    ap.add_argument("--work", required=True)
    ap.add_argument("--services", default=HERE)
    ap.add_argument("--known", default=os.path.join(HERE, "known.json"))
    ap.add_argument("--only", action="append")
    ap.add_argument("-j", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--write-known", action="store_true")
    args = ap.parse_args()

    names = services(args.services, args.only)
    if not names:
        print("no services found", file=sys.stderr)
        return 2
    os.makedirs(args.work, exist_ok=True)
    expected, found, messages, problems = set(), set(), {}, []
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.j) as pool:
        jobs = {n: pool.submit(scan, args.scan, n, os.path.join(args.services, n), args.work)
                for n in names}
        for n in names:
            svc_dir = os.path.join(args.services, n)
            expected |= {key(n, *m) for m in markers(svc_dir)}
            got, failures = jobs[n].result()
            problems += [f"{n}: {x}" for x in failures]
            for (file, line, check), msg in (got or {}).items():
                k = key(n, file, line, check)
                found.add(k)
                messages[k] = msg

    hits, misses, fps = expected & found, expected - found, found - expected
    checks = sorted({k[3] for k in expected | found})
    print(f"{'check':40} {'TP':>4} {'FN':>4} {'FP':>4}  recall precision")
    for c in checks + ["all"]:
        pick = (lambda s: s) if c == "all" else (lambda s, c=c: {k for k in s if k[3] == c})
        tp, fn, fp = len(pick(hits)), len(pick(misses)), len(pick(fps))
        print(f"{c:40} {tp:4} {fn:4} {fp:4}  {ratio(tp, tp + fn):>6} {ratio(tp, tp + fp):>9}")
    print(f"{len(names)} services, {len(expected)} expected findings")

    all_misses, all_fps = load_known(args.known)
    old_misses, old_fps = all_misses, all_fps
    if args.only:  # a partial run only judges its own services
        old_misses = {k: v for k, v in all_misses.items() if k[0] in args.only}
        old_fps = {k: v for k, v in all_fps.items() if k[0] in args.only}
    if args.write_known:
        others = lambda t: {k for k in t if args.only and k[0] not in args.only}
        write_known(args.known, misses | others(all_misses), fps | others(all_fps),
                    all_misses, all_fps, messages)
        print(f"wrote {args.known}")
    errors = list(problems)
    for k in sorted(misses - old_misses.keys()):
        errors.append(f"missed, not in known.json: {k[0]}/{k[1]}:{k[2]} {k[3]}")
    for k in sorted(fps - old_fps.keys()):
        errors.append(f"false positive, not in known.json: {k[0]}/{k[1]}:{k[2]} {k[3]}: {messages[k]}")
    for k in sorted(old_misses.keys() - misses):
        errors.append(f"known miss now found (update known.json): {k[0]}/{k[1]}:{k[2]} {k[3]}")
    for k in sorted(old_fps.keys() - fps):
        errors.append(f"known false positive gone (update known.json): {k[0]}/{k[1]}:{k[2]} {k[3]}")
    for k, reason in sorted({**old_misses, **old_fps}.items()):
        if not reason.strip() and not args.write_known:
            errors.append(f"known.json entry without a reason: {k[0]}/{k[1]}:{k[2]} {k[3]}")
    for e in errors:
        print("FAIL: " + e)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
