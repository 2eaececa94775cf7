"""Handles are freed, threads can compute at once, and the interpreter exits cleanly
with work still pending."""
import gc
import os
import subprocess
import sys
import textwrap
import threading

import numpy as np
import pytest

import mxlite as mx
from mxlite._lib import ffi, lib


def _in_use():
    in_use = ffi.new("uint64_t*")
    peak = ffi.new("uint64_t*")
    pooled = ffi.new("uint64_t*")
    mx._lib.check_call(lib.mxl_storage_stats(lib.MXL_CPU, 0, in_use, peak, pooled))
    return in_use[0]


def test_temporaries_are_released():
    a = mx.nd.ones((256, 256))
    mx.nd.waitall()
    gc.collect()
    before = _in_use()
    for _ in range(200):
        b = (a + 1) * 2 - a
        c = b[1:3]
        d = b.reshape((-1,))
    del b, c, d
    mx.nd.waitall()
    gc.collect()
    assert _in_use() == before


def test_dlpack_exports_are_released():
    mx.nd.waitall()
    gc.collect()
    before = _in_use()
    a = mx.nd.ones((128, 128))
    views = [np.from_dlpack(a) for _ in range(10)]
    caps = [a.__dlpack__(max_version=(1, 0)) for _ in range(5)] + [a.to_dlpack_for_read()]
    del a, views, caps
    gc.collect()
    mx.nd.waitall()
    assert _in_use() == before


def test_threads_compute_concurrently():
    errors = []

    def work(k):
        try:
            x = mx.nd.full((64,), k)
            for i in range(300):
                x = x + 1
                y = mx.nd.sum(x * 2)
            np.testing.assert_allclose(x.asnumpy(), np.full(64, k + 300))
            np.testing.assert_allclose(y.asnumpy(), [2 * 64 * (k + 300)])
        except Exception as e:  # noqa: BLE001 -- reported by the main thread
            errors.append(e)

    threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors


def test_clean_exit_with_pending_work():
    code = textwrap.dedent("""
        import mxlite as mx
        a = mx.nd.ones((512, 512))
        keep = [a * i for i in range(50)]
        view = keep[3][1:5]
        print("done")
    """)
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([os.path.dirname(os.path.dirname(mx.__file__)),
                                         env.get("PYTHONPATH", "")])
    env.setdefault("MXLITE_LIBRARY", mx._lib.LIBRARY_PATH)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=120, env=env)
    assert out.returncode == 0, out.stderr
    assert out.stdout == "done\n"
    assert out.stderr == ""


def test_library_and_header_found():
    assert os.path.isfile(mx._lib.LIBRARY_PATH)
    assert mx._lib.HEADER_PATH.endswith(os.path.join("mxlite", "c_api.h"))
    assert mx._lib.ABI_VERSION // 10000 == lib.MXL_ABI_VERSION_MAJOR


def test_cdef_is_built_from_the_header():
    text = open(mx._lib.HEADER_PATH).read()
    cdef = mx._lib.cdef_from_header(text)
    assert "MXL_API" not in cdef and "extern" not in cdef and "/*" not in cdef
    assert "#define MXL_ERR_SHAPE 2" in cdef
    assert "int mxl_imperative_invoke(" in cdef


def test_abi_major_mismatch_is_refused(tmp_path):
    # A binding that expects another ABI major must refuse to load the library.
    code = textwrap.dedent("""
        import mxlite._lib as L
    """)
    src_dir = os.path.dirname(mx.__file__)
    fake = tmp_path / "mxlite"
    fake.mkdir()
    for name in os.listdir(src_dir):
        if name.endswith(".py"):
            text = open(os.path.join(src_dir, name)).read()
            if name == "_lib.py":
                text = text.replace("ABI_MAJOR = %d" % lib.MXL_ABI_VERSION_MAJOR,
                                    "ABI_MAJOR = %d" % (lib.MXL_ABI_VERSION_MAJOR + 1))
            (fake / name).write_text(text)
    (fake / "include" / "mxlite").mkdir(parents=True)
    (fake / "include" / "mxlite" / "c_api.h").write_text(open(mx._lib.HEADER_PATH).read())
    env = dict(os.environ)
    env["PYTHONPATH"] = str(tmp_path)
    env["MXLITE_LIBRARY"] = mx._lib.LIBRARY_PATH
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=120, env=env)
    assert out.returncode != 0
    assert "ImportError" in out.stderr and "ABI" in out.stderr


def test_blas_from_scipy_openblas32():
    import importlib.util
    if importlib.util.find_spec("scipy_openblas32") is None:
        pytest.skip("scipy_openblas32 is not installed")
    assert os.path.isfile(os.environ["MXLITE_BLAS_LIBRARY"])
    name = ffi.new("const char**")
    mx._lib.check_call(lib.mxl_blas_info(name))
    assert ffi.string(name[0]).decode() != "builtin"
