"""Mock interviews: one exercise against the clock, hints hidden, every attempt remembered.

`grader interview` picks an exercise (one not passed yet, or as asked), restores its stub (the
learner's file is backed up first), starts the clock and returns: the learner then works as usual
with `grader run` or `grader watch`. The first run that passes every check ends the interview and
reports the time. All of it lives in the progress file, so every step is a separate command and
the whole thing is testable without a terminal (nothing here reads stdin).

State: `state["interview"]` is the interview under way; `state["interviews"]` the history.
"""
from __future__ import annotations

import random
import time

from .workspace import is_passing

DEFAULT_MINUTES = {"easy": 15, "medium": 30, "hard": 45}


def now() -> float:  # the clock; tests replace it
    return time.time()


def clock(seconds: float) -> str:
    """12:34, or 1:02:03 past an hour."""
    seconds = max(0, int(round(seconds)))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def active(state: dict) -> dict | None:
    return state.get("interview")


def active_on(state: dict, name: str) -> dict | None:
    session = active(state)
    return session if session and session.get("exercise") == name else None


def elapsed(session: dict) -> float:
    return max(0.0, now() - float(session["started"]))


def over_time(session: dict) -> bool:
    return elapsed(session) > float(session["limit_s"])


def candidates(catalog, state: dict, *, topic: str | None, difficulty: str | None) -> list:
    return [e for e in catalog.exercises
            if (topic is None or e.topic == topic) and (difficulty is None or e.difficulty == difficulty)]


def pick(catalog, state: dict, *, topic: str | None = None, difficulty: str | None = None,
         any_exercise: bool = False, seed: int | None = None):
    """An exercise the learner has not passed (or any, when asked or when all pass); None if none fits."""
    pool = candidates(catalog, state, topic=topic, difficulty=difficulty)
    if not pool:
        return None
    entries = state.get("exercises", {})
    fresh = [e for e in pool if not is_passing(entries.get(e.name, {}))]
    return random.Random(seed).choice(pool if any_exercise or not fresh else fresh)


def start(state: dict, exercise, *, minutes: float | None = None, hints_visible: bool = False,
          backup: str | None = None) -> dict:
    limit = float(minutes) * 60 if minutes else DEFAULT_MINUTES[exercise.difficulty] * 60
    session = {"exercise": exercise.name, "difficulty": exercise.difficulty, "started": now(),
               "limit_s": limit, "hints": 0, "hints_visible": bool(hints_visible),
               "solution_seen": False, "runs": 0}
    if backup:
        session["backup"] = backup
    state["interview"] = session
    return session


def record_hint(state: dict, name: str) -> dict | None:
    session = active_on(state, name)
    if session:
        session["hints"] = int(session.get("hints", 0)) + 1
    return session


def record_solution(state: dict, name: str) -> dict | None:
    session = active_on(state, name)
    if session:
        session["solution_seen"] = True
    return session


def finish(state: dict, result: str) -> dict:
    """End the interview under way with `result` ("passed" or "gave up"); return the history entry."""
    session = state.pop("interview")
    spent = elapsed(session)
    entry = {
        "exercise": session["exercise"], "difficulty": session.get("difficulty", ""),
        "started": time.strftime("%Y-%m-%d %H:%M", time.localtime(float(session["started"]))),
        "seconds": round(spent, 1), "limit_s": session["limit_s"], "result": result,
        "over_time": spent > float(session["limit_s"]), "hints": int(session.get("hints", 0)),
        "hints_visible": bool(session.get("hints_visible")), "solution_seen": bool(session.get("solution_seen")),
        "runs": int(session.get("runs", 0)),
    }
    state.setdefault("interviews", []).append(entry)
    return entry


def after_run(state: dict, name: str, passed: bool) -> dict | None:
    """Count a run of the learner's file; finish the interview on its first full pass."""
    session = active_on(state, name)
    if session is None:
        return None
    session["runs"] = int(session.get("runs", 0)) + 1
    return finish(state, "passed") if passed else None


def summary_line(entry: dict) -> str:
    """`conv2d passed in 12:34 (limit 30:00), 1 hint` — one line of the history."""
    parts = [f"{entry['exercise']} {entry['result']} in {clock(entry['seconds'])} (limit {clock(entry['limit_s'])})"]
    if entry.get("over_time"):
        parts.append("over time")
    hints = entry.get("hints", 0)
    parts.append("hints shown throughout" if entry.get("hints_visible") else
                 f"{hints} hint{'s' if hints != 1 else ''}")
    if entry.get("solution_seen"):
        parts.append("looked at the solution")
    return ", ".join(parts)
