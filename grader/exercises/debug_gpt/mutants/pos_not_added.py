"""The fixed model with one bug: the position embedding is computed and never added."""
import torch
import torch.nn.functional as F
from _base import fixed

EXPECTED_MISTAKE = "bug: positional embedding not added"

_m = fixed("pos_not_added")
GPTConfig = _m.GPTConfig


class GPT(_m.GPT):
    def forward(self, idx, targets=None):
        pos_emb = self.wpe(torch.arange(idx.shape[1], device=idx.device))  # noqa: F841 - the bug: unused
        x = self.wte(idx)
        for block in self.blocks:
            x = block(x)
        logits = self.lm_head(self.ln_f(x))
        loss = None if targets is None else F.cross_entropy(logits[:, :-1].reshape(-1, logits.size(-1)),
                                                            targets[:, 1:].reshape(-1))
        return logits, loss
