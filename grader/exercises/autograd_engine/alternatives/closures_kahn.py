"""Correct: micrograd's closures, numbers wrapped in Values, and Kahn's algorithm (consumer counts) for the order."""
import math


class Value:
    def __init__(self, data, _children=()):
        self.data = float(data)
        self.grad = 0.0
        self._prev = _children
        self._backward = lambda: None

    @staticmethod
    def lift(x):
        return x if isinstance(x, Value) else Value(x)

    def __add__(self, other):
        other = Value.lift(other)
        out = Value(self.data + other.data, (self, other))

        def _backward():
            self.grad += out.grad
            other.grad += out.grad
        out._backward = _backward
        return out

    def __mul__(self, other):
        other = Value.lift(other)
        out = Value(self.data * other.data, (self, other))

        def _backward():
            self.grad += other.data * out.grad
            other.grad += self.data * out.grad
        out._backward = _backward
        return out

    def __pow__(self, k):
        out = Value(self.data ** k, (self,))

        def _backward():
            self.grad += k * self.data ** (k - 1) * out.grad
        out._backward = _backward
        return out

    def _apply(self, y, dy):
        out = Value(y, (self,))

        def _backward():
            self.grad += dy * out.grad
        out._backward = _backward
        return out

    def exp(self):
        e = math.exp(self.data)
        return self._apply(e, e)

    def log(self):
        return self._apply(math.log(self.data), 1.0 / self.data)

    def tanh(self):
        t = math.tanh(self.data)
        return self._apply(t, 1.0 - t * t)

    def relu(self):
        return self._apply(self.data if self.data > 0 else 0.0, 1.0 if self.data > 0 else 0.0)

    def __neg__(self):
        return self * -1

    def __radd__(self, other):
        return self + other

    def __rmul__(self, other):
        return self * other

    def __sub__(self, other):
        return self + (-Value.lift(other))

    def __rsub__(self, other):
        return Value.lift(other) + (-self)

    def __truediv__(self, other):
        return self * Value.lift(other) ** -1

    def __rtruediv__(self, other):
        return Value.lift(other) * self ** -1

    def backward(self):
        # Count each node's consumers inside this graph; a node is ready once all of them are done.
        users, seen, todo = {}, {id(self)}, [self]
        nodes = []
        while todo:
            v = todo.pop()
            nodes.append(v)
            for p in v._prev:
                users[id(p)] = users.get(id(p), 0) + 1
                if id(p) not in seen:
                    seen.add(id(p))
                    todo.append(p)
        old = {id(v): v.grad for v in nodes}
        for v in nodes:
            v.grad = 0.0
        self.grad = 1.0
        ready = [self]
        while ready:
            v = ready.pop()
            v._backward()
            for p in v._prev:
                users[id(p)] -= 1
                if users[id(p)] == 0:
                    ready.append(p)
        for v in nodes:
            v.grad += old[id(v)]
