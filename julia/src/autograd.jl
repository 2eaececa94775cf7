# Imperative autograd (MXNet's mx.autograd, MXNet.jl's attach_grad! / record / backward!).
# While recording, the core keeps a tape of the operators applied to arrays that lead
# to a variable; backward! applies each operator's registered gradient.
#
# The recording and training flags belong to the calling OS thread (c_api.h). Keep a
# `record` block on one thread: do not yield to other tasks inside it.

# Set a flag, return its previous value.
function _set_flag_recording(on::Bool)
    prev = Ref{Cint}(0)
    @mxcall(:mxl_autograd_set_recording, (Cint, Ref{Cint}), on ? 1 : 0, prev)
    return prev[] != 0
end

function _set_flag_training(on::Bool)
    prev = Ref{Cint}(0)
    @mxcall(:mxl_autograd_set_training, (Cint, Ref{Cint}), on ? 1 : 0, prev)
    return prev[] != 0
end

"""
    mx.is_recording() -> Bool
"""
function is_recording()
    on = Ref{Cint}(0)
    @mxcall(:mxl_autograd_is_recording, (Ref{Cint},), on)
    return on[] != 0
end

"""
    mx.is_training() -> Bool
"""
function is_training()
    on = Ref{Cint}(0)
    @mxcall(:mxl_autograd_is_training, (Ref{Cint},), on)
    return on[] != 0
end

function _scope(f, recording::Union{Nothing,Bool}, training::Union{Nothing,Bool})
    prev_rec = recording === nothing ? nothing : _set_flag_recording(recording)
    prev_train = training === nothing ? nothing : _set_flag_training(training)
    try
        return f()
    finally
        prev_train === nothing || _set_flag_training(prev_train)
        prev_rec === nothing || _set_flag_recording(prev_rec)
    end
end

"""
    mx.record(f; train_mode=true)      # mx.record() do ... end

Runs `f` recording the operators for [`backward!`](@ref), in training mode by default.
"""
record(f::Function; train_mode::Bool=true) = _scope(f, true, train_mode)

"""
    mx.pause(f; train_mode=false)

Runs `f` without recording (inside a `record` block).
"""
pause(f::Function; train_mode::Bool=false) = _scope(f, false, train_mode)

"""
    mx.attach_grad!(x::NDArray; grad_req=:write) -> NDArray

Allocates a zero gradient array for `x` and marks `x` as a variable: after
`backward!`, [`grad`](@ref)`(x)` holds d(heads)/dx (`grad_req=:add` accumulates).
"""
function attach_grad!(x::NDArray{T}; grad_req=:write) where {T}
    g = zeros(T, size(x), context(x))
    @mxcall(:mxl_autograd_mark_variable, (Ptr{Cvoid}, Ptr{Cvoid}, Cint), x, g, _grad_req(grad_req))
    x.grad = g
    return g
end

"""
    mx.grad(x::NDArray) -> NDArray

The gradient array attached by [`attach_grad!`](@ref).
"""
function grad(x::NDArray)
    x.grad === nothing && throw(ArgumentError("grad: no gradient attached to this array (call mx.attach_grad! first)"))
    return x.grad::NDArray
end

"""
    mx.backward!(heads[, head_grads]; train_mode=true)

Computes the gradients of the recorded `heads` (an NDArray or a vector) into the
gradient arrays of the variables. `head_grads`: one per head (`nothing` entries, or
none at all, mean ones; loss operators ignore them).
"""
function backward!(heads, head_grads=nothing; train_mode::Bool=true)
    hs = heads isa NDArray ? NDArray[heads] : collect(NDArray, heads)
    gs = head_grads === nothing ? Any[nothing for _ in hs] :
         head_grads isa NDArray ? Any[head_grads] : collect(Any, head_grads)
    length(gs) == length(hs) ||
        throw(ArgumentError("backward!: $(length(gs)) head gradients for $(length(hs)) heads"))
    h_handles = Ptr{Cvoid}[h.handle for h in hs]
    g_handles = Ptr{Cvoid}[g === nothing ? C_NULL : (g::NDArray).handle for g in gs]
    GC.@preserve hs gs begin
        @mxcall(:mxl_autograd_backward,
                (Cint, Ptr{Ptr{Cvoid}}, Ptr{Ptr{Cvoid}}, Cint, Ptr{Ptr{Cvoid}}, Cint, Ptr{Ptr{Cvoid}}),
                length(h_handles), h_handles, g_handles, 0, C_NULL, train_mode ? 1 : 0, C_NULL)
    end
    return nothing
end
