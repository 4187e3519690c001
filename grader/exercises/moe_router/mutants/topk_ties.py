"""torch.topk: right except among ties, whose order it does not promise."""
from _base import load_balancing_loss  # noqa: F401

EXPECTED_MISTAKE = "ties not broken by the lower expert index"


def top_k_router(logits, k):
    top, experts = logits.softmax(-1).topk(k, dim=-1)
    return top / top.sum(-1, keepdim=True), experts
