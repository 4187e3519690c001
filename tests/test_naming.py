"""Naming from evidence: a mistake is named when a variant reproduces the learner's output, the run names
the one that explains the most failed checks, the panel shows a check that carries it, and a wrong output
no variant explains says so instead of guessing.

tests/misnamed/NAME/*.py are wrong implementations once misnamed (or named nothing) by the grader, each
with EXPECTED_MISTAKE: the run's diagnosis it must get (None: no known mistake), and optionally
EXPECTED_MESSAGE, a text the failure shown must contain.
"""
from __future__ import annotations

from io import StringIO

import numpy as np
import pytest
import torch
from rich.console import Console

from conftest import CATALOG, ROOT, module_constant, run_checks
from grader import engine, report
from grader.check import CheckFailure, Mistake, matching_mistake, mistake_giving
from grader.check.mistakes import take_reproduced
from grader.results import CheckResult, Kind, NamedMistake, Outcome, Reason, RunResult

MISNAMED = sorted((ROOT / "tests" / "misnamed").glob("*/*.py"))


def rendered(exercise: str, result: RunResult) -> str:
    out = StringIO()
    report.render(Console(file=out, width=200, color_system=None), CATALOG.get(exercise), result,
                  target_label="exercises/x.py", hints_seen=0, next_exercise=None)
    return out.getvalue()


@pytest.mark.parametrize("path", MISNAMED, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_a_once_misnamed_implementation_gets_the_right_diagnosis_or_none(path):
    exercise = path.parent.name
    result = run_checks(exercise, path)
    assert not result.passed
    expected = module_constant(path, "EXPECTED_MISTAKE")
    diagnosis = result.mistake
    assert (diagnosis and diagnosis.name) == expected, \
        [(c.name, [m.name for m in c.explained_by]) for c in result.checks if c.bad]
    # A check may name another mistake only on evidence: its variant gave this very output.
    guesses = [(c.name, c.mistake.name) for c in result.checks
               if c.bad and c.mistake and c.mistake.name != expected and not c.mistake.reproduced]
    assert not guesses, guesses
    text = rendered(exercise, result)
    if expected:
        assert text.count("Looks like: ") == 1 and f"Looks like: {expected}" in text
        assert any(m.name == expected for m in result.problem_to_show.explained_by)
    else:
        assert "Looks like" not in text and "No known mistake matches" in text
    message = module_constant(path, "EXPECTED_MESSAGE")
    if message:
        assert message in result.problem_to_show.message


def failed(name, *mistakes):
    return CheckResult(name, Kind.CORRECTNESS, Outcome.FAILED, f"{name} differs", Reason.MISMATCH,
                       mistake=mistakes[0] if mistakes else None, also=tuple(mistakes[1:]))


A, B = NamedMistake("a mistake", "why a", "a"), NamedMistake("b mistake", "why b", "b")
GUESS = NamedMistake("a guess", "why", "g", reproduced=False)


def test_the_run_names_the_mistake_that_explains_the_most_failed_checks_and_shows_a_check_carrying_it():
    result = RunResult("softmax", "x.py", [failed("first"), failed("second", A), failed("third", B, A),
                                           CheckResult("fourth", Kind.CORRECTNESS, Outcome.PASSED)])
    assert result.mistake == A and len(result.explained(A)) == 2
    assert result.problem_to_show.name == "second"  # not "first", the first failure, which names nothing
    text = rendered("softmax", result)
    assert "✗ second" in text and "✗ first" not in text.split("Looks like")[1]
    assert text.count("Looks like: a mistake") == 1 and "explains 2 of the 3 failed checks" in text
    assert "b mistake" not in text


def test_on_equal_counts_a_reproduced_mistake_wins_over_one_only_inferred():
    assert RunResult("softmax", "x.py", [failed("one", GUESS), failed("two", B)]).mistake == B
    assert RunResult("softmax", "x.py", [failed("one", GUESS), failed("two", GUESS), failed("three", B)]
                     ).mistake == GUESS  # the shape of two outputs against one reproduced value
    assert RunResult("softmax", "x.py", [failed("one"), failed("two")]).mistake is None


def test_the_diagnosis_and_the_reproduced_flags_survive_the_json_round_trip():
    result = RunResult("softmax", "x.py", [failed("one", GUESS, A), failed("two", A)])
    data = result.to_json()
    assert data["mistake"]["name"] == "a mistake" and data["mistake"]["explains"] == 2
    back = RunResult.from_json(data)
    assert back.checks[0].explained_by == (GUESS, A) and back.mistake == A


def test_every_reproducing_variant_is_recorded_not_only_the_first():
    first, second, other = Mistake("first", "", "a"), Mistake("second", "", "a"), Mistake("other", "", "a")
    take_reproduced()
    variants = {first: lambda: torch.ones(3), second: lambda: torch.ones(3), other: lambda: torch.zeros(3)}
    assert matching_mistake(np.ones(3), variants, rtol=1e-6, atol=1e-6) is first
    assert take_reproduced() == (first, second)
    assert mistake_giving([1, 2], {other: lambda: [2, 1], second: lambda: [1, 2], first: lambda: [1, 2]}) is second
    assert take_reproduced() == (second, first)


def test_a_variant_that_gives_the_right_answer_explains_nothing():
    right = Mistake("right here", "", "a")
    take_reproduced()
    assert matching_mistake(np.ones(3) * 2, {right: lambda: torch.ones(3)}, rtol=0, atol=0,
                            expected=torch.ones(3)) is None
    assert take_reproduced() == ()


def test_a_fail_fast_run_goes_past_a_failure_no_mistake_explains_to_the_check_that_names_one():
    path = ROOT / "tests" / "misnamed" / "softmax" / "wrong_on_1d_then_global_max.py"
    result = engine.execute(CATALOG.get("softmax"), path, speed=False, fail_fast=True, backend=engine.IN_PROCESS)
    bad = [c for c in result.checks if c.bad]
    assert bad[0].name == "matches torch [1-D input]" and not bad[0].explained_by
    assert result.mistake and result.mistake.name == "max of the whole array subtracted"
    assert bad[-1].explained_by  # it stopped at the first check that names a mistake
    assert any(c.reason is Reason.NOT_RUN for c in result.checks)  # and it did stop early


def test_the_dropout_panel_shows_the_check_that_names_p_as_the_keep_probability():
    path = ROOT / "tests" / "misnamed" / "dropout" / "keep_mask_below_p.py"
    text = rendered("dropout", run_checks("dropout", path))
    assert "Looks like: p read as the keep probability" in text


def test_a_type_failure_on_a_float_result_says_a_float_was_expected():
    from grader.check import expect_close
    with pytest.raises(CheckFailure, match="expected a float but your function returned None"):
        expect_close(None, torch.tensor(5.0, dtype=torch.float64), case="c", dtype=np.float64)


@pytest.mark.slow  # a real `grader run` child process
@pytest.mark.parametrize("flags", [[], ["--fail-fast"]], ids=["full run", "fail-fast (as watch runs)"])
def test_grader_run_on_dropout_with_rand_below_p_names_p_read_as_the_keep_probability(tmp_path, flags):
    import json
    import os
    import subprocess
    import sys

    (tmp_path / "dropout.py").write_text((ROOT / "tests/misnamed/dropout/keep_mask_below_p.py").read_text())
    run = lambda *extra: subprocess.run(  # noqa: E731
        [sys.executable, "-m", "grader", "run", "dropout", "--target", str(tmp_path), "--no-speed", *flags, *extra],
        capture_output=True, text=True, timeout=120, env={**os.environ, "NO_COLOR": "1", "COLUMNS": "160"})
    done = run()
    assert done.returncode == 1, done.stdout + done.stderr
    assert done.stdout.count("Looks like: p read as the keep probability") == 1, done.stdout
    report = json.loads(run("--json").stdout)
    assert report["mistake"]["name"] == "p read as the keep probability"


def test_a_mistake_a_passed_check_refutes_is_never_named():
    from grader.check.failure import take_notes
    from grader.check.mistakes import refuted_on_a_pass
    wrong_here, right_here = Mistake("wrong here", "", "a"), Mistake("right here", "", "a")
    take_notes()
    refuted_on_a_pass([0, 1], {wrong_here: lambda: [1, 0], right_here: [lambda: [0, 1], lambda: [1]]})
    assert take_notes() == {"refutes": ["wrong here"]}  # one variant giving the right answer refutes nothing
    passed = CheckResult("passed", Kind.CORRECTNESS, Outcome.PASSED, notes={"refutes": ["a mistake"]})
    result = RunResult("softmax", "x.py", [failed("one", A, B), passed])
    assert result.mistake == B and RunResult.from_json(result.to_json()).mistake == B


def test_the_mistake_explaining_most_wrong_answers_needs_two_thirds_of_them_and_loses_ties_to_fewer_contradictions():
    from grader.check.mistakes import mistake_explaining_most
    cases = [{"x": x} for x in range(10)]
    expected = [x for x in range(10)]
    answers = [x + 1 if x < 4 else x for x in range(10)]  # wrong on 0..3
    plus_one_low = Mistake("plus one below 4", "", "a")
    plus_one_always = Mistake("plus one everywhere", "", "a")  # explains as many, contradicted on 4..9
    plus_one_first = Mistake("plus one on 0 only", "", "a")  # explains 1 of 4: coincidence
    variants = {plus_one_always: lambda x: x + 1, plus_one_first: lambda x: x + (x == 0),
                plus_one_low: [lambda x: x * 7, lambda x: x + (x < 4)]}
    assert mistake_explaining_most(answers, variants, cases, expected) is plus_one_low
    assert mistake_explaining_most(answers, {plus_one_first: variants[plus_one_first]}, cases, expected) is None
    assert mistake_explaining_most(expected, variants, cases, expected) is None


def test_batched_nms_links_the_nms_mistakes_it_names_to_anchors_on_its_own_page():
    import re
    page = (ROOT / "site" / CATALOG.get("batched_nms").page).read_text()
    ids = set(re.findall(r'id="([^"]+)"', page)) | set(re.findall(r"\{#([\w-]+)\}", page))
    missing = sorted({m.anchor for m in CATALOG.get("nms").mistakes.values()} - ids)
    assert not missing, f"site/exercises/batched_nms.md lacks the anchors {missing} its report links nms's mistakes to"


CROP_CRASHES_ON_A_ZERO_COMPONENT = '''import numpy as np


def conv2d(x, weight, bias=None, stride=1, padding=0):
    sh, sw = (stride, stride) if isinstance(stride, int) else stride
    ph, pw = (padding, padding) if isinstance(padding, int) else padding
    if ph == 0 or pw == 0:
        if ph != pw:
            raise ValueError("x[p:-p] is empty for p = 0")
    xp = np.pad(x, ((0, 0), (0, 0), (ph, ph), (pw, pw)))
    n, c, h, w = xp.shape
    o, _, kh, kw = weight.shape
    ho, wo = (h - kh) // sh + 1, (w - kw) // sw + 1
    out = np.zeros((n, o, ho, wo), dtype=x.dtype)
    for i in range(ho):
        for j in range(wo):
            patch = xp[:, :, i * sh:i * sh + kh, j * sw:j * sw + kw]  # (n, c, kh, kw)
            out[:, :, i, j] = np.tensordot(patch, weight, axes=([1, 2, 3], [1, 2, 3]))
    if bias is not None:
        out += bias[None, :, None, None]
    return out
'''


def test_a_crash_on_pairs_names_square_only_code_only_where_the_code_cannot_take_a_pair(tmp_path):
    # This conv2d reads pairs right but crashes (as x[p:-p] breaks) when one padding component is 0:
    # with (1, 1) in place of (1, 0) it runs, so its crashes are not square-only code.
    path = tmp_path / "conv2d.py"
    path.write_text(CROP_CRASHES_ON_A_ZERO_COMPONENT)
    result = run_checks("conv2d", path)
    crashes = [c for c in result.checks if c.reason is Reason.CRASH]
    assert crashes and not any(c.mistake for c in crashes)
    int_only = run_checks("conv2d", ROOT / "tests" / "misnamed" / "conv2d" / "int_only_stride_padding.py")
    assert all(c.mistake and c.mistake.name == "square-only code" and not c.mistake.reproduced
               for c in int_only.checks if c.reason is Reason.CRASH)
