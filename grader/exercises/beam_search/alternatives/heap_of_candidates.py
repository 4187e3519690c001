"""heapq.nsmallest over (negated score, tokens) pairs; finished hypotheses in a dict by sequence."""
import heapq

import torch


def beam_search(step_log_probs, bos_id, eos_id, beam_width, max_len, length_penalty=1.0):
    alive, done = {(bos_id,): 0.0}, {}
    for step in range(1, max_len + 1):
        prefixes = list(alive)
        out = step_log_probs(torch.tensor(prefixes, dtype=torch.long)).double()
        pool = [(-(alive[p] + float(out[i, v])), p + (v,)) for i, p in enumerate(prefixes) for v in range(out.shape[1])]
        alive = {}
        for neg, seq in heapq.nsmallest(beam_width, pool):
            if seq[-1] == eos_id:
                done[seq] = -neg / step ** length_penalty
            else:
                alive[seq] = -neg
        if not alive:
            break
    for seq, s in alive.items():  # only non-empty when max_len was reached
        done[seq] = s / max_len ** length_penalty
    best = sorted(done.items(), key=lambda kv: (-kv[1], kv[0]))[:beam_width]
    return [(list(seq), score) for seq, score in best]
