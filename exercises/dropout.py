"""Inverted dropout in PyTorch, like torch.nn.functional.dropout."""
from __future__ import annotations

import torch


def dropout(x: torch.Tensor, p: float = 0.5, training: bool = True) -> torch.Tensor:
    """Randomly zero elements of x with probability p and scale the survivors by 1 / (1 - p).

    In training, every element gets its own independent coin flip: it is dropped (set to 0)
    with probability p and kept with probability 1 - p; kept elements are divided by 1 - p,
    so that every element keeps its expected value:

        out = x * mask / (1 - p),   mask ~ Bernoulli(1 - p), one draw per element

    This is "inverted" dropout, as in PyTorch: all the scaling happens in training, and in
    eval (training=False) dropout is the identity — the output equals x.

    Args:
        x: a tensor of any shape (possibly empty), float32 or float64, on any device.
        p: the probability to DROP an element (not to keep it), 0 <= p <= 1.
        training: apply dropout (True) or return x unchanged (False).

    Returns:
        A tensor of x's shape, dtype and device:
          - training=False: x itself (or an exact copy), whatever p is;
          - p = 0: equal to x exactly;
          - p = 1: all zeros (careful: x * 0 / (1 - 1) is 0 / 0 = NaN);
          - otherwise a NEW tensor; each element is either 0 or exactly x / (1 - p).
        Gradients flow to x through autograd: d out / d x = mask / (1 - p).

    Rules:
        - Never modify x in place; the caller (and autograd) may still need it.
        - Draw a fresh mask on every call, from torch's global random generator on x's device
          (torch.rand_like, torch.bernoulli): torch.manual_seed(s) then makes it reproducible,
          and two calls in a row drop different elements. No NumPy or Python random, no fixed
          seed inside the function.
        - Do not call F.dropout, torch.dropout or nn.Dropout, nor torch's other dropout
          functions (F.dropout2d, F.alpha_dropout, torch.native_dropout…): write it yourself.
        - The checks are statistical (fraction dropped ~ p for several p, mean preserved, masks
          independent between calls and between rows) with bounds of 6 standard deviations.
        - The speed check times float32 x of shape (8192, 32), p = 0.3, against F.dropout on
          one CPU thread (limit 6x) and (8192, 4096) on CUDA (limit 10x): no Python loops.
    """
    # TODO: handle eval, p = 0 and p = 1; draw one Bernoulli(1 - p) per element; scale the survivors.
    raise NotImplementedError("dropout: implement it in exercises/dropout.py")
