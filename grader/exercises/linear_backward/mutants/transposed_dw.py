"""dW computed as dout.T @ x: the transpose of the right answer."""
EXPECTED_MISTAKE = "wrong transpose"


def linear_backward(x, W, b, dout):
    return dout @ W.T, dout.T @ x, dout.sum(axis=0)
