"""The `grader` command: main(argv) -> int, one small function per verb.

Exit codes: 0 everything passed (or the verb succeeded), 1 a check failed, 2 usage error.
Nothing here imports numpy or torch: the checks run in a child process (see runner.py).
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from rich.console import Console
from rich.table import Table

from . import catalog as catalog_module
from . import workspace
from .catalog import Exercise

OK, FAILED, USAGE = 0, 1, 2

EXAMPLES = {
    "list": "grader list            # every exercise with your status\n  grader list --json",
    "run": "grader run conv2d      # check exercises/conv2d.py\n  grader run conv2d --solution\n"
           "  grader run conv2d --target my_attempts/\n  grader run --all --solution --json",
    "hint": "grader hint conv2d     # the next hint, one at a time\n  grader hint conv2d --all",
    "reset": "grader reset conv2d    # restore the stub; your file is backed up first",
    "docs": "grader docs conv2d     # serve the theory site locally and show the conv2d page",
}


class UsageError(Exception):
    pass


def _console() -> Console:
    return Console(highlight=False, soft_wrap=False)


def _exercise(name: str) -> Exercise:
    catalog = catalog_module.load()
    exercise = catalog.get(name)
    if exercise is None:
        close = catalog.suggest(name)
        hint = f" Did you mean {' or '.join(repr(c) for c in close)}?" if close else ""
        raise UsageError(f"no exercise called {name!r}.{hint} `grader list` shows them all.")
    return exercise


# ---------------------------------------------------------------- verbs

def cmd_list(args) -> int:
    catalog = catalog_module.load()
    ws = workspace.find()
    state = workspace.load_state(ws).get("exercises", {})
    rows = []
    for i, e in enumerate(catalog.exercises, 1):
        entry = state.get(e.name, {})
        rows.append({"number": i, "exercise": e.name, "title": e.title, "topic": e.topic,
                     "difficulty": e.difficulty, "framework": e.framework,
                     "status": entry.get("status", "not started"), "last_passed": entry.get("last_passed")})
    if args.json:
        print(json.dumps({"exercises": rows}, indent=1))
        return OK
    table = Table(title="Exercises", title_justify="left")
    for column in ("#", "exercise", "topic", "difficulty", "status", "last passed"):
        table.add_column(column)
    colours = {"not started": "dim", "failing": "red", "passing": "yellow", "passing and fast": "green"}
    for r in rows:
        table.add_row(str(r["number"]), r["exercise"], catalog.topics[r["topic"]], r["difficulty"],
                      f"[{colours.get(r['status'], '')}]{r['status']}[/]", r["last_passed"] or "")
    _console().print(table)
    return OK


def _target(args, exercise: Exercise, ws: workspace.Workspace) -> Path:
    if args.solution:
        return ws.solutions / exercise.filename
    if args.target:
        return Path(args.target) / exercise.filename
    return ws.exercises / exercise.filename


def _label(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def cmd_run(args) -> int:
    from . import runner

    if args.solution and args.target:
        raise UsageError("give either --solution or --target DIR, not both")
    if bool(args.all) == bool(args.name):
        raise UsageError("name one exercise (grader run conv2d) or use --all")
    if args.target and not Path(args.target).is_dir():
        raise UsageError(f"--target {args.target!r} is not a folder")
    ws = workspace.find()
    exercises = list(catalog_module.load().exercises) if args.all else [_exercise(args.name)]
    results = []
    console = _console()
    for exercise in exercises:
        target = _target(args, exercise, ws)
        if args.all and not args.json:
            console.print(f"[dim]running {exercise.name} …[/]", end="\r")
        result = runner.run(exercise, target, speed=not args.no_speed)
        results.append(result)
        own_file = not (args.solution or args.target)
        if own_file:
            workspace.record_run(ws, exercise.name, result)
        if not args.all and not args.json:
            from .report import render

            hints_seen = workspace.exercise_state(workspace.load_state(ws), exercise.name).get("hints_seen", 0)
            render(console, exercise, result, target_label=_label(target), hints_seen=hints_seen,
                   next_exercise=catalog_module.load().next_after(exercise.name))
    if args.json:
        print(json.dumps(results[0].to_json() if not args.all else
                         {"passed": all(r.passed for r in results), "exercises": [r.to_json() for r in results]}))
    elif args.all:
        _summary(console, results)
    return OK if all(r.passed for r in results) else FAILED


def _summary(console: Console, results) -> None:
    table = Table(title="Summary", title_justify="left")
    for column in ("exercise", "result", "checks", "seconds"):
        table.add_column(column)
    for r in results:
        passed = sum(c["outcome"] == "passed" for c in r.checks)
        verdict = "[green]passed[/]" if r.passed else "[red]failed[/]"
        table.add_row(r.exercise, verdict, f"{passed}/{len(r.checks)}", f"{r.seconds:.1f}")
    console.print(table)


def cmd_hint(args) -> int:
    exercise = _exercise(args.name)
    ws = workspace.find()
    state = workspace.load_state(ws)
    entry = workspace.exercise_state(state, exercise.name)
    total = len(exercise.hints)
    console = _console()
    if args.all:
        shown = range(total)
        entry["hints_seen"] = total
    else:
        seen = min(int(entry.get("hints_seen", 0)), total)
        if seen == total:
            console.print(f"You have seen all {total} hints. `grader hint {exercise.name} --all` lists them; "
                          f"the theory page is site/{exercise.page}.")
            return OK
        shown = [seen]
        entry["hints_seen"] = seen + 1
    for i in shown:
        console.print(f"[bold]Hint {i + 1} of {total}[/] ({exercise.name}): {exercise.hints[i]}")
    workspace.save_state(ws, state)
    if not args.all and entry["hints_seen"] < total:
        console.print(f"[dim]Run it again for the next hint.[/]")
    return OK


def cmd_reset(args) -> int:
    exercise = _exercise(args.name)
    ws = workspace.find()
    path = ws.exercises / exercise.filename
    stub = workspace.original_stub(ws, exercise.name)
    console = _console()
    if stub is None:
        console.print(f"[red]Could not find the original stub of {exercise.name}[/] (it comes from git or the "
                      "installed package). Your file was not touched.")
        return FAILED
    if path.exists():
        if path.read_text(encoding="utf-8", errors="replace") == stub:
            console.print(f"{_label(path)} is already the original stub; nothing to do.")
            return OK
        saved = workspace.backup(ws, path)
        console.print(f"Your version was saved to [bold]{_label(saved)}[/].")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(stub, encoding="utf-8")
    console.print(f"Restored the stub in [bold]{_label(path)}[/].")
    return OK


def cmd_docs(args) -> int:
    import importlib.util
    import subprocess

    page = _exercise(args.name).page if args.name else "index.md"
    root = workspace.KIT_ROOT
    url_path = page.removesuffix(".md").removesuffix("index") + ("/" if not page.endswith("index.md") else "")
    if importlib.util.find_spec("mkdocs") is None:
        _console().print(f"The site needs the dev extra: pip install -e '.[dev]'. Meanwhile, read {root / 'site' / page}")
        return FAILED
    _console().print(f"Serving the theory site at http://127.0.0.1:{args.port}/{url_path} (Ctrl-C to stop)")
    command = [sys.executable, "-m", "mkdocs", "serve", "-f", str(root / "mkdocs.yml"),
               "-a", f"127.0.0.1:{args.port}"]
    if not (root / "mkdocs.yml").is_file():
        _console().print(f"No mkdocs.yml in {root}: serve the site from a clone of the kit (pip install -e '.[dev]').")
        return FAILED
    import os

    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}  # mkdocs-material prints a long banner otherwise
    try:
        return OK if subprocess.run(command, cwd=root, env=env).returncode == 0 else FAILED
    except KeyboardInterrupt:
        return OK


# ---------------------------------------------------------------- parsing

def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="grader", description="Implement deep-learning classics from scratch; check them against PyTorch.",
        epilog="Start with: grader list, then grader run conv2d.")
    verbs = parser.add_subparsers(dest="verb", metavar="VERB")

    def verb(name: str, help_text: str, func) -> argparse.ArgumentParser:
        p = verbs.add_parser(name, help=help_text, description=help_text, epilog="examples:\n  " + EXAMPLES[name],
                             formatter_class=argparse.RawDescriptionHelpFormatter)
        p.set_defaults(func=func)
        return p

    p = verb("list", "list the exercises and your status", cmd_list)
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")

    p = verb("run", "check an exercise against PyTorch", cmd_run)
    p.add_argument("name", nargs="?", help="the exercise (see grader list)")
    p.add_argument("--all", action="store_true", help="run every exercise")
    p.add_argument("--solution", action="store_true", help="check the reference solution instead of your file")
    p.add_argument("--target", metavar="DIR", help="check DIR/<name>.py instead of exercises/<name>.py")
    p.add_argument("--json", action="store_true", help="print one JSON object instead of a report")
    p.add_argument("--no-speed", action="store_true", help="skip the speed checks")

    p = verb("hint", "show the next hint for an exercise", cmd_hint)
    p.add_argument("name")
    p.add_argument("--all", action="store_true", help="show every hint")

    p = verb("reset", "restore an exercise's stub (your file is backed up first)", cmd_reset)
    p.add_argument("name")

    p = verb("docs", "serve the theory site locally", cmd_docs)
    p.add_argument("name", nargs="?")
    p.add_argument("--port", type=int, default=8000)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
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
        if getattr(args, "json", False):
            print(json.dumps({"error": str(error), "passed": False}))
        else:
            Console(stderr=True, highlight=False).print(f"[red]grader {args.verb}:[/] {error}")
        return USAGE
    except KeyboardInterrupt:
        return FAILED


if __name__ == "__main__":
    sys.exit(main())
