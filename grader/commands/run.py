"""grader run: check an exercise (or --all of them) against PyTorch and report."""
from __future__ import annotations

import argparse
import json
from pathlib import Path

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from .. import catalog as catalog_module
from .. import interview, progress, workspace
from ..catalog import Exercise
from ..results import SCHEMA, CheckResult, Kind, Outcome, Reason, RunResult
from ..workspace import display_path
from . import common

HELP = "check an exercise against PyTorch"
EXAMPLES = ("grader run conv2d      # check exercises/conv2d.py\n  grader run conv2d --solution\n"
            "  grader run conv2d --target my_attempts/   # or --target my_attempts/conv_v2.py\n"
            "  grader run conv2d -k 'padding'   # only the checks whose names match\n"
            "  grader run conv2d --repro        # and Python that rebuilds the failing case\n"
            "  grader run --all            # everything, with a summary\n"
            "  grader run --all --solution --json")


def register(verbs) -> None:
    p = common.add_verb(verbs, "run", HELP, EXAMPLES, main)
    common.name_arg(p, optional=True)
    p.add_argument("--all", action="store_true", help="run every exercise (a progress bar, then a summary)")
    common.topic_arg(p, "with --all: only this topic")
    p.add_argument("--solution", action="store_true", help="check the reference solution instead of your file")
    p.add_argument("--target", metavar="PATH",
                   help="check this file (any name), or DIR/<name>.py, instead of exercises/<name>.py")
    p.add_argument("-k", metavar="TEXT", dest="select",
                   help="run only the checks whose names match TEXT, as pytest's -k ('padding 1', 'not speed'); "
                        "such a run is not recorded as a pass of the exercise")
    p.add_argument("--repro", action="store_true",
                   help="print Python that rebuilds the failing case and calls your function, to debug it yourself")
    p.add_argument("--json", action="store_true", help="print one JSON object instead of a report")
    p.add_argument("-v", "--verbose", action="store_true", help="list every check (a long list of failures is folded)")
    p.add_argument("--no-speed", action="store_true", help="skip the speed checks")
    p.add_argument("-x", "--fail-fast", action="store_true",
                   help="stop at the first failed check that names a mistake, or crashes")
    p.add_argument("--cold", action="store_true", help=argparse.SUPPRESS)  # --all without the warm worker


def main(args) -> int:
    from .. import engine

    if args.solution and args.target:
        raise common.UsageError("give either --solution or --target DIR, not both")
    if bool(args.all) == bool(args.name):
        raise common.UsageError("name one exercise (grader run conv2d) or use --all")
    if args.target and not Path(args.target).is_dir() and not (args.target.endswith(".py") or Path(args.target).is_file()):
        raise common.UsageError(f"--target {args.target!r} is neither a folder nor a .py file")
    if args.target and Path(args.target).suffix == ".py" and args.all:
        raise common.UsageError("with --all, --target names a folder holding <name>.py for each exercise")
    if (args.select is not None or args.repro) and args.all:
        raise common.UsageError("-k and --repro go with one exercise (grader run conv2d -k padding --repro)")
    if args.topic and not args.all:
        raise common.UsageError("--topic goes with --all (grader run --all --topic cnn)")
    common.check_topic(args.topic)
    own_file = not (args.solution or args.target)
    ws = common.find_workspace(required=own_file)
    catalog = catalog_module.load()
    if args.all:
        exercises = [e for e in catalog.exercises if args.topic is None or e.topic == args.topic]
        return _run_all(args, ws, exercises, own_file)
    exercise = common.exercise(args.name)
    missing = catalog_module.missing_requirement(exercise)
    if missing:  # one line, exit 1 (a setup problem, as `grader docs` without mkdocs)
        raise common.Refused(missing)
    target = _target(args, exercise, ws)
    if args.target and not target.is_file():
        raise common.Refused(_no_target_file(exercise, target))
    result = engine.execute(exercise, target, speed=not args.no_speed, fail_fast=args.fail_fast,
                            select=args.select)
    if args.select is not None and not result.checks:
        shown = ", ".join(repr(n) for n in result.deselected[:6]) + (", …" if len(result.deselected) > 6 else "")
        raise common.UsageError(f"no check of {exercise.name} matches -k {args.select!r}; its checks: {shown}")
    # A -k run proves only the checks it ran: it is not recorded as a pass (nor counted in an interview).
    finished = interview.record_run(ws, exercise.name, result) if own_file and not result.partial else None
    repro = _repro(args, exercise, result, target)
    if args.json:
        print(json.dumps({**result.to_json(), **({"repro": repro} if repro else {})}))
        return common.OK if result.passed else common.FAILED
    from ..report import render

    console = common.console()
    state = progress.load(ws)
    session = interview.active_on(state, exercise.name) if own_file else None
    following = state.next_to_do(catalog, after=exercise.name)
    render(console, exercise, result, target_label=display_path(target),
           hints_seen=interview.hints_seen(state, exercise.name),
           next_exercise=following, all_done=following is None, interview=session,
           verbose=args.verbose)
    if own_file and result.passed:
        console.print(Text(progress.status_line(state.exercise(exercise.name)), style="dim"))
    if repro:
        console.print(Text("Reproduce it in Python (paste it into python, or into a debugger):", style="bold"))
        console.print(Text(repro), soft_wrap=True)
    elif _reproducible(result.problem_to_show):
        from ..repro import command

        console.print(Text(f"Debug this case in Python: {command(exercise.name, result.problem_to_show.name)}",
                           style="dim"), soft_wrap=True)
    _interview_news(console, ws, finished, session, result)
    return common.OK if result.passed else common.FAILED


def _no_target_file(exercise: Exercise, target: Path) -> str:
    return (f"{display_path(target)} does not exist. Write your {exercise.name} there (start from the stub: "
            f"grader init DIR makes a folder of them), or point --target at the file that holds it.")


def _repro(args, exercise: Exercise, result, target: Path) -> str | None:
    """With --repro: the snippet that rebuilds the failed check's case (grader.repro), where one ran
    the learner's code (not an unimplemented stub, a file that cannot be imported, the rules)."""
    problem = result.problem_to_show
    if not args.repro or not _reproducible(problem):
        return None
    from ..repro import snippet

    return snippet(exercise.name, problem.name, target)


def _reproducible(problem) -> bool:
    """A failed check that ran the learner's code on a case (not the stub, an import, the rules)."""
    return problem is not None and problem.kind is not Kind.RULES and problem.reason not in (
        Reason.NOT_IMPLEMENTED, Reason.IMPORT_ERROR, Reason.INTERNAL, Reason.TIMEOUT)


def _target(args, exercise: Exercise, ws: workspace.Workspace) -> Path:
    if args.solution:
        return ws.solutions / exercise.filename
    if args.target:
        given = Path(args.target)
        return given if given.suffix == ".py" else given / exercise.filename
    return ws.exercises / exercise.filename


def _interview_news(console: Console, ws: workspace.Workspace, finished, session, result) -> None:
    if session and not finished and result.passed and not result.full_pass:
        console.print("The interview ends on a pass with the speed checks on: run it without --no-speed.")
    if finished:
        console.print(Text("Mock interview done: " + interview.summary_line(finished), style="bold green"))
        console.print("Your attempts: grader interview --history")
        went = interview.where_it_went(ws, finished)
        if went:
            console.print(went)
    elif session and interview.over_time(session):
        console.print(Text(f"Time is up ({interview.clock(session.limit_s)}); keep going to finish, "
                           "or `grader interview --stop`.", style="bold red"))


def _run_all(args, ws: workspace.Workspace, exercises: list[Exercise], own_file: bool) -> int:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from .. import engine
    from ..worker import Worker

    console = common.console()
    results = []
    show_bar = console.is_terminal and not args.json
    # One warm worker for the whole catalog: torch is imported once, not once per exercise.
    worker = Worker() if len(exercises) > 1 and not args.cold else None
    bar = Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                   TimeElapsedColumn(), console=console, transient=True, disable=not show_bar)
    try:
        if worker is not None:
            worker.start()
        with bar:
            task = bar.add_task("starting", total=len(exercises))
            for exercise in exercises:
                bar.update(task, description=f"checking {exercise.name}")
                target = _target(args, exercise, ws)
                if args.target and not target.is_file():  # not `grader reset`'s business: say so here
                    result = RunResult(exercise.name, str(target), [CheckResult(
                        "load your file", Kind.CORRECTNESS, Outcome.ERROR, _no_target_file(exercise, target),
                        Reason.IMPORT_ERROR)])
                else:
                    result = engine.execute(exercise, target, speed=not args.no_speed, fail_fast=args.fail_fast,
                                            backend=worker)
                results.append(result)
                if own_file and not result.unavailable:  # "needs triton": not an attempt
                    interview.record_run(ws, exercise.name, result)
                bar.advance(task)
                if not show_bar and not args.json:
                    mark = Text("✓ ", style="green") if result.passed else Text("✗ ", style="red")
                    console.print(mark + Text(f"{exercise.name}  {result.seconds:.1f} s"))
    finally:
        if worker is not None:
            worker.close()
    passed = all(r.passed or r.unavailable for r in results)  # the rest of the kit is judged without them
    if args.json:
        print(json.dumps({"schema": SCHEMA, "passed": passed, "exercises": [r.to_json() for r in results]}))
    else:
        _summary(console, results, title="Reference solutions" if args.solution else "Summary")
    return common.OK if passed else common.FAILED


def _summary(console: Console, results, *, title: str = "Summary") -> None:
    table = Table(title=title, title_justify="left", box=box.SIMPLE_HEAD, pad_edge=False)
    for column in ("exercise", "result", "checks", "speed", "seconds"):
        table.add_column(column, no_wrap=True)
    for r in results:
        if r.passed:
            verdict = Text("passed", style="green")
        elif r.not_started:
            verdict = Text("not started", style="dim")
        elif r.unavailable:  # "needs triton: pip install triton"
            verdict = Text(r.checks[0].message.partition(":")[0], style="yellow")
        else:
            verdict = Text("failed", style="red")
        speed = next((c for c in r.checks if c.speed_ratio is not None), None)
        speed_text = f"{speed.speed_ratio:g}× (≤ {speed.speed_limit:g}×)" if speed else ""
        passed, total, _ = r.tally()
        table.add_row(r.exercise, verdict, f"{passed}/{total}", speed_text, f"{r.seconds:.1f}")
    console.print(table)
    total = sum(r.seconds for r in results)
    unavailable = [r for r in results if r.unavailable]
    console.print(f"{sum(r.passed for r in results)} of {len(results) - len(unavailable)} passed · {total:.1f} s of checks"
                  + (f" · {len(unavailable)} not run here ({unavailable[0].checks[0].message})" if unavailable else ""))
