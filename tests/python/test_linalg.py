"""What the conformance tables do not reach for the operators of core/op/linalg.cc:
identities between the ops on batches (inverse(A) A = I, potri(potrf(A)) = A^-1,
trsm undoing trmm for every flag combination, L Q = A, U^T diag(lambda) U = A), agreement with numpy.linalg on
4-d batches, gradients through compositions, names/aliases/symbols, and the errors
MXNet reports (non-square, singular, not positive definite)."""
import json

import numpy as np
import pytest

import mxlite as mx

la = mx.nd.linalg


def _spd(rng, *shape):
    n = shape[-1]
    b = rng.uniform(-1, 1, shape)
    return b @ np.swapaxes(b, -1, -2) + n * np.eye(n)


@pytest.mark.parametrize("dtype,tol", [("float32", 1e-4), ("float64", 1e-10)])
def test_inverse_times_matrix_is_identity_on_a_batch(dtype, tol):
    a = np.random.RandomState(0).uniform(-1, 1, (2, 3, 5, 5)) + 4 * np.eye(5)
    x = mx.nd.array(a, dtype=dtype)
    inv = la.inverse(x)
    assert inv.shape == (2, 3, 5, 5) and inv.dtype == np.dtype(dtype)
    np.testing.assert_allclose(la.gemm2(inv, x).asnumpy(), np.broadcast_to(np.eye(5), a.shape), atol=tol)


def test_det_and_slogdet_match_numpy_on_a_4d_batch():
    a = np.random.RandomState(1).uniform(-1, 1, (2, 3, 4, 4))
    x = mx.nd.array(a, dtype="float64")
    det = la.det(x)
    assert det.shape == (2, 3)
    np.testing.assert_allclose(det.asnumpy(), np.linalg.det(a), rtol=1e-10)
    sign, logabs = la.slogdet(x)
    ns, nl = np.linalg.slogdet(a)
    np.testing.assert_array_equal(sign.asnumpy(), ns)
    np.testing.assert_allclose(logabs.asnumpy(), nl, rtol=1e-10)
    # a single matrix gives shape (1,), as MXNet
    assert la.det(mx.nd.array(a[0, 0])).shape == (1,)


def test_singular_det_is_zero_with_zero_gradient_and_slogdet_minus_inf():
    x = mx.nd.array([[1.0, 2.0], [2.0, 4.0]])
    x.attach_grad()
    with mx.autograd.record():
        d = la.det(x)
    d.backward()
    assert d.asnumpy()[0] == 0
    np.testing.assert_array_equal(x.grad.asnumpy(), np.zeros((2, 2)))
    sign, logabs = la.slogdet(x)
    assert sign.asnumpy()[0] == 0 and logabs.asnumpy()[0] == -np.inf


def test_potrf_then_potri_is_the_inverse_and_potrf_reads_the_lower_triangle():
    a = _spd(np.random.RandomState(2), 3, 4, 4)
    lo = la.potrf(mx.nd.array(a, dtype="float64"))
    np.testing.assert_allclose(lo.asnumpy(), np.linalg.cholesky(a), rtol=1e-10, atol=1e-12)
    np.testing.assert_allclose(la.potri(lo).asnumpy(), np.linalg.inv(a), rtol=1e-9, atol=1e-12)
    junk = np.tril(a) + np.triu(np.full_like(a, 99.0), 1)  # the upper triangle is never read
    np.testing.assert_allclose(la.potrf(mx.nd.array(junk, dtype="float64")).asnumpy(), lo.asnumpy())
    # sumlogdiag(potrf(A)) = log det(A) / 2
    np.testing.assert_allclose(la.sumlogdiag(lo).asnumpy(), np.linalg.slogdet(a)[1] / 2, rtol=1e-10)


def test_half_logdet_through_potrf_has_gradient_half_inverse():
    a = _spd(np.random.RandomState(3), 2, 3, 3)
    x = mx.nd.array(a, dtype="float64")
    x.attach_grad()
    with mx.autograd.record():
        y = la.sumlogdiag(la.potrf(x))
    y.backward()
    np.testing.assert_allclose(x.grad.asnumpy(), np.linalg.inv(a) / 2, rtol=1e-8, atol=1e-10)


@pytest.mark.parametrize("transpose", [False, True])
@pytest.mark.parametrize("rightside", [False, True])
@pytest.mark.parametrize("lower", [False, True])
def test_trsm_undoes_trmm(transpose, rightside, lower):
    rng = np.random.RandomState(4)
    a = rng.uniform(-1, 1, (2, 3, 3)) + 4 * np.eye(3)
    b = rng.uniform(-1, 1, (2, 4, 3) if rightside else (2, 3, 4))
    kw = dict(transpose=transpose, rightside=rightside, lower=lower)
    A, B = mx.nd.array(a, dtype="float64"), mx.nd.array(b, dtype="float64")
    prod = la.trmm(A, B, alpha=2.0, **kw)
    t = np.tril(a) if lower else np.triu(a)
    t = np.swapaxes(t, -1, -2) if transpose else t
    np.testing.assert_allclose(prod.asnumpy(), 2 * (b @ t if rightside else t @ b), rtol=1e-12)
    np.testing.assert_allclose(la.trsm(A, prod, alpha=0.5, **kw).asnumpy(), b, rtol=1e-10, atol=1e-12)


def test_syrk_equals_gemm2_with_the_transpose():
    a = mx.nd.array(np.random.RandomState(5).uniform(-1, 1, (2, 3, 4)))
    np.testing.assert_allclose(la.syrk(a, alpha=0.5).asnumpy(),
                               la.gemm2(a, a, transpose_b=True, alpha=0.5).asnumpy(), rtol=1e-6)
    np.testing.assert_allclose(la.syrk(a, transpose=True).asnumpy(),
                               la.gemm2(a, a, transpose_a=True).asnumpy(), rtol=1e-6)


@pytest.mark.parametrize("offset", [-2, -1, 0, 1, 2])
def test_diag_and_triangle_round_trips(offset):
    a = np.random.RandomState(6).uniform(-1, 1, (2, 4, 4))
    x = mx.nd.array(a)
    d = la.extractdiag(x, offset=offset)
    assert d.shape == (2, 4 - abs(offset))
    np.testing.assert_allclose(d.asnumpy(), np.diagonal(a, offset, -2, -1), rtol=1e-6)
    np.testing.assert_allclose(la.makediag(d, offset=offset).asnumpy(),
                               [np.diag(np.diagonal(m, offset), offset) for m in a], rtol=1e-6)
    for lower in (True, False):
        t = la.extracttrian(x, offset=offset, lower=lower)
        m = 4 - abs(offset)
        assert t.shape == (2, m * (m + 1) // 2)
        back = la.maketrian(t, offset=offset, lower=lower).asnumpy()
        low = offset < 0 or (offset == 0 and lower)
        want = np.tril(a, offset) if low else np.triu(a, offset)
        np.testing.assert_allclose(back, want, rtol=1e-6)


@pytest.mark.parametrize("dtype,tol", [("float32", 1e-5), ("float64", 1e-12)])
def test_gelqf_reconstructs_with_orthonormal_rows(dtype, tol):
    a = np.random.RandomState(7).uniform(-1, 1, (2, 3, 3, 5))
    q, lo = la.gelqf(mx.nd.array(a, dtype=dtype))
    assert q.shape == (2, 3, 3, 5) and lo.shape == (2, 3, 3, 3)
    q, lo = q.asnumpy(), lo.asnumpy()
    np.testing.assert_allclose(lo @ q, a, atol=10 * tol)
    np.testing.assert_allclose(q @ np.swapaxes(q, -1, -2), np.broadcast_to(np.eye(3), (2, 3, 3, 3)), atol=10 * tol)
    np.testing.assert_array_equal(np.triu(lo, 1), 0)


def test_syevd_reconstructs_with_ascending_eigenvalues_and_positive_largest_entries():
    b = np.random.RandomState(8).uniform(-1, 1, (4, 5, 5))
    a = b + np.swapaxes(b, -1, -2)
    u, lam = la.syevd(mx.nd.array(a, dtype="float64"))
    u, lam = u.asnumpy(), lam.asnumpy()
    assert (np.diff(lam, axis=-1) >= 0).all()
    np.testing.assert_allclose(lam, np.linalg.eigvalsh(a), rtol=1e-10, atol=1e-12)
    np.testing.assert_allclose(np.swapaxes(u, -1, -2) @ (lam[..., None] * u), a, atol=1e-10)
    big = np.take_along_axis(u, np.abs(u).argmax(-1)[..., None], -1)
    assert (big > 0).all()
    # only the lower triangle is read
    junk = np.tril(a) + np.triu(np.full_like(a, 7.0), 1)
    np.testing.assert_allclose(la.syevd(mx.nd.array(junk, dtype="float64"))[1].asnumpy(), lam, rtol=1e-10)


def test_khatri_rao_is_the_columnwise_kronecker_product_without_gradient():
    a, b, c = np.arange(4.0).reshape(2, 2), np.arange(6.0).reshape(3, 2) - 2, np.array([[2.0, -1.0]])
    got = mx.nd.khatri_rao(mx.nd.array(a), mx.nd.array(b), mx.nd.array(c)).asnumpy()
    want = np.stack([np.kron(np.kron(a[:, j], b[:, j]), c[:, j]) for j in range(2)], 1)
    np.testing.assert_allclose(got, want)
    x = mx.nd.array(a)
    x.attach_grad()
    with pytest.raises(mx.base.MXNetError, match="khatri_rao"):
        with mx.autograd.record():
            y = mx.nd.khatri_rao(x, mx.nd.array(b))
        y.backward()


def test_names_aliases_and_symbols():
    assert mx.nd.linalg.potrf is mx.nd._internal._linalg_potrf
    np.testing.assert_allclose(mx.nd.linalg_inverse(mx.nd.array([[2.0]])).asnumpy(), [[0.5]])
    s = mx.sym.linalg.slogdet(mx.sym.var("a"))
    assert s.list_outputs() == ["slogdet0_output0", "slogdet0_output1"]  # MXNet's names
    _, out_shapes, _ = s.infer_shape(a=(5, 3, 3))
    assert out_shapes == [(5,), (5,)]
    _, out_shapes, _ = mx.sym.linalg.gelqf(mx.sym.var("a")).infer_shape(a=(4, 2, 3))
    assert out_shapes == [(4, 2, 3), (4, 2, 2)]
    _, out_shapes, _ = mx.sym.linalg.syevd(mx.sym.var("a")).infer_shape(a=(3, 3))
    assert out_shapes == [(3, 3), (3,)]
    assert not hasattr(mx.nd, "linalg_syevd")  # MXNet has no linalg_syevd alias
    assert mx.nd.linalg_gelqf is not None
    t = mx.sym.linalg_trsm(mx.sym.var("a"), mx.sym.var("b"), rightside=True)
    assert [n["op"] for n in json.loads(t.tojson())["nodes"]][-1] == "_linalg_trsm"
    _, out_shapes, _ = t.infer_shape(a=(2, 3, 3), b=(2, 5, 3))
    assert out_shapes == [(2, 5, 3)]


@pytest.mark.parametrize("call,kind,words", [
    (lambda: la.inverse(mx.nd.ones((2, 3))), mx.base.MXNetError, "square"),
    (lambda: la.det(mx.nd.ones((3,))), mx.base.MXNetError, "at least 2 dimensions"),
    (lambda: la.inverse(mx.nd.array([[1.0, 2.0], [2.0, 4.0]])), mx.base.MXNetArithmeticError, "singular"),
    (lambda: la.inverse(mx.nd.array(np.stack([np.eye(2), np.zeros((2, 2))]))), mx.base.MXNetArithmeticError,
     "matrix 1 of the batch"),
    (lambda: la.potrf(mx.nd.array([[1.0, 2.0], [2.0, 1.0]])), mx.base.MXNetArithmeticError, "positive definite"),
    (lambda: la.potri(mx.nd.array([[0.0, 0.0], [1.0, 1.0]])), mx.base.MXNetArithmeticError, "diagonal"),
    (lambda: la.trsm(mx.nd.ones((2, 2)), mx.nd.ones((3, 2))), mx.base.MXNetError, "incompatible"),
    (lambda: la.syrk(mx.nd.ones((2, 2), dtype="int32")), mx.base.MXNetError, "float32 and float64"),
    (lambda: la.extractdiag(mx.nd.ones((3, 3)), offset=-3), mx.base.MXNetError, "offset=-3"),
    (lambda: la.maketrian(mx.nd.ones((5,))), mx.base.MXNetError, "packed triangle"),
    (lambda: la.gelqf(mx.nd.ones((3, 2))), mx.base.MXNetError, "at least as many columns as rows"),
    (lambda: la.syevd(mx.nd.ones((2, 3))), mx.base.MXNetError, "square"),
    (lambda: mx.nd.khatri_rao(mx.nd.ones((2, 2)), mx.nd.ones((3, 3))), mx.base.MXNetError, "same number of columns"),
])
def test_errors_name_the_problem(call, kind, words):
    with pytest.raises(kind) as e:
        call().asnumpy()
    assert words in str(e.value)


def test_trsm_with_a_zero_pivot_gives_inf_like_lapack():
    out = la.trsm(mx.nd.array([[0.0, 0.0], [1.0, 3.0]]), mx.nd.ones((2, 1))).asnumpy()
    assert np.isinf(out[0, 0])
