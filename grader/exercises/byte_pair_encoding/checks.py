"""Checks of exercises/byte_pair_encoding.py against a spec-literal reference written here.

The reference counts a pair by literally merging it (the count is how many replacements the merge
makes), breaks ties by the earliest first occurrence, and encodes by replaying the merges in rank
order. decode(encode(s)) == s is checked on Unicode text of every UTF-8 length.
"""
from __future__ import annotations

import random

from grader.check import Cases, CheckFailure, call, mistake_giving, mistakes

MISTAKE = mistakes("byte_pair_encoding")


def merge(ids, pair, new):
    """Left to right, no overlaps: the definition of applying one merge."""
    out, i = [], 0
    while i < len(ids):
        if i + 1 < len(ids) and ids[i] == pair[0] and ids[i + 1] == pair[1]:
            out.append(new)
            i += 2
        else:
            out.append(ids[i])
            i += 1
    return out


def reference_train(text, num_merges, *, mode=""):
    ids, merges = list(text.encode("utf-8")), []
    for k in range(num_merges):
        pairs = list(zip(ids, ids[1:]))
        if not pairs:
            break
        first = {}
        for i, p in enumerate(pairs):
            first.setdefault(p, i)
        if mode == "overlap":
            count = {p: pairs.count(p) for p in first}
        else:  # the number of replacements the merge would make
            count = {p: len(ids) - len(merge(ids, p, -1)) for p in first}
        tie = (lambda p: p) if mode == "smallest" else (lambda p: first[p])
        best = min(first, key=lambda p: (-count[p], tie(p)))
        merges.append(best)
        ids = merge(ids, best, 256 + k)
    return merges


def reference_encode(text, merges, *, mode=""):
    ids = list(text.encode("utf-8"))
    if mode.startswith("frequency"):  # the classic mistake: the most frequent known pair first
        rank = {tuple(p): i for i, p in enumerate(merges)}
        while True:
            known = [p for p in zip(ids, ids[1:]) if p in rank]
            if not known:
                return ids
            first = {p: i for i, p in reversed(list(enumerate(known)))}  # ties: lower rank, or earlier
            best = min(first, key=lambda p: (-len(ids) + len(merge(ids, p, -1)),
                                             rank[p] if mode == "frequency" else first[p]))
            ids = merge(ids, best, 256 + rank[best])
    for k, pair in enumerate(merges):
        ids = merge(ids, tuple(pair), 256 + k)
    return ids


def reference_decode(ids, merges, *, mode=""):
    vocab = {i: bytes([i]) for i in range(256)}
    for k, (a, b) in enumerate(merges):
        vocab[256 + k] = vocab[a] + vocab[b]
    if mode == "per token":
        return "".join(vocab[i].decode("utf-8", errors="replace") for i in ids)
    return b"".join(vocab[i] for i in ids).decode("utf-8", errors="replace")


def as_ints(got, what, case, pairs=False):
    """The learner's list (of ints, or of 2-tuples of ints) as plain Python values, or a clear failure."""
    try:
        items = list(got)
        if pairs:
            out = [tuple(p) for p in items]
            if any(len(p) != 2 for p in out):
                raise ValueError
            out = [tuple(_int(v) for v in p) for p in out]
        else:
            out = [_int(v) for v in items]
    except (TypeError, ValueError):
        kind = "a list of (int, int) tuples" if pairs else "a list of ints"
        raise CheckFailure(f"{what} must be {kind}; got {type(got).__name__}: {str(got)[:80]}", case=case) from None
    return out


def _int(v):
    if isinstance(v, bool) or not hasattr(v, "__index__"):
        raise ValueError
    return int(v)


def expect_same(got, expected, variants, what, case):
    if got == expected:
        return
    first = next((i for i, (a, b) in enumerate(zip(got, expected)) if a != b), min(len(got), len(expected)))
    show = lambda seq: str(seq[max(0, first - 2):first + 3])  # noqa: E731
    raise CheckFailure(f"{what} differ at position {first}: yours {show(got)}…, expected {show(expected)}… "
                       f"(lengths {len(got)} and {len(expected)})", case=case, mistake=mistake_giving(got, variants))


def text_case(text):
    return repr(text) if len(text) <= 60 else f"{text[:50]!r}… ({len(text)} characters)"


def check_train(target, params):
    text, n = params["text"], params["num_merges"]
    case = f"train_bpe({text_case(text)}, num_merges={n})"
    got = as_ints(call(target.train_bpe, text, n), "train_bpe's result", case, pairs=True)
    variants = {MISTAKE.overlap_counted: lambda: reference_train(text, n, mode="overlap"),
                MISTAKE.ties_by_pair: lambda: reference_train(text, n, mode="smallest")}
    expect_same(got, reference_train(text, n), variants, "the merges", case)


def check_encode_decode(target, params):
    train, text, n = params["train"], params["text"], params["num_merges"]
    merges = reference_train(train, n)
    case = f"merges = reference train_bpe({text_case(train)}, {n}) ({len(merges)} merges); text {text_case(text)}"
    got = as_ints(call(target.bpe_encode, text, [tuple(m) for m in merges]), "bpe_encode's result", case)
    expect_same(got, reference_encode(text, merges),
                {MISTAKE.frequency_at_encode: [lambda m=m: reference_encode(text, merges, mode=m)
                                                 for m in ("frequency", "frequency, ties by occurrence")]},
                "the token ids", case)
    ids = reference_encode(text, merges)
    back = call(target.bpe_decode, list(ids), [tuple(m) for m in merges])
    if back != text:
        per_token = reference_decode(ids, merges, mode="per token")
        raise CheckFailure(f"bpe_decode(bpe_encode(text)) gave {text_case(str(back))}, not the text",
                           case=case, mistake=MISTAKE.decode_per_token if back == per_token else None)


UNICODE = "naïve café, Ωμέγα, русский, 日本語のテキスト, emoji 🌍🚀👩‍💻, combining é, NUL \x00, tab\t\n"


def corpus(seed, length):
    rng = random.Random(seed)
    words = ["the", "then", "there", "a", "aa", "aaa", "ab", "ba", "日本", "🌍", "é", "ñ", "x", " "]
    return "".join(rng.choice(words) + rng.choice([" ", "", "  "]) for _ in range(length))


TRAIN_CASES = {
    "'aaabcbc': one (a, a), two (b, c)": dict(text="aaabcbc", num_merges=1),
    "'aaaa' twice: merge, then merge the merged": dict(text="aaaa aaaa", num_merges=3),
    "ties: earliest first occurrence, not the smallest pair": dict(text="cdab", num_merges=2),
    "the classic 'aaabdaaabac'": dict(text="aaabdaaabac", num_merges=3),
    "num_merges 0": dict(text="hello", num_merges=0),
    "more merges than pairs: stops early": dict(text="abc", num_merges=10),
    "empty text": dict(text="", num_merges=5),
    "one character": dict(text="x", num_merges=5),
    "multi-byte characters: merges inside a character": dict(text="日本語日本語 🌍🌍", num_merges=8),
    "a small corpus, 30 merges": dict(text=corpus(1, 120), num_merges=30),
}


def random_train(seed):
    rng = random.Random(300 + seed)
    return dict(text=corpus(400 + seed, rng.randint(5, 80)), num_merges=rng.randint(1, 40))


CODEC_CASES = {
    "encode the training text": dict(train="aaabdaaabac", text="aaabdaaabac", num_merges=3),
    "a later merge more frequent than an earlier one": dict(train="bcbcbcabab", text="ababcab", num_merges=2),
    "unseen characters stay bytes": dict(train=corpus(2, 60), text="zzz qqq 🚀", num_merges=20),
    "Unicode round trip: every UTF-8 length": dict(train=UNICODE * 2, text=UNICODE, num_merges=40),
    "a character split across tokens": dict(train="日日日日本", text="日本語", num_merges=2),
    "empty text": dict(train="abc", text="", num_merges=2),
    "a corpus with 60 merges": dict(train=corpus(3, 200), text=corpus(4, 60), num_merges=60),
}


def random_codec(seed):
    rng = random.Random(600 + seed)
    return dict(train=corpus(700 + seed, rng.randint(10, 120)), text=corpus(800 + seed, rng.randint(0, 40)),
                num_merges=rng.randint(1, 50))


def test_round_trip_with_your_own_merges(target):
    """decode(encode(s)) == s with the merges your train_bpe learns, on text unlike the training text."""
    train = corpus(9, 150) + UNICODE
    case = f"merges = your train_bpe({text_case(train)}, 50)"
    merges = as_ints(call(target.train_bpe, train, 50), "train_bpe's result", case, pairs=True)
    for text in [UNICODE, "🚀" * 7, "\u0301\u0301", "日本語" * 3, "", "plain ascii", "\U0010FFFF"]:
        ids = as_ints(call(target.bpe_encode, text, merges), "bpe_encode's result", case)
        back = call(target.bpe_decode, ids, merges)
        if back != text:
            raise CheckFailure(f"bpe_decode(bpe_encode({text!r})) gave {back!r}", case=case,
                               mistake=MISTAKE.decode_per_token if back == reference_decode(ids, merges, mode="per token")
                               else None)


def test_decode_of_a_split_character(target):
    """Ids that end inside a character decode with errors='replace' (the spec), as one string."""
    merges = reference_train("日本", 1)
    ids = list("日".encode("utf-8"))[:2]  # two of its three bytes
    case = f"bpe_decode({ids}, {merges})"
    got = call(target.bpe_decode, ids, merges)
    expected = reference_decode(ids, merges)
    if got != expected:
        raise CheckFailure(f"got {got!r}, expected {expected!r} (bytes.decode('utf-8', errors='replace'))",
                           case=case, mistake=MISTAKE.decode_per_token
                           if got == reference_decode(ids, merges, mode="per token") else None)


CASES = [Cases(check_train, TRAIN_CASES, random_train, seeds=3, name="train_bpe matches"),
         Cases(check_encode_decode, CODEC_CASES, random_codec, seeds=3, name="encode and decode match",
               random_name="random text")]
