"""The debug exercise format (format = "debug" in exercise.toml): the stub is code that runs with the bugs
`bugs` lists, and it must fail with every one of them named, never as "not implemented"."""
from __future__ import annotations

import pytest
from rich.console import Console

from conftest import CATALOG, EXERCISES, ROOT
from grader import catalog, dev
from grader.report import render

DEBUG = [e for e in CATALOG.exercises if e.is_debug]


def test_the_kit_has_a_debug_exercise_and_each_lists_its_bugs_among_its_mistakes():
    assert [e.name for e in DEBUG] == ["debug_gpt"]
    for exercise in DEBUG:
        assert exercise.bugs and set(exercise.bugs) <= set(exercise.mistakes)


def _parse(tmp_path, toml: str):
    folder = tmp_path / "x"
    folder.mkdir(exist_ok=True)
    (folder / "exercise.toml").write_text('title = "X"\ndifficulty = "easy"\nframework = "torch"\n'
                                          'functions = ["f"]\nhints = ["h"]\n' + toml)
    return catalog.parse({"topic": [{"id": "t", "title": "T", "exercises": ["x"]}]}, tmp_path)


@pytest.mark.parametrize("toml, problem", [
    ('format = "quiz"\n', "format must be one of"),
    ('format = "debug"\n', "lists its stub's bugs"),
    ('bugs = ["a"]\n[mistakes.a]\nname = "bug: a"\nexplanation = "e"\n', "only a debug exercise"),
    ('format = "debug"\nbugs = ["b"]\n[mistakes.a]\nname = "bug: a"\nexplanation = "e"\n', "no [mistakes.KEY]"),
])
def test_the_catalog_refuses_an_inconsistent_format(tmp_path, toml, problem):
    with pytest.raises(catalog.CatalogError, match=problem.replace("[", r"\[").replace("]", r"\]")):
        _parse(tmp_path, toml)


def test_a_debug_exercise_parses_with_its_bugs_in_order(tmp_path):
    exercise = _parse(tmp_path, 'format = "debug"\nbugs = ["b", "a"]\n[mistakes.a]\nname = "bug: a"\n'
                                'explanation = "e"\n[mistakes.b]\nname = "bug: b"\nexplanation = "e"\n').exercises[0]
    assert exercise.is_debug and [m.name for m in exercise.bug_mistakes] == ["bug: b", "bug: a"]
    assert not _parse(tmp_path, "").exercises[0].is_debug  # the default format: implement


@pytest.mark.parametrize("exercise", DEBUG, ids=[e.name for e in DEBUG])
def test_a_debug_stub_with_one_bug_left_is_not_a_stub_and_the_fixed_model_is_not_either(exercise):
    """dev.stub_problem's other answers: a file holding one bug names only that one; the solution passes."""
    one = sorted((EXERCISES / exercise.name / "mutants").glob("[!_]*.py"))[0]
    problem = dev.stub_problem(exercise, one)
    assert problem and "named on no failed check" in problem
    assert len(exercise.bugs) - 1 == problem.count("'bug: ")
    assert "passed every check" in dev.stub_problem(exercise, ROOT / "solutions" / exercise.filename)


@pytest.mark.parametrize("exercise", DEBUG, ids=[e.name for e in DEBUG])
def test_the_report_of_a_debug_stub_lists_every_bug_still_present(exercise):
    result = dev.run_checks(exercise, ROOT / "exercises" / exercise.filename)
    assert not result.not_started  # it runs: not the "not implemented yet" panel
    console = Console(record=True, width=200)
    render(console, exercise, result, target_label=f"exercises/{exercise.filename}", hints_seen=0, next_exercise=None)
    text = console.export_text()
    n = len(exercise.bugs)
    assert f"Bugs still present ({n} of {n}): " in text
    for bug in exercise.bug_mistakes:
        assert bug.name.removeprefix("bug: ") in text
    assert "not implemented" not in text
