"""Error cases: what a bad call must fail with (kind from the C ABI + message fragments).

Every operator gets the generic bad-parameter case (an unknown parameter name is
MXL_ERR_NOT_FOUND naming the parameter); families get the errors their users meet:
operands whose shapes do not agree (MXL_ERR_SHAPE naming the operator), parameter
values out of their domain (MXL_ERR_INVALID_ARGUMENT naming the parameter), a missing
required parameter. The kinds follow the definitions in c_api.h.
"""
import numpy as np

F = np.float32


def _a(*shape):
    """Inputs of error cases: the values never matter, only shapes and dtypes."""
    return np.arange(int(np.prod(shape)), dtype=F).reshape(shape) / 7 + 0.5


SHAPE, ARG, NOT_FOUND = "MXL_ERR_SHAPE", "MXL_ERR_INVALID_ARGUMENT", "MXL_ERR_NOT_FOUND"


class ErrorCase:
    def __init__(self, tag, op, inputs, params, kind, contains):
        self.tag = tag
        self.op = op
        self.inputs = inputs
        self.params = params
        self.kind = kind
        self.contains = contains


ELEMWISE_BINARY = ["elemwise_add", "elemwise_sub", "elemwise_mul", "elemwise_div", "_mod", "_power",
                   "_maximum", "_minimum", "_hypot", "_equal", "_not_equal", "_greater",
                   "_greater_equal", "_lesser", "_lesser_equal", "_logical_and", "_logical_or",
                   "_logical_xor"]
REDUCE = ["sum", "mean", "max", "min", "prod", "nansum", "nanprod", "argmax", "argmin", "norm"]
AXIS_OPS = ["softmax", "log_softmax", "softmin", "expand_dims", "sort", "argsort", "topk",
            "reverse", "slice_axis", "take", "pick"]


def family_cases(names):
    """The targeted error cases of the operators in names (an op missing from names
    gets none: the table follows the registry's cases)."""
    out = []

    def add(tag, op, inputs, params, kind, contains):
        if op in names:
            out.append(ErrorCase(tag, op, inputs, params, kind, contains))

    for op in ELEMWISE_BINARY:
        add("shape", op, [_a(2, 3), _a(3, 2)], {}, SHAPE, [op])
    for op in [n for n in sorted(names) if n.startswith("broadcast_") and n not in
               ("broadcast_to", "broadcast_like", "broadcast_axis")]:
        add("shape", op, [_a(2, 3), _a(4, 3)], {}, SHAPE, [op])
    for op in [n for n in sorted(names) if n.startswith("_") and n.endswith("_scalar")
               and n != "_slice_assign_scalar"]:
        add("bad_scalar", op, [_a(2, 3)], {"scalar": "abc"}, ARG, ["scalar", "abc"])
    for op in REDUCE:
        add("bad_axis", op, [_a(2, 3)], {"axis": 5}, ARG, ["axis"])
    for op in AXIS_OPS:
        inputs = [_a(3, 4)] + ([np.array([0, 1, 2], F)] if op in ("take", "pick") else [])
        params = {"axis": 5}
        if op == "slice_axis":
            params.update(begin=0, end=1)
        add("bad_axis", op, inputs, params, ARG, ["axis"])
    add("shape", "dot", [_a(3, 4), _a(5, 2)], {}, SHAPE, ["dot"])
    add("shape", "batch_dot", [_a(2, 3, 4), _a(2, 5, 6)], {}, SHAPE, ["batch_dot"])
    add("bad_axes", "transpose", [_a(2, 3)], {"axes": (0, 0)}, ARG, ["axes"])
    add("bad_size", "Reshape", [_a(2, 3, 4)], {"shape": (5, -1)}, SHAPE, ["Reshape"])
    add("shape", "Concat", [_a(2, 3), _a(3, 3)], {"dim": 1, "num_args": 2}, SHAPE, ["Concat"])
    add("shape", "stack", [_a(2, 3), _a(3, 2)], {"axis": 0, "num_args": 2}, SHAPE, ["stack"])
    add("shape", "broadcast_to", [_a(2, 3)], {"shape": (4, 5)}, SHAPE, ["broadcast_to"])
    add("shape", "broadcast_like", [_a(2, 3), _a(4, 5)], {}, SHAPE, ["broadcast_like"])
    add("shape", "where", [_a(2, 3), _a(2, 3), _a(3, 2)], {}, SHAPE, ["where"])
    add("shape", "reshape_like", [_a(2, 3), _a(4, 5)], {}, SHAPE, ["reshape_like"])
    add("bad_act_type", "Activation", [_a(2, 3)], {"act_type": "nope"}, ARG, ["act_type", "nope"])
    add("bad_act_type", "LeakyReLU", [_a(2, 3)], {"act_type": "nope"}, ARG, ["act_type", "nope"])
    add("bad_pool_type", "Pooling", [_a(1, 1, 4, 4)], {"kernel": (2, 2), "pool_type": "nope"},
        ARG, ["pool_type", "nope"])
    add("bad_mode", "Pad", [_a(1, 1, 3, 3)], {"mode": "nope", "pad_width": (0, 0, 0, 0, 1, 1, 1, 1)},
        ARG, ["mode", "nope"])
    add("bad_dtype", "Cast", [_a(2, 3)], {"dtype": "float7"}, ARG, ["dtype", "float7"])
    add("missing_num_hidden", "FullyConnected", [_a(2, 3), _a(4, 3), _a(4)], {}, ARG, ["num_hidden"])
    add("shape", "FullyConnected", [_a(2, 3), _a(4, 5), _a(4)], {"num_hidden": 4}, SHAPE,
        ["FullyConnected"])
    add("missing_kernel", "Convolution", [_a(1, 2, 5, 5), _a(3, 2, 3, 3), _a(3)], {"num_filter": 3},
        ARG, ["kernel"])
    add("shape", "Convolution", [_a(1, 2, 5, 5), _a(3, 4, 3, 3), _a(3)],
        {"kernel": (3, 3), "num_filter": 3}, SHAPE, ["Convolution"])
    add("missing_kernel", "Deconvolution", [_a(1, 2, 3, 3), _a(2, 3, 3, 3)], {"num_filter": 3},
        ARG, ["kernel"])
    add("shape", "Embedding", [np.array([0, 1], F), _a(3, 5)], {"input_dim": 3, "output_dim": 4},
        SHAPE, ["Embedding"])
    add("missing_depth", "one_hot", [np.array([0, 1], F)], {}, ARG, ["depth"])
    add("shape", "BatchNorm", [_a(2, 3, 4), _a(4), _a(4), _a(4), _a(4)], {}, SHAPE, ["BatchNorm"])
    add("shape", "LayerNorm", [_a(2, 3), _a(4), _a(4)], {}, SHAPE, ["LayerNorm"])
    add("shape", "InstanceNorm", [_a(2, 3, 4), _a(4), _a(4)], {}, SHAPE, ["InstanceNorm"])
    add("shape", "SoftmaxOutput", [_a(3, 4), np.array([0, 1], F)], {}, SHAPE, ["SoftmaxOutput"])
    add("shape", "gather_nd", [_a(3, 4), np.array([[0], [1], [2]], F)], {}, SHAPE, ["gather_nd"])
    add("bad_repeats", "repeat", [_a(2, 3)], {"repeats": -1}, ARG, ["repeats"])
    add("bad_k", "topk", [_a(3, 5)], {"k": 9}, ARG, ["k"])
    for op in ("_zeros", "_ones", "_full", "_arange", "_eye", "_random_uniform", "_random_normal"):
        params = {"N": 2} if op == "_eye" else {"start": 0, "stop": 3} if op == "_arange" else \
            {"shape": (2,)}
        params["dtype"] = "float7"
        add("bad_dtype", op, [], params, ARG, ["dtype", "float7"])
    add("bad_step", "_arange", [], {"start": 0, "stop": 3, "step": 0}, ARG, ["step"])
    return out


# Messages name an operator by its registered name, also when it was called by an
# alias (as MXNet does): the aliases the case table calls, and their operator.
REGISTERED_NAME = {"swapaxes": "SwapAxis", "identity": "_copy"}


def unknown_param_case(op, inputs, params):
    """The case every operator has: an unknown parameter name."""
    p = dict(params)
    p["no_such_param"] = "1"
    return ErrorCase("unknown_param", op, inputs, p, NOT_FOUND,
                     [REGISTERED_NAME.get(op, op), "no_such_param"])
