"""Where the learner's files, the reference solutions, the progress file and the backups live.

A workspace is a folder holding exercises/ (the learner's files) and .grader/ (the progress file,
read and written by grader/progress.py, and backups). A clone of the kit is one; `grader init DIR`
makes one anywhere from the stubs that ship inside the package (grader/stubs and grader/reference
are exercises/ and solutions/, mapped into the package by pyproject.toml), so an installed,
non-editable kit works too.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from .catalog import PACKAGE_DIR

KIT_ROOT = PACKAGE_DIR.parent  # the clone (or the folder of an editable install)
PACKAGED_STUBS = PACKAGE_DIR / "stubs"  # present in an installed (non-editable) kit
PACKAGED_SOLUTIONS = PACKAGE_DIR / "reference"


@dataclass(frozen=True)
class Workspace:
    root: Path

    @property
    def exercises(self) -> Path:
        return self.root / "exercises"

    @property
    def solutions(self) -> Path:
        return PACKAGED_SOLUTIONS if PACKAGED_SOLUTIONS.is_dir() else KIT_ROOT / "solutions"

    @property
    def state_file(self) -> Path:
        return self.root / ".grader" / "state.json"

    @property
    def backups(self) -> Path:
        return self.root / ".grader" / "backups"

    @property
    def exists(self) -> bool:
        return self.exercises.is_dir()


def display_path(path: Path) -> str:
    """`path` as the learner would type it: relative to the current folder when it lies inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def find(start: Path | None = None) -> Workspace:
    """The nearest folder above `start` holding exercises/, else the kit's own folder."""
    env = os.environ.get("GRADER_WORKSPACE")
    if env:
        return Workspace(Path(env).resolve())
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "exercises").is_dir() and ((folder / ".grader").is_dir() or (folder / "grader" / "catalog.toml").is_file()):
            return Workspace(folder)
    return Workspace(KIT_ROOT)


# ---------------------------------------------------------------- stubs and backups

def _git_show(folder: Path, ref: str, relative: str) -> str | None:
    try:
        return subprocess.run(["git", "show", f"{ref}:./{relative}"], cwd=folder, capture_output=True,
                              text=True, timeout=10, check=True, stdin=subprocess.DEVNULL).stdout
    except (OSError, subprocess.SubprocessError, UnicodeDecodeError):
        return None


def _looks_like_stub(text: str | None) -> bool:
    return bool(text) and "NotImplementedError(" in text and "# TODO" in text


def original_stub(ws: Workspace, name: str) -> str | None:
    """The untouched stub: from the workspace's git history (upstream first), else the copy packaged
    with the grader, else the kit's own clone. None if none can be found."""
    relative = f"exercises/{name}.py"
    if ws.root.is_dir():
        for ref in ("@{upstream}", "origin/HEAD", "HEAD"):
            text = _git_show(ws.root, ref, relative)
            if text is not None and "NotImplementedError(" in text:  # a stub, not a learner's committed work
                return text
    return packaged_stub(name)


def packaged_stub(name: str) -> str | None:
    """The stub shipped with the grader itself (installed package, or the clone it runs from)."""
    packaged = PACKAGED_STUBS / f"{name}.py"
    if packaged.is_file():
        return packaged.read_text(encoding="utf-8")
    if (KIT_ROOT / "exercises").is_dir():
        text = _git_show(KIT_ROOT, "HEAD", f"exercises/{name}.py")
        if _looks_like_stub(text):
            return text
        path = KIT_ROOT / "exercises" / f"{name}.py"
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return None
        return text if _looks_like_stub(text) else None
    return None


def init_workspace(root: Path, names: list[str], *, force: bool = False) -> dict[str, list]:
    """Create (or complete) a workspace at `root` with a stub per exercise.

    A file already there that differs from its stub is the learner's work: it is kept, or with
    `force` backed up first and then replaced. Returns what happened to each file.
    """
    ws = Workspace(root)
    ws.exercises.mkdir(parents=True, exist_ok=True)
    ws.state_file.parent.mkdir(parents=True, exist_ok=True)
    report: dict[str, list] = {"created": [], "kept": [], "replaced": [], "unchanged": [], "missing": []}
    for name in names:
        stub = packaged_stub(name)
        path = ws.exercises / f"{name}.py"
        if stub is None:
            report["missing"].append(name)
            continue
        if path.exists():
            try:
                same = path.read_text(encoding="utf-8") == stub
            except (OSError, UnicodeDecodeError):
                same = False
            if same:
                report["unchanged"].append(name)
                continue
            if not force:
                report["kept"].append(name)
                continue
            report["replaced"].append((name, backup(ws, path)))
        else:
            report["created"].append(name)
        write_atomically(path, stub)
    return report


def write_atomically(path: Path, text: str) -> None:
    """Write via a temporary file and a rename, so a crash never leaves half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}-", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def backup(ws: Workspace, path: Path) -> Path:
    """Copy `path` into .grader/backups/ under a timestamped name; return the copy's path."""
    ws.backups.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = ws.backups / f"{path.stem}-{stamp}{path.suffix}"
    n = 1
    while target.exists():
        n += 1
        target = ws.backups / f"{path.stem}-{stamp}-{n}{path.suffix}"
    shutil.copy2(path, target)
    if target.read_bytes() != path.read_bytes():  # never go on to overwrite without a good copy
        raise OSError(f"the backup of {path} could not be verified")
    return target
