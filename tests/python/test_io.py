"""save / load round trips (MXNet .params format)."""
import numpy as np
import pytest

import mxlite as mx


def test_list_round_trip(tmp_path):
    path = str(tmp_path / "list.params")
    arrays = [mx.nd.array([[1, 2], [3, 4]]), mx.nd.array([5, 6, 7], dtype="int32"),
              mx.nd.array(np.linspace(0, 1, 5), dtype="float64")]
    mx.nd.save(path, arrays)
    back = mx.nd.load(path)
    assert isinstance(back, list) and len(back) == 3
    for a, b in zip(arrays, back):
        assert a.shape == b.shape and a.dtype is b.dtype
        np.testing.assert_array_equal(a.asnumpy(), b.asnumpy())


def test_dict_round_trip(tmp_path):
    path = str(tmp_path / "dict.params")
    d = {"arg:weight": mx.nd.ones((3, 4)), "aux:mean": mx.nd.zeros((4,), dtype="float16")}
    mx.nd.save(path, d)
    back = mx.nd.load(path)
    assert isinstance(back, dict) and set(back) == set(d)
    for k in d:
        assert back[k].dtype is d[k].dtype
        np.testing.assert_array_equal(back[k].asnumpy(), d[k].asnumpy())


def test_single_array_and_empty_list(tmp_path):
    path = str(tmp_path / "one.params")
    mx.nd.save(path, mx.nd.array([1.5]))
    back = mx.nd.load(path)
    assert len(back) == 1 and back[0].asscalar() == 1.5
    mx.nd.save(path, [])
    assert mx.nd.load(path) == []


@pytest.mark.parametrize("dtype", [np.float32, np.float64, np.float16, np.uint8, np.int8,
                                   np.int32, np.int64])
def test_dtypes(tmp_path, dtype):
    path = str(tmp_path / "d.params")
    x = (np.arange(10) % 7).astype(dtype)
    mx.nd.save(path, [mx.nd.array(x, dtype=dtype)])
    y = mx.nd.load(path)[0]
    assert y.dtype is np.dtype(dtype).type
    np.testing.assert_array_equal(y.asnumpy(), x)


def test_saved_views_and_lazy_results(tmp_path):
    path = str(tmp_path / "v.params")
    a = mx.nd.arange(12).reshape(3, 4)
    lazy = a * 2 + 1
    mx.nd.save(path, {"row": a[1], "lazy": lazy})
    back = mx.nd.load(path)
    np.testing.assert_array_equal(back["row"].asnumpy(), [4, 5, 6, 7])
    np.testing.assert_array_equal(back["lazy"].asnumpy(), np.arange(12).reshape(3, 4) * 2 + 1)


def test_overwrite_keeps_file_valid(tmp_path):
    path = str(tmp_path / "o.params")
    mx.nd.save(path, [mx.nd.ones((2,))])
    mx.nd.save(path, [mx.nd.zeros((3,))])
    np.testing.assert_array_equal(mx.nd.load(path)[0].asnumpy(), np.zeros(3))


def test_pathlike(tmp_path):
    path = tmp_path / "p.params"
    mx.nd.save(path, [mx.nd.ones((2,))])
    assert mx.nd.load(path)[0].shape == (2,)
