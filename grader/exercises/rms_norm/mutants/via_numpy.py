"""Right values, computed in NumPy: no gradient."""
import torch

EXPECTED_MISTAKE = "computed outside autograd"


def rms_norm(x, weight=None, eps=1e-6):
    a = x.detach().cpu().numpy()
    y = torch.from_numpy(a / ((a ** 2).mean(-1, keepdims=True) + eps) ** 0.5).to(x.device)
    return y if weight is None else y * weight.detach()
