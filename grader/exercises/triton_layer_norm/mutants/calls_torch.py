"""The wrapper hands the work to torch: no kernel at all."""
import torch.nn.functional as F

EXPECTED_MISTAKE = "calls the function it re-implements"


def layer_norm(x, weight, bias, eps=1e-5):
    return F.layer_norm(x, (x.shape[-1],), weight, bias, eps)
