"""GridGenerator, BilinearSampler and SpatialTransformer beyond the conformance cases:
NumPy references over several settings, points outside the input, gradients by finite
differences, errors, the symbol API, training an affine transform, and MXNet 1.9.1's
documented examples (whose outputs were checked against MXNet itself)."""
import numpy as np
import pytest

import mxlite as mx

F64 = np.float64


# ------------------------------------------------------- NumPy references
def _coords(n):
    with np.errstate(divide="ignore", invalid="ignore"):
        return -1 + np.arange(n) * (2.0 / (n - 1))


def affine_grid(theta, h, w):
    x, y = np.meshgrid(_coords(w), _coords(h))
    src = np.stack([x, y, np.ones_like(x)]).reshape(3, -1)
    return (np.asarray(theta, F64).reshape(-1, 2, 3) @ src).reshape(-1, 2, h, w)


def warp_grid(flow):
    f = np.asarray(flow, F64)
    h, w = f.shape[2:]
    x = (f[:, 0] + np.arange(w)) / ((w - 1) / 2.0) - 1
    y = (f[:, 1] + np.arange(h)[:, None]) / ((h - 1) / 2.0) - 1
    return np.stack([x, y], 1)


def bilinear(data, grid):
    """Point by point: the four pixels around each point, those outside reading 0."""
    d, g = np.asarray(data, F64), np.asarray(grid, F64)
    n, c, h, w = d.shape
    out = np.zeros((n, c) + g.shape[2:])
    for b in range(n):
        for i in range(g.shape[2]):
            for j in range(g.shape[3]):
                x = (g[b, 0, i, j] + 1) * (w - 1) / 2
                y = (g[b, 1, i, j] + 1) * (h - 1) / 2
                x0, y0 = int(np.floor(x)), int(np.floor(y))
                for yy, xx, wt in [(y0, x0, (1 - (y - y0)) * (1 - (x - x0))), (y0, x0 + 1, (1 - (y - y0)) * (x - x0)),
                                   (y0 + 1, x0, (y - y0) * (1 - (x - x0))), (y0 + 1, x0 + 1, (y - y0) * (x - x0))]:
                    if 0 <= yy < h and 0 <= xx < w:
                        out[b, :, i, j] += d[b, :, yy, xx] * wt
    return out


def numeric_grad(f, xs, head, eps=1e-6):
    """Central differences of sum(head * f(*xs)) for every input (float64)."""
    grads = []
    for k in range(len(xs)):
        g = np.zeros_like(xs[k])
        for idx in np.ndindex(*xs[k].shape):
            plus = [x.copy() for x in xs]
            minus = [x.copy() for x in xs]
            plus[k][idx] += eps
            minus[k][idx] -= eps
            g[idx] = ((f(*plus) - f(*minus)) * head).sum() / (2 * eps)
        grads.append(g)
    return grads


def autograd(op, xs, head, **params):
    arrs = [mx.nd.array(x, dtype=F64) for x in xs]
    for a in arrs:
        a.attach_grad()
    with mx.autograd.record():
        y = op(*arrs, **params)
    y.backward(mx.nd.array(head, dtype=F64))
    return y.asnumpy(), [a.grad.asnumpy() for a in arrs]


ST = dict(transform_type="affine", sampler_type="bilinear")


# ------------------------------------------------------------- GridGenerator
@pytest.mark.parametrize("target", [(3, 4), (2, 2), (5, 2), (7, 3)])
@pytest.mark.parametrize("dtype", [np.float16, np.float32, np.float64])
def test_affine_grid_matches_numpy(target, dtype):
    theta = np.random.RandomState(sum(target)).uniform(-1.5, 1.5, (3, 6)).astype(dtype)
    out = mx.nd.GridGenerator(mx.nd.array(theta, dtype=dtype), transform_type="affine", target_shape=target)
    assert out.dtype == dtype and out.shape == (3, 2) + target
    tol = {np.float16: 3e-3, np.float32: 1e-6, np.float64: 1e-14}[dtype]
    np.testing.assert_allclose(out.asnumpy().astype(F64), affine_grid(theta, *target), rtol=tol, atol=tol)


def test_identity_affine_grid_is_the_normalised_pixel_grid():
    out = mx.nd.GridGenerator(mx.nd.array([[1, 0, 0, 0, 1, 0]]), transform_type="affine", target_shape=(3, 5)).asnumpy()
    np.testing.assert_allclose(out[0, 0], np.tile([-1, -0.5, 0, 0.5, 1], (3, 1)), atol=1e-7)
    np.testing.assert_allclose(out[0, 1], np.tile([[-1], [0], [1]], (1, 5)), atol=1e-7)


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_warp_grid_matches_numpy_and_ignores_target_shape(dtype):
    flow = np.random.RandomState(2).uniform(-3, 3, (2, 2, 4, 3)).astype(dtype)
    a = mx.nd.GridGenerator(mx.nd.array(flow, dtype=dtype), transform_type="warp")
    b = mx.nd.GridGenerator(mx.nd.array(flow, dtype=dtype), transform_type="warp", target_shape=(9, 9))
    assert a.shape == flow.shape and a.dtype == dtype
    np.testing.assert_allclose(a.asnumpy(), warp_grid(flow), rtol=1e-6, atol=1e-6)
    np.testing.assert_array_equal(a.asnumpy(), b.asnumpy())


def test_zero_flow_is_the_identity_grid():
    grid = mx.nd.GridGenerator(mx.nd.zeros((1, 2, 3, 5)), transform_type="warp")
    ident = mx.nd.GridGenerator(mx.nd.array([[1, 0, 0, 0, 1, 0]]), transform_type="affine", target_shape=(3, 5))
    np.testing.assert_allclose(grid.asnumpy(), ident.asnumpy(), atol=1e-7)


def test_a_size_one_axis_divides_by_zero_as_in_mxnet():
    # MXNet 1.9.1: an affine target of width 1 gives NaN everywhere (0 * inf), a warp flow
    # of height 1 gives inf in y (a flow of 1 divided by 0) and finite x.
    aff = mx.nd.GridGenerator(mx.nd.array([[1, 0.2, 0.1, 0.3, 1.1, -0.2]]), transform_type="affine",
                              target_shape=(2, 1)).asnumpy()
    assert np.isnan(aff).all()
    warp = mx.nd.GridGenerator(mx.nd.ones((1, 2, 1, 3)), transform_type="warp").asnumpy()
    np.testing.assert_array_equal(warp[0, 0], [[0, 1, 2]])
    assert np.isposinf(warp[0, 1]).all()


@pytest.mark.parametrize("transform_type,shape,params", [("affine", (2, 6), {"target_shape": (3, 4)}),
                                                         ("warp", (2, 2, 3, 4), {})])
def test_grid_generator_gradient_matches_finite_differences(transform_type, shape, params):
    rng = np.random.RandomState(5)
    x = rng.uniform(-1, 1, shape)
    ref = (lambda t: affine_grid(t, 3, 4)) if transform_type == "affine" else warp_grid
    head = rng.uniform(-1, 1, ref(x).shape)
    out, (g,) = autograd(mx.nd.GridGenerator, [x], head, transform_type=transform_type, **params)
    np.testing.assert_allclose(out, ref(x), rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(g, numeric_grad(ref, [x], head)[0], rtol=1e-6, atol=1e-7)


# ----------------------------------------------------------- BilinearSampler
@pytest.mark.parametrize("dshape,ghw,spread", [((2, 3, 4, 5), (3, 6), 1.0), ((1, 2, 5, 3), (4, 4), 1.5),
                                               ((2, 1, 3, 3), (5, 2), 3.0), ((1, 4, 1, 6), (2, 3), 1.2)])
@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_bilinear_sampler_matches_numpy(dshape, ghw, spread, dtype):
    rng = np.random.RandomState(dshape[2])
    data = rng.randn(*dshape).astype(dtype)
    grid = rng.uniform(-spread, spread, (dshape[0], 2) + ghw).astype(dtype)
    out = mx.nd.BilinearSampler(mx.nd.array(data, dtype=dtype), mx.nd.array(grid, dtype=dtype))
    assert out.shape == dshape[:2] + ghw and out.dtype == dtype
    tol = 1e-5 if dtype == np.float32 else 1e-12
    np.testing.assert_allclose(out.asnumpy(), bilinear(data, grid), rtol=tol, atol=tol)


def test_bilinear_sampler_float16_computes_in_float():
    rng = np.random.RandomState(1)
    data, grid = rng.randn(1, 2, 4, 4).astype(np.float16), rng.uniform(-1.2, 1.2, (1, 2, 3, 3)).astype(np.float16)
    out = mx.nd.BilinearSampler(mx.nd.array(data, dtype=np.float16), mx.nd.array(grid, dtype=np.float16))
    assert out.dtype == np.float16
    np.testing.assert_allclose(out.asnumpy().astype(F64), bilinear(data, grid), rtol=3e-3, atol=3e-3)


def test_points_on_and_outside_the_border():
    data = np.arange(12, dtype=np.float32).reshape(1, 1, 3, 4) + 1
    # corners exactly; half a pixel outside on the left (blends the first column with 0);
    # beyond a whole pixel outside (0); far away and below.
    xs = [-1, 1, 1, -1, -1 - 1 / 3, -1 - 0.9, 3.0, 0.0]
    ys = [-1, -1, 1, 1, 0, 0, 0, 2.5]
    grid = np.array([xs, ys], np.float32).reshape(1, 2, 1, 8)
    out = mx.nd.BilinearSampler(mx.nd.array(data), mx.nd.array(grid)).asnumpy().ravel()
    np.testing.assert_allclose(out, [1, 4, 12, 9, 0.5 * 5, 0, 0, 0], atol=1e-5)


def test_huge_and_non_finite_grid_points_and_a_one_row_input_like_mxnet():
    # Values from MXNet 1.9.1: far points give 0, NaN and inf give NaN (their weights are
    # NaN); a one-row input maps every y to row 0, so y gets no gradient.
    d = mx.nd.array(np.arange(10, dtype=np.float32).reshape(1, 2, 1, 5) + 1)
    g = mx.nd.array([[[[-0.3, 0.2, 1e30, np.nan, -1e30, np.inf]], [[0.5, -0.7, 0.1, 0.0, 0.2, 0.0]]]])
    d.attach_grad()
    g.attach_grad()
    with mx.autograd.record():
        y = mx.nd.BilinearSampler(d, g)
    y.backward(mx.nd.ones(y.shape))
    nan = np.nan
    np.testing.assert_allclose(y.asnumpy()[0, :, 0], [[2.4, 3.4, 0, nan, 0, nan], [7.4, 8.4, 0, nan, 0, nan]], rtol=1e-6)
    np.testing.assert_allclose(d.grad.asnumpy()[0, :, 0], [[0, 0.6, 1, 0.4, 0]] * 2, rtol=1e-6, atol=1e-7)
    np.testing.assert_allclose(g.grad.asnumpy()[0, :, 0], [[4, 4, 0, 0, 0, 0], [0, 0, 0, nan, 0, nan]], rtol=1e-6)


def test_identity_grid_reproduces_the_input():
    data = np.random.RandomState(3).randn(2, 3, 4, 6).astype(np.float32)
    grid = mx.nd.GridGenerator(mx.nd.array(np.tile([1, 0, 0, 0, 1, 0], (2, 1))), transform_type="affine",
                               target_shape=(4, 6))
    np.testing.assert_allclose(mx.nd.BilinearSampler(mx.nd.array(data), grid).asnumpy(), data, atol=1e-5)


_DOC_DATA = np.array([[[[1, 4, 3, 6], [1, 8, 8, 9], [0, 4, 1, 5], [1, 0, 1, 3]]]], np.float32)


def test_mxnet_documented_zoom_out_example():
    grid = mx.nd.GridGenerator(mx.nd.array([[2, 0, 0, 0, 2, 0]]), transform_type="affine", target_shape=(4, 4))
    out = mx.nd.BilinearSampler(mx.nd.array(_DOC_DATA), grid).asnumpy()
    np.testing.assert_allclose(out[0, 0], [[0, 0, 0, 0], [0, 3.5, 6.5, 0], [0, 1.25, 2.5, 0], [0, 0, 0, 0]], atol=1e-5)


def test_mxnet_documented_warp_shift_example():
    flow = np.zeros((1, 2, 4, 4), np.float32)
    flow[:, 0] = 1  # every pixel reads its right neighbour
    grid = mx.nd.GridGenerator(mx.nd.array(flow), transform_type="warp")
    out = mx.nd.BilinearSampler(mx.nd.array(_DOC_DATA), grid).asnumpy()
    np.testing.assert_allclose(out[0, 0], [[4, 3, 6, 0], [8, 8, 9, 0], [4, 1, 5, 0], [0, 1, 3, 0]], atol=1e-5)


def test_cudnn_off_is_accepted_and_changes_nothing():
    rng = np.random.RandomState(4)
    d, g = mx.nd.array(rng.randn(1, 2, 3, 3)), mx.nd.array(rng.uniform(-1, 1, (1, 2, 2, 2)))
    ref = mx.nd.BilinearSampler(d, g).asnumpy()
    for off in (True, False):
        np.testing.assert_array_equal(mx.nd.BilinearSampler(d, g, cudnn_off=off).asnumpy(), ref)
    loc = mx.nd.array([[0.9, 0.1, 0, -0.1, 0.8, 0.1]])
    np.testing.assert_array_equal(mx.nd.SpatialTransformer(d, loc, target_shape=(2, 2), cudnn_off=True, **ST).asnumpy(),
                                  mx.nd.SpatialTransformer(d, loc, target_shape=(2, 2), **ST).asnumpy())


@pytest.mark.parametrize("spread", [1.0, 2.5])
def test_bilinear_sampler_gradients_match_finite_differences(spread):
    rng = np.random.RandomState(6)
    data, grid = rng.randn(2, 2, 3, 4), rng.uniform(-spread, spread, (2, 2, 3, 2))
    head = rng.uniform(-1, 1, (2, 2, 3, 2))
    out, (gd, gg) = autograd(mx.nd.BilinearSampler, [data, grid], head)
    nd_, ng = numeric_grad(bilinear, [data, grid], head)
    np.testing.assert_allclose(out, bilinear(data, grid), rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(gd, nd_, rtol=1e-6, atol=1e-7)
    np.testing.assert_allclose(gg, ng, rtol=1e-6, atol=1e-7)


def test_points_wholly_outside_get_no_gradient():
    data, grid = np.ones((1, 1, 3, 3)), np.full((1, 2, 2, 2), 5.0)
    out, (gd, gg) = autograd(mx.nd.BilinearSampler, [data, grid], np.ones((1, 1, 2, 2)))
    assert not out.any() and not gd.any() and not gg.any()


# -------------------------------------------------------- SpatialTransformer
def _loc(n, noise, seed):
    return np.tile([1.0, 0, 0, 0, 1, 0], (n, 1)) + np.random.RandomState(seed).uniform(-noise, noise, (n, 6))


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@pytest.mark.parametrize("target,noise", [((3, 4), 0.3), ((6, 2), 0.9), ((4, 4), 0.0)])
def test_spatial_transformer_is_grid_generator_then_sampler(dtype, target, noise):
    data = np.random.RandomState(7).randn(2, 3, 4, 4).astype(dtype)
    loc = _loc(2, noise, 8).astype(dtype)
    out = mx.nd.SpatialTransformer(mx.nd.array(data, dtype=dtype), mx.nd.array(loc, dtype=dtype), target_shape=target,
                                   **ST)
    assert out.shape == (2, 3) + target and out.dtype == dtype
    tol = 1e-5 if dtype == np.float32 else 1e-12
    np.testing.assert_allclose(out.asnumpy(), bilinear(data, affine_grid(loc, *target)), rtol=tol, atol=tol)
    two_ops = mx.nd.BilinearSampler(mx.nd.array(data, dtype=dtype), mx.nd.GridGenerator(
        mx.nd.array(loc, dtype=dtype), transform_type="affine", target_shape=target))
    np.testing.assert_allclose(out.asnumpy(), two_ops.asnumpy(), rtol=tol, atol=tol)


def test_spatial_transformer_gradients_match_finite_differences():
    rng = np.random.RandomState(9)
    data, loc = rng.randn(2, 2, 4, 5), _loc(2, 0.6, 10)
    head = rng.uniform(-1, 1, (2, 2, 3, 3))
    ref = lambda d, t: bilinear(d, affine_grid(t, 3, 3))  # noqa: E731
    out, (gd, gl) = autograd(mx.nd.SpatialTransformer, [data, loc], head, target_shape=(3, 3), **ST)
    nd_, nl = numeric_grad(ref, [data, loc], head)
    np.testing.assert_allclose(out, ref(data, loc), rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(gd, nd_, rtol=1e-6, atol=1e-7)
    np.testing.assert_allclose(gl, nl, rtol=1e-6, atol=1e-6)


def test_spatial_transformer_learns_a_translation():
    # The target is a smooth image shifted by an eighth of its width; gradient descent on
    # loc from the identity recovers the affine matrix.
    yy, xx = np.mgrid[0:12, 0:12] / 11.0
    img = mx.nd.array((np.sin(3 * xx) + np.cos(2 * yy))[None, None])
    true = np.array([[1, 0, 0.25, 0, 1, 0]], np.float32)
    target = mx.nd.SpatialTransformer(img, mx.nd.array(true), target_shape=(12, 12), **ST)
    loc = mx.nd.array([[1, 0, 0, 0, 1, 0]])
    losses = []
    for _ in range(100):
        loc.attach_grad()
        with mx.autograd.record():
            loss = ((mx.nd.SpatialTransformer(img, loc, target_shape=(12, 12), **ST) - target) ** 2).mean()
        loss.backward()
        losses.append(float(loss.asnumpy()[0]))
        loc = mx.nd.array(loc.asnumpy() - 0.3 * loc.grad.asnumpy())
    assert losses[-1] < losses[0] * 1e-3
    np.testing.assert_allclose(loc.asnumpy(), true, atol=0.02)


def test_symbols_infer_shapes_and_name_their_arguments():
    st = mx.sym.SpatialTransformer(mx.sym.var("data"), mx.sym.var("loc"), target_shape=(5, 6), name="st", **ST)
    assert st.list_arguments() == ["data", "loc"] and st.list_outputs() == ["st_output"]
    args, outs, _ = st.infer_shape(data=(2, 3, 8, 8))
    assert args == [(2, 3, 8, 8), (2, 6)] and outs == [(2, 3, 5, 6)]
    bs = mx.sym.BilinearSampler(mx.sym.var("data"), mx.sym.var("grid"))
    assert bs.list_arguments() == ["data", "grid"]
    assert bs.infer_shape(data=(2, 3, 8, 8), grid=(2, 2, 4, 5))[1] == [(2, 3, 4, 5)]
    gg = mx.sym.GridGenerator(mx.sym.var("theta"), transform_type="affine", target_shape=(4, 7))
    assert gg.infer_shape(theta=(3, 6))[1] == [(3, 2, 4, 7)]


def test_executor_backward_matches_autograd_and_accumulates_with_grad_req_add():
    rng = np.random.RandomState(15)
    data, loc = rng.randn(2, 3, 5, 4), _loc(2, 0.4, 16)
    head = rng.uniform(-1, 1, (2, 3, 3, 4))
    _, (gd, gl) = autograd(mx.nd.SpatialTransformer, [data, loc], head, target_shape=(3, 4), **ST)
    s = mx.sym.SpatialTransformer(mx.sym.var("data"), mx.sym.var("loc"), target_shape=(3, 4), **ST)
    for req, times in (("write", 1), ("add", 2)):
        ex = s.simple_bind(mx.cpu(), grad_req=req, data=data.shape, loc=loc.shape, type_dict={"data": F64, "loc": F64})
        ex.arg_dict["data"][:] = data
        ex.arg_dict["loc"][:] = loc
        for _ in range(times):
            ex.forward(is_train=True)
            ex.backward(mx.nd.array(head, dtype=F64))
        np.testing.assert_allclose(ex.grad_dict["data"].asnumpy(), times * gd, rtol=1e-12, atol=1e-12)
        np.testing.assert_allclose(ex.grad_dict["loc"].asnumpy(), times * gl, rtol=1e-12, atol=1e-12)


def test_empty_batch_gives_empty_results():
    out = mx.nd.SpatialTransformer(mx.nd.zeros((0, 2, 3, 3)), mx.nd.zeros((0, 6)), target_shape=(2, 2), **ST)
    assert out.shape == (0, 2, 2, 2)
    assert mx.nd.GridGenerator(mx.nd.zeros((0, 6)), transform_type="affine", target_shape=(2, 2)).shape == (0, 2, 2, 2)


# -------------------------------------------------------------------- errors
@pytest.mark.parametrize("call,words", [
    (lambda: mx.nd.GridGenerator(mx.nd.ones((2, 5)), transform_type="affine", target_shape=(3, 3)),
     ["GridGenerator", "(batch, 6)", "(2, 5)"]),
    (lambda: mx.nd.GridGenerator(mx.nd.ones((2, 6)), transform_type="affine"),
     ["GridGenerator", "target_shape", "(0, 0)"]),
    (lambda: mx.nd.GridGenerator(mx.nd.ones((2, 6)), transform_type="shear", target_shape=(3, 3)),
     ["GridGenerator", "transform_type", "shear"]),
    (lambda: mx.nd.GridGenerator(mx.nd.ones((2, 6))), ["GridGenerator", "transform_type"]),
    (lambda: mx.nd.GridGenerator(mx.nd.ones((2, 3, 4, 4)), transform_type="warp"),
     ["GridGenerator", "(batch, 2, height, width)", "(2, 3, 4, 4)"]),
    (lambda: mx.nd.BilinearSampler(mx.nd.ones((2, 3, 4)), mx.nd.ones((2, 2, 3, 3))),
     ["BilinearSampler", "data", "4-D", "(2, 3, 4)"]),
    (lambda: mx.nd.BilinearSampler(mx.nd.ones((2, 3, 4, 4)), mx.nd.ones((2, 1, 3, 3))),
     ["BilinearSampler", "grid", "2 channels", "(2, 1, 3, 3)"]),
    (lambda: mx.nd.BilinearSampler(mx.nd.ones((2, 3, 4, 4)), mx.nd.ones((1, 2, 3, 3))),
     ["BilinearSampler", "batch", "(2, 3, 4, 4)", "(1, 2, 3, 3)"]),
    (lambda: mx.nd.SpatialTransformer(mx.nd.ones((2, 3, 4, 4)), mx.nd.ones((2, 4)), target_shape=(3, 3), **ST),
     ["SpatialTransformer", "loc", "(batch, 6)", "(2, 4)"]),
    (lambda: mx.nd.SpatialTransformer(mx.nd.ones((2, 3, 4, 4)), mx.nd.ones((3, 6)), target_shape=(3, 3), **ST),
     ["SpatialTransformer", "loc", "(2, 6)", "(3, 6)"]),
    (lambda: mx.nd.SpatialTransformer(mx.nd.ones((2, 3, 4, 4)), mx.nd.ones((2, 6)), target_shape=(3, 3),
                                      transform_type="affine", sampler_type="nearest"),
     ["SpatialTransformer", "sampler_type", "nearest"]),
    (lambda: mx.nd.SpatialTransformer(mx.nd.ones((2, 3, 4, 4)), mx.nd.ones((2, 6)), target_shape=(0, 3), **ST),
     ["SpatialTransformer", "target_shape", "(0, 3)"]),
])
def test_bad_calls_name_the_op_the_argument_and_what_was_expected(call, words):
    with pytest.raises(mx.MXNetError) as e:
        call()
    assert all(w in str(e.value) for w in words), str(e.value)


def test_integer_data_is_a_dtype_error():
    with pytest.raises(mx.MXNetError) as e:
        mx.nd.BilinearSampler(mx.nd.ones((1, 1, 2, 2), dtype=np.int32), mx.nd.ones((1, 2, 2, 2), dtype=np.int32))
    assert "BilinearSampler" in str(e.value) and "int32" in str(e.value)


# ------------------------------------------------------------------ on a GPU
# (skipped without one; test_gpu.py also compares the conformance cases with the CPU)
_NUM_GPUS = mx.context.num_gpus()
gpu = pytest.mark.gpu
needs_gpu = pytest.mark.skipif(_NUM_GPUS == 0, reason="no GPU")


def _forward_backward(ctx, dtype, data, grid_in, loc, flow):
    arrs = [mx.nd.array(a, dtype=dtype, ctx=ctx) for a in (data, grid_in, loc, flow)]
    for a in arrs:
        a.attach_grad()
    X, G, L, W = arrs
    with mx.autograd.record():
        y1 = mx.nd.BilinearSampler(X, G)
        y2 = mx.nd.SpatialTransformer(X, L, target_shape=(4, 3), **ST)
        y3 = mx.nd.GridGenerator(W, transform_type="warp")
        y4 = mx.nd.GridGenerator(L, transform_type="affine", target_shape=(2, 5))
        loss = (y1 * y1).sum() + (y2 * 0.5).sum() + (y3 * y3).sum() * 0.1 + (y4 * 0.3).sum()
    loss.backward()
    return [a.asnumpy().astype(F64) for a in (y1, y2, y3, y4, X.grad, G.grad, L.grad, W.grad)]


@gpu
@needs_gpu
@pytest.mark.parametrize("dtype", [np.float16, np.float32, np.float64])
def test_gpu_matches_cpu_forward_and_backward(dtype):
    rng = np.random.RandomState(12)
    data = rng.randn(2, 3, 5, 4)
    grid = rng.uniform(-1.4, 1.4, (2, 2, 3, 6))
    loc = _loc(2, 0.5, 13)
    flow = rng.uniform(-2, 2, (2, 2, 3, 4))
    cpu = _forward_backward(mx.cpu(), dtype, data, grid, loc, flow)
    dev = _forward_backward(mx.gpu(0), dtype, data, grid, loc, flow)
    tol = {np.float16: 2e-2, np.float32: 1e-4, np.float64: 1e-10}[dtype]
    for c, g in zip(cpu, dev):
        np.testing.assert_allclose(g, c, rtol=tol, atol=tol)


@gpu
@needs_gpu
def test_gpu_points_outside_and_degenerate_sizes_match_cpu():
    rng = np.random.RandomState(14)
    data = mx.nd.array(rng.randn(1, 2, 3, 3))
    grid = rng.uniform(-4, 4, (1, 2, 4, 4))
    grid[0, :, 0, 0] = 1.0  # exactly on the last pixel
    grid[0, :, 1, 1] = np.nan
    grid[0, 0, 2, 2] = np.inf
    results = []
    for ctx in (mx.cpu(), mx.gpu(0)):
        d, g = data.as_in_context(ctx), mx.nd.array(grid, ctx=ctx)
        d.attach_grad()
        g.attach_grad()
        with mx.autograd.record():
            y = mx.nd.BilinearSampler(d, g)
        y.backward(mx.nd.ones(y.shape, ctx=ctx))
        results.append([y.asnumpy(), d.grad.asnumpy(), g.grad.asnumpy()])
    for c, gres in zip(*results):  # NaN where the CPU has NaN
        np.testing.assert_allclose(gres, c, rtol=1e-6, atol=1e-6)
    nan = mx.nd.GridGenerator(mx.nd.ones((1, 6), ctx=mx.gpu(0)), transform_type="affine", target_shape=(1, 3))
    assert np.isnan(nan.asnumpy()).all()
