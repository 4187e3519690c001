"""Integer results (output sizes, receptive fields): exact, and an int rather than a float."""
from __future__ import annotations

from typing import Any, Callable

import numpy as np

from ..catalog import Mistake
from .cases import describe
from .failure import CheckFailure, _kind

FLOAT_RESULT = Mistake("returned a float", "the value is right but it is a float: `/` and np.floor give floats; "
                       "use floor division `//` on ints so the result is an int", "an-int-not-a-float")


def is_integer(value: Any) -> bool:
    """A Python int or a NumPy integer; not a bool, not a float (even 55.0)."""
    return isinstance(value, (int, np.integer)) and not isinstance(value, (bool, np.bool_))


def expect_int(got: Any, expected: int, *, case: str,
               diagnose: Callable[[], Mistake | None] | None = None) -> None:
    """Fail unless `got` is an integer (int or NumPy integer) equal to `expected`.

    `diagnose` is called only when the value is wrong, and returns the mistake to name (or None).
    """
    if isinstance(got, (float, np.floating)) and got == expected:
        raise CheckFailure(f"got {got!r}, a {type(got).__name__}; expected the int {expected}",
                           case=case, mistake=FLOAT_RESULT)
    if not is_integer(got) and not isinstance(got, (float, np.floating)):
        raise CheckFailure(f"expected an int but your function returned {_kind(got)}", case=case)
    if got != expected:
        raise CheckFailure(f"got {got!r}, expected {expected}", case=case,
                           mistake=diagnose() if diagnose else None)


def expect_int_on_grid(fn: Callable[..., Any], cases: list[tuple[dict, int]], *, oracle: str, grid: str,
                       diagnose: Callable[[], Mistake | None] | None = None,
                       explained: Callable[[dict, Any], Mistake | None] | None = None) -> None:
    """Call the learner's `fn(**params)` on every (params, expected) of a grid, smallest first; on a
    wrong answer, fail on the first one with how many were wrong (`oracle` names what gave
    `expected`, `grid` describes the ranges covered). With `explained(params, got)` (the mistake whose
    variant gives `got` at that point, or None), the point shown is the first wrong one a mistake explains."""
    from ..learner import call

    # One fenced call for the whole grid: putting global settings back after each of thousands of
    # tiny calls would cost more than the calls. The first crash still stops it, as one call would.
    answers = call(lambda: [fn(**params) for params, _ in cases])
    wrong = [(params, got, expected) for (params, expected), got in zip(cases, answers)
             if not (is_integer(got) and got == expected)]
    if wrong:
        params, got, expected = wrong[0]
        if explained is not None:
            named = next(((w, m) for w in wrong if (m := explained(w[0], w[1])) is not None), None)
            if named is not None:
                (params, got, expected), mistake = named
                diagnose = lambda: mistake  # noqa: E731
        expect_int(got, expected, diagnose=diagnose,
                   case=describe(**params) + f" ({oracle} gives {expected}); wrong on {len(wrong)} of "
                   f"{len(cases)} valid combinations of {grid}")
