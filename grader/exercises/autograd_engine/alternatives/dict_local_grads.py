"""Correct: each node stores (input, local derivative) pairs; backward pushes a dict of this call's gradients."""
import math


def _val(x):
    return x.data if isinstance(x, Value) else float(x)


class Value:
    def __init__(self, data):
        self.data = float(data)
        self.grad = 0.0
        self.edges = []  # (input Value, d self / d input)

    def _out(self, data, *edges):
        out = Value(data)
        out.edges = [(v, d) for v, d in edges if isinstance(v, Value)]
        return out

    def __add__(self, o):
        return self._out(self.data + _val(o), (self, 1.0), (o, 1.0))

    def __radd__(self, o):
        return self._out(_val(o) + self.data, (self, 1.0))

    def __sub__(self, o):
        return self._out(self.data - _val(o), (self, 1.0), (o, -1.0))

    def __rsub__(self, o):
        return self._out(_val(o) - self.data, (self, -1.0))

    def __mul__(self, o):
        return self._out(self.data * _val(o), (self, _val(o)), (o, self.data))

    def __rmul__(self, o):
        return self._out(_val(o) * self.data, (self, _val(o)))

    def __truediv__(self, o):
        b = _val(o)
        return self._out(self.data / b, (self, 1.0 / b), (o, -self.data / b ** 2))

    def __rtruediv__(self, o):
        return self._out(_val(o) / self.data, (self, -_val(o) / self.data ** 2))

    def __neg__(self):
        return self._out(-self.data, (self, -1.0))

    def __pow__(self, p):
        return self._out(self.data ** p, (self, p * self.data ** (p - 1)))

    def exp(self):
        return self._out(math.exp(self.data), (self, math.exp(self.data)))

    def log(self):
        return self._out(math.log(self.data), (self, 1.0 / self.data))

    def tanh(self):
        t = math.tanh(self.data)
        return self._out(t, (self, 1.0 - t ** 2))

    def relu(self):
        return self._out(max(0.0, self.data), (self, float(self.data > 0)))

    def backward(self):
        order, done, stack = [], set(), [self]
        while stack:  # postorder: a node is appended once all its inputs are
            v = stack[-1]
            if id(v) in done:
                stack.pop()
                continue
            pending = [u for u, _ in v.edges if id(u) not in done]
            if pending:
                stack.extend(pending)
            else:
                done.add(id(v))
                order.append(stack.pop())
        g = {id(self): 1.0}
        for v in reversed(order):
            gv = g.get(id(v), 0.0)
            v.grad += gv
            for u, d in v.edges:
                g[id(u)] = g.get(id(u), 0.0) + d * gv
