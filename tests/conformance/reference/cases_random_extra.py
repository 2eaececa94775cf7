"""Cases for the random operators of core/op/random_extra.cc, merged into cases.py's
tables at import (see cases_nn_extra.py for the fields a family module may define; this
one also adds RANDOM / RANDOM_GRADIENT entries and EXCLUDED reasons, as cases.py's own
samplers have).

- _random_pdf_*: deterministic densities, checked against the NumPy references below
  (values in float64 checked against MXNet 1.9.1, which computes pdf_gamma's beta as a
  rate); gradients are the finite differences of these references, except along the
  sample of a discrete distribution, which gets none (as MXNet).
- _random_*_like: samplers, checked by properties (shape, dtype, bounds) like cases.py's.
- _shuffle and _sample_unique_zipfian are random, but some inputs have one possible
  result: rows that are all equal; a single class.
- _histogram: counts (int64) and edges (data's dtype), as numpy.histogram for floats."""
import math

import numpy as np

from .cases import Case

# A generator of its own, so these inputs do not shift when other tables grow.
_rng = np.random.RandomState(20261129)
F = np.float32
F64 = np.float64

SHAPE, ARG, DTYPE = "MXL_ERR_SHAPE", "MXL_ERR_INVALID_ARGUMENT", "MXL_ERR_DTYPE"


def _lgamma(x):
    return np.vectorize(math.lgamma, otypes=[F64])(x)


def _per_row(p, x):
    """Parameters of shape P against samples of shape P + T."""
    p = np.asarray(p, F64)
    return p.reshape(p.shape + (1,) * (x.ndim - p.ndim))


def _log_density(dist, x, a, b):
    if dist == "uniform":
        return np.where((x >= a) & (x <= b), -np.log(b - a), -np.inf)
    if dist == "normal":
        return -0.5 * ((x - a) / b) ** 2 - np.log(b * math.sqrt(2 * math.pi))
    if dist == "gamma":  # b: the rate
        return a * np.log(b) + (a - 1) * np.log(x) - b * x - _lgamma(a)
    if dist == "exponential":
        return np.log(a) - a * x
    if dist == "poisson":
        return x * np.log(a) - a - _lgamma(x + 1)
    if dist == "negative_binomial":  # failures x before a successes of probability b
        return _lgamma(x + a) - _lgamma(x + 1) - _lgamma(a) + a * np.log(b) + x * np.log1p(-b)
    if dist == "generalized_negative_binomial":  # mean a, dispersion b: NB with r = 1/b, p = r / (r + a)
        r = 1 / b
        return _lgamma(x + r) - _lgamma(x + 1) - _lgamma(r) + r * np.log(r / (r + a)) + x * np.log(a / (r + a))
    raise ValueError(dist)


def pdf(dist, is_log=False):
    def ref(x, a, b=None):
        xs = x.astype(F64)
        pa = _per_row(a, xs) + 0 * xs
        pb = None if b is None else _per_row(b, xs) + 0 * xs
        with np.errstate(divide="ignore"):
            lp = _log_density(dist, xs, pa, pb)
        return (lp if is_log else np.exp(lp)).astype(x.dtype)
    return ref


def pdf_dirichlet(is_log=False):
    def ref(x, alpha):
        xs, al = x.astype(F64), alpha.astype(F64)
        al = al.reshape(al.shape[:-1] + (1,) * (xs.ndim - al.ndim) + al.shape[-1:])
        lp = _lgamma(al.sum(-1)) - _lgamma(al).sum(-1) + ((al - 1) * np.log(xs)).sum(-1)
        return (lp if is_log else np.exp(lp)).astype(x.dtype)
    return ref


# distribution -> (sample maker, parameter makers), one distribution per parameter element
def _cont(lo, hi):
    return lambda *shape: _rng.uniform(lo, hi, shape)


def _counts(hi):
    return lambda *shape: _rng.randint(0, hi, shape).astype(F64)


PDFS = {
    "uniform": (None, [_cont(-2, -1), _cont(1, 2)]),  # samples drawn inside each [low, high]
    "normal": (_cont(-2, 2), [_cont(-1, 1), _cont(0.5, 2)]),
    "gamma": (_cont(0.2, 3), [_cont(0.5, 3), _cont(0.5, 2)]),
    "exponential": (_cont(0, 3), [_cont(0.5, 3)]),
    "poisson": (_counts(8), [_cont(0.5, 5)]),
    "negative_binomial": (_counts(8), [_cont(0.5, 4), _cont(0.2, 0.9)]),
    "generalized_negative_binomial": (_counts(8), [_cont(0.5, 4), _cont(0.1, 2)]),
}
DISCRETE = ("poisson", "negative_binomial", "generalized_negative_binomial")


def _pdf_case(dist, pshape, draws, is_log=False, dtype=F, rtol=1e-5, atol=1e-6):
    sample_maker, makers = PDFS[dist]
    params = [m(*pshape) for m in makers]
    if dist == "uniform":
        lo, hi = (_per_row(p, np.zeros(pshape + draws)) for p in params)
        sample = lo + (hi - lo) * _rng.uniform(0.05, 0.95, pshape + draws)
    else:
        sample = sample_maker(*(pshape + draws))
    inputs = [np.asarray(v).astype(dtype) for v in [sample] + params]
    return Case(inputs, {"is_log": is_log} if is_log else {}, pdf(dist, is_log), rtol, atol)


def _dirichlet_case(pshape, draws, k, is_log=False, dtype=F, rtol=1e-5, atol=1e-6):
    alpha = _rng.uniform(0.5, 3, pshape + (k,))
    sample = _rng.dirichlet(np.ones(k), pshape + draws)
    return Case([sample.astype(dtype), alpha.astype(dtype)], {"is_log": is_log} if is_log else {},
                pdf_dirichlet(is_log), rtol, atol)


def _pdf_cases(dist):
    return [  # the first two (float32 and a log) get gradient cases
        _pdf_case(dist, (2,), (3,)),
        _pdf_case(dist, (3,), (2,), is_log=True),
        _pdf_case(dist, (2, 2), (), dtype=F64, rtol=1e-12, atol=1e-12),
        _pdf_case(dist, (2,), (2, 2), is_log=True, dtype=F64, rtol=1e-12, atol=1e-12),
    ]


# -------------------------------------------------------------- histogram
def histogram_uniform(bin_cnt, lo, hi):
    def ref(x):
        edges = np.linspace(lo, hi, bin_cnt + 1).astype(x.dtype)
        counts, _ = np.histogram(x.astype(F64), bins=edges.astype(F64))
        return [counts.astype(np.int64), edges]
    return ref


def histogram_bins(x, bins):
    counts, _ = np.histogram(x.astype(F64), bins=bins.astype(F64))
    return [counts.astype(np.int64), bins]


_HIST_DATA = _rng.randn(40).astype(F)
_HIST_DATA[:3] = [-2.0, 2.0, 5.0]  # the two outer edges, and a value outside

OPS = {f"_random_pdf_{d}": _pdf_cases(d) for d in PDFS}
OPS["_random_pdf_dirichlet"] = [
    _dirichlet_case((2,), (3,), 3),
    _dirichlet_case((3,), (), 4, is_log=True),
    _dirichlet_case((2, 2), (2,), 2, dtype=F64, rtol=1e-12, atol=1e-12),
]
OPS.update({
    # all rows alike: every permutation gives the input back
    "_shuffle": [Case([np.tile(np.array([1.5, -2.0, 3.0], F), (4, 1))], {}, lambda x: x),
                 Case([np.full((1, 2, 2), 7, np.int32)], {}, lambda x: x),
                 Case([np.zeros((3,), F64)], {}, lambda x: x)],
    # one class: every draw is 0, and the first draw of each row is kept
    "_sample_unique_zipfian": [
        Case([], {"range_max": 1, "shape": (3, 1)},
             lambda: [np.zeros((3, 1), np.int64), np.ones((3,), np.int64)]),
        Case([], {"range_max": 5, "shape": (2, 0)}, lambda: [np.zeros((2, 0), np.int64), np.zeros((2,), np.int64)]),
    ],
    "_histogram": [
        Case([_HIST_DATA], {"bin_cnt": 5, "range": (-2, 2)}, histogram_uniform(5, -2, 2)),
        Case([_HIST_DATA.astype(F64)], {"bin_cnt": 3, "range": (-1, 1)}, histogram_uniform(3, -1, 1)),
        Case([_HIST_DATA, np.array([-3, -0.5, 0, 0.25, 4], F)], {}, histogram_bins),
        Case([np.array([1, 2, 2, 3, 5, 7], np.int32)], {"bin_cnt": 3, "range": (0, 6)},
             lambda x: [np.array([1, 3, 1], np.int64), np.array([0, 2, 4, 6], np.int32)]),
    ],
})

# The sample of a discrete distribution gets no gradient (as MXNet).
INDEX_INPUTS = {f"_random_pdf_{d}": {0} for d in DISCRETE}

NOT_DIFFERENTIABLE = {"_shuffle", "_sample_unique_zipfian", "_histogram"}

# ------------------------------------------------------------ *_like samplers
_D = np.zeros((2, 3), F)
RANDOM = {
    "_random_uniform_like": [({"low": -1.0, "high": 2.0}, "float32", (2, 3), {"min": -1.0, "max": 2.0}, [_D]),
                             ({"low": 5.0, "high": 6.0}, "float64", (4,), {"min": 5.0, "max": 6.0},
                              [np.zeros(4, F64)])],
    "_random_normal_like": [({"loc": 10.0, "scale": 0.1}, "float32", (2, 3), {"min": 5.0, "max": 15.0}, [_D])],
    "_random_gamma_like": [({"alpha": 2.0, "beta": 1.0}, "float32", (2, 3), {"min": 0.0}, [_D])],
    "_random_exponential_like": [({"lam": 2.0}, "float32", (2, 3), {"min": 0.0}, [_D])],
    "_random_poisson_like": [({"lam": 3.0}, "float32", (2, 3), {"min": 0.0, "integral": True}, [_D])],
    "_random_negative_binomial_like": [({"k": 3, "p": 0.4}, "float32", (2, 3), {"min": 0.0, "integral": True},
                                        [_D])],
    "_random_generalized_negative_binomial_like": [({"mu": 2.0, "alpha": 0.5}, "float32", (2, 3),
                                                    {"min": 0.0, "integral": True}, [_D])],
}
EXCLUDED = {op: "random: distributions tested in test_random_extra.py" for op in RANDOM}
# data only gives the shape: its gradient is zero
RANDOM_GRADIENT = {op: [([_D], specs[0][0], [np.ones((2, 3), F)], [np.zeros((2, 3), F)])]
                   for op, specs in RANDOM.items()}


def _a(*shape, dtype=F):
    """Inputs of error cases: only shapes and dtypes matter."""
    return (np.arange(int(np.prod(shape))).reshape(shape) / 7 + 0.5).astype(dtype)


ERROR_CASES = [
    ("bad_param", "_random_pdf_uniform", [_a(2, 2), np.array([1, 0], F), np.array([2, -1], F)], {}, ARG,
     ["_random_pdf_uniform", "low", "flat index 1"]),
    ("bad_param", "_random_pdf_normal", [_a(2, 2), _a(2), np.array([1, 0], F)], {}, ARG,
     ["_random_pdf_normal", "sigma", "> 0"]),
    ("bad_param", "_random_pdf_gamma", [_a(2), np.array([-1, 1], F), _a(2)], {}, ARG, ["_random_pdf_gamma", "alpha"]),
    ("bad_param", "_random_pdf_exponential", [_a(1, 2), np.array([0], F)], {}, ARG, ["_random_pdf_exponential", "lam"]),
    ("bad_param", "_random_pdf_poisson", [_a(1, 2), np.array([-1], F)], {}, ARG, ["_random_pdf_poisson", "lam"]),
    ("bad_param", "_random_pdf_negative_binomial", [_a(1, 2), np.array([2], F), np.array([1.5], F)], {}, ARG,
     ["_random_pdf_negative_binomial", "p", "(0, 1]"]),
    ("bad_param", "_random_pdf_generalized_negative_binomial", [_a(1, 2), np.array([2], F), np.array([-1], F)], {},
     ARG, ["_random_pdf_generalized_negative_binomial", "alpha"]),
    ("bad_alpha", "_random_pdf_dirichlet", [_a(1, 2), np.array([[1, 0]], F)], {}, ARG,
     ["_random_pdf_dirichlet", "alpha", "> 0"]),
    ("shape", "_random_pdf_normal", [_a(3, 2), _a(2), _a(2)], {}, SHAPE, ["_random_pdf_normal", "sample", "(3, 2)"]),
    ("shape", "_random_pdf_dirichlet", [_a(2, 3), _a(2, 2)], {}, SHAPE, ["_random_pdf_dirichlet", "sample"]),
    ("dtype", "_random_pdf_exponential", [_a(2, dtype=np.int32), _a(1, dtype=np.int32)], {}, DTYPE,
     ["_random_pdf_exponential", "float"]),
    ("bad_param", "_random_uniform_like", [_a(2)], {"low": 2.0, "high": 1.0}, ARG, ["_random_uniform_like", "low"]),
    ("bad_param", "_random_normal_like", [_a(2)], {"scale": -1.0}, ARG, ["_random_normal_like", "scale"]),
    ("bad_param", "_random_gamma_like", [_a(2)], {"alpha": 0.0}, ARG, ["_random_gamma_like", "alpha"]),
    ("bad_param", "_random_exponential_like", [_a(2)], {"lam": 0.0}, ARG, ["_random_exponential_like", "lam"]),
    ("bad_param", "_random_poisson_like", [_a(2)], {"lam": -1.0}, ARG, ["_random_poisson_like", "lam"]),
    ("bad_param", "_random_negative_binomial_like", [_a(2)], {"p": 0.0}, ARG,
     ["_random_negative_binomial_like", "p"]),
    ("bad_param", "_random_generalized_negative_binomial_like", [_a(2)], {"mu": -1.0}, ARG,
     ["_random_generalized_negative_binomial_like", "mu"]),
    ("dtype", "_random_uniform_like", [_a(2, dtype=np.int32)], {}, DTYPE, ["_random_uniform_like", "float"]),
    ("scalar", "_shuffle", [np.array(1.0, F)], {}, SHAPE, ["_shuffle", "axis"]),
    ("too_many", "_sample_unique_zipfian", [], {"range_max": 3, "shape": (2, 4)}, ARG,
     ["_sample_unique_zipfian", "range_max"]),
    ("shape_1d", "_sample_unique_zipfian", [], {"range_max": 3, "shape": (2,)}, ARG,
     ["_sample_unique_zipfian", "shape"]),
    ("cnt_without_range", "_histogram", [_a(4)], {"bin_cnt": 3}, ARG, ["_histogram", "bin_cnt", "range"]),
    ("bins_not_increasing", "_histogram", [_a(4), np.array([0, 2, 1], F)], {}, ARG, ["_histogram", "increasing"]),
    ("bins_2d", "_histogram", [_a(4), _a(2, 2)], {}, SHAPE, ["_histogram", "bins"]),
]
