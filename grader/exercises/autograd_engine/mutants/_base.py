"""Not a mutant: a micrograd-style engine (closures, numbers wrapped in Values) with a switch per mistake."""
import math


def engine(overwrite=False, order="reverse", seed=1.0, relu0=0.0, tanh_from_input=False, recursive=False,
           stale=False, reflected=True):
    class Value:
        def __init__(self, data, _children=()):
            self.data, self.grad = float(data), 0.0
            self._prev, self._backward = tuple(_children), lambda: None

        def _give(self, g):
            self.grad = g if overwrite else self.grad + g

        def __add__(self, other):
            other = other if isinstance(other, Value) else Value(other)
            out = Value(self.data + other.data, (self, other))

            def _backward():
                self._give(out.grad)
                other._give(out.grad)
            out._backward = _backward
            return out

        def __mul__(self, other):
            other = other if isinstance(other, Value) else Value(other)
            out = Value(self.data * other.data, (self, other))

            def _backward():
                self._give(other.data * out.grad)
                other._give(self.data * out.grad)
            out._backward = _backward
            return out

        def __pow__(self, p):
            out = Value(self.data ** p, (self,))
            out._backward = lambda: self._give(p * self.data ** (p - 1) * out.grad)
            return out

        def _unary(self, value, d):
            out = Value(value, (self,))
            out._backward = lambda: self._give(d * out.grad)
            return out

        def exp(self):
            return self._unary(math.exp(self.data), math.exp(self.data))

        def log(self):
            return self._unary(math.log(self.data), 1 / self.data)

        def tanh(self):
            t = math.tanh(self.data)
            return self._unary(t, 1 - (self.data ** 2 if tanh_from_input else t ** 2))

        def relu(self):
            a = self.data
            return self._unary(max(a, 0.0), 1.0 if a > 0 else relu0 if a == 0 else 0.0)

        def __neg__(self):
            return self * -1

        def __sub__(self, other):
            return self + (-other)

        def __rsub__(self, other):
            return other + (-self)

        def __truediv__(self, other):
            return self * other ** -1

        def __rtruediv__(self, other):
            return other * self ** -1

        if reflected:
            __radd__ = __add__
            __rmul__ = __mul__

        def backward(self):
            topo, seen = [], set()
            if recursive:
                def build(v):
                    if v not in seen:
                        seen.add(v)
                        for child in v._prev:
                            build(child)
                        topo.append(v)
                build(self)
            else:  # the same order as the recursion, with an explicit stack
                seen.add(self)
                stack = [(self, iter(self._prev))]
                while stack:
                    v, rest = stack[-1]
                    for child in rest:
                        if child not in seen:
                            seen.add(child)
                            stack.append((child, iter(child._prev)))
                            break
                    else:
                        stack.pop()
                        topo.append(v)
            saved = [v.grad for v in topo]
            if not stale:  # this call's gradients alone, added to the old ones at the end
                for v in topo:
                    v.grad = 0.0
            self.grad = seed
            for v in (reversed(topo) if order == "reverse" else topo):
                v._backward()
            if not stale:
                for v, old in zip(topo, saved):
                    v.grad += old

    return Value
