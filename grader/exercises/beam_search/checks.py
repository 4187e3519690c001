"""Checks of exercises/beam_search.py.

The oracles: a plain beam search written here (every candidate in one sorted Python list), and, on
tiny vocabularies where beam_width >= V**max_len so that nothing is ever pruned, an exhaustive search
over every possible output. The model is a toy language model whose log-probabilities are a fixed
random function of the whole prefix; it also checks what the learner feeds it.
"""
from __future__ import annotations

import itertools
import math

import torch

from grader.check import Cases, CheckFailure, call, mistakes

MISTAKE = mistakes("beam_search")
log_softmax = torch.log_softmax  # bound before the learner's code runs


class ToyLM:
    """step_log_probs for the checks: (B, t) LongTensor of prefixes -> (B, V) float64 log-probs."""

    def __init__(self, V, seed, scale=1.5, eos_id=None, eos_bias=0.0, uniform=False):
        self.V, self.seed, self.scale, self.eos_id, self.eos_bias, self.uniform = V, seed, scale, eos_id, eos_bias, uniform
        self.calls, self.problem = [], None

    def row(self, prefix):
        if self.uniform:
            return torch.full((self.V,), -math.log(self.V), dtype=torch.float64)
        g = torch.Generator().manual_seed(hash((self.seed, *prefix)) % (2**62))
        z = torch.randn(self.V, generator=g, dtype=torch.float64) * self.scale
        if self.eos_id is not None:
            z[self.eos_id] += self.eos_bias
        return log_softmax(z, -1)

    def __call__(self, prefixes):
        if not isinstance(prefixes, torch.Tensor) or prefixes.dtype != torch.long or prefixes.dim() != 2:
            kind = type(prefixes).__name__ if not isinstance(prefixes, torch.Tensor) else \
                f"a {prefixes.dtype} tensor of shape {tuple(prefixes.shape)}"
            raise TypeError(f"step_log_probs takes a LongTensor (B, t) of prefixes; it got {kind}")
        rows = [tuple(int(v) for v in r) for r in prefixes.cpu()]
        self.calls.append(rows)
        if self.eos_id is not None and self.problem is None and any(self.eos_id in r[1:] for r in rows):
            self.problem = next(r for r in rows if self.eos_id in r[1:])
        return torch.stack([self.row(r) for r in rows]) if rows else torch.empty(0, self.V, dtype=torch.float64)


def reference(lm, bos, eos, width, max_len, alpha, *, mode=""):
    """Beam search as the spec words it, with every candidate in one list (mode: a classic mistake)."""
    beam, finished = [((bos,), 0.0, 0.0)], []  # (tokens, sum of log-probs, per-step penalised sum)
    for t in range(1, max_len + 1):
        cands = []
        for seq, s, sp in beam:
            row = lm.row(seq)
            for v in range(lm.V):
                lp = float(row[v])
                cands.append((seq + (v,), s + lp, sp + lp / t ** alpha))
        key = (lambda c: (-c[2], c[0])) if mode == "per step" else (lambda c: (-c[1], c[0]))
        cands.sort(key=key)
        beam = []
        for seq, s, sp in cands[:width]:
            ends = seq[-1] == eos and mode != "eos ignored"
            if ends:
                finished.append((seq, sp if mode == "per step" else s / (1 if mode == "no penalty" else t ** alpha)))
            if not ends or mode == "keep":
                beam.append((seq, s, sp))
        if not beam:
            break
    else:
        for seq, s, sp in beam:
            finished.append((seq, sp if mode == "per step" else s / (1 if mode == "no penalty" else max_len ** alpha)))
    finished.sort(key=lambda h: (-h[1], h[0]))
    return [(list(seq), score) for seq, score in finished[:width]]


def exhaustive(lm, bos, eos, width, max_len, alpha):
    """Every possible output: ended by its first EOS at length <= max_len, or of length max_len without EOS."""
    outputs = []
    for n in range(1, max_len + 1):
        for tail in itertools.product(range(lm.V), repeat=n):
            if eos in tail[:-1] or (tail[-1] != eos and n < max_len):
                continue
            seq = (bos, *tail)
            s = sum(float(lm.row(seq[:i])[seq[i]]) for i in range(1, len(seq)))
            outputs.append((list(seq), s / n ** alpha))
    outputs.sort(key=lambda h: (-h[1], h[0]))
    return outputs[:width]


def as_hypotheses(got, case):
    try:
        out = [([int(v) for v in seq], float(score)) for seq, score in got]
    except (TypeError, ValueError):
        raise CheckFailure("beam_search must return a list of (list of ints, float score) pairs; got "
                           f"{type(got).__name__}: {str(got)[:80]}", case=case) from None
    return out


def same(a, b):
    return len(a) == len(b) and all(sa == sb and math.isclose(xa, xb, rel_tol=1e-7, abs_tol=1e-9)
                                    for (sa, xa), (sb, xb) in zip(a, b))


def show(hyps):
    return "[" + ", ".join(f"({s}, {x:.4f})" for s, x in hyps[:4]) + (", …]" if len(hyps) > 4 else "]")


def check_search(target, params, exhaustive_too=False):
    p = dict(params)
    lm = ToyLM(p["V"], p["seed"], p.get("scale", 1.5), p["eos"], p.get("eos_bias", 0.0), p.get("uniform", False))
    args = (p["bos"], p["eos"], p["width"], p["max_len"], p["alpha"])
    case = (f"toy LM (V={p['V']}, seed {p['seed']}), bos_id={args[0]}, eos_id={args[1]}, beam_width={args[2]}, "
            f"max_len={args[3]}, length_penalty={args[4]}")
    got = as_hypotheses(call(target.beam_search, lm, *args), case)
    expected = exhaustive(lm, *args) if exhaustive_too else reference(lm, *args)
    found = None
    if not same(got, expected) or lm.problem is not None:
        modes = {MISTAKE.finished_kept: "keep", MISTAKE.penalty_per_step: "per step",
                 MISTAKE.eos_ignored: "eos ignored", MISTAKE.penalty_ignored: "no penalty"}
        for mistake, mode in modes.items():
            variant = reference(lm, *args, mode=mode)
            if not same(variant, expected) and same(got, variant):
                found = found or mistake
    if lm.problem is not None:
        # No variant fits (another mistake too): the output still tells the two apart. Code that ends a hypothesis
        # at EOS but keeps extending it returns hypotheses ended early; code that never ends one returns none.
        ended_early = any(len(seq) <= args[3] and seq[-1] == args[1] for seq, _ in got)
        raise CheckFailure(f"step_log_probs was called on the prefix {list(lm.problem)}, which already contains "
                           "EOS: a finished hypothesis was extended", case=case,
                           mistake=found or (MISTAKE.finished_kept if ended_early else MISTAKE.eos_ignored))
    if len(lm.calls) > args[3]:
        raise CheckFailure(f"step_log_probs was called {len(lm.calls)} times for max_len={args[3]}: call it once "
                           "per step, on all the alive prefixes at once", case=case)
    if same(got, expected):
        return
    oracle = "the exhaustive best" if exhaustive_too else "the reference beam search"
    raise CheckFailure(f"your hypotheses {show(got)}\n{oracle}: {show(expected)}", case=case, mistake=found)


def bcase(seed, V, width, max_len, alpha=1.0, bos=0, eos=1, **kw):
    return dict(seed=seed, V=V, width=width, max_len=max_len, alpha=alpha, bos=bos, eos=eos, **kw)


NAMED = {
    "greedy: beam_width 1": bcase(1, 6, 1, 5),
    "beam_width 3, V 8": bcase(2, 8, 3, 6),
    "EOS likely: hypotheses finish at different lengths": bcase(3, 6, 4, 6, eos_bias=1.5),
    "length_penalty 0: plain sum (short outputs win)": bcase(4, 5, 3, 5, alpha=0.0, eos_bias=0.5),
    "length_penalty 2: long outputs favoured": bcase(5, 5, 3, 5, alpha=2.0, eos_bias=0.5),
    "EOS rare: every hypothesis reaches max_len": bcase(6, 6, 3, 4, eos_bias=-6.0),
    "max_len 1": bcase(7, 5, 2, 1),
    "ties everywhere (uniform LM): smaller sequences first": bcase(8, 3, 2, 3, uniform=True, eos=2),
    "bos and eos ids not 0 and 1": bcase(9, 7, 3, 5, bos=6, eos=3, eos_bias=1.0),
    "a wide beam, V 20": bcase(10, 20, 8, 5, eos_bias=2.0),
}


def random_search(seed):
    g = torch.Generator().manual_seed(300 + seed)
    r = lambda lo, hi: int(torch.randint(lo, hi, (), generator=g))  # noqa: E731
    V = r(3, 12)
    return bcase(1000 + seed, V, r(1, 6), r(1, 7), alpha=[0.0, 0.6, 1.0, 1.5][seed % 4], bos=r(0, V), eos=r(0, V),
                 eos_bias=[0.0, 1.0, 2.5][r(0, 3)])


EXHAUSTIVE = {
    "V 2, max_len 4, beam_width 16": bcase(20, 2, 16, 4, eos_bias=0.3),
    "V 3, max_len 3, beam_width 27, length_penalty 0": bcase(21, 3, 27, 3, alpha=0.0),
    "V 3, max_len 4, beam_width 81, length_penalty 1": bcase(22, 3, 81, 4, eos=2),
    "V 4, max_len 3, beam_width 64, length_penalty 2": bcase(23, 4, 64, 3, alpha=2.0, eos_bias=1.0),
}

CASES = [Cases(check_search, NAMED, random_search, seeds=4, name="matches a reference beam search"),
         Cases(lambda target, params: check_search(target, params, exhaustive_too=True), EXHAUSTIVE,
               name="finds the exhaustive best")]
