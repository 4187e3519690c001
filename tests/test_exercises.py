"""Every solution passes, every stub fails cleanly, every mutant is rejected, every alternative accepted."""
from __future__ import annotations

import pytest

from conftest import ALTERNATIVES, CATALOG, MUTANTS, ROOT, implementations, module_constant, run_checks, summary
from grader.results import Kind, Outcome, Reason

NAMES = CATALOG.names()


@pytest.mark.parametrize("name", NAMES)
def test_solution_passes_every_check_including_speed(name):
    result = run_checks(name, ROOT / "solutions" / f"{name}.py", speed=True)
    assert result.passed, summary(result)


@pytest.mark.parametrize("name", NAMES)
def test_stub_fails_cleanly_as_not_implemented(name):
    result = run_checks(name, ROOT / "exercises" / f"{name}.py")
    assert not result.passed
    first = result.first_problem
    assert first.reason is Reason.NOT_IMPLEMENTED, summary(result)
    assert "not implemented" in first.message.lower() or name in first.message
    assert all(c.outcome is not Outcome.PASSED for c in result.checks if c.kind is Kind.CORRECTNESS)


@pytest.mark.parametrize("name, path", implementations(MUTANTS), ids=lambda v: getattr(v, "stem", v))
def test_mutant_is_rejected_with_the_right_diagnosis(name, path):
    result = run_checks(name, path)
    assert not result.passed, f"{path.name} passed every check:\n{summary(result)}"
    problem = result.first_problem
    assert problem.reason is not Reason.INTERNAL, summary(result)
    expected = module_constant(path, "EXPECTED_MISTAKE")
    if expected:
        named = {c.mistake.name for c in result.checks if c.mistake}
        assert expected in named, f"expected the diagnosis {expected!r}:\n{summary(result)}"


@pytest.mark.parametrize("name, path", implementations(ALTERNATIVES), ids=lambda v: getattr(v, "stem", v))
def test_alternative_is_accepted(name, path):
    slow = module_constant(path, "TOO_SLOW", False)
    result = run_checks(name, path, speed=slow)
    correctness = [c for c in result.checks if c.kind is not Kind.SPEED]
    assert all(c.outcome in (Outcome.PASSED, Outcome.SKIPPED) for c in correctness), summary(result)
    if slow:  # correct but slow: the only failure is the speed check, named as such
        # A CUDA speed check is skipped where there is no GPU; every speed check that ran must fail.
        speed = [c for c in result.checks if c.kind is Kind.SPEED and c.outcome is not Outcome.SKIPPED]
        assert speed and all(c.outcome is Outcome.FAILED for c in speed), summary(result)
        assert speed[0].mistake.name == "too slow"
