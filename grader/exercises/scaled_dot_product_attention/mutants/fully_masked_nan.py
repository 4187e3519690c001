"""Plain softmax: a row with every key hidden becomes NaN."""
from _base import attention

EXPECTED_MISTAKE = "fully masked rows give NaN"


def scaled_dot_product_attention(query, key, value, attn_mask=None, is_causal=False, scale=None):
    return attention(query, key, value, attn_mask, is_causal, scale, full_rows="nan")
