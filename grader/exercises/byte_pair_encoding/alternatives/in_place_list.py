"""Merges done in place on one list (replace and delete), counts kept in a collections.Counter with a
first-position table, decode through a table of byte strings."""
from collections import Counter


def _merge_in_place(ids, pair, new):
    i = 0
    while i < len(ids) - 1:
        if ids[i] == pair[0] and ids[i + 1] == pair[1]:
            ids[i:i + 2] = [new]
        i += 1


def train_bpe(text, num_merges):
    ids, merges = list(text.encode("utf-8")), []
    for k in range(num_merges):
        counts, first, i = Counter(), {}, 0
        while i < len(ids) - 1:
            p = (ids[i], ids[i + 1])
            counts[p] += 1
            first.setdefault(p, i)
            # the next pair overlaps this one when it is the same pair starting at i + 1: skip it
            i += 2 if i + 2 < len(ids) and (ids[i + 1], ids[i + 2]) == p else 1
        if not counts:
            break
        best = min(counts, key=lambda p: (-counts[p], first[p]))
        merges.append(best)
        _merge_in_place(ids, best, 256 + k)
    return merges


def bpe_encode(text, merges):
    ids = list(text.encode("utf-8"))
    for k, pair in enumerate(merges):
        _merge_in_place(ids, tuple(pair), 256 + k)
    return ids


def bpe_decode(ids, merges):
    table = [bytes([i]) for i in range(256)]
    for a, b in merges:
        table.append(table[a] + table[b])
    return b"".join(table[i] for i in ids).decode("utf-8", errors="replace")
