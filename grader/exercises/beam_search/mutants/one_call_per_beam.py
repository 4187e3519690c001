"""Right search, but calls the model once per hypothesis (B = 1): accepted by the spec? No: more calls than
max_len steps, which the spec forbids."""
import torch

EXPECTED_MISTAKE = None


def beam_search(step_log_probs, bos_id, eos_id, beam_width, max_len, length_penalty=1.0):
    beams, finished = [([bos_id], 0.0)], []
    for t in range(1, max_len + 1):
        cands = []
        for seq, s in beams:
            row = step_log_probs(torch.tensor([seq]))[0].tolist()
            cands += [(s + lp, seq + [v]) for v, lp in enumerate(row)]
        cands.sort(key=lambda c: (-c[0], c[1]))
        beams = []
        for s, seq in cands[:beam_width]:
            (finished.append((seq, s / t ** length_penalty)) if seq[-1] == eos_id else beams.append((seq, s)))
        if not beams:
            break
    else:
        finished += [(seq, s / max_len ** length_penalty) for seq, s in beams]
    finished.sort(key=lambda h: (-h[1], h[0]))
    return finished[:beam_width]
