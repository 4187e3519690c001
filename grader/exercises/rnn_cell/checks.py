"""Checks of exercises/rnn_cell.py against nn.RNNCell (tanh, the same weights) in float64."""
from __future__ import annotations


import pytest
import torch
from torch.nn import RNNCell  # bound before the learner's code runs

from grader.check import (call, CheckFailure, describe, expect_close, expect_fast, expect_on_device,
                         expect_unchanged, measure, mistakes, skip_without_cuda, snapshot)

MISTAKE = mistakes('rnn_cell')


RTOL = {torch.float32: 1e-4, torch.float64: 1e-7}
ATOL = {torch.float32: 1e-5, torch.float64: 1e-9}


def make_case(seed, B=2, I=3, H=4, batched=True, bias=True, zero_state=False, gain=1.0, dtype=torch.float64):
    g = torch.Generator().manual_seed(seed)
    r = lambda *shape, s=1.0: (torch.randn(*shape, generator=g, dtype=torch.float64) * s).to(dtype)  # noqa: E731
    shape = (B,) if batched else ()
    x, h = r(*shape, I), r(*shape, H)
    if zero_state:
        h = torch.zeros_like(h)
    return dict(x=x, h=h, weight_ih=r(H, I, s=gain), weight_hh=r(H, H, s=gain),
                bias_ih=r(H, s=gain) if bias else None, bias_hh=r(H, s=gain) if bias else None)


def load_weights(cell, weight_ih, weight_hh, bias_ih, bias_hh):
    """`cell` (an nn.RNNCell or nn.LSTMCell) with the case's weights; a bias None beside the other is zeros."""
    with torch.no_grad():
        cell.weight_ih.copy_(weight_ih)
        cell.weight_hh.copy_(weight_hh)
        if cell.bias:
            cell.bias_ih.copy_(bias_ih if bias_ih is not None else torch.zeros_like(cell.bias_ih))
            cell.bias_hh.copy_(bias_hh if bias_hh is not None else torch.zeros_like(cell.bias_hh))
    return cell


def torch_cell(x, h, weight_ih, weight_hh, bias_ih, bias_hh, nonlinearity="tanh"):
    """nn.RNNCell in float64 with the given weights."""
    I, H = weight_ih.shape[1], weight_hh.shape[1]
    cell = RNNCell(I, H, bias=bias_ih is not None or bias_hh is not None, nonlinearity=nonlinearity,
                   dtype=torch.float64)
    with torch.no_grad():
        return load_weights(cell, weight_ih, weight_hh, bias_ih, bias_hh)(x, h)


def by_hand(x, h, weight_ih, weight_hh, bias_ih, bias_hh, *, act=torch.tanh, transpose=True, use_h=True,
            use_bias_ih=True, use_bias_hh=True):
    T = (lambda w: w.T) if transpose else (lambda w: w)
    pre = x @ T(weight_ih) + (h @ T(weight_hh) if use_h else 0)
    if bias_ih is not None and use_bias_ih:
        pre = pre + bias_ih
    if bias_hh is not None and use_bias_hh:
        pre = pre + bias_hh
    return act(pre)


def check_case(rnn, inputs, device="cpu"):
    inputs = {k: (None if v is None else v.to(device)) for k, v in inputs.items()}
    case = describe(**inputs) + ("" if device == "cpu" else f", on {device}")
    present = {k: v for k, v in inputs.items() if v is not None}
    before = snapshot(**present)
    got = call(rnn, *inputs.values())
    expect_unchanged(before, present, case=case)
    expect_on_device(got, inputs["x"].device, case=case)

    args = [None if v is None else v.cpu().double() for v in inputs.values()]
    x, h, w_ih, w_hh, b_ih, b_hh = args
    expected = torch_cell(*args)
    mistakes = {MISTAKE.no_tanh: lambda: by_hand(*args, act=lambda t: t),
                MISTAKE.relu: lambda: torch_cell(*args, nonlinearity="relu"),
                MISTAKE.sigmoid: lambda: by_hand(*args, act=torch.sigmoid),
                MISTAKE.h_ignored: lambda: by_hand(*args, use_h=False),
                MISTAKE.not_transposed: lambda: by_hand(*args, transpose=False),
                MISTAKE.weights_swapped: lambda: by_hand(x, h, w_hh, w_ih, b_ih, b_hh)}
    if b_ih is not None:
        mistakes[MISTAKE.bias_ih_ignored] = lambda: by_hand(*args, use_bias_ih=False)
        mistakes[MISTAKE.bias_hh_ignored] = lambda: by_hand(*args, use_bias_hh=False)
    if isinstance(got, torch.Tensor) and got.shape == expected.shape and torch.isnan(got.detach().cpu()).any():
        raise CheckFailure("your output contains NaN where torch's is finite", case=case, mistake=MISTAKE.nan_tanh)
    dtype = inputs["x"].dtype
    expect_close(got, expected, case=case, dtype=dtype, rtol=RTOL[dtype], atol=ATOL[dtype], framework="torch",
                 mistakes=mistakes)


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


@pytest.mark.parametrize("params", NAMED_CASES.values(), ids=NAMED_CASES.keys())
def test_matches_torch(target, params):
    check_case(target.rnn_cell, make_case(**params))


@pytest.mark.parametrize("seed", range(3), ids=lambda s: f"seed {s}")
def test_random_case(target, seed):
    g = torch.Generator().manual_seed(400 + seed)
    B, I, H = (int(v) for v in torch.randint(1, 9, (3,), generator=g))
    check_case(target.rnn_cell, make_case(100 + seed, B=B, I=I, H=H, dtype=[torch.float64, torch.float32][seed % 2]))


@pytest.mark.cuda
def test_matches_torch_on_cuda(target):
    skip_without_cuda()
    for params in NAMED_CASES.values():
        check_case(target.rnn_cell, make_case(**params), device="cuda")


SPEED = {"cpu": dict(B=512, I=128, H=128, limit=3), "cuda": dict(B=4096, I=1024, H=1024, limit=5)}


@pytest.mark.speed
@pytest.mark.parametrize("device", ["cpu", pytest.param("cuda", marks=pytest.mark.cuda)])
def test_speed_against_torch(target, device):
    skip_without_cuda(device)
    s = SPEED[device]
    inputs = {k: v.to(device, torch.float32) for k, v in make_case(0, B=s["B"], I=s["I"], H=s["H"]).items()}
    speed_check(target.rnn_cell, RNNCell(s["I"], s["H"], device=device), inputs, inputs["h"], limit=s["limit"],
                device=device)


def speed_check(fn, cell, inputs, state, *, limit, device):
    """Time the learner's cell on `inputs` against `cell` (torch's, given the same weights) on `state`."""
    load_weights(cell, *(inputs[k] for k in ("weight_ih", "weight_hh", "bias_ih", "bias_hh")))
    call(fn, *inputs.values())  # a crash here is reported as a crash

    def torchs():
        with torch.no_grad():
            return cell(inputs["x"], state)

    result = measure(lambda: fn(*inputs.values()), torchs, limit=limit, reference_name=f"nn.{type(cell).__name__}",
                     device=device)
    expect_fast(result, case=describe(**inputs) + f", on {device}")
