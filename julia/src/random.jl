# Random numbers come from the core's per-device generators (the registry's _random_*
# operators); only seeding lives here.

"""
    mx.srand(seed::Integer[, ctx::Context])

Seeds the generator of `ctx`'s device, or of every device (MXNet.jl's `mx.srand`).
Operators pushed afterwards draw a reproducible stream.
"""
srand(seed::Integer) = @mxcall(:mxl_random_seed, (Int64, Cint, Cint), Int64(seed), -1, 0)
srand(seed::Integer, ctx::Context) =
    @mxcall(:mxl_random_seed, (Int64, Cint, Cint), Int64(seed), ctx.device_type, ctx.device_id)

"""
    mx.rand!(x::NDArray, low=0, high=1) / mx.randn!(x::NDArray, mean=0, std=1)

Fills `x` in place with uniform / normal draws (the registry's `_random_uniform` /
`_random_normal`).
"""
function rand!(x::NDArray{T}, low::Real=0, high::Real=1) where {T}
    _invoke_op(op"_random_uniform", NDArray[],
               ["low", "high", "shape", "dtype", "ctx"],
               [_param_str(Float64(low)), _param_str(Float64(high)), _shape_str(size(x)),
                dtype_name(T), string(context(x))]; out=x)
    return x
end

function randn!(x::NDArray{T}, mean::Real=0, std::Real=1) where {T}
    _invoke_op(op"_random_normal", NDArray[],
               ["loc", "scale", "shape", "dtype", "ctx"],
               [_param_str(Float64(mean)), _param_str(Float64(std)), _shape_str(size(x)),
                dtype_name(T), string(context(x))]; out=x)
    return x
end
