"""The CLI's verbs and exit codes (0 passed, 1 failed, 2 usage), as a learner uses them."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from conftest import ROOT
from grader import cli

pytestmark = pytest.mark.slow  # every verb through a real `grader` process


def grader(*args, env=None, cwd=None):
    return subprocess.run([sys.executable, "-m", "grader", *args], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "NO_COLOR": "1", "COLUMNS": "120", **(env or {})}, cwd=cwd)


def test_stub_reports_not_implemented_and_the_next_step(workspace):
    done = grader("run", "conv2d")
    assert done.returncode == 1
    assert "not implemented yet" in done.stdout
    assert "exercises/conv2d.py" in done.stdout
    assert "grader hint conv2d" in done.stdout
    assert "Traceback" not in done.stdout + done.stderr


def test_solution_passes_with_a_speed_line():
    done = grader("run", "conv2d", "--solution")
    assert done.returncode == 0, done.stdout
    assert "All 20 checks passed" in done.stdout or "checks passed" in done.stdout
    assert "limit 80×" in done.stdout and "torch conv2d" in done.stdout


def test_json_is_one_object_with_the_documented_fields():
    done = grader("run", "conv2d", "--solution", "--json", "--no-speed")
    assert done.returncode == 0
    report = json.loads(done.stdout)
    assert report["exercise"] == "conv2d" and report["passed"] is True
    for check in report["checks"]:
        assert {"name", "kind", "outcome", "message"} <= set(check)
        assert check["kind"] in ("correctness", "speed", "hygiene", "rules")
        assert check["outcome"] in ("passed", "failed", "skipped", "error")


def test_json_when_the_module_cannot_be_imported(tmp_path):
    (tmp_path / "conv2d.py").write_text("def conv2d(:\n")
    done = grader("run", "conv2d", "--target", str(tmp_path), "--json")
    assert done.returncode == 1
    report = json.loads(done.stdout)
    assert report["passed"] is False
    assert report["checks"][0]["reason"] == "import_error"
    assert "syntax error" in report["checks"][0]["message"]


def test_target_dir_runs_that_file_and_a_wrong_answer_names_the_mistake(tmp_path):
    (tmp_path / "conv2d.py").write_text((ROOT / "grader/exercises/conv2d/mutants/flipped_kernel.py").read_text()
                                        .replace("from _base import", "from conv2d_base import"))
    (tmp_path / "conv2d_base.py").write_text((ROOT / "grader/exercises/conv2d/mutants/_base.py").read_text())
    done = grader("run", "conv2d", "--target", str(tmp_path), "--no-speed", env={"PYTHONPATH": str(tmp_path)})
    assert done.returncode == 1
    assert "Looks like: flipped kernel" in done.stdout
    assert "case: x (1, 1, 3, 3) float64" in done.stdout
    assert "Greatest absolute difference" in done.stdout


@pytest.mark.parametrize("args", [["run", "conv2dd"], ["hint", "convv2d"], ["run"], ["frobnicate"],
                                  ["run", "conv2d", "--solution", "--target", "."], ["reset", "nope"]])
def test_usage_errors_exit_2(args):
    done = grader(*args)
    assert done.returncode == 2, done.stdout + done.stderr
    assert "Traceback" not in done.stderr


def test_mistyped_name_suggests_the_right_one():
    done = grader("run", "conv2dd")
    assert "Did you mean 'conv2d'" in done.stderr


def test_list_table_and_json(workspace):
    table = grader("list")
    assert table.returncode == 0 and "conv2d" in table.stdout and "not started" in table.stdout
    rows = json.loads(grader("list", "--json").stdout)["exercises"]
    from grader.catalog import load

    assert [r["exercise"] for r in rows] == load().names()  # the teaching order
    assert {"topic", "difficulty", "status", "last_passed"} <= set(rows[0])


def test_hints_come_one_at_a_time_in_order(workspace):
    from grader.catalog import load

    hints = load().get("conv2d").hints
    first, second = grader("hint", "conv2d"), grader("hint", "conv2d")
    assert "Hint 1 of" in first.stdout and hints[0][:40] in first.stdout.replace("\n", " ")
    assert "Hint 2 of" in second.stdout and "Hint 1 of" not in second.stdout
    everything = grader("hint", "conv2d", "--all")
    assert all(f"Hint {i} of" in everything.stdout for i in range(1, len(hints) + 1))


def test_reset_restores_the_stub_and_keeps_a_backup(workspace):
    mine = workspace / "exercises" / "conv2d.py"
    stub = mine.read_text()
    mine.write_text("# my precious work\n")
    done = grader("reset", "conv2d")
    assert done.returncode == 0
    assert mine.read_text() == stub
    backups = list((workspace / ".grader" / "backups").glob("conv2d-*.py"))
    assert [b.read_text() for b in backups] == ["# my precious work\n"]
    # a second reset has nothing to save and touches nothing
    assert grader("reset", "conv2d").returncode == 0
    assert len(list((workspace / ".grader" / "backups").glob("conv2d-*.py"))) == 1


def test_progress_is_recorded_and_a_corrupt_state_file_is_ignored(workspace):
    state = workspace / ".grader" / "state.json"
    state.write_text("{not json")
    (workspace / "exercises" / "conv2d.py").write_text((ROOT / "solutions" / "conv2d.py").read_text())
    assert grader("run", "conv2d", "--no-speed").returncode == 0
    entry = json.loads(state.read_text())["exercises"]["conv2d"]
    assert entry["status"] == "passing" and entry["last_passed"]


def test_main_returns_exit_codes_without_raising():
    assert cli.main(["--help"]) == 0
    assert cli.main([]) == 2
    assert cli.main(["run", "--help"]) == 0
