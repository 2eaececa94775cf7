"""The four-language example, Python: arrays, the MLP symbol, bind, forward/backward, train.
Run by docs/run_checks.sh; exits non-zero if training does not reach 90% accuracy."""
import numpy as np
import mxlite as mx

# Create arrays: 256 samples of 20 features; class 1 where the first two features sum > 0.
n, features, batch = 256, 20, 64
i, j = np.arange(n)[:, None], np.arange(features)[None, :]
X = np.sin(i * 7.0 + j * 3.0).astype(np.float32)
y = (X[:, 0] + X[:, 1] > 0).astype(np.float32)
a = mx.nd.array(X[:3, :4])                     # NDArray from NumPy
print((a * 2 + 1).shape)                       # lazy arithmetic: (3, 4)

# Build the MLP symbol: 20 -> 32 relu -> 2, softmax loss.
data = mx.sym.Variable("data")
fc1 = mx.sym.FullyConnected(data=data, num_hidden=32, name="fc1")
act1 = mx.sym.Activation(data=fc1, act_type="relu", name="relu1")
fc2 = mx.sym.FullyConnected(data=act1, num_hidden=2, name="fc2")
net = mx.sym.SoftmaxOutput(data=fc2, name="softmax")
print(net.list_arguments())

# Bind: allocate arguments and gradients for batches of 64; initialize the weights.
ex = net.simple_bind(ctx=mx.cpu(), grad_req="write", data=(batch, features))
mx.random.seed(0)
for name in ("fc1_weight", "fc2_weight"):
    ex.arg_dict[name][:] = mx.nd.random.normal(0, 0.3, shape=ex.arg_dict[name].shape)
for name in ("fc1_bias", "fc2_bias"):
    ex.arg_dict[name][:] = 0

# Forward / backward, and train: plain SGD on the batch-summed gradients.
params = [p for p in net.list_arguments() if p not in ("data", "softmax_label")]
for epoch in range(30):
    for start in range(0, n, batch):
        ex.arg_dict["data"][:] = X[start:start + batch]
        ex.arg_dict["softmax_label"][:] = y[start:start + batch]
        ex.forward(is_train=True)
        ex.backward()
        for p in params:
            ex.arg_dict[p][:] = ex.arg_dict[p] - ex.grad_dict[p] * (0.5 / batch)

correct = 0
for start in range(0, n, batch):
    ex.arg_dict["data"][:] = X[start:start + batch]
    ex.forward(is_train=False)
    pred = ex.outputs[0].asnumpy().argmax(axis=1)
    correct += int((pred == y[start:start + batch]).sum())
accuracy = correct / n
print("accuracy %.3f" % accuracy)
assert accuracy >= 0.9, "training failed: accuracy %.3f" % accuracy
