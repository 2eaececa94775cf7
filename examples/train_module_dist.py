"""Data-parallel training with mx.mod.Module: the tutorial's MLP on scikit-learn's digits
(examples/digits.py), on several devices of one machine and/or several processes.

    python examples/train_module_dist.py                              # one device
    python examples/train_module_dist.py --num-devices 2              # ctx=[cpu(0), cpu(1)]
    mpirun -np 2 python examples/train_module_dist.py --kv-store dist_sync
    (as root: mpirun --allow-run-as-root -np 2 ...)

Each batch is split over the devices and the gradients are summed through the KVStore
(mx.kv), which also applies the SGD update. Under dist_sync every worker reads its own
share of the training set (MXNet's num_parts / part_index convention) and the store
sums the gradients over all workers (MPI allreduce), so every worker holds the same
weights; --batch-size is per worker. Rank 0 prints the held-out accuracy.
"""
import argparse
import logging
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import digits  # noqa: E402

import numpy as np  # noqa: E402

import mxlite as mx  # noqa: E402

parser = argparse.ArgumentParser()
parser.add_argument("--kv-store", default="local", help="local, device, dist_sync or dist_async")
parser.add_argument("--num-devices", type=int, default=1, help="CPU contexts per process (or GPUs with --gpus)")
parser.add_argument("--gpus", action="store_true", help="use mx.gpu(i) contexts instead of mx.cpu(i)")
parser.add_argument("--epochs", type=int, default=20)
parser.add_argument("--batch-size", type=int, default=100)
parser.add_argument("--lr", type=float, default=0.1)
parser.add_argument("--seed", type=int, default=0)
parser.add_argument("--min-accuracy", type=float, default=None, help="exit 1 if held-out accuracy is lower")
args = parser.parse_args()

logging.basicConfig(level=logging.INFO, format="%(message)s")
np.random.seed(args.seed)
mx.random.seed(args.seed)

kv = mx.kv.create(args.kv_store)
train_x, train_y, test_x, test_y = digits.load(seed=args.seed)
# this worker's share of the training set
train_x, train_y = train_x[kv.rank::kv.num_workers], train_y[kv.rank::kv.num_workers]

data = mx.sym.Variable("data")
fc1 = mx.sym.FullyConnected(data=data, name="fc1", num_hidden=128)
act1 = mx.sym.Activation(data=fc1, name="relu1", act_type="relu")
fc2 = mx.sym.FullyConnected(data=act1, name="fc2", num_hidden=64)
act2 = mx.sym.Activation(data=fc2, name="relu2", act_type="relu")
fc3 = mx.sym.FullyConnected(data=act2, name="fc3", num_hidden=10)
mlp = mx.sym.SoftmaxOutput(data=fc3, name="softmax")

make_ctx = mx.gpu if args.gpus else mx.cpu
contexts = [make_ctx(i) for i in range(args.num_devices)]
train_iter = mx.io.NDArrayIter(train_x / 255.0, train_y, batch_size=args.batch_size, shuffle=True)
test_iter = mx.io.NDArrayIter(test_x / 255.0, test_y, batch_size=args.batch_size)

mod = mx.mod.Module(mlp, context=contexts)
mod.fit(train_iter, eval_data=test_iter, num_epoch=args.epochs, kvstore=kv,
        optimizer="sgd", optimizer_params={"learning_rate": args.lr, "momentum": 0.9},
        initializer=mx.init.Xavier(), eval_metric="acc",
        batch_end_callback=None if kv.rank else mx.callback.Speedometer(args.batch_size, 50))
accuracy = dict(mod.score(test_iter, "acc"))["accuracy"]
if kv.rank == 0:
    print("kvstore %s, %d worker(s) x %d device(s): held-out accuracy %.4f"
          % (kv.type, kv.num_workers, len(contexts), accuracy))
if args.min_accuracy is not None and accuracy < args.min_accuracy:
    sys.exit(1)
