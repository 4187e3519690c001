"""Checks of exercises/init.py: statistics of the draws against torch.nn.init's bounds and standard deviations.

The oracle: torch.nn.init's own fan computation and gain table, with the formulas of its
documentation (bound = gain * sqrt(6 / (fan_in + fan_out)), std = gain / sqrt(fan), ...).
Random draws cannot be compared value by value, so each check tests a property that a right
implementation has with overwhelming probability (every bound below is 7 standard errors or
e^-28 wide: a correct solution fails one by chance about once in 10^11 runs).
"""
from __future__ import annotations

import math

import numpy as np
import pytest
import torch
from torch.nn.init import _calculate_fan_in_and_fan_out, calculate_gain  # bound before the learner's code

from grader.check import Cases, CheckFailure, LearnerCrash, Speed, call, mistakes

MISTAKE = mistakes("init")
NAMES = ("xavier_uniform", "xavier_normal", "kaiming_uniform", "kaiming_normal")
TORCH_INIT = tuple(getattr(torch.nn.init, name + "_") for name in NAMES)  # bound before the learner's code

Z = 7.0  # standard errors allowed in every statistical test
P_TAIL = math.erfc(2 / math.sqrt(2))  # P(|N(0, 1)| > 2) = 0.0455


def fans(shape, *, swap=False, receptive=True):
    fan_in, fan_out = _calculate_fan_in_and_fan_out(torch.empty(shape))
    if not receptive:
        rf = math.prod(shape[2:])
        fan_in, fan_out = fan_in // rf, fan_out // rf
    return (fan_out, fan_in) if swap else (fan_in, fan_out)


def target_std(name, shape, kwargs, mistake=None) -> float:
    """The standard deviation torch.nn.init gives, or the one `mistake` (its exercise.toml key) would give."""
    fan_in, fan_out = fans(shape, swap=mistake == "fans_swapped", receptive=mistake != "receptive_field")
    if name.startswith("xavier"):
        gain = 1.0 if mistake == "gain_ignored" else kwargs.get("gain", 1.0)
        var = {"lecun": 1 / fan_in, "no_average": 1 / (fan_in + fan_out)}.get(mistake, 2 / (fan_in + fan_out))
        return gain**2 * var if mistake == "no_sqrt" else gain * math.sqrt(var)
    a = 0 if mistake in ("slope_ignored", "nonlinearity_ignored") else kwargs.get("a", 0)
    nonlinearity = "leaky_relu" if mistake == "nonlinearity_ignored" else kwargs.get("nonlinearity", "leaky_relu")
    fan = fan_in if (kwargs.get("mode", "fan_in") == "fan_in") != (mistake == "mode_ignored") else fan_out
    gain = calculate_gain(nonlinearity, a)
    return gain**2 / fan if mistake == "no_sqrt" else gain / math.sqrt(fan)


# The mistakes of scale, in the order they are tried; each changes nothing where it does not apply.
SCALE_MISTAKES = ("mode_ignored", "fans_swapped", "no_sqrt", "receptive_field", "lecun", "no_average", "gain_ignored",
                  "slope_ignored", "nonlinearity_ignored")


def scale_mistakes(name, shape, kwargs) -> dict:
    """Each classic mistake and the std it would give in this case."""
    right, found = target_std(name, shape, kwargs), {}
    for key in SCALE_MISTAKES:
        if key == "mode_ignored" and kwargs.get("mode", "fan_in") == "fan_in":
            continue  # ignoring the mode means using fan_in: right here
        std = target_std(name, shape, kwargs, key)
        if not math.isclose(std, right, rel_tol=0.05):  # a mistake that changes nothing here is no diagnosis
            found[getattr(MISTAKE, key)] = std
    if name.endswith("uniform"):
        found[MISTAKE.bound_is_std] = right / math.sqrt(3)
    else:
        found[MISTAKE.std_is_bound] = right * math.sqrt(3)
    return found


def draw(fn, shape, kwargs, seed, case):
    w = call(fn, shape, rng=np.random.default_rng(seed), **kwargs)
    if not isinstance(w, np.ndarray):
        raise CheckFailure(f"expected a NumPy array but your function returned a {type(w).__name__}", case=case)
    if w.shape != tuple(shape):
        raise CheckFailure(f"wrong shape: got {w.shape}, expected {tuple(shape)}", case=case)
    if w.dtype != np.float64:
        raise CheckFailure(f"wrong dtype: got {w.dtype}, expected float64", case=case)
    if not np.isfinite(w).all():
        raise CheckFailure("the weights contain NaN or Inf", case=case)
    return w


def uniform_fits(w, bound) -> bool:
    n, top = w.size, float(np.abs(w).max())
    # All within the bound; the largest |w| of n uniform draws falls short of it by more than
    # a fraction 28/n with probability (1 - 28/n)**n < e**-28.
    return top <= bound * (1 + 1e-9) and top >= bound * (1 - 28 / n)


def normal_fits(w, std) -> bool:
    # The sample std of n normal draws has a relative standard error of 1/sqrt(2n).
    return abs(float(w.std()) / std - 1) <= Z / math.sqrt(2 * w.size)


def check_init(module, name, shape, kwargs, seed=0):
    args = "".join(f", {k}={v!r}" for k, v in kwargs.items())
    case = f"{name}(shape={tuple(shape)}{args}, rng=default_rng({seed}))"
    w = draw(getattr(module, name), shape, kwargs, seed, case)
    n, std = w.size, target_std(name, shape, kwargs)
    mean, sample_std, top = float(w.mean()), float(w.std()), float(np.abs(w).max())
    stats = f"{n} values: mean {mean:.3g}, std {sample_std:.4g}, max |w| {top:.4g}"
    fan_in, fan_out = fans(shape)
    where = f"fan_in = {fan_in}, fan_out = {fan_out}"
    if abs(mean) > Z * max(sample_std, 1e-300) / math.sqrt(n):
        raise CheckFailure(f"the weights are not centred at 0 ({stats})", case=case, mistake=MISTAKE.not_centred)
    mistakes = scale_mistakes(name, shape, kwargs)
    if name.endswith("uniform"):
        bound = math.sqrt(3) * std
        if uniform_fits(w, bound) and abs(sample_std / std - 1) <= Z * 0.45 / math.sqrt(n):
            return
        named = next((m for m, s in mistakes.items() if uniform_fits(w, math.sqrt(3) * s)), None)
        if named is None and top > bound and np.mean(np.abs(w) > 2 * sample_std) > P_TAIL / 2:
            named = MISTAKE.normal_not_uniform
        raise CheckFailure(f"expected U(-{bound:.4g}, {bound:.4g}) ({where}): every |w| <= the bound and the "
                           f"largest within {28 / n:.2%} of it; got {stats}", case=case, mistake=named)
    tail = float(np.mean(np.abs(w) > 2 * std))
    tail_ok = abs(tail - P_TAIL) <= Z * math.sqrt(P_TAIL * (1 - P_TAIL) / n)
    if normal_fits(w, std) and tail_ok:
        return
    named = next((m for m, s in mistakes.items() if normal_fits(w, s)), None)
    if named is None and normal_fits(w, std) and top < 2 * std:  # nothing beyond 2 std: a uniform
        named = MISTAKE.uniform_not_normal
    raise CheckFailure(f"expected N(0, {std:.4g}**2) ({where}): std within {Z / math.sqrt(2 * n):.1%} of "
                       f"{std:.4g} and {P_TAIL:.1%} of the values beyond 2 std; got {stats}, "
                       f"{tail:.2%} beyond 2 std", case=case, mistake=named)


STATISTICS_CASES = {
    "xavier_uniform: smallest, linear (256, 64)": ("xavier_uniform", (256, 64), {}),
    "xavier_uniform: conv (64, 32, 3, 3), gain 5/3": ("xavier_uniform", (64, 32, 3, 3), dict(gain=5 / 3)),
    "xavier_normal: linear (64, 256)": ("xavier_normal", (64, 256), {}),
    "xavier_normal: conv (48, 16, 5, 5), gain 2": ("xavier_normal", (48, 16, 5, 5), dict(gain=2.0)),
    "kaiming_uniform: defaults (a=0, leaky_relu), linear (256, 64)": ("kaiming_uniform", (256, 64), {}),
    "kaiming_uniform: a=sqrt(5) (nn.Conv2d's default), conv (64, 32, 3, 3)":
        ("kaiming_uniform", (64, 32, 3, 3), dict(a=math.sqrt(5))),
    "kaiming_uniform: mode fan_out, relu, linear (256, 64)":
        ("kaiming_uniform", (256, 64), dict(mode="fan_out", nonlinearity="relu")),
    "kaiming_uniform: tanh, linear (64, 256)": ("kaiming_uniform", (64, 256), dict(nonlinearity="tanh")),
    "kaiming_normal: defaults, linear (256, 64)": ("kaiming_normal", (256, 64), {}),
    "kaiming_normal: mode fan_out, relu (ResNet), conv (64, 32, 3, 3)":
        ("kaiming_normal", (64, 32, 3, 3), dict(mode="fan_out", nonlinearity="relu")),
    "kaiming_normal: linear nonlinearity, (128, 192)": ("kaiming_normal", (128, 192), dict(nonlinearity="linear")),
    "kaiming_normal: leaky_relu a=0.2, conv1d (64, 32, 9)": ("kaiming_normal", (64, 32, 9), dict(a=0.2)),
}


@pytest.mark.parametrize("name", NAMES)
def test_shape_and_dtype(target, name):
    case = f"{name}(shape=(3, 2), rng=default_rng(0))"
    w = draw(getattr(target, name), (3, 2), {}, 0, case)
    if name.endswith("uniform") and np.abs(w).max() > math.sqrt(3) * target_std(name, (3, 2), {}) * (1 + 1e-9):
        raise CheckFailure("a value lies outside the bound", case=case)


CASES = Cases(lambda target, params: check_init(target, *params), STATISTICS_CASES, name="matches torch statistics")


@pytest.mark.parametrize("name", NAMES)
def test_uses_the_rng(target, name):
    fn, shape = getattr(target, name), (16, 8)
    case = f"{name}(shape={shape}) called with default_rng(1) twice, then default_rng(2)"
    first = call(fn, shape, rng=np.random.default_rng(1))
    again = call(fn, shape, rng=np.random.default_rng(1))
    other = call(fn, shape, rng=np.random.default_rng(2))
    if not np.array_equal(first, again) or np.array_equal(first, other):
        raise CheckFailure("the same seed must give the same weights, and another seed other weights",
                           case=case, mistake=MISTAKE.rng_ignored)
    w = call(fn, shape)  # rng=None: a fresh generator
    if not isinstance(w, np.ndarray) or w.shape != shape:
        raise CheckFailure("with rng=None, draw from a fresh np.random.default_rng()", case=f"{name}(shape={shape})")


@pytest.mark.parametrize("name", NAMES)
def test_one_dimensional_shape_raises(target, name):
    case = f"{name}(shape=(5,))"
    try:
        call(getattr(target, name), (5,), rng=np.random.default_rng(0))
    except LearnerCrash as crash:
        if str(crash).startswith("ValueError"):
            return
        raise CheckFailure(f"expected a ValueError (no fans for fewer than 2 dimensions), got {crash}",
                           case=case) from None
    raise CheckFailure("expected a ValueError: fan_in and fan_out need at least 2 dimensions, as in torch",
                       case=case, mistake=MISTAKE.one_d_accepted)


def speed_setup(target, device):
    shape, rng = (128, 64, 3, 3), np.random.default_rng(0)
    W = torch.empty(shape, dtype=torch.float64)

    def learner():
        for name in NAMES:
            getattr(target, name)(shape, rng=rng)

    def reference():
        for init in TORCH_INIT:
            init(W)
    return learner, reference, f"each of the four initialisers on shape {shape}, float64"


SPEED = Speed(speed_setup, limit=8, reference="torch.nn.init")
