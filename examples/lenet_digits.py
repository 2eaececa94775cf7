"""LeNet (Conv-Pool-Conv-Pool-FC-FC) against the tutorial's MLP on scikit-learn's
digits, both trained with the tutorial's manual SGD loop for the same number of
epochs; prints each one's final training loss and held-out accuracy.

Run: python examples/lenet_digits.py [--epochs N] [--check]
(--check: exit with status 1 unless LeNet ends with the lower loss.)
"""
import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import digits  # noqa: E402

import mxlite as mx  # noqa: E402
import numpy as np  # noqa: E402


def mlp():
    data = mx.sym.Variable("data")
    l1 = mx.sym.FullyConnected(data=data, num_hidden=128, name="layer1")
    a1 = mx.sym.Activation(data=l1, act_type="relu", name="act1")
    l2 = mx.sym.FullyConnected(data=a1, num_hidden=10, name="layer2")
    return mx.sym.SoftmaxOutput(data=l2, name="softmax"), (784,)


def lenet():
    data = mx.sym.Variable("data")
    c1 = mx.sym.Convolution(data=data, kernel=(5, 5), num_filter=20, name="conv1")
    p1 = mx.sym.Pooling(mx.sym.Activation(c1, act_type="tanh"), pool_type="max", kernel=(2, 2), stride=(2, 2))
    c2 = mx.sym.Convolution(data=p1, kernel=(5, 5), num_filter=50, name="conv2")
    p2 = mx.sym.Pooling(mx.sym.Activation(c2, act_type="tanh"), pool_type="max", kernel=(2, 2), stride=(2, 2))
    f1 = mx.sym.Activation(mx.sym.FullyConnected(mx.sym.Flatten(p2), num_hidden=500, name="fc1"), act_type="tanh")
    f2 = mx.sym.FullyConnected(f1, num_hidden=10, name="fc2")
    return mx.sym.SoftmaxOutput(data=f2, name="softmax"), (1, 28, 28)


def train(net, shape, data, epochs, lr, batch_size=128, seed=0):
    train_x, train_y, test_x, test_y = data
    np.random.seed(seed)
    ex = net.simple_bind(ctx=mx.cpu(), grad_req="write", data=(batch_size,) + shape)
    test = net.bind(ctx=mx.cpu(), grad_req="null", args=ex.arg_arrays)
    for name, arr in ex.arg_dict.items():
        if name not in ("data", "softmax_label"):
            fan_in = int(np.prod(arr.shape[1:])) if len(arr.shape) > 1 else 1
            arr[:] = np.random.randn(*arr.shape) * (1.0 / np.sqrt(fan_in)) if len(arr.shape) > 1 else 0
    idx = np.arange(len(train_x))
    loss = 0.0
    for _ in range(epochs):
        np.random.shuffle(idx)
        total, count = 0.0, 0
        for i in range(0, len(idx) - batch_size + 1, batch_size):
            b = idx[i:i + batch_size]
            ex.arg_dict["data"][:] = (train_x[b] / 255.).reshape((batch_size,) + shape)
            ex.arg_dict["softmax_label"][:] = train_y[b]
            ex.forward(is_train=True)
            ex.backward()
            p = ex.outputs[0].asnumpy()
            total -= np.log(np.maximum(p[np.arange(batch_size), train_y[b].astype(int)], 1e-12)).sum()
            count += batch_size
            for name, w, g in zip(net.list_arguments(), ex.arg_arrays, ex.grad_arrays):
                if name not in ("data", "softmax_label"):
                    w[:] = w - g * lr
        loss = total / count
    correct = total_n = 0
    for i in range(0, len(test_x) - batch_size + 1, batch_size):
        test.arg_dict["data"][:] = (test_x[i:i + batch_size] / 255.).reshape((batch_size,) + shape)
        test.forward()
        correct += (np.argmax(test.outputs[0].asnumpy(), 1) == test_y[i:i + batch_size]).sum()
        total_n += batch_size
    return loss, correct / total_n


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--epochs", type=int, default=10)
    ap.add_argument("--lr", type=float, default=0.001)
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args()
    data = digits.load()
    results = {}
    for name, (net, shape) in (("MLP", mlp()), ("LeNet", lenet())):
        loss, acc = train(net, shape, data, args.epochs, args.lr)
        results[name] = loss
        print("%-5s after %d epochs: training loss %.4f, held-out accuracy %.4f" % (name, args.epochs, loss, acc))
    if args.check and not results["LeNet"] < results["MLP"]:
        print("FAILED: LeNet's loss is not below the MLP's")
        sys.exit(1)


if __name__ == "__main__":
    main()
