"""The `grader` command: main(argv) -> int parses the command line and hands it to a verb.

Each verb is a module of grader/commands/ with `register(verbs)` (its parser) and `main(args) -> int`
(see grader/commands/__init__.py); VERBS lists them in the order `grader --help` shows them. To add
a verb, write grader/commands/NAME.py and add "NAME" to VERBS.

Exit codes: 0 everything passed (or the verb succeeded), 1 a check failed (or the verb was
refused), 2 usage error. Nothing here imports numpy or torch: the checks run in a child process
(see engine.py). Colours follow rich, which honours NO_COLOR and plain pipes.
"""
from __future__ import annotations

import argparse
import importlib
import json
import os
import sys

from rich.console import Console
from rich.text import Text

from .commands.common import FAILED, OK, USAGE, Refused, UsageError

VERBS = (
    "list",
    "run",
    "watch",
    "progress",
    "hint",
    "solution",
    "interview",
    "quiz",
    "reset",
    "restore",
    "init",
    "docs",
    "notebook",
    "completion",
    "dev",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="grader", description="Implement deep-learning classics from scratch; check them against PyTorch.",
        epilog="Start with: grader list, then grader watch (or grader run conv2d). "
               "Every verb has --help with examples.")
    parser.add_argument("--version", action="version", version=f"grader {version()}")
    verbs = parser.add_subparsers(dest="verb", metavar="VERB")
    for name in VERBS:
        importlib.import_module(f"{__package__}.commands.{name}").register(verbs)
    return parser


def version() -> str:
    """The installed kit's version (pyproject.toml's, as pip recorded it)."""
    import importlib.metadata

    try:
        return importlib.metadata.version("dl-interview-kit")
    except importlib.metadata.PackageNotFoundError:  # run from a checkout that was never installed
        return "(not installed)"


def _unknown_verb(argv: list[str]) -> int | None:
    """`grader rn`: a short message with the verb it was probably meant to be (exit 2); None if argv is fine."""
    import difflib

    word = next((a for a in argv if not a.startswith("-")), None)
    if word is None or word in VERBS or any(a in ("-h", "--help", "--version") for a in argv[:argv.index(word)]):
        return None
    close = difflib.get_close_matches(word, VERBS, n=2, cutoff=0.6)
    hint = f" Did you mean {' or '.join(f'grader {c}' for c in close)}?" if close else ""
    Console(stderr=True, highlight=False).print(
        Text.assemble(("grader: ", "red"), f"no verb called {word!r}.{hint} `grader --help` lists them."))
    return USAGE


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    if "_ARGCOMPLETE" not in os.environ:
        unknown = _unknown_verb(argv)
        if unknown is not None:
            return unknown
    parser = build_parser()
    if "_ARGCOMPLETE" in os.environ:  # the shell asks for completions (see grader completion)
        try:
            import argcomplete

            argcomplete.autocomplete(parser)
        except ImportError:
            pass
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:  # argparse exits 2 on bad usage, 0 for --help
        return int(exit_.code or 0)
    if args.verb is None:
        parser.print_help()
        return USAGE
    try:
        return args.func(args)
    except UsageError as error:
        _say(args, error, "red")
        return USAGE
    except Refused as refusal:
        _say(args, refusal, "yellow")
        return FAILED
    except KeyboardInterrupt:
        return FAILED
    except BrokenPipeError:  # `grader list | head`: the reader left; not an error of ours
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        except OSError:
            pass
        return OK


def _say(args, error: Exception, style: str) -> None:
    """A usage error or a refusal: one JSON object with --json, else one line on stderr."""
    if getattr(args, "json", False):
        print(json.dumps({"error": str(error), "passed": False}))
    else:
        Console(stderr=True, highlight=False).print(Text.assemble((f"grader {args.verb}: ", style), str(error)))


if __name__ == "__main__":
    sys.exit(main())
