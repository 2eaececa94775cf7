"""Replays every input the fuzzers (tests/fuzz) ever crashed on, each in a fresh
subprocess (a crash there is a test failure, not a dead test run), and states the
fixed bugs again as explicit calls, since a fuzz input for fuzz_op_params picks its
operator by index in the registry and drifts as operators are added.

Inputs named OPEN_* are known, still-unfixed crashes: expected failures (strict, so the
test says when one gets fixed).
"""
import os
import subprocess
import sys
import textwrap

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
FUZZ = os.path.join(REPO, "tests", "fuzz")
REGRESSIONS = os.path.join(FUZZ, "regressions")


def _inputs():
    found = []
    for target in sorted(os.listdir(REGRESSIONS)):
        for name in sorted(os.listdir(os.path.join(REGRESSIONS, target))):
            marks = [pytest.mark.xfail(strict=True, reason="open fuzz finding")] if name.startswith("OPEN_") else []
            found.append(pytest.param(target, name, id="%s/%s" % (target, name), marks=marks))
    return found


def _run(code, **env_extra):
    env = dict(os.environ, PYTHONPATH=os.path.join(REPO, "python"), **env_extra)
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], cwd=FUZZ, env=env,
                          capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("target,name", _inputs())
def test_fuzz_input_replays_cleanly(target, name):
    path = os.path.join(REGRESSIONS, target, name)
    # The op target found these with the hidden _backward_* ops in its table.
    proc = _run("""
        import sys
        import fuzzlib, fuzz_%s as t
        fuzzlib.limit_memory()
        t.test_one_input(open(%r, "rb").read())
        print("REPLAYED")
        """ % (target, path), MXL_FUZZ_HIDDEN_OPS="1")
    assert proc.returncode == 0 and "REPLAYED" in proc.stdout, (
        "replaying %s/%s: exit %d\n%s" % (target, name, proc.returncode, proc.stderr[-3000:]))


# The same bugs as explicit calls: (op, params, input shapes + dtypes, expected kind,
# message fragment). Each must fail cleanly through the public API.
EXPLICIT = [
    ("swapaxes", {}, [((), "float32")], "MXL_ERR_INVALID_ARGUMENT", "0-d"),
    ("max_axis", {"axis": "(0, 0)"}, [((), "float32")], None, None),  # a 0-d array: reduces nothing
    ("_backward_sum", {}, [((0, 0), "float32"), ((), "float32")], "MXL_ERR_SHAPE", "_backward_sum"),
    ("_backward_tile", {"reps": "(2,)"}, [((7,), "float32"), ((3,), "float32")], "MXL_ERR_SHAPE", "_backward_tile"),
    ("_backward_div", {}, [((), "float32"), ((4,), "float32"), ((), "float32")], "MXL_ERR_SHAPE", "_backward_div"),
    ("_backward_LinearRegressionOutput", {}, [((), "float32"), ((2, 3), "float32")], "MXL_ERR_SHAPE",
     "_backward_LinearRegressionOutput"),
    ("argmin", {"axis": "0"}, [((), "float32")], None, None),  # a 0-d array: index 0
    ("_backward_dot", {"transpose_a": "1"}, [((2, 0, 0), "float32"), ((2, 2, 2), "float32"), ((2, 2, 2), "float32")],
     "MXL_ERR_SHAPE", "_backward_dot"),
    ("_backward_where", {}, [((), "float32"), ((5, 5, 5), "float32")], "MXL_ERR_SHAPE", "_backward_where"),
    ("_backward_InstanceNorm", {}, [((), "float32"), ((), "float32"), ((0,), "float32")], "MXL_ERR_SHAPE",
     "InstanceNorm"),
]


@pytest.mark.parametrize("op,params,inputs,kind,fragment", EXPLICIT, ids=[c[0] for c in EXPLICIT])
def test_fixed_op_crash_is_clean(op, params, inputs, kind, fragment):
    proc = _run("""
        import mxlite as mx
        from mxlite._lib import ffi, lib, ERR_NAMES
        args = [mx.nd.ones(shape, dtype=dtype) for shape, dtype in %r]
        params = %r
        op = ffi.new("mxl_op*")
        assert lib.mxl_op_find(%r.encode(), op) == 0
        keep = [ffi.new("char[]", t.encode()) for kv in params.items() for t in kv]
        outs, nout = ffi.new("mxl_ndarray[4]"), ffi.new("int*", 4)
        rc = lib.mxl_imperative_invoke(op[0], len(args), ffi.new("mxl_ndarray[]", [a.handle for a in args] or [ffi.NULL]),
                                       len(params), ffi.new("const char*[]", keep[0::2] or [ffi.NULL]),
                                       ffi.new("const char*[]", keep[1::2] or [ffi.NULL]), nout, outs)
        for i in range(nout[0] if rc == 0 else 0):
            rc = rc or lib.mxl_nd_wait_to_read(outs[i])
        print("RESULT", "ok" if rc == 0 else ERR_NAMES[rc], ffi.string(lib.mxl_last_error()).decode() if rc else "")
        """ % (inputs, params, op))
    assert proc.returncode == 0, "%s crashed: %s" % (op, proc.stderr[-2000:])
    line = [l for l in proc.stdout.splitlines() if l.startswith("RESULT")][-1]
    if kind is None:
        assert line.strip() == "RESULT ok", line
    else:
        assert line.startswith("RESULT " + kind) and fragment in line, line


def test_shape_product_overflow_is_an_error():
    """(2^32, 2^32) wrapped to 0 elements: an array with no memory behind it."""
    proc = _run("""
        import mxlite as mx
        from mxlite._lib import ffi, lib
        out = ffi.new("mxl_ndarray*")
        for dims, dtype in (([1 << 32, 1 << 32], 0), ([1 << 31, 1 << 31], 0), ([1 << 62, 4], 6)):
            rc = lib.mxl_nd_create(ffi.new("int64_t[]", dims), 2, dtype, 1, 0, out)
            print("RESULT", rc, ffi.string(lib.mxl_last_error()).decode())
        """)
    assert proc.returncode == 0, proc.stderr[-2000:]
    lines = [l for l in proc.stdout.splitlines() if l.startswith("RESULT")]
    assert len(lines) == 3
    assert lines[0].startswith("RESULT 2 ") and "overflows" in lines[0]
    assert lines[1].startswith("RESULT 7 ") and "overflows" in lines[1]
    assert lines[2].startswith("RESULT 2 ") and "overflows" in lines[2]
