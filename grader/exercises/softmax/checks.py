"""Checks of exercises/softmax.py against torch.softmax in float64."""
from __future__ import annotations

import torch

from grader.check import mistakes
from grader.check.family.softmax import softmax_cases, softmax_speed

MISTAKE = mistakes("softmax")

torch_softmax = torch.softmax  # bound before the learner's code runs

TOLERANCE = {"float32": (1e-5, 1e-7), "float64": (1e-10, 1e-14)}


def variants(X: torch.Tensor, axis: int) -> dict:
    """The outputs the classic mistakes give (float64), for `expect_close` to name them."""
    E = torch.exp(X - X.amax(dim=axis, keepdim=True))
    found = {MISTAKE.whole_array: lambda: torch.exp(X - X.max()) / torch.exp(X - X.max()).sum(),
             MISTAKE.no_keepdims: lambda: E / E.sum(dim=axis),
             MISTAKE.no_max: lambda: (N := torch.exp(X)) / N.sum(dim=axis, keepdim=True),  # inf / inf where exp overflows
             # One max for the whole array: right unless a slice lies so far below it that it underflows (0/0).
             MISTAKE.global_max: lambda: (G := torch.exp(X - X.max())) / G.sum(dim=axis, keepdim=True)}
    if axis % X.ndim != X.ndim - 1:
        found[MISTAKE.axis_ignored] = lambda: torch_softmax(X, dim=-1)
    return found


# On rows far apart, one max for the whole array underflows a whole row: 0 / 0 there means that mistake.
CASES = softmax_cases("softmax", torch_softmax, variants, first_seed=100,
                      warnings={"overflow": MISTAKE.no_max, "invalid value": MISTAKE.no_max},
                      far_apart={"overflow": MISTAKE.no_max, "invalid value": MISTAKE.global_max,
                                 "divide by zero": MISTAKE.global_max})

SPEED = softmax_speed("softmax", limit=4, reference=torch_softmax, reference_name="torch.softmax")
