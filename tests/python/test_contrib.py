"""The contrib operators GluonNLP-style models use and small legacy ops (core/op/contrib.cc):
interleaved attention products and div_sqrt_dim, arange_like, allclose, index_copy,
index_array, gradientmultiplier, quadratic, round_ste, sign_ste, split_v2,
choose_element_0index, fill_element_0index, _onehot_encode, crop and boolean_mask (whose
output shape depends on its index's values). NumPy references
written here, gradients by finite differences or by formula, errors, the symbol API,
and GPU-vs-CPU checks (marked gpu). Values were checked against MXNet 1.9.1."""
import numpy as np
import pytest

import mxlite as mx

nd = mx.nd
F64 = np.float64
RNG = np.random.RandomState(7)


# ------------------------------------------------------- NumPy references
def selfatt_qk(qkv, heads):
    L, B, W = qkv.shape
    D = W // (3 * heads)
    x = qkv.reshape(L, B, heads, 3, D)
    s = np.einsum("ibhd,jbhd->bhij", x[:, :, :, 0], x[:, :, :, 1]) / np.sqrt(D)
    return s.reshape(B * heads, L, L)


def selfatt_valatt(qkv, att, heads):
    L, B, W = qkv.shape
    D = W // (3 * heads)
    v = qkv.reshape(L, B, heads, 3, D)[:, :, :, 2]
    return np.einsum("bhij,jbhd->ibhd", att.reshape(B, heads, L, L), v).reshape(L, B, heads * D)


def encdec_qk(q, kv, heads):
    L, B, W = q.shape
    D = W // heads
    k = kv.reshape(kv.shape[0], B, heads, 2, D)[:, :, :, 0]
    s = np.einsum("ibhd,jbhd->bhij", q.reshape(L, B, heads, D), k) / np.sqrt(D)
    return s.reshape(B * heads, L, kv.shape[0])


def encdec_valatt(kv, att, heads):
    Lk, B, W = kv.shape
    D = W // (2 * heads)
    L = att.shape[1]
    v = kv.reshape(Lk, B, heads, 2, D)[:, :, :, 1]
    return np.einsum("bhij,jbhd->ibhd", att.reshape(B, heads, L, Lk), v).reshape(L, B, heads * D)


def numeric_grads(f, inputs, w, eps=1e-6):
    """d(sum(f(inputs) * w)) / d(each input), central differences in float64."""
    grads = []
    for k, x in enumerate(inputs):
        g = np.zeros_like(x)
        for idx in np.ndindex(*x.shape):
            plus = [a.copy() for a in inputs]
            minus = [a.copy() for a in inputs]
            plus[k][idx] += eps
            minus[k][idx] -= eps
            g[idx] = ((f(*plus) * w).sum() - (f(*minus) * w).sum()) / (2 * eps)
        grads.append(g)
    return grads


def mx_grads(op, inputs, w, ctx=None, dtype="float64", **params):
    ctx = ctx or mx.cpu()
    arrs = [nd.array(a, ctx=ctx, dtype=dtype) for a in inputs]
    for a in arrs:
        a.attach_grad()
    with mx.autograd.record():
        y = op(*arrs, **params)
    y.backward(nd.array(w, ctx=ctx, dtype=dtype))
    return y.asnumpy(), [a.grad.asnumpy() for a in arrs]


ATTENTION = [
    (nd.contrib.interleaved_matmul_selfatt_qk, selfatt_qk, lambda L, Lk, B, H, D: [(L, B, 3 * H * D)]),
    (nd.contrib.interleaved_matmul_selfatt_valatt, selfatt_valatt,
     lambda L, Lk, B, H, D: [(L, B, 3 * H * D), (B * H, L, L)]),
    (nd.contrib.interleaved_matmul_encdec_qk, encdec_qk, lambda L, Lk, B, H, D: [(L, B, H * D), (Lk, B, 2 * H * D)]),
    (nd.contrib.interleaved_matmul_encdec_valatt, encdec_valatt,
     lambda L, Lk, B, H, D: [(Lk, B, 2 * H * D), (B * H, L, Lk)]),
]
ATT_IDS = ["selfatt_qk", "selfatt_valatt", "encdec_qk", "encdec_valatt"]


# ------------------------------------------------------- attention
@pytest.mark.parametrize("op,ref,shapes", ATTENTION, ids=ATT_IDS)
@pytest.mark.parametrize("dims", [(3, 4, 2, 2, 4), (1, 2, 1, 3, 2)])
def test_attention_forward_and_gradient(op, ref, shapes, dims):
    L, Lk, B, H, D = dims
    inputs = [RNG.randn(*s) for s in shapes(*dims)]
    want = ref(*inputs, H)
    w = RNG.randn(*want.shape)
    got, grads = mx_grads(op, inputs, w, heads=H)
    np.testing.assert_allclose(got, want, rtol=1e-10, atol=1e-12)
    for g, n in zip(grads, numeric_grads(lambda *a: ref(*a, H), inputs, w)):
        np.testing.assert_allclose(g, n, rtol=1e-6, atol=1e-7)


@pytest.mark.parametrize("dtype,tol", [("float32", 1e-5), ("float16", 2e-2)])
def test_attention_float32_and_float16(dtype, tol):
    qkv = RNG.randn(4, 2, 3 * 2 * 8).astype(np.float32)
    out = nd.contrib.interleaved_matmul_selfatt_qk(nd.array(qkv, dtype=dtype), heads=2)
    assert out.dtype == np.dtype(dtype)
    np.testing.assert_allclose(out.asnumpy().astype(F64), selfatt_qk(qkv.astype(dtype).astype(F64), 2),
                               rtol=tol, atol=tol)


def test_attention_block_matches_plain_multihead_attention():
    """selfatt_qk -> softmax -> selfatt_valatt is multi-head attention on the interleaved projection."""
    L, B, H, D = 5, 3, 2, 4
    qkv = RNG.randn(L, B, 3 * H * D)
    s = nd.contrib.interleaved_matmul_selfatt_qk(nd.array(qkv, dtype="float64"), heads=H)
    o = nd.contrib.interleaved_matmul_selfatt_valatt(nd.array(qkv, dtype="float64"), nd.softmax(s, axis=-1), heads=H)
    x = qkv.reshape(L, B, H, 3, D)
    for b in range(B):
        for h in range(H):
            q, k, v = x[:, b, h, 0], x[:, b, h, 1], x[:, b, h, 2]
            e = np.exp(q @ k.T / np.sqrt(D))
            np.testing.assert_allclose(o.asnumpy()[:, b, h * D:(h + 1) * D], (e / e.sum(1, keepdims=True)) @ v,
                                       rtol=1e-10)


def test_attention_symbol_shapes():
    qkv = mx.sym.var("qkv")
    att = mx.sym.contrib.interleaved_matmul_selfatt_qk(qkv, heads=4)
    out = mx.sym.contrib.interleaved_matmul_selfatt_valatt(qkv, att, heads=4)
    _, shapes, _ = out.infer_shape(qkv=(6, 2, 3 * 4 * 5))
    assert shapes == [(6, 2, 20)]
    _, shapes, _ = att.infer_shape(qkv=(6, 2, 60))
    assert shapes == [(8, 6, 6)]


@pytest.mark.parametrize("call,match", [
    (lambda: nd.contrib.interleaved_matmul_selfatt_qk(nd.ones((3, 2, 24)), heads=5),
     r"_contrib_interleaved_matmul_selfatt_qk: the last axis of queries_keys_values \(24\) must be a positive "
     r"multiple of 3 \* heads = 15"),
    (lambda: nd.contrib.interleaved_matmul_selfatt_qk(nd.ones((2, 24)), heads=2), "must be 3-D"),
    (lambda: nd.contrib.interleaved_matmul_selfatt_valatt(nd.ones((3, 2, 24)), nd.ones((4, 3, 5)), heads=2),
     r"attention must have shape .* = \(4, 3, 3\)"),
    (lambda: nd.contrib.interleaved_matmul_encdec_qk(nd.ones((3, 2, 8)), nd.ones((5, 2, 8)), heads=2),
     r"keys_values must have shape \(key_length, 2, 16\)"),
    (lambda: nd.contrib.interleaved_matmul_encdec_valatt(nd.ones((5, 2, 16)), nd.ones((4, 3, 4)), heads=2),
     r"attention must have shape"),
    (lambda: nd.contrib.interleaved_matmul_selfatt_qk(nd.ones((3, 2, 24)), heads=0), "heads"),
    (lambda: nd.contrib.interleaved_matmul_selfatt_qk(nd.ones((3, 2, 24), dtype="int32"), heads=2), "float"),
])
def test_attention_errors(call, match):
    with pytest.raises(mx.MXNetError, match=match):
        call()


def test_div_sqrt_dim():
    x = RNG.randn(2, 3, 9)
    np.testing.assert_allclose(nd.contrib.div_sqrt_dim(nd.array(x, dtype="float64")).asnumpy(), x / 3.0)
    assert nd.contrib.div_sqrt_dim(nd.array([[4, 8, 9, 3]], dtype="int32")).asnumpy().tolist() == [[2, 4, 4, 1]]
    _, (g,) = mx_grads(nd.contrib.div_sqrt_dim, [x], np.ones_like(x))
    np.testing.assert_allclose(g, np.full_like(x, 1 / 3.0))
    with pytest.raises(mx.MXNetError, match="_contrib_div_sqrt_dim: data must have at least 1 dimension"):
        nd.contrib.div_sqrt_dim(nd.array(np.float32(2)).reshape(()))


# ------------------------------------------------------- small contrib ops
def test_arange_like():
    x = nd.zeros((2, 3))
    assert nd.contrib.arange_like(x).asnumpy().tolist() == [[0, 1, 2], [3, 4, 5]]
    assert nd.contrib.arange_like(x, start=1, step=2, repeat=2).asnumpy().tolist() == [[1, 1, 3], [3, 5, 5]]
    assert nd.contrib.arange_like(x, axis=1, start=1.5).asnumpy().tolist() == [1.5, 2.5, 3.5]
    assert nd.contrib.arange_like(x, axis=-2).shape == (2,)
    y = nd.contrib.arange_like(nd.array([7, 7, 7], dtype="int32"), start=1, step=0.5)
    assert y.dtype == np.int32 and y.asnumpy().tolist() == [1, 1, 2]
    _, (g,) = mx_grads(nd.contrib.arange_like, [np.ones((2, 2))], np.ones((2, 2)))
    assert not g.any()
    with pytest.raises(mx.MXNetError, match="_contrib_arange_like: axis"):
        nd.contrib.arange_like(x, axis=2)
    with pytest.raises(mx.MXNetError, match="repeat"):
        nd.contrib.arange_like(x, repeat=0)


def test_allclose():
    a = RNG.randn(3, 4)
    out = nd.contrib.allclose(nd.array(a), nd.array(a + 1e-9))
    assert out.shape == () and out.dtype == np.uint8 and out.asnumpy() == 1
    assert nd.contrib.allclose(nd.array(a), nd.array(a + 1e-3)).asnumpy() == 0
    assert nd.contrib.allclose(nd.array(a), nd.array(a + 1e-3), atol=1e-2).asnumpy() == 1
    # |a - b| <= atol + rtol * |b|: not symmetric, as numpy's
    assert nd.contrib.allclose(nd.array([1.0]), nd.array([2.0]), rtol=0.5, atol=0).asnumpy() == 1
    assert nd.contrib.allclose(nd.array([2.0]), nd.array([1.0]), rtol=0.5, atol=0).asnumpy() == 0
    nan = nd.array([np.nan, 1.0])
    assert nd.contrib.allclose(nan, nan).asnumpy() == 1
    assert nd.contrib.allclose(nan, nan, equal_nan=False).asnumpy() == 0
    inf = nd.array([np.inf])
    assert nd.contrib.allclose(inf, inf).asnumpy() == 1
    with pytest.raises(mx.MXNetError, match=r"_contrib_allclose: a and b must have the same shape, got a \(3, 4\)"):
        nd.contrib.allclose(nd.array(a), nd.ones((4,)))


def test_index_copy_and_gradient():
    old, new = RNG.randn(5, 3), RNG.randn(2, 3)
    idx = np.array([4, 1])
    want = old.copy()
    want[idx] = new
    w = RNG.randn(5, 3)
    arrs = [nd.array(old, dtype="float64"), nd.array(new, dtype="float64")]
    for a in arrs:
        a.attach_grad()
    with mx.autograd.record():
        y = nd.contrib.index_copy(arrs[0], nd.array(idx, dtype="int64"), arrs[1])
    y.backward(nd.array(w, dtype="float64"))
    np.testing.assert_allclose(y.asnumpy(), want)
    g_old = w.copy()
    g_old[idx] = 0
    np.testing.assert_allclose(arrs[0].grad.asnumpy(), g_old)
    np.testing.assert_allclose(arrs[1].grad.asnumpy(), w[idx])
    with pytest.raises(mx.MXNetError, match=r"_contrib_index_copy: index_vector\[1\] = 5 is out of range \[0, 5\)"):
        nd.contrib.index_copy(nd.array(old), nd.array([0, 5]), nd.array(new)).wait_to_read()
    with pytest.raises(mx.MXNetError, match=r"new_tensor must have shape \(2, 3\)"):
        nd.contrib.index_copy(nd.array(old), nd.array([0, 1]), nd.ones((2, 4)))


def test_index_array():
    x = nd.ones((2, 3))
    want = np.stack(np.meshgrid(np.arange(2), np.arange(3), indexing="ij"), -1)
    got = nd.contrib.index_array(x)
    assert got.dtype == np.int64 and got.shape == (2, 3, 2)
    np.testing.assert_array_equal(got.asnumpy(), want)
    np.testing.assert_array_equal(nd.contrib.index_array(x, axes=(1,)).asnumpy(), want[..., 1:])
    np.testing.assert_array_equal(nd.contrib.index_array(x, axes=(-1, 0)).asnumpy(), want[..., ::-1])
    with pytest.raises(mx.MXNetError, match="_contrib_index_array"):
        nd.contrib.index_array(x, axes=(2,))


def test_gradient_tricks():
    x = RNG.randn(2, 3)
    w = RNG.randn(2, 3)
    y, (g,) = mx_grads(nd.contrib.gradientmultiplier, [x], w, scalar=-0.5)
    np.testing.assert_allclose(y, x)
    np.testing.assert_allclose(g, -0.5 * w)
    y, (g,) = mx_grads(nd.contrib.quadratic, [x], w, a=2, b=-1, c=3)
    np.testing.assert_allclose(y, 2 * x * x - x + 3)
    np.testing.assert_allclose(g, w * (4 * x - 1))
    v = np.array([-2.5, -1.5, -0.4, 0.0, 0.5, 1.5, 2.5, 3.7])
    y, (g,) = mx_grads(nd.contrib.round_ste, [v], np.arange(8.0))
    np.testing.assert_allclose(y, [-3, -2, 0, 0, 1, 2, 3, 4])  # halves away from zero, as MXNet
    np.testing.assert_allclose(g, np.arange(8.0))
    y, (g,) = mx_grads(nd.contrib.sign_ste, [v], np.arange(8.0))
    np.testing.assert_allclose(y, np.sign(v))
    np.testing.assert_allclose(g, np.arange(8.0))
    assert nd.contrib.quadratic(nd.array([1, 2], dtype="int32"), a=1, b=1, c=1).asnumpy().tolist() == [3, 7]


# ------------------------------------------------------- split_v2 and legacy ops
def test_split_v2():
    x = RNG.randn(6, 4)
    for ios, axis in [(3, 0), ((1, 3), 0), ((2,), 1), ((0, 4, 5), 0)]:
        parts = nd.split_v2(nd.array(x, dtype="float64"), ios, axis=axis)
        want = np.split(x, ios, axis=axis)
        assert len(parts) == len(want)
        for p, w in zip(parts, want):
            np.testing.assert_array_equal(p.asnumpy(), w)
    sq = nd.split_v2(nd.array(x[:, :2]), 2, axis=1, squeeze_axis=True)
    assert [p.shape for p in sq] == [(6,), (6,)]
    uneven = nd._internal._split_v2(nd.array(x), sections=4, axis=0)  # numpy.array_split sizes
    assert [p.shape[0] for p in uneven] == [2, 2, 1, 1]
    with pytest.raises(ValueError, match="cannot be split into 4 equal sections"):
        nd.split_v2(nd.array(x), 4)
    with pytest.raises(mx.MXNetError, match="_split_v2: indices must be non-decreasing"):
        nd.split_v2(nd.array(x), (3, 1))
    with pytest.raises(mx.MXNetError, match=r"_split_v2: indices\[1\] = 9 is outside the split axis \[0, 6\]"):
        nd.split_v2(nd.array(x), (9,))
    with pytest.raises(mx.MXNetError, match="squeeze_axis needs every part to have length 1"):
        nd.split_v2(nd.array(x), 2, squeeze_axis=True)


def test_split_v2_gradient_and_symbol():
    x = RNG.randn(5, 3)
    arr = nd.array(x, dtype="float64")
    arr.attach_grad()
    with mx.autograd.record():
        a, b = nd.split_v2(arr, (2,), axis=0)
        loss = (a * 2).sum() + (b * 3).sum()
    loss.backward()
    np.testing.assert_allclose(arr.grad.asnumpy(), np.array([2, 2, 3, 3, 3.0])[:, None] * np.ones((5, 3)))
    s = mx.sym.split_v2(mx.sym.var("x"), 3, axis=1, squeeze_axis=True)
    assert len(s.list_outputs()) == 3
    _, shapes, _ = s.infer_shape(x=(4, 3))
    assert shapes == [(4,)] * 3
    ex = s.bind(mx.cpu(), {"x": nd.array(x[:4])})
    outs = ex.forward()
    np.testing.assert_allclose(outs[2].asnumpy(), x[:4, 2], rtol=1e-6)


def test_choose_and_fill_element_0index():
    lhs = RNG.randn(3, 4)
    idx = np.array([2, 0, 3])
    got = nd.choose_element_0index(nd.array(lhs, dtype="float64"), nd.array(idx, dtype="float64"))
    np.testing.assert_array_equal(got.asnumpy(), lhs[np.arange(3), idx])
    mhs = np.array([7.0, 8.0, 9.0])
    want = lhs.copy()
    want[np.arange(3), idx] = mhs
    got = nd.fill_element_0index(nd.array(lhs, dtype="float64"), nd.array(mhs, dtype="float64"), nd.array(idx))
    np.testing.assert_array_equal(got.asnumpy(), want)
    # gradients: choose scatters ograd to the picked places; fill splits it
    w = np.array([1.0, 2.0, 3.0])
    _, (g, _) = mx_grads(nd.choose_element_0index, [lhs, idx.astype(F64)], w)
    want_g = np.zeros_like(lhs)
    want_g[np.arange(3), idx] = w
    np.testing.assert_array_equal(g, want_g)
    W = RNG.randn(3, 4)
    _, (gl, gm, _) = mx_grads(nd.fill_element_0index, [lhs, mhs, idx.astype(F64)], W)
    want_l = W.copy()
    want_l[np.arange(3), idx] = 0
    np.testing.assert_array_equal(gl, want_l)
    np.testing.assert_array_equal(gm, W[np.arange(3), idx])
    with pytest.raises(mx.MXNetError, match=r"choose_element_0index: rhs\[0\] = 5 is out of range \[0, 4\)"):
        nd.choose_element_0index(nd.array(lhs), nd.array([5, 0, 0])).wait_to_read()
    with pytest.raises(mx.MXNetError, match=r"fill_element_0index: rhs\[2\] = -1 is out of range"):
        nd.fill_element_0index(nd.array(lhs), nd.array(mhs), nd.array([0, 0, -1])).wait_to_read()
    with pytest.raises(mx.MXNetError, match="choose_element_0index: lhs must be 2-D"):
        nd.choose_element_0index(nd.ones((3,)), nd.ones((3,)))


def test_onehot_encode_and_crop():
    out = nd._internal._onehot_encode(nd.array([1, 3, 0]), nd.zeros((3, 4), dtype="int32"))
    assert out.dtype == np.int32
    np.testing.assert_array_equal(out.asnumpy(), np.eye(4, dtype=np.int32)[[1, 3, 0]])
    with pytest.raises(mx.MXNetError, match=r"_onehot_encode: lhs\[0\] = 4 is out of range \[0, 4\)"):
        nd._internal._onehot_encode(nd.array([4]), nd.zeros((1, 4))).wait_to_read()
    x = nd.array(np.arange(12.0).reshape(3, 4))
    np.testing.assert_array_equal(nd.crop(x, begin=(1, 0), end=(3, 2)).asnumpy(), np.arange(12.0).reshape(3, 4)[1:3, :2])


def test_boolean_mask():
    x = RNG.randn(4, 3)
    mask = np.array([0, 1, 1, 0])
    arr = nd.array(x, dtype="float64")
    arr.attach_grad()
    w = RNG.randn(2, 3)
    with mx.autograd.record():
        y = nd.contrib.boolean_mask(arr, nd.array(mask))
    y.backward(nd.array(w, dtype="float64"))
    np.testing.assert_array_equal(y.asnumpy(), x[mask != 0])
    g = np.zeros_like(x)
    g[mask != 0] = w
    np.testing.assert_array_equal(arr.grad.asnumpy(), g)
    assert nd.contrib.boolean_mask(arr, nd.zeros(4)).shape == (0, 3)
    np.testing.assert_array_equal(nd.contrib.boolean_mask(arr, nd.array([1, 0, 1], dtype="int32"), axis=1).asnumpy(),
                                  x[:, [0, 2]])
    with pytest.raises(mx.MXNetError, match=r"_contrib_boolean_mask: index must be 1-D .* got shape \(2,\)"):
        nd.contrib.boolean_mask(arr, nd.ones(2))
    # symbols cannot know the output's shape: a clear error
    s = mx.sym.contrib.boolean_mask(mx.sym.var("x"), mx.sym.var("i"))
    with pytest.raises(mx.MXNetError, match="depends on the values of index"):
        s.infer_shape(x=(4, 3), i=(4,))


# ------------------------------------------------------- GPU vs CPU
# (skipped without one; test_gpu.py also compares the conformance cases with the CPU)
gpu = pytest.mark.gpu
needs_gpu = pytest.mark.skipif(mx.context.num_gpus() == 0, reason="no GPU")


@gpu
@needs_gpu
@pytest.mark.parametrize("dtype", ["float32", "float64", "float16"])
@pytest.mark.parametrize("op,ref,shapes", ATTENTION, ids=ATT_IDS)
def test_gpu_attention_matches_cpu(op, ref, shapes, dtype):
    inputs = [RNG.randn(*s) for s in shapes(3, 4, 2, 2, 4)]
    w = RNG.randn(*ref(*inputs, 2).shape)
    cpu_y, cpu_g = mx_grads(op, inputs, w, dtype=dtype, heads=2)
    gpu_y, gpu_g = mx_grads(op, inputs, w, ctx=mx.gpu(0), dtype=dtype, heads=2)
    tol = 1e-2 if dtype == "float16" else 1e-5
    for a, b in zip([cpu_y] + cpu_g, [gpu_y] + gpu_g):
        np.testing.assert_allclose(b.astype(F64), a.astype(F64), rtol=tol, atol=tol)


@gpu
@needs_gpu
def test_gpu_small_ops_match_cpu():
    x = RNG.randn(4, 3)
    def run(ctx):
        a = nd.array(x, ctx=ctx, dtype="float64")
        i = nd.array([2, 0, 1, 1], ctx=ctx)
        r = [nd.contrib.div_sqrt_dim(a), nd.contrib.arange_like(a, start=2, step=3, repeat=2),
             nd.contrib.allclose(a, a + 1e-3), nd.contrib.allclose(a, a),
             nd.contrib.index_copy(a, nd.array([3, 0], ctx=ctx, dtype="int32"), a[1:3]),
             nd.contrib.index_array(a, axes=(1, 0)), nd.contrib.quadratic(a, a=1, b=2, c=3),
             nd.contrib.round_ste(a * 2), nd.contrib.sign_ste(a), nd.contrib.gradientmultiplier(a, scalar=3),
             nd.choose_element_0index(a, i), nd.fill_element_0index(a, a[:, 0], i),
             nd._internal._onehot_encode(i, a)]
        r.append(nd.contrib.boolean_mask(a, nd.array([1, 0, 0, 1], ctx=ctx)))
        r += nd.split_v2(a, (1, 2), axis=0) + nd._internal._split_v2(a, sections=2, axis=1, indices=())
        return [t.asnumpy() for t in r]
    for c, g in zip(run(mx.cpu()), run(mx.gpu(0))):
        np.testing.assert_allclose(g, c, rtol=1e-12)
    with pytest.raises(mx.MXNetError, match=r"_contrib_index_copy: index_vector\[0\] = 9 is out of range \[0, 4\)"):
        a = nd.array(x, ctx=mx.gpu(0))
        nd.contrib.index_copy(a, nd.array([9], ctx=mx.gpu(0)), a[:1]).wait_to_read()
