"""grader solution: the reference solution, once the learner's file has passed (--force: recorded)."""
from __future__ import annotations

import time

from rich.text import Text

from .. import interview, progress
from ..workspace import display_path
from . import common

HELP = "show the reference solution (once your file passes)"
EXAMPLES = ("grader solution conv2d          # the reference solution, once your file passes\n"
            "  grader solution                 # the current exercise's (the interview's, or the one run last)\n"
            "  grader solution conv2d --force  # look anyway (recorded)")


def register(verbs) -> None:
    p = common.add_verb(verbs, "solution", HELP, EXAMPLES, main)
    common.name_arg(p, optional=True, help_text="the exercise (default: the interview's, else the one you ran last)")
    p.add_argument("--force", action="store_true", help="show it before you pass (with a warning; recorded)")
    p.add_argument("--plain", action="store_true", help="print the file as it is, no highlighting")


def main(args) -> int:
    from rich.syntax import Syntax

    ws = common.find_workspace(required=False)
    state = progress.load(ws)
    exercise = common.exercise_or_current(args.name, state, "solution")
    path = ws.solutions / exercise.filename
    if not path.is_file():
        raise common.Refused(f"the reference solution of {exercise.name} is not available here "
                             f"({display_path(path)}).")
    entry = state.exercise(exercise.name)
    console = common.console()
    # During a mock interview the solution is gated and recorded whatever the exercise's past.
    under_way = interview.active_on(state, exercise.name)
    if under_way or not entry.last_passed:
        if not args.force:
            if under_way:
                raise common.Refused(f"a mock interview on {exercise.name} is under way: the solution stays closed "
                                     f"until it ends. To look anyway (recorded in the interview): "
                                     f"`grader solution {exercise.name} --force`.")
            raise common.Refused(f"the solution opens once your {exercise.name} passes: `grader run {exercise.name}`. "
                                 f"Stuck? `grader hint {exercise.name}`. To look anyway: "
                                 f"`grader solution {exercise.name} --force`.")
        console.print(Text("Looking before passing: reading a solution teaches less than finishing your own. "
                           "This is recorded" + (" in your mock interview." if under_way else "."), style="bold yellow"))
        if not entry.last_passed:
            entry.solution_seen = time.strftime("%Y-%m-%d %H:%M")
        interview.record_solution(state, exercise.name)
        progress.save(ws, state)
    text = path.read_text(encoding="utf-8")
    if args.plain or not console.is_terminal:
        print(text, end="" if text.endswith("\n") else "\n")
    else:
        console.print(Syntax(text, "python", line_numbers=True, theme="ansi_dark", word_wrap=False))
    return common.OK
