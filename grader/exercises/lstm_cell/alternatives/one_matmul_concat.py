"""[x, h] @ [W_ih, W_hh]^T as one matmul, gates by slicing."""
import torch


def lstm_cell(x, h, c, weight_ih, weight_hh, bias_ih, bias_hh):
    H = h.shape[-1]
    z = torch.cat([x, h], dim=-1) @ torch.cat([weight_ih, weight_hh], dim=1).T
    if bias_ih is not None:
        z = z + (bias_ih + bias_hh if bias_hh is not None else bias_ih)
    elif bias_hh is not None:
        z = z + bias_hh
    i = torch.sigmoid(z[..., :H])
    f = torch.sigmoid(z[..., H:2 * H])
    g = torch.tanh(z[..., 2 * H:3 * H])
    o = torch.sigmoid(z[..., 3 * H:])
    c2 = f * c + i * g
    return o * torch.tanh(c2), c2
