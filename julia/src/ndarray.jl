# NDArray: an array on a device, owned by the core and referred to by a handle.
#
# Column-major: a Julia NDArray of size (a, b, c) is the core array of shape (c, b, a),
# the same bytes in the same order. Julia's first index varies fastest in memory, as
# does the core's last. So `size(x)` is the core shape reversed, `Array(x)` is a plain
# copy of the buffer, and nothing is ever transposed.

# ---------------------------------------------------------------------- dtypes
# Julia element type <-> the C ABI's MXL_* type flag and MXNet's dtype name.
const _DTYPES = (
    (Float32, MXL_FLOAT32, "float32"),
    (Float64, MXL_FLOAT64, "float64"),
    (Float16, MXL_FLOAT16, "float16"),
    (UInt8, MXL_UINT8, "uint8"),
    (Int32, MXL_INT32, "int32"),
    (Int8, MXL_INT8, "int8"),
    (Int64, MXL_INT64, "int64"),
    (Bool, MXL_BOOL, "bool"),
)

"""
    MXLite.DType

The element types an NDArray can have: `Float32`, `Float64`, `Float16`, `UInt8`,
`Int32`, `Int8`, `Int64`, `Bool`.
"""
const DType = Union{Float32,Float64,Float16,UInt8,Int32,Int8,Int64,Bool}

function dtype_flag(T::Type)
    for (t, flag, _) in _DTYPES
        t === T && return flag
    end
    throw(ArgumentError("unsupported element type $(T); supported: " *
                        join([string(t) for (t, _, _) in _DTYPES], ", ")))
end

function dtype_name(T::Type)
    for (t, _, name) in _DTYPES
        t === T && return name
    end
    throw(ArgumentError("unsupported element type $(T)"))
end

function julia_type(flag::Integer)
    for (t, f, _) in _DTYPES
        f == flag && return t
    end
    throw(ArgumentError("unknown dtype flag $(flag)"))
end

function julia_type(name::AbstractString)
    for (t, _, n) in _DTYPES
        n == name && return t
    end
    throw(ArgumentError("unknown dtype $(repr(name))"))
end

# ---------------------------------------------------------------------- the type
"""
    NDArray{T,N}

An `N`-dimensional array of element type `T` living on a device, computed
asynchronously by the mxlite engine. Operations return at once; reading values
(`Array(x)`, `copy!(julia_array, x)`, printing) waits for them.

Julia's column-major view of the core's row-major array: `size(x)` is the core shape
reversed and the memory is shared as is. A 784×128 Julia NDArray is the core's
(128, 784) array, i.e. 128 samples of 784 features, the batch being the last Julia
dimension as in MXNet.jl.

The handle is released by a finalizer; `finalize(x)` releases it at once.
"""
mutable struct NDArray{T,N}
    handle::Ptr{Cvoid}
    dims::NTuple{N,Int}   # Julia order (the core shape reversed)
    grad::Any             # the gradient array after attach_grad! (an NDArray), else nothing

    function NDArray{T,N}(handle::Ptr{Cvoid}, dims::NTuple{N,Int}) where {T,N}
        x = new{T,N}(handle, dims, nothing)
        finalizer(_free_ndarray, x)
        return x
    end
end

# Finalizers must not throw or wait; freeing is safe while work on the array is
# still pending (the engine holds its own reference).
function _free_ndarray(x::NDArray)
    h = x.handle
    if h != C_NULL
        x.handle = C_NULL
        @mxccall(:mxl_nd_free, Cint, (Ptr{Cvoid},), h)
    end
    return nothing
end

# Passing an NDArray where the C ABI takes an mxl_ndarray: ccall keeps the Julia object
# (and so the handle) alive for the duration of the call.
Base.unsafe_convert(::Type{Ptr{Cvoid}}, x::NDArray) = x.handle

# Wraps a handle the library returned (taking ownership of it).
function _wrap_ndarray(h::Ptr{Cvoid})
    info = try
        _nd_info(h)
    catch
        @mxccall(:mxl_nd_free, Cint, (Ptr{Cvoid},), h)
        rethrow()
    end
    ndim, dims, flag = info[1], info[2], info[3]
    T = julia_type(flag)
    jdims = ntuple(i -> Int(dims[ndim - i + 1]), ndim)
    return NDArray{T,ndim}(h, jdims)
end

function _nd_info(h::Ptr{Cvoid})
    ndim = Ref{Cint}(0)
    dims = Vector{Int64}(undef, MXL_MAX_NDIM)
    dtype = Ref{Cint}(0)
    dev_type = Ref{Cint}(0)
    dev_id = Ref{Cint}(0)
    @mxcall(:mxl_nd_info, (Ptr{Cvoid}, Ref{Cint}, Ptr{Int64}, Ref{Cint}, Ref{Cint}, Ref{Cint}),
            h, ndim, dims, dtype, dev_type, dev_id)
    return (Int(ndim[]), dims, Int(dtype[]), Int(dev_type[]), Int(dev_id[]))
end

# The core's shape (row-major) of Julia dims, as C int64s.
_core_shape(dims) = Int64[Int64(d) for d in reverse(Tuple(dims))]

# ---------------------------------------------------------------------- metadata
Base.size(x::NDArray) = x.dims
Base.size(x::NDArray{T,N}, d::Integer) where {T,N} =
    d < 1 ? throw(ArgumentError("dimension must be >= 1, got $(d)")) : (d <= N ? x.dims[d] : 1)
Base.ndims(::NDArray{T,N}) where {T,N} = N
Base.length(x::NDArray) = prod(x.dims)
Base.eltype(::Type{<:NDArray{T}}) where {T} = T
Base.axes(x::NDArray) = map(Base.OneTo, x.dims)

"""
    context(x::NDArray) -> Context

The device the array lives on.
"""
function context(x::NDArray)
    info = _nd_info(x.handle)
    return Context(info[4], info[5])
end

"""
    wait_to_read(x::NDArray)

Blocks until pending writes of `x` are done; raises their error, if any.
"""
wait_to_read(x::NDArray) = @mxcall(:mxl_nd_wait_to_read, (Ptr{Cvoid},), x)

"""
    wait_to_write(x::NDArray)

Blocks until all pending reads and writes of `x` are done.
"""
wait_to_write(x::NDArray) = @mxcall(:mxl_nd_wait_to_write, (Ptr{Cvoid},), x)

"""
    waitall()

Blocks until all pushed work is done; raises the first error asynchronous work raised
since the last `waitall`.
"""
waitall() = @mxcall(:mxl_waitall, ())

# ---------------------------------------------------------------------- creation
_dims_tuple(dims::Tuple) = map(Int, dims)
_dims_tuple(dims::Integer...) = map(Int, dims)

function _check_dims(dims)
    for d in dims
        d >= 0 || throw(ArgumentError("array dimensions must be >= 0, got $(dims)"))
    end
    length(dims) <= MXL_MAX_NDIM ||
        throw(ArgumentError("at most $(MXL_MAX_NDIM) dimensions, got $(length(dims))"))
    return dims
end

"""
    mx.empty([T=Float32,] dims...; ctx=mx.cpu())

A new array with uninitialized values (`dims` in Julia order).
"""
function empty(::Type{T}, dims::NTuple{N,Integer}, ctx::Context=cpu()) where {T,N}
    jdims = _check_dims(_dims_tuple(dims))
    shape = _core_shape(jdims)
    out = Ref{Ptr{Cvoid}}(C_NULL)
    @mxcall(:mxl_nd_create, (Ptr{Int64}, Cint, Cint, Cint, Cint, Ref{Ptr{Cvoid}}),
            shape, N, dtype_flag(T), ctx.device_type, ctx.device_id, out)
    return NDArray{T,N}(out[], jdims)
end
empty(::Type{T}, dims::Integer...; ctx::Context=cpu()) where {T} = empty(T, dims, ctx)
empty(dims::Tuple, ctx::Context=cpu()) = empty(Float32, dims, ctx)
empty(dims::Integer...; ctx::Context=cpu()) = empty(Float32, dims, ctx)

# zeros / ones go through the registry's _zeros / _ones, as in Python.
function _filled(opname::String, ::Type{T}, dims::Tuple, ctx::Context) where {T}
    jdims = _check_dims(_dims_tuple(dims))
    return _invoke_op(opname, NDArray[], ["shape", "ctx", "dtype"],
                      [_shape_str(jdims), string(ctx), dtype_name(T)])
end

"""
    mx.zeros([T=Float32,] dims...; ctx=mx.cpu())
    mx.zeros([T=Float32,] dims::Tuple[, ctx])

An array of zeros (the registry's `_zeros`). `dims` are Julia dims: `mx.zeros(2, 3)` is
a 2×3 NDArray, the core's (3, 2).
"""
zeros(::Type{T}, dims::Tuple, ctx::Context=cpu()) where {T} = _filled(op"_zeros", T, dims, ctx)
zeros(::Type{T}, dims::Integer...; ctx::Context=cpu()) where {T} = zeros(T, dims, ctx)
zeros(dims::Tuple, ctx::Context=cpu()) = zeros(Float32, dims, ctx)
zeros(dims::Integer...; ctx::Context=cpu()) = zeros(Float32, dims, ctx)

"""
    mx.ones([T=Float32,] dims...; ctx=mx.cpu())
    mx.ones([T=Float32,] dims::Tuple[, ctx])

An array of ones (the registry's `_ones`).
"""
ones(::Type{T}, dims::Tuple, ctx::Context=cpu()) where {T} = _filled(op"_ones", T, dims, ctx)
ones(::Type{T}, dims::Integer...; ctx::Context=cpu()) where {T} = ones(T, dims, ctx)
ones(dims::Tuple, ctx::Context=cpu()) = ones(Float32, dims, ctx)
ones(dims::Integer...; ctx::Context=cpu()) = ones(Float32, dims, ctx)

"""
    mx.array(x::AbstractArray[, T]; ctx=mx.cpu())
    NDArray(x::AbstractArray; ctx=mx.cpu())
    NDArray{T}(x::AbstractArray; ctx=mx.cpu())

An NDArray holding a copy of the Julia array `x`, with the same size and, unless `T`
is given, the same element type.
"""
function array(x::AbstractArray, ::Type{T}; ctx::Context=cpu()) where {T}
    dst = empty(T, size(x), ctx)
    copy!(dst, x)
    return dst
end
array(x::AbstractArray{T}; ctx::Context=cpu()) where {T} = array(x, T; ctx=ctx)
array(x::Number; ctx::Context=cpu()) = array(fill(x), typeof(x); ctx=ctx)

NDArray(x::AbstractArray; ctx::Context=cpu()) = array(x; ctx=ctx)
NDArray{T}(x::AbstractArray; ctx::Context=cpu()) where {T} = array(x, T; ctx=ctx)

# ---------------------------------------------------------------------- copies
"""
    copy!(dst::NDArray, src::NDArray)
    copy!(dst::NDArray, src::AbstractArray)
    copy!(dst::Array, src::NDArray)

Copies values between arrays of the same size. NDArray to NDArray is asynchronous and
converts the element type; from or to Julia memory it blocks.
"""
function Base.copy!(dst::NDArray, src::NDArray)
    dst.handle == src.handle && return dst
    size(dst) == size(src) ||
        throw(DimensionMismatch("copy!: destination has size $(size(dst)), source $(size(src))"))
    @mxcall(:mxl_nd_copy_to, (Ptr{Cvoid}, Ptr{Cvoid}), src, dst)
    return dst
end

function Base.copy!(dst::NDArray{T}, src::AbstractArray) where {T}
    size(dst) == size(src) ||
        throw(DimensionMismatch("copy!: destination has size $(size(dst)), source $(size(src))"))
    buf = convert(Array{T}, src)   # contiguous, column-major: the core's row-major bytes
    @mxcall(:mxl_nd_sync_copy_from, (Ptr{Cvoid}, Ptr{Cvoid}, UInt64), dst, buf, UInt64(sizeof(buf)))
    return dst
end

function Base.copy!(dst::Array{T}, src::NDArray{T}) where {T}
    size(dst) == size(src) ||
        throw(DimensionMismatch("copy!: destination has size $(size(dst)), source $(size(src))"))
    @mxcall(:mxl_nd_sync_copy_to, (Ptr{Cvoid}, Ptr{Cvoid}, UInt64), src, dst, UInt64(sizeof(dst)))
    return dst
end

function Base.copy!(dst::AbstractArray, src::NDArray)
    size(dst) == size(src) ||
        throw(DimensionMismatch("copy!: destination has size $(size(dst)), source $(size(src))"))
    copyto!(dst, Array(src))
    return dst
end

"""
    copy(x::NDArray[, ctx::Context])

A new array with the values of `x`, on `ctx` (default: `x`'s device).
"""
function Base.copy(x::NDArray{T}, ctx::Context) where {T}
    dst = empty(T, size(x), ctx)
    @mxcall(:mxl_nd_copy_to, (Ptr{Cvoid}, Ptr{Cvoid}), x, dst)
    return dst
end
Base.copy(x::NDArray) = copy(x, context(x))

"""
    mx.astype(x::NDArray, T)

A copy of `x` with element type `T` (values converted by the core, as in Python).
"""
function astype(x::NDArray, ::Type{T}) where {T}
    dst = empty(T, size(x), context(x))
    @mxcall(:mxl_nd_copy_to, (Ptr{Cvoid}, Ptr{Cvoid}), x, dst)
    return dst
end

"""
    Array(x::NDArray) -> Array{T,N}

A Julia array with the values of `x` (waits for pending writes; raises their errors).
"""
function Base.Array(x::NDArray{T,N}) where {T,N}
    a = Array{T,N}(undef, x.dims)
    @mxcall(:mxl_nd_sync_copy_to, (Ptr{Cvoid}, Ptr{Cvoid}, UInt64), x, a, UInt64(sizeof(a)))
    return a
end
Base.Array{S}(x::NDArray) where {S} = convert(Array{S}, Array(x))
Base.collect(x::NDArray) = Array(x)
Base.convert(::Type{Array}, x::NDArray) = Array(x)
Base.convert(::Type{Array{T}}, x::NDArray) where {T} = Array{T}(x)

# ---------------------------------------------------------------------- views
"""
    reshape(x::NDArray, dims...)

A view sharing `x`'s memory with new Julia dims; one of them may be `:` (inferred).
"""
function Base.reshape(x::NDArray, dims::Tuple{Vararg{Union{Integer,Colon}}})
    ncolon = count(d -> d isa Colon, dims)
    ncolon <= 1 || throw(ArgumentError("reshape: at most one dimension may be `:`"))
    core = Int64[d isa Colon ? Int64(-1) : Int64(d) for d in reverse(dims)]
    for d in core
        d >= -1 || throw(ArgumentError("reshape: dimensions must be >= 0, got $(dims)"))
    end
    # While autograd records, a view would not be on the tape: run the Reshape op.
    is_recording() && return _invoke_op(op"Reshape", NDArray[x], ["shape"], [_param_str(core)])
    out = Ref{Ptr{Cvoid}}(C_NULL)
    @mxcall(:mxl_nd_reshape, (Ptr{Cvoid}, Ptr{Int64}, Cint, Cint, Ref{Ptr{Cvoid}}),
            x, core, length(core), 0, out)
    return _wrap_ndarray(out[])
end
Base.reshape(x::NDArray, dims::Union{Integer,Colon}...) = reshape(x, dims)
Base.vec(x::NDArray) = reshape(x, (length(x),))

"""
    mx.slice(x::NDArray, r::UnitRange)

A view of `x` restricted to the indices `r` of its last Julia dimension (the core's
rows), sharing memory: writes through it change `x` (MXNet.jl's `slice`).
"""
function slice(x::NDArray{T,N}, r::UnitRange{<:Integer}) where {T,N}
    N >= 1 || throw(ArgumentError("slice: a 0-dimensional array has no dimension to slice"))
    n = x.dims[N]
    (first(r) >= 1 && last(r) <= n) || isempty(r) ||
        throw(BoundsError(x, (ntuple(_ -> Colon(), N - 1)..., r)))
    out = Ref{Ptr{Cvoid}}(C_NULL)
    @mxcall(:mxl_nd_slice, (Ptr{Cvoid}, Int64, Int64, Ref{Ptr{Cvoid}}),
            x, Int64(first(r) - 1), Int64(last(r)), out)
    return _wrap_ndarray(out[])
end
slice(x::NDArray, i::Integer) = slice(x, i:i)

# A view of index i of the last Julia dimension with that dimension dropped.
function _view_at(x::NDArray{T,N}, i::Integer) where {T,N}
    out = Ref{Ptr{Cvoid}}(C_NULL)
    @mxcall(:mxl_nd_at, (Ptr{Cvoid}, Int64, Ref{Ptr{Cvoid}}), x, Int64(i - 1), out)
    return _wrap_ndarray(out[])
end

# ---------------------------------------------------------------------- display
function Base.summary(io::IO, x::NDArray{T,N}) where {T,N}
    dims = N == 0 ? "0-dimensional" : join(map(string, x.dims), "×")
    print(io, dims, " NDArray{", T, ",", N, "} @", context(x))
end

function Base.show(io::IO, ::MIME"text/plain", x::NDArray)
    summary(io, x)
    println(io, ":")
    Base.print_array(io, Array(x))
end

function Base.show(io::IO, x::NDArray)
    print(io, "NDArray(")
    show(io, Array(x))
    print(io, ")")
end

# Element-wise equality of values (waits); `.==` is the registry's element-wise op.
Base.:(==)(a::NDArray, b::NDArray) = size(a) == size(b) && Array(a) == Array(b)
Base.:(==)(a::NDArray, b::AbstractArray) = size(a) == size(b) && Array(a) == b
Base.:(==)(a::AbstractArray, b::NDArray) = b == a
Base.isapprox(a::NDArray, b; kwargs...) = isapprox(Array(a), b isa NDArray ? Array(b) : b; kwargs...)
Base.isapprox(a::AbstractArray, b::NDArray; kwargs...) = isapprox(a, Array(b); kwargs...)
