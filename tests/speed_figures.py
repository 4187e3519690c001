"""Speed figures for the notes and docs: not a test (pytest does not collect it).

For every exercise with a speed check, runs the grader on the reference solution and on each
alternative marked TOO_SLOW (a loop the speed check must reject), through the real CLI, and
prints one Markdown row per exercise: the limit, the solution's ratio and the slow ratio.

    python tests/speed_figures.py [NAME ...] [--repeat K]
    python tests/speed_figures.py --latency K

With --repeat K each figure is the median (min–max) over K runs of the grader's own
median-of-rounds ratio, with how many of the K runs passed; each run is a fresh
`grader run NAME --json` child, so the figures are the ones a learner would see.
--latency K times K interleaved pairs of `python -c "import torch, numpy"` and
`grader run conv2d --solution` (the whole run, speed check included).
"""
from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from grader import catalog as catalog_module  # noqa: E402


def speed_checks(name: str, *flags: str) -> list[dict]:
    done = subprocess.run([sys.executable, "-m", "grader", "run", name, "--json", *flags],
                          cwd=ROOT, capture_output=True, text=True)
    report = json.loads(done.stdout)
    return [c for c in report["checks"] if c["kind"] == "speed" and "speed_ratio" in c]


def ratios(name: str, repeat: int, *flags: str) -> dict[str, tuple[str, float]]:
    """check name -> ("median× (min–max), passed k/K" over `repeat` runs, the check's limit)."""
    runs: dict[str, list[dict]] = {}
    for _ in range(repeat):
        for check in speed_checks(name, *flags):
            runs.setdefault(check["name"], []).append(check)
    figures = {}
    for check, found in runs.items():
        values = [c["speed_ratio"] for c in found]
        text = f"{statistics.median(values):.2f}×"
        if repeat > 1:
            passed = sum(c["outcome"] == "passed" for c in found)
            text += f" ({min(values):.2f}–{max(values):.2f}), passed {passed}/{len(found)}"
        figures[check] = (text, found[0]["speed_limit"])
    return figures


def latency(pairs: int) -> None:
    def seconds(command: list[str]) -> float:
        start = time.perf_counter()
        subprocess.run(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        return time.perf_counter() - start

    baseline, run = [], []
    for _ in range(pairs):
        baseline.append(seconds([sys.executable, "-c", "import torch, numpy"]))
        run.append(seconds([sys.executable, "-m", "grader", "run", "conv2d", "--solution"]))
    ratios_ = [r / b for r, b in zip(run, baseline)]
    print(f"python -c 'import torch, numpy': median {statistics.median(baseline):.2f} s")
    print(f"grader run conv2d --solution:   median {statistics.median(run):.2f} s")
    print(f"ratio: median of pairs {statistics.median(ratios_):.2f} "
          f"({min(ratios_):.2f}–{max(ratios_):.2f} over {pairs} pairs)")


def slow_alternatives(name: str) -> list[Path]:
    folder = ROOT / "tests" / "alternatives" / name
    return sorted(p for p in folder.glob("[!_]*.py") if "TOO_SLOW = True" in p.read_text())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--latency", type=int, metavar="K", help="time K pairs instead")
    args = parser.parse_args(argv)
    if args.latency:
        latency(args.latency)
        return 0
    catalog = catalog_module.load()
    print("| exercise | check | limit | solution | slow alternative |")
    print("|---|---|---|---|---|")
    for name in args.names or catalog.names():
        solution = ratios(name, args.repeat, "--solution")
        slow: dict[str, list[str]] = {}
        for path in slow_alternatives(name):
            with tempfile.TemporaryDirectory() as tmp:
                shutil.copy(path, Path(tmp) / f"{name}.py")
                for check, (figure, _) in ratios(name, args.repeat, "--target", tmp).items():
                    slow.setdefault(check, []).append(f"{path.stem} {figure}")
        for check, (figure, limit) in solution.items():
            print(f"| {name} | {check} | {limit:g}× | {figure} | "
                  f"{'; '.join(slow.get(check, [])) or '—'} |", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
