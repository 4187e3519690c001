"""Correct but slow: one draw per element."""
import math

import numpy as np

TOO_SLOW = True


def _fans(shape):
    if len(shape) < 2:
        raise ValueError("need at least 2 dimensions")
    rf = math.prod(shape[2:])
    return shape[1] * rf, shape[0] * rf


def _gain(nonlinearity, a):
    return {"tanh": 5 / 3, "relu": math.sqrt(2), "selu": 0.75,
            "leaky_relu": math.sqrt(2 / (1 + a * a))}.get(nonlinearity, 1.0)


def _fill(shape, draw):
    return np.array([draw() for _ in range(math.prod(shape))], dtype=np.float64).reshape(shape)


def _kaiming_std(shape, a, mode, nonlinearity):
    fan_in, fan_out = _fans(shape)
    return _gain(nonlinearity, a) / math.sqrt(fan_in if mode == "fan_in" else fan_out)


def xavier_uniform(shape, gain=1.0, rng=None):
    rng = rng or np.random.default_rng()
    b = gain * math.sqrt(6 / sum(_fans(shape)))
    return _fill(shape, lambda: rng.uniform(-b, b))


def xavier_normal(shape, gain=1.0, rng=None):
    rng = rng or np.random.default_rng()
    s = gain * math.sqrt(2 / sum(_fans(shape)))
    return _fill(shape, lambda: rng.normal(0, s))


def kaiming_uniform(shape, a=0, mode="fan_in", nonlinearity="leaky_relu", rng=None):
    rng = rng or np.random.default_rng()
    b = math.sqrt(3) * _kaiming_std(shape, a, mode, nonlinearity)
    return _fill(shape, lambda: rng.uniform(-b, b))


def kaiming_normal(shape, a=0, mode="fan_in", nonlinearity="leaky_relu", rng=None):
    rng = rng or np.random.default_rng()
    s = _kaiming_std(shape, a, mode, nonlinearity)
    return _fill(shape, lambda: rng.normal(0, s))
