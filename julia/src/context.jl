# Devices: mx.cpu(), mx.gpu().

"""
    Context(device_type, device_id)

A device: `device_type` is `MXL_CPU` (1) or `MXL_GPU` (2) (the C ABI's numbering,
MXNet's and DLPack's). Made by [`cpu`](@ref) and [`gpu`](@ref); printed as `cpu(0)`.
"""
struct Context
    device_type::Int
    device_id::Int
    function Context(device_type::Integer, device_id::Integer=0)
        device_type in (MXL_CPU, MXL_GPU) ||
            throw(ArgumentError("unknown device type $(device_type); expected MXL_CPU ($(MXL_CPU)) or MXL_GPU ($(MXL_GPU))"))
        device_id >= 0 || throw(ArgumentError("device id must be >= 0, got $(device_id)"))
        return new(Int(device_type), Int(device_id))
    end
end

"""
    cpu(id=0)

The CPU context (MXNet's `mx.cpu()`).
"""
cpu(id::Integer=0) = Context(MXL_CPU, id)

"""
    gpu(id=0)

The context of GPU `id` (MXNet's `mx.gpu()`). Arrays on it need the CUDA plugin; without
a usable GPU the first operation raises `MXError(:MXL_ERR_DEVICE)`.
"""
gpu(id::Integer=0) = Context(MXL_GPU, id)

device_name(ctx::Context) = ctx.device_type == MXL_CPU ? "cpu" : "gpu"

# "cpu(0)": also the text of an operator's `ctx` parameter (`string(ctx)`).
Base.show(io::IO, ctx::Context) = print(io, device_name(ctx), "(", ctx.device_id, ")")
