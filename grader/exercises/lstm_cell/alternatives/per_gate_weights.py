"""Four separate weight blocks, F.linear per gate."""
import torch
import torch.nn.functional as F


def lstm_cell(x, h, c, weight_ih, weight_hh, bias_ih, bias_hh):
    Wi = weight_ih.chunk(4)
    Wh = weight_hh.chunk(4)
    bi = bias_ih.chunk(4) if bias_ih is not None else [None] * 4
    bh = bias_hh.chunk(4) if bias_hh is not None else [None] * 4
    pre = [F.linear(x, Wi[k], bi[k]) + F.linear(h, Wh[k], bh[k]) for k in range(4)]
    i, f, o = pre[0].sigmoid(), pre[1].sigmoid(), pre[3].sigmoid()
    g = pre[2].tanh()
    c_new = torch.addcmul(f * c, i, g)
    return o * c_new.tanh(), c_new
