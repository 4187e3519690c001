"""The case generator (grader/check/cases.py Space): the named cases span what the docstring allows,
the random cases draw every argument."""
from __future__ import annotations

import importlib
import itertools

import pytest

from conftest import CATALOG
from grader.check import Arg, Cases, Space, pair, unequal
from grader.check.family.pooling import POOL_SPACE


def valid_padding(case):
    (kH, kW), (pH, pW) = pair(case["kernel"]), pair(case["padding"])
    return pH <= kH // 2 and pW <= kW // 2


TOY = Space(kernel=[1, 3, (3, 1)], stride=[1, 2, (1, 2), (2, 1)], padding=[0, 1, (1, 0), (0, 1)],
            H=[4, 5], flag=[False, True], valid=valid_padding)


# Three pair arguments of two levels: the smallest plain pairwise design (4 cases) never has one unequal
# alone nor all three unequal together; the generator's required cases must add them.
THREE_PAIRS = Space(a=[0, (1, 0)], b=[0, (1, 0)], c=[1, (0, 1)])


def all_valid(space):
    names = list(space.args)
    cases = [dict(zip(names, v)) for v in itertools.product(*(a.levels for a in space.args.values()))]
    return [c for c in cases if space.valid(c)]


@pytest.mark.parametrize("space", [TOY, POOL_SPACE, THREE_PAIRS], ids=["toy", "pooling", "three pairs"])
def test_every_two_levels_that_can_meet_meet_in_a_named_case(space):
    chosen = space.covering()
    assert len(chosen) <= max(4, len(all_valid(space)) / 4)  # a covering design, not the product
    for a, b in itertools.combinations(space.args, 2):
        possible = {(repr(c[a]), repr(c[b])) for c in all_valid(space)}
        covered = {(repr(c[a]), repr(c[b])) for c in chosen}
        assert possible <= covered, f"{a} x {b}: {sorted(possible - covered)} never meet"


@pytest.mark.parametrize("space, stride", [(TOY, "stride"), (POOL_SPACE, "stride"), (THREE_PAIRS, None)],
                         ids=["toy", "pooling", "three pairs"])
def test_every_unequal_pair_meets_stride_one_and_stride_two_and_is_unequal_alone_and_with_the_others(space, stride):
    chosen = space.covering()
    pairs = [k for k, a in space.args.items() if any(unequal(v) for v in a.levels)]
    for k in pairs:
        for v in (v for v in space.args[k].levels if unequal(v)):
            with_v = [c for c in chosen if c[k] == v]
            if stride is not None and k != stride:
                strides = {pair(c[stride]) for c in with_v if c[stride] is not None}
                assert {(1, 1), (2, 2)} <= strides, f"{k}={v} never with stride 1 and 2"
            assert any(not any(unequal(c[o]) for o in pairs if o != k) for c in with_v), f"{k}={v} never alone"
    assert any(all(unequal(c[k]) for k in pairs) for c in chosen), "the pairs are never unequal together"


def test_the_named_cases_are_the_same_on_every_build_and_read_as_their_arguments():
    again = Space(**{k: a for k, a in TOY.args.items()}, valid=valid_padding)
    assert again.covering() == TOY.covering()
    assert all(name.startswith("kernel ") and ", stride " in name and ", flag " in name for name in TOY.named())
    assert "kernel 3, stride 1, padding (1, 0), 2x2x5x4 input" in POOL_SPACE.named()


def test_random_cases_draw_from_ranges_and_respect_the_constraints():
    space = Space(kernel=Arg([3], draw=lambda rng: int(rng.integers(1, 6))), padding=Arg([0], draw=lambda rng: int(rng.integers(0, 3))),
                  valid=lambda c: c["padding"] <= c["kernel"] // 2)
    drawn = [space.random(seed) for seed in range(20)]
    assert all(c["padding"] <= c["kernel"] // 2 for c in drawn)
    assert len({c["kernel"] for c in drawn}) > 2 and len({c["padding"] for c in drawn}) > 1
    assert drawn == [space.random(seed) for seed in range(20)]  # the same on every run


def declared_spaces():
    for name in CATALOG.names():
        module = importlib.import_module(f"grader.exercises.{name}.checks")
        groups = getattr(module, "CASES", None)
        for cases in groups if isinstance(groups, list) else [groups]:
            if isinstance(cases, Cases) and cases.space is not None:
                yield pytest.param(cases, id=f"{name}: {cases.name}")


@pytest.mark.parametrize("cases", list(declared_spaces()))
def test_an_exercises_random_cases_sample_every_argument_it_declares(cases):
    assert cases.random == cases.space.random
    drawn = [cases.random(seed) for seed in range(cases.seeds)]
    for name, arg in cases.space.args.items():
        if arg.draw is None and len(arg.levels) < 2:
            continue
        assert len({repr(c[name]) for c in drawn}) > 1, f"{name} is {drawn[0][name]!r} in every random case"
