"""Next-token sampling for language models: temperature, top-k and top-p (nucleus) filtering."""
from __future__ import annotations

import torch


def filter_logits(logits: torch.Tensor, top_k: int | None = None, top_p: float | None = None) -> torch.Tensor:
    """Set every logit outside the kept set to -inf: top-k first, then top-p (HF's convention).

    top-k (None: skipped; top_k >= V keeps everything): keep the logits >= the k-th largest of the
        row, so every token tied with the k-th one stays (as nanoGPT and HF do).
    top-p (None or 1.0: skipped): on the softmax of the logits LEFT BY top-k (renormalised over them),
        order the tokens by decreasing probability, equal ones by increasing index (a stable sort),
        and keep the smallest prefix whose total probability reaches top_p: a token is dropped when
        the probability ranked above it already reaches top_p (sum_above >= top_p), so the token that
        makes the running sum cross top_p is kept. The most likely token is always kept, however small
        top_p is.

    Args:
        logits: (B, V) float32 or float64, on any device; may already contain -inf (banned tokens),
            which stay -inf.
        top_k: None or an int >= 1.
        top_p: None or a float in (0, 1].

    Returns:
        A NEW tensor of the shape, dtype and device of logits: the kept logits unchanged (bit for bit),
        the others float('-inf') (not 0: exp(0) is not 0). Compared exactly with a float64 reference.

    Rules:
        - Do not modify logits in place (work on a clone).
        - Do not import transformers or numpy; torch operations only.
        - Create new tensors on logits.device.
    """
    # TODO: top-k with a threshold, then top-p with a stable sort, a cumsum and a scatter back.
    raise NotImplementedError("sampling: implement filter_logits in exercises/sampling.py")


def sample_next_token(logits: torch.Tensor, temperature: float = 1.0, top_k: int | None = None,
                      top_p: float | None = None, generator: torch.Generator | None = None) -> torch.Tensor:
    """Draw one next token per row of logits.

    temperature == 0: greedy, logits.argmax(-1) (the first maximum on ties); nothing is drawn.
    temperature > 0: divide the logits by the temperature FIRST, then filter_logits(…, top_k, top_p),
        then softmax, then draw one token per row from that distribution with torch.multinomial
        (or any other exact sampler) using `generator`, so that a generator seeded alike gives the
        same tokens whatever the global random state is.

    Args:
        logits: (B, V) float32 or float64, on any device.
        temperature: a float >= 0. Below 1 sharpens the distribution, above 1 flattens it.
        top_k, top_p: as in filter_logits.
        generator: a torch.Generator on logits' device, or None (the global RNG).

    Returns:
        A LongTensor of shape (B,) on logits.device: the token ids.

    The checks draw 8000 samples of one row (the row repeated 8000 times) and compare the counts with
    the filtered, tempered softmax by a chi-square test with a 6-sigma bound; a token outside the kept
    set must never be drawn.

    Rules:
        - Do not modify logits in place.
        - Do not import transformers or numpy (numpy's RNG would bypass the generator).
        - Create new tensors on logits.device.
        - Speed: the check times (4096, 256) float32 logits, temperature 0.8, top_k=50, top_p=0.9,
          against torch's topk + softmax + multinomial of the top 50 (limit 15x on the CPU; limit 20x
          on CUDA for (256, 32000)). Vectorise over the rows: no Python loop over the batch.
    """
    # TODO: greedy at temperature 0; else scale, filter, softmax, multinomial(…, generator=generator).
    raise NotImplementedError("sampling: implement sample_next_token in exercises/sampling.py")
