"""DLPack exchange: zero copy in both directions, versioned and legacy capsules."""
import gc

import numpy as np
import pytest

import mxlite as mx
from mxlite._lib import ffi, lib


def test_numpy_from_mxlite_shares_memory():
    a = mx.nd.array([[1, 2, 3], [4, 5, 6]])
    n = np.from_dlpack(a)
    assert n.shape == (2, 3) and n.dtype == np.float32
    n[0, 0] = 100
    assert a.asnumpy()[0, 0] == 100
    a[1, 2] = -7
    assert n[1, 2] == -7


@pytest.mark.parametrize("dtype", [np.float32, np.float64, np.float16, np.uint8, np.int8,
                                   np.int32, np.int64, np.bool_])
def test_dtypes_both_ways(dtype):
    src = (np.arange(6) % 2).reshape(3, 2).astype(dtype)
    a = mx.nd.from_dlpack(src)
    assert a.dtype is np.dtype(dtype).type and a.shape == (3, 2)
    np.testing.assert_array_equal(a.asnumpy(), src)
    back = np.from_dlpack(a)
    assert back.dtype == dtype
    np.testing.assert_array_equal(back, src)


def test_mxlite_from_numpy_shares_memory():
    x = np.arange(4, dtype=np.int32)
    a = mx.nd.from_dlpack(x)
    x[0] = 9
    assert a.asnumpy()[0] == 9
    a[1:2] = 42  # a write through mxlite lands in NumPy's buffer
    mx.nd.waitall()
    assert x[1] == 42


def test_import_keeps_producer_alive():
    x = np.arange(5, dtype=np.float64)
    a = mx.nd.from_dlpack(x)
    del x
    gc.collect()
    np.testing.assert_array_equal(a.asnumpy(), np.arange(5.0))


def test_export_outlives_array():
    a = mx.nd.array([1.0, 2.0, 3.0])
    n = np.from_dlpack(a)
    del a
    gc.collect()
    np.testing.assert_array_equal(n, [1, 2, 3])


def test_views_export_their_own_data():
    a = mx.nd.arange(12).reshape(3, 4)
    n = np.from_dlpack(a[1])
    np.testing.assert_array_equal(n, [4, 5, 6, 7])
    n[0] = -1
    assert a.asnumpy()[1, 0] == -1


def test_legacy_capsules_round_trip():
    a = mx.nd.array([1.0, 2.0, 3.0])
    cap = a.to_dlpack_for_read()
    assert "dltensor" in repr(cap)
    b = mx.nd.from_dlpack(cap)
    np.testing.assert_array_equal(b.asnumpy(), [1, 2, 3])
    b[0] = 10  # same memory
    assert a.asnumpy()[0] == 10
    with pytest.raises(TypeError):  # a capsule is consumed once
        mx.nd.from_dlpack(cap)
    c = mx.nd.to_dlpack_for_write(a)
    d = mx.nd.from_dlpack(c)
    assert d.shape == (3,)


def test_unconsumed_capsules_are_released():
    a = mx.nd.ones((1000,))
    for _ in range(100):
        a.__dlpack__(max_version=(1, 0))
        a.__dlpack__()
    gc.collect()
    np.testing.assert_array_equal(a.asnumpy(), np.ones(1000))


def test_versioned_capsule_by_default_for_new_consumers():
    a = mx.nd.ones((2,))
    assert "dltensor_versioned" in repr(a.__dlpack__(max_version=(1, 0)))
    assert "dltensor_versioned" not in repr(a.__dlpack__())


def test_dlpack_device():
    assert mx.nd.ones((2,)).__dlpack_device__() == (lib.MXL_CPU, 0)


def test_non_contiguous_numpy_is_rejected():
    x = np.arange(12.0).reshape(3, 4)[:, ::2]
    with pytest.raises((mx.MXNetError, BufferError, TypeError)):
        mx.nd.from_dlpack(x)
    np.testing.assert_array_equal(mx.nd.array(x, dtype=x.dtype).asnumpy(), x)


def test_from_numpy_zero_copy():
    x = np.ones((2, 2), dtype=np.float32)
    a = mx.nd.from_numpy(x)
    x[0, 0] = 5
    assert a.asnumpy()[0, 0] == 5
    b = mx.nd.from_numpy(x, zero_copy=False)
    x[0, 0] = 6
    assert b.asnumpy()[0, 0] == 5


def test_raw_export_struct():
    a = mx.nd.array([[1, 2], [3, 4]], dtype="int64")
    out = ffi.new("DLManagedTensorVersioned**")
    assert lib.mxl_nd_to_dlpack(a.handle, out) == 0
    t = out[0]
    assert t.version.major == lib.DLPACK_MAJOR_VERSION
    assert t.dl_tensor.ndim == 2 and list(t.dl_tensor.shape[0:2]) == [2, 2]
    assert t.dl_tensor.dtype.code == 0 and t.dl_tensor.dtype.bits == 64  # kDLInt
    t.deleter(t)


def test_legacy_producer_capsule_import_and_release():
    import sys
    x = np.arange(6, dtype=np.float32)
    base_refs = sys.getrefcount(x)
    a = mx.nd.from_dlpack(x.__dlpack__())  # a legacy "dltensor" capsule from NumPy
    assert sys.getrefcount(x) > base_refs  # NumPy keeps x alive for us
    x[0] = 42
    assert a.asnumpy()[0] == 42
    del a
    gc.collect()
    mx.nd.waitall()
    assert sys.getrefcount(x) == base_refs  # our deleter released it


def test_versioned_import_releases_producer():
    import sys
    x = np.arange(6, dtype=np.int64)
    base_refs = sys.getrefcount(x)
    a = mx.nd.from_dlpack(x)
    assert sys.getrefcount(x) > base_refs
    del a
    gc.collect()
    mx.nd.waitall()
    assert sys.getrefcount(x) == base_refs
