"""Network pictures and summaries (MXNet's mx.viz).

print_summary prints a table of layers with output shapes and parameter counts;
plot_network draws the graph with graphviz (the optional `graphviz` Python package),
with tensor shapes on the edges when input shapes are given.
"""
import json

import numpy as np


# Variables whose names end like this are parameters or states of an op, not inputs.
_PARAM_SUFFIXES = ("_weight", "_bias", "_beta", "_gamma", "_moving_var", "_moving_mean",
                   "_running_var", "_running_mean")


def _graph(symbol):
    conf = json.loads(symbol.tojson())
    return conf["nodes"], conf.get("heads", [])


def _graph_and_shapes(caller, symbol, shape):
    """Checked arguments -> (the graph's nodes, node output name -> shape)."""
    from .symbol import Symbol
    if not isinstance(symbol, Symbol):
        raise TypeError("%s: symbol must be an mx.sym.Symbol, got %s" % (caller, type(symbol).__name__))
    if shape is not None and not isinstance(shape, dict):
        raise TypeError("%s: shape must be a dict of input name -> shape" % caller)
    return _graph(symbol)[0], _node_shapes(symbol, shape)


def _node_shapes(symbol, shape):
    """name of each node output -> shape, from inference over the internals (empty
    without input shapes)."""
    if not shape:
        return {}
    internals = symbol.get_internals()
    _, out_shapes, _ = internals.infer_shape_partial(**shape)
    return {name: tuple(s) for name, s in zip(internals.list_outputs(), out_shapes or []) if s}


def _output_key(node, idx=0):
    if node["op"] == "null":
        return node["name"]
    return node["name"] + "_output"


def _shape_of(shapes, node):
    s = shapes.get(_output_key(node))
    if s is None and node["op"] != "null":  # several outputs: name_output0, ...
        s = shapes.get(node["name"] + "_output0")
    return s


def _is_input(node, shape):
    """A variable fed with data (shown as a layer), not a parameter or state."""
    name = node["name"]
    if node["op"] != "null" or name.endswith("label"):
        return False
    return name in shape if shape else not name.endswith(_PARAM_SUFFIXES)


def _counts_as_param(node, shape, aux_names):
    """A trained variable: counted in Param # (labels and aux states are not)."""
    name = node["name"]
    return (node["op"] == "null" and not _is_input(node, shape) and not name.endswith("label")
            and name not in aux_names)


def print_summary(symbol, shape=None, line_length=120, positions=(.44, .64, .74, 1.)):
    """Print each layer with its output shape (batch axis dropped), parameter count and
    input layers, then the total number of parameters. shape: {input name: shape}."""
    nodes, shapes = _graph_and_shapes("print_summary", symbol, shape)
    positions = list(positions)
    if positions[-1] <= 1:
        positions = [int(line_length * p) for p in positions]
    fields = ["Layer (type)", "Output Shape", "Param #", "Previous Layer"]

    def row(cols):
        line = ""
        for i, col in enumerate(cols):
            line += str(col)
            line = line[:positions[i]]
            line += " " * (positions[i] - len(line))
        print(line)

    print("_" * line_length)
    row(fields)
    print("=" * line_length)
    total = 0
    aux_names = set(symbol.list_auxiliary_states())
    shown = [n for n in nodes if n["op"] != "null" or _is_input(n, shape)]
    for k, node in enumerate(shown):
        params = 0
        previous = []
        for inp in node.get("inputs", []):
            src = nodes[inp[0]]
            if src["op"] != "null" or _is_input(src, shape):
                previous.append(src["name"])
            elif _counts_as_param(src, shape, aux_names):
                s = shapes.get(src["name"])
                if s is not None:
                    params += int(np.prod(s))
        total += params
        out = _shape_of(shapes, node)
        out_str = "x".join(str(d) for d in out[1:]) if out is not None and len(out) > 1 else ""
        row(["%s(%s)" % (node["name"], node["op"]), out_str, params, previous[0] if previous else ""])
        for extra in previous[1:]:
            row(["", "", "", extra])
        print(("=" if k == len(shown) - 1 else "_") * line_length)
    print("Total params: %d" % total)
    print("_" * line_length)


def _label_for(node):
    """Box text per op type, in the spirit of MXNet's pictures."""
    op, attrs = node["op"], node.get("attrs", node.get("attr", {})) or {}

    def tup(key):
        """'(3, 3)' -> '3x3'; a missing stride is 1 along each kernel axis."""
        text = attrs.get(key)
        if text is None:
            text = ",".join("1" for _ in attrs.get("kernel", "(1)").split(","))
        return "x".join(v.strip() for v in text.strip("()[]").split(",") if v.strip())
    if op == "Convolution" or op == "Deconvolution":
        return r"%s\n%s/%s, %s" % (op, tup("kernel"), tup("stride"), attrs.get("num_filter", ""))
    if op == "FullyConnected":
        return r"FullyConnected\n%s" % attrs.get("num_hidden", "")
    if op == "Activation" or op == "LeakyReLU":
        return r"%s\n%s" % (op, attrs.get("act_type", ""))
    if op == "Pooling":
        return r"Pooling\n%s, %s/%s" % (attrs.get("pool_type", "max"), tup("kernel"), tup("stride"))
    return op


_COLORS = {"Convolution": "#fb8072", "Deconvolution": "#fb8072", "FullyConnected": "#fb8072",
           "BatchNorm": "#bebada", "Activation": "#ffffb3", "LeakyReLU": "#ffffb3", "Pooling": "#80b1d3",
           "Concat": "#fdb462", "Flatten": "#fdb462", "Reshape": "#fdb462", "SoftmaxOutput": "#b3de69",
           "Softmax": "#b3de69", "softmax": "#b3de69", "Dropout": "#fccde5"}


def plot_network(symbol, title="plot", save_format="pdf", shape=None, dtype=None, node_attrs=None,
                 hide_weights=True):
    """The network as a graphviz.Digraph (render() or view() it). shape: {input name:
    shape} puts tensor shapes on the edges. hide_weights: leave out parameter variables.
    Needs the `graphviz` Python package (pip install graphviz)."""
    try:
        from graphviz import Digraph
    except ImportError as e:
        raise ImportError("plot_network needs the graphviz Python package: pip install graphviz "
                          "(and the Graphviz 'dot' program to render)") from e
    nodes, shapes = _graph_and_shapes("plot_network", symbol, shape)
    attrs = {"shape": "box", "fixedsize": "true", "width": "1.3", "height": "0.8034", "style": "filled"}
    attrs.update(node_attrs or {})
    dot = Digraph(name=title, format=save_format)
    hidden = set()
    for i, node in enumerate(nodes):
        name = node["name"]
        if node["op"] == "null":
            if hide_weights and not _is_input(node, shape):
                hidden.add(i)
                continue
            dot.node(name=name, label=name, **dict(attrs, shape="oval", fillcolor="#8dd3c7"))
        else:
            dot.node(name=name, label=_label_for(node), **dict(attrs, fillcolor=_COLORS.get(node["op"], "#fccde5")))
    for node in nodes:
        if node["op"] == "null":
            continue
        for inp in node.get("inputs", []):
            if inp[0] in hidden:
                continue
            src = nodes[inp[0]]
            edge = {"dir": "back", "arrowtail": "open"}
            s = _shape_of(shapes, src)
            if s is not None:
                edge["label"] = "x".join(str(d) for d in s[1:])
            dot.edge(tail_name=node["name"], head_name=src["name"], **edge)
    return dot
