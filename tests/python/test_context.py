"""Contexts: construction, equality, repr, default context stack, error kinds."""
import pytest

import mxlite as mx


def test_repr_and_fields():
    assert repr(mx.cpu()) == "cpu(0)" and str(mx.cpu(1)) == "cpu(1)"
    assert repr(mx.gpu(2)) == "gpu(2)"
    c = mx.gpu(3)
    assert c.device_type == "gpu" and c.device_id == 3 and c.device_typeid == 2
    assert mx.Context("cpu", 1) == mx.cpu(1)
    assert mx.Context(mx.gpu(1)) == mx.gpu(1)


def test_equality_and_hash():
    assert mx.cpu() == mx.cpu(0)
    assert mx.cpu(0) != mx.cpu(1)
    assert mx.cpu(0) != mx.gpu(0)
    assert len({mx.cpu(), mx.cpu(0), mx.gpu(0)}) == 2
    assert mx.cpu() != "cpu(0)"


def test_default_context_stack():
    assert mx.context.current_context() == mx.cpu(0)
    with mx.cpu(1):
        assert mx.context.current_context() == mx.cpu(1)
        with mx.gpu(0):
            assert mx.context.current_context() == mx.gpu(0)
        assert mx.current_context() == mx.cpu(1)
    assert mx.context.current_context() == mx.cpu(0)


def test_arrays_use_the_default_context():
    with mx.cpu(0) as ctx:
        assert mx.nd.zeros((2,)).context == ctx
        assert mx.nd.array([1, 2]).context == ctx


def test_unknown_device_type():
    with pytest.raises(ValueError, match="unknown device type"):
        mx.Context("tpu", 0)


def test_num_gpus():
    n = mx.context.num_gpus()
    assert isinstance(n, int) and n >= 0
    if n == 0:  # no device here: a GPU context is a clear error, not a crash
        with pytest.raises(mx.MXNetError):
            mx.nd.ones((2,), ctx=mx.gpu(0)).asnumpy()


def test_error_hierarchy():
    assert issubclass(mx.base.MXNetIndexError, IndexError)
    assert issubclass(mx.base.MXNetIndexError, mx.MXNetError)
    assert mx.MXNetError is mx.base.MXNetError
    e = mx.base.error_for(mx._lib.lib.MXL_ERR_SHAPE, "msg")
    assert isinstance(e, mx.MXNetError) and e.kind == "MXL_ERR_SHAPE" and str(e) == "msg"
