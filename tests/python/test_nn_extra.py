"""GroupNorm, softmax_cross_entropy, SVMOutput and ROIPooling beyond the conformance
cases: NumPy references over several settings, training through autograd, the symbol
API, and known examples whose values were taken from MXNet 1.9.1."""
import numpy as np
import pytest

import mxlite as mx


def _group_norm(x, gamma, beta, groups, eps=1e-5):
    n = x.shape[0]
    xr = x.astype(np.float64).reshape(n, groups, -1)
    mean = xr.mean(axis=2, keepdims=True)
    std = np.sqrt(xr.var(axis=2, keepdims=True) + eps)
    y = (xr - mean) / std * gamma.reshape(1, -1, 1) + beta.reshape(1, -1, 1)
    return y.reshape(x.shape), mean.reshape(n, groups), std.reshape(n, groups)


# ------------------------------------------------------------------ GroupNorm
@pytest.mark.parametrize("shape,groups", [((2, 6, 4), 1), ((2, 6, 4), 2), ((3, 6, 2, 3), 3), ((2, 6, 5), 6),
                                          ((1, 8, 2, 2, 2), 4)])
@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_group_norm_matches_numpy(shape, groups, dtype):
    rng = np.random.RandomState(groups)
    x = rng.randn(*shape).astype(dtype) * 3 + 1
    gamma = rng.uniform(0.5, 1.5, groups).astype(dtype)
    beta = rng.randn(groups).astype(dtype)
    out, mean, std = mx.nd.GroupNorm(mx.nd.array(x, dtype=dtype), mx.nd.array(gamma, dtype=dtype),
                                     mx.nd.array(beta, dtype=dtype), num_groups=groups, eps=1e-4,
                                     output_mean_var=True)
    ref, ref_mean, ref_std = _group_norm(x, gamma, beta, groups, eps=1e-4)
    tol = 1e-5 if dtype == np.float32 else 1e-12
    assert out.dtype == dtype and out.shape == shape
    assert mean.shape == (shape[0], groups) and std.shape == (shape[0], groups)
    np.testing.assert_allclose(out.asnumpy(), ref, rtol=tol, atol=tol)
    np.testing.assert_allclose(mean.asnumpy(), ref_mean, rtol=tol, atol=tol)
    np.testing.assert_allclose(std.asnumpy(), ref_std, rtol=tol, atol=tol)


def test_group_norm_float16_computes_in_float():
    rng = np.random.RandomState(0)
    x = rng.randn(2, 4, 6).astype(np.float16)
    g, b = np.ones(2, np.float16), np.zeros(2, np.float16)
    out = mx.nd.GroupNorm(mx.nd.array(x, dtype=np.float16), mx.nd.array(g, dtype=np.float16),
                          mx.nd.array(b, dtype=np.float16), num_groups=2)
    assert out.dtype == np.float16
    np.testing.assert_allclose(out.asnumpy().astype(np.float64), _group_norm(x, g, b, 2)[0], atol=3e-3)


def test_group_norm_gradients_match_the_analytic_formula():
    rng = np.random.RandomState(1)
    x, gamma, beta = rng.randn(2, 4, 3), rng.uniform(0.5, 1.5, 2), rng.randn(2)
    head = rng.randn(2, 4, 3)
    X, G, B = [mx.nd.array(a, dtype=np.float64) for a in (x, gamma, beta)]
    for a in (X, G, B):
        a.attach_grad()
    with mx.autograd.record():
        y = mx.nd.GroupNorm(X, G, B, num_groups=2)
    y.backward(mx.nd.array(head, dtype=np.float64))
    xr, hr = x.reshape(2, 2, -1), head.reshape(2, 2, -1)
    mean, std = xr.mean(-1, keepdims=True), np.sqrt(xr.var(-1, keepdims=True) + 1e-5)
    xhat = (xr - mean) / std
    gy = hr * gamma.reshape(1, -1, 1)
    dx = (gy - gy.mean(-1, keepdims=True) - xhat * (gy * xhat).mean(-1, keepdims=True)) / std
    np.testing.assert_allclose(X.grad.asnumpy(), dx.reshape(x.shape), rtol=1e-10, atol=1e-12)
    np.testing.assert_allclose(G.grad.asnumpy(), (hr * xhat).sum(axis=(0, 2)), rtol=1e-10)
    np.testing.assert_allclose(B.grad.asnumpy(), hr.sum(axis=(0, 2)), rtol=1e-10)


def test_group_norm_mean_and_std_outputs_carry_no_gradient():
    X = mx.nd.array(np.random.RandomState(2).randn(2, 4, 3))
    G, B = mx.nd.ones(2), mx.nd.zeros(2)
    X.attach_grad()
    with mx.autograd.record():
        _, mean, std = mx.nd.GroupNorm(X, G, B, num_groups=2, output_mean_var=True)
        loss = mean.sum() + std.sum()
    loss.backward()
    np.testing.assert_array_equal(X.grad.asnumpy(), np.zeros((2, 4, 3), np.float32))


def test_group_norm_trains_gamma_and_beta_towards_a_target():
    rng = np.random.RandomState(3)
    x = mx.nd.array(rng.randn(4, 6, 5))
    target = mx.nd.array(_group_norm(x.asnumpy(), np.array([2.0, 0.5, 1.0]), np.array([1.0, -1.0, 0.0]), 3)[0])
    gamma, beta = mx.nd.ones(3), mx.nd.zeros(3)
    losses = []
    for _ in range(60):
        gamma.attach_grad()
        beta.attach_grad()
        with mx.autograd.record():
            loss = ((mx.nd.GroupNorm(x, gamma, beta, num_groups=3) - target) ** 2).mean()
        loss.backward()
        losses.append(float(loss.asnumpy().ravel()[0]))
        gamma = gamma - 0.5 * gamma.grad
        beta = beta - 0.5 * beta.grad
    assert losses[-1] < 1e-3 * losses[0]
    np.testing.assert_allclose(gamma.asnumpy(), [2.0, 0.5, 1.0], atol=1e-2)
    np.testing.assert_allclose(beta.asnumpy(), [1.0, -1.0, 0.0], atol=1e-2)


def test_group_norm_symbol_infers_per_group_parameters():
    s = mx.sym.GroupNorm(mx.sym.var("data"), num_groups=2, name="gn")
    assert s.list_arguments() == ["data", "gn_gamma", "gn_beta"]
    args, outs, _ = s.infer_shape(data=(2, 4, 3))
    assert args == [(2, 4, 3), (2,), (2,)] and outs == [(2, 4, 3)]
    s3 = mx.sym.GroupNorm(mx.sym.var("data"), num_groups=2, output_mean_var=True, name="gn")
    assert s3.list_outputs() == ["gn_output", "gn_mean", "gn_std"]


@pytest.mark.parametrize("shape,groups,words", [((2, 4), 2, ["3 dimensions", "(2, 4)"]),
                                                ((2, 4, 3), 3, ["divisible", "num_groups=3"])])
def test_group_norm_bad_shapes_name_the_problem(shape, groups, words):
    with pytest.raises(mx.MXNetError) as e:
        mx.nd.GroupNorm(mx.nd.ones(shape), mx.nd.ones(groups), mx.nd.ones(groups), num_groups=groups)
    assert "GroupNorm" in str(e.value) and all(w in str(e.value) for w in words)


# ------------------------------------------------------ softmax_cross_entropy
def test_softmax_cross_entropy_value_and_gradient():
    rng = np.random.RandomState(4)
    x = rng.randn(5, 6)
    label = rng.randint(0, 6, 5).astype(np.float64)
    X = mx.nd.array(x, dtype=np.float64)
    X.attach_grad()
    with mx.autograd.record():
        loss = mx.nd.softmax_cross_entropy(X, mx.nd.array(label, dtype=np.float64))
    loss.backward(mx.nd.array([2.0], dtype=np.float64))
    p = np.exp(x - x.max(1, keepdims=True))
    p /= p.sum(1, keepdims=True)
    assert loss.shape == (1,)
    np.testing.assert_allclose(loss.asnumpy(), [-np.log(p[np.arange(5), label.astype(int)]).sum()], rtol=1e-12)
    np.testing.assert_allclose(X.grad.asnumpy(), 2 * (p - np.eye(6)[label.astype(int)]), rtol=1e-10, atol=1e-14)


def test_softmax_cross_entropy_clips_the_probability_like_mxnet():
    # MXNet 1.9.1: [[0, v]] with label 0 gives v for v <= 18.42, then -log(1e-8) = 18.420681.
    for v, want in [(10.0, 10.000046), (18.0, 18.0), (25.0, 18.420681), (50.0, 18.420681)]:
        got = mx.nd.softmax_cross_entropy(mx.nd.array([[0.0, v]]), mx.nd.array([0.0])).asnumpy()
        np.testing.assert_allclose(got, [want], rtol=1e-6)


def test_softmax_cross_entropy_label_out_of_range_is_an_index_error():
    with pytest.raises(IndexError) as e:
        mx.nd.softmax_cross_entropy(mx.nd.ones((2, 3)), mx.nd.array([1, 3])).asnumpy()
    assert "softmax_cross_entropy" in str(e.value) and "label[1] = 3" in str(e.value)


# ------------------------------------------------------------------ SVMOutput
# MXNet 1.9.1: np.random.seed(0); x = randn(3, 4); label [1, 0, 3]; gradient of data
# (the head gradient, 7 everywhere, is ignored).
_SVM_X = [[1.764052391052246, 0.40015721321105957, 0.978738009929657, 2.2408931255340576],
          [1.8675580024719238, -0.9772778749465942, 0.9500884413719177, -0.15135720372200012],
          [-0.10321885347366333, 0.4105985164642334, 0.14404356479644775, 1.4542734622955322]]
_SVM_GRADS = [
    ({}, [[5.528104782104492, -1.1996855735778809, 3.9574761390686035, 6.481786251068115],
          [-0.0, 0.04544425010681152, 3.900177001953125, 1.6972856521606445],
          [1.7935622930526733, 2.821197032928467, 2.2880871295928955, -0.0]]),
    ({"use_linear": True}, [[1, -1, 1, 1], [0, 1, 1, 1], [1, 1, 1, 0]]),
    ({"margin": 0.5, "regularization_coefficient": 2.0},
     [[9.056209564208984, -0.3993711471557617, 5.914952278137207, 10.96357250213623],
      [-0.0, -0.0, 5.80035400390625, 1.3945711851119995],
      [1.5871245861053467, 3.6423940658569336, 2.576174259185791, -0.0]]),
    ({"margin": 0.5, "regularization_coefficient": 2.0, "use_linear": True},
     [[2, -2, 2, 2], [0, 0, 2, 2], [2, 2, 2, 0]]),
]


@pytest.mark.parametrize("params,grad", _SVM_GRADS)
def test_svm_output_gradient_matches_mxnet(params, grad):
    x = mx.nd.array(_SVM_X)
    x.attach_grad()
    with mx.autograd.record():
        y = mx.nd.SVMOutput(x, mx.nd.array([1, 0, 3]), **params)
    y.backward(mx.nd.ones((3, 4)) * 7)
    np.testing.assert_array_equal(y.asnumpy(), np.array(_SVM_X, np.float32))
    np.testing.assert_allclose(x.grad.asnumpy(), grad, rtol=1e-6, atol=1e-7)


def test_svm_output_rows_are_all_but_the_last_axis_and_bad_labels_mark_no_class():
    # MXNet 1.9.1 gradients for a (2, 3, 2) input; labels -1 and 5 name no class.
    x = mx.nd.array([[[0.7610377, 0.1216750], [0.4438632, 0.3336743], [1.4940791, -0.2051583]],
                     [[0.3130677, -0.8540958], [-2.5529897, 0.6536186], [0.8644362, -0.7421650]]])
    x.attach_grad()
    with mx.autograd.record():
        y = mx.nd.SVMOutput(x, mx.nd.array([[0, 1, 1], [0, -1, 5]]))
    y.backward()
    want = [[[-0.4779246, 2.2433500], [2.8877265, -1.3326514], [4.9881582, -2.4103165]],
            [[-1.3738647, 0.2918085], [-0.0, 3.3072371], [3.7288723, 0.5156699]]]
    np.testing.assert_allclose(x.grad.asnumpy(), want, rtol=1e-5, atol=1e-6)


def test_svm_output_symbol_infers_the_label():
    s = mx.sym.SVMOutput(mx.sym.var("data"), name="svm")
    assert s.list_arguments() == ["data", "svm_label"]
    assert s.infer_shape(data=(3, 4, 5))[0] == [(3, 4, 5), (3, 4)]


# ----------------------------------------------------------------- ROIPooling
def test_roi_pooling_documented_example():
    x = mx.nd.arange(48).reshape((1, 1, 8, 6))
    rois = mx.nd.array([[0, 0, 0, 4, 4]])
    np.testing.assert_array_equal(mx.nd.ROIPooling(x, rois, pooled_size=(2, 2), spatial_scale=1.0).asnumpy(),
                                  [[[[14, 16], [26, 28]]]])
    np.testing.assert_array_equal(mx.nd.ROIPooling(x, rois, pooled_size=(2, 2), spatial_scale=0.7).asnumpy(),
                                  [[[[7, 9], [19, 21]]]])


def test_roi_pooling_gradient_goes_to_each_bins_maximum():
    rng = np.random.RandomState(5)
    x = (rng.permutation(2 * 2 * 6 * 7) + 1).astype(np.float32).reshape(2, 2, 6, 7)  # distinct, > 0
    rois = np.array([[1, 0.5, 1.2, 5.3, 4.4], [0, 2, 2, 2, 2], [1, -3, -2, 20, 30], [0, 6, 1, 3, 4], [2, 0, 0, 3, 3]],
                    np.float32)
    X, R = mx.nd.array(x), mx.nd.array(rois)
    X.attach_grad()
    R.attach_grad()
    with mx.autograd.record():
        y = mx.nd.ROIPooling(X, R, pooled_size=(3, 2), spatial_scale=1.0)
    y.backward(mx.nd.ones(y.shape))
    assert y.shape == (5, 2, 3, 2)
    np.testing.assert_array_equal(y.asnumpy()[4], np.zeros((2, 3, 2)))  # batch index 2 of 2: zeros
    # roi 2 covers the whole image in bin (0, 0); its other 5 bins lie past the image (empty).
    np.testing.assert_array_equal(y.asnumpy()[2, :, 0, 0], x[1].max(axis=(1, 2)))
    # MXNet 1.9.1 counts the same: 48 bins of the valid rois, 10 of them empty.
    assert X.grad.asnumpy().sum() == 38
    expected = np.zeros_like(x)
    out = y.asnumpy()
    for r in range(4):
        b = int(rois[r, 0])
        for c in range(2):
            for v in out[r, c].ravel():
                if v != 0:  # 0: an empty bin
                    expected[b, c][tuple(np.argwhere(x[b, c] == v)[0])] += 1
    np.testing.assert_array_equal(X.grad.asnumpy(), expected)
    np.testing.assert_array_equal(R.grad.asnumpy(), np.zeros_like(rois))


def test_roi_pooling_bad_arguments_name_the_problem():
    x, rois = mx.nd.ones((1, 1, 4, 4)), mx.nd.ones((1, 5))
    with pytest.raises(mx.MXNetError, match="pooled_size"):
        mx.nd.ROIPooling(x, rois, pooled_size=(2,), spatial_scale=1.0)
    with pytest.raises(mx.MXNetError, match=r"rois.*\(1, 4\)"):
        mx.nd.ROIPooling(x, mx.nd.ones((1, 4)), pooled_size=(2, 2), spatial_scale=1.0)
    with pytest.raises(mx.MXNetError, match="spatial_scale"):
        mx.nd.ROIPooling(x, rois, pooled_size=(2, 2))


# ----------------------------------------------------------------------- Crop
def test_crop_with_h_w_offset_and_center_crop():
    x = np.arange(2 * 3 * 6 * 7, dtype=np.float32).reshape(2, 3, 6, 7)
    X = mx.nd.array(x)
    np.testing.assert_array_equal(mx.nd.Crop(X, h_w=(3, 4)).asnumpy(), x[:, :, :3, :4])
    np.testing.assert_array_equal(mx.nd.Crop(X, h_w=(3, 4), offset=(1, 2)).asnumpy(), x[:, :, 1:4, 2:6])
    # center_crop ignores offset: (6 - 2) // 2 = 2, (7 - 4) // 2 = 1
    np.testing.assert_array_equal(mx.nd.Crop(X, h_w=(2, 4), offset=(1, 1), center_crop=True).asnumpy(),
                                  x[:, :, 2:4, 1:5])


def test_crop_like_takes_the_second_inputs_height_and_width_and_gives_it_no_gradient():
    x = np.arange(2 * 3 * 6 * 7, dtype=np.float32).reshape(2, 3, 6, 7)
    s = mx.sym.Crop(mx.sym.var("a"), mx.sym.var("b"), num_args=2, offset=(3, 4))
    assert s.infer_shape(a=(2, 3, 6, 7), b=(1, 1, 3, 3))[1] == [(2, 3, 3, 3)]
    ex = s.simple_bind(mx.cpu(), a=(2, 3, 6, 7), b=(1, 1, 3, 3))
    ex.arg_dict["a"][:] = x
    out = ex.forward(is_train=True)[0]
    np.testing.assert_array_equal(out.asnumpy(), x[:, :, 3:6, 4:7])
    ex.backward(mx.nd.ones((2, 3, 3, 3)) * 2)
    want = np.zeros_like(x)
    want[:, :, 3:6, 4:7] = 2
    np.testing.assert_array_equal(ex.grad_dict["a"].asnumpy(), want)
    np.testing.assert_array_equal(ex.grad_dict["b"].asnumpy(), np.zeros((1, 1, 3, 3)))


@pytest.mark.parametrize("kwargs,inputs,words", [
    ({"h_w": (7, 4)}, [(2, 3, 6, 7)], ["crop size (7, 4)", "(2, 3, 6, 7)"]),
    ({"h_w": (3, 4), "offset": (4, 4)}, [(2, 3, 6, 7)], ["offset", "(4, 4)"]),
    ({}, [(2, 3, 6, 7), (1, 1, 8, 3)], ["crop size (8, 3)"]),
    ({"h_w": (3, 4)}, [(3, 6, 7)], ["4-D", "(3, 6, 7)"]),
])
def test_crop_bad_windows_name_the_problem(kwargs, inputs, words):
    with pytest.raises(mx.MXNetError) as e:
        mx.nd.Crop(*[mx.nd.ones(s) for s in inputs], **kwargs)
    assert "Crop" in str(e.value) and all(w in str(e.value) for w in words), str(e.value)


# ------------------------------------------------------------ im2col / col2im
def test_im2col_matches_mxnet_on_a_strided_dilated_padded_example():
    # MXNet 1.9.1, np.random.RandomState(0).randn(1, 2, 4, 5), the first 4 rows of columns.
    x = np.random.RandomState(0).randn(1, 2, 4, 5).astype(np.float32)
    p = dict(kernel=(2, 3), stride=(2, 1), pad=(1, 1), dilate=(1, 2))
    col = mx.nd.im2col(mx.nd.array(x), **p)
    assert col.shape == (1, 12, 9)
    want = [[0, 0, 0, 0, -0.9772778749465942, 0.9500884413719177, 0, 0.3336743414402008, 1.4940791130065918],
            [0, 0, 0, 0.9500884413719177, -0.15135720372200012, -0.10321885347366333, 1.4940791130065918,
             -0.2051582634449005, 0.3130677044391632],
            [0, 0, 0, -0.10321885347366333, 0.4105985164642334, 0, 0.3130677044391632, -0.8540957570075989, 0],
            [0, 1.764052391052246, 0.40015721321105957, 0, 0.14404356479644775, 1.4542734622955322, 0, 0, 0]]
    np.testing.assert_allclose(col.asnumpy()[0, :4], want, rtol=1e-6)
    img = mx.nd.col2im(col, output_size=(4, 5), **p)
    np.testing.assert_allclose(img.asnumpy()[0, 0, 0], [1.764052391052246, 0.8003144264221191, 0.978738009929657,
                                                         4.481786251068115, 1.8675580024719238], rtol=1e-6)


@pytest.mark.parametrize("shape,p", [
    ((2, 3, 7), dict(kernel=(3,), stride=(2,), pad=(1,))),
    ((2, 3, 5, 6), dict(kernel=(2, 2))),
    ((1, 2, 4, 5), dict(kernel=(2, 3), stride=(2, 1), pad=(1, 1), dilate=(1, 2))),
    ((1, 2, 4, 4, 5), dict(kernel=(2, 2, 2), dilate=(1, 2, 1), stride=(1, 1, 2), pad=(1, 0, 0))),
])
def test_im2col_times_weights_is_convolution_and_col2im_is_its_adjoint(shape, p):
    rng = np.random.RandomState(len(shape))
    x = rng.randn(*shape)
    w = rng.randn(4, shape[1], *p["kernel"])
    col = mx.nd.im2col(mx.nd.array(x, dtype=np.float64), **p).asnumpy()
    conv = mx.nd.Convolution(mx.nd.array(x, dtype=np.float64), mx.nd.array(w, dtype=np.float64), num_filter=4,
                             no_bias=True, **p).asnumpy()
    np.testing.assert_allclose(np.einsum("fk,nkl->nfl", w.reshape(4, -1), col).reshape(conv.shape), conv,
                               rtol=1e-10, atol=1e-12)
    y = rng.randn(*col.shape)
    back = mx.nd.col2im(mx.nd.array(y, dtype=np.float64), output_size=shape[2:], **p).asnumpy()
    np.testing.assert_allclose((col * y).sum(), (x * back).sum(), rtol=1e-10)


def test_im2col_and_col2im_are_each_others_gradient():
    p = dict(kernel=(2, 2), pad=(1, 0))
    x = mx.nd.array(np.random.RandomState(7).randn(2, 3, 5, 6))
    x.attach_grad()
    with mx.autograd.record():
        col = mx.nd.im2col(x, **p)
    head = mx.nd.array(np.random.RandomState(8).randn(*col.shape))
    col.backward(head)
    np.testing.assert_allclose(x.grad.asnumpy(), mx.nd.col2im(head, output_size=(5, 6), **p).asnumpy(), rtol=1e-6)
    c = mx.nd.array(np.random.RandomState(9).randn(*col.shape))
    c.attach_grad()
    with mx.autograd.record():
        img = mx.nd.col2im(c, output_size=(5, 6), **p)
    img.backward(x)
    np.testing.assert_allclose(c.grad.asnumpy(), mx.nd.im2col(x, **p).asnumpy(), rtol=1e-6)


@pytest.mark.parametrize("op,kwargs,words", [
    ("im2col", dict(kernel=(3, 3), dilate=(9223372036854775807, 1)), ["dilate", "2147483647"]),
    ("im2col", dict(kernel=(3, 3), stride=(9223372036854775807, 1)), ["stride"]),
    ("im2col", dict(kernel=(2, 2), pad=(1000000000, 1000000000)), ["overflows 64 bits"]),
    ("col2im", dict(output_size=(9223372036854775807, 1), kernel=(2, 1), pad=(5, 0)), ["overflows 64 bits"]),
])
def test_block_parameters_that_would_overflow_are_clear_errors(op, kwargs, words):
    data = mx.nd.ones((1, 1, 5, 5)) if op == "im2col" else mx.nd.ones((1, 2, 1))
    with pytest.raises(mx.MXNetError) as e:
        getattr(mx.nd, op)(data, **kwargs)
    assert op in str(e.value) and all(w in str(e.value) for w in words), str(e.value)


def test_empty_inputs_give_empty_or_zero_results():
    out, mean, std = mx.nd.GroupNorm(mx.nd.ones((0, 4, 3)), mx.nd.ones(2), mx.nd.ones(2), num_groups=2,
                                     output_mean_var=True)
    assert out.shape == (0, 4, 3) and mean.shape == (0, 2) and std.shape == (0, 2)
    np.testing.assert_array_equal(mx.nd.softmax_cross_entropy(mx.nd.ones((0, 3)), mx.nd.zeros(0)).asnumpy(), [0])
    x = mx.nd.ones((1, 2, 4, 4))
    x.attach_grad()
    with mx.autograd.record():
        y = mx.nd.ROIPooling(x, mx.nd.zeros((0, 5)), pooled_size=(2, 2), spatial_scale=1.0)
    y.backward()
    assert y.shape == (0, 2, 2, 2)
    np.testing.assert_array_equal(x.grad.asnumpy(), np.zeros((1, 2, 4, 4)))


# ------------------------------------------------------------------ on a GPU
# (skipped without one; test_gpu.py compares every op's forward and backward with the CPU)
_NUM_GPUS = mx.context.num_gpus()
gpu = pytest.mark.gpu
needs_gpu = pytest.mark.skipif(_NUM_GPUS == 0, reason="no GPU")


@gpu
@needs_gpu
def test_gpu_label_out_of_range_is_the_cpus_index_error():
    with pytest.raises(IndexError) as e:
        mx.nd.softmax_cross_entropy(mx.nd.ones((2, 3), ctx=mx.gpu(0)), mx.nd.array([1, 3], ctx=mx.gpu(0))).asnumpy()
    assert "label[1] = 3" in str(e.value)
    # the device stays usable
    np.testing.assert_allclose(mx.nd.softmax_cross_entropy(mx.nd.ones((2, 3), ctx=mx.gpu(0)),
                                                           mx.nd.array([1, 2], ctx=mx.gpu(0))).asnumpy(),
                               [2 * np.log(3)], rtol=1e-6)


@gpu
@needs_gpu
@pytest.mark.parametrize("dtype", [np.float16, np.float32, np.float64])
def test_gpu_group_norm_roi_pooling_and_col2im_match_cpu(dtype):
    rng = np.random.RandomState(0)
    x = rng.randn(2, 6, 5, 4).astype(dtype)
    g, b = rng.rand(3).astype(dtype), rng.rand(3).astype(dtype)
    rois = np.array([[0, 0, 0, 3, 4], [1, 1, 1, 2, 2], [2, 0, 0, 1, 1]], dtype)
    tol = 2e-3 if dtype == np.float16 else 1e-5
    results = []
    for ctx in (mx.cpu(), mx.gpu(0)):
        X = mx.nd.array(x, dtype=dtype, ctx=ctx)
        X.attach_grad()
        with mx.autograd.record():
            y1 = mx.nd.GroupNorm(X, mx.nd.array(g, dtype=dtype, ctx=ctx), mx.nd.array(b, dtype=dtype, ctx=ctx),
                                 num_groups=3)
            y2 = mx.nd.ROIPooling(X, mx.nd.array(rois, dtype=dtype, ctx=ctx), pooled_size=(2, 2), spatial_scale=1.0)
            y3 = mx.nd.col2im(mx.nd.im2col(X, kernel=(2, 3), pad=(1, 1)), output_size=(5, 4), kernel=(2, 3), pad=(1, 1))
            loss = (y1 * y1).sum() + y2.sum() + (y3 * 0.1).sum()
        loss.backward()
        results.append([a.asnumpy().astype(np.float64) for a in (y1, y2, y3, X.grad)])
    for c, gres in zip(*results):
        np.testing.assert_allclose(gres, c, rtol=tol, atol=tol)


# ------------------------------------------------ training heads in a Module
def _three_blobs(n=240, seed=3):
    rng = np.random.RandomState(seed)
    y = rng.randint(0, 3, n)
    centers = np.array([[2.0, 0.0], [-2.0, 1.0], [0.0, -2.5]])
    return (centers[y] + rng.randn(n, 2) * 0.6).astype(np.float32), y.astype(np.float32)


@pytest.mark.parametrize("use_linear", [False, True])
def test_svm_output_trains_a_classifier_in_a_module(use_linear):
    x, y = _three_blobs()
    data = mx.sym.var("data")
    hidden = mx.sym.Activation(mx.sym.FullyConnected(data, num_hidden=16, name="fc1"), act_type="relu")
    net = mx.sym.SVMOutput(mx.sym.FullyConnected(hidden, num_hidden=3, name="fc2"), name="svm",
                           use_linear=use_linear, margin=1.0, regularization_coefficient=1.0)
    assert net.list_arguments()[-1] == "svm_label"
    it = mx.io.NDArrayIter(x, y, 20, shuffle=True, label_name="svm_label")
    mod = mx.mod.Module(net, label_names=["svm_label"])
    mod.fit(it, eval_metric="acc", optimizer="sgd", optimizer_params={"learning_rate": 0.05},
            initializer=mx.init.Xavier(), num_epoch=8)
    (_, acc), = mod.score(mx.io.NDArrayIter(x, y, 20, label_name="svm_label"), "acc")
    assert acc > 0.9


def test_group_norm_in_a_conv_net_trains_in_a_module():
    rng = np.random.RandomState(4)
    y = rng.randint(0, 2, 64)
    x = rng.randn(64, 2, 6, 6).astype(np.float32) * 0.5
    x[y == 1, :, 1:4, 1:4] += 1.5  # class 1 has a bright square
    data = mx.sym.var("data")
    conv = mx.sym.Convolution(data, kernel=(3, 3), num_filter=4, pad=(1, 1), name="conv")
    gn = mx.sym.Activation(mx.sym.GroupNorm(conv, num_groups=2, name="gn"), act_type="relu")
    net = mx.sym.SoftmaxOutput(mx.sym.FullyConnected(mx.sym.flatten(gn), num_hidden=2, name="fc"), name="softmax")
    it = mx.io.NDArrayIter(x, y.astype(np.float32), 16, shuffle=True)
    mod = mx.mod.Module(net)
    mod.fit(it, eval_metric="acc", optimizer="sgd", optimizer_params={"learning_rate": 0.1},
            initializer=mx.init.Xavier(), num_epoch=10)
    assert sorted(mod.get_params()[0]) == ["conv_bias", "conv_weight", "fc_bias", "fc_weight", "gn_beta", "gn_gamma"]
    assert mod.get_params()[0]["gn_gamma"].shape == (2,)
    (_, acc), = mod.score(mx.io.NDArrayIter(x, y.astype(np.float32), 16), "acc")
    assert acc > 0.95
