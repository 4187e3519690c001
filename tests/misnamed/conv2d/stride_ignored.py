"""A sliding-window conv2d with no stride at all (it accepts the argument and steps by 1). Once named
"pair read as one number"; the variant run with stride 1 reproduces it on every strided case."""
import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

EXPECTED_MISTAKE = "stride ignored"


def conv2d(x, weight, bias=None, stride=1, padding=0):
    ph, pw = (padding, padding) if isinstance(padding, int) else padding
    xp = np.pad(x, ((0, 0), (0, 0), (ph, ph), (pw, pw)))
    o, c, kh, kw = weight.shape
    win = sliding_window_view(xp, (kh, kw), axis=(2, 3))  # (n, c, ho, wo, kh, kw), every step of 1
    out = np.einsum("nchwij,ocij->nohw", win, weight)
    if bias is not None:
        out = out + bias[None, :, None, None]
    return out.astype(x.dtype)
