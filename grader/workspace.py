"""Where the learner's files, the reference solutions, the progress file and the backups live."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from .catalog import PACKAGE_DIR

KIT_ROOT = PACKAGE_DIR.parent  # the clone (or the folder of an editable install)


@dataclass(frozen=True)
class Workspace:
    root: Path

    @property
    def exercises(self) -> Path:
        return self.root / "exercises"

    @property
    def solutions(self) -> Path:
        return KIT_ROOT / "solutions"

    @property
    def state_file(self) -> Path:
        return self.root / ".grader" / "state.json"

    @property
    def backups(self) -> Path:
        return self.root / ".grader" / "backups"


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


# ---------------------------------------------------------------- progress state

def load_state(ws: Workspace) -> dict:
    """The progress file; a missing or corrupt one is an empty state (never an error)."""
    try:
        state = json.loads(ws.state_file.read_text(encoding="utf-8"))
        return state if isinstance(state, dict) and isinstance(state.get("exercises", {}), dict) else {"exercises": {}}
    except (OSError, ValueError):
        return {"exercises": {}}


def save_state(ws: Workspace, state: dict) -> None:
    """Written atomically: a crash mid-write leaves the previous file intact."""
    try:
        ws.state_file.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=ws.state_file.parent, prefix=".state-", suffix=".json")
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(state, f, indent=1, sort_keys=True)
        os.replace(tmp, ws.state_file)
    except OSError:
        pass  # progress is a convenience: a read-only workspace must not stop the grader


def exercise_state(state: dict, name: str) -> dict:
    return state.setdefault("exercises", {}).setdefault(name, {})


STATUSES = ("not started", "failing", "passing", "passing and fast")


def record_run(ws: Workspace, name: str, result) -> str:
    """Save the outcome of a run of the learner's own file; return the exercise's status."""
    state = load_state(ws)
    entry = exercise_state(state, name)
    now = time.strftime("%Y-%m-%d %H:%M")
    problem = result.first_problem
    correctness_ok = all(c["outcome"] in ("passed", "skipped") for c in result.checks if c["kind"] != "speed")
    speed_ok = all(c["outcome"] == "passed" for c in result.checks if c["kind"] == "speed")
    if problem is not None and problem.get("reason") == "not_implemented":
        status = "not started"
    elif not correctness_ok:
        status = "failing"
    else:
        status = "passing and fast" if speed_ok else "passing"
    entry.update(status=status, last_run=now)
    if status.startswith("passing"):
        entry["last_passed"] = now
    save_state(ws, state)
    return status


# ---------------------------------------------------------------- stubs and backups

def original_stub(ws: Workspace, name: str) -> str | None:
    """The untouched stub, from git: the upstream branch first, then HEAD."""
    relative = f"exercises/{name}.py"
    for ref in ("@{upstream}", "origin/HEAD", "HEAD"):
        try:
            text = subprocess.run(["git", "show", f"{ref}:{relative}"], cwd=ws.root, capture_output=True,
                                  text=True, timeout=10, check=True).stdout
        except (OSError, subprocess.SubprocessError):
            continue
        if "NotImplementedError(" in text:  # a stub, not a learner's committed work
            return text
    packaged = PACKAGE_DIR / "stubs" / f"{name}.py"
    return packaged.read_text(encoding="utf-8") if packaged.is_file() else None


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
    return target
