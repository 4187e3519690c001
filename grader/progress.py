"""The learner's progress: the typed content of `.grader/state.json`, read leniently, written atomically.

The file (version 1) holds, per exercise, its status and when it last ran and passed, the hints
seen, whether the solution was looked at, the attempts (runs of the learner's file) and the time
spent on it, and what the speed status rests on (the devices it was proved fast on, the ones not
checked here, the file it was proved for); the mock interview under way; and the history of past
interviews. A missing, unreadable or hand-damaged file (or any damaged part of it) reads as empty,
never stops the grader; keys this version does not know are kept as they are, and a field an older
file lacks takes its default, so every older file stays readable.

`Progress.next_to_do` is the one answer to "which exercise next" that every verb gives.
"""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
import time
import typing
from dataclasses import MISSING, dataclass, field, fields
from enum import Enum
from pathlib import Path
from typing import Any

from .results import Kind, Outcome, Reason, RunResult, TextEnum
from .workspace import Workspace

STATE_VERSION = 1
IDLE_GAP_S = 15 * 60  # a longer pause between two runs is a break, not time spent on the exercise


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
        """The status a run of the learner's own file gives, from the checks that ran: a skipped
        check (no CUDA here, speed checks off) is neither passed nor failed."""
        if result.not_started:
            return cls.NOT_STARTED
        if not all(c.outcome in (Outcome.PASSED, Outcome.SKIPPED) for c in result.checks if c.kind is not Kind.SPEED):
            return cls.FAILING
        speed = [c for c in result.checks if c.kind is Kind.SPEED]
        ran = [c for c in speed if c.outcome is not Outcome.SKIPPED]
        if speed and not ran:
            return cls.PASSING  # fast or not is unknown: nothing was timed
        return cls.PASSING_AND_FAST if all(c.outcome is Outcome.PASSED for c in ran) else cls.PASSING


def device_of(check) -> str:
    """The device a check runs on: the CUDA checks are named "… on cuda" (check names are an API)."""
    return "cuda" if check.name.endswith(" on cuda") else "cpu"


def speed_devices(result: RunResult) -> tuple[list[str], list[str]]:
    """(devices whose speed checks ran, devices whose speed checks were skipped for want of one)."""
    ran, skipped = [], []
    for c in result.checks:
        if c.kind is Kind.SPEED:
            if c.outcome is not Outcome.SKIPPED:
                ran.append(device_of(c))
            elif c.reason not in (Reason.SPEED_OFF, Reason.NOT_RUN):
                skipped.append(device_of(c))
    return sorted(set(ran)), sorted(set(skipped) - set(ran))


def fingerprint(path: str | Path) -> str | None:
    """The sha256 of a file, None if it cannot be read."""
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError:
        return None


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
    attempts: int = 0                 # runs of the learner's own file
    seconds_spent: float = 0.0        # between runs, pauses of over IDLE_GAP_S left out
    last_run_at: float | None = None  # time.time() of the last run
    fast_on: str | None = None        # "cpu" or "cpu,cuda": where "passing and fast" was proved
    not_checked: str | None = None    # "cuda": speed checks that could not run here
    fast_file: str | None = None      # the sha256 of the file proved fast
    other: Other = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.hints_seen = max(0, self.hints_seen)
        self.attempts = max(0, self.attempts)
        self.seconds_spent = max(0.0, self.seconds_spent)

    @property
    def passing(self) -> bool:
        return self.status is not None and self.status.passing

    @property
    def shown_status(self) -> Status:
        return self.status or Status.NOT_STARTED

    @property
    def speed_note(self) -> str:
        """What "passing and fast" rests on, when it is not the whole story: "fast on cpu; cuda not checked here"."""
        if self.status is not Status.PASSING_AND_FAST or not self.not_checked:
            return ""
        return f"fast on {self.fast_on or 'cpu'}; {self.not_checked.replace(',', ', ')} not checked here"


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
    backup: str | None = None  # where the learner's file from before the interview was saved
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

    def next_to_do(self, catalog, after: str | None = None):
        """The one answer to "which exercise next", for every verb: the first exercise in teaching
        order that does not pass yet, after `after` when given (wrapping round to the start, `after`
        itself last). None only when every exercise passes."""
        order = list(catalog.exercises)
        if after is not None and after in catalog.names():
            i = catalog.names().index(after)
            order = order[i + 1:] + order[:i + 1]
        return next((e for e in order if not self.is_passing(e.name)), None)

    def current(self, catalog):
        """Where the learner is: the first exercise, in teaching order, that does not pass yet."""
        return self.next_to_do(catalog)

    def record(self, name: str, result: RunResult) -> Status:
        """Note a run of the learner's own file (`result.target`); return the exercise's status.

        A run that timed nothing (speed checks off, or only on a device this machine lacks) keeps
        "passing and fast" when an earlier run proved it for this very file."""
        entry = self.exercise(name)
        moment = time.time()
        now = time.strftime("%Y-%m-%d %H:%M", time.localtime(moment))
        if entry.last_run_at is not None and 0 <= moment - entry.last_run_at <= IDLE_GAP_S:
            entry.seconds_spent += moment - entry.last_run_at
        entry.attempts += 1
        entry.last_run_at = moment
        status = Status.of(result)
        ran, not_checked = speed_devices(result)
        file = fingerprint(result.target)
        if status is Status.PASSING_AND_FAST:
            entry.fast_on, entry.not_checked, entry.fast_file = ",".join(ran) or None, ",".join(not_checked) or None, file
        elif not (status is Status.PASSING and not ran and entry.status is Status.PASSING_AND_FAST
                  and file is not None and file == entry.fast_file):
            entry.fast_on = entry.not_checked = entry.fast_file = None
        else:
            status = Status.PASSING_AND_FAST  # proved by an earlier run of this same file
        entry.status = status
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
                     "speed_note": entry.speed_note, "last_passed": entry.last_passed,
                     "hints_seen": entry.hints_seen, "attempts": entry.attempts,
                     "seconds_spent": round(entry.seconds_spent), "current": current is not None and e is current})
    return rows


def status_line(entry: ExerciseProgress) -> str:
    """After a pass of the learner's file: the status it gives and what it rests on."""
    status = entry.shown_status
    if status is Status.PASSING_AND_FAST:
        return f"Status: passing and fast ({entry.speed_note})." if entry.speed_note else "Status: passing and fast."
    if status is Status.PASSING:
        return "Status: passing (not proved fast: run it with the speed checks on)."
    return f"Status: {status}."


def spent(seconds: float) -> str:
    """Time spent, short: "", "<1m", "12m", "1h05"."""
    if seconds <= 0:
        return ""
    minutes = int(seconds // 60)
    if minutes < 1:
        return "<1m"
    return f"{minutes // 60}h{minutes % 60:02d}" if minutes >= 60 else f"{minutes}m"
