"""A row kernel with a switch for each classic mistake (the mutants turn one on)."""
import torch
import triton
import triton.language as tl


@triton.jit
def layer_norm_kernel(x_ptr, w_ptr, b_ptr, y_ptr, x_row_stride, y_row_stride, N, eps, BLOCK_N: tl.constexpr,
                      ONE_PASS: tl.constexpr, PADDED: tl.constexpr, UNBIASED: tl.constexpr,
                      EPS_OUTSIDE: tl.constexpr, AFFINE: tl.constexpr, STORE_MASK: tl.constexpr):
    row = tl.program_id(0)
    cols = tl.arange(0, BLOCK_N)
    mask = cols < N
    x = tl.load(x_ptr + row * x_row_stride + cols, mask=mask, other=0.0).to(tl.float32)
    count = BLOCK_N if PADDED == 2 else N
    mean = tl.sum(x, axis=0) / count
    if ONE_PASS:
        var = tl.sum(x * x, axis=0) / N - mean * mean
        xc = x - mean
    else:
        xc = x - mean if PADDED else tl.where(mask, x - mean, 0.0)
        var = tl.sum(xc * xc, axis=0) / (N - 1 if UNBIASED else count)
    if EPS_OUTSIDE:
        rstd = 1.0 / (tl.sqrt(var) + eps)
    else:
        rstd = 1.0 / tl.sqrt(var + eps)
    y = xc * rstd
    if AFFINE:
        w = tl.load(w_ptr + cols, mask=mask, other=0.0).to(tl.float32)
        b = tl.load(b_ptr + cols, mask=mask, other=0.0).to(tl.float32)
        y = y * w + b
    if STORE_MASK:
        tl.store(y_ptr + row * y_row_stride + cols, y.to(y_ptr.dtype.element_ty), mask=mask)
    else:
        tl.store(y_ptr + row * y_row_stride + cols, y.to(y_ptr.dtype.element_ty))


def layer_norm_with(x, weight, bias, eps, one_pass=False, padded=0, unbiased=False, eps_outside=False, affine=True,
                    store_mask=True):
    N = x.shape[-1]
    x2 = x.reshape(-1, N)
    if x2.stride(-1) != 1:
        x2 = x2.contiguous()
    y = torch.empty(x2.shape, dtype=x.dtype, device=x.device)
    layer_norm_kernel[(x2.shape[0],)](x2, weight, bias, y, x2.stride(0), y.stride(0), N, eps,
                                      BLOCK_N=triton.next_power_of_2(N), ONE_PASS=one_pass, PADDED=padded,
                                      UNBIASED=unbiased, EPS_OUTSIDE=eps_outside, AFFINE=affine,
                                      STORE_MASK=store_mask)
    return y.reshape(x.shape)
