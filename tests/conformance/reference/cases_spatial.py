"""Forward cases (and gradient notes) for GridGenerator, BilinearSampler and SpatialTransformer, merged into cases.py's tables at
import (see cases_nn_extra.py for the fields a family module may define).

The references below were checked against MXNet 1.9.1 (values in float64, gradients of
data, grid and loc through mx.autograd against finite differences of these references,
error conditions). Grids are normalised: -1 and 1 are the centres of the first and last
pixels; pixels outside the input read as 0. Gradients are the finite differences of the
references (gradients.py's default): random grid points lie inside a pixel cell, where
bilinear sampling is smooth."""
import numpy as np

from .cases import Case

# A generator of its own, so these inputs do not shift when other tables grow.
_rng = np.random.RandomState(20261128)
F = np.float32


def _u(*shape, lo=-2.0, hi=2.0, dtype=F):
    return _rng.uniform(lo, hi, size=shape).astype(dtype)


def _a(*shape):
    """Inputs of error cases: only shapes and dtypes matter."""
    return np.arange(int(np.prod(shape)), dtype=F).reshape(shape) / 7 + 0.5


SHAPE, ARG, DTYPE = "MXL_ERR_SHAPE", "MXL_ERR_INVALID_ARGUMENT", "MXL_ERR_DTYPE"


# ------------------------------------------------------------ GridGenerator
def _target_coords(n):
    with np.errstate(divide="ignore", invalid="ignore"):  # n == 1 gives NaN, as in MXNet
        return -1 + np.arange(n) * (2.0 / (n - 1))


def affine_grid(theta, target_shape):
    """theta (N, 6): a row-major 2x3 matrix per sample applied to (x, y, 1) -> (N, 2, H, W)."""
    h, w = target_shape
    x, y = np.meshgrid(_target_coords(w), _target_coords(h))
    src = np.stack([x, y, np.ones_like(x)]).reshape(3, -1)
    out = theta.astype(np.float64).reshape(-1, 2, 3) @ src
    return out.reshape(-1, 2, h, w).astype(theta.dtype)


def warp_grid(flow):
    """flow (N, 2, H, W) in pixels -> normalised source coordinates of (w + dx, h + dy)."""
    f = flow.astype(np.float64)
    h, w = f.shape[2:]
    with np.errstate(divide="ignore", invalid="ignore"):
        x = (f[:, 0] + np.arange(w)) / ((w - 1) / 2.0) - 1
        y = (f[:, 1] + np.arange(h)[:, None]) / ((h - 1) / 2.0) - 1
    return np.stack([x, y], 1).astype(flow.dtype)


def grid_generator(data, transform_type, target_shape=(0, 0)):
    return affine_grid(data, target_shape) if transform_type == "affine" else warp_grid(data)


# ---------------------------------------------------------- BilinearSampler
def bilinear_sampler(data, grid):
    """Blends the four pixels around each grid point; pixels outside read as 0."""
    d = data.astype(np.float64)
    g = grid.astype(np.float64)
    n, c, h, w = d.shape
    x = (g[:, 0] + 1) * (w - 1) / 2  # (N, Ho, Wo) in pixels
    y = (g[:, 1] + 1) * (h - 1) / 2
    x0, y0 = np.floor(x), np.floor(y)
    wx, wy = 1 - (x - x0), 1 - (y - y0)
    out = np.zeros((n, c) + x.shape[1:])
    batch = np.arange(n)[:, None, None]
    for dy, dx, weight in [(0, 0, wy * wx), (0, 1, wy * (1 - wx)), (1, 0, (1 - wy) * wx), (1, 1, (1 - wy) * (1 - wx))]:
        xi, yi = x0 + dx, y0 + dy
        inside = (xi >= 0) & (xi < w) & (yi >= 0) & (yi < h)
        vals = d[batch, :, np.where(inside, yi, 0).astype(np.int64), np.where(inside, xi, 0).astype(np.int64)]
        vals = np.where(inside[..., None], vals, 0.0)  # (N, Ho, Wo, C)
        out += np.moveaxis(vals, -1, 1) * weight[:, None]
    return out.astype(data.dtype)


def spatial_transformer(data, loc, target_shape):
    return bilinear_sampler(data, affine_grid(loc.astype(np.float64), target_shape)).astype(data.dtype)


# -------------------------------------------------------------------- cases
def _grid_case(transform_type, shape, dtype=F, rtol=1e-5, atol=1e-6, **params):
    p = dict(params, transform_type=transform_type)
    ts = params.get("target_shape", (0, 0))
    lo, hi = (-1.5, 1.5) if transform_type == "affine" else (-3.0, 3.0)
    return Case([_u(*shape, lo=lo, hi=hi, dtype=dtype)], p,
                lambda x: grid_generator(x, transform_type, ts), rtol, atol)


def _sampler_case(data_shape, grid_hw, lo=-1.3, hi=1.3, dtype=F, rtol=1e-5, atol=1e-5, **params):
    n = data_shape[0]
    return Case([_u(*data_shape, dtype=dtype), _u(n, 2, *grid_hw, lo=lo, hi=hi, dtype=dtype)], params,
                bilinear_sampler, rtol, atol)


def _identity_loc(n, noise, dtype=F):
    return (np.tile([1, 0, 0, 0, 1, 0], (n, 1)) + _u(n, 6, lo=-noise, hi=noise, dtype=np.float64)).astype(dtype)


def _st_case(data_shape, target_shape, noise=0.3, dtype=F, rtol=1e-5, atol=1e-5):
    p = {"target_shape": target_shape, "transform_type": "affine", "sampler_type": "bilinear"}
    return Case([_u(*data_shape, dtype=dtype), _identity_loc(data_shape[0], noise, dtype)], p,
                lambda x, loc: spatial_transformer(x, loc, target_shape), rtol, atol)


# MXNet's documented example: zoom out by 2 (affine [2, 0, 0, 0, 2, 0]) of a 4x4 image.
_DOC_IMAGE = np.array([[[[1, 4, 3, 6], [1, 8, 8, 9], [0, 4, 1, 5], [1, 0, 1, 3]]]], F)
_DOC_SHIFT = np.concatenate([np.ones((1, 1, 4, 4), F), np.zeros((1, 1, 4, 4), F)], 1)  # flow: x + 1 pixel

OPS = {
    "GridGenerator": [  # the first two of each op get gradient cases: affine and warp here
        _grid_case("affine", (2, 6), target_shape=(3, 4)),
        _grid_case("warp", (2, 2, 3, 4)),
        _grid_case("affine", (3, 6), dtype=np.float64, rtol=1e-12, atol=1e-12, target_shape=(2, 5)),
        _grid_case("warp", (1, 2, 4, 2), dtype=np.float64, rtol=1e-12, atol=1e-12, target_shape=(7, 7)),
        _grid_case("affine", (2, 6), dtype=np.float16, rtol=2e-3, atol=2e-3, target_shape=(3, 3)),
        _grid_case("warp", (2, 2, 2, 3), dtype=np.float16, rtol=2e-3, atol=2e-3),
        _grid_case("affine", (1, 6), target_shape=(5, 2)),
    ],
    "BilinearSampler": [
        _sampler_case((2, 3, 4, 5), (3, 6)),
        _sampler_case((1, 2, 5, 3), (4, 4), dtype=np.float64, rtol=1e-12, atol=1e-12),
        _sampler_case((2, 1, 3, 3), (2, 3), lo=-3.0, hi=3.0),  # many points partly or wholly outside
        _sampler_case((1, 2, 4, 4), (3, 3), cudnn_off=True),
        _sampler_case((2, 2, 3, 4), (2, 2), dtype=np.float16, rtol=5e-3, atol=5e-3),
        # (points that land on whole pixels in float64 may floor to the pixel before in
        # float32: the values agree, to rounding)
        Case([_DOC_IMAGE, affine_grid(np.array([[2, 0, 0, 0, 2, 0]], F), (4, 4))], {}, bilinear_sampler, 1e-5, 1e-5),
        Case([_DOC_IMAGE, warp_grid(_DOC_SHIFT)], {}, bilinear_sampler, 1e-5, 1e-5),
    ],
    "SpatialTransformer": [
        _st_case((2, 3, 4, 5), (3, 4)),
        _st_case((1, 2, 5, 4), (6, 3), noise=0.8, dtype=np.float64, rtol=1e-12, atol=1e-12),
        _st_case((2, 1, 4, 4), (2, 2), noise=1.0),
        _st_case((1, 2, 3, 4), (3, 3), dtype=np.float16, rtol=5e-3, atol=5e-3),
    ],
}

ERROR_CASES = [
    ("no_transform", "GridGenerator", [_a(2, 6)], {"target_shape": (3, 3)}, ARG, ["GridGenerator", "transform_type"]),
    ("bad_transform", "GridGenerator", [_a(2, 6)], {"transform_type": "projective", "target_shape": (3, 3)}, ARG,
     ["GridGenerator", "transform_type", "projective"]),
    ("affine_cols", "GridGenerator", [_a(2, 5)], {"transform_type": "affine", "target_shape": (3, 3)}, SHAPE,
     ["GridGenerator", "(batch, 6)", "(2, 5)"]),
    ("affine_3d", "GridGenerator", [_a(2, 6, 1)], {"transform_type": "affine", "target_shape": (3, 3)}, SHAPE,
     ["GridGenerator", "2-D", "(2, 6, 1)"]),
    ("affine_no_target", "GridGenerator", [_a(2, 6)], {"transform_type": "affine"}, ARG,
     ["GridGenerator", "target_shape", "(0, 0)"]),
    ("affine_target_1d", "GridGenerator", [_a(2, 6)], {"transform_type": "affine", "target_shape": (3,)}, ARG,
     ["GridGenerator", "target_shape", "(3,)"]),
    ("warp_channels", "GridGenerator", [_a(2, 3, 3, 3)], {"transform_type": "warp"}, SHAPE,
     ["GridGenerator", "(batch, 2, height, width)", "(2, 3, 3, 3)"]),
    ("warp_3d", "GridGenerator", [_a(2, 2, 3)], {"transform_type": "warp"}, SHAPE,
     ["GridGenerator", "4-D", "(2, 2, 3)"]),
    ("int_data", "GridGenerator", [np.ones((2, 6), np.int32)], {"transform_type": "affine", "target_shape": (2, 2)},
     DTYPE, ["GridGenerator", "int32"]),
    ("data_3d", "BilinearSampler", [_a(2, 3, 4), _a(2, 2, 3, 3)], {}, SHAPE, ["BilinearSampler", "data", "4-D", "(2, 3, 4)"]),
    ("grid_3d", "BilinearSampler", [_a(2, 3, 4, 4), _a(2, 2, 3)], {}, SHAPE, ["BilinearSampler", "grid", "4-D", "(2, 2, 3)"]),
    ("grid_channels", "BilinearSampler", [_a(2, 3, 4, 4), _a(2, 3, 3, 3)], {}, SHAPE,
     ["BilinearSampler", "grid", "2 channels", "(2, 3, 3, 3)"]),
    ("batch", "BilinearSampler", [_a(2, 3, 4, 4), _a(3, 2, 3, 3)], {}, SHAPE,
     ["BilinearSampler", "batch", "(2, 3, 4, 4)", "(3, 2, 3, 3)"]),
    ("grid_dtype", "BilinearSampler", [_a(1, 1, 2, 2), _a(1, 2, 2, 2).astype(np.float64)], {}, DTYPE,
     ["BilinearSampler", "grid", "float64"]),
    ("int_data", "BilinearSampler", [np.ones((1, 1, 2, 2), np.int32), np.ones((1, 2, 2, 2), np.int32)], {}, DTYPE,
     ["BilinearSampler", "int32"]),
    ("loc_cols", "SpatialTransformer", [_a(2, 3, 4, 4), _a(2, 5)],
     {"target_shape": (3, 3), "transform_type": "affine", "sampler_type": "bilinear"}, SHAPE,
     ["SpatialTransformer", "loc", "(batch, 6)", "(2, 5)"]),
    ("loc_3d", "SpatialTransformer", [_a(2, 3, 4, 4), _a(2, 2, 3)],
     {"target_shape": (3, 3), "transform_type": "affine", "sampler_type": "bilinear"}, SHAPE,
     ["SpatialTransformer", "loc", "(2, 2, 3)"]),
    ("loc_batch", "SpatialTransformer", [_a(2, 3, 4, 4), _a(3, 6)],
     {"target_shape": (3, 3), "transform_type": "affine", "sampler_type": "bilinear"}, SHAPE,
     ["SpatialTransformer", "loc", "(2, 6)", "(3, 6)"]),
    ("data_3d", "SpatialTransformer", [_a(2, 3, 4), _a(2, 6)],
     {"target_shape": (3, 3), "transform_type": "affine", "sampler_type": "bilinear"}, SHAPE,
     ["SpatialTransformer", "data", "4-D", "(2, 3, 4)"]),
    ("no_target", "SpatialTransformer", [_a(2, 3, 4, 4), _a(2, 6)],
     {"transform_type": "affine", "sampler_type": "bilinear"}, ARG, ["SpatialTransformer", "target_shape", "(0, 0)"]),
    ("sampler_type", "SpatialTransformer", [_a(2, 3, 4, 4), _a(2, 6)],
     {"target_shape": (3, 3), "transform_type": "affine", "sampler_type": "nearest"}, ARG,
     ["SpatialTransformer", "sampler_type", "nearest"]),
    ("transform_type", "SpatialTransformer", [_a(2, 3, 4, 4), _a(2, 6)],
     {"target_shape": (3, 3), "transform_type": "warp", "sampler_type": "bilinear"}, ARG,
     ["SpatialTransformer", "transform_type", "warp"]),
    ("no_sampler", "SpatialTransformer", [_a(2, 3, 4, 4), _a(2, 6)],
     {"target_shape": (3, 3), "transform_type": "affine"}, ARG, ["SpatialTransformer", "sampler_type"]),
]
