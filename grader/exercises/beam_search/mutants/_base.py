"""Beam search with switches for the mutants."""
import torch


def search(step_log_probs, bos_id, eos_id, beam_width, max_len, length_penalty=1.0, *, keep=False,
           per_step=False, eos_ends=True, penalty=True):
    beams, finished = [([bos_id], 0.0)], []
    for t in range(1, max_len + 1):
        logp = step_log_probs(torch.tensor([b for b, _ in beams]))
        cands = []
        for (seq, s), row in zip(beams, logp.tolist()):
            for v, lp in enumerate(row):
                cands.append((s + (lp / t ** length_penalty if per_step else lp), seq + [v]))
        cands.sort(key=lambda c: (-c[0], c[1]))
        beams = []
        for s, seq in cands[:beam_width]:
            if eos_ends and seq[-1] == eos_id:
                finished.append((seq, s if per_step or not penalty else s / t ** length_penalty))
                if keep:
                    beams.append((seq, s))
            else:
                beams.append((seq, s))
        if not beams:
            break
    else:
        finished += [(seq, s if per_step or not penalty else s / max_len ** length_penalty) for seq, s in beams]
    finished.sort(key=lambda h: (-h[1], h[0]))
    return finished[:beam_width]
