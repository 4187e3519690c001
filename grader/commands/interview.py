"""grader interview: start a mock interview, or show (--status), give up (--stop) or list (--history) them.

The clock and the interview's state are grader/interview.py; this is the verb around them.
"""
from __future__ import annotations

import argparse
import json

from rich.console import Console
from rich.table import Table
from rich.text import Text

from .. import catalog as catalog_module
from .. import interview, progress, workspace
from ..progress import Interview, Progress
from ..workspace import display_path
from . import common

HELP = "a mock interview: one exercise against the clock, hints hidden"
EXAMPLES = ("grader interview                  # a mock interview on an exercise you have not passed\n"
            "  grader interview --topic detection --difficulty easy\n"
            "  grader interview conv2d --minutes 20 --watch\n"
            "  grader interview --status | --stop | --history")


def register(verbs) -> None:
    p = common.add_verb(verbs, "interview", HELP, EXAMPLES, main)
    common.name_arg(p, optional=True, help_text="the exercise (default: a random one you have not passed)")
    common.topic_arg(p, "pick from this topic")
    p.add_argument("--difficulty", choices=catalog_module.DIFFICULTIES, help="pick at this difficulty")
    p.add_argument("--any", action="store_true", help="pick among all exercises, passed ones included")
    p.add_argument("--minutes", type=float, help="the time limit (default: easy 15, medium 30, hard 45)")
    p.add_argument("--show-hints", action="store_true", help="keep hints visible in reports (recorded)")
    p.add_argument("--keep", action="store_true", help="start from your file as it is, not from the stub")
    p.add_argument("--watch", action="store_true", help="go straight into watch mode")
    p.add_argument("--seed", type=int, help=argparse.SUPPRESS)  # a reproducible pick, for tests
    p.add_argument("--status", action="store_true", help="the interview under way and its clock")
    p.add_argument("--stop", action="store_true", help="give up the interview under way (recorded)")
    p.add_argument("--history", action="store_true", help="your past attempts")
    p.add_argument("--json", action="store_true", help="print JSON")


def main(args) -> int:
    actions = [a for a in ("status", "stop", "history") if getattr(args, a)]
    if len(actions) > 1:
        raise common.UsageError("give one of --status, --stop, --history")
    starting = not actions
    if not starting and (args.name or args.topic or args.difficulty or args.minutes or args.any or args.watch):
        raise common.UsageError(f"--{actions[0]} takes no exercise or options")
    if args.minutes is not None and args.minutes <= 0:
        raise common.UsageError("--minutes must be positive")
    common.check_topic(args.topic)
    ws = common.find_workspace(required=starting)
    state = progress.load(ws)
    console = common.console()
    if args.history:
        return _history(console, state, as_json=args.json)
    if args.status or args.stop:
        return _status_or_stop(args, ws, state, console)
    return _start(args, ws, state, console)


def _status_or_stop(args, ws: workspace.Workspace, state: Progress, console: Console) -> int:
    session = interview.active(state)
    if session is None:
        if args.json:
            print(json.dumps({"interview": None}))
        else:
            console.print("No mock interview under way. Start one: grader interview")
        return common.OK if args.status else common.FAILED
    if args.stop:
        entry = interview.finish(state, "gave up")
        progress.save(ws, state)
        if args.json:
            print(json.dumps(entry.to_json()))
        else:
            console.print("Interview stopped: " + interview.summary_line(entry))
            went = interview.where_it_went(ws, entry)
            if went:
                console.print(went)
        return common.OK
    return _status(console, session, as_json=args.json)


def _start(args, ws: workspace.Workspace, state: Progress, console: Console) -> int:
    session = interview.active(state)
    if session is not None:
        raise common.Refused(f"a mock interview on {session.exercise} is under way "
                             f"({interview.clock(interview.elapsed(session))} of {interview.clock(session.limit_s)}). "
                             "Finish it, or `grader interview --stop`.")
    catalog = catalog_module.load()
    if args.name:
        exercise = common.exercise(args.name)
    else:
        exercise = interview.pick(catalog, state, topic=args.topic, difficulty=args.difficulty,
                                  any_exercise=args.any, seed=args.seed)
        if exercise is None:
            raise common.Refused("no exercise matches that topic and difficulty (`grader list` shows them).")
    path = ws.exercises / exercise.filename
    saved = None
    if not args.keep and path.exists():
        stub = workspace.original_stub(ws, exercise.name)
        if stub is None:
            raise common.Refused(f"could not find the stub of {exercise.name} to start from; use --keep to start "
                                 "from your file as it is.")
        if path.read_text(encoding="utf-8", errors="replace") != stub:
            saved = common.backup(ws, path)
            workspace.write_atomically(path, stub)
    elif not path.exists():
        stub = workspace.original_stub(ws, exercise.name)
        if stub is not None:
            workspace.write_atomically(path, stub)
    session = interview.start(state, exercise, minutes=args.minutes, hints_visible=args.show_hints,
                              backup=str(saved) if saved else None)
    progress.save(ws, state)
    if args.json:
        print(json.dumps({"interview": session.to_json()}))
    else:
        console.print(Text.assemble(("Mock interview: ", "bold"), (exercise.name, "bold cyan"),
                                    f" — {exercise.title} ({exercise.difficulty}). ",
                                    ("You have ", ""), (interview.clock(session.limit_s), "bold"), "."))
        if saved:
            console.print(f"Your previous {exercise.filename} is saved in {display_path(saved)}; "
                          f"you start from the stub (`grader restore {exercise.name}` brings yours back).")
        console.print(f"Open [bold]{display_path(path)}[/] — its docstring is the question. Check your answer with "
                      f"[bold]grader run {exercise.name}[/] or [bold]grader watch[/]; the first full pass stops "
                      "the clock.")
        console.print("Hints are shown in reports." if args.show_hints else
                      f"Hints are hidden; `grader hint {exercise.name}` shows one and records it.")
        console.print("[dim]grader interview --status · --stop to give up · --history[/]")
    if args.watch:
        from ..watch import watch

        return watch(ws, exercise, console, clear=True)
    return common.OK


def _status(console: Console, session: Interview, *, as_json: bool) -> int:
    spent, limit = interview.elapsed(session), session.limit_s
    if as_json:
        print(json.dumps({"interview": session.to_json(), "elapsed_s": round(spent, 1),
                          "over_time": spent > limit}))
        return common.OK
    style = "bold red" if spent > limit else "bold"
    console.print(Text.assemble("Mock interview on ", (session.exercise, "bold cyan"), ": ",
                                (f"{interview.clock(spent)} of {interview.clock(limit)}", style),
                                f" · {session.hints} hint(s) · {session.runs} run(s)"))
    if spent > limit:
        console.print("Time is up: keep going to finish it, or `grader interview --stop`.")
    return common.OK


def _history(console: Console, state: Progress, *, as_json: bool) -> int:
    history = state.interviews
    if as_json:
        print(json.dumps({"interviews": [h.to_json() for h in history]}, indent=1))
        return common.OK
    if not history:
        console.print("No mock interviews yet. Start one: grader interview")
        return common.OK
    table = Table(title="Mock interviews", title_justify="left")
    for column in ("when", "exercise", "level", "result", "time", "limit", "hints", "solution"):
        table.add_column(column, no_wrap=column in ("result", "time", "limit"))
    for h in history:
        over = h.result == "passed" and h.over_time
        result = Text(h.result + (" over time" if over else ""),
                      style="yellow" if over else "green" if h.result == "passed" else "red")
        time_text = Text(interview.clock(h.seconds), style="red" if h.over_time else "")
        hints = "shown" if h.hints_visible else str(h.hints)
        table.add_row(h.started, h.exercise, h.difficulty, result, time_text, interview.clock(h.limit_s), hints,
                      "yes" if h.solution_seen else "")
    console.print(table)
    return common.OK
