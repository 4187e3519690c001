"""Cross-entropy with label smoothing and ignore_index in PyTorch, like F.cross_entropy."""
from __future__ import annotations

import torch


def label_smoothing_cross_entropy(logits: torch.Tensor, target: torch.Tensor, label_smoothing: float = 0.0,
                                  ignore_index: int = -100, reduction: str = "mean") -> torch.Tensor:
    """F.cross_entropy(logits, target, ignore_index=..., reduction=..., label_smoothing=...) with class indices.

    With C classes on axis 1 (axis 0 for unbatched logits), log p = log_softmax(logits) over the
    classes, eps = label_smoothing, and y the target class of one element:

        loss = (1 - eps) * (-log p[y])  +  eps * mean_c(-log p[c])

    i.e. cross-entropy against the smoothed target q = (1 - eps) * onehot(y) + eps / C: the
    eps mass is spread over ALL C classes, the true one included (torch and Szegedy et al.,
    not eps / (C - 1) over the others). eps = 0 is plain cross-entropy; eps in [0, 1].

    An element whose target equals ignore_index contributes loss 0 and is not counted (it may
    be any int, also a real class id such as 0). Then:
        reduction="mean": sum of the losses / number of NON-ignored elements (NaN when all are
                          ignored, as torch gives);
        reduction="sum":  sum of the losses;
        reduction="none": the per-element losses, of target's shape, 0 where ignored.

    Args:
        logits: (N, C), (N, C, d1, ..., dk) (e.g. (B, V, T) tokens) or unbatched (C,);
            float32 or float64, on any device; values may be huge (+-1000 must work).
        target: int64 class indices of shape (N,), (N, d1, ..., dk) or () respectively, each in
            0 .. C-1 or equal to ignore_index; on logits' device.
        label_smoothing, ignore_index, reduction: as above.

    Returns:
        A tensor of logits' dtype and device: 0-d for "mean" and "sum", target's shape for "none".
        Gradients must flow to logits through autograd (torch operations only; no .detach(),
        .numpy(), .item()).

    Rules:
        - Do not modify logits or target.
        - No NaN or Inf for finite logits (apart from the all-ignored mean): never take the log
          of a softmax; use log_softmax or logsumexp.
        - Do not call F.cross_entropy, F.nll_loss, nn.CrossEntropyLoss, nn.NLLLoss or F.kl_div:
          write it yourself.
        - The speed check times float32 logits (4096, 512) with label_smoothing=0.1 and one
          target in eight ignored against F.cross_entropy on one CPU thread (limit 20x), and
          (16384, 32000) on CUDA (limit 20x): no Python loop over rows.
    """
    # TODO: stable log-softmax over the classes; pick the true class (ignored ones read as 0, then masked);
    # mix (1 - eps) * NLL with eps * the mean over classes; reduce over the non-ignored elements.
    raise NotImplementedError("label_smoothing_cross_entropy: implement it in exercises/label_smoothing_cross_entropy.py")
