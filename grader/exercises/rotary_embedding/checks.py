"""Checks of exercises/rotary_embedding.py against a complex-number rotation in float64 written here.

The oracle turns each pair of coordinates (a, b) into the complex number a + ib and multiplies it by
exp(i p theta_i), theta_i = base^(-2i/D), in float64 on the CPU (autograd through it for the
gradients). A second check proves the relative-position property on the learner's own output: with both
positions shifted by a constant, every q . k stays the same, and norms are preserved. The classic
mistakes are variants of the oracle, used only to name them.
"""
from __future__ import annotations

import torch

from grader.check import Cases, CheckFailure, OnDevice, Speed, call, call_unchanged, describe, expect_close, \
    expect_on_device, mistakes

MISTAKE = mistakes("rotary_embedding")


def make_case(seed, shape, positions=None, base=10000.0, interleaved=False, dtype=torch.float64, device="cpu"):
    """x of `shape` (..., T, D) and positions: a list, an offset int (offset .. offset + T - 1), or None (0 .. T-1)."""
    g = torch.Generator().manual_seed(seed)
    T = shape[-2]
    x = torch.randn(shape, generator=g, dtype=torch.float64).to(dtype=dtype, device=device)
    if positions is None or isinstance(positions, int):
        pos = torch.arange(T) + (positions or 0)
    else:
        pos = torch.tensor(positions)
    return dict(x=x, positions=pos.to(device), base=base, interleaved=interleaved)


def rope64(x, positions, base, interleaved, *, exponent=2.0):
    """The spec as a complex multiplication: pair i is a + ib, times exp(i p theta_i)."""
    D = x.shape[-1]
    theta = base ** (-exponent * torch.arange(D // 2, dtype=torch.float64) / D)  # (D/2,)
    ang = positions.to(torch.float64)[:, None] * theta  # (T, D/2)
    turn = torch.polar(torch.ones_like(ang), ang)  # (T, D/2) complex
    if interleaved:
        z = torch.view_as_complex(x.reshape(*x.shape[:-1], D // 2, 2).contiguous()) * turn  # (..., T, D/2)
        return torch.view_as_real(z).flatten(-2)  # (..., T, D)
    z = torch.complex(x[..., :D // 2], x[..., D // 2:]) * turn  # (..., T, D/2)
    return torch.cat((z.real, z.imag), dim=-1)  # (..., T, D)


def table_form(x, positions, base, interleaved, table_interleaved):
    """x * cos + rotated(x) * sin with a (T, D) table laid out as `table_interleaved` says."""
    D = x.shape[-1]
    ang = positions.to(torch.float64)[:, None] * base ** (-2.0 * torch.arange(D // 2, dtype=torch.float64) / D)
    ang = ang.repeat_interleave(2, dim=-1) if table_interleaved else torch.cat((ang, ang), dim=-1)  # (T, D)
    if interleaved:
        rot = torch.stack((-x[..., 1::2], x[..., 0::2]), dim=-1).flatten(-2)  # (..., T, D)
    else:
        rot = torch.cat((-x[..., D // 2:], x[..., :D // 2]), dim=-1)  # (..., T, D)
    return x * ang.cos() + rot * ang.sin()


def output_mistakes(x, pos, base, interleaved):
    T, D = x.shape[-2:]
    m = {MISTAKE.freq_i_over_d: lambda: rope64(x, pos, base, interleaved, exponent=1.0),
         MISTAKE.rotation_sign: lambda: rope64(x, -pos, base, interleaved)}
    if D > 2:  # with one pair both layouts are the same
        m[MISTAKE.wrong_pairing] = lambda: rope64(x, pos, base, not interleaved)
        m[MISTAKE.table_layout] = lambda: table_form(x, pos, base, interleaved, not interleaved)
    if not torch.equal(pos, torch.arange(T)):
        m[MISTAKE.positions_ignored] = lambda: rope64(x, torch.arange(T), base, interleaved)
    if base != 10000.0:
        m[MISTAKE.base_ignored] = lambda: rope64(x, pos, 10000.0, interleaved)
    return m


def f64(t):
    return t.detach().to("cpu", torch.float64)


def check_case(target, c):
    case = describe(**c)
    got = call_unchanged(target.rotary_embedding, c["x"], c["positions"], case=case, base=c["base"],
                         interleaved=c["interleaved"])
    if not isinstance(got, torch.Tensor):
        raise CheckFailure(f"expected a torch.Tensor, your function returned {type(got).__name__}", case=case)
    expect_on_device(got, c["x"].device, case=case)
    x, pos = f64(c["x"]), c["positions"].cpu()
    expected, dtype = rope64(x, pos, c["base"], c["interleaved"]), c["x"].dtype
    if dtype != torch.float64:
        expect_close(got, expected, case=case, dtype=dtype, mistakes=output_mistakes(x, pos, c["base"], c["interleaved"]))
        return
    # First to float32's precision (an angle of p radians in float32 is off by up to p * 6e-8), so that every
    # mistake is named also in code that builds its table in float32; then to float64's.
    loose = 1e-4 + 3e-7 * float(pos.abs().max()) * float(x.abs().max())
    expect_close(got, expected, case=case, dtype=dtype, rtol=1e-4, atol=loose,
                 mistakes=output_mistakes(x, pos, c["base"], c["interleaved"]))
    try:
        expect_close(got, expected, case=case, dtype=dtype)
    except CheckFailure as failure:
        raise CheckFailure(failure.message + "\nright to float32 precision only: for float64 x compute the angles, "
                           "cos and sin in float64", case=case, mistake=MISTAKE.float32_table) from None


NAMED_CASES = {
    "smallest: one token, D=2, position 3": dict(seed=0, shape=(1, 2), positions=[3]),
    "(T, D), positions 0..T-1": dict(seed=1, shape=(5, 8)),
    "(B, H, T, D), positions 0..T-1": dict(seed=2, shape=(2, 3, 4, 8)),
    "(B, H, T, D), positions 7..10 (after a KV cache of 7)": dict(seed=3, shape=(2, 2, 4, 6), positions=7),
    "interleaved, (B, H, T, D)": dict(seed=4, shape=(2, 2, 5, 8), interleaved=True),
    "interleaved, positions 12..14": dict(seed=5, shape=(1, 3, 3, 4), positions=12, interleaved=True),
    "positions not consecutive, not sorted": dict(seed=6, shape=(2, 4, 6), positions=[9, 0, 4, 31]),
    "base 500000 (Llama 3)": dict(seed=7, shape=(1, 2, 6, 16), positions=2, base=500000.0),
    "base 100, interleaved": dict(seed=8, shape=(3, 5, 8), positions=[1, 5, 2, 8, 3], base=100.0, interleaved=True),
    "large positions 4090..4095, D=64": dict(seed=9, shape=(1, 6, 64), positions=4090),
    "float32 (B, H, T, D)": dict(seed=10, shape=(2, 4, 8, 32), positions=5, dtype=torch.float32),
    "float32 interleaved": dict(seed=11, shape=(2, 8, 16), positions=[3, 1, 4, 1, 5, 9, 2, 6],
                                interleaved=True, dtype=torch.float32),
}


def check_gradients(target, c):
    case = describe(**c)
    x = c["x"].detach().clone().requires_grad_(True)
    out = call(target.rotary_embedding, x, c["positions"], base=c["base"], interleaved=c["interleaved"])
    if not isinstance(out, torch.Tensor) or out.grad_fn is None:
        raise CheckFailure("your output has no grad_fn: autograd cannot compute any gradient through it", case=case)
    g = torch.randn(out.shape, generator=torch.Generator().manual_seed(7), dtype=torch.float64)
    (got,) = call(lambda: torch.autograd.grad((out * g.to(out)).sum(), [x], allow_unused=True))
    if got is None:
        raise CheckFailure("no gradient reaches `x`", case=case)
    ref = f64(x).requires_grad_(True)
    (exp,) = torch.autograd.grad((rope64(ref, c["positions"], c["base"], c["interleaved"]) * g).sum(), [ref])
    expect_close(got, exp, case=case, dtype=x.dtype, what="the gradient of `x`", rtol=1e-4, atol=1e-4)  # as float32


GRAD_CASES = {"(B, T, D), positions 3..6": dict(seed=20, shape=(2, 4, 6), positions=3),
              "interleaved, positions 3..6": dict(seed=21, shape=(2, 4, 6), positions=3, interleaved=True)}


def check_relative(target, c, shift=37):
    """q . k of the learner's rotated vectors depends on positions only through p - p'; norms are kept."""
    case = describe(**c) + f"; q, k = two halves of x, then both positions + {shift}"
    x = c["x"]
    T = x.shape[-2] // 2
    q, k, pos = x[..., :T, :], x[..., T:, :], c["positions"][:T]

    def rotate(t, p):
        out = call(target.rotary_embedding, t, p, base=c["base"], interleaved=c["interleaved"])
        if not isinstance(out, torch.Tensor) or out.shape != t.shape:
            raise CheckFailure(f"expected a tensor of shape {tuple(t.shape)}, got "
                               f"{getattr(out, 'shape', type(out).__name__)}", case=case)
        return f64(out)

    rq, rk = rotate(q, pos), rotate(k, pos)
    loose = dict(rtol=1e-4, atol=1e-4)  # to float32's precision, also for float64 x (the values check is exact)
    expect_close(rq.norm(dim=-1), f64(q).norm(dim=-1), case=case, dtype=torch.float64, **loose,
                 what="the norm of each rotated vector (a rotation keeps it)")
    scores = rq @ rk.transpose(-2, -1)  # (..., T, T): query at pos[i], key at pos[j]
    shifted = rotate(q, pos + shift) @ rotate(k, pos + shift).transpose(-2, -1)
    expect_close(shifted, scores, case=case, dtype=torch.float64, **loose,
                 what=f"q . k with both positions shifted by {shift} (RoPE's score depends on p - p' only)")


RELATIVE_CASES = {"half-split, positions 0, 5, 2, 9": dict(seed=30, shape=(2, 8, 8), positions=[0, 5, 2, 9] * 2),
                  "interleaved, positions 0, 5, 2, 9": dict(seed=31, shape=(2, 8, 8), positions=[0, 5, 2, 9] * 2,
                                                            interleaved=True)}


def random_case(seed, device):
    g = torch.Generator().manual_seed(1000 + seed)
    r = lambda lo, hi: int(torch.randint(lo, hi, (), generator=g))  # noqa: E731
    T = r(1, 8)
    shape = tuple(r(1, 4) for _ in range(r(0, 3))) + (T, 2 * r(1, 9))
    positions = torch.randint(0, 200, (T,), generator=g).tolist()
    return make_case(seed, shape, positions, base=[10000.0, 500.0, 1e6][r(0, 3)], interleaved=bool(r(0, 2)),
                     dtype=[torch.float64, torch.float32][seed % 2], device=device)


def check_random(target, seeds, device="cpu"):
    for seed in seeds:
        check_case(target, random_case(seed, device))


CASES = [Cases(lambda target, p: check_case(target, make_case(**p)), NAMED_CASES),
         Cases(lambda target, p: check_relative(target, make_case(**p)), RELATIVE_CASES,
               name="scores depend on relative positions only"),
         Cases(lambda target, p: check_gradients(target, make_case(**p)), GRAD_CASES, name="gradients match autograd"),
         Cases(check_random, {"cpu": range(4)}, cuda=True, name="random cases")]

DEVICE = OnDevice(lambda target, device: call(target.rotary_embedding, *list(make_case(
    44, (2, 5, 8), positions=3, dtype=torch.float32, device=device).values())[:2]),
    case="x (2, 5, 8) float32, positions 3..7")


def complex_rope32(x, positions, base):
    """The speed reference: the half-split as a float32 complex multiplication."""
    D = x.shape[-1]
    theta = base ** (-torch.arange(0, D, 2, device=x.device, dtype=torch.float32) / D)  # (D/2,)
    ang = positions.to(torch.float32)[:, None] * theta  # (T, D/2)
    z = torch.complex(x[..., :D // 2], x[..., D // 2:]) * torch.polar(torch.ones_like(ang), ang)  # (..., T, D/2)
    return torch.cat((z.real, z.imag), dim=-1)  # (..., T, D)


def speed_setup(target, device):
    shape = {"cpu": (4, 8, 256, 64), "cuda": (8, 32, 2048, 128)}[device]
    c = make_case(0, shape, dtype=torch.float32, device=device)
    x, pos = c["x"], c["positions"]
    return (lambda: target.rotary_embedding(x, pos), lambda: complex_rope32(x, pos, 10000.0),
            describe(**c) + ", half-split")


SPEED = Speed(speed_setup, limit={"cpu": 10, "cuda": 10}, reference="a float32 complex multiplication")
