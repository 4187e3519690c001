"""Keeps the running log-sum-exp instead of a max and a sum (the form FlashAttention saves for the
backward pass), and the output normalised after every block."""
import math

import torch


def flash_attention(query, key, value, is_causal=False, block_size=64):
    L, S = query.shape[-2], key.shape[-2]
    lse = query.new_full((*query.shape[:-1], 1), -math.inf)
    out = query.new_zeros((*query.shape[:-1], value.shape[-1]))
    i = torch.arange(L, device=query.device).unsqueeze(-1)
    for j0 in range(0, S, block_size):
        s = query @ key[..., j0:j0 + block_size, :].mT / math.sqrt(query.shape[-1])
        if is_causal:
            j = torch.arange(j0, j0 + s.shape[-1], device=query.device)
            s = s.masked_fill(j > i, -math.inf)
        block_lse = torch.logsumexp(s, dim=-1, keepdim=True)
        new = torch.logaddexp(lse, block_lse)
        # weights of the old output and of this block's softmax; a fully masked block gets weight 0
        w_old = torch.exp(lse - new).nan_to_num(0.0)
        w_new = torch.exp(block_lse - new).nan_to_num(0.0)
        block_out = torch.softmax(s, dim=-1).nan_to_num(0.0) @ value[..., j0:j0 + block_size, :]
        out = w_old * out + w_new * block_out
        lse = new
    return out
