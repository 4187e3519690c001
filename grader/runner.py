"""Run one exercise's checks in a child process and collect the results.

The child is what makes a hung or crashing learner function harmless: it runs with capped
memory and file size, its own process group (killed whole at the time limit), thread pools
pinned to one thread (for honest speed ratios), and it reports through a JSON-lines file that
survives its death. `run_inprocess` runs the same checks in this process, for the kit's tests.
"""
from __future__ import annotations

import functools
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from .catalog import CHECKS_DIR, Exercise

# Defaults; the environment overrides them (GRADER_CHECK_TIMEOUT, GRADER_TIME_LIMIT, GRADER_MEMORY_MB,
# GRADER_OUTPUT_MB), read at each run so the kit's tests of hostile code can shrink them.
PER_CHECK_TIMEOUT_S = 10
MEMORY_LIMIT_MB = 4096
OUTPUT_LIMIT_MB = 64
THREAD_VARIABLES = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS",
                    "VECLIB_MAXIMUM_THREADS", "NUMEXPR_NUM_THREADS")


def _env_number(name: str, default: float) -> float:
    """A limit from the environment (tests shrink them); a bad value is ignored, not fatal."""
    try:
        value = float(os.environ.get(name, ""))
        return value if value > 0 else default
    except ValueError:
        return default


def check_timeout() -> float:
    """Seconds one check may run (pytest-timeout); GRADER_CHECK_TIMEOUT overrides."""
    return _env_number("GRADER_CHECK_TIMEOUT", PER_CHECK_TIMEOUT_S)


def time_limit(exercise: Exercise) -> float:
    """Seconds a whole run may take before the child is killed; GRADER_TIME_LIMIT overrides the catalog."""
    return _env_number("GRADER_TIME_LIMIT", exercise.time_limit)


def memory_limit_mb() -> int:
    return int(_env_number("GRADER_MEMORY_MB", MEMORY_LIMIT_MB))


def output_limit_bytes() -> int:
    return int(_env_number("GRADER_OUTPUT_MB", OUTPUT_LIMIT_MB) * 2**20)


@dataclass
class RunResult:
    exercise: str
    target: str
    checks: list[dict] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def passed(self) -> bool:
        # A check "not run" without an earlier failure means the run was cut short: not a pass.
        return bool(self.checks) and any(c["outcome"] == "passed" for c in self.checks) \
            and all(c["outcome"] == "passed" or (c["outcome"] == "skipped" and c.get("reason") != "not_run")
                    for c in self.checks)

    @property
    def full_pass(self) -> bool:
        """Passed with the speed checks on (a mock interview ends only on such a pass)."""
        return self.passed and not any(c.get("reason") == "speed_off" for c in self.checks)

    @property
    def first_problem(self) -> dict | None:
        return next((c for c in self.checks if c["outcome"] in ("failed", "error")), None)

    def to_json(self) -> dict:
        return {"exercise": self.exercise, "target": self.target, "passed": self.passed,
                "seconds": round(self.seconds, 3), "checks": self.checks}


def pytest_args(exercise: Exercise, target_file: Path, results: Path, *, speed: bool,
                timeout_plugin: bool = True, fail_fast: bool = False) -> list[str]:
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
        "--tb=native", "-o", f"timeout={check_timeout():g}",
        "--grader-target", str(target_file), "--grader-results", str(results),
    ]
    return args + ([] if speed else ["--grader-no-speed"]) + (["--grader-fail-fast"] if fail_fast else [])


def limit_process(output_bytes: int | None = None, memory_mb: int | None = None) -> None:
    """Cap this process's output files, core dumps and memory (in a child, before learner code)."""
    import resource

    output_bytes = output_bytes or output_limit_bytes()
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a print flood gets an error, not a kill
    resource.setrlimit(resource.RLIMIT_FSIZE, (output_bytes, output_bytes))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    if not os.path.exists("/dev/nvidiactl"):  # CUDA reserves address space the cap would refuse
        limit = (memory_mb or memory_limit_mb()) * 2**20
        resource.setrlimit(resource.RLIMIT_DATA, (limit, limit))


def child_env() -> dict[str, str]:
    env = dict(os.environ)
    env.update({v: "1" for v in THREAD_VARIABLES})
    env.update(PYTEST_DISABLE_PLUGIN_AUTOLOAD="1", PYTHONDONTWRITEBYTECODE="1",
               PYTHONHASHSEED="0", PYTHONUNBUFFERED="1")
    # The child imports `grader` from wherever this process did (a clone or an installed copy).
    root = str(CHECKS_DIR.parent.parent)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH")) if p)
    return env


def run(exercise: Exercise, target_file: Path, *, speed: bool = True, fail_fast: bool = False,
        worker=None) -> RunResult:
    """Run the checks of `exercise` on `target_file` in a child process.

    With a warm `worker` (grader.worker.Worker) the child is forked from it, which saves the
    ~2 s of importing torch; if the worker fails, the run falls back to a fresh child.
    """
    if worker is not None:
        result = worker.run(exercise, target_file, speed=speed, fail_fast=fail_fast)
        if result is not None:
            return result
    started = time.perf_counter()
    target_file = Path(target_file).resolve()
    with tempfile.TemporaryDirectory(prefix="grader-") as tmp:
        results = Path(tmp) / "results.jsonl"
        results.touch()
        output = open(Path(tmp) / "output.txt", "w+b")
        command = [sys.executable, "-m", "pytest",
                   *pytest_args(exercise, target_file, results, speed=speed, fail_fast=fail_fast),
                   "--grader-exit-when-done"]
        limits = functools.partial(limit_process, output_limit_bytes(), memory_limit_mb())
        child = subprocess.Popen(
            command, cwd=tmp, env=child_env(), stdin=subprocess.DEVNULL, stdout=output,
            stderr=subprocess.STDOUT, start_new_session=True, preexec_fn=limits,
        )
        timed_out = False
        try:
            child.wait(timeout=time_limit(exercise))
        except subprocess.TimeoutExpired:
            timed_out = True
        finally:
            _kill_group(child)
        output.seek(max(0, output.seek(0, 2) - 3000))
        tail = output.read().decode("utf-8", "replace")
        output.close()
        events = _read_events(results)
    result = collect(exercise, target_file, events, timed_out=timed_out,
                     returncode=child.returncode, output_tail=tail)
    result.seconds = time.perf_counter() - started
    return result


def _kill_group(child: subprocess.Popen) -> None:
    try:
        os.killpg(child.pid, signal.SIGKILL)  # the learner's code may have started processes too
    except (ProcessLookupError, PermissionError):
        pass
    child.wait()


def run_inprocess(exercise: Exercise, target_file: Path, *, speed: bool = False) -> RunResult:
    """The same checks in this process: fast, for the kit's own tests of mutants and solutions."""
    import pytest

    started = time.perf_counter()
    target_file = Path(target_file).resolve()
    with tempfile.TemporaryDirectory(prefix="grader-") as tmp:
        results = Path(tmp) / "results.jsonl"
        # Without autoload disabled, pytest-timeout is already loaded by its entry point.
        autoload_off = bool(os.environ.get("PYTEST_DISABLE_PLUGIN_AUTOLOAD"))
        args = pytest_args(exercise, target_file, results, speed=speed, timeout_plugin=autoload_off)
        code = pytest.main(args)
        events = _read_events(results)
    result = collect(exercise, target_file, events, timed_out=False, returncode=code, output_tail="")
    result.seconds = time.perf_counter() - started
    return result


def _read_events(path: Path) -> list[dict]:
    events = []
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        try:
            events.append(json.loads(line))
        except json.JSONDecodeError:
            break  # a line cut short by the child's death
    return events


def collect(exercise: Exercise, target_file: Path, events: list[dict], *, timed_out: bool,
            returncode: int | None, output_tail: str) -> RunResult:
    """Turn the child's events into one result per check, explaining any check it never finished."""
    result = RunResult(exercise=exercise.name, target=str(target_file))
    planned = next((e["checks"] for e in events if e["event"] == "collected"), None)
    finished = {e["name"]: e for e in events if e["event"] == "result"}
    done = any(e["event"] == "done" for e in events)
    if planned is None:
        result.checks.append({
            "name": "load the checks", "kind": "correctness", "outcome": "error", "reason": "internal",
            "message": _death_message(timed_out, returncode, exercise)
            + ("\n" + output_tail.strip()[-1500:] if output_tail.strip() else ""),
        })
        return result
    blamed = any(e.get("outcome") in ("failed", "error") for e in finished.values())
    for check in planned:
        if check["name"] in finished:
            entry = {k: v for k, v in finished[check["name"]].items() if k != "event"}
            result.checks.append(entry)
        elif not done and not blamed:
            blamed = True  # the check that was running when the process died
            result.checks.append({**check, "outcome": "error",
                                  "reason": "timeout" if timed_out else "crash",
                                  "message": _death_message(timed_out, returncode, exercise)})
        elif not blamed:
            blamed = True  # pytest finished, yet skipped this check with no problem reported: its own error
            result.checks.append({**check, "outcome": "error", "reason": "internal",
                                  "message": f"the grader stopped before this check (pytest exit code {returncode})"
                                  + ("\n" + output_tail.strip()[-1500:] if output_tail.strip() else "")})
        else:
            result.checks.append({**check, "outcome": "skipped", "reason": "not_run",
                                  "message": "not run (an earlier problem stopped the run)"})
    return result


def _death_message(timed_out: bool, returncode: int | None, exercise: Exercise) -> str:
    if timed_out:
        return (f"timed out: the checks did not finish within {time_limit(exercise):g} s "
                "(an infinite loop, possibly inside a NumPy call?)")
    if returncode is not None and returncode < 0:
        name = signal.Signals(-returncode).name if -returncode in signal.Signals._value2member_map_ else returncode
        return f"the process running your code was killed by {name} (a crash in native code, or out of memory)"
    return (f"the process running your code ended abruptly (exit code {returncode}): "
            "does your code call os._exit() or exit the interpreter some other way?")
