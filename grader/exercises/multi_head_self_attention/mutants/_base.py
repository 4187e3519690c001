"""Not a mutant: a correct module with one switch per classic mistake, so each mutant differs by one."""
import torch
from torch import nn


class Base(nn.Module):
    split = "right"  # "no transpose", "interleaved", "one head"
    merge = "right"  # "no transpose"
    scale_dim = "head"  # "dim", "none"
    softmax_dim = -1
    invert_bool = False
    use_proj = True
    use_mask = True

    def __init__(self, dim, num_heads, qkv_bias=False):
        super().__init__()
        self.num_heads, self.head_dim = num_heads, dim // num_heads
        self.qkv = nn.Linear(dim, 3 * dim, bias=qkv_bias)
        self.proj = nn.Linear(dim, dim)

    def forward(self, x, attn_mask=None):
        B, N, C = x.shape
        H, D = self.num_heads, self.head_dim
        qkv = self.qkv(x)
        if self.split == "right":
            q, k, v = qkv.view(B, N, 3, H, D).permute(2, 0, 3, 1, 4)
        elif self.split == "no transpose":
            q, k, v = (t.reshape(B, H, N, D) for t in qkv.chunk(3, dim=-1))
        elif self.split == "interleaved":
            q, k, v = qkv.view(B, N, H, 3, D).permute(3, 0, 2, 1, 4)
        else:  # one head of all C features, each (B, 1, N, C)
            q, k, v = (t.unsqueeze(1) for t in qkv.chunk(3, dim=-1))
        scale = {"head": D ** -0.5, "dim": C ** -0.5, "none": 1.0}[self.scale_dim]
        att = q @ k.transpose(-2, -1) * scale
        if attn_mask is not None and self.use_mask:
            if attn_mask.dtype == torch.bool:
                att = att.masked_fill(attn_mask if self.invert_bool else ~attn_mask, float("-inf"))
            else:
                att = att + attn_mask
        att = att.softmax(dim=self.softmax_dim).nan_to_num(0.0)
        y = att @ v
        y = y.transpose(1, 2).reshape(B, N, C) if self.merge == "right" else y.reshape(B, N, C)
        return self.proj(y) if self.use_proj else y
