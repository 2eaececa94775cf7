"""The tutorial's MLP (784-128-10, batch 128, plain SGD) trained through an executor,
in samples/s, against the same net and batch in PyTorch CPU, measured in one run.

    python bench/bench_mlp.py [--steps N]

A ratio > 1 means mxlite is faster. Target (issue #3): >= 1.2x PyTorch.
"""
import argparse
import time

import numpy as np

import mxlite as mx

try:
    import torch
except ImportError:
    torch = None


def mxlite_mlp(x, y, steps, lr):
    data = mx.sym.Variable("data")
    l1 = mx.sym.FullyConnected(data=data, num_hidden=128, name="layer1")
    a1 = mx.sym.Activation(data=l1, act_type="relu", name="act1")
    l2 = mx.sym.FullyConnected(data=a1, num_hidden=10, name="layer2")
    net = mx.sym.SoftmaxOutput(data=l2, name="softmax")
    ex = net.simple_bind(ctx=mx.cpu(), grad_req="write", data=x.shape)
    for name, arr in ex.arg_dict.items():
        if name not in ("data", "softmax_label"):
            arr[:] = np.random.randn(*arr.shape) * 0.02
    params = [(ex.arg_dict[n], ex.grad_dict[n]) for n in ex.arg_dict if n not in ("data", "softmax_label")]
    xb, yb = mx.nd.array(x), mx.nd.array(y)

    def step():
        xb.copyto(ex.arg_dict["data"])
        yb.copyto(ex.arg_dict["softmax_label"])
        ex.forward(is_train=True)
        ex.backward()
        for w, g in params:
            w -= g * lr  # in place: the executor keeps using the same array

    step()
    mx.nd.waitall()
    t = time.perf_counter()
    for _ in range(steps):
        step()
    mx.nd.waitall()
    return steps * 128 / (time.perf_counter() - t)


def torch_mlp(x, y, steps, lr):
    torch.manual_seed(0)
    net = torch.nn.Sequential(torch.nn.Linear(784, 128), torch.nn.ReLU(), torch.nn.Linear(128, 10))
    opt = torch.optim.SGD(net.parameters(), lr=lr)
    loss_fn = torch.nn.CrossEntropyLoss(reduction="sum")
    xt, yt = torch.from_numpy(x), torch.from_numpy(y.astype(np.int64))

    def step():
        opt.zero_grad()
        loss_fn(net(xt), yt).backward()
        opt.step()

    step()
    t = time.perf_counter()
    for _ in range(steps):
        step()
    return steps * 128 / (time.perf_counter() - t)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--steps", type=int, default=300)
    args = p.parse_args()
    rng = np.random.RandomState(0)
    x = rng.rand(128, 784).astype(np.float32)
    y = rng.randint(0, 10, 128).astype(np.float32)
    ours = mxlite_mlp(x, y, args.steps, 0.001)
    line = "MLP 784-128-10 batch 128 SGD: mxlite %.0f samples/s" % ours
    if torch is not None:
        theirs = torch_mlp(x, y, args.steps, 0.001)
        line += ", torch %.0f samples/s (x%.2f)" % (theirs, ours / theirs)
    print(line)


if __name__ == "__main__":
    main()
