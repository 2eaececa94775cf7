"""Bad input gives a clear MXNetError (of the right kind) and the process survives.

Each test provokes one failure, checks the exception kind and message, then checks
that the library still works."""
import os

import numpy as np
import pytest

import mxlite as mx
from mxlite import _ops
from mxlite._lib import ffi, lib


def still_works():
    a = mx.nd.array([1.0, 2.0])
    np.testing.assert_allclose((a + a).asnumpy(), [2, 4])


def check(exc_info, kind, *words):
    e = exc_info.value
    assert isinstance(e, mx.MXNetError)
    assert isinstance(e, mx.base.MXNetError)
    assert e.kind == kind, (e.kind, str(e))
    for w in words:
        assert w in str(e), (w, str(e))
    still_works()


def test_unknown_op():
    with pytest.raises(mx.MXNetError) as e:
        _ops.get("no_such_operator")
    check(e, "MXL_ERR_NOT_FOUND", "no_such_operator")


def test_unknown_param():
    with pytest.raises(mx.MXNetError) as e:
        mx.nd.sum(mx.nd.ones((2, 2)), axiz=1)
    check(e, "MXL_ERR_NOT_FOUND", "sum", "axiz")


def test_malformed_param():
    with pytest.raises(mx.MXNetError) as e:
        mx.nd.sum(mx.nd.ones((2, 2)), axis="one")
    check(e, "MXL_ERR_INVALID_ARGUMENT", "sum", "axis", "one")
    assert isinstance(e.value, ValueError)


def test_out_of_range_param_value():
    with pytest.raises(mx.MXNetError) as e:
        mx.nd.sum(mx.nd.ones((2, 2)), axis=5)
    check(e, "MXL_ERR_INVALID_ARGUMENT", "sum", "5")


def test_broadcast_shape_mismatch():
    with pytest.raises(mx.MXNetError) as e:
        mx.nd.ones((2, 3)) + mx.nd.ones((4, 5))
    check(e, "MXL_ERR_SHAPE", "(2, 3)", "(4, 5)")


def test_elemwise_shape_mismatch():
    with pytest.raises(mx.MXNetError) as e:
        mx.nd.elemwise_add(mx.nd.ones((2, 3)), mx.nd.ones((3, 2)))
    check(e, "MXL_ERR_SHAPE", "elemwise_add")


def test_dot_inner_dims():
    with pytest.raises(mx.MXNetError) as e:
        mx.nd.dot(mx.nd.ones((2, 3)), mx.nd.ones((4, 5)))
    check(e, "MXL_ERR_SHAPE", "dot", "3", "4")


def test_reshape_size():
    with pytest.raises(mx.MXNetError) as e:
        mx.nd.ones((2, 3)).reshape((4, 2))
    check(e, "MXL_ERR_SHAPE", "(2, 3)")


def test_reshape_op_size():
    with pytest.raises(mx.MXNetError) as e:
        mx.nd.reshape(mx.nd.ones((2, 3)), shape=(5,))
    check(e, "MXL_ERR_SHAPE")


def test_dtype_mismatch():
    with pytest.raises(mx.MXNetError) as e:
        mx.nd.ones((2,), dtype="float32") + mx.nd.ones((2,), dtype="int32")
    check(e, "MXL_ERR_DTYPE", "float32", "int32")
    assert isinstance(e.value, TypeError)


def test_unsupported_dtype_for_op():
    with pytest.raises(mx.MXNetError) as e:
        # raised by the kernel, so at invoke time or at the next wait (like MXNet)
        mx.nd.softmax(mx.nd.ones((2,), dtype="int32")).asnumpy()
    check(e, "MXL_ERR_DTYPE", "softmax", "int32")


def test_index_out_of_range_in_library():
    # The C ABI's own check (the Python layer checks first for ints).
    out = ffi.new("mxl_ndarray*")
    a = mx.nd.ones((3, 2))
    rc = lib.mxl_nd_at(a.handle, 7, out)
    assert rc == lib.MXL_ERR_INDEX
    with pytest.raises(mx.MXNetError) as e:
        mx._lib.check_call(rc)
    check(e, "MXL_ERR_INDEX", "7", "3")
    assert isinstance(e.value, IndexError)


def test_index_out_of_range_python():
    with pytest.raises(IndexError, match="index 3 is out of bounds for axis 0 with size 3"):
        mx.nd.ones((3, 2))[3]
    still_works()


def test_freed_array_use():
    a = mx.nd.ones((2,))
    h = a.handle
    assert lib.mxl_nd_free(h) == 0
    a.handle = None  # the Python object must not free it again
    rc = lib.mxl_nd_wait_to_read(h)
    assert rc == lib.MXL_ERR_INVALID_HANDLE
    with pytest.raises(mx.MXNetError) as e:
        mx._lib.check_call(rc)
    check(e, "MXL_ERR_INVALID_HANDLE")
    # Freeing twice is also an error, not a crash.
    assert lib.mxl_nd_free(h) == lib.MXL_ERR_INVALID_HANDLE


def test_missing_file_load(tmp_path):
    path = str(tmp_path / "missing.params")
    with pytest.raises(mx.MXNetError) as e:
        mx.nd.load(path)
    check(e, "MXL_ERR_IO", "missing.params")


def test_corrupt_file_load(tmp_path):
    path = tmp_path / "corrupt.params"
    mx.nd.save(str(path), {"w": mx.nd.ones((4, 4))})
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])  # truncated
    with pytest.raises(mx.MXNetError) as e:
        mx.nd.load(str(path))
    check(e, "MXL_ERR_IO", "corrupt.params")
    path.write_bytes(b"not an mxnet file at all, just text" * 3)
    with pytest.raises(mx.MXNetError) as e:
        mx.nd.load(str(path))
    check(e, "MXL_ERR_IO", "corrupt.params")


@pytest.mark.parametrize("dtype", ["int32", "int64"])
def test_integer_division_by_zero_is_raised_at_wait(dtype):
    a = mx.nd.array([1, 2, 3], dtype=dtype)
    z = mx.nd.array([1, 0, 1], dtype=dtype)
    r = a / z  # pushed: returns at once
    with pytest.raises(mx.MXNetError) as e:
        r.asnumpy()
    check(e, "MXL_ERR_ARITHMETIC", "division by zero")
    assert isinstance(e.value, ZeroDivisionError)
    r2 = a % mx.nd.zeros((3,), dtype=dtype)
    with pytest.raises(mx.MXNetError) as e:
        r2.wait_to_read()
    check(e, "MXL_ERR_ARITHMETIC")


def test_async_error_reported_by_waitall():
    a = mx.nd.array([1, 2], dtype="int32")
    a / mx.nd.zeros((2,), dtype="int32")
    with pytest.raises(mx.MXNetError) as e:
        mx.nd.waitall()
    check(e, "MXL_ERR_ARITHMETIC")
    mx.nd.waitall()  # cleared


def test_gpu_context_without_gpu():
    if mx.context.num_gpus() > 0:
        pytest.skip("a GPU is present")
    with pytest.raises(mx.MXNetError) as e:
        mx.nd.zeros((2,), ctx=mx.gpu(0))
    check(e, "MXL_ERR_DEVICE", "gpu")


def test_bad_dtype_name():
    with pytest.raises(TypeError, match="unsupported dtype"):
        mx.nd.zeros((2,), dtype="complex64")
    still_works()


def test_save_bad_argument(tmp_path):
    with pytest.raises(TypeError):
        mx.nd.save(str(tmp_path / "x.params"), [np.ones(2)])
    still_works()


def test_error_kinds_are_named_from_header():
    assert set(mx._lib.ERR_NAMES.values()) >= {
        "MXL_ERR_INVALID_ARGUMENT", "MXL_ERR_SHAPE", "MXL_ERR_DTYPE", "MXL_ERR_NOT_FOUND",
        "MXL_ERR_DEVICE", "MXL_ERR_IO", "MXL_ERR_INDEX", "MXL_ERR_INVALID_HANDLE",
        "MXL_ERR_ARITHMETIC"}


def test_no_leftover_temp_files_after_save(tmp_path):
    mx.nd.save(str(tmp_path / "a.params"), [mx.nd.ones((2,))])
    assert os.listdir(tmp_path) == ["a.params"]
