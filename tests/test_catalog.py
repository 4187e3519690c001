"""The catalog and the files on disk must agree: one list drives everything."""
from __future__ import annotations

import ast
import importlib
import re

import pytest

from grader.dev import signatures

from conftest import ALTERNATIVES, CATALOG, EXERCISES, MUTANTS, ROOT, implementations

NAMES = CATALOG.names()


def test_catalog_is_not_empty_and_in_known_topics():
    assert NAMES
    assert {e.topic for e in CATALOG.exercises} <= set(CATALOG.topics)


@pytest.mark.parametrize("folder, pattern", [("exercises", "{}.py"), ("solutions", "{}.py"),
                                             ("grader/exercises", "{}/checks.py"),
                                             ("grader/exercises", "{}/exercise.toml")])
def test_every_exercise_has_its_files_and_no_file_is_stray(folder, pattern):
    if "/" in pattern:  # one folder per exercise
        on_disk = {f"{p.name}/{pattern.split('/')[1]}" for p in (ROOT / folder).iterdir() if p.is_dir()
                   and not p.name.startswith((".", "_"))}
    else:
        on_disk = {p.name for p in (ROOT / folder).glob("*.py") if p.name != "__init__.py"}
    expected = {pattern.format(n) for n in NAMES}
    assert expected - on_disk == set(), f"missing in {folder}/"
    assert on_disk - expected == set(), f"files in {folder}/ that the catalog does not list"


@pytest.mark.parametrize("exercise", CATALOG.exercises, ids=NAMES)
def test_exercise_entry_is_complete(exercise):
    assert exercise.hints and all(h.strip() for h in exercise.hints), "every exercise needs non-empty hints"
    assert (ROOT / "site" / exercise.page).is_file(), f"theory page site/{exercise.page} is missing"
    folder = EXERCISES / exercise.name
    assert any(True for _ in (folder / MUTANTS).glob("[!_]*.py")), f"no wrong implementations in {folder}/mutants"
    assert any(True for _ in (folder / ALTERNATIVES).glob("[!_]*.py")), f"no correct alternatives in {folder}"


def test_every_exercise_with_rules_gets_its_rules_check():
    from grader.check import declare

    for exercise in CATALOG.exercises:
        if exercise.rules:
            module = importlib.import_module(f"grader.exercises.{exercise.name}.checks")
            made = declare.standard_checks(module, exercise)
            assert "test_" + exercise.rules.check.replace(" ", "_") in made, exercise.name


@pytest.mark.parametrize("exercise", CATALOG.exercises, ids=NAMES)
def test_stub_and_solution_have_the_same_signatures(exercise):
    stub = signatures(ROOT / "exercises" / exercise.filename)
    solution = signatures(ROOT / "solutions" / exercise.filename)
    for name in exercise.functions:
        assert name in stub, f"stub lacks {name}"
        assert name in solution, f"solution lacks {name}"
    for name, args in stub.items():
        if name.split(".")[0] in exercise.functions:
            assert solution.get(name) == args, f"{name}: stub ({args}) and solution ({solution.get(name)}) differ"


@pytest.mark.parametrize("exercise", CATALOG.exercises, ids=NAMES)
def test_stub_is_a_stub_with_a_full_docstring(exercise):
    text = (ROOT / "exercises" / exercise.filename).read_text()
    assert "# TODO" in text
    if exercise.is_debug:  # the stub is code that runs with its bugs; the docstring says how many to find
        assert "raise NotImplementedError" not in text
        count = len(exercise.bugs)
        words = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six"}
        assert re.search(rf"\b({count}|{words.get(count, count)}) bugs\b", ast.get_docstring(ast.parse(text)) or "",
                         re.IGNORECASE), "a debug stub's docstring says how many bugs to find"
    else:
        assert f'NotImplementedError("{exercise.name}' in text or "NotImplementedError(f\"" in text or \
            "NotImplementedError(\"" in text
    tree = ast.parse(text)
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)) and node.name in exercise.functions:
            doc = ast.get_docstring(node) or ""
            assert len(doc) > 200, f"{node.name}: the docstring is the spec; it is too short"


def test_the_wheel_lists_every_package_of_the_grader():
    """pyproject.toml lists packages by name: an exercise folder missing there would not ship."""
    import tomllib

    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    on_disk = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "grader").rglob("__init__.py")}
    assert on_disk - listed == set(), "packages under grader/ that pyproject.toml does not ship"
