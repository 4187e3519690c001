"""Uses the first number of a (h, w) stride or padding for both axes."""
from _base import depthwise, out_size, pad, pointwise

EXPECTED_MISTAKE = "pair read as one number"


def depthwise_separable_conv2d(x, depthwise_weight, pointwise_weight, stride=1, padding=0):
    s = stride if isinstance(stride, int) else stride[0]
    p = padding if isinstance(padding, int) else padding[0]
    H_out, W_out = out_size(x, depthwise_weight, s, s, p, p)
    y = depthwise(pad(x, p, p), depthwise_weight[:, 0], s, s, H_out, W_out)
    return pointwise(y, pointwise_weight[:, :, 0, 0]).astype(x.dtype)
