"""Correct but slow: one sample at a time. Passes correctness, fails the speed check."""
import torch

TOO_SLOW = True


def lstm_cell(x, h, c, weight_ih, weight_hh, bias_ih, bias_hh):
    if x.dim() == 1:
        return lstm_cell(x[None], h[None], c[None], weight_ih, weight_hh, bias_ih, bias_hh)[0][0], \
            lstm_cell(x[None], h[None], c[None], weight_ih, weight_hh, bias_ih, bias_hh)[1][0]
    hs, cs = [], []
    for b in range(x.shape[0]):
        z = weight_ih @ x[b] + weight_hh @ h[b]
        if bias_ih is not None:
            z = z + bias_ih + bias_hh
        i, f, g, o = z.chunk(4)
        cb = torch.sigmoid(f) * c[b] + torch.sigmoid(i) * torch.tanh(g)
        hs.append(torch.sigmoid(o) * torch.tanh(cb))
        cs.append(cb)
    return torch.stack(hs), torch.stack(cs)
