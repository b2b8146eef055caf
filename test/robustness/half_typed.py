#!/usr/bin/env python3
"""Half-typed code: every appsec check on cut-off copies of the lit inputs.

What clangd sees while a user types is rarely valid C++. For each input of
test/checks, this writes variants cut at several points (mid-line, so
mid-expression; after an opening brace, so braces stay unbalanced), and one
with its first #include removed, then runs appsec-tidy with all appsec checks
on each, and appsec-clangd --check on the middle cut of each (all appsec
checks enabled by a .clangd file, as in an editor). A variant may fail to
compile; it must not crash (signal, LLVM stack dump, assertion) nor run past
the time limit (--timeout, 60 s, per run; --clangd-timeout, 120 s, per
appsec-clangd run, which also builds the preamble and tests editor features
at every token).

clangd's --check-tidy-time is not used here: it builds the AST again for
every check and repeats each until its timing settles, minutes on an input
that includes heavy headers; that measurement is test/bench's business.

  half_typed.py --tidy BIN --clangd BIN --checks-dir test/checks --work DIR [-j N]
"""
import argparse
import concurrent.futures
import os
import re
import subprocess
import sys

CRASH = re.compile(r"Stack dump|PLEASE submit a bug report|Assertion .* failed")


def variants(text):
    """(name, text) pairs: cuts at 1/5 .. 4/5 of the file, mid-line, then the
    first #include dropped."""
    out = []
    lines = text.splitlines(keepends=True)
    for k in (1, 2, 3, 4):
        i = len(lines) * k // 5
        if i >= len(lines):
            continue
        line = lines[i]
        # Mid-line: inside whatever expression the line holds.
        cut = "".join(lines[:i]) + line[: max(1, len(line) // 2)]
        out.append(("cut%d" % k, cut))
    # After the last '{' of the middle third: an open body, nothing closed.
    middle = "".join(lines[: len(lines) * 2 // 3])
    brace = middle.rfind("{")
    if brace > 0:
        out.append(("open-brace", middle[: brace + 1] + "\n  int x = \n"))
    without = re.sub(r"^#\s*include[^\n]*\n", "", text, count=1, flags=re.M)
    if without != text:
        out.append(("no-include", without))
    return out


def run(cmd, timeout):
    try:
        p = subprocess.run(cmd, capture_output=True, text=True, errors="replace", timeout=timeout)
    except subprocess.TimeoutExpired:
        return "timeout", ""
    out = p.stdout + p.stderr
    if p.returncode < 0 or CRASH.search(out):
        return "crash", out[-3000:]
    return "ok", ""


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tidy", required=True)
    ap.add_argument("--clangd", required=True)
    ap.add_argument("--checks-dir", required=True)
    ap.add_argument("--work", required=True)
    ap.add_argument("-j", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--timeout", type=float, default=60)
    ap.add_argument("--clangd-timeout", type=float, default=120)
    args = ap.parse_args()
    # The detector itself must see a crash, or this test could never fail.
    if run(["sh", "-c", "kill -SEGV $$"], args.timeout)[0] != "crash":
        print("half-typed: the crash detector does not see a SIGSEGV")
        return 1
    os.makedirs(args.work, exist_ok=True)
    mocks = os.path.join(os.path.dirname(os.path.abspath(args.checks_dir)), "mocks")
    inputs = os.path.join(os.path.abspath(args.checks_dir), "Inputs")
    jobs = []
    for n, name in enumerate(sorted(os.listdir(args.checks_dir))):
        if not name.endswith((".c", ".cpp")):
            continue
        with open(os.path.join(args.checks_dir, name), encoding="utf-8") as f:
            text = f.read()
        is_c = name.endswith(".c")
        flags = ["-std=c11" if is_c else "-std=c++17", "-isystem", mocks,
                 "-I", os.path.join(inputs, "handlers"), "-I/usr/include/postgresql",
                 "-I/usr/include/mariadb", "-D_GNU_SOURCE"]
        # One folder per language, with the flags clangd finds next to the file.
        folder = os.path.join(args.work, "c" if is_c else "cpp")
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, "compile_flags.txt"), "w") as f:
            f.write("\n".join(flags) + "\n")
        with open(os.path.join(folder, ".clangd"), "w") as f:
            f.write("Diagnostics: {ClangTidy: {Add: [appsec-*], FastCheckFilter: Loose}}\n")
        for vname, vtext in variants(text):
            path = os.path.join(folder, "%s.%s%s" % (name.rsplit(".", 1)[0], vname,
                                                     ".c" if is_c else ".cpp"))
            with open(path, "w", encoding="utf-8") as f:
                f.write(vtext)
            jobs.append(("appsec-tidy", path,
                         [args.tidy, "--checks=-*,appsec-*", "--quiet", path, "--"] + flags))
            # clangd also builds a preamble and tests features at each
            # token: its --check on the middle cut only.
            if vname == "cut2":
                jobs.append(("appsec-clangd", path,
                             [args.clangd, "--check=" + path, "--check-warnings"]))
    # And clangd must run our checks, or its runs could never fail on them:
    # a known flaw in the same folder, with the same .clangd, must be reported.
    probe = os.path.join(args.work, "cpp", "probe.cpp")
    with open(probe, "w") as f:
        f.write("#include <cstdlib>\nint main() { return std::system(std::getenv(\"CMD\")); }\n")
    try:
        out = subprocess.run([args.clangd, "--check=" + probe, "--check-warnings"], capture_output=True,
                             text=True, errors="replace", timeout=args.clangd_timeout)
        out = out.stdout + out.stderr
    except subprocess.TimeoutExpired:
        out = "timeout"
    if "[appsec-command-injection]" not in out:
        print("half-typed: appsec-clangd --check did not report the probe's flaw; "
              "are the appsec checks enabled by %s?\n%s" % (os.path.join(args.work, "cpp", ".clangd"),
                                                            out[-3000:]))
        return 1
    failures = 0
    with concurrent.futures.ThreadPoolExecutor(args.j) as pool:
        futures = {pool.submit(run, cmd, max(args.timeout, args.clangd_timeout)
                               if tool == "appsec-clangd" else args.timeout): (tool, path)
                   for tool, path, cmd in jobs}
        for fut in concurrent.futures.as_completed(futures):
            tool, path = futures[fut]
            status, tail = fut.result()
            if status != "ok":
                failures += 1
                print("%s on %s: %s\n%s" % (tool, path, status, tail))
    print("half-typed: %d runs, %d failures" % (len(jobs), failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
