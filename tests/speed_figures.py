"""Speed figures for the notes and docs: not a test (pytest does not collect it).

For every exercise with a speed check, runs the grader on the reference solution and on each
alternative marked TOO_SLOW (a loop the speed check must reject), through the real CLI, and
prints one Markdown row per exercise: the limit, the solution's ratio and the slow ratio.

    python tests/speed_figures.py [NAME ...] [--repeat K]
    python tests/speed_figures.py [NAME ...] --under-load [--repeat K]
    python tests/speed_figures.py --latency K

With --repeat K each figure is the median (min–max) over K runs of the grader's own
median-of-rounds ratio, with how many of the K runs passed; each run is a fresh
`grader run NAME --json` child, so the figures are the ones a learner would see.
--under-load measures what the limits are set from: each exercise's solution, each correct
alternative and each TOO_SLOW alternative, K times (default 20), with a CPU-bound process running
beside. One child per exercise (the checks' environment: one thread per pool) loads every
implementation and calls the speed check's own `measure` K times on each, interleaved across the
implementations, so all of them see the same load. Each row gives min/median/max of the K ratios,
how many of the K passed, and the margin: limit / max for what must pass, min / limit for a loop.
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


def alternatives(name: str) -> list[Path]:
    return sorted((catalog_module.CHECKS_DIR / name / "alternatives").glob("[!_]*.py"))


def slow_alternatives(name: str) -> list[Path]:
    return [p for p in alternatives(name) if "TOO_SLOW = True" in p.read_text()]


def measure_in_child(name: str, repeat: int) -> None:
    """(Run in a child) one JSON line per implementation, device and repetition."""
    import importlib

    from grader import learner
    from grader.check import cases
    from grader.check.speed import measure

    exercise = catalog_module.load().get(name)
    speed = importlib.import_module(f"grader.exercises.{name}.checks").SPEED
    slow = slow_alternatives(name)
    implementations = [("solution", ROOT / "solutions" / exercise.filename)] + [
        (("slow " if p in slow else "") + p.stem, p) for p in alternatives(name)]
    modules = [(label, learner.load_module(path, name, exercise.functions)) for label, path in implementations]
    devices = [d for d in speed.devices if d != "cuda" or cases.NO_CUDA is None]
    for _ in range(repeat):
        for label, module in modules:
            for device in devices:
                fn, reference, _case = speed.setup(module, device)
                result = measure(fn, reference, limit=speed.per_device(speed.limit, device),
                                 reference_name="torch", device=device, rounds=speed.rounds,
                                 budget_s=speed.budget_s, first_call=True)
                print(json.dumps({"implementation": label, "device": device, "ratio": result.ratio,
                                  "limit": result.limit, "passed": result.passed}), flush=True)


def under_load(names: list[str], repeat: int) -> None:
    from grader import processes

    hog = subprocess.Popen([sys.executable, "-c", "while True: pass"])
    try:
        print(f"{repeat} runs each, beside a CPU-bound process; margin = limit/max for what must pass, "
              "min/limit for a loop\n")
        print("| exercise | implementation | limit | min | median | max | passed | margin |")
        print("|---|---|---|---|---|---|---|---|")
        for name in names:
            started = time.perf_counter()
            done = subprocess.run([sys.executable, __file__, "--measure", name, "--repeat", str(repeat)],
                                  cwd=ROOT, env=processes.child_env(), capture_output=True, text=True)
            rows: dict[tuple[str, str], list[dict]] = {}
            for line in done.stdout.splitlines():
                record = json.loads(line)
                rows.setdefault((record["implementation"], record["device"]), []).append(record)
            if done.returncode:
                print(f"| {name} | failed: {done.stderr.strip().splitlines()[-1:]} |||||||")
            for (label, device), found in rows.items():
                values = sorted(r["ratio"] for r in found)
                limit, passed = found[0]["limit"], sum(r["passed"] for r in found)
                slow = label.startswith("slow ")
                margin = values[0] / limit if slow else limit / values[-1]
                where = "" if device == "cpu" else f" on {device}"
                print(f"| {name}{where} | {label} | {limit:g}× | {values[0]:.2f} | {statistics.median(values):.2f} | "
                      f"{values[-1]:.2f} | {passed}/{len(found)} | {margin:.2f} |", flush=True)
            print(f"<!-- {name}: {time.perf_counter() - started:.0f} s -->", flush=True)
    finally:
        hog.kill()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--latency", type=int, metavar="K", help="time K pairs instead")
    parser.add_argument("--under-load", action="store_true", help="K runs (default 20) beside a CPU hog")
    parser.add_argument("--measure", metavar="NAME", help=argparse.SUPPRESS)  # the --under-load child
    args = parser.parse_args(argv)
    if args.latency:
        latency(args.latency)
        return 0
    if args.measure:
        measure_in_child(args.measure, args.repeat)
        return 0
    catalog = catalog_module.load()
    if args.under_load:
        with_speed = [n for n in catalog.names() if "SPEED" in (catalog_module.CHECKS_DIR / n / "checks.py").read_text()]
        under_load(args.names or with_speed, args.repeat if args.repeat > 1 else 20)
        return 0
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
