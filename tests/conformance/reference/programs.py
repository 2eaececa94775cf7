"""Symbol programs, engine sequences and files, with expected results from NumPy.

Graphs are written here as MXNet JSON by a small builder (no mxlite), values computed
by the references in ops.py; gradients of the small networks are written out by hand
(backpropagation in NumPy) or taken by finite differences in float64.
"""
import json
import struct

import numpy as np

from . import ops
from .gradients import finite_difference

F32, F64 = np.float32, np.float64


class Graph:
    """Builds MXNet's symbol JSON: nodes, arg_nodes, node_row_ptr, heads."""

    def __init__(self):
        self.nodes = []
        self.num_outputs = []

    def var(self, name):
        self.nodes.append({"op": "null", "name": name, "inputs": []})
        self.num_outputs.append(1)
        return (len(self.nodes) - 1, 0)

    def op(self, op, name, inputs, n_out=1, **attrs):
        """An operator node; n_out: how many outputs it has (for node_row_ptr)."""
        node = {"op": op, "name": name, "inputs": [[i, o, 0] for i, o in inputs]}
        if attrs:
            node["attrs"] = {k: _param_string(v) for k, v in attrs.items()}
        self.nodes.append(node)
        self.num_outputs.append(n_out)
        return (len(self.nodes) - 1, 0)

    def json(self, heads):
        row = [0]
        for n in self.num_outputs:
            row.append(row[-1] + n)
        return json.dumps({
            "nodes": self.nodes,
            "arg_nodes": [i for i, n in enumerate(self.nodes) if n["op"] == "null"],
            "node_row_ptr": row,
            "heads": [[i, o, 0] for i, o in heads],
            "attrs": {"mxnet_version": ["int", 10901]},
        }, indent=1)


def _param_string(v):
    """A parameter value as the string the C ABI takes (MXNet's formatting)."""
    if isinstance(v, str):
        return v
    if isinstance(v, (bool, np.bool_)):
        return "True" if v else "False"
    if v is None:
        return "None"
    if isinstance(v, (tuple, list)):
        return "(" + ", ".join(_param_string(x) for x in v) + ("," if len(v) == 1 else "") + ")"
    if isinstance(v, (int, np.integer)):
        return str(int(v))
    if isinstance(v, (float, np.floating)):
        return repr(float(v))
    if isinstance(v, (type, np.dtype)):
        return np.dtype(v).name
    raise TypeError("no parameter string for %r" % (v,))


param_string = _param_string


# ------------------------------------------------------------------ symbol programs
def _mlp(rng, grad_req):
    """data -> FullyConnected(4) -> relu -> FullyConnected(3) -> SoftmaxOutput."""
    g = Graph()
    data = g.var("data")
    fc1 = g.op("FullyConnected", "fc1", [data, g.var("fc1_weight"), g.var("fc1_bias")], num_hidden=4)
    act = g.op("Activation", "relu1", [fc1], act_type="relu")
    fc2 = g.op("FullyConnected", "fc2", [act, g.var("fc2_weight"), g.var("fc2_bias")], num_hidden=3)
    out = g.op("SoftmaxOutput", "softmax", [fc2, g.var("softmax_label")])
    x = rng.uniform(-1, 1, (5, 6)).astype(F32)
    w1 = rng.uniform(-1, 1, (4, 6)).astype(F32)
    b1 = rng.uniform(-0.5, 0.5, (4,)).astype(F32)
    w2 = rng.uniform(-1, 1, (3, 4)).astype(F32)
    b2 = rng.uniform(-0.5, 0.5, (3,)).astype(F32)
    label = np.array([0, 2, 1, 2, 0], F32)
    # Forward and backpropagation by hand, in float64.
    xd, w1d, b1d, w2d, b2d = (a.astype(F64) for a in (x, w1, b1, w2, b2))
    z1 = xd @ w1d.T + b1d
    h = np.maximum(z1, 0)
    z2 = h @ w2d.T + b2d
    prob = ops.softmax(z2)
    dz2 = ops.softmax_output_grad(z2, label)
    dh = dz2 @ w2d
    dz1 = dh * (z1 > 0)
    grads = {"fc1_weight": dz1.T @ xd, "fc1_bias": dz1.sum(0), "fc2_weight": dz2.T @ h,
             "fc2_bias": dz2.sum(0)}
    grads = {k: v.astype(F32) for k, v in grads.items()}
    args = {"data": x, "fc1_weight": w1, "fc1_bias": b1, "fc2_weight": w2, "fc2_bias": b2,
            "softmax_label": label}
    reqs = {k: ("null" if k in ("data", "softmax_label") else grad_req) for k in args}
    steps = [
        {"do": "list_arguments", "expect": list(args)},
        {"do": "list_outputs", "expect": ["softmax_output"]},
        {"do": "list_auxiliary_states", "expect": []},
        {"do": "infer_shape", "shapes": {"data": [5, 6]},
         "expect": {"arg_shapes": [list(a.shape) for a in args.values()], "out_shapes": [[5, 3]],
                    "aux_shapes": []}},
        {"do": "bind", "args": args, "aux": {}, "grad_req": reqs},
        {"do": "forward", "is_train": True, "expect": {"outputs": [prob.astype(F32)], "rtol": 1e-5,
                                                        "atol": 1e-6}},
        {"do": "backward", "head_grads": None, "expect": {"grads": grads, "rtol": 1e-4, "atol": 1e-5}},
    ]
    if grad_req == "add":
        steps += [
            {"do": "forward", "is_train": True, "expect": {"outputs": [prob.astype(F32)],
                                                            "rtol": 1e-5, "atol": 1e-6}},
            {"do": "backward", "head_grads": None,
             "expect": {"grads": {k: v * 2 for k, v in grads.items()}, "rtol": 1e-4, "atol": 1e-5}},
        ]
    return g.json([out]), steps


def _batchnorm(rng):
    """BatchNorm in training (batch statistics, moving averages updated), then outside it."""
    g = Graph()
    bn = g.op("BatchNorm", "bn", [g.var("data"), g.var("bn_gamma"), g.var("bn_beta"),
                                  g.var("bn_moving_mean"), g.var("bn_moving_var")],
              fix_gamma=False, eps=1e-3, momentum=0.9)
    x = rng.uniform(-2, 2, (4, 3)).astype(F32)
    gamma = rng.uniform(0.5, 1.5, (3,)).astype(F32)
    beta = rng.uniform(-0.5, 0.5, (3,)).astype(F32)
    mm = np.zeros(3, F32)
    mv = np.ones(3, F32)
    dy = rng.uniform(-1, 1, (4, 3)).astype(F32)
    xd, gd, bd, dyd = (a.astype(F64) for a in (x, gamma, beta, dy))
    out, new_mm, new_mv = ops.batchnorm_train(xd, gd, bd, mm.astype(F64), mv.astype(F64),
                                              eps=1e-3, fix_gamma=False)
    mean, var = xd.mean(0), xd.var(0)
    inv = 1 / np.sqrt(var + 1e-3)
    xhat = (xd - mean) * inv
    n = x.shape[0]
    dx = gd * inv / n * (n * dyd - dyd.sum(0) - xhat * (dyd * xhat).sum(0))
    grads = {"data": dx.astype(F32), "bn_gamma": (dyd * xhat).sum(0).astype(F32),
             "bn_beta": dyd.sum(0).astype(F32)}
    infer = ops.batchnorm_infer(xd, gd, bd, new_mm, new_mv, eps=1e-3, fix_gamma=False)
    tol = {"rtol": 1e-4, "atol": 1e-5}
    steps = [
        {"do": "list_arguments", "expect": ["data", "bn_gamma", "bn_beta"]},
        {"do": "list_outputs", "expect": ["bn_output"]},
        {"do": "list_auxiliary_states", "expect": ["bn_moving_mean", "bn_moving_var"]},
        {"do": "infer_shape", "shapes": {"data": [4, 3]},
         "expect": {"arg_shapes": [[4, 3], [3], [3]], "out_shapes": [[4, 3]],
                    "aux_shapes": [[3], [3]]}},
        {"do": "bind", "args": {"data": x, "bn_gamma": gamma, "bn_beta": beta},
         "aux": {"bn_moving_mean": mm, "bn_moving_var": mv}, "grad_req": "write"},
        {"do": "forward", "is_train": True, "expect": dict(outputs=[out.astype(F32)], **tol)},
        # The moving averages are checked after the training step (forward + backward):
        # MXNet 1.9 updates them in the forward on some devices, in the backward on others.
        {"do": "backward", "head_grads": [dy],
         "expect": dict(grads=grads, aux={"bn_moving_mean": new_mm.astype(F32),
                                          "bn_moving_var": new_mv.astype(F32)}, **tol)},
        {"do": "forward", "is_train": False, "expect": dict(outputs=[infer.astype(F32)], **tol)},
    ]
    return g.json([bn]), steps


def _arithmetic(rng):
    """Two heads from symbol arithmetic nodes (MXNet's _Plus, _MulScalar, ... names)."""
    g = Graph()
    a, b = g.var("a"), g.var("b")
    s = g.op("_Plus", "plus0", [a, b])
    t = g.op("_MulScalar", "mulscalar0", [s], scalar=2.0)
    u = g.op("_Mul", "mul0", [t, a])
    v = g.op("_RMinusScalar", "rminusscalar0", [b], scalar=1.0)
    w = g.op("_Div", "div0", [v, a])
    av = rng.uniform(0.5, 2, (2, 3)).astype(F64)
    bv = rng.uniform(-1, 1, (2, 3)).astype(F64)
    h1 = rng.uniform(0.5, 1.5, (2, 3))
    h2 = rng.uniform(0.5, 1.5, (2, 3))
    f = lambda x, y: [(x + y) * 2 * x, (1 - y) / x]  # noqa: E731
    ga, gb = finite_difference(f, [av, bv], [0, 1], [h1, h2])
    tol = {"rtol": 1e-6, "atol": 1e-8}
    steps = [
        {"do": "list_arguments", "expect": ["a", "b"]},
        {"do": "list_outputs", "expect": ["mul0_output", "div0_output"]},
        {"do": "infer_shape", "shapes": {"a": [2, 3]},
         "expect": {"arg_shapes": [[2, 3], [2, 3]], "out_shapes": [[2, 3], [2, 3]], "aux_shapes": []}},
        {"do": "infer_shape", "shapes": {"a": [2, 3], "b": [3, 2]},
         "expect_error": {"kind": "MXL_ERR_SHAPE", "contains": ["plus0"]}},
        {"do": "bind", "args": {"a": av, "b": bv}, "aux": {}, "grad_req": "write"},
        {"do": "forward", "is_train": True, "expect": dict(outputs=f(av, bv), **tol)},
        {"do": "backward", "head_grads": [h1, h2],
         "expect": {"grads": {"a": ga, "b": gb}, "rtol": 1e-6, "atol": 1e-7}},
    ]
    return g.json([u, w]), steps


def _convnet(rng):
    """Convolution -> max Pooling -> Flatten -> FullyConnected in float64, gradients of
    every argument by finite differences."""
    g = Graph()
    conv = g.op("Convolution", "conv", [g.var("data"), g.var("conv_weight"), g.var("conv_bias")],
                kernel=(3, 3), num_filter=2)
    pool = g.op("Pooling", "pool", [conv], kernel=(2, 2), stride=(1, 1), pool_type="max")
    flat = g.op("Flatten", "flat", [pool])
    fc = g.op("FullyConnected", "fc", [flat, g.var("fc_weight"), g.var("fc_bias")], num_hidden=3)
    names = ["data", "conv_weight", "conv_bias", "fc_weight", "fc_bias"]
    shapes = [(2, 1, 5, 5), (2, 1, 3, 3), (2,), (3, 8), (3,)]
    vals = [rng.uniform(-1, 1, s).astype(F64) for s in shapes]

    def net(x, cw, cb, fw, fb):
        y = ops.pool2d(ops.conv2d(x, cw, cb), (2, 2), (1, 1), "max")
        return y.reshape(y.shape[0], -1) @ fw.T + fb

    head = rng.uniform(0.5, 1.5, (2, 3))
    grads = finite_difference(net, vals, range(5), [head])
    steps = [
        {"do": "list_arguments", "expect": names},
        {"do": "infer_shape", "shapes": {"data": [2, 1, 5, 5]},
         "expect": {"arg_shapes": [list(s) for s in shapes], "out_shapes": [[2, 3]], "aux_shapes": []}},
        {"do": "bind", "args": dict(zip(names, vals)), "aux": {}, "grad_req": "write"},
        {"do": "forward", "is_train": True, "expect": {"outputs": [net(*vals)], "rtol": 1e-6,
                                                        "atol": 1e-8}},
        {"do": "backward", "head_grads": [head],
         "expect": {"grads": dict(zip(names, grads)), "rtol": 1e-5, "atol": 1e-7}},
    ]
    return g.json([fc]), steps


def _bad_bind(rng):
    """bind with an argument whose shape contradicts the graph."""
    g = Graph()
    fc = g.op("FullyConnected", "fc", [g.var("data"), g.var("fc_weight"), g.var("fc_bias")],
              num_hidden=2)
    args = {"data": np.ones((3, 4), F32), "fc_weight": np.ones((2, 5), F32),
            "fc_bias": np.ones(2, F32)}
    steps = [{"do": "bind", "args": args, "aux": {}, "grad_req": "write",
              "expect_error": {"kind": "MXL_ERR_SHAPE", "contains": ["fc"]}}]
    return g.json([fc]), steps


def _shared_input(rng):
    """One argument used by two nodes (its gradients add up), one behind BlockGrad."""
    g = Graph()
    a, b = g.var("a"), g.var("b")
    sq = g.op("elemwise_mul", "square0", [a, a])
    blocked = g.op("BlockGrad", "block0", [g.op("elemwise_mul", "ab0", [a, b])])
    out = g.op("elemwise_add", "sum0", [sq, blocked])
    av = rng.uniform(-1, 1, (3, 2)).astype(F32)
    bv = rng.uniform(-1, 1, (3, 2)).astype(F32)
    head = rng.uniform(0.5, 1.5, (3, 2)).astype(F32)
    tol = {"rtol": 1e-5, "atol": 1e-6}
    steps = [
        {"do": "list_arguments", "expect": ["a", "b"]},
        {"do": "list_outputs", "expect": ["sum0_output"]},
        {"do": "bind", "args": {"a": av, "b": bv}, "aux": {}, "grad_req": "write"},
        {"do": "forward", "is_train": True, "expect": dict(outputs=[av * av + av * bv], **tol)},
        {"do": "backward", "head_grads": [head],
         "expect": dict(grads={"a": (2 * av * head).astype(F32), "b": np.zeros_like(bv)}, **tol)},
    ]
    return g.json([out]), steps


def _split_heads(rng):
    """A multi-output operator whose outputs 0 and 2 are the graph's heads."""
    g = Graph()
    split = g.op("SliceChannel", "split", [g.var("data")], n_out=3, num_outputs=3, axis=1)
    x = rng.uniform(-1, 1, (2, 6)).astype(F32)
    h0 = rng.uniform(0.5, 1.5, (2, 2)).astype(F32)
    h2 = rng.uniform(0.5, 1.5, (2, 2)).astype(F32)
    grad = np.concatenate([h0, np.zeros((2, 2), F32), h2], axis=1)
    tol = {"rtol": 0, "atol": 0}
    steps = [
        {"do": "list_arguments", "expect": ["data"]},
        {"do": "list_outputs", "expect": ["split_output0", "split_output2"]},
        {"do": "infer_shape", "shapes": {"data": [2, 6]},
         "expect": {"arg_shapes": [[2, 6]], "out_shapes": [[2, 2], [2, 2]], "aux_shapes": []}},
        {"do": "bind", "args": {"data": x}, "aux": {}, "grad_req": "write"},
        {"do": "forward", "is_train": True, "expect": dict(outputs=[x[:, 0:2], x[:, 4:6]], **tol)},
        {"do": "backward", "head_grads": [h0, h2], "expect": dict(grads={"data": grad}, **tol)},
    ]
    return g.json([(split[0], 0), (split[0], 2)]), steps


def symbol_programs():
    rng = np.random.RandomState(7)
    return [("mlp_softmax", _mlp(rng, "write")), ("mlp_grad_req_add", _mlp(rng, "add")),
            ("batchnorm_train", _batchnorm(rng)), ("arithmetic_two_heads", _arithmetic(rng)),
            ("convnet_float64", _convnet(rng)), ("bind_shape_error", _bad_bind(rng)),
            ("shared_input_blockgrad", _shared_input(rng)), ("split_heads", _split_heads(rng))]


# ------------------------------------------------------------------ engine sequences
# A step is (op, params, input names, out name). NUMPY gives each op's effect.
NUMPY = {
    "elemwise_add": lambda p, a, b: a + b,
    "elemwise_sub": lambda p, a, b: a - b,
    "elemwise_mul": lambda p, a, b: a * b,
    "_plus_scalar": lambda p, a: a + a.dtype.type(p["scalar"]),
    "_minus_scalar": lambda p, a: a - a.dtype.type(p["scalar"]),
    "_mul_scalar": lambda p, a: a * a.dtype.type(p["scalar"]),
    "_copy": lambda p, a: a.copy(),
    "relu": lambda p, a: np.maximum(a, 0),
    "_slice_assign_scalar": lambda p, a: ops.assigned(a, tuple(slice(b, e) for b, e in
                                                               zip(p["begin"], p["end"])),
                                                      p["scalar"]),
}


def _run_engine(arrays, steps):
    env = {k: v.copy() for k, v in arrays.items()}
    for op, params, ins, out in steps:
        env[out] = NUMPY[op](params, *[env[i] for i in ins]).astype(env[ins[0]].dtype)
    return env


def engine_programs():
    rng = np.random.RandomState(11)
    progs = []
    a = np.arange(6, dtype=F32).reshape(2, 3)
    b = np.ones((2, 3), F32)
    progs.append(("in_place_chain", {"a": a, "b": b}, [
        ("elemwise_add", {}, ["a", "b"], "a"),
        ("_mul_scalar", {"scalar": 2}, ["a"], "c"),
        ("_plus_scalar", {"scalar": 1}, ["a"], "a"),
        ("elemwise_sub", {}, ["c", "a"], "d"),
        ("elemwise_mul", {}, ["a", "a"], "a")]))
    x = rng.uniform(-1, 1, (3, 4)).astype(F32)
    progs.append(("read_before_write", {"x": x}, [
        ("_copy", {}, ["x"], "y"),
        ("_mul_scalar", {"scalar": 3}, ["x"], "x"),
        ("elemwise_add", {}, ["x", "y"], "z"),
        ("relu", {}, ["x"], "x")]))
    chain = []
    for i in range(30):
        chain.append(("_plus_scalar", {"scalar": 3}, ["n"], "n") if i % 3 == 0 else
                     ("_mul_scalar", {"scalar": 2}, ["n"], "n") if i % 3 == 1 else
                     ("_minus_scalar", {"scalar": 7}, ["n"], "n"))
    progs.append(("long_in_place_chain_int64", {"n": np.arange(-4, 4, dtype=np.int64)}, chain))
    p = np.arange(4, dtype=F64)
    q = np.full(4, 2.0, F64)
    progs.append(("two_arrays_interleaved", {"p": p, "q": q}, [
        ("elemwise_add", {}, ["p", "q"], "p"),
        ("elemwise_mul", {}, ["p", "q"], "q"),
        ("elemwise_sub", {}, ["q", "p"], "p"),
        ("elemwise_mul", {}, ["p", "q"], "q"),
        ("_copy", {}, ["q"], "r"),
        ("elemwise_add", {}, ["p", "p"], "q")]))
    m = np.zeros((3, 4), F32)
    progs.append(("slice_assign_in_place", {"m": m}, [
        ("_slice_assign_scalar", {"scalar": 5.0, "begin": (0, 1), "end": (2, 3)}, ["m"], "m"),
        ("_copy", {}, ["m"], "k"),
        ("_slice_assign_scalar", {"scalar": -1.0, "begin": (1, 0), "end": (3, 2)}, ["m"], "m"),
        ("elemwise_add", {}, ["m", "k"], "s")]))
    return [(name, arrays, steps, _run_engine(arrays, steps)) for name, arrays, steps in progs]


# ------------------------------------------------------------------ files
_DTYPE_FLAG = {"float32": 0, "float64": 1, "float16": 2, "uint8": 3, "int32": 4, "int8": 5,
               "int64": 6, "bool": 7}


def mxnet_params_bytes(arrays, names=None):
    """MXNet 1.x's NDArray list file (.params), written from its layout: list magic
    0x112, a reserved word, the arrays (V2 magic, dense storage, int64 shape, CPU
    context, type flag, raw little-endian data), then the names."""
    out = [struct.pack("<QQ", 0x112, 0), struct.pack("<Q", len(arrays))]
    for a in arrays:
        a = np.ascontiguousarray(a)
        out.append(struct.pack("<Ii", 0xF993FAC9, 0))
        out.append(struct.pack("<I", a.ndim) + struct.pack("<%dq" % a.ndim, *a.shape))
        out.append(struct.pack("<iii", 1, 0, _DTYPE_FLAG[a.dtype.name]))
        out.append(a.astype(a.dtype.newbyteorder("<")).tobytes())
    names = names or []
    out.append(struct.pack("<Q", len(names)))
    for n in names:
        out.append(struct.pack("<Q", len(n.encode())) + n.encode())
    return b"".join(out)


def io_cases():
    """(name, action, payload) for save/load round trips and loads of given bytes."""
    rng = np.random.RandomState(13)
    named = {"arg:fc1_weight": rng.uniform(-1, 1, (3, 4)).astype(F32),
             "arg:fc1_bias": rng.uniform(-1, 1, (3,)).astype(F32),
             "aux:bn_moving_var": rng.uniform(0, 1, (2, 2, 2)).astype(F64),
             "counts": np.array([0, -3, 2 ** 31 - 1], np.int32),
             "ids": np.array([[2 ** 40, -1]], np.int64),
             "bytes": np.array([0, 7, 255], np.uint8),
             "small": np.array([-128, 0, 127], np.int8),
             "half": np.array([1.5, -2.0, 65504.0, 6e-8], np.float16),
             "mask": np.array([[True, False, True]], np.bool_)}
    special = np.array([0.0, -0.0, np.inf, -np.inf, np.nan, 1e-45, 3.4028235e38], F32)
    cases = [
        ("round_trip_dict", "save_load", {"arrays": named}),
        ("round_trip_list", "save_load", {"arrays": [rng.uniform(-1, 1, (2, 3)).astype(F32),
                                                     np.arange(5, dtype=np.int64)]}),
        ("round_trip_special_floats", "save_load", {"arrays": {"special": special}}),
    ]
    w = rng.uniform(-1, 1, (2, 3)).astype(F32)
    m = np.array([1, 2, 3], np.int32)
    d = rng.uniform(-1, 1, (2, 1, 2)).astype(F64)
    k = np.array([-2 ** 40, 3], np.int64)
    good = mxnet_params_bytes([w, m, d, k], ["arg:w", "aux:m", "arg:d", "k"])
    cases += [
        ("mxnet_bytes_dict", "load", {"file_hex": good.hex(),
                                      "expect": {"arrays": {"arg:w": w, "aux:m": m, "arg:d": d, "k": k}}}),
        ("mxnet_bytes_list", "load", {"file_hex": mxnet_params_bytes([w]).hex(),
                                      "expect": {"arrays": [w]}}),
        ("missing_file", "load", {"file_hex": None,
                                  "expect_error": {"kind": "MXL_ERR_IO", "contains": ["<file>"]}}),
        ("not_a_params_file", "load", {"file_hex": b"this is not an MXNet file\n".hex(),
                                       "expect_error": {"kind": "MXL_ERR_IO", "contains": ["<file>"]}}),
        ("truncated_file", "load", {"file_hex": good[:len(good) - 30].hex(),
                                    "expect_error": {"kind": "MXL_ERR_IO", "contains": ["<file>"]}}),
    ]
    # Corrupt files (issue 5, reliability): each header field out of its domain. A file
    # must never load an array whose size does not match its bytes.
    def header(ndim_and_dims, flag=0, magic=0xF993FAC9):
        return (struct.pack("<QQQ", 0x112, 0, 1) + struct.pack("<Ii", magic, 0) + ndim_and_dims
                + struct.pack("<iii", 1, 0, flag))
    dims = lambda *d: struct.pack("<I", len(d)) + struct.pack("<%dq" % len(d), *d)
    one = mxnet_params_bytes([m], ["m"])
    bad_files = [
        ("file_dims_overflow", header(dims(2 ** 32, 2 ** 32)) + struct.pack("<Q", 0), ["overflow"]),
        ("file_negative_dim", header(dims(-4, 2)) + struct.pack("<Q", 0), ["negative"]),
        ("file_bad_dtype_flag", header(dims(2), flag=42) + b"\0" * 8 + struct.pack("<Q", 0), ["dtype", "42"]),
        ("file_too_many_dims", header(dims(*([1] * 11))) + b"\0" * 4 + struct.pack("<Q", 0), ["dimensions"]),
        ("file_data_cut_short", header(dims(1000, 1000)) + b"\0" * 64 + struct.pack("<Q", 0), ["<file>"]),
        ("file_huge_array_count", struct.pack("<QQQ", 0x112, 0, 2 ** 62), ["count"]),
        ("file_sparse_storage", struct.pack("<QQQ", 0x112, 0, 1) + struct.pack("<Ii", 0xF993FAC9, 1), ["sparse"]),
        ("file_name_length_huge", one[:-(8 + 1)] + struct.pack("<Q", 2 ** 62) + b"m", ["name length"]),
        ("file_names_count_mismatch", one[:-(8 + 8 + 1)] + struct.pack("<Q", 3) + one[-(8 + 1):], ["names"]),
        ("file_trailing_bytes", one + b"extra", ["trailing"]),
        ("file_empty", b"", ["<file>"]),
    ]
    for name, data, fragments in bad_files:
        cases.append((name, "load", {"file_hex": data.hex(),
                                     "expect_error": {"kind": "MXL_ERR_IO", "contains": fragments}}))
    return cases
