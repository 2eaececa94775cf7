"""Forward cases (and gradient notes) for the contrib operators GluonNLP-style models use
and small legacy ops (core/op/contrib.cc), merged into cases.py's tables at import (see
cases_nn_extra.py for the fields a family module may define; WRITTEN_GRADIENT holds
gradient cases written out, for the straight-through ops whose gradient is not the
derivative of their forward output).

The references below were checked against MXNet 1.9.1 (values in float32 and float64,
gradients through mx.autograd, error conditions; where MXNet clips or reads out of
bounds on a bad index, or returns garbage for heads that do not divide the width,
mxlite raises)."""
import numpy as np

from .cases import Case

# A generator of its own, so these inputs do not shift when other tables grow.
_rng = np.random.RandomState(20261129)
F = np.float32
F64 = np.float64


def _u(*shape, lo=-2.0, hi=2.0, dtype=F):
    return _rng.uniform(lo, hi, size=shape).astype(dtype)


def _a(*shape, dtype=F):
    """Inputs of error cases: only shapes and dtypes matter."""
    return (np.arange(int(np.prod(shape)), dtype=F).reshape(shape) / 7 + 0.5).astype(dtype)


SHAPE, ARG, INDEX, DTYPE = "MXL_ERR_SHAPE", "MXL_ERR_INVALID_ARGUMENT", "MXL_ERR_INDEX", "MXL_ERR_DTYPE"


# ------------------------------------------------------ interleaved attention
# A (seq, batch, heads * k * D) projection holds per head its k parts (query, key, value
# or key, value) of D side by side. Scores are (batch * heads, seq, seq') with row
# b * heads + h, and q scaled by 1 / sqrt(D).
def _parts(x, heads, k):
    s, b, w = x.shape
    return x.astype(F64).reshape(s, b, heads, k, w // (heads * k))


def selfatt_qk(qkv, heads):
    p = _parts(qkv, heads, 3)
    s = np.einsum("ibhd,jbhd->bhij", p[:, :, :, 0], p[:, :, :, 1]) / np.sqrt(p.shape[-1])
    return s.reshape(-1, qkv.shape[0], qkv.shape[0]).astype(qkv.dtype)


def selfatt_valatt(qkv, att, heads):
    p = _parts(qkv, heads, 3)
    L, B = qkv.shape[:2]
    out = np.einsum("bhij,jbhd->ibhd", att.astype(F64).reshape(B, heads, L, L), p[:, :, :, 2])
    return out.reshape(L, B, -1).astype(qkv.dtype)


def encdec_qk(q, kv, heads):
    pq = _parts(q, heads, 1)
    pk = _parts(kv, heads, 2)
    s = np.einsum("ibhd,jbhd->bhij", pq[:, :, :, 0], pk[:, :, :, 0]) / np.sqrt(pq.shape[-1])
    return s.reshape(-1, q.shape[0], kv.shape[0]).astype(q.dtype)


def encdec_valatt(kv, att, heads):
    pk = _parts(kv, heads, 2)
    Lk, B = kv.shape[:2]
    L = att.shape[1]
    out = np.einsum("bhij,jbhd->ibhd", att.astype(F64).reshape(B, heads, L, Lk), pk[:, :, :, 1])
    return out.reshape(L, B, -1).astype(kv.dtype)


def _att_case(ref, shapes, heads, dtype=F, tol=1e-5):
    return Case([_u(*s, dtype=dtype) for s in shapes], {"heads": heads}, lambda *xs: ref(*xs, heads), tol, tol)


def div_sqrt_dim(x):
    return (x.astype(F64) / np.sqrt(x.shape[-1])).astype(x.dtype)


# ------------------------------------------------------------ small contrib ops
def arange_like(x, start=0.0, step=1.0, repeat=1, axis=None):
    shape = x.shape if axis is None else (x.shape[axis],)
    n = int(np.prod(shape))
    return (start + (np.arange(n) // repeat) * step).reshape(shape).astype(x.dtype)


def allclose(a, b, rtol=1e-5, atol=1e-8, equal_nan=True):
    return np.array(np.allclose(a.astype(F64), b.astype(F64), rtol=rtol, atol=atol, equal_nan=equal_nan), np.uint8)


def index_copy(old, index, new):
    out = old.copy()
    out[index.astype(np.int64)] = new
    return out


def index_array(x, axes=None):
    axes = range(x.ndim) if axes is None else [a % x.ndim for a in axes]
    grids = np.meshgrid(*[np.arange(n) for n in x.shape], indexing="ij")
    return np.stack([grids[a] for a in axes], -1).astype(np.int64).reshape(x.shape + (len(list(axes)),))


def quadratic(x, a=0.0, b=0.0, c=0.0):
    y = x.astype(F64)
    return (a * y * y + b * y + c).astype(x.dtype)


def round_away(x):
    """Halves round away from zero, as MXNet's round."""
    y = x.astype(F64)
    return (np.sign(y) * np.floor(np.abs(y) + 0.5)).astype(x.dtype)


# ------------------------------------------------------ split_v2 and legacy ops
def split_v2(x, axis=1, squeeze_axis=False, indices=(), sections=0):
    n = x.shape[axis]
    if sections > 0:
        sizes = [n // sections + (1 if k < n % sections else 0) for k in range(sections)]
        starts = list(np.cumsum([0] + sizes[:-1]))
    else:
        starts = list(indices)
    parts = np.split(x, starts[1:], axis=axis)
    return [np.squeeze(p, axis) if squeeze_axis else p for p in parts]


def choose_element(lhs, rhs):
    return lhs[np.arange(lhs.shape[0]), rhs.astype(np.int64)]


def fill_element(lhs, mhs, rhs):
    out = lhs.copy()
    out[np.arange(lhs.shape[0]), rhs.astype(np.int64)] = mhs
    return out


def onehot_encode(lhs, rhs):
    out = np.zeros_like(rhs)
    out[np.arange(rhs.shape[0]), lhs.astype(np.int64)] = 1
    return out


def boolean_mask(data, index, axis=0):
    return np.compress(index != 0, data, axis=axis)


_X23 = _u(2, 3)
_NAN = np.array([[np.nan, 1.0], [2.0, np.inf]], F)

OPS = {
    # the first two of each op get gradient cases
    "_contrib_interleaved_matmul_selfatt_qk": [
        _att_case(selfatt_qk, [(3, 2, 12)], 2),
        _att_case(selfatt_qk, [(4, 1, 9)], 1, dtype=F64, tol=1e-12),
        _att_case(selfatt_qk, [(2, 3, 24)], 4, dtype=np.float16, tol=1e-2),
    ],
    "_contrib_interleaved_matmul_selfatt_valatt": [
        _att_case(selfatt_valatt, [(3, 2, 12), (4, 3, 3)], 2),
        _att_case(selfatt_valatt, [(2, 1, 9), (3, 2, 2)], 3, dtype=F64, tol=1e-12),
        _att_case(selfatt_valatt, [(2, 2, 12), (4, 2, 2)], 2, dtype=np.float16, tol=1e-2),
    ],
    "_contrib_interleaved_matmul_encdec_qk": [
        _att_case(encdec_qk, [(3, 2, 4), (5, 2, 8)], 2),
        _att_case(encdec_qk, [(2, 1, 6), (3, 1, 12)], 3, dtype=F64, tol=1e-12),
        _att_case(encdec_qk, [(2, 2, 8), (3, 2, 16)], 2, dtype=np.float16, tol=1e-2),
    ],
    "_contrib_interleaved_matmul_encdec_valatt": [
        _att_case(encdec_valatt, [(5, 2, 8), (4, 3, 5)], 2),
        _att_case(encdec_valatt, [(3, 1, 12), (3, 2, 3)], 3, dtype=F64, tol=1e-12),
        _att_case(encdec_valatt, [(3, 2, 16), (4, 2, 3)], 2, dtype=np.float16, tol=1e-2),
    ],
    "_contrib_div_sqrt_dim": [
        Case([_u(2, 3, 4)], {}, div_sqrt_dim),
        Case([_u(3, 9, dtype=F64)], {}, div_sqrt_dim, 1e-12, 1e-12),
        Case([np.array([[4, 8, 9, 3]], np.int32)], {}, lambda x: np.array([[2, 4, 4, 1]], np.int32)),
    ],
    "_contrib_arange_like": [
        Case([_X23], {}, arange_like),
        Case([_X23], {"start": 1.0, "step": 2.0, "repeat": 2}, lambda x: arange_like(x, 1.0, 2.0, 2)),
        Case([_X23], {"axis": 1, "start": 1.5}, lambda x: arange_like(x, 1.5, axis=1)),
        Case([_u(2, 3, 2, dtype=F64)], {"axis": -2, "step": 0.5}, lambda x: arange_like(x, 0.0, 0.5, axis=-2)),
        Case([np.array([7, 7, 7], np.int32)], {"start": 1.0, "step": 0.5}, lambda x: np.array([1, 1, 2], np.int32)),
    ],
    "_contrib_allclose": [
        Case([_X23, _X23 + F(1e-9)], {}, allclose),
        Case([_X23, _X23 + F(1e-3)], {}, allclose),
        Case([_X23, _X23 + F(1e-3)], {"atol": 1e-2}, lambda a, b: allclose(a, b, atol=1e-2)),
        Case([np.array([2.0], F), np.array([1.0], F)], {"rtol": 0.5, "atol": 0.0},
             lambda a, b: allclose(a, b, rtol=0.5, atol=0.0)),
        Case([_NAN, _NAN.copy()], {}, allclose),
        Case([_NAN, _NAN.copy()], {"equal_nan": False}, lambda a, b: allclose(a, b, equal_nan=False)),
    ],
    "_contrib_index_copy": [
        Case([_u(5, 3), np.array([4, 1], F), _u(2, 3)], {}, index_copy),
        Case([_u(4, 2, 2, dtype=F64), np.array([0, 2, 3], np.int64), _u(3, 2, 2, dtype=F64)], {}, index_copy,
             1e-12, 1e-12),
        Case([np.arange(6, dtype=np.int32).reshape(3, 2), np.array([1], np.int32), np.array([[9, 9]], np.int32)], {},
             index_copy),
    ],
    "_contrib_index_array": [
        Case([_X23], {}, index_array),
        Case([_u(2, 1, 3)], {"axes": (-1, 0)}, lambda x: index_array(x, (-1, 0))),
        Case([_u(4)], {"axes": (0,)}, lambda x: index_array(x, (0,))),
    ],
    "_contrib_gradientmultiplier": [
        Case([_u(2, 3)], {"scalar": -0.5}, lambda x: x),
        Case([_u(3, dtype=F64)], {"scalar": 2.0}, lambda x: x, 0, 0),
    ],
    "_contrib_quadratic": [
        Case([_u(2, 3)], {"a": 2.0, "b": -1.0, "c": 3.0}, lambda x: quadratic(x, 2.0, -1.0, 3.0)),
        Case([_u(4, dtype=F64)], {"a": 0.5, "b": 2.0}, lambda x: quadratic(x, 0.5, 2.0), 1e-12, 1e-12),
        Case([_u(3)], {}, quadratic),
        Case([np.array([1, 2], np.int32)], {"a": 1.0, "b": 1.0, "c": 1.0}, lambda x: np.array([3, 7], np.int32)),
    ],
    "_contrib_round_ste": [
        Case([np.array([-2.5, -1.5, -0.4, 0.0, 0.5, 1.5, 2.5, 3.7], F)], {}, round_away),
        Case([_u(2, 3, lo=-5, hi=5, dtype=F64)], {}, round_away, 0, 0),
    ],
    "_contrib_sign_ste": [
        Case([np.array([-2.0, 0.0, 3.0, -0.1], F)], {}, lambda x: np.sign(x)),
        Case([_u(2, 3, dtype=F64)], {}, lambda x: np.sign(x), 0, 0),
    ],
    "_split_v2": [
        Case([_u(6, 4)], {"indices": (0, 1, 3), "axis": 0}, lambda x: split_v2(x, 0, indices=(0, 1, 3))),
        Case([_u(2, 6, dtype=F64)], {"sections": 3}, lambda x: split_v2(x, 1, sections=3), 0, 0),
        Case([_u(6, 2)], {"sections": 4, "axis": 0}, lambda x: split_v2(x, 0, sections=4)),
        Case([_u(3, 2)], {"sections": 2, "axis": -1, "squeeze_axis": True},
             lambda x: split_v2(x, -1, True, sections=2)),
        Case([_u(5, 2)], {"indices": (0, 4, 5), "axis": 0}, lambda x: split_v2(x, 0, indices=(0, 4, 5))),
    ],
    "choose_element_0index": [
        Case([_u(3, 4), np.array([2, 0, 3], F)], {}, choose_element),
        Case([_u(2, 5, dtype=F64), np.array([4, 1], F64)], {}, choose_element, 0, 0),
        Case([np.arange(6, dtype=np.int32).reshape(2, 3), np.array([1, 2], np.int32)], {}, choose_element),
    ],
    "fill_element_0index": [
        Case([_u(3, 4), _u(3), np.array([2, 0, 3], F)], {}, fill_element),
        Case([_u(2, 5, dtype=F64), _u(2, dtype=F64), np.array([4, 1], F64)], {}, fill_element, 0, 0),
    ],
    "_contrib_boolean_mask": [
        Case([_u(4, 3), np.array([0, 1, 1, 0], F)], {}, boolean_mask),
        Case([_u(2, 5, dtype=F64), np.array([1, 0, 0, 1, 1], np.int32)], {"axis": 1},
             lambda x, i: boolean_mask(x, i, 1), 0, 0),
        Case([_u(3, 2), np.zeros(3, F)], {}, boolean_mask),
        Case([np.arange(6, dtype=np.int32).reshape(3, 2), np.array([1, 0, 1], np.int64)], {}, boolean_mask),
    ],
    "_onehot_encode": [
        Case([np.array([1, 3, 0], F), np.zeros((3, 4), F)], {}, onehot_encode),
        Case([np.array([2, 0], np.int32), np.zeros((2, 3), np.int32)], {}, onehot_encode),
    ],
}

# Index inputs get no gradient; _onehot_encode's rhs gives only a shape.
INDEX_INPUTS = {"_contrib_boolean_mask": {1}, "_contrib_index_copy": {1}, "choose_element_0index": {1}, "fill_element_0index": {2},
                "_onehot_encode": {0, 1}}

# arange_like does not depend on data's values: zero gradients.
ZERO_GRADIENT = {"_contrib_arange_like"}

# Straight-through and gradient-scaling ops: their gradient is not the derivative of
# the forward output, so it is written out below instead of taken by finite differences.
# _onehot_encode and index_array (integer output) have no gradient.
NOT_DIFFERENTIABLE = {"_contrib_round_ste", "_contrib_sign_ste", "_contrib_gradientmultiplier", "_onehot_encode",
                      "_contrib_index_array"}

_H = np.array([[0.5, -1.0, 2.0], [1.5, 0.25, -3.0]], F)
# op: [(inputs, params, head_grads, grads)]
WRITTEN_GRADIENT = {
    "_contrib_round_ste": [([_u(2, 3, lo=-3, hi=3)], {}, [_H], [_H])],
    "_contrib_sign_ste": [([_u(2, 3)], {}, [_H], [_H])],
    "_contrib_gradientmultiplier": [([_u(2, 3)], {"scalar": -0.5}, [_H], [-0.5 * _H]),
                                    ([_u(2, 3)], {"scalar": 3.0}, [_H], [3.0 * _H])],
}

ERROR_CASES = [
    ("heads", "_contrib_interleaved_matmul_selfatt_qk", [_a(3, 2, 24)], {"heads": 5}, SHAPE,
     ["_contrib_interleaved_matmul_selfatt_qk", "queries_keys_values", "3 * heads = 15", "(3, 2, 24)"]),
    ("qkv_2d", "_contrib_interleaved_matmul_selfatt_qk", [_a(2, 24)], {"heads": 2}, SHAPE,
     ["_contrib_interleaved_matmul_selfatt_qk", "3-D", "(2, 24)"]),
    ("zero_heads", "_contrib_interleaved_matmul_selfatt_qk", [_a(3, 2, 24)], {"heads": 0}, ARG,
     ["_contrib_interleaved_matmul_selfatt_qk", "heads"]),
    ("int_data", "_contrib_interleaved_matmul_selfatt_qk", [np.ones((3, 2, 24), np.int32)], {"heads": 2}, DTYPE,
     ["_contrib_interleaved_matmul_selfatt_qk", "int32"]),
    ("att_shape", "_contrib_interleaved_matmul_selfatt_valatt", [_a(3, 2, 24), _a(4, 3, 5)], {"heads": 2}, SHAPE,
     ["_contrib_interleaved_matmul_selfatt_valatt", "attention", "(4, 3, 3)", "(4, 3, 5)"]),
    ("kv_width", "_contrib_interleaved_matmul_encdec_qk", [_a(3, 2, 8), _a(5, 2, 8)], {"heads": 2}, SHAPE,
     ["_contrib_interleaved_matmul_encdec_qk", "keys_values", "(5, 2, 8)"]),
    ("kv_batch", "_contrib_interleaved_matmul_encdec_qk", [_a(3, 2, 8), _a(5, 3, 16)], {"heads": 2}, SHAPE,
     ["_contrib_interleaved_matmul_encdec_qk", "keys_values", "(5, 3, 16)"]),
    ("att_shape", "_contrib_interleaved_matmul_encdec_valatt", [_a(5, 2, 16), _a(4, 3, 4)], {"heads": 2}, SHAPE,
     ["_contrib_interleaved_matmul_encdec_valatt", "attention", "(4, 3, 4)"]),
    ("scalar", "_contrib_div_sqrt_dim", [np.array(2.0, F)], {}, SHAPE, ["_contrib_div_sqrt_dim", "1 dimension"]),
    ("bad_axis", "_contrib_arange_like", [_a(2, 3)], {"axis": 2}, ARG, ["_contrib_arange_like", "axis"]),
    ("zero_repeat", "_contrib_arange_like", [_a(2, 3)], {"repeat": 0}, ARG, ["_contrib_arange_like", "repeat"]),
    ("shapes", "_contrib_allclose", [_a(2, 3), _a(3)], {}, SHAPE, ["_contrib_allclose", "(2, 3)", "(3,)"]),
    ("dtypes", "_contrib_allclose", [_a(2), _a(2, dtype=F64)], {}, DTYPE, ["_contrib_allclose", "float64"]),
    ("index_range", "_contrib_index_copy", [_a(3, 2), np.array([0, 3], F), _a(2, 2)], {}, INDEX,
     ["_contrib_index_copy", "index_vector[1] = 3", "[0, 3)"]),
    ("new_shape", "_contrib_index_copy", [_a(3, 2), np.array([0, 1], F), _a(2, 3)], {}, SHAPE,
     ["_contrib_index_copy", "new_tensor", "(2, 2)", "(2, 3)"]),
    ("index_2d", "_contrib_index_copy", [_a(3, 2), np.array([[0, 1]], F), _a(2, 2)], {}, SHAPE,
     ["_contrib_index_copy", "index_vector", "1-D"]),
    ("bad_axes", "_contrib_index_array", [_a(2, 3)], {"axes": (0, 2)}, ARG, ["_contrib_index_array", "axis"]),
    ("bool_data", "_contrib_quadratic", [np.ones(2, bool)], {"a": 1.0}, DTYPE, ["_contrib_quadratic", "bool"]),
    ("bad_scalar", "_contrib_gradientmultiplier", [_a(2)], {"scalar": "abc"}, ARG,
     ["_contrib_gradientmultiplier", "scalar", "abc"]),
    ("bool_data", "_contrib_round_ste", [np.ones(2, bool)], {}, DTYPE, ["_contrib_round_ste", "bool"]),
    ("bool_data", "_contrib_sign_ste", [np.ones(2, bool)], {}, DTYPE, ["_contrib_sign_ste", "bool"]),
    ("decreasing", "_split_v2", [_a(6, 2)], {"indices": (0, 4, 2), "axis": 0}, ARG,
     ["_split_v2", "non-decreasing", "(0, 4, 2)"]),
    ("beyond", "_split_v2", [_a(6, 2)], {"indices": (0, 9), "axis": 0}, ARG, ["_split_v2", "indices[1] = 9", "[0, 6]"]),
    ("no_parts", "_split_v2", [_a(6, 2)], {"axis": 0}, ARG, ["_split_v2", "sections"]),
    ("squeeze", "_split_v2", [_a(6, 2)], {"sections": 2, "axis": 0, "squeeze_axis": True}, SHAPE,
     ["_split_v2", "squeeze_axis", "length 1"]),
    ("index_range", "choose_element_0index", [_a(2, 3), np.array([1, 3], F)], {}, INDEX,
     ["choose_element_0index", "rhs[1] = 3", "[0, 3)"]),
    ("lhs_1d", "choose_element_0index", [_a(3), np.array([1, 2, 0], F)], {}, SHAPE,
     ["choose_element_0index", "lhs", "2-D", "(3,)"]),
    ("rows", "fill_element_0index", [_a(2, 3), _a(2), np.array([1, 0, 2], F)], {}, SHAPE,
     ["fill_element_0index", "rhs", "(3,)"]),
    ("index_range", "fill_element_0index", [_a(2, 3), _a(2), np.array([-1, 0], F)], {}, INDEX,
     ["fill_element_0index", "rhs[0] = -1"]),
    ("index_len", "_contrib_boolean_mask", [_a(3, 2), np.array([1, 0], F)], {}, SHAPE,
     ["_contrib_boolean_mask", "index", "(2,)", "(3, 2)"]),
    ("bad_axis", "_contrib_boolean_mask", [_a(3, 2), np.array([1, 0, 1], F)], {"axis": 2}, ARG,
     ["_contrib_boolean_mask", "axis"]),
    ("index_range", "_onehot_encode", [np.array([0, 4], F), _a(2, 4)], {}, INDEX,
     ["_onehot_encode", "lhs[1] = 4", "[0, 4)"]),
]
