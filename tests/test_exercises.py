"""Every solution passes, every stub fails cleanly, every mutant is rejected, every alternative accepted.

The judgments are grader.dev's, the author's loop (`grader dev check`): one definition of each.
The fast layer (-m "not slow") runs every solution without its speed checks, every stub, the first
mutant of every exercise and the stubs' speed sentences; the full suite adds every other mutant, the
mistakes' coverage, the speed checks and the correct alternatives.
"""
from __future__ import annotations

import functools

import pytest

from conftest import ALTERNATIVES, CATALOG, MUTANTS, implementations
from grader import dev
from grader.catalog import PACKAGE_DIR

ROOT = PACKAGE_DIR.parent

NAMES = CATALOG.names()


@functools.cache  # the mistake-coverage test below reads the mutants' verdicts again
def mutant_verdict(name, path):
    return dev.mutant_verdict(CATALOG.get(name), path)


@pytest.mark.slow
@pytest.mark.parametrize("name", NAMES)
def test_solution_passes_every_check_including_speed(name):
    assert dev.solution_problem(CATALOG.get(name), speed=True) is None


@pytest.mark.parametrize("name", NAMES)
def test_solution_passes_every_correctness_check(name):
    assert dev.solution_problem(CATALOG.get(name), speed=False) is None


@pytest.mark.parametrize("name", NAMES)
def test_stub_fails_cleanly_as_not_implemented(name):
    assert dev.stub_problem(CATALOG.get(name)) is None


def _mutants_first_fast():
    """Every mutant; the first of each exercise in the fast layer, the others in the full suite (with 52
    exercises and ~250 mutants, all of them take minutes)."""
    seen = set()
    for name, path in implementations(MUTANTS):
        yield pytest.param(name, path, marks=() if name not in seen else pytest.mark.slow, id=f"{name}-{path.stem}")
        seen.add(name)


@pytest.mark.parametrize("name, path", _mutants_first_fast())
def test_mutant_is_rejected_with_the_right_diagnosis(name, path):
    problem, _ = mutant_verdict(name, path)
    assert problem is None, f"{path.name}: {problem}"


@pytest.mark.slow
@pytest.mark.parametrize("name, path", implementations(ALTERNATIVES), ids=lambda v: getattr(v, "stem", v))
def test_alternative_is_accepted(name, path):
    problem = dev.alternative_problem(CATALOG.get(name), path)
    assert problem is None, f"{path.name}: {problem}"


@pytest.mark.slow  # it runs every mutant
@pytest.mark.parametrize("name", NAMES)
def test_every_mistake_is_named_on_a_mutant(name):
    exercise = CATALOG.get(name)
    named = set().union(*(mutant_verdict(name, path)[1] for path in dev.implementations(exercise, MUTANTS)))
    assert {m.name for m in exercise.mistakes.values()} <= named


@pytest.mark.parametrize("name", NAMES)
def test_the_stub_states_the_speed_check_sizes_and_limits(name):
    assert dev.speed_docstring_problems(CATALOG.get(name)) == []


@pytest.mark.parametrize("name", NAMES)
def test_the_theory_page_states_only_the_limits_the_checks_use(name):
    # Pages restate the speed limits in prose; the stub's are tied to the checks by dev check, so a
    # page may state only what its stub states.
    import re

    limits = lambda text: {float(n) for n in re.findall(r"(?:limit(?: of)?|allows) (\d+(?:\.\d+)?) ?[x×]", text)}
    page = ROOT / "site" / "exercises" / f"{name}.md"
    stub = ROOT / "exercises" / f"{name}.py"
    assert limits(page.read_text()) <= limits(stub.read_text())
