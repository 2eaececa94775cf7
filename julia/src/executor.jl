# Executor: a SymbolicNode bound to arrays on a device. The gradient graph and memory
# plan are built by the core; forward and backward push work and return at once.

"""
    Executor

The result of [`bind`](@ref) / [`simple_bind`](@ref). Fields (as in MXNet.jl):
`arg_arrays`, `grad_arrays` (`nothing` where no gradient is asked), `aux_arrays`,
`outputs`, and the dicts `arg_dict`, `grad_dict`, `aux_dict` keyed by name (`Symbol`).
"""
mutable struct Executor
    handle::Ptr{Cvoid}
    symbol::SymbolicNode
    arg_arrays::Vector{NDArray}
    grad_arrays::Vector{Union{Nothing,NDArray}}
    aux_arrays::Vector{NDArray}
    outputs::Vector{NDArray}
    arg_dict::Dict{Symbol,NDArray}
    grad_dict::Dict{Symbol,NDArray}
    aux_dict::Dict{Symbol,NDArray}
    ctx::Context
end

function _free_executor(ex::Executor)
    h = ex.handle
    if h != C_NULL
        ex.handle = C_NULL
        @mxccall(:mxl_executor_free, Cint, (Ptr{Cvoid},), h)
    end
    return nothing
end

Base.unsafe_convert(::Type{Ptr{Cvoid}}, ex::Executor) = ex.handle

const _GRAD_REQS = Dict{Symbol,Int}(:null => MXL_GRAD_NULL, :write => MXL_GRAD_WRITE,
                                    :add => MXL_GRAD_ADD, :inplace => MXL_GRAD_WRITE)

function _grad_req(r)
    key = Symbol(r)
    haskey(_GRAD_REQS, key) ||
        throw(ArgumentError("grad_req $(repr(r)) is not one of :write, :add, :null"))
    return _GRAD_REQS[key]
end

function _grad_reqs(grad_req, names::Vector{Symbol})
    if grad_req isa AbstractDict
        return Int[_grad_req(get(grad_req, n, get(grad_req, String(n), :null))) for n in names]
    elseif grad_req isa AbstractVector
        length(grad_req) == length(names) ||
            throw(ArgumentError("grad_req has $(length(grad_req)) entries for $(length(names)) arguments"))
        return Int[_grad_req(r) for r in grad_req]
    end
    r = _grad_req(grad_req)
    return fill(r, length(names))
end

# Arrays given as a vector (list order) or a dict (by name) -> a vector in `names` order.
function _arrays_in_order(what::String, values, names::Vector{Symbol}; allow_missing::Bool=false)
    if values === nothing
        return Union{Nothing,NDArray}[nothing for _ in names]
    elseif values isa AbstractDict
        out = Union{Nothing,NDArray}[]
        for n in names
            v = get(values, n, get(values, String(n), nothing))
            v === nothing && !allow_missing &&
                throw(ArgumentError("$(what): no array for $(n) (needed: $(join(names, ", ")))"))
            (v === nothing || v isa NDArray) ||
                throw(ArgumentError("$(what): $(n) must be an NDArray, got $(typeof(v))"))
            push!(out, v)
        end
        return out
    end
    length(values) == length(names) ||
        throw(ArgumentError("$(what) has $(length(values)) arrays but the symbol has $(length(names)) " *
                            "($(join(names, ", ")))"))
    for (n, v) in zip(names, values)
        (v === nothing || v isa NDArray) ||
            throw(ArgumentError("$(what): $(n) must be an NDArray, got $(typeof(v))"))
    end
    return Union{Nothing,NDArray}[v for v in values]
end

"""
    bind(s::SymbolicNode, ctx::Context, args; args_grad=nothing, aux_states=nothing, grad_req=:write)

Binds `s` to arrays: `args` (and `args_grad`, `aux_states`) as a vector in
`list_arguments` order or a dict by name. `grad_req` is `:write`, `:add`, `:null`, or
per argument a vector or dict of them; without `args_grad` no gradient is computed.
"""
function Base.bind(s::SymbolicNode, ctx::Context, args; args_grad=nothing, aux_states=nothing,
                   grad_req=:write)
    arg_names = list_arguments(s)
    aux_names = list_auxiliary_states(s)
    arg_arrays = _arrays_in_order("args", args, arg_names)
    aux_arrays = _arrays_in_order("aux_states", aux_states, aux_names)
    if args_grad === nothing
        grads = Union{Nothing,NDArray}[nothing for _ in arg_names]
        reqs = fill(MXL_GRAD_NULL, length(arg_names))
    else
        grads = _arrays_in_order("args_grad", args_grad, arg_names; allow_missing=true)
        reqs = _grad_reqs(grad_req, arg_names)
        reqs = Int[g === nothing ? MXL_GRAD_NULL : r for (r, g) in zip(reqs, grads)]
    end
    grads = Union{Nothing,NDArray}[r == MXL_GRAD_NULL ? nothing : g for (g, r) in zip(grads, reqs)]
    arg_h = Ptr{Cvoid}[a.handle for a in arg_arrays]
    grad_h = Ptr{Cvoid}[g === nothing ? C_NULL : g.handle for g in grads]
    aux_h = Ptr{Cvoid}[a.handle for a in aux_arrays]
    creqs = Cint[r for r in reqs]
    out = Ref{Ptr{Cvoid}}(C_NULL)
    GC.@preserve arg_arrays grads aux_arrays begin
        @mxcall(:mxl_executor_bind,
                (Ptr{Cvoid}, Cint, Cint, Cint, Ptr{Ptr{Cvoid}}, Ptr{Ptr{Cvoid}}, Ptr{Cint},
                 Cint, Ptr{Ptr{Cvoid}}, Ref{Ptr{Cvoid}}),
                s, ctx.device_type, ctx.device_id, length(arg_h), arg_h, grad_h, creqs,
                length(aux_h), aux_h, out)
    end
    handle = out[]
    outputs = try
        _executor_outputs(handle)
    catch
        @mxccall(:mxl_executor_free, Cint, (Ptr{Cvoid},), handle)
        rethrow()
    end
    args_v = NDArray[a for a in arg_arrays]
    aux_v = NDArray[a for a in aux_arrays]
    ex = Executor(handle, s, args_v, grads, aux_v, outputs,
                  Dict{Symbol,NDArray}(zip(arg_names, args_v)),
                  Dict{Symbol,NDArray}(n => g for (n, g) in zip(arg_names, grads) if g !== nothing),
                  Dict{Symbol,NDArray}(zip(aux_names, aux_v)), ctx)
    finalizer(_free_executor, ex)
    return ex
end

function _executor_outputs(handle::Ptr{Cvoid})
    n = Ref{Cint}(0)
    arr = Ref{Ptr{Ptr{Cvoid}}}(C_NULL)
    handles = _without_finalizers() do
        @mxcall(:mxl_executor_outputs, (Ptr{Cvoid}, Ref{Cint}, Ref{Ptr{Ptr{Cvoid}}}), handle, n, arr)
        Ptr{Cvoid}[unsafe_load(arr[], i) for i in 1:n[]]
    end
    return NDArray[_wrap_ndarray(h) for h in handles]
end

"""
    simple_bind(s::SymbolicNode, ctx::Context; grad_req=:write, type_dict=nothing, name=dims...)

Allocates arguments, gradients and auxiliary states from the shapes of some inputs
(Julia dims, e.g. `data=(784, 128)`) and binds. Arrays are zero-filled.
"""
function simple_bind(s::SymbolicNode, ctx::Context; grad_req=:write, type_dict=nothing, kwargs...)
    shapes = Dict{Symbol,Any}(kwargs)
    arg_shapes, _, aux_shapes = infer_shape(s, shapes)
    if arg_shapes === nothing
        partial = infer_shape_partial(s, shapes)[1]
        missing_names = [n for (n, sh) in zip(list_arguments(s), partial) if sh === nothing]
        throw(ArgumentError("simple_bind: cannot infer the shapes of $(join(missing_names, ", ")) " *
                            "from $(shapes)"))
    end
    arg_types = aux_types = nothing
    if type_dict !== nothing
        arg_types, _, aux_types = infer_type(s; (Symbol(k) => v for (k, v) in type_dict)...)
    end
    arg_types === nothing && (arg_types = fill(Float32, length(arg_shapes)))
    aux_types === nothing && (aux_types = fill(Float32, length(aux_shapes)))
    names = list_arguments(s)
    reqs = _grad_reqs(grad_req, names)
    args = NDArray[zeros(t, sh, ctx) for (sh, t) in zip(arg_shapes, arg_types)]
    grads = Union{Nothing,NDArray}[r == MXL_GRAD_NULL ? nothing : zeros(t, sh, ctx)
                                   for (sh, t, r) in zip(arg_shapes, arg_types, reqs)]
    aux = NDArray[zeros(t, sh, ctx) for (sh, t) in zip(aux_shapes, aux_types)]
    return bind(s, ctx, args; args_grad=grads, aux_states=aux,
                grad_req=Symbol[r == MXL_GRAD_ADD ? :add : r == MXL_GRAD_WRITE ? :write : :null for r in reqs])
end

"""
    forward(ex::Executor; is_train=false, name=array...)

Runs the graph (asynchronously); keyword arrays are first copied into the arguments of
those names. Returns `ex.outputs`.
"""
function forward(ex::Executor; is_train::Bool=false, kwargs...)
    for (k, v) in kwargs
        haskey(ex.arg_dict, k) ||
            throw(ArgumentError("forward: no argument $(k) (arguments: $(join(keys(ex.arg_dict), ", ")))"))
        copy!(ex.arg_dict[k], v)
    end
    @mxcall(:mxl_executor_forward, (Ptr{Cvoid}, Cint), ex, is_train ? 1 : 0)
    return ex.outputs
end

"""
    backward(ex::Executor[, out_grads...])

Gradients into `ex.grad_arrays` (asynchronously). `out_grads`: one NDArray per output,
or none for loss outputs such as SoftmaxOutput.
"""
function backward(ex::Executor, out_grads::Union{Nothing,NDArray}...)
    grads = collect(out_grads)
    handles = Ptr{Cvoid}[g === nothing ? C_NULL : g.handle for g in grads]
    GC.@preserve grads begin
        @mxcall(:mxl_executor_backward, (Ptr{Cvoid}, Cint, Ptr{Ptr{Cvoid}}), ex, length(handles), handles)
    end
    return nothing
end
backward(ex::Executor, out_grads::AbstractVector) = backward(ex, out_grads...)

"""
    memory_stats(ex::Executor) -> (planned_bytes, naive_bytes)

The memory plan's internal buffer bytes after reuse, and without reuse.
"""
function memory_stats(ex::Executor)
    planned = Ref{UInt64}(0)
    naive = Ref{UInt64}(0)
    @mxcall(:mxl_executor_memory, (Ptr{Cvoid}, Ref{UInt64}, Ref{UInt64}), ex, planned, naive)
    return (Int(planned[]), Int(naive[]))
end

"""
    fusion_stats(ex::Executor) -> (fused_kernels, fused_nodes)

Elementwise fusion of a GPU executor: the kernels compiled at bind time and the nodes
they replace; (0, 0) on the CPU, with `MXLITE_FUSION=0`, or when fusion is unavailable
(`debug_str` says why).
"""
function fusion_stats(ex::Executor)
    groups = Ref{Cint}(0)
    nodes = Ref{Cint}(0)
    @mxcall(:mxl_executor_fusion, (Ptr{Cvoid}, Ref{Cint}, Ref{Cint}), ex, groups, nodes)
    return (Int(groups[]), Int(nodes[]))
end

"""
    debug_str(ex::Executor) -> String
"""
function debug_str(ex::Executor)
    p = Ref{Ptr{UInt8}}(C_NULL)
    return _without_finalizers() do
        @mxcall(:mxl_executor_debug_str, (Ptr{Cvoid}, Ref{Ptr{UInt8}}), ex, p)
        _cstr(p[])
    end
end

function Base.show(io::IO, ex::Executor)
    print(io, "Executor(", join(list_outputs(ex.symbol), ", "), " @", ex.ctx, ")")
end
