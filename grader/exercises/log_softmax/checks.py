"""Checks of exercises/log_softmax.py against torch.log_softmax in float64."""
from __future__ import annotations

import torch

from grader.check import mistakes
from grader.check.family.softmax import softmax_cases, softmax_speed

MISTAKE = mistakes("log_softmax")

torch_log_softmax = torch.log_softmax  # bound before the learner's code runs

TOLERANCE = {"float32": (1e-5, 1e-5), "float64": (1e-10, 1e-12)}


def variants(X: torch.Tensor, axis: int) -> dict:
    """The outputs the classic mistakes give (float64), for `expect_close` to name them."""
    M = X.amax(dim=axis, keepdim=True)
    found = {MISTAKE.max_not_added: lambda: torch_log_softmax(X, dim=axis) + M,
             MISTAKE.no_lse: lambda: X - M,
             MISTAKE.probabilities: lambda: torch.softmax(X, dim=axis),
             MISTAKE.whole_array: lambda: X - torch.logsumexp(X.flatten(), dim=0),
             MISTAKE.no_keepdims: lambda: X - torch.logsumexp(X, dim=axis),
             # One max for the whole array: log(0) = -inf on a slice far below it.
             MISTAKE.global_max: lambda: X - X.max() - torch.exp(X - X.max()).sum(dim=axis, keepdim=True).log()}
    if axis % X.ndim != X.ndim - 1:
        found[MISTAKE.axis_ignored] = lambda: torch_log_softmax(X, dim=-1)
    return found


# On rows far apart, one max for the whole array underflows a whole row: log(0) there means that mistake.
CASES = softmax_cases("log_softmax", torch_log_softmax, variants, first_seed=200,
                      warnings={"overflow": MISTAKE.no_max, "divide by zero": MISTAKE.log_of_softmax,
                                "invalid value": MISTAKE.no_max},
                      far_apart={"overflow": MISTAKE.no_max, "divide by zero": MISTAKE.global_max,
                                 "invalid value": MISTAKE.global_max})

SPEED = softmax_speed("log_softmax", limit=10, reference=torch_log_softmax, reference_name="torch.log_softmax")
