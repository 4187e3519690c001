"""Xavier (Glorot) and Kaiming (He) initialisation in NumPy, like torch.nn.init.

Each function returns a NEW float64 array of the given shape, drawn from `rng`:

    w = kaiming_normal((64, 3, 7, 7), mode="fan_out", nonlinearity="relu",
                       rng=np.random.default_rng(0))

Fans, exactly as torch computes them. Weights follow PyTorch's layout: (out_features,
in_features) for nn.Linear, (C_out, C_in, kH, kW) for nn.Conv2d (any number of kernel axes):

    receptive_field = product of shape[2:]    (1 for a 2-D shape; 3 * 3 = 9 for a 3x3 kernel)
    fan_in  = shape[1] * receptive_field      (inputs that feed one output unit)
    fan_out = shape[0] * receptive_field
    A shape with fewer than 2 dimensions has no fans: raise ValueError, as torch does.

Gains, as torch.nn.init.calculate_gain(nonlinearity, a):

    "linear", "conv1d", "conv2d", "conv3d", "conv_transpose1d/2d/3d", "sigmoid"   1
    "tanh"                                                                        5/3
    "relu"                                                                        sqrt(2)
    "leaky_relu" with negative slope a                                            sqrt(2 / (1 + a**2))
    "selu"                                                                        3/4

    (kaiming_* pass their `a` as the slope: the default a=0 gives sqrt(2), like relu.)

The random generator: `rng` is a np.random.Generator; draw every number from it (rng.uniform,
rng.normal) so that the same seed gives the same weights. With rng=None, use a fresh
np.random.default_rng(). Never use the global np.random.* functions.

Rules for every function:
    - Return a float64 array of exactly `shape`.
    - NumPy only: do not import torch.
    - The checks are statistical, on tens of thousands of draws: a uniform sample must stay
      within its bound and come close to it; a normal sample's standard deviation must be
      within a few percent of the target, and its tails must look normal.
    - The speed check calls each function for a (128, 64, 3, 3) weight against torch.nn.init
      on one thread (limit 8x): draw the whole array at once, not one number at a time.
"""
from __future__ import annotations

import math

import numpy as np


def xavier_uniform(shape: tuple[int, ...], gain: float = 1.0, rng: np.random.Generator | None = None) -> np.ndarray:
    """Xavier/Glorot uniform, like torch.nn.init.xavier_uniform_.

        w ~ U(-bound, bound),   bound = gain * sqrt(6 / (fan_in + fan_out))

    The variance of U(-b, b) is b**2 / 3, so the standard deviation is
    gain * sqrt(2 / (fan_in + fan_out)): Glorot's compromise between keeping the forward
    signal's variance (1 / fan_in) and the backward gradient's (1 / fan_out).

    Args:
        shape: the weight's shape, at least 2-D, torch layout (out, in, *kernel).
        gain: a scale factor, e.g. calculate_gain("tanh") = 5/3.
        rng: the np.random.Generator to draw from, or None for np.random.default_rng().

    Returns:
        A new float64 array of the given shape.
    """
    # TODO: fans (receptive field included), the bound, then rng.uniform(-bound, bound, size=shape).
    raise NotImplementedError("init: implement xavier_uniform in exercises/init.py")


def xavier_normal(shape: tuple[int, ...], gain: float = 1.0, rng: np.random.Generator | None = None) -> np.ndarray:
    """Xavier/Glorot normal, like torch.nn.init.xavier_normal_.

        w ~ N(0, std**2),   std = gain * sqrt(2 / (fan_in + fan_out))

    Same variance as xavier_uniform, from a normal distribution (not truncated). Note that
    rng.normal takes the standard deviation, not the variance.

    Args:
        shape: the weight's shape, at least 2-D, torch layout (out, in, *kernel).
        gain: a scale factor.
        rng: the np.random.Generator to draw from, or None for np.random.default_rng().

    Returns:
        A new float64 array of the given shape.
    """
    # TODO: fans, std, then rng.normal(0, std, size=shape).
    raise NotImplementedError("init: implement xavier_normal in exercises/init.py")


def kaiming_uniform(shape: tuple[int, ...], a: float = 0, mode: str = "fan_in", nonlinearity: str = "leaky_relu",
                    rng: np.random.Generator | None = None) -> np.ndarray:
    """Kaiming/He uniform, like torch.nn.init.kaiming_uniform_.

        std   = gain / sqrt(fan),   gain = calculate_gain(nonlinearity, a)
        bound = sqrt(3) * std,      w ~ U(-bound, bound)

    fan is fan_in when mode="fan_in" (keeps the forward activations' variance) and fan_out when
    mode="fan_out" (keeps the backward gradients' variance). With the defaults
    (a=0, "leaky_relu") the gain is sqrt(2): He initialisation for ReLU networks. nn.Linear and
    nn.Conv2d initialise their weights with a=sqrt(5), i.e. a gain of sqrt(1/3).

    Args:
        shape: the weight's shape, at least 2-D, torch layout (out, in, *kernel).
        a: the negative slope of the leaky ReLU (used only with nonlinearity="leaky_relu").
        mode: "fan_in" or "fan_out".
        nonlinearity: a name from the gain table in the module docstring.
        rng: the np.random.Generator to draw from, or None for np.random.default_rng().

    Returns:
        A new float64 array of the given shape.
    """
    # TODO: fans, the fan that `mode` picks, the gain, std, the bound, then rng.uniform.
    raise NotImplementedError("init: implement kaiming_uniform in exercises/init.py")


def kaiming_normal(shape: tuple[int, ...], a: float = 0, mode: str = "fan_in", nonlinearity: str = "leaky_relu",
                   rng: np.random.Generator | None = None) -> np.ndarray:
    """Kaiming/He normal, like torch.nn.init.kaiming_normal_.

        w ~ N(0, std**2),   std = gain / sqrt(fan),   gain = calculate_gain(nonlinearity, a)

    fan is fan_in or fan_out as `mode` says. torchvision's ResNets use
    kaiming_normal(mode="fan_out", nonlinearity="relu") for their convolutions.

    Args:
        shape: the weight's shape, at least 2-D, torch layout (out, in, *kernel).
        a: the negative slope of the leaky ReLU (used only with nonlinearity="leaky_relu").
        mode: "fan_in" or "fan_out".
        nonlinearity: a name from the gain table in the module docstring.
        rng: the np.random.Generator to draw from, or None for np.random.default_rng().

    Returns:
        A new float64 array of the given shape.
    """
    # TODO: fans, the fan that `mode` picks, the gain, std, then rng.normal(0, std, size=shape).
    raise NotImplementedError("init: implement kaiming_normal in exercises/init.py")
