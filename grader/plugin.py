"""The pytest plugin that runs one exercise's checks against the learner's file.

Loaded with `-p grader.plugin` in the child process (and in-process by the kit's tests).
It provides the `target` fixture (the learner's module) and `device` (cpu, and cuda where there
is one), orders checks (correctness first, speed last), skips speed checks once something is
wrong, stops early when every further check would fail the same way (not implemented, import
error, time-out), and writes one JSON line per event to the results file so the parent can
report even if this process dies.
"""
from __future__ import annotations

import functools
import json
import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import pytest

from . import catalog
from .check import compare, declare
from .check.cases import last_case, skip_without_cuda
from .check.failure import CheckFailure, take_notes
from .check.mistakes import take_reproduced
from .learner import LearnerProblem, load_module, verify_untouched
from .results import STOPPING_REASONS, CheckResult, Kind, NamedMistake, Outcome, Reason

KIND_ORDER = {"correctness": 0, "hygiene": 1, "rules": 2, "speed": 3}


@dataclass
class RunState:
    """What the plugin knows about the run under way (in config.stash)."""

    out: IO[str] | None = None      # the results file (JSON lines), if the parent asked for one
    failed: bool = False             # a check failed: the speed checks are skipped
    stop: Reason | None = None       # why the remaining checks are passed over, once they are
    exitstatus: int = 0


RUN = pytest.StashKey[RunState]()
RESULT = pytest.StashKey[CheckResult]()  # in item.stash: the check's result so far


def pytest_addoption(parser):
    group = parser.getgroup("grader")
    group.addoption("--grader-target", help="the learner's module file to check")
    group.addoption("--grader-results", help="append JSON-lines events to this file")
    group.addoption("--grader-no-speed", action="store_true", help="skip the speed checks")
    group.addoption("--grader-fail-fast", action="store_true",
                    help="stop at the first failed check that names a mistake, crashes or is not a correctness check")
    group.addoption("--grader-select", help="run only the checks whose names match (grader run -k)")
    group.addoption("--grader-only", help="run only the check of this exact name (grader.repro)")
    group.addoption("--grader-exit-when-done", action="store_true",
                    help="end the process once the results are written (a child of grader run only)")


def pytest_configure(config):
    # Before any check module or learner file imports triton: its kernels run in the interpreter where
    # torch sees no CUDA device (the cold child has it from processes.child_env already; this covers
    # the in-process runs of the kit's tests and grader dev check).
    from .check.kernels import use_interpreter_without_cuda

    use_interpreter_without_cuda()
    for kind in ("speed", "hygiene", "rules", "cuda"):
        config.addinivalue_line("markers", f"{kind}: a {kind} check of the grader")
    results = config.getoption("--grader-results")
    config.stash[RUN] = RunState(out=open(results, "a", encoding="utf-8") if results else None)


def pytest_sessionfinish(session, exitstatus):
    session.config.stash[RUN].exitstatus = int(exitstatus)


@pytest.hookimpl(trylast=True)
def pytest_unconfigure(config):
    from . import learner

    learner._WATCH.disarm()
    state = config.stash.get(RUN, None)
    if state is not None and state.out:
        _emit(config, {"event": "done"})
        state.out.close()
    if config.getoption("--grader-exit-when-done", False):
        # Every result is on disk: skip the interpreter's teardown of torch (~0.4 s of a 3 s run).
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(state.exitstatus if state is not None else 0)


def _emit(config, event: dict) -> None:
    out = config.stash[RUN].out
    if out:
        out.write(json.dumps(event) + "\n")
        out.flush()


def exercise_of(item_or_path) -> catalog.Exercise:
    """The exercise whose checks these are: grader/exercises/<name>/checks.py."""
    path = Path(getattr(item_or_path, "path", item_or_path))
    return catalog.load().get(path.parent.name)


class ExerciseChecks(pytest.Module):
    """An exercise's check module, with the standard checks its declarations ask for (check.declare)."""

    def collect(self):
        exercise = exercise_of(self.path)
        if exercise is not None:
            declare.install(self.obj, exercise)
        return super().collect()


def pytest_pycollect_makemodule(module_path, parent):
    if module_path.name == "checks.py" and exercise_of(module_path) is not None:
        return ExerciseChecks.from_parent(parent, path=module_path)
    return None


def kind_of(item) -> str:
    for kind in ("speed", "hygiene", "rules"):
        if item.get_closest_marker(kind):
            return kind
    return "correctness"


def check_name(item) -> str:
    base = item.originalname.removeprefix("test_").replace("_", " ")
    callspec = getattr(item, "callspec", None)
    return f"{base} [{callspec.id}]" if callspec else base


SPEED_CHECK_TIMEOUT_S = 40


def pytest_collection_modifyitems(session, config, items):
    deselected = _deselect(config, items)
    # Correctness first and speed last; within a kind, in the order the module states them.
    items.sort(key=lambda item: (KIND_ORDER[kind_of(item)], declare.order(getattr(item, "function", None))))
    for item in items:
        item.repr_failure = functools.partial(_repr_failure, item)
        if kind_of(item) == "speed" and not item.get_closest_marker("timeout"):
            item.add_marker(pytest.mark.timeout(SPEED_CHECK_TIMEOUT_S))
    _emit(config, {"event": "collected", "checks": [{"name": check_name(i), "kind": kind_of(i)} for i in items],
                   "deselected": [check_name(i) for i in deselected]})


def _deselect(config, items) -> list:
    """Leave out the checks --grader-select or --grader-only do not name; return them."""
    from .engine import selected

    select, only = config.getoption("--grader-select"), config.getoption("--grader-only")
    if select is None and only is None:
        return []
    keep = [i for i in items if (select is None or selected(select, check_name(i)))
            and (only is None or check_name(i) == only)]
    dropped = [i for i in items if i not in keep]
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = keep
    return dropped


def target_path(config, exercise: catalog.Exercise) -> Path:
    given = config.getoption("--grader-target")
    return Path(given) if given else catalog.PACKAGE_DIR.parent / "exercises" / exercise.filename


@pytest.fixture(scope="module")
def exercise(request) -> catalog.Exercise:
    return exercise_of(request.node)


@pytest.fixture(scope="module")
def target_file(request, exercise) -> Path:
    return target_path(request.config, exercise)


@pytest.fixture(scope="module")
def target(target_file, exercise):
    """The learner's module, imported once per run of an exercise's checks."""
    return load_module(target_file, exercise.name, exercise.functions)


@pytest.fixture(params=["cpu", "cuda"])
def device(request) -> str:
    """Each device a check runs on; CUDA only where there is one (else skipped, saying why)."""
    skip_without_cuda(request.param)
    return request.param


def pytest_runtest_setup(item):
    compare.use_tolerance(getattr(getattr(item, "module", None), "TOLERANCE", None))
    if kind_of(item) == "speed":
        if item.config.getoption("--grader-no-speed"):
            pytest.skip("speed checks turned off (--no-speed)")
        if item.config.stash[RUN].failed:
            pytest.skip("speed is measured only once every correctness check passes")


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    result = item.stash.get(RESULT, None)
    if report.when in ("setup", "call") and (result is None or result.outcome is Outcome.PASSED):
        item.stash[RESULT] = _classify(item, call, report)
    if report.when == "teardown":
        _finish(item)
    return report


def _finish(item) -> None:
    """The check is over: settle its result, send it to the parent, decide whether the run goes on."""
    result = item.stash.get(RESULT, None) or _result(item, Outcome.ERROR, "no result", Reason.INTERNAL)
    replaced = verify_untouched()  # e.g. during a speed check, which calls the learner directly
    if replaced and result.outcome in (Outcome.PASSED, Outcome.SKIPPED):
        result = _result(item, Outcome.ERROR,
                         f"your code replaced {', '.join(replaced[:4])}, which the grader relies on; "
                         "it was put back. Do not assign to attributes of numpy, torch or the grader.",
                         Reason.TAMPERED)
    result.add_notes(take_notes())
    item.stash[RESULT] = result
    _emit(item.config, {"event": "result", **result.to_json()})
    state = item.config.stash[RUN]
    if result.bad:
        state.failed = True
    if result.reason in STOPPING_REASONS or (result.bad and item.config.getoption("--grader-fail-fast")
                                             and _diagnosed(result)):
        # Not session.shouldstop: pytest turns that into a KeyboardInterrupt whose report
        # costs ~0.5 s of source parsing. The remaining checks are passed over instead
        # (pytest_runtest_protocol below) and reported "not run" by the engine.
        state.stop = result.reason or Reason.ERROR


def _diagnosed(result: CheckResult) -> bool:
    """Whether a fail-fast run may stop after this failure: it names a mistake, or it is not a wrong output
    (a crash, an error) or not a correctness check. A wrong output that no mistake explains lets the
    correctness checks go on: a fail-fast run then names the first mistake a later check finds evidence
    for, where stopping at once would have shown a failure without a name."""
    return bool(result.explained_by) or result.reason is not Reason.MISMATCH or result.kind is not Kind.CORRECTNESS


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_protocol(item, nextitem):
    state = item.config.stash[RUN]
    if state.stop is None and state.failed and kind_of(item) != "correctness" \
            and item.config.getoption("--grader-fail-fast"):
        state.stop = Reason.ERROR  # fail-fast: the correctness checks are over, and one failed
    if state.stop is not None:
        return True  # handled: not run, no report
    take_notes()  # the check starts with nothing noted (nothing left over from before it)
    last_case(reset=True)
    take_reproduced()
    return None


def _repr_failure(item, excinfo, style=None):
    """The learner's problems carry their own message: skip pytest's costly traceback rendering."""
    if isinstance(excinfo.value, (CheckFailure, LearnerProblem)):
        return str(excinfo.value)
    return type(item).repr_failure(item, excinfo)


def round_floats(text: str) -> str:
    """`12.880365182308562` as `12.9` in the grader's own messages (3 significant digits, as the
    report's other figures); short numbers (`1e-09`, `0.5`, indices) are left as they are."""
    return re.sub(r"(?<![\w.])-?\d+\.\d{5,}(?:e[+-]?\d+)?(?![\w.])", lambda m: f"{float(m.group()):.3g}", text)


def _printed(report) -> str:
    text = (report.capstdout or "") + (report.capstderr or "")
    lines = text.strip().splitlines()
    if not lines:
        return ""
    shown = lines[:8]
    more = f"\n… and {len(lines) - 8} more lines" if len(lines) > 8 else ""
    return "\n".join(line[:200] for line in shown) + more


def _result(item, outcome: Outcome, message: str, reason: Reason | None = None, **details) -> CheckResult:
    return CheckResult(check_name(item), Kind(kind_of(item)), outcome, message, reason, **details)


def _classify(item, call, report) -> CheckResult:
    if report.passed:
        return _result(item, Outcome.PASSED, "")
    if report.skipped:
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
        message = reason.removeprefix("Skipped: ")
        if kind_of(item) == "speed" and item.config.getoption("--grader-no-speed"):
            return _result(item, Outcome.SKIPPED, message, Reason.SPEED_OFF)
        return _result(item, Outcome.SKIPPED, message)
    exc = call.excinfo.value if call.excinfo else None
    printed = _printed(report) or None
    reproduced = take_reproduced()  # every mistake a variant reproduced during this check
    if isinstance(exc, CheckFailure):
        named = lambda m: NamedMistake(m.name, m.explanation, m.anchor, reproduced=m in reproduced)  # noqa: E731
        mistake = named(exc.mistake) if exc.mistake else None
        also = tuple(named(m) for m in reproduced if m != exc.mistake)
        return _result(item, Outcome.FAILED, round_floats(exc.message), Reason.MISMATCH, case=exc.case,
                       mistake=mistake, also=also, printed=printed)
    if isinstance(exc, LearnerProblem):
        # A crash names its case as a mismatch does: the one the check described last; and a mistake only
        # where the check inferred one (no variant reproduces a crash).
        m = exc.mistake
        return _result(item, Outcome.ERROR, str(exc), Reason.of(exc.reason), printed=printed,
                       case=last_case() or None,
                       mistake=m and NamedMistake(m.name, m.explanation, m.anchor, reproduced=False))
    if call.excinfo and "Timeout" in str(exc) and type(exc).__name__ == "Failed":
        seconds = item.get_closest_marker("timeout")
        limit = seconds.args[0] if seconds else item.config.getini("timeout")
        return _result(item, Outcome.ERROR, f"timed out after {limit} s (an infinite loop, or a very slow one?)",
                       Reason.TIMEOUT, printed=printed)
    # Anything else escaped the checks' own handling: a bug in the grader, not the learner's fault.
    return _result(item, Outcome.ERROR,
                   "the grader itself failed (please report this):\n" + str(report.longreprtext)[-1500:],
                   Reason.INTERNAL)
