"""Activation functions and their derivatives in NumPy, like torch's with autograd.

Every function here returns a PAIR (value, derivative) of arrays of x's shape and dtype:

    value      = f(x)        element by element, as torch.relu / torch.sigmoid / torch.tanh /
                             F.gelu(approximate="tanh") compute it
    derivative = f'(x)       element by element: what torch.autograd gives as x.grad after
                             f(x).sum().backward()

Returning both at once is how a hand-written backward pass uses them: the forward pass keeps
what the derivative needs (the output s for sigmoid, t for tanh) and the backward pass
multiplies the upstream gradient by f'(x). Call it as `value, slope = sigmoid(x)`.

Rules for every function:
    - x has any shape, float32 or float64, and may hold huge values: +-1000 must work with
      no NaN or Inf and no NumPy RuntimeWarning (overflow, divide by zero, invalid value).
      np.where computes both of its branches, so an overflowing branch warns even when
      np.where does not pick it.
    - Return arrays of x's shape and dtype; do not modify x. Keep constants Python floats
      (math.sqrt(2 / math.pi)): a NumPy float64 scalar such as np.sqrt(2 / np.pi) turns a
      float32 array into float64.
    - NumPy only: no torch, no scipy (np.tanh is fine: tanh is where the derivative starts).
    - The speed check times all four on 2**16 float32 values, shape (65536,), against torch's
      forward and autograd backward on one thread (limit 25x): no Python loop over elements.
"""
from __future__ import annotations

import math

import numpy as np


def relu(x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """ReLU and its derivative.

        relu(x)  = max(x, 0)
        relu'(x) = 1 if x > 0 else 0

    The derivative does not exist at x = 0 (the slope jumps from 0 to 1); any value in [0, 1]
    is a valid subgradient. Use 0 there, the convention of torch (and of most frameworks):
    torch.relu's backward lets the gradient through only where x > 0.

    Returns:
        (value, derivative), two arrays of x's shape and dtype.
    """
    # TODO: value = max(x, 0); derivative = 1.0 where x > 0, 0.0 elsewhere (x = 0 included).
    raise NotImplementedError("activations: implement relu in exercises/activations.py")


def sigmoid(x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The logistic sigmoid and its derivative.

        sigmoid(x)  = 1 / (1 + exp(-x))
        sigmoid'(x) = sigmoid(x) * (1 - sigmoid(x))

    The textbook formula overflows for large negative x: exp(1000) = inf (with a warning),
    even though the answer, 0, is fine. For x < 0 use the equivalent exp(x) / (1 + exp(x)),
    or in general exponentiate only -|x|, which is never positive.

    The derivative is best written with the output s = sigmoid(x): s * (1 - s). It is at
    most 1/4 (at x = 0) — the reason deep sigmoid networks have vanishing gradients.

    Returns:
        (value, derivative), two arrays of x's shape and dtype.
    """
    # TODO: a stable sigmoid s (exp of -|x| only), then s * (1 - s).
    raise NotImplementedError("activations: implement sigmoid in exercises/activations.py")


def tanh(x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The hyperbolic tangent and its derivative.

        tanh(x)  = (exp(x) - exp(-x)) / (exp(x) + exp(-x))     (use np.tanh: this overflows)
        tanh'(x) = 1 - tanh(x)**2

    The derivative is a function of the OUTPUT t = tanh(x): 1 - t**2, not 1 - x**2. Like the
    sigmoid's, it vanishes for large |x| (saturation) and is largest, 1, at x = 0.

    Returns:
        (value, derivative), two arrays of x's shape and dtype.
    """
    # TODO: t = np.tanh(x); derivative 1 - t**2.
    raise NotImplementedError("activations: implement tanh in exercises/activations.py")


def gelu(x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """GELU in its tanh approximation, like F.gelu(x, approximate="tanh"), and its derivative.

        gelu(x) = 0.5 * x * (1 + tanh(u)),   u = sqrt(2/pi) * (x + 0.044715 * x**3)

    This approximates the exact GELU, x * Phi(x) with Phi the standard normal CDF (what
    F.gelu computes by default, with erf) — the two differ by up to ~5e-4, far more than the
    checks tolerate, so use the tanh form for the value AND differentiate the tanh form for
    the derivative (not x * Phi(x), whose derivative is Phi(x) + x * phi(x)).

    Derivative: the product rule on 0.5 * x * (1 + tanh(u)), and the chain rule through u:

        gelu'(x) = 0.5 * (1 + t) + 0.5 * x * (1 - t**2) * du/dx,   t = tanh(u),
        du/dx    = sqrt(2/pi) * (1 + 3 * 0.044715 * x**2)

    Returns:
        (value, derivative), two arrays of x's shape and dtype.
    """
    # TODO: u, t = tanh(u), value 0.5*x*(1 + t); derivative by the product and chain rules above.
    raise NotImplementedError("activations: implement gelu in exercises/activations.py")
