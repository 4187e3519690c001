"""The catalog and the files on disk must agree: one list drives everything."""
from __future__ import annotations

import ast

import pytest

from conftest import ALTERNATIVES, CATALOG, MUTANTS, ROOT, implementations

NAMES = CATALOG.names()


def test_catalog_is_not_empty_and_in_known_topics():
    assert NAMES
    assert {e.topic for e in CATALOG.exercises} <= set(CATALOG.topics)


@pytest.mark.parametrize("folder, pattern", [("exercises", "{}.py"), ("solutions", "{}.py"),
                                             ("grader/checks", "test_{}.py")])
def test_every_exercise_has_its_files_and_no_file_is_stray(folder, pattern):
    on_disk = {p.name for p in (ROOT / folder).glob("*.py") if p.name != "__init__.py"}
    expected = {pattern.format(n) for n in NAMES}
    assert expected - on_disk == set(), f"missing in {folder}/"
    assert on_disk - expected == set(), f"files in {folder}/ that the catalog does not list"


@pytest.mark.parametrize("exercise", CATALOG.exercises, ids=NAMES)
def test_exercise_entry_is_complete(exercise):
    assert exercise.hints and all(h.strip() for h in exercise.hints), "every exercise needs non-empty hints"
    assert (ROOT / "site" / exercise.page).is_file(), f"theory page site/{exercise.page} is missing"
    assert any(True for _ in (MUTANTS / exercise.name).glob("[!_]*.py")), "no wrong implementations in tests/mutants"
    assert any(True for _ in (ALTERNATIVES / exercise.name).glob("[!_]*.py")), "no correct alternatives"


@pytest.mark.parametrize("exercise", CATALOG.exercises, ids=NAMES)
def test_banned_calls_in_the_catalog_are_checked(exercise):
    source = (ROOT / "grader" / "checks" / f"test_{exercise.name}.py").read_text()
    if exercise.banned:
        assert "expect_no_banned_calls" in source, "the catalog bans calls that no check looks for"


def test_mutant_and_alternative_folders_match_the_catalog():
    for folder in (MUTANTS, ALTERNATIVES):
        assert {d for d, _ in implementations(folder)} <= set(NAMES)


def _signatures(path):
    tree = ast.parse(path.read_text())
    found = {}
    for node in tree.body:
        if isinstance(node, ast.FunctionDef):
            found[node.name] = ast.unparse(node.args)
        elif isinstance(node, ast.ClassDef):
            found[node.name] = "class"  # a class's own signature is its __init__'s, compared below
            for item in node.body:
                if isinstance(item, ast.FunctionDef) and not item.name.startswith("_") or \
                        isinstance(item, ast.FunctionDef) and item.name in ("__init__", "forward"):
                    found[f"{node.name}.{item.name}"] = ast.unparse(item.args)
    return found


@pytest.mark.parametrize("exercise", CATALOG.exercises, ids=NAMES)
def test_stub_and_solution_have_the_same_signatures(exercise):
    stub = _signatures(ROOT / "exercises" / exercise.filename)
    solution = _signatures(ROOT / "solutions" / exercise.filename)
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
    assert f'NotImplementedError("{exercise.name}' in text or "NotImplementedError(f\"" in text or \
        "NotImplementedError(\"" in text
    tree = ast.parse(text)
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)) and node.name in exercise.functions:
            doc = ast.get_docstring(node) or ""
            assert len(doc) > 200, f"{node.name}: the docstring is the spec; it is too short"
