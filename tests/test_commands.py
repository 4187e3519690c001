"""The CLI's verbs in-process, for the fast layer (tests/test_cli.py drives a real `grader` process)."""
from __future__ import annotations

import pytest

from conftest import CATALOG
from grader import cli


@pytest.mark.parametrize("verb", cli.VERBS)
def test_every_verb_has_help_with_examples(verb, capsys):
    assert cli.main([verb, "--help"]) == 0
    assert "examples:" in capsys.readouterr().out


def test_list_names_is_the_catalog_in_teaching_order(capsys):
    assert cli.main(["list", "--names"]) == 0
    assert capsys.readouterr().out.split() == CATALOG.names()


def test_dev_check_is_a_usage_error_without_a_name_and_suggests_a_close_one(capsys):
    assert cli.main(["dev", "check"]) == 2
    assert cli.main(["dev", "check", "conv2"]) == 2
    assert "conv2d" in capsys.readouterr().err
