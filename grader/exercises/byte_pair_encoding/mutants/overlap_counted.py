"""byte_pair_encoding with the mistake: overlapping pairs counted twice."""
from _base import decode, encode, train

EXPECTED_MISTAKE = "overlapping pairs counted twice"


def train_bpe(text, num_merges):
    return train(text, num_merges, overlap=True)


def bpe_encode(text, merges):
    return encode(text, merges)


def bpe_decode(ids, merges):
    return decode(ids, merges)
