"""Elementwise fusion on the GPU (docs/gpu.md, core/cuda/fusion.cu).

A GPU executor compiles each chain of connected elementwise nodes into one kernel
at bind time (NVRTC); the fused executor must compute what the unfused one does
(MXLITE_FUSION=0): bit for bit on the host emulator, where both are the same C++
compiled by the host compiler, and within rounding on a GPU (FMA contraction across
fused ops). Values read twice, by the backward pass or by the user are never fused
through.

On the emulator (tests/gpu/emu/run.sh) NVRTC and the driver API are the emulator's
stand-ins; test_generated_sources_compile_with_the_real_nvrtc also hands every
generated program to the real NVRTC (pip package nvidia-cuda-nvrtc, CUDA 13, or
nvidia-cuda-nvrtc-cu12) for compute_80 and compute_90, and the PTX to ptxas when it
exists.
"""
import glob
import os
import shutil
import subprocess
import sys

import numpy as np
import pytest

import mxlite as mx

_PLUGIN = os.environ.get("MXLITE_CUDA_PLUGIN", "")
EMULATED = "cuda_emu" in os.path.basename(_PLUGIN)
if EMULATED:
    # The emulator answers NVRTC and driver calls itself (tests/gpu/emu/run.sh sets
    # these too); read by the plugin on its first fused kernel.
    os.environ.setdefault("MXLITE_NVRTC_LIBRARY", _PLUGIN)
    os.environ.setdefault("MXLITE_CUDA_DRIVER_LIBRARY", _PLUGIN)

NUM_GPUS = mx.context.num_gpus()
gpu = pytest.mark.gpu


def _fusion_missing():
    """Why a GPU cannot fuse (no NVRTC / driver API found), or "" -- asked once, by
    binding a two-node chain. The emulator always can: it answers those calls itself."""
    if NUM_GPUS == 0:
        return "no GPU: " + mx.context.gpu_info()
    if EMULATED:
        return ""
    v = mx.sym.var("v")
    ex = (mx.sym.exp(v) + 1).bind(mx.gpu(0), {"v": mx.nd.ones((2,), ctx=mx.gpu(0))})
    text = ex.debug_str()
    for marker in ("NVRTC could not be loaded", "driver API could not be loaded"):
        if marker in text:
            return "fusion unavailable on this GPU machine: " + text[text.index(marker):].splitlines()[0]
    return ""


# Without NVRTC a GPU runs everything unfused (checked by
# test_fusion_failure_keeps_the_chain_unfused); these tests need it.
needs_gpu = pytest.mark.skipif(bool(_fusion_missing()), reason=_fusion_missing() or "-")
DTYPES = ["float32", "float64", "float16"]

x, y = mx.sym.var("x"), mx.sym.var("y")


def _square_of_exp():
    a = mx.sym.exp(x)
    return a * a


# name -> (symbol, nodes expected in fused kernels, fused kernels expected) for a
# forward-only bind.
CHAINS = {
    "exp_mul_plus": (mx.sym.exp(x) * y + 1, 3, 1),
    "tanh_scalar_sub_sigmoid": (mx.sym.sigmoid(mx.sym.tanh(x) * 2 - y), 4, 1),
    # two branches meeting in a division: one tree of five nodes
    "tree": (mx.sym.relu(x - y) / (mx.sym.abs(y) + 1), 5, 1),
    "reversed_scalars": (2 ** mx.sym.sin(x) - (3 - mx.sym.cos(y)) / 4, 6, 1),
    "binary_family": (mx.sym.maximum(mx.sym.hypot(x, y), mx.sym.minimum(x, y) ** 2), 4, 1),
    # one value read twice by the same node: still a single reader
    "same_value_twice": (_square_of_exp(), 2, 1),
}


def _inputs(shape, dtype, seed=0):
    rng = np.random.RandomState(seed)
    xv = rng.uniform(-1.5, 1.5, shape).astype(dtype)
    yv = rng.uniform(0.5, 2.0, shape).astype(dtype)
    return xv, yv


def _bind(sym, arrays, fusion, grad=False):
    """Binds sym on gpu(0) with fusion on or off; returns the executor."""
    old = os.environ.get("MXLITE_FUSION")
    os.environ["MXLITE_FUSION"] = "1" if fusion else "0"
    try:
        ctx = mx.gpu(0)
        args = {k: mx.nd.array(v, ctx=ctx, dtype=v.dtype) for k, v in arrays.items() if k in sym.list_arguments()}
        grads = {k: mx.nd.zeros(v.shape, ctx=ctx, dtype=v.dtype) for k, v in args.items()} if grad else None
        return sym.bind(ctx, args, args_grad=grads, grad_req="write" if grad else "null")
    finally:
        if old is None:
            del os.environ["MXLITE_FUSION"]
        else:
            os.environ["MXLITE_FUSION"] = old


def _same(a, b, dtype):
    """Fused == unfused: bitwise on the emulator, within rounding on a GPU."""
    if EMULATED:
        assert a.dtype == b.dtype and a.shape == b.shape
        np.testing.assert_array_equal(a.view("u%d" % a.itemsize), b.view("u%d" % b.itemsize))
    else:
        tol = {"float16": 2e-3, "float32": 2e-6, "float64": 1e-14}[dtype]
        np.testing.assert_allclose(a.astype("float64"), b.astype("float64"), rtol=tol, atol=tol)


def _run(sym, arrays, fusion, grad=False, head=None):
    ex = _bind(sym, arrays, fusion, grad)
    ex.forward(is_train=grad)
    outs = [o.asnumpy() for o in ex.outputs]
    grads = []
    if grad:
        ex.backward([mx.nd.array(head, ctx=mx.gpu(0), dtype=head.dtype)] if head is not None else [])
        grads = [g.asnumpy() for g in ex.grad_arrays]
    return ex, outs, grads


# ----------------------------------------------------------- on the CPU
def test_cpu_executors_do_not_fuse():
    xv, yv = _inputs((3, 4), "float32")
    ex = CHAINS["exp_mul_plus"][0].bind(mx.cpu(), {"x": mx.nd.array(xv), "y": mx.nd.array(yv)})
    assert ex.fusion_stats() == (0, 0)
    assert "Fusion" not in ex.debug_str()


# ----------------------------------------------------------- on a GPU
@gpu
@needs_gpu
@pytest.mark.parametrize("dtype", DTYPES)
@pytest.mark.parametrize("name", sorted(CHAINS))
def test_fused_forward_matches_unfused(name, dtype):
    sym, nodes, groups = CHAINS[name]
    xv, yv = _inputs((7, 45), dtype)  # 315 elements: two blocks, the second partial
    arrays = {"x": xv, "y": yv}
    fused, out_f, _ = _run(sym, arrays, True)
    plain, out_p, _ = _run(sym, arrays, False)
    assert fused.fusion_stats() == (groups, nodes), fused.debug_str()
    assert plain.fusion_stats() == (0, 0)
    assert "Fusion: %d fused kernels replace %d nodes" % (groups, nodes) in fused.debug_str()
    assert "MXLITE_FUSION=0" in plain.debug_str()
    assert "_fused_elemwise" in fused.debug_str()
    _same(out_f[0], out_p[0], dtype)
    # and both are what the CPU computes
    cpu = sym.bind(mx.cpu(), {k: mx.nd.array(v, dtype=dtype) for k, v in arrays.items()})
    cpu.forward()
    tol = 2e-2 if dtype == "float16" else 1e-5
    np.testing.assert_allclose(out_f[0].astype("f8"), cpu.outputs[0].asnumpy().astype("f8"), rtol=tol, atol=tol)


@gpu
@needs_gpu
@pytest.mark.parametrize("dtype", DTYPES)
def test_fused_backward_matches_unfused(dtype):
    # exp(sin(x)) * 3 + tanh(y): forward, sin -> exp fuses (sin's output has no other
    # reader: exp's gradient reads exp's output, sin's reads x); the backward chains
    # _backward_mul_scalar -> _backward_exp -> _backward_sin and
    # _backward_tanh fuse as well wherever a value has a single reader.
    sym = mx.sym.exp(mx.sym.sin(x)) * 3 + mx.sym.tanh(y)
    xv, yv = _inputs((5, 33), dtype, seed=1)
    head = np.random.RandomState(2).uniform(-1, 1, (5, 33)).astype(dtype)
    arrays = {"x": xv, "y": yv}
    fused, out_f, g_f = _run(sym, arrays, True, grad=True, head=head)
    plain, out_p, g_p = _run(sym, arrays, False, grad=True, head=head)
    groups, nodes = fused.fusion_stats()
    assert groups >= 2 and nodes >= 4, fused.debug_str()
    assert "Backward _fused_elemwise" in fused.debug_str()
    _same(out_f[0], out_p[0], dtype)
    for a, b in zip(g_f, g_p):
        _same(a, b, dtype)


@gpu
@needs_gpu
def test_chain_next_to_unfusable_ops():
    data = mx.sym.var("data")
    fc = mx.sym.FullyConnected(data, num_hidden=16, name="fc")
    act = mx.sym.sigmoid(mx.sym.exp(fc * 0.5) - 1) * 2  # fused: 5 nodes
    out = mx.sym.softmax(mx.sym.FullyConnected(act, num_hidden=5, name="fc2"))
    rng = np.random.RandomState(3)
    arrays = {"data": rng.uniform(-1, 1, (8, 10)).astype("float32"),
              "fc_weight": rng.uniform(-0.3, 0.3, (16, 10)).astype("float32"),
              "fc_bias": rng.uniform(-0.3, 0.3, (16,)).astype("float32"),
              "fc2_weight": rng.uniform(-0.3, 0.3, (5, 16)).astype("float32"),
              "fc2_bias": rng.uniform(-0.3, 0.3, (5,)).astype("float32")}
    fused, out_f, _ = _run(out, arrays, True)
    plain, out_p, _ = _run(out, arrays, False)
    assert fused.fusion_stats() == (1, 5), fused.debug_str()
    _same(out_f[0], out_p[0], "float32")


@gpu
@needs_gpu
def test_value_read_twice_is_not_fused_through():
    a = mx.sym.exp(x)
    sym = mx.sym.sin(a) + mx.sym.cos(a) * 2  # a has two readers: exp stays its own node
    xv, _ = _inputs((4, 9), "float32")
    fused, out_f, _ = _run(sym, {"x": xv}, True)
    plain, out_p, _ = _run(sym, {"x": xv}, False)
    assert fused.fusion_stats() == (1, 4), fused.debug_str()  # sin, cos, *2, +
    assert "Op exp" in fused.debug_str()
    _same(out_f[0], out_p[0], "float32")


@gpu
@needs_gpu
def test_outputs_are_kept():
    a = mx.sym.exp(x)      # an output: computed and stored, never fused through
    b = mx.sym.sqrt(a + y)  # + and sqrt fuse
    c = mx.sym.square(x * 2)  # *2 and square fuse
    sym = mx.sym.Group([a, b, c])
    xv, yv = _inputs((6, 7), "float64")
    fused, out_f, _ = _run(sym, {"x": xv, "y": yv}, True)
    plain, out_p, _ = _run(sym, {"x": xv, "y": yv}, False)
    assert fused.fusion_stats() == (2, 4), fused.debug_str()
    assert len(out_f) == 3
    for f, p in zip(out_f, out_p):
        _same(f, p, "float64")
    np.testing.assert_allclose(out_f[0], np.exp(xv), rtol=1e-14)


@gpu
@needs_gpu
def test_unfusable_dtypes_and_shapes_stay_unfused():
    # int32 chains and broadcast ops are not fused; results unchanged.
    xi = np.arange(12, dtype="int32").reshape(3, 4)
    ex, outs, _ = _run(mx.sym.abs(x * 3) + 1, {"x": xi}, True)
    assert ex.fusion_stats() == (0, 0)
    np.testing.assert_array_equal(outs[0], np.abs(xi * 3) + 1)
    b = mx.sym.exp(mx.sym.broadcast_add(x, y))  # broadcast_add is not in the table
    xv = np.ones((3, 4), "float32")
    yv = np.ones((1, 4), "float32")
    ex, outs, _ = _run(b, {"x": xv, "y": yv}, True)
    assert ex.fusion_stats() == (0, 0)
    np.testing.assert_allclose(outs[0], np.exp(xv + yv), rtol=1e-6)


def _subprocess(code, env):
    full = dict(os.environ)
    full.update(env)
    return subprocess.run([sys.executable, "-c", code], env=full, capture_output=True, text=True, timeout=600)


@gpu
@needs_gpu
@pytest.mark.skipif(not EMULATED, reason="changes the NVRTC library, which only the emulator lets a test do")
@pytest.mark.parametrize("env, why", [
    ({"MXLITE_NVRTC_LIBRARY": "/nonexistent/libnvrtc.so"}, "not fused: NVRTC could not be loaded"),
    ({"MXLITE_CUDA_DRIVER_LIBRARY": "/nonexistent/libcuda.so.1"}, "not fused: the CUDA driver API could not be loaded"),
    ({"MXC_EMU_CXX": "false"}, "failed to compile the fused kernel"),  # the compiler rejects the program
], ids=["no_nvrtc", "no_driver", "compile_error"])
def test_fusion_failure_keeps_the_chain_unfused(env, why, tmp_path):
    code = """
import numpy as np, mxlite as mx
x = mx.sym.var('x')
ex = (mx.sym.exp(x) + 1).bind(mx.gpu(0), {'x': mx.nd.ones((2, 3), ctx=mx.gpu(0))})
ex.forward()
assert ex.fusion_stats() == (0, 0), ex.fusion_stats()
np.testing.assert_allclose(ex.outputs[0].asnumpy(), np.e + 1, rtol=1e-6)
print(ex.debug_str())
"""
    # a fresh TMPDIR: no kernel the emulator compiled before is reused
    r = _subprocess(code, dict(env, MXLITE_FUSION="1", TMPDIR=str(tmp_path)))
    assert r.returncode == 0, r.stderr
    assert why in r.stdout, r.stdout
    assert "Op exp" in r.stdout and "Op _plus_scalar" in r.stdout


def _one_input_ops():
    """A public name of every registered operator with one input "data", one output
    and no required parameter: the candidates for a unary step of a fused chain."""
    from mxlite import _ops
    seen, out = set(), []
    for name in _ops.op_names():
        info = _ops.get(name)
        if info.name in seen or name.startswith("_") or info.variadic:
            continue
        seen.add(info.name)
        if info.inputs == ["data"] and info.num_outputs == 1 and not info.required and hasattr(mx.sym, name):
            out.append(name)
    return out


@gpu
@needs_gpu
def test_every_fusible_unary_op_fuses_and_matches_unfused():
    """Each one-input operator in a chain x*0.5 + 0.25 -> op, forward and backward in
    float32: wherever the op fuses (docs/gpu.md lists 41 unary math operators), fused
    and unfused give the same values and gradients. Also what makes the real-NVRTC
    check below compile the functor of every fusible operator, forward and gradient."""
    xv = np.linspace(0.05, 0.95, 24, dtype=np.float32).reshape(4, 6)  # in every op's domain
    head = np.linspace(-1, 1, 24, dtype=np.float32).reshape(4, 6)
    fused_ops = []
    for name in _one_input_ops():
        sym = getattr(mx.sym, name)(x * 0.5 + 0.25)
        try:
            ex_f, outs_f, _ = _run(sym, {"x": xv}, True)
        except mx.MXNetError:  # not an elementwise op (Pooling, shape ops, ...): never fusible
            continue
        if ex_f.fusion_stats()[1] < 3:  # the op does not fuse: its chain is the two scalar ops
            continue
        fused_ops.append(name)
        _, outs_u, _ = _run(sym, {"x": xv}, False)
        _same(outs_f[0], outs_u[0], "float32")
        # training: the gradient nodes fuse too (a zero gradient reads the input, which
        # then ends the forward chain before the op)
        _, outs_f, grads_f = _run(sym, {"x": xv}, True, grad=True, head=head)
        _, outs_u, grads_u = _run(sym, {"x": xv}, False, grad=True, head=head)
        for a, b in zip(outs_f + grads_f, outs_u + grads_u):
            _same(a, b, "float32")
    assert len(fused_ops) >= 41, "only %d one-input operators fused: %s" % (len(fused_ops), fused_ops)


def _real_nvrtc():
    """Path of a real libnvrtc: MXLITE_TEST_NVRTC, else the pip package's --
    nvidia-cuda-nvrtc (CUDA 13, preferred) or nvidia-cuda-nvrtc-cu12; None if absent."""
    if os.environ.get("MXLITE_TEST_NVRTC"):
        return os.environ["MXLITE_TEST_NVRTC"]
    import importlib
    for module in ("nvidia.cu13", "nvidia.cuda_nvrtc"):
        try:
            pkg = importlib.import_module(module)
        except ImportError:
            continue
        for d in pkg.__path__:
            libs = [p for p in sorted(glob.glob(os.path.join(d, "lib", "libnvrtc.so.*")))
                    if "builtins" not in p and ".alt." not in p]
            if libs:
                return libs[0]
    return None


def _ptxas():
    return shutil.which("ptxas") or next(iter(sorted(glob.glob("/usr/local/cuda*/bin/ptxas"))), None)


@gpu
@needs_gpu
@pytest.mark.skipif(not EMULATED, reason="on a GPU every fused kernel already goes through the real NVRTC")
@pytest.mark.skipif("asan" in os.environ.get("LD_PRELOAD", ""),
                    reason="the sanitizer run leaves the real NVRTC (not instrumented) to tests/gpu/emu/run.sh")
@pytest.mark.skipif(_real_nvrtc() is None,
                    reason="no real NVRTC: pip install nvidia-cuda-nvrtc==13.0.88 (or set MXLITE_TEST_NVRTC)")
def test_generated_sources_compile_with_the_real_nvrtc(tmp_path):
    """Every program the tests above generate -- all chains, three dtypes, forward and
    backward -- compiled to PTX by the real NVRTC for sm_80 and sm_90 (the emulator
    forwards each program it is given: MXC_EMU_NVRTC_CHECK), then assembled by ptxas."""
    ptx_dir = tmp_path / "ptx"
    ptx_dir.mkdir()
    here = os.path.dirname(os.path.abspath(__file__))
    nvrtc = _real_nvrtc()
    # NVRTC loads its libnvrtc-builtins by name: the pip package's directory must be searched.
    lib_path = os.pathsep.join(p for p in (os.path.dirname(nvrtc), os.environ.get("LD_LIBRARY_PATH")) if p)
    r = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-m", "gpu",
                        os.path.join(here, "test_fusion.py"), "-k", "matches_unfused or unfusable or next_to or every_fusible"],
                       env=dict(os.environ, MXC_EMU_NVRTC_CHECK=nvrtc, MXC_EMU_NVRTC_PTX_DIR=str(ptx_dir),
                                MXC_EMU_NVRTC_ARCHS="80,90", LD_LIBRARY_PATH=lib_path),
                       capture_output=True, text=True, timeout=1200)
    assert r.returncode == 0, r.stdout[-4000:] + r.stderr[-4000:]
    ptx = sorted(glob.glob(str(ptx_dir / "*.ptx")))
    per_arch = {a: [p for p in ptx if p.endswith("compute_%s.ptx" % a)] for a in ("80", "90")}
    # 6 chains x 3 dtypes forward, the backward programs, the FullyConnected neighbour
    assert len(per_arch["80"]) >= 18 and len(per_arch["80"]) == len(per_arch["90"]), ptx
    ptxas = _ptxas()
    if ptxas:
        for arch, files in per_arch.items():
            for p in files:
                out = subprocess.run([ptxas, "-arch=sm_" + arch, p, "-o", os.devnull], capture_output=True, text=True)
                assert out.returncode == 0, (p, out.stderr)
