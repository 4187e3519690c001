"""minbpe-style encode (repeatedly merge the present pair of lowest rank), counting by a regex-free scan
that skips the second half of a replaced pair, decode through a recursive expansion."""


def _apply(ids, pair, new):
    out, skip = [], False
    for i, t in enumerate(ids):
        if skip:
            skip = False
            continue
        if i + 1 < len(ids) and (t, ids[i + 1]) == pair:
            out.append(new)
            skip = True
        else:
            out.append(t)
    return out


def train_bpe(text, num_merges):
    ids, merges = list(text.encode("utf-8")), []
    for k in range(num_merges):
        best, best_count = None, 0
        for p in dict.fromkeys(zip(ids, ids[1:])):  # distinct pairs, in order of first occurrence
            c = len(ids) - len(_apply(ids, p, -1))
            if c > best_count:
                best, best_count = p, c
        if best is None:
            break
        merges.append(best)
        ids = _apply(ids, best, 256 + k)
    return merges


def bpe_encode(text, merges):
    ids = list(text.encode("utf-8"))
    rank = {tuple(p): k for k, p in enumerate(merges)}
    while True:
        present = [p for p in zip(ids, ids[1:]) if p in rank]
        if not present:
            return ids
        p = min(present, key=rank.__getitem__)
        ids = _apply(ids, p, 256 + rank[p])


def bpe_decode(ids, merges):
    def expand(t):
        if t < 256:
            return bytes([t])
        a, b = merges[t - 256]
        return expand(a) + expand(b)
    return b"".join(expand(t) for t in ids).decode("utf-8", errors="replace")
