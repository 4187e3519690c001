"""The fixed model with one bug: the loss pairs the logits at t with the label at t (no shift)."""
import torch.nn.functional as F
from _base import fixed

EXPECTED_MISTAKE = "bug: labels not shifted for the loss"

_m = fixed("labels_not_shifted")
GPTConfig = _m.GPTConfig


class GPT(_m.GPT):
    def forward(self, idx, targets=None):
        logits, _ = super().forward(idx)
        loss = None if targets is None else F.cross_entropy(logits.reshape(-1, logits.size(-1)), targets.reshape(-1))
        return logits, loss
