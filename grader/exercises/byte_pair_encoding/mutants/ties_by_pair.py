"""byte_pair_encoding with the mistake: ties broken by the smallest pair."""
from _base import decode, encode, train

EXPECTED_MISTAKE = "ties broken by the smallest pair"


def train_bpe(text, num_merges):
    return train(text, num_merges, smallest=True)


def bpe_encode(text, merges):
    return encode(text, merges)


def bpe_decode(ids, merges):
    return decode(ids, merges)
