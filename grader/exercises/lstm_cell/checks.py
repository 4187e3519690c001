"""Checks of exercises/lstm_cell.py against nn.LSTMCell (the same weights) in float64."""
from __future__ import annotations

import itertools

import pytest
import torch
from torch.nn import LSTMCell  # bound before the learner's code runs

from grader.check import (call, CheckFailure, describe, expect_close, expect_on_device, expect_unchanged, Mistake,
                         mistakes, skip_without_cuda, snapshot)
from grader.exercises.rnn_cell.checks import load_weights, speed_check  # the same torch cell plumbing

MISTAKE = mistakes('lstm_cell')


ORDER = "ifgo"
RTOL = {torch.float32: 1e-4, torch.float64: 1e-7}
ATOL = {torch.float32: 1e-5, torch.float64: 1e-9}


def gate_order_mistake(order: str) -> Mistake:
    return Mistake("gate order mixed up", f"you read the four blocks of the gates as ({', '.join(order)}); "
                   "torch stacks them as (i, f, g, o): input, forget, cell candidate, output", "gate-order")


def make_case(seed, B=2, I=3, H=4, batched=True, bias=True, zero_state=False, gain=1.0, dtype=torch.float64):
    g = torch.Generator().manual_seed(seed)
    r = lambda *shape, s=1.0: (torch.randn(*shape, generator=g, dtype=torch.float64) * s).to(dtype)  # noqa: E731
    shape = (B,) if batched else ()
    x, h, c = r(*shape, I), r(*shape, H), r(*shape, H)
    if zero_state:
        h, c = torch.zeros_like(h), torch.zeros_like(c)
    weights = dict(weight_ih=r(4 * H, I, s=gain), weight_hh=r(4 * H, H, s=gain),
                   bias_ih=r(4 * H, s=gain) if bias else None, bias_hh=r(4 * H, s=gain) if bias else None)
    return dict(x=x, h=h, c=c, **weights)


def torch_cell(x, h, c, weight_ih, weight_hh, bias_ih, bias_hh):
    """nn.LSTMCell in float64 with the given weights."""
    I, H = weight_ih.shape[1], weight_hh.shape[1]
    cell = LSTMCell(I, H, bias=bias_ih is not None or bias_hh is not None, dtype=torch.float64)
    with torch.no_grad():
        return load_weights(cell, weight_ih, weight_hh, bias_ih, bias_hh)(x, (h, c))


def by_hand(x, h, c, weight_ih, weight_hh, bias_ih, bias_hh, *, forget=True, tanh_c=True, new_c_in_h=True,
            g_act=torch.tanh, use_bias_ih=True, use_bias_hh=True):
    """The cell written out, with switches for the mistakes torch's cell cannot make."""
    gates = x @ weight_ih.T + h @ weight_hh.T
    if bias_ih is not None and use_bias_ih:
        gates = gates + bias_ih
    if bias_hh is not None and use_bias_hh:
        gates = gates + bias_hh
    i, f, g, o = gates.chunk(4, dim=-1)
    c_new = (torch.sigmoid(f) * c if forget else c) + torch.sigmoid(i) * g_act(g)
    h_new = torch.sigmoid(o) * ((torch.tanh if tanh_c else (lambda t: t))(c_new if new_c_in_h else c))
    return h_new, c_new


def regroup(w, order):
    """Weights whose torch-order blocks are the blocks a learner reading `order` would use."""
    if w is None:
        return None
    blocks = w.chunk(4, dim=0)
    return torch.cat([blocks[order.index(name)] for name in ORDER], dim=0)


def check_case(lstm, inputs, device="cpu"):
    inputs = {k: (None if v is None else v.to(device)) for k, v in inputs.items()}
    case = describe(**inputs) + ("" if device == "cpu" else f", on {device}")
    present = {k: v for k, v in inputs.items() if v is not None}
    before = snapshot(**present)
    got = call(lstm, *inputs.values())
    expect_unchanged(before, present, case=case)
    if not (isinstance(got, tuple) and len(got) == 2):
        raise CheckFailure(f"lstm_cell must return the tuple (h_new, c_new); yours returned "
                           f"{type(got).__name__}{'' if not isinstance(got, (tuple, list)) else f' of {len(got)}'}",
                           case=case)
    for name, t in zip(("h_new", "c_new"), got):
        expect_on_device(t, inputs["x"].device, case=case, what=f"your {name}")

    args = [None if v is None else v.cpu().double() for v in inputs.values()]
    expected = torch_cell(*args)
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
                *args[:3], *(regroup(w, o) for w in args[3:]))
    dtype = inputs["x"].dtype
    for k, name in enumerate(("h_new", "c_new")):
        mistakes = {m: (lambda v=v, k=k: v()[k]) for m, v in variants.items()}
        if isinstance(got[k], torch.Tensor) and got[k].shape == expected[k].shape and \
                torch.isnan(got[k].detach().cpu()).any() and torch.isfinite(expected[k]).all():
            raise CheckFailure(f"your {name} contains NaN where torch's is finite", case=case, mistake=MISTAKE.nan_tanh)
        expect_close(got[k], expected[k], case=f"{case}; comparing {name}", dtype=dtype, rtol=RTOL[dtype],
                     atol=ATOL[dtype], framework="torch", mistakes=mistakes)


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


@pytest.mark.parametrize("params", NAMED_CASES.values(), ids=NAMED_CASES.keys())
def test_matches_torch(target, params):
    check_case(target.lstm_cell, make_case(**params))


@pytest.mark.parametrize("seed", range(3), ids=lambda s: f"seed {s}")
def test_random_case(target, seed):
    g = torch.Generator().manual_seed(300 + seed)
    B, I, H = (int(v) for v in torch.randint(1, 9, (3,), generator=g))
    check_case(target.lstm_cell, make_case(100 + seed, B=B, I=I, H=H, dtype=[torch.float64, torch.float32][seed % 2]))


@pytest.mark.cuda
def test_matches_torch_on_cuda(target):
    skip_without_cuda()
    for params in NAMED_CASES.values():
        check_case(target.lstm_cell, make_case(**params), device="cuda")


SPEED = {"cpu": dict(B=1024, I=64, H=64, limit=4), "cuda": dict(B=4096, I=1024, H=1024, limit=5)}


@pytest.mark.speed
@pytest.mark.parametrize("device", ["cpu", pytest.param("cuda", marks=pytest.mark.cuda)])
def test_speed_against_torch(target, device):
    skip_without_cuda(device)
    s = SPEED[device]
    inputs = {k: v.to(device, torch.float32) for k, v in make_case(0, B=s["B"], I=s["I"], H=s["H"]).items()}
    speed_check(target.lstm_cell, LSTMCell(s["I"], s["H"], device=device), inputs, (inputs["h"], inputs["c"]),
                limit=s["limit"], device=device)
