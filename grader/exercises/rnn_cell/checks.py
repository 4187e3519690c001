"""Checks of exercises/rnn_cell.py against nn.RNNCell (tanh, the same weights) in float64."""
from __future__ import annotations

from functools import partial

import torch
from torch.nn import RNNCell  # bound before the learner's code runs

from grader.check import Cases, OnDevice, call, Speed, expect_close, expect_on_device, mistakes
from grader.check.family.sequence import (call_cell, cell_case, cell_speed, to, expect_no_nan, pre_activation,
                                          random_cell, torch_cell)

MISTAKE = mistakes("rnn_cell")
TOLERANCE = {"float32": (1e-4, 1e-5)}

make_case = partial(cell_case, gates=1, states=("h",))


def check_case(rnn, inputs, device="cpu"):
    got, case, args, on_device = call_cell(rnn, inputs, device)
    expect_on_device(got, on_device, case=case)

    x, h, w_ih, w_hh, b_ih, b_hh = args
    by_hand = lambda act=torch.tanh, **kw: act(pre_activation(*args, **kw))  # noqa: E731
    expected = torch_cell(RNNCell, args)
    mistakes = {MISTAKE.no_tanh: lambda: by_hand(lambda t: t),
                MISTAKE.relu: lambda: torch_cell(RNNCell, args, nonlinearity="relu"),
                MISTAKE.sigmoid: lambda: by_hand(torch.sigmoid),
                MISTAKE.h_ignored: lambda: by_hand(use_h=False),
                MISTAKE.not_transposed: lambda: by_hand(transpose=False),
                MISTAKE.weights_swapped: lambda: torch.tanh(pre_activation(x, h, w_hh, w_ih, b_ih, b_hh))}
    if b_ih is not None:
        mistakes[MISTAKE.bias_ih_ignored] = lambda: by_hand(use_bias_ih=False)
        mistakes[MISTAKE.bias_hh_ignored] = lambda: by_hand(use_bias_hh=False)
    expect_no_nan(got, expected, case=case, mistake=MISTAKE.nan_tanh)
    expect_close(got, expected, case=case, dtype=inputs["x"].dtype, mistakes=mistakes)


NAMED_CASES = {
    "smallest: batch 1, input 2, hidden 3": dict(seed=0, B=1, I=2, H=3),
    "batch of 4": dict(seed=1, B=4, I=3, H=5),
    "input size != hidden size": dict(seed=2, B=3, I=7, H=2),
    "input size = hidden size": dict(seed=3, B=3, I=4, H=4),
    "zero initial state": dict(seed=4, B=2, I=3, H=4, zero_state=True),
    "no biases (None)": dict(seed=5, B=2, I=3, H=4, bias=False),
    "unbatched x (input_size,)": dict(seed=6, I=3, H=4, batched=False),
    "saturated units (large weights)": dict(seed=7, B=3, I=4, H=4, gain=300.0),
    "float32": dict(seed=8, B=5, I=6, H=8, dtype=torch.float32),
}

CASES = Cases(lambda target, params, device="cpu": check_case(target.rnn_cell, make_case(**params), device),
              NAMED_CASES, partial(random_cell, stream=400), seeds=3, cuda=True)

# Without biases (None): a zero bias made on the CPU shows on every machine.
DEVICE = OnDevice(lambda target, device: call(target.rnn_cell, *to(make_case(43, bias=False, dtype=torch.float32),
                                                                   device).values()),
                  case="x (2, 3), h (2, 4) float32, bias_ih=None, bias_hh=None")

SPEED = Speed(cell_speed("rnn_cell", RNNCell, make_case, {"cpu": (512, 128, 128), "cuda": (4096, 1024, 1024)}),
              limit={"cpu": 3, "cuda": 5}, reference="nn.RNNCell")
