"""`grader init` and `grader reset` never destroy a learner's file without a backup; an installed
(non-editable) kit carries its stubs and solutions, so `pip install . && grader init DIR` works."""
from __future__ import annotations

import importlib.metadata
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import CATALOG, ROOT
from grader import cli, workspace

pytestmark = pytest.mark.slow  # a pip install and workspaces driven through the CLI

STUB = (ROOT / "exercises" / "conv2d.py").read_text()


@pytest.fixture
def outside(tmp_path, monkeypatch):
    """A folder outside any workspace, as a learner's home would be."""
    monkeypatch.delenv("GRADER_WORKSPACE", raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "200")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def backups(root: Path) -> list[Path]:
    return sorted((root / ".grader" / "backups").glob("conv2d-*.py"))


def test_init_makes_a_workspace_of_stubs_that_grader_finds(outside, capsys):
    assert cli.main(["init", "practice"]) == 0
    root = outside / "practice"
    for name in CATALOG.names():
        assert (root / "exercises" / f"{name}.py").read_text() == workspace.packaged_stub(name)
    assert (root / ".grader").is_dir()
    os.chdir(root / "exercises")  # grader finds the workspace from any folder inside it
    assert workspace.find().root == root.resolve()
    assert "cd practice && grader run" in capsys.readouterr().out


def test_init_again_keeps_the_learners_files_and_adds_missing_stubs(outside, capsys):
    assert cli.main(["init", "w"]) == 0
    mine = outside / "w" / "exercises" / "conv2d.py"
    mine.write_text("# my work\n")
    assert cli.main(["init", "w"]) == 0
    assert mine.read_text() == "# my work\n"
    assert "Kept your own version of conv2d" in capsys.readouterr().out
    assert backups(outside / "w") == []
    mine.unlink()
    assert cli.main(["init", "w"]) == 0
    assert mine.read_text() == STUB


def test_init_force_replaces_only_after_a_backup(outside, capsys):
    assert cli.main(["init", "w"]) == 0
    mine = outside / "w" / "exercises" / "conv2d.py"
    mine.write_text("# my work\n")
    assert cli.main(["init", "w", "--force"]) == 0
    assert mine.read_text() == STUB
    assert [b.read_text() for b in backups(outside / "w")] == ["# my work\n"]
    assert "your version is in" in capsys.readouterr().out


def test_init_refuses_a_file_as_its_folder(outside):
    (outside / "taken").write_text("x")
    assert cli.main(["init", "taken"]) == 2
    assert (outside / "taken").read_text() == "x"


def test_reset_without_git_uses_the_packaged_stub_and_backs_up(outside, capsys):
    assert cli.main(["init", "w"]) == 0
    os.chdir(outside / "w")
    mine = outside / "w" / "exercises" / "conv2d.py"
    for attempt in ("# first try\n", "# second try\n"):  # two resets within a second: two backups
        mine.write_text(attempt)
        assert cli.main(["reset", "conv2d"]) == 0
        assert mine.read_text() == STUB
    assert sorted(b.read_text() for b in backups(outside / "w")) == ["# first try\n", "# second try\n"]
    assert cli.main(["reset", "conv2d"]) == 0  # already the stub: nothing saved, nothing written
    assert len(backups(outside / "w")) == 2
    mine.unlink()  # a deleted file comes back
    assert cli.main(["reset", "conv2d"]) == 0 and mine.read_text() == STUB


def test_reset_without_any_stub_leaves_the_file_alone(outside, monkeypatch, capsys):
    assert cli.main(["init", "w"]) == 0
    os.chdir(outside / "w")
    mine = outside / "w" / "exercises" / "conv2d.py"
    mine.write_text("# precious\n")
    monkeypatch.setattr(workspace, "packaged_stub", lambda name, clones=(): None)
    assert cli.main(["reset", "conv2d"]) == 1
    assert mine.read_text() == "# precious\n"
    assert "not touched" in capsys.readouterr().out


def test_a_backup_that_cannot_be_made_stops_the_reset(outside, monkeypatch, capsys):
    assert cli.main(["init", "w"]) == 0
    os.chdir(outside / "w")
    mine = outside / "w" / "exercises" / "conv2d.py"
    mine.write_text("# precious\n")

    def broken_copy(*args, **kwargs):
        raise OSError("no space left on device")

    monkeypatch.setattr(shutil, "copy2", broken_copy)
    assert cli.main(["reset", "conv2d"]) == 1
    assert mine.read_text() == "# precious\n"
    assert "not touched" in capsys.readouterr().err
    assert cli.main(["init", ".", "--force"]) == 1
    assert mine.read_text() == "# precious\n"


# ---------------------------------------------------------------- an installed, non-editable kit

def _setuptools_builds_wheels() -> bool:
    try:
        major, minor = (int(x) for x in importlib.metadata.version("setuptools").split(".")[:2])
    except (importlib.metadata.PackageNotFoundError, ValueError):
        return False
    return (major, minor) >= (70, 1)  # bdist_wheel built in


def test_pip_install_non_editable_then_init_and_run(tmp_path):
    # A copy of the sources (the build writes build/ and *.egg-info next to them).
    source = tmp_path / "src"
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(".git", "tests", "build", "site", ".venv",
                                                                "__pycache__", "*.egg-info", ".grader"))
    # A venv that reuses this interpreter's packages (torch is not installed again) through a .pth.
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    site_dir = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                              capture_output=True, text=True, check=True).stdout.strip()
    import site

    Path(site_dir, "_parent_env.pth").write_text("\n".join(site.getsitepackages()) + "\n")
    install = [sys.executable, "-m", "pip", "--python", str(python), "install", "-q", "--no-deps", str(source)]
    if _setuptools_builds_wheels():
        install.insert(-1, "--no-build-isolation")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "GRADER_WORKSPACE")}
    done = subprocess.run(install, capture_output=True, text=True, timeout=600, env=env)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]

    grader = venv / "bin" / "grader"
    where = subprocess.run([str(python), "-c", "import grader; print(grader.__file__)"], capture_output=True,
                           text=True, env=env, cwd=tmp_path).stdout
    assert str(venv) in where, f"the test must use the installed copy, not {where}"
    env = {**env, "NO_COLOR": "1", "COLUMNS": "200"}
    practice = tmp_path / "x"
    done = subprocess.run([str(grader), "init", str(practice)], capture_output=True, text=True, env=env, cwd=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert (practice / "exercises" / "conv2d.py").read_text() == STUB

    def run(*args):
        return subprocess.run([str(grader), *args], capture_output=True, text=True, env=env, cwd=practice,
                              timeout=300)

    stub_run = run("run", "conv2d", "--no-speed")
    assert stub_run.returncode == 1 and "not implemented yet" in stub_run.stdout, stub_run.stdout + stub_run.stderr
    solution_run = run("run", "conv2d", "--solution", "--no-speed")
    assert solution_run.returncode == 0, solution_run.stdout + solution_run.stderr
    (practice / "exercises" / "conv2d.py").write_text("# mine\n")
    assert run("reset", "conv2d").returncode == 0
    assert (practice / "exercises" / "conv2d.py").read_text() == STUB
    assert [b.read_text() for b in backups(practice)] == ["# mine\n"]
    assert "Traceback" not in stub_run.stderr + solution_run.stderr
    # The interview questions ship as package data: the quiz works without the site's sources.
    quiz = subprocess.run([str(grader), "quiz", "--count", "1"], input="\ny\n", capture_output=True, text=True,
                          env=env, cwd=practice, timeout=120)
    assert quiz.returncode == 0 and "1 known" in quiz.stdout, quiz.stdout + quiz.stderr
