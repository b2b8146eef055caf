#!/usr/bin/env python3
"""Fails when a lib/ folder includes a folder above it (or beside it).

lib/ is the analysis, in layers that depend one way (docs/architecture.md).
A folder may include folders of lower layers only; nothing in lib/ may
include clang-tidy (the checks in checks/ are the only clang-tidy code).

  check_layering.py <repo root>
"""
import os
import re
import sys

LAYERS = [
    ["support", "labels", "sinks"],            # vocabulary
    ["requirements", "models", "lattice"],     # data: catalog, models, the lattice
    ["summaries", "sanitizers", "frameworks"],  # what a function does, guards, handlers
    ["tls", "jwt", "secrets"],                 # TLS, JWT and secret-handling knowledge and policies
    ["cookies"],                               # cookie knowledge (uses the secret vocabulary)
    ["propagation"],                           # the transfer functions over one function
    ["engine"],                                # the driver over a translation unit
    ["reporting"],                             # the words of the findings
]
LAYER_OF = {folder: i for i, layer in enumerate(LAYERS) for folder in layer}
INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"/]+)/')


def main():
    lib = os.path.join(sys.argv[1] if len(sys.argv) > 1 else ".", "lib")
    problems = []
    folders = sorted(d for d in os.listdir(lib) if os.path.isdir(os.path.join(lib, d)))
    for folder in folders:
        if folder not in LAYER_OF:
            problems.append(f"lib/{folder}/: not in any layer; add it to test/check_layering.py "
                            "and docs/architecture.md")
            continue
        for name in sorted(os.listdir(os.path.join(lib, folder))):
            if not name.endswith((".h", ".cpp", ".inc")):
                continue
            path = os.path.join(lib, folder, name)
            with open(path, encoding="utf-8") as f:
                for number, line in enumerate(f, 1):
                    m = INCLUDE.match(line)
                    if not m:
                        continue
                    target = m.group(1)
                    where = f"lib/{folder}/{name}:{number}"
                    if target == "clang-tidy":
                        problems.append(f"{where}: includes clang-tidy; lib/ knows nothing of clang-tidy")
                    elif target in LAYER_OF and target != folder and \
                            LAYER_OF[target] >= LAYER_OF[folder]:
                        problems.append(f"{where}: {folder} (layer {LAYER_OF[folder]}) includes "
                                        f"{target} (layer {LAYER_OF[target]}); a folder may only "
                                        "include folders of lower layers")
    for p in problems:
        print(p)
    checked = sum(len(l) for l in LAYERS)
    print(f"{checked - len([p for p in problems if 'not in any layer' in p])} folders in "
          f"{len(LAYERS)} layers; {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
