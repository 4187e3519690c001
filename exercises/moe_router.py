"""Mixture-of-experts routing: top-k gating (Mixtral) and the load-balancing loss (Switch Transformer)."""
from __future__ import annotations

import torch


def top_k_router(logits: torch.Tensor, k: int) -> tuple[torch.Tensor, torch.Tensor]:
    """Route each token to its k most probable experts, as Mixtral's router does.

        probs   = softmax(logits, over the experts axis)           (T, E)
        experts = the indices of the k largest probs of each row    (T, k)
        weights = those k probs divided by their sum                (T, k), each row sums to 1

    The order is: softmax over ALL E experts first, then keep the top k, then renormalise the k
    kept probabilities (normalising before the top-k, or not at all, leaves weights that sum to
    less than 1). With k = 1 every weight is 1 (Switch Transformer scales by the raw probability
    instead; this exercise follows Mixtral and HF's MixtralSparseMoeBlock).

    Order and ties: each row of experts is sorted by DECREASING probability, and among equal
    probabilities the LOWER expert index comes first (torch.topk promises no order among ties:
    sort with stable=True). weights[t, j] is the weight of expert experts[t, j].

    Args:
        logits: (T, E) router logits, one row per token, float32 or float64.
        k: 1 <= k <= E.

    Returns:
        (weights, experts): weights (T, k) of logits' dtype, differentiable with respect to
        logits; experts (T, k) int64 (torch.long). Both on logits' device.
    """
    # TODO: softmax over the experts, the top k in decreasing order (ties: lower index first), renormalise.
    raise NotImplementedError("moe_router: implement top_k_router in exercises/moe_router.py")


def load_balancing_loss(router_probs: torch.Tensor, experts: torch.Tensor, num_experts: int) -> torch.Tensor:
    """The auxiliary loss that keeps the router from sending every token to a few experts.

        loss = num_experts * sum_i f_i * P_i

    over the experts i = 0..num_experts-1 (Switch Transformer, eq. 4; HF's load_balancing_loss_func
    for Mixtral), where, with T tokens:
        f_i = (number of tokens routed to expert i, counted over ALL k choices of each token) / T,
            i.e. the fraction of tokens that have i among their k experts; sum_i f_i = k. Not only
            the top-1 choice, and divided by T (not T * k), as HF does. f is a count: no gradient.
        P_i = the mean over the T tokens of router_probs[:, i] (a mean, not a sum).
    Perfectly balanced routing (uniform probs, every expert chosen equally often) gives k; with
    k = 1 that is Switch Transformer's minimum of 1.

    Args:
        router_probs: (T, num_experts) softmax probabilities over ALL experts (before the top-k),
            float32 or float64.
        experts: (T, k) int64, the experts each token is routed to (distinct within a row), as
            top_k_router returns them.
        num_experts: E, the number of columns of router_probs.

    Returns:
        A 0-dim tensor of router_probs' dtype and device, differentiable with respect to
        router_probs.

    Rules:
        - Do not import transformers.
        - Do not modify the inputs.
        - The speed check times top_k_router(logits, 2) then load_balancing_loss on its result,
          float32 logits of shape (4096, 64), against torch's softmax, topk and one_hot on one CPU
          thread (limit 6x), and logits (65536, 64) on CUDA where a GPU is present (limit 6x):
          no Python loop over the tokens.
    """
    # TODO: f from the experts (all k choices, divided by T), P from the mean of router_probs, then E * sum f * P.
    raise NotImplementedError("moe_router: implement load_balancing_loss in exercises/moe_router.py")
