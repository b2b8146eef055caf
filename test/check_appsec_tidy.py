#!/usr/bin/env python3
"""Runs one appsec check over a test file and verifies its diagnostics.

Our counterpart of LLVM's check_clang_tidy.py (Debian does not ship it), with
the LLVM 19 behaviour:

  check_appsec_tidy.py [options] <source> <check-names> <temp-prefix> \
      [-- <clang-tidy args> [-- <compiler args>]]

* every `// CHECK-*:` comment is blanked (line numbers stay put) and the copy
  is analysed with `--fix`;
* CHECK-MESSAGES lines are matched against clang-tidy's output with
  --implicit-check-not={{warning|error}}: so every warning must be accounted
  for; CHECK-NOTES additionally accounts for every note;
* CHECK-FIXES lines are matched against the fixed file;
* a file with none of these expects no diagnostic at all;
* diagnostics at the same place are put in one order, whichever clang-tidy
  release printed them (see same_place_order).

The clang-tidy command comes from --tidy (lit passes the plugin form or the
appsec-tidy binary), so the same tests run against every shipped form.
"""
import argparse
import os
import re
import shlex
import subprocess
import sys


def run(cmd, **kw):
    return subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          universal_newlines=True, **kw)


def filecheck(filecheck_bin, prefix, input_text, source, extra):
    cmd = [filecheck_bin, source, '--check-prefix=' + prefix,
           '--dump-input=fail'] + extra
    proc = subprocess.run(cmd, input=input_text, stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, universal_newlines=True)
    if proc.returncode != 0:
        sys.stdout.write('------ FileCheck %s failed:\n%s\n' % (prefix, proc.stdout))
        return False
    return True


# A diagnostic clang-tidy prints: `<file>:<line>:<col>: warning|error: <message> [<check>]`.
DIAG = re.compile(r'^(.*?):(\d+):(\d+): (?:warning|error): (.*?)(?: \[([^\]]*)\])?$')
# The lines that belong to the diagnostic above them: its notes, and the source
# excerpts and carets (indented) of both.
DIAG_CONTINUATION = re.compile(r'^(\s|(.*: )?note: )')


def same_place_order(output):
    """Sorts diagnostics reported at the same place by check name, then message.

    clang-tidy sorts its diagnostics by place; among those at one place (two
    checks reporting the same call) the order depends on the release: 19 sorts
    them by check name then message, 22 by message then check name
    (LessClangTidyError in ClangTidyDiagnosticConsumer.cpp). The tests list
    them in 19's order, so this puts any release's output in that order. It
    only reorders diagnostics at one place, each with its notes and excerpts:
    nothing is added or dropped, and with 19 it changes nothing.
    """
    lines = output.splitlines(keepends=True)
    items = []  # (sort key or None, place or None, [lines])
    for line in lines:
        m = DIAG.match(line.rstrip('\n'))
        if m:
            items.append(((m.group(5) or '', m.group(4)), m.group(1, 2, 3), [line]))
        elif DIAG_CONTINUATION.match(line) and items and items[-1][1] is not None:
            items[-1][2].append(line)
        else:
            items.append((None, None, [line]))
    out, i = [], 0
    while i < len(items):
        j = i + 1
        while items[i][1] is not None and j < len(items) and items[j][1] == items[i][1]:
            j += 1
        for item in sorted(items[i:j], key=lambda it: it[0] or ('', '')):
            out.extend(item[2])
        i = j
    return ''.join(out)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--tidy', required=True, help='clang-tidy command line prefix')
    ap.add_argument('--filecheck', default='FileCheck')
    ap.add_argument('-check-suffix', '-check-suffixes', dest='suffixes', default='')
    ap.add_argument('-std', default='c++17')
    ap.add_argument('-expect-clang-tidy-error', action='store_true')
    ap.add_argument('source')
    ap.add_argument('checks')
    ap.add_argument('temp')
    # Split at the first `--` ourselves: argparse would swallow it and so
    # hand compiler arguments to clang-tidy (or drop clang-tidy arguments).
    argv = sys.argv[1:]
    rest = []
    if '--' in argv:
        i = argv.index('--')
        argv, rest = argv[:i], argv[i + 1:]
    args = ap.parse_args(argv)

    tidy_args, clang_args = rest, []
    if '--' in rest:
        i = rest.index('--')
        tidy_args, clang_args = rest[:i], rest[i + 1:]
    suffixes = [s for s in args.suffixes.split(',') if s]

    def prefix(base):
        return [base + '-' + s for s in suffixes] if suffixes else [base]

    with open(args.source, encoding='utf-8') as f:
        text = f.read()
    ext = os.path.splitext(args.source)[1] or '.cpp'
    temp = args.temp + ext
    os.makedirs(os.path.dirname(os.path.abspath(temp)), exist_ok=True)
    cleaned = re.sub(r'//\s*CHECK-(FIXES|MESSAGES|NOTES)[\w-]*:[^\n]*', '//', text)
    with open(temp, 'w', encoding='utf-8') as f:
        f.write(cleaned)

    has = {kind: any(re.search(r'//\s*%s:' % re.escape(p), text) for p in prefix(kind))
           for kind in ('CHECK-MESSAGES', 'CHECK-NOTES', 'CHECK-FIXES')}
    if has['CHECK-MESSAGES'] and has['CHECK-NOTES']:
        sys.exit('CHECK-MESSAGES and CHECK-NOTES cannot be mixed in one test')

    config = [] if any(a.startswith('--config') for a in tidy_args) else ['--config={}']
    std = [] if any(a.startswith('-std=') for a in clang_args) else ['-std=' + args.std]
    lang = [] if ext == '.c' else []
    if ext == '.c':
        std = [a for a in std if 'c++' not in a]
    cmd = shlex.split(args.tidy) + [temp, '--fix', '--checks=-*,' + args.checks] + \
        config + tidy_args + ['--'] + std + lang + clang_args
    proc = run(cmd)
    output = proc.stdout
    if args.expect_clang_tidy_error:
        if proc.returncode == 0:
            sys.stdout.write('expected clang-tidy to fail:\n' + output)
            sys.exit(1)
    elif proc.returncode != 0:
        sys.stdout.write('clang-tidy failed (%d):\n%s\n%s\n' % (
            proc.returncode, ' '.join(shlex.quote(c) for c in cmd), output))
        sys.exit(1)
    output = same_place_order(output)
    sys.stdout.write(output)

    ok = True
    if has['CHECK-MESSAGES']:
        for p in prefix('CHECK-MESSAGES'):
            ok &= filecheck(args.filecheck, p, output, args.source,
                            ['--implicit-check-not={{warning|error}}:'])
    elif has['CHECK-NOTES']:
        for p in prefix('CHECK-NOTES'):
            ok &= filecheck(args.filecheck, p, output, args.source,
                            ['--implicit-check-not={{note|warning|error}}:'])
    else:
        diags = [l for l in output.splitlines()
                 if re.search(r': (warning|error): ', l)]
        if diags:
            sys.stdout.write('------ expected no diagnostics, got:\n%s\n' % '\n'.join(diags))
            ok = False
    if has['CHECK-FIXES']:
        with open(temp, encoding='utf-8') as f:
            fixed = f.read()
        for p in prefix('CHECK-FIXES'):
            ok &= filecheck(args.filecheck, p, fixed, args.source,
                            ['--strict-whitespace'])
    sys.exit(0 if ok else 1)


if __name__ == '__main__':
    main()
