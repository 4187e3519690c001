"""grader watch: re-check an exercise on every save (the loop itself is grader/watch.py)."""
from __future__ import annotations

from .. import catalog as catalog_module
from .. import interview, progress
from . import common

HELP = "re-check an exercise every time you save it"
EXAMPLES = ("grader watch           # the first exercise you have not passed; re-checked on every save\n"
            "  grader watch conv2d\n  keys: h hint · n next exercise · p previous · r re-run · q quit")


def register(verbs) -> None:
    p = common.add_verb(verbs, "watch", HELP, EXAMPLES, main)
    common.name_arg(p, optional=True, help_text="the exercise (default: the first you have not passed)")
    p.add_argument("--no-clear", action="store_true", help="do not clear the screen between reports")
    p.add_argument("--no-speed", action="store_true", help="skip the speed checks")
    p.add_argument("--cold", action="store_true", help="a fresh process per check (slower; no warm worker)")


def main(args) -> int:
    from ..watch import watch

    ws = common.find_workspace()
    catalog = catalog_module.load()
    state = progress.load(ws)
    if args.name:
        exercise = common.exercise(args.name)
    else:
        session = interview.active(state)
        exercise = catalog.get(session.exercise) if session and catalog.get(session.exercise) \
            else state.current(catalog)
        if exercise is None:
            common.console().print("[bold green]Every exercise passes![/] `grader watch NAME` to keep polishing one.")
            return common.OK
    return watch(ws, exercise, common.console(), clear=not args.no_clear, speed=not args.no_speed,
                 warm_worker=not args.cold)
