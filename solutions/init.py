"""Xavier (Glorot) and Kaiming (He) initialisation in NumPy, like torch.nn.init."""
from __future__ import annotations

import math

import numpy as np


def _fans(shape: tuple[int, ...]) -> tuple[int, int]:
    """fan_in, fan_out as torch computes them: weights are (out, in, *kernel)."""
    if len(shape) < 2:
        raise ValueError("fan in and fan out can not be computed for a shape with fewer than 2 dimensions")
    receptive_field = math.prod(shape[2:])  # kH * kW for a conv2d weight, 1 for a linear one
    return shape[1] * receptive_field, shape[0] * receptive_field


def _gain(nonlinearity: str, a: float) -> float:
    """torch.nn.init.calculate_gain(nonlinearity, a)."""
    if nonlinearity in ("linear", "sigmoid") or nonlinearity.startswith(("conv", "conv_transpose")):
        return 1.0
    if nonlinearity == "tanh":
        return 5.0 / 3
    if nonlinearity == "relu":
        return math.sqrt(2.0)
    if nonlinearity == "leaky_relu":
        return math.sqrt(2.0 / (1 + a * a))
    if nonlinearity == "selu":
        return 3.0 / 4
    raise ValueError(f"unsupported nonlinearity {nonlinearity!r}")


def _kaiming_std(shape, a, mode, nonlinearity) -> float:
    fan_in, fan_out = _fans(shape)
    fan = {"fan_in": fan_in, "fan_out": fan_out}[mode]
    return _gain(nonlinearity, a) / math.sqrt(fan)


def xavier_uniform(shape: tuple[int, ...], gain: float = 1.0, rng: np.random.Generator | None = None) -> np.ndarray:
    """Reference solution: U(-b, b) with b = gain * sqrt(6 / (fan_in + fan_out))."""
    rng = np.random.default_rng() if rng is None else rng
    fan_in, fan_out = _fans(tuple(shape))
    bound = gain * math.sqrt(6.0 / (fan_in + fan_out))  # sqrt(3) * std: U(-b, b) has variance b^2 / 3
    return rng.uniform(-bound, bound, size=shape)


def xavier_normal(shape: tuple[int, ...], gain: float = 1.0, rng: np.random.Generator | None = None) -> np.ndarray:
    """Reference solution: N(0, std^2) with std = gain * sqrt(2 / (fan_in + fan_out))."""
    rng = np.random.default_rng() if rng is None else rng
    fan_in, fan_out = _fans(tuple(shape))
    return rng.normal(0.0, gain * math.sqrt(2.0 / (fan_in + fan_out)), size=shape)


def kaiming_uniform(shape: tuple[int, ...], a: float = 0, mode: str = "fan_in", nonlinearity: str = "leaky_relu",
                    rng: np.random.Generator | None = None) -> np.ndarray:
    """Reference solution: U(-b, b) with b = sqrt(3) * gain / sqrt(fan)."""
    rng = np.random.default_rng() if rng is None else rng
    bound = math.sqrt(3.0) * _kaiming_std(tuple(shape), a, mode, nonlinearity)
    return rng.uniform(-bound, bound, size=shape)


def kaiming_normal(shape: tuple[int, ...], a: float = 0, mode: str = "fan_in", nonlinearity: str = "leaky_relu",
                   rng: np.random.Generator | None = None) -> np.ndarray:
    """Reference solution: N(0, std^2) with std = gain / sqrt(fan)."""
    rng = np.random.default_rng() if rng is None else rng
    return rng.normal(0.0, _kaiming_std(tuple(shape), a, mode, nonlinearity), size=shape)
