#!/usr/bin/env python3
"""What the appsec checks add to a clang-tidy run, in wall time.

For each file, runs appsec-tidy N times with the appsec checks and N times
with a near-empty baseline check set (one cheap built-in check: clang-tidy
refuses to run with none), interleaved so machine load affects both alike,
after one warm-up run each. Prints the median wall time of each and the
overhead of the appsec checks, per file and for all files together; the same
for CPU time (user + system), which a busy machine disturbs less.

Both runs parse the file and traverse its AST the same way, so the difference
is the cost of the appsec matchers and callbacks (and their diagnostics).

  tidy_overhead.py --tidy build/bin/appsec-tidy -p <dir with compile_commands.json> FILE...

Standard library only.
"""
import argparse
import os
import resource
import statistics
import subprocess
import sys
import time


def cpu_of_children():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def run_once(cmd):
    """(wall seconds, CPU seconds, output) of one run."""
    cpu0 = cpu_of_children()
    start = time.perf_counter()
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          universal_newlines=True)
    elapsed = time.perf_counter() - start
    cpu = cpu_of_children() - cpu0
    if proc.returncode != 0:
        sys.exit('error: %s exited %d:\n%s' % (' '.join(cmd), proc.returncode,
                                               proc.stdout[-4000:]))
    return elapsed, cpu, proc.stdout


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--tidy', required=True, help='appsec-tidy (or clang-tidy) binary')
    ap.add_argument('--load', help='plugin to --load (when --tidy is stock clang-tidy)')
    ap.add_argument('-p', dest='build_dir', required=True,
                    help='directory containing compile_commands.json')
    ap.add_argument('--runs', type=int, default=7, help='timed runs per variant (default 7)')
    ap.add_argument('--checks', default='-*,appsec-*',
                    help="checks under test (default '-*,appsec-*')")
    ap.add_argument('--baseline-checks', default='-*,llvm-twine-local',
                    help="near-empty baseline (default '-*,llvm-twine-local')")
    ap.add_argument('files', nargs='+')
    args = ap.parse_args()

    if not os.access(args.tidy, os.X_OK):
        sys.exit('error: %s is not an executable' % args.tidy)
    if not os.path.isfile(os.path.join(args.build_dir, 'compile_commands.json')):
        sys.exit('error: no compile_commands.json in %s' % args.build_dir)
    if args.runs < 1:
        sys.exit('error: --runs must be at least 1')
    for f in args.files:
        if not os.path.isfile(f):
            sys.exit('error: no such file: %s' % f)

    base = [args.tidy] + (['--load=' + args.load] if args.load else []) + \
           ['-p', args.build_dir, '--quiet']
    print('%s, %d timed run(s) per variant, medians' % (args.tidy, args.runs))
    print('baseline checks: %s    measured checks: %s' % (args.baseline_checks, args.checks))
    row = '%-32s %-5s %12s %12s %10s %9s  %s'
    print(row % ('file', 'time', 'baseline ms', 'appsec ms', 'delta ms', 'overhead', 'spread (ms)'))
    totals = {'wall': [0.0, 0.0], 'cpu': [0.0, 0.0]}
    for f in args.files:
        cmd_base = base + ['--checks=' + args.baseline_checks, f]
        cmd_sec = base + ['--checks=' + args.checks, f]
        out = run_once(cmd_sec)[2]  # warm-up (page cache); count findings once
        findings = sum(1 for line in out.splitlines()
                       if 'warning:' in line and '[appsec-' in line)
        run_once(cmd_base)
        samples = {'wall': ([], []), 'cpu': ([], [])}
        for _ in range(args.runs):
            for i, cmd in ((0, cmd_base), (1, cmd_sec)):
                wall, cpu, _ = run_once(cmd)
                samples['wall'][i].append(wall * 1e3)
                samples['cpu'][i].append(cpu * 1e3)
        for kind in ('wall', 'cpu'):
            b, a = samples[kind]
            mb, ma = statistics.median(b), statistics.median(a)
            totals[kind][0] += mb
            totals[kind][1] += ma
            print(row % (os.path.basename(f)[-32:], kind, '%.1f' % mb, '%.1f' % ma,
                         '%+.1f' % (ma - mb), '%+.1f%%' % ((ma - mb) / mb * 100),
                         '%.0f-%.0f / %.0f-%.0f' % (min(b), max(b), min(a), max(a))))
        print('%-32s %d appsec finding(s)' % ('', findings))
    if len(args.files) > 1:
        for kind in ('wall', 'cpu'):
            mb, ma = totals[kind]
            print(row % ('all files', kind, '%.1f' % mb, '%.1f' % ma, '%+.1f' % (ma - mb),
                         '%+.1f%%' % ((ma - mb) / mb * 100), ''))
    return 0


if __name__ == '__main__':
    sys.exit(main())
