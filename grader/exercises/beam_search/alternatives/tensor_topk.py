"""Scores kept as a tensor; candidates by a stable sort of the flattened (B, V) scores, the beams kept
ordered by (score, tokens) so that equal scores come out smaller-sequence first."""
import torch


def beam_search(step_log_probs, bos_id, eos_id, beam_width, max_len, length_penalty=1.0):
    seqs = torch.tensor([[bos_id]])  # (B, t)
    score = torch.zeros(1, dtype=torch.float64)  # (B,)
    finished = []
    for t in range(1, max_len + 1):
        logp = step_log_probs(seqs).to(torch.float64)  # (B, V)
        B, V = logp.shape
        total = (score[:, None] + logp).reshape(-1)  # (B * V,)
        cand = torch.cat([seqs.repeat_interleave(V, 0), torch.arange(V).repeat(B)[:, None]], 1)  # (B * V, t + 1)
        order = sorted(range(B * V), key=lambda i: (-float(total[i]), cand[i].tolist()))[:beam_width]
        order = torch.tensor(order)
        cand, total = cand[order], total[order]
        ends = cand[:, -1] == eos_id
        finished += [(c.tolist(), float(s) / t ** length_penalty) for c, s in zip(cand[ends], total[ends])]
        seqs, score = cand[~ends], total[~ends]
        if len(seqs) == 0:
            break
    else:
        finished += [(c.tolist(), float(s) / max_len ** length_penalty) for c, s in zip(seqs, score)]
    finished.sort(key=lambda h: (-h[1], h[0]))
    return finished[:beam_width]
