"""The image / detection contrib operators beyond the conformance cases: BilinearResize2D
(every mode's output shape, both alignments, gradients), AdaptiveAvgPooling2D, box_nms
(with its gradient), box_iou, bipartite_matching, box_encode and box_decode. Expected
values are NumPy references written here, or MXNet 1.9.1's outputs for the same inputs
(noted where used); errors; the symbol API; and GPU-vs-CPU runs (marked gpu)."""
import numpy as np
import pytest

import mxlite as mx

F64 = np.float64
contrib = mx.nd.contrib


# ------------------------------------------------------- NumPy references
def resize_ref(x, ho, wo, align=True):
    """Pixel by pixel: each output blends the 4 input pixels around its source point."""
    n, c, h, w = x.shape

    def src(o, n_in, n_out):
        if n_out == 1:
            return 0.0
        if align:
            return o * (n_in - 1) / (n_out - 1)
        return max((o + 0.5) * n_in / n_out - 0.5, 0.0)

    out = np.zeros((n, c, ho, wo))
    for i in range(ho):
        y = src(i, h, ho)
        y0 = min(int(y), h - 1)
        y1, ly = min(y0 + 1, h - 1), y - y0
        for j in range(wo):
            xx = src(j, w, wo)
            x0 = min(int(xx), w - 1)
            x1, lx = min(x0 + 1, w - 1), xx - x0
            out[:, :, i, j] = ((1 - ly) * ((1 - lx) * x[:, :, y0, x0] + lx * x[:, :, y0, x1]) +
                               ly * ((1 - lx) * x[:, :, y1, x0] + lx * x[:, :, y1, x1]))
    return out


def adaptive_ref(x, ho, wo):
    h, w = x.shape[2:]
    out = np.zeros(x.shape[:2] + (ho, wo))
    for i in range(ho):
        for j in range(wo):
            rows = slice(i * h // ho, -(-(i + 1) * h // ho))
            cols = slice(j * w // wo, -(-(j + 1) * w // wo))
            out[:, :, i, j] = x[:, :, rows, cols].mean(axis=(2, 3))
    return out


def numeric_grad(f, x, head, eps=1e-6):
    g = np.zeros_like(x)
    for idx in np.ndindex(*x.shape):
        plus, minus = x.copy(), x.copy()
        plus[idx] += eps
        minus[idx] -= eps
        g[idx] = ((f(plus) - f(minus)) * head).sum() / (2 * eps)
    return g


def autograd(op, xs, head, **params):
    arrs = [mx.nd.array(x, dtype=F64) for x in xs]
    for a in arrs:
        a.attach_grad()
    with mx.autograd.record():
        y = op(*arrs, **params)
    y.backward(mx.nd.array(head, dtype=F64))
    return y.asnumpy(), [a.grad.asnumpy() for a in arrs]


# ------------------------------------------------------- BilinearResize2D
@pytest.mark.parametrize("shape,params,out_hw", [  # output shapes as MXNet 1.9.1 gives them
    ((1, 1, 5, 7), dict(height=3, width=4), (3, 4)),
    ((1, 1, 5, 7), dict(scale_height=1.5, scale_width=0.5), (7, 3)),
    ((1, 1, 5, 7), dict(mode="odd_scale", scale_height=2.0, scale_width=0.5), (9, 4)),
    ((2, 3, 6, 6), dict(mode="odd_scale", scale_height=2.0, scale_width=0.5), (12, 3)),
    ((1, 1, 5, 7), dict(mode="to_even_down"), (4, 6)),
    ((1, 1, 5, 7), dict(mode="to_even_up"), (6, 8)),
    ((1, 1, 5, 7), dict(mode="to_odd_down"), (5, 7)),
    ((2, 3, 6, 6), dict(mode="to_odd_down"), (5, 5)),
    ((2, 3, 6, 6), dict(mode="to_odd_up"), (7, 7)),
])
def test_resize_output_shapes_follow_the_mode(shape, params, out_hw):
    x = np.random.RandomState(0).rand(*shape)
    y = contrib.BilinearResize2D(mx.nd.array(x, dtype=F64), **params)
    assert y.shape == shape[:2] + out_hw
    np.testing.assert_allclose(y.asnumpy(), resize_ref(x, *out_hw), rtol=1e-6, atol=1e-6)


@pytest.mark.parametrize("align", [True, False])
@pytest.mark.parametrize("hw,out_hw", [((5, 7), (3, 4)), ((4, 4), (9, 6)), ((3, 5), (1, 1)), ((1, 3), (4, 2)),
                                       ((4, 6), (4, 6))])
def test_resize_matches_numpy(align, hw, out_hw):
    x = np.random.RandomState(1).randn(2, 3, *hw)
    y = contrib.BilinearResize2D(mx.nd.array(x, dtype=F64), height=out_hw[0], width=out_hw[1], align_corners=align)
    np.testing.assert_allclose(y.asnumpy(), resize_ref(x, *out_hw, align), rtol=1e-6, atol=1e-6)


def test_resize_size_one_output_reads_the_first_pixel_as_mxnet_does():
    x = np.arange(15.0).reshape(1, 1, 3, 5)  # MXNet 1.9.1: [0.], [0.33, 2., 3.67], [0., 5., 10.]
    cases = [((1, 1), [0.0]), ((1, 3), [1 / 3, 2.0, 11 / 3]), ((3, 1), [0.0, 5.0, 10.0])]
    for (ho, wo), expect in cases:
        y = contrib.BilinearResize2D(mx.nd.array(x, dtype=F64), height=ho, width=wo, align_corners=False)
        np.testing.assert_allclose(y.asnumpy().ravel(), expect, rtol=1e-6)


def test_resize_like_takes_the_second_inputs_size_and_gives_it_no_gradient():
    x, like = np.random.RandomState(2).rand(2, 3, 4, 5), np.ones((7, 1, 3, 8))
    y, (dx, dlike) = autograd(contrib.BilinearResize2D, [x, like], np.ones((2, 3, 3, 8)), mode="like")
    np.testing.assert_allclose(y, resize_ref(x, 3, 8), rtol=1e-6, atol=1e-6)
    assert dx.shape == x.shape and not dlike.any()
    sym = mx.sym.contrib.BilinearResize2D(mx.sym.var("data"), mx.sym.var("like"), mode="like")
    assert sym.list_arguments() == ["data", "like"]
    assert sym.infer_shape(data=(2, 3, 4, 5), like=(7, 1, 3, 8))[1] == [(2, 3, 3, 8)]


@pytest.mark.parametrize("align", [True, False])
def test_resize_gradient_matches_finite_differences(align):
    rng = np.random.RandomState(3)
    x, head = rng.randn(1, 2, 3, 4), rng.randn(1, 2, 5, 3)
    _, (dx,) = autograd(contrib.BilinearResize2D, [x], head, height=5, width=3, align_corners=align)
    np.testing.assert_allclose(dx, numeric_grad(lambda v: resize_ref(v, 5, 3, align), x, head), rtol=1e-5, atol=1e-6)


def test_resize_float16_computes_in_float():
    x = np.random.RandomState(4).rand(1, 2, 4, 4)
    y = contrib.BilinearResize2D(mx.nd.array(x, dtype=np.float16), height=7, width=3)
    assert y.dtype == np.float16
    np.testing.assert_allclose(y.asnumpy(), resize_ref(x.astype(np.float16).astype(F64), 7, 3), rtol=2e-3, atol=2e-3)


# -------------------------------------------------- AdaptiveAvgPooling2D
@pytest.mark.parametrize("hw,size,out_hw", [((7, 5), (2, 3), (2, 3)), ((7, 5), (1,), (1, 1)), ((7, 5), (), (1, 1)),
                                            ((4, 3), (9, 10), (9, 10)), ((6, 6), 3, (3, 3)), ((5, 7), (5, 7), (5, 7))])
def test_adaptive_pooling_matches_numpy(hw, size, out_hw):
    x = np.random.RandomState(5).randn(2, 3, *hw)
    y = contrib.AdaptiveAvgPooling2D(mx.nd.array(x, dtype=F64), output_size=size)
    assert y.shape == (2, 3) + out_hw
    np.testing.assert_allclose(y.asnumpy(), adaptive_ref(x, *out_hw), rtol=1e-12, atol=1e-12)


@pytest.mark.parametrize("hw,out_hw", [((5, 7), (2, 3)), ((3, 4), (5, 6)), ((4, 4), (1, 1))])
def test_adaptive_pooling_gradient_matches_finite_differences(hw, out_hw):
    rng = np.random.RandomState(6)
    x, head = rng.randn(1, 2, *hw), rng.randn(1, 2, *out_hw)
    _, (dx,) = autograd(contrib.AdaptiveAvgPooling2D, [x], head, output_size=out_hw)
    np.testing.assert_allclose(dx, numeric_grad(lambda v: adaptive_ref(v, *out_hw), x, head), rtol=1e-5, atol=1e-7)


def test_global_adaptive_pooling_is_the_mean_in_a_symbol_graph():
    sym = mx.sym.contrib.AdaptiveAvgPooling2D(mx.sym.var("data"), output_size=1)
    assert sym.infer_shape(data=(2, 4, 5, 6))[1] == [(2, 4, 1, 1)]
    x = np.random.RandomState(7).rand(2, 4, 5, 6).astype(np.float32)
    y = contrib.AdaptiveAvgPooling2D(mx.nd.array(x))
    np.testing.assert_allclose(y.asnumpy()[..., 0, 0], x.mean(axis=(2, 3)), rtol=1e-5)


# ----------------------------------------------------------------- box_nms
# Rows (class id, score, xmin, ymin, xmax, ymax); outputs below are MXNet 1.9.1's.
DETS = np.array([[0, 0.5, 0, 0, 1, 1], [1, 0.9, 0, 0, 1, 1.1], [0, 0.5, 0.1, 0, 1, 1], [1, 0.3, 2, 2, 3, 3],
                 [0, 0.05, 2, 2, 3, 3.2], [-1, 0.8, 5, 5, 6, 6]], np.float32)
NONE = [-1.0] * 6


def test_nms_per_class_with_valid_thresh_and_the_default_background():
    y = contrib.box_nms(mx.nd.array(DETS), overlap_thresh=0.5, id_index=0, valid_thresh=0.1).asnumpy()
    # row 2 (equal score, later row) is suppressed by row 0; row 4 is below valid_thresh;
    # row 5 is class -1, the default background_id
    np.testing.assert_allclose(y, [DETS[1], DETS[0], DETS[3], NONE, NONE, NONE])


def test_nms_force_suppress_and_topk():
    y = contrib.box_nms(mx.nd.array(DETS), overlap_thresh=0.5, id_index=0, force_suppress=True, topk=2).asnumpy()
    np.testing.assert_allclose(y, [DETS[1]] + [NONE] * 5)


def test_nms_background_id_and_center_output():
    y = contrib.box_nms(mx.nd.array(DETS), overlap_thresh=0.5, id_index=0, background_id=0, out_format="center")
    np.testing.assert_allclose(y.asnumpy(), [[1, 0.9, 0.5, 0.55, 1, 1.1], [-1, 0.8, 5.5, 5.5, 1, 1],
                                             [1, 0.3, 2.5, 2.5, 1, 1], NONE, NONE, NONE], rtol=1e-6)


def test_nms_thresholds_are_strict():
    d = np.array([[0.5, 0, 0, 2, 1], [0.4, 1, 0, 3, 1], [0.3, 10, 10, 11, 11], [0.2, 10, 10, 11, 11]], np.float32)
    p = dict(coord_start=1, score_index=0)
    # IoU(row 0, row 1) is exactly 1/3: not above 1/3; score 0.2 is not above 0.2
    y = contrib.box_nms(mx.nd.array(d), overlap_thresh=1 / 3, valid_thresh=0.2, **p).asnumpy()
    np.testing.assert_allclose(y, [d[0], d[1], d[2], [-1] * 5])
    y = contrib.box_nms(mx.nd.array(d), overlap_thresh=0.33, **p).asnumpy()
    np.testing.assert_allclose(y, [d[0], d[2], [-1] * 5, [-1] * 5])


def test_nms_gradient_routes_each_kept_row_back_as_mxnet_does():
    head = np.arange(36.0).reshape(6, 6)
    y, (dx,) = autograd(contrib.box_nms, [DETS.astype(F64)], head, overlap_thresh=0.5, id_index=0)
    expect = np.zeros((6, 6))
    expect[[1, 0, 3, 4]] = head[:4]  # kept rows 1, 0, 3, 4 in that order
    np.testing.assert_allclose(dx, expect)
    # with a format change the gradient is still copied unchanged (MXNet 1.9.1's)
    d = np.array([[0.5, 0, 0, 2, 1], [0.4, 1, 0, 3, 1], [0.3, 10, 10, 11, 11]])
    _, (dx,) = autograd(contrib.box_nms, [d], np.arange(15.0).reshape(3, 5), coord_start=1, score_index=0,
                        in_format="center")
    np.testing.assert_allclose(dx, np.arange(15.0).reshape(3, 5))


def test_nms_batches_over_leading_axes_and_has_its_alias():
    batch = np.stack([DETS, DETS[::-1]])[None]  # (1, 2, 6, 6)
    y = contrib.box_nms(mx.nd.array(batch), overlap_thresh=0.5, id_index=0).asnumpy()
    single = contrib.box_nms(mx.nd.array(DETS), overlap_thresh=0.5, id_index=0).asnumpy()
    assert y.shape == (1, 2, 6, 6)
    np.testing.assert_allclose(y[0, 0], single)
    reverse = contrib.box_nms(mx.nd.array(DETS[::-1]), overlap_thresh=0.5, id_index=0).asnumpy()
    np.testing.assert_allclose(y[0, 1], reverse)
    assert reverse[1, 2] == np.float32(0.1)  # reversed, the tie between rows 0 and 2 breaks the other way
    alias = mx.nd.contrib.box_non_maximum_suppression(mx.nd.array(DETS), overlap_thresh=0.5, id_index=0)
    np.testing.assert_allclose(alias.asnumpy(), single)
    sym = mx.sym.contrib.box_nms(mx.sym.var("data"), id_index=0)
    assert sym.infer_shape(data=(3, 10, 6))[1] == [(3, 10, 6)]


# ------------------------------------------------------- box_iou and matching
def test_box_iou_values_shapes_and_formats():
    a, b = np.array([[0, 0, 2, 1], [1, 0, 3, 2.0]]), np.array([[0.5, 0, 2, 1.5]])
    np.testing.assert_allclose(contrib.box_iou(mx.nd.array(a), mx.nd.array(b)).asnumpy(), [[6 / 11], [6 / 19]],
                               rtol=1e-6)
    centre = lambda c: np.concatenate([(c[:, :2] + c[:, 2:]) / 2, c[:, 2:] - c[:, :2]], 1)
    y = contrib.box_iou(mx.nd.array(centre(a)[None]), mx.nd.array(centre(b)), format="center")
    assert y.shape == (1, 2, 1)
    np.testing.assert_allclose(y.asnumpy()[0], [[6 / 11], [6 / 19]], rtol=1e-6)
    empty = contrib.box_iou(mx.nd.array([[0, 0, 0, 0], [2, 2, 0, 0]]), mx.nd.array([[0, 0, 0, 0], [0, 0, 3, 3]]))
    assert not empty.asnumpy().any()


def _match(s, **params):
    rows, cols = contrib.bipartite_matching(mx.nd.array(s), **params)
    return rows.asnumpy().tolist(), cols.asnumpy().tolist()


def test_bipartite_matching_is_greedy_by_score():
    s = np.array([[0.5, 0.6, 0.1], [0.7, 0.2, 0.6], [0.3, 0.65, 0.05], [0.1, 0.1, 0.1]])
    assert _match(s, threshold=0.3) == ([-1, 0, 1, -1], [1, 2, -1])  # MXNet 1.9.1's
    assert _match(s, threshold=0.3, is_ascend=True) == ([-1, 1, 2, 0], [3, 1, 2])
    assert _match([[0.1]], threshold=0.1) == ([-1], [-1])  # strictly above the threshold
    assert _match([[0.5, 0.5], [0.5, 0.5]], threshold=0.05) == ([0, 1], [0, 1])  # ties in row-major order
    batch = np.stack([s, s * 0.4])  # nothing above 0.3 in the second
    rows, cols = contrib.bipartite_matching(mx.nd.array(batch), threshold=0.3)
    assert rows.shape == (2, 4) and cols.shape == (2, 3)
    assert rows.asnumpy().tolist() == [[-1, 0, 1, -1], [-1, -1, -1, -1]]


def test_bipartite_matching_topk_limits_the_matches_as_documented():
    s = [[0.9, 0.1, 0.1, 0.2], [0.1, 0.8, 0.1, 0.3], [0.1, 0.1, 0.7, 0.4]]
    assert _match(s, threshold=0.05, topk=1) == ([0, -1, -1], [0, -1, -1, -1])
    assert _match(s, threshold=0.05, topk=2) == ([0, 1, -1], [0, 1, -1, -1])
    assert _match(s, threshold=0.05) == ([0, 1, 2], [0, 1, 2, -1])


# ------------------------------------------------------ box_encode / decode
def test_box_encode_matches_mxnet_and_decode_inverts_it():
    samples, matches = mx.nd.array([[1, -1, 0, 1]]), mx.nd.array([[1, 0, 0, 2]])
    anchors = mx.nd.array([[[0, 0, 2, 2], [1, 1, 3, 4], [0, 0, 1, 1], [2, 1, 4, 5]]])
    refs = mx.nd.array([[[0.5, 0.5, 2, 3], [0, 0, 1.5, 2.5], [2, 2, 5, 6]]])
    means, stds = mx.nd.array([0.1, 0.2, 0, 0.3]), mx.nd.array([0.1, 0.1, 0.2, 0.2])
    t, m = contrib.box_encode(samples, matches, anchors, refs, means, stds)
    expect = np.zeros((1, 4, 4))
    expect[0, 0] = [-2.25, -0.75, -1.4384103, -0.3842823]  # MXNet 1.9.1's
    expect[0, 3] = [1.5, 0.5, 2.0273254, -1.5]
    np.testing.assert_allclose(t.asnumpy(), expect, rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(m.asnumpy()[0, :, 0], [1, 0, 0, 1])
    # with zero means, decoding the targets with the same stds gives back the references
    t, _ = contrib.box_encode(samples, matches, anchors, refs, mx.nd.zeros(4), stds)
    back = contrib.box_decode(t, anchors, 0.1, 0.1, 0.2, 0.2, format="corner").asnumpy()
    np.testing.assert_allclose(back[0, [0, 3]], refs.asnumpy()[0, [1, 2]], rtol=1e-5, atol=1e-5)


def test_box_decode_clip_and_center_anchors():
    d = np.array([[[0.1, -0.2, 2.0, -3.0]]])
    a = np.array([[[1.0, 2.0, 2.0, 4.0]]])  # centre (1, 2), size (2, 4)
    y = contrib.box_decode(mx.nd.array(d, dtype=F64), mx.nd.array(a, dtype=F64), clip=0.5).asnumpy()
    w, h = 2 * np.exp(0.5), 4 * np.exp(-3.0)
    np.testing.assert_allclose(y[0, 0], [1.2 - w / 2, 1.2 - h / 2, 1.2 + w / 2, 1.2 + h / 2], rtol=1e-12)


def test_box_ops_have_zero_gradients_as_in_mxnet():
    a = mx.nd.array([[0, 0, 2, 1], [1, 0, 3, 2.0]])
    a.attach_grad()
    with mx.autograd.record():
        y = contrib.box_iou(a, a)
    y.backward()
    assert not a.grad.asnumpy().any()


# ---------------------------------------------------------------- ROIAlign
def _bilinear_at(img, y, x):
    h, w = img.shape
    if y < -1 or y > h or x < -1 or x > w:
        return 0.0
    y, x = min(max(y, 0.0), h - 1), min(max(x, 0.0), w - 1)
    y0, x0 = int(y), int(x)
    y1, x1 = min(y0 + 1, h - 1), min(x0 + 1, w - 1)
    ly, lx = y - y0, x - x0
    return ((1 - ly) * ((1 - lx) * img[y0, x0] + lx * img[y0, x1]) + ly * ((1 - lx) * img[y1, x0] + lx * img[y1, x1]))


def roi_align_ref(x, rois, ph, pw, scale, ratio=-1, ps=False, aligned=False):
    co = x.shape[1] // (ph * pw) if ps else x.shape[1]
    out = np.zeros((len(rois), co, ph, pw))
    off = 0.5 if aligned else 0.0
    for k, (b, x1, y1, x2, y2) in enumerate(rois):
        if b < 0:
            continue
        top, left = y1 * scale - off, x1 * scale - off
        hh, ww = y2 * scale - off - top, x2 * scale - off - left
        if not aligned:
            hh, ww = max(hh, 1.0), max(ww, 1.0)
        gy = ratio if ratio > 0 else int(np.ceil(hh / ph))
        gx = ratio if ratio > 0 else int(np.ceil(ww / pw))
        for c in range(co):
            for i in range(ph):
                for j in range(pw):
                    img = x[int(b), (c * ph + i) * pw + j if ps else c]
                    pts = [_bilinear_at(img, top + (i + (a + 0.5) / gy) * hh / ph, left + (j + (e + 0.5) / gx) * ww / pw)
                           for a in range(gy) for e in range(gx)]
                    out[k, c, i, j] = sum(pts) / max(len(pts), 1)
    return out


ROIS = np.array([[0, 0.5, 1, 9, 7], [1, 2, 2, 3, 2.5], [0, -3, -2, 20, 15], [1, 3.3, 1.2, 5.9, 4.4]])


@pytest.mark.parametrize("params", [dict(pooled_size=(2, 2), spatial_scale=0.5),
                                    dict(pooled_size=(3, 2), spatial_scale=1.0, sample_ratio=2),
                                    dict(pooled_size=(2, 2), spatial_scale=0.7, aligned=True),
                                    dict(pooled_size=(2, 2), spatial_scale=1.0, position_sensitive=True)])
def test_roi_align_matches_numpy(params):
    x = np.random.RandomState(8).randn(2, 8, 6, 7)
    y = contrib.ROIAlign(mx.nd.array(x, dtype=F64), mx.nd.array(ROIS, dtype=F64), **params).asnumpy()
    p = params
    expect = roi_align_ref(x, ROIS, *p["pooled_size"], p["spatial_scale"], p.get("sample_ratio", -1),
                           p.get("position_sensitive", False), p.get("aligned", False))
    np.testing.assert_allclose(y, expect, rtol=1e-12, atol=1e-12)


def test_roi_align_ignored_and_empty_rois_give_zeros():
    rois = np.array([[-1, 0, 0, 3, 3], [0, 2, 2, 2, 2]])  # MXNet 1.9.1: garbage, and an abort
    y = contrib.ROIAlign(mx.nd.ones((1, 2, 4, 4)), mx.nd.array(rois), pooled_size=(2, 2), spatial_scale=1.0,
                         aligned=True)
    assert not y.asnumpy().any()


def test_roi_align_gradient_matches_finite_differences_and_rois_get_none():
    rng = np.random.RandomState(9)
    x, head = rng.randn(2, 4, 5, 6), rng.randn(4, 1, 2, 2)
    p = dict(pooled_size=(2, 2), spatial_scale=0.6, sample_ratio=2, position_sensitive=True)
    _, (dx, drois) = autograd(contrib.ROIAlign, [x, ROIS], head, **p)
    numeric = numeric_grad(lambda v: roi_align_ref(v, ROIS, 2, 2, 0.6, 2, True), x, head)
    np.testing.assert_allclose(dx, numeric, rtol=1e-5, atol=1e-7)
    assert not drois.any()


def test_roi_align_symbol_shapes():
    sym = mx.sym.contrib.ROIAlign(mx.sym.var("data"), mx.sym.var("rois"), pooled_size=(7, 7), spatial_scale=0.0625)
    assert sym.list_arguments() == ["data", "rois"]
    assert sym.infer_shape(data=(2, 256, 38, 50), rois=(16, 5))[1] == [(16, 256, 7, 7)]


# ---------------------------------------------------------------- MultiBox
def test_multibox_prior_matches_mxnet():
    x = mx.nd.zeros((1, 3, 2, 3))
    y = contrib.MultiBoxPrior(x, sizes=(0.5, 0.25), ratios=(1, 2, 0.5))
    assert y.shape == (1, 24, 4)  # 2 * 3 cells, 4 anchors each
    np.testing.assert_allclose(y.asnumpy()[0, :5], [[0, 0, 1 / 3, 0.5], [1 / 12, 0.125, 0.25, 0.375],
                                                    [-0.06903559, 0.07322331, 0.40236893, 0.4267767],
                                                    [0.04881554, -0.10355338, 0.2845178, 0.6035534],
                                                    [1 / 3, 0, 2 / 3, 0.5]], rtol=1e-5, atol=1e-6)
    y = contrib.MultiBoxPrior(x, sizes=(0.5,), steps=(0.3, 0.2), offsets=(0.2, 0.7), clip=True)
    np.testing.assert_allclose(y.asnumpy()[0, [0, 1, 5]], [[0, 0, 0.30666667, 0.31], [0.17333333, 0, 0.50666666, 0.31],
                                                           [0.37333333, 0.11, 0.7066667, 0.61]], rtol=1e-5, atol=1e-6)
    sym = mx.sym.contrib.MultiBoxPrior(mx.sym.var("data"), sizes=[0.2, 0.1], ratios=[1, 2, 0.5])
    assert sym.infer_shape(data=(4, 16, 5, 5))[1] == [(1, 100, 4)]


# cls_prob (1, 3 classes, 5 anchors): class 0 is the background; the expected rows are MXNet 1.9.1's
ANCHORS = np.array([[[0, 0, 0.5, 0.5], [0, 0, 0.5, 0.25], [0.1, 0, 0.6, 0.5], [0.5, 0.5, 1, 1], [0.6, 0.6, 1.2, 1.1]]])
PROB = np.array([[[0.1, 0.2, 0.5, 0.3, 0.2], [0.8, 0.7, 0.1, 0.6, 0.1], [0.1, 0.1, 0.4, 0.1, 0.7]]])


def _detect(**params):
    return contrib.MultiBoxDetection(mx.nd.array(PROB), mx.nd.zeros((1, 20)), mx.nd.array(ANCHORS), **params).asnumpy()[0]


def test_multibox_detection_sorts_and_suppresses_like_mxnet():
    # row 1's IoU with row 0 is exactly 0.5: at the threshold it is suppressed (id -1, row kept)
    np.testing.assert_allclose(_detect(), [[0, 0.8, 0, 0, 0.5, 0.5], [-1, 0.7, 0, 0, 0.5, 0.25], [1, 0.7, 0.6, 0.6, 1, 1],
                                           [0, 0.6, 0.5, 0.5, 1, 1], [1, 0.4, 0.1, 0, 0.6, 0.5]], rtol=1e-6)
    forced = _detect(force_suppress=True)
    np.testing.assert_allclose(forced[:, 0], [0, -1, 1, -1, -1])
    np.testing.assert_allclose(_detect(clip=False)[2], [1, 0.7, 0.6, 0.6, 1.2, 1.1], rtol=1e-6)
    np.testing.assert_allclose(_detect(threshold=0.5)[4], [-1] * 6)  # score 0.4 is no detection


def test_multibox_detection_topk_and_background_id():
    top = _detect(nms_topk=2)
    np.testing.assert_allclose(top[:, 0], [0, -1, -1, -1, -1])  # beyond the first 2: id -1, rows kept
    np.testing.assert_allclose(top[2:, 1], [0.7, 0.6, 0.4], rtol=1e-6)
    # background 2: classes 0 and 1 compete, their ids unchanged
    y = _detect(background_id=2, threshold=0.15)
    np.testing.assert_allclose(y[:, :2], [[1, 0.8], [-1, 0.7], [1, 0.6], [0, 0.5], [0, 0.2]], rtol=1e-6)


def test_multibox_detection_decodes_with_the_variances():
    loc = np.array([[0.5, -0.5, 1.0, 0.0] + [0.0] * 16])
    y = contrib.MultiBoxDetection(mx.nd.array(PROB), mx.nd.array(loc), mx.nd.array(ANCHORS), clip=False,
                                  variances=(0.2, 0.2, 0.5, 0.5)).asnumpy()[0]
    cx, cy, w, h = 0.25 + 0.5 * 0.2 * 0.5, 0.25 - 0.5 * 0.2 * 0.5, 0.5 * np.exp(0.5), 0.5
    np.testing.assert_allclose(y[0, 2:], [cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2], rtol=1e-6)


def test_multibox_target_matches_mxnet():
    anchors = mx.nd.array([[[0, 0, 0.5, 0.5], [0, 0, 0.5, 0.25], [0.1, 0, 0.6, 0.5], [0.5, 0.5, 1, 1],
                            [0.6, 0.6, 1.2, 1.1], [0.2, 0.2, 0.4, 0.4]]])
    label = mx.nd.array([[[1, 0.05, 0, 0.5, 0.45], [0, 0.55, 0.5, 1, 1], [-1] * 5],
                         [[2, 0.1, 0.1, 0.3, 0.4], [-1] * 5, [-1] * 5]])
    loc, mask, cls = contrib.MultiBoxTarget(anchors, label, mx.nd.zeros((2, 3, 6)))
    # MXNet 1.9.1's: anchors 0 and 3 are the best pairs, 1 and 2 pass overlap_threshold
    np.testing.assert_allclose(cls.asnumpy(), [[2, 2, 2, 1, 0, 0], [0, 0, 0, 0, 0, 3]])
    np.testing.assert_allclose(mask.asnumpy().reshape(2, 6, 4)[..., 0], [[1, 1, 1, 1, 0, 0], [0, 0, 0, 0, 0, 1]])
    np.testing.assert_allclose(loc.asnumpy().reshape(2, 6, 4)[0, :4],
                               [[0.5, -0.5, -0.5268, -0.5268], [0.5, 4, -0.5268, 2.9389], [-1.5, -0.5, -0.5268, -0.5268],
                                [0.5, 0, -0.5268, 0]], rtol=1e-4, atol=1e-4)
    np.testing.assert_allclose(loc.asnumpy().reshape(2, 6, 4)[1, 5], [-5, -2.5, 0, 2.0273], rtol=1e-4, atol=1e-4)
    _, _, cls = contrib.MultiBoxTarget(anchors, label, mx.nd.zeros((2, 3, 6)), overlap_threshold=0.3)
    assert cls.asnumpy()[0].tolist() == [2, 2, 2, 1, 1, 0]


def test_multibox_target_mines_the_hardest_negatives():
    anchors = mx.nd.array([[[0, 0, 0.5, 0.5], [0.2, 0.2, 0.4, 0.4], [0.6, 0.6, 0.7, 0.7], [0.8, 0, 0.9, 0.1],
                            [0.3, 0.3, 0.35, 0.35], [0.7, 0.7, 0.9, 0.9]]])
    label = mx.nd.array([[[1, 0, 0, 0.5, 0.5]]])
    cls = mx.nd.array(np.random.RandomState(1).randn(1, 3, 6))  # background probabilities of anchors 1-5:
    # 0.32, 0.12, 0.24, 0.32, 0.16 -- the lowest are the hardest negatives (MXNet 1.9.1's choices)
    for ratio, expect in [(1, [2, -1, 0, -1, -1, -1]), (2, [2, -1, 0, -1, -1, 0]), (3, [2, -1, 0, 0, -1, 0]),
                          (0.5, [2, -1, -1, -1, -1, -1])]:
        _, _, c = contrib.MultiBoxTarget(anchors, label, cls, negative_mining_ratio=ratio)
        assert c.asnumpy()[0].tolist() == expect
    # minimum_negative_samples as documented (MXNet 1.9.1 ignores it); ignore_label marks the rest
    _, _, c = contrib.MultiBoxTarget(anchors, label, cls, negative_mining_ratio=1, minimum_negative_samples=3,
                                     ignore_label=-5)
    assert c.asnumpy()[0].tolist() == [2, -5, 0, 0, -5, 0]
    # more wanted than there are candidates (MXNet 1.9.1 aborts): all of them
    _, _, c = contrib.MultiBoxTarget(anchors, label, cls, negative_mining_ratio=10, negative_mining_thresh=0.1)
    assert c.asnumpy()[0].tolist() == [2, -1, 0, 0, 0, 0]


# ------------------------------------------------------------------ errors
@pytest.mark.parametrize("call,words", [
    (lambda: contrib.BilinearResize2D(mx.nd.ones((2, 3, 4)), height=2, width=2),
     ["_contrib_BilinearResize2D", "data", "4-D", "(2, 3, 4)"]),
    (lambda: contrib.BilinearResize2D(mx.nd.ones((1, 1, 3, 3)), scale_width=2.0),
     ["_contrib_BilinearResize2D", "scale_height", "scale_width", "together"]),
    (lambda: contrib.BilinearResize2D(mx.nd.ones((1, 1, 3, 3)), mode="odd_scale"),
     ["_contrib_BilinearResize2D", "odd_scale", "scale_height"]),
    (lambda: contrib.BilinearResize2D(mx.nd.ones((1, 1, 3, 3)), scale_height=-1.0, scale_width=1.0),
     ["_contrib_BilinearResize2D", "scale_height", "positive"]),
    (lambda: contrib.BilinearResize2D(mx.nd.ones((1, 1, 1, 3)), mode="to_even_down"),
     ["_contrib_BilinearResize2D", "output size", "(0, 2)"]),
    (lambda: contrib.AdaptiveAvgPooling2D(mx.nd.ones((1, 1, 3, 3)), output_size=(1, 2, 3)),
     ["_contrib_AdaptiveAvgPooling2D", "output_size", "(1, 2, 3)"]),
    (lambda: contrib.box_nms(mx.nd.ones((3, 5)), coord_start=2), ["_contrib_box_nms", "coord_start", "5"]),
    (lambda: contrib.box_nms(mx.nd.ones((3, 6)), id_index=-2), ["_contrib_box_nms", "id_index", "-2"]),
    (lambda: contrib.box_iou(mx.nd.ones((3, 4)), mx.nd.ones((3,))), ["_contrib_box_iou", "rhs", "(3,)"]),
    (lambda: contrib.bipartite_matching(mx.nd.ones((3,)), threshold=0.5),
     ["_contrib_bipartite_matching", "data", "(3,)"]),
    (lambda: contrib.box_encode(mx.nd.ones((1, 2)), mx.nd.array([[0, -1]]), mx.nd.ones((1, 2, 4)),
                                mx.nd.ones((1, 3, 4)), mx.nd.zeros(4), mx.nd.ones(4)),
     ["_contrib_box_encode", "matches", "[0, 3)", "-1"]),
    (lambda: contrib.box_decode(mx.nd.ones((2, 3, 4)), mx.nd.ones((1, 2, 4))),
     ["_contrib_box_decode", "anchors", "(1, 3, 4)", "(1, 2, 4)"]),
    (lambda: contrib.ROIAlign(mx.nd.ones((1, 2, 4, 4)), mx.nd.array([[2, 0, 0, 1, 1]]), pooled_size=(2, 2),
                              spatial_scale=1.0), ["_contrib_ROIAlign", "rois[0]", "batch index 2", "batch size 1"]),
    (lambda: contrib.ROIAlign(mx.nd.ones((1, 2, 4, 4)), mx.nd.ones((3, 5)), pooled_size=(2, 0), spatial_scale=1.0),
     ["_contrib_ROIAlign", "pooled_size", "(2, 0)"]),
    (lambda: contrib.MultiBoxPrior(mx.nd.ones((1, 1, 2, 2)), sizes=(0.5, -0.1)),
     ["_contrib_MultiBoxPrior", "sizes", "positive"]),
    (lambda: contrib.MultiBoxDetection(mx.nd.ones((1, 3, 4)), mx.nd.ones((1, 16)), mx.nd.ones((2, 4, 4))),
     ["_contrib_MultiBoxDetection", "anchor", "(1, 4, 4)", "(2, 4, 4)"]),
    (lambda: contrib.MultiBoxTarget(mx.nd.ones((1, 4, 4)), mx.nd.ones((2, 3, 5)), mx.nd.ones((2, 3, 5))),
     ["_contrib_MultiBoxTarget", "cls_pred", "(2, classes, 4)", "(2, 3, 5)"]),
])
def test_bad_calls_name_the_op_the_argument_and_what_was_expected(call, words):
    with pytest.raises(mx.MXNetError) as e:
        out = call()
        (out[0] if isinstance(out, list) else out).asnumpy()
    assert all(w in str(e.value) for w in words), str(e.value)


# ------------------------------------------------------------------ on a GPU
# (skipped without one; test_gpu.py also compares the conformance cases with the CPU)
_NUM_GPUS = mx.context.num_gpus()
gpu = pytest.mark.gpu
needs_gpu = pytest.mark.skipif(_NUM_GPUS == 0, reason="no GPU")


def _run_all(ctx, dtype):
    """Every op forward (and backward where it has a gradient) on ctx; results as float64."""
    rng = np.random.RandomState(21)
    arr = lambda x: mx.nd.array(x, dtype=dtype, ctx=ctx)
    img = arr(rng.randn(2, 3, 5, 6))
    img.attach_grad()
    dets = np.concatenate([rng.randint(0, 2, (2, 12, 1)), rng.permutation(24).reshape(2, 12, 1) / 24,
                           rng.uniform(0, 3, (2, 12, 2)), rng.uniform(3, 5, (2, 12, 2))], -1)
    boxes = arr(dets)
    boxes.attach_grad()
    with mx.autograd.record():
        r1 = contrib.BilinearResize2D(img, height=7, width=4)
        r2 = contrib.BilinearResize2D(img, height=3, width=9, align_corners=False)
        p = contrib.AdaptiveAvgPooling2D(img, output_size=(2, 4))
        n = contrib.box_nms(boxes, overlap_thresh=0.3, id_index=0, topk=9, out_format="center")
        loss = (r1 * r1).sum() + (r2 * 0.5).sum() + (p * p).sum() + (n * 0.25).sum()
    loss.backward()
    iou = contrib.box_iou(boxes[0, :, 2:6], boxes[1, :5, 2:6])
    rows, cols = contrib.bipartite_matching(iou, threshold=0.05, topk=3)
    t, m = contrib.box_encode(arr([[1, 0, 1, -1, 1]]), arr([[0, 1, 4, 2, 3]]), boxes[:1, :5, 2:6], boxes[1:, :5, 2:6],
                              arr([0, 0.1, 0, 0.1]), arr([0.1, 0.1, 0.2, 0.2]))
    dec = contrib.box_decode(t, boxes[:1, :5, 2:6], 0.1, 0.1, 0.2, 0.2, clip=1.0, format="corner")
    feat = arr(rng.randn(2, 8, 6, 7))
    feat.attach_grad()
    with mx.autograd.record():
        a1 = contrib.ROIAlign(feat, arr(ROIS), pooled_size=(2, 3), spatial_scale=0.5)
        a2 = contrib.ROIAlign(feat, arr(ROIS), pooled_size=(2, 2), spatial_scale=0.8, sample_ratio=2,
                              position_sensitive=True, aligned=True)
        roi_loss = (a1 * a1).sum() + a2.sum()
    roi_loss.backward()
    prior = contrib.MultiBoxPrior(img, sizes=(0.6, 0.3), ratios=(1, 2, 0.5), clip=True)  # 4 per cell: 120 anchors
    logits = rng.randn(2, 4, 120)
    prob = arr(np.exp(logits) / np.exp(logits).sum(1, keepdims=True))
    detect = contrib.MultiBoxDetection(prob, arr(rng.randn(2, 480) * 0.3), prior, threshold=0.3, nms_topk=30)
    label = np.full((2, 4, 5), -1.0)
    label[0, :3] = np.concatenate([[[0], [2], [1]], dets[0, :3, 2:6] / 5], 1)
    label[1, :1] = np.concatenate([[[1]], dets[1, :1, 2:6] / 5], 1)
    targets = contrib.MultiBoxTarget(prior, arr(label), arr(logits), negative_mining_ratio=3, overlap_threshold=0.4)
    outs = [r1, r2, p, n, img.grad, boxes.grad, iou, rows, cols, t, m, dec, a1, a2, feat.grad, prior, detect] + targets
    return [o.asnumpy().astype(F64) for o in outs]


@gpu
@needs_gpu
@pytest.mark.parametrize("dtype", [np.float16, np.float32, np.float64])
def test_gpu_matches_cpu_forward_and_backward(dtype):
    cpu, dev = _run_all(mx.cpu(), dtype), _run_all(mx.gpu(0), dtype)
    tol = {np.float16: 2e-2, np.float32: 1e-4, np.float64: 1e-10}[dtype]
    for c, g in zip(cpu, dev):
        np.testing.assert_allclose(g, c, rtol=tol, atol=tol)


@gpu
@needs_gpu
def test_gpu_box_encode_reports_a_bad_match_like_the_cpu():
    ctx = mx.gpu(0)
    with pytest.raises(mx.MXNetError) as e:
        contrib.box_encode(mx.nd.ones((1, 2), ctx=ctx), mx.nd.array([[0, 7]], ctx=ctx), mx.nd.ones((1, 2, 4), ctx=ctx),
                           mx.nd.ones((1, 3, 4), ctx=ctx), mx.nd.zeros(4, ctx=ctx), mx.nd.ones(4, ctx=ctx))[0].asnumpy()
    assert "_contrib_box_encode" in str(e.value) and "[0, 3)" in str(e.value)


@gpu
@needs_gpu
def test_gpu_roi_align_reports_a_bad_batch_index_like_the_cpu():
    ctx = mx.gpu(0)
    with pytest.raises(mx.MXNetError) as e:
        contrib.ROIAlign(mx.nd.ones((1, 2, 4, 4), ctx=ctx), mx.nd.array([[0, 0, 0, 1, 1], [3, 0, 0, 1, 1]], ctx=ctx),
                         pooled_size=(2, 2), spatial_scale=1.0).asnumpy()
    assert "_contrib_ROIAlign" in str(e.value) and "rois[1]" in str(e.value)


@gpu
@needs_gpu
def test_gpu_bipartite_matching_ties_thresholds_and_topk_match_cpu():
    rng = np.random.RandomState(22)
    scores = np.round(rng.rand(3, 7, 5), 1)  # many equal scores: ties break in row-major order
    for params in [dict(threshold=0.2), dict(threshold=0.6, is_ascend=True), dict(threshold=0.0, topk=3),
                   dict(threshold=0.95)]:
        cpu = contrib.bipartite_matching(mx.nd.array(scores), **params)
        dev = contrib.bipartite_matching(mx.nd.array(scores, ctx=mx.gpu(0)), **params)
        for c, g in zip(cpu, dev):
            np.testing.assert_array_equal(g.asnumpy(), c.asnumpy())
