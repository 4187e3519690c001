"""db averaged over the batch instead of summed."""
EXPECTED_MISTAKE = "db not summed over the batch"


def linear_backward(x, W, b, dout):
    return dout @ W.T, x.T @ dout, dout.mean(axis=0)
