"""Byte-level byte-pair encoding: train merges on UTF-8 bytes, encode by rank, decode to text."""
from __future__ import annotations


def train_bpe(text: str, num_merges: int) -> list[tuple[int, int]]:
    """Learn up to num_merges merges from text, byte-level BPE as in GPT-2 / minbpe's BasicTokenizer.

    Start from ids = list(text.encode("utf-8")) (ids 0-255 are the bytes; no pre-splitting into
    words). Then for i = 0, 1, …, num_merges - 1:

        1. Count each adjacent pair (a, b) of the current ids the way a merge replaces it: scanning
           left to right WITHOUT overlaps, so "aaa" holds ONE (a, a) and "aaaa" two.
        2. Take the most frequent pair; among pairs of equal count, the one whose first occurrence
           in the current ids comes earliest.
        3. Record it as merge i and replace its occurrences, left to right without overlaps, by the
           new id 256 + i.

    Stop early (returning fewer merges) when fewer than two ids are left. A pair seen once is still
    merged.

    Args:
        text: any str that encodes to UTF-8 (no lone surrogates); may be empty.
        num_merges: an int >= 0.

    Returns:
        The merges in order, a list of (int, int) tuples: merge i created id 256 + i.

    Rules:
        - No speed check: BPE here is pure Python over short texts; the checks judge the
          merges and the round trip.
        - Plain Python: do not import torch, tiktoken, tokenizers, sentencepiece or transformers.
    """
    # TODO: ids from the bytes; count (non-overlapping), pick (earliest on ties), merge, repeat.
    raise NotImplementedError("byte_pair_encoding: implement train_bpe in exercises/byte_pair_encoding.py")


def bpe_encode(text: str, merges: list[tuple[int, int]]) -> list[int]:
    """Encode text with learned merges: its UTF-8 bytes, then the merges applied BY RANK.

    Equivalently to replaying training: apply merge 0 everywhere (left to right, no overlaps), then
    merge 1, …, each replacing its pair by 256 + its index (or, as minbpe does, repeatedly merge the
    pair present of lowest rank). The frequencies in text play no part.

    Args:
        text: any str that encodes to UTF-8; may be empty (gives []).
        merges: as train_bpe returns them (a list of 2-tuples of ints).

    Returns:
        A list of ints (ids < 256 + len(merges)).
    """
    # TODO: ids = list(text.encode("utf-8")); for i, pair in enumerate(merges): merge it into 256 + i.
    raise NotImplementedError("byte_pair_encoding: implement bpe_encode in exercises/byte_pair_encoding.py")


def bpe_decode(ids: list[int], merges: list[tuple[int, int]]) -> str:
    """The text of ids: each id's bytes (id < 256 is that byte; 256 + i is the bytes of merge i's two
    ids joined), all joined, then decoded ONCE as UTF-8 with errors="replace" (ids that end inside a
    character give U+FFFD, as bytes.decode does). bpe_decode(bpe_encode(s, m), m) == s for every str s.
    """
    # TODO: a table id -> bytes built merge by merge; b"".join(...).decode("utf-8", errors="replace").
    raise NotImplementedError("byte_pair_encoding: implement bpe_decode in exercises/byte_pair_encoding.py")
