"""A small mutation check: do the tests notice when the code is wrong?

    .venv/bin/python -m benchmarks.mutation_check                  # the default modules, 30 mutants each
    .venv/bin/python -m benchmarks.mutation_check --per-module 0   # every mutant (slow)

For each module, every comparison (< <= > >= == != in / not in), arithmetic operator (+ - * /
//), boolean operator (and/or), ``not``, small integer constant (n -> n+1) and boolean constant
is a mutation point; a fixed-seed sample of them is applied one at a time to a copy of the repo
(never this checkout) and the module's tests are run. A mutant is *killed* when a test fails (or
the run times out), *survives* when every test passes. Prints each survivor (line and change) and
the share killed. Not a substitute for mutmut's coverage of a whole package, but no dependency
and minutes, not hours.
"""

from __future__ import annotations

import argparse
import ast
import copy
import random
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from dashboard.paths import REPO_ROOT

# module -> the tests that exercise it
DEFAULT_TARGETS = {
    "dashboard/analysis/sources.py": ["tests/analysis/test_sources.py"],
    "dashboard/analysis/entities.py": ["tests/analysis/test_entities.py"],
    "dashboard/analysis/timeline.py": ["tests/analysis/test_timeline.py"],
    "dashboard/text/sentences.py": ["tests/text/test_sentences.py"],
    "dashboard/text/terms.py": ["tests/text/test_terms.py"],
}

_SWAP_CMP = {ast.Lt: ast.LtE, ast.LtE: ast.Lt, ast.Gt: ast.GtE, ast.GtE: ast.Gt, ast.Eq: ast.NotEq,
             ast.NotEq: ast.Eq, ast.In: ast.NotIn, ast.NotIn: ast.In, ast.Is: ast.IsNot, ast.IsNot: ast.Is}
_SWAP_BIN = {ast.Add: ast.Sub, ast.Sub: ast.Add, ast.Mult: ast.Div, ast.Div: ast.Mult, ast.FloorDiv: ast.Mult}


@dataclass(frozen=True)
class Mutation:
    index: int        # the n-th node of ast.walk order
    kind: str
    line: int
    describe: str


def _points(tree: ast.AST) -> list[Mutation]:
    out = []
    for i, node in enumerate(ast.walk(tree)):
        line = getattr(node, "lineno", 0)
        if isinstance(node, ast.Compare) and type(node.ops[0]) in _SWAP_CMP:
            op = type(node.ops[0])
            out.append(Mutation(i, "cmp", line, f"{op.__name__} -> {_SWAP_CMP[op].__name__}"))
        elif isinstance(node, ast.BinOp) and type(node.op) in _SWAP_BIN:
            op = type(node.op)
            out.append(Mutation(i, "bin", line, f"{op.__name__} -> {_SWAP_BIN[op].__name__}"))
        elif isinstance(node, ast.BoolOp):
            out.append(Mutation(i, "bool", line, f"{type(node.op).__name__} -> the other"))
        elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
            out.append(Mutation(i, "not", line, "not x -> x"))
        elif isinstance(node, ast.Constant) and type(node.value) is bool:
            out.append(Mutation(i, "const", line, f"{node.value} -> {not node.value}"))
        elif isinstance(node, ast.Constant) and type(node.value) is int and 0 <= node.value <= 1000:
            out.append(Mutation(i, "const", line, f"{node.value} -> {node.value + 1}"))
    return out


class _Apply(ast.NodeTransformer):
    """Applies the mutation at the ``target``-th node of ``ast.walk`` order."""

    def __init__(self, target: int):
        self.target = target
        self.index: dict[int, int] = {}

    def run(self, tree: ast.AST) -> ast.AST:
        self.index = {id(n): i for i, n in enumerate(ast.walk(tree))}
        return self.visit(tree)

    def generic_visit(self, node):
        node = super().generic_visit(node)
        if self.index.get(id(node)) != self.target:
            return node
        if isinstance(node, ast.Compare):
            node.ops[0] = _SWAP_CMP[type(node.ops[0])]()
        elif isinstance(node, ast.BinOp):
            node.op = _SWAP_BIN[type(node.op)]()
        elif isinstance(node, ast.BoolOp):
            node.op = ast.Or() if isinstance(node.op, ast.And) else ast.And()
        elif isinstance(node, ast.UnaryOp):
            return node.operand
        elif isinstance(node, ast.Constant):
            node.value = (not node.value) if type(node.value) is bool else node.value + 1
        return node


def mutant_source(source: str, mutation: Mutation) -> str:
    tree = ast.parse(source)
    return ast.unparse(ast.fix_missing_locations(_Apply(mutation.index).run(copy.deepcopy(tree))))


def _run_tests(work: Path, tests: list[str], timeout: float) -> bool:
    """True when the tests pass."""
    try:
        proc = subprocess.run([sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider", *tests], cwd=work, capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return False
    return proc.returncode == 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--per-module", type=int, default=30, help="mutants sampled per module (0: all)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--timeout", type=float, default=300)
    parser.add_argument("modules", nargs="*", help="modules to mutate (default: %(default)s)",
                        default=list(DEFAULT_TARGETS))
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="mutation-"))
    started = time.perf_counter()
    try:
        subprocess.run(f"git -C {REPO_ROOT} archive HEAD | tar -x -C {work}", shell=True, check=True)
        killed = total = 0
        for module in args.modules:
            tests = DEFAULT_TARGETS.get(module) or [f"tests/{Path(module).parent.name}"]
            path = work / module
            source = path.read_text("utf-8")
            points = _points(ast.parse(source))
            sample = points if not args.per_module else sorted(
                random.Random(args.seed).sample(points, min(args.per_module, len(points))), key=lambda m: m.index)
            assert _run_tests(work, tests, args.timeout), f"{tests} fail without any mutation"
            module_killed = 0
            for mutation in sample:
                path.write_text(mutant_source(source, mutation), "utf-8")
                survived = _run_tests(work, tests, args.timeout)
                module_killed += not survived
                if survived:
                    print(f"  survived  {module}:{mutation.line}  {mutation.describe}", flush=True)
            path.write_text(source, "utf-8")
            killed += module_killed
            total += len(sample)
            print(f"{module}: {module_killed}/{len(sample)} killed ({len(points)} mutation points)", flush=True)
        share = killed / total if total else 0.0
        print(f"total: {killed}/{total} mutants killed ({share:.0%}) in {time.perf_counter() - started:.0f} s")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
