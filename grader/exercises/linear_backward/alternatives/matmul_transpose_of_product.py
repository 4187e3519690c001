"""dW as (dout.T @ x).T and dx via np.dot: the same products, written the other way round."""
import numpy as np


def linear_backward(x, W, b, dout):
    return np.dot(dout, W.T), (dout.T @ x).T, np.add.reduce(dout, axis=0)
