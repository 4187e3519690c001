"""Not a mutant: correct pieces; each mutant in this folder changes one."""
import math

import numpy as np


def fans(shape):
    if len(shape) < 2:
        raise ValueError("need at least 2 dimensions")
    rf = math.prod(shape[2:])
    return shape[1] * rf, shape[0] * rf


def gain(nonlinearity, a):
    return {"linear": 1.0, "sigmoid": 1.0, "tanh": 5 / 3, "relu": math.sqrt(2), "selu": 0.75,
            "leaky_relu": math.sqrt(2 / (1 + a * a))}.get(nonlinearity, 1.0)


def rng_or_new(rng):
    return np.random.default_rng() if rng is None else rng


def xavier_std(shape, g, fans=fans):
    fan_in, fan_out = fans(shape)
    return g * math.sqrt(2 / (fan_in + fan_out))


def kaiming_std(shape, a, mode, nonlinearity, fans=fans, gain=gain):
    fan_in, fan_out = fans(shape)
    return gain(nonlinearity, a) / math.sqrt(fan_in if mode == "fan_in" else fan_out)


def xavier_uniform(shape, gain=1.0, rng=None):
    b = math.sqrt(3) * xavier_std(shape, gain)
    return rng_or_new(rng).uniform(-b, b, size=shape)


def xavier_normal(shape, gain=1.0, rng=None):
    return rng_or_new(rng).normal(0, xavier_std(shape, gain), size=shape)


def kaiming_uniform(shape, a=0, mode="fan_in", nonlinearity="leaky_relu", rng=None):
    b = math.sqrt(3) * kaiming_std(shape, a, mode, nonlinearity)
    return rng_or_new(rng).uniform(-b, b, size=shape)


def kaiming_normal(shape, a=0, mode="fan_in", nonlinearity="leaky_relu", rng=None):
    return rng_or_new(rng).normal(0, kaiming_std(shape, a, mode, nonlinearity), size=shape)
