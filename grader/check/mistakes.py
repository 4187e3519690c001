"""Classic mistakes: the exercise's named mistakes, and which of their variants explains an output.

A variant is a function computing the output a mistake would give; a mistake may come with several
(ways of making the same mistake). Variants are evaluated only once the learner's output is wrong.

Naming is evidence: every helper here tries ALL the variants it is given and records each mistake one
of whose variants reproduces the learner's output (`reproduced`); the plugin takes that record after
each check, so a failed check carries every mistake that explains it, not only the first one listed,
and the run names the mistake that explains the most failed checks (results.RunResult.mistake)."""
from __future__ import annotations

from contextvars import ContextVar
from types import SimpleNamespace
from typing import Any, Callable, Mapping

import numpy as np
import torch

from .. import catalog
from ..catalog import Mistake
from .failure import note, noted

IN_PLACE = Mistake("input modified in place", "the function changed an array it was given; the caller's "
                   "data must stay as it was", "classic-mistakes")
BANNED = Mistake("calls the function it re-implements", "the point is to write it from scratch", "rules")
BANNED_LIBRARY = Mistake("uses a library the exercise rules out", "the exercise is written without it (NumPy only, "
                         "or plain Python): the library would do the work, or check it, for you", "rules")


# The mistakes reproduced during the check under way, in the order found (per thread or task, as notes).
_reproduced: ContextVar[tuple[Mistake, ...]] = ContextVar("grader_reproduced", default=())


def record_reproduced(mistake: Mistake | None) -> Mistake | None:
    """Record that a variant of `mistake` gave the learner's output in this check; returns it. For a check
    that compares with a variant itself (a statistic within its bound); None records nothing."""
    if mistake is not None and mistake not in _reproduced.get():
        _reproduced.set(_reproduced.get() + (mistake,))
    return mistake


def take_reproduced() -> tuple[Mistake, ...]:
    """The mistakes reproduced since the last call (the plugin calls it before and after each check)."""
    found = _reproduced.get()
    _reproduced.set(())
    return found


def _first_recorded(found: list[Mistake]) -> Mistake | None:
    for mistake in found:
        record_reproduced(mistake)
    return found[0] if found else None


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


def refuted_on_a_pass(right: Any, mistakes) -> None:
    """On a case the learner got right (`right`, compared with ==): note every mistake whose variants all
    give another answer here. The learner's code does not make that mistake, whatever a failed check's
    variant reproduced by coincidence, so the run names it nowhere (results.RunResult.mistake)."""
    outputs: dict[Mistake, list] = {}
    for mistake, output in _variant_outputs(mistakes):
        outputs.setdefault(mistake, []).append(output)
    refuted = [m.name for m, found in outputs.items() if all(output != right for output in found)]
    if refuted:
        note(refutes=sorted(set(noted("refutes", [])) | set(refuted)))


def mistake_giving(got: Any, mistakes) -> Mistake | None:
    """The first mistake one of whose variants gives exactly `got` (==): for outputs compared exactly,
    such as lists of indices. Every mistake that gives it is recorded (see the module's docstring)."""
    found = []
    for mistake, output in _variant_outputs(mistakes):
        if mistake not in found and output == got:
            found.append(mistake)
    return _first_recorded(found)


def matching_mistake(got, mistakes, *, rtol: float, atol: float, expected: torch.Tensor | None = None
                     ) -> Mistake | None:
    """The first mistake one of whose variants gives `got` (every one that does is recorded).

    A variant that gives the right answer on this case (`expected`) explains nothing here: it is
    passed over, so a check need not list which mistakes its case cannot tell from the right answer.
    """
    if not mistakes:
        return None
    to64 = lambda t: (t if isinstance(t, torch.Tensor) else torch.from_numpy(np.asarray(t, dtype=np.float64))  # noqa: E731
                      ).detach().to("cpu", torch.float64)
    got64 = to64(got)
    right = None if expected is None else to64(expected)
    found = []
    for mistake, output in _variant_outputs(mistakes):
        if mistake in found:
            continue
        candidate = to64(output)
        if candidate.shape != got64.shape:
            continue
        if right is not None and right.shape == candidate.shape and \
                torch.allclose(right, candidate, rtol=rtol, atol=atol, equal_nan=True):
            continue
        if torch.allclose(got64, candidate, rtol=rtol, atol=atol, equal_nan=True):
            found.append(mistake)
    return _first_recorded(found)


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
    confused. Values compare with ==, so a float 55.0 agrees with 55. None when nothing fits; every
    mistake that fits is recorded.
    """
    try:
        answers = [learner(**c) for c in cases]
    except (Exception, SystemExit):  # noqa: BLE001 - a learner that crashes on some case reproduces no variant
        return None
    found = []
    for mistake, ways in variants.items():
        for variant in ways if isinstance(ways, (tuple, list)) else (ways,):
            try:
                if all(variant(**c) == a for c, a in zip(cases, answers)):
                    found.append(mistake)
                    break
            except Exception:  # noqa: BLE001 - a variant that does not apply to these cases
                continue
    return _first_recorded(found)


def _ways(variants: Mapping[Mistake, Any]):
    """(mistake, its variants as a tuple) for each mistake of a {Mistake: variant or [variants]} mapping."""
    return [(m, tuple(ways) if isinstance(ways, (tuple, list)) else (ways,)) for m, ways in variants.items()]


def gives_at(ways, case: dict, answer: Any) -> bool:
    """Whether one of `ways` (variants called with **case) gives `answer` on this case."""
    for way in ways:
        try:
            if way(**case) == answer:
                return True
        except Exception:  # noqa: BLE001 - a variant that does not apply to this case
            continue
    return False


def mistake_explaining_most(answers: list, variants, cases: list[dict], expected: list) -> Mistake | None:
    """For a learner whose answers no single variant reproduces everywhere (two mistakes at once, or one
    whose rule differs on a part of the cases): the mistake one of whose variants gives the learner's
    answer on the most of the cases it gets wrong, at least two thirds of them (on half, arithmetic
    coincidences fit: padding ignored at stride 2 looks like a missing +1 on half the points). On equal counts, the variant the learner contradicts least (right where the variant is
    wrong) wins, then the first listed. Values compare with ==; nothing is recorded here (see gives_at)."""
    failing = [(c, a) for c, a, e in zip(cases, answers, expected) if a != e]
    if not failing:
        return None
    best, best_score = None, None
    for mistake, ways in _ways(variants):
        for way in ways:
            try:
                explained = sum(way(**c) == a for c, a in failing)
                if 3 * explained < 2 * len(failing):
                    continue
                contradicted = sum(way(**c) != a for c, a, e in zip(cases, answers, expected) if a == e)
            except Exception:  # noqa: BLE001 - a variant that does not apply to these cases
                continue
            if best_score is None or (explained, -contradicted) > best_score:
                best, best_score = mistake, (explained, -contradicted)
    return best
