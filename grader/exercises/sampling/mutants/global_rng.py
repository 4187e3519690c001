"""sampling with the mistake: generator ignored."""
from _base import filter_logits_with, sample_with

EXPECTED_MISTAKE = "generator ignored"


def filter_logits(logits, top_k=None, top_p=None):
    return filter_logits_with(logits, top_k, top_p)


def sample_next_token(logits, temperature=1.0, top_k=None, top_p=None, generator=None):
    return sample_with(logits, temperature, top_k, top_p, generator, use_generator=False)
