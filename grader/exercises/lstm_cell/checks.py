"""Checks of exercises/lstm_cell.py against nn.LSTMCell (the same weights) in float64."""
from __future__ import annotations

import itertools
from functools import partial

import torch
from torch.nn import LSTMCell  # bound before the learner's code runs

from grader.check import Cases, OnDevice, call, CheckFailure, Mistake, Speed, expect_close, expect_on_device, mistakes
from grader.check.family.sequence import (call_cell, cell_case, cell_speed, to, expect_no_nan, pre_activation,
                                          random_cell, torch_cell)

MISTAKE = mistakes("lstm_cell")
TOLERANCE = {"float32": (1e-4, 1e-5)}

ORDER = "ifgo"
make_case = partial(cell_case, gates=4, states=("h", "c"))


def gate_order_mistake(order: str) -> Mistake:
    return Mistake("gate order mixed up", f"you read the four blocks of the gates as ({', '.join(order)}); "
                   "torch stacks them as (i, f, g, o): input, forget, cell candidate, output", "gate-order")


def by_hand(x, h, c, *weights, forget=True, tanh_c=True, new_c_in_h=True, g_act=torch.tanh, **bias_switches):
    """The cell written out, with switches for the mistakes torch's cell cannot make."""
    i, f, g, o = pre_activation(x, h, *weights, **bias_switches).chunk(4, dim=-1)  # 4 x (B, H)
    c_new = (torch.sigmoid(f) * c if forget else c) + torch.sigmoid(i) * g_act(g)
    h_new = torch.sigmoid(o) * ((torch.tanh if tanh_c else (lambda t: t))(c_new if new_c_in_h else c))
    return h_new, c_new


def regroup(w, order):
    """Weights whose torch-order blocks are the blocks a learner reading `order` would use."""
    if w is None:
        return None
    blocks = w.chunk(4, dim=0)  # 4 x (H, ...)
    return torch.cat([blocks[order.index(name)] for name in ORDER], dim=0)  # (4H, ...)


def check_case(lstm, inputs, device="cpu"):
    got, case, args, on_device = call_cell(lstm, inputs, device)
    if not (isinstance(got, tuple) and len(got) == 2):
        raise CheckFailure(f"lstm_cell must return the tuple (h_new, c_new); yours returned "
                           f"{type(got).__name__}{'' if not isinstance(got, (tuple, list)) else f' of {len(got)}'}",
                           case=case)
    for name, t in zip(("h_new", "c_new"), got):
        expect_on_device(t, on_device, case=case, what=f"your {name}")

    expected = torch_cell(LSTMCell, args)
    variants = {MISTAKE.forget_ignored: lambda: by_hand(*args, forget=False),
                MISTAKE.no_tanh_on_c: lambda: by_hand(*args, tanh_c=False),
                MISTAKE.old_c_in_h: lambda: by_hand(*args, new_c_in_h=False),
                MISTAKE.g_sigmoid: lambda: by_hand(*args, g_act=torch.sigmoid),
                MISTAKE.swapped_outputs: lambda: expected[::-1]}
    if args[5] is not None:
        variants[MISTAKE.bias_ih_ignored] = lambda: by_hand(*args, use_bias_ih=False)
        variants[MISTAKE.bias_hh_ignored] = lambda: by_hand(*args, use_bias_hh=False)
    for order in map("".join, itertools.permutations(ORDER)):
        if order != ORDER:
            variants[gate_order_mistake(order)] = lambda o=order: torch_cell(
                LSTMCell, [*args[:3], *(regroup(w, o) for w in args[3:])])
    for k, name in enumerate(("h_new", "c_new")):
        mistakes = {m: (lambda v=v, k=k: v()[k]) for m, v in variants.items()}
        expect_no_nan(got[k], expected[k], case=case, mistake=MISTAKE.nan_tanh, what=f"your {name}")
        expect_close(got[k], expected[k], case=f"{case}; comparing {name}", dtype=inputs["x"].dtype,
                     mistakes=mistakes)


NAMED_CASES = {
    "smallest: batch 1, input 2, hidden 3": dict(seed=0, B=1, I=2, H=3),
    "batch of 4": dict(seed=1, B=4, I=3, H=5),
    "input size larger than hidden size": dict(seed=2, B=3, I=7, H=2),
    "hidden size 1": dict(seed=3, B=3, I=4, H=1),
    "zero initial state": dict(seed=4, B=2, I=3, H=4, zero_state=True),
    "no biases (None)": dict(seed=5, B=2, I=3, H=4, bias=False),
    "unbatched x (input_size,)": dict(seed=6, I=3, H=4, batched=False),
    "saturated gates (large weights)": dict(seed=7, B=3, I=4, H=4, gain=300.0),
    "float32": dict(seed=8, B=5, I=6, H=8, dtype=torch.float32),
}

CASES = Cases(lambda target, params, device="cpu": check_case(target.lstm_cell, make_case(**params), device),
              NAMED_CASES, partial(random_cell, stream=300), seeds=3, cuda=True)

# Without biases (None): a zero bias made on the CPU shows on every machine.
DEVICE = OnDevice(lambda target, device: call(target.lstm_cell, *to(make_case(43, bias=False, dtype=torch.float32),
                                                                   device).values()),
                  case="x (2, 3), h, c (2, 4) float32, bias_ih=None, bias_hh=None")

SPEED = Speed(cell_speed("lstm_cell", LSTMCell, make_case, {"cpu": (1024, 64, 64), "cuda": (4096, 1024, 1024)}),
              limit={"cpu": 5, "cuda": 5}, reference="nn.LSTMCell")
