"""acc = acc + p @ v: the accumulator is not multiplied by alpha when the maximum rises."""
from _base import attention_with

EXPECTED_MISTAKE = "accumulator not rescaled"


def flash_attention(q, k, v, is_causal=False):
    return attention_with(q, k, v, is_causal, rescale_acc=False)
