"""Semantics of dist_sync and dist_async with two workers (run under mpirun -np 2).

dist_sync: init takes rank 0's value; a push is summed over the workers; an
optimizer update (in the store, or a Python updater) is applied to that sum
identically on every worker.
dist_async (mxlite's documented semantics): a push updates only the pushing worker's
copy, at once, with no communication (workers may push different numbers of times);
barrier() averages every key over the workers; optimizer states stay per worker.
Prints one "ok <what>" line per check; any failure raises.
"""
import numpy as np

import mxlite as mx


def pulled(kv, key, shape):
    out = mx.nd.zeros(shape)
    kv.pull(key, out=out)
    return out.asnumpy()


def check(cond, what):
    if not cond:
        raise AssertionError(what)
    print("ok", what, flush=True)


def sync_part():
    kv = mx.kv.create("dist_sync")
    r, n = kv.rank, kv.num_workers
    check(n == 2 and kv.type == "dist_sync", "dist_sync: rank %d of %d" % (r, n))
    kv.init("a", mx.nd.ones((4,)) * (r + 10))       # differs per worker: rank 0's wins
    check(np.all(pulled(kv, "a", (4,)) == 10), "dist_sync: init broadcasts rank 0's value")
    kv.push("a", [mx.nd.ones((4,)) * (r + 1), mx.nd.ones((4,))])   # local sum, then over workers
    check(np.all(pulled(kv, "a", (4,)) == (1 + 1) + (2 + 1)), "dist_sync: push sums over devices and workers")
    kv.init(["c", "d"], [mx.nd.zeros((2, 2)), mx.nd.zeros((3,))])
    kv.set_optimizer(mx.optimizer.SGD(learning_rate=1.0))
    out = mx.nd.zeros((2, 2))
    kv.pushpull("c", mx.nd.ones((2, 2)) * (r + 1), out=out)
    check(np.all(out.asnumpy() == -3), "dist_sync: the update uses the sum of all workers' gradients")
    kv.barrier()

    def halve(key, grad, weight):  # a Python updater: sees the sum over the workers
        weight[:] = weight - 0.5 * grad

    py = mx.kv.create("dist_sync")
    py.init("p", mx.nd.zeros((2,)))
    py._set_updater(halve)
    py.push("p", mx.nd.ones((2,)) * (r + 1))
    check(np.all(pulled(py, "p", (2,)) == -1.5), "dist_sync: a Python updater gets the summed gradient")
    py.barrier()


def async_part():
    kv = mx.kv.create("dist_async")
    r, n = kv.rank, kv.num_workers
    check(kv.type == "dist_async" and n == 2, "dist_async: rank %d of %d" % (r, n))
    kv.init("w", mx.nd.ones((3,)) * (5 + r))
    check(np.all(pulled(kv, "w", (3,)) == 5), "dist_async: init broadcasts rank 0's value")
    kv.set_optimizer(mx.optimizer.SGD(learning_rate=1.0))
    pushes = 1 if r == 0 else 3       # different counts: no collective happens on push
    for _ in range(pushes):
        kv.push("w", mx.nd.ones((3,)) * (r + 1))
    local = pulled(kv, "w", (3,))
    check(np.all(local == 5 - pushes * (r + 1)), "dist_async: a push updates only this worker's copy")
    kv.barrier()
    avg = ((5 - 1 * 1) + (5 - 3 * 2)) / 2.0
    check(np.allclose(pulled(kv, "w", (3,)), avg), "dist_async: barrier averages the workers' copies")
    kv.push("w", mx.nd.ones((3,)))
    check(np.allclose(pulled(kv, "w", (3,)), avg - 1), "dist_async: training goes on from the average")
    kv.barrier()


if __name__ == "__main__":
    sync_part()
    async_part()
    print("all ok", flush=True)
