"""grader reset: restore an exercise's stub; the learner's file is first copied to .grader/backups/."""
from __future__ import annotations

from .. import workspace
from ..workspace import display_path
from . import common

HELP = "restore an exercise's stub (your file is backed up first)"
EXAMPLES = "grader reset conv2d    # restore the stub; your file is backed up first"


def register(verbs) -> None:
    p = common.add_verb(verbs, "reset", HELP, EXAMPLES, main)
    common.name_arg(p)


def main(args) -> int:
    exercise = common.exercise(args.name)
    ws = common.find_workspace()
    path = ws.exercises / exercise.filename
    stub = workspace.original_stub(ws, exercise.name)
    console = common.console()
    if stub is None:
        console.print(f"[red]Could not find the original stub of {exercise.name}[/] (it comes from git or the "
                      "installed package). Your file was not touched.")
        return common.FAILED
    if common.replace_file(ws, path, stub, console,
                           already=f"{display_path(path)} is already the original stub; nothing to do."):
        console.print(f"Restored the stub in [bold]{display_path(path)}[/] "
                      f"(`grader restore {exercise.name}` brings yours back).")
    return common.OK
