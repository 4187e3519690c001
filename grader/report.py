"""Render a run's result for a person (rich) — the JSON form is RunResult.to_json()."""
from __future__ import annotations

from rich.console import Console, Group
from rich.markup import escape
from rich.panel import Panel
from rich.text import Text

from .catalog import Exercise
from .progress import Interview
from .results import CheckResult, Outcome, Reason, RunResult
from .theory import link

SYMBOL = {Outcome.PASSED: ("✓", "green"), Outcome.FAILED: ("✗", "red"), Outcome.ERROR: ("✗", "red"),
          Outcome.SKIPPED: ("·", "dim")}


FOLD_OVER = 16  # checks in a run above which failures are folded
FAILURES_SHOWN = 6


def render(console: Console, exercise: Exercise, result: RunResult, *, target_label: str, hints_seen: int,
           next_exercise: Exercise | None, interview: Interview | None = None, all_done: bool = False,
           in_watch: bool = False, in_notebook: bool = False, verbose: bool = False) -> None:
    """The report of one run. During a mock interview (`interview` is its state) hints stay hidden.
    `in_notebook`: the next steps are the notebook's (run the cell again, %grade_hint). A long list
    of failed checks is folded after the first few (`verbose` lists every one).

    After a pass: `next_exercise` (Progress.next_to_do) is the next step; `all_done` says that every
    exercise passes; with neither (watch, which draws its own prompt) no next step is printed."""
    console.print(Text.assemble((exercise.name, "bold"), f" — {exercise.title}   ", (target_label, "dim")))
    problem = result.first_problem
    if problem and problem.reason in (Reason.NOT_IMPLEMENTED, Reason.IMPORT_ERROR) and problem is result.checks[0]:
        _render_unstarted(console, exercise, problem, target_label, interview, in_watch=in_watch,
                          in_notebook=in_notebook)
        return

    not_run = folded = 0
    fold = not verbose and len(result.checks) > FOLD_OVER
    shown_failures = 0
    for check in result.checks:
        if check.reason is Reason.NOT_RUN:
            not_run += 1
            continue
        if check.bad:
            shown_failures += 1
            if fold and shown_failures > FAILURES_SHOWN and check is not result.problem_to_show:
                folded += 1  # one panel explains them; a wall of crosses would not
                continue
        symbol, style = SYMBOL[check.outcome]
        line = Text.assemble((f" {symbol} ", style), check.name)
        if check.outcome is Outcome.SKIPPED:
            line.append(f" — skipped: {check.message}", style="dim")
        elif check.speed:
            line.append(f" — {check.speed}", style="dim")
        console.print(line)
    if folded:
        console.print(Text.assemble((f" {SYMBOL[Outcome.FAILED][0]} ", SYMBOL[Outcome.FAILED][1]),
                                    (f"{folded} more failed (-v lists every check)", "dim")))
    if not_run:
        console.print(Text(f" · {not_run} more not run", style="dim"))

    if problem:
        console.print(_problem_panel(exercise, result.problem_to_show, result))
    if exercise.is_debug and not result.passed:
        _bugs_line(console, exercise, result)
    passed, total, skipped = _counts(result)
    if result.passed:
        console.print(Text(f"All {passed} checks passed in {result.seconds:.1f} s{skipped}.", style="bold green"))
        if not _hints_hidden(interview):
            console.print(f"Interview questions: {escape(link(exercise.page, 'interview-questions'))} · "
                          f"the reference: [bold]grader solution {exercise.name}[/]")
        if next_exercise:
            verb = "watch" if in_watch else "notebook" if in_notebook else "run"
            console.print(f"Next: [bold]grader {verb} {next_exercise.name}[/] — {escape(next_exercise.title)}")
        elif all_done:
            console.print("Every exercise passes. Well done!")
    else:
        console.print(Text(f"{passed} of {total} checks passed ({result.seconds:.1f} s){skipped}.", style="bold red"))
        if _hints_hidden(interview):
            console.print(_interview_line(exercise, interview))
        else:
            _next_step(console, exercise, hints_seen, _hint_verb(in_notebook))


def _bugs_line(console: Console, exercise: Exercise, result: RunResult) -> None:
    """A debug exercise: which of its planted bugs the checks still see (each has its own check)."""
    named = set(result.named)
    present = [m.name.removeprefix("bug: ") for m in exercise.bug_mistakes if m.name in named]
    total = len(exercise.bugs)
    if present:
        console.print(Text.assemble((f"Bugs still present ({len(present)} of {total}): ", "bold"), "; ".join(present)))
    else:
        console.print(Text(f"None of the {total} planted bugs is seen any more: what fails is something else.",
                           style="bold"))


def _hint_verb(in_notebook: bool) -> str:
    return "%grade_hint" if in_notebook else "grader hint"


def _counts(result: RunResult) -> tuple[int, int, str]:
    """(passed, out of, what was left out: skipped checks and why, a -k selection)."""
    passed, total, skipped = result.tally()
    why = sorted({c.message for c in skipped if c.message})
    text = f"; {len(skipped)} skipped ({'; '.join(why)})" if skipped else ""
    if result.partial:
        text += f"; only the checks matching -k {result.selection!r}"
    return passed, total, text


def _hints_hidden(interview: Interview | None) -> bool:
    return interview is not None and not interview.hints_visible


def _interview_line(exercise: Exercise, interview: Interview) -> Text:
    from . import interview as clock

    spent, limit = clock.elapsed(interview), interview.limit_s
    line = Text("Mock interview: ", style="bold")
    line.append(f"{clock.clock(spent)} of {clock.clock(limit)}", style="bold red" if spent > limit else "bold")
    line.append(" · hints hidden (")
    line.append(f"grader hint {exercise.name}", style="bold")
    line.append(" shows one, and it is recorded)")
    return line


def _render_unstarted(console: Console, exercise: Exercise, problem: CheckResult, target_label: str,
                      interview: Interview | None = None, *, in_watch: bool = False,
                      in_notebook: bool = False) -> None:
    if problem.reason is Reason.NOT_IMPLEMENTED:
        then = ("save it: it is checked on every save." if in_watch
                else "run the cell again." if in_notebook
                else f"run [bold]grader run {exercise.name}[/] again.")
        body = (f"{exercise.name} is not implemented yet.\n"
                f"Open [bold]{escape(target_label)}[/], read the docstring (it is the full spec), "
                f"write the function, then {then}")
        console.print(Panel(body, title="not started", border_style="yellow", expand=False))
    else:
        console.print(Panel(escape(problem.message), title="your file could not be imported",
                            border_style="red", expand=False))
    if _hints_hidden(interview):
        console.print(_interview_line(exercise, interview))
    else:
        console.print(f"Stuck? [bold]{_hint_verb(in_notebook)} {exercise.name}[/] · theory: [bold]{escape(link(exercise.page))}[/]")


def _diagnosis(exercise: Exercise, result: RunResult) -> list[Text]:
    """The run's one diagnosis, at the top of the panel: the mistake that explains the most failed checks."""
    mistake = result.mistake
    if mistake is None:
        wrong_output = any(c.bad and c.reason is Reason.MISMATCH for c in result.checks)
        return [Text("No known mistake matches your output.", style="yellow")] if wrong_output else []
    explains, failed = len(result.explained(mistake)), sum(c.bad for c in result.checks)
    line = Text.assemble(("Looks like: ", "bold yellow"), (mistake.name, "bold yellow"), f" — {mistake.explanation}")
    if failed > 1:
        line.append(f" (explains {explains} of the {failed} failed checks)", style="dim")
    return [line, Text(f"Theory: {link(exercise.page, mistake.anchor)}", style="cyan")]


def _problem_panel(exercise: Exercise, problem: CheckResult, result: RunResult) -> Panel:
    parts = _diagnosis(exercise, result)
    if problem.case:
        parts.append(Text.assemble(("case: ", "bold"), problem.case))
    parts.append(Text(problem.message))
    if problem.printed:
        parts.append(Text.assemble(("your code printed:\n", "bold"), (problem.printed, "dim")))
    if problem.reason is Reason.INTERNAL:
        parts.append(Text("This is a bug in the grader, not in your code.", style="bold"))
    return Panel(Group(*parts), title=Text(f"✗ {problem.name}"), title_align="left", border_style="red")


def _next_step(console: Console, exercise: Exercise, hints_seen: int, hint: str = "grader hint") -> None:
    if hints_seen < len(exercise.hints):
        console.print(f"Stuck? [bold]{hint} {exercise.name}[/] (hint {hints_seen + 1} of {len(exercise.hints)})"
                      f" · theory: {escape(link(exercise.page))}")
    else:
        console.print(f"Theory: {escape(link(exercise.page))} · all hints: {hint} {exercise.name} --all")
