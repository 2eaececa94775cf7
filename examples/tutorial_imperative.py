"""The imperative part of "Getting Started with MXNet", unchanged but for the import.

Run: python examples/tutorial_imperative.py
"""
import mxlite as mx

cpu_tensor = mx.nd.zeros((10,), ctx=mx.cpu())
try:
    gpu_tensor = mx.nd.zeros((10,), ctx=mx.gpu(0))
except mx.MXNetError as e:  # no GPU here: a clear error, not a crash
    print("gpu(0) unavailable:", str(e).splitlines()[0])

ctx = mx.cpu()  # which context to put memory on.
a = mx.nd.ones((10, ), ctx=ctx)
b = mx.nd.ones((10, ), ctx=ctx)
c = (a + b) / 10.
d = b + 1

numpy_d = d.asnumpy()
print("c =", c.asnumpy())
print("d =", numpy_d)
print(d)

# A little more of NDArray: lazy ops, broadcasting, reductions, dot through BLAS.
x = mx.nd.arange(12).reshape((3, 4))
y = mx.nd.ones((4,))
print("x + y (broadcast):\n", (x + y).asnumpy())
print("sum over axis 1:", x.sum(axis=1).asnumpy())
print("x . x^T:\n", mx.nd.dot(x, x.T).asnumpy())
mx.nd.waitall()
