"""grader dev check [NAME… | --all]: prove exercises, the author's loop (see grader/dev.py)."""
from __future__ import annotations

from . import common

HELP = "for authors: prove that an exercise's checks, wrong and right implementations agree"
EXAMPLES = ("grader dev check conv2d    # one exercise, in seconds\n"
            "  grader dev check --all      # the whole catalog")


def register(verbs) -> None:
    p = common.add_verb(verbs, "dev", HELP, EXAMPLES, main)
    tasks = p.add_subparsers(dest="task", metavar="TASK", required=True)
    check = tasks.add_parser("check", help="prove exercises: stub, solution, mutants, alternatives, "
                                           "mistakes covered, the stub's speed sizes")
    check.add_argument("names", nargs="*", metavar="NAME", help="the exercises (see grader list)")
    check.add_argument("--all", action="store_true", help="every exercise of the catalog")


def main(args) -> int:
    from .. import dev

    if not args.names and not args.all:
        raise common.UsageError("name the exercises to prove, or --all")
    for name in args.names:
        common.exercise(name)  # a mistyped name gets the usual suggestions
    return dev.check([] if args.all else args.names)
