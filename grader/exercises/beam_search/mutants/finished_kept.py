"""beam_search with the mistake: finished hypotheses kept in the beam."""
from _base import search

EXPECTED_MISTAKE = "finished hypotheses kept in the beam"


def beam_search(step_log_probs, bos_id, eos_id, beam_width, max_len, length_penalty=1.0):
    return search(step_log_probs, bos_id, eos_id, beam_width, max_len, length_penalty, keep=True)
