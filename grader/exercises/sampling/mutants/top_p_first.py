"""sampling with the mistake: top-p on the unfiltered distribution."""
from _base import filter_logits_with, sample_with

EXPECTED_MISTAKE = "top-p on the unfiltered distribution"


def filter_logits(logits, top_k=None, top_p=None):
    return filter_logits_with(logits, top_k, top_p, p_first=True)


def sample_next_token(logits, temperature=1.0, top_k=None, top_p=None, generator=None):
    return sample_with(logits, temperature, top_k, top_p, generator, p_first=True)
