"""Correct without tl.dot: each K tile's products by broadcasting, (BM, BK, 1) * (1, BK, BN), summed
over the middle axis. Slower on a GPU (no tensor cores) but the same result."""
import torch
import triton
import triton.language as tl


@triton.jit
def _bcast(A, B, C, M, N, K, sam, sak, sbk, sbn, scm, scn, BM: tl.constexpr, BN: tl.constexpr, BK: tl.constexpr):
    i = tl.program_id(0) * BM + tl.arange(0, BM)
    j = tl.program_id(1) * BN + tl.arange(0, BN)
    acc = tl.zeros((BM, BN), dtype=tl.float32)
    for k0 in range(0, K, BK):
        k = k0 + tl.arange(0, BK)
        x = tl.load(A + i[:, None] * sam + k[None, :] * sak, mask=(i[:, None] < M) & (k[None, :] < K), other=0.0)
        y = tl.load(B + k[:, None] * sbk + j[None, :] * sbn, mask=(k[:, None] < K) & (j[None, :] < N), other=0.0)
        acc += tl.sum(x.to(tl.float32)[:, :, None] * y.to(tl.float32)[None, :, :], axis=1)
    tl.store(C + i[:, None] * scm + j[None, :] * scn, acc.to(C.dtype.element_ty), mask=(i[:, None] < M) & (j[None, :] < N))


def matmul(a, b):
    (M, K), N = a.shape, b.shape[1]
    c = torch.empty((M, N), dtype=a.dtype, device=a.device)
    _bcast[(triton.cdiv(M, 32), triton.cdiv(N, 32))](a, b, c, M, N, K, *a.stride(), *b.stride(), *c.stride(),
                                                     BM=32, BN=32, BK=32)
    return c
