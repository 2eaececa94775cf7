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
    add("empty_range", "_arange", [], {"start": 0, "stop": 3, "step": -1}, ARG, ["_arange"])
    idx = np.array([0, 1], F)
    # Required parameters left out.
    for op, inputs, params, name in [
            ("SliceChannel", [_a(2, 6)], {}, "num_outputs"),
            ("Pooling", [_a(1, 1, 4, 4)], {"pool_type": "max"}, "kernel"),
            ("UpSampling", [_a(1, 1, 2, 2)], {"sample_type": "nearest", "num_args": 1}, "scale"),
            ("Embedding", [idx, _a(3, 4)], {"output_dim": 4}, "input_dim"),
            ("Cast", [_a(2, 3)], {}, "dtype"),
            ("clip", [_a(2, 3)], {"a_min": 0.5}, "a_max"),
            ("_full", [], {"shape": (2,)}, "value"),
            ("Activation", [_a(2, 3)], {}, "act_type")]:
        add("missing_" + name, op, inputs, params, ARG, [op, name])
    # Parameter values outside their domain.
    for tag, op, inputs, params, contains in [
            ("bad_begin", "slice", [_a(3, 4)], {"begin": (0, 0, 0), "end": (1, 1, 1)}, ["slice", "begin"]),
            ("bad_range", "slice_axis", [_a(3, 4)], {"axis": 1, "begin": 3, "end": 1}, ["slice_axis"]),
            ("bad_reps", "tile", [_a(2, 3)], {"reps": (0, -1)}, ["tile", "reps"]),
            ("bad_sample_type", "UpSampling", [_a(1, 1, 2, 2)],
             {"scale": 2, "sample_type": "bilinearx", "num_args": 1}, ["sample_type", "bilinearx"]),
            ("bad_axis", "swapaxes", [_a(2, 3)], {"dim1": 0, "dim2": 5}, ["SwapAxis", "5"]),
            ("bad_pad_width", "Pad", [_a(1, 1, 3, 3)], {"mode": "constant", "pad_width": (0, 0, 1, 1)},
             ["Pad", "pad_width"]),
            ("bad_temperature", "softmax", [_a(2, 3)], {"temperature": 0.0}, ["softmax", "temperature"]),
            ("negative_shape", "_zeros", [], {"shape": (2, -3)}, ["_zeros", "shape"]),
            ("bad_num", "_linspace", [], {"start": 0, "stop": 1, "num": -2}, ["_linspace", "num"]),
            ("bad_N", "_eye", [], {"N": -1}, ["_eye", "N"]),
            ("bad_num_group", "Convolution", [_a(1, 2, 5, 5), _a(3, 2, 3, 3), _a(3)],
             {"kernel": (3, 3), "num_filter": 3, "num_group": 2}, ["Convolution", "num_group"]),
            ("repeated_axis", "sum", [_a(2, 3)], {"axis": (0, 0)}, ["sum", "axes"]),
            ("bad_ord", "norm", [_a(2, 3)], {"ord": 3}, ["norm", "ord"]),
            ("tuple_axis", "argmax", [_a(2, 3)], {"axis": (0, 1)}, ["argmax", "axis"]),
            ("bad_is_ascend", "sort", [_a(2, 3)], {"is_ascend": "maybe"}, ["sort", "is_ascend"]),
            ("bad_ret_typ", "topk", [_a(2, 3)], {"ret_typ": "nope"}, ["topk", "ret_typ"]),
            ("bad_axis", "repeat", [_a(2, 3)], {"repeats": 2, "axis": 4}, ["repeat", "axis"]),
            ("too_many_axes", "transpose", [_a(2, 3)], {"axes": (0, 1, 2)}, ["transpose", "axes"]),
            ("bad_axis", "LayerNorm", [_a(2, 3), _a(3), _a(3)], {"axis": 3}, ["LayerNorm", "axis"]),
            ("bad_mode", "SoftmaxActivation", [_a(2, 3)], {"mode": "nope"}, ["mode", "nope"]),
            ("bad_scalar", "smooth_l1", [_a(2, 3)], {"scalar": "x"}, ["smooth_l1", "scalar"]),
            ("bad_dim", "Concat", [_a(2, 3), _a(2, 3)], {"num_args": 2, "dim": 5}, ["Concat", "5"]),
            ("bad_axis", "stack", [_a(2, 3), _a(2, 3)], {"num_args": 2, "axis": 5}, ["stack", "axis"]),
            ("bad_normalization", "MakeLoss", [_a(2, 3)], {"normalization": "nope"}, ["normalization"]),
            ("bad_normalization", "SoftmaxOutput", [_a(3, 4), np.array([0, 1, 2], F)],
             {"normalization": "nope"}, ["normalization"]),
            ("bad_p", "Dropout", [_a(2, 3)], {"p": 1.5}, ["Dropout", "1.5"]),
            ("bad_depth", "one_hot", [idx], {"depth": -1}, ["one_hot", "depth"]),
            ("bad_dtype", "argsort", [_a(2, 3)], {"dtype": "nope"}, ["argsort", "dtype"]),
            ("bad_low_high", "_random_uniform", [], {"low": 2, "high": 1, "shape": (2,)}, ["low", "high"]),
            ("bad_scale", "_random_normal", [], {"scale": -1, "shape": (2,)}, ["scale"]),
            ("bad_low_high", "_random_randint", [], {"low": 5, "high": 5, "shape": (2,)}, ["low", "high"]),
            ("bad_lam", "_random_exponential", [], {"lam": -1, "shape": (2,)}, ["lam"]),
            ("bad_alpha", "_random_gamma", [], {"alpha": -1, "shape": (2,)}, ["alpha"]),
            ("bad_lam", "_random_poisson", [], {"lam": -1, "shape": (2,)}, ["lam"])]:
        add(tag, op, inputs, params, ARG, contains)
    # Shapes that do not agree.
    for tag, op, inputs, params in [
            ("uneven_split", "SliceChannel", [_a(2, 6)], {"num_outputs": 4}),
            ("kernel_too_large", "Pooling", [_a(1, 1, 4, 4)], {"kernel": (5, 5), "pool_type": "max"}),
            ("block_size", "depth_to_space", [_a(1, 8, 2, 3)], {"block_size": 3}),
            ("block_size", "space_to_depth", [_a(1, 2, 4, 6)], {"block_size": 4}),
            ("not_one", "squeeze", [_a(2, 3)], {"axis": 0}),
            ("not_one", "broadcast_axis", [_a(2, 3)], {"axis": 0, "size": 3}),
            ("index_shape", "pick", [_a(3, 4), idx], {}),
            ("two_unknown", "Reshape", [_a(2, 3)], {"shape": (-1, -1)}),
            ("weight", "Deconvolution", [_a(1, 2, 3, 3), _a(3, 3, 3, 3)],
             {"kernel": (3, 3), "num_filter": 3, "no_bias": True}),
            ("transposed", "dot", [_a(3, 4), _a(4, 5)], {"transpose_a": True}),
            ("rhs", "_slice_assign", [_a(3, 4), _a(3, 3)], {"begin": (0, 1), "end": (2, 3)}),
            ("two_dims", "batch_dot", [_a(3, 4), _a(4, 5)], {}),
            ("larger", "slice_like", [_a(2, 3), _a(4, 5)], {})]:
        add(tag, op, inputs, params, SHAPE, [op])
    for op in ("LinearRegressionOutput", "LogisticRegressionOutput", "MAERegressionOutput"):
        add("label_shape", op, [_a(3, 2), _a(3, 3)], {}, SHAPE, [op, "label"])
    # Indices out of range.
    add("out_of_range", "take", [_a(3, 4), np.array([0, 9], F)], {"mode": "raise"}, "MXL_ERR_INDEX",
        ["take", "9"])
    add("out_of_range", "gather_nd", [_a(3, 4), np.array([[0, 5], [1, 1]], F)], {}, "MXL_ERR_INDEX",
        ["gather_nd", "5"])
    add("out_of_range", "scatter_nd", [_a(2), np.array([[0, 2], [1, 3]], F)], {"shape": (1, 1)},
        "MXL_ERR_INDEX", ["scatter_nd"])
    # Optimizer updates: the learning rate is required, the gradient has the weight's shape.
    from .optimizers import UPDATES
    for op, (_, updates) in UPDATES.items():
        n_states = len(updates)
        dt = np.float16 if op.startswith("mp_") else F
        states = [_a(2, 3) for _ in range(n_states)]
        if op != "_adadelta_update":
            add("missing_lr", op, [_a(2, 3).astype(dt), _a(2, 3).astype(dt)] + states,
                {"t": 1} if op == "ftml_update" else {}, ARG, [op, "lr"])
        params = {} if op == "_adadelta_update" else {"lr": 0.1}
        if op == "ftml_update":
            params["t"] = 1
        add("grad_shape", op, [_a(2, 3).astype(dt), _a(3, 2).astype(dt)] + states, params, SHAPE, [op])
    # Fewer inputs than the operator takes.
    for op, inputs, params in [("elemwise_add", [_a(2, 3)], {}),
                               ("LeakyReLU", [_a(2, 3)], {"act_type": "prelu"}),
                               ("Convolution", [_a(1, 2, 5, 5), _a(3, 2, 3, 3)], {"kernel": (3, 3), "num_filter": 3}),
                               ("FullyConnected", [_a(2, 3), _a(4, 3)], {"num_hidden": 4}),
                               ("BatchNorm", [_a(2, 3, 4), _a(3), _a(3), _a(3)], {}),
                               ("stack", [_a(2, 3), _a(2, 3)], {"num_args": 3})]:
        add("missing_input", op, inputs, params, ARG, [op, "input"])
    # Bad sizes and values (issue 5, reliability): negative dims, element counts or byte
    # sizes that overflow 64 bits, allocations no machine has, dtypes that do not match,
    # run-time failures. Each must be a clear error, never a crash or a wrapped size.
    OOM, DTYPE, INDEX, ARITH = "MXL_ERR_OUT_OF_MEMORY", "MXL_ERR_DTYPE", "MXL_ERR_INDEX", "MXL_ERR_ARITHMETIC"
    i32 = _a(3).astype(np.int32)
    for tag, op, inputs, params, kind, contains in [
            ("negative_dim", "_zeros", [], {"shape": "(-1, 2)"}, ARG, ["_zeros", "negative", "(-1, 2)"]),
            ("negative_dim_last", "_ones", [], {"shape": "(2, -3)"}, ARG, ["_ones", "negative", "(2, -3)"]),
            ("negative_dim", "_random_normal", [], {"shape": "(-2,)"}, ARG, ["_random_normal", "shape", "(-2,)"]),
            ("negative_dim", "broadcast_to", [_a(1, 3)], {"shape": "(-2, 3)"}, ARG, ["broadcast_to", "shape"]),
            ("negative_reps", "tile", [_a(2, 3)], {"reps": "(-1, 2)"}, ARG, ["tile", "reps"]),
            ("negative_repeats", "repeat", [_a(2, 3)], {"repeats": "-1"}, ARG, ["repeat", "repeats"]),
            ("negative_depth", "one_hot", [_a(3)], {"depth": "-1"}, ARG, ["one_hot", "depth", "-1"]),
            ("negative_n", "_eye", [], {"N": "-1"}, ARG, ["_eye", "N", "-1"]),
            ("negative_hidden", "FullyConnected", [_a(2, 3), _a(4, 3), _a(4)], {"num_hidden": "-1"}, ARG,
             ["FullyConnected", "num_hidden"]),
            ("negative_input_dim", "Embedding", [_a(2), _a(4, 3)], {"input_dim": "-1", "output_dim": "3"}, ARG,
             ["Embedding", "input_dim"]),
            ("negative_kernel", "Pooling", [_a(1, 1, 4, 4)], {"kernel": "(-1, -1)"}, ARG, ["Pooling", "kernel"]),
            ("zero_kernel", "Convolution", [_a(1, 1, 5, 5), _a(1, 1, 3, 3), _a(1)],
             {"kernel": "(0, 0)", "num_filter": "1"}, ARG, ["Convolution", "kernel"]),
            ("zero_stride", "Convolution", [_a(1, 1, 5, 5), _a(1, 1, 3, 3), _a(1)],
             {"kernel": "(3, 3)", "num_filter": "1", "stride": "(0, 0)"}, ARG, ["Convolution", "stride"]),
            ("dims_overflow", "_ones", [], {"shape": "(4294967296, 4294967296)"}, SHAPE, ["overflows"]),
            ("dims_overflow", "_eye", [], {"N": "10000000000", "M": "10000000000"}, SHAPE, ["overflows"]),
            ("dims_overflow", "Reshape", [_a(2, 3)], {"shape": "(4294967296, 4294967296)"}, SHAPE, ["overflows"]),
            ("reps_overflow", "tile", [_a(2, 3)], {"reps": "(4294967296, 4294967296)"}, SHAPE, ["overflows"]),
            ("repeats_overflow", "repeat", [_a(2, 3)], {"repeats": "9223372036854775807"}, ARG,
             ["repeat", "too large"]),
            ("count_overflow", "_arange", [], {"start": "0", "stop": "1e19"}, ARG, ["_arange", "too many"]),
            ("dim_over_int64", "_zeros", [], {"shape": "(2, 9223372036854775808)"}, ARG, ["_zeros", "shape"]),
            ("bytes_overflow", "_full", [], {"shape": "(2147483648, 2147483648)", "value": "1"}, OOM,
             ["(2147483648, 2147483648)", "overflows"]),
            ("huge_alloc", "_zeros", [], {"shape": "(1099511627776, 1024)"}, OOM, ["out of memory"]),
            ("huge_alloc", "_random_uniform", [], {"shape": "(1099511627776, 1024)"}, OOM, ["out of memory"]),
            ("huge_alloc", "one_hot", [_a(3)], {"depth": "1099511627776000"}, OOM, ["out of memory"]),
            ("too_many_dims", "_zeros", [], {"shape": "(1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1)"}, ARG, ["_zeros", "shape"]),
            ("too_many_dims", "expand_dims", [_a(1, 1, 1, 1, 1, 1, 1, 1, 1, 1)], {"axis": "0"}, SHAPE,
             ["expand_dims", "10"]),
            ("malformed_shape", "_zeros", [], {"shape": "(2, 3"}, ARG, ["_zeros", "shape", "(2, 3"]),
            ("bad_value", "_full", [], {"shape": "(2,)", "value": "abc"}, ARG, ["_full", "value", "abc"]),
            ("unknown_dtype", "_zeros", [], {"shape": "(2,)", "dtype": "complex64"}, ARG, ["_zeros", "complex64"]),
            ("unknown_dtype", "Cast", [_a(2)], {"dtype": "complex64"}, ARG, ["Cast", "complex64"]),
            ("dtype_mismatch", "elemwise_add", [_a(2, 3), _a(2, 3).astype(np.float64)], {}, DTYPE,
             ["elemwise_add", "float64", "float32"]),
            ("dtype_mismatch", "dot", [_a(2, 3).astype(np.int32), _a(3, 2)], {}, DTYPE, ["dot", "int32", "float32"]),
            ("batch_mismatch", "batch_dot", [_a(2, 3, 4), _a(3, 4, 5)], {}, SHAPE, ["batch_dot", "(2, 3, 4)"]),
            ("size_mismatch", "Reshape", [_a(2, 3)], {"shape": "(4,)"}, SHAPE, ["Reshape", "(2, 3)", "(4,)"]),
            ("repeated_axis", "transpose", [_a(2, 3)], {"axes": "(0, 0)"}, ARG, ["transpose", "(0, 0)"]),
            ("index_raise", "take", [_a(3, 2), np.array([0, 7], F)], {"mode": "raise"}, INDEX, ["take", "7"]),
            ("int_div_zero", "elemwise_div", [i32, np.zeros(3, np.int32)], {}, ARITH, ["division by zero"]),
            ("int_mod_zero", "_mod", [i32, np.zeros(3, np.int32)], {}, ARITH, ["_mod", "division by zero"]),
            ("swap_0d", "SwapAxis", [np.array(1.5, F)], {}, ARG, ["SwapAxis", "0-d"]),
            # samplers: parameters outside the distribution's domain, parameter arrays that disagree
            ("bad_alpha", "_sample_gamma", [np.array([1, -1], F), np.array([1, 1], F)], {}, ARG,
             ["_sample_gamma", "alpha", "-1"]),
            ("bad_p", "_sample_negative_binomial", [np.array([1], F), np.array([1.5], F)], {}, ARG,
             ["_sample_negative_binomial", "p", "1.5"]),
            ("bad_alpha", "_sample_generalized_negative_binomial", [np.array([1], F), np.array([-1], F)], {},
             ARG, ["_sample_generalized_negative_binomial", "alpha"]),
            ("bad_k", "_random_negative_binomial", [], {"k": -1, "shape": (2,)}, ARG,
             ["_random_negative_binomial", "k"]),
            ("bad_mu", "_random_generalized_negative_binomial", [], {"mu": -1, "shape": (2,)}, ARG,
             ["_random_generalized_negative_binomial", "mu"]),
            ("bad_row", "_sample_multinomial", [np.array([[0.5, -0.5]], F)], {}, ARG,
             ["_sample_multinomial", "probabilities", "row 0"]),
            ("shape", "_sample_uniform", [_a(2), _a(3)], {}, SHAPE, ["_sample_uniform", "(2,)", "(3,)"]),
            ("negative_shape", "_sample_exponential", [_a(1)], {"shape": (-1,)}, ARG,
             ["_sample_exponential", "shape"]),
            ("negative_shape", "_sample_poisson", [_a(1)], {"shape": (2, -1)}, ARG, ["_sample_poisson", "shape"]),
    ]:
        add(tag, op, inputs, params, kind, contains)
    # op families with their own case modules: ERROR_CASES, (tag, op, inputs, params, kind, contains)
    from .cases import EXTRA_MODULES
    for m in EXTRA_MODULES:
        for tag, op, inputs, params, kind, contains in getattr(m, "ERROR_CASES", ()):
            add(tag, op, inputs, params, kind, contains)
    return out


def no_input_case(op, params):
    """An operator of one input called with none (every unary operator has this)."""
    return ErrorCase("no_input", op, [], params, ARG, [REGISTERED_NAME.get(op, op), "input"])


# Messages name an operator by its registered name, also when it was called by an
# alias (as MXNet does): the aliases the case table calls, and their operator.
REGISTERED_NAME = {"swapaxes": "SwapAxis", "identity": "_copy"}


def unknown_param_case(op, inputs, params):
    """The case every operator has: an unknown parameter name."""
    p = dict(params)
    p["no_such_param"] = "1"
    return ErrorCase("unknown_param", op, inputs, p, NOT_FOUND,
                     [REGISTERED_NAME.get(op, op), "no_such_param"])
