"""The one way to execute a run: an exercise's checks on a file, to a typed RunResult.

    execute(exercise, target_file, speed=True, fail_fast=False, backend=COLD) -> RunResult

A run is planned once (a private folder, pytest's arguments, the results file, the time limit)
and handed to a backend, which runs pytest on it and says how it ended:

- `COLD`: a fresh `python -m pytest` child (`grader run`): capped memory and output, its own
  process group (killed whole at the time limit), thread pools pinned to one thread;
- a warm `grader.worker.Worker` (`grader watch`, `grader run --all`): the same, forked from a
  process that has torch imported already; when it cannot run the plan, the run goes cold;
- `IN_PROCESS`: pytest in this process, for the kit's own tests of mutants and solutions.

Whichever ran it, the plugin (grader.plugin) wrote one JSON line per event to the results file,
which survives the death of the process; `collect` turns those lines into the result, naming the
check that was running if the process died.
"""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from . import processes
from .catalog import CHECKS_DIR, Exercise, missing_requirement
from .results import CheckResult, Kind, Outcome, Reason, RunResult

WARM_UP_TIMEOUT_S = 60  # per check, when the warm worker runs the reference solution


# ---------------------------------------------------------------- pytest's arguments

def pytest_args(exercise: Exercise, *, target: Path | None = None, results: Path | None = None,
                speed: bool = True, fail_fast: bool = False, timeout_plugin: bool = True,
                timeout: float | None = None, exit_when_done: bool = False, select: str | None = None,
                only: str | None = None, extra: tuple[str, ...] = ()) -> list[str]:
    """The arguments of every pytest run of an exercise's checks (runs and the warm worker's warm-up).

    `select` keeps the checks whose names match it (`grader run -k`, see `selected`); `only` keeps
    the one check of that exact name (grader.repro rebuilding a failed check)."""
    args = [
        str(exercise.checks_path), "-p", "grader.plugin",
        *(["-p", "pytest_timeout"] if timeout_plugin else []),
        "-c", os.devnull, "--rootdir", str(CHECKS_DIR), "-q", "--no-header",
        # Plugins a grading run does not need; unraisableexception alone costs ~0.3 s of gc.collect.
        "-p", "no:cacheprovider", "-p", "no:unraisableexception", "-p", "no:threadexception",
        "-p", "no:doctest", "-p", "no:junitxml", "-p", "no:pastebin", "-p", "no:nose",
        "-p", "no:legacypath", "-p", "no:setuponly", "-p", "no:setupplan", "-p", "no:stepwise", "-p", "no:logging",
        "-p", "no:subtests", "-p", "no:unittest",
        # Native tracebacks: pytest's own format parses source files (~0.1 s per failure); the
        # report never shows them anyway (learner.py writes the learner's part).
        "--tb=native", "-o", f"timeout={timeout or processes.check_timeout():g}",
    ]
    if target is not None:
        args += ["--grader-target", str(target)]
    if results is not None:
        args += ["--grader-results", str(results)]
    if not speed:
        args.append("--grader-no-speed")
    if fail_fast:
        args.append("--grader-fail-fast")
    if exit_when_done:
        args.append("--grader-exit-when-done")
    if select is not None:
        args += ["--grader-select", select]
    if only is not None:
        args += ["--grader-only", only]
    return args + list(extra)


def selected(selection: str, check: str) -> bool:
    """Whether `grader run -k SELECTION` runs the check called `check`.

    As pytest's -k, case-insensitive: words joined by and, or, not and parentheses each match a part
    of the name ("speed", "not cuda", "random and not float32"); text pytest cannot parse as such
    an expression ("padding 1", "seed 2") matches as a whole part of the name.
    """
    from _pytest.mark.expression import Expression

    name = check.lower()
    try:
        expression = Expression.compile(selection.lower())
    except SyntaxError:
        return selection.lower().strip() in name
    return expression.evaluate(lambda word, **_: word in name)


def warm_up_args(exercise: Exercise, solution: Path | None = None) -> list[str]:
    """What the warm worker runs in itself to import an exercise's checks before any run: the
    correctness checks on the reference solution (trusted code) when there is one, so that the
    first calls of the torch functions the checks use are paid once; else only the collection."""
    if solution is not None and Path(solution).is_file():
        return pytest_args(exercise, target=Path(solution), speed=False, timeout=WARM_UP_TIMEOUT_S,
                           extra=("-k", "not cuda"))
    return pytest_args(exercise, extra=("--collect-only",))


# ---------------------------------------------------------------- backends

@dataclass(frozen=True)
class Plan:
    """One run, ready for a backend: pytest's arguments and where the run's files go."""

    exercise: Exercise
    args: list[str]
    folder: Path       # the run's own temporary folder (its working directory)
    results: Path      # the plugin's JSON lines
    output: Path       # what the process printed
    time_limit: float  # seconds, for the whole run


@dataclass(frozen=True)
class Ending:
    """How a backend's run ended."""

    returncode: int | None
    timed_out: bool = False
    output_tail: str = ""


class Backend(Protocol):
    def ready(self) -> bool:
        """Wait until the backend can take a run; False if it cannot (the run then goes to a cold child)."""

    def pytest_options(self) -> dict:
        """Keyword arguments of `pytest_args` this backend needs."""

    def launch(self, plan: Plan) -> Ending | None:
        """Run the plan; None if this backend could not (the run then goes to a cold child)."""


class Cold:
    """A fresh child process per run: `python -m pytest`, limits applied before any learner code."""

    def ready(self) -> bool:
        return True

    def pytest_options(self) -> dict:
        return {"exit_when_done": True}

    def launch(self, plan: Plan) -> Ending:
        with open(plan.output, "wb") as output:
            child = subprocess.Popen(
                [sys.executable, "-m", "pytest", *plan.args], cwd=plan.folder, env=processes.child_env(plan.exercise),
                stdin=subprocess.DEVNULL, stdout=output, stderr=subprocess.STDOUT, start_new_session=True,
                preexec_fn=processes.limits_now(),
            )
        returncode, timed_out = processes.wait_then_kill(child.pid, plan.time_limit)
        child.returncode = returncode  # reaped by wait_then_kill
        return Ending(returncode, timed_out, processes.tail(plan.output))


class InProcess:
    """pytest in this process: fast, unfenced (no time limit, no caps), for the kit's own tests."""

    def ready(self) -> bool:
        return True

    def pytest_options(self) -> dict:
        # Without autoload disabled, pytest-timeout is already loaded by its entry point.
        return {"timeout_plugin": bool(os.environ.get("PYTEST_DISABLE_PLUGIN_AUTOLOAD"))}

    def launch(self, plan: Plan) -> Ending:
        import pytest

        return Ending(int(pytest.main(plan.args)))


COLD = Cold()
IN_PROCESS = InProcess()


# ---------------------------------------------------------------- a run

def execute(exercise: Exercise, target_file: Path, *, speed: bool = True, fail_fast: bool = False,
            backend: Backend | None = None, select: str | None = None) -> RunResult:
    """Run the checks of `exercise` on `target_file` with `backend` (a cold child by default); with
    `select`, only the checks whose names match it (`selected`)."""
    target_file = Path(target_file).resolve()
    missing = missing_requirement(exercise)
    if missing:  # triton cannot be had here: one line, and nothing runs (grader run refuses before this)
        result = RunResult(exercise=exercise.name, target=str(target_file), selection=select)
        result.checks.append(CheckResult("load the checks", Kind.CORRECTNESS, Outcome.ERROR, missing, Reason.SETUP))
        return result
    chosen = backend or COLD
    for attempt in ((chosen,) if chosen is COLD else (chosen, COLD)):
        if not attempt.ready():
            continue
        started = time.perf_counter()
        with tempfile.TemporaryDirectory(prefix="grader-") as tmp:
            folder = Path(tmp)
            results = folder / "results.jsonl"
            results.touch()
            args = pytest_args(exercise, target=target_file, results=results, speed=speed, fail_fast=fail_fast,
                               select=select, **attempt.pytest_options())
            plan = Plan(exercise, args, folder, results, folder / "output.txt", processes.time_limit(exercise))
            ending = attempt.launch(plan)
            if ending is None:
                continue
            events = read_events(results)
        result = collect(exercise, target_file, events, ending)
        result.selection = select
        result.seconds = time.perf_counter() - started
        return result
    raise AssertionError("the cold backend always runs the plan")


def read_events(path: Path) -> list[dict]:
    events = []
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        try:
            event = json.loads(line)
        except json.JSONDecodeError:
            break  # a line cut short by the child's death
        if isinstance(event, dict):
            events.append(event)
    return events


def _results(events: list[dict]) -> dict[str, CheckResult]:
    finished = {}
    for event in events:
        if event.get("event") == "result":
            try:
                check = CheckResult.from_json(event)
            except (KeyError, TypeError, ValueError):
                continue  # not a line the plugin wrote whole
            finished[check.name] = check
    return finished


def collect(exercise: Exercise, target_file: Path, events: list[dict], ending: Ending) -> RunResult:
    """Turn the plugin's events into one result per check, explaining any check it never finished."""
    result = RunResult(exercise=exercise.name, target=str(target_file))
    collected = next((e for e in events if e.get("event") == "collected"), {})
    planned = collected.get("checks")
    result.deselected = [str(n) for n in collected.get("deselected", [])]
    finished = _results(events)
    done = any(e.get("event") == "done" for e in events)
    output = ending.output_tail.strip()
    if planned is None:
        result.checks.append(CheckResult(
            "load the checks", Kind.CORRECTNESS, Outcome.ERROR, reason=Reason.INTERNAL,
            message=_death_message(ending, exercise) + ("\n" + output[-1500:] if output else "")))
        return result
    blamed = any(c.bad for c in finished.values())
    for check in planned:
        name, kind = check["name"], Kind(check["kind"])
        if name in finished:
            result.checks.append(finished[name])
        elif not done and not blamed:
            blamed = True  # the check that was running when the process died
            result.checks.append(CheckResult(name, kind, Outcome.ERROR,
                                             reason=Reason.TIMEOUT if ending.timed_out else Reason.CRASH,
                                             message=_death_message(ending, exercise)))
        elif not blamed:
            blamed = True  # pytest finished, yet skipped this check with no problem reported: its own error
            result.checks.append(CheckResult(
                name, kind, Outcome.ERROR, reason=Reason.INTERNAL,
                message=f"the grader stopped before this check (pytest exit code {ending.returncode})"
                + ("\n" + output[-1500:] if output else "")))
        else:
            result.checks.append(CheckResult(name, kind, Outcome.SKIPPED, reason=Reason.NOT_RUN,
                                             message="not run (an earlier problem stopped the run)"))
    return result


def _death_message(ending: Ending, exercise: Exercise) -> str:
    returncode = ending.returncode
    if ending.timed_out:
        return (f"timed out: the checks did not finish within {processes.time_limit(exercise):g} s "
                "(an infinite loop, possibly inside a NumPy call?)")
    if returncode is not None and returncode < 0:
        name = signal.Signals(-returncode).name if -returncode in signal.Signals._value2member_map_ else returncode
        return f"the process running your code was killed by {name} (a crash in native code, or out of memory)"
    return (f"the process running your code ended abruptly (exit code {returncode}): "
            "does your code call os._exit() or exit the interpreter some other way?")
