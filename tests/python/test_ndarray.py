"""NDArray: creation, properties, conversion, views, indexing and Python operators,
checked against NumPy and against MXNet 1.9's documented behaviour."""
import operator

import numpy as np
import pytest

import mxlite as mx
from mxlite._lib import ffi, lib

ALL_DTYPES = [np.float32, np.float64, np.float16, np.uint8, np.int8, np.int32, np.int64]


def same(a, b, **kw):
    np.testing.assert_allclose(np.asarray(a, dtype=np.float64), np.asarray(b, dtype=np.float64), **kw)


# ----------------------------------------------------------------- creation
def test_array_from_list_defaults_to_float32():
    a = mx.nd.array([[1, 2, 3], [4, 5, 6]])
    assert a.dtype is np.float32
    assert a.shape == (2, 3) and a.size == 6 and a.ndim == 2
    assert a.context == mx.cpu(0) and a.ctx == mx.cpu()
    same(a.asnumpy(), [[1, 2, 3], [4, 5, 6]])


def test_array_from_numpy_defaults_to_float32_like_mxnet():
    # MXNet 1.9: "The default dtype is source_array.dtype if source_array is an
    # NDArray, float32 otherwise."
    assert mx.nd.array(np.arange(3, dtype=np.int32)).dtype is np.float32
    assert mx.nd.array(np.arange(3.0)).dtype is np.float32


@pytest.mark.parametrize("dtype", ALL_DTYPES + [np.bool_])
def test_array_dtypes_round_trip(dtype):
    src = (np.arange(6) % 3).reshape(2, 3).astype(dtype)
    a = mx.nd.array(src, dtype=dtype)
    assert a.dtype is np.dtype(dtype).type
    out = a.asnumpy()
    assert out.dtype == dtype
    np.testing.assert_array_equal(out, src)


def test_array_from_ndarray_copies_and_keeps_dtype():
    a = mx.nd.array([1, 2], dtype="int64")
    b = mx.nd.array(a)
    assert b.dtype is np.int64
    b[:] = 7
    same(a.asnumpy(), [1, 2])
    assert mx.nd.array(a, dtype="float64").dtype is np.float64


def test_array_from_scalar_is_0d():
    a = mx.nd.array(3.5)
    assert a.shape == ()
    assert a.asscalar() == 3.5


def test_zeros_ones_full_empty():
    z = mx.nd.zeros((2, 3))
    assert z.shape == (2, 3) and z.dtype is np.float32
    same(z.asnumpy(), np.zeros((2, 3)))
    assert mx.nd.zeros(4).shape == (4,)
    o = mx.nd.ones((3,), dtype="int32")
    assert o.dtype is np.int32
    same(o.asnumpy(), [1, 1, 1])
    f = mx.nd.full((2, 2), 7)
    same(f.asnumpy(), np.full((2, 2), 7))
    assert mx.nd.full((2,), 3, dtype=np.int64).dtype is np.int64
    e = mx.nd.empty((4, 5), dtype="float64")
    assert e.shape == (4, 5) and e.dtype is np.float64


def test_arange():
    same(mx.nd.arange(5).asnumpy(), np.arange(5))
    assert mx.nd.arange(5).dtype is np.float32
    same(mx.nd.arange(2, 8, 2).asnumpy(), [2, 4, 6])
    same(mx.nd.arange(0, 3, repeat=2).asnumpy(), [0, 0, 1, 1, 2, 2])
    a = mx.nd.arange(0, 5, dtype="int32")
    assert a.dtype is np.int32
    same(mx.nd.arange(0, 1, 0.25).asnumpy(), [0, 0.25, 0.5, 0.75])


def test_context_placement():
    a = mx.nd.zeros((2,), ctx=mx.cpu(0))
    assert a.context == mx.cpu(0)
    with mx.cpu(0):
        assert mx.nd.ones((1,)).context == mx.cpu(0)


# ----------------------------------------------------------------- conversion
def test_asnumpy_is_a_copy():
    a = mx.nd.array([1, 2, 3])
    n = a.asnumpy()
    n[0] = 100
    same(a.asnumpy(), [1, 2, 3])


def test_asscalar_and_python_scalars():
    a = mx.nd.array([2.5])
    assert a.asscalar() == 2.5 and isinstance(a.asscalar(), np.float32)
    assert float(a) == 2.5 and int(mx.nd.array([3.9])) == 3
    with pytest.raises(ValueError, match="not a scalar"):
        mx.nd.array([1, 2]).asscalar()
    with pytest.raises(TypeError):
        float(mx.nd.array([1, 2]))


def test_bool():
    assert bool(mx.nd.array([1])) is True
    assert bool(mx.nd.array([0])) is False
    assert bool(mx.nd.zeros((0,))) is False
    with pytest.raises(ValueError, match="ambiguous"):
        bool(mx.nd.array([1, 2]))


def test_len_and_iter():
    a = mx.nd.array([[1, 2], [3, 4], [5, 6]])
    assert len(a) == 3
    rows = list(a)
    assert [r.shape for r in rows] == [(2,)] * 3
    same(rows[2].asnumpy(), [5, 6])
    with pytest.raises(TypeError):
        len(mx.nd.array(1.0))


def test_numpy_array_protocol():
    a = mx.nd.array([[1, 2], [3, 4]])
    n = np.asarray(a)
    assert n.dtype == np.float32 and n.shape == (2, 2)
    same(np.array(a, dtype=np.float64), [[1, 2], [3, 4]])
    same(np.sum(a), 10)


def test_copy_copyto_as_in_context_astype():
    a = mx.nd.array([1.5, 2.5])
    b = a.copy()
    b[:] = 0
    same(a.asnumpy(), [1.5, 2.5])
    dst = mx.nd.zeros((2,), dtype="float64")
    assert a.copyto(dst) is dst
    same(dst.asnumpy(), [1.5, 2.5])
    c = a.copyto(mx.cpu(0))
    assert c is not a and c.context == mx.cpu(0)
    assert a.as_in_context(mx.cpu(0)) is a
    i = a.astype("int32")
    assert i.dtype is np.int32
    same(i.asnumpy(), [1, 2])
    assert a.astype(np.float32, copy=False) is a
    assert a.astype(np.float32) is not a
    with pytest.raises(TypeError):
        a.copyto("cpu")


def test_wait_and_waitall():
    a = mx.nd.ones((100,)) * 3
    a.wait_to_read()
    a.wait_to_write()
    mx.nd.waitall()
    same(a.asnumpy(), np.full(100, 3))


# ----------------------------------------------------------------- repr
def test_repr_like_mxnet():
    assert repr(mx.nd.ones((1, 2))) == "\n[[1. 1.]]\n<NDArray 1x2 @cpu(0)>"
    assert repr(mx.nd.array([1, 2, 3], dtype="int32")) == "\n[1 2 3]\n<NDArray 3 @cpu(0)>"
    assert repr(mx.nd.array(5)) == "\n5.0\n<NDArray  @cpu(0)>"
    assert str(mx.nd.ones((2,))) == "\n[1. 1.]\n<NDArray 2 @cpu(0)>"
    assert repr(mx.nd.array([True, False], dtype=np.bool_)) == "\n[ True False]\n<NDArray 2 @cpu(0)>"
    big = repr(mx.nd.arange(2000))
    assert big == "\n[0.000e+00 1.000e+00 2.000e+00 ... 1.997e+03 1.998e+03 1.999e+03]\n<NDArray 2000 @cpu(0)>"


def test_repr_dtypes_and_ranks_like_mxnet():
    # Strings printed by MXNet 1.9.1 for the same calls.
    assert repr(mx.nd.array([1.5, -2, 3], dtype="uint8")) == "\n[  1 254   3]\n<NDArray 3 @cpu(0)>"
    assert repr(mx.nd.array([1.5, -2, 3], dtype="float16")) == "\n[ 1.5 -2.   3. ]\n<NDArray 3 @cpu(0)>"
    assert repr(mx.nd.array([1.5, -2, 3], dtype="int8")) == "\n[ 1 -2  3]\n<NDArray 3 @cpu(0)>"
    assert repr(mx.nd.array([[1e-5, 1e5]])) == "\n[[1.e-05 1.e+05]]\n<NDArray 1x2 @cpu(0)>"
    assert repr(mx.nd.array(np.arange(8).reshape(2, 2, 2))) == (
        "\n[[[0. 1.]\n  [2. 3.]]\n\n [[4. 5.]\n  [6. 7.]]]\n<NDArray 2x2x2 @cpu(0)>")


# ----------------------------------------------------------------- views
def test_reshape_is_a_view():
    a = mx.nd.arange(6)
    b = a.reshape((2, 3))
    assert b.shape == (2, 3)
    b[0, 0] = 100
    assert a.asnumpy()[0] == 100
    assert a.reshape(3, 2).shape == (3, 2)
    assert a.reshape(shape=(6, 1)).shape == (6, 1)
    assert a.reshape(-1, 2).shape == (3, 2)


def test_reshape_codes():
    x = mx.nd.zeros((2, 3, 4))
    assert x.reshape((0, -1)).shape == (2, 12)
    assert x.reshape((-2,)).shape == (2, 3, 4)
    assert x.reshape((-3, 4)).shape == (6, 4)
    assert x.reshape((-4, 1, 2, -2)).shape == (1, 2, 3, 4)
    assert x.reshape((-1, 0), reverse=True).shape == (6, 4)


def test_transpose_flatten_expand_squeeze():
    a = mx.nd.array([[1, 2, 3], [4, 5, 6]])
    same(a.T.asnumpy(), [[1, 4], [2, 5], [3, 6]])
    v = mx.nd.array([1, 2])
    assert v.T is v
    same(a.transpose().asnumpy(), a.asnumpy().T)
    same(mx.nd.zeros((2, 3, 4)).transpose((1, 0, 2)).shape, (3, 2, 4))
    same(mx.nd.zeros((2, 3, 4)).transpose(2, 0, 1).shape, (4, 2, 3))
    assert mx.nd.zeros((2, 3, 4)).flatten().shape == (2, 12)
    assert a.expand_dims(0).shape == (1, 2, 3)
    assert a.expand_dims(axis=-1).shape == (2, 3, 1)
    assert mx.nd.zeros((1, 3, 1)).squeeze().shape == (3,)
    assert mx.nd.zeros((1, 3, 1)).squeeze(axis=0).shape == (3, 1)


# ----------------------------------------------------------------- indexing
def _pair(shape=(2, 3, 4)):
    n = np.arange(int(np.prod(shape)), dtype=np.float32).reshape(shape)
    return mx.nd.array(n), n


@pytest.mark.parametrize("key", [
    0, 1, -1, slice(None), slice(0, 1), slice(1, None), slice(-1, None), slice(None, None, 2),
    (1, 2), (0, slice(1, 3)), (slice(None), 1), (slice(None), slice(0, 2)),
    (1, slice(None), 2), (Ellipsis, 1), (slice(None), slice(None, None, -1)),
    (0, 1, slice(1, 3)), (slice(1, 2), slice(0, 3, 2), slice(1, 4)), (None, 1),
])
def test_getitem_matches_numpy(key):
    a, n = _pair()
    got = a[key]
    exp = n[key]
    assert got.shape == exp.shape
    same(got.asnumpy(), exp)


def test_getitem_all_ints_gives_shape_1_like_mxnet():
    a, n = _pair()
    assert a[1, 2, 3].shape == (1,)
    same(a[1, 2, 3].asnumpy(), [n[1, 2, 3]])
    v = mx.nd.array([1, 2, 3])
    assert v[1].shape == (1,)
    same(v[-1].asnumpy(), [3])


def test_getitem_contiguous_results_are_views():
    a, _ = _pair()
    row = a[1]
    row[:] = -1
    assert (a.asnumpy()[1] == -1).all()
    part = a[0, 1:3]
    part[:] = -2
    assert (a.asnumpy()[0, 1:3] == -2).all()
    rows = a[0:1]
    rows[:] = -3
    assert (a.asnumpy()[0] == -3).all()


def test_getitem_strided_is_a_copy():
    a, _ = _pair()
    col = a[:, 1]
    col[:] = 99
    assert not (a.asnumpy()[:, 1] == 99).any()


def test_getitem_array_index_takes_rows():
    a, n = _pair()
    same(a[[1, 0]].asnumpy(), n[[1, 0]])
    same(a[mx.nd.array([1])].asnumpy(), n[[1]])
    same(a[np.array([0, 1, 1])].asnumpy(), n[[0, 1, 1]])


def test_getitem_array_index_errors():
    a, _ = _pair()
    with pytest.raises(IndexError, match="index 2 is out of bounds for axis 0 with size 2"):
        a[[0, 2]]
    with pytest.raises(TypeError, match="boolean"):
        a[[True, False]]
    with pytest.raises(TypeError, match="not supported"):
        a[1.5]


@pytest.mark.parametrize("key,axis,size", [(5, 0, 2), (-3, 0, 2), ((0, 7), 1, 3),
                                           ((0, 0, 4), 2, 4)])
def test_getitem_out_of_range(key, axis, size):
    a, _ = _pair()
    with pytest.raises(IndexError) as e:
        a[key]
    idx = key if isinstance(key, int) else key[-1]
    assert str(e.value) == "index %d is out of bounds for axis %d with size %d" % (idx, axis, size)


def test_getitem_too_many_indices():
    with pytest.raises(IndexError, match="too many indices"):
        mx.nd.zeros((2, 2))[0, 0, 0]


def test_getitem_clipped_slice_like_numpy():
    a, n = _pair()
    assert a[1:5].shape == n[1:5].shape
    same(a[-5:1].asnumpy(), n[-5:1])


@pytest.mark.parametrize("key,value", [
    (slice(None), 5.0),
    (slice(None), np.array([1, 2, 3, 4], dtype=np.float32)),
    (slice(None), [[1], [2], [3]]),
    (1, 7),
    (-1, np.arange(12).reshape(3, 4)),
    (slice(0, 1), 3),
    ((0, 1), [9, 8, 7, 6]),
    ((1, 2, 3), -5),
    ((slice(None), 1), 4),
    ((slice(None), slice(1, 3)), np.ones((2, 2, 4))),
    ((0, slice(None), slice(0, 4, 2)), [[1, 2]]),
    ((Ellipsis, 0), 2.5),
])
def test_setitem_matches_numpy(key, value):
    a, n = _pair()
    a[key] = value
    n[key] = value
    same(a.asnumpy(), n)


def test_setitem_with_ndarray_values():
    a, n = _pair()
    a[:] = mx.nd.ones((3, 4)) * 2
    n[:] = 2
    same(a.asnumpy(), n)
    a[1] = mx.nd.arange(12).reshape(3, 4)
    n[1] = np.arange(12).reshape(3, 4)
    same(a.asnumpy(), n)
    a[:, 0:2] = mx.nd.array([[5, 5, 5, 5], [6, 6, 6, 6]])
    n[:, 0:2] = [[5, 5, 5, 5], [6, 6, 6, 6]]
    same(a.asnumpy(), n)
    a[:] = mx.nd.array([1, 2, 3, 4])  # broadcast like MXNet
    n[:] = [1, 2, 3, 4]
    same(a.asnumpy(), n)


def test_setitem_converts_dtype():
    a = mx.nd.zeros((3,), dtype="int32")
    a[:] = np.array([1.7, 2.2, -3.9])
    same(a.asnumpy(), [1, 2, -3])
    a[:] = mx.nd.array([4.5, 5.5, 6.5])
    same(a.asnumpy(), [4, 5, 6])
    b = mx.nd.zeros((2, 3), dtype="int64")
    b[:, 1] = mx.nd.array([7.5, 8.5])  # strided target: through _slice_assign
    b[1, ::2] = 3.9
    same(b.asnumpy(), [[0, 7, 0], [3, 8, 3]])


def test_setitem_out_of_range():
    a = mx.nd.zeros((2, 3))
    with pytest.raises(IndexError, match="index 2 is out of bounds for axis 0 with size 2"):
        a[2] = 1


def test_setitem_shape_mismatch_is_an_error():
    a = mx.nd.zeros((2, 3))
    with pytest.raises(ValueError):
        a[:] = np.ones((4,))


# ----------------------------------------------------------------- operators
BINOPS = [operator.add, operator.sub, operator.mul, operator.truediv, operator.mod,
          operator.pow]
CMPOPS = [operator.eq, operator.ne, operator.gt, operator.ge, operator.lt, operator.le]


def _np_binop(op, a, b):
    with np.errstate(invalid="ignore"):  # (-1.5) ** 0.5 is NaN on both sides
        if op is operator.mod:
            return np.mod(a, b)
        return op(a, b)


@pytest.mark.parametrize("op", BINOPS + CMPOPS, ids=lambda o: o.__name__)
@pytest.mark.parametrize("shapes", [((2, 3), (2, 3)), ((2, 3), (1, 3)), ((4, 1), (1, 5)),
                                    ((2, 3, 4), (3, 1))])
def test_binary_operators_with_broadcasting(op, shapes):
    rng = np.random.RandomState(1)
    # Small positive integers as floats: equal elements occur, and / % ** are defined.
    x = rng.randint(1, 4, shapes[0]).astype(np.float32)
    y = rng.randint(1, 4, shapes[1]).astype(np.float32)
    got = op(mx.nd.array(x), mx.nd.array(y))
    exp = _np_binop(op, x, y).astype(np.float32)
    assert got.shape == exp.shape and got.dtype is np.float32
    same(got.asnumpy(), exp, rtol=1e-5)


@pytest.mark.parametrize("op", BINOPS + CMPOPS, ids=lambda o: o.__name__)
@pytest.mark.parametrize("scalar", [2, 0.5, -1.5])
def test_scalar_operators_both_sides(op, scalar):
    x = np.array([[0.5, 1.0, 2.0], [3.0, 1.5, 0.25]], dtype=np.float32)
    a = mx.nd.array(x)
    s32 = np.float32(scalar)
    for got, exp in [(op(a, scalar), _np_binop(op, x, s32)), (op(scalar, a), _np_binop(op, s32, x))]:
        assert got.dtype is np.float32 and got.shape == x.shape
        same(got.asnumpy(), np.asarray(exp, dtype=np.float32), rtol=1e-5)


@pytest.mark.parametrize("dtype", [np.int32, np.int64, np.float64, np.uint8, np.int8])
def test_operators_keep_dtype(dtype):
    x = np.array([1, 2, 3, 4], dtype=dtype)
    y = np.array([4, 3, 2, 1], dtype=dtype)
    a, b = mx.nd.array(x, dtype=dtype), mx.nd.array(y, dtype=dtype)
    for got, exp in [(a + b, x + y), (a * b, x * y), (a - 1, x - 1), (a * 2, x * 2),
                     (a == b, (x == y).astype(dtype)), (a > 2, (x > 2).astype(dtype)),
                     (a % 3, np.mod(x, 3))]:
        assert got.dtype is np.dtype(dtype).type
        np.testing.assert_array_equal(got.asnumpy(), exp.astype(dtype))


def test_scalar_strings_keep_sign_and_nan():
    a = mx.nd.array([1.0, 2.0])
    assert np.isnan((a * float("nan")).asnumpy()).all()
    assert np.signbit((a * -0.0).asnumpy()).all()
    assert not np.signbit((a * 0.0).asnumpy()).any()
    same((a + np.float32(0.5)).asnumpy(), [1.5, 2.5])
    same((a + True).asnumpy(), [2, 3])


def test_unary_operators():
    x = np.array([-1.5, 0.0, 2.0], dtype=np.float32)
    a = mx.nd.array(x)
    same((-a).asnumpy(), -x)
    same(abs(a).asnumpy(), np.abs(x))
    assert (+a) is a


def test_in_place_operators_write_into_self():
    a = mx.nd.array([1.0, 2.0, 3.0])
    alias = a
    a += 1
    a -= mx.nd.array([1.0, 1.0, 1.0])
    a *= 2
    a /= 4
    a **= 2
    a %= 2
    assert a is alias
    exp = np.mod(((np.array([1.0, 2, 3]) + 1 - 1) * 2 / 4) ** 2, 2)
    same(a.asnumpy(), exp)
    b = mx.nd.ones((2, 3))
    b += mx.nd.array([1.0, 2.0, 3.0])  # broadcast rhs into self
    same(b.asnumpy(), [[2, 3, 4], [2, 3, 4]])


def test_in_place_through_a_view():
    a = mx.nd.zeros((2, 3))
    row = a[1]
    row += 5
    same(a.asnumpy(), [[0, 0, 0], [5, 5, 5]])


def test_numpy_operand():
    a = mx.nd.array([1.0, 2.0])
    same((a + np.array([10.0, 20.0])).asnumpy(), [11, 22])
    r = np.array([10.0, 20.0]) - a
    assert isinstance(r, mx.nd.NDArray)
    same(r.asnumpy(), [9, 18])


def test_unsupported_operand_type():
    with pytest.raises(TypeError):
        mx.nd.ones((2,)) + "x"


def test_chained_lazy_expression():
    a = mx.nd.ones((10,))
    b = mx.nd.ones((10,))
    c = (a + b) / 10.0
    d = b + 1
    same(c.asnumpy(), np.full(10, 0.2))
    same(d.asnumpy(), np.full(10, 2))


def test_result_metadata_matches_the_library():
    # The operator fast path records result shape/dtype without asking the library;
    # they must agree with what the library reports.
    a = mx.nd.array([[1, 2], [3, 4]], dtype="int32")
    b = mx.nd.array([[1, 0], [3, 1]], dtype="int32")
    for r in [a + b, a - b, a * b, a == b, a > b, a + 1, 2 - a, a % 3, a ** 2, -a,
              mx.nd.array([1.5, 2.5]) / 2]:
        cached = r._meta
        r._meta = None
        assert r._load_meta() == cached or cached is None


def test_pickle_and_copy_by_value():
    import copy
    import pickle
    a = mx.nd.array([[1, 2], [3, 4]], dtype="int64")
    for b in [pickle.loads(pickle.dumps(a)), copy.deepcopy(a)]:
        assert b.dtype is np.int64 and b.shape == (2, 2) and b.handle != a.handle
        np.testing.assert_array_equal(b.asnumpy(), a.asnumpy())


# ----------------------------------------------------------------- lifetime
def test_free_releases_handles():
    a = mx.nd.ones((3,))
    h = a.handle
    del a
    # The handle is gone: the library reports it as invalid, no crash.
    dims = ffi.new("int64_t[10]")
    n = ffi.new("int*")
    rc = lib.mxl_nd_info(h, n, dims, ffi.NULL, ffi.NULL, ffi.NULL)
    assert rc == lib.MXL_ERR_INVALID_HANDLE


def test_view_outlives_base():
    a = mx.nd.arange(6).reshape(2, 3)
    row = a[1]
    del a
    same(row.asnumpy(), [3, 4, 5])
