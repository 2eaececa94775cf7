# save / load of NDArrays (MXNet's .params format) and of graphs (MXNet JSON).

"""
    mx.save(fname, x::NDArray)
    mx.save(fname, xs::AbstractVector{<:NDArray})
    mx.save(fname, d::AbstractDict)            # names (Symbol or String) => NDArray
    mx.save(fname, ps::AbstractVector{<:Pair}) # names => NDArray, in this order
    mx.save(fname, s::SymbolicNode)

Arrays go to MXNet's .params format (readable by MXNet 1.x and Python mxlite), written to
a temporary file and renamed; a graph goes to MXNet JSON.
"""
save(fname::AbstractString, x::NDArray) = save(fname, NDArray[x])

function save(fname::AbstractString, xs::AbstractVector{<:NDArray})
    _save(fname, collect(NDArray, xs), nothing)
end

save(fname::AbstractString, d::AbstractDict) = save(fname, [k => v for (k, v) in d])

function save(fname::AbstractString, ps::AbstractVector{<:Pair})
    names = String[string(p.first) for p in ps]
    arrays = NDArray[]
    for p in ps
        p.second isa NDArray || throw(ArgumentError("save: value of $(p.first) is a $(typeof(p.second)), not an NDArray"))
        push!(arrays, p.second)
    end
    _save(fname, arrays, names)
end

function _save(fname::AbstractString, arrays::Vector{NDArray}, names::Union{Nothing,Vector{String}})
    handles = Ptr{Cvoid}[a.handle for a in arrays]
    cnames = names === nothing ? _CStrings(String[]) : _CStrings(names)
    GC.@preserve arrays begin
        @mxcall(:mxl_nd_save, (Cstring, Cint, Ptr{Ptr{Cvoid}}, Ptr{Ptr{UInt8}}),
                fname, length(handles), handles, cnames)
    end
    return nothing
end

save(fname::AbstractString, s::SymbolicNode) =
    @mxcall(:mxl_symbol_save, (Ptr{Cvoid}, Cstring), s, fname)

"""
    mx.load_arrays(fname) -> (arrays::Vector{NDArray}, names::Union{Nothing,Vector{String}})

What the file holds, in file order: the arrays, and their names (`nothing` for a list).
"""
function load_arrays(fname::AbstractString)
    n = Ref{Cint}(0)
    arrs = Ref{Ptr{Ptr{Cvoid}}}(C_NULL)
    names = Ref{Ptr{Ptr{UInt8}}}(C_NULL)
    handles, strs = _without_finalizers() do
        @mxcall(:mxl_nd_load, (Cstring, Ref{Cint}, Ref{Ptr{Ptr{Cvoid}}}, Ref{Ptr{Ptr{UInt8}}}),
                fname, n, arrs, names)
        hs = Ptr{Cvoid}[unsafe_load(arrs[], i) for i in 1:n[]]
        ns = names[] == C_NULL ? nothing : _cstrs(names[], n[])
        (hs, ns)
    end
    return (NDArray[_wrap_ndarray(h) for h in handles], strs)
end

"""
    mx.load(fname[, NDArray]) -> Vector{NDArray} or Dict{Symbol,NDArray}
    mx.load(fname, SymbolicNode) -> SymbolicNode

Loads a file written by [`save`](@ref), by Python mxlite or by MXNet 1.x. A corrupt or
missing file raises `MXError(:MXL_ERR_IO)` naming the file.
"""
function load(fname::AbstractString, ::Type{NDArray}=NDArray)
    arrays, names = load_arrays(fname)
    names === nothing && return arrays
    return Dict{Symbol,NDArray}(Symbol(k) => v for (k, v) in zip(names, arrays))
end
load(fname::AbstractString, ::Type{SymbolicNode}) = load_symbol(fname)
