"""Hostile and broken learner code (tests/hostile/conv2d/) through the real child-process path.

Every file says what must happen: EXPECTED_REASON (the first problem's reason, or None when the
file is correct apart from side effects the grader must undo, so it must pass) and
EXPECTED_MESSAGE (words the learner must read). Each must give a short, clear message, no grader
traceback, and finish within its time limit.

The whole corpus runs through `engine.execute` with a warm worker (grader.worker: one forked child per
run, as `grader watch` and `grader run --all` do); a few of the nastiest also run cold through
`grader run conv2d --target DIR --json`, one fresh child each, checking the exit code.
"""
from __future__ import annotations

import ast
import json
import os
import re
import shutil
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from conftest import CATALOG, ROOT

pytestmark = pytest.mark.slow  # each file runs in a warm worker and in a fresh child process

HOSTILE_DIR = ROOT / "tests" / "hostile" / "conv2d"
HOSTILE = sorted(p for p in HOSTILE_DIR.glob("*.py") if not p.name.startswith("_"))
LIMITS = {"GRADER_CHECK_TIMEOUT": "3", "GRADER_TIME_LIMIT": "10", "GRADER_MEMORY_MB": "1200",
          "GRADER_OUTPUT_MB": "8"}
COLD = ["infinite_loop_in_numpy", "memory_grows_until_refused", "patches_torch_comparisons", "changes_process_state"]


def expected(path: Path) -> tuple[str | None, str | None]:
    """EXPECTED_REASON and EXPECTED_MESSAGE, read without importing (some files do not even decode)."""
    found = {}
    for line in path.read_bytes().decode("utf-8", "replace").splitlines():
        match = re.match(r"^(EXPECTED_REASON|EXPECTED_MESSAGE) = (.+?)(\s+#.*)?$", line)
        if match:
            found[match.group(1)] = ast.literal_eval(match.group(2))
    return found.get("EXPECTED_REASON"), found.get("EXPECTED_MESSAGE")


def place(path: Path, folder: Path) -> Path:
    """The hostile file as DIR/conv2d.py, the learner's file name."""
    folder.mkdir(parents=True)
    shutil.copy(path, folder / "conv2d.py")
    return folder


@pytest.fixture(scope="module")
def environment(tmp_path_factory):
    """Small limits, _base.py importable by the hostile files, a file for a spawned process's pid."""
    tmp = tmp_path_factory.mktemp("hostile")
    lib = tmp / "lib"
    lib.mkdir()
    shutil.copy(HOSTILE_DIR / "_base.py", lib / "_base.py")
    values = {**LIMITS, "HOSTILE_PID_FILE": str(tmp / "spawned.pid"),
              "PYTHONPATH": os.pathsep.join(p for p in (str(ROOT), str(lib), os.environ.get("PYTHONPATH")) if p)}
    with pytest.MonkeyPatch.context() as mp:
        for key, value in values.items():
            mp.setenv(key, value)
        yield tmp


@pytest.fixture(scope="module")
def outcomes(environment):
    """Every hostile file through two warm workers (two cores); then the solution, in each, still passes."""
    from grader import engine
    from grader.worker import Worker

    exercise = CATALOG.get("conv2d")
    workers = [Worker(), Worker()]
    for worker in workers:
        worker.start()
    free = list(workers)
    lock = threading.Lock()

    def grade(path: Path):
        with lock:
            worker = free.pop()
        try:
            folder = place(path, environment / "warm" / path.stem)
            started = time.perf_counter()
            result = engine.execute(exercise, folder / "conv2d.py", speed=False, backend=worker)
            return result, time.perf_counter() - started, worker.alive
        finally:
            with lock:
                free.append(worker)

    try:
        with ThreadPoolExecutor(max_workers=2) as pool:
            found = dict(zip(HOSTILE, pool.map(grade, HOSTILE)))
        after = [engine.execute(exercise, ROOT / "solutions" / "conv2d.py", speed=False, backend=w) for w in workers]
    finally:
        for worker in workers:
            worker.close()
    return found, after


def check_problem(path: Path, result, seconds: float) -> None:
    reason, message = expected(path)
    summary = json.dumps(result.to_json(), indent=1)[:3000]
    assert seconds < float(LIMITS["GRADER_TIME_LIMIT"]) + 20, f"took {seconds:.1f} s"
    if reason is None:  # correct code with side effects: the grader undoes them, the verdict stands
        assert result.passed, summary
        return
    assert not result.passed, summary
    problem = result.first_problem
    assert problem is not None, summary
    assert problem.reason == reason, summary
    text = problem.message + (problem.printed or "")
    assert message.lower() in text.lower(), summary
    assert "Traceback" not in problem.message, summary
    assert "grader/" not in problem.message and "_pytest" not in problem.message, summary
    assert len(problem.message) < 1500, summary


def test_the_corpus_is_large_and_every_file_states_its_expectation():
    assert len(HOSTILE) >= 30
    for path in HOSTILE:
        reason, message = expected(path)
        assert reason is None or message, f"{path.name}: EXPECTED_MESSAGE missing"


@pytest.mark.parametrize("path", HOSTILE, ids=lambda p: p.stem)
def test_hostile_code_through_the_warm_worker(path, outcomes):
    found, _ = outcomes
    result, seconds, worker_alive = found[path]
    check_problem(path, result, seconds)
    assert worker_alive, "the learner's code must never take the warm worker down"


def test_the_workers_are_not_poisoned_by_what_ran_before(outcomes):
    _, after = outcomes
    for result in after:
        assert result.passed, json.dumps(result.to_json())[:2000]


def test_processes_started_by_the_learner_die_with_the_run(outcomes, environment):
    pid = int((environment / "spawned.pid").read_text())
    deadline = time.time() + 10
    while time.time() < deadline:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().split()[2]
        except (FileNotFoundError, ProcessLookupError):
            return
        if state == "Z":
            return
        time.sleep(0.1)
    pytest.fail(f"the learner's `sleep` (pid {pid}) outlived the run")


@pytest.fixture(scope="module")
def cold_outcomes(environment):
    def grade(stem: str):
        folder = place(HOSTILE_DIR / f"{stem}.py", environment / "cold" / stem)
        started = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "grader", "run", "conv2d", "--target", str(folder), "--json",
                               "--no-speed"], capture_output=True, text=True, timeout=180, env=os.environ.copy())
        return done, time.perf_counter() - started

    with ThreadPoolExecutor(max_workers=2) as pool:
        return dict(zip(COLD, pool.map(grade, COLD)))


@pytest.mark.parametrize("stem", COLD)
def test_hostile_code_through_grader_run_in_a_fresh_child(stem, cold_outcomes):
    from grader.results import RunResult

    done, seconds = cold_outcomes[stem]
    path = HOSTILE_DIR / f"{stem}.py"
    reason, _ = expected(path)
    assert done.returncode == (0 if reason is None else 1), done.stdout[-2000:] + done.stderr[-2000:]
    assert done.stdout.count("\n") == 1 and "Traceback" not in done.stderr, done.stderr[-2000:]
    report = json.loads(done.stdout)
    result = RunResult.from_json(report)
    # A cold child imports torch first: allow for that on a loaded machine.
    check_problem(path, result, seconds - 30)


# ---------------------------------------------------------------- the fence around learner calls, in-process

def test_settings_changed_by_a_call_are_put_back():
    import warnings

    import numpy as np
    import torch

    from grader.learner import call

    before = (np.geterr(), np.get_printoptions(), torch.get_default_dtype(), torch.is_grad_enabled(),
              os.getcwd(), len(warnings.filters), sys.getrecursionlimit(), os.environ.get("PATH"))

    def meddles():
        np.seterr(all="raise")
        np.set_printoptions(precision=1)
        torch.set_default_dtype(torch.float64)
        torch.set_grad_enabled(False)
        os.chdir("/")
        warnings.simplefilter("error")
        sys.setrecursionlimit(100)
        os.environ.pop("PATH", None)
        return 42

    assert call(meddles) == 42
    after = (np.geterr(), np.get_printoptions(), torch.get_default_dtype(), torch.is_grad_enabled(),
             os.getcwd(), len(warnings.filters), sys.getrecursionlimit(), os.environ.get("PATH"))
    assert after == before


def test_replaced_library_functions_are_put_back_and_reported():
    import numpy as np
    import torch

    from grader import learner
    from grader.learner import Tampered, call

    original_allclose, original_sum = np.allclose, torch.Tensor.__dict__.get("sum")
    learner._GUARD.snapshot()

    def cheats():
        np.allclose = lambda *a, **k: True
        torch.Tensor.sum = lambda self, *a, **k: 0
        return 1

    with pytest.raises(Tampered) as caught:
        call(cheats)
    assert "numpy.allclose" in str(caught.value) and "torch.Tensor.sum" in str(caught.value)
    assert np.allclose is original_allclose
    assert torch.Tensor.__dict__.get("sum") is original_sum
    assert float(torch.ones(3).sum()) == 3.0
    assert call(lambda: 7) == 7  # nothing left over


def test_torch_rewrapping_its_own_function_is_not_blamed_but_a_learner_wrapper_is():
    import functools

    import torch

    from grader import learner
    from grader.learner import Tampered, call

    original = torch.manual_seed
    learner._GUARD.snapshot()
    # What torch does when torch._dynamo is first imported: its own wrapper (code in torch's package).
    torch_wrapper = torch._disable_dynamo(original)
    if torch_wrapper is original:
        pytest.skip("this torch does not re-wrap manual_seed")

    def torch_imports_dynamo():
        torch.manual_seed = torch_wrapper
        return 1

    try:
        assert call(torch_imports_dynamo) == 1

        @functools.wraps(torch_wrapper)
        def learner_wrapper(seed):  # same metadata, learner's code
            return torch_wrapper(seed)

        def cheats():
            torch.manual_seed = learner_wrapper
            return 1

        with pytest.raises(Tampered, match="torch.manual_seed"):
            call(cheats)
        assert torch.manual_seed is torch_wrapper
    finally:
        torch.manual_seed = original


def test_a_keyboard_interrupt_from_learner_code_is_a_crash_not_an_early_stop():
    from grader.learner import LearnerCrash, call

    def interrupts():
        raise KeyboardInterrupt

    with pytest.raises(LearnerCrash, match="KeyboardInterrupt"):
        call(interrupts)
