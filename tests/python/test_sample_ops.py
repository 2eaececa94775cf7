"""MXNet's per-element samplers (_sample_uniform, _sample_normal, ...) and the scalar
negative binomials: each element of the parameter arrays is its own distribution,
the `shape` parameter adds draws per distribution, outputs are float32 unless dtype
says otherwise, seeds reproduce, and mx.nd.random.* / mx.sym.random.* reach them
when the distribution parameters are arrays / symbols.

Statistical checks use enough draws that the tolerances are several standard errors
wide; the seed is fixed, so they are deterministic."""
import math

import numpy as np
import pytest

import mxlite as mx
from mxlite.base import MXNetError

nd = mx.nd
N = 40000  # draws per distribution in the statistical checks


@pytest.fixture(autouse=True)
def _seed():
    mx.random.seed(1234)


def _draws(op, *params, **kwargs):
    """(len(params[0]), N) draws of op with 1-d float64 parameter lists."""
    arrays = [nd.array(np.array(p, dtype=np.float64), dtype="float64") for p in params]
    out = getattr(nd._internal, op)(*arrays, shape=(N,), **kwargs)
    assert out.shape == (len(params[0]), N)
    return out.asnumpy().astype(np.float64)


def _check_moments(x, means, variances):
    """Each row's mean and variance match, within 6 standard errors."""
    for row, m, v in zip(x, means, variances):
        se_mean = math.sqrt(v / N) if v > 0 else 1e-12
        assert abs(row.mean() - m) < 6 * se_mean + 1e-6, (row.mean(), m)
        if v > 0:
            assert abs(row.var() / v - 1) < 0.08, (row.var(), v)
        else:
            assert row.var() == 0


# ------------------------------------------------------------------ distributions
def test_uniform_each_element_has_its_own_interval():
    low, high = [-1.0, 2.0, 10.0], [0.0, 5.0, 10.5]
    x = _draws("_sample_uniform", low, high)
    for row, lo, hi in zip(x, low, high):
        assert row.min() >= lo and row.max() < hi
    _check_moments(x, [(l + h) / 2 for l, h in zip(low, high)], [(h - l) ** 2 / 12 for l, h in zip(low, high)])


def test_normal_each_element_has_its_own_mean_and_scale():
    mu, sigma = [0.0, 5.0, -3.0], [1.0, 0.1, 2.0]
    _check_moments(_draws("_sample_normal", mu, sigma), mu, [s * s for s in sigma])
    # sigma 0 is the point mass at mu (MXNet's result)
    assert (_draws("_sample_normal", [2.5], [0.0]) == 2.5).all()


def test_gamma_shape_and_scale_per_element():
    alpha, beta = [0.5, 2.0, 9.0], [1.0, 0.5, 2.0]
    x = _draws("_sample_gamma", alpha, beta)
    assert (x >= 0).all()
    _check_moments(x, [a * b for a, b in zip(alpha, beta)], [a * b * b for a, b in zip(alpha, beta)])
    # alpha 0 gives 0, as in MXNet's documented example
    assert (_draws("_sample_gamma", [0.0], [1.0]) == 0).all()


def test_exponential_rate_per_element():
    lam = [0.5, 2.0, 10.0]
    x = _draws("_sample_exponential", lam)
    assert (x >= 0).all()
    _check_moments(x, [1 / l for l in lam], [1 / (l * l) for l in lam])


def test_poisson_integral_with_mean_lam():
    lam = [0.5, 4.0, 50.0, 1000.0]
    x = _draws("_sample_poisson", lam)
    assert (x == np.round(x)).all() and (x >= 0).all()
    _check_moments(x, lam, lam)
    assert (_draws("_sample_poisson", [0.0, -2.0]) == 0).all()  # lam <= 0 gives 0, as MXNet


def test_negative_binomial_per_element():
    k, p = [3.0, 10.0, 2.5], [0.4, 0.8, 0.5]  # k need not be whole
    x = _draws("_sample_negative_binomial", k, p)
    assert (x == np.round(x)).all() and (x >= 0).all()
    _check_moments(x, [a * (1 - b) / b for a, b in zip(k, p)], [a * (1 - b) / b ** 2 for a, b in zip(k, p)])
    assert (_draws("_sample_negative_binomial", [0.0, 4.0], [0.5, 1.0]) == 0).all()  # k 0 or p 1


def test_generalized_negative_binomial_per_element():
    mu, alpha = [2.0, 5.0, 3.0], [0.5, 0.1, 0.0]  # alpha 0 is Poisson(mu)
    x = _draws("_sample_generalized_negative_binomial", mu, alpha)
    assert (x == np.round(x)).all() and (x >= 0).all()
    _check_moments(x, mu, [m + a * m * m for m, a in zip(mu, alpha)])


def test_scalar_negative_binomials():
    x = nd._internal._random_negative_binomial(k=3, p=0.4, shape=(N,)).asnumpy().astype(np.float64)
    assert x.dtype == np.float64 and (x == np.round(x)).all()
    _check_moments([x], [4.5], [11.25])
    y = nd.random.generalized_negative_binomial(mu=2.0, alpha=0.3, shape=(N,), dtype="float64").asnumpy()
    _check_moments([y], [2.0], [2.0 + 0.3 * 4])
    # MXNet's defaults: k=1, p=1 (all zero); mu=1, alpha=1
    assert (nd.random.negative_binomial(shape=(5,)).asnumpy() == 0).all()
    assert nd.random.generalized_negative_binomial().shape == (1,)
    assert nd.random_negative_binomial(k=2, p=0.5, shape=(2, 3)).shape == (2, 3)


# ------------------------------------------------------------------ shapes and dtypes
@pytest.mark.parametrize("shape, expect", [
    (None, (2, 3)), ((), (2, 3)), (4, (2, 3, 4)), ((4, 5), (2, 3, 4, 5)), ((0,), (2, 3, 0)),
])
def test_output_shape_is_parameter_shape_then_shape(shape, expect):
    low, high = nd.zeros((2, 3)), nd.ones((2, 3))
    kwargs = {} if shape is None else {"shape": shape}
    assert nd._internal._sample_uniform(low, high, **kwargs).shape == expect
    assert nd._internal._sample_poisson(high, **kwargs).shape == expect


def test_draws_of_one_distribution_are_contiguous_and_follow_its_parameters():
    low = nd.array([[0, 100], [200, 300]])
    out = nd._internal._sample_uniform(low, low + 1, shape=(3, 4)).asnumpy()
    assert out.shape == (2, 2, 3, 4)
    for i in range(2):
        for j in range(2):
            block = out[i, j]
            lo = 100 * (2 * i + j)
            assert (block >= lo).all() and (block < lo + 1).all()
            assert len(np.unique(block)) == 12  # independent draws


def test_empty_and_0d_parameter_arrays():
    assert nd._internal._sample_normal(nd.zeros((0,)), nd.ones((0,)), shape=(3,)).shape == (0, 3)
    s = nd._internal._sample_exponential(nd.array(2.0).reshape(()), shape=(5,))
    assert s.shape == (5,)
    assert nd._internal._sample_exponential(nd.array(2.0).reshape(())).shape == ()


@pytest.mark.parametrize("in_dtype", ["float16", "float32", "float64", "int32", "int64", "uint8", "int8"])
def test_output_is_float32_whatever_the_parameter_dtype(in_dtype):
    lam = nd.array([1, 3], dtype=in_dtype)
    out = nd._internal._sample_poisson(lam, shape=(1000,))
    assert out.dtype == np.float32
    assert abs(out.asnumpy()[1].mean() - 3) < 0.5
    both = nd._internal._sample_uniform(lam, lam + 1)
    assert both.dtype == np.float32


@pytest.mark.parametrize("dtype", ["float16", "float32", "float64"])
def test_dtype_parameter(dtype):
    out = nd._internal._sample_gamma(nd.array([1, 2], dtype="float64"), nd.array([1, 1], dtype="float64"),
                                     shape=(100,), dtype=dtype)
    assert out.dtype == np.dtype(dtype)
    assert (out.asnumpy() >= 0).all()


def test_out_parameter():
    out = nd.zeros((2, 3), dtype="float64")
    r = nd._internal._sample_uniform(nd.array([0, 5]), nd.array([1, 6]), shape=(3,), out=out)
    assert r is out
    v = out.asnumpy()
    assert (v[0] < 1).all() and (v[1] >= 5).all()


# ------------------------------------------------------------------ seeds
@pytest.mark.parametrize("op, params", [
    ("_sample_uniform", ([0.0, 1.0], [1.0, 3.0])),
    ("_sample_normal", ([0.0, 1.0], [1.0, 3.0])),
    ("_sample_gamma", ([0.3, 4.0], [1.0, 3.0])),
    ("_sample_exponential", ([0.5, 2.0],)),
    ("_sample_poisson", ([3.0, 30.0],)),
    ("_sample_negative_binomial", ([3.0, 5.0], [0.3, 0.6])),
    ("_sample_generalized_negative_binomial", ([3.0, 5.0], [0.3, 0.6])),
])
def test_seed_reproduces(op, params):
    arrays = [nd.array(p) for p in params]
    f = getattr(nd._internal, op)

    def draw():
        return f(*arrays, shape=(40000,)).asnumpy()  # > one parallel block

    mx.random.seed(7)
    a, b = draw(), draw()
    mx.random.seed(7)
    np.testing.assert_array_equal(a, draw())
    assert not np.array_equal(a, b)
    mx.random.seed(8)
    assert not np.array_equal(a, draw())


# ------------------------------------------------------------------ front ends
def test_nd_random_with_array_parameters():
    low, high = nd.array([0, 10]), nd.array([1, 11])
    u = nd.random.uniform(low, high, shape=(500,)).asnumpy()
    assert u.shape == (2, 500) and (u[0] < 1).all() and (u[1] >= 10).all()
    n = nd.random.normal(loc=nd.array([0, 100]), scale=nd.array([1, 1]), shape=(2000,)).asnumpy()
    assert abs(n[0].mean()) < 0.2 and abs(n[1].mean() - 100) < 0.2
    g = nd.random.gamma(nd.array([1, 4]), nd.array([2, 0.5]), shape=(4000,)).asnumpy()
    assert abs(g[0].mean() - 2) < 0.2 and abs(g[1].mean() - 2) < 0.1
    # exponential takes the mean (scale), MXNet passes the rate 1/scale
    e = nd.random.exponential(nd.array([0.5, 4.0]), shape=(4000,)).asnumpy()
    assert abs(e[0].mean() - 0.5) < 0.05 and abs(e[1].mean() - 4) < 0.4
    p = nd.random.poisson(nd.array([[1, 2], [3, 4]]), shape=(4000,)).asnumpy()
    assert p.shape == (2, 2, 4000)
    np.testing.assert_allclose(p.mean(axis=2), [[1, 2], [3, 4]], atol=0.15)
    assert nd.random.uniform(low, high, dtype="float64").dtype == np.float64
    out = nd.zeros((2,))
    assert nd.random.uniform(low, high, out=out) is out


def test_aliases():
    low, high = nd.array([0, 1]), nd.array([1, 2])
    assert nd.sample_uniform(low, high).shape == (2,)
    for name in ("sample_normal", "sample_gamma", "sample_exponential", "sample_poisson",
                 "sample_negative_binomial", "sample_generalized_negative_binomial",
                 "random_negative_binomial", "random_generalized_negative_binomial"):
        assert callable(getattr(nd, name)) and callable(getattr(mx.sym, name)), name


def test_sym_random_with_symbol_parameters():
    a, b = mx.sym.var("a"), mx.sym.var("b")
    s = mx.sym.random.uniform(a, b, shape=(3,))
    assert s.name.startswith("_sample_uniform")
    assert s.list_arguments() == ["a", "b"]
    # one known parameter shape gives the other and the output
    args, outs, _ = s.infer_shape(a=(2, 4))
    assert args == [(2, 4), (2, 4)] and outs == [(2, 4, 3)]
    arg_types, out_types, _ = s.infer_type(a="float64")
    assert arg_types == [np.float64, np.float64] and out_types == [np.float32]
    r = s.eval(a=nd.array([[0] * 4, [5] * 4]), b=nd.array([[1] * 4, [6] * 4]))[0].asnumpy()
    assert r.shape == (2, 4, 3) and (r[0] < 1).all() and (r[1] >= 5).all()
    lam = mx.sym.var("lam")
    p = mx.sym.random.poisson(lam, shape=(2,))
    assert p.eval(lam=nd.array([0, 0, 0]))[0].asnumpy().tolist() == [[0, 0]] * 3
    g = mx.sym.sample_gamma(a, b, dtype="float64")
    assert g.infer_type(a="float32", b="float32")[1] == [np.float64]


def test_parameters_get_zero_gradients_like_mxnet():
    low, high = nd.array([0.0, 1.0]), nd.array([1.0, 3.0])
    low.attach_grad()
    high.attach_grad()
    with mx.autograd.record():
        y = nd._internal._sample_uniform(low, high, shape=(3,)) * 2
    y.backward()
    assert (low.grad.asnumpy() == 0).all() and (high.grad.asnumpy() == 0).all()


# ------------------------------------------------------------------ errors
def _error(f, *words):
    with pytest.raises(MXNetError) as e:
        r = f()
        r.asnumpy()  # errors raised when the kernel runs surface here at the latest
    msg = str(e.value)
    for w in words:
        assert w in msg, (w, msg)
    return e.value


def test_parameter_arrays_must_share_shape_and_dtype():
    e = _error(lambda: nd._internal._sample_uniform(nd.zeros((2,)), nd.ones((3,))),
               "_sample_uniform", "low (2,)", "high (3,)")
    assert isinstance(e, ValueError)
    _error(lambda: nd._internal._sample_normal(nd.zeros((2, 3)), nd.ones((3, 2))), "_sample_normal", "(2, 3)",
           "(3, 2)")
    e = _error(lambda: nd._internal._sample_gamma(nd.ones((2,)), nd.ones((2,), dtype="float64")),
               "_sample_gamma", "float32", "float64")
    assert isinstance(e, TypeError)
    _error(lambda: nd._internal._sample_poisson(nd.array([1, 0], dtype="bool")), "_sample_poisson", "bool")


def test_bad_parameters_name_op_argument_and_value():
    _error(lambda: nd._internal._sample_gamma(nd.array([1, -0.5]), nd.array([1, 1])),
           "_sample_gamma", "alpha", ">= 0", "-0.5", "index 1")
    _error(lambda: nd._internal._sample_negative_binomial(nd.array([-1.0]), nd.array([0.5])),
           "_sample_negative_binomial", "k", ">= 0", "-1")
    for p in (0.0, 1.5, -0.2, float("nan")):
        _error(lambda: nd._internal._sample_negative_binomial(nd.array([1.0]), nd.array([p])),
               "_sample_negative_binomial", "p", "(0, 1]")
    _error(lambda: nd._internal._sample_generalized_negative_binomial(nd.array([1.0]), nd.array([-2.0])),
           "_sample_generalized_negative_binomial", "alpha", ">= 0", "-2")
    _error(lambda: nd._internal._random_negative_binomial(k=-1, p=0.5), "_random_negative_binomial", "'k'", ">= 0")
    _error(lambda: nd._internal._random_negative_binomial(k=1, p=1.5), "_random_negative_binomial", "'p'", "(0, 1]")
    _error(lambda: nd._internal._random_generalized_negative_binomial(mu=-1.0), "'mu'", ">= 0")
    _error(lambda: nd._internal._random_generalized_negative_binomial(alpha=-1.0), "'alpha'", ">= 0")


def test_bad_calls():
    a = nd.ones((2,))
    _error(lambda: nd._internal._sample_uniform(a), "_sample_uniform", "2 input", "got 1")
    _error(lambda: nd._internal._sample_uniform(a, a, shape=(-2,)), "_sample_uniform", "shape", "(-2,)")
    _error(lambda: nd._internal._sample_uniform(a, a, dtype="int32"), "dtype", "int32")
    _error(lambda: nd._internal._sample_uniform(a, a, shape=(1,) * 10), "_sample_uniform", "dimensions")
    _error(lambda: nd._internal._sample_exponential(a, lam=1.0), "_sample_exponential", "lam")


def test_nan_and_inf_parameters_do_not_hang():
    out = nd._internal._sample_poisson(nd.array([float("nan"), float("inf"), 2.0]), shape=(4,)).asnumpy()
    assert np.isnan(out[0]).all() and np.isinf(out[1]).all() and np.isfinite(out[2]).all()
    g = nd._internal._sample_gamma(nd.array([float("nan"), float("inf")]), nd.array([1.0, 1.0])).asnumpy()
    assert np.isnan(g[0]) and np.isinf(g[1])
    nb = nd._internal._sample_generalized_negative_binomial(nd.array([float("nan"), 1e30]),
                                                           nd.array([1.0, 1.0])).asnumpy()
    assert np.isnan(nb[0]) and nb[1] > 0


def test_nd_and_sym_random_negative_binomials_with_arrays():
    x = nd.random.negative_binomial(nd.array([3, 10]), nd.array([0.4, 0.8]), shape=(N,)).asnumpy()
    _check_moments(x.astype(np.float64), [4.5, 2.5], [11.25, 3.125])
    y = nd.random.generalized_negative_binomial(mu=nd.array([2.0]), alpha=nd.array([0.3])).asnumpy()
    assert y.shape == (1,) and y[0] == round(y[0])
    k, p = mx.sym.var("k"), mx.sym.var("p")
    s = mx.sym.random.negative_binomial(k, p, shape=(2,))
    assert s.name.startswith("_sample_negative_binomial")
    assert s.eval(k=nd.array([0, 0]), p=nd.array([0.5, 0.5]))[0].asnumpy().tolist() == [[0, 0], [0, 0]]


# ------------------------------------------------------------------ multinomial
def test_multinomial_frequencies_follow_each_row():
    probs = np.array([[0, 0.1, 0.2, 0.3, 0.4], [0.4, 0.3, 0.2, 0.1, 0]])
    s = nd._internal._sample_multinomial(nd.array(probs), shape=(N,))
    assert s.dtype == np.int32 and s.shape == (2, N)
    v = s.asnumpy()
    for row, p in zip(v, probs):
        freq = np.bincount(row, minlength=5) / N
        assert (freq[p == 0] == 0).all()  # zero-probability outcomes are never drawn
        np.testing.assert_allclose(freq, p, atol=0.015)


def test_multinomial_shapes_dtypes_and_log_probabilities():
    p = nd.array([[0.2, 0.8], [0.5, 0.5], [1.0, 0.0]], dtype="float64")
    assert nd._internal._sample_multinomial(p).shape == (3,)
    assert nd._internal._sample_multinomial(nd.array([0.2, 0.8]), shape=(2, 3)).shape == (2, 3)
    assert nd.random.multinomial(p, shape=4).shape == (3, 4)
    for dtype in ("float16", "float32", "float64", "int32", "uint8"):
        assert nd._internal._sample_multinomial(p, dtype=dtype).dtype == np.dtype(dtype)
    s, lp = nd._internal._sample_multinomial(p, shape=(6,), get_prob=True)
    assert s.shape == lp.shape == (3, 6) and lp.dtype == np.float64
    sv = s.asnumpy()
    np.testing.assert_allclose(lp.asnumpy(), np.log(p.asnumpy()[np.arange(3)[:, None], sv]))
    assert (sv[2] == 0).all()
    # rows are relative weights: one that rounding leaves a little under 1 never overflows
    assert nd._internal._sample_multinomial(nd.array([[0.3, 0.3, 0.3999]]), shape=(N,)).asnumpy().max() <= 2


def test_multinomial_seed_reproduces():
    p = nd.array([[0.1, 0.2, 0.7]] * 4)
    mx.random.seed(5)
    a = nd.random.multinomial(p, shape=(10000,)).asnumpy()
    mx.random.seed(5)
    np.testing.assert_array_equal(a, nd.random.multinomial(p, shape=(10000,)).asnumpy())


def test_multinomial_log_probability_gradient():
    # d/dp sum(ograd * log p[drawn]) = (sum of ograd over draws of j) / p[j], as MXNet
    p = nd.array([[0.2, 0.8], [0.6, 0.4]])
    p.attach_grad()
    with mx.autograd.record():
        s, lp = nd._internal._sample_multinomial(p, shape=(5,), get_prob=True)
        loss = (lp * nd.array(np.arange(10).reshape(2, 5))).sum()
    loss.backward()
    sv, w, pv = s.asnumpy(), np.arange(10).reshape(2, 5), p.asnumpy()
    expect = np.zeros((2, 2))
    for r in range(2):
        for c in range(5):
            expect[r, sv[r, c]] += w[r, c] / pv[r, sv[r, c]]
    np.testing.assert_allclose(p.grad.asnumpy(), expect, rtol=1e-6)


def test_multinomial_errors():
    m = nd._internal._sample_multinomial
    _error(lambda: m(nd.array([[0.5, -0.1]])), "_sample_multinomial", "probabilities", "-0.1", "row 0")
    _error(lambda: m(nd.array([[0.5, 0.5], [0, 0]])), "_sample_multinomial", "row 1", "sums to 0")
    _error(lambda: m(nd.array([[0.5, float("nan")]])), "_sample_multinomial", "nan")
    _error(lambda: m(nd.array([1, 2], dtype="int32")), "_sample_multinomial", "float", "int32")
    _error(lambda: m(nd.zeros((2, 0))), "_sample_multinomial", "(2, 0)")
    _error(lambda: m(nd.array(1.0).reshape(())), "_sample_multinomial", "()")
    _error(lambda: m(nd.ones((300,)) / 300, dtype="uint8"), "uint8", "300 outcomes")
    _error(lambda: m(nd.ones((2,)), dtype="int64"), "dtype", "int64")
    _error(lambda: m(nd.ones((2,)) / 2, shape=(-1,)), "shape", "(-1,)")


def test_multinomial_gradient_op_checks_its_inputs():
    # found by fuzzing: _backward_sample_multinomial divided by a 0-length last axis
    b = nd._internal._backward_sample_multinomial
    _error(lambda: b(nd.ones((1,)), nd.array(1.0).reshape(()), nd.zeros((1,), dtype="int32")), "last axis")
    _error(lambda: b(nd.ones((2,)), nd.zeros((2, 0)), nd.zeros((2,), dtype="int32")), "last axis", "(2, 0)")
    _error(lambda: b(nd.ones((3,)), nd.ones((2, 2)), nd.zeros((2,), dtype="int32")), "ograd", "(2,)", "(3,)")
    _error(lambda: b(nd.ones((3,)), nd.ones((2, 2)), nd.zeros((3,), dtype="int32")), "(3,)", "(2, 2)")
    _error(lambda: b(nd.ones((2,)), nd.ones((2, 2)), nd.array([0, 5], dtype="int32")), "index 5", "2 outcomes")
    _error(lambda: b(nd.ones((2,)), nd.ones((2, 2), dtype="int32"), nd.zeros((2,), dtype="int32")), "float")
    g = b(nd.array([1.0, 2.0]), nd.array([[0.5, 0.5], [0.25, 0.75]]), nd.array([1, 0], dtype="int32"))
    np.testing.assert_allclose(g.asnumpy(), [[0, 2], [8, 0]])


def test_sym_multinomial_outputs():
    d = mx.sym.var("d")
    s = mx.sym.random.multinomial(d, get_prob=True, shape=(3,))
    assert s.list_outputs() == ["_sample_multinomial0_output0", "_sample_multinomial0_output1"]
    assert s.infer_shape(d=(2, 4))[1] == [(2, 3), (2, 3)]
    assert s.infer_type(d="float64")[1] == [np.int32, np.float64]
    idx, lp = s.eval(d=nd.array([[0.5, 0.5, 0, 0], [0, 0, 0, 1]]))
    assert (idx.asnumpy()[1] == 3).all() and (lp.asnumpy()[1] == 0).all()


# ------------------------------------------------------------------ GPU (pytest -m gpu)
NUM_GPUS = mx.context.num_gpus()
needs_gpu = pytest.mark.skipif(NUM_GPUS == 0, reason="no GPU: " + mx.context.gpu_info())


@pytest.mark.gpu
@needs_gpu
def test_samplers_on_gpu_follow_each_elements_parameters():
    g = mx.gpu(0)

    def draws(op, *params, **kw):
        arrays = [nd.array(np.array(p, dtype=np.float64), ctx=g, dtype="float64") for p in params]
        out = getattr(nd._internal, op)(*arrays, shape=(N,), **kw)
        assert out.context == g and out.shape == (len(params[0]), N)
        return out.asnumpy().astype(np.float64)

    low, high = [-1.0, 2.0], [0.0, 5.0]
    u = draws("_sample_uniform", low, high)
    assert (u[0] >= -1).all() and (u[0] < 0).all() and (u[1] >= 2).all() and (u[1] < 5).all()
    _check_moments(draws("_sample_normal", [0.0, 5.0], [1.0, 0.1]), [0, 5], [1, 0.01])
    _check_moments(draws("_sample_gamma", [0.5, 9.0], [1.0, 2.0]), [0.5, 18], [0.5, 36])
    _check_moments(draws("_sample_exponential", [0.5, 10.0]), [2, 0.1], [4, 0.01])
    p = draws("_sample_poisson", [0.5, 50.0])
    assert (p == np.round(p)).all()
    _check_moments(p, [0.5, 50], [0.5, 50])
    _check_moments(draws("_sample_negative_binomial", [3.0, 2.5], [0.4, 0.5]), [4.5, 2.5], [11.25, 5])
    _check_moments(draws("_sample_generalized_negative_binomial", [2.0, 3.0], [0.5, 0.0]), [2, 3], [4, 3])
    x = nd.random.negative_binomial(k=3, p=0.4, shape=(N,), ctx=g).asnumpy().astype(np.float64)
    _check_moments([x], [4.5], [11.25])
    # float16 parameters and output, and the `shape` parameter's layout
    h = nd._internal._sample_uniform(nd.array([[0, 10]], ctx=g, dtype="float16"),
                                     nd.array([[1, 11]], ctx=g, dtype="float16"), shape=(2, 3), dtype="float16")
    assert h.shape == (1, 2, 2, 3) and h.dtype == np.float16
    hv = h.asnumpy()
    assert (hv[0, 0] < 1).all() and (hv[0, 1] >= 10).all()
    mx.random.seed(9)
    a = nd.random.gamma(nd.array([1.0, 2.0], ctx=g), nd.array([1.0, 1.0], ctx=g), shape=(1000,)).asnumpy()
    mx.random.seed(9)
    np.testing.assert_array_equal(a, nd.random.gamma(nd.array([1.0, 2.0], ctx=g), nd.array([1.0, 1.0], ctx=g),
                                                     shape=(1000,)).asnumpy())


@pytest.mark.gpu
@needs_gpu
def test_multinomial_on_gpu():
    g = mx.gpu(0)
    probs = np.array([[0, 0.1, 0.2, 0.3, 0.4], [0.4, 0.3, 0.2, 0.1, 0]])
    s, lp = nd._internal._sample_multinomial(nd.array(probs, ctx=g), shape=(N,), get_prob=True)
    v = s.asnumpy()
    for row, p in zip(v, probs):
        np.testing.assert_allclose(np.bincount(row, minlength=5) / N, p, atol=0.015)
    np.testing.assert_allclose(lp.asnumpy(), np.log(probs[np.arange(2)[:, None], v]), rtol=1e-6)
    # the gradient of the log-probabilities matches the CPU's for the same draws
    og = np.random.RandomState(0).uniform(0.5, 1.5, v.shape)
    args = (og, probs, v.astype(np.int32))
    cpu = nd._internal._backward_sample_multinomial(*[nd.array(a, dtype=a.dtype) for a in args]).asnumpy()
    gpu = nd._internal._backward_sample_multinomial(*[nd.array(a, ctx=g, dtype=a.dtype) for a in args]).asnumpy()
    np.testing.assert_allclose(gpu, cpu, rtol=1e-10)


@pytest.mark.gpu
@needs_gpu
def test_sampler_errors_on_gpu_match_the_cpu():
    g = mx.gpu(0)
    cases = [
        ("_sample_gamma", [[1, -0.5], [1, 1]], ["alpha", ">= 0", "-0.5", "index 1"]),
        ("_sample_negative_binomial", [[1.0], [1.5]], ["p", "(0, 1]", "1.5"]),
        ("_sample_generalized_negative_binomial", [[1.0], [-2.0]], ["alpha", ">= 0", "-2"]),
        ("_sample_multinomial", [[[0.5, 0.5], [0, 0]]], ["row 1", "sums to 0"]),
        ("_sample_multinomial", [[[0.5, -0.1]]], ["probabilities", "-0.1", "row 0"]),
    ]
    for op, params, words in cases:
        _error(lambda: getattr(nd._internal, op)(*[nd.array(p, ctx=g) for p in params]), op, *words)
    _error(lambda: nd._internal._random_negative_binomial(k=1, p=0.0, ctx=g), "'p'", "(0, 1]")
    assert nd._internal._sample_uniform(nd.array([0.0], ctx=g), nd.array([1.0], ctx=g)).shape == (1,)  # still usable


def test_dtype_none_follows_out_like_mxnet():
    # the samplers' shared dtype rule (random_common.h), scalar samplers included
    out = nd.zeros((4,), dtype="float64")
    assert nd._internal._random_uniform(shape=(4,), out=out) is out
    assert nd._internal._random_negative_binomial(k=2, p=0.5, shape=(4,), out=out).dtype == np.float64
    ints = nd.zeros((4,), dtype="int64")
    assert (nd._internal._random_randint(low=0, high=3, shape=(4,), out=ints).asnumpy() < 3).all()
    _error(lambda: nd._internal._random_uniform(shape=(4,), out=ints), "_random_uniform", "float", "int64")
    _error(lambda: nd._internal._random_randint(low=0, high=3, shape=(4,), out=out), "int32 or int64", "float64")
    _error(lambda: nd._internal._sample_poisson(nd.ones((2,)), out=nd.zeros((2,), dtype="int32")), "int32")
    # an explicit dtype must agree with out
    _error(lambda: nd._internal._random_uniform(shape=(4,), dtype="float32", out=out), "float32", "float64")
