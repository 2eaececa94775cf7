"""mx.kv / mx.kvstore: MXNet 1.9's KVStore API over the core's store (C ABI).

Behaviour checked against MXNet 1.9 where MXNet defines it (sums of pushed lists,
pull to several arrays, duplicate init, mixed key types, unknown keys); optimizer
updates in the store are compared with the same optimizer run by mx.optimizer's
Python Updater on the same gradients. The multi-process cases (dist_sync,
dist_async, a dead worker) are in tests/mpi/run.sh.
"""
import os
import subprocess
import sys

import numpy as np
import pytest

import mxlite as mx
from mxlite.base import MXNetError

SHAPE = (2, 3)


def _ones(v=1.0, shape=SHAPE, ctx=None, dtype="float32"):
    return mx.nd.ones(shape, ctx=ctx or mx.cpu(), dtype=dtype) * v


def _pulled(kv, key, shape=SHAPE):
    out = mx.nd.zeros(shape)
    kv.pull(key, out=out)
    return out.asnumpy()


# ------------------------------------------------------------------ create and info

def test_create_types_and_info():
    for name in ("local", "device"):
        kv = mx.kv.create(name)
        assert kv.type == name and kv.rank == 0 and kv.num_workers == 1
    assert mx.kvstore.create is mx.kv.create
    assert mx.kv.create().type == "local"
    assert isinstance(mx.kv.create("local"), mx.kvstore.KVStore)


def test_create_errors():
    with pytest.raises(MXNetError, match="unknown type 'nope'.*'local', 'device', 'nccl', 'dist_sync'"):
        mx.kv.create("nope")
    if mx.context.num_gpus() == 0:
        with pytest.raises(MXNetError, match="kvstore nccl: NCCL cannot be used: no GPU"):
            mx.kv.create("nccl")
    with pytest.raises(MXNetError, match="must be a string"):
        mx.kv.create(3)


def test_dist_outside_mpirun_is_a_clear_error():
    # A child process: the environment must not look like an mpirun worker.
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OMPI_", "PMI", "PMIX"))}
    code = ("import mxlite as mx\n"
            "for t in ('dist_sync', 'dist_async', 'dist'):\n"
            "    try:\n"
            "        mx.kv.create(t)\n"
            "    except mx.MXNetError as e:\n"
            "        print('ERR', t, e)\n")
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    lines = [l for l in out.stdout.splitlines() if l.startswith("ERR")]
    assert len(lines) == 3
    for line in lines:
        assert "not started by mpirun" in line and "mpirun -np N" in line


# ------------------------------------------------------------------ init / push / pull

def test_push_list_sums_and_pull_list_broadcasts():
    kv = mx.kv.create("local")
    kv.init(3, _ones())
    kv.push(3, [_ones(2), _ones(3), _ones(4)])
    a, b = mx.nd.zeros(SHAPE), mx.nd.zeros(SHAPE)
    kv.pull(3, out=[a, b])
    np.testing.assert_array_equal(a.asnumpy(), np.full(SHAPE, 9.0))
    np.testing.assert_array_equal(b.asnumpy(), np.full(SHAPE, 9.0))
    # without an optimizer a push replaces the value (MXNet's default)
    kv.push(3, _ones(5))
    np.testing.assert_array_equal(_pulled(kv, 3), np.full(SHAPE, 5.0))


def test_lists_of_keys_and_str_keys():
    kv = mx.kv.create("local")
    kv.init(["w", "b"], [_ones(1, (2,)), _ones(1, (3,))])
    kv.push(["w", "b"], [[_ones(1, (2,)), _ones(1, (2,))], _ones(4, (3,))])
    o = [mx.nd.zeros((2,)), mx.nd.zeros((3,))]
    kv.pull(["w", "b"], out=o)
    np.testing.assert_array_equal(o[0].asnumpy(), [2, 2])
    np.testing.assert_array_equal(o[1].asnumpy(), [4, 4, 4])
    assert kv.keys() == ["w", "b"]
    kv2 = mx.kv.create("local")
    kv2.init([5, 6], [_ones(), _ones()])
    assert kv2.keys() == [5, 6]


def test_init_copies_the_value():
    v = _ones(1)
    kv = mx.kv.create("local")
    kv.init("k", v)
    v += 10
    np.testing.assert_array_equal(_pulled(kv, "k"), np.ones(SHAPE))


def test_pull_converts_dtype_and_device():
    kv = mx.kv.create("local")
    kv.init(0, _ones(3))
    out64 = mx.nd.zeros(SHAPE, dtype="float64")
    on1 = mx.nd.zeros(SHAPE, ctx=mx.cpu(1))
    kv.pull(0, out=[out64, on1])
    assert out64.dtype == np.float64 and on1.context == mx.cpu(1)
    np.testing.assert_array_equal(out64.asnumpy(), np.full(SHAPE, 3.0))
    np.testing.assert_array_equal(on1.asnumpy(), np.full(SHAPE, 3.0))


def test_push_converts_dtype_to_the_stored_one():
    kv = mx.kv.create("local")
    kv.init("f", _ones(0))
    kv.push("f", [_ones(1, dtype="float16"), _ones(2, dtype="float64"), _ones(3)])
    np.testing.assert_array_equal(_pulled(kv, "f"), np.full(SHAPE, 6.0))


def test_pushpull():
    kv = mx.kv.create("local")
    kv.init("x", _ones(0))
    out = mx.nd.zeros(SHAPE)
    kv.pushpull("x", [_ones(1), _ones(2)], out=out)
    np.testing.assert_array_equal(out.asnumpy(), np.full(SHAPE, 3.0))
    v = _ones(7)
    kv.pushpull("x", v)  # out=None: into the value itself
    np.testing.assert_array_equal(v.asnumpy(), np.full(SHAPE, 7.0))


def test_device_store_keeps_value_on_init_device():
    kv = mx.kv.create("device")
    kv.init("d", _ones(1, ctx=mx.cpu(1)))
    kv.push("d", [_ones(1, ctx=mx.cpu(0)), _ones(2, ctx=mx.cpu(1)), _ones(3, ctx=mx.cpu(2))])
    np.testing.assert_array_equal(_pulled(kv, "d"), np.full(SHAPE, 6.0))


def test_push_is_asynchronous_and_ordered():
    # many pushes of lazily computed values, then one pull: the pull sees the last push
    kv = mx.kv.create("local")
    kv.init(1, _ones(0, (1000,)))
    x = mx.nd.ones((1000,))
    for i in range(50):
        x = x + 1
        kv.push(1, [x, x])
    out = mx.nd.zeros((1000,))
    kv.pull(1, out=out)
    np.testing.assert_array_equal(out.asnumpy(), np.full((1000,), 102.0))


def test_concurrent_pushes_from_threads():
    # 4 threads push to their own key and to a shared one; with SGD (lr 1, no momentum)
    # every push subtracts its gradient, so the result does not depend on the order.
    import threading
    kv = mx.kv.create("local")
    kv.init(["shared", "t0", "t1", "t2", "t3"], [_ones(0) for _ in range(5)])
    kv.set_optimizer(mx.optimizer.SGD(learning_rate=1.0))
    errors = []

    def work(i):
        try:
            for _ in range(50):
                kv.push(["shared", "t%d" % i], [_ones(1), _ones(i + 1)])
        except Exception as e:  # surfaced below
            errors.append(e)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    np.testing.assert_array_equal(_pulled(kv, "shared"), np.full(SHAPE, -200.0))
    for i in range(4):
        np.testing.assert_array_equal(_pulled(kv, "t%d" % i), np.full(SHAPE, -50.0 * (i + 1)))


# ------------------------------------------------------------------ errors

def test_errors_name_the_key_and_shapes():
    kv = mx.kv.create("local")
    kv.init(3, _ones())
    with pytest.raises(MXNetError, match="duplicate init of key '3'"):
        kv.init(3, _ones())
    with pytest.raises(MXNetError, match="mixed key types"):
        kv.init("a", _ones())
    with pytest.raises(MXNetError, match="key '7' has not been initialized"):
        kv.push(7, _ones())
    with pytest.raises(MXNetError, match="key '7' has not been initialized"):
        kv.pull(7, out=mx.nd.zeros(SHAPE))
    with pytest.raises(mx.base.MXNetShapeError,
                       match=r"key '3': array 0 has shape \(3, 3\) but the key was initialized with shape \(2, 3\)"):
        kv.push(3, mx.nd.ones((3, 3)))
    with pytest.raises(mx.base.MXNetShapeError, match=r"key '3': array 1 has shape \(4,\)"):
        kv.pull(3, out=[mx.nd.zeros(SHAPE), mx.nd.zeros((4,))])
    with pytest.raises(MXNetError, match="out is required"):
        kv.pull(3)
    with pytest.raises(MXNetError, match="expected NDArray values"):
        kv.push(3, np.ones(SHAPE))
    with pytest.raises(MXNetError, match="2 keys need a list of 2 values"):
        kv.push([3, 3], _ones())
    with pytest.raises(MXNetError, match="row_sparse"):
        kv.row_sparse_pull(3, out=mx.nd.zeros(SHAPE), row_ids=mx.nd.array([0]))
    with pytest.raises(MXNetError, match="compression"):
        kv.set_gradient_compression({"type": "2bit"})
    with pytest.raises(MXNetError, match="no optimizer"):
        kv.save_optimizer_states("/tmp/never_written")
    with pytest.raises(MXNetError, match="expected an mx.optimizer.Optimizer"):
        kv.set_optimizer("sgd")
    # the failed pushes changed nothing
    np.testing.assert_array_equal(_pulled(kv, 3), np.ones(SHAPE))


# ------------------------------------------------------------------ optimizer in the store

def _reference(opt_factory, grads, init, key=0):
    """The weights after each update, from mx.optimizer's own Python Updater."""
    upd = mx.optimizer.get_updater(opt_factory())
    w = mx.nd.array(init)
    seen = []
    for g in grads:
        upd(key, mx.nd.array(g), w)
        seen.append(w.asnumpy().copy())
    return seen


OPTIMIZERS = [
    ("sgd", lambda: mx.optimizer.SGD(learning_rate=0.1)),
    ("sgd_mom_wd", lambda: mx.optimizer.SGD(learning_rate=0.1, momentum=0.9, wd=0.01, rescale_grad=0.5)),
    ("sgd_clip", lambda: mx.optimizer.SGD(learning_rate=0.1, momentum=0.9, clip_gradient=0.3)),
    ("nag", lambda: mx.optimizer.NAG(learning_rate=0.1, momentum=0.9)),
    ("adam", lambda: mx.optimizer.Adam(learning_rate=0.01, wd=0.001)),
    ("adagrad", lambda: mx.optimizer.AdaGrad(learning_rate=0.1)),
    ("rmsprop", lambda: mx.optimizer.RMSProp(learning_rate=0.01)),
    ("rmsprop_centered", lambda: mx.optimizer.RMSProp(learning_rate=0.01, centered=True)),
    ("adadelta", lambda: mx.optimizer.AdaDelta()),
    ("ftrl", lambda: mx.optimizer.Ftrl()),
    ("signum", lambda: mx.optimizer.Signum(learning_rate=0.01)),
    ("signsgd", lambda: mx.optimizer.Signum(learning_rate=0.01, momentum=0.0)),
    ("ftml", lambda: mx.optimizer.FTML(learning_rate=0.01)),
    ("sgd_schedule", lambda: mx.optimizer.SGD(
        momentum=0.5, lr_scheduler=mx.lr_scheduler.FactorScheduler(step=2, factor=0.5, base_lr=0.5))),
    ("lamb_python", lambda: mx.optimizer.LAMB(learning_rate=0.01)),  # no fused op: the Python updater
]


@pytest.mark.parametrize("name,factory", OPTIMIZERS, ids=[o[0] for o in OPTIMIZERS])
def test_optimizer_in_store_matches_python_updater(name, factory):
    rng = np.random.RandomState(0)
    init = rng.randn(*SHAPE).astype(np.float32)
    grads = [rng.randn(*SHAPE).astype(np.float32) for _ in range(6)]
    want = _reference(factory, grads, init)
    kv = mx.kv.create("local")
    kv.init(0, mx.nd.array(init))
    kv.set_optimizer(factory())
    for step, g in enumerate(grads):
        # two devices' halves of the gradient: the store sums them first
        kv.push(0, [mx.nd.array(g * 0.25), mx.nd.array(g * 0.75)])
        np.testing.assert_allclose(_pulled(kv, 0), want[step], rtol=1e-5, atol=1e-6,
                                   err_msg="%s, update %d" % (name, step + 1))
    if name != "lamb_python":
        assert kv.num_update(0) == len(grads)


def test_lr_changes_and_multipliers_reach_the_store():
    opt = mx.optimizer.SGD(learning_rate=1.0, param_idx2name={0: "fc_weight", 1: "fc_bias"})
    opt.set_lr_mult({"fc_bias": 2.0})
    kv = mx.kv.create("local")
    kv.init([0, 1], [_ones(0), _ones(0)])
    kv.set_optimizer(opt)
    kv.push([0, 1], [_ones(1), _ones(1)])
    np.testing.assert_allclose(_pulled(kv, 0), np.full(SHAPE, -1.0))
    np.testing.assert_allclose(_pulled(kv, 1), np.full(SHAPE, -2.0))
    opt.set_learning_rate(0.5)     # e.g. a trainer's schedule
    opt.rescale_grad = 0.5         # e.g. Module setting 1/batch after set_optimizer
    kv.push([0, 1], [_ones(1), _ones(1)])
    np.testing.assert_allclose(_pulled(kv, 0), np.full(SHAPE, -1.25))
    np.testing.assert_allclose(_pulled(kv, 1), np.full(SHAPE, -2.5))


@pytest.mark.parametrize("optimizer_first", [False, True])
def test_multi_precision_sgd_on_float16_weights(optimizer_first):
    init = np.linspace(-1, 1, 6, dtype=np.float16).reshape(SHAPE)
    kv = mx.kv.create("local")
    opt = mx.optimizer.SGD(learning_rate=1e-3, momentum=0.9, multi_precision=True)
    if optimizer_first:  # as Module does: the store learns of the float16 weight later
        kv.set_optimizer(opt)
    kv.init(0, mx.nd.array(init, dtype="float16"))
    if not optimizer_first:
        kv.set_optimizer(opt)
    assert kv._fused[0] == "mp_sgd_mom_update"
    for _ in range(10):
        kv.push(0, mx.nd.ones(SHAPE, dtype="float16"))
    out = mx.nd.zeros(SHAPE, dtype="float16")
    kv.pull(0, out=out)
    # float32 master weight: 10 momentum steps of lr 1e-3 on a unit gradient
    mom, w = 0.0, init.astype(np.float32)
    for _ in range(10):
        mom = 0.9 * mom - 1e-3
        w = w + mom
    np.testing.assert_allclose(out.asnumpy().astype(np.float32), w, rtol=2e-3, atol=2e-3)


def test_optimizer_states_save_load_resume(tmp_path):
    rng = np.random.RandomState(1)
    grads = [rng.randn(*SHAPE).astype(np.float32) for _ in range(6)]

    def store():
        kv = mx.kv.create("local")
        kv.init(["w", "v"], [_ones(1), _ones(2)])
        kv.set_optimizer(mx.optimizer.Adam(learning_rate=0.01))
        return kv

    kv = store()
    for g in grads[:3]:
        kv.push(["w", "v"], [mx.nd.array(g), mx.nd.array(-g)])
    fname = str(tmp_path / "kv.states")
    kv.save_optimizer_states(fname)
    weights = {k: _pulled(kv, k) for k in ("w", "v")}
    for g in grads[3:]:
        kv.push(["w", "v"], [mx.nd.array(g), mx.nd.array(-g)])
    want = {k: _pulled(kv, k) for k in ("w", "v")}

    kv2 = mx.kv.create("local")
    kv2.init(["w", "v"], [mx.nd.array(weights["w"]), mx.nd.array(weights["v"])])
    kv2.set_optimizer(mx.optimizer.Adam(learning_rate=0.01))
    kv2.load_optimizer_states(fname)
    assert kv2.num_update("w") == 3
    for g in grads[3:]:
        kv2.push(["w", "v"], [mx.nd.array(g), mx.nd.array(-g)])
    for k in ("w", "v"):  # momentum, variance and Adam's step count all resumed
        np.testing.assert_allclose(_pulled(kv2, k), want[k], rtol=1e-6)

    kv3 = mx.kv.create("local")
    kv3.init(["w", "v"], [_ones(1), _ones(2)])
    kv3.set_optimizer(mx.optimizer.SGD(momentum=0.9))
    with pytest.raises(MXNetError, match="holds states of adam_update but the optimizer is sgd_mom_update"):
        kv3.load_optimizer_states(fname)
    with pytest.raises(MXNetError, match="cannot open"):
        kv3.load_optimizer_states(str(tmp_path / "missing"))


def test_dump_optimizer_restores_the_optimizer(tmp_path):
    kv = mx.kv.create("local")
    kv.init(0, _ones(1))
    kv.set_optimizer(mx.optimizer.SGD(learning_rate=0.25, momentum=0.5))
    kv.push(0, _ones(1))
    fname = str(tmp_path / "s")
    kv.save_optimizer_states(fname, dump_optimizer=True)
    kv2 = mx.kv.create("local")
    kv2.init(0, mx.nd.array(_pulled(kv, 0)))
    kv2.load_optimizer_states(fname)  # no set_optimizer: the dumped one comes back
    kv.push(0, _ones(1))
    kv2.push(0, _ones(1))
    np.testing.assert_allclose(_pulled(kv2, 0), _pulled(kv, 0))
    assert kv2._optimizer.lr == 0.25


def test_numpy_integer_keys():
    kv = mx.kv.create("local")
    kv.init(np.int64(4), _ones(2))
    kv.push(np.int32(4), _ones(3))
    np.testing.assert_array_equal(_pulled(kv, 4), np.full(SHAPE, 3.0))
    assert kv.keys() == [4]
    with pytest.raises(MXNetError, match="must be an int or a str"):
        kv.init(1.5, _ones())


def test_python_updater_escape_hatch():
    calls = []

    def updater(key, grad, weight):
        calls.append(key)
        weight[:] = weight - 2 * grad

    kv = mx.kv.create("local")
    kv.init("w", _ones(1))
    kv._set_updater(updater)
    kv.push("w", [_ones(1), _ones(1)])
    np.testing.assert_array_equal(_pulled(kv, "w"), np.full(SHAPE, -3.0))
    assert calls == ["w"]
    with pytest.raises(MXNetError, match="no states to save"):
        kv.save_optimizer_states("/tmp/never_written")


def test_barrier_on_local_store_waits():
    kv = mx.kv.create("local")
    kv.init(0, _ones())
    kv.push(0, _ones(3))
    kv.barrier()
    kv._barrier()
    np.testing.assert_array_equal(_pulled(kv, 0), np.full(SHAPE, 3.0))


def test_many_stores_and_keys_free_cleanly():
    for _ in range(20):
        kv = mx.kv.create("local")
        kv.init(list(range(10)), [_ones(i) for i in range(10)])
        kv.push(list(range(10)), [_ones(1) for _ in range(10)])
        del kv
    mx.nd.waitall()


@pytest.mark.gpu
@pytest.mark.skipif(mx.context.num_gpus() < 1, reason="needs a GPU")
@pytest.mark.parametrize("kind", ["local", "device"])
def test_values_on_gpus_are_summed_and_pulled_to_every_device(kind):
    """push of one value per device sums them (on the store's device), pull copies the
    result back to each device; with an optimizer the update runs in the store."""
    devs = [mx.gpu(0), mx.gpu(min(1, mx.context.num_gpus() - 1)), mx.cpu(0)]
    kv = mx.kv.create(kind)
    kv.init(["w", "b"], [_ones(1.0, ctx=devs[0]), _ones(0.0, ctx=devs[1])])
    kv.push("w", [_ones(float(i + 1), ctx=d) for i, d in enumerate(devs)])
    outs = [mx.nd.zeros(SHAPE, ctx=d) for d in devs]
    kv.pull("w", out=outs)
    for o, d in zip(outs, devs):
        assert o.context == d
        np.testing.assert_allclose(o.asnumpy(), np.full(SHAPE, 6.0, np.float32))
    kv.set_optimizer(mx.optimizer.SGD(learning_rate=0.5, rescale_grad=1.0))
    kv.pushpull("b", [_ones(1.0, ctx=d) for d in devs], out=outs)
    for o in outs:
        np.testing.assert_allclose(o.asnumpy(), np.full(SHAPE, -1.5, np.float32))  # 0 - 0.5 * 3


def _nccl_collectives():
    """Collectives the host CUDA emulator's NCCL stand-in has run (None on a real GPU)."""
    lib = os.environ.get("MXLITE_NCCL_LIBRARY", "")
    if not lib.endswith("libmxlite_cuda_emu.so"):
        return None
    import ctypes
    calls = ctypes.CDLL(lib).mxcemu_nccl_calls
    calls.restype = ctypes.c_longlong
    return calls()


def _nccl_missing():
    """Why kvstore 'nccl' cannot be created here ("" when it can)."""
    try:
        mx.kv.create("nccl")
        return ""
    except MXNetError as e:
        return str(e)


@pytest.mark.gpu
@pytest.mark.skipif(mx.context.num_gpus() < 2, reason="needs two GPUs")
@pytest.mark.parametrize("kind", ["device", "nccl"])
@pytest.mark.parametrize("dtype", ["float32", "float64", "float16", "int32", "int64"])
def test_values_on_two_gpus_are_summed_by_nccl(kind, dtype):
    """Values from two GPUs: one NCCL reduce into the store's GPU (a store initialized from
    host memory moves there at the first push), the same sums as without NCCL, inputs
    untouched."""
    if _nccl_missing():
        pytest.skip(_nccl_missing())
    rng = np.random.RandomState(3)
    a_np, b_np = (rng.randint(-50, 50, size=SHAPE).astype(dtype) for _ in range(2))
    results = {}
    for nccl in ("1", "0"):
        if kind == "nccl" and nccl == "0":
            continue
        os.environ["MXLITE_KV_NCCL"] = nccl
        try:
            before = _nccl_collectives()
            kv = mx.kv.create(kind)
            kv.init("w", mx.nd.zeros(SHAPE, dtype=dtype))  # host memory, as Module does
            a, b = mx.nd.array(a_np, ctx=mx.gpu(0), dtype=dtype), mx.nd.array(b_np, ctx=mx.gpu(1), dtype=dtype)
            kv.push("w", [a, b])
            outs = [mx.nd.zeros(SHAPE, ctx=mx.gpu(i), dtype=dtype) for i in (1, 0)] + [mx.nd.zeros(SHAPE, dtype=dtype)]
            kv.pull("w", out=outs)
            results[nccl] = [o.asnumpy() for o in outs]
            np.testing.assert_array_equal(a.asnumpy(), a_np)
            np.testing.assert_array_equal(b.asnumpy(), b_np)
            after = _nccl_collectives()
            if before is not None:
                assert (after > before) == (nccl == "1"), (before, after)
        finally:
            del os.environ["MXLITE_KV_NCCL"]
    for got in results.values():
        for o in got:
            np.testing.assert_array_equal(o, (a_np + b_np).astype(dtype))


@pytest.mark.gpu
@pytest.mark.skipif(mx.context.num_gpus() < 2, reason="needs two GPUs")
def test_nccl_store_runs_the_optimizer_on_the_gpu():
    if _nccl_missing():
        pytest.skip(_nccl_missing())
    kv = mx.kv.create("nccl")
    assert kv.type == "nccl"
    kv.init(["w", "v"], [_ones(1.0), _ones(2.0)])
    kv.set_optimizer(mx.optimizer.SGD(learning_rate=0.5, momentum=0.9, rescale_grad=1.0))
    for _ in range(3):
        kv.push(["w", "v"], [[_ones(1.0, ctx=mx.gpu(0)), _ones(3.0, ctx=mx.gpu(1))]] * 2)
    outs = [mx.nd.zeros(SHAPE, ctx=mx.gpu(1)), mx.nd.zeros(SHAPE)]
    w, mom = np.full(SHAPE, 1.0, np.float32), np.zeros(SHAPE, np.float32)
    for _ in range(3):
        mom = 0.9 * mom - 0.5 * 4.0
        w = w + mom
    for key, start in (("w", 1.0), ("v", 2.0)):
        kv.pull(key, out=outs)
        for o in outs:
            np.testing.assert_allclose(o.asnumpy(), w + (start - 1.0), rtol=1e-6)
