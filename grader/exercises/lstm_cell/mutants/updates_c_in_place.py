"""Updates the caller's c in place."""
import torch

EXPECTED_MISTAKE = "input modified in place"


def lstm_cell(x, h, c, weight_ih, weight_hh, bias_ih, bias_hh):
    gates = x @ weight_ih.T + h @ weight_hh.T
    if bias_ih is not None:
        gates = gates + bias_ih + bias_hh
    i, f, g, o = gates.chunk(4, dim=-1)
    c.mul_(torch.sigmoid(f)).add_(torch.sigmoid(i) * torch.tanh(g))
    return torch.sigmoid(o) * torch.tanh(c), c
