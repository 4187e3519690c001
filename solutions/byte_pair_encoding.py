"""Byte-level byte-pair encoding: train merges on UTF-8 bytes, encode by rank, decode to text."""
from __future__ import annotations


def _merge(ids: list[int], pair: tuple[int, int], new: int) -> tuple[list[int], int]:
    """Replace the occurrences of pair, left to right, without overlaps; also return how many."""
    out, i, n = [], 0, 0
    while i < len(ids):
        if i + 1 < len(ids) and (ids[i], ids[i + 1]) == pair:
            out.append(new)
            i, n = i + 2, n + 1
        else:
            out.append(ids[i])
            i += 1
    return out, n


def _counts(ids: list[int]) -> dict[tuple[int, int], int]:
    """Non-overlapping counts (what a merge would replace), in order of first occurrence."""
    counts: dict[tuple[int, int], int] = {}
    last: dict[tuple[int, int], int] = {}  # where each pair's last counted occurrence starts
    for i, pair in enumerate(zip(ids, ids[1:])):
        if last.get(pair, -2) != i - 1:  # not overlapping the one just counted ("aaa" has one "aa")
            counts[pair] = counts.get(pair, 0) + 1
            last[pair] = i
    return counts


def train_bpe(text: str, num_merges: int) -> list[tuple[int, int]]:
    """Reference solution: count, take the most frequent pair (first occurrence on ties), merge, repeat."""
    ids, merges = list(text.encode("utf-8")), []
    for i in range(num_merges):
        counts = _counts(ids)
        if not counts:
            break
        pair = max(counts, key=counts.get)  # max keeps the first of equal counts: earliest occurrence
        ids, _ = _merge(ids, pair, 256 + i)
        merges.append(pair)
    return merges


def bpe_encode(text: str, merges: list[tuple[int, int]]) -> list[int]:
    """Reference solution: merges applied in rank order (each one creates only pairs of later rank)."""
    ids = list(text.encode("utf-8"))
    for i, pair in enumerate(merges):
        ids, _ = _merge(ids, tuple(pair), 256 + i)
    return ids


def bpe_decode(ids: list[int], merges: list[tuple[int, int]]) -> str:
    """Reference solution: a byte string per id, built up merge by merge, joined, then decoded once."""
    vocab = {i: bytes([i]) for i in range(256)}
    for i, (a, b) in enumerate(merges):
        vocab[256 + i] = vocab[a] + vocab[b]
    return b"".join(vocab[i] for i in ids).decode("utf-8", errors="replace")
