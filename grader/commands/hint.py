"""grader hint: the next hint of an exercise, one at a time (or --all), counted in the progress file."""
from __future__ import annotations

from .. import interview, progress, theory
from . import common

HELP = "show the next hint for an exercise"
EXAMPLES = ("grader hint            # the next hint of the current exercise (the interview's, or the one run last)\n"
            "  grader hint conv2d     # the next hint, one at a time\n  grader hint conv2d --all")


def register(verbs) -> None:
    p = common.add_verb(verbs, "hint", HELP, EXAMPLES, main)
    common.name_arg(p, optional=True, help_text="the exercise (default: the interview's, else the one you ran last)")
    p.add_argument("--all", action="store_true", help="show every hint")


def main(args) -> int:
    ws = common.find_workspace(required=False)
    state = progress.load(ws)
    exercise = common.exercise_or_current(args.name, state, "hint")
    entry = state.exercise(exercise.name)
    total = len(exercise.hints)
    console = common.console()
    seen = min(interview.hints_seen(state, exercise.name), total)  # an interview counts from its start
    if args.all:
        shown = range(total)
        newly = total - seen
        entry.hints_seen = total
    else:
        if seen == total:
            console.print(f"You have seen all {total} hints. `grader hint {exercise.name} --all` lists them; "
                          f"the theory page is {theory.link(exercise.page)}.")
            return common.OK
        shown = [seen]
        newly = 1
        entry.hints_seen = max(entry.hints_seen, seen + 1)
    session = None
    for _ in range(newly):
        session = interview.record_hint(state, exercise.name) or session
    for i in shown:
        console.print(f"[bold]Hint {i + 1} of {total}[/] ({exercise.name}): {exercise.hints[i]}")
    progress.save(ws, state)
    if session:
        console.print(f"[dim]Recorded in your mock interview ({session.hints} "
                      f"hint{'s' if session.hints != 1 else ''} so far).[/]")
    if not args.all and shown[-1] + 1 < total:
        console.print("[dim]Run it again for the next hint.[/]")
    return common.OK
