"""Mock interviews: one exercise against the clock, hints hidden, every attempt remembered.

`grader interview` picks an exercise (one not passed yet, or as asked), restores its stub (the
learner's file is backed up first), starts the clock and returns: the learner then works as usual
with `grader run` or `grader watch`. The first run that passes every check ends the interview and
reports the time. All of it lives in the progress file, so every step is a separate command and
the whole thing is testable without a terminal (nothing here reads stdin).

State: `Progress.interview` is the interview under way; `Progress.interviews` the history
(grader/progress.py). The verb itself is grader/commands/interview.py.
"""
from __future__ import annotations

import random
import time
from pathlib import Path

from . import progress as progress_file
from .progress import Interview, InterviewRecord, Progress
from .results import RunResult
from .workspace import Workspace, backups_of, display_path

DEFAULT_MINUTES = {"easy": 15, "medium": 30, "hard": 45}


def now() -> float:  # the clock; tests replace it
    return time.time()


def clock(seconds: float) -> str:
    """12:34, or 1:02:03 past an hour."""
    seconds = max(0, int(round(seconds)))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def active(state: Progress) -> Interview | None:
    return state.interview


def active_on(state: Progress, name: str) -> Interview | None:
    session = state.interview
    return session if session is not None and session.exercise == name else None


def elapsed(session: Interview) -> float:
    return max(0.0, now() - session.started)


def over_time(session: Interview) -> bool:
    return elapsed(session) > session.limit_s


def candidates(catalog, *, topic: str | None, difficulty: str | None) -> list:
    return [e for e in catalog.exercises
            if (topic is None or e.topic == topic) and (difficulty is None or e.difficulty == difficulty)]


def pick(catalog, state: Progress, *, topic: str | None = None, difficulty: str | None = None,
         any_exercise: bool = False, seed: int | None = None):
    """An exercise the learner has not passed (or any, when asked or when all pass); None if none fits."""
    pool = candidates(catalog, topic=topic, difficulty=difficulty)
    if not pool:
        return None
    fresh = [e for e in pool if not state.is_passing(e.name)]
    return random.Random(seed).choice(pool if any_exercise or not fresh else fresh)


def start(state: Progress, exercise, *, minutes: float | None = None, hints_visible: bool = False,
          backup: str | None = None) -> Interview:
    limit = float(minutes) * 60 if minutes else DEFAULT_MINUTES[exercise.difficulty] * 60
    state.interview = Interview(exercise=exercise.name, difficulty=exercise.difficulty, started=now(),
                                limit_s=limit, hints_visible=bool(hints_visible), backup=backup or None)
    return state.interview


def hints_seen(state: Progress, name: str) -> int:
    """The hints of `name` seen so far: during a mock interview on it, those seen since it started
    (hints and the solution are gated and recorded the same way whatever the exercise's past)."""
    session = active_on(state, name)
    return session.hints if session else state.exercise(name).hints_seen


def record_hint(state: Progress, name: str) -> Interview | None:
    session = active_on(state, name)
    if session:
        session.hints += 1
    return session


def record_solution(state: Progress, name: str) -> Interview | None:
    session = active_on(state, name)
    if session:
        session.solution_seen = True
    return session


def finish(state: Progress, result: str) -> InterviewRecord:
    """End the interview under way with `result` ("passed" or "gave up"); return the history entry."""
    session, state.interview = state.interview, None
    spent = elapsed(session)
    entry = InterviewRecord(
        exercise=session.exercise, difficulty=session.difficulty,
        started=time.strftime("%Y-%m-%d %H:%M", time.localtime(session.started)),
        seconds=round(spent, 1), limit_s=session.limit_s, result=result, over_time=spent > session.limit_s,
        hints=session.hints, hints_visible=session.hints_visible, solution_seen=session.solution_seen,
        runs=session.runs, backup=session.backup,
    )
    state.interviews.append(entry)
    return entry


def after_run(state: Progress, name: str, passed: bool) -> InterviewRecord | None:
    """Count a run of the learner's file; finish the interview on its first full pass."""
    session = active_on(state, name)
    if session is None:
        return None
    session.runs += 1
    return finish(state, "passed") if passed else None


def record_run(ws: Workspace, name: str, result: RunResult) -> InterviewRecord | None:
    """Save a run of the learner's own file in the progress file (its status, Progress.record), counting
    it in the interview under way on that exercise; return the interview's history entry if it ended it."""
    state = progress_file.load(ws)
    state.record(name, result)
    finished = after_run(state, name, result.full_pass)
    progress_file.save(ws, state)
    return finished


def summary_line(entry: InterviewRecord) -> str:
    """`conv2d passed in 12:34 (limit 30:00), 1 hint` — one line of the history."""
    parts = [f"{entry.exercise} {entry.result} in {clock(entry.seconds)} (limit {clock(entry.limit_s)})"]
    if entry.over_time:
        parts.append("over time")
    hints = entry.hints
    parts.append("hints shown throughout" if entry.hints_visible else
                 f"{hints} hint{'s' if hints != 1 else ''}")
    if entry.solution_seen:
        parts.append("looked at the solution")
    return ", ".join(parts)


def where_it_went(ws: Workspace, entry: InterviewRecord) -> str | None:
    """After an interview: where the learner's file from before it is, and the command that brings it back."""
    if not entry.backup:
        return None
    names = [str(p) for p in backups_of(ws, entry.exercise)]
    shown = display_path(Path(entry.backup))
    if entry.backup not in names:
        return f"Your {entry.exercise}.py from before the interview was saved in {shown}, which is no longer there."
    n = names.index(entry.backup) + 1
    command = f"grader restore {entry.exercise}" + (f" {n}" if n > 1 else "")
    return (f"Your {entry.exercise}.py from before the interview is in {shown}: `{command}` brings it back "
            "(what is there now is backed up first).")
