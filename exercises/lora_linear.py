"""LoRA: a frozen nn.Linear plus a trainable low-rank update (Hu et al., 2021)."""
from __future__ import annotations

import torch
from torch import nn


class LoRALinear(nn.Module):
    """A LoRA adapter around an existing nn.Linear, as HF PEFT's lora.Linear.

    For base with weight W (out, in) and bias b (or None), rank r and scale alpha:

        forward(x) = base(x) + (x @ A.T @ B.T) * (alpha / r)

    State (the checks read it by these names, so keep them exactly):
        self.base   the nn.Linear passed in, itself (not a copy), FROZEN: set requires_grad=False
                    on its weight and bias, so that only A and B train;
        self.A      nn.Parameter of shape (r, in), RANDOM: nn.init.kaiming_uniform_(A, a=math.sqrt(5)),
                    HF PEFT's default and nn.Linear's own weight init, i.e. uniform on
                    [-1/sqrt(in), 1/sqrt(in)];
        self.B      nn.Parameter of shape (out, r), ZEROS, so that at initialisation the adapter adds
                    nothing and LoRALinear(base, r, alpha)(x) equals base(x);
        self.r, self.alpha  the arguments; the scale is alpha / r (not r / alpha).
    A and B have the base weight's dtype and device. A and B are the module's only trainable
    parameters: r * (in + out) numbers.

    forward(x): x of shape (..., in), any number of leading dimensions; returns (..., out) in
    x's dtype, on its device. Gradients flow to A, B and x, never to base's weight and bias.
    Compute (x @ A.T) @ B.T, two thin matmuls, rather than forming B @ A.

    merged() -> nn.Linear: a NEW nn.Linear(in, out) (bias exactly when base has one) whose weight
    is W + (alpha / r) * B @ A and whose bias is a copy of b, with base's dtype and device, so that
    merged()(x) equals forward(x): the adapter folded into one matrix for inference. It must not
    modify the base (the LoRA module still works, and merged() called twice gives the same layer)
    and must not share tensors with it (its own weight and bias storage).

    Rules:
        - Do not import peft.
        - Do not modify x.
        - The speed check times forward on float32 x of shape (16, 256, 128) through
          LoRALinear(nn.Linear(128, 128), r=8, alpha=16), without gradients, against the formula
          above in torch on one CPU thread (limit 4x), and x (16, 1024, 4096) through
          nn.Linear(4096, 4096) with r=16 in float16 on CUDA where a GPU is present (limit 4x).
          No Python loop over rows.
    """

    def __init__(self, base: nn.Linear, r: int, alpha: float) -> None:
        super().__init__()
        # TODO: keep base and freeze it; create self.A (random, kaiming_uniform_) and self.B (zeros).
        raise NotImplementedError("lora_linear: implement it in exercises/lora_linear.py")

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        # TODO: base(x) plus the low-rank update, scaled by alpha / r.
        raise NotImplementedError("lora_linear: implement forward in exercises/lora_linear.py")

    def merged(self) -> nn.Linear:
        # TODO: a new nn.Linear with W + (alpha / r) * B @ A; leave self.base untouched.
        raise NotImplementedError("lora_linear: implement merged in exercises/lora_linear.py")
