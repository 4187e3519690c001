"""HF's habit for every input: inv_freq, the angles, cos and sin in float32, cast to x's dtype at the end."""
import torch

EXPECTED_MISTAKE = "cos/sin computed in float32"


def rotary_embedding(x, positions, base=10000.0, interleaved=False):
    D = x.shape[-1]
    inv_freq = 1.0 / base ** (torch.arange(0, D, 2, device=x.device).float() / D)
    freqs = torch.outer(positions.float(), inv_freq)
    emb = freqs.repeat_interleave(2, -1) if interleaved else torch.cat((freqs, freqs), -1)
    if interleaved:
        rot = torch.stack((-x[..., 1::2], x[..., ::2]), -1).flatten(-2)
    else:
        rot = torch.cat((-x[..., D // 2:], x[..., :D // 2]), -1)
    return x * emb.cos().to(x.dtype) + rot * emb.sin().to(x.dtype)
