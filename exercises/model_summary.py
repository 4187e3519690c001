"""A model summary (torchinfo's table) computed with forward hooks on the meta device."""
from __future__ import annotations

import torch
from torch import nn


def model_summary(model: nn.Module, input_shape: tuple[int, ...]) -> list[dict]:
    """One row per call of a leaf module during a forward pass on an input of `input_shape`.

    model: an nn.Module on the CPU with real weights; input_shape: the full input shape, batch
    first, e.g. (1, 1, 28, 28). The forward pass runs on a float32 input of that shape.

    A leaf module is one with no child modules (Conv2d, ReLU, Linear, ...); containers
    (Sequential, your own blocks, the model itself unless it is a leaf) get no row.
    Return a list of dicts, in the order the leaves are CALLED in the forward pass (which may
    differ from the order they are registered in __init__), one per call, with exactly the keys:

        "name":         the leaf's qualified name, as model.named_modules() gives it ("features.0";
                        "" when the model itself is the leaf); a module registered under two names
                        has the first one, as named_modules() does
        "type":         its class name, type(module).__name__ ("Conv2d")
        "output_shape": the shape of the tensor it returned, as a tuple of ints, batch first
        "params":       the number of elements of the parameters it owns (trainable or not; buffers
                        such as BatchNorm's running statistics are not parameters), counted ONCE:
                        a Parameter already counted in an earlier row (a module called twice, or a
                        weight shared by two modules) counts 0 here. So the rows' "params" sum to
                        sum(p.numel() for p in model.parameters()).
        "macs":         the multiply-accumulates of the call, as int. Linear: out.numel() * in_features;
                        Conv1d/Conv2d: out.numel() * (in_channels // groups) * prod(kernel_size);
                        ConvTranspose2d: input.numel() * (out_channels // groups) * prod(kernel_size).
                        Bias additions are not multiply-adds, and every other layer (activations,
                        pooling, normalisation, dropout, flatten, embedding) counts 0. This is
                        FlopCounterMode's count divided by 2: a FLOP count is 2 x the MACs.

    The whole computation runs on the meta device: no real memory is allocated for activations
    (the checks watch every tensor created during the call and fail a summary that allocates more
    real memory than the parameters; an input shape of (16, 3, 224, 224) must cost nothing).
    Do not change the caller's model: its parameters stay where and what they were, and every
    hook you register is removed before you return (even when the forward pass raises).

    Rules: write it yourself with forward hooks: do not use FlopCounterMode (torch.utils.flop_counter),
    and do not import torchinfo, torchsummary, thop, fvcore or ptflops.
    """
    # TODO: register a forward hook on every leaf; run the model on a meta input (the meta copies of
    # its parameters, e.g. through torch.func.functional_call); build the rows; remove the hooks.
    raise NotImplementedError("model_summary: implement it in exercises/model_summary.py")
