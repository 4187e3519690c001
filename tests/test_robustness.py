"""Broken and hostile learner code, through the real path (`grader run --target --json` in a child).

Each file in tests/broken/conv2d/ must give exit 1, exactly one JSON object, a message that says
what happened (EXPECTED), no grader traceback, and finish well within its time limit.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from conftest import ROOT, module_constant

pytestmark = pytest.mark.slow  # broken code through real child processes, up to their time limits

BROKEN = sorted((ROOT / "tests" / "broken" / "conv2d").glob("*.py"))
LIMITS = {"GRADER_CHECK_TIMEOUT": "3", "GRADER_TIME_LIMIT": "20"}


def grade(path: Path, tmp: Path) -> tuple[subprocess.CompletedProcess, float]:
    folder = tmp / path.stem
    folder.mkdir()
    shutil.copy(path, folder / "conv2d.py")
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "grader", "run", "conv2d", "--target", str(folder), "--json"],
                          capture_output=True, text=True, timeout=90, env={**os.environ, **LIMITS})
    return done, time.perf_counter() - started


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("broken")
    with ThreadPoolExecutor(max_workers=2) as pool:  # two cores: two children at a time
        return dict(zip(BROKEN, pool.map(lambda p: grade(p, tmp), BROKEN)))


@pytest.mark.parametrize("path", BROKEN, ids=lambda p: p.stem)
def test_broken_code_gets_a_clear_failure(path, outcomes):
    done, seconds = outcomes[path]
    assert done.returncode == 1, done.stdout + done.stderr
    assert done.stdout.count("\n") == 1, "stdout must hold exactly one JSON line"
    report = json.loads(done.stdout)
    assert report["passed"] is False
    problem = next(c for c in report["checks"] if c["outcome"] in ("failed", "error"))
    assert problem["reason"] != "internal", problem
    expected = module_constant(path, "EXPECTED")
    assert expected in problem["message"] or expected in problem.get("printed", ""), problem
    assert "Traceback" not in problem["message"] and "Traceback" not in done.stderr
    assert len(problem["message"]) < 1500
    assert seconds < 30


def test_rendered_report_of_a_crash_is_short_and_points_at_the_learners_line(tmp_path):
    folder = tmp_path / "t"
    folder.mkdir()
    shutil.copy(ROOT / "tests" / "broken" / "conv2d" / "raises_in_learner_code.py", folder / "conv2d.py")
    done = subprocess.run([sys.executable, "-m", "grader", "run", "conv2d", "--target", str(folder)],
                          capture_output=True, text=True, timeout=90, env={**os.environ, **LIMITS, "NO_COLOR": "1"})
    assert done.returncode == 1
    assert "conv2d.py, line 8" in done.stdout
    assert "ValueError" in done.stdout
    assert "grader/" not in done.stdout and "Traceback" not in done.stdout
    assert len(done.stdout.splitlines()) < 40
