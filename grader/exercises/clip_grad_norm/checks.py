"""Checks of exercises/clip_grad_norm.py against torch.nn.utils.clip_grad_norm_ in float64."""
from __future__ import annotations

import numpy as np
import torch
from torch.nn.utils import clip_grad_norm_ as torch_clip_grad_norm_  # bound before the learner's code runs

from grader.check import Cases, CheckFailure, Speed, call_without_warnings, describe, expect_close, mistakes, tolerance
from grader.check.family.optimization import parameter

MISTAKE = mistakes("clip_grad_norm")
TOLERANCE = {"float32": (1e-5, 1e-6), "float64": (1e-10, 1e-14)}
# Dividing by the norm without the 1e-6 is what divides by zero on all-zero gradients.
WARNINGS = dict.fromkeys(("divide by zero", "invalid value"), MISTAKE.no_eps)


def flat(tensors):  # (sum of the sizes,)
    return torch.cat([t.reshape(-1) for t in tensors]) if tensors else torch.zeros(0, dtype=torch.float64)


def check_case(clip_grad_norm, grads, max_norm):
    case = describe(**{f"grads[{i}]": g for i, g in enumerate(grads)}, max_norm=max_norm) if grads \
        else f"grads=[], max_norm={max_norm!r}"
    originals = list(grads)  # the caller's arrays: these must end up clipped
    before = [g.copy() for g in grads]
    params = [parameter(g, g, torch.float64) for g in before]
    expected_total = torch_clip_grad_norm_(params, max_norm).double()
    dtype = grads[0].dtype if grads else np.dtype(np.float64)
    rtol, atol = tolerance(dtype)  # the returned norm is a float64, held to the gradients' tolerance
    G = [torch.from_numpy(g).double() for g in before]
    norms = torch.stack([g.norm() for g in G]) if G else torch.zeros(0, dtype=torch.float64)
    total, n = float(expected_total), len(G)
    scaled = lambda coefs: flat([g * c for g, c in zip(G, coefs)])  # noqa: E731

    got_total = call_without_warnings(clip_grad_norm, grads, max_norm, case=case, mistakes=WARNINGS)
    # The clipped gradients first: they are what training uses.
    replaced = len(grads) != len(originals) or any(a is not b for a, b in zip(grads, originals))
    unchanged = all(np.array_equal(a, b) for a, b in zip(originals, before))
    if grads and unchanged and (replaced or total > max_norm * 1.001):  # clearly needed clipping, none happened
        raise CheckFailure("the gradient arrays you were given are unchanged" + (
            " (the list now holds new arrays)" if replaced else ""), case=case, mistake=MISTAKE.not_in_place)
    mistakes = {MISTAKE.per_tensor: lambda: scaled([min(max_norm / (float(v) + 1e-6), 1.0) for v in norms]),
                MISTAKE.sum_of_norms: lambda: scaled([min(max_norm / (float(norms.sum()) + 1e-6), 1.0)] * n),
                MISTAKE.no_sqrt: lambda: scaled([min(max_norm / (total**2 + 1e-6), 1.0)] * n),
                MISTAKE.no_clamp: lambda: scaled([max_norm / (total + 1e-6)] * n),
                MISTAKE.only_above: lambda: scaled([max_norm / (total + 1e-6) if total > max_norm else 1.0] * n),
                MISTAKE.no_eps: lambda: scaled([min(max_norm / total, 1.0)] * n)}  # after ONLY_ABOVE: equal at total == max
    got = np.concatenate([np.ravel(g) for g in originals]) if originals else np.zeros(0, dtype)  # (sum of the sizes,)
    expect_close(got, flat([P.grad for P in params]), dtype=dtype, mistakes=mistakes,
                 case=case + " — the clipped gradients (all flattened, in order)")
    for a, b in zip(originals, before):
        if a.dtype != b.dtype:
            raise CheckFailure(f"a gradient changed dtype from {b.dtype} to {a.dtype}", case=case)
    if isinstance(got_total, (np.ndarray, np.generic, float, int)) and not isinstance(got_total, bool) \
            and np.ndim(got_total) == 0:
        got_total = np.asarray(float(got_total))  # a float, a NumPy scalar or an int: compared as a 0-d array
    expect_close(got_total, expected_total, case=case + " — the returned total norm", dtype=np.float64,
                 rtol=rtol, atol=atol, mistakes={MISTAKE.norm_after: lambda: torch.from_numpy(got).double().norm(),
                                                 MISTAKE.sum_of_norms: lambda: norms.sum(),
                                                 MISTAKE.no_sqrt: lambda: expected_total**2})


def given(*arrays, dtype=np.float64):
    return lambda: [np.array(a, dtype=dtype) for a in arrays]


def random(seed, shapes, scale=1.0, dtype=np.float64):
    def make():
        rng = np.random.default_rng(seed)
        return [(rng.standard_normal(s) * scale).astype(dtype) for s in shapes]
    return make


# Inputs are built afresh for every check.
NAMED_CASES = {
    "smallest: one gradient [3, 4] (norm 5), max_norm 1": (given([3.0, 4.0]), 1.0),
    "norm below max_norm (unchanged)": (given([0.3, -0.4], [[0.1, 0.2]]), 10.0),
    "norm equal to max_norm": (given([3.0, 4.0]), 5.0),
    "several arrays of different shapes": (random(1, [(3, 4), (5,), (2, 3, 2)]), 1.5),
    "one large and one small array": (given([30.0, -40.0], [0.01, 0.02, -0.03]), 5.0),
    "tiny gradients (the 1e-6 matters)": (random(2, [(4,), (3, 2)], scale=1e-5), 1e-5),
    "all-zero gradients": (given([0.0, 0.0], [[0.0], [0.0]]), 1.0),
    "empty list": (lambda: [], 1.0),
    "float32 gradients": (random(3, [(4, 3), (6,)], scale=3.0, dtype=np.float32), 2.0),
    "integer max_norm": (random(4, [(5,), (2, 2)], scale=4.0), 1),
}


def random_params(seed):
    rng = np.random.default_rng(700 + seed)
    shapes = [tuple(int(n) for n in rng.integers(1, 5, size=int(rng.integers(1, 4)))) for _ in range(rng.integers(1, 5))]
    make = random(seed, shapes, scale=float(10 ** rng.uniform(-1, 1)), dtype=[np.float32, np.float64][seed % 2])
    return make, float(np.round(rng.uniform(0.5, 3), 2))


CASES = Cases(lambda target, params: check_case(target.clip_grad_norm, params[0](), params[1]), NAMED_CASES,
              random_params, seeds=3)


def speed_setup(target, device):
    grads = random(0, [(2**18,)] * 4, scale=1.0, dtype=np.float32)()
    params = [parameter(np.zeros_like(g), g) for g in grads]
    return (lambda: target.clip_grad_norm(grads, 1.0), lambda: torch_clip_grad_norm_(params, 1.0),
            "4 float32 arrays of 2**18 values, max_norm=1.0")


SPEED = Speed(speed_setup, limit=12, reference="clip_grad_norm_")
