"""The three gradients with einsum, index by index."""
import numpy as np


def linear_backward(x, W, b, dout):
    return np.einsum("nj,ij->ni", dout, W), np.einsum("ni,nj->ij", x, dout), np.einsum("nj->j", dout)
