"""Random sampling: MXNet signatures, distributions, seed reproducibility."""
import numpy as np
import pytest

import mxlite as mx


def test_uniform_distribution():
    x = mx.nd.random.uniform(-1, 3, shape=(20000,)).asnumpy()
    assert x.dtype == np.float32 and x.shape == (20000,)
    assert x.min() >= -1 and x.max() < 3
    assert abs(x.mean() - 1.0) < 0.05
    assert abs(x.var() - 16 / 12) < 0.05


def test_normal_distribution():
    x = mx.nd.random.normal(2, 0.5, shape=(100, 200)).asnumpy()
    assert x.shape == (100, 200)
    assert abs(x.mean() - 2) < 0.02
    assert abs(x.std() - 0.5) < 0.02


def test_randint():
    x = mx.nd.random.randint(-3, 5, shape=(10000,))
    assert x.dtype is np.int32
    v = x.asnumpy()
    assert v.min() == -3 and v.max() == 4
    assert set(np.unique(v)) == set(range(-3, 5))
    assert mx.nd.random.randint(0, 10, shape=(3,), dtype="int64").dtype is np.int64


def test_dtype_ctx_out():
    assert mx.nd.random.uniform(shape=(2,), dtype="float64").dtype is np.float64
    assert mx.nd.random.normal(shape=(2,), ctx=mx.cpu(0)).context == mx.cpu(0)
    out = mx.nd.zeros((5,))
    r = mx.nd.random.uniform(10, 11, shape=(5,), out=out)
    assert r is out
    assert (out.asnumpy() >= 10).all()


def test_default_shape_is_one_element_like_mxnet():
    assert mx.nd.random.uniform().shape == (1,)


@pytest.mark.parametrize("sampler", [
    lambda: mx.nd.random.uniform(0, 1, shape=(50,)),
    lambda: mx.nd.random.normal(0, 1, shape=(50,)),
    lambda: mx.nd.random.randint(0, 100, shape=(50,)),
])
def test_seed_reproducibility(sampler):
    mx.random.seed(42)
    a = sampler().asnumpy()
    b = sampler().asnumpy()
    mx.random.seed(42)
    c = sampler().asnumpy()
    np.testing.assert_array_equal(a, c)
    assert not np.array_equal(a, b)
    mx.random.seed(43)
    assert not np.array_equal(a, sampler().asnumpy())


def test_seed_per_context():
    mx.random.seed(7, ctx=mx.cpu(0))
    a = mx.nd.random.uniform(shape=(10,)).asnumpy()
    mx.random.seed(7, ctx=mx.cpu(0))
    np.testing.assert_array_equal(a, mx.nd.random.uniform(shape=(10,)).asnumpy())


def test_seed_validation():
    with pytest.raises(ValueError):
        mx.random.seed("x")
    with pytest.raises(ValueError):
        mx.random.seed(1, ctx="gpu")


def test_mx_random_aliases():
    assert mx.random.uniform is mx.nd.random.uniform
    assert mx.random.normal is mx.nd.random.normal


def test_exponential_distribution():
    x = mx.nd.random.exponential(2.0, shape=(40000,)).asnumpy()
    assert x.dtype == np.float32 and (x >= 0).all()
    assert abs(x.mean() - 2.0) < 0.06  # mean = scale
    assert abs(x.var() - 4.0) < 0.3


def test_gamma_distribution():
    x = mx.nd.random.gamma(3.0, 0.5, shape=(40000,)).asnumpy()
    assert (x > 0).all()
    assert abs(x.mean() - 1.5) < 0.03  # alpha * beta
    assert abs(x.var() - 0.75) < 0.05  # alpha * beta**2


def test_poisson_distribution():
    x = mx.nd.random.poisson(4.0, shape=(40000,))
    assert x.dtype is np.float32
    v = x.asnumpy()
    assert (v == np.round(v)).all() and (v >= 0).all()
    assert abs(v.mean() - 4.0) < 0.06
    assert abs(v.var() - 4.0) < 0.2


def test_randn_and_generated_aliases():
    assert mx.nd.random.randn(2, 3).shape == (2, 3)
    # Registry ops named _random_* appear in mx.nd.random without the prefix.
    for name in mx._ops.op_names():
        if name.startswith("_random_"):
            assert callable(getattr(mx.nd.random, name[len("_random_"):]))


def test_sym_random_has_mxnet_signatures_and_names():
    # MXNet 1.9: positional distribution parameters, nodes named by operator.
    s = mx.sym.random.uniform(-1, 3, shape=(4000,))
    assert s.name.startswith("_random_uniform")
    assert mx.sym.random.normal(shape=(2,)).name.startswith("_random_normal")
    assert mx.sym.random.gamma(alpha=2.0, shape=(2,)).name.startswith("_random_gamma")
    assert s.infer_shape() == ([], [(4000,)], [])
    x = s.bind(mx.cpu(), {}).forward()[0].asnumpy()
    assert x.min() >= -1 and x.max() < 3 and abs(x.mean() - 1.0) < 0.2
    # exponential takes MXNet's scale (mean), as mx.nd.random.exponential does
    e = mx.sym.random.exponential(4.0, shape=(20000,), name="e")
    assert e.name == "e"
    assert abs(e.bind(mx.cpu(), {}).forward()[0].asnumpy().mean() - 4.0) < 0.3
    r = mx.sym.random.randint(0, 3, shape=(50,)).bind(mx.cpu(), {}).forward()[0].asnumpy()
    assert set(np.unique(r)) <= {0, 1, 2}


def test_random_randint_rejects_tensor_bounds():
    with pytest.raises(TypeError, match="_random_randint: the distribution parameters must be numbers"):
        mx.nd.random.randint(mx.nd.zeros((2,)), mx.nd.ones((2,)))
    with pytest.raises(TypeError, match="_random_randint"):
        mx.sym.random.randint(mx.sym.Variable("lo"), mx.sym.Variable("hi"))
