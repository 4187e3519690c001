"""Speed figures for the notes and docs: not a test (pytest does not collect it).

For every exercise with a speed check, runs the grader on the reference solution and on each
alternative marked TOO_SLOW (a loop the speed check must reject), through the real CLI, and
prints one Markdown row per exercise: the limit, the solution's ratio and the slow ratio.

    python tests/speed_figures.py [NAME ...] [--repeat K]

Ratios are medians over K runs (default 1) of the grader's own median-of-rounds ratio; each
run is a fresh `grader run NAME --json` child, so the figures are the ones a learner would see.
"""
from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from grader import catalog as catalog_module  # noqa: E402


def speed_checks(name: str, *flags: str) -> list[dict]:
    done = subprocess.run([sys.executable, "-m", "grader", "run", name, "--json", *flags],
                          cwd=ROOT, capture_output=True, text=True)
    report = json.loads(done.stdout)
    return [c for c in report["checks"] if c["kind"] == "speed" and "speed_ratio" in c]


def ratios(name: str, repeat: int, *flags: str) -> dict[str, tuple[float, float]]:
    """check name -> (median ratio, limit) over `repeat` runs."""
    runs: dict[str, list[float]] = {}
    limits: dict[str, float] = {}
    for _ in range(repeat):
        for check in speed_checks(name, *flags):
            runs.setdefault(check["name"], []).append(check["speed_ratio"])
            limits[check["name"]] = check["speed_limit"]
    return {k: (statistics.median(v), limits[k]) for k, v in runs.items()}


def slow_alternatives(name: str) -> list[Path]:
    folder = ROOT / "tests" / "alternatives" / name
    return sorted(p for p in folder.glob("[!_]*.py") if "TOO_SLOW = True" in p.read_text())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*")
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args(argv)
    catalog = catalog_module.load()
    print("| exercise | check | limit | solution | slow alternative |")
    print("|---|---|---|---|---|")
    for name in args.names or catalog.names():
        solution = ratios(name, args.repeat, "--solution")
        slow: dict[str, list[str]] = {}
        for path in slow_alternatives(name):
            with tempfile.TemporaryDirectory() as tmp:
                shutil.copy(path, Path(tmp) / f"{name}.py")
                for check, (ratio, _) in ratios(name, args.repeat, "--target", tmp).items():
                    slow.setdefault(check, []).append(f"{path.stem} {ratio:.1f}×")
        for check, (ratio, limit) in solution.items():
            print(f"| {name} | {check} | {limit:g}× | {ratio:.2f}× | {', '.join(slow.get(check, [])) or '—'} |",
                  flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
