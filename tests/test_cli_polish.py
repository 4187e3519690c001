"""Small things a learner meets at the command line: --version, a mistyped verb, --topic in either
spelling, `grader docs` with a mistyped page, no "1 rounds", rounded figures."""
from __future__ import annotations

import pytest

from grader import cli


def test_version(capsys):
    with pytest.raises(SystemExit) as exit_:
        cli.build_parser().parse_args(["--version"])
    assert exit_.value.code == 0
    assert capsys.readouterr().out.startswith("grader ")
    assert cli.main(["--version"]) == 0


@pytest.mark.parametrize("typed, meant", [("rn", "grader run"), ("lst", "grader list"), ("hnt", "grader hint")])
def test_mistyped_verb_suggests_the_verb(typed, meant, capsys):
    assert cli.main([typed, "conv2d"]) == 2
    err = " ".join(capsys.readouterr().err.split())
    assert f"no verb called {typed!r}" in err and meant in err and "invalid choice" not in err


@pytest.mark.parametrize("spelling", ["normalisation", "normalization", "Normalisation", "optimisation"])
def test_topic_in_uk_or_us_spelling(spelling, capsys):
    assert cli.main(["list", "--topic", spelling, "--names"]) == 0
    names = capsys.readouterr().out.split()
    assert ("batch_norm" in names) == spelling.lower().startswith("normali") and names


def test_unknown_topic_is_a_usage_error(capsys):
    assert cli.main(["list", "--topic", "nope"]) == 2
    assert "no topic called 'nope'" in capsys.readouterr().err


@pytest.mark.parametrize("typed, meant", [("convv2d", "conv2d"), ("normalisaton", "normalisation")])
def test_docs_mistyped_page_suggests_one(typed, meant, capsys):
    assert cli.main(["docs", typed]) == 2
    assert f"Did you mean {meant!r}" in " ".join(capsys.readouterr().err.split())


def test_one_round_is_singular():
    from grader.check.speed import SpeedResult

    line = SpeedResult(learner_s=2e-3, reference_s=1e-3, ratio=2.0, limit=25, rounds=1, reference="torch x",
                       device="cpu").line()
    assert "1 rounds" not in line and "one timed call" in line  # the lead's wording (grader/check/speed.py)


def test_long_floats_in_messages_are_rounded():
    from grader.plugin import round_floats

    text = round_floats("Greatest absolute difference: 1.3047603050929768 at index (0, 1) (up to 1e-09 allowed)")
    assert text == "Greatest absolute difference: 1.3 at index (0, 1) (up to 1e-09 allowed)"


def test_a_workspace_outside_the_clone_is_sent_to_the_served_site_not_to_a_site_folder_it_lacks(tmp_path, monkeypatch):
    from grader import theory

    monkeypatch.chdir(tmp_path)  # a workspace made by `grader init DIR` from a clone
    assert theory.link("exercises/conv2d.md", "padding").startswith("http://127.0.0.1:8000/exercises/conv2d/#padding")
    monkeypatch.chdir(theory.KIT_ROOT)
    assert theory.link("exercises/conv2d.md", "padding") == "site/exercises/conv2d.md#padding"


def test_a_long_list_of_failures_is_folded_after_the_first_few_and_verbose_lists_them_all():
    from rich.console import Console

    from grader import catalog
    from grader.report import FAILURES_SHOWN, render
    from grader.results import CheckResult, Kind, Outcome, Reason, RunResult

    checks = [CheckResult(f"matches torch [case {i}]", Kind.CORRECTNESS, Outcome.FAILED, "values differ",
                          Reason.MISMATCH, case="x (2,)") for i in range(30)]
    checks.append(CheckResult("uses numpy only", Kind.RULES, Outcome.PASSED))
    result = RunResult("conv2d", "exercises/conv2d.py", checks)
    shown = {}
    for verbose in (False, True):
        console = Console(record=True, width=100)
        render(console, catalog.load().get("conv2d"), result, target_label="exercises/conv2d.py", hints_seen=0,
               next_exercise=None, verbose=verbose)
        shown[verbose] = console.export_text()
    assert shown[False].count("✗ matches torch [case") == FAILURES_SHOWN + 1  # the panel's title too
    assert f"{30 - FAILURES_SHOWN} more failed (-v lists every check)" in shown[False]
    assert "✓ uses numpy only" in shown[False]
    assert shown[True].count("✗ matches torch [case") == 31 and "more failed" not in shown[True]
