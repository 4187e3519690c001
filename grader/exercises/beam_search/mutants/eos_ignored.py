"""beam_search with the mistake: EOS never ending a beam."""
from _base import search

EXPECTED_MISTAKE = "EOS never ending a beam"


def beam_search(step_log_probs, bos_id, eos_id, beam_width, max_len, length_penalty=1.0):
    return search(step_log_probs, bos_id, eos_id, beam_width, max_len, length_penalty, eos_ends=False)
