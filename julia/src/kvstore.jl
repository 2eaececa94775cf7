# KVStore: MXNet's key-value store for data-parallel training, the core's store behind
# the C ABI's mxl_kvstore_* functions (the same store the Python and JS packages use).
#
#     kv = mx.KVStore(:local)              # or :device, :dist_sync, :dist_async
#     mx.init!(kv, 3, mx.ones(3, 2))
#     push!(kv, 3, [mx.ones(3, 2), mx.ones(3, 2)])   # the values of one key are summed
#     out = mx.zeros(3, 2)
#     mx.pull!(kv, 3, out)                 # out == 2
#
# Keys are integers or strings / Symbols, one kind per store (MXNet's rule); the core
# takes strings, integers travel in decimal. Shapes in the core's messages are the
# core's (the Julia dims reversed).

"""
    mx.KVStore(kv_type=:local)

A key-value store: `:local` keeps values on cpu(0); `:device` on the device of the
array given to [`init!`](@ref); `:dist_sync` sums every push over all workers (started
by `mpirun`) before the update; `:dist_async` applies each worker's pushes to its own
copy and averages the copies at every [`barrier`](@ref). (`:dist` is `:dist_sync`.)
dist types outside `mpirun` throw `MXError(:MXL_ERR_DEVICE)` saying what is missing.

The handle is released by a finalizer; `finalize(kv)` releases it at once (pending
pushes and pulls complete).
"""
mutable struct KVStore
    handle::Ptr{Cvoid}
    key_kind::Union{Nothing,Symbol}       # :int or :string, fixed by the first key used
    optimizer::Union{Nothing,SGD}         # the optimizer applied in the store
    sent::Dict{String,Vector{String}}     # key -> per-update parameter values last sent
    known::Set{String}                    # keys seen initialized (the store holds the list)

    function KVStore(kv_type::Union{Symbol,AbstractString}=:local)
        out = Ref{Ptr{Cvoid}}(C_NULL)
        @mxcall(:mxl_kvstore_create, (Cstring, Ref{Ptr{Cvoid}}), String(kv_type), out)
        kv = new(out[], nothing, nothing, Dict{String,Vector{String}}(), Set{String}())
        finalizer(_free_kvstore, kv)
        return kv
    end
end

function _free_kvstore(kv::KVStore)
    h = kv.handle
    if h != C_NULL
        kv.handle = C_NULL
        @mxccall(:mxl_kvstore_free, Cint, (Ptr{Cvoid},), h)
    end
    return nothing
end

Base.unsafe_convert(::Type{Ptr{Cvoid}}, kv::KVStore) = kv.handle

function _kv_info(kv::KVStore)
    t = Ref{Ptr{UInt8}}(C_NULL)
    r = Ref{Cint}(0)
    n = Ref{Cint}(0)
    return _without_finalizers() do
        @mxcall(:mxl_kvstore_info, (Ptr{Cvoid}, Ref{Ptr{UInt8}}, Ref{Cint}, Ref{Cint}), kv, t, r, n)
        (Symbol(_cstr(t[])), Int(r[]), Int(n[]))
    end
end

"The store's type: `:local`, `:device`, `:nccl`, `:dist_sync` or `:dist_async`."
get_type(kv::KVStore) = _kv_info(kv)[1]
"This worker's rank (0 for local stores)."
rank(kv::KVStore) = _kv_info(kv)[2]
"The number of workers (1 for local stores)."
num_workers(kv::KVStore) = _kv_info(kv)[3]

function Base.show(io::IO, kv::KVStore)
    if kv.handle == C_NULL
        print(io, "KVStore(freed)")
    else
        t, r, n = _kv_info(kv)
        print(io, "KVStore(:", t, ", rank ", r, " of ", n, ")")
    end
end

# ---------------------------------------------------------------------- keys
function _kv_key(kv::KVStore, key, what::String)
    kind = key isa Integer && !(key isa Bool) ? :int :
           key isa Union{AbstractString,Symbol} ? :string :
           throw(ArgumentError("kvstore $(what): a key must be an integer, a string or a Symbol, " *
                               "got $(typeof(key))"))
    s = string(key)
    isempty(s) && throw(ArgumentError("kvstore $(what): a key must not be empty"))
    if kv.key_kind === nothing
        kv.key_kind = kind
    elseif kv.key_kind !== kind
        throw(ArgumentError("kvstore $(what): mixed key types are not allowed: this store uses " *
                            "$(kv.key_kind === :int ? "integer" : "string") keys, got $(repr(key))"))
    end
    return s
end

_kv_user_key(kv::KVStore, k::String) = kv.key_kind === :int ? parse(Int, k) : k

# (keys, arrays) flattened: one key with an NDArray or a vector of NDArrays (one per
# device), or a vector of keys with one NDArray or one vector each.
function _kv_pairs(kv::KVStore, key, value, what::String)
    if key isa AbstractVector
        (value isa AbstractVector && length(value) == length(key)) ||
            throw(ArgumentError("kvstore $(what): $(length(key)) keys need a vector of " *
                                "$(length(key)) values, got $(typeof(value))"))
        keys = String[]
        arrays = NDArray[]
        for (k, v) in zip(key, value)
            ks, vs = _kv_pairs(kv, k, v, what)
            append!(keys, ks)
            append!(arrays, vs)
        end
        return keys, arrays
    end
    k = _kv_key(kv, key, what)
    vals = value isa NDArray ? Any[value] : value isa AbstractVector ? collect(Any, value) :
        throw(ArgumentError("kvstore $(what): key $(repr(key)): the value must be an NDArray or a " *
                            "vector of NDArrays, got $(typeof(value))"))
    isempty(vals) && throw(ArgumentError("kvstore $(what): key $(repr(key)): no arrays given"))
    for (i, v) in enumerate(vals)
        v isa NDArray || throw(ArgumentError("kvstore $(what): key $(repr(key)): value $(i) " *
                                             "must be an NDArray, got $(typeof(v))"))
    end
    return fill(k, length(vals)), NDArray[v for v in vals]
end

# Calls f(keys, number of pairs, C keys, C array handles) for a (key, value) argument,
# the arrays kept alive over the call.
function _kv_with_pairs(f, kv::KVStore, key, value, what::String)
    keys, arrays = _kv_pairs(kv, key, value, what)
    handles = Ptr{Cvoid}[a.handle for a in arrays]
    result = GC.@preserve arrays f(keys, length(keys), _CStrings(keys), handles)
    return result
end

# ---------------------------------------------------------------------- data
"""
    mx.init!(kv::KVStore, key, value)
    mx.init!(kv::KVStore, keys::Vector, values::Vector)

Initializes key(s) with a copy of value(s). A key given twice is
`MXError(:MXL_ERR_INVALID_ARGUMENT)`. dist types: rank 0's value is used on every worker.
"""
function init!(kv::KVStore, key, value)
    _kv_with_pairs(kv, key, value, "init!") do _, n, ckeys, handles
        @mxcall(:mxl_kvstore_init, (Ptr{Cvoid}, Cint, Ptr{Ptr{UInt8}}, Ptr{Ptr{Cvoid}}), kv, n, ckeys, handles)
    end
    return kv
end

"""
    push!(kv::KVStore, key, value)
    push!(kv::KVStore, keys::Vector, values::Vector)

Pushes value(s): the values of one key (a vector, e.g. one per device) are summed. With
an optimizer ([`set_optimizer!`](@ref)) the sum is the gradient of the key's update,
without one it replaces the stored value. Each value must have the key's shape
(`MXError(:MXL_ERR_SHAPE)` naming the key and both shapes); an unknown key is
`MXError(:MXL_ERR_NOT_FOUND)`. Asynchronous, like any work on arrays.
"""
function Base.push!(kv::KVStore, key, value)
    _kv_with_pairs(kv, key, value, "push!") do keys, n, ckeys, handles
        _kv_send_params(kv, keys)
        @mxcall(:mxl_kvstore_push, (Ptr{Cvoid}, Cint, Ptr{Ptr{UInt8}}, Ptr{Ptr{Cvoid}}), kv, n, ckeys, handles)
    end
    return kv
end

"""
    mx.pull!(kv::KVStore, key, out)
    mx.pull!(kv::KVStore, keys::Vector, outs::Vector)

Copies the value of key(s) into `out` (an NDArray, or a vector: each gets the value; any
device or element type, the key's shape).
"""
function pull!(kv::KVStore, key, out)
    _kv_with_pairs(kv, key, out, "pull!") do _, n, ckeys, handles
        @mxcall(:mxl_kvstore_pull, (Ptr{Cvoid}, Cint, Ptr{Ptr{UInt8}}, Ptr{Ptr{Cvoid}}), kv, n, ckeys, handles)
    end
    return out
end

"""
    mx.pushpull!(kv::KVStore, key, value, out=value)

`push!(kv, key, value)` then `pull!(kv, key, out)`, checked together before anything
is pushed.
"""
function pushpull!(kv::KVStore, key, value, out=value)
    _kv_with_pairs(kv, key, value, "pushpull!") do pkeys, np, cpkeys, phandles
        _kv_with_pairs(kv, key, out, "pushpull!") do _, no, cokeys, ohandles
            _kv_send_params(kv, pkeys)
            @mxcall(:mxl_kvstore_pushpull,
                    (Ptr{Cvoid}, Cint, Ptr{Ptr{UInt8}}, Ptr{Ptr{Cvoid}}, Cint, Ptr{Ptr{UInt8}}, Ptr{Ptr{Cvoid}}),
                    kv, np, cpkeys, phandles, no, cokeys, ohandles)
        end
    end
    return out
end

"""
    mx.barrier(kv::KVStore)

Waits for the store's pending work; for dist types, until every worker has reached the
barrier (`:dist_async`: then every key is averaged over the workers).
"""
barrier(kv::KVStore) = (@mxcall(:mxl_kvstore_barrier, (Ptr{Cvoid},), kv); nothing)

"The initialized keys, in init order (integers for an integer-keyed store)."
function Base.keys(kv::KVStore)
    n = Ref{Cint}(0)
    p = Ref{Ptr{Ptr{UInt8}}}(C_NULL)
    names = _without_finalizers() do
        @mxcall(:mxl_kvstore_keys, (Ptr{Cvoid}, Ref{Cint}, Ref{Ptr{Ptr{UInt8}}}), kv, n, p)
        _cstrs(p[], n[])
    end
    return [_kv_user_key(kv, k) for k in names]
end

"The number of optimizer updates the store has applied to `key`."
function num_update(kv::KVStore, key)
    n = Ref{Int64}(0)
    @mxcall(:mxl_kvstore_num_update, (Ptr{Cvoid}, Cstring, Ref{Int64}), kv, _kv_key(kv, key, "num_update"), n)
    return Int(n[])
end

# ---------------------------------------------------------------------- optimizer
"""
    mx.set_optimizer!(kv::KVStore, opt::mx.SGD)
    mx.set_optimizer!(kv::KVStore, :sgd; lr=0.01, momentum=0, weight_decay=0, rescale_grad=1, clip_gradient=nothing)

Applies the optimizer's updates in the store, with the core's fused update operator
(`sgd_update`, `sgd_mom_update`): a push's sum is then the gradient of the key's
update. `rescale_grad` left as `nothing` is 1 here (the store sees no batch size: pass
`1 / batch_size` as `update!` would use). Replaces an earlier optimizer and its states.
"""
function set_optimizer!(kv::KVStore, opt::SGD)
    opname, keys, vals = _update_op(opt)
    @mxcall(:mxl_kvstore_set_optimizer, (Ptr{Cvoid}, Cstring, Cint, Ptr{Ptr{UInt8}}, Ptr{Ptr{UInt8}}),
            kv, opname, length(keys), _CStrings(keys), _CStrings(vals))
    kv.optimizer = opt
    empty!(kv.sent)
    return kv
end

const _KV_OPTIMIZERS = Dict{Symbol,Any}(:sgd => SGD)

function set_optimizer!(kv::KVStore, name::Union{Symbol,AbstractString}; kwargs...)
    make = get(_KV_OPTIMIZERS, Symbol(lowercase(String(name))), nothing)
    make === nothing && throw(ArgumentError("set_optimizer!: unknown optimizer $(repr(name)); supported: " *
                                            join(repr.(sort!(collect(keys(_KV_OPTIMIZERS)))), ", ")))
    return set_optimizer!(kv, make(; kwargs...))
end

# Sends the parameters of each pushed key's update (lr, wd, rescale_grad, clipping: the
# optimizer's fields may change between pushes) when they changed. Keys the store lacks
# are left to the push, which reports them under its own name.
function _kv_send_params(kv::KVStore, keys::Vector{String})
    opt = kv.optimizer
    opt === nothing && return nothing
    for k in unique(keys)
        k in kv.known || union!(kv.known, string.(Base.keys(kv)))
        k in kv.known || continue
        names, vals = _step_params(opt, opt.rescale_grad === nothing ? 1.0 : opt.rescale_grad)
        if get(kv.sent, k, nothing) != vals
            @mxcall(:mxl_kvstore_set_optimizer_params,
                    (Ptr{Cvoid}, Cstring, Cint, Ptr{Ptr{UInt8}}, Ptr{Ptr{UInt8}}),
                    kv, k, length(names), _CStrings(names), _CStrings(vals))
            kv.sent[k] = vals
        end
    end
    return nothing
end

"""
    mx.save_optimizer_states(kv::KVStore, fname)

Saves every key's optimizer states and update counts (.params format).
"""
function save_optimizer_states(kv::KVStore, fname::AbstractString)
    kv.optimizer === nothing &&
        throw(ArgumentError("save_optimizer_states: no optimizer is set (call set_optimizer! first)"))
    @mxcall(:mxl_kvstore_save_optimizer_states, (Ptr{Cvoid}, Cstring), kv, fname)
    return nothing
end

"""
    mx.load_optimizer_states(kv::KVStore, fname)

Loads states saved by [`save_optimizer_states`](@ref): the same optimizer, keys and
shapes (else an `MXError` naming what differs, the states left unchanged).
"""
function load_optimizer_states(kv::KVStore, fname::AbstractString)
    kv.optimizer === nothing &&
        throw(ArgumentError("load_optimizer_states: no optimizer is set (call set_optimizer! first)"))
    @mxcall(:mxl_kvstore_load_optimizer_states, (Ptr{Cvoid}, Cstring), kv, fname)
    return nothing
end
