"""NumPy implementations of mxlite's operators (MXNet 1.x semantics), written apart
from the core so that the expected values of the conformance cases do not come from
the code they check.

Plain functions of NumPy arrays. Each keeps MXNet's dtype rule where it matters (the
result has the first input's dtype) and computes in the inputs' precision, so that a
float64 call is precise enough for finite differences.
"""
import math

import numpy as np


def same_dtype(f):
    """f's result cast to the first input's dtype (MXNet's rule for most operators)."""
    def g(*xs):
        return np.asarray(f(*xs)).astype(xs[0].dtype)
    return g


def round_half_away(x):
    """MXNet's round: halves go away from zero (NumPy's rint goes to even)."""
    return np.sign(x) * np.floor(np.abs(x) + 0.5)


def _elementwise(f):
    vf = np.vectorize(f, otypes=[np.float64])

    def g(x):
        return vf(np.asarray(x, np.float64)).astype(x.dtype)
    return g


erf = _elementwise(math.erf)
gamma = _elementwise(math.gamma)
gammaln = _elementwise(math.lgamma)


def softmax(x, axis=-1, temperature=1.0):
    e = np.exp((x - x.max(axis=axis, keepdims=True)) / temperature)
    return e / e.sum(axis=axis, keepdims=True)


def topk(x, axis=-1, k=1, ret_typ="indices", is_ascend=False):
    order = np.argsort(x if is_ascend else -x, axis=axis, kind="stable")
    idx = np.take(order, np.arange(k), axis=axis)
    vals = np.take_along_axis(x, idx, axis=axis)
    if ret_typ == "value":
        return vals
    if ret_typ == "both":
        return [vals, idx.astype(np.float32)]
    return idx.astype(np.float32)


def slice_ref(begin, end, step=None):
    """slice(begin=, end=, step=) as a function of the array."""
    def f(x):
        st = step or (None,) * len(begin)
        key = tuple(slice(b, e, s) for b, e, s in zip(begin, end, st))
        return x[key]
    return f


def one_hot(idx, depth, on=1.0, off=0.0, dtype=np.float32):
    out = np.full(idx.shape + (depth,), off, dtype=dtype)
    for pos in np.ndindex(*idx.shape):
        i = int(idx[pos])
        if 0 <= i < depth:
            out[pos + (i,)] = on
    return out


def smooth_l1(x, sigma=1.0):
    s2 = sigma * sigma
    return np.where(np.abs(x) < 1.0 / s2, 0.5 * s2 * x * x, np.abs(x) - 0.5 / s2).astype(x.dtype)


def depth_to_space(x, b):
    n, c, h, w = x.shape
    y = x.reshape(n, b, b, c // (b * b), h, w).transpose(0, 3, 4, 1, 5, 2)
    return y.reshape(n, c // (b * b), h * b, w * b)


def space_to_depth(x, b):
    n, c, h, w = x.shape
    y = x.reshape(n, c, h // b, b, w // b, b).transpose(0, 3, 5, 1, 2, 4)
    return y.reshape(n, c * b * b, h // b, w // b)


def elu(x, a):
    return np.where(x > 0, x, a * (np.exp(x) - 1)).astype(x.dtype)


def selu(x):
    alpha, lam = 1.6732632423543772, 1.0507009873554805
    return (lam * np.where(x > 0, x, alpha * (np.exp(x) - 1))).astype(x.dtype)


def gelu(x):
    return (0.5 * x * (1 + erf(x / np.sqrt(2)))).astype(x.dtype)


def conv2d(x, w, b=None, stride=(1, 1), pad=(0, 0), dilate=(1, 1), groups=1):
    n, c, h, wd = x.shape
    f, cg, kh, kw = w.shape
    xp = np.pad(x, ((0, 0), (0, 0), (pad[0], pad[0]), (pad[1], pad[1])))
    oh = (h + 2 * pad[0] - dilate[0] * (kh - 1) - 1) // stride[0] + 1
    ow = (wd + 2 * pad[1] - dilate[1] * (kw - 1) - 1) // stride[1] + 1
    out = np.zeros((n, f, oh, ow), np.float64)
    fg = f // groups
    for o in range(f):
        g = o // fg
        for i in range(oh):
            for j in range(ow):
                patch = xp[:, g * cg:(g + 1) * cg,
                           i * stride[0]:i * stride[0] + dilate[0] * (kh - 1) + 1:dilate[0],
                           j * stride[1]:j * stride[1] + dilate[1] * (kw - 1) + 1:dilate[1]]
                out[:, o, i, j] = (patch * w[o]).sum(axis=(1, 2, 3))
    if b is not None:
        out += b[None, :, None, None]
    return out.astype(x.dtype)


def deconv2d(x, w, b=None, stride=(1, 1), pad=(0, 0)):
    n, c, h, wd = x.shape
    _, f, kh, kw = w.shape
    full = np.zeros((n, f, (h - 1) * stride[0] + kh, (wd - 1) * stride[1] + kw), np.float64)
    for i in range(h):
        for j in range(wd):
            full[:, :, i * stride[0]:i * stride[0] + kh, j * stride[1]:j * stride[1] + kw] += \
                np.einsum("nc,cfyx->nfyx", x[:, :, i, j], w)
    out = full[:, :, pad[0]:full.shape[2] - pad[0], pad[1]:full.shape[3] - pad[1]]
    if b is not None:
        out = out + b[None, :, None, None]
    return out.astype(x.dtype)


def pool2d(x, k, s, kind, pad=(0, 0)):
    n, c, h, w = x.shape
    fill = -np.inf if kind == "max" else 0.0
    xp = np.pad(x, ((0, 0), (0, 0), (pad[0], pad[0]), (pad[1], pad[1])), constant_values=fill)
    oh = (h + 2 * pad[0] - k[0]) // s[0] + 1
    ow = (w + 2 * pad[1] - k[1]) // s[1] + 1
    out = np.zeros((n, c, oh, ow), x.dtype)
    for i in range(oh):
        for j in range(ow):
            win = xp[:, :, i * s[0]:i * s[0] + k[0], j * s[1]:j * s[1] + k[1]]
            if kind == "max":
                out[:, :, i, j] = win.max(axis=(2, 3))
            elif kind == "sum":
                out[:, :, i, j] = win.sum(axis=(2, 3))
            else:
                out[:, :, i, j] = win.mean(axis=(2, 3))
    return out


def _channel_shape(x):
    return (1, -1) + (1,) * (x.ndim - 2)


def batchnorm_infer(x, g, b, mm, mv, eps=1e-3, fix_gamma=True):
    """BatchNorm outside training: normalizes with the moving statistics."""
    shape = _channel_shape(x)
    g = np.ones_like(g) if fix_gamma else g
    return ((x - mm.reshape(shape)) / np.sqrt(mv.reshape(shape) + eps) * g.reshape(shape)
            + b.reshape(shape)).astype(x.dtype)


def batchnorm_train(x, g, b, mm, mv, eps=1e-3, fix_gamma=True, momentum=0.9):
    """BatchNorm in training: normalizes with the batch's mean and (biased) variance
    over every axis but 1. Returns (out, new_moving_mean, new_moving_var)."""
    axes = (0,) + tuple(range(2, x.ndim))
    shape = _channel_shape(x)
    mean = x.mean(axis=axes)
    var = x.var(axis=axes)
    g = np.ones_like(g) if fix_gamma else g
    out = ((x - mean.reshape(shape)) / np.sqrt(var.reshape(shape) + eps) * g.reshape(shape)
           + b.reshape(shape)).astype(x.dtype)
    return (out, (mm * momentum + mean * (1 - momentum)).astype(mm.dtype),
            (mv * momentum + var * (1 - momentum)).astype(mv.dtype))


def layernorm(x, g, b, axis=-1, eps=1e-5):
    m = x.mean(axis=axis, keepdims=True)
    v = x.var(axis=axis, keepdims=True)
    shape = [1] * x.ndim
    shape[axis] = -1
    return ((x - m) / np.sqrt(v + eps) * g.reshape(shape) + b.reshape(shape)).astype(x.dtype)


def instancenorm(x, g, b, eps=1e-3):
    axes = tuple(range(2, x.ndim))
    m = x.mean(axis=axes, keepdims=True)
    v = x.var(axis=axes, keepdims=True)
    shape = _channel_shape(x)
    return ((x - m) / np.sqrt(v + eps) * g.reshape(shape) + b.reshape(shape)).astype(x.dtype)


def scatter_nd(v, idx, shape):
    out = np.zeros(shape, v.dtype)
    out[tuple(idx.astype(int))] = v
    return out


def assigned(x, key, v):
    """x with x[key] = v, as a new array (_slice_assign)."""
    y = x.copy()
    y[key] = v
    return y


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


# ------------------------------------------------------------- loss layers' gradients
# These layers' backward is defined, not derived from their forward: the gradient of
# the loss they stand for, with the head gradient ignored (MXNet 1.x).
def softmax_output_grad(x, label, grad_scale=1.0):
    """SoftmaxOutput (normalization 'null'): softmax(x) - one_hot(label) along axis 1."""
    p = softmax(x.reshape(x.shape[0], -1), axis=-1)
    onehot = np.zeros_like(p)
    onehot[np.arange(x.shape[0]), label.astype(int).reshape(-1)] = 1
    return ((p - onehot) * grad_scale).reshape(x.shape).astype(x.dtype)


def regression_output_grad(kind, x, label, grad_scale=1.0):
    """*RegressionOutput: (out - label) scaled by grad_scale / outputs per sample."""
    per_sample = label.size // label.shape[0]
    out = {"linear": x, "logistic": sigmoid(x), "mae": x}[kind]
    diff = out - label.reshape(x.shape)
    if kind == "mae":
        diff = np.sign(diff)
    return (diff * grad_scale / per_sample).astype(x.dtype)
