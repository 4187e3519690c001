"""Beam search over a language model's next-token log-probabilities, with a length penalty."""
from __future__ import annotations

from typing import Callable

import torch


def beam_search(step_log_probs: Callable[[torch.Tensor], torch.Tensor], bos_id: int, eos_id: int,
                beam_width: int, max_len: int, length_penalty: float = 1.0) -> list[tuple[list[int], float]]:
    """The beam_width best finished hypotheses of a beam search, best first.

    A hypothesis is a token list starting with bos_id; its sum is the sum of the log-probs of its
    generated tokens. Start with the single hypothesis [bos_id] (sum 0). For t = 1, 2, …, max_len:

        1. Call step_log_probs ONCE on the alive hypotheses stacked into a LongTensor (B, t) (B <= beam_width):
           it returns (B, V) log-probs of the next token (a float tensor; float64 in the checks).
        2. Every alive hypothesis extended by every token is a candidate (sum + that token's log-prob).
           Keep the beam_width candidates with the largest sums. Ties: the candidate whose token list
           is smaller (Python list comparison, i.e. lower token ids first) comes first.
        3. A kept candidate ending with eos_id is FINISHED: its final score is
           sum / t ** length_penalty (t = the number of generated tokens, EOS included, BOS not), and it
           is never extended again (nor passed to step_log_probs). The other kept candidates are the
           next beam (the beam may be smaller than beam_width).
        4. Stop when no hypothesis is alive. After step max_len, the hypotheses still alive are finished
           too, without EOS, with score sum / max_len ** length_penalty.

    Return the finished hypotheses with the best final scores (ties: smaller token list first), at most
    beam_width of them, as (tokens, score) pairs: tokens a list of ints from bos_id to eos_id (or to the
    max_len-th token), score a float. length_penalty 0 ranks by the plain sum, 1 by the mean log-prob;
    larger values favour longer outputs (HF's length_penalty).

    Args:
        step_log_probs: the model, (B, t) LongTensor -> (B, V) log-probs. Call it at most max_len times.
        bos_id, eos_id: ints in [0, V); they may be equal (BOS itself never ends a hypothesis).
        beam_width: an int >= 1 (1 is greedy search).
        max_len: the most tokens to generate, an int >= 1.
        length_penalty: a float >= 0.

    The checks compare your hypotheses and scores (to 1e-7) with a plain reference beam search and, on
    tiny vocabularies with beam_width >= V ** max_len (nothing pruned), with the exhaustive best over
    every possible output.

    Rules:
        - No speed check: the cost is the calls of step_log_probs (one per step, all beams
          batched), which the checks count instead of timing.
        - Do not import transformers.
    """
    # TODO: alive beams + their sums; per step one model call, top candidates, move the EOS ones out.
    raise NotImplementedError("beam_search: implement it in exercises/beam_search.py")
