"""Static checks of the Julia package (julia/) that run without Julia.

No Julia runtime exists on the machines this project is built and tested on, so
MXLite.jl is checked here with what can run:

  parse      every .jl file parses with tree-sitter-julia (no ERROR or MISSING node);
  ccall      every C call goes through @mxcall / @mxccall (no bare ccall), names a
             function that c_api.h declares and the built library exports, with the
             header's number of arguments, Julia argument types that match the C types,
             and as many values as types;
  operators  every operator the package names (op"..." and fused_op"...") is in the
             registry, and the parameter names it passes with it are that operator's;
  constants  every `const MXL_* = n` in the package has the header's value;
  names      every mx.X used (package, tests, the README's code) is defined by the
             package, every mx.nd.X / mx.sym.X is a registry operator or helper, and
             the keywords passed to it are its parameters or inputs; keywords passed
             to a package function mx.f are f's;
             the README's julia code blocks parse too.

Usage: python3 check_julia.py --library build/x/libmxlite.so  (needs the Python
package importable, for the registry: PYTHONPATH=python)
Prints one line per failure and `julia static: N passed, N failed`.
"""
import argparse
import ctypes
import glob
import os
import re
import subprocess
import sys

from tree_sitter import Language, Parser
import tree_sitter_julia

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
HEADER = os.path.join(ROOT, "capi", "include", "mxlite", "c_api.h")


class Report:
    def __init__(self):
        self.passed = 0
        self.failed = 0

    def check(self, ok, what):
        if ok:
            self.passed += 1
        else:
            self.failed += 1
            print("FAIL " + what)
        return ok


# ------------------------------------------------------------------ the header
# C types reduce to (base, pointer depth); opaque handles are pointers to void.
_HANDLES = {"mxl_ndarray", "mxl_symbol", "mxl_executor", "mxl_op", "mxl_kvstore"}
_C_BASE = {"int": "int32", "int32_t": "int32", "int64_t": "int64", "uint64_t": "uint64",
           "uint32_t": "uint32", "char": "char", "void": "void", "size_t": "uint64",
           "DLManagedTensorVersioned": "struct"}


def c_type(text):
    """'const mxl_ndarray*' -> ('void', 2); 'const char**' -> ('char', 2)."""
    t = text.replace("const", " ").strip()
    depth = t.count("*")
    base = t.replace("*", " ").split()
    # the last word may be the parameter name
    words = [w for w in base]
    if len(words) >= 2:
        words = words[:-1]
    name = words[-1]
    if name in _HANDLES:
        return ("void", depth + 1)
    return (_C_BASE.get(name, name), depth)


def parse_header(path):
    """{function name: (return type, [parameter types])} and {#define NAME: int}."""
    text = open(path).read()
    text = re.sub(r"/\*.*?\*/", " ", text, flags=re.S)
    text = re.sub(r"//[^\n]*", "", text)
    functions = {}
    for m in re.finditer(r"MXL_API\s+([^;()]*?)\b(mxl_\w+)\s*\(([^)]*)\)\s*;", text, flags=re.S):
        ret, name, params = m.group(1), m.group(2), " ".join(m.group(3).split())
        ret_t = c_type(ret.strip() + " x")
        if params.strip() in ("", "void"):
            plist = []
        else:
            plist = [c_type(p.strip()) for p in params.split(",")]
        functions[name] = (ret_t, plist)
    defines = {}
    for m in re.finditer(r"^#\s*define\s+(MXL_\w+)\s+(-?\d+)\s*$", text, flags=re.M):
        defines[m.group(1)] = int(m.group(2))
    return functions, defines


def exported_symbols(library):
    """Names the library exports (nm -D); falls back to asking the dynamic loader."""
    try:
        out = subprocess.run(["nm", "-D", "--defined-only", library], capture_output=True,
                             text=True, check=True).stdout
        return {line.split()[-1] for line in out.splitlines() if line.strip()}
    except (OSError, subprocess.CalledProcessError):
        lib = ctypes.CDLL(library)

        class Lookup(set):
            def __contains__(self, name):
                return hasattr(lib, name)
        return Lookup()


# ------------------------------------------------------------------ Julia types
_JL_BASE = {"Cint": ("int32", 0), "Int32": ("int32", 0), "Int64": ("int64", 0),
            "UInt64": ("uint64", 0), "UInt32": ("uint32", 0), "Csize_t": ("uint64", 0),
            "Cvoid": ("void", 0), "UInt8": ("char", 0), "Cchar": ("char", 0),
            "Cstring": ("char", 1)}


def jl_type(node, src):
    """A Julia type expression node -> (base, pointer depth), or None if unknown."""
    text = src[node.start_byte:node.end_byte].decode()
    return jl_type_text(text.replace(" ", ""))


def jl_type_text(t):
    m = re.fullmatch(r"(Ptr|Ref)\{(.*)\}", t)
    if m:
        inner = jl_type_text(m.group(2))
        return None if inner is None else (inner[0], inner[1] + 1)
    return _JL_BASE.get(t)


def compatible(c, j):
    if j is None:
        return False
    if c == j:
        return True
    # a pointer to a struct the package does not describe may be passed as Ptr{Cvoid}
    return c[0] == "struct" and j[0] == "void" and c[1] == j[1]


# ------------------------------------------------------------------ tree walking
def walk(node):
    yield node
    for child in node.children:
        yield from walk(child)


def text_of(node, src):
    return src[node.start_byte:node.end_byte].decode()


def named_args(node):
    return [c for c in node.named_children if c.type != "comment"]


def parse_files(files, parser, report):
    trees = {}
    for f in files:
        src = open(f, "rb").read()
        tree = parser.parse(src)
        bad = [n for n in walk(tree.root_node) if n.type == "ERROR" or n.is_missing]
        rel = os.path.relpath(f, ROOT)
        if report.check(not bad, "parse %s: %s" % (rel, "; ".join(
                "line %d: %s %r" % (n.start_point[0] + 1, "MISSING" if n.is_missing else "ERROR",
                                    text_of(n, src)[:60]) for n in bad[:3]))):
            pass
        trees[rel] = (tree, src)
    return trees


def check_ccalls(trees, functions, exports, report):
    used = set()
    for rel, (tree, src) in trees.items():
        for node in walk(tree.root_node):
            if node.type == "call_expression":
                callee = node.named_children[0]
                if text_of(callee, src) == "ccall":
                    report.check(False, "%s:%d: bare ccall; C calls go through @mxcall / @mxccall"
                                 % (rel, node.start_point[0] + 1))
            if node.type != "macrocall_expression":
                continue
            macro = text_of(node.named_children[0], src)
            if macro == "@ccall":
                report.check(False, "%s:%d: @ccall; C calls go through @mxcall / @mxccall"
                             % (rel, node.start_point[0] + 1))
                continue
            if macro not in ("@mxcall", "@mxccall"):
                continue
            arglist = [c for c in node.named_children if c.type == "argument_list"]
            where = "%s:%d" % (rel, node.start_point[0] + 1)
            if not arglist:
                report.check(False, where + ": %s without parenthesized arguments" % macro)
                continue
            args = named_args(arglist[0])
            if not args or args[0].type != "quote_expression":
                report.check(False, where + ": %s needs :mxl_name first" % macro)
                continue
            name = text_of(args[0], src).lstrip(":")
            used.add(name)
            where += " " + name
            rest = args[1:]
            ret = None
            if macro == "@mxccall":
                ret, rest = rest[0], rest[1:]
            if not rest or rest[0].type != "tuple_expression" and text_of(rest[0], src) != "()":
                report.check(False, where + ": argument types must be a literal tuple")
                continue
            types = named_args(rest[0])
            values = rest[1:]
            problems = []
            if name not in functions:
                problems.append("not declared in c_api.h")
            if name not in exports:
                problems.append("not exported by the library")
            if name in functions:
                c_ret, c_params = functions[name]
                if len(types) != len(c_params):
                    problems.append("%d argument types, the header has %d" % (len(types), len(c_params)))
                else:
                    for i, (tnode, cp) in enumerate(zip(types, c_params)):
                        jt = jl_type(tnode, src)
                        if not compatible(cp, jt):
                            problems.append("argument %d: Julia %s does not match C %s"
                                            % (i + 1, text_of(tnode, src), cp))
                want_ret = jl_type(ret, src) if ret is not None else ("int32", 0)
                if not compatible(c_ret, want_ret):
                    problems.append("return type %s does not match C %s"
                                    % (text_of(ret, src) if ret is not None else "Cint (checked)", c_ret))
            if len(values) != len(types):
                problems.append("%d values for %d argument types" % (len(values), len(types)))
            report.check(not problems, where + ": " + "; ".join(problems))
    return used


def string_value(node, src):
    """The text of a plain string literal node, else None."""
    if node.type != "string_literal":
        return None
    t = text_of(node, src)
    if t.startswith('"""') or "$" in t:
        return None
    return t[1:-1]


def check_operators(trees, registry, report):
    """op"..." / fused_op"..." names exist; keys passed with them are their params."""
    seen = {}
    optional = set()
    for rel, (tree, src) in trees.items():
        for node in walk(tree.root_node):
            if node.type != "prefixed_string_literal":
                continue
            prefix = text_of(node.child_by_field_name("prefix"), src)
            if prefix not in ("op", "fused_op"):
                continue
            name = text_of(node, src)[len(prefix) + 1:-1]
            seen.setdefault(name, "%s:%d" % (rel, node.start_point[0] + 1))
            if prefix == "fused_op":
                optional.add(name)
    names = set(registry)
    for name, where in sorted(seen.items()):
        if name in optional and name not in names:
            # Used only when present, with a fallback of required operators.
            print("note: optional operator %s (%s) is not in this registry; the fallback is used"
                  % (name, where))
            continue
        report.check(name in names, "operator %s (%s) is not in the registry" % (name, where))

    # Parameter keys: _invoke_op(op"name", inputs, [keys...] or vcat([...], "k"), ...),
    # _scalar_op(op"name", ...) passes "scalar".
    for rel, (tree, src) in trees.items():
        for node in walk(tree.root_node):
            if node.type != "call_expression":
                continue
            callee = text_of(node.named_children[0], src)
            if callee not in ("_invoke_op", "_scalar_op"):
                continue
            arglist = [c for c in node.named_children if c.type == "argument_list"]
            if not arglist:
                continue
            args = named_args(arglist[0])
            if not args or args[0].type != "prefixed_string_literal":
                continue
            first = text_of(args[0], src)
            prefix = first.split('"')[0]
            op = first[len(prefix) + 1:-1]
            if op not in registry:
                continue   # reported above (or optional)
            if callee == "_scalar_op":
                keys = ["scalar"]
            else:
                keys = []
                if len(args) >= 3:
                    for n in walk(args[2]):
                        v = string_value(n, src)
                        if v is not None:
                            keys.append(v)
            where = "%s:%d" % (rel, node.start_point[0] + 1)
            params = registry[op]
            bad = [k for k in keys if k not in params]
            report.check(not bad, "%s: %s has no parameter(s) %s (it has: %s)"
                         % (where, op, ", ".join(bad), ", ".join(params)))


def check_constants(trees, defines, report):
    for rel, (tree, src) in trees.items():
        text = src.decode()
        for m in re.finditer(r"^const\s+(MXL_\w+)\s*=\s*(-?\d+)\s*$", text, flags=re.M):
            name, value = m.group(1), int(m.group(2))
            report.check(defines.get(name) == value,
                         "%s: const %s = %d, but c_api.h says %s" % (rel, name, value, defines.get(name)))


def _call_name(node, src):
    """The function name a definition's call expression defines (Base.f -> f)."""
    if node.type == "where_expression":
        node = node.named_children[0]
    if node.type != "call_expression":
        return None
    callee = node.named_children[0]
    if callee.type == "identifier":
        return text_of(callee, src)
    if callee.type == "field_expression":
        return text_of(callee.named_children[-1], src).lstrip(":")
    return None


# Files whose definitions count as the package's (the self-tests use their snippets).
_SOURCE_PREFIX = ["julia/src/"]


def _is_source(rel):
    return any(rel.startswith(p) for p in _SOURCE_PREFIX)


def defined_names(trees):
    """Names the package defines: functions, consts, types, macros (as @name)."""
    names = set()
    for rel, (tree, src) in trees.items():
        if not _is_source(rel):
            continue
        for node in walk(tree.root_node):
            if node.type in ("function_definition", "macro_definition"):
                sig = [c for c in node.named_children if c.type == "signature"]
                name = _call_name(sig[0].named_children[0], src) if sig and sig[0].named_children else None
                if name:
                    names.add(("@" + name) if node.type == "macro_definition" else name)
            elif node.type == "assignment" and node.parent is not None and node.parent.type in (
                    "source_file", "module_definition", "const_statement", "block"):
                lhs = node.named_children[0]
                name = _call_name(lhs, src) if lhs.type in ("call_expression", "where_expression") else (
                    text_of(lhs, src) if lhs.type == "identifier" else None)
                if name:
                    names.add(name)
            elif node.type in ("struct_definition", "abstract_definition"):
                head = [c for c in node.named_children if c.type == "type_head"][0]
                first = head.named_children[0]
                if first.type == "parametrized_type_expression":
                    first = first.named_children[0]
                elif first.type == "binary_expression":  # abstract type A <: B
                    first = first.named_children[0]
                names.add(text_of(first, src))
    return names


def _top_level_semicolon(arglist, src):
    """Byte offset of the `;` that starts keyword parameters in an argument list, or None."""
    depth = 0
    for i in range(arglist.start_byte, arglist.end_byte):
        c = src[i:i + 1]
        if c in (b"(", b"[", b"{"):
            depth += 1
        elif c in (b")", b"]", b"}"):
            depth -= 1
        elif c == b";" and depth == 1:
            return i
    return None


def keyword_signatures(trees):
    """{function name: (keyword names of all its methods, accepts any keyword)}."""
    sigs = {}
    for rel, (tree, src) in trees.items():
        if not _is_source(rel):
            continue
        for node in walk(tree.root_node):
            call = None
            if node.type == "function_definition":
                sig = [c for c in node.named_children if c.type == "signature"]
                call = sig[0].named_children[0] if sig and sig[0].named_children else None
            elif node.type == "assignment" and node.named_children[0].type in ("call_expression", "where_expression"):
                call = node.named_children[0]
            if call is None:
                continue
            name = _call_name(call, src)
            if call.type == "where_expression":
                call = call.named_children[0]
            if not name or call.type != "call_expression":
                continue
            arglist = [c for c in call.named_children if c.type == "argument_list"]
            keys, any_key = set(), False
            semicolon = _top_level_semicolon(arglist[0], src) if arglist else None
            for arg in (named_args(arglist[0]) if arglist else []):
                if arg.type == "named_argument":
                    target = arg.named_children[0]
                    if target.type == "typed_expression":
                        target = target.named_children[0]
                    keys.add(text_of(target, src))
                elif arg.type == "splat_expression" and semicolon is not None and arg.start_byte > semicolon:
                    any_key = True   # f(...; kwargs...)
            old_keys, old_any = sigs.get(name, (set(), False))
            sigs[name] = (old_keys | keys, old_any or any_key)
    return sigs


def namespace_helpers(trees):
    """mx.nd.zeros, mx.sym.Variable, ...: the non-operator names each namespace serves."""
    helpers = {"nd": set(), "sym": set()}
    for rel, (tree, src) in trees.items():
        text = src.decode()
        for m in re.finditer(r"function _namespace_helper\(::OpNamespace\{:(\w+)\}.*?\nend", text, flags=re.S):
            helpers.setdefault(m.group(1), set()).update(re.findall(r"name === :(\w+)", m.group(0)))
    return helpers


def check_names(trees, registry, report):
    """Every mx.X / MXLite.X is defined by the package; every mx.nd.X / mx.sym.X is a
    registry operator or a namespace helper."""
    defined = defined_names(trees)
    helpers = namespace_helpers(trees)
    ops = set(registry)
    seen = {}
    for rel, (tree, src) in trees.items():
        for node in walk(tree.root_node):
            if node.type != "field_expression" or len(node.named_children) != 2:
                continue
            value, field = node.named_children
            if field.type != "identifier":
                continue
            name = text_of(field, src)
            where = "%s:%d" % (rel, node.start_point[0] + 1)
            if value.type == "identifier" and text_of(value, src) in ("mx", "MXLite"):
                seen.setdefault(("pkg", name), where)
            elif (value.type == "field_expression" and len(value.named_children) == 2
                  and text_of(value.named_children[0], src) in ("mx", "MXLite")
                  and text_of(value.named_children[1], src) in ("nd", "sym")):
                seen.setdefault((text_of(value.named_children[1], src), name), where)
    # Keywords of mx.nd.X(...) / mx.sym.X(...) calls: parameters or inputs of X.
    inputs = load_inputs(registry) if registry else {}
    for rel, (tree, src) in trees.items():
        for node in walk(tree.root_node):
            if node.type != "call_expression":
                continue
            callee = node.named_children[0]
            if callee.type != "field_expression" or len(callee.named_children) != 2:
                continue
            value, field = callee.named_children
            if not (value.type == "field_expression" and len(value.named_children) == 2
                    and text_of(value.named_children[0], src) in ("mx", "MXLite")
                    and text_of(value.named_children[1], src) in ("nd", "sym")):
                continue
            op = text_of(field, src)
            if op not in registry:
                continue   # reported below
            op_inputs = inputs.get(op)
            allowed = set(registry[op]) | set(op_inputs or ()) | {"out", "name", "attr", "attrs"}
            arglist = [c for c in node.named_children if c.type == "argument_list"]
            positional = [a for a in (named_args(arglist[0]) if arglist else []) if a.type != "named_argument"]
            if op_inputs is not None and not any(a.type == "splat_expression" for a in positional):
                report.check(len(positional) <= len(op_inputs),
                             "%s:%d: mx.%s.%s takes at most %d inputs (%s), given %d"
                             % (rel, node.start_point[0] + 1, text_of(value.named_children[1], src), op,
                                len(op_inputs), ", ".join(op_inputs), len(positional)))
            for arg in (named_args(arglist[0]) if arglist else []):
                if arg.type != "named_argument":
                    continue
                key = text_of(arg.named_children[0], src)
                report.check(key in allowed, "%s:%d: mx.%s.%s has no parameter or input %r"
                             % (rel, node.start_point[0] + 1, text_of(value.named_children[1], src), op, key))
    # Keywords of mx.f(...) calls: keywords of some method of the package's f.
    sigs = keyword_signatures(trees)
    for rel, (tree, src) in trees.items():
        for node in walk(tree.root_node):
            if node.type != "call_expression":
                continue
            callee = node.named_children[0]
            if callee.type != "field_expression" or len(callee.named_children) != 2:
                continue
            value, field = callee.named_children
            if not (value.type == "identifier" and text_of(value, src) in ("mx", "MXLite")):
                continue
            fname = text_of(field, src)
            if fname not in sigs or sigs[fname][1]:
                continue
            arglist = [c for c in node.named_children if c.type == "argument_list"]
            for arg in (named_args(arglist[0]) if arglist else []):
                if arg.type == "named_argument":
                    key = text_of(arg.named_children[0], src)
                    report.check(key in sigs[fname][0], "%s:%d: mx.%s takes no keyword %r (it takes: %s)"
                                 % (rel, node.start_point[0] + 1, fname, key, ", ".join(sorted(sigs[fname][0]))))
    for (ns, name), where in sorted(seen.items()):
        if ns == "pkg":
            report.check(name in defined,
                         "%s: mx.%s is not defined by the package" % (where, name))
        else:
            report.check(name in ops or name in helpers.get(ns, ()),
                         "%s: mx.%s.%s is neither a registry operator nor a helper of mx.%s"
                         % (where, ns, name, ns))


def readme_blocks(path):
    """The ```julia code blocks of a README, REPL prompts removed, as one source."""
    text = open(path).read()
    blocks = re.findall(r"```julia\n(.*?)```", text, flags=re.S)
    return "\n".join(re.sub(r"^julia> ", "", b, flags=re.M) for b in blocks).encode()


def parse_readme(path, parser, report):
    src = readme_blocks(path)
    tree = parser.parse(src)
    bad = [n for n in walk(tree.root_node) if n.type == "ERROR" or n.is_missing]
    report.check(not bad, "parse %s (julia code blocks): %s" % (os.path.relpath(path, ROOT), "; ".join(
        "line %d: %r" % (n.start_point[0] + 1, text_of(n, src)[:60]) for n in bad[:3])))
    return {os.path.relpath(path, ROOT) + " (code)": (tree, src)}


def load_registry(library):
    """{op name: [param names]} from the Python binding (mxl_op_list / mxl_op_info)."""
    os.environ["MXLITE_LIBRARY"] = library
    sys.path.insert(0, os.path.join(ROOT, "python"))
    from mxlite import _ops  # noqa: E402  (needs MXLITE_LIBRARY set first)
    return {name: list(_ops.get(name).params) for name in _ops.op_names()}


def load_inputs(registry):
    """{op name: [input names]} (after load_registry)."""
    from mxlite import _ops
    return {name: (None if _ops.get(name).variadic else list(_ops.get(name).inputs)) for name in registry}


# Snippets each check must reject: proof that a pass means something.
_SELF_TESTS = [
    ("parse", "function f(x)\n    x +\nend\n"),
    ("ccall", "ccall((:mxl_waitall, \"libmxlite\"), Cint, ())\n"),
    ("ccall", "@mxcall(:mxl_nd_free, (Ptr{Cvoid}, Cint), h, 1)\n"),          # arity
    ("ccall", "@mxcall(:mxl_nd_free, (Ptr{Cvoid},))\n"),                      # values
    ("ccall", "@mxcall(:mxl_no_such_function, ())\n"),                        # undeclared
    ("ccall", "@mxcall(:mxl_nd_slice, (Ptr{Cvoid}, Cint, Int64, Ref{Ptr{Cvoid}}), h, 0, 1, o)\n"),  # type
    ("ccall", "@mxccall(:mxl_last_error, Cint, ())\n"),                       # return type
    ("operators", "x = op\"no_such_operator\"\n"),
    ("operators", "_invoke_op(op\"elemwise_add\", NDArray[a, b], [\"no_such_param\"], [\"1\"])\n"),
    ("constants", "const MXL_ERR_SHAPE = 99\n"),
    ("names", "y = mx.nd.no_such_operator(x)\n"),
    ("names", "y = mx.nd.sum(x; no_such_param=1)\n"),
    ("names", "function fit(m; n_epoch=1)\nend\nmx.fit(m; n_epochs=2)\n"),
    ("names", "y = mx.nd.exp(a, b)\n"),
]


def self_test(parser, functions, defines, exports, registry, report):
    import tempfile
    checks = {"parse": lambda t, r: None, "ccall": lambda t, r: check_ccalls(t, functions, exports, r),
              "operators": lambda t, r: check_operators(t, registry, r),
              "constants": lambda t, r: check_constants(t, defines, r),
              "names": lambda t, r: check_names(t, registry, r)}
    with tempfile.TemporaryDirectory() as tmp:
        for i, (kind, code) in enumerate(_SELF_TESTS):
            path = os.path.join(tmp, "bad%d.jl" % i)
            with open(path, "w") as f:
                f.write(code)
            inner = Report()
            import contextlib
            import io
            out = io.StringIO()
            _SOURCE_PREFIX.append(os.path.relpath(path, ROOT))
            try:
                with contextlib.redirect_stdout(out):
                    trees = parse_files([path], parser, inner)
                    checks[kind](trees, inner)
            finally:
                _SOURCE_PREFIX.pop()
            if os.environ.get("JULIA_STATIC_VERBOSE"):
                print("self-test %s: %s" % (kind, out.getvalue().strip().replace("\n", " | ")))
            report.check(inner.failed > 0, "self-test: the %s check accepts %r" % (kind, code.strip()))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--library", required=True, help="the built libmxlite")
    ap.add_argument("files", nargs="*", help=".jl files (default: julia/**/*.jl and the conformance runner)")
    opts = ap.parse_args()
    files = opts.files or sorted(
        glob.glob(os.path.join(ROOT, "julia", "**", "*.jl"), recursive=True) +
        glob.glob(os.path.join(ROOT, "tests", "conformance", "runners", "julia*.jl")))
    parser = Parser(Language(tree_sitter_julia.language()))
    report = Report()
    functions, defines = parse_header(HEADER)
    exports = exported_symbols(opts.library)
    registry = load_registry(opts.library)

    counts = []

    def stage(name, fn):
        before = report.passed + report.failed
        result = fn()
        counts.append("%s %d" % (name, report.passed + report.failed - before))
        return result

    stage("self-tests", lambda: self_test(parser, functions, defines, exports, registry, report))
    trees = stage("files parsed", lambda: parse_files(files, parser, report))
    readme = os.path.join(ROOT, "julia", "README.md")
    readme_trees = stage("README code parsed", lambda: parse_readme(readme, parser, report))
    used = stage("C call sites", lambda: check_ccalls(trees, functions, exports, report))
    stage("operator and parameter checks", lambda: check_operators(trees, registry, report))
    stage("constants", lambda: check_constants(trees, defines, report))
    stage("mx. names", lambda: check_names({**trees, **readme_trees}, registry, report))
    print("checks: " + ", ".join(counts))
    print("checked %d files; %d C functions called of %d declared; registry: %d operator names"
          % (len(files), len(used), len(functions), len(registry)))
    print("julia static: %d passed, %d failed" % (report.passed, report.failed))
    return 0 if report.failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
