"""What a run produces: typed check results and run results, and their JSON form.

The plugin builds a `CheckResult` per check and sends it to the parent as a JSON line; the engine
turns those lines back into `CheckResult`s and wraps them in a `RunResult`; the report, the
progress file and `grader run --json` read them. Every outcome and reason the grader gives is
defined here, once. The enums are str-valued, so the JSON carries the same plain strings as ever.
Nothing here imports numpy or torch.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Any

SCHEMA = 1  # the version of the JSON form (`"schema"` in `grader run --json`)


class TextEnum(str, Enum):
    """A str-valued enum that prints (and formats) as its value on every Python version."""

    def __str__(self) -> str:
        return self.value

    def __format__(self, spec: str) -> str:
        return format(self.value, spec)


class Outcome(TextEnum):
    PASSED = "passed"
    FAILED = "failed"
    ERROR = "error"
    SKIPPED = "skipped"

    @property
    def bad(self) -> bool:
        """A failure or an error: the run does not pass."""
        return self in (Outcome.FAILED, Outcome.ERROR)


class Reason(TextEnum):
    """Why a check did not simply pass."""

    MISMATCH = "mismatch"                # the learner's output differs from the oracle's
    NOT_IMPLEMENTED = "not_implemented"  # the stub's NotImplementedError
    IMPORT_ERROR = "import_error"        # the learner's file cannot be imported
    CRASH = "crash"                      # the learner's code raised, or its process died
    TAMPERED = "tampered"                # the learner's code replaced a function the grader relies on
    ERROR = "error"                      # another problem of the learner's code (grader.learner.LearnerProblem)
    TIMEOUT = "timeout"                  # a check, or the whole run, ran past its time limit
    INTERNAL = "internal"                # the grader itself failed
    SPEED_OFF = "speed_off"              # a speed check skipped because speed checks were turned off
    NOT_RUN = "not_run"                  # skipped because an earlier problem stopped the run
    SETUP = "setup"                      # this machine lacks what the exercise needs ("needs triton: pip install triton")

    @classmethod
    def of(cls, value: str) -> "Reason":
        """The reason called `value`; an unknown one (a LearnerProblem subclass not listed here) is ERROR."""
        try:
            return cls(value)
        except ValueError:
            return cls.ERROR


# After a check with one of these reasons every further check would fail the same way: the run stops.
STOPPING_REASONS = frozenset({Reason.NOT_IMPLEMENTED, Reason.IMPORT_ERROR, Reason.TIMEOUT, Reason.TAMPERED})


class Kind(TextEnum):
    """What a check checks; also the order checks run in."""

    CORRECTNESS = "correctness"
    HYGIENE = "hygiene"
    RULES = "rules"
    SPEED = "speed"


@dataclass(frozen=True)
class NamedMistake:
    """A classic mistake that explains a failed check (grader.check.Mistake, as reported).

    `reproduced`: one of its variants gave the learner's output on the check's case. False when the check
    saw the mistake itself instead (an input modified in place, a boolean mask returned, a time measured).
    """

    name: str
    explanation: str
    anchor: str
    reproduced: bool = True

    def to_json(self) -> dict:
        return {"name": self.name, "explanation": self.explanation, "anchor": self.anchor,
                "reproduced": self.reproduced}

    @classmethod
    def from_json(cls, data: dict) -> "NamedMistake":
        return cls(str(data["name"]), str(data.get("explanation", "")), str(data.get("anchor", "")),
                   bool(data.get("reproduced", True)))


# The facts a speed check notes (grader.check.note); any other noted fact is kept in `notes`.
SPEED_FIELDS = ("speed", "speed_ratio", "speed_limit")


@dataclass
class CheckResult:
    name: str
    kind: Kind
    outcome: Outcome
    message: str = ""
    reason: Reason | None = None
    case: str | None = None          # the inputs of the failing case (a mismatch)
    mistake: NamedMistake | None = None  # the mistake the check names
    also: tuple[NamedMistake, ...] = ()  # other mistakes whose variants reproduced the learner's output here
    printed: str | None = None       # what the learner's code printed during the check
    speed: str | None = None         # the speed line ("yours 5.31 ms, torch … 4.2× (limit 25×…)")
    speed_ratio: float | None = None
    speed_limit: float | None = None
    notes: dict[str, Any] = field(default_factory=dict)  # other facts a check noted

    @property
    def bad(self) -> bool:
        return self.outcome.bad

    @property
    def explained_by(self) -> tuple[NamedMistake, ...]:
        """Every mistake that explains this check's failure, the check's own first."""
        return ((self.mistake,) if self.mistake else ()) + self.also

    def add_notes(self, facts: dict[str, Any]) -> None:
        for key, value in facts.items():
            if key in SPEED_FIELDS:
                setattr(self, key, value)
            else:
                self.notes[key] = value

    def to_json(self) -> dict:
        out: dict[str, Any] = {"name": self.name, "kind": self.kind, "outcome": self.outcome,
                               "message": self.message}
        if self.reason is not None:
            out["reason"] = self.reason
        if self.case is not None:
            out["case"] = self.case
        if self.mistake is not None:
            out["mistake"] = self.mistake.to_json()
        if self.also:
            out["also_explained_by"] = [m.to_json() for m in self.also]
        if self.printed:
            out["printed"] = self.printed
        for key in SPEED_FIELDS:
            if getattr(self, key) is not None:
                out[key] = getattr(self, key)
        out.update(self.notes)
        return out

    @classmethod
    def from_json(cls, data: dict) -> "CheckResult":
        fields = {"event", "name", "kind", "outcome", "message", "reason", "case", "mistake", "also_explained_by",
                  "printed"}
        mistake = data.get("mistake")
        result = cls(
            name=str(data.get("name", "")), kind=Kind(data.get("kind", Kind.CORRECTNESS)),
            outcome=Outcome(data["outcome"]), message=str(data.get("message", "")),
            reason=Reason.of(data["reason"]) if data.get("reason") is not None else None,
            case=data.get("case"), printed=data.get("printed") or None,
            mistake=NamedMistake.from_json(mistake) if isinstance(mistake, dict) else None,
            also=tuple(NamedMistake.from_json(m) for m in data.get("also_explained_by") or () if isinstance(m, dict)),
        )
        result.add_notes({k: v for k, v in data.items() if k not in fields})  # the speed figures among them
        return result


@dataclass
class RunResult:
    exercise: str
    target: str
    checks: list[CheckResult] = field(default_factory=list)
    seconds: float = 0.0
    selection: str | None = None  # `grader run -k`: only the checks matching it ran
    deselected: list[str] = field(default_factory=list)  # the names of the checks -k left out

    @property
    def partial(self) -> bool:
        """Only some of the checks ran (-k): a pass of those, never of the exercise."""
        return self.selection is not None

    @property
    def passed(self) -> bool:
        # A check "not run" without an earlier failure means the run was cut short: not a pass.
        return bool(self.checks) and any(c.outcome is Outcome.PASSED for c in self.checks) \
            and all(c.outcome is Outcome.PASSED or (c.outcome is Outcome.SKIPPED and c.reason is not Reason.NOT_RUN)
                    for c in self.checks)

    @property
    def unavailable(self) -> bool:
        """Nothing ran: this machine lacks what the exercise needs (Reason.SETUP, "needs triton: …")."""
        return any(c.reason is Reason.SETUP for c in self.checks)

    @property
    def full_pass(self) -> bool:
        """Passed with the speed checks on (a mock interview ends only on such a pass)."""
        return self.passed and not any(c.reason is Reason.SPEED_OFF for c in self.checks)

    @property
    def first_problem(self) -> CheckResult | None:
        return next((c for c in self.checks if c.bad), None)

    def explained(self, mistake: NamedMistake) -> list[CheckResult]:
        """The failed checks that `mistake` explains."""
        return [c for c in self.checks if c.bad and any(m.name == mistake.name for m in c.explained_by)]

    @property
    def mistake(self) -> NamedMistake | None:
        """The run's diagnosis: of the mistakes that explain some failed check, the one that explains the
        most. On equal counts a mistake whose variant reproduced the learner's output comes before one a
        check only inferred (from a shape, a warning), then the one found first. A mistake a passed check
        refuted (its variant would have failed there) is never named. None when no known mistake explains
        any failure: the report then says so rather than guess."""
        found: dict[str, NamedMistake] = {}  # by name, in the order found; reproduced if it ever was
        refuted = self.refuted
        for named in (m for c in self.checks if c.bad for m in c.explained_by if m.name not in refuted):
            if named.name not in found or (named.reproduced and not found[named.name].reproduced):
                found[named.name] = named
        if not found:
            return None
        return max(found.values(), key=lambda m: (len(self.explained(m)), m.reproduced))  # max keeps the first

    @property
    def refuted(self) -> set[str]:
        """The mistakes a passed check noted it refutes: their variants differ from the right answer the
        learner gave there (grader.check.mistakes.refuted_on_a_pass)."""
        return {name for c in self.checks if c.outcome is Outcome.PASSED for name in c.notes.get("refutes", ())}

    @property
    def problem_to_show(self) -> CheckResult | None:
        """The failure the report shows: the first check that carries the run's mistake, else the first."""
        mistake = self.mistake
        carriers = self.explained(mistake) if mistake else []
        return carriers[0] if carriers else self.first_problem

    @property
    def not_started(self) -> bool:
        """The first problem is the stub's NotImplementedError."""
        problem = self.first_problem
        return problem is not None and problem.reason is Reason.NOT_IMPLEMENTED

    def count(self, outcome: Outcome) -> int:
        return sum(c.outcome is outcome for c in self.checks)

    def tally(self) -> tuple[int, int, list[CheckResult]]:
        """(passed, out of, skipped): a check skipped on purpose (no CUDA here, --no-speed) is neither
        passed nor counted; one "not run" after a problem still counts, as it has yet to pass."""
        skipped = [c for c in self.checks if c.outcome is Outcome.SKIPPED and c.reason is not Reason.NOT_RUN]
        return self.count(Outcome.PASSED), len(self.checks) - len(skipped), skipped

    def to_json(self) -> dict:
        mistake = self.mistake
        diagnosis = None if mistake is None else {**mistake.to_json(), "explains": len(self.explained(mistake)),
                                                  "failed": sum(c.bad for c in self.checks)}
        out = {"schema": SCHEMA, "exercise": self.exercise, "target": self.target, "passed": self.passed,
               "seconds": round(self.seconds, 3), "mistake": diagnosis, "checks": [c.to_json() for c in self.checks]}
        if self.selection is not None:
            out["selection"] = self.selection
        return out

    @classmethod
    def from_json(cls, data: dict) -> "RunResult":
        return cls(exercise=data["exercise"], target=data["target"], seconds=float(data.get("seconds", 0)),
                   checks=[CheckResult.from_json(c) for c in data.get("checks", [])])
