"""The catalog: the one ordered list of exercises (grader/catalog.toml) and each exercise's
exercise.toml (grader/exercises/<name>/), read by everything.

Importing this module is cheap (no numpy, no torch): the CLI uses it on every call.
"""
from __future__ import annotations

import difflib
import sys
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Mapping

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

PACKAGE_DIR = Path(__file__).resolve().parent
CATALOG_PATH = PACKAGE_DIR / "catalog.toml"
EXERCISES_DIR = PACKAGE_DIR / "exercises"  # one folder per exercise: exercise.toml, checks.py, mutants/, alternatives/
CHECKS_DIR = EXERCISES_DIR  # where check modules live (the learner fence recognises their frames by it)

DIFFICULTIES = ("easy", "medium", "hard")
FRAMEWORKS = ("numpy", "torch", "triton")  # triton: @triton.jit kernels and their torch wrapper (grader.check.kernels)
DEFAULT_TIME_LIMIT_S = 60.0
DEFAULT_RULE_CHECK = {"numpy": "uses numpy only", "torch": "written from scratch", "triton": "computed by your Triton kernel"}
# What an exercise of a framework needs beyond the kit's own dependencies: (module, the one line said where it is
# missing). triton is a dependency of the Triton exercises only (the [dev] extra installs it).
REQUIRES = {"triton": ("triton", "needs triton: pip install triton")}


@dataclass(frozen=True)
class Mistake:
    """A classic mistake: a short name, what it means in plain words, the theory page's anchor."""

    name: str
    explanation: str
    anchor: str = "classic-mistakes"


@dataclass(frozen=True)
class Rules:
    """What the learner's code must not use, read statically (grader/check/rules.py) and watched while
    it runs (grader/learner.py).

    `modules`: libraries the code must not import or use at all ("torch", "scipy");
    `functions`: the library functions and classes the exercise re-implements, by the name they have
    in the library ("torch.nn.functional.dropout"): caught through whatever the learner's names are
    bound to, and by identity while the code runs; `names`: torch's other spellings of the same
    functions (fnmatch patterns allowed: "native_dropout", "*flash_attention*"), caught as attributes
    of the library and by name while the code runs, never as the learner's own names;
    `check`: the check's name; `why`: the reason the message gives.
    The stub's docstring states every one (grader.dev.rules_docstring_problems).
    """

    modules: tuple[str, ...] = ()
    functions: tuple[str, ...] = ()
    names: tuple[str, ...] = ()
    check: str = ""
    why: str = ""

    def __bool__(self) -> bool:
        return bool(self.modules or self.functions or self.names)


@dataclass(frozen=True)
class Exercise:
    name: str
    title: str
    topic: str
    difficulty: str
    framework: str
    functions: tuple[str, ...]
    hints: tuple[str, ...]
    page: str
    time_limit: float = DEFAULT_TIME_LIMIT_S
    rules: Rules = field(default_factory=Rules)
    mistakes: Mapping[str, Mistake] = field(default_factory=dict)

    @property
    def folder(self) -> Path:
        return EXERCISES_DIR / self.name

    @property
    def checks_path(self) -> Path:
        return self.folder / "checks.py"

    @property
    def filename(self) -> str:
        return f"{self.name}.py"


@dataclass(frozen=True)
class Catalog:
    topics: dict[str, str]
    exercises: tuple[Exercise, ...]

    def names(self) -> list[str]:
        return [e.name for e in self.exercises]

    def get(self, name: str) -> Exercise | None:
        for exercise in self.exercises:
            if exercise.name == name:
                return exercise
        return None

    def suggest(self, name: str) -> list[str]:
        """Names close to a mistyped one, best first."""
        names = self.names()
        close = difflib.get_close_matches(name, names, n=3, cutoff=0.5)
        # "iou" should find "box_iou": also offer names that contain what was typed.
        close += [n for n in names if name and name.lower() in n and n not in close]
        return close[:3]

    def next_after(self, name: str) -> Exercise | None:
        names = self.names()
        i = names.index(name)
        return self.exercises[i + 1] if i + 1 < len(names) else None


class CatalogError(ValueError):
    pass


def missing_requirement(exercise: Exercise) -> str | None:
    """The one line to say where the exercise's framework cannot be had here ("needs triton: pip install
    triton"), None where it can. Cheap: it looks for the module without importing it."""
    import importlib.util

    needed = REQUIRES.get(exercise.framework)
    if needed is None:
        return None
    try:
        found = importlib.util.find_spec(needed[0]) is not None
    except (ImportError, ValueError):
        found = False
    return None if found else needed[1]


def _exercise(name: str, topic: str, raw: dict) -> Exercise:
    try:
        framework = raw["framework"]
        rules = dict(raw.get("rules", {}))
        exercise = Exercise(
            name=name,
            title=raw["title"],
            topic=topic,
            difficulty=raw["difficulty"],
            framework=framework,
            functions=tuple(raw["functions"]),
            hints=tuple(raw["hints"]),
            page=raw.get("page", f"exercises/{name}.md"),
            time_limit=float(raw.get("time_limit", DEFAULT_TIME_LIMIT_S)),
            rules=Rules(modules=tuple(rules.pop("modules", ())), functions=tuple(rules.pop("functions", ())),
                        names=tuple(rules.pop("names", ())),
                        check=rules.pop("check", DEFAULT_RULE_CHECK.get(framework, "")),
                        why=rules.pop("why", f"this exercise is {raw['title']}")),
            mistakes={key: Mistake(**m) for key, m in raw.get("mistakes", {}).items()},
        )
    except (KeyError, TypeError) as problem:
        raise CatalogError(f"grader/exercises/{name}/exercise.toml: {problem}") from None
    if rules:
        raise CatalogError(f"exercise {name!r}: unknown [rules] keys {sorted(rules)}")
    undotted = [f for f in exercise.rules.functions if "." not in f]
    if undotted:
        raise CatalogError(f"exercise {name!r}: [rules] functions are named as in their library "
                           f"('torch.nn.functional.dropout'), not {undotted}")
    if exercise.rules.names and not exercise.rules.functions:
        raise CatalogError(f"exercise {name!r}: [rules] names are other spellings of the functions: list those too")
    if exercise.difficulty not in DIFFICULTIES:
        raise CatalogError(f"exercise {name!r}: difficulty must be one of {DIFFICULTIES}")
    if exercise.framework not in FRAMEWORKS:
        raise CatalogError(f"exercise {name!r}: framework must be one of {FRAMEWORKS}")
    return exercise


def parse(data: dict, exercises_dir: Path = EXERCISES_DIR) -> Catalog:
    """The catalog from the ordered list (`data`) and each exercise's exercise.toml."""
    topics, exercises = {}, []
    for topic in data.get("topic", []):
        topics[topic["id"]] = topic["title"]
        for name in topic["exercises"]:
            path = exercises_dir / name / "exercise.toml"
            try:
                with open(path, "rb") as f:
                    raw = tomllib.load(f)
            except OSError:
                raise CatalogError(f"exercise {name!r} is listed but {path} is missing") from None
            exercises.append(_exercise(name, topic["id"], raw))
    names = [e.name for e in exercises]
    duplicates = {n for n in names if names.count(n) > 1}
    if duplicates:
        raise CatalogError(f"exercise names listed twice: {sorted(duplicates)}")
    return Catalog(topics=topics, exercises=tuple(exercises))


@lru_cache(maxsize=None)
def load(path: Path = CATALOG_PATH) -> Catalog:
    with open(path, "rb") as f:
        return parse(tomllib.load(f), path.parent / "exercises")
