#!/usr/bin/env python3
"""Self-test of run_juliet.py without Juliet.

Builds a tiny Juliet-shaped tree in a temporary directory (files written here,
in Juliet's layout and naming, not copied from Juliet) and a fake tool that
prints a clang-tidy-style warning on every line marked FAKE-WARN(<check>).
Then checks the harness's selection, attribution and scoring.  Needs clang-19
(or --clang) for the parsability probe.  Exit status 0 = all checks passed.

    python3 test/bench/juliet/selftest.py [--clang clang-19]
"""

import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
FOLDER = "CWE78_OS_Command_Injection"
PREFIX = "CWE78_OS_Command_Injection__"

FAKE_TOOL = r'''
import re, sys, time
args = sys.argv[1:]
if "--version" in args:
    print("fake-tidy 1.0"); sys.exit(0)
checks = next(a.split("=", 1)[1] for a in args if a.startswith("--checks="))
if "--list-checks" in args:
    print("Enabled checks:")
    for c in ("appsec-command-injection", "misc-other"):
        if c in checks:
            print("    " + c)
    sys.exit(0)
path = args[args.index("--") - 1]
src = open(path).read()
if "FAKE-HANG" in src:
    time.sleep(30)
if "FAKE-ERROR" in src:
    print("%s:1:1: error: fake parse error [clang-diagnostic-error]" % path)
    sys.exit(1)
for n, line in enumerate(src.split("\n"), 1):
    for m in re.finditer(r"FAKE-WARN\(([\w.-]+)\)", line):
        if m.group(1) in checks:
            print("%s:%d:5: warning: fake finding [%s]" % (path, n, m.group(1)))
'''

SINGLE = r'''#include "std_testcase.h"

#ifndef OMITBAD

static void badSink(char * data)
{
    if (system(data) != 0) { exit(1); } /* %(BADSINK)s */
}

void %(NAME)s_bad()
{
    char data[100] = "ls ";
    badSink(data); /* %(BAD)s */
}

#endif /* OMITBAD */

#ifndef OMITGOOD

static void goodG2B1()
{
    char data[100] = "ls ";
    strcat(data, "*.*");
    if (system(data) != 0) { exit(1); } /* %(G2B1)s */
}

static void goodG2B2Sink(char * data)
{
    if (system(data) != 0) { exit(1); } /* %(G2B2)s */
}

static void goodG2B2()
{
    char data[100] = "ls ";
    goodG2B2Sink(data);
}

void %(NAME)s_good()
{
    goodG2B1();
    goodG2B2();
}

#endif /* OMITGOOD */

#ifdef INCLUDEMAIN
int main(int argc, char * argv[])
{
    %(NAME)s_good(); /* %(MAIN)s */
    %(NAME)s_bad();
    return 0;
}
#endif
'''

CASES = {
    # name: markers
    "char_console_system_01": {"BAD": "FAKE-WARN(appsec-command-injection)"},
    "char_console_system_02": {"BADSINK": "FAKE-WARN(appsec-command-injection)",
                               "G2B2": "FAKE-WARN(appsec-command-injection)"},
    # only an irrelevant check and a finding in main: no hit, no FP
    "char_console_system_03": {"BAD": "FAKE-WARN(misc-other)",
                               "MAIN": "FAKE-WARN(appsec-command-injection)"},
    "char_console_system_04": {"G2B1": "FAKE-WARN(appsec-command-injection)"},
    "char_console_system_05": {"BAD": "FAKE-ERROR"},
    "char_console_system_06": {"BAD": "FAKE-HANG"},
    "char_file_popen_01": {},
}


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)


def main():
    clang = "clang-19"
    if "--clang" in sys.argv:
        clang = sys.argv[sys.argv.index("--clang") + 1]
    failures = []

    def expect(what, got, want):
        if got != want:
            failures.append("%s: got %r, want %r" % (what, got, want))

    with tempfile.TemporaryDirectory() as tmp:
        jul = os.path.join(tmp, "juliet")
        write(os.path.join(jul, "testcasesupport", "std_testcase.h"),
              "#include <stdio.h>\n#include <stdlib.h>\n#include <string.h>\n")
        s01 = os.path.join(jul, "testcases", FOLDER, "s01")
        for case, marks in CASES.items():
            fields = {k: marks.get(k, "") for k in
                      ("BAD", "BADSINK", "G2B1", "G2B2", "MAIN")}
            fields["NAME"] = PREFIX + case
            write(os.path.join(s01, PREFIX + case + ".c"), SINGLE % fields)
        # a Windows-only family: excluded by the probe
        write(os.path.join(s01, PREFIX + "char_console_w32spawnl_01.c"),
              '#include "std_testcase.h"\n#include <process.h>\n'
              'void bad() { _spawnl(0, "a", "b", NULL); }\n')
        # multi-file pieces: counted as cross-TU, never run
        for suffix in ("22a.c", "22b.c", "81_bad.cpp", "81_goodG2B.cpp", "81a.cpp"):
            write(os.path.join(s01, PREFIX + "char_console_system_" + suffix),
                  "/* FAKE-WARN(appsec-command-injection) */\n")
        tool = os.path.join(tmp, "fake_tidy.py")
        write(tool, FAKE_TOOL)
        out_json = os.path.join(tmp, "out.json")
        cmd = [sys.executable, os.path.join(HERE, "run_juliet.py"), "--juliet", jul,
               "--cwe", "78", "--tidy", "%s %s" % (sys.executable, tool),
               "--checks=-*,appsec-command-injection,misc-other", "--clang", clang,
               "--timeout", "5", "--json", out_json]
        r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           universal_newlines=True)
        expect("exit status", r.returncode, 0)
        if not os.path.exists(out_json):
            print(r.stdout, r.stderr)
            print("FAIL: no JSON written")
            return 1
        data = json.load(open(out_json))
        s = data["summaries"][0]
        res = {os.path.basename(x["file"])[len(PREFIX):-2]: x
               for x in data["results"]["CWE-78"]}
        expect("excluded families", sorted(s["excluded_families"]),
               ["char_console_w32spawnl"])
        expect("Linux single-file cases", s["single_file_cases_linux"], 7)
        expect("cross-TU cases", s["cross_tu_cases_all"], 2)
        expect("status", s["status"], {"ok": 5, "parse-error": 1, "timeout": 1})
        expect("recall", (s["recall"]["hit"], s["recall"]["cases"]), (2, 7))
        # 7 cases x (goodG2B1, goodG2B2)
        expect("fp", (s["fp"]["hit"], s["fp"]["good_variants"]), (2, 14))
        expect("01 bad hit", res["char_console_system_01"]["bad_hit"], True)
        expect("02 bad hit via badSink", res["char_console_system_02"]["bad_hit"], True)
        expect("02 good hit via goodG2B2Sink",
               res["char_console_system_02"]["good_hit"], ["goodG2B2"])
        expect("03 irrelevant check / main", (res["char_console_system_03"]["bad_hit"],
                                             res["char_console_system_03"]["good_hit"]),
               (False, []))
        roles03 = sorted((f["role"], f["relevant"])
                         for f in res["char_console_system_03"]["findings"])
        expect("03 roles", roles03, [("bad", False), ("other", True)])
        expect("04 good hit", res["char_console_system_04"]["good_hit"], ["goodG2B1"])
        expect("05 parse error", res["char_console_system_05"]["status"], "parse-error")
        expect("06 timeout", res["char_console_system_06"]["status"], "timeout")

        # --markdown prints the table; a missing check is a usage error
        r2 = subprocess.run(cmd[:-2] + ["--markdown", "--limit", "1"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            universal_newlines=True)
        expect("markdown row", "| CWE-78 | 7 | 1 |" in r2.stdout, True)
        bad_checks = list(cmd)
        bad_checks[bad_checks.index("--checks=-*,appsec-command-injection,misc-other")] = \
            "--checks=-*,appsec-nope"
        r3 = subprocess.run(bad_checks, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            universal_newlines=True)
        expect("no check enabled -> exit 2", r3.returncode, 2)

    for f in failures:
        print("FAIL: " + f)
    print("selftest: %s" % ("FAILED" if failures else "passed"))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
