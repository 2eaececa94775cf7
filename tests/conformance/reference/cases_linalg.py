"""Forward cases (and gradient notes) for the linalg operators, merged into cases.py's
tables at import: OPS like cases.OPS; optional INDEX_INPUTS, ZERO_GRADIENT /
LOSS_GRADIENT / NOT_DIFFERENTIABLE like gradients.py's, and ERROR_CASES, a list of
(tag, op, inputs, params, kind, contains) as in errors.py's family_cases.

The references are NumPy's linear algebra in float64 (numpy.linalg where it has the
operation), cast back to the input's dtype. Inputs are well conditioned (A = B B^T + n I
for the Cholesky ops, a dominant diagonal for the solves), so that float32 results
and float64 finite differences are both accurate. Each reference reads only the part
of its input that MXNet reads (a triangle for trmm, trsm and potri), so the finite
differences give MXNet's gradients, zero outside that part; potrf's reference
symmetrises its input, as MXNet's gradient treats A as symmetric."""
import numpy as np

from .cases import Case, P, U, I  # noqa: F401

# Our own generator: these inputs do not shift when other modules draw from cases.py's.
_rng = np.random.RandomState(20)
F4, F8 = np.float32, np.float64


def _u(*shape, dtype=F4):
    return _rng.uniform(-1.0, 1.0, size=shape).astype(dtype)


def _spd(*shape, dtype=F4):
    """Symmetric positive definite matrices: B B^T + n I on the last two axes."""
    n = shape[-1]
    b = _rng.uniform(-1.0, 1.0, size=shape)
    return (b @ np.swapaxes(b, -1, -2) + n * np.eye(n)).astype(dtype)


def _sym(*shape, dtype=F4):
    """Symmetric matrices with well separated eigenvalues (distinct: the gradient exists)."""
    q, _ = np.linalg.qr(_rng.uniform(-1.0, 1.0, size=shape))
    lam = np.arange(shape[-1]) * 1.5 - 2.0 + _rng.uniform(-0.2, 0.2, size=shape[:-1])
    return ((q * lam[..., None, :]) @ _T(q)).astype(dtype)


def _dominant(*shape, dtype=F4):
    """Square matrices with a dominant diagonal (well conditioned, both triangles too)."""
    n = shape[-1]
    return (_rng.uniform(-1.0, 1.0, size=shape) + (n + 1) * np.eye(n)).astype(dtype)


def _f64(f):
    """f computed in float64, the result in the first input's dtype."""
    def ref(*xs):
        out = f(*[np.asarray(x, F8) for x in xs])
        dt = xs[0].dtype
        return [np.asarray(o).astype(dt) for o in out] if isinstance(out, (list, tuple)) else np.asarray(out).astype(dt)
    return ref


def _per_matrix(x):
    """det-like results: one value per matrix, (1,) for a single matrix."""
    return x.reshape(1) if x.ndim == 0 else x


def _T(x):
    return np.swapaxes(x, -1, -2)


def _tri(a, lower):
    return np.tril(a) if lower else np.triu(a)


def _op_tri(a, lower, transpose):
    t = _tri(a, lower)
    return _T(t) if transpose else t


def _trmm(transpose=False, rightside=False, lower=True, alpha=1.0):
    def f(a, b):
        t = _op_tri(a, lower, transpose)
        return alpha * (b @ t if rightside else t @ b)
    return _f64(f)


def _trsm(transpose=False, rightside=False, lower=True, alpha=1.0):
    def f(a, b):
        t = _op_tri(a, lower, transpose)
        if rightside:  # X t = alpha B  <=>  t^T X^T = alpha B^T
            return _T(np.linalg.solve(_T(t), alpha * _T(b)))
        return np.linalg.solve(t, alpha * b)
    return _f64(f)


def _syrk(transpose=False, alpha=1.0):
    return _f64(lambda a: alpha * (_T(a) @ a if transpose else a @ _T(a)))


def _diag_index(n, offset):
    k = np.arange(n - abs(offset))
    return k + max(0, -offset), k + max(0, offset)


def _extractdiag(offset=0):
    def f(a):
        r, c = _diag_index(a.shape[-1], offset)
        return a[..., r, c]
    return _f64(f)


def _makediag(offset=0):
    def f(v):
        n = v.shape[-1] + abs(offset)
        out = np.zeros(v.shape[:-1] + (n, n))
        r, c = _diag_index(n, offset)
        out[..., r, c] = v
        return out
    return _f64(f)


def _trian_index(n, offset, lower):
    """(rows, cols) of the packed triangle, in MXNet's packing order: a lower triangle
    row by row, an upper one column by column."""
    sh = abs(offset)
    low = offset < 0 or (offset == 0 and lower)
    rows, cols = [], []
    for i in range(n - sh):
        for j in range(i + 1):
            rows.append(sh + i if low else j)
            cols.append(j if low else sh + i)
    return np.array(rows, np.int64), np.array(cols, np.int64)


def _extracttrian(offset=0, lower=True):
    def f(a):
        r, c = _trian_index(a.shape[-1], offset, lower)
        return a[..., r, c]
    return _f64(f)


def _maketrian(offset=0, lower=True):
    def f(v):
        m = int(round((np.sqrt(8 * v.shape[-1] + 1) - 1) / 2))
        n = m + abs(offset)
        out = np.zeros(v.shape[:-1] + (n, n))
        r, c = _trian_index(n, offset, lower)
        out[..., r, c] = v
        return out
    return _f64(f)


def _triangular_cases(ref):
    """trmm's and trsm's cases: defaults, every flag, and a batch, as ref(**flags)."""
    return [Case([_dominant(2, 3, 3), _u(2, 3, 2)], {}, ref(), 1e-5, 1e-5),
            Case([_dominant(3, 3, dtype=F8), _u(2, 3, dtype=F8)],
                 {"transpose": True, "rightside": True, "lower": False, "alpha": 1.5},
                 ref(True, True, False, 1.5), 1e-10, 1e-12),
            Case([_dominant(3, 3), _u(3, 4)], {"transpose": True, "alpha": -0.5},
                 ref(transpose=True, alpha=-0.5), 1e-5, 1e-5),
            Case([_dominant(2, 2, 2), _u(2, 3, 2)], {"rightside": True, "lower": False},
                 ref(rightside=True, lower=False), 1e-5, 1e-5)]


def _chol_of(*shape, dtype=F4, junk_upper=False):
    """Cholesky factors of SPD matrices; junk_upper fills the (unread) upper triangle."""
    lo = np.linalg.cholesky(_spd(*shape, dtype=F8))
    if junk_upper:
        lo = lo + np.triu(_rng.uniform(-1.0, 1.0, size=shape), 1)
    return lo.astype(dtype)


_inverse = _f64(np.linalg.inv)
_det = _f64(lambda a: _per_matrix(np.linalg.det(a)))
_slogdet = _f64(lambda a: [_per_matrix(np.linalg.slogdet(a)[0]), _per_matrix(np.linalg.slogdet(a)[1])])
_potrf = _f64(lambda a: np.linalg.cholesky((a + _T(a)) / 2))
_potri = _f64(lambda lo: np.linalg.inv(np.tril(lo) @ _T(np.tril(lo))))
_sumlogdiag = _f64(lambda a: _per_matrix(np.log(np.diagonal(a, axis1=-2, axis2=-1)).sum(-1)))

def _gelqf(a):
    """A = L Q through NumPy's QR of A^T (LAPACK's Householder signs, as MXNet's gelqf)."""
    q, r = np.linalg.qr(_T(a))
    return [_T(q), _T(r)]


def _syevd(a):
    """Rows of U: eigenvectors of symmetric A, eigenvalues ascending, each row's
    largest-magnitude entry positive (MXNet's convention). A is symmetrised, as MXNet's
    gradient takes it (its forward reads the lower triangle: the cases are symmetric)."""
    lam, v = np.linalg.eigh((a + _T(a)) / 2)
    u = _T(v)
    big = np.take_along_axis(u, np.abs(u).argmax(-1)[..., None], -1)
    return [u * np.where(big < 0, -1.0, 1.0), lam]


def _khatri_rao(*xs):
    out = xs[0]
    for x in xs[1:]:  # column-wise Kronecker product, the first input's rows slowest
        out = (out[:, None, :] * x[None, :, :]).reshape(-1, x.shape[1])
    return out


OPS = {
    "_linalg_inverse": [Case([_dominant(2, 3, 3)], {}, _inverse, 1e-5, 1e-5),
                        Case([_dominant(4, 4, dtype=F8)], {}, _inverse, 1e-10, 1e-12),
                        Case([_dominant(2, 1, 2, 2)], {}, _inverse, 1e-5, 1e-5)],
    "_linalg_det": [Case([_dominant(3, 3)], {}, _det, 1e-5, 1e-5),
                    Case([_dominant(2, 4, 4, dtype=F8)], {}, _det, 1e-10, 1e-10),
                    Case([np.array([[1.0, 2.0], [2.0, 4.0]], F4)], {}, _det, 0, 1e-6)],  # singular: 0
    "_linalg_slogdet": [Case([_u(2, 3, 3)], {}, _slogdet, 1e-5, 1e-5),
                        Case([_dominant(4, 4, dtype=F8)], {}, _slogdet, 1e-10, 1e-12)],
    "_linalg_potrf": [Case([_spd(2, 3, 3)], {}, _potrf, 1e-5, 1e-5),
                      Case([_spd(4, 4, dtype=F8)], {}, _potrf, 1e-10, 1e-12)],
    "_linalg_potri": [Case([_chol_of(2, 3, 3, junk_upper=True)], {}, _potri, 1e-5, 1e-6),
                      Case([_chol_of(4, 4, dtype=F8)], {}, _potri, 1e-10, 1e-12)],
    "_linalg_trmm": _triangular_cases(_trmm),
    "_linalg_trsm": _triangular_cases(_trsm),
    "_linalg_syrk": [Case([_u(2, 3, 4)], {}, _syrk(), 1e-5, 1e-5),
                     Case([_u(3, 2, dtype=F8)], {"transpose": True, "alpha": 0.75},
                          _syrk(True, 0.75), 1e-10, 1e-12)],
    "_linalg_sumlogdiag": [Case([_spd(2, 3, 3)], {}, _sumlogdiag, 1e-5, 1e-6),
                           Case([_spd(4, 4, dtype=F8)], {}, _sumlogdiag, 1e-10, 1e-12)],
    "_linalg_extractdiag": [Case([_u(2, 3, 3)], {}, _extractdiag(), 0, 0),
                            Case([_u(4, 4, dtype=F8)], {"offset": 1}, _extractdiag(1), 0, 0),
                            Case([_u(2, 4, 4)], {"offset": -2}, _extractdiag(-2), 0, 0)],
    "_linalg_makediag": [Case([_u(2, 3)], {}, _makediag(), 0, 0),
                         Case([_u(3, dtype=F8)], {"offset": 1}, _makediag(1), 0, 0),
                         Case([_u(2, 2)], {"offset": -2}, _makediag(-2), 0, 0)],
    "_linalg_extracttrian": [Case([_u(2, 3, 3)], {}, _extracttrian(), 0, 0),
                             Case([_u(3, 3, dtype=F8)], {"lower": False}, _extracttrian(0, False), 0, 0),
                             Case([_u(2, 4, 4)], {"offset": -1}, _extracttrian(-1), 0, 0),
                             Case([_u(4, 4)], {"offset": 2, "lower": True}, _extracttrian(2, True), 0, 0)],
    "_linalg_maketrian": [Case([_u(2, 6)], {}, _maketrian(), 0, 0),
                          Case([_u(6, dtype=F8)], {"lower": False}, _maketrian(0, False), 0, 0),
                          Case([_u(2, 3)], {"offset": -1}, _maketrian(-1), 0, 0),
                          Case([_u(3)], {"offset": 2, "lower": False}, _maketrian(2, False), 0, 0)],
    "_linalg_gelqf": [Case([_u(2, 3, 4)], {}, _f64(_gelqf), 1e-4, 1e-5),
                      Case([_u(3, 3, dtype=F8)], {}, _f64(_gelqf), 1e-10, 1e-12)],
    "_linalg_syevd": [Case([_sym(2, 3, 3)], {}, _f64(_syevd), 1e-4, 1e-5),
                      Case([_sym(4, 4, dtype=F8)], {}, _f64(_syevd), 1e-9, 1e-11)],
    "khatri_rao": [Case([_u(2, 3), _u(4, 3)], {"num_args": 2}, _f64(_khatri_rao), 1e-6, 1e-7),
                   Case([_u(2, 2, dtype=F8), _u(3, 2, dtype=F8), _u(1, 2, dtype=F8)], {"num_args": 3},
                        _f64(_khatri_rao), 1e-12, 1e-14)],
}

# khatri_rao has no gradient in MXNet 1.9 (it registers none).
NOT_DIFFERENTIABLE = {"khatri_rao"}

_SHAPE, _ARG, _DTYPE, _ARITH = "MXL_ERR_SHAPE", "MXL_ERR_INVALID_ARGUMENT", "MXL_ERR_DTYPE", "MXL_ERR_ARITHMETIC"


def _a(*shape, dtype=F4):
    return np.arange(int(np.prod(shape)), dtype=dtype).reshape(shape) / 7 + 0.5


ERROR_CASES = [
    ("not_square", "_linalg_inverse", [_a(2, 3)], {}, _SHAPE, ["_linalg_inverse", "square", "(2, 3)"]),
    ("not_matrix", "_linalg_det", [_a(3)], {}, _SHAPE, ["_linalg_det", "2 dimensions", "(3,)"]),
    ("not_square", "_linalg_slogdet", [_a(2, 2, 3)], {}, _SHAPE, ["_linalg_slogdet", "square"]),
    ("int_dtype", "_linalg_inverse", [np.eye(2, dtype=np.int32)], {}, _DTYPE,
     ["_linalg_inverse", "float32", "int32"]),
    ("singular", "_linalg_inverse", [np.array([[1, 2], [2, 4]], F4)], {}, _ARITH,
     ["_linalg_inverse", "singular"]),
    ("singular_in_batch", "_linalg_inverse", [np.stack([np.eye(2), np.zeros((2, 2))]).astype(F4)], {}, _ARITH,
     ["_linalg_inverse", "matrix 1", "singular"]),
    ("not_posdef", "_linalg_potrf", [np.array([[1, 2], [2, 1]], F4)], {}, _ARITH,
     ["_linalg_potrf", "positive definite"]),
    ("zero_diag", "_linalg_potri", [np.array([[0, 0], [1, 1.4]], F4)], {}, _ARITH,
     ["_linalg_potri", "diagonal"]),
    ("shape", "_linalg_trsm", [_a(2, 2), _a(3, 2)], {}, _SHAPE, ["_linalg_trsm", "incompatible", "(3, 2)"]),
    ("shape_right", "_linalg_trmm", [_a(2, 2), _a(2, 3)], {"rightside": True}, _SHAPE,
     ["_linalg_trmm", "incompatible", "rightside"]),
    ("batch", "_linalg_trmm", [_a(2, 2, 2), _a(3, 2, 2)], {}, _SHAPE, ["_linalg_trmm", "batch"]),
    ("ndim", "_linalg_trsm", [_a(2, 2, 2), _a(2, 2)], {}, _SHAPE, ["_linalg_trsm", "number of dimensions"]),
    ("not_square", "_linalg_sumlogdiag", [_a(2, 3)], {}, _SHAPE, ["_linalg_sumlogdiag", "square"]),
    ("not_matrix", "_linalg_syrk", [_a(3)], {}, _SHAPE, ["_linalg_syrk", "2 dimensions"]),
    ("bad_offset", "_linalg_extractdiag", [_a(3, 3)], {"offset": 3}, _ARG, ["_linalg_extractdiag", "offset"]),
    ("bad_offset", "_linalg_extracttrian", [_a(3, 3)], {"offset": -4}, _ARG, ["_linalg_extracttrian", "offset"]),
    ("not_square", "_linalg_extractdiag", [_a(3, 4)], {}, _SHAPE, ["_linalg_extractdiag", "square"]),
    ("not_triangle", "_linalg_maketrian", [_a(4)], {}, _SHAPE, ["_linalg_maketrian", "packed triangle", "4"]),
    ("scalar", "_linalg_makediag", [np.array(1.5, F4)], {}, _SHAPE, ["_linalg_makediag", "1 dimension"]),
    ("wide", "_linalg_gelqf", [_a(3, 2)], {}, _SHAPE, ["_linalg_gelqf", "columns", "(3, 2)"]),
    ("not_square", "_linalg_syevd", [_a(2, 3)], {}, _SHAPE, ["_linalg_syevd", "square"]),
    ("columns", "khatri_rao", [_a(2, 2), _a(3, 3)], {"num_args": 2}, _SHAPE, ["khatri_rao", "columns"]),
    ("not_matrix", "khatri_rao", [_a(2, 2, 2), _a(3, 2)], {"num_args": 2}, _SHAPE, ["khatri_rao", "2 dimensions"]),
]
