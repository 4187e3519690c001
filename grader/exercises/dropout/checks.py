"""Checks of exercises/dropout.py: exact edge cases and statistical properties of the masks.

Dropout is random, so there is no single right output to compare with. The oracle is the
specification itself: exact where it is deterministic (eval, p = 0, p = 1, the value of every
kept element, gradients) and statistical elsewhere. Every statistical check uses a fixed seed and
a bound of 6 standard deviations of the binomial (or of the mean) it tests: a correct
implementation lands outside it about once in 500 million draws, while each classic mistake
lands tens or hundreds of deviations away.
"""
from __future__ import annotations

import math

import pytest
import torch
from torch.nn.functional import dropout as torch_dropout  # bound before the learner's code runs

from grader.check import Cases, CheckFailure, OnDevice, Speed, call, expect_on_device, mistakes, record_reproduced
from grader.check.family.normalization import case_text, expect_tensor

MISTAKE = mistakes("dropout")
SIGMAS = 6


def make_x(shape, seed=0, dtype=torch.float32, device="cpu"):
    """Values in [0.5, 1.5): never 0, so an output of exactly 0 always means 'dropped'."""
    g = torch.Generator().manual_seed(seed)
    return (torch.rand(shape, generator=g, dtype=torch.float64) + 0.5).to(dtype=dtype, device=device)


def run(dropout, x, p, training=True, seed=0):
    """Call the learner's dropout after seeding torch; check type, shape, dtype, device, in-place."""
    case = case_text(x=x, p=p, training=training) + f", after torch.manual_seed({seed})"
    before = x.clone()
    torch.manual_seed(seed)
    out = call(dropout, x, p, training)
    if not torch.equal(before, x):  # dropout's own in-place mistake, not the generic one
        raise CheckFailure("your function modified its input x in place", case=case, mistake=MISTAKE.in_place)
    if not isinstance(out, torch.Tensor):
        kind = "None (did you forget to `return`?)" if out is None else type(out).__name__
        raise CheckFailure(f"expected a torch.Tensor, your function returned {kind}", case=case)
    if out.shape != x.shape:
        raise CheckFailure(f"wrong output shape: got {tuple(out.shape)}, expected {tuple(x.shape)}", case=case)
    if out.dtype != x.dtype:
        raise CheckFailure(f"wrong dtype: got {out.dtype}, expected {x.dtype} (the input's dtype)", case=case)
    expect_on_device(out, x.device, case=case, advice="draw the mask on x's device (torch.rand_like(x))")
    if x.numel() and training and 0 < p < 1 and out.data_ptr() == x.data_ptr():
        raise CheckFailure("your output shares its memory with x: dropout must return a new tensor",
                           case=case, mistake=MISTAKE.in_place)
    return out.detach().to("cpu", torch.float64), case


def binomial_bound(prob, n):
    return SIGMAS * math.sqrt(prob * (1 - prob) / n) + 1 / n


def expect_fraction(hits, prob, *, what, case, mistakes={}):
    """The fraction of True in `hits` must be within 6 sigma of prob; otherwise name the mistake whose
    fraction it matches."""
    observed, n = int(hits.sum()), hits.numel()
    frac = observed / n
    bound = binomial_bound(prob, n)
    if abs(frac - prob) <= bound:
        return
    mistake = record_reproduced(next((m for m, alt in mistakes.items() if abs(frac - alt) <= binomial_bound(alt, n)), None))
    raise CheckFailure(f"{what}: {frac:.4f} ({observed} of {n}), expected {prob:.4f} ± {bound:.4f} "
                       f"({SIGMAS} standard deviations of a binomial: a correct implementation falls "
                       "outside about once in 500 million runs)", case=case, mistake=mistake)


def expect_kept_scaled(out, x, p, case):
    kept = out != 0
    if not torch.allclose(out[kept], x.double().cpu()[kept] / (1 - p), rtol=1e-6, atol=0):
        raise CheckFailure("the kept elements are not x / (1 - p)", case=case)


# ---------------------------------------------------------------- exact edge cases

@pytest.mark.parametrize("p", [0.5, 0.3, 1.0], ids=lambda p: f"p={p}")
def test_eval_is_the_identity(target, p):
    x = make_x((64, 32))
    out, case = run(target.dropout, x, p, training=False)
    x64 = x.double()
    if torch.equal(out, x64):
        return
    zeros = int((out == 0).sum())
    # x * (1 - p) first: at p = 1 it is all zeros too, which is not dropout left on.
    mistake = record_reproduced(MISTAKE.scaled_in_eval) if torch.allclose(out, x64 * (1 - p)) else \
        MISTAKE.active_in_eval if zeros else None
    what = f"{zeros} of {x.numel()} elements were dropped" if zeros else "the values changed"
    raise CheckFailure(f"with training=False the output must equal x exactly; {what}", case=case, mistake=mistake)


def test_p_zero_keeps_everything(target):
    x = make_x((64, 32), seed=1)
    out, case = run(target.dropout, x, 0.0)
    if not torch.equal(out, x.double()):
        zeros = int((out == 0).sum())
        # A mask `rand < p` keeps nothing at p = 0: every element dropped is what that variant gives.
        everything = zeros == x.numel() and bool((x != 0).all())
        raise CheckFailure(f"with p = 0 nothing is dropped and the scale is 1: the output must equal x exactly "
                           f"({zeros} elements were dropped)", case=case,
                           mistake=record_reproduced(MISTAKE.p_as_keep) if everything else None)


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64], ids=lambda d: str(d).replace("torch.", ""))
def test_p_one_drops_everything(target, dtype):
    x = make_x((64, 32), seed=2, dtype=dtype)
    out, case = run(target.dropout, x, 1.0)
    if torch.isnan(out).any():
        raise CheckFailure(f"with p = 1 the output contains NaN ({int(torch.isnan(out).sum())} elements)",
                           case=case, mistake=MISTAKE.nan_at_p1)
    if (out != 0).any():
        raise CheckFailure(f"with p = 1 every element must be dropped: {int((out != 0).sum())} are not zero",
                           case=case)


SHAPES = {"empty tensor": (0, 5), "1-D": (50,), "3-D": (4, 5, 6), "float64": (20, 10)}


@pytest.mark.parametrize("name", SHAPES, ids=SHAPES.keys())
def test_shape_and_dtype_kept(target, name):
    x = make_x(SHAPES[name], seed=3, dtype=torch.float64 if name == "float64" else torch.float32)
    out, case = run(target.dropout, x, 0.4)
    expect_kept_scaled(out, x, 0.4, case)


# ---------------------------------------------------------------- statistics of the mask

def test_fresh_mask_on_every_call(target):
    p = 0.3
    x = make_x((256, 512), seed=7)
    first, case = run(target.dropout, x, p, seed=13)
    second = call(target.dropout, x, p, True).detach().to("cpu", torch.float64)  # no reseeding in between
    a, b = first == 0, second == 0
    if torch.equal(a, b):
        raise CheckFailure("two calls in a row dropped exactly the same elements", case=case, mistake=MISTAKE.same_mask)
    expect_fraction(a == b, p * p + (1 - p) ** 2, case=case, mistakes={MISTAKE.same_mask: 1.0},
                    what="fraction of elements on which two calls agree (independent masks: p² + (1-p)²)")


def test_every_element_gets_its_own_coin_flip(target):
    x = make_x((32, 32, 64), seed=8)
    out, case = run(target.dropout, x, 0.5, seed=14)
    dropped = out == 0
    shared = lambda axis: MISTAKE.shared_rows if axis == 0 else MISTAKE.shared_axis  # noqa: E731
    for axis in range(x.dim()):
        first = dropped.select(axis, 0)
        if all(torch.equal(first, dropped.select(axis, i)) for i in range(1, x.shape[axis])):
            raise CheckFailure(f"the mask is the same at every index of axis {axis}", case=case, mistake=shared(axis))
    for axis in range(x.dim()):
        # Disjoint pairs of slices (0, 1), (2, 3), … agree on half their elements when independent.
        even, odd = dropped.index_select(axis, torch.arange(0, x.shape[axis], 2)), \
            dropped.index_select(axis, torch.arange(1, x.shape[axis], 2))
        expect_fraction(even == odd, 0.5, case=case, mistakes={shared(axis): 1.0},
                        what=f"fraction of agreement between neighbouring slices along axis {axis}")


# The ends of p's range too: 0.01 (a few hundred drops in 10^5, 6 sigma is 0.002) and 0.99.
@pytest.mark.parametrize("p", [0.01, 0.1, 0.3, 0.5, 0.8, 0.99], ids=lambda p: f"p={p}")
def test_fraction_dropped_is_p(target, p):
    x = make_x((200, 500), seed=4)
    out, case = run(target.dropout, x, p, seed=10)
    expect_fraction(out == 0, p, what="fraction of elements dropped", case=case,
                    mistakes={MISTAKE.p_as_keep: 1 - p})


@pytest.mark.parametrize("p", [0.01, 0.3, 0.75, 0.99], ids=lambda p: f"p={p}")
def test_kept_values_are_scaled_by_1_over_1_minus_p(target, p):
    x = make_x((100, 100), seed=5)
    out, case = run(target.dropout, x, p, seed=11)
    kept = out != 0
    got, x64 = out[kept], x.double()[kept]
    if torch.allclose(got, x64 / (1 - p), rtol=1e-6, atol=0):
        return
    ratio = (got / x64).median().item() if got.numel() else float("nan")
    scales = {MISTAKE.no_scale: 1.0, MISTAKE.wrong_scale: 1 - p, MISTAKE.p_as_keep: 1 / p}
    mistake = record_reproduced(next((m for m, scale in scales.items()
                                      if got.numel() and torch.allclose(got, x64 * scale, rtol=1e-6, atol=0)), None))
    raise CheckFailure(f"every kept element must equal x / (1 - p) = x * {1 / (1 - p):.4f}; yours are "
                       f"x * {ratio:.4f} (median)", case=case, mistake=mistake)


@pytest.mark.parametrize("p", [0.2, 0.6], ids=lambda p: f"p={p}")
def test_mean_is_preserved(target, p):
    x = make_x((400, 500), seed=6)
    out, case = run(target.dropout, x, p, seed=12)
    x64 = x.double()
    # Var(mean(out)) = p / (1 - p) * mean(x^2) / n for independent Bernoulli masks.
    bound = SIGMAS * math.sqrt(p / (1 - p) * (x64 ** 2).mean().item() / x.numel())
    got, want = out.mean().item(), x64.mean().item()
    if abs(got - want) <= bound:
        return
    # The mean each mistake gives: kept with probability 1 - p (or p, for a mask `rand < p`), times its scale.
    scales = {MISTAKE.no_scale: 1 - p, MISTAKE.wrong_scale: (1 - p) ** 2, MISTAKE.p_as_keep: p / (1 - p)}
    mistake = record_reproduced(next((m for m, scale in scales.items() if abs(got - want * scale) <= bound), None))
    raise CheckFailure(f"the mean of the output is {got:.4f}, the mean of x {want:.4f}: inverted dropout keeps "
                       f"the mean (allowed ± {bound:.4f}, {SIGMAS} standard deviations)", case=case, mistake=mistake)


def test_reproducible_with_torch_manual_seed(target):
    x = make_x((64, 64), seed=9)
    first, case = run(target.dropout, x, 0.5, seed=15)
    second, _ = run(target.dropout, x, 0.5, seed=15)
    if not torch.equal(first, second):
        raise CheckFailure("after the same torch.manual_seed(15), two calls gave different masks",
                           case=case, mistake=MISTAKE.not_torch_rng)


def test_gradient_flows_through_the_kept_elements(target):
    p = 0.4
    x = make_x((50, 40), seed=10, dtype=torch.float64).requires_grad_(True)
    case = case_text(x=x, p=p, training=True) + ", after torch.manual_seed(16)"
    torch.manual_seed(16)
    out = call(target.dropout, x, p, True)
    expect_tensor(out, case=case)
    if out.grad_fn is None:
        raise CheckFailure("your output has no grad_fn: no gradient can reach x", case=case,
                           mistake=MISTAKE.outside_autograd)
    g = torch.randn(x.shape, generator=torch.Generator().manual_seed(0), dtype=torch.float64)
    (grad,) = call(lambda: torch.autograd.grad((out * g).sum(), [x]))
    expected = g * (out.detach() != 0) / (1 - p)  # d out / d x = mask / (1 - p)
    if not torch.allclose(grad, expected, rtol=1e-10, atol=1e-12):
        raise CheckFailure("the gradient of x must be mask / (1 - p) times the incoming gradient "
                           f"(max difference {(grad - expected).abs().max().item():.3g})", case=case)


def check_on_device(target, ps, device="cpu"):
    """The main properties again, on each device."""
    x = make_x((200, 500), seed=11, device=device)
    for p in ps:
        out, case = run(target.dropout, x, p, seed=17)
        expect_fraction(out == 0, p, what="fraction of elements dropped", case=case,
                        mistakes={MISTAKE.p_as_keep: 1 - p})
        expect_kept_scaled(out, x, p, case)
    out, case = run(target.dropout, x, 1.0)
    if torch.isnan(out).any() or (out != 0).any():
        raise CheckFailure("with p = 1 the output must be all zeros", case=case, mistake=MISTAKE.nan_at_p1
                           if torch.isnan(out).any() else None)
    out, case = run(target.dropout, x, 0.5, training=False)
    if not torch.equal(out, x.double().cpu()):
        raise CheckFailure("with training=False the output must equal x", case=case)


# one check per device: "on device [cpu]", and "on device on cuda"
CASES = Cases(check_on_device, {"cpu": (0.25, 0.7)}, cuda=True, name="on device")

# The mask drawn on x's device, on every machine (a mask made with torch.rand(x.shape) is on the CPU).
DEVICE = OnDevice(lambda target, device: call(target.dropout, make_x((64, 32), device=device), 0.5, True),
                  case="x (64, 32) float32, p=0.5, training=True",
                  advice="draw the mask on x's device: torch.rand_like(x), or device=x.device")


def speed_setup(target, device):
    x = make_x({"cpu": (8192, 32), "cuda": (8192, 4096)}[device], device=device)
    return (lambda: target.dropout(x, 0.3, True), lambda: torch_dropout(x, 0.3, True),
            case_text(x=x, p=0.3, training=True))


SPEED = Speed(speed_setup, limit={"cpu": 6, "cuda": 10}, reference="torch dropout")
