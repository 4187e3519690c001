"""Shared helpers of the kit's tests."""
from __future__ import annotations

import os
import sys

# Speed checks compare one thread against one thread; BLAS pools read these when numpy loads.
for _variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "VECLIB_MAXIMUM_THREADS"):
    os.environ[_variable] = "1"
from pathlib import Path

import pytest

from grader import catalog, dev, runner
from grader.dev import module_constant  # noqa: F401 - the tests import it from here

ROOT = Path(__file__).resolve().parent.parent
CATALOG = catalog.load()
EXERCISES = ROOT / "grader" / "exercises"  # one folder per exercise: checks.py, mutants/, alternatives/
MUTANTS, ALTERNATIVES = "mutants", "alternatives"


def implementations(kind: str) -> list[tuple[str, Path]]:
    """(exercise, file) for every file of grader/exercises/<exercise>/<kind>/ (helpers start with _)."""
    return [(d.name, f) for d in sorted(EXERCISES.iterdir()) if (d / kind).is_dir()
            for f in sorted((d / kind).glob("*.py")) if not f.name.startswith("_")]


def run_checks(exercise_name: str, path: Path, *, speed: bool = False) -> runner.RunResult:
    """Run an exercise's checks in this process on `path` (its folder importable, for _base helpers)."""
    return dev.run_checks(CATALOG.get(exercise_name), path, speed=speed)


def summary(result: runner.RunResult) -> str:
    return "\n".join(f"{c['outcome']:8} {c['name']}: {c.get('message', '')[:300]}" for c in result.checks)


@pytest.fixture
def workspace(tmp_path, monkeypatch):
    """A throwaway learner workspace (a git repo with the pristine stubs) the CLI works in."""
    import shutil
    import subprocess

    shutil.copytree(ROOT / "exercises", tmp_path / "exercises")
    (tmp_path / ".grader").mkdir()
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@t", "-c", "commit.gpgsign=false"]
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    subprocess.run([*git, "add", "-A"], cwd=tmp_path, check=True)
    subprocess.run([*git, "commit", "-qm", "stubs"], cwd=tmp_path, check=True)
    monkeypatch.setenv("GRADER_WORKSPACE", str(tmp_path))
    return tmp_path
