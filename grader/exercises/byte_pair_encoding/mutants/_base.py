"""BPE with switches for the mutants (minbpe-style code)."""


def merge(ids, pair, idx):
    out, i = [], 0
    while i < len(ids):
        if i < len(ids) - 1 and ids[i] == pair[0] and ids[i + 1] == pair[1]:
            out.append(idx)
            i += 2
        else:
            out.append(ids[i])
            i += 1
    return out


def stats(ids, overlap=False):
    counts, prev = {}, None
    for i, pair in enumerate(zip(ids, ids[1:])):
        if not overlap and prev == (pair, i - 1):
            continue  # overlapping the occurrence just counted
        counts[pair] = counts.get(pair, 0) + 1
        prev = (pair, i)
    return counts


def train(text, num_merges, overlap=False, smallest=False):
    ids, merges = list(text.encode("utf-8")), []
    for k in range(num_merges):
        counts = stats(ids, overlap)
        if not counts:
            break
        pair = min(counts, key=lambda p: (-counts[p], p)) if smallest else max(counts, key=counts.get)
        ids = merge(ids, pair, 256 + k)
        merges.append(pair)
    return merges


def encode(text, merges, frequency=False):
    ids = list(text.encode("utf-8"))
    rank = {tuple(p): k for k, p in enumerate(merges)}
    while len(ids) >= 2:
        counts = {p: c for p, c in stats(ids).items() if p in rank}
        if not counts:
            break
        pair = max(counts, key=counts.get) if frequency else min(counts, key=rank.get)
        ids = merge(ids, pair, 256 + rank[pair])
    return ids


def decode(ids, merges, per_token=False):
    vocab = {i: bytes([i]) for i in range(256)}
    for k, (a, b) in enumerate(merges):
        vocab[256 + k] = vocab[a] + vocab[b]
    if per_token:
        return "".join(vocab[i].decode("utf-8", errors="replace") for i in ids)
    return b"".join(vocab[i] for i in ids).decode("utf-8", errors="replace")
