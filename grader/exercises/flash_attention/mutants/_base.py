"""Not a mutant: the correct online softmax the mutants in this folder reuse (each differs by one mistake)."""
import math

import torch


def online(query, key, value, is_causal, block_size, *, rescale_sum=True, rescale_acc=True, m0=float("-inf"),
           local=False, divide=True):
    L, S = query.shape[-2], key.shape[-2]
    m = query.new_full((*query.shape[:-1], 1), m0)
    l = query.new_zeros((*query.shape[:-1], 1))
    acc = query.new_zeros((*query.shape[:-1], value.shape[-1]))
    i = torch.arange(L, device=query.device)[:, None]
    for j0 in range(0, S, block_size):
        k, v = key[..., j0:j0 + block_size, :], value[..., j0:j0 + block_size, :]
        s = query @ k.transpose(-2, -1) / math.sqrt(query.shape[-1])
        if is_causal:
            j = torch.arange(k.shape[-2], device=query.device) + (0 if local else j0)
            s = s.masked_fill(j > i, float("-inf"))
        m_new = torch.maximum(m, s.amax(-1, keepdim=True))
        p = torch.exp(s - m_new)
        c = torch.exp(m - m_new)
        l = (l * c if rescale_sum else l) + p.sum(-1, keepdim=True)
        acc = (acc * c if rescale_acc else acc) + p @ v
        m = m_new
    return acc / l if divide else acc
