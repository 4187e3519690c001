"""Checks of exercises/sampling.py.

filter_logits: exactly, against a plain per-row reference in float64 (sort the probabilities, walk down
the list). sample_next_token: statistically, a chi-square test of many samples against the filtered,
tempered softmax with a 6-sigma bound, and with a torch.Generator for reproducibility; temperature 0 is
greedy. Each mistake's variant is a distribution (or a filtered tensor) used only to name it.
"""
from __future__ import annotations

import math

import torch

from grader.check import (Cases, CheckFailure, OnDevice, Speed, call, call_unchanged, describe, expect_close,
                          expect_on_device, mistakes, record_reproduced)

MISTAKE = mistakes("sampling")
NEG = float("-inf")
multinomial, topk_values = torch.multinomial, torch.topk  # bound before the learner's code runs


def reference_filter(logits, top_k=None, top_p=None, *, mode=""):
    """The spec, row by row in float64 (mode: one classic mistake, only to name it)."""
    x = logits.detach().to("cpu", torch.float64)
    out = x.clone()
    fill = 0.0 if mode == "zero" else NEG
    for r in range(x.shape[0]):
        row = x[r].tolist()
        V = len(row)
        keep = [True] * V
        if top_k is not None and top_k < V:
            kth = sorted(row, reverse=True)[top_k - 1]
            if mode.startswith("exact k"):  # exactly k: ties by lower index, higher index, or torch.topk's choice
                order = (topk_values(logits[r], top_k).indices.tolist() if mode == "exact k torch" else
                         sorted(range(V), key=lambda i: (-row[i], i if mode == "exact k low" else -i))[:top_k])
                keep = [i in order for i in range(V)]
            else:
                keep = [v >= kth for v in row]
        if top_p is not None and top_p < 1.0:
            base = row if mode == "p first" else [v if k else NEG for v, k in zip(row, keep)]
            m = max(base)
            e = [math.exp(v - m) if v != NEG else 0.0 for v in base]
            z = sum(e)
            probs = [v / z for v in e]
            order = sorted(range(V), key=lambda i: (-probs[i], i))
            above, nucleus = 0.0, set()
            for rank, i in enumerate(order):
                inclusive = above + probs[i]
                stop = inclusive > top_p if mode == "crossing" else above >= top_p
                if rank > 0 and stop:
                    break
                nucleus.add(i)
                above = inclusive
            keep = [k and i in nucleus for i, k in enumerate(keep)]
        for i in range(V):
            if not keep[i]:
                out[r, i] = fill
    return out


def probabilities(row, temperature, top_k, top_p, *, mode=""):
    """The distribution sample_next_token must draw from, for one row of logits (float64)."""
    x = row.detach().to("cpu", torch.float64)[None]
    t = 1.0 if mode == "no temperature" else temperature
    if mode == "multiply":
        scaled = x * temperature
    else:
        scaled = x / t
    if mode == "after filter":
        filtered = reference_filter(x, top_k, top_p)
        filtered = torch.where(torch.isinf(filtered), filtered, filtered / temperature)
    elif mode == "p first":
        filtered = reference_filter(scaled, top_k, top_p, mode="p first")
    else:
        filtered = reference_filter(scaled, top_k, top_p)
    return torch.softmax(filtered, -1)[0]


def chi_square_ok(counts, probs):
    """Whether the counts are consistent with probs: no sample where probs is 0, and a chi-square
    within 6 standard deviations of its mean (df = the number of tokens with probability > 0, minus 1)."""
    support = probs > 0
    if (counts[~support] > 0).any():
        return False, "impossible"
    n = counts.sum()
    expected = probs[support] * n
    chi2 = float(((counts[support] - expected) ** 2 / expected).sum())
    df = int(support.sum()) - 1
    return chi2 <= df + 6 * math.sqrt(2 * max(df, 1)), f"chi-square {chi2:.1f} with {df} degrees of freedom"


# ---------------------------------------------------------------- filter_logits

def check_filter(target, params, device="cpu"):
    logits, top_k, top_p = make_logits(**params["logits"]).to(device), params["top_k"], params["top_p"]
    case = describe(logits=logits, top_k=top_k, top_p=top_p) + ("" if device == "cpu" else f", on {device}")
    got = call_unchanged(target.filter_logits, logits, top_k=top_k, top_p=top_p, case=case)
    if isinstance(got, torch.Tensor):
        expect_on_device(got, logits.device, case=case)
    variants = {MISTAKE.crossing_dropped: lambda: reference_filter(logits, top_k, top_p, mode="crossing"),
                MISTAKE.zero_fill: lambda: reference_filter(logits, top_k, top_p, mode="zero")}
    if top_k is not None:
        variants[MISTAKE.ties_dropped] = [lambda m=m: reference_filter(logits, top_k, top_p, mode=m)
                                          for m in ("exact k low", "exact k high", "exact k torch")]
        if top_p is not None:
            variants[MISTAKE.top_p_before_top_k] = lambda: reference_filter(logits, top_k, top_p, mode="p first")
    expect_close(got, reference_filter(logits, top_k, top_p), case=case, dtype=logits.dtype, rtol=0, atol=0,
                 mistakes=variants, what="the filtered logits")


def make_logits(seed, B=3, V=10, scale=2.0, dtype=torch.float32, ties=False, masked=0):
    g = torch.Generator().manual_seed(seed)
    x = torch.randn(B, V, generator=g, dtype=torch.float64) * scale
    if ties:
        x = x.round()  # many equal logits
    if masked:
        x[:, -masked:] = NEG  # tokens already banned by the caller
    return x.to(dtype)


def fcase(top_k=None, top_p=None, **logits):
    return dict(logits=logits, top_k=top_k, top_p=top_p)


FILTER_CASES = {
    "nothing to filter (both None)": fcase(seed=0),
    "top_k=1: only the argmax": fcase(top_k=1, seed=1),
    "top_k=3": fcase(top_k=3, seed=2),
    "top_k >= V keeps everything": fcase(top_k=12, seed=3),
    "top_k=3 with tied logits": fcase(top_k=3, seed=4, ties=True, V=12),
    "top_p=0.9": fcase(top_p=0.9, seed=5),
    "top_p=0.5, peaked rows": fcase(top_p=0.5, seed=6, scale=4.0),
    "top_p tiny: at least one token": fcase(top_p=1e-4, seed=7),
    "top_p=1.0 keeps everything": fcase(top_p=1.0, seed=8),
    "top_k=5 then top_p=0.8": fcase(top_k=5, top_p=0.8, seed=9, V=16),
    "top_k=4, top_p=0.7, flat rows": fcase(top_k=4, top_p=0.7, seed=10, scale=0.3, V=16),
    "some logits already -inf": fcase(top_p=0.95, top_k=6, seed=11, masked=3),
    "float64 logits": fcase(top_k=6, top_p=0.9, seed=12, dtype=torch.float64, V=20),
    "one row, a large vocabulary": fcase(top_k=50, top_p=0.9, seed=13, B=1, V=300),
}


def random_filter(seed):
    g = torch.Generator().manual_seed(900 + seed)
    r = lambda lo, hi: int(torch.randint(lo, hi, (), generator=g))  # noqa: E731
    V = r(2, 40)
    top_k = [None, r(1, V + 2)][r(0, 2)]
    top_p = [None, round(float(torch.rand((), generator=g)) * 0.98 + 0.01, 3)][r(0, 2)]
    return fcase(top_k=top_k, top_p=top_p, seed=1900 + seed, B=r(1, 5), V=V, scale=[0.5, 2.0, 5.0][r(0, 3)],
                 dtype=[torch.float32, torch.float64][seed % 2])


# ---------------------------------------------------------------- sample_next_token

N_SAMPLES = 8000


def check_sampling(target, params, device="cpu"):
    row = make_logits(params["seed"], B=1, V=params.get("V", 8), scale=params.get("scale", 1.5))[0]
    T, top_k, top_p = params["temperature"], params.get("top_k"), params.get("top_p")
    logits = row.repeat(N_SAMPLES, 1).to(device)  # (N, V): every row the same distribution
    case = (describe(row=row, temperature=T, top_k=top_k, top_p=top_p)
            + f", the row repeated {N_SAMPLES} times, generator seeded 0" + ("" if device == "cpu" else f", on {device}"))
    g = torch.Generator(device=device).manual_seed(0)
    got = call_unchanged(target.sample_next_token, logits, temperature=T, top_k=top_k, top_p=top_p, generator=g,
                         case=case)
    expect_tokens(got, logits, case)
    counts = torch.bincount(got.cpu(), minlength=row.numel()).double()
    if T == 0:
        expected = torch.full((N_SAMPLES,), int(row.argmax()), dtype=torch.long)
        if not torch.equal(got.cpu(), expected):
            raise CheckFailure(f"temperature 0 must be greedy: every sample is the argmax {int(row.argmax())}; "
                               f"got the counts {counts.long().tolist()}", case=case)
        return
    probs = probabilities(row, T, top_k, top_p)
    ok, text = chi_square_ok(counts, probs)
    if ok:
        return
    modes = {MISTAKE.temperature_ignored: "no temperature", MISTAKE.temperature_multiplies: "multiply",
             MISTAKE.temperature_after_filter: "after filter", MISTAKE.top_p_before_top_k: "p first"}
    found = None
    for mistake, mode in modes.items():
        q = probabilities(row, T, top_k, top_p, mode=mode)
        if not torch.allclose(q, probs, atol=1e-6) and chi_square_ok(counts, q)[0]:
            found = found or mistake
            record_reproduced(mistake)
    shown = ", ".join(f"{i}: {int(c)} (expected {float(p) * N_SAMPLES:.0f})" for i, (c, p) in
                      enumerate(zip(counts.tolist(), probs.tolist())))
    what = ("a token with probability 0 (filtered out) was sampled" if text == "impossible"
            else f"the samples do not follow the filtered softmax ({text}, beyond 6 sigma)")
    raise CheckFailure(f"{what}; counts per token: {shown}", case=case, mistake=found)


def expect_tokens(got, logits, case):
    if not isinstance(got, torch.Tensor):
        raise CheckFailure(f"expected a LongTensor of shape ({logits.shape[0]},) but got {type(got).__name__}",
                           case=case)
    if got.dtype != torch.long or tuple(got.shape) != (logits.shape[0],):
        raise CheckFailure(f"expected a LongTensor of shape ({logits.shape[0]},), got {got.dtype} of shape "
                           f"{tuple(got.shape)} (squeeze the multinomial's last axis)", case=case)
    expect_on_device(got, logits.device, case=case)
    if ((got < 0) | (got >= logits.shape[1])).any():
        raise CheckFailure("a token id outside [0, V)", case=case)


SAMPLE_CASES = {
    "temperature 1, no filter": dict(seed=20, temperature=1.0),
    "temperature 0.5 sharpens": dict(seed=21, temperature=0.5),
    "temperature 2 flattens": dict(seed=22, temperature=2.0),
    "temperature 0: greedy": dict(seed=23, temperature=0.0, top_k=3),
    "top_k=3": dict(seed=24, temperature=1.0, top_k=3),
    "top_p=0.8, temperature 0.7": dict(seed=25, temperature=0.7, top_p=0.8),
    "top_p=0.6, temperature 3 (the nucleus widens)": dict(seed=26, temperature=3.0, top_p=0.6, scale=3.0),
    "top_k=4, top_p=0.9, temperature 1.5": dict(seed=27, temperature=1.5, top_k=4, top_p=0.9, V=12),
}


def random_sampling(seed):
    g = torch.Generator().manual_seed(950 + seed)
    return dict(seed=2000 + seed, V=int(torch.randint(2, 12, (), generator=g)),
                temperature=[0.0, 0.6, 1.0, 1.8][seed % 4], top_k=[None, 5][int(torch.randint(0, 2, (), generator=g))],
                top_p=[None, 0.85][int(torch.randint(0, 2, (), generator=g))])


def test_reproducible_with_a_generator(target):
    """The same seed gives the same samples whatever the global RNG does; another seed gives others."""
    logits = make_logits(30, B=256, V=20, scale=1.0)
    case = describe(logits=logits, temperature=1.0, top_p=0.95) + ", two generators seeded 7 (global seed 1, then 2)"
    runs = []
    for global_seed, seed in [(1, 7), (2, 7), (2, 8)]:
        torch.manual_seed(global_seed)
        runs.append(call(target.sample_next_token, logits, temperature=1.0, top_p=0.95,
                         generator=torch.Generator().manual_seed(seed)))
        expect_tokens(runs[-1], logits, case)
    if not torch.equal(runs[0], runs[1]):
        raise CheckFailure("two generators seeded alike gave different samples: the samples must come from "
                           "`generator` only", case=case, mistake=MISTAKE.generator_ignored)
    if torch.equal(runs[1], runs[2]):
        raise CheckFailure("generators seeded 7 and 8 gave the same 256 samples: the generator is not used",
                           case=case)


CASES = [Cases(check_filter, FILTER_CASES, random_filter, seeds=4, cuda=True, name="filter_logits matches"),
         Cases(check_sampling, SAMPLE_CASES, random_sampling, seeds=3, cuda=True, name="samples follow the softmax",
               random_name="random sampling case")]

DEVICE = OnDevice(lambda target, device: (call(target.filter_logits, make_logits(40).to(device), top_k=3, top_p=0.9),
                                          call(target.sample_next_token, make_logits(41).to(device), 0.8, 3, 0.9)),
                  case="logits (3, 10) float32, top_k=3, top_p=0.9, temperature=0.8")


def speed_setup(target, device):
    B, V = {"cpu": (4096, 256), "cuda": (256, 32000)}[device]
    logits = torch.randn(B, V, generator=torch.Generator().manual_seed(0)).to(device) * 3
    g = torch.Generator(device=device).manual_seed(0)

    def reference():  # top-k on its own and a multinomial: torch's fast path for the common case
        return multinomial(torch.softmax(topk_values(logits / 0.8, 50).values, -1), 1, generator=g)
    return (lambda: target.sample_next_token(logits, 0.8, 50, 0.9, g), reference,
            describe(logits=logits, temperature=0.8, top_k=50, top_p=0.9) + f", on {device}")


SPEED = Speed(speed_setup, limit={"cpu": 15, "cuda": 20}, reference="torch topk + softmax + multinomial")
