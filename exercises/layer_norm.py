"""Layer normalisation in PyTorch, exactly like torch.nn.functional.layer_norm."""
from __future__ import annotations

import torch


def layer_norm(
    x: torch.Tensor,
    normalized_shape: int | tuple[int, ...] | list[int] | torch.Size,
    weight: torch.Tensor | None = None,
    bias: torch.Tensor | None = None,
    eps: float = 1e-5,
) -> torch.Tensor:
    """Normalise each sample of x over its last axes, with the same results as F.layer_norm.

    normalized_shape names the trailing axes to normalise over: an int D means the last axis
    (which must have size D); a tuple/list/torch.Size (T, D) means the last two axes TOGETHER,
    and so on. With k = len(normalized_shape), the statistics are taken over the last k axes
    of x, separately for every position of the leading axes (each token, each sample):

        mean = x.mean(last k axes)
        var  = mean of (x - mean)**2 over the same axes   (BIASED: divide by n, not n - 1)
        y    = (x - mean) / sqrt(var + eps) * weight + bias

    Unlike BatchNorm there are no running statistics and no train/eval difference: a sample's
    output never depends on the other samples of the batch.

    Args:
        x: any shape ending with normalized_shape, e.g. (N, D), (N, T, D), (N, C, H, W) or (D,);
            float32 or float64, on any device.
        normalized_shape: int or tuple/list/torch.Size of the trailing sizes.
        weight, bias: tensors of shape normalized_shape (elementwise scale and shift), or None.
        eps: added to the variance inside the square root.

    Returns:
        A new tensor of x's shape, dtype and device. Gradients must flow from it to x, weight
        and bias through autograd (build it from torch operations; no .detach(), .numpy(),
        .item()): the gradient also flows through the mean and the variance.

    Rules:
        - Do not modify x, weight or bias.
        - Do not call F.layer_norm, torch.layer_norm, nn.LayerNorm or another normalisation
          function of torch that would do it for you, such as F.group_norm, F.batch_norm,
          F.instance_norm or F.rms_norm: write it yourself.
        - A row whose values are all equal has variance 0: the output is bias (no NaN; that is
          what eps is for).
        - The speed check times float32 x of shape (16384, 16) against F.layer_norm on one CPU
          thread (limit 60x) and (8192, 1024) on CUDA (limit 20x): no Python loop over rows.
    """
    # TODO: find the axes to reduce, compute mean and biased variance, normalise, scale and shift.
    raise NotImplementedError("layer_norm: implement it in exercises/layer_norm.py")
