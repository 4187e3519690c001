"""Correct: standard draws (rng.random, rng.standard_normal) scaled by hand; fans via np.prod."""
import numpy as np


def _fans(shape):
    shape = tuple(shape)
    if len(shape) < 2:
        raise ValueError(f"shape {shape} has no fan_in/fan_out")
    rf = int(np.prod(shape[2:]))  # np.prod(()) == 1
    return shape[1] * rf, shape[0] * rf


def _gain(nonlinearity, a):
    if nonlinearity == "leaky_relu":
        return np.sqrt(2.0 / (1 + a**2))
    return {"relu": np.sqrt(2.0), "tanh": 5 / 3, "selu": 3 / 4}.get(nonlinearity, 1.0)


def _kaiming_std(shape, a, mode, nonlinearity):
    fan_in, fan_out = _fans(shape)
    return _gain(nonlinearity, a) / np.sqrt(fan_out if mode == "fan_out" else fan_in)


def xavier_uniform(shape, gain=1.0, rng=None):
    rng = np.random.default_rng() if rng is None else rng
    b = gain * np.sqrt(6.0 / sum(_fans(shape)))
    return (2 * rng.random(shape) - 1) * b


def xavier_normal(shape, gain=1.0, rng=None):
    rng = np.random.default_rng() if rng is None else rng
    return rng.standard_normal(shape) * (gain * np.sqrt(2.0 / sum(_fans(shape))))


def kaiming_uniform(shape, a=0, mode="fan_in", nonlinearity="leaky_relu", rng=None):
    rng = np.random.default_rng() if rng is None else rng
    b = np.sqrt(3.0) * _kaiming_std(shape, a, mode, nonlinearity)
    return (2 * rng.random(shape) - 1) * b


def kaiming_normal(shape, a=0, mode="fan_in", nonlinearity="leaky_relu", rng=None):
    rng = np.random.default_rng() if rng is None else rng
    return rng.standard_normal(shape) * _kaiming_std(shape, a, mode, nonlinearity)
