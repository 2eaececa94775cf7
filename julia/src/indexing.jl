# getindex / setindex! / view on NDArrays, with Julia's 1-based, column-major indices.
#
# x[i, j, ...] takes one index per Julia dimension: an Int (the dimension is dropped, as
# in Julia), a range (steps allowed, also negative) or `:`. The result is a copy made by
# the registry's `slice` operator; x[...] = v writes in place through `_slice_assign` /
# `_slice_assign_scalar`. Only the last Julia dimension (the core's rows) can be viewed
# without a copy: `view(x, :, ..., r)` or `mx.slice(x, r)` share memory with x.

Base.firstindex(x::NDArray) = 1
Base.lastindex(x::NDArray) = length(x)
Base.firstindex(x::NDArray, d::Integer) = 1
Base.lastindex(x::NDArray, d::Integer) = size(x, d)

const _Index = Union{Integer,Colon,AbstractRange{<:Integer}}

# Per Julia dimension: (begin, end, step) in the core's 0-based half-open terms (end
# `nothing` means "past the start", for negative steps), the length, and whether it
# is dropped.
function _index_spec(x::NDArray{T,N}, I::Tuple) where {T,N}
    length(I) == N || throw(ArgumentError("NDArray of $(N) dimensions indexed with $(length(I)) indices " *
                                          "(give one per dimension, or a single `:` for all elements)"))
    begins = Any[]
    ends = Any[]
    steps = Any[]
    sliced = Int[]     # lengths, dropped dims kept as 1
    result = Int[]     # lengths of the dimensions that stay
    for d in 1:N
        n = x.dims[d]
        idx = I[d]
        if idx isa Colon
            push!(begins, 0); push!(ends, n); push!(steps, 1)
            push!(sliced, n); push!(result, n)
        elseif idx isa Integer
            1 <= idx <= n || throw(BoundsError(x, I))
            push!(begins, Int(idx) - 1); push!(ends, Int(idx)); push!(steps, 1)
            push!(sliced, 1)
        elseif idx isa AbstractRange
            len = length(idx)
            if len > 0
                (1 <= minimum(idx) && maximum(idx) <= n) ||
                    throw(BoundsError(x, I))
            end
            s = Int(step(idx))
            s == 0 && throw(ArgumentError("index ranges must have a non-zero step"))
            b = Int(first(idx)) - 1
            e = b + s * len      # exclusive end, 0-based
            push!(begins, b); push!(ends, (s < 0 && e < 0) ? nothing : e); push!(steps, s)
            push!(sliced, len); push!(result, len)
        else
            throw(ArgumentError("index of type $(typeof(idx)) is not supported on dimension $(d) " *
                                "(use Int, a range or :)"))
        end
    end
    # The core takes them in its own (reversed) order.
    return (reverse(begins), reverse(ends), reverse(steps), Tuple(sliced), Tuple(result))
end

function _slice_params(spec)
    return (["begin", "end", "step"], [_param_str(spec[1]), _param_str(spec[2]), _param_str(spec[3])])
end

function Base.getindex(x::NDArray{T,N}, I::_Index...) where {T,N}
    N == 0 && isempty(I) && return Array(x)[]                 # x[] of a 0-dimensional array
    if length(I) == 1 && N != 1
        i = I[1]
        i isa Colon && return copy(vec(x))                    # x[:] : all elements, a vector
        return getindex(vec(x), i)                             # linear indexing
    end
    spec = _index_spec(x, I)
    keys, vals = _slice_params(spec)
    r = _invoke_op(op"slice", NDArray[x], keys, vals)
    result = spec[5]
    isempty(result) && return Array(r)[1]                     # all Ints: one element
    return size(r) == result ? r : reshape(r, result)
end

# Value `v` as an NDArray with x's element type and device and the given Julia dims.
function _value_ndarray(x::NDArray{T}, v, dims::Tuple) where {T}
    if v isa NDArray
        length(v) == prod(dims) ||
            throw(DimensionMismatch("cannot assign $(size(v)) values to a region of size $(dims)"))
        v2 = eltype(v) === T ? v : astype(v, T)
        return size(v2) == dims ? v2 : reshape(v2, dims)
    end
    a = convert(Array{T}, v isa AbstractArray ? v : collect(v))
    length(a) == prod(dims) ||
        throw(DimensionMismatch("cannot assign $(size(a)) values to a region of size $(dims)"))
    return array(reshape(a, dims), T; ctx=context(x))
end

function Base.setindex!(x::NDArray{T,N}, v, I::_Index...) where {T,N}
    if length(I) == 1 && N != 1
        i = I[1]
        i isa Colon && (_assign!(x, v); return x)
        setindex!(vec(x), v, i)   # a view: writes reach x
        return x
    end
    spec = _index_spec(x, I)
    keys, vals = _slice_params(spec)
    if v isa Real
        _invoke_op(op"_slice_assign_scalar", NDArray[x], vcat(keys, "scalar"),
                   vcat(vals, _param_str(Float64(v))); out=x)
    else
        value = _value_ndarray(x, v, spec[4])
        _invoke_op(op"_slice_assign", NDArray[x, value], keys, vals; out=x)
    end
    return x
end

# dst[:] = value: a number (the registry's _full), an NDArray (copied, broadcast when
# its size differs) or a Julia array (same size, or same number of elements).
function _assign!(dst::NDArray{T}, value) where {T}
    if value isa Real
        _invoke_op(op"_full", NDArray[], ["shape", "value", "dtype", "ctx"],
                   [_shape_str(size(dst)), _param_str(Float64(value)), dtype_name(T), string(context(dst))];
                   out=dst)
    elseif value isa NDArray
        value.handle == dst.handle && return dst
        if size(value) == size(dst)
            copy!(dst, value)
        else
            v = ndims(value) < ndims(dst) ?
                reshape(value, (size(value)..., ntuple(_ -> 1, ndims(dst) - ndims(value))...)) : value
            b = _invoke_op(op"broadcast_to", NDArray[v], ["shape"], [_shape_str(size(dst))])
            copy!(dst, b)
        end
    elseif value isa AbstractArray
        if size(value) == size(dst)
            copy!(dst, value)
        elseif length(value) == length(dst)
            copy!(dst, reshape(convert(Array{T}, value), size(dst)))
        else
            full = Array{T}(undef, size(dst))
            full .= value     # Julia's broadcasting rules
            copy!(dst, full)
        end
    else
        throw(ArgumentError("cannot assign a $(typeof(value)) to an NDArray"))
    end
    return dst
end

"""
    view(x::NDArray, :, ..., :, r)

A view sharing memory with `x`, restricted along the last Julia dimension (the core's
rows) to the range `r`, or to one index (that dimension then dropped). Other
dimensions must be `:`; use `x[...]` (a copy) for anything else.
"""
function Base.view(x::NDArray{T,N}, I::_Index...) where {T,N}
    (length(I) == N && all(i -> i isa Colon, I[1:(N - 1)])) ||
        throw(ArgumentError("view(::NDArray, ...): only the last dimension can be restricted " *
                            "(other indices must be :); use x[...] for a copy"))
    last_index = I[N]
    last_index isa Colon && return x
    last_index isa Integer && return _view_at(x, last_index)
    (last_index isa AbstractUnitRange) ||
        throw(ArgumentError("view(::NDArray, ...): the last index must be an Int or a unit range"))
    return slice(x, UnitRange{Int}(first(last_index), last(last_index)))
end
