"""Beam search over a language model's next-token log-probabilities, with a length penalty."""
from __future__ import annotations

from typing import Callable

import torch


def beam_search(step_log_probs: Callable[[torch.Tensor], torch.Tensor], bos_id: int, eos_id: int,
                beam_width: int, max_len: int, length_penalty: float = 1.0) -> list[tuple[list[int], float]]:
    """Reference solution: one batched model call per step, top candidates by a threshold, ties by sequence."""
    beams, scores = [[bos_id]], torch.zeros(1, dtype=torch.float64)  # alive prefixes, their sums of log-probs
    finished = []
    for t in range(1, max_len + 1):
        logp = step_log_probs(torch.tensor(beams, dtype=torch.long))  # (B, t) -> (B, V)
        total = (scores[:, None] + logp.to(torch.float64)).flatten()  # (B * V,)
        V = logp.shape[-1]
        k = min(beam_width, total.numel())
        kth = torch.topk(total, k).values[-1]
        idx = (total >= kth).nonzero().flatten().tolist()  # the top k and anything tied with the k-th
        cands = sorted(((float(total[i]), beams[i // V] + [i % V]) for i in idx), key=lambda c: (-c[0], c[1]))[:k]
        beams, alive = [], []
        for score, seq in cands:
            if seq[-1] == eos_id:
                finished.append((seq, score / t ** length_penalty))  # t generated tokens, EOS included
            else:
                beams.append(seq)
                alive.append(score)
        if not beams:
            break
        scores = torch.tensor(alive, dtype=torch.float64)
    else:  # max_len reached: the hypotheses still alive end here, without EOS
        finished += [(seq, float(s) / max_len ** length_penalty) for seq, s in zip(beams, scores)]
    finished.sort(key=lambda h: (-h[1], h[0]))
    return finished[:beam_width]
