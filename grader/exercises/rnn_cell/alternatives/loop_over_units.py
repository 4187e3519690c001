"""Correct but slow: one hidden unit at a time. Passes correctness, fails the speed check."""
import torch

TOO_SLOW = True


def rnn_cell(x, h, weight_ih, weight_hh, bias_ih, bias_hh):
    out = torch.empty(*h.shape, dtype=x.dtype, device=x.device)
    for j in range(h.shape[-1]):
        z = x @ weight_ih[j] + h @ weight_hh[j]
        if bias_ih is not None:
            z = z + bias_ih[j]
        if bias_hh is not None:
            z = z + bias_hh[j]
        out[..., j] = torch.tanh(z)
    return out
