"""The learner's progress: the typed content of `.grader/state.json`, read leniently, written atomically.

The file (version 1) holds, per exercise, its status and when it last ran and passed, the hints
seen and whether the solution was looked at; the mock interview under way; and the history of
past interviews. A missing, unreadable or hand-damaged file (or any damaged part of it) reads as
empty, never stops the grader; keys this version does not know are kept as they are.
"""
from __future__ import annotations

import json
import os
import tempfile
import time
import typing
from dataclasses import MISSING, dataclass, field, fields
from enum import Enum
from typing import Any

from .results import Kind, Outcome, RunResult, TextEnum
from .workspace import Workspace

STATE_VERSION = 1


class Status(TextEnum):
    """Where the learner stands on one exercise."""

    NOT_STARTED = "not started"
    FAILING = "failing"
    PASSING = "passing"
    PASSING_AND_FAST = "passing and fast"

    @property
    def passing(self) -> bool:
        return self in (Status.PASSING, Status.PASSING_AND_FAST)

    @classmethod
    def of(cls, result: RunResult) -> "Status":
        """The status a run of the learner's own file gives."""
        if result.not_started:
            return cls.NOT_STARTED
        if not all(c.outcome in (Outcome.PASSED, Outcome.SKIPPED) for c in result.checks if c.kind is not Kind.SPEED):
            return cls.FAILING
        fast = all(c.outcome is Outcome.PASSED for c in result.checks if c.kind is Kind.SPEED)
        return cls.PASSING_AND_FAST if fast else cls.PASSING


# ---------------------------------------------------------------- the file's records

Other = dict[str, Any]  # keys a record does not know: kept, written back as they were


def _accepts(hint: Any, value: Any) -> bool:
    """Whether a value read from the file fits a field's type (bools are not numbers here)."""
    for kind in typing.get_args(hint) or (hint,):
        if kind is type(None):
            ok = value is None
        elif kind is bool:
            ok = isinstance(value, bool)
        elif kind in (int, float):
            ok = isinstance(value, (int, float) if kind is float else int) and not isinstance(value, bool)
        elif isinstance(kind, type) and issubclass(kind, Enum):
            ok = isinstance(value, str) and value in {m.value for m in kind}
        else:
            ok = isinstance(kind, type) and isinstance(value, kind)
        if ok:
            return True
    return False


def _convert(hint: Any, value: Any) -> Any:
    """An enum's member for its value; anything else as it is (an int stays an int in a float field)."""
    enum = next((k for k in typing.get_args(hint) or (hint,) if isinstance(k, type) and issubclass(k, Enum)), None)
    return enum(value) if enum is not None and value is not None else value


class _Record:
    """A dataclass the progress file holds as a JSON object (its last field: `other`)."""

    @classmethod
    def from_json(cls, raw: Any):
        """The record in `raw`: a field of the wrong type takes its default; None (the record is
        dropped) if a field without a default is missing or of the wrong type."""
        if not isinstance(raw, dict):
            return None
        hints = typing.get_type_hints(cls)
        values: dict[str, Any] = {}
        known = set()
        for f in fields(cls):
            if f.name == "other":
                continue
            known.add(f.name)
            if f.name in raw and _accepts(hints[f.name], raw[f.name]):
                values[f.name] = _convert(hints[f.name], raw[f.name])
            elif f.default is MISSING and f.default_factory is MISSING:  # a required field
                return None
        values["other"] = {k: v for k, v in raw.items() if isinstance(k, str) and k not in known
                           and isinstance(v, (str, int, float, bool))}
        return cls(**values)

    def to_json(self) -> dict:
        """As the file holds it: the fields (None ones left out), then the keys it did not know."""
        out = {f.name: getattr(self, f.name) for f in fields(self)
               if f.name != "other" and getattr(self, f.name) is not None}
        out.update(self.other)
        return out


@dataclass
class ExerciseProgress(_Record):
    status: Status | None = None
    last_run: str | None = None       # "YYYY-MM-DD HH:MM"
    last_passed: str | None = None
    solution_seen: str | None = None  # when the solution was shown before a pass
    hints_seen: int = 0
    other: Other = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.hints_seen = max(0, self.hints_seen)

    @property
    def passing(self) -> bool:
        return self.status is not None and self.status.passing

    @property
    def shown_status(self) -> Status:
        return self.status or Status.NOT_STARTED


@dataclass
class Interview(_Record):
    """The mock interview under way."""

    exercise: str
    started: float  # time.time() at the start
    limit_s: float
    difficulty: str = ""
    hints: int = 0
    hints_visible: bool = False
    solution_seen: bool = False
    runs: int = 0
    backup: str | None = None  # where the learner's file was saved before the stub replaced it
    other: Other = field(default_factory=dict)


@dataclass
class InterviewRecord(_Record):
    """One past interview, in the history."""

    exercise: str
    difficulty: str = ""
    started: str = ""  # "YYYY-MM-DD HH:MM"
    seconds: float = 0.0
    limit_s: float = 0.0
    result: str = "?"  # "passed" or "gave up"
    over_time: bool = False
    hints: int = 0
    hints_visible: bool = False
    solution_seen: bool = False
    runs: int = 0
    other: Other = field(default_factory=dict)


# ---------------------------------------------------------------- the whole file

@dataclass
class Progress:
    exercises: dict[str, ExerciseProgress] = field(default_factory=dict)
    interview: Interview | None = None
    interviews: list[InterviewRecord] = field(default_factory=list)
    # grader quiz's schedule: question id -> its card ({"box": …, "due": "YYYY-MM-DD", …}), owned by
    # grader/commands/quiz.py; kept here as plain JSON so that every verb writes it back unchanged.
    quiz: dict[str, Any] = field(default_factory=dict)

    def exercise(self, name: str) -> ExerciseProgress:
        """The entry of `name` (a new, empty one if there is none yet)."""
        return self.exercises.setdefault(name, ExerciseProgress())

    def is_passing(self, name: str) -> bool:
        entry = self.exercises.get(name)
        return entry is not None and entry.passing

    def current(self, catalog):
        """Where the learner is: the first exercise, in teaching order, that does not pass yet."""
        return next((e for e in catalog.exercises if not self.is_passing(e.name)), None)

    def record(self, name: str, result: RunResult) -> Status:
        """Note a run of the learner's own file; return the exercise's status."""
        entry = self.exercise(name)
        now = time.strftime("%Y-%m-%d %H:%M")
        entry.status = Status.of(result)
        entry.last_run = now
        if entry.status.passing:
            entry.last_passed = now
        return entry.status

    def to_json(self) -> dict:
        state: dict[str, Any] = {"version": STATE_VERSION,
                                 "exercises": {name: e.to_json() for name, e in self.exercises.items()}}
        if self.interview is not None:
            state["interview"] = self.interview.to_json()
        state["interviews"] = [h.to_json() for h in self.interviews]
        if self.quiz:
            state["quiz"] = self.quiz
        return state


def sanitize(raw: Any) -> Progress:
    """Keep what is well-formed, drop the rest: a hand-edited or half-written file never stops the grader."""
    raw = raw if isinstance(raw, dict) else {}
    entries = raw.get("exercises") if isinstance(raw.get("exercises"), dict) else {}
    exercises = {name: entry for name, entry in ((n, ExerciseProgress.from_json(e)) for n, e in entries.items())
                 if isinstance(name, str) and entry is not None}
    history = raw.get("interviews") if isinstance(raw.get("interviews"), list) else []
    quiz = raw.get("quiz") if isinstance(raw.get("quiz"), dict) else {}
    return Progress(exercises=exercises, interview=Interview.from_json(raw.get("interview")),
                    interviews=[h for h in map(InterviewRecord.from_json, history) if h is not None],
                    quiz={k: v for k, v in quiz.items() if isinstance(k, str) and isinstance(v, dict)})


def load(ws: Workspace) -> Progress:
    """The progress file; a missing, unreadable or corrupt one (or corrupt parts) reads as empty."""
    try:
        raw = json.loads(ws.state_file.read_text(encoding="utf-8"))
    except (OSError, ValueError, UnicodeDecodeError):
        raw = {}
    return sanitize(raw)


def save(ws: Workspace, progress: Progress) -> None:
    """Written atomically: a crash mid-write leaves the previous file intact."""
    tmp = None
    try:
        ws.state_file.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=ws.state_file.parent, prefix=".state-", suffix=".json")
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(progress.to_json(), f, indent=1, sort_keys=True)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, ws.state_file)
        tmp = None
    except (OSError, TypeError, ValueError):
        pass  # progress is a convenience: a read-only workspace must not stop the grader
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass


def overview(catalog, progress: Progress) -> list[dict]:
    """One row per exercise, in teaching order, with the learner's status (`grader list --json`)."""
    current = progress.current(catalog)
    rows = []
    for i, e in enumerate(catalog.exercises, 1):
        entry = progress.exercises.get(e.name) or ExerciseProgress()
        rows.append({"number": i, "exercise": e.name, "title": e.title, "topic": e.topic,
                     "difficulty": e.difficulty, "framework": e.framework, "status": entry.shown_status,
                     "last_passed": entry.last_passed, "hints_seen": entry.hints_seen,
                     "current": current is not None and e is current})
    return rows
