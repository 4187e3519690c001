"""Batch normalisation in PyTorch, exactly like torch.nn.functional.batch_norm."""
from __future__ import annotations

import torch


def batch_norm(
    x: torch.Tensor,
    running_mean: torch.Tensor | None,
    running_var: torch.Tensor | None,
    weight: torch.Tensor | None = None,
    bias: torch.Tensor | None = None,
    training: bool = False,
    momentum: float = 0.1,
    eps: float = 1e-5,
) -> torch.Tensor:
    """Normalise each channel of x, with the same arguments and results as F.batch_norm.

    x has shape (N, C), (N, C, L) or (N, C, H, W); channel c has one mean and one variance,
    taken over the batch AND every other axis (all axes except axis 1). With n the number of
    values per channel (N, N*L or N*H*W):

        y[:, c, ...] = (x[:, c, ...] - mean[c]) / sqrt(var[c] + eps) * weight[c] + bias[c]

    training=True: mean and var are the statistics of this batch, var the BIASED one (divide
        by n). If running_mean and running_var are given, update them IN PLACE (the caller's
        tensors must change):

            running_mean <- (1 - momentum) * running_mean + momentum * mean
            running_var  <- (1 - momentum) * running_var  + momentum * var * n / (n - 1)

        (the running variance stores the UNBIASED estimate). They may be None: then nothing is
        stored. The update is bookkeeping: it must not be part of the autograd graph.
    training=False: mean = running_mean, var = running_var; both are left untouched.

    Args:
        x: (N, C), (N, C, L) or (N, C, H, W), float32 or float64, on any device.
        running_mean, running_var: (C,) tensors of x's dtype and device, or None (training only).
        weight, bias: (C,) or None (then no scale, or no shift).
        training: use and update batch statistics (True) or use the running ones (False).
        momentum: weight of the NEW batch statistic in the running average (PyTorch's convention).
        eps: added to the variance inside the square root.

    Returns:
        A new tensor of x's shape, dtype and device. Gradients must flow from it to x, weight
        and bias through autograd (build it from torch operations; no .detach(), .numpy(),
        .item()): in training the gradient also flows through the batch mean and variance.

    Rules:
        - Do not modify x, weight or bias; only running_mean and running_var change.
        - Do not call F.batch_norm, torch.batch_norm or nn.BatchNorm*, nor torch's other
          batch-norm functions (torch.native_batch_norm…): write it yourself.
        - Work on x's device: create any new tensor with device=x.device (or torch.*_like).
        - The speed check times a training step on float32 x of shape (16, 1024, 4, 4) against
          F.batch_norm on one CPU thread (limit 25x), and (64, 256, 28, 28) on CUDA (limit 20x):
          vectorise over channels, no Python loop over C.
    """
    # TODO: pick the reduction axes, compute the statistics, update the running ones, normalise.
    raise NotImplementedError("batch_norm: implement it in exercises/batch_norm.py")
