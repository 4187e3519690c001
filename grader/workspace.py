"""Where the learner's files, the reference solutions, the progress file and the backups live.

A workspace is a folder holding exercises/ (the learner's files) and .grader/ (the progress file,
read and written by grader/progress.py, and backups). A clone of the kit is one; `grader init DIR`
makes one anywhere from the stubs that ship inside the package (grader/stubs and grader/reference
are exercises/ and solutions/, mapped into the package by pyproject.toml), so an installed,
non-editable kit works too.

A stub is only ever taken from a pristine source: grader/stubs.sha256 (sha256sum's format, kept in
step with exercises/ by a kit test and `grader dev stubs`) holds each stub's hash, and a candidate
(the packaged copy, the kit's committed version, the kit's file) is used only if it matches, so a
kit installed from a working tree a learner has edited never hands out their work as a stub.
"""
from __future__ import annotations

import hashlib
import os
import re
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
STUB_HASHES = PACKAGE_DIR / "stubs.sha256"  # "<sha256>  exercises/NAME.py" per stub


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

def _git_show(folder: Path, ref: str, relative: str) -> bytes | None:
    try:
        return subprocess.run(["git", "show", f"{ref}:./{relative}"], cwd=folder, capture_output=True,
                              timeout=10, check=True, stdin=subprocess.DEVNULL).stdout
    except (OSError, subprocess.SubprocessError):
        return None


def _read(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None


def stub_hashes() -> dict[str, str]:
    """{name: sha256} of the pristine stubs, from grader/stubs.sha256 (empty if it is missing)."""
    hashes = {}
    text = _read(STUB_HASHES)
    for line in (text or b"").decode("utf-8", "replace").splitlines():
        digest, _, relative = line.strip().partition("  ")
        if relative.startswith("exercises/") and relative.endswith(".py"):
            hashes[relative[len("exercises/"):-3]] = digest
    return hashes


def stub_manifest(names: list[str], folder: Path) -> str:
    """grader/stubs.sha256's content for the stubs in `folder` (`grader dev stubs` writes it)."""
    return "".join(f"{hashlib.sha256((folder / f'{n}.py').read_bytes()).hexdigest()}  exercises/{n}.py\n"
                   for n in names)


GIT_REFS = ("@{upstream}", "origin/HEAD", "HEAD")  # a clone's upstream first: the learner may commit their work


def _candidates(name: str, clones: tuple[Path, ...] = ()):
    """Where a stub may come from, cheapest first (each is taken only if its hash is the recorded one):
    the packaged copy, the kit's file, the committed versions in the clones (a workspace, the kit)."""
    relative = f"exercises/{name}.py"
    yield _read(PACKAGED_STUBS / f"{name}.py")
    yield _read(KIT_ROOT / relative)
    for clone in dict.fromkeys((*clones, KIT_ROOT)):
        if (clone / "exercises").is_dir():
            for ref in (*GIT_REFS, *_commits_touching(clone, relative)):  # then the file's history, newest first
                yield _git_show(clone, ref, relative)


def _commits_touching(folder: Path, relative: str, most: int = 50) -> list[str]:
    try:
        return subprocess.run(["git", "rev-list", f"--max-count={most}", "HEAD", "--", relative], cwd=folder,
                              capture_output=True, text=True, timeout=10, check=True,
                              stdin=subprocess.DEVNULL).stdout.split()
    except (OSError, subprocess.SubprocessError):
        return []


def packaged_stub(name: str, clones: tuple[Path, ...] = ()) -> str | None:
    """The pristine stub: the first candidate whose hash is the recorded one (git is asked only when
    the packaged copy is not it). None when there is none (no copy, or every copy was edited: see
    stub_problem)."""
    expected = stub_hashes().get(name)
    if expected is None:
        return None
    for data in _candidates(name, clones):
        if data is not None and hashlib.sha256(data).hexdigest() == expected:
            try:
                return data.decode("utf-8")
            except UnicodeDecodeError:
                return None
    return None


def stub_problem(name: str) -> str:
    """Why packaged_stub(name) found nothing, in a few words."""
    if name not in stub_hashes():
        return f"grader/stubs.sha256 has no entry for {name} (an author runs `grader dev stubs`)"
    if any(data is not None for data in _candidates(name)):
        return ("every copy of the stub this kit has was edited (was it installed from a working tree with "
                "your own answers in exercises/? reinstall it from a clean copy)")
    return "the package has no copy of it (is it complete?)"


def original_stub(ws: Workspace, name: str) -> str | None:
    """The untouched stub for the workspace `ws` (see packaged_stub; its own git history counts too)."""
    return packaged_stub(name, (ws.root,))


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


def backups_of(ws: Workspace, name: str) -> list[Path]:
    """The backups of exercises/NAME.py in .grader/backups/, newest first (by the time in their names)."""
    pattern = re.compile(rf"{re.escape(name)}-(\d{{8}}-\d{{6}})(?:-(\d+))?\.py")
    found = []
    try:
        for path in ws.backups.iterdir():
            match = pattern.fullmatch(path.name)
            if match and path.is_file():
                found.append(((match.group(1), int(match.group(2) or 1)), path))
    except OSError:
        return []
    return [path for _, path in sorted(found, reverse=True)]


def backup_time(path: Path) -> str:
    """"2024-05-01 10:00:07" from a backup's name."""
    match = re.search(r"-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})(?:-\d+)?\.py$", path.name)
    return "{}-{}-{} {}:{}:{}".format(*match.groups()) if match else "?"
