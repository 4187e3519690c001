"""byte_pair_encoding with the mistake: decoded token by token."""
from _base import decode, encode, train

EXPECTED_MISTAKE = "decoded token by token"


def train_bpe(text, num_merges):
    return train(text, num_merges)


def bpe_encode(text, merges):
    return encode(text, merges)


def bpe_decode(ids, merges):
    return decode(ids, merges, per_token=True)
