"""What the verbs share: exit codes, the two errors main() turns into exit codes, the console,
looking up an exercise, a topic or the workspace, and the pieces of a verb's parser."""
from __future__ import annotations

import argparse
import re
from pathlib import Path

from rich.console import Console

from .. import catalog as catalog_module
from .. import workspace
from ..catalog import Exercise
from ..workspace import display_path

OK, FAILED, USAGE = 0, 1, 2


class UsageError(Exception):
    pass


class Refused(Exception):
    """The verb is understood but will not be done now (exit 1), e.g. a solution before a pass."""


def console() -> Console:
    return Console(highlight=False, soft_wrap=False)


def exercise(name: str) -> Exercise:
    catalog = catalog_module.load()
    found = catalog.get(name)
    if found is None:
        close = catalog.suggest(name)
        hint = f" Did you mean {' or '.join(repr(c) for c in close)}?" if close else ""
        raise UsageError(f"no exercise called {name!r}.{hint} `grader list` shows them all.")
    return found


def exercise_or_current(name: str | None, state, verb: str) -> Exercise:
    """The exercise named, else the current one: the mock interview's, else the one run last, else
    the first not passed yet (Progress.next_to_do). Says which when it was not named."""
    if name:
        return exercise(name)
    catalog = catalog_module.load()
    session = state.interview
    ran = [(e.last_run_at or 0, e.last_run or "", n) for n, e in state.exercises.items()
           if catalog.get(n) and (e.last_run_at or e.last_run)]
    if session is not None and catalog.get(session.exercise):
        found, why = catalog.get(session.exercise), "your mock interview's exercise"
    elif ran:
        found, why = catalog.get(max(ran)[2]), "the exercise you ran last"
    else:
        found, why = state.next_to_do(catalog) or catalog.exercises[0], "the first you have not passed"
    # On stderr: `grader solution --plain > mine.py` stays the file alone.
    Console(stderr=True, highlight=False).print(f"[dim]{found.name}: {why} (another one: grader {verb} NAME)[/]")
    return found


def find_workspace(*, required: bool = True) -> workspace.Workspace:
    ws = workspace.find()
    if required and not ws.exists:
        raise UsageError("no workspace here (a folder with exercises/). Make one with `grader init DIR`, "
                         "then run grader inside it.")
    return ws


def check_topic(topic: str | None) -> None:
    topics = catalog_module.load().topics
    if topic is not None and topic not in topics:
        raise UsageError(f"no topic called {topic!r}; topics: {', '.join(topics)}")


def _us_spelling(word: str) -> str:
    """normalisation -> normalization, optimiser -> optimizer: titles are British, topic ids American."""
    return re.sub(r"is(e|ed|es|er|ers|ing|ation|ations)\b", r"iz\1", word.strip().lower())


def topic(text: str) -> str:
    """A --topic value: a topic id, in either spelling (argparse `type=`; an unknown one is an error)."""
    for known in catalog_module.load().topics:
        if _us_spelling(known) == _us_spelling(text):
            return known
    raise argparse.ArgumentTypeError(f"no topic called {text!r} (choose from {', '.join(topics())})")


def backup(ws: workspace.Workspace, path: Path) -> Path:
    """A copy of the learner's file in .grader/backups/, or Refused (the file is left alone)."""
    try:
        return workspace.backup(ws, path)
    except OSError as error:
        raise Refused(f"could not back up {display_path(path)} ({error}); your file was not touched.") from None


def replace_file(ws: workspace.Workspace, path: Path, text: str, console: Console, *, already: str) -> bool:
    """Write `text` over the learner's `path` after a backup of what is there, saying where that went.
    False, nothing touched (and `already` said), when the file holds `text` already."""
    if path.exists():
        if path.read_text(encoding="utf-8", errors="replace") == text:
            console.print(already)
            return False
        saved = backup(ws, path)
        console.print(f"Your current file was saved to [bold]{display_path(saved)}[/].")
    workspace.write_atomically(path, text)
    return True


# ---------------------------------------------------------------- parsers

def add_verb(verbs, name: str, help_text: str, examples: str, func) -> argparse.ArgumentParser:
    """The sub-parser of a verb: its help, its examples (`grader NAME …` lines), the function it runs."""
    parser = verbs.add_parser(name, help=help_text, description=help_text, epilog="examples:\n  " + examples,
                              formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.set_defaults(func=func)
    return parser


def _complete_names(prefix: str, **kwargs) -> list[str]:
    return [n for n in catalog_module.load().names() if n.startswith(prefix)]


def name_arg(parser: argparse.ArgumentParser, optional: bool = False,
             help_text: str = "the exercise (see grader list)") -> None:
    action = parser.add_argument("name", nargs="?" if optional else None, help=help_text)
    action.completer = _complete_names


def topics() -> list[str]:
    return list(catalog_module.load().topics)


def topic_arg(parser: argparse.ArgumentParser, help_text: str) -> None:
    """--topic TOPIC, in either spelling (see `topic`), completed from the catalog's topics."""
    action = parser.add_argument("--topic", type=topic, metavar="TOPIC", help=f"{help_text} ({', '.join(topics())})")
    action.completer = lambda prefix, **kwargs: [t for t in topics() if t.startswith(prefix)]
