"""Forward and error cases for the multi-tensor optimizer operators (multi_sgd_update and
its momentum / multi-precision / preloaded variants, _multi_(mp_)adamw_update,
multi_sum_sq, multi_lars, all_finite, multi_all_finite, reset_arrays), merged into
cases.py's tables at import (see cases_nn_extra.py for the fields a family module may
define).

References are NumPy, float64, written from MXNet 1.9.1's documented update rules and
checked against MXNet 1.9.1 itself: each weight of a multi_* update is the one-weight
update (optimizers.sgd / sgd_mom, multi-precision as optimizers.multi_precision;
optimizers.adamw / mp_adamw) with its own lr and wd (and eta). The updates write their
momenta, moments and float32 master copies in place (Case.updates); none of these
operators is differentiable. Two deliberate differences from MXNet 1.9.1: its
_multi_adamw_update leaves float64 weights unchanged (a defect; here float64 updates as
_adamw_update does), and its multi_lars takes float32 only (here any float dtype)."""
import numpy as np

from . import optimizers
from .cases import Case

# A generator of its own, so these inputs do not shift when other tables grow.
_rng = np.random.RandomState(20261129)
F = np.float32


def _u(*shape, lo=-2.0, hi=2.0, dtype=F):
    return _rng.uniform(lo, hi, size=shape).astype(dtype)


def _a(*shape, dtype=F):
    """Inputs of error cases: only shapes and dtypes matter."""
    return (np.arange(int(np.prod(shape))).reshape(shape) / 7 + 0.5).astype(dtype)


SHAPE, ARG, DTYPE = "MXL_ERR_SHAPE", "MXL_ERR_INVALID_ARGUMENT", "MXL_ERR_DTYPE"


# ------------------------------------------------------------ multi SGD
def multi_sgd(*data, mom=False, mp=False, preloaded=False, lrs=None, wds=None, num_weights=1, **params):
    """Outputs (the new weights), then the in-place states in input order."""
    stride = 2 + int(mom) + int(mp)
    if preloaded:
        lrs, wds = data[-2].astype(np.float64), data[-1].astype(np.float64)
        data = data[:-2]
    step = optimizers.sgd_mom if mom else optimizers.sgd
    if mp:
        step = optimizers.multi_precision(step)
    outs, states = [], []
    for i in range(num_weights):
        group = data[i * stride:(i + 1) * stride]
        r = step(*group, lr=float(lrs[i]), wd=float(wds[i]), **params)
        outs.append(r[0])
        states += r[1:]
    return outs + states


def _multi_sgd_case(shapes, mom=False, mp=False, preloaded=False, dtype=F, rtol=1e-5, atol=1e-6, **params):
    n = len(shapes)
    lrs = [round(0.05 * (i + 1), 3) for i in range(n)]
    wds = [round(0.01 * i, 3) for i in range(n)]
    inputs, updates = [], []
    for s in shapes:
        w = _u(*s, dtype=np.float16 if mp else dtype)
        g = _u(*s, lo=-3.0, hi=3.0, dtype=w.dtype)
        group = [w, g]
        if mom:
            group.append(_u(*s, lo=-0.5, hi=0.5, dtype=F if mp else dtype))
        if mp:
            group.append(w.astype(F))
        updates += [len(inputs) + j for j in range(2, len(group))]
        inputs += group
    p = dict(params, num_weights=n)
    if mom:
        p.setdefault("momentum", 0.9)
    if preloaded:
        inputs += [np.array(lrs, F), np.array(wds, F)]
        ref_lrs = {}
    else:
        p.update(lrs=tuple(lrs), wds=tuple(wds))
        ref_lrs = {}
    kw = dict(p, mom=mom, mp=mp, preloaded=preloaded, **ref_lrs)
    if mp:
        rtol, atol = 1e-3, 1e-3
    return Case(inputs, p, lambda *xs: multi_sgd(*xs, **kw), rtol, atol, updates=updates)


def _family(mom, mp, preloaded):
    return [
        _multi_sgd_case([(2, 3), (4,)], mom, mp, preloaded),
        _multi_sgd_case([(3,), (2, 2), (1, 5)], mom, mp, preloaded, rescale_grad=0.5, clip_gradient=0.4),
        _multi_sgd_case([(2, 2)], mom, mp, preloaded, dtype=np.float64, rtol=1e-12, atol=1e-12),
    ]


# ------------------------------------------------------------ multi AdamW
def multi_adamw(*data, mp=False, lrs=(), wds=(), etas=(), num_weights=1, **params):
    """Groups (weight, grad, mean, var[, weight32]), then rescale_grad."""
    stride = 5 if mp else 4
    step = optimizers.mp_adamw if mp else optimizers.adamw
    outs, states = [], []
    for i in range(num_weights):
        group = list(data[i * stride:(i + 1) * stride])
        r = step(*group, data[-1], lr=lrs[i], wd=wds[i], eta=etas[i], **params)
        outs.append(r[0])
        states += r[1:]
    return outs + states


def _multi_adamw_case(shapes, mp=False, rescale=1.0, dtype=F, rtol=1e-5, atol=1e-6, **params):
    n = len(shapes)
    p = dict(params, num_weights=n, lrs=tuple(round(0.01 * (i + 1), 3) for i in range(n)),
             wds=tuple(round(0.02 * i, 3) for i in range(n)), etas=tuple(round(1.0 - 0.25 * i, 3) for i in range(n)))
    inputs, updates = [], []
    for s in shapes:
        w = _u(*s, dtype=np.float16 if mp else dtype)
        st = F if mp else dtype
        group = [w, _u(*s, lo=-3.0, hi=3.0, dtype=w.dtype), _u(*s, lo=-0.5, hi=0.5, dtype=st),
                 _u(*s, lo=0.1, hi=1.0, dtype=st)]
        if mp:
            group.append(w.astype(F))
        updates += [len(inputs) + j for j in range(2, len(group))]
        inputs += group
    inputs.append(np.array([rescale], F if mp else dtype))
    kw = dict(p, mp=mp)
    if mp:
        rtol, atol = 1e-3, 1e-3
    return Case(inputs, p, lambda *xs: multi_adamw(*xs, **kw), rtol, atol, updates=updates)


def _adamw_family(mp):
    return [
        _multi_adamw_case([(2, 3), (4,)], mp),
        _multi_adamw_case([(3,), (2, 2)], mp, rescale=0.5, clip_gradient=0.6, beta1=0.8, beta2=0.99, epsilon=1e-6),
        _multi_adamw_case([(2,), (3,)], mp, rescale=float("inf")),  # a skipped step
        _multi_adamw_case([(2, 2)], mp, dtype=np.float64, rtol=1e-12, atol=1e-12),
    ]


# ------------------------------------------------------------ the others
def multi_sum_sq(*data, num_arrays=1):
    return np.array([np.sum(x.astype(np.float64) ** 2) for x in data], F)


def multi_lars(lrs, weights_sum_sq, grads_sum_sq, wds, eta, eps, rescale_grad=1.0):
    w = np.sqrt(weights_sum_sq.astype(np.float64))
    g = np.sqrt(grads_sum_sq.astype(np.float64)) * rescale_grad
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = np.where((w > 0) & (g > 0), eta * w / (g + wds * w + eps), 1.0)
    return (lrs * ratio).astype(lrs.dtype)


def all_finite(*data, num_arrays=1, init_output=True):
    return np.array([float(all(np.isfinite(x).all() for x in data))], F)


def reset_arrays(*data, num_arrays=1):
    return [np.zeros_like(x) for x in data]  # no outputs: the inputs' new values only


_NONFINITE = np.array([1.0, np.inf, 2.0], F)

OPS = {
    "multi_sgd_update": _family(False, False, False),
    "multi_sgd_mom_update": _family(True, False, False),
    "multi_mp_sgd_update": _family(False, True, False),
    "multi_mp_sgd_mom_update": _family(True, True, False),
    "preloaded_multi_sgd_update": _family(False, False, True),
    "preloaded_multi_sgd_mom_update": _family(True, False, True),
    "preloaded_multi_mp_sgd_update": _family(False, True, True),
    "preloaded_multi_mp_sgd_mom_update": _family(True, True, True),
    "_multi_adamw_update": _adamw_family(False),
    "_multi_mp_adamw_update": _adamw_family(True),
    "multi_sum_sq": [
        Case([_u(2, 3), _u(4), _u(1, 1, 2)], {"num_arrays": 3}, lambda *xs: multi_sum_sq(*xs)),
        Case([_u(3, 2, dtype=np.float64)], {"num_arrays": 1}, lambda *xs: multi_sum_sq(*xs)),
        Case([_u(5, dtype=np.float16), _u(2, 2, dtype=np.float16)], {"num_arrays": 2},
             lambda *xs: multi_sum_sq(*xs), 1e-3, 1e-3),
    ],
    "multi_lars": [
        Case([_u(4, lo=0.1, hi=1.0), np.array([4.0, 0.0, 9.0, 2.5], F), np.array([1.0, 1.0, 0.0, 0.3], F),
              _u(4, lo=0.0, hi=0.1)], {"eta": 0.1, "eps": 1e-3}, lambda *xs: multi_lars(*xs, 0.1, 1e-3)),
        Case([_u(3, lo=0.1, hi=1.0), _u(3, lo=0.5, hi=4.0), _u(3, lo=0.5, hi=4.0), _u(3, lo=0.0, hi=0.1)],
             {"eta": 0.01, "eps": 1e-6, "rescale_grad": 0.25}, lambda *xs: multi_lars(*xs, 0.01, 1e-6, 0.25)),
        Case([_u(3, lo=0.1, hi=1.0, dtype=np.float64), _u(3, lo=0.5, hi=4.0, dtype=np.float64),
              _u(3, lo=0.5, hi=4.0, dtype=np.float64), _u(3, lo=0.0, hi=0.1, dtype=np.float64)],
             {"eta": 0.02, "eps": 1e-8}, lambda *xs: multi_lars(*xs, 0.02, 1e-8), 1e-12, 1e-12),
    ],
    "all_finite": [
        Case([_u(2, 3)], {}, all_finite),
        Case([_NONFINITE], {}, all_finite),
        Case([np.array([np.nan, 1.0], np.float16)], {}, all_finite),
        Case([_u(3, dtype=np.float64)], {"init_output": True}, all_finite),
    ],
    "multi_all_finite": [
        Case([_u(2, 3), _u(4)], {"num_arrays": 2}, lambda *xs: all_finite(*xs)),
        Case([_u(2), _NONFINITE, _u(1)], {"num_arrays": 3}, lambda *xs: all_finite(*xs)),
        Case([np.array([-np.inf], np.float64)], {"num_arrays": 1}, lambda *xs: all_finite(*xs)),
    ],
    "reset_arrays": [
        Case([_u(2, 3), _u(4, dtype=np.float64)], {"num_arrays": 2}, lambda *xs: reset_arrays(*xs),
             updates=(0, 1)),
        Case([_u(3, dtype=np.float16)], {"num_arrays": 1}, lambda *xs: reset_arrays(*xs), updates=(0,)),
    ],
}

NOT_DIFFERENTIABLE = set(OPS)

_W, _G = _a(2, 3), _a(2, 3)
ERROR_CASES = [
    ("lrs_count", "multi_sgd_update", [_W, _G, _a(4), _a(4)], {"lrs": (0.1,), "wds": (0.0, 0.0), "num_weights": 2},
     ARG, ["multi_sgd_update", "lrs", "1 value", "num_weights is 2"]),
    ("lrs_text", "multi_sgd_update", [_W, _G], {"lrs": "fast", "wds": (0.0,), "num_weights": 1}, ARG,
     ["multi_sgd_update", "lrs", "fast"]),
    ("inputs", "multi_sgd_mom_update", [_W, _G, _W, _G], {"lrs": (0.1, 0.1), "wds": (0.0, 0.0), "num_weights": 2},
     ARG, ["multi_sgd_mom_update", "expected 6 input"]),
    ("grad_shape", "multi_sgd_update", [_W, _a(3, 2)], {"lrs": (0.1,), "wds": (0.0,), "num_weights": 1}, SHAPE,
     ["multi_sgd_update", "grad_0", "(3, 2)", "(2, 3)"]),
    ("mixed_dtype", "multi_sgd_update", [_W, _G, _a(2, dtype=np.float64), _a(2, dtype=np.float64)],
     {"lrs": (0.1, 0.1), "wds": (0.0, 0.0), "num_weights": 2}, DTYPE, ["multi_sgd_update", "weight_1", "float64"]),
    ("int_weight", "multi_sgd_update", [np.ones(3, np.int32), np.ones(3, np.int32)],
     {"lrs": (0.1,), "wds": (0.0,), "num_weights": 1}, DTYPE, ["multi_sgd_update", "float", "int32"]),
    ("weight32_dtype", "multi_mp_sgd_update", [_a(3, dtype=np.float16)] * 3,
     {"lrs": (0.1,), "wds": (0.0,), "num_weights": 1}, DTYPE, ["multi_mp_sgd_update", "weight32_0", "float16"]),
    ("lrs_size", "preloaded_multi_sgd_update", [_W, _G, _a(2), _a(2)], {"num_weights": 1}, SHAPE,
     ["preloaded_multi_sgd_update", "lrs", "num_weights = 1", "(2,)"]),
    ("lrs_dtype", "preloaded_multi_sgd_update", [_W, _G, _a(1, dtype=np.float64), _a(1)], {"num_weights": 1}, DTYPE,
     ["preloaded_multi_sgd_update", "lrs", "float64"]),
    ("momentum", "multi_sgd_mom_update", [_W, _G, _W], {"lrs": (0.1,), "wds": (0.0,), "momentum": 1.5,
                                                          "num_weights": 1}, ARG, ["multi_sgd_mom_update", "momentum"]),
    ("etas_count", "_multi_adamw_update", [_W, _G, _W, _W, _a(1)],
     {"lrs": (0.1,), "wds": (0.0,), "etas": (1.0, 1.0), "num_weights": 1}, ARG,
     ["_multi_adamw_update", "etas", "2 value(s)", "num_weights is 1"]),
    ("rescale_size", "_multi_adamw_update", [_W, _G, _W, _W, _a(2)],
     {"lrs": (0.1,), "wds": (0.0,), "etas": (1.0,), "num_weights": 1}, SHAPE,
     ["_multi_adamw_update", "rescale_grad", "1 value", "(2,)"]),
    ("rescale_dtype", "_multi_mp_adamw_update", [_a(3, dtype=np.float16)] * 2 + [_a(3)] * 3 + [_a(1, dtype=np.float16)],
     {"lrs": (0.1,), "wds": (0.0,), "etas": (1.0,), "num_weights": 1}, DTYPE,
     ["_multi_mp_adamw_update", "rescale_grad", "float16"]),
    ("int_input", "multi_sum_sq", [np.ones(3, np.int32)], {"num_arrays": 1}, DTYPE, ["multi_sum_sq", "int32"]),
    ("lars_shape", "multi_lars", [_a(3), _a(3), _a(2), _a(3)], {"eta": 0.1, "eps": 0.0}, SHAPE,
     ["multi_lars", "grads_sum_sq", "(2,)", "(3,)"]),
    ("lars_2d", "multi_lars", [_a(3, 1), _a(3, 1), _a(3, 1), _a(3, 1)], {"eta": 0.1, "eps": 0.0}, SHAPE,
     ["multi_lars", "1-D", "(3, 1)"]),
    ("int_input", "all_finite", [np.ones(3, np.int32)], {}, DTYPE, ["all_finite", "int32"]),
]
