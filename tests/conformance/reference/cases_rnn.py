"""Forward cases (and gradient notes) for the fused RNN operator (RNN: rnn_relu, rnn_tanh, lstm, gru), merged into
cases.py's tables at import (see cases_linalg.py for the fields a family module may define).

The reference is a direct NumPy transcription of MXNet 1.9's documented cells, computed in float64: parameters is
one flat vector holding every weight matrix (per layer, per direction: input-to-hidden (gates * H, layer_input), then
hidden-to-hidden (gates * H, H)) followed by every bias (same order, gates * H each); gate order lstm i, f, g, o and
gru r, z, n, with gru's reset gate applied to (U_n h' + b_Un). Its values and gradients were checked against MXNet
1.9.1 (every mode, 2 layers, uni- and bidirectional, gradients of data, parameters, state and state_cell)."""
import numpy as np

from .cases import Case, P, U, I  # noqa: F401

_rng = np.random.RandomState(20261128)
F4, F8, F2 = np.float32, np.float64, np.float16

GATES = {"rnn_relu": 1, "rnn_tanh": 1, "lstm": 4, "gru": 3}


def param_size(mode, input_size, state_size, num_layers=1, bidirectional=False, projection_size=None):
    """The length of the parameter vector, as RNN's shape rule infers it."""
    g, h, d = GATES[mode], state_size, 2 if bidirectional else 1
    r = projection_size or h
    proj = r * h if projection_size else 0
    weights = sum(d * (g * h * ((input_size if l == 0 else d * r) + r) + proj) for l in range(num_layers))
    return weights + num_layers * d * 2 * g * h


def _unpack(params, mode, input_size, h, num_layers, d, projection_size=None):
    """[(Wx, Wh, Wp or None, bx, bh)] per (layer, direction), layer-major."""
    g, r = GATES[mode], projection_size or h
    mats, off = [], 0
    for l in range(num_layers):
        n_in = input_size if l == 0 else d * r
        for _ in range(d):
            wx = params[off:off + g * h * n_in].reshape(g * h, n_in)
            off += g * h * n_in
            wh = params[off:off + g * h * r].reshape(g * h, r)
            off += g * h * r
            wp = None
            if projection_size:
                wp = params[off:off + r * h].reshape(r, h)
                off += r * h
            mats.append([wx, wh, wp])
    for k in range(num_layers * d):
        mats[k] += [params[off:off + g * h], params[off + g * h:off + 2 * g * h]]
        off += 2 * g * h
    return mats


def _sigmoid(v):
    return 1 / (1 + np.exp(-v))


def _cell(mode, xw, hw, h, c, wp=None, clip=None):
    """One step: xw, hw the gate pre-activations from the input and from h (with biases);
    wp an lstm's projection; clip (lo, hi, nan) its cell state's bounds."""
    if mode == "lstm":
        i, f, g, o = np.split(xw + hw, 4, axis=1)
        c = _sigmoid(f) * c + _sigmoid(i) * np.tanh(g)
        if clip is not None:
            lo, hi, clip_nan = clip
            c = np.where(np.isnan(c), lo if clip_nan else c, np.clip(c, lo, hi))
        h = _sigmoid(o) * np.tanh(c)
        return (h if wp is None else h @ wp.T), c
    if mode == "gru":
        xr, xz, xn = np.split(xw, 3, axis=1)
        hr, hz, hn = np.split(hw, 3, axis=1)
        r, z = _sigmoid(xr + hr), _sigmoid(xz + hz)
        n = np.tanh(xn + r * hn)
        return (1 - z) * n + z * h, c
    a = xw + hw
    return (np.tanh(a) if mode == "rnn_tanh" else np.maximum(a, 0)), c


def rnn(data, parameters, state, *rest, mode="lstm", state_size=1, num_layers=1, bidirectional=False,
        state_outputs=False, p=0.0, use_sequence_length=False, projection_size=None, lstm_state_clip_min=None,
        lstm_state_clip_max=None, lstm_state_clip_nan=False):
    """MXNet's RNN at inference (dropout p only acts in training), in float64, cast back to data's dtype. rest:
    state_cell for lstm, then sequence_length with use_sequence_length: past a sample's length its output is 0 and
    its states carry unchanged (cuDNN's semantics)."""
    rest = list(rest)
    state_cell = rest.pop(0) if mode == "lstm" else None
    lengths = rest.pop(0).astype(np.int64) if use_sequence_length else np.full(data.shape[1], data.shape[0])
    clip = None if lstm_state_clip_min is None else (lstm_state_clip_min, lstm_state_clip_max, lstm_state_clip_nan)
    dt = data.dtype
    x = data.astype(F8)
    T, N, n_in = x.shape
    d, h_size = 2 if bidirectional else 1, state_size
    mats = _unpack(parameters.astype(F8), mode, n_in, h_size, num_layers, d, projection_size)
    h0 = state.astype(F8)
    c0 = state_cell.astype(F8) if state_cell is not None else np.zeros_like(h0)
    hy, cy = np.zeros_like(h0), np.zeros_like(c0)
    for l in range(num_layers):
        outs = []
        for k in range(d):
            wx, wh, wp, bx, bh = mats[l * d + k]
            h, c = h0[l * d + k], c0[l * d + k]
            ys = [None] * T
            for t in (range(T) if k == 0 else reversed(range(T))):
                h_new, c_new = _cell(mode, x[t] @ wx.T + bx, h @ wh.T + bh, h, c, wp, clip)
                active = (t < lengths)[:, None]
                h, c = np.where(active, h_new, h), np.where(active, c_new, c)
                ys[t] = np.where(active, h, 0.0)
            hy[l * d + k], cy[l * d + k] = h, c
            outs.append(np.stack(ys))
        x = np.concatenate(outs, axis=2)
    res = [x.astype(dt)]
    if state_outputs:
        res.append(hy.astype(dt))
        if mode == "lstm":
            res.append(cy.astype(dt))
    return res[0] if len(res) == 1 else res


def _case(mode, T, N, n_in, h, layers=1, bidirectional=False, dtype=F4, rtol=1e-5, atol=1e-5, lengths=None,
          **params):
    """lengths: the sequence_length input (int32) of a use_sequence_length case."""
    d = 2 if bidirectional else 1
    p = dict(params, mode=mode, state_size=h, num_layers=layers, bidirectional=bidirectional)
    r = params.get("projection_size") or h
    inputs = [_rng.uniform(-1, 1, (T, N, n_in)).astype(dtype),
              _rng.uniform(-0.6, 0.6, param_size(mode, n_in, h, layers, bidirectional,
                                                 params.get("projection_size"))).astype(dtype),
              _rng.uniform(-1, 1, (layers * d, N, r)).astype(dtype)]
    if mode == "lstm":
        inputs.append(_rng.uniform(-1, 1, (layers * d, N, h)).astype(dtype))
    if lengths is not None:
        p["use_sequence_length"] = True
        inputs.append(np.array(lengths, np.int32))
    return Case(inputs, p, lambda *xs, p=p: rnn(*xs, **p), rtol, atol)


OPS = {
    "RNN": [
        # The first two are also the conformance gradient cases: every gate formula, 2 layers, both directions.
        _case("lstm", 2, 2, 2, 2, layers=2, bidirectional=True, state_outputs=True),
        _case("gru", 2, 2, 3, 2, layers=2, bidirectional=True, state_outputs=True),
        _case("rnn_tanh", 3, 2, 3, 2),
        _case("rnn_relu", 3, 2, 2, 3, layers=2, bidirectional=True, state_outputs=True),
        _case("lstm", 3, 2, 3, 2, state_outputs=True),
        _case("gru", 3, 2, 3, 2, bidirectional=True),
        _case("lstm", 3, 2, 3, 2, dtype=F8, rtol=1e-10, atol=1e-10, p=0.3),  # p: no dropout at inference
        _case("gru", 2, 2, 3, 2, dtype=F2, rtol=2e-3, atol=2e-3),
        _case("lstm", 3, 3, 2, 2, layers=2, bidirectional=True, state_outputs=True, lengths=[3, 1, 2]),
        _case("gru", 3, 2, 2, 2, bidirectional=True, state_outputs=True, lengths=[0, 2]),
        # LSTMP (values checked against MXNet 1.9.1's forward; its CPU has no LSTMP backward)
        _case("lstm", 3, 2, 3, 3, layers=2, bidirectional=True, state_outputs=True, projection_size=2),
        # cell state clipping, as cuDNN does for MXNet on GPUs (MXNet 1.9.1's CPU ignores the bounds)
        _case("lstm", 4, 2, 3, 2, state_outputs=True, lstm_state_clip_min=-0.3, lstm_state_clip_max=0.2),
    ],
}

_a = np.ones
SHAPE, ARG, DTYPE = "MXL_ERR_SHAPE", "MXL_ERR_INVALID_ARGUMENT", "MXL_ERR_DTYPE"
_TANH = {"mode": "rnn_tanh", "state_size": 2, "num_layers": 1}
ERROR_CASES = [
    ("data_2d", "RNN", [_a((3, 2), F4), _a(12, F4), _a((1, 3, 2), F4)], _TANH, SHAPE, ["RNN", "data", "3-D", "(3, 2)"]),
    ("params_size", "RNN", [_a((3, 2, 4), F4), _a(7, F4), _a((1, 2, 2), F4)], _TANH, SHAPE,
     ["RNN", "parameters", "(16,)", "(7,)"]),
    ("state_shape", "RNN", [_a((3, 2, 4), F4), _a(16, F4), _a((2, 2, 2), F4)], _TANH, SHAPE,
     ["RNN", "state", "(1, 2, 2)", "(2, 2, 2)"]),
    ("no_mode", "RNN", [_a((3, 2, 4), F4), _a(16, F4), _a((1, 2, 2), F4)], {"state_size": 2, "num_layers": 1}, ARG,
     ["RNN", "mode"]),
    ("int_data", "RNN", [_a((3, 2, 4), np.int32), _a(16, np.int32), _a((1, 2, 2), np.int32)], _TANH, DTYPE,
     ["RNN", "int32"]),
    ("mixed_dtype", "RNN", [_a((3, 2, 4), F4), _a(16, F8), _a((1, 2, 2), F4)], _TANH, DTYPE,
     ["RNN", "parameters", "float64"]),
    ("sequence_length_range", "RNN", [_a((3, 2, 4), F4), _a(16, F4), _a((1, 2, 2), F4), np.array([3, 4], np.int32)],
     dict(_TANH, use_sequence_length=True), "MXL_ERR_INDEX", ["RNN", "sequence_length[1] = 4", "<= 3"]),
    ("sequence_length_shape", "RNN", [_a((3, 2, 4), F4), _a(16, F4), _a((1, 2, 2), F4), np.array([3], np.int32)],
     dict(_TANH, use_sequence_length=True), SHAPE, ["RNN", "sequence_length", "(2,)", "(1,)"]),
    ("projection_mode", "RNN", [_a((3, 2, 4), F4), _a(16, F4), _a((1, 2, 2), F4)], dict(_TANH, projection_size=1),
     ARG, ["RNN", "projection_size", "lstm", "rnn_tanh"]),
    ("projection_state", "RNN", [_a((3, 2, 4), F4), _a(58, F4), _a((1, 2, 2), F4), _a((1, 2, 2), F4)],
     {"mode": "lstm", "state_size": 2, "num_layers": 1, "projection_size": 1}, SHAPE,
     ["RNN", "state", "(1, 2, 1)", "(1, 2, 2)"]),
    ("state_clip_min_only", "RNN", [_a((3, 2, 4), F4), _a(64, F4), _a((1, 2, 2), F4), _a((1, 2, 2), F4)],
     {"mode": "lstm", "state_size": 2, "num_layers": 1, "lstm_state_clip_min": -1.0}, ARG,
     ["RNN", "lstm_state_clip_max", "together"]),
    ("state_clip_order", "RNN", [_a((3, 2, 4), F4), _a(64, F4), _a((1, 2, 2), F4), _a((1, 2, 2), F4)],
     {"mode": "lstm", "state_size": 2, "num_layers": 1, "lstm_state_clip_min": 1.0, "lstm_state_clip_max": -1.0},
     ARG, ["RNN", "lstm_state_clip_min (1)", "lstm_state_clip_max (-1)"]),
]
