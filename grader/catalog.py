"""The catalog: the one list of exercises (grader/catalog.toml), read by everything.

Importing this module is cheap (no numpy, no torch): the CLI uses it on every call.
"""
from __future__ import annotations

import difflib
import sys
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

PACKAGE_DIR = Path(__file__).resolve().parent
CATALOG_PATH = PACKAGE_DIR / "catalog.toml"
CHECKS_DIR = PACKAGE_DIR / "checks"

DIFFICULTIES = ("easy", "medium", "hard")
FRAMEWORKS = ("numpy", "torch")


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
    time_limit: float = 60.0
    banned: tuple[str, ...] = field(default_factory=tuple)

    @property
    def checks_path(self) -> Path:
        return CHECKS_DIR / f"test_{self.name}.py"

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


def parse(data: dict) -> Catalog:
    topics = dict(data.get("topics", {}))
    exercises = []
    for raw in data.get("exercise", []):
        try:
            exercise = Exercise(
                name=raw["name"],
                title=raw["title"],
                topic=raw["topic"],
                difficulty=raw["difficulty"],
                framework=raw["framework"],
                functions=tuple(raw["functions"]),
                hints=tuple(raw["hints"]),
                page=raw["page"],
                time_limit=float(raw.get("time_limit", 60)),
                banned=tuple(raw.get("banned", ())),
            )
        except KeyError as missing:
            raise CatalogError(f"exercise {raw.get('name', '?')!r} lacks the key {missing}") from None
        if exercise.topic not in topics:
            raise CatalogError(f"exercise {exercise.name!r}: unknown topic {exercise.topic!r}")
        if exercise.difficulty not in DIFFICULTIES:
            raise CatalogError(f"exercise {exercise.name!r}: difficulty must be one of {DIFFICULTIES}")
        if exercise.framework not in FRAMEWORKS:
            raise CatalogError(f"exercise {exercise.name!r}: framework must be one of {FRAMEWORKS}")
        exercises.append(exercise)
    names = [e.name for e in exercises]
    duplicates = {n for n in names if names.count(n) > 1}
    if duplicates:
        raise CatalogError(f"exercise names listed twice: {sorted(duplicates)}")
    return Catalog(topics=topics, exercises=tuple(exercises))


@lru_cache(maxsize=None)
def load(path: Path = CATALOG_PATH) -> Catalog:
    with open(path, "rb") as f:
        return parse(tomllib.load(f))
