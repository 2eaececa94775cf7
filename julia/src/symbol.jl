# SymbolicNode: an immutable graph of operators and variables (MXNet.jl's name for
# MXNet's Symbol). Composition, naming, inference and JSON happen in the core.

"""
    SymbolicNode

A symbolic graph. Operators (`mx.sym.<op>`), arithmetic and composition return new
nodes; a node never changes (except its attributes, as in MXNet).
"""
mutable struct SymbolicNode
    handle::Ptr{Cvoid}

    function SymbolicNode(handle::Ptr{Cvoid})
        s = new(handle)
        finalizer(_free_symbol, s)
        return s
    end
end

function _free_symbol(s::SymbolicNode)
    h = s.handle
    if h != C_NULL
        s.handle = C_NULL
        @mxccall(:mxl_symbol_free, Cint, (Ptr{Cvoid},), h)
    end
    return nothing
end

Base.unsafe_convert(::Type{Ptr{Cvoid}}, s::SymbolicNode) = s.handle

# ---------------------------------------------------------------- creation
"""
    mx.Variable(name; shape=nothing, lr_mult=nothing, wd_mult=nothing, dtype=nothing, attrs=Dict())

A free variable: an input, a weight, anything bound later. `shape` is in Julia order.
"""
function Variable(name::Union{Symbol,AbstractString}; shape=nothing, lr_mult=nothing,
                  wd_mult=nothing, dtype=nothing, attrs=Dict{String,String}())
    out = Ref{Ptr{Cvoid}}(C_NULL)
    @mxcall(:mxl_symbol_variable, (Cstring, Ref{Ptr{Cvoid}}), String(name), out)
    s = SymbolicNode(out[])
    shape === nothing || set_attr!(s, "__shape__", _shape_str(shape))
    lr_mult === nothing || set_attr!(s, "__lr_mult__", _param_str(lr_mult))
    wd_mult === nothing || set_attr!(s, "__wd_mult__", _param_str(wd_mult))
    dtype === nothing || set_attr!(s, "__dtype__", string(dtype_flag(dtype)))
    for (k, v) in attrs
        set_attr!(s, String(k), String(v))
    end
    return s
end

"""
    mx.Group(nodes::SymbolicNode...)

One node whose outputs are the outputs of all `nodes`.
"""
function Group(nodes::SymbolicNode...)
    isempty(nodes) && throw(ArgumentError("Group needs at least one SymbolicNode"))
    handles = Ptr{Cvoid}[s.handle for s in nodes]
    out = Ref{Ptr{Cvoid}}(C_NULL)
    GC.@preserve nodes begin
        @mxcall(:mxl_symbol_group, (Cint, Ptr{Ptr{Cvoid}}, Ref{Ptr{Cvoid}}), length(handles), handles, out)
    end
    return SymbolicNode(out[])
end
Group(nodes::AbstractVector{SymbolicNode}) = Group(nodes...)

"""
    mx.from_json(json::AbstractString, SymbolicNode)
    mx.from_json(json::AbstractString)

A graph from MXNet's JSON (as written by [`to_json`](@ref) or MXNet 1.x).
"""
function from_json(json::AbstractString)
    out = Ref{Ptr{Cvoid}}(C_NULL)
    @mxcall(:mxl_symbol_from_json, (Cstring, Ref{Ptr{Cvoid}}), json, out)
    return SymbolicNode(out[])
end
from_json(json::AbstractString, ::Type{SymbolicNode}) = from_json(json)

"""
    mx.to_json(s::SymbolicNode) -> String

The graph as MXNet JSON.
"""
function to_json(s::SymbolicNode)
    p = Ref{Ptr{UInt8}}(C_NULL)
    return _without_finalizers() do
        @mxcall(:mxl_symbol_to_json, (Ptr{Cvoid}, Ref{Ptr{UInt8}}), s, p)
        _cstr(p[])
    end
end

"""
    mx.load_symbol(fname) / mx.load(fname, SymbolicNode)

A graph from a JSON file (`mx.save(fname, s)`, MXNet's `*-symbol.json`).
"""
function load_symbol(fname::AbstractString)
    out = Ref{Ptr{Cvoid}}(C_NULL)
    @mxcall(:mxl_symbol_load, (Cstring, Ref{Ptr{Cvoid}}), fname, out)
    return SymbolicNode(out[])
end

# ---------------------------------------------------------------- structure
function _symbol_list(s::SymbolicNode, which::Integer)
    n = Ref{Cint}(0)
    names = Ref{Ptr{Ptr{UInt8}}}(C_NULL)
    strs = _without_finalizers() do
        @mxcall(:mxl_symbol_list, (Ptr{Cvoid}, Cint, Ref{Cint}, Ref{Ptr{Ptr{UInt8}}}), s, which, n, names)
        _cstrs(names[], n[])
    end
    return Symbol[Symbol(x) for x in strs]
end

"""
    list_arguments(s::SymbolicNode) -> Vector{Symbol}

The free variables that are arguments (inputs and weights), in the graph's order.
"""
list_arguments(s::SymbolicNode) = _symbol_list(s, MXL_LIST_ARGUMENTS)

"""
    list_outputs(s::SymbolicNode) -> Vector{Symbol}
"""
list_outputs(s::SymbolicNode) = _symbol_list(s, MXL_LIST_OUTPUTS)

"""
    list_auxiliary_states(s::SymbolicNode) -> Vector{Symbol}

States that operators update themselves (BatchNorm's moving averages).
"""
list_auxiliary_states(s::SymbolicNode) = _symbol_list(s, MXL_LIST_AUX)

"""
    list_inputs(s::SymbolicNode) -> Vector{Symbol}

Arguments and auxiliary states together.
"""
list_inputs(s::SymbolicNode) = _symbol_list(s, MXL_LIST_INPUTS)

"""
    get_name(s::SymbolicNode) -> Union{Symbol,Nothing}

The name of the single head node (`nothing` for a group of several).
"""
function get_name(s::SymbolicNode)
    p = Ref{Ptr{UInt8}}(C_NULL)
    found = Ref{Cint}(0)
    name = _without_finalizers() do
        @mxcall(:mxl_symbol_name, (Ptr{Cvoid}, Ref{Ptr{UInt8}}, Ref{Cint}), s, p, found)
        found[] != 0 ? _cstr(p[]) : nothing
    end
    return name === nothing ? nothing : Symbol(name)
end

function _num_outputs(s::SymbolicNode)
    n = Ref{Cint}(0)
    @mxcall(:mxl_symbol_num_outputs, (Ptr{Cvoid}, Ref{Cint}), s, n)
    return Int(n[])
end

"""
    s[i] / s[:name_output]

Output `i` (1-based) of a node with several outputs, or the output with that name.
"""
function Base.getindex(s::SymbolicNode, i::Integer)
    n = _num_outputs(s)
    1 <= i <= n || throw(BoundsError(s, i))
    out = Ref{Ptr{Cvoid}}(C_NULL)
    @mxcall(:mxl_symbol_get_output, (Ptr{Cvoid}, Cint, Ref{Ptr{Cvoid}}), s, i - 1, out)
    return SymbolicNode(out[])
end

function Base.getindex(s::SymbolicNode, name::Union{Symbol,AbstractString})
    outs = list_outputs(s)
    i = findall(isequal(Symbol(name)), outs)
    length(i) == 1 || throw(ArgumentError("no single output named $(name) (outputs: $(join(outs, ", ")))"))
    return s[i[1]]
end

Base.length(s::SymbolicNode) = _num_outputs(s)

"""
    get_internals(s::SymbolicNode) -> SymbolicNode

A group of every node's outputs (to take features from an inner layer).
"""
function get_internals(s::SymbolicNode)
    out = Ref{Ptr{Cvoid}}(C_NULL)
    @mxcall(:mxl_symbol_get_internals, (Ptr{Cvoid}, Ref{Ptr{Cvoid}}), s, out)
    return SymbolicNode(out[])
end

"""
    get_children(s::SymbolicNode) -> Union{SymbolicNode,Nothing}

The inputs of the head node, grouped (`nothing` for a variable).
"""
function get_children(s::SymbolicNode)
    out = Ref{Ptr{Cvoid}}(C_NULL)
    @mxcall(:mxl_symbol_get_children, (Ptr{Cvoid}, Ref{Ptr{Cvoid}}), s, out)
    c = SymbolicNode(out[])
    return _num_outputs(c) == 0 ? nothing : c
end

function Base.show(io::IO, s::SymbolicNode)
    name = get_name(s)
    if name === nothing
        print(io, "SymbolicNode(group: ", join(list_outputs(s), ", "), ")")
    else
        print(io, "SymbolicNode(", name, ")")
    end
end

# ---------------------------------------------------------------- attributes
"""
    set_attr!(s::SymbolicNode, key, value)

Sets an attribute of the head node in place (as MXNet does).
"""
set_attr!(s::SymbolicNode, key::AbstractString, value::AbstractString) =
    @mxcall(:mxl_symbol_set_attr, (Ptr{Cvoid}, Cstring, Cstring), s, key, value)

"""
    get_attr(s::SymbolicNode, key) -> Union{String,Nothing}
"""
function get_attr(s::SymbolicNode, key::Union{Symbol,AbstractString})
    p = Ref{Ptr{UInt8}}(C_NULL)
    found = Ref{Cint}(0)
    return _without_finalizers() do
        @mxcall(:mxl_symbol_get_attr, (Ptr{Cvoid}, Cstring, Ref{Ptr{UInt8}}, Ref{Cint}), s, String(key), p, found)
        found[] != 0 ? _cstr(p[]) : nothing
    end
end

"""
    list_attr(s::SymbolicNode; recursive=false) -> Dict{String,String}

Attributes of the head node; `recursive=true`: of every node, keyed "node\$key".
"""
function list_attr(s::SymbolicNode; recursive::Bool=false)
    n = Ref{Cint}(0)
    pairs = Ref{Ptr{Ptr{UInt8}}}(C_NULL)
    flat = _without_finalizers() do
        @mxcall(:mxl_symbol_list_attr, (Ptr{Cvoid}, Cint, Ref{Cint}, Ref{Ptr{Ptr{UInt8}}}),
                s, recursive ? 1 : 0, n, pairs)
        _cstrs(pairs[], 2 * n[])
    end
    return Dict{String,String}(flat[2i - 1] => flat[2i] for i in 1:(length(flat) ÷ 2))
end

# ---------------------------------------------------------------- inference
function _shape_lists(num::Integer, ndims::Ptr{Cint}, dims::Ptr{Int64})
    shapes = Union{Nothing,Tuple{Vararg{Int}}}[]
    off = 0
    for i in 1:num
        n = Int(unsafe_load(ndims, i))
        if n < 0
            push!(shapes, nothing)
        else
            core = [Int(unsafe_load(dims, off + j)) for j in 1:n]
            push!(shapes, Tuple(reverse(core)))   # Julia order
            off += n
        end
    end
    return shapes
end

function _infer_shape(s::SymbolicNode, known)
    names = String[]
    ndims = Cint[]
    dims = Int64[]
    for (k, shape) in known
        shape === nothing && continue
        push!(names, String(k))
        push!(ndims, length(shape))
        append!(dims, _core_shape(shape))
    end
    cnames = _CStrings(names)
    complete = Ref{Cint}(0)
    nums = [Ref{Cint}(0) for _ in 1:3]
    nds = [Ref{Ptr{Cint}}(C_NULL) for _ in 1:3]
    dds = [Ref{Ptr{Int64}}(C_NULL) for _ in 1:3]
    return _without_finalizers() do
        @mxcall(:mxl_symbol_infer_shape,
                (Ptr{Cvoid}, Cint, Ptr{Ptr{UInt8}}, Ptr{Cint}, Ptr{Int64}, Ref{Cint},
                 Ref{Cint}, Ref{Ptr{Cint}}, Ref{Ptr{Int64}},
                 Ref{Cint}, Ref{Ptr{Cint}}, Ref{Ptr{Int64}},
                 Ref{Cint}, Ref{Ptr{Cint}}, Ref{Ptr{Int64}}),
                s, length(names), cnames, ndims, dims, complete,
                nums[1], nds[1], dds[1], nums[2], nds[2], dds[2], nums[3], nds[3], dds[3])
        lists = [_shape_lists(nums[k][], nds[k][], dds[k][]) for k in 1:3]
        (lists[1], lists[2], lists[3], complete[] != 0)
    end
end

"""
    infer_shape(s::SymbolicNode; name=dims, ...)
    infer_shape(s::SymbolicNode, shapes::AbstractDict)

Shapes of every argument, output and auxiliary state (in list order, Julia dims) from
the shapes of some inputs (Julia dims). Returns `(arg_shapes, out_shapes, aux_shapes)`,
or `(nothing, nothing, nothing)` when some shapes cannot be decided (as MXNet.jl did).
A contradiction raises `MXError(:MXL_ERR_SHAPE)` naming the operator and the shapes.
"""
function infer_shape(s::SymbolicNode, shapes::AbstractDict)
    args, outs, aux, complete = _infer_shape(s, shapes)
    complete || return (nothing, nothing, nothing)
    return (Tuple{Vararg{Int}}[x for x in args], Tuple{Vararg{Int}}[x for x in outs],
            Tuple{Vararg{Int}}[x for x in aux])
end
infer_shape(s::SymbolicNode; kwargs...) = infer_shape(s, Dict{Symbol,Any}(kwargs))

"""
    infer_shape_partial(s::SymbolicNode; name=dims, ...)

Like [`infer_shape`](@ref), with `nothing` for each shape that cannot be decided.
"""
function infer_shape_partial(s::SymbolicNode, shapes::AbstractDict)
    args, outs, aux, _ = _infer_shape(s, shapes)
    return (args, outs, aux)
end
infer_shape_partial(s::SymbolicNode; kwargs...) = infer_shape_partial(s, Dict{Symbol,Any}(kwargs))

"""
    infer_type(s::SymbolicNode; name=T, ...)

Element types of every argument, output and auxiliary state from those of some inputs;
`(nothing, nothing, nothing)` when some cannot be decided.
"""
function infer_type(s::SymbolicNode; kwargs...)
    names = String[string(k) for (k, _) in kwargs]
    types = Cint[dtype_flag(v) for (_, v) in kwargs]
    cnames = _CStrings(names)
    complete = Ref{Cint}(0)
    nums = [Ref{Cint}(0) for _ in 1:3]
    tts = [Ref{Ptr{Cint}}(C_NULL) for _ in 1:3]
    return _without_finalizers() do
        @mxcall(:mxl_symbol_infer_type,
                (Ptr{Cvoid}, Cint, Ptr{Ptr{UInt8}}, Ptr{Cint}, Ref{Cint},
                 Ref{Cint}, Ref{Ptr{Cint}}, Ref{Cint}, Ref{Ptr{Cint}}, Ref{Cint}, Ref{Ptr{Cint}}),
                s, length(names), cnames, types, complete,
                nums[1], tts[1], nums[2], tts[2], nums[3], tts[3])
        complete[] == 0 && return (nothing, nothing, nothing)
        Tuple([DataType[julia_type(unsafe_load(tts[k][], i)) for i in 1:nums[k][]] for k in 1:3])
    end
end

# ---------------------------------------------------------------- composition
function _compose(s::SymbolicNode, name::AbstractString, keys::Union{Nothing,Vector{String}},
                  args::Vector{SymbolicNode})
    handles = Ptr{Cvoid}[a.handle for a in args]
    ckeys = keys === nothing ? _CStrings(String[]) : _CStrings(keys)
    out = Ref{Ptr{Cvoid}}(C_NULL)
    GC.@preserve args begin
        @mxcall(:mxl_symbol_compose,
                (Ptr{Cvoid}, Cstring, Cint, Ptr{Ptr{UInt8}}, Ptr{Ptr{Cvoid}}, Ref{Ptr{Cvoid}}),
                s, name, length(handles), ckeys, handles, out)
    end
    return SymbolicNode(out[])
end

"""
    (s::SymbolicNode)(args::SymbolicNode...; name=nothing, kwargs...)

Composition: replaces free variables of `s` by other nodes, positionally (in
`list_arguments` order) or by name (`net(data=other)`).
"""
function (s::SymbolicNode)(args::SymbolicNode...; name=nothing, kwargs...)
    (!isempty(args) && !isempty(kwargs)) &&
        throw(ArgumentError("compose takes positional or keyword inputs, not both"))
    if isempty(kwargs)
        return _compose(s, name === nothing ? "" : string(name), nothing, SymbolicNode[args...])
    end
    keys = String[]
    vals = SymbolicNode[]
    for (k, v) in kwargs
        v isa SymbolicNode || throw(ArgumentError("compose: input $(k) must be a SymbolicNode, got $(typeof(v))"))
        push!(keys, String(k))
        push!(vals, v)
    end
    return _compose(s, name === nothing ? "" : string(name), keys, vals)
end

# mx.sym.<op>(inputs...; params..., name=...): an atomic node composed with its inputs.
function _sym_call(info::OpInfo, opname::String, args, kwargs)
    positional = _positional_inputs(SymbolicNode, "sym", opname, args)
    name = ""
    attrs = nothing
    sym_keys = String[]
    sym_vals = SymbolicNode[]
    keys = String[]
    vals = String[]
    for (k, v) in kwargs
        key = String(k)
        if key == "name"
            name = v === nothing ? "" : string(v)
        elseif key == "attrs" || key == "attr"
            attrs = v
        elseif v isa SymbolicNode
            push!(sym_keys, key)
            push!(sym_vals, v)
        elseif v === nothing && !(key in info.params)
            continue
        else
            push!(keys, key)
            push!(vals, core_param(key, v))
        end
    end
    if info.variadic && !isempty(info.key_var_num_args) && !(info.key_var_num_args in keys)
        push!(keys, info.key_var_num_args)
        push!(vals, string(length(positional) + length(sym_keys)))
    end
    ckeys = _CStrings(keys)
    cvals = _CStrings(vals)
    out = Ref{Ptr{Cvoid}}(C_NULL)
    @mxcall(:mxl_symbol_create_atomic, (Ptr{Cvoid}, Cint, Ptr{Ptr{UInt8}}, Ptr{Ptr{UInt8}}, Ref{Ptr{Cvoid}}),
            info.handle, length(keys), ckeys, cvals, out)
    atomic = SymbolicNode(out[])
    node = if isempty(sym_keys)
        _compose(atomic, name, nothing, positional)
    elseif isempty(positional)
        _compose(atomic, name, sym_keys, sym_vals)
    else
        # positional inputs first, then by name: all by name
        length(positional) <= length(info.inputs) ||
            throw(ArgumentError("mx.sym.$(opname): too many positional inputs"))
        all_keys = vcat(info.inputs[1:length(positional)], sym_keys)
        length(unique(all_keys)) == length(all_keys) ||
            throw(ArgumentError("mx.sym.$(opname): an input is given twice ($(join(all_keys, ", ")))"))
        _compose(atomic, name, all_keys, vcat(positional, sym_vals))
    end
    if attrs !== nothing
        for (k, v) in attrs
            set_attr!(node, String(k), String(v))
        end
    end
    return node
end

# ---------------------------------------------------------------- arithmetic
# Graph arithmetic uses the registry's symbolic names (as Python's Symbol does).
_sym_op(name::String, inputs::SymbolicNode...; kwargs...) = _sym_call(op_info(name), name, inputs, kwargs)

for (f, both, scalar, rscalar) in (
        (:+, op"_Plus", op"_PlusScalar", op"_PlusScalar"),
        (:-, op"_Minus", op"_MinusScalar", op"_RMinusScalar"),
        (:*, op"_Mul", op"_MulScalar", op"_MulScalar"),
        (:/, op"_Div", op"_DivScalar", op"_RDivScalar"),
        (:^, op"_Power", op"_PowerScalar", op"_rpower_scalar"))
    @eval begin
        Broadcast.broadcasted(::typeof($f), a::SymbolicNode, b::SymbolicNode) = _sym_op($both, a, b)
        Broadcast.broadcasted(::typeof($f), a::SymbolicNode, b::Real) = _sym_op($scalar, a; scalar=_scalar_str(b))
        Broadcast.broadcasted(::typeof($f), a::Real, b::SymbolicNode) = _sym_op($rscalar, b; scalar=_scalar_str(a))
    end
end
Base.:+(a::SymbolicNode, b::SymbolicNode) = _sym_op(op"_Plus", a, b)
Base.:-(a::SymbolicNode, b::SymbolicNode) = _sym_op(op"_Minus", a, b)
Base.:+(a::SymbolicNode, b::Real) = _sym_op(op"_PlusScalar", a; scalar=_scalar_str(b))
Base.:+(a::Real, b::SymbolicNode) = b + a
Base.:-(a::SymbolicNode, b::Real) = _sym_op(op"_MinusScalar", a; scalar=_scalar_str(b))
Base.:-(a::Real, b::SymbolicNode) = _sym_op(op"_RMinusScalar", b; scalar=_scalar_str(a))
Base.:*(a::SymbolicNode, b::Real) = _sym_op(op"_MulScalar", a; scalar=_scalar_str(b))
Base.:*(a::Real, b::SymbolicNode) = b * a
Base.:/(a::SymbolicNode, b::Real) = _sym_op(op"_DivScalar", a; scalar=_scalar_str(b))
Base.:-(a::SymbolicNode) = a * -1.0
# s .^ 2 is lowered to literal_pow
Broadcast.broadcasted(::typeof(Base.literal_pow), ::typeof(^), s::SymbolicNode, ::Val{p}) where {p} =
    _sym_op(op"_PowerScalar", s; scalar=_scalar_str(p))
Broadcast.broadcastable(s::SymbolicNode) = Ref(s)
