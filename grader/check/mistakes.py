"""Classic mistakes: the exercise's named mistakes, and which of their variants explains an output.

A variant is a function computing the output a mistake would give; a mistake may come with several
(ways of making the same mistake). Variants are evaluated only once the learner's output is wrong."""
from __future__ import annotations

from types import SimpleNamespace
from typing import Any, Callable, Mapping

import numpy as np
import torch

from .. import catalog
from ..catalog import Mistake

IN_PLACE = Mistake("input modified in place", "the function changed an array it was given; the caller's "
                   "data must stay as it was", "classic-mistakes")
BANNED = Mistake("calls the function it re-implements", "the point is to write it from scratch", "rules")
BANNED_LIBRARY = Mistake("uses a library the exercise rules out", "the exercise is written without it (NumPy only, "
                         "or plain Python): the library would do the work, or check it, for you", "rules")


def mistakes(exercise: str) -> SimpleNamespace:
    """The classic mistakes of `exercise` (its exercise.toml's [mistakes] tables) as attributes: M.flipped."""
    return SimpleNamespace(**catalog.load().get(exercise).mistakes)


def _variant_outputs(mistakes):
    """(mistake, output) for each variant (a function, or a list of them) that applies to this case."""
    for mistake, variants in (mistakes or {}).items():
        for variant in variants if isinstance(variants, list) else [variants]:
            try:
                output = variant()
            except Exception:  # noqa: BLE001 - a variant that does not apply to this case
                continue
            yield mistake, output


def mistake_giving(got: Any, mistakes) -> Mistake | None:
    """The first mistake one of whose variants gives exactly `got` (==): for outputs compared exactly,
    such as lists of indices."""
    return next((mistake for mistake, output in _variant_outputs(mistakes) if output == got), None)


def matching_mistake(got, mistakes, *, rtol: float, atol: float, expected: torch.Tensor | None = None
                     ) -> Mistake | None:
    """The first mistake one of whose variants gives `got`.

    A variant that gives the right answer on this case (`expected`) explains nothing here: it is
    passed over, so a check need not list which mistakes its case cannot tell from the right answer.
    """
    if not mistakes:
        return None
    to64 = lambda t: (t if isinstance(t, torch.Tensor) else torch.from_numpy(np.asarray(t, dtype=np.float64))  # noqa: E731
                      ).detach().to("cpu", torch.float64)
    got64 = to64(got)
    right = None if expected is None else to64(expected)
    for mistake, output in _variant_outputs(mistakes):
        candidate = to64(output)
        if candidate.shape != got64.shape:
            continue
        if right is not None and right.shape == candidate.shape and \
                torch.allclose(right, candidate, rtol=rtol, atol=atol, equal_nan=True):
            continue
        if torch.allclose(got64, candidate, rtol=rtol, atol=atol, equal_nan=True):
            return mistake
    return None


def a_mistake_has_shape(mistakes, shape: tuple) -> bool:
    """Whether a variant of one of `mistakes` gives an output of `shape` (a shape hint then defers to it)."""
    return any(tuple(output.shape) == shape for _, output in _variant_outputs(mistakes))


def reproduced_mistake(learner: Callable[..., Any],
                       variants: Mapping[Mistake, Callable[..., Any] | tuple[Callable[..., Any], ...]],
                       cases: list[dict]) -> Mistake | None:
    """The first mistake whose variant gives the learner's answer on EVERY case (called with **case).

    A mistake may come with a tuple or list of variants (ways of writing the same mistake): any one that
    reproduces the learner's answers everywhere names it.

    Comparing over a whole set of cases rather than one names a mistake only when the learner's
    function behaves like that variant everywhere, so two mistakes that agree on one case are not
    confused. Values compare with ==, so a float 55.0 agrees with 55. None when nothing fits.
    """
    try:
        answers = [learner(**c) for c in cases]
    except (Exception, SystemExit):  # noqa: BLE001 - a learner that crashes on some case reproduces no variant
        return None
    for mistake, ways in variants.items():
        for variant in ways if isinstance(ways, (tuple, list)) else (ways,):
            try:
                if all(variant(**c) == a for c, a in zip(cases, answers)):
                    return mistake
            except Exception:  # noqa: BLE001 - a variant that does not apply to these cases
                continue
    return None
