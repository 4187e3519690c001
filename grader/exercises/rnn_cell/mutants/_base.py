"""Not a mutant: a correct cell with one switch per classic mistake, so each mutant differs by one."""
import torch


def cell(x, h, weight_ih, weight_hh, bias_ih, bias_hh, *, act=torch.tanh, transpose=True, use_h=True,
         use_bias_ih=True, use_bias_hh=True, swap_weights=False):
    if swap_weights:
        weight_ih, weight_hh = weight_hh, weight_ih
    T = (lambda w: w.T) if transpose else (lambda w: w)
    pre = x @ T(weight_ih) + (h @ T(weight_hh) if use_h else 0)
    if bias_ih is not None and use_bias_ih:
        pre = pre + bias_ih
    if bias_hh is not None and use_bias_hh:
        pre = pre + bias_hh
    return act(pre)
