"""The CUDA backend.

Without a GPU (every machine CI runs on): the plugin is built when nvcc exists and
loads, num_gpus() is 0, and a GPU context fails with a clear MXL_ERR_DEVICE error
that names what is missing while everything else keeps working.

With a GPU (`pytest -m gpu`): every operator that has a CUDA kernel runs forward and
backward on mx.gpu(0) against the CPU result (inputs from the forward cases in
op_cases.py), the registry coverage check lists operators with neither a CUDA kernel
nor a CPU-only reason, the tutorial MLP trains on mx.gpu(0) to the CPU's accuracy,
and DLPack round-trips with CuPy (when installed).
"""
import os
import shutil

import numpy as np
import pytest

import mxlite as mx
from mxlite import _ops
from mxlite._lib import ffi, lib

import op_cases

NUM_GPUS = mx.context.num_gpus()  # loads the plugin (if any) before flags are read
gpu = pytest.mark.gpu
needs_gpu = pytest.mark.skipif(NUM_GPUS == 0, reason="no GPU: " + mx.context.gpu_info())

REGISTERED = set(_ops.op_names())


def _flags(name):
    f = ffi.new("int*")
    lib.mxl_op_flags(_ops.get(name).handle, f)
    return f[0]


def _has_gpu(name):
    return bool(_flags(name) & lib.MXL_OP_HAS_GPU)


def _func(name):
    f = getattr(mx.nd, name, None) if not name.startswith("_") else None
    return f or getattr(mx.nd._internal, name)


def _plugin_path():
    return os.path.join(os.path.dirname(mx._lib.LIBRARY_PATH), "libmxlite_cuda.so")


# ----------------------------------------------------------- without a GPU
def test_num_gpus_and_info():
    assert isinstance(NUM_GPUS, int) and NUM_GPUS >= 0
    info = mx.context.gpu_info()
    assert "CUDA plugin" in info
    if NUM_GPUS:
        assert "%d GPU(s)" % NUM_GPUS in info


def test_plugin_is_built_and_loads_where_nvcc_exists():
    if not shutil.which("nvcc"):
        pytest.skip("no CUDA compiler on this machine: the plugin is not built")
    if os.environ.get("MXLITE_CUDA_PLUGIN") is None and not os.path.isfile(_plugin_path()):
        pytest.fail("nvcc exists but %s was not built (configure with CMake's CUDA support)" % _plugin_path())
    info = mx.context.gpu_info()
    assert "CUDA runtime" in info, info  # the plugin initialised, with or without a device
    # Its kernels are attached to the registry even when no device is visible.
    assert _has_gpu("elemwise_add") and _has_gpu("FullyConnected") and _has_gpu("sum")


@pytest.mark.skipif(NUM_GPUS > 0, reason="a GPU is present")
def test_gpu_context_without_gpu_is_a_clear_error():
    for make in (lambda: mx.nd.zeros((2, 3), ctx=mx.gpu(0)),
                 lambda: mx.nd.array(np.ones(3), ctx=mx.gpu(0)),
                 lambda: mx.nd.ones((2,)).as_in_context(mx.gpu(0)).asnumpy()):
        with pytest.raises(mx.base.MXNetError) as e:
            make()
        msg = str(e.value)
        assert e.value.kind == "MXL_ERR_DEVICE", (e.value.kind, msg)
        assert "gpu(0)" in msg and ("not available" in msg or "CUDA" in msg), msg
        assert any(w in msg for w in ("plugin", "driver", "device")), msg
    # The process survives and the CPU is unaffected.
    assert mx.nd.ones((2, 2)).sum().asscalar() == 4.0


@pytest.mark.skipif(NUM_GPUS > 0, reason="a GPU is present")
def test_gpu_error_code_is_device():
    h = ffi.new("mxl_ndarray*")
    shape = ffi.new("int64_t[1]", [4])
    rc = lib.mxl_nd_create(shape, 1, 0, lib.MXL_GPU, 0, h)
    assert rc == lib.MXL_ERR_DEVICE
    assert "gpu(0)" in ffi.string(lib.mxl_last_error()).decode()


# The core's GPU path against a host-memory stand-in for the plugin: loading, kernel
# attachment, the GPU pool, the engine's device worker, staged copies, dtype
# conversion and error plumbing, on machines without a GPU.
FAKE_SCRIPT = r"""
import numpy as np
import mxlite as mx
from mxlite._lib import ffi, lib

assert mx.context.num_gpus() == 2, mx.context.gpu_info()
assert "fake CUDA plugin" in mx.context.gpu_info()
x = np.arange(12, dtype=np.float32).reshape(3, 4)
g = mx.nd.array(x, ctx=mx.gpu(0))
assert g.context == mx.gpu(0)
np.testing.assert_array_equal(g.asnumpy(), x)                       # staged h2d, d2h
np.testing.assert_array_equal(mx.nd.elemwise_add(g, g).asnumpy(), 2 * x)  # a plugin kernel
big = np.random.RandomState(0).rand(3, 1 << 22).astype(np.float32)  # > the staging buffer
np.testing.assert_array_equal(mx.nd.array(big, ctx=mx.gpu(0)).asnumpy(), big)
acc = g
for _ in range(50):                                                 # pushed, not inline
    acc = mx.nd.elemwise_add(acc, g)
np.testing.assert_array_equal(acc.asnumpy(), 51 * x)
np.testing.assert_array_equal(g.as_in_context(mx.cpu()).asnumpy(), x)
np.testing.assert_array_equal(g.as_in_context(mx.gpu(1)).asnumpy(), x)  # across devices
d = mx.nd.zeros((3, 4), ctx=mx.gpu(0), dtype=np.float64)
g.copyto(d)                                                          # d2d with conversion
assert d.dtype == np.float64
np.testing.assert_array_equal(d.asnumpy(), x.astype(np.float64))
i = mx.nd.array(x, ctx=mx.gpu(0), dtype=np.int32)                    # h2d with conversion
np.testing.assert_array_equal(i.asnumpy(), x.astype(np.int32))
np.testing.assert_array_equal(i.asnumpy().dtype, np.int32)
np.testing.assert_array_equal(mx.nd.zeros((5,), ctx=mx.gpu(1)).asnumpy(), np.zeros(5, np.float32))
mx.nd.waitall()
st = ffi.new("uint64_t[3]")
assert lib.mxl_storage_stats(2, 0, st, st + 1, st + 2) == 0 and st[0] > 0   # the GPU pool

def fails(f, *words):
    try:
        f()
    except mx.base.MXNetError as e:
        assert e.kind == "MXL_ERR_DEVICE", (e.kind, str(e))
        for w in words:
            assert w in str(e), (w, str(e))
    else:
        raise AssertionError("no error")

fails(lambda: mx.nd.elemwise_sub(g, g).asnumpy(), "fake kernel failure", "elemwise_sub", "gpu(0)")
fails(lambda: mx.nd.exp(g), "exp", "no kernel for gpu(0)")
fails(lambda: mx.nd.zeros((2,), ctx=mx.gpu(2)), "gpu(2)", "does not exist")
fails(lambda: mx.nd.elemwise_add(g, mx.nd.ones((3, 4))), "gpu(0)", "cpu(0)")
np.testing.assert_array_equal((mx.nd.ones((2,)) + 1).asnumpy(), [2, 2])   # the CPU is unaffected
print("fake plugin OK")
"""


def test_gpu_path_with_a_fake_plugin():
    import subprocess
    import sys
    fake = os.path.join(os.path.dirname(mx._lib.LIBRARY_PATH), "libmxlite_fake_cuda.so")
    if not os.path.isfile(fake):
        pytest.skip("the test plugin libmxlite_fake_cuda.so is not built next to libmxlite")
    env = dict(os.environ, MXLITE_CUDA_PLUGIN=fake, FAKE_GPUS="2")
    r = subprocess.run([sys.executable, "-c", FAKE_SCRIPT], env=env, capture_output=True, text=True, timeout=300)
    assert r.returncode == 0 and "fake plugin OK" in r.stdout, r.stdout + r.stderr


# ----------------------------------------------------------- with a GPU
def _gpu_cases():
    ids = []
    for name, cases in sorted(op_cases.OPS.items()):
        if name not in REGISTERED or not _has_gpu(name):
            continue
        for i, case in enumerate(cases):
            ids.append((name, i))
    return ids


def _run(name, case, ctx):
    with ctx:
        inputs = [mx.nd.array(x, dtype=x.dtype, ctx=ctx) for x in case.inputs]
        out = _func(name)(*inputs, *case.args, **case.params)
    outs = out if isinstance(out, list) else [out]
    return [o.asnumpy() for o in outs], [x.asnumpy() for x in inputs]


def _float16(case):
    return any(np.asarray(x).dtype == np.float16 for x in case.inputs) or \
        "float16" in str(case.params.get("dtype", ""))


@gpu
@needs_gpu
@pytest.mark.parametrize("name,i", _gpu_cases(), ids=["%s-%d" % c for c in _gpu_cases()])
def test_forward_gpu_matches_cpu(name, i):
    case = op_cases.OPS[name][i]
    if _flags(name) & lib.MXL_OP_RANDOM:
        pytest.skip("random op: compared by distribution in test_random_on_gpu")
    half = _float16(case)
    cpu_out, cpu_in = _run(name, case, mx.cpu())
    gpu_out, gpu_in = _run(name, case, mx.gpu(0))
    assert len(cpu_out) == len(gpu_out)
    # float16: both sides compute in float and round once; float math may differ by an
    # ulp before that rounding.
    rtol, atol = (max(case.rtol, 2e-3), max(case.atol, 2e-3)) if half else (max(case.rtol, 1e-5), max(case.atol, 1e-6))
    for c, g in zip(cpu_out + cpu_in, gpu_out + gpu_in):  # inputs too: in-place updates
        assert c.shape == g.shape and c.dtype == g.dtype, name
        np.testing.assert_allclose(g.astype(np.float64), c.astype(np.float64), rtol=rtol, atol=atol, err_msg=name)


class _Cast:
    """A forward case with its float inputs cast to dtype (float index inputs too: ops
    such as SVMOutput take labels of the data's dtype; the cases' indices are small)."""

    def __init__(self, name, case, dtype):
        self.inputs = [np.asarray(x).astype(dtype) if np.asarray(x).dtype.kind == "f" else x for x in case.inputs]
        self.args, self.params = case.args, case.params
        self.rtol, self.atol = case.rtol, case.atol


def _float_dtype_ops():
    """ops with a GPU kernel -> their first forward case with a float input (not random)."""
    out = {}
    for name, i in _gpu_cases():
        case = op_cases.OPS[name][i]
        skip = op_cases.INDEX_INPUTS.get(_ops.get(name).name, ())
        if name in out or _flags(name) & lib.MXL_OP_RANDOM or _float16(case):
            continue
        if any(np.asarray(x).dtype.kind == "f" for k, x in enumerate(case.inputs) if k not in skip):
            out[name] = case
    return out


FLOAT_DTYPE_OPS = _float_dtype_ops()


@gpu
@needs_gpu
@pytest.mark.parametrize("name", sorted(FLOAT_DTYPE_OPS))
def test_every_float_dtype_the_cpu_takes_the_gpu_takes(name):
    """float16 and float64 inputs: wherever the CPU kernel accepts them, the CUDA kernel
    must too, with the CPU's result (float16 within an ulp-scale tolerance)."""
    checked = 0
    for dtype in (np.float16, np.float64):
        case = _Cast(name, FLOAT_DTYPE_OPS[name], dtype)
        try:
            cpu_out, cpu_in = _run(name, case, mx.cpu())
        except mx.base.MXNetError as e:
            if e.kind == "MXL_ERR_DTYPE":
                continue  # the CPU does not take this dtype either
            raise
        gpu_out, gpu_in = _run(name, case, mx.gpu(0))
        tol = 2e-2 if dtype == np.float16 else 1e-6
        for c, g in zip(cpu_out + cpu_in, gpu_out + gpu_in):
            assert c.shape == g.shape and c.dtype == g.dtype, (name, np.dtype(dtype).name)
            np.testing.assert_allclose(g.astype(np.float64), c.astype(np.float64), rtol=tol, atol=tol,
                                       err_msg="%s %s" % (name, np.dtype(dtype).name))
        checked += 1
    if not checked:
        pytest.skip("%s: the CPU takes neither float16 nor float64" % name)


def _grad_ops():
    """canonical differentiable ops with a CUDA kernel -> a name with forward cases."""
    out = {}
    for name in op_cases.OPS:
        if name not in REGISTERED or not isinstance(op_cases.OPS[name], list):
            continue
        fl = _flags(name)
        if not fl & lib.MXL_OP_DIFFERENTIABLE or fl & lib.MXL_OP_RANDOM or not _has_gpu(name):
            continue
        out.setdefault(_ops.get(name).name, name)
    return out


GRAD_OPS = _grad_ops()


def _float_case(name):
    skip = op_cases.INDEX_INPUTS.get(_ops.get(name).name, ())
    for case in op_cases.OPS[name]:
        if _float16(case):
            continue
        if any(np.asarray(x).dtype.kind == "f" for i, x in enumerate(case.inputs) if i not in skip):
            return case
    return None


def _backward(name, case, ctx, head):
    skip = op_cases.INDEX_INPUTS.get(_ops.get(name).name, ())
    with ctx:
        arrs = [mx.nd.array(x, dtype=x.dtype, ctx=ctx) for x in case.inputs]
        grads = [i for i, x in enumerate(case.inputs) if np.asarray(x).dtype.kind == "f" and i not in skip]
        for i in grads:
            arrs[i].attach_grad()
        with mx.autograd.record():
            out = _func(name)(*arrs, *case.args, **case.params)
            out = out[0] if isinstance(out, list) else out
        out.backward(mx.nd.array(head(out.shape), dtype=out.dtype, ctx=ctx))
        return [arrs[i].grad.asnumpy() for i in grads]


@gpu
@needs_gpu
@pytest.mark.parametrize("canonical", sorted(GRAD_OPS))
def test_backward_gpu_matches_cpu(canonical):
    name = GRAD_OPS[canonical]
    case = _float_case(name)
    if case is None:
        pytest.skip("%s: no float32/float64 case to differentiate" % name)

    def head(shape):
        return np.random.RandomState(1).uniform(0.5, 1.5, shape)

    cpu = _backward(name, case, mx.cpu(), head)
    got = _backward(name, case, mx.gpu(0), head)
    for c, g in zip(cpu, got):
        np.testing.assert_allclose(g, c, rtol=1e-4, atol=1e-5, err_msg=name)
    # float16, wherever the CPU differentiates it.
    half = _Cast(name, case, np.float16)
    try:
        cpu = _backward(name, half, mx.cpu(), head)
    except mx.base.MXNetError as e:
        if e.kind == "MXL_ERR_DTYPE":
            return
        raise
    got = _backward(name, half, mx.gpu(0), head)
    for c, g in zip(cpu, got):
        assert c.dtype == g.dtype == np.float16, name
        np.testing.assert_allclose(g.astype(np.float64), c.astype(np.float64), rtol=2e-2, atol=2e-2,
                                   err_msg=name + " float16")


@gpu
@needs_gpu
def test_every_op_has_a_cuda_kernel_or_a_cpu_only_reason():
    missing = sorted({_ops.get(n).name for n in REGISTERED
                      if not _flags(n) & (lib.MXL_OP_HAS_GPU | lib.MXL_OP_CPU_ONLY | lib.MXL_OP_CUSTOM)})
    assert not missing, "%d operators have no CUDA kernel: %s" % (len(missing), ", ".join(missing))


@gpu
@needs_gpu
def test_copies_between_devices_keep_values_and_dtypes():
    x = np.arange(24, dtype=np.float32).reshape(2, 3, 4)
    g = mx.nd.array(x, ctx=mx.gpu(0))
    assert g.context == mx.gpu(0)
    np.testing.assert_array_equal(g.asnumpy(), x)
    back = g.as_in_context(mx.cpu())
    np.testing.assert_array_equal(back.asnumpy(), x)
    g64 = g.astype(np.float64)
    assert g64.dtype == np.float64 and g64.context == mx.gpu(0)
    np.testing.assert_array_equal(g64.asnumpy(), x.astype(np.float64))
    other = mx.nd.zeros((2, 3, 4), ctx=mx.gpu(0), dtype=np.int32)
    g.copyto(other)
    np.testing.assert_array_equal(other.asnumpy(), x.astype(np.int32))
    big = np.random.RandomState(0).rand(3, 1 << 22).astype(np.float32)  # > the staging buffer
    np.testing.assert_array_equal(mx.nd.array(big, ctx=mx.gpu(0)).asnumpy(), big)


@gpu
@needs_gpu
def test_copies_to_the_device_in_flight_keep_their_values():
    """Copies to the device return once enqueued, through a few pinned blocks reused
    when their copy has run: many copies (small, and larger than a block) queued behind
    a kernel, into fresh arrays and into one array overwritten each time, all read
    back right; the host arrays may change as soon as the copy returns."""
    rng = np.random.RandomState(5)
    srcs = [rng.rand(257).astype(np.float32) for _ in range(12)]
    srcs.append(rng.rand(9 << 20).astype(np.float32))  # 36 MiB: two pieces
    busy = mx.nd.ones((512, 512), ctx=mx.gpu(0))
    busy = mx.nd.dot(busy, busy)  # earlier work on the stream
    fresh, into, seen = [], mx.nd.zeros((257,), ctx=mx.gpu(0)), []
    for s in srcs:
        host = s.copy()
        fresh.append(mx.nd.array(host, ctx=mx.gpu(0)))
        host[:] = -1  # the copy has read it already
        if s.size == 257:
            into[:] = mx.nd.array(s)  # cpu -> gpu copy into one array, overwritten each time
            seen.append(into * 1)
    for s, f in zip(srcs, fresh):
        np.testing.assert_array_equal(f.asnumpy(), s)
    for s, v in zip(srcs, seen):
        np.testing.assert_array_equal(v.asnumpy(), s)
    assert float(busy[0, 0].asscalar()) == 512.0


@gpu
@needs_gpu
def test_random_on_gpu():
    mx.random.seed(7)
    a = mx.nd.random.uniform(-1, 1, shape=(200000,), ctx=mx.gpu(0)).asnumpy()
    assert -1 <= a.min() and a.max() < 1 and abs(a.mean()) < 0.01
    n = mx.nd.random.normal(2, 3, shape=(200000,), ctx=mx.gpu(0)).asnumpy()
    assert abs(n.mean() - 2) < 0.05 and abs(n.std() - 3) < 0.05
    mx.random.seed(7)
    again = mx.nd.random.uniform(-1, 1, shape=(200000,), ctx=mx.gpu(0)).asnumpy()
    np.testing.assert_array_equal(a, again)  # seeded: reproducible
    x = mx.nd.ones((1000, 100), ctx=mx.gpu(0))
    with mx.autograd.train_mode():
        d = mx.nd.Dropout(x, p=0.3).asnumpy()
    kept = d != 0
    assert 0.65 < kept.mean() < 0.75
    np.testing.assert_allclose(d[kept], 1 / 0.7, rtol=1e-6)


@gpu
@needs_gpu
def test_more_samplers_on_gpu():
    mx.random.seed(3)
    n = 200000
    for alpha, beta in ((2.0, 1.5), (0.5, 2.0), (9.0, 0.5)):  # shape < 1 takes the boosted path
        g = mx.nd.random.gamma(alpha, beta, shape=(n,), ctx=mx.gpu(0)).asnumpy()
        assert g.min() > 0
        assert abs(g.mean() - alpha * beta) < 0.02 * alpha * beta + 0.01, (alpha, beta, g.mean())
        assert abs(g.var() - alpha * beta ** 2) < 0.05 * alpha * beta ** 2, (alpha, beta, g.var())
    for lam in (0.0, 3.0, 40.0):  # product method below 10, PTRS above
        p = mx.nd.random.poisson(lam, shape=(n,), ctx=mx.gpu(0)).asnumpy()
        assert (p == np.floor(p)).all() and p.min() >= 0
        assert abs(p.mean() - lam) < 0.02 * lam + 0.01 and abs(p.var() - lam) < 0.05 * lam + 0.01, (lam, p.mean())
    for dtype, lo, hi in (("int32", -3, 4), ("int64", 0, 1 << 40)):
        r = mx.nd.random.randint(lo, hi, shape=(n,), dtype=dtype, ctx=mx.gpu(0)).asnumpy()
        assert r.dtype == np.dtype(dtype) and r.min() >= lo and r.max() < hi
        assert abs(r.mean() - (lo + hi - 1) / 2) < 0.01 * (hi - lo)
    small = mx.nd.random.randint(-3, 4, shape=(n,), ctx=mx.gpu(0)).asnumpy()
    assert set(np.unique(small)) == set(range(-3, 4))


@gpu
@needs_gpu
def test_ordering_ties_and_nan_match_cpu_on_gpu():
    x = np.array([[3, 1, 2, 1, np.nan, 3, -0.0, 0.0, 1, np.nan],
                  [0, 0, 0, 0, 0, 0, 0, 0, 0, 0]], np.float32)
    for dtype in (np.float32, np.float64, np.int32, np.int64, np.uint8):
        data = np.nan_to_num(x, nan=7).astype(dtype) if np.dtype(dtype).kind != "f" else x.astype(dtype)
        for kw in ({"is_ascend": True}, {"is_ascend": False}, {"axis": 0}, {"axis": None}):
            outs = []
            k = 2 if kw.get("axis") == 0 else 3  # axis 0 has two elements
            for ctx in (mx.cpu(), mx.gpu(0)):
                a = mx.nd.array(data, dtype=dtype, ctx=ctx)
                outs.append([mx.nd.argsort(a, dtype="int64", **kw).asnumpy(), mx.nd.sort(a, **kw).asnumpy(),
                             mx.nd.topk(a, k=k, ret_typ="indices", dtype="int32", **kw).asnumpy(),
                             mx.nd.topk(a, k=k, ret_typ="mask", **kw).asnumpy()])
            for c, g in zip(*outs):
                np.testing.assert_array_equal(g, c, err_msg="%s %s" % (np.dtype(dtype).name, kw))


@gpu
@needs_gpu
def test_batchnorm_training_forward_updates_moving_stats_like_cpu():
    rng = np.random.RandomState(0)
    inputs = [rng.randn(4, 3, 5, 2), rng.rand(3) + 0.5, rng.rand(3), np.zeros(3), np.ones(3)]
    res = []
    for ctx in (mx.cpu(), mx.gpu(0)):
        args = [mx.nd.array(v, dtype=np.float32, ctx=ctx) for v in inputs]
        with mx.autograd.train_mode():
            outs = mx.nd.BatchNorm(*args, fix_gamma=False, output_mean_var=True, momentum=0.8)
        res.append([o.asnumpy() for o in outs] + [args[3].asnumpy(), args[4].asnumpy()])  # moving stats
    for c, g in zip(*res):
        np.testing.assert_allclose(g, c, rtol=1e-4, atol=1e-5)


@gpu
@needs_gpu
def test_index_errors_on_gpu_name_the_first_bad_index():
    a = mx.nd.ones((3, 4), ctx=mx.gpu(0))
    with pytest.raises(mx.base.MXNetError) as e:
        mx.nd.take(a, mx.nd.array([0, 5, 7], ctx=mx.gpu(0)), mode="raise").asnumpy()
    assert e.value.kind == "MXL_ERR_INDEX" and "index 5" in str(e.value), str(e.value)
    with pytest.raises(mx.base.MXNetError) as e:
        mx.nd.gather_nd(a, mx.nd.array([[0, 1], [9, 1]], ctx=mx.gpu(0))).asnumpy()
    assert e.value.kind == "MXL_ERR_INDEX" and "index 9" in str(e.value), str(e.value)
    assert (a * 2).sum().asscalar() == 24.0  # the device stays usable


@gpu
@needs_gpu
def test_repeated_indices_accumulate_and_last_write_wins_on_gpu():
    data = np.arange(12, dtype=np.float32).reshape(3, 4)
    idx = np.array([[0, 2, 0, 0], [1, 3, 1, 1]], np.float32)  # (0, 1) three times, (2, 3) once
    vals = np.array([1, 2, 3, 4], np.float32)
    for ctx in (mx.cpu(), mx.gpu(0)):
        s = mx.nd.scatter_nd(mx.nd.array(vals, ctx=ctx), mx.nd.array(idx, ctx=ctx), shape=(3, 4)).asnumpy()
        assert s[0, 1] == 4 and s[2, 3] == 2, s
        g = mx.nd.array(data, ctx=ctx)
        g.attach_grad()
        with mx.autograd.record():
            out = mx.nd.gather_nd(g, mx.nd.array(idx, ctx=ctx))
        out.backward(mx.nd.array(vals, ctx=ctx))
        assert g.grad.asnumpy()[0, 1] == 1 + 3 + 4 and g.grad.asnumpy()[2, 3] == 2
        t = mx.nd.array(data, ctx=ctx)
        t.attach_grad()
        with mx.autograd.record():
            out = mx.nd.take(t, mx.nd.array([2, 0, 2], ctx=ctx))
        out.backward(mx.nd.ones((3, 4), ctx=ctx))
        np.testing.assert_array_equal(t.grad.asnumpy(), [[1] * 4, [0] * 4, [2] * 4])


@gpu
@needs_gpu
def test_float16_updates_and_layers_on_gpu_match_cpu():
    rng = np.random.RandomState(0)
    w32 = rng.randn(5, 7).astype(np.float32)
    g16 = rng.randn(5, 7).astype(np.float16)
    x16 = rng.randn(2, 3, 4, 4).astype(np.float16)
    res = []
    for ctx in (mx.cpu(), mx.gpu(0)):
        w = mx.nd.array(w32.astype(np.float16), dtype=np.float16, ctx=ctx)
        master = mx.nd.array(w32, ctx=ctx)
        mom = mx.nd.zeros((5, 7), ctx=ctx)
        mx.nd.mp_sgd_mom_update(w, mx.nd.array(g16, dtype=np.float16, ctx=ctx), mom, master, lr=0.1, momentum=0.9,
                                wd=0.01, out=w)
        x = mx.nd.array(x16, dtype=np.float16, ctx=ctx)
        ln = mx.nd.LayerNorm(x, mx.nd.ones((4,), dtype=np.float16, ctx=ctx),
                             mx.nd.zeros((4,), dtype=np.float16, ctx=ctx))
        elu = mx.nd.LeakyReLU(x, act_type="elu")
        res.append([w.asnumpy(), master.asnumpy(), mom.asnumpy(), ln.asnumpy(), elu.asnumpy()])
    for c, g in zip(*res):
        assert c.dtype == g.dtype
        np.testing.assert_allclose(g.astype(np.float64), c.astype(np.float64), rtol=2e-3, atol=2e-3)


@gpu
@needs_gpu
def test_integer_division_by_zero_is_an_error_on_gpu_like_on_cpu():
    for ctx in (mx.cpu(), mx.gpu(0)):
        a = mx.nd.array([4, 6], dtype="int32", ctx=ctx)
        z = mx.nd.array([0, 2], dtype="int32", ctx=ctx)
        for f in (lambda: a / z, lambda: a % z, lambda: a / 0, lambda: 3 / z, lambda: a % 0,
                  lambda: mx.nd.broadcast_div(a, z.reshape((2, 1)))):
            with pytest.raises(mx.base.MXNetArithmeticError, match="integer division by zero"):
                f().asnumpy()
        np.testing.assert_array_equal((a / mx.nd.array([1, 4], dtype="int32", ctx=ctx)).asnumpy(), [4, 1])
        np.testing.assert_array_equal((a.astype("int64") % 4).asnumpy(), [0, 2])


@gpu
@needs_gpu
def test_float16_bilinear_upsampling_on_gpu_matches_cpu():
    rng = np.random.RandomState(3)
    x = rng.randn(2, 3, 4, 4).astype(np.float16)
    w = rng.randn(3, 1, 4, 4).astype(np.float16)
    res = []
    for ctx in (mx.cpu(), mx.gpu(0)):
        xs, ws = mx.nd.array(x, dtype=np.float16, ctx=ctx), mx.nd.array(w, dtype=np.float16, ctx=ctx)
        xs.attach_grad()
        with mx.autograd.record():
            y = mx.nd.UpSampling(xs, ws, scale=2, sample_type="bilinear", num_filter=3)
        y.backward(mx.nd.ones(y.shape, dtype=np.float16, ctx=ctx))
        res.append([y.asnumpy(), xs.grad.asnumpy()])
    for c, g in zip(*res):
        assert g.dtype == np.float16
        np.testing.assert_allclose(g.astype(np.float64), c.astype(np.float64), rtol=2e-2, atol=2e-2)


@gpu
@needs_gpu
def test_errors_in_gpu_ops_are_raised_and_the_device_stays_usable():
    a = mx.nd.ones((2, 3), ctx=mx.gpu(0))
    b = mx.nd.ones((4, 5), ctx=mx.gpu(0))
    with pytest.raises(mx.base.MXNetError):
        mx.nd.dot(a, b).asnumpy()
    c = mx.nd.ones((2, 3), ctx=mx.cpu())
    with pytest.raises(mx.base.MXNetError) as e:
        (a + c).asnumpy()
    assert "gpu(0)" in str(e.value) and "cpu(0)" in str(e.value)
    assert (a * 2).sum().asscalar() == 12.0


def _mlp_data():
    """The tutorial's digits (scikit-learn), or separable blobs where it is missing."""
    import sys
    sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "examples"))
    try:
        import digits
        return digits.load()
    except ImportError:
        rng = np.random.RandomState(0)
        centers = rng.rand(10, 784).astype(np.float32) * 255
        y = rng.randint(0, 10, 1800).astype(np.float32)
        x = np.clip(centers[y.astype(int)] + rng.randn(1800, 784).astype(np.float32) * 60, 0, 255)
        return x[:1350], y[:1350], x[1350:], y[1350:]


def _train_mlp(ctx, epochs=15, batch_size=128):
    """The tutorial's MLP and manual SGD loop (examples/tutorial_symbolic.py) on ctx."""
    np.random.seed(0)
    data = mx.sym.Variable("data")
    label = mx.sym.Variable("softmax_label")
    l1 = mx.sym.FullyConnected(data=data, num_hidden=128, name="layer1")
    a1 = mx.sym.Activation(data=l1, act_type="relu", name="act1")
    l2 = mx.sym.FullyConnected(data=a1, num_hidden=10, name="layer2")
    net = mx.sym.SoftmaxOutput(data=l2, label=label)
    ex = net.simple_bind(ctx=ctx, grad_req="write", data=(batch_size, 784), softmax_label=(batch_size,))
    ex_test = net.bind(ctx=ctx, grad_req="null", args=ex.arg_arrays)
    for r in ex.arg_arrays:
        r[:] = np.random.randn(*r.shape) * 0.02
    tx, ty, vx, vy = _mlp_data()
    order = np.arange(len(tx))
    for _ in range(epochs):
        np.random.shuffle(order)
        for i in range(0, len(order) - batch_size + 1, batch_size):
            ex.arg_dict["data"][:] = tx[order[i:i + batch_size]] / 255.0
            ex.arg_dict["softmax_label"][:] = ty[order[i:i + batch_size]]
            ex.forward(is_train=True)
            ex.backward()
            for name, w, g in zip(net.list_arguments(), ex.arg_arrays, ex.grad_arrays):
                if name not in ("data", "softmax_label"):
                    w[:] = w - g * 0.001
    correct = total = 0
    for i in range(0, len(vx) - batch_size + 1, batch_size):
        ex_test.arg_dict["data"][:] = vx[i:i + batch_size] / 255.0
        ex_test.forward()
        assert ex_test.outputs[0].context == ctx
        correct += int((np.argmax(ex_test.outputs[0].asnumpy(), axis=1) == vy[i:i + batch_size]).sum())
        total += batch_size
    return correct / total


@gpu
@needs_gpu
def test_mlp_trains_on_gpu_like_on_cpu():
    cpu = _train_mlp(mx.cpu())
    got = _train_mlp(mx.gpu(0))
    assert got > 0.9, "MLP on gpu(0) reached accuracy %.3f" % got
    assert abs(got - cpu) < 0.02, "gpu %.3f vs cpu %.3f" % (got, cpu)


@gpu
@needs_gpu
def test_dlpack_roundtrip_with_cupy():
    cupy = pytest.importorskip("cupy")
    x = np.arange(12, dtype=np.float32).reshape(3, 4)
    g = mx.nd.array(x, ctx=mx.gpu(0))
    c = cupy.from_dlpack(g)  # zero copy: shares the device memory
    assert c.device.id == 0
    np.testing.assert_array_equal(cupy.asnumpy(c), x)
    c *= 2  # written through the shared memory, on CuPy's stream
    cupy.cuda.get_current_stream().synchronize()  # the writer's side of the hand-over
    np.testing.assert_array_equal(g.asnumpy(), 2 * x)
    back = mx.nd.from_dlpack(cupy.arange(6, dtype=cupy.float64).reshape(2, 3))
    assert back.context == mx.gpu(0) and back.dtype == np.float64
    np.testing.assert_array_equal(back.asnumpy(), np.arange(6.0).reshape(2, 3))
    np.testing.assert_array_equal((back + 1).asnumpy(), np.arange(6.0).reshape(2, 3) + 1)
