"""beam_search with the mistake: length penalty applied per step."""
from _base import search

EXPECTED_MISTAKE = "length penalty applied per step"


def beam_search(step_log_probs, bos_id, eos_id, beam_width, max_len, length_penalty=1.0):
    return search(step_log_probs, bos_id, eos_id, beam_width, max_len, length_penalty, per_step=True)
