"""The theory site builds strictly, and every anchor a diagnosis points at exists on its page."""
from __future__ import annotations

import re

import pytest

from conftest import CATALOG, ROOT

pytestmark = pytest.mark.slow  # the site is built once (about a minute)

pytest.importorskip("mkdocs", reason="the site needs the dev extra: pip install -e '.[dev]'")


# built_site: the one build of the site per test run (tests/conftest.py), shared with test_site.py

def test_site_builds_strictly_with_every_exercise_page(built_site):
    for exercise in CATALOG.exercises:
        page = built_site / exercise.page.removesuffix(".md") / "index.html"
        assert page.is_file(), f"no built page for {exercise.name}"


def _mistakes(exercise):
    """Every Mistake this exercise's report can name: its exercise.toml's, and the shared ones of
    grader.check that its check module uses (by name, or through the helper that raises them)."""
    import importlib

    check = importlib.import_module("grader.check")  # the package: `from grader import check` may give the API's check()
    from grader.check import Mistake

    source = exercise.checks_path.read_text()
    # ... and the source of what it imports from a family module (grader/check/family/), which may
    # raise them for it.
    import importlib
    import inspect

    module = importlib.import_module(f"grader.exercises.{exercise.name}.checks")
    for family in set(re.findall(r"from grader\.check\.family\.(\w+) import", source)):
        shared = importlib.import_module(f"grader.check.family.{family}")
        for value in vars(module).values():
            if getattr(value, "__module__", None) == shared.__name__ and callable(value):
                source += inspect.getsource(value)
    found = set(exercise.mistakes.values())
    shared = {name: v for name, v in vars(check).items() if isinstance(v, Mistake)}
    found |= {v for name, v in shared.items() if re.search(rf"\b{name}\b", source)}
    if "expect_int" in source:
        found.add(check.FLOAT_RESULT)
    if exercise.rules:
        found.add(check.BANNED)
    if "expect_fast" in source or "SPEED = " in source:
        found.add(check.SLOW)
    return found | {check.IN_PLACE}


@pytest.mark.parametrize("exercise", CATALOG.exercises, ids=CATALOG.names())
def test_every_diagnosis_links_to_an_existing_anchor(built_site, exercise):
    html = (built_site / exercise.page.removesuffix(".md") / "index.html").read_text()
    ids = set(re.findall(r'id="([^"]+)"', html))
    anchors = {m.anchor for m in _mistakes(exercise)} | {"classic-mistakes"}
    missing = sorted(a for a in anchors if a not in ids)
    assert not missing, f"site/{exercise.page} lacks the anchors {missing} that the report links to"


def test_exercise_pages_embed_stub_and_solution_instead_of_copying():
    for exercise in CATALOG.exercises:
        text = (ROOT / "site" / exercise.page).read_text()
        assert f'--8<-- "exercises/{exercise.filename}"' in text
        assert f'--8<-- "solutions/{exercise.filename}"' in text


def test_home_page_commands_are_the_readmes():
    """The site's home page repeats the README's two commands; they must not drift apart."""
    home = (ROOT / "site" / "index.md").read_text()
    readme = (ROOT / "README.md").read_text()
    block = re.search(r"## Two commands\s+```bash\n(.*?)```", home, re.S).group(1)
    commands = [line for line in block.splitlines() if line.strip() and not line.startswith("#")]
    assert len(commands) == 2
    for command in commands:
        assert command in readme, f"the home page's command is not the README's: {command}"
