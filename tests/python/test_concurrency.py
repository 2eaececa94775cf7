"""Concurrency (issue 5, point 4): many Python threads pushing work at once.

8 threads each push OPS_PER_THREAD random in-place ops (seeded) on private arrays and on
arrays shared by all threads. Every op that touches a shared array is pushed while
holding that array's lock, and every op takes a ticket from one counter right before it
is pushed; so sorting the ops by ticket gives one program order that agrees, array by
array, with the order in which the threads pushed them. Replaying that order in one
thread must give bit-identical final values: the engine must keep each array's
program order whatever the interleaving of the pushing threads.

Mixed in: temporary arrays freed while ops on them are still pending, and ops that fail
at run time (integer division by zero) whose errors must reach the thread that waits on
their output, and only it, while every later op still runs.
"""
import itertools
import random
import threading

import numpy as np
import pytest

import mxlite as mx

SEED = 20240527
NUM_THREADS = 8
OPS_PER_THREAD = 10000
NUM_SHARED = 4
NUM_PRIVATE = 2
SHAPE = (4,)
SCALARS = ("0.5", "-1", "1.25", "0.37", "-0.61", "1.5")


def _initial(name):
    """Deterministic starting values of every named array."""
    rng = np.random.RandomState(sum(ord(c) * 31 ** i for i, c in enumerate(name)) % (2 ** 31))
    return rng.uniform(-2, 2, SHAPE).astype(np.float32)


def _apply(arrays, op):
    """Pushes one recorded op. op = (kind, out, inputs, scalar)."""
    kind, out, ins, scalar = op
    if kind == "new_tmp":      # a fresh array computed from a live one
        arrays[out] = mx.nd._internal._mul_scalar(arrays[ins[0]], scalar=scalar)
        return
    if kind == "free":
        del arrays[out]        # the handle is freed now; ops on it may still be pending
        return
    dst = arrays[out]
    srcs = [arrays[n] for n in ins]
    if kind == "add":
        mx.nd.elemwise_add(dst, srcs[0], out=dst)
    elif kind == "sub":
        mx.nd.elemwise_sub(dst, srcs[0], out=dst)
    elif kind == "plus_scalar":  # keeps injecting distinct values (sub/copy/mul can zero them)
        mx.nd._internal._plus_scalar(dst, scalar=scalar, out=dst)
    elif kind == "mul_scalar":
        mx.nd._internal._mul_scalar(dst, scalar=scalar, out=dst)
    elif kind == "clip":
        mx.nd.clip(dst, a_min=-1.0, a_max=1.0, out=dst)
    elif kind == "copy":
        srcs[0].copyto(dst)
    elif kind == "mul":
        mx.nd.elemwise_mul(dst, srcs[0], out=dst)
    else:
        raise AssertionError(kind)
    if kind in ("add", "sub", "plus_scalar", "mul_scalar", "mul"):  # keep values bounded: no inf, no NaN
        mx.nd.clip(dst, a_min=-8.0, a_max=8.0, out=dst)


def _random_op(rng, tid, step, shared_names):
    """One op for thread tid: writes one of its private arrays or a shared one, reads
    any array it may see."""
    private = ["p%d_%d" % (tid, i) for i in range(NUM_PRIVATE)]
    visible = private + shared_names
    out = rng.choice(private) if rng.random() < 0.6 else rng.choice(shared_names)
    kind = rng.choice(["add", "sub", "plus_scalar", "mul_scalar", "clip", "copy", "mul", "plus_scalar"])
    src = rng.choice([n for n in visible if n != out])
    return (kind, out, [src], rng.choice(SCALARS))


def _worker(tid, arrays_by_thread, shared, locks, ticket, log, errors, barrier):
    rng = random.Random(SEED * 100 + tid)
    arrays = arrays_by_thread[tid]  # this thread's private arrays + its view of the shared ones
    shared_names = sorted(shared)
    barrier.wait()
    try:
        for step in range(OPS_PER_THREAD):
            r = rng.random()
            if r < 0.01:
                # A temporary: created, used to update a private array, freed at once.
                tmp = "t%d_%d" % (tid, step)
                src = "p%d_0" % tid
                dst = "p%d_1" % tid
                for op in (("new_tmp", tmp, [src], "0.25"), ("add", dst, [tmp], None), ("free", tmp, [], None)):
                    log.append((next(ticket), tid, op))
                    _apply(arrays, op)
                continue
            if r < 0.015:
                # An op that fails at run time; its error must come back here, at the wait.
                a = mx.nd.array([1, 2, 3], dtype="int32")
                z = mx.nd.array([1, 0, 1], dtype="int32")
                bad = a / z
                with pytest.raises(mx.MXNetError) as e:
                    bad.wait_to_read()
                assert e.value.kind == "MXL_ERR_ARITHMETIC", str(e.value)
                good = a * 2  # the next op on the same inputs still runs
                assert good.asnumpy().tolist() == [2, 4, 6]
                continue
            op = _random_op(rng, tid, step, shared_names)
            touched = sorted({n for n in [op[1]] + op[2] if n in shared})
            held = [locks[n] for n in touched]
            for lk in held:
                lk.acquire()
            try:
                log.append((next(ticket), tid, op))
                _apply(arrays, op)
            finally:
                for lk in reversed(held):
                    lk.release()
            if step % 997 == 0:  # wait on a private array now and then: errors must not leak here
                arrays["p%d_0" % tid].wait_to_read()
    except BaseException as exc:  # reported by the main thread
        errors.append((tid, exc))


def test_threads_match_single_threaded_replay():
    shared = {"s%d" % i: mx.nd.array(_initial("s%d" % i)) for i in range(NUM_SHARED)}
    arrays_by_thread = []
    for tid in range(NUM_THREADS):
        arrays = dict(shared)
        for i in range(NUM_PRIVATE):
            name = "p%d_%d" % (tid, i)
            arrays[name] = mx.nd.array(_initial(name))
        arrays_by_thread.append(arrays)
    locks = {n: threading.Lock() for n in shared}
    ticket = itertools.count()  # next() on it is atomic under the GIL
    log, errors = [], []
    barrier = threading.Barrier(NUM_THREADS)
    threads = [threading.Thread(target=_worker, args=(tid, arrays_by_thread, shared, locks, ticket, log, errors,
                                                      barrier)) for tid in range(NUM_THREADS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, "thread %d failed: %r" % errors[0]
    try:
        mx.nd.waitall()
    except mx.MXNetError as e:  # the deliberate division errors that no one else waited on
        assert e.kind == "MXL_ERR_ARITHMETIC", str(e)
    mx.nd.waitall()

    got = {}
    for tid, arrays in enumerate(arrays_by_thread):
        for name, arr in arrays.items():
            got[name] = arr.asnumpy()
    n_ops = len(log)
    assert n_ops >= NUM_THREADS * OPS_PER_THREAD * 0.98

    # Replay in ticket order, in this thread only, pushing one op at a time.
    replay = {n: mx.nd.array(_initial(n)) for n in got}
    for _, _, op in sorted(log, key=lambda entry: entry[0]):
        _apply(replay, op)
    for name, want in sorted(got.items()):
        np.testing.assert_array_equal(replay[name].asnumpy(), want, err_msg="array %s" % name)
    # And the values are real numbers, not an all-NaN or all-zero artefact.
    values = np.concatenate([v.ravel() for v in got.values()])
    assert np.isfinite(values).all() and np.abs(values).max() > 0


def test_free_while_pending_in_many_threads():
    """Each thread pushes a long chain on an array and drops its handle at once; the
    work still completes and a copy taken before the free has the right value."""
    results, errors = {}, []

    def work(tid):
        try:
            for rep in range(50):
                a = mx.nd.ones((64, 64)) * (tid + 1)
                b = a
                for _ in range(20):
                    b = b + 1          # each new b frees the previous one while pending
                keep = b * 1
                del a, b              # freed with work pending
                results[(tid, rep)] = float(keep.asnumpy()[0, 0])
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(t,)) for t in range(NUM_THREADS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors[0]
    for (tid, rep), v in results.items():
        assert v == tid + 1 + 20
