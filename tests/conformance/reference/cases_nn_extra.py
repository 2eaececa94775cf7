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


# --------------------------------------------------------------- ROIPooling
def _round_half_away(v):
    return np.sign(v) * np.floor(np.abs(v) + 0.5)


def roi_pooling(x, rois, pooled_size, spatial_scale):
    """Max over each bin; empty bins and rois of a batch index outside [0, B) give 0."""
    B, C, H, W = x.shape
    ph_n, pw_n = pooled_size
    out = np.zeros((rois.shape[0], C, ph_n, pw_n), x.dtype)
    for r, roi in enumerate(rois.astype(np.float64)):
        b = int(np.trunc(roi[0]))
        if not (-1 < roi[0] < B):
            continue
        x0, y0, x1, y1 = [int(_round_half_away(v * spatial_scale)) for v in roi[1:]]
        bin_h = max(y1 - y0 + 1, 1) / ph_n
        bin_w = max(x1 - x0 + 1, 1) / pw_n
        for ph in range(ph_n):
            h0 = min(max(int(np.floor(ph * bin_h)) + y0, 0), H)
            h1 = min(max(int(np.ceil((ph + 1) * bin_h)) + y0, 0), H)
            for pw in range(pw_n):
                w0 = min(max(int(np.floor(pw * bin_w)) + x0, 0), W)
                w1 = min(max(int(np.ceil((pw + 1) * bin_w)) + x0, 0), W)
                if h1 > h0 and w1 > w0:
                    out[r, :, ph, pw] = x[b, :, h0:h1, w0:w1].max(axis=(1, 2))
    return out


def _roi_case(x, rois, pooled_size, spatial_scale):
    p = {"pooled_size": pooled_size, "spatial_scale": spatial_scale}
    return Case([x, rois.astype(x.dtype)], p, lambda x, r: roi_pooling(x, r, pooled_size, spatial_scale))


# --------------------------------------------------------------------- Crop
def crop(x, h, w, offset=(0, 0), center_crop=False):
    H, W = x.shape[2:]
    y0, x0 = ((H - h) // 2, (W - w) // 2) if center_crop else offset
    return x[:, :, y0:y0 + h, x0:x0 + w].copy()


def _crop_case(shape, h_w=None, like=None, **params):
    p = dict(params, num_args=1 if like is None else 2)
    opts = {k: v for k, v in params.items() if k in ("offset", "center_crop")}
    if like is None:
        p["h_w"] = h_w
        return Case([_u(*shape)], p, lambda x: crop(x, h_w[0], h_w[1], **opts))
    return Case([_u(*shape), _u(*like)], p, lambda x, c: crop(x, like[2], like[3], **opts))


# ---------------------------------------------------------- im2col / col2im
def _block_setup(kernel, stride, dilate, pad):
    nd = len(kernel)
    return (tuple(stride) or (1,) * nd), (tuple(dilate) or (1,) * nd), (tuple(pad) or (0,) * nd)


def _blocks(spatial, kernel, stride, dilate, pad):
    """For every (kernel point, block) the padded-image index it reads, as index arrays."""
    stride, dilate, pad = _block_setup(kernel, stride, dilate, pad)
    out = [(n + 2 * p - (d * (k - 1) + 1)) // s + 1 for n, k, s, d, p in zip(spatial, kernel, stride, dilate, pad)]
    kpts = np.array(list(np.ndindex(*kernel)))          # (K, nd), row-major
    opts = np.array(list(np.ndindex(*out)))             # (L, nd), row-major
    idx = opts[None, :, :] * np.array(stride) + kpts[:, None, :] * np.array(dilate)  # (K, L, nd) in padded coords
    return idx, pad


def im2col(x, kernel, stride=(), dilate=(), pad=()):
    idx, pad = _blocks(x.shape[2:], kernel, stride, dilate, pad)
    xp = np.pad(x, [(0, 0), (0, 0)] + [(p, p) for p in pad])
    cols = xp[(slice(None), slice(None)) + tuple(idx[..., i] for i in range(idx.shape[-1]))]  # (N, C, K, L)
    n, c, k, l = cols.shape
    return cols.reshape(n, c * k, l)


def col2im(col, output_size, kernel, stride=(), dilate=(), pad=()):
    idx, pad = _blocks(output_size, kernel, stride, dilate, pad)
    k = idx.shape[0]
    n, ck, l = col.shape
    img = np.zeros((n, ck // k) + tuple(s + 2 * p for s, p in zip(output_size, pad)), np.float64)
    cols = col.reshape(n, ck // k, k, l).astype(np.float64)
    for kk in range(k):
        for b in range(l):
            img[(slice(None), slice(None)) + tuple(idx[kk, b])] += cols[:, :, kk, b]
    inner = tuple(slice(p, p + s) for s, p in zip(output_size, pad))
    return img[(slice(None), slice(None)) + inner].astype(col.dtype)


def _im2col_case(shape, dtype=F, **p):
    return Case([_u(*shape, dtype=dtype)], p, lambda x: im2col(x, **p))


def _col2im_case(image_shape, dtype=F, **p):
    n, c = image_shape[:2]
    k = int(np.prod(p["kernel"]))
    blocks = im2col(np.zeros(image_shape), **{a: v for a, v in p.items() if a != "output_size"}).shape[2]
    return Case([_u(n, c * k, blocks, dtype=dtype)], p, lambda col: col2im(col, **p))


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
    "ROIPooling": [
        # MXNet's documented example (spatial_scale 1 and 0.7)
        _roi_case(np.arange(48, dtype=F).reshape(1, 1, 8, 6), np.array([[0, 0, 0, 4, 4]], F), (2, 2), 1.0),
        _roi_case(np.arange(48, dtype=F).reshape(1, 1, 8, 6), np.array([[0, 0, 0, 4, 4]], F), (2, 2), 0.7),
        # uneven bins, a one-pixel roi, a roi past the image, x2 < x1
        _roi_case(_rng.permutation(2 * 3 * 6 * 7).astype(F).reshape(2, 3, 6, 7) / 10,
                  np.array([[1, 0.2, 1.2, 5.3, 4.4], [0, 2, 2, 2, 2], [1, -3, -2, 20, 30], [0, 6, 1, 3, 4]], F),
                  (3, 2), 1.0),
        # scaled coordinates, a batch index out of range (zeros), float64
        _roi_case(_rng.permutation(2 * 2 * 8 * 8).astype(np.float64).reshape(2, 2, 8, 8),
                  np.array([[0, 3, 5, 25, 17], [1, 0, 0, 31, 31], [2, 0, 0, 8, 8]], np.float64), (2, 3), 0.25),
    ],
    "Crop": [
        _crop_case((2, 3, 6, 7), like=(1, 1, 3, 3), offset=(3, 4)),
        _crop_case((2, 3, 6, 7), h_w=(3, 4)),
        _crop_case((2, 3, 6, 7), h_w=(3, 4), offset=(1, 2)),
        _crop_case((1, 2, 6, 7), h_w=(2, 4), center_crop=True, offset=(1, 1)),
        _crop_case((1, 2, 5, 5), like=(2, 7, 2, 3), center_crop=True),
        _crop_case((1, 1, 4, 4), h_w=(4, 4)),
        Case([_u(1, 2, 4, 5, dtype=np.float16)], {"num_args": 1, "h_w": (2, 3), "offset": (2, 1)},
             lambda x: crop(x, 2, 3, offset=(2, 1))),
    ],
    "im2col": [
        _im2col_case((2, 3, 5, 6), kernel=(2, 2)),
        _im2col_case((1, 2, 4, 5), kernel=(2, 3), stride=(2, 1), pad=(1, 1), dilate=(1, 2)),
        _im2col_case((2, 3, 7), kernel=(3,), stride=(2,), pad=(1,)),
        _im2col_case((1, 2, 3, 4, 3), kernel=(2, 2, 2), pad=(1, 0, 1), dtype=np.float64),
        _im2col_case((1, 1, 4, 4), kernel=(4, 4)),
    ],
    "col2im": [
        _col2im_case((2, 3, 5, 6), output_size=(5, 6), kernel=(2, 2)),
        _col2im_case((1, 2, 4, 5), output_size=(4, 5), kernel=(2, 3), stride=(2, 1), pad=(1, 1), dilate=(1, 2)),
        _col2im_case((2, 3, 7), output_size=(7,), kernel=(3,), stride=(2,), pad=(1,)),
        _col2im_case((1, 2, 3, 4, 3), output_size=(3, 4, 3), kernel=(2, 2, 2), pad=(1, 0, 1), dtype=np.float64),
    ],
    "SVMOutput": [
        _svm_case((3, 4)),
        _svm_case((2, 3, 5), margin=0.5, regularization_coefficient=2.0),
        _svm_case((4, 3), use_linear=True),
    ],
}

# Label inputs hold class indices, rois box corners (rounded), Crop's crop_like only its
# shape: they get no gradient.
INDEX_INPUTS = {"softmax_cross_entropy": {1}, "SVMOutput": {1}, "ROIPooling": {1}, "Crop": {1}}


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
    ("pooled_size", "ROIPooling", [_a(1, 1, 4, 4), _a(1, 5)], {"pooled_size": (2,), "spatial_scale": 1.0}, ARG,
     ["ROIPooling", "pooled_size", "(2,)"]),
    ("pooled_zero", "ROIPooling", [_a(1, 1, 4, 4), _a(1, 5)], {"pooled_size": (0, 2), "spatial_scale": 1.0}, ARG,
     ["ROIPooling", "pooled_size"]),
    ("rois_shape", "ROIPooling", [_a(1, 1, 4, 4), _a(1, 4)], {"pooled_size": (2, 2), "spatial_scale": 1.0}, SHAPE,
     ["ROIPooling", "rois", "(1, 4)"]),
    ("data_3d", "ROIPooling", [_a(1, 4, 4), _a(1, 5)], {"pooled_size": (2, 2), "spatial_scale": 1.0}, SHAPE,
     ["ROIPooling", "4-D", "(1, 4, 4)"]),
    ("rois_dtype", "ROIPooling", [_a(1, 1, 4, 4), _a(1, 5).astype(np.float64)],
     {"pooled_size": (2, 2), "spatial_scale": 1.0}, DTYPE, ["ROIPooling", "rois", "float64"]),
    ("no_scale", "ROIPooling", [_a(1, 1, 4, 4), _a(1, 5)], {"pooled_size": (2, 2)}, ARG,
     ["ROIPooling", "spatial_scale"]),
    ("h_w_missing", "Crop", [_a(1, 1, 4, 4)], {"num_args": 1}, SHAPE, ["Crop", "crop size (0, 0)"]),
    ("too_big", "Crop", [_a(1, 1, 4, 4)], {"num_args": 1, "h_w": (5, 2)}, SHAPE, ["Crop", "(5, 2)", "(1, 1, 4, 4)"]),
    ("offset_out", "Crop", [_a(1, 1, 4, 4)], {"num_args": 1, "h_w": (2, 2), "offset": (3, 0)}, ARG,
     ["Crop", "offset", "(3, 0)"]),
    ("like_too_big", "Crop", [_a(1, 1, 4, 4), _a(1, 1, 5, 2)], {"num_args": 2}, SHAPE, ["Crop", "(5, 2)"]),
    ("data_3d", "Crop", [_a(1, 4, 4)], {"num_args": 1, "h_w": (2, 2)}, SHAPE, ["Crop", "4-D", "(1, 4, 4)"]),
    ("num_args", "Crop", [_a(1, 1, 4, 4)] * 3, {"num_args": 3}, ARG, ["Crop", "num_args"]),
    ("int32", "Crop", [np.ones((1, 1, 4, 4), np.int32)], {"num_args": 1, "h_w": (2, 2)}, DTYPE,
     ["Crop", "int32"]),
    ("kernel_too_big", "im2col", [_a(1, 1, 5, 6)], {"kernel": (7, 2)}, SHAPE, ["im2col", "dilated kernel (7)", "(5)"]),
    ("zero_stride", "im2col", [_a(1, 1, 5, 6)], {"kernel": (2, 2), "stride": (0, 1)}, ARG, ["im2col", "stride", "(0, 1)"]),
    ("pad_dims", "im2col", [_a(1, 1, 5, 6)], {"kernel": (2, 2), "pad": (1,)}, ARG, ["im2col", "pad", "(1,)"]),
    ("kernel_4d", "im2col", [_a(1, 1, 2, 2, 2, 2)], {"kernel": (1, 1, 1, 1)}, ARG, ["im2col", "kernel", "1, 2 or 3"]),
    ("data_dims", "im2col", [_a(1, 5, 6)], {"kernel": (2, 2)}, SHAPE, ["im2col", "4 dims", "(1, 5, 6)"]),
    ("blocks", "col2im", [_a(2, 12, 20)], {"output_size": (5, 7), "kernel": (2, 2)}, SHAPE, ["col2im", "20", "24"]),
    ("channels", "col2im", [_a(2, 13, 20)], {"output_size": (5, 6), "kernel": (2, 2)}, SHAPE,
     ["col2im", "(2, 13, 20)", "prod(kernel) = 4"]),
    ("size_dims", "col2im", [_a(2, 12, 20)], {"output_size": (5,), "kernel": (2, 2)}, ARG, ["col2im", "output_size", "(5,)"]),
    ("int_data", "im2col", [np.ones((1, 1, 4, 4), np.int32)], {"kernel": (2, 2)}, DTYPE, ["im2col", "int32"]),
]
