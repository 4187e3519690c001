"""Meta-LLaMA style: pairs as complex numbers times torch.polar(1, angle)."""
import torch


def rotary_embedding(x, positions, base=10000.0, interleaved=False):
    D = x.shape[-1]
    theta = base ** (-torch.arange(0, D // 2, device=x.device, dtype=torch.float64) * 2 / D)
    ang = torch.outer(positions.double(), theta)
    cis = torch.polar(torch.ones_like(ang), ang)
    if interleaved:
        z = torch.view_as_complex(x.double().reshape(*x.shape[:-1], D // 2, 2))
        return torch.view_as_real(z * cis).reshape(x.shape).to(x.dtype)
    z = torch.complex(x[..., :D // 2].double(), x[..., D // 2:].double()) * cis
    return torch.cat([z.real, z.imag], -1).to(x.dtype)
