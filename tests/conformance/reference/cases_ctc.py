"""Forward cases (and gradient notes) for CTCLoss (ctc_loss), merged into cases.py's tables at
import (see cases_linalg.py for the fields a family module may define).

The reference is a NumPy forward algorithm in log space (float64). It was checked against
MXNet 1.9.1 (values, and gradients through mx.autograd: MXNet's gradient is the true
gradient of the loss with respect to the unnormalised activations, softmax inside, zero
at steps past a sample's data length), and is checked against brute-force enumeration of
alignments in tests/python/test_ctc.py. The gradient is the default: a finite difference
of this reference."""
import itertools

import numpy as np

from .cases import Case

# A generator of its own, so these inputs do not shift when other tables grow.
_rng = np.random.RandomState(20261128)
F = np.float32
SHAPE, ARG, INDEX, DTYPE = "MXL_ERR_SHAPE", "MXL_ERR_INVALID_ARGUMENT", "MXL_ERR_INDEX", "MXL_ERR_DTYPE"


def _log_softmax(x):
    z = np.asarray(x, np.float64)
    m = z.max(axis=-1, keepdims=True)
    return z - m - np.log(np.exp(z - m).sum(axis=-1, keepdims=True))


def _log_add(a, b):
    m = np.maximum(a, b)
    m_safe = np.where(np.isfinite(m), m, 0.0)
    with np.errstate(divide="ignore"):
        return np.where(np.isneginf(m), -np.inf, m_safe + np.log(np.exp(a - m_safe) + np.exp(b - m_safe)))


def label_sequence(row, blank_label="first", length=None):
    """A sample's labels: the first `length`, or those before the first padding value
    (0 for blank_label 'first', -1 for 'last'); later values are ignored, as in MXNet."""
    row = np.asarray(row, np.float64)
    if length is None:
        hits = np.nonzero(row == (0 if blank_label == "first" else -1))[0]
        length = hits[0] if len(hits) else len(row)
    return [int(v) for v in row[:int(length)]]


def ctc_nll(x, seq, blank):
    """-log p(seq | x) for one sample, x (T, A) activations: the forward algorithm over the
    blank-extended sequence, in log space."""
    logp = _log_softmax(x)
    steps = logp.shape[0]
    ext = [blank]
    for v in seq:
        ext += [v, blank]
    ext = np.array(ext)
    if steps == 0:
        return 0.0 if not seq else np.inf
    skip = np.zeros(len(ext), bool)
    skip[2:] = (ext[2:] != blank) & (ext[2:] != ext[:-2])
    alpha = np.full(len(ext), -np.inf)
    alpha[:2] = logp[0, ext[:2]]
    for t in range(1, steps):
        stay = alpha
        step = np.concatenate([[-np.inf], alpha])[:len(ext)]
        jump = np.where(skip, np.concatenate([[-np.inf, -np.inf], alpha])[:len(ext)], -np.inf)
        alpha = _log_add(_log_add(stay, step), jump) + logp[t, ext]
    tail = alpha[-2:] if len(ext) > 1 else alpha
    return -float(_log_add(tail[0], tail[-1]) if len(tail) > 1 else tail[0])


def ctc_loss(data, label, data_lengths=None, label_lengths=None, use_data_lengths=False, use_label_lengths=False,
             blank_label="first"):
    """MXNet's CTCLoss: data (T, B, A), label (B, L) -> (B,) losses in data's dtype."""
    steps, batch, alphabet = data.shape
    blank = 0 if blank_label == "first" else alphabet - 1
    out = np.zeros(batch)
    for b in range(batch):
        tb = int(data_lengths[b]) if use_data_lengths else steps
        lb = int(label_lengths[b]) if use_label_lengths else None
        out[b] = ctc_nll(data[:tb, b], label_sequence(label[b], blank_label, lb), blank)
    return out.astype(data.dtype)


def brute_force_nll(x, seq, blank):
    """-log of the summed probability of every path of len(x) steps that collapses (merge
    repeats, drop blanks) to seq: the definition, for tiny cases."""
    logp = _log_softmax(x)
    steps, alphabet = logp.shape
    total = 0.0
    for path in itertools.product(range(alphabet), repeat=steps):
        collapsed = [k for i, k in enumerate(path) if k != blank and (i == 0 or k != path[i - 1])]
        if collapsed == list(seq):
            total += np.exp(sum(logp[t, k] for t, k in enumerate(path)))
    return -np.log(total)


def _u(*shape, lo=-2.0, hi=2.0, dtype=F):
    return _rng.uniform(lo, hi, size=shape).astype(dtype)


def _case(data, label, lengths=(), rtol=1e-5, atol=1e-5, **params):
    data_lengths = lengths[0] if params.get("use_data_lengths") else None
    label_lengths = lengths[-1] if params.get("use_label_lengths") else None
    return Case([data, np.asarray(label, data.dtype)] + [np.asarray(v, F) for v in lengths], params,
                lambda x, lab, *lens, p=params: ctc_loss(x, lab, data_lengths, label_lengths, **p), rtol, atol)


OPS = {
    "CTCLoss": [
        # MXNet's documented padding: 'ba', 'cbb', 'abac' over [a, b, c]
        _case(_u(6, 3, 4), [[2, 1, 0, 0], [3, 2, 2, 0], [1, 2, 1, 3]]),
        _case(_u(6, 3, 4), [[1, 0, -1, -1], [2, 1, 1, -1], [0, 1, 0, 2]], blank_label="last"),
        # lengths: data shorter than the sequence, labels cut before the padding
        _case(_u(7, 3, 5), [[1, 2, 3], [4, 4, 1], [2, 0, 0]], ([5, 7, 3], [2, 3, 1]), use_data_lengths=True,
              use_label_lengths=True),
        _case(_u(5, 2, 3), [[1, 2], [2, 1]], ([3, 5],), use_data_lengths=True),
        _case(_u(5, 2, 4), [[0, 2, 2], [1, -1, -1]], ([3, 0],), use_label_lengths=True, blank_label="last"),
        # a sample with no labels, one that needs every step (repeats), float64
        _case(_u(4, 3, 3, dtype=np.float64), [[0, 0], [1, 1], [2, 1]], rtol=1e-10, atol=1e-10),
        # large activations stay finite (log space)
        _case(_u(5, 2, 4, lo=-40, hi=40), [[1, 2, 3], [3, 0, 0]], rtol=1e-5, atol=1e-4),
        _case(_u(4, 2, 3, dtype=np.float16), [[1, 2], [2, 0]], rtol=3e-3, atol=3e-3),
    ],
}

# label and the lengths are indices: they get no gradient.
INDEX_INPUTS = {"CTCLoss": {1, 2, 3}}


def _a(*shape, dtype=F):
    return np.zeros(shape, dtype)


ERROR_CASES = [
    ("data_2d", "CTCLoss", [_a(4, 3), _a(3, 2)], {}, SHAPE, ["CTCLoss", "data", "3-D", "(4, 3)"]),
    ("label_1d", "CTCLoss", [_a(4, 2, 3), _a(2)], {}, SHAPE, ["CTCLoss", "label", "2-D", "(2,)"]),
    ("label_batch", "CTCLoss", [_a(4, 2, 3), _a(3, 2)], {}, SHAPE, ["CTCLoss", "batch", "(3, 2)", "(4, 2, 3)"]),
    ("label_too_long", "CTCLoss", [_a(2, 1, 3), _a(1, 3)], {}, SHAPE,
     ["CTCLoss", "label_sequence_length 3", "sequence_length 2"]),
    ("lengths_shape", "CTCLoss", [_a(4, 2, 3), _a(2, 2), _a(3)], {"use_data_lengths": True}, SHAPE,
     ["CTCLoss", "data_lengths", "(2,)", "(3,)"]),
    ("int_data", "CTCLoss", [np.zeros((4, 2, 3), np.int32), _a(2, 2)], {}, DTYPE, ["CTCLoss", "data", "int32"]),
    ("blank_label", "CTCLoss", [_a(4, 2, 3), _a(2, 2)], {"blank_label": "middle"}, ARG,
     ["CTCLoss", "blank_label", "middle"]),
    # data-dependent checks (MXNet returns garbage or corrupts memory for these)
    ("label_range", "CTCLoss", [_a(4, 1, 3), np.array([[1, 3]], F)], {}, INDEX,
     ["CTCLoss", "label[0, 1] = 3", "[1, 2]"]),
    ("label_blank_last", "CTCLoss", [_a(4, 1, 3), np.array([[2, 1]], F)], {"blank_label": "last"}, INDEX,
     ["CTCLoss", "label[0, 0] = 2", "[0, 1]", "reserves 2"]),
    ("label_negative", "CTCLoss", [_a(4, 1, 3), np.array([[-2, 1]], F)], {"blank_label": "last"}, INDEX,
     ["CTCLoss", "label[0, 0] = -2"]),
    ("label_fraction", "CTCLoss", [_a(4, 1, 3), np.array([[1.5, 1]], F)], {}, INDEX,
     ["CTCLoss", "label[0, 0] = 1.5", "not an integer"]),
    ("label_blank_in_length", "CTCLoss", [_a(4, 1, 3), np.array([[1, 0]], F), np.array([2], F)],
     {"use_label_lengths": True}, INDEX, ["CTCLoss", "label[0, 1] = 0", "reserves 0"]),
    ("repeats_too_long", "CTCLoss", [_a(2, 1, 3), np.array([[1, 1]], F)], {}, ARG,
     ["CTCLoss", "sample 0", "need 3 time steps", "has 2"]),
    ("data_lengths_short", "CTCLoss", [_a(4, 2, 3), np.array([[1, 2], [1, 2]], F), np.array([4, 1], F)],
     {"use_data_lengths": True}, ARG, ["CTCLoss", "sample 1", "need 2", "has 1 (data_lengths)"]),
    ("data_lengths_range", "CTCLoss", [_a(3, 1, 3), np.array([[1, 2]], F), np.array([5], F)],
     {"use_data_lengths": True}, INDEX, ["CTCLoss", "data_lengths[0] = 5", "[0, 3]"]),
    ("data_lengths_negative", "CTCLoss", [_a(3, 1, 3), np.array([[1, 2]], F), np.array([-1], F)],
     {"use_data_lengths": True}, INDEX, ["CTCLoss", "data_lengths[0] = -1"]),
    ("data_lengths_fraction", "CTCLoss", [_a(3, 1, 3), np.array([[1, 2]], F), np.array([2.5], F)],
     {"use_data_lengths": True}, INDEX, ["CTCLoss", "data_lengths[0] = 2.5", "integer"]),
    ("label_lengths_range", "CTCLoss", [_a(3, 1, 3), np.array([[1, 2]], F), np.array([3], F)],
     {"use_label_lengths": True}, INDEX, ["CTCLoss", "label_lengths[0] = 3", "[0, 2]"]),
    ("label_lengths_negative", "CTCLoss", [_a(3, 1, 3), np.array([[1, 2]], F), np.array([-1], F)],
     {"use_label_lengths": True}, INDEX, ["CTCLoss", "label_lengths[0] = -1"]),
]
