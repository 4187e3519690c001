"""Shared helpers of the kit's tests."""
from __future__ import annotations

import os
import sys

# Speed checks compare one thread against one thread; BLAS pools read these when numpy loads.
for _variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "VECLIB_MAXIMUM_THREADS"):
    os.environ[_variable] = "1"
from pathlib import Path

import pytest

from grader import catalog, engine
from grader.results import RunResult

ROOT = Path(__file__).resolve().parent.parent
CATALOG = catalog.load()
MUTANTS = ROOT / "tests" / "mutants"
ALTERNATIVES = ROOT / "tests" / "alternatives"


def implementations(folder: Path) -> list[tuple[str, Path]]:
    """(exercise, file) for every implementation file under folder/<exercise>/ (helpers start with _)."""
    return [(d.name, f) for d in sorted(folder.iterdir()) if d.is_dir()
            for f in sorted(d.glob("*.py")) if not f.name.startswith("_")]


def module_constant(path: Path, name: str, default=None):
    """Read a module-level constant (EXPECTED_MISTAKE, TOO_SLOW) without importing the file."""
    import ast
    import re

    text = path.read_text()
    try:
        tree = ast.parse(text)
    except SyntaxError:  # the broken-code corpus holds files that do not parse
        found = re.search(rf"^{name} = (.+?)(\s+#.*)?$", text, re.MULTILINE)
        return ast.literal_eval(found.group(1)) if found else default
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == name for t in node.targets):
            return ast.literal_eval(node.value)
    return default


def run_checks(exercise_name: str, path: Path, *, speed: bool = False) -> RunResult:
    """Run an exercise's checks in this process on `path` (its folder importable, for _base helpers)."""
    sys.path.insert(0, str(path.parent))
    sys.modules.pop("_base", None)
    try:
        return engine.execute(CATALOG.get(exercise_name), path, speed=speed, backend=engine.IN_PROCESS)
    finally:
        sys.path.remove(str(path.parent))
        sys.modules.pop("_base", None)


def summary(result: RunResult) -> str:
    return "\n".join(f"{c.outcome:8} {c.name}: {c.message[:300]}" for c in result.checks)


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
