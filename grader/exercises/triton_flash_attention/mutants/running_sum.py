"""l = l + rowsum(p): the running sum keeps terms computed under an older, smaller maximum."""
from _base import attention_with

EXPECTED_MISTAKE = "running sum not rescaled"


def flash_attention(q, k, v, is_causal=False):
    return attention_with(q, k, v, is_causal, rescale_sum=False)
