"""Data-parallel MLP training through a KVStore, one process per worker:

    mpirun -np 2 python tests/mpi/train_mlp.py --kv-store dist_sync --out /tmp/w
    python tests/mpi/train_mlp.py --kv-store local --out /tmp/w        # one process

Every step takes one global batch of --batch samples; worker r of n trains on rows
[r*batch/n, (r+1)*batch/n) of it, pushes its gradients (summed over the workers by
dist_sync) and pulls the weights the store updated with SGD (rescale_grad =
1/batch). With the same global batch, n workers and one process therefore compute
the same weights up to the order of float additions. Writes <out>.rank<r>.npz.

--ctx gpu: train on mx.gpu(0) (dist_sync then sums the gradients with NCCL where the
CUDA plugin has it; on the host CUDA emulator, MXLITE_NCCL_LIBRARY naming it, the
worker prints how many NCCL collectives it ran).

--die-at STEP / --hang-at STEP / --exit-at STEP: worker 1 kills (SIGKILL), stops
(SIGSTOP) or exits (os._exit(3), no MPI_Finalize) at that step (the fault tests). --bench N: N timed steps, prints samples/s.
"""
import argparse
import os
import signal
import sys
import time

import numpy as np

import mxlite as mx


def mlp(hidden, classes):
    data = mx.sym.Variable("data")
    h = mx.sym.Activation(mx.sym.FullyConnected(data, num_hidden=hidden, name="fc1"), act_type="relu")
    out = mx.sym.FullyConnected(h, num_hidden=classes, name="fc2")
    return mx.sym.SoftmaxOutput(out, name="softmax")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--kv-store", default="local")
    ap.add_argument("--batch", type=int, default=64, help="global batch (all workers together)")
    ap.add_argument("--steps", type=int, default=30)
    ap.add_argument("--features", type=int, default=20)
    ap.add_argument("--hidden", type=int, default=32)
    ap.add_argument("--out", default=None)
    ap.add_argument("--die-at", type=int, default=-1)
    ap.add_argument("--hang-at", type=int, default=-1)
    ap.add_argument("--exit-at", type=int, default=-1)
    ap.add_argument("--bench", type=int, default=0)
    ap.add_argument("--ctx", choices=("cpu", "gpu"), default="cpu")
    args = ap.parse_args()

    kv = mx.kv.create(args.kv_store)
    rank, n = kv.rank, kv.num_workers
    if args.batch % n:
        sys.exit("--batch %d is not divisible by %d workers" % (args.batch, n))
    local = args.batch // n
    classes = 4

    rng = np.random.RandomState(0)  # the same data and initial weights on every worker
    steps = args.steps + args.bench
    x = rng.randn(steps * args.batch, args.features).astype(np.float32)
    y = (np.abs(x[:, :classes]).argmax(axis=1)).astype(np.float32)

    ctx = mx.gpu(0) if args.ctx == "gpu" else mx.cpu()
    ex = mlp(args.hidden, classes).simple_bind(ctx=ctx, data=(local, args.features))
    names = [k for k in ex.arg_dict if k not in ("data", "softmax_label")]
    for k in names:
        ex.arg_dict[k][:] = rng.randn(*ex.arg_dict[k].shape).astype(np.float32) * 0.1
    kv.init(names, [ex.arg_dict[k] for k in names])  # dist: rank 0's weights everywhere
    kv.set_optimizer(mx.optimizer.SGD(learning_rate=0.5, momentum=0.9, wd=1e-4,
                                      rescale_grad=1.0 / args.batch))

    def step(i):
        rows = slice(i * args.batch + rank * local, i * args.batch + (rank + 1) * local)
        ex.arg_dict["data"][:] = x[rows]
        ex.arg_dict["softmax_label"][:] = y[rows]
        ex.forward(is_train=True)
        ex.backward()
        for k in names:
            kv.pushpull(k, ex.grad_dict[k], out=ex.arg_dict[k])

    for i in range(args.steps):
        if rank == 1 and i == args.die_at:
            os.kill(os.getpid(), signal.SIGKILL)
        if rank == 1 and i == args.hang_at:
            os.kill(os.getpid(), signal.SIGSTOP)
        if rank == 1 and i == args.exit_at:
            os._exit(3)
        step(i)
        ex.outputs[0].wait_to_read()  # a training loop reads its metrics every step
        for k in names:
            ex.arg_dict[k].wait_to_read()
    if args.bench:
        mx.nd.waitall()
        kv.barrier()
        t = time.perf_counter()
        for i in range(args.steps, steps):
            step(i)
        for k in names:
            ex.arg_dict[k].wait_to_read()
        kv.barrier()
        dt = time.perf_counter() - t
        if rank == 0:
            print("samples/s %.1f workers %d" % (args.bench * args.batch / dt, n), flush=True)
    if args.out:
        np.savez(args.out + ".rank%d.npz" % rank, **{k: ex.arg_dict[k].asnumpy() for k in names})
    kv.barrier()
    emu = os.environ.get("MXLITE_NCCL_LIBRARY", "")
    if args.ctx == "gpu" and emu.endswith("libmxlite_cuda_emu.so"):
        import ctypes
        calls = ctypes.CDLL(emu).mxcemu_nccl_calls
        calls.restype = ctypes.c_longlong
        print("worker %d NCCL collectives %d" % (rank, calls()), flush=True)
    print("worker %d of %d done" % (rank, n), flush=True)


if __name__ == "__main__":
    main()
