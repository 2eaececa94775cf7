"""Forward cases (and gradient notes) for the nn_extra operators, merged into cases.py's
tables at import: OPS like cases.OPS; optional INDEX_INPUTS, ZERO_GRADIENT /
LOSS_GRADIENT / NOT_DIFFERENTIABLE like gradients.py's, and ERROR_CASES, a list of
(tag, op, inputs, params, kind, contains) as in errors.py's family_cases.

The references below were checked by hand against MXNet 1.9.1 (values, gradients
through mx.autograd, error conditions)."""
import numpy as np

from .cases import Case

# A generator of its own, so these inputs do not shift when other tables grow.
_rng = np.random.RandomState(20261127)
F = np.float32


def _u(*shape, lo=-2.0, hi=2.0, dtype=F):
    return _rng.uniform(lo, hi, size=shape).astype(dtype)


def _labels(n, classes, dtype=F):
    return _rng.randint(0, classes, size=n).astype(dtype)


def _a(*shape):
    """Inputs of error cases: only shapes and dtypes matter."""
    return np.arange(int(np.prod(shape)), dtype=F).reshape(shape) / 7 + 0.5


SHAPE, ARG, INDEX, DTYPE = "MXL_ERR_SHAPE", "MXL_ERR_INVALID_ARGUMENT", "MXL_ERR_INDEX", "MXL_ERR_DTYPE"


# ---------------------------------------------------------------- GroupNorm
def group_norm(x, gamma, beta, num_groups=1, eps=1e-5, output_mean_var=False):
    """gamma and beta hold one value per group (MXNet 1.9's shapes)."""
    n = x.shape[0]
    xr = x.astype(np.float64).reshape(n, num_groups, -1)
    mean = xr.mean(axis=2, keepdims=True)
    std = np.sqrt(xr.var(axis=2, keepdims=True) + eps)
    y = (xr - mean) / std * gamma.reshape(1, -1, 1) + beta.reshape(1, -1, 1)
    y = y.reshape(x.shape).astype(x.dtype)
    if not output_mean_var:
        return y
    return [y, mean.reshape(n, num_groups).astype(x.dtype), std.reshape(n, num_groups).astype(x.dtype)]


def _gn_case(shape, groups, dtype=F, rtol=1e-5, atol=1e-5, **params):
    p = dict(params, num_groups=groups)
    return Case([_u(*shape, dtype=dtype), _u(groups, lo=0.5, hi=1.5, dtype=dtype), _u(groups, dtype=dtype)],
                p, lambda x, g, b, p=p: group_norm(x, g, b, **p), rtol, atol)


# ---------------------------------------------------- softmax_cross_entropy
def softmax_cross_entropy(x, label):
    """MXNet clips each sample's probability at 1e-8 (a loss of at most 18.42 each)."""
    z = x.astype(np.float64)
    z = z - z.max(axis=1, keepdims=True)
    prob = np.exp(z) / np.exp(z).sum(axis=1, keepdims=True)
    k = label.astype(np.int64)
    return np.array([-np.log(np.maximum(prob[np.arange(len(k)), k], 1e-8)).sum()]).astype(x.dtype)


# ---------------------------------------------------------------- SVMOutput
def svm_output_grad(x, label, margin=1.0, regularization_coefficient=1.0, use_linear=False):
    """The SVM loss gradient over the last axis; a label outside [0, K) has no target."""
    k = x.shape[-1]
    flat = x.reshape(-1, k).astype(np.float64)
    lab = label.reshape(-1).astype(np.float64)
    target = np.zeros(flat.shape, bool)
    rows = np.nonzero((lab >= 0) & (lab < k))[0]
    target[rows, lab[rows].astype(np.int64)] = True
    if use_linear:
        g = np.where(target, -(margin > flat).astype(np.float64), (margin > -flat).astype(np.float64))
        g = g * regularization_coefficient
    else:
        g = np.where(target, np.where(margin > flat, 2 * (margin - flat), 0.0),
                     np.where(margin > -flat, -2 * (margin + flat), 0.0)) * -regularization_coefficient
    return g.reshape(x.shape).astype(x.dtype)


def _svm_case(shape, **params):
    return Case([_u(*shape), _labels(int(np.prod(shape[:-1])), shape[-1]).reshape(shape[:-1])],
                params, lambda x, label: x.copy())


OPS = {
    "GroupNorm": [
        _gn_case((2, 4, 3), 2),
        _gn_case((3, 6, 2, 2), 3, eps=1e-3),
        _gn_case((2, 4, 5), 1, dtype=np.float64, rtol=1e-10, atol=1e-10),
        _gn_case((2, 4, 3), 4),
        _gn_case((2, 6, 2, 3), 2, output_mean_var=True),
        _gn_case((2, 4, 3), 2, dtype=np.float16, rtol=2e-3, atol=2e-3),
    ],
    "softmax_cross_entropy": [
        Case([_u(3, 4), _labels(3, 4)], {}, softmax_cross_entropy, 1e-5, 1e-5),
        Case([_u(5, 7, dtype=np.float64), _labels(5, 7, np.float64)], {}, softmax_cross_entropy, 1e-10, 1e-10),
        Case([_u(4, 3, lo=-30, hi=30), _labels(4, 3)], {}, softmax_cross_entropy, 1e-5, 1e-5),
    ],
    "SVMOutput": [
        _svm_case((3, 4)),
        _svm_case((2, 3, 5), margin=0.5, regularization_coefficient=2.0),
        _svm_case((4, 3), use_linear=True),
    ],
}

# Label inputs hold class indices: they get no gradient.
INDEX_INPUTS = {"softmax_cross_entropy": {1}, "SVMOutput": {1}}


def _svm_params(p):
    return {k: float(p[k]) if k != "use_linear" else bool(p[k]) for k in p}


# Loss layers: backward ignores the head gradient and returns the loss gradient of data.
LOSS_GRADIENT = {
    "SVMOutput": lambda xs, p: [svm_output_grad(xs[0], xs[1], **_svm_params(p))],
}

ERROR_CASES = [
    ("few_dims", "GroupNorm", [_a(2, 4), _a(1), _a(1)], {}, SHAPE, ["GroupNorm", "3 dimensions", "(2, 4)"]),
    ("indivisible", "GroupNorm", [_a(2, 4, 3), _a(3), _a(3)], {"num_groups": 3}, SHAPE,
     ["GroupNorm", "num_groups=3", "4"]),
    ("gamma_shape", "GroupNorm", [_a(2, 4, 3), _a(4), _a(4)], {"num_groups": 2}, SHAPE,
     ["GroupNorm", "gamma", "(2,)", "(4,)"]),
    ("zero_groups", "GroupNorm", [_a(2, 4, 3), _a(1), _a(1)], {"num_groups": 0}, ARG, ["GroupNorm", "num_groups"]),
    ("int_data", "GroupNorm", [np.ones((2, 4, 3), np.int32), np.ones(1, np.int32), np.ones(1, np.int32)], {},
     DTYPE, ["GroupNorm", "int32"]),
    ("data_3d", "softmax_cross_entropy", [_a(3, 4, 2), _a(3)], {}, SHAPE, ["softmax_cross_entropy", "2-D", "(3, 4, 2)"]),
    ("label_2d", "softmax_cross_entropy", [_a(3, 4), _a(3, 1)], {}, SHAPE, ["softmax_cross_entropy", "label", "(3, 1)"]),
    ("label_size", "softmax_cross_entropy", [_a(3, 4), _a(4)], {}, SHAPE, ["softmax_cross_entropy", "label", "(4,)"]),
    ("label_range", "softmax_cross_entropy", [_a(2, 3), np.array([1, 5], F)], {}, INDEX,
     ["softmax_cross_entropy", "label", "5"]),
    ("label_dtype", "softmax_cross_entropy", [_a(2, 3), np.array([1, 0], np.int32)], {}, DTYPE,
     ["softmax_cross_entropy", "label", "int32"]),
    ("label_shape", "SVMOutput", [_a(3, 4), _a(4)], {}, SHAPE, ["SVMOutput", "label", "(3,)", "(4,)"]),
    ("data_1d", "SVMOutput", [_a(4), _a(4)], {}, SHAPE, ["SVMOutput", "2 dimensions", "(4,)"]),
]
