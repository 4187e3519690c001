"""byte_pair_encoding with the mistake: merging by frequency at encode time instead of rank."""
from _base import decode, encode, train

EXPECTED_MISTAKE = "merging by frequency at encode time instead of rank"


def train_bpe(text, num_merges):
    return train(text, num_merges)


def bpe_encode(text, merges):
    return encode(text, merges, frequency=True)


def bpe_decode(ids, merges):
    return decode(ids, merges)
