"""The random operators of core/op/random_extra.cc: the _random_pdf_* densities
(values against NumPy references, gradients by finite differences, errors), the
_random_*_like samplers, _shuffle, _sample_unique_zipfian and _histogram (statistical
checks with fixed seeds and tolerances far outside the seeded results' spread, and
reproducibility under mx.random.seed), and on a GPU (skipped without one) the same
against the CPU."""
import math
import warnings

import numpy as np
import pytest

import mxlite as mx

F64 = np.float64
nd = mx.nd


# ------------------------------------------------------------ NumPy references
def _lgamma(x):
    return np.vectorize(math.lgamma)(np.asarray(x, F64))


def ref_log_pdf(dist, x, a, b=None):
    """log density of x under each distribution, parameters broadcast from the left
    (a, b have shape P, x shape P + T)."""
    x = np.asarray(x, F64)
    extra = x.ndim - np.ndim(a)
    a = np.asarray(a, F64).reshape(np.shape(a) + (1,) * extra)
    b = None if b is None else np.asarray(b, F64).reshape(np.shape(b) + (1,) * extra)
    with np.errstate(divide="ignore", invalid="ignore"):
        if dist == "uniform":
            return np.where((x >= a) & (x <= b), -np.log(b - a), -np.inf)
        if dist == "normal":
            return -0.5 * ((x - a) / b) ** 2 - np.log(b) - 0.5 * np.log(2 * np.pi)
        if dist == "gamma":  # b is the rate, as MXNet computes it
            return np.where(x >= 0, a * np.log(b) + (a - 1) * np.log(x) - b * x - _lgamma(a + 0 * x), -np.inf)
        if dist == "exponential":
            return np.where(x >= 0, np.log(a) - a * x, -np.inf)
        if dist == "poisson":
            return x * np.log(a) - a - _lgamma(x + 1)
        if dist == "negative_binomial":
            return _lgamma(x + a) - _lgamma(x + 1) - _lgamma(a + 0 * x) + a * np.log(b) + x * np.log(1 - b)
        if dist == "generalized_negative_binomial":
            r = 1 / b
            return (_lgamma(x + r) - _lgamma(x + 1) - _lgamma(r + 0 * x) + r * np.log(r / (r + a))
                    + x * np.log(a / (r + a)))
    raise ValueError(dist)


def ref_dirichlet_log_pdf(x, alpha):
    x, alpha = np.asarray(x, F64), np.asarray(alpha, F64)
    extra = x.ndim - alpha.ndim
    al = alpha.reshape(alpha.shape[:-1] + (1,) * extra + alpha.shape[-1:])
    return (_lgamma(al.sum(-1)) - _lgamma(al).sum(-1) + ((al - 1) * np.log(x)).sum(-1))


# One setting per density: parameter arrays of shape (2,), samples (2, 3) in the support.
PDF_CASES = {
    "uniform": ([[0.2, 0.5, 0.9], [1.1, 2.0, 2.9]], [0.0, 1.0], [1.0, 3.0]),
    "normal": ([[0.2, -0.5, 1.5], [0.1, 2.0, 3.0]], [0.0, 1.0], [1.0, 2.0]),
    "gamma": ([[0.2, 0.5, 1.5], [0.1, 2.0, 3.0]], [2.0, 3.0], [1.0, 0.5]),
    "exponential": ([[0.2, 0.5, 1.5], [0.1, 2.0, 3.0]], [2.0, 3.0], None),
    "poisson": ([[0, 1, 2], [3, 4, 5]], [2.0, 3.5], None),
    "negative_binomial": ([[0, 1, 2], [3, 4, 5]], [2.0, 3.5], [0.4, 0.6]),
    "generalized_negative_binomial": ([[0, 1, 2], [3, 4, 5]], [2.0, 3.0], [0.4, 0.6]),
}


def _pdf(dist, x, a, b, is_log, dtype="float64", ctx=None):
    f = getattr(nd.random, "pdf_" + dist)
    arrs = [nd.array(v, dtype=dtype, ctx=ctx) for v in (x, a, b) if v is not None]
    return f(*arrs, is_log=is_log), arrs


@pytest.mark.parametrize("dist", sorted(PDF_CASES))
@pytest.mark.parametrize("dtype", ["float32", "float64"])
def test_pdf_values(dist, dtype):
    x, a, b = PDF_CASES[dist]
    ref = ref_log_pdf(dist, x, a, b)
    tol = 1e-5 if dtype == "float32" else 1e-12
    for is_log in (False, True):
        y, _ = _pdf(dist, x, a, b, is_log, dtype)
        assert y.shape == (2, 3) and y.dtype == np.dtype(dtype)
        np.testing.assert_allclose(y.asnumpy(), ref if is_log else np.exp(ref), rtol=tol, atol=tol)


@pytest.mark.parametrize("dist", sorted(PDF_CASES))
def test_pdf_gradients_match_finite_differences(dist):
    x, a, b = PDF_CASES[dist]
    discrete = dist in ("poisson", "negative_binomial", "generalized_negative_binomial")
    ograd = np.array([[0.3, -1.2, 0.7], [1.1, 0.4, -0.5]])
    for is_log in (False, True):
        y, arrs = _pdf(dist, x, a, b, is_log)
        for arr in arrs:
            arr.attach_grad()
        with mx.autograd.record():
            y = getattr(nd.random, "pdf_" + dist)(*arrs, is_log=is_log)
        y.backward(nd.array(ograd, dtype="float64"))
        values = [np.asarray(v, F64) for v in (x, a, b) if v is not None]

        def loss(vals):
            lp = ref_log_pdf(dist, *vals) if len(vals) == 3 else ref_log_pdf(dist, vals[0], vals[1])
            return float(((lp if is_log else np.exp(lp)) * ograd).sum())

        for k, arr in enumerate(arrs):
            if k == 0 and discrete:  # MXNet: no gradient along a discrete sample
                assert np.all(arr.grad.asnumpy() == 0)
                continue
            num = np.zeros_like(values[k])
            for idx in np.ndindex(values[k].shape):
                hi = [v.copy() for v in values]
                lo = [v.copy() for v in values]
                hi[k][idx] += 1e-6
                lo[k][idx] -= 1e-6
                num[idx] = (loss(hi) - loss(lo)) / 2e-6
            np.testing.assert_allclose(arr.grad.asnumpy(), num, rtol=1e-5, atol=1e-6,
                                       err_msg="%s is_log=%s input %d" % (dist, is_log, k))


def test_pdf_draws_axes_and_mxnet_values():
    # parameters (2, 2), samples (2, 2, 3): three draws per distribution
    rng = np.random.RandomState(3)
    mu, sigma = rng.randn(2, 2), rng.uniform(0.5, 2, (2, 2))
    x = rng.randn(2, 2, 3)
    y = nd.random_pdf_normal(nd.array(x), nd.array(mu), nd.array(sigma))
    np.testing.assert_allclose(y.asnumpy(), np.exp(ref_log_pdf("normal", x, mu, sigma)), rtol=1e-5)
    # values printed by MXNet 1.9.1 for these inputs (float32)
    s = nd.array([[0.2, 0.5, 1.5], [0.1, 2.0, 3.0]])
    g = nd.random_pdf_gamma(s, nd.array([2, 3]), nd.array([1, 0.5]))
    np.testing.assert_allclose(g.asnumpy(), [[0.16374616, 0.30326533, 0.33469525],
                                             [0.00059452, 0.09196986, 0.12551072]], rtol=1e-5)
    nb = nd.random_pdf_negative_binomial(nd.array([[0, 1, 2], [3, 4, 5]]), nd.array([2, 3]), nd.array([0.4, 0.6]))
    np.testing.assert_allclose(nb.asnumpy(), [[0.16, 0.192, 0.1728], [0.13824, 0.082944, 0.04644864]], rtol=1e-5)


def test_pdf_outside_support_and_point_masses():
    y = nd.random_pdf_uniform(nd.array([[-0.1, 0.5, 1.5]]), nd.array([0]), nd.array([1]))
    np.testing.assert_array_equal(y.asnumpy(), [[0, 1, 0]])
    y = nd.random_pdf_uniform(nd.array([[-0.1, 0.5]]), nd.array([0]), nd.array([1]), is_log=True)
    np.testing.assert_array_equal(y.asnumpy(), [[-np.inf, 0]])
    y = nd.random_pdf_exponential(nd.array([[-1.0, 0.0]]), nd.array([2.0]))
    np.testing.assert_array_equal(y.asnumpy(), [[0, 2]])
    # Poisson with mean 0 and negative binomial with p = 1 put all mass at 0
    np.testing.assert_array_equal(nd.random_pdf_poisson(nd.array([[0, 1]]), nd.array([0])).asnumpy(), [[1, 0]])
    np.testing.assert_array_equal(
        nd.random_pdf_negative_binomial(nd.array([[0, 2]]), nd.array([3]), nd.array([1])).asnumpy(), [[1, 0]])
    # generalized negative binomial with alpha 0 is Poisson(mu); its alpha gradient the limit
    x, mu = nd.array([[0, 3, 5]], dtype="float64"), nd.array([2.0], dtype="float64")
    alpha = nd.array([0.0], dtype="float64")
    alpha.attach_grad()
    with mx.autograd.record():
        y = nd.random_pdf_generalized_negative_binomial(x, mu, alpha, is_log=True)
    y.backward()
    np.testing.assert_allclose(y.asnumpy(), ref_log_pdf("poisson", [[0, 3, 5]], [2.0]), rtol=1e-12)
    xs = np.array([0, 3, 5.0])
    np.testing.assert_allclose(alpha.grad.asnumpy(), [0.5 * ((xs - 2) ** 2 - xs).sum()], rtol=1e-12)


def test_pdf_dirichlet_values_and_gradients():
    rng = np.random.RandomState(5)
    alpha = rng.uniform(0.5, 3, (2, 3))
    x = rng.dirichlet([1, 1, 1], (2, 4))  # (2, 4, 3): four draws per distribution
    for is_log in (False, True):
        xa, aa = nd.array(x, dtype="float64"), nd.array(alpha, dtype="float64")
        xa.attach_grad()
        aa.attach_grad()
        ograd = rng.randn(2, 4)
        with mx.autograd.record():
            y = nd.random.pdf_dirichlet(xa, aa, is_log=is_log)
        y.backward(nd.array(ograd, dtype="float64"))
        ref = ref_dirichlet_log_pdf(x, alpha)
        assert y.shape == (2, 4)
        np.testing.assert_allclose(y.asnumpy(), ref if is_log else np.exp(ref), rtol=1e-10)

        def loss(xv, av):
            lp = ref_dirichlet_log_pdf(xv, av)
            return float(((lp if is_log else np.exp(lp)) * ograd).sum())

        for arr, k in ((xa, 0), (aa, 1)):
            vals = [x, alpha]
            num = np.zeros_like(vals[k])
            for idx in np.ndindex(num.shape):
                hi, lo = [v.copy() for v in vals], [v.copy() for v in vals]
                hi[k][idx] += 1e-6
                lo[k][idx] -= 1e-6
                num[idx] = (loss(*hi) - loss(*lo)) / 2e-6
            np.testing.assert_allclose(arr.grad.asnumpy(), num, rtol=1e-5, atol=1e-6)


def test_pdf_errors():
    s = nd.array([[0.5, 1.0]])
    with pytest.raises(mx.MXNetError, match=r"_random_pdf_normal: sigma must be > 0, got -1 at flat index 0"):
        nd.random_pdf_normal(s, nd.array([0]), nd.array([-1])).asnumpy()
    with pytest.raises(mx.MXNetError, match=r"_random_pdf_uniform: low must be < high"):
        nd.random_pdf_uniform(s, nd.array([2]), nd.array([1])).asnumpy()
    with pytest.raises(mx.MXNetError, match=r"_random_pdf_negative_binomial: p must be in \(0, 1\]"):
        nd.random_pdf_negative_binomial(s, nd.array([2]), nd.array([1.5])).asnumpy()
    with pytest.raises(mx.MXNetError, match=r"_random_pdf_dirichlet: alpha must be > 0"):
        nd.random_pdf_dirichlet(nd.array([[0.5, 0.5]]), nd.array([1, 0])).asnumpy()
    with pytest.raises(mx.MXNetError, match=r"_random_pdf_normal: sample must have shape params.shape"):
        nd.random_pdf_normal(nd.array([[0.5, 1.0]]), nd.array([0, 1]), nd.array([1, 1]))
    with pytest.raises(mx.MXNetError, match=r"_random_pdf_normal: the parameter arrays must have one shape"):
        nd.random_pdf_normal(nd.array([[0.5, 1.0]]), nd.array([0]), nd.array([1, 1]))
    with pytest.raises(mx.MXNetError, match=r"_random_pdf_dirichlet: sample must have shape"):
        nd.random_pdf_dirichlet(nd.array([[0.5, 0.5]]), nd.array([1, 1, 1]))
    with pytest.raises(mx.MXNetError, match=r"_random_pdf_exponential: input 'sample' must have a float dtype"):
        nd.random_pdf_exponential(nd.array([[1]], dtype="int32"), nd.array([1], dtype="int32"))
    with pytest.raises(mx.MXNetError, match=r"_random_pdf_exponential: all inputs must have one dtype"):
        nd.random_pdf_exponential(nd.array([[1]], dtype="float64"), nd.array([1]))


def test_pdf_symbol_api():
    s, m, g = mx.sym.var("s"), mx.sym.var("m"), mx.sym.var("g")
    y = mx.sym.random.pdf_normal(s, m, g, is_log=True)
    ex = y.bind(mx.cpu(), {"s": nd.array([[0.5]]), "m": nd.array([0]), "g": nd.array([1])})
    np.testing.assert_allclose(ex.forward()[0].asnumpy(), ref_log_pdf("normal", [[0.5]], [0], [1]), rtol=1e-6)


# ------------------------------------------------------------ *_like samplers
LIKE = {  # op -> (params, mean, variance)
    "uniform_like": ({"low": -1.0, "high": 3.0}, 1.0, 16 / 12),
    "normal_like": ({"loc": 2.0, "scale": 0.5}, 2.0, 0.25),
    "gamma_like": ({"alpha": 3.0, "beta": 2.0}, 6.0, 12.0),
    "exponential_like": ({"lam": 4.0}, 0.25, 1 / 16),
    "poisson_like": ({"lam": 3.0}, 3.0, 3.0),
    "negative_binomial_like": ({"k": 3, "p": 0.4}, 3 * 0.6 / 0.4, 3 * 0.6 / 0.16),
    "generalized_negative_binomial_like": ({"mu": 2.0, "alpha": 0.5}, 2.0, 2.0 + 0.5 * 4),
}


def _check_moments(v, mean, var, what):
    n = v.size
    # 6 standard errors: the seeded draws sit far inside (fixed seeds, cannot flake)
    assert abs(v.mean() - mean) < 6 * math.sqrt(var / n), (what, v.mean(), mean)
    assert abs(v.var() - var) < 0.1 * var, (what, v.var(), var)


@pytest.mark.parametrize("name", sorted(LIKE))
def test_like_samplers_moments_shape_dtype_and_seed(name):
    params, mean, var = LIKE[name]
    f = getattr(nd.random, name)
    data = nd.zeros((50, 400), dtype="float64")
    mx.random.seed(11)
    a = f(data, **params)
    assert a.shape == (50, 400) and a.dtype == np.float64
    _check_moments(a.asnumpy(), mean, var, name)
    mx.random.seed(11)
    np.testing.assert_array_equal(f(data, **params).asnumpy(), a.asnumpy())
    assert not np.array_equal(f(data, **params).asnumpy(), a.asnumpy())
    assert f(nd.zeros((2, 3), dtype="float16"), **params).dtype == np.float16
    assert getattr(nd._internal, "_random_" + name) is not None


def test_like_errors_and_no_gradient():
    with pytest.raises(mx.MXNetError, match=r"_random_uniform_like: data must have a float dtype, got int32"):
        nd.random.uniform_like(nd.zeros((2,), dtype="int32"))
    with pytest.raises(mx.MXNetError, match=r"_random_normal_like: parameter 'scale' must be >= 0, got -1"):
        nd.random.normal_like(nd.zeros((2,)), scale=-1).asnumpy()
    with pytest.raises(mx.MXNetError, match=r"_random_negative_binomial_like: parameter 'p' must be in \(0, 1\]"):
        nd.random.negative_binomial_like(nd.zeros((2,)), p=0).asnumpy()
    x = nd.ones((3,))
    x.attach_grad()
    with mx.autograd.record():
        y = nd.random.uniform_like(x) * 2 + x
    y.backward()
    np.testing.assert_array_equal(x.grad.asnumpy(), [1, 1, 1])
    s = mx.sym.random.normal_like(mx.sym.var("d"), loc=1.0)
    assert s.infer_shape(d=(4, 2))[1] == [(4, 2)]


# ------------------------------------------------------------ shuffle
def test_shuffle_permutes_rows_reproducibly():
    x = np.arange(40, dtype=F64).reshape(10, 2, 2)
    mx.random.seed(3)
    a = nd.random.shuffle(nd.array(x, dtype="float64"))
    got = a.asnumpy()
    assert got.shape == x.shape and a.dtype == np.float64
    np.testing.assert_array_equal(np.sort(got[:, 0, 0]), x[:, 0, 0])
    for row in got:  # rows keep their contents
        np.testing.assert_array_equal(row, x[int(row[0, 0]) // 4])
    mx.random.seed(3)
    np.testing.assert_array_equal(nd.shuffle(nd.array(x, dtype="float64")).asnumpy(), got)
    ints = nd.random.shuffle(nd.arange(7, dtype="int32"))
    assert ints.dtype == np.int32 and sorted(ints.asnumpy().tolist()) == list(range(7))
    assert nd.random.shuffle(nd.zeros((0, 3))).shape == (0, 3)
    with pytest.raises(mx.MXNetError, match=r"_shuffle: data must have at least one axis"):
        nd.random.shuffle(nd.array(1.0).reshape(()))
    s = mx.sym.random.shuffle(mx.sym.var("d"))
    assert s.infer_shape(d=(5, 2))[1] == [(5, 2)]


def test_shuffle_is_uniform_over_permutations():
    mx.random.seed(21)
    x = nd.arange(3)
    counts = {}
    for _ in range(600):
        p = tuple(nd.random.shuffle(x).asnumpy().astype(int))
        counts[p] = counts.get(p, 0) + 1
    assert len(counts) == 6
    chi2 = sum((c - 100) ** 2 / 100 for c in counts.values())
    assert chi2 < 25, counts  # 5 degrees of freedom: P(chi2 > 25) < 2e-4


# ------------------------------------------------------------ unique zipfian
def test_unique_zipfian_shapes_uniqueness_and_seed():
    mx.random.seed(5)
    s, t = nd._internal._sample_unique_zipfian(range_max=50, shape=(4, 20))
    assert s.shape == (4, 20) and t.shape == (4,) and s.dtype == np.int64 and t.dtype == np.int64
    v = s.asnumpy()
    assert v.min() >= 0 and v.max() < 50
    for row, tries in zip(v, t.asnumpy()):
        assert len(set(row.tolist())) == 20 and tries >= 20
    mx.random.seed(5)
    s2, t2 = nd._internal._sample_unique_zipfian(range_max=50, shape=(4, 20))
    np.testing.assert_array_equal(s2.asnumpy(), v)
    np.testing.assert_array_equal(t2.asnumpy(), t.asnumpy())
    # all classes: every row is a permutation of range(range_max)
    s, _ = nd._internal._sample_unique_zipfian(range_max=6, shape=(3, 6))
    assert all(sorted(r) == list(range(6)) for r in s.asnumpy().tolist())


def test_unique_zipfian_first_draw_is_log_uniform():
    mx.random.seed(8)
    s, t = nd._internal._sample_unique_zipfian(range_max=10, shape=(20000, 1))
    np.testing.assert_array_equal(t.asnumpy(), 1)
    counts = np.bincount(s.asnumpy()[:, 0], minlength=10)
    p = np.log((np.arange(10) + 2) / (np.arange(10) + 1)) / np.log(11)
    chi2 = ((counts - 20000 * p) ** 2 / (20000 * p)).sum()
    assert chi2 < 40, counts  # 9 degrees of freedom: P(chi2 > 40) < 1e-5


def test_unique_zipfian_errors():
    with pytest.raises(mx.MXNetError, match=r"_sample_unique_zipfian: cannot draw 5 unique candidates"):
        nd._internal._sample_unique_zipfian(range_max=4, shape=(2, 5))
    with pytest.raises(mx.MXNetError, match=r"_sample_unique_zipfian: parameter 'shape' must be \(batch, candidates\)"):
        nd._internal._sample_unique_zipfian(range_max=4, shape=(2,))
    with pytest.raises(mx.MXNetError, match=r"_sample_unique_zipfian: range_max must be >= 1"):
        nd._internal._sample_unique_zipfian(range_max=0, shape=(1, 0))


# ------------------------------------------------------------ histogram
def test_histogram_equal_bins_match_numpy():
    rng = np.random.RandomState(2)
    x = rng.randn(500)
    x[:3] = [-3.0, 3.0, np.nan]  # on the edges, and NaN (not counted)
    counts, edges = nd.histogram(nd.array(x, dtype="float64"), bins=7, range=(-3, 3))
    ref_c, ref_e = np.histogram(x[~np.isnan(x)], bins=7, range=(-3, 3))
    assert counts.dtype == np.int64 and edges.dtype == np.float64
    np.testing.assert_array_equal(counts.asnumpy(), ref_c)
    np.testing.assert_allclose(edges.asnumpy(), ref_e, rtol=1e-14, atol=1e-15)
    # MXNet 1.9.1's results
    c, e = nd.histogram(nd.array([1, 2, 2, 3, 5, 7]), bins=3, range=(0, 6))
    np.testing.assert_array_equal(c.asnumpy(), [1, 3, 1])
    np.testing.assert_array_equal(e.asnumpy(), [0, 2, 4, 6])
    c, e = nd.histogram(nd.array([1, 2, 2, 3, 5, 7], dtype="int32"), bins=3, range=(0, 7))
    assert e.dtype == np.int32
    np.testing.assert_array_equal(e.asnumpy(), [0, 2, 4, 7])  # counted against these edges
    np.testing.assert_array_equal(c.asnumpy(), [1, 3, 2])


def test_histogram_bins_array_and_numpy_fallback():
    c, e = nd.histogram(nd.array([1, 2, 2, 3, 5, 7, 9]), bins=nd.array([0, 2, 4, 8]))
    np.testing.assert_array_equal(c.asnumpy(), [1, 3, 2])
    np.testing.assert_array_equal(e.asnumpy(), [0, 2, 4, 8])
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        c, e = nd.histogram(nd.array([1, 2, 2, 3, 5, 7]), bins=3)
    assert w and c.dtype == np.float32  # numpy's result, as MXNet returns it
    np.testing.assert_array_equal(c.asnumpy(), [3, 1, 2])
    np.testing.assert_array_equal(e.asnumpy(), [1, 3, 5, 7])


def test_histogram_symbol():
    a, b = mx.sym.var("a"), mx.sym.var("b")
    x = nd.array([1, 2, 2, 3, 5, 7])
    h = mx.sym.histogram(a, bins=3, range=(0, 6))
    assert len(h.list_outputs()) == 2
    c, e = h.bind(mx.cpu(), {"a": x}).forward()
    np.testing.assert_array_equal(c.asnumpy(), [1, 3, 1])
    h = mx.sym.histogram(a, bins=b)
    assert h.list_arguments() == ["a", "b"]
    c, e = h.bind(mx.cpu(), {"a": x, "b": nd.array([0, 4, 8])}).forward()
    np.testing.assert_array_equal(c.asnumpy(), [4, 2])
    with pytest.raises(ValueError, match="range must be given"):
        mx.sym.histogram(a, bins=3)


def test_histogram_errors():
    x = nd.array([1.0, 2.0])
    with pytest.raises(mx.MXNetError, match=r"_histogram: give both bin_cnt and range"):
        nd._internal._histogram(x, bin_cnt=3)
    with pytest.raises(mx.MXNetError, match=r"_histogram: bins must be finite and increasing"):
        nd._internal._histogram(x, nd.array([0, 2, 1]))[0].asnumpy()
    with pytest.raises(mx.MXNetError, match=r"_histogram: bins must be a 1-D array of at least 2 edges"):
        nd._internal._histogram(x, nd.array([1]))
    with pytest.raises(mx.MXNetError, match=r"_histogram: range must be finite with min <= max"):
        nd._internal._histogram(x, bin_cnt=2, range=(3, 1))
    with pytest.raises(mx.MXNetError, match=r"_histogram: bin_cnt must be >= 1"):
        nd._internal._histogram(x, bin_cnt=0, range=(0, 1))
    with pytest.raises(mx.MXNetError, match=r"_histogram: bins must have data's dtype float32, got float64"):
        nd._internal._histogram(x, nd.array([0, 1], dtype="float64"))
    with pytest.raises(ValueError, match="bins must be an int or an NDArray"):
        nd.histogram(x, bins=1.5)


# ------------------------------------------------------------------ on a GPU
_NUM_GPUS = mx.context.num_gpus()
gpu = pytest.mark.gpu
needs_gpu = pytest.mark.skipif(_NUM_GPUS == 0, reason="no GPU")


def _pdf_forward_backward(ctx, dist, dtype, is_log):
    x, a, b = PDF_CASES[dist]
    if dist == "normal":
        x = [[0.2, -0.5, 1.5, 0.0], [0.1, 2.0, 3.0, -1.0]]
    else:
        x = [row + [row[0]] for row in x]
    _, arrs = _pdf(dist, x, a, b, is_log, dtype, ctx)
    for arr in arrs:
        arr.attach_grad()
    with mx.autograd.record():
        y = getattr(nd.random, "pdf_" + dist)(*arrs, is_log=is_log)
    y.backward(nd.array(np.linspace(-1, 1, 8).reshape(2, 4), dtype=dtype, ctx=ctx))
    return [v.asnumpy().astype(F64) for v in [y] + [arr.grad for arr in arrs]]


@gpu
@needs_gpu
@pytest.mark.parametrize("dist", sorted(PDF_CASES))
@pytest.mark.parametrize("dtype", ["float16", "float32", "float64"])
def test_gpu_pdf_matches_cpu(dist, dtype):
    tol = {"float16": 2e-2, "float32": 1e-5, "float64": 1e-12}[dtype]
    for is_log in (False, True):
        cpu = _pdf_forward_backward(mx.cpu(), dist, dtype, is_log)
        dev = _pdf_forward_backward(mx.gpu(0), dist, dtype, is_log)
        for c, g in zip(cpu, dev):
            np.testing.assert_allclose(g, c, rtol=tol, atol=tol)


@gpu
@needs_gpu
def test_gpu_dirichlet_histogram_and_errors_match_cpu():
    rng = np.random.RandomState(9)
    alpha, x = rng.uniform(0.5, 3, (2, 3)), rng.dirichlet([1, 1, 1], (2, 3))
    x[1, 2, 0] = -0.1  # outside the support
    res = []
    for ctx in (mx.cpu(), mx.gpu(0)):
        xa, aa = nd.array(x, ctx=ctx, dtype="float64"), nd.array(alpha, ctx=ctx, dtype="float64")
        xa.attach_grad()
        aa.attach_grad()
        with mx.autograd.record():
            y = nd.random_pdf_dirichlet(xa, aa)
        y.backward(nd.ones(y.shape, ctx=ctx, dtype="float64"))
        data = nd.array(rng.randn(300) * 2, ctx=ctx)
        h1 = nd.histogram(data, bins=9, range=(-3, 3))
        h2 = nd.histogram(data, bins=nd.array([-2, -1, 0, 0.5, 4], ctx=ctx))
        hi = nd.histogram(nd.array(rng.randint(0, 9, 50), ctx=ctx, dtype="int32"), bins=3, range=(0, 7))
        res.append([v.asnumpy() for v in [y, xa.grad, aa.grad, *h1, *h2, *hi]])
        rng = np.random.RandomState(9)
        rng.uniform(0.5, 3, (2, 3)), rng.dirichlet([1, 1, 1], (2, 3))
    for c, g in zip(*res):
        np.testing.assert_allclose(g, c, rtol=1e-12, atol=1e-12)
    g = mx.gpu(0)
    with pytest.raises(mx.MXNetError, match=r"_random_pdf_normal: sigma must be > 0, got -1 at flat index 1"):
        nd.random_pdf_normal(nd.ones((2, 1), ctx=g), nd.zeros((2,), ctx=g), nd.array([1, -1], ctx=g)).asnumpy()
    with pytest.raises(mx.MXNetError, match=r"_random_pdf_dirichlet: alpha must be > 0"):
        nd.random_pdf_dirichlet(nd.ones((1, 2), ctx=g), nd.array([[1, 0]], ctx=g)).asnumpy()
    with pytest.raises(mx.MXNetError, match=r"_histogram: bins must be finite and increasing, got 1 at index 2"):
        nd._internal._histogram(nd.ones((3,), ctx=g), nd.array([0, 2, 1], ctx=g))[0].asnumpy()


@gpu
@needs_gpu
def test_gpu_samplers_shuffle_and_zipfian():
    g = mx.gpu(0)
    for name in ("uniform_like", "normal_like", "gamma_like", "poisson_like", "generalized_negative_binomial_like"):
        params, mean, var = LIKE[name]
        mx.random.seed(4)
        a = getattr(nd.random, name)(nd.zeros((100, 200), ctx=g, dtype="float64"), **params)
        assert a.context == g and a.dtype == np.float64
        _check_moments(a.asnumpy(), mean, var, name)
        mx.random.seed(4)
        np.testing.assert_array_equal(getattr(nd.random, name)(nd.zeros((100, 200), ctx=g, dtype="float64"),
                                                               **params).asnumpy(), a.asnumpy())
    x = np.arange(60, dtype=F64).reshape(20, 3)
    got = nd.random.shuffle(nd.array(x, ctx=g, dtype="float64")).asnumpy()
    assert not np.array_equal(got, x)
    np.testing.assert_array_equal(got[np.argsort(got[:, 0])], x)
    odd = nd.random.shuffle(nd.array(np.arange(15).reshape(5, 3), ctx=g, dtype="int8")).asnumpy()
    np.testing.assert_array_equal(np.sort(odd[:, 0]), [0, 3, 6, 9, 12])
    np.testing.assert_array_equal(odd[:, 1] - odd[:, 0], 1)
    with g:
        s, t = nd._internal._sample_unique_zipfian(range_max=30, shape=(8, 12))
    assert s.context == g
    for row, tries in zip(s.asnumpy(), t.asnumpy()):
        assert len(set(row.tolist())) == 12 and tries >= 12 and row.min() >= 0 and row.max() < 30
