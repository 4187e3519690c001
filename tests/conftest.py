"""Shared helpers of the kit's tests."""
from __future__ import annotations

import os
import sys

# Speed checks compare one thread against one thread; BLAS pools read these when numpy loads.
for _variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "VECLIB_MAXIMUM_THREADS"):
    os.environ[_variable] = "1"
from pathlib import Path

import pytest

from grader.check.kernels import use_interpreter_without_cuda

# Triton reads TRITON_INTERPRET when it is imported (its own library kernels, tl.max and tl.sum, are
# decorated then): before any test imports a Triton exercise's file, as the grader's child does.
use_interpreter_without_cuda()

from grader import catalog, dev
from grader.dev import module_constant  # noqa: F401 - the tests import it from here
from grader.results import RunResult

ROOT = Path(__file__).resolve().parent.parent
CATALOG = catalog.load()
EXERCISES = ROOT / "grader" / "exercises"  # one folder per exercise: checks.py, mutants/, alternatives/
MUTANTS, ALTERNATIVES = "mutants", "alternatives"
# The theory site's build tooling (mkdocs hooks, plots, layer tables) lives with the site, not in the
# grader package; the site's tests import its modules by name from there (import hooks, plots, ...).
SITE_HOOKS = ROOT / "site" / "hooks"
sys.path.insert(0, str(SITE_HOOKS))


# Exercises whose framework cannot be had here (triton where it is not installed): their tests skip, saying why.
MISSING = {e.name: why for e in CATALOG.exercises for why in [catalog.missing_requirement(e)] if why}


def pytest_collection_modifyitems(config, items):
    """A test parametrized by such an exercise's name skips with the one line the CLI gives. Under xdist
    every test that reads the built site runs on one worker, so the site (and its See-it-fail panels) is
    built once per run, not once per worker."""
    for item in items:
        if "built_site" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.xdist_group("site"))
        for value in getattr(getattr(item, "callspec", None), "params", {}).values():
            if isinstance(value, str) and value in MISSING:
                item.add_marker(pytest.mark.skip(reason=MISSING[value]))
                break


def implementations(kind: str) -> list[tuple[str, Path]]:
    """(exercise, file) for every file of grader/exercises/<exercise>/<kind>/ (helpers start with _)."""
    return [(d.name, f) for d in sorted(EXERCISES.iterdir()) if (d / kind).is_dir()
            for f in sorted((d / kind).glob("*.py")) if not f.name.startswith("_")]


def run_checks(exercise_name: str, path: Path, *, speed: bool = False) -> RunResult:
    """Run an exercise's checks in this process on `path` (its folder importable, for _base helpers)."""
    return dev.run_checks(CATALOG.get(exercise_name), path, speed=speed)


def summary(result: RunResult) -> str:
    return "\n".join(f"{c.outcome:8} {c.name}: {c.message[:300]}" for c in result.checks)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory):
    """The theory site, built once per test run with mkdocs build --strict, for every test that reads it."""
    import importlib.util
    import subprocess
    import time

    if importlib.util.find_spec("mkdocs") is None:
        pytest.skip("mkdocs is not installed (pip install -e '.[dev]'): site checks skipped")
    out = tmp_path_factory.mktemp("site")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
           "NO_MKDOCS_2_WARNING": "1"}
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(ROOT / "mkdocs.yml"),
                           "-d", str(out)], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    seconds = time.perf_counter() - start
    assert proc.returncode == 0, f"mkdocs build --strict failed:\n{proc.stdout[-3000:]}\n{proc.stderr[-6000:]}"
    print(f"site built in {seconds:.1f} s")
    return out


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
