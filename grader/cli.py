"""The `grader` command: main(argv) -> int, one small function per verb.

Exit codes: 0 everything passed (or the verb succeeded), 1 a check failed (or the verb was
refused), 2 usage error. Nothing here imports numpy or torch: the checks run in a child process
(see engine.py). Colours follow rich, which honours NO_COLOR and plain pipes.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from . import catalog as catalog_module
from . import interview, workspace
from .catalog import Exercise
from .workspace import Status, display_path

OK, FAILED, USAGE = 0, 1, 2

EXAMPLES = {
    "list": "grader list            # every exercise with your status and when it last passed\n"
            "  grader list --topic cnn\n  grader list --json",
    "run": "grader run conv2d      # check exercises/conv2d.py\n  grader run conv2d --solution\n"
           "  grader run conv2d --target my_attempts/\n  grader run --all            # everything, with a summary\n"
           "  grader run --all --solution --json",
    "watch": "grader watch           # the first exercise you have not passed; re-checked on every save\n"
             "  grader watch conv2d\n  keys: h hint · n next exercise · r re-run · q quit",
    "progress": "grader progress        # how far you are, topic by topic\n  grader progress --json",
    "hint": "grader hint conv2d     # the next hint, one at a time\n  grader hint conv2d --all",
    "solution": "grader solution conv2d          # the reference solution, once your file passes\n"
                "  grader solution conv2d --force  # look anyway (recorded)",
    "interview": "grader interview                  # a mock interview on an exercise you have not passed\n"
                 "  grader interview --topic detection --difficulty easy\n"
                 "  grader interview conv2d --minutes 20 --watch\n"
                 "  grader interview --status | --stop | --history",
    "reset": "grader reset conv2d    # restore the stub; your file is backed up first",
    "init": "grader init ~/dl-practice   # a fresh workspace of stubs (for an installed kit)\n"
            "  cd ~/dl-practice && grader run conv2d",
    "docs": "grader docs conv2d     # serve the theory site locally and show the conv2d page",
    "completion": 'eval "$(grader completion bash)"   # in ~/.bashrc\n'
                  '  eval "$(grader completion zsh)"    # in ~/.zshrc\n'
                  "  grader completion fish | source    # in ~/.config/fish/config.fish",
}


class UsageError(Exception):
    pass


class Refused(Exception):
    """The verb is understood but will not be done now (exit 1), e.g. a solution before a pass."""


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


def _workspace(*, required: bool = True) -> workspace.Workspace:
    ws = workspace.find()
    if required and not ws.exists:
        raise UsageError("no workspace here (a folder with exercises/). Make one with `grader init DIR`, "
                         "then run grader inside it.")
    return ws


def _check_topic(topic: str | None) -> None:
    topics = catalog_module.load().topics
    if topic is not None and topic not in topics:
        raise UsageError(f"no topic called {topic!r}; topics: {', '.join(topics)}")


STATUS_STYLE = {Status.NOT_STARTED: "dim", Status.FAILING: "red", Status.PASSING: "yellow",
                Status.PASSING_AND_FAST: "green"}


# ---------------------------------------------------------------- list and progress

def _rows(state: dict) -> list[dict]:
    catalog = catalog_module.load()
    entries = state.get("exercises", {})
    current = workspace.current_exercise(catalog, state)
    rows = []
    for i, e in enumerate(catalog.exercises, 1):
        entry = entries.get(e.name, {})
        rows.append({"number": i, "exercise": e.name, "title": e.title, "topic": e.topic,
                     "difficulty": e.difficulty, "framework": e.framework,
                     "status": entry.get("status", "not started"), "last_passed": entry.get("last_passed"),
                     "hints_seen": entry.get("hints_seen", 0), "current": current is not None and e is current})
    return rows


def cmd_list(args) -> int:
    _check_topic(args.topic)
    catalog = catalog_module.load()
    state = workspace.load_state(_workspace(required=False))
    rows = [r for r in _rows(state) if args.topic is None or r["topic"] == args.topic]
    if args.names:
        print("\n".join(r["exercise"] for r in rows))
        return OK
    if args.json:
        print(json.dumps({"exercises": rows}, indent=1))
        return OK
    # Topics as section headings rather than a column: the table stays readable at 80 columns.
    table = Table(title="Exercises", title_justify="left", box=box.SIMPLE_HEAD, pad_edge=False)
    table.add_column("#", justify="right", no_wrap=True, min_width=2)
    table.add_column("exercise", no_wrap=True)
    for column in ("level", "status", "last passed"):
        table.add_column(column, no_wrap=True)
    topic = None
    for r in rows:
        if r["topic"] != topic:
            topic = r["topic"]
            table.add_row("", Text(catalog.topics[topic], style="bold cyan"))
        name = Text(("→ " if r["current"] else "  ") + r["exercise"], style="bold" if r["current"] else "")
        table.add_row(str(r["number"]), name, r["difficulty"],
                      Text(r["status"], style=STATUS_STYLE.get(r["status"], "")), (r["last_passed"] or "")[:10])
    console = _console()
    console.print(table)
    current = next((r for r in rows if r["current"]), None)
    if current:
        console.print(f"Next up: [bold]grader run {current['exercise']}[/] (or [bold]grader watch[/])")
    return OK


def cmd_progress(args) -> int:
    catalog = catalog_module.load()
    state = workspace.load_state(_workspace(required=False))
    rows = _rows(state)
    topics = []
    for key, title in catalog.topics.items():
        mine = [r for r in rows if r["topic"] == key]
        if not mine:
            continue
        count = {s: sum(r["status"] == s for r in mine) for s in Status}
        topics.append({"topic": key, "title": title, "total": len(mine),
                       "not_started": count[Status.NOT_STARTED], "failing": count[Status.FAILING],
                       "passing": count[Status.PASSING] + count[Status.PASSING_AND_FAST],
                       "passing_and_fast": count[Status.PASSING_AND_FAST]})
    total = len(rows)
    passing = sum(t["passing"] for t in topics)
    history = state.get("interviews", [])
    current = next((r["exercise"] for r in rows if r["current"]), None)
    summary = {"total": total, "passing": passing, "topics": topics, "next": current,
               "interviews": {"attempts": len(history), "passed": sum(h.get("result") == "passed" for h in history)}}
    if args.json:
        print(json.dumps(summary, indent=1))
        return OK
    console = _console()
    table = Table(title=f"Progress: {passing} of {total} exercises pass", title_justify="left")
    table.add_column("topic", no_wrap=True)
    for column in ("done", "", "fast", "failing", "not started"):
        table.add_column(column, no_wrap=True)
    for t in topics:
        width = 12
        filled = round(width * t["passing"] / t["total"])
        bar = Text("█" * filled, style="green") + Text("░" * (width - filled), style="dim")
        table.add_row(t["title"], f"{t['passing']}/{t['total']}", bar, str(t["passing_and_fast"]),
                      str(t["failing"]), str(t["not_started"]))
    console.print(table)
    if history:
        passed = [h for h in history if h.get("result") == "passed"]
        console.print(f"Mock interviews: {len(history)} ({len(passed)} passed) — `grader interview --history`")
    console.print(f"Next up: [bold]grader run {current}[/]" if current else "[bold green]Every exercise passes![/]")
    return OK


# ---------------------------------------------------------------- run

def _target(args, exercise: Exercise, ws: workspace.Workspace) -> Path:
    if args.solution:
        return ws.solutions / exercise.filename
    if args.target:
        return Path(args.target) / exercise.filename
    return ws.exercises / exercise.filename


def cmd_run(args) -> int:
    from . import engine

    if args.solution and args.target:
        raise UsageError("give either --solution or --target DIR, not both")
    if bool(args.all) == bool(args.name):
        raise UsageError("name one exercise (grader run conv2d) or use --all")
    if args.target and not Path(args.target).is_dir():
        raise UsageError(f"--target {args.target!r} is not a folder")
    if args.topic and not args.all:
        raise UsageError("--topic goes with --all (grader run --all --topic cnn)")
    _check_topic(args.topic)
    own_file = not (args.solution or args.target)
    ws = _workspace(required=own_file)
    catalog = catalog_module.load()
    if args.all:
        exercises = [e for e in catalog.exercises if args.topic is None or e.topic == args.topic]
        return _run_all(args, ws, exercises, own_file)
    exercise = _exercise(args.name)
    target = _target(args, exercise, ws)
    result = engine.execute(exercise, target, speed=not args.no_speed, fail_fast=args.fail_fast)
    finished = _record(ws, exercise, result) if own_file else None
    if args.json:
        print(json.dumps(result.to_json()))
        return OK if result.passed else FAILED
    from .report import render

    console = _console()
    state = workspace.load_state(ws)
    hints_seen = workspace.exercise_state(state, exercise.name).get("hints_seen", 0)
    session = interview.active_on(state, exercise.name) if own_file else None
    render(console, exercise, result, target_label=display_path(target), hints_seen=hints_seen,
           next_exercise=catalog.next_after(exercise.name), interview=session)
    _interview_news(console, finished, session, result)
    return OK if result.passed else FAILED


def _record(ws: workspace.Workspace, exercise: Exercise, result) -> dict | None:
    """Save the run in the progress file; return the interview's history entry if this run ended one."""
    workspace.record_run(ws, exercise.name, result)
    state = workspace.load_state(ws)
    if not interview.active_on(state, exercise.name):
        return None
    finished = interview.after_run(state, exercise.name, result.full_pass)
    workspace.save_state(ws, state)
    return finished


def _interview_news(console: Console, finished: dict | None, session: dict | None, result=None) -> None:
    if session and not finished and result is not None and result.passed and not result.full_pass:
        console.print("The interview ends on a pass with the speed checks on: run it without --no-speed.")
    if finished:
        console.print(Text("Mock interview done: " + interview.summary_line(finished), style="bold green"))
        console.print("Your attempts: grader interview --history")
    elif session and interview.over_time(session):
        console.print(Text(f"Time is up ({interview.clock(session['limit_s'])}); keep going to finish, "
                           "or `grader interview --stop`.", style="bold red"))


def _run_all(args, ws: workspace.Workspace, exercises: list[Exercise], own_file: bool) -> int:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from . import engine
    from .results import SCHEMA
    from .worker import Worker

    console = _console()
    results = []
    show_bar = console.is_terminal and not args.json
    # One warm worker for the whole catalog: torch is imported once, not once per exercise.
    worker = Worker() if len(exercises) > 1 and not args.cold else None
    progress = Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                        TimeElapsedColumn(), console=console, transient=True, disable=not show_bar)
    try:
        if worker is not None:
            worker.start()
        with progress:
            task = progress.add_task("starting", total=len(exercises))
            for exercise in exercises:
                progress.update(task, description=f"checking {exercise.name}")
                result = engine.execute(exercise, _target(args, exercise, ws), speed=not args.no_speed,
                                        fail_fast=args.fail_fast, backend=worker)
                results.append(result)
                if own_file:
                    _record(ws, exercise, result)
                progress.advance(task)
                if not show_bar and not args.json:
                    mark = Text("✓ ", style="green") if result.passed else Text("✗ ", style="red")
                    console.print(mark + Text(f"{exercise.name}  {result.seconds:.1f} s"))
    finally:
        if worker is not None:
            worker.close()
    passed = all(r.passed for r in results)
    if args.json:
        print(json.dumps({"schema": SCHEMA, "passed": passed, "exercises": [r.to_json() for r in results]}))
    else:
        _summary(console, results, title="Reference solutions" if args.solution else "Summary")
    return OK if passed else FAILED


def _summary(console: Console, results, *, title: str = "Summary") -> None:
    from .results import Outcome

    table = Table(title=title, title_justify="left", box=box.SIMPLE_HEAD, pad_edge=False)
    for column in ("exercise", "result", "checks", "speed", "seconds"):
        table.add_column(column, no_wrap=True)
    for r in results:
        passed = r.count(Outcome.PASSED)
        if r.passed:
            verdict = Text("passed", style="green")
        elif r.not_started:
            verdict = Text("not started", style="dim")
        else:
            verdict = Text("failed", style="red")
        speed = next((c for c in r.checks if c.speed_ratio is not None), None)
        speed_text = f"{speed.speed_ratio:g}× (≤ {speed.speed_limit:g}×)" if speed else ""
        table.add_row(r.exercise, verdict, f"{passed}/{len(r.checks)}", speed_text, f"{r.seconds:.1f}")
    console.print(table)
    total = sum(r.seconds for r in results)
    console.print(f"{sum(r.passed for r in results)} of {len(results)} passed · {total:.1f} s of checks")


# ---------------------------------------------------------------- watch

def cmd_watch(args) -> int:
    from .watch import watch

    ws = _workspace()
    catalog = catalog_module.load()
    state = workspace.load_state(ws)
    if args.name:
        exercise = _exercise(args.name)
    else:
        session = interview.active(state)
        exercise = catalog.get(session["exercise"]) if session and catalog.get(session["exercise"]) \
            else workspace.current_exercise(catalog, state)
        if exercise is None:
            _console().print("[bold green]Every exercise passes![/] `grader watch NAME` to keep polishing one.")
            return OK
    return watch(ws, exercise, _console(), clear=not args.no_clear, speed=not args.no_speed,
                 warm_worker=not args.cold)


# ---------------------------------------------------------------- hints and solutions

def cmd_hint(args) -> int:
    exercise = _exercise(args.name)
    ws = _workspace(required=False)
    state = workspace.load_state(ws)
    entry = workspace.exercise_state(state, exercise.name)
    total = len(exercise.hints)
    console = _console()
    if args.all:
        shown = range(total)
        newly = max(0, total - int(entry.get("hints_seen", 0)))
        entry["hints_seen"] = total
    else:
        seen = min(int(entry.get("hints_seen", 0)), total)
        if seen == total:
            console.print(f"You have seen all {total} hints. `grader hint {exercise.name} --all` lists them; "
                          f"the theory page is site/{exercise.page}.")
            return OK
        shown = [seen]
        newly = 1
        entry["hints_seen"] = seen + 1
    session = None
    for _ in range(newly):
        session = interview.record_hint(state, exercise.name) or session
    for i in shown:
        console.print(f"[bold]Hint {i + 1} of {total}[/] ({exercise.name}): {exercise.hints[i]}")
    workspace.save_state(ws, state)
    if session:
        console.print(f"[dim]Recorded in your mock interview ({session['hints']} "
                      f"hint{'s' if session['hints'] != 1 else ''} so far).[/]")
    if not args.all and entry["hints_seen"] < total:
        console.print("[dim]Run it again for the next hint.[/]")
    return OK


def cmd_solution(args) -> int:
    from rich.syntax import Syntax

    exercise = _exercise(args.name)
    ws = _workspace(required=False)
    path = ws.solutions / exercise.filename
    if not path.is_file():
        raise Refused(f"the reference solution of {exercise.name} is not available here ({display_path(path)}).")
    state = workspace.load_state(ws)
    entry = workspace.exercise_state(state, exercise.name)
    console = _console()
    if not entry.get("last_passed"):
        if not args.force:
            raise Refused(f"the solution opens once your {exercise.name} passes: `grader run {exercise.name}`. "
                          f"Stuck? `grader hint {exercise.name}`. To look anyway: "
                          f"`grader solution {exercise.name} --force`.")
        console.print(Text("Looking before passing: reading a solution teaches less than finishing your own. "
                           "This is recorded.", style="bold yellow"))
        entry["solution_seen"] = time.strftime("%Y-%m-%d %H:%M")
        interview.record_solution(state, exercise.name)
        workspace.save_state(ws, state)
    text = path.read_text(encoding="utf-8")
    if args.plain or not console.is_terminal:
        print(text, end="" if text.endswith("\n") else "\n")
    else:
        console.print(Syntax(text, "python", line_numbers=True, theme="ansi_dark", word_wrap=False))
    return OK


# ---------------------------------------------------------------- interview

def cmd_interview(args) -> int:
    actions = [a for a in ("status", "stop", "history") if getattr(args, a)]
    if len(actions) > 1:
        raise UsageError("give one of --status, --stop, --history")
    starting = not actions
    if not starting and (args.name or args.topic or args.difficulty or args.minutes or args.any or args.watch):
        raise UsageError(f"--{actions[0]} takes no exercise or options")
    if args.minutes is not None and args.minutes <= 0:
        raise UsageError("--minutes must be positive")
    _check_topic(args.topic)
    ws = _workspace(required=starting)
    state = workspace.load_state(ws)
    console = _console()
    session = interview.active(state)
    if args.history:
        return _interview_history(console, state, as_json=args.json)
    if args.status or args.stop:
        if session is None:
            if args.json:
                print(json.dumps({"interview": None}))
            else:
                console.print("No mock interview under way. Start one: grader interview")
            return OK if args.status else FAILED
        if args.stop:
            entry = interview.finish(state, "gave up")
            workspace.save_state(ws, state)
            if args.json:
                print(json.dumps(entry))
            else:
                console.print("Interview stopped: " + interview.summary_line(entry))
            return OK
        return _interview_status(console, session, as_json=args.json)
    if session is not None:
        raise Refused(f"a mock interview on {session['exercise']} is under way "
                      f"({interview.clock(interview.elapsed(session))} of {interview.clock(session['limit_s'])}). "
                      "Finish it, or `grader interview --stop`.")
    catalog = catalog_module.load()
    if args.name:
        exercise = _exercise(args.name)
    else:
        exercise = interview.pick(catalog, state, topic=args.topic, difficulty=args.difficulty,
                                  any_exercise=args.any, seed=args.seed)
        if exercise is None:
            raise Refused("no exercise matches that topic and difficulty (`grader list` shows them).")
    path = ws.exercises / exercise.filename
    saved = None
    if not args.keep and path.exists():
        stub = workspace.original_stub(ws, exercise.name)
        if stub is None:
            raise Refused(f"could not find the stub of {exercise.name} to start from; use --keep to start "
                          "from your file as it is.")
        if path.read_text(encoding="utf-8", errors="replace") != stub:
            saved = _backup(ws, path)
            workspace.write_atomically(path, stub)
    elif not path.exists():
        stub = workspace.original_stub(ws, exercise.name)
        if stub is not None:
            workspace.write_atomically(path, stub)
    session = interview.start(state, exercise, minutes=args.minutes, hints_visible=args.show_hints,
                              backup=str(saved) if saved else None)
    workspace.save_state(ws, state)
    if args.json:
        print(json.dumps({"interview": session}))
    else:
        console.print(Text.assemble(("Mock interview: ", "bold"), (exercise.name, "bold cyan"),
                                    f" — {exercise.title} ({exercise.difficulty}). ",
                                    ("You have ", ""), (interview.clock(session["limit_s"]), "bold"), "."))
        if saved:
            console.print(f"Your previous {exercise.filename} is saved in {display_path(saved)}; "
                          "you start from the stub.")
        console.print(f"Open [bold]{display_path(path)}[/] — its docstring is the question. Check your answer with "
                      f"[bold]grader run {exercise.name}[/] or [bold]grader watch[/]; the first full pass stops "
                      "the clock.")
        console.print("Hints are shown in reports." if args.show_hints else
                      f"Hints are hidden; `grader hint {exercise.name}` shows one and records it.")
        console.print("[dim]grader interview --status · --stop to give up · --history[/]")
    if args.watch:
        from .watch import watch

        return watch(ws, exercise, console, clear=True)
    return OK


def _interview_status(console: Console, session: dict, *, as_json: bool) -> int:
    spent, limit = interview.elapsed(session), float(session["limit_s"])
    if as_json:
        print(json.dumps({"interview": session, "elapsed_s": round(spent, 1), "over_time": spent > limit}))
        return OK
    style = "bold red" if spent > limit else "bold"
    console.print(Text.assemble("Mock interview on ", (session["exercise"], "bold cyan"), ": ",
                                (f"{interview.clock(spent)} of {interview.clock(limit)}", style),
                                f" · {session.get('hints', 0)} hint(s) · {session.get('runs', 0)} run(s)"))
    if spent > limit:
        console.print("Time is up: keep going to finish it, or `grader interview --stop`.")
    return OK


def _interview_history(console: Console, state: dict, *, as_json: bool) -> int:
    history = state.get("interviews", [])
    if as_json:
        print(json.dumps({"interviews": history}, indent=1))
        return OK
    if not history:
        console.print("No mock interviews yet. Start one: grader interview")
        return OK
    table = Table(title="Mock interviews", title_justify="left")
    for column in ("when", "exercise", "level", "result", "time", "limit", "hints", "solution"):
        table.add_column(column, no_wrap=column in ("result", "time", "limit"))
    for h in history:
        result = Text(h.get("result", "?"), style="green" if h.get("result") == "passed" else "red")
        seconds = float(h.get("seconds", 0))
        limit = float(h.get("limit_s", 0))
        time_text = Text(interview.clock(seconds), style="red" if h.get("over_time") else "")
        hints = "shown" if h.get("hints_visible") else str(h.get("hints", 0))
        table.add_row(str(h.get("started", "")), h["exercise"], str(h.get("difficulty", "")), result, time_text,
                      interview.clock(limit), hints, "yes" if h.get("solution_seen") else "")
    console.print(table)
    return OK


# ---------------------------------------------------------------- files: reset, init

def _backup(ws: workspace.Workspace, path: Path) -> Path:
    try:
        return workspace.backup(ws, path)
    except OSError as error:
        raise Refused(f"could not back up {display_path(path)} ({error}); your file was not touched.") from None


def cmd_reset(args) -> int:
    exercise = _exercise(args.name)
    ws = _workspace()
    path = ws.exercises / exercise.filename
    stub = workspace.original_stub(ws, exercise.name)
    console = _console()
    if stub is None:
        console.print(f"[red]Could not find the original stub of {exercise.name}[/] (it comes from git or the "
                      "installed package). Your file was not touched.")
        return FAILED
    if path.exists():
        if path.read_text(encoding="utf-8", errors="replace") == stub:
            console.print(f"{display_path(path)} is already the original stub; nothing to do.")
            return OK
        saved = _backup(ws, path)
        console.print(f"Your version was saved to [bold]{display_path(saved)}[/].")
    workspace.write_atomically(path, stub)
    console.print(f"Restored the stub in [bold]{display_path(path)}[/].")
    return OK


def cmd_init(args) -> int:
    root = Path(args.dir).expanduser()
    if root.exists() and not root.is_dir():
        raise UsageError(f"{args.dir!r} exists and is not a folder")
    catalog = catalog_module.load()
    try:
        report = workspace.init_workspace(root.resolve(), catalog.names(), force=args.force)
    except OSError as error:
        raise Refused(f"could not set up {root} ({error}); files already there were not replaced "
                      "without a backup.") from None
    console = _console()
    label = str(root)
    if report["created"]:
        console.print(f"Created {len(report['created'])} stub(s) in [bold]{label}/exercises/[/].")
    for name, saved in report["replaced"]:
        console.print(f"Replaced exercises/{name}.py with its stub; your version is in {saved}.")
    if report["kept"]:
        console.print(f"Kept your own version of {', '.join(report['kept'])} (`--force` replaces them, "
                      "after a backup).")
    if report["unchanged"] and not report["created"]:
        console.print(f"{label} is already a workspace with every stub.")
    if report["missing"]:
        console.print(f"[red]No stub found for {', '.join(report['missing'])}[/] (is the package complete?)")
        return FAILED
    console.print(f"Next: [bold]cd {label} && grader run {catalog.exercises[0].name}[/] (or grader watch)")
    return OK


def cmd_docs(args) -> int:
    import importlib.util
    import subprocess

    page = _exercise(args.name).page if args.name else "index.md"
    root = workspace.KIT_ROOT
    url_path = page.removesuffix(".md").removesuffix("index") + ("/" if not page.endswith("index.md") else "")
    if not (root / "mkdocs.yml").is_file():
        _console().print("The theory site's sources come with the kit's repository (site/), not with the "
                         "installed package: clone the repository to read or serve it.")
        return FAILED
    if importlib.util.find_spec("mkdocs") is None:
        _console().print(f"The site needs the dev extra: pip install -e '.[dev]'. Meanwhile, read {root / 'site' / page}")
        return FAILED
    _console().print(f"Serving the theory site at http://127.0.0.1:{args.port}/{url_path} (Ctrl-C to stop)")
    command = [sys.executable, "-m", "mkdocs", "serve", "-f", str(root / "mkdocs.yml"),
               "-a", f"127.0.0.1:{args.port}"]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}  # mkdocs-material prints a long banner otherwise
    try:
        return OK if subprocess.run(command, cwd=root, env=env).returncode == 0 else FAILED
    except KeyboardInterrupt:
        return OK


def cmd_completion(args) -> int:
    try:
        import argcomplete
    except ImportError:
        raise Refused("shell completion needs argcomplete: pip install argcomplete") from None
    print(argcomplete.shellcode(["grader"], shell=args.shell))
    return OK


# ---------------------------------------------------------------- parsing

def _complete_names(prefix: str, **kwargs) -> list[str]:
    return [n for n in catalog_module.load().names() if n.startswith(prefix)]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="grader", description="Implement deep-learning classics from scratch; check them against PyTorch.",
        epilog="Start with: grader list, then grader watch (or grader run conv2d). "
               "Every verb has --help with examples.")
    verbs = parser.add_subparsers(dest="verb", metavar="VERB")
    catalog = catalog_module.load()
    topics = list(catalog.topics)

    def verb(name: str, help_text: str, func) -> argparse.ArgumentParser:
        p = verbs.add_parser(name, help=help_text, description=help_text, epilog="examples:\n  " + EXAMPLES[name],
                             formatter_class=argparse.RawDescriptionHelpFormatter)
        p.set_defaults(func=func)
        return p

    def name_arg(p, optional: bool = False, help_text: str = "the exercise (see grader list)"):
        action = p.add_argument("name", nargs="?" if optional else None, help=help_text)
        action.completer = _complete_names

    p = verb("list", "list the exercises, your status and when each last passed", cmd_list)
    p.add_argument("--topic", choices=topics, help="only this topic")
    p.add_argument("--names", action="store_true", help="only the names, one per line")
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")

    p = verb("run", "check an exercise against PyTorch", cmd_run)
    name_arg(p, optional=True)
    p.add_argument("--all", action="store_true", help="run every exercise (a progress bar, then a summary)")
    p.add_argument("--topic", choices=topics, help="with --all: only this topic")
    p.add_argument("--solution", action="store_true", help="check the reference solution instead of your file")
    p.add_argument("--target", metavar="DIR", help="check DIR/<name>.py instead of exercises/<name>.py")
    p.add_argument("--json", action="store_true", help="print one JSON object instead of a report")
    p.add_argument("--no-speed", action="store_true", help="skip the speed checks")
    p.add_argument("-x", "--fail-fast", action="store_true", help="stop at the first failed check")
    p.add_argument("--cold", action="store_true", help=argparse.SUPPRESS)  # --all without the warm worker

    p = verb("watch", "re-check an exercise every time you save it", cmd_watch)
    name_arg(p, optional=True, help_text="the exercise (default: the first you have not passed)")
    p.add_argument("--no-clear", action="store_true", help="do not clear the screen between reports")
    p.add_argument("--no-speed", action="store_true", help="skip the speed checks")
    p.add_argument("--cold", action="store_true", help="a fresh process per check (slower; no warm worker)")

    p = verb("progress", "your progress, topic by topic", cmd_progress)
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")

    p = verb("hint", "show the next hint for an exercise", cmd_hint)
    name_arg(p)
    p.add_argument("--all", action="store_true", help="show every hint")

    p = verb("solution", "show the reference solution (once your file passes)", cmd_solution)
    name_arg(p)
    p.add_argument("--force", action="store_true", help="show it before you pass (with a warning; recorded)")
    p.add_argument("--plain", action="store_true", help="print the file as it is, no highlighting")

    p = verb("interview", "a mock interview: one exercise against the clock, hints hidden", cmd_interview)
    name_arg(p, optional=True, help_text="the exercise (default: a random one you have not passed)")
    p.add_argument("--topic", choices=topics, help="pick from this topic")
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

    p = verb("reset", "restore an exercise's stub (your file is backed up first)", cmd_reset)
    name_arg(p)

    p = verb("init", "make a fresh workspace of stubs in DIR (your files there are kept)", cmd_init)
    p.add_argument("dir", metavar="DIR")
    p.add_argument("--force", action="store_true", help="replace files that differ from the stubs (after a backup)")

    p = verb("docs", "serve the theory site locally", cmd_docs)
    name_arg(p, optional=True, help_text="open this exercise's page")
    p.add_argument("--port", type=int, default=8000)

    p = verb("completion", "print the shell completion script (verbs, options, exercise names)", cmd_completion)
    p.add_argument("shell", choices=["bash", "zsh", "fish"])
    return parser


def main(argv: list[str] | None = None) -> int:
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
        if getattr(args, "json", False):
            print(json.dumps({"error": str(error), "passed": False}))
        else:
            Console(stderr=True, highlight=False).print(Text.assemble((f"grader {args.verb}: ", "red"), str(error)))
        return USAGE
    except Refused as refusal:
        if getattr(args, "json", False):
            print(json.dumps({"error": str(refusal), "passed": False}))
        else:
            Console(stderr=True, highlight=False).print(Text.assemble((f"grader {args.verb}: ", "yellow"),
                                                                      str(refusal)))
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


if __name__ == "__main__":
    sys.exit(main())
