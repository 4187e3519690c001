"""The wrapper hands the work to torch: no kernel at all."""
import torch.nn.functional as F

EXPECTED_MISTAKE = "calls the function it re-implements"


def flash_attention(q, k, v, is_causal=False):
    return F.scaled_dot_product_attention(q, k, v, is_causal=is_causal)
