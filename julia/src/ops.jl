# The operator registry as seen through the C ABI, and the generic call path.
#
# Operators are data (mxl_op_list / mxl_op_info), read at __init__. `mx.nd.<op>` and
# `mx.sym.<op>` are resolved by `getproperty` on two namespace objects from that data:
# no code is generated with `eval`, so the package precompiles normally, a package
# that depends on it precompiles too, and an operator added to the core appears here
# without any change to the binding.

"""
    OpInfo

Everything `mxl_op_info` tells about one operator: name, doc, input names (empty and
`variadic` for a variable count, given by the parameter `key_var_num_args`), output
count (-1: decided by parameters), parameters with types, defaults and docs, and the
`MXL_OP_*` flag bits.
"""
struct OpInfo
    name::String
    handle::Ptr{Cvoid}
    doc::String
    inputs::Vector{String}
    variadic::Bool
    num_outputs::Int
    key_var_num_args::String
    params::Vector{String}
    param_types::Vector{String}
    param_defaults::Vector{String}
    param_docs::Vector{String}
    flags::Int
end

const _OP_NAMES = String[]              # every name and alias, sorted (mxl_op_list)
const _OPS = Dict{String,OpInfo}()      # name or alias -> OpInfo (aliases share one)

function _op_handle(name::AbstractString)
    h = Ref{Ptr{Cvoid}}(C_NULL)
    @mxcall(:mxl_op_find, (Cstring, Ref{Ptr{Cvoid}}), name, h)
    return h[]
end

function _read_op_info(handle::Ptr{Cvoid})
    flags = Ref{Cint}(0)
    @mxcall(:mxl_op_flags, (Ptr{Cvoid}, Ref{Cint}), handle, flags)
    name = Ref{Ptr{UInt8}}(C_NULL)
    doc = Ref{Ptr{UInt8}}(C_NULL)
    nin = Ref{Cint}(0)
    in_names = Ref{Ptr{Ptr{UInt8}}}(C_NULL)
    nout = Ref{Cint}(0)
    key_var = Ref{Ptr{UInt8}}(C_NULL)
    npar = Ref{Cint}(0)
    pnames = Ref{Ptr{Ptr{UInt8}}}(C_NULL)
    ptypes = Ref{Ptr{Ptr{UInt8}}}(C_NULL)
    pdefaults = Ref{Ptr{Ptr{UInt8}}}(C_NULL)
    pdocs = Ref{Ptr{Ptr{UInt8}}}(C_NULL)
    return _without_finalizers() do
        @mxcall(:mxl_op_info,
                (Ptr{Cvoid}, Ref{Ptr{UInt8}}, Ref{Ptr{UInt8}}, Ref{Cint}, Ref{Ptr{Ptr{UInt8}}},
                 Ref{Cint}, Ref{Ptr{UInt8}}, Ref{Cint}, Ref{Ptr{Ptr{UInt8}}},
                 Ref{Ptr{Ptr{UInt8}}}, Ref{Ptr{Ptr{UInt8}}}, Ref{Ptr{Ptr{UInt8}}}),
                handle, name, doc, nin, in_names, nout, key_var, npar, pnames, ptypes,
                pdefaults, pdocs)
        variadic = nin[] < 0
        n = Int(npar[])
        OpInfo(_cstr(name[]), handle, _cstr(doc[]),
               variadic ? String[] : _cstrs(in_names[], nin[]), variadic, Int(nout[]),
               _cstr(key_var[]), _cstrs(pnames[], n), _cstrs(ptypes[], n),
               _cstrs(pdefaults[], n), _cstrs(pdocs[], n), Int(flags[]))
    end
end

# Called by __init__: reads every operator the loaded library registers.
function _load_registry()
    n = Ref{Cint}(0)
    names = Ref{Ptr{Ptr{UInt8}}}(C_NULL)
    list = _without_finalizers() do
        @mxcall(:mxl_op_list, (Ref{Cint}, Ref{Ptr{Ptr{UInt8}}}), n, names)
        _cstrs(names[], n[])
    end
    canonical = Dict{String,OpInfo}()
    ops = Dict{String,OpInfo}()
    for name in list
        info = _read_op_info(_op_handle(name))
        ops[name] = get!(canonical, info.name, info)
    end
    empty!(_OP_NAMES)
    append!(_OP_NAMES, list)
    empty!(_OPS)
    merge!(_OPS, ops)
    missing_ops = [name for name in _MAPPED_OPS if !haskey(_OPS, name)]
    isempty(missing_ops) ||
        @warn "MXLite: the loaded library lacks operators the Julia package maps; using them raises MXError" missing_ops
    return length(list)
end

"""
    mx.list_ops() -> Vector{String}

Every operator name and alias the loaded library registers (`mxl_op_list`), sorted.
"""
list_ops() = copy(_OP_NAMES)

"""
    mx.op_info(name) -> OpInfo

The registry's description of an operator (raises `MXError(:MXL_ERR_NOT_FOUND)` for an
unknown name, with the core's message).
"""
function op_info(name::AbstractString)
    info = get(_OPS, String(name), nothing)
    info === nothing || return info
    # Not in the table read at __init__: let the core say what is wrong.
    info = _read_op_info(_op_handle(name))
    _OPS[String(name)] = info
    return info
end
op_info(name::Symbol) = op_info(String(name))

"""
    mx.op_flags(name) -> Int

The operator's `MXL_OP_*` bits (`MXL_OP_DIFFERENTIABLE`, `MXL_OP_RANDOM`, ...).
"""
op_flags(name) = op_info(name).flags

# ---------------------------------------------------------------- parameter values
# Parameters travel as strings, MXNet style, parsed and validated by the core.
_param_str(v::AbstractString) = String(v)
_param_str(v::Symbol) = String(v)
_param_str(v::Bool) = v ? "True" : "False"
_param_str(v::Integer) = string(v)
function _param_str(v::AbstractFloat)
    isnan(v) && return "nan"
    isinf(v) && return v > 0 ? "inf" : "-inf"
    return string(Float64(v))
end
_param_str(::Nothing) = "None"
_param_str(T::Type) = dtype_name(T)
_param_str(ctx::Context) = string(ctx)
function _param_str(v::Union{Tuple,AbstractVector})
    parts = String[_param_str(x) for x in v]
    length(parts) == 1 && return "(" * parts[1] * ",)"
    return "(" * join(parts, ", ") * ")"
end
_param_str(v) = string(v)

# A scalar operand ("scalar" of _plus_scalar, ...): as Python writes it.
_scalar_str(v::Bool) = v ? "1" : "0"
_scalar_str(v::Integer) = string(v)
_scalar_str(v::AbstractFloat) = _param_str(v)
_scalar_str(v::Real) = _param_str(Float64(v))

# Julia dims -> the core's shape text: (2, 3) -> "(3, 2)".
_shape_str(dims) = _param_str(reverse(Tuple(dims)))

"""
Parameters that name dimensions. A Julia value given for one of them is a Julia
dimension (1 = the first, fastest-varying one) and is passed to the core as the
negative axis that counts the same dimension from the end of the core's shape:
Julia dimension `d` is core axis `-d`, whatever the number of dimensions.
"""
const AXIS_PARAMS = ("axis", "axes", "dim", "dim1", "dim2", "lhs_axes", "rhs_axes")

function _core_axis(name::String, d::Integer)
    d >= 1 || throw(ArgumentError("parameter $(name): Julia dimensions count from 1, got $(d) " *
                                  "(pass a String, e.g. $(name)=\"$(d)\", for the core's own numbering)"))
    return -Int(d)
end

_is_int_tuple(v) = (v isa Tuple || v isa AbstractVector) && all(x -> x isa Integer && !(x isa Bool), v)

"""
    MXLite.core_param(name, value) -> String

The text the core receives for a parameter given from Julia:

- a `String` passes through unchanged: it is the core's own (row-major) text;
- a dimension parameter (`axis`, `axes`, `dim`, `dim1`, `dim2`, `lhs_axes`, `rhs_axes`) given as an integer or a tuple of them
  counts Julia dimensions: `d` becomes `-d`, and a tuple is also reversed (so that a
  permutation given to `transpose` stays one);
- `pad_width` (before, after) pairs per Julia dimension are reversed pair-wise;
- any other tuple of integers (`shape`, `kernel`, `stride`, `pad`, `reps`, `begin`,
  `end`, ...) is in Julia order and is reversed;
- numbers, `Bool`, `nothing`, element types and contexts become MXNet's text.
"""
function core_param(name::String, v)
    v isa AbstractString && return String(v)
    if name in AXIS_PARAMS
        v isa Integer && !(v isa Bool) && return string(_core_axis(name, v))
        _is_int_tuple(v) && return _param_str(reverse([_core_axis(name, d) for d in v]))
    end
    if name == "pad_width" && _is_int_tuple(v)
        iseven(length(v)) || throw(ArgumentError("pad_width: expected (before, after) pairs, got $(v)"))
        w = collect(v)
        pairs = [(w[2i - 1], w[2i]) for i in 1:(length(w) ÷ 2)]
        return _param_str(collect(Iterators.flatten(reverse(pairs))))
    end
    if (v isa Tuple || v isa AbstractVector) && all(x -> (x isa Integer && !(x isa Bool)) || x === nothing, v)
        return _param_str(reverse(collect(v)))
    end
    return _param_str(v)
end

# ---------------------------------------------------------------- invocation
const _MAX_OUTPUTS = 64   # room given to operators whose output count depends on params

# Runs a registry op on NDArrays with parameter strings. `out`: nothing, an NDArray or
# a vector of them (written in place). Returns an NDArray, or a vector for several.
function _invoke(info::OpInfo, inputs, keys::Vector{String}, vals::Vector{String}, out=nothing)
    handles = Ptr{Cvoid}[x.handle for x in inputs]
    ckeys = _CStrings(keys)
    cvals = _CStrings(vals)
    outs = out === nothing ? NDArray[] : (out isa NDArray ? NDArray[out] : collect(NDArray, out))
    if isempty(outs)
        nslot = info.num_outputs
        if nslot < 0
            nslot = _MAX_OUTPUTS
            i = findfirst(isequal("num_outputs"), keys)
            if i !== nothing
                requested = tryparse(Float64, vals[i])
                requested === nothing || (nslot = max(nslot, round(Int, requested) + 1))
            end
        end
        slots = fill(C_NULL, nslot)
    else
        slots = Ptr{Cvoid}[o.handle for o in outs]
    end
    nout = Ref{Cint}(length(slots))
    GC.@preserve inputs outs begin
        @mxcall(:mxl_imperative_invoke,
                (Ptr{Cvoid}, Cint, Ptr{Ptr{Cvoid}}, Cint, Ptr{Ptr{UInt8}}, Ptr{Ptr{UInt8}},
                 Ref{Cint}, Ptr{Ptr{Cvoid}}),
                info.handle, length(handles), handles, length(keys), ckeys, cvals, nout, slots)
    end
    isempty(outs) || return out
    n = Int(nout[])
    results = NDArray[_wrap_ndarray(slots[i]) for i in 1:n]
    return n == 1 ? results[1] : results
end

# The package's own calls: an op by name, NDArray inputs, parameter strings.
_invoke_op(name::String, inputs, keys::Vector{String}=String[], vals::Vector{String}=String[];
           out=nothing) = _invoke(op_info(name), inputs, keys, vals, out)

# ---------------------------------------------------------------- op functions
"""
    OpFunction{K}

A registry operator as a Julia function: `mx.nd.<op>` (`K = :nd`, runs now on
NDArrays) or `mx.sym.<op>` (`K = :sym`, builds a graph node). Printing one or asking
for help (`?`) shows the registry's documentation.
"""
struct OpFunction{K}
    name::String
    info::OpInfo
end

(f::OpFunction{:nd})(args...; kwargs...) = _nd_call(f.info, f.name, args, kwargs)
(f::OpFunction{:sym})(args...; kwargs...) = _sym_call(f.info, f.name, args, kwargs)

Base.show(io::IO, f::OpFunction{K}) where {K} = print(io, "mx.", K, ".", f.name)

"""
    mx.docstring(f::OpFunction) -> String

The registry's documentation of the operator: description, inputs and parameters (type,
default, doc).
"""
function docstring(f::OpFunction{K}) where {K}
    info = f.info
    kind = K === :nd ? "NDArray" : "SymbolicNode"
    lines = String["mx.$(K).$(f.name)", "", rstrip(info.doc), "", "Inputs:"]
    if info.variadic
        push!(lines, "  $(kind)... (any number, positional)")
    else
        for n in info.inputs
            push!(lines, "  $(n)::$(kind)")
        end
    end
    push!(lines, "", "Parameters (keywords):")
    for (n, t, d, doc) in zip(info.params, info.param_types, info.param_defaults, info.param_docs)
        info.variadic && n == info.key_var_num_args && continue
        push!(lines, "  $(n)::$(t)" * (isempty(d) ? "" : " = $(d)"))
        isempty(doc) || push!(lines, "      " * replace(doc, "\n" => "\n      "))
    end
    if K === :nd
        push!(lines, "  out::NDArray: write the result into this array")
    else
        push!(lines, "  name: the node's name (default: automatic, e.g. fullyconnected0)")
    end
    return join(lines, "\n")
end

Base.Docs.getdoc(f::OpFunction) = Text(docstring(f))

# Positional arguments of mx.nd.<op> / mx.sym.<op>: inputs of type T only.
function _positional_inputs(::Type{T}, namespace::String, opname::String, args) where {T}
    inputs = T[]
    for (i, a) in enumerate(args)
        a isa T ||
            throw(ArgumentError("mx.$(namespace).$(opname): positional argument $(i) must be a $(T) " *
                                "(parameters go by keyword), got $(typeof(a))"))
        push!(inputs, a)
    end
    return inputs
end

function _nd_call(info::OpInfo, opname::String, args, kwargs)
    inputs = _positional_inputs(NDArray, "nd", opname, args)
    npos = length(inputs)
    if !info.variadic && npos > length(info.inputs)
        throw(ArgumentError("mx.nd.$(opname) takes at most $(length(info.inputs)) input(s) " *
                            "($(join(info.inputs, ", "))), got $(npos)"))
    end
    keys = String[]
    vals = String[]
    out = nothing
    named = Dict{String,NDArray}()
    for (k, v) in kwargs
        key = String(k)
        if key == "out"
            out = v
        elseif key == "name"
            continue   # accepted for symmetry with mx.sym; arrays have no names
        elseif v isa NDArray
            key in info.inputs ||
                throw(ArgumentError("mx.nd.$(opname): no input named $(key) (inputs: " *
                                    "$(join(info.inputs, ", ")))"))
            findfirst(isequal(key), info.inputs) <= npos &&
                throw(ArgumentError("mx.nd.$(opname): input $(key) given twice"))
            named[key] = v
        elseif v === nothing && !(key in info.params)
            continue   # an absent optional input passed as nothing
        else
            push!(keys, key)
            push!(vals, core_param(key, v))
        end
    end
    if !isempty(named)
        for iname in info.inputs[(npos + 1):end]
            haskey(named, iname) && push!(inputs, named[iname])
        end
    end
    if info.variadic && !isempty(info.key_var_num_args) && !(info.key_var_num_args in keys)
        push!(keys, info.key_var_num_args)
        push!(vals, string(length(inputs)))
    end
    if "ctx" in info.params && isempty(info.inputs) && !info.variadic && !("ctx" in keys)
        push!(keys, "ctx")
        push!(vals, string(cpu()))
    end
    return _invoke(info, inputs, keys, vals, out)
end

# ---------------------------------------------------------------- namespaces
"""
    mx.nd, mx.sym

The registry's operators: `mx.nd.<op>(inputs...; params...)` runs one on NDArrays,
`mx.sym.<op>(inputs...; params..., name=...)` makes a graph node. Both are looked up
by name in the registry read at `__init__`; `propertynames(mx.nd)` lists them.
"""
struct OpNamespace{K} end

const nd = OpNamespace{:nd}()
const sym = OpNamespace{:sym}()

# Non-operator functions that Python users find in mx.nd / mx.sym.
function _namespace_helper(::OpNamespace{:nd}, name::Symbol)
    name === :zeros && return zeros
    name === :ones && return ones
    name === :empty && return empty
    name === :array && return array
    name === :save && return save
    name === :load && return load
    name === :waitall && return waitall
    return nothing
end

function _namespace_helper(::OpNamespace{:sym}, name::Symbol)
    name === :Variable && return Variable
    name === :var && return Variable
    name === :Group && return Group
    name === :load && return load_symbol
    name === :load_json && return from_json
    return nothing
end

function Base.getproperty(ns::OpNamespace{K}, name::Symbol) where {K}
    helper = _namespace_helper(ns, name)
    helper === nothing || return helper
    s = String(name)
    info = get(_OPS, s, nothing)
    info === nothing && (info = op_info(s))   # raises MXError(:MXL_ERR_NOT_FOUND)
    return OpFunction{K}(s, info)
end

Base.propertynames(::OpNamespace) = Tuple(Symbol(n) for n in _OP_NAMES)
Base.show(io::IO, ::OpNamespace{K}) where {K} =
    print(io, "mx.", K, " (", length(_OP_NAMES), " operator names from the registry)")
