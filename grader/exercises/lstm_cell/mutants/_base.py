"""Not a mutant: a correct cell with one switch per classic mistake, so each mutant differs by one."""
import torch


def cell(x, h, c, weight_ih, weight_hh, bias_ih, bias_hh, *, order="ifgo", forget=True, tanh_c=True,
         new_c_in_h=True, g_act=torch.tanh, use_bias_ih=True, use_bias_hh=True, tanh=torch.tanh,
         swap_outputs=False):
    gates = x @ weight_ih.T + h @ weight_hh.T
    if bias_ih is not None and use_bias_ih:
        gates = gates + bias_ih
    if bias_hh is not None and use_bias_hh:
        gates = gates + bias_hh
    blocks = dict(zip(order, gates.chunk(4, dim=-1)))
    i, f, g, o = (blocks[k] for k in "ifgo")
    c_new = (torch.sigmoid(f) * c if forget else c) + torch.sigmoid(i) * g_act(g)
    h_new = torch.sigmoid(o) * (tanh(c_new if new_c_in_h else c) if tanh_c else c_new)
    return (c_new, h_new) if swap_outputs else (h_new, c_new)
