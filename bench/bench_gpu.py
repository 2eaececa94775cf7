"""GPU benchmarks (issue 10), each on mx.gpu(0) and, where PyTorch with CUDA is
importable, against PyTorch on the same GPU in the same run:

  1. large elementwise add as a fraction of device-to-device copy bandwidth (>= 85%)
  2. sgemm 4096^3 against torch.matmul (>= 0.9x)
  3. the tutorial MLP (784-128-10, batch 128, SGD) training samples/s (>= 1.0x)
  4. LeNet (conv 20, pool, conv 50, pool, fc 500, fc 10; batch 64) training samples/s (>= 1.0x)

    python bench/bench_gpu.py [--quick | --smoke]

Prints one line per measurement and exits 0 (targets are reported, not enforced);
--smoke runs tiny sizes to check the script (on the CUDA emulator, in the test run).
"""
import argparse
import time

import numpy as np

import mxlite as mx

try:
    import torch
    TORCH_GPU = torch.cuda.is_available()
    WHY_NO_TORCH = "" if TORCH_GPU else "torch is installed but torch.cuda.is_available() is False"
except ImportError:
    torch, TORCH_GPU, WHY_NO_TORCH = None, False, "torch is not importable"


def timed(fn, reps):
    fn()
    mx.nd.waitall()
    t = time.perf_counter()
    for _ in range(reps):
        fn()
    mx.nd.waitall()
    return (time.perf_counter() - t) / reps


def bench_add(n, reps):
    ctx = mx.gpu(0)
    a = mx.nd.ones((n,), ctx=ctx)
    b = mx.nd.ones((n,), ctx=ctx)
    out = mx.nd.zeros((n,), ctx=ctx)
    dst = mx.nd.zeros((n,), ctx=ctx)
    t_add = timed(lambda: mx.nd.elemwise_add(a, b, out=out), reps)
    t_copy = timed(lambda: a.copyto(dst), reps)
    bytes_add, bytes_copy = 3 * 4 * n, 2 * 4 * n
    bw_add, bw_copy = bytes_add / t_add / 1e9, bytes_copy / t_copy / 1e9
    print("elementwise add of %d floats: %.1f GB/s; d2d copy %.1f GB/s; add/copy = %.2f (target >= 0.85)"
          % (n, bw_add, bw_copy, bw_add / bw_copy))
    assert np.all(out[:8].asnumpy() == 2)


def bench_sgemm(n, reps):
    ctx = mx.gpu(0)
    rng = np.random.RandomState(0)
    a = mx.nd.array(rng.rand(n, n).astype(np.float32), ctx=ctx)
    b = mx.nd.array(rng.rand(n, n).astype(np.float32), ctx=ctx)
    c = mx.nd.zeros((n, n), ctx=ctx)
    t = timed(lambda: mx.nd.dot(a, b, out=c), reps)
    tflops = 2 * n ** 3 / t / 1e12
    line = "sgemm %d^3: mxlite %.1f TFLOP/s" % (n, tflops)
    if TORCH_GPU:
        ta = torch.rand(n, n, device="cuda")
        tb = torch.rand(n, n, device="cuda")
        torch.matmul(ta, tb)
        torch.cuda.synchronize()
        t0 = time.perf_counter()
        for _ in range(reps):
            torch.matmul(ta, tb)
        torch.cuda.synchronize()
        tt = (time.perf_counter() - t0) / reps
        line += ", torch.matmul %.1f TFLOP/s (allow_tf32=%s), ratio %.2f (target >= 0.9)" % (
            2 * n ** 3 / tt / 1e12, torch.backends.cuda.matmul.allow_tf32, tt / t)
    else:
        line += "; torch comparison skipped: " + WHY_NO_TORCH
    print(line)


def mlp_symbol():
    data = mx.sym.Variable("data")
    l1 = mx.sym.FullyConnected(data=data, num_hidden=128, name="layer1")
    a1 = mx.sym.Activation(data=l1, act_type="relu", name="act1")
    l2 = mx.sym.FullyConnected(data=a1, num_hidden=10, name="layer2")
    return mx.sym.SoftmaxOutput(data=l2, name="softmax")


def lenet_symbol():
    data = mx.sym.Variable("data")
    c1 = mx.sym.Convolution(data=data, kernel=(5, 5), num_filter=20, name="conv1")
    p1 = mx.sym.Pooling(data=mx.sym.Activation(data=c1, act_type="tanh"), pool_type="max", kernel=(2, 2),
                        stride=(2, 2))
    c2 = mx.sym.Convolution(data=p1, kernel=(5, 5), num_filter=50, name="conv2")
    p2 = mx.sym.Pooling(data=mx.sym.Activation(data=c2, act_type="tanh"), pool_type="max", kernel=(2, 2),
                        stride=(2, 2))
    f1 = mx.sym.FullyConnected(data=mx.sym.Flatten(data=p2), num_hidden=500, name="fc1")
    f2 = mx.sym.FullyConnected(data=mx.sym.Activation(data=f1, act_type="tanh"), num_hidden=10, name="fc2")
    return mx.sym.SoftmaxOutput(data=f2, name="softmax")


def train_mxlite(net, shape, steps, lr=0.01):
    ctx = mx.gpu(0)
    batch = shape[0]
    ex = net.simple_bind(ctx=ctx, grad_req="write", data=shape)
    for name, arr in ex.arg_dict.items():
        if name not in ("data", "softmax_label"):
            arr[:] = np.random.randn(*arr.shape) * 0.02
    params = [(ex.arg_dict[n], ex.grad_dict[n]) for n in ex.arg_dict if n not in ("data", "softmax_label")]
    rng = np.random.RandomState(0)
    xb = mx.nd.array(rng.rand(*shape).astype(np.float32), ctx=ctx)
    yb = mx.nd.array(rng.randint(0, 10, batch).astype(np.float32), ctx=ctx)

    def step():
        xb.copyto(ex.arg_dict["data"])
        yb.copyto(ex.arg_dict["softmax_label"])
        ex.forward(is_train=True)
        ex.backward()
        for w, g in params:
            w -= g * lr

    return steps * batch / (timed(step, steps) * steps)


def torch_mlp():
    return torch.nn.Sequential(torch.nn.Linear(784, 128), torch.nn.ReLU(), torch.nn.Linear(128, 10))


def torch_lenet():
    nn = torch.nn
    return nn.Sequential(nn.Conv2d(1, 20, 5), nn.Tanh(), nn.MaxPool2d(2, 2), nn.Conv2d(20, 50, 5), nn.Tanh(),
                         nn.MaxPool2d(2, 2), nn.Flatten(), nn.Linear(800, 500), nn.Tanh(), nn.Linear(500, 10))


def train_torch(net, shape, steps, lr=0.01):
    net = net.cuda()
    batch = shape[0]
    opt = torch.optim.SGD(net.parameters(), lr=lr)
    x = torch.rand(*shape, device="cuda")
    y = torch.randint(0, 10, (batch,), device="cuda")
    loss_fn = torch.nn.CrossEntropyLoss()

    def step():
        opt.zero_grad()
        loss_fn(net(x), y).backward()
        opt.step()

    step()
    torch.cuda.synchronize()
    t = time.perf_counter()
    for _ in range(steps):
        step()
    torch.cuda.synchronize()
    return steps * batch / (time.perf_counter() - t)


def bench_train(name, net, torch_net, shape, steps):
    ours = train_mxlite(net, shape, steps)
    line = "%s training (batch %d): mxlite %.0f samples/s" % (name, shape[0], ours)
    if TORCH_GPU:
        theirs = train_torch(torch_net(), shape, steps)
        line += ", torch %.0f samples/s, ratio %.2f (target >= 1.0)" % (theirs, ours / theirs)
    else:
        line += "; torch comparison skipped: " + WHY_NO_TORCH
    print(line)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--quick", action="store_true", help="fewer repetitions")
    p.add_argument("--smoke", action="store_true",
                   help="tiny sizes, to check the script itself (tests/gpu/emu/run.sh runs it on the CUDA emulator); "
                        "exits 1 if a bench fails")
    args = p.parse_args()
    if mx.context.num_gpus() == 0:
        print("no GPU: " + mx.context.gpu_info())
        return 0
    print(mx.context.gpu_info())
    reps = 1 if args.smoke else 5 if args.quick else 20
    n_add, n_gemm = (1 << 12, 64) if args.smoke else (1 << 26, 4096)
    mlp_steps, lenet_steps = (3, 2) if args.smoke else (100, 50) if args.quick else (300, 200)
    failed = 0
    for name, fn in (("add", lambda: bench_add(n_add, reps)),
                     ("sgemm", lambda: bench_sgemm(n_gemm, max(1 if args.smoke else 3, reps // 4))),
                     ("mlp", lambda: bench_train("MLP", mlp_symbol(), torch_mlp, (128, 784), mlp_steps)),
                     ("lenet", lambda: bench_train("LeNet", lenet_symbol(), torch_lenet, (64, 1, 28, 28),
                                                   lenet_steps))):
        try:
            fn()
        except Exception as e:  # one failing bench must not hide the others
            failed += 1
            print("%s bench FAILED: %s: %s" % (name, type(e).__name__, e))
    return 1 if failed and args.smoke else 0


if __name__ == "__main__":
    raise SystemExit(main())
