"""grader restore: bring back a backup of the learner's file from .grader/backups/ (`--list`: newest first).

Every verb that replaces a learner's file (reset, init --force, interview, restore itself) first
copies it there with grader.workspace.backup and says where it went; this is the way back.
"""
from __future__ import annotations

from rich import box
from rich.table import Table

from .. import workspace
from ..workspace import display_path
from . import common

HELP = "bring back one of your files from .grader/backups/ (your current file is backed up first)"
EXAMPLES = ("grader restore conv2d --list   # the backups of exercises/conv2d.py, newest first\n"
            "  grader restore conv2d          # bring back the newest\n"
            "  grader restore conv2d 3        # bring back the third in the list")


def register(verbs) -> None:
    p = common.add_verb(verbs, "restore", HELP, EXAMPLES, main)
    common.name_arg(p)
    p.add_argument("which", nargs="?", metavar="N", help="which backup: its number in --list (default 1, the newest)")
    p.add_argument("--list", action="store_true", help="list the backups, newest first")


def _lines(path) -> str:
    try:
        return str(len(path.read_text(encoding="utf-8", errors="replace").splitlines()))
    except OSError:
        return "?"


def main(args) -> int:
    exercise = common.exercise(args.name)
    ws = common.find_workspace()
    saved = workspace.backups_of(ws, exercise.name)
    console = common.console()
    if not saved:
        console.print(f"No backups of {exercise.filename} in {display_path(ws.backups)}. (reset, init --force and "
                      "interview put one there before they replace your file.)")
        return common.OK if args.list else common.FAILED
    if args.list:
        if args.which:
            raise common.UsageError("give either --list or a backup's number, not both")
        table = Table(title=f"Backups of {exercise.filename}, newest first", title_justify="left",
                      box=box.SIMPLE_HEAD, pad_edge=False)
        for column in ("#", "saved at", "lines", "file"):
            table.add_column(column, no_wrap=column != "file", overflow="fold")
        for i, path in enumerate(saved, 1):
            table.add_row(str(i), workspace.backup_time(path), _lines(path), display_path(path))
        console.print(table)
        console.print(f"Bring one back: [bold]grader restore {exercise.name} N[/] (your current file is backed up first)")
        return common.OK
    try:
        n = int(args.which or 1)
    except ValueError:
        raise common.UsageError(f"{args.which!r} is not a number from `grader restore {exercise.name} --list`") from None
    if not 1 <= n <= len(saved):
        raise common.UsageError(f"there are {len(saved)} backup(s) of {exercise.filename}: give 1 to {len(saved)}")
    chosen = saved[n - 1]
    path = ws.exercises / exercise.filename
    text = chosen.read_text(encoding="utf-8", errors="replace")
    if common.replace_file(ws, path, text, console,
                           already=f"{display_path(path)} is already that backup ({display_path(chosen)}); nothing to do."):
        console.print(f"Restored [bold]{display_path(path)}[/] from {display_path(chosen)} "
                      f"(saved {workspace.backup_time(chosen)}).")
    return common.OK
