"""What the softmax family's checks share (softmax, log_softmax and the losses built on them).

- `call_stable`: the learner's NumPy function must neither warn (overflow, divide by zero, NaN on
  the way) nor modify its inputs in place;
- `as_array`: a loss returned as a NumPy or Python scalar, made checkable (shape and dtype);
- `softmax_cases` and `softmax_speed`: softmax and log_softmax run on the same inputs, which trip
  the same mistakes, and are timed the same way.
"""
from __future__ import annotations

from typing import Any, Callable, Mapping

import numpy as np
import torch

from .. import IN_PLACE, Cases, CheckFailure, Mistake, Speed, call, call_unchanged, describe, expect_close


def as_array(value: Any) -> Any:
    """A NumPy scalar or a Python float as a 0-d array, so its shape and dtype can be checked."""
    if isinstance(value, (np.generic, float)) and not isinstance(value, bool):
        return np.asarray(value)
    return value


def _logits(*rows, dtype=np.float64):
    return lambda: np.array(rows, dtype=dtype)


def _normal(seed, shape, scale=1.0, dtype=np.float64):
    return lambda: (np.random.default_rng(seed).standard_normal(shape) * scale).astype(dtype)


# (make x, axis, far apart). Inputs are built afresh for every check: a function that modifies its input must not
# spoil the next check. "Far apart" marks rows whose maxima are ~2000 apart, where one max for the whole array
# underflows a whole row: there, warnings mean that mistake.
NAMED_CASES = {
    "smallest: one row of 3": (_logits([1.0, 2.0, 3.0]), -1, False),
    "1-D input": (lambda: np.array([0.5, -1.0, 2.0, 0.0]), -1, False),
    "all logits equal": (_logits([3.0, 3.0, 3.0, 3.0], [-2.0, -2.0, -2.0, -2.0]), -1, False),
    "one class": (_logits([4.0], [-7.0]), -1, False),
    "axis=0": (_normal(1, (4, 3)), 0, False),
    "square input (keepdims matters)": (_normal(2, (4, 4)), -1, False),
    "axis=1 of a 3-D input": (_normal(3, (2, 5, 3)), 1, False),
    "axis=-2": (_normal(4, (3, 4, 2)), -2, False),
    "logits of +-1000": (_logits([1000.0, 0.0, -1000.0], [-1000.0, 1000.0, 999.0]), -1, False),
    "rows far apart (+1000 and -1000)": (_logits([1000.0, 999.0, 998.0], [-1000.0, -1001.0, -1003.0]), -1, True),
    "float32 input": (_normal(5, (3, 6), scale=5.0, dtype=np.float32), -1, False),
    "float32 logits of +-1000": (_logits([1000.0, -1000.0, 0.0], [88.0, 89.0, 90.0], dtype=np.float32), -1, False),
}


def _random_input(seed):
    """Logits of random shape and scale (1 to 100), float32 or float64, and a random axis."""
    rng = np.random.default_rng(seed)
    shape = tuple(int(n) for n in rng.integers(1, 6, size=int(rng.integers(1, 4))))
    axis = int(rng.integers(-len(shape), len(shape)))
    x = (rng.standard_normal(shape) * 10 ** rng.uniform(0, 2)).astype([np.float32, np.float64][seed % 2])
    return (lambda: x), axis, False


def softmax_cases(name: str, oracle: Callable[..., torch.Tensor],
                  variants: Callable[[torch.Tensor, int], dict], *, warnings: Mapping[str, Mistake],
                  far_apart: Mapping[str, Mistake], first_seed: int) -> Cases:
    """The named and random cases of `target.<name>(x, axis=axis)` against `oracle(X, dim=axis)` in float64;
    `variants(X, axis)` gives the mistakes, `warnings` (`far_apart` on rows far apart) what a warning reveals."""
    def check(target, params):
        make_x, axis, far = params
        x = make_x()
        case = describe(x=x, axis=axis)
        X = torch.from_numpy(x).double()
        compare = lambda got: expect_close(got, oracle(X, dim=axis), case=case, dtype=x.dtype,  # noqa: E731
                                           mistakes=variants(X, axis))
        try:
            got = call_unchanged(getattr(target, name), x, axis=axis, case=case,
                                 warnings=far_apart if far else warnings)
        except CheckFailure as warned:
            if warned.mistake is IN_PLACE:
                raise
            # What a warning suggests is an inference; the output itself, against the variants, is evidence.
            try:
                compare(call(getattr(target, name), make_x(), axis=axis))
            except CheckFailure as wrong:
                if wrong.mistake is not None:
                    wrong.message = f"{warned.message}\n{wrong.message}"
                    raise wrong from None
            raise warned from None
        compare(got)
    return Cases(check, NAMED_CASES, lambda seed: _random_input(first_seed + seed), seeds=3)


def softmax_speed(name: str, *, limit: float, reference: Callable[..., torch.Tensor], reference_name: str) -> Speed:
    """`target.<name>` against `reference` on (16384, 10) float32 logits, on the last axis."""
    def setup(target, device):
        x = np.random.default_rng(0).standard_normal((16384, 10)).astype(np.float32) * 4
        X = torch.from_numpy(x)
        return (lambda: getattr(target, name)(x, axis=-1), lambda: reference(X, dim=-1), describe(x=x, axis=-1))
    return Speed(setup, limit=limit, reference=reference_name)
