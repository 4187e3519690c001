"""What the sequence-model checks share: inputs on a device and back in float64, random attention
masks, and the recurrent cells' cases, torch oracle, NaN check and speed check."""
from __future__ import annotations

import torch

from grader.check import CheckFailure, call_unchanged, describe

def on(device) -> str:
    """The case line's device suffix: nothing on the CPU."""
    return "" if device == "cpu" else f", on {device}"


def to(inputs: dict, device) -> dict:
    """`inputs` with each tensor on `device` (None and plain values as they are)."""
    return {k: v.to(device) if isinstance(v, torch.Tensor) else v for k, v in inputs.items()}


def as64(t):
    """The oracle's copy of an input: on the CPU in float64 (a boolean mask stays boolean)."""
    return None if t is None else t.detach().cpu() if t.dtype == torch.bool else t.detach().cpu().double()


def random_mask(g, shape, kind, dtype, *, p, keep, drop, hidden_row=None):
    """A "bool…" mask (True = may attend) or a "float…" one (-inf where hidden) of `shape` (..., L, S).

    Keys are visible with probability `p`, but query i always sees key keep(i) and, when there are
    several keys, never key drop(i); `hidden_row` is a query that sees no key at all."""
    allowed = torch.rand(*shape, generator=g) < p
    rows = torch.arange(shape[-2])
    allowed[..., rows, keep(rows)] = True
    if shape[-1] > 1:
        allowed[..., rows, drop(rows)] = False
    if hidden_row is not None:
        allowed[..., hidden_row, :] = False
    if kind.startswith("bool"):
        return allowed
    return torch.randn(*shape, generator=g, dtype=dtype).masked_fill(~allowed, float("-inf"))


# The recurrent cells (rnn_cell, lstm_cell): weights stored as torch stores them, gate blocks stacked.

def cell_case(seed, *, gates, states, B=2, I=3, H=4, batched=True, bias=True, zero_state=False, gain=1.0,
              dtype=torch.float64):
    """x, the `states` ("h", "c"), then weights of `gates` blocks of H rows each, as nn.RNNCell / nn.LSTMCell."""
    g = torch.Generator().manual_seed(seed)
    r = lambda *shape, s=1.0: (torch.randn(*shape, generator=g, dtype=torch.float64) * s).to(dtype)  # noqa: E731
    shape = (B,) if batched else ()
    x = r(*shape, I)
    state = {n: r(*shape, H) for n in states}
    if zero_state:
        state = {n: torch.zeros_like(t) for n, t in state.items()}
    G = gates * H
    return dict(x=x, **state, weight_ih=r(G, I, s=gain), weight_hh=r(G, H, s=gain),
                bias_ih=r(G, s=gain) if bias else None, bias_hh=r(G, s=gain) if bias else None)


def random_cell(seed, *, stream):
    """A random cell case's parameters: sizes 1..8 from generator `stream + seed`, float64 and float32 by turns."""
    g = torch.Generator().manual_seed(stream + seed)
    B, I, H = (int(v) for v in torch.randint(1, 9, (3,), generator=g))
    return dict(seed=100 + seed, B=B, I=I, H=H, dtype=[torch.float64, torch.float32][seed % 2])


def load_weights(cell, weight_ih, weight_hh, bias_ih, bias_hh):
    """`cell` (an nn.RNNCell or nn.LSTMCell) with the case's weights; a bias None beside the other is zeros."""
    with torch.no_grad():
        cell.weight_ih.copy_(weight_ih)
        cell.weight_hh.copy_(weight_hh)
        if cell.bias:
            cell.bias_ih.copy_(bias_ih if bias_ih is not None else torch.zeros_like(cell.bias_ih))
            cell.bias_hh.copy_(bias_hh if bias_hh is not None else torch.zeros_like(cell.bias_hh))
    return cell


def torch_cell(cls, args, **options):
    """torch's `cls` in float64 with the case's weights, one step: args = [x, *states, W_ih, W_hh, b_ih, b_hh]."""
    x, *state, w_ih, w_hh, b_ih, b_hh = args
    cell = cls(w_ih.shape[1], w_hh.shape[1], bias=b_ih is not None or b_hh is not None, dtype=torch.float64,
               **options)
    with torch.no_grad():
        return load_weights(cell, w_ih, w_hh, b_ih, b_hh)(x, state[0] if len(state) == 1 else tuple(state))


def pre_activation(x, h, weight_ih, weight_hh, bias_ih, bias_hh, *, transpose=True, use_h=True, use_bias_ih=True,
                   use_bias_hh=True):
    """x @ W_ih^T + h @ W_hh^T + both biases, (B, gates * H), with a switch per classic mistake."""
    T = (lambda w: w.T) if transpose else (lambda w: w)
    pre = x @ T(weight_ih) + (h @ T(weight_hh) if use_h else 0)
    if bias_ih is not None and use_bias_ih:
        pre = pre + bias_ih
    if bias_hh is not None and use_bias_hh:
        pre = pre + bias_hh
    return pre


def call_cell(fn, inputs: dict, device):
    """The learner's cell on `inputs` moved to `device`, which it must not modify: its answer, the case line,
    the float64 inputs for the oracle and the device its answer must be on."""
    inputs = to(inputs, device)
    case = describe(**inputs) + on(device)
    got = call_unchanged(fn, *inputs.values(), case=case)
    return got, case, [as64(v) for v in inputs.values()], inputs["x"].device


def expect_no_nan(got, expected, *, case, mistake, what="your output"):
    """NaN where torch's answer is finite: an exp() that overflowed, named before the values are compared."""
    if isinstance(got, torch.Tensor) and got.shape == expected.shape and torch.isnan(got.detach().cpu()).any() \
            and torch.isfinite(expected).all():
        raise CheckFailure(f"{what} contains NaN where torch's is finite", case=case, mistake=mistake)


def cell_speed(name, cls, make_case, sizes):
    """SPEED's setup for a cell: float32 inputs of sizes[device] = (B, I, H), against torch's `cls`."""
    def setup(target, device):
        B, I, H = sizes[device]
        inputs = {k: v.to(device, torch.float32) for k, v in make_case(0, B=B, I=I, H=H).items()}
        x, *state, w_ih, w_hh, b_ih, b_hh = args = list(inputs.values())
        cell = load_weights(cls(I, H, device=device), w_ih, w_hh, b_ih, b_hh)

        def torchs():
            with torch.no_grad():
                return cell(x, state[0] if len(state) == 1 else tuple(state))

        return lambda: getattr(target, name)(*args), torchs, describe(**inputs) + f", on {device}"
    return setup
