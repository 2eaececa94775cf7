"""The C accelerator of NDArray (python/mxlite/_fastpath.c) against the pure-Python
path it replaces: every case is computed in this process and in a child process with
MXLITE_FASTPATH=0, and the results (values, dtypes, shapes, error types and messages)
must be identical."""
import gc
import json
import os
import pickle
import subprocess
import sys
import weakref

import numpy as np
import pytest

import mxlite as mx
from mxlite._lib import fastpath, LIBRARY_PATH

# Each case: an expression over a (2x3 float32), b (2x3), r (row, 3), i (2x3 int32).
CASES = [
    "a + b", "a - b", "a * b", "a / b", "a + r", "r - a", "a * r", "r / a",
    "a + 1", "a + 1.5", "a - 2", "a * -3", "a / 4", "1 + a", "2 - a", "3 * a", "4 / a",
    "a + True", "a * False", "-a", "-i", "i + 2", "i * 3", "i - 1.5", "2 - i",
    "a + np.float32(2)", "np.float64(2) - a", "a * np.int64(3)", "a + (1 << 70)",
    "a + np.ones((2, 3))", "np.ones((2, 3)) - a", "a * [1, 2, 3]", "a + float('inf')",
    "a * float('nan')", "a - 1e-30", "a + 0", "a + -0.0", "a / 0.0",
    "a + b.astype('float64')", "b.astype('float64') / 3", "a + mx.nd.ones((4,))", "a + 'x'", "i / 0",
    "iadd", "isub", "imul", "idiv", "iadd_scalar", "idiv_scalar", "iadd_np", "iadd_bcast",
    # the generic op call (generated mx.nd functions)
    "mx.nd.relu(a - 3)", "mx.nd.split(a, num_outputs=3, axis=1)", "mx.nd.concat(*([a] * 20), dim=0)",
    "mx.nd.add_n(*([b] * 18))", "mx.nd.sum(a, axis=1, keepdims=True)", "mx.nd.relu(a, out=b)",
    "mx.nd.dot(a, a, transpose_b=True)", "mx.nd.relu(a, nope=1)", "mx.nd.dot(a, a)",
    "mx.nd.topk(a, k=2, ret_typ='both')", "mx.nd.relu(a, out=[b])",
]


def _run(case):
    a = mx.nd.array(np.arange(6, dtype=np.float32).reshape(2, 3) + 1)
    b = mx.nd.array(np.full((2, 3), 0.5, dtype=np.float32))
    r = mx.nd.array(np.array([1, 2, 4], dtype=np.float32))
    i = mx.nd.array(np.arange(6).reshape(2, 3), dtype="int32")
    inplace = {"iadd": ("+=", "b"), "isub": ("-=", "b"), "imul": ("*=", "b"), "idiv": ("/=", "b"),
               "iadd_scalar": ("+=", "2.5"), "idiv_scalar": ("/=", "4"), "iadd_np": ("+=", "np.ones((2, 3))"),
               "iadd_bcast": ("+=", "r")}
    try:
        if case in inplace:
            op, rhs = inplace[case]
            c = a.copy()
            alias = c
            exec("c %s %s" % (op, rhs), {"np": np, "mx": mx}, {"c": c, "b": b, "r": r})
            assert alias is c
            out = c
        else:
            out = eval(case, {"np": np, "mx": mx}, {"a": a, "b": b, "r": r, "i": i})
        mx.nd.waitall()
        outs = out if isinstance(out, list) else [out]
        return [{"dtype": str(v.dtype), "shape": list(v.shape), "bits": v.tobytes().hex(),
                 "type": type(o).__name__} for o, v in ((o, o.asnumpy()) for o in outs)]
    except Exception as e:  # noqa: BLE001 - the error itself is the result
        return {"error": type(e).__name__, "message": str(e)}


def _pure_python_results():
    code = ("import json, sys; sys.path.insert(0, %r); import test_fastpath as t; "
            "from mxlite._lib import fastpath; assert fastpath is None; "
            "print(json.dumps([t._run(c) for c in t.CASES]))" % os.path.dirname(__file__))
    env = dict(os.environ, MXLITE_FASTPATH="0")
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout.strip().splitlines()[-1])


def _extension_built():
    import importlib.machinery
    folder = os.path.dirname(os.path.abspath(LIBRARY_PATH))
    return any(os.path.isfile(os.path.join(folder, "_fastpath" + s))
               for s in importlib.machinery.EXTENSION_SUFFIXES)


def test_accelerator_loaded_when_built():
    if os.environ.get("MXLITE_FASTPATH") == "0":
        assert fastpath is None
        assert "_PyNumber" in [c.__name__ for c in type(mx.nd.ones(1)).__mro__]
        return
    assert _extension_built(), "the test build always builds _fastpath next to libmxlite"
    assert fastpath is not None
    assert isinstance(mx.nd.ones(1), fastpath.NDArrayBase)


@pytest.mark.skipif(fastpath is None, reason="compares the C path with the pure-Python one")
def test_same_results_as_pure_python():
    expected = _pure_python_results()
    got = [_run(c) for c in CASES]
    for case, e, g in zip(CASES, expected, got):
        assert g == e, case
    # the set is meaningful: values, broadcasting, and each error kind occur
    errors = [g for g in got if isinstance(g, dict)]
    assert len(errors) == 6
    assert {r["dtype"] for g in got if isinstance(g, list) for r in g} >= {"float32", "float64", "int32"}
    assert max(len(g) for g in got if isinstance(g, list)) == 3


def test_autograd_through_operators():
    x = mx.nd.array([1.0, 2.0, 3.0])
    x.attach_grad()
    with mx.autograd.record():
        y = (x * x + 2 * x - x / 2.0) * 3 - 1
    y.backward()
    np.testing.assert_allclose(x.grad.asnumpy(), 3 * (2 * x.asnumpy() + 1.5), rtol=1e-6)


@pytest.mark.skipif(fastpath is None, reason="the C base type's slots")
def test_handle_meta_and_grad_slots():
    a = mx.nd.ones((2, 2))
    h = a.handle
    assert h is a.handle  # the cffi view is made once
    assert a._meta is None or a._meta[0] == (2, 2)
    assert a.shape == (2, 2) and a._meta[0] == (2, 2)
    assert a._grad is None
    w = weakref.ref(a)
    assert w() is a
    c = a + a
    assert c._meta == a._meta  # elementwise result shares the metadata
    assert pickle.loads(pickle.dumps(c)).asnumpy().tolist() == [[2, 2], [2, 2]]
    with pytest.raises(TypeError, match="handle"):
        a.handle = "not a handle"


def test_arrays_are_freed():
    mx.nd.waitall()
    gc.collect()
    before = mx.base.storage_stats()[0]
    a = mx.nd.ones((256, 256))
    for _ in range(200):
        c = a + a
        c = c * 2.0
        c -= 1
    del a, c
    mx.nd.waitall()
    gc.collect()
    assert mx.base.storage_stats()[0] == before


@pytest.mark.skipif(fastpath is None, reason="the C base type frees on handle = None")
def test_freed_handle_is_a_clear_error():
    a = mx.nd.ones((2,))
    b = mx.nd.ones((2,))
    a.handle = None  # frees it
    with pytest.raises(mx.MXNetError, match="handle"):
        a + b
