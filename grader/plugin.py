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
import sys
from pathlib import Path

import pytest

from . import catalog
from .check import compare, declare
from .check.cases import skip_without_cuda
from .check.failure import CheckFailure, take_notes
from .learner import LearnerProblem, load_module, verify_untouched

KIND_ORDER = {"correctness": 0, "hygiene": 1, "rules": 2, "speed": 3}
STOPPING_REASONS = {"not_implemented", "import_error", "timeout", "tampered"}


def pytest_addoption(parser):
    group = parser.getgroup("grader")
    group.addoption("--grader-target", help="the learner's module file to check")
    group.addoption("--grader-results", help="append JSON-lines events to this file")
    group.addoption("--grader-no-speed", action="store_true", help="skip the speed checks")
    group.addoption("--grader-fail-fast", action="store_true", help="stop at the first failed check")
    group.addoption("--grader-exit-when-done", action="store_true",
                    help="end the process once the results are written (a child of grader run only)")


def pytest_configure(config):
    for kind in ("speed", "hygiene", "rules", "cuda"):
        config.addinivalue_line("markers", f"{kind}: a {kind} check of the grader")
    config._grader_failed = False
    results = config.getoption("--grader-results")
    config._grader_out = open(results, "a", encoding="utf-8") if results else None


def pytest_sessionfinish(session, exitstatus):
    session.config._grader_exitstatus = int(exitstatus)


@pytest.hookimpl(trylast=True)
def pytest_unconfigure(config):
    out = getattr(config, "_grader_out", None)
    if out:
        _emit(config, {"event": "done"})
        out.close()
    if config.getoption("--grader-exit-when-done", False):
        # Every result is on disk: skip the interpreter's teardown of torch (~0.4 s of a 3 s run).
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(getattr(config, "_grader_exitstatus", 0))


def _emit(config, event: dict) -> None:
    out = config._grader_out
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
    # Correctness first and speed last; within a kind, in the order the module states them.
    items.sort(key=lambda item: (KIND_ORDER[kind_of(item)], declare.order(getattr(item, "function", None))))
    for item in items:
        item.repr_failure = functools.partial(_repr_failure, item)
        if kind_of(item) == "speed" and not item.get_closest_marker("timeout"):
            item.add_marker(pytest.mark.timeout(SPEED_CHECK_TIMEOUT_S))
    _emit(config, {"event": "collected",
                   "checks": [{"name": check_name(i), "kind": kind_of(i)} for i in items]})


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
        if item.config._grader_failed:
            pytest.skip("speed is measured only once every correctness check passes")


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    result = getattr(item, "_grader_result", None)
    if report.when in ("setup", "call") and (result is None or result["outcome"] == "passed"):
        item._grader_result = _classify(item, call, report)
    if report.when == "teardown":
        result = item._grader_result or {"outcome": "error", "reason": "internal", "message": "no result"}
        replaced = verify_untouched()  # e.g. during a speed check, which calls the learner directly
        if replaced and result["outcome"] in ("passed", "skipped"):
            result = {"outcome": "error", "reason": "tampered",
                      "message": f"your code replaced {', '.join(replaced[:4])}, which the grader relies on; "
                                 "it was put back. Do not assign to attributes of numpy, torch or the grader."}
        result.update(name=check_name(item), kind=kind_of(item), **take_notes())
        _emit(item.config, {"event": "result", **result})
        if result["outcome"] in ("failed", "error"):
            item.config._grader_failed = True
        if result.get("reason") in STOPPING_REASONS or (
                result["outcome"] in ("failed", "error") and item.config.getoption("--grader-fail-fast")):
            # Not session.shouldstop: pytest turns that into a KeyboardInterrupt whose report
            # costs ~0.5 s of source parsing. The remaining checks are passed over instead
            # (pytest_runtest_protocol below) and reported "not run" by the runner.
            item.config._grader_stop = result["reason"]
    return report


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_protocol(item, nextitem):
    if getattr(item.config, "_grader_stop", None):
        return True  # handled: not run, no report
    return None


def _repr_failure(item, excinfo, style=None):
    """The learner's problems carry their own message: skip pytest's costly traceback rendering."""
    if isinstance(excinfo.value, (CheckFailure, LearnerProblem)):
        return str(excinfo.value)
    return type(item).repr_failure(item, excinfo)


def _printed(report) -> str:
    text = (report.capstdout or "") + (report.capstderr or "")
    lines = text.strip().splitlines()
    if not lines:
        return ""
    shown = lines[:8]
    more = f"\n… and {len(lines) - 8} more lines" if len(lines) > 8 else ""
    return "\n".join(line[:200] for line in shown) + more


def _classify(item, call, report) -> dict:
    if report.passed:
        return {"outcome": "passed", "message": ""}
    if report.skipped:
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
        message = reason.removeprefix("Skipped: ")
        if kind_of(item) == "speed" and item.config.getoption("--grader-no-speed"):
            return {"outcome": "skipped", "reason": "speed_off", "message": message}
        return {"outcome": "skipped", "message": message}
    exc = call.excinfo.value if call.excinfo else None
    printed = _printed(report)
    extra = {"printed": printed} if printed else {}
    if isinstance(exc, CheckFailure):
        result = {"outcome": "failed", "reason": "mismatch", "message": exc.message, "case": exc.case}
        if exc.mistake:
            result["mistake"] = {"name": exc.mistake.name, "explanation": exc.mistake.explanation,
                                 "anchor": exc.mistake.anchor}
        return {**result, **extra}
    if isinstance(exc, LearnerProblem):
        return {"outcome": "error", "reason": exc.reason, "message": str(exc), **extra}
    if call.excinfo and "Timeout" in str(exc) and type(exc).__name__ == "Failed":
        seconds = item.get_closest_marker("timeout")
        limit = seconds.args[0] if seconds else item.config.getini("timeout")
        return {"outcome": "error", "reason": "timeout",
                "message": f"timed out after {limit} s (an infinite loop, or a very slow one?)", **extra}
    # Anything else escaped the checks' own handling: a bug in the grader, not the learner's fault.
    return {"outcome": "error", "reason": "internal",
            "message": "the grader itself failed (please report this):\n" + str(report.longreprtext)[-1500:]}
