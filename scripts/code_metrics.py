"""Code size report for src/newsscan: module sizes, the longest functions, the most complex ones.

    python scripts/code_metrics.py [--top 15] [--root src/newsscan]

Lengths come from `ast` (a function's lines, decorators and docstring included, nested functions counted in
their parent too); complexity is ruff's McCabe figure (C901, run with a threshold of 0). Prints plain text.
"""
from __future__ import annotations

import argparse
import ast
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path


def module_sizes(root: Path) -> list[tuple[int, str]]:
    """(lines, path) of every module under root, largest first."""
    out = [(len(p.read_text(encoding="utf-8").splitlines()), str(p)) for p in sorted(root.rglob("*.py"))]
    return sorted(out, key=lambda x: (-x[0], x[1]))


def function_lengths(root: Path) -> list[tuple[int, str]]:
    """(lines, `path:line name`) of every function and method under root, longest first."""
    out = []
    for p in sorted(root.rglob("*.py")):
        tree = ast.parse(p.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                first = min([node.lineno] + [d.lineno for d in node.decorator_list])
                out.append((node.end_lineno - first + 1, f"{p}:{node.lineno} {node.name}"))
    return sorted(out, key=lambda x: (-x[0], x[1]))


def complexities(root: Path) -> list[tuple[int, str]]:
    """(McCabe complexity, `path:line name`) from ruff's C901 check, most complex first."""
    ruff = shutil.which("ruff") or str(Path(sys.executable).with_name("ruff"))
    cmd = [ruff, "check", "--select", "C901", "--config", "lint.mccabe.max-complexity=0",
           "--output-format", "json", "--exit-zero", "--no-cache", str(root)]
    found = json.loads(subprocess.run(cmd, capture_output=True, text=True, check=True).stdout or "[]")
    out = []
    for f in found:
        m = re.search(r"`(.+?)` is too complex \((\d+) > \d+\)", f["message"])
        if m:
            path = Path(f["filename"]).resolve().relative_to(Path.cwd().resolve())
            out.append((int(m.group(2)), f"{path}:{f['location']['row']} {m.group(1)}"))
    return sorted(out, key=lambda x: (-x[0], x[1]))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--root", default="src/newsscan")
    ap.add_argument("--top", type=int, default=15)
    args = ap.parse_args()
    root = Path(args.root)
    sizes = module_sizes(root)
    lengths = function_lengths(root)
    cx = complexities(root)
    print(f"modules: {len(sizes)}, {sum(n for n, _ in sizes)} lines; over 700 lines: "
          f"{sum(n > 700 for n, _ in sizes)}")
    for n, name in sizes[: args.top]:
        print(f"  {n:5d}  {name}")
    print(f"functions: {len(lengths)}; over 60 lines: {sum(n > 60 for n, _ in lengths)}, "
          f"over 80: {sum(n > 80 for n, _ in lengths)}")
    for n, name in lengths[: args.top]:
        print(f"  {n:5d}  {name}")
    print(f"complexity: over 10: {sum(n > 10 for n, _ in cx)}, over 15: {sum(n > 15 for n, _ in cx)}")
    for n, name in cx[: args.top]:
        print(f"  {n:5d}  {name}")


if __name__ == "__main__":
    main()
