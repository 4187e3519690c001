"""One-case reruns (`grader run NAME -k TEXT`), reproductions (`--repro`) and a --target of any name,
driven through a real `grader` process as a learner types them."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest

from conftest import CATALOG, EXERCISES, ROOT, module_constant

pytestmark = pytest.mark.slow  # real `grader` processes, and a fresh python per reproduction


def grader(*args, cwd=None, env=None):
    return subprocess.run([sys.executable, "-m", "grader", *args], capture_output=True, text=True, timeout=300,
                          cwd=cwd or ROOT, env={**os.environ, "NO_COLOR": "1", "COLUMNS": "100", "PYTHONPATH": str(ROOT), **(env or {})})


def fresh_python(code: str, cwd) -> subprocess.CompletedProcess:
    """The snippet as a learner pastes it: a new interpreter, started in their folder."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}  # this checkout's grader, as an installed kit's
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300, cwd=cwd, env=env)


def named_mutant(exercise: str):
    """The first wrong implementation of `exercise` whose own classic mistake (one of exercise.toml's,
    not a rule nor the shared in-place check) the checks name: it fails a check that ran its code."""
    own = {m.name for m in CATALOG.get(exercise).mistakes.values()}
    folder = EXERCISES / exercise / "mutants"
    return next(f for f in sorted(folder.glob("*.py"))
                if not f.name.startswith("_") and module_constant(f, "EXPECTED_MISTAKE") in own)


def test_k_runs_only_the_matching_checks_and_records_no_pass(workspace):
    done = grader("run", "conv2d", "--solution", "-k", "padding", "--no-speed", "--json")
    report = json.loads(done.stdout)
    names = [c["name"] for c in report["checks"]]
    assert done.returncode == 0 and report["selection"] == "padding"
    assert names and all("padding" in n for n in names), names
    done = grader("run", "conv2d", "--solution", "-k", "not matches and not random", "--no-speed", "--json")
    assert not any(c["name"].startswith(("matches", "random")) for c in json.loads(done.stdout)["checks"])
    # The learner's own file passes its -k checks: the progress file must not call the exercise passed.
    (workspace / "exercises" / "conv2d.py").write_text((ROOT / "solutions" / "conv2d.py").read_text())
    done = grader("run", "conv2d", "-k", "padding 1")
    assert done.returncode == 0, done.stdout + done.stderr
    listed = json.loads(grader("list", "--json").stdout)["exercises"]
    conv2d = next(e for e in listed if e["exercise"] == "conv2d")
    assert "passing" not in conv2d["status"] and conv2d["last_passed"] is None, conv2d


def test_k_matching_nothing_is_a_usage_error_listing_the_checks():
    done = grader("run", "conv2d", "--solution", "-k", "no such check")
    assert done.returncode == 2
    assert "no check of conv2d matches" in done.stderr and "matches torch [bias]" in done.stderr


def test_target_takes_a_file_of_any_name():
    mutant = EXERCISES / "conv2d" / "mutants" / "flipped_kernel.py"
    done = grader("run", "conv2d", "--target", str(mutant), "--no-speed", "-x")
    assert done.returncode == 1
    assert "flipped_kernel.py" in done.stdout and "Looks like: flipped kernel" in done.stdout


def test_target_folder_without_the_file_says_what_to_do_there(tmp_path):
    done = grader("run", "conv2d", "--target", str(tmp_path))
    assert done.returncode == 1
    message = " ".join((done.stdout + done.stderr).split())  # the report wraps long paths
    assert "conv2d.py does not exist" in message and "--target" in message
    assert "grader reset" not in message  # reset rewrites exercises/, not the target
    assert "Traceback" not in message
    every = grader("run", "--all", "--topic", "detection", "--target", str(tmp_path), "--json")
    reports = json.loads(every.stdout)["exercises"]
    assert every.returncode == 1 and len(reports) == 3
    for report in reports:
        assert "does not exist" in report["checks"][0]["message"]
        assert "grader reset" not in report["checks"][0]["message"]


# The whole path (a `grader run --repro` process, then the snippet in a new python) on one exercise of
# each kind; every exercise's reproduction is rebuilt in-process below, at a fraction of the cost.
END_TO_END = ["conv2d", "pool_output_size", "nms", "batch_norm", "optimizers", "multi_head_self_attention"]


@pytest.mark.parametrize("exercise", END_TO_END)
def test_repro_snippet_runs_in_a_fresh_python_and_shows_the_mismatch(exercise, tmp_path):
    """A wrong file, `--repro`, and the printed snippet pasted into a new python."""
    mutant = named_mutant(exercise)
    done = grader("run", exercise, "--target", str(mutant), "--no-speed", "-x", "--repro", "--json")
    assert done.returncode == 1, done.stdout + done.stderr
    report = json.loads(done.stdout)
    problem = next(c for c in report["checks"] if c["outcome"] in ("failed", "error"))
    snippet = report["repro"]
    assert "rebuild(" in snippet and repr(problem["name"]) in snippet
    ran = fresh_python(snippet + "\nprint('got is', type(got).__name__)\n", cwd=tmp_path)
    assert "Traceback" not in ran.stderr or problem["outcome"] == "error", ran.stderr[-3000:]
    out = ran.stdout
    assert f"check {problem['name']!r}" in out, out + ran.stderr[-2000:]
    assert "the check said: " in out and "this check passes now" not in out, out
    assert problem["message"].splitlines()[0][:60] in out  # the same verdict as the run's
    if "your call:" in out and problem["outcome"] == "failed":
        assert "got is" in out  # case.call() ran the learner's function again


def test_a_crash_names_its_case_with_small_inputs_shown(tmp_path):
    mine = tmp_path / "conv_attempt.py"
    mine.write_text("def conv2d(x, weight, bias=None, stride=1, padding=0):\n    raise ValueError('boom')\n")
    out = grader("run", "conv2d", "--target", str(mine), "-x").stdout
    panel = " ".join(out.split())
    assert "ValueError: boom" in panel
    assert "case: x (1, 1, 3, 3) float64 [[[[" in panel and "weight (1, 1, 2, 2) float64 [[[[" in panel, out


def test_small_cases_show_their_values_and_large_ones_do_not():
    softmax = EXERCISES / "softmax" / "mutants" / "axis_ignored.py"
    out = " ".join(grader("run", "softmax", "--target", str(softmax), "-k", "axis=0").stdout.split())
    assert "case: x (4, 3) float64 [[" in out, out
    conv = EXERCISES / "conv2d" / "mutants" / "flipped_kernel.py"
    case = json.loads(grader("run", "conv2d", "--target", str(conv), "-k", "padding 1", "--json").stdout)
    # 50 and 54 values: shape and dtype only; the bias's 3 values are shown
    assert case["checks"][0]["case"].startswith("x (2, 2, 5, 5) float64, weight (3, 2, 3, 3) float64, bias (3,) float64 [")
    message = case["checks"][0]["message"]
    assert "Greatest absolute difference" in message
    assert not re.search(r"\d\.\d{6,}", message), message  # figures rounded (3 significant digits)


def test_skipped_checks_are_not_counted_and_are_named():
    out = " ".join(grader("run", "batch_norm", "--solution", "--no-speed").stdout.split())
    passed = re.search(r"All (\d+) checks passed in [\d.]+ s; (\d+) skipped \((.*?)\)\.", out)
    assert passed, out
    assert out.count(" ✓ ") == int(passed.group(1))
    assert "--no-speed" in passed.group(3)


@pytest.mark.parametrize("exercise", CATALOG.names())
def test_every_exercise_rebuilds_its_failing_case_with_the_runs_verdict(exercise):
    """What the snippet calls, in this process: `rebuild` reruns the check the report shows on a wrong
    file and gives back the same verdict, with the learner's call recorded where the check made one."""
    from grader import engine, repro

    mutant = named_mutant(exercise)
    result = engine.execute(CATALOG.get(exercise), mutant, speed=False, fail_fast=True, backend=engine.IN_PROCESS)
    problem = result.problem_to_show
    assert problem is not None and problem.bad
    case = repro.rebuild(exercise, problem.name, mutant)
    shown = str(case)
    assert f"check {problem.name!r}" in shown and "the check said: " in shown, shown
    assert problem.message.splitlines()[0][:60] in shown
