"""Writes the operator reference (docs/_generated/operators.rst) from the registry.

Nothing is listed by hand: every name comes from mxl_op_list, every description,
input, parameter (type, default, doc) and flag from mxl_op_info / mxl_op_flags,
read through the Python binding (mxlite._ops). Run by conf.py at build time;
also runnable alone: python docs/_ext/gen_operators.py OUT.rst
"""
import sys

import rst_text

FLAG_NAMES = [(1, "differentiable"), (2, "random"), (4, "mutates inputs"),
              (8, "CUDA kernel"), (32, "CPU only")]
HIDDEN = 16


def _text_block(text, indent=""):
    """A registry description as RST lines: as written when it is valid RST (some use
    '::' blocks), else escaped prose, else (never seen so far) a literal block."""
    text = text.strip("\n")
    if not text:
        return [indent + "(no description in the registry)", ""]
    for candidate in (text, rst_text.escape(text)):
        if rst_text.is_valid(candidate):
            return [indent + line if line else "" for line in candidate.splitlines()] + [""]
    return [indent + "::", ""] + [indent + "   " + line for line in text.splitlines()] + [""]


def _literal(s):
    """A value as inline literal; `` `` is not allowed empty or with edge spaces."""
    s = s.replace("\n", " ").strip()
    return "``%s``" % s if s else "(empty)"


def collect():
    """[(canonical OpInfo, [aliases], flags)] for every registered operator, sorted."""
    from mxlite import _ops
    from mxlite._lib import ffi, lib, check_call
    import mxlite
    mxlite.context.num_gpus()  # loads the CUDA plugin when present: its kernels set MXL_OP_HAS_GPU
    by_canonical = {}
    for name in _ops.op_names():
        info = _ops.get(name)
        entry = by_canonical.setdefault(info.name, [info, []])
        if name != info.name:
            entry[1].append(name)
    out = []
    for name in sorted(by_canonical, key=str.lower):
        info, aliases = by_canonical[name]
        flags = ffi.new("int*")
        check_call(lib.mxl_op_flags(info.handle, flags))
        out.append((info, sorted(aliases), flags[0]))
    return out


def shape_example(info):
    """"data (2, 3) -> (2, 3)": the registry's shape rule applied to a small input, for
    operators that need no parameter (None where it does not apply or cannot infer)."""
    import warnings
    import mxlite
    if info.name.startswith("_") or info.variadic or info.required or not info.inputs:
        return None
    make = getattr(mxlite.sym, info.name, None)
    if make is None:
        return None
    # every input (2, 3) (elementwise, broadcasting, losses); else only the first, letting
    # the rule fill in the others (BatchNorm's gamma, beta)
    for known in ({n: (2, 3) for n in info.inputs}, {info.inputs[0]: (2, 3)}):
        try:
            sym = make(**{n: mxlite.sym.Variable(n) for n in info.inputs})
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                args, outs, _ = sym.infer_shape(**known)
        except mxlite.MXNetError:
            continue
        if args is None:
            continue
        shapes = dict(zip(sym.list_arguments(), args))
        ins = ", ".join("%s %s" % (n, shapes[n]) for n in info.inputs if n in shapes)
        return "%s → %s" % (ins, ", ".join(str(o) for o in outs))
    return None


def render_op(info, aliases, flags):
    lines = [".. _op-%s:" % info.name.lower(), "",
             info.name, "~" * len(info.name), ""]
    if aliases:
        lines += ["Also called: " + ", ".join(_literal(a) for a in aliases) + ".", ""]
    lines += _text_block(info.doc)
    props = [n for bit, n in FLAG_NAMES if flags & bit]
    example = shape_example(info)
    if info.variadic and info.key_var_num_args:
        ins = "any number of arrays (count in ``%s``)" % info.key_var_num_args
    elif info.variadic:  # inputs in groups whose count is a parameter (multi_sgd_update: num_weights)
        ins = "any number of arrays (as the description states)"
    else:
        ins = ", ".join(_literal(i) for i in info.inputs) or "none"
    lines += ["- **Inputs:** " + ins,
              "- **Outputs:** " + ("%d" % info.num_outputs if info.num_outputs >= 0
                                   else "as many as the parameters say"),
              "- **Shapes:** " + (("for example " + _literal(example) +
                                   " (the registry's rule, by ``infer_shape``)")
                                  if example else "as the description states"),
              "- **Properties:** " + (", ".join(props) or "none"),
              ""]
    if info.params:
        lines += [".. list-table::", "   :header-rows: 1", "   :widths: 18 22 12 48", "",
                  "   * - parameter", "     - type", "     - default", "     - description"]
        for n, t, d, doc in zip(info.params, info.param_types, info.param_defaults,
                                info.param_docs):
            default = "required" if n in info.required else _literal(d or "None")
            doc_lines = _text_block(doc, "       ") if doc.strip() else ["       \\-", ""]
            lines += ["   * - " + _literal(n), "     - " + _literal(t), "     - " + default,
                      "     -"] + doc_lines[:-1]
        lines.append("")
    else:
        lines += ["No parameters.", ""]
    return lines


def generate(path):
    ops = collect()
    public = [o for o in ops if not o[2] & HIDDEN]
    hidden = [o for o in ops if o[2] & HIDDEN]
    with_gpu = sum(1 for o in ops if o[2] & 8)
    if with_gpu:
        gpu_note = "%d operators have a CUDA kernel (property *CUDA kernel*)." % with_gpu
    else:
        import mxlite
        gpu_note = ("The CUDA plugin was not loaded when this page was generated (%s), so no "
                    "operator shows the *CUDA kernel* property here; see :doc:`../gpu`."
                    % _literal(mxlite.context.gpu_info()))
    lines = [
        "..", "   Generated by docs/_ext/gen_operators.py from the operator registry; do not edit.", "",
        "All operators", "=============", "",
        "%d operators (%d public, %d internal) and %d aliases, read from the registry of the "
        "library this documentation was built against. Each is callable as ``mx.nd.<name>`` "
        "(imperative) and ``mx.sym.<name>`` (symbolic) in Python, ``mx.nd.<name>`` / "
        "``mx.symbol.<name>`` in R, ``mx.nd.<name>`` / ``mx.sym.<name>`` in JavaScript and "
        "Julia, and ``mxl_op_find(\"<name>\")`` in C. Parameters travel as strings; a "
        "parameter shown as *required* has no default. Shapes: the output shape rules are "
        "stated in each description; ``mx.sym.<name>(...).infer_shape(...)`` computes them."
        % (len(ops), len(public), len(hidden), sum(len(o[1]) for o in ops)), "", gpu_note, "",
        "Public operators", "----------------", ""]
    for info, aliases, flags in public:
        lines += render_op(info, aliases, flags)
    lines += ["Internal operators", "------------------", "",
              "Names starting with an underscore: backward operators and helpers that the "
              "bindings call for you (scalar arithmetic, slicing, ...). They are listed for "
              "completeness; they are not part of the stable surface.", ""]
    for info, aliases, flags in hidden:
        lines += render_op(info, aliases, flags)
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    return len(ops)


if __name__ == "__main__":
    print("%d operators" % generate(sys.argv[1]))
