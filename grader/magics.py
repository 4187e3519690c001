"""IPython magics (`%load_ext grader`): grade from a notebook cell, read hints, list the exercises.

    %%grade conv2d [--no-speed] [-x]   the cell defines the function in the notebook, then the
                                       cell is graded (grader.check with the cell's text):
                                       re-running the cell re-grades, like grader watch on a save
    %grade conv2d [--no-speed] [-x]    grade the notebook's `conv2d` if it defined one, else the
                                       workspace's exercises/conv2d.py
    %grade_hint conv2d [--all]         the next hint, counted as `grader hint` counts it
    %grade_list [--topic T]            `grader list`

Imported only by load_ipython_extension (grader/__init__.py), so only where IPython is.
A problem of the request (an unknown name, a source that cannot be sent) is one short line, never
a traceback of the grader's.
"""
from __future__ import annotations

import argparse
import shlex

from IPython.core.magic import Magics, line_cell_magic, line_magic, magics_class

from . import api


def _parse(line: str, *, verb: str, options: dict[str, dict]) -> argparse.Namespace | None:
    parser = argparse.ArgumentParser(prog=f"%{verb}", add_help=False, exit_on_error=False)
    parser.add_argument("name", nargs="?" if verb == "grade_list" else None)
    for flags, kwargs in options.items():
        parser.add_argument(*flags.split(), **kwargs)
    try:
        return parser.parse_args(shlex.split(line))
    except (argparse.ArgumentError, SystemExit, ValueError) as error:
        _say(f"%{verb}: {error if str(error) else 'bad arguments'} · usage: {parser.format_usage().strip()[7:]}")
        return None


def _say(text: str) -> None:
    from rich.console import Console
    from rich.text import Text

    Console(highlight=False).print(Text(text, style="yellow"))


GRADE_OPTIONS = {"--no-speed": {"action": "store_true"}, "-x --fail-fast": {"action": "store_true"}}


@magics_class
class GraderMagics(Magics):
    @line_cell_magic
    def grade(self, line: str, cell: str | None = None):
        args = _parse(line, verb="grade", options=GRADE_OPTIONS)
        if args is None:
            return None
        try:
            exercise = api.exercise_named(args.name)
            namespace = self.shell.user_ns
            if cell is not None:
                # Define the function in the notebook first (its traceback, if any, is the learner's
                # to read), then grade the cell's own text; "\n" keeps line N of the cell line N.
                self.shell.run_cell(cell, store_history=False)
                python = self.shell.transform_cell(cell)  # a %magic line in the cell becomes a call: left out
                source = api.source_of(None, exercise, cell="\n" + python, namespace=namespace)
                return api.check(exercise.name, speed=not args.no_speed, fail_fast=args.fail_fast,
                                 show=False, _source=source)
            own = namespace.get(exercise.functions[0])
            if own is not None and getattr(own, "__module__", None) == "__main__":
                return api.check(exercise.name, own, speed=not args.no_speed, fail_fast=args.fail_fast, show=False)
            return api.check(exercise.name, speed=not args.no_speed, fail_fast=args.fail_fast, show=False)
        except api.GraderError as error:
            _say(str(error))
            return None

    @line_magic
    def grade_hint(self, line: str):
        args = _parse(line, verb="grade_hint", options={"--all": {"action": "store_true"}})
        if args is not None:
            _verb("hint", name=args.name, all=args.all)

    @line_magic
    def grade_list(self, line: str):
        args = _parse(line, verb="grade_list", options={"--topic": {}, "--difficulty": {}})
        if args is not None:
            _verb("list", topic=args.topic or args.name, difficulty=args.difficulty, names=False, json=False)


def _verb(verb: str, **options) -> None:
    """Run a CLI verb's main (hint, list) as the command line would, its refusals as one line."""
    import importlib

    from .commands.common import Refused, UsageError

    module = importlib.import_module(f"{__package__}.commands.{verb}")
    try:
        module.main(argparse.Namespace(verb=verb, **options))
    except (UsageError, Refused) as error:
        _say(f"%grade_{verb}: {error}")


def register(ipython) -> None:
    ipython.register_magics(GraderMagics)
