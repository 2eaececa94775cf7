# Finding and loading libmxlite, the @mxcall macro every C call goes through, and the
# exception that carries the core's error message.
#
# Why not `ccall((:mxl_fn, libpath), ...)`: that form needs the library path as a
# constant when the method is compiled, but the path is only known at __init__
# (MXLITE_LIBRARY, the Python package, a build tree). So __init__ dlopens the library
# and looks up every function the package uses into `_C_PTRS`; each @mxcall site
# reads its pointer from there and calls `ccall(fptr, ...)`.

# ------------------------------------------------------------ constants of c_api.h
# Same names and values as the header's #defines (tests/julia_static checks them).
const MXL_ABI_VERSION_MAJOR = 1

const MXL_OK = 0
const MXL_ERR_INVALID_ARGUMENT = 1
const MXL_ERR_SHAPE = 2
const MXL_ERR_DTYPE = 3
const MXL_ERR_NOT_FOUND = 4
const MXL_ERR_DEVICE = 5
const MXL_ERR_IO = 6
const MXL_ERR_OUT_OF_MEMORY = 7
const MXL_ERR_INTERNAL = 8
const MXL_ERR_INDEX = 9
const MXL_ERR_INVALID_HANDLE = 10
const MXL_ERR_ARITHMETIC = 11

const MXL_FLOAT32 = 0
const MXL_FLOAT64 = 1
const MXL_FLOAT16 = 2
const MXL_UINT8 = 3
const MXL_INT32 = 4
const MXL_INT8 = 5
const MXL_INT64 = 6
const MXL_BOOL = 7

const MXL_CPU = 1
const MXL_GPU = 2
const MXL_MAX_NDIM = 10

const MXL_OP_DIFFERENTIABLE = 1
const MXL_OP_RANDOM = 2
const MXL_OP_MUTATES_INPUTS = 4
const MXL_OP_HAS_GPU = 8
const MXL_OP_HIDDEN = 16

const MXL_LIST_ARGUMENTS = 0
const MXL_LIST_OUTPUTS = 1
const MXL_LIST_AUX = 2
const MXL_LIST_INPUTS = 3

const MXL_GRAD_NULL = 0
const MXL_GRAD_WRITE = 1
const MXL_GRAD_ADD = 3

# Error code -> the header's name for it (the `kind` of an MXError).
const _ERR_KINDS = Dict{Int,Symbol}(
    MXL_ERR_INVALID_ARGUMENT => :MXL_ERR_INVALID_ARGUMENT,
    MXL_ERR_SHAPE => :MXL_ERR_SHAPE,
    MXL_ERR_DTYPE => :MXL_ERR_DTYPE,
    MXL_ERR_NOT_FOUND => :MXL_ERR_NOT_FOUND,
    MXL_ERR_DEVICE => :MXL_ERR_DEVICE,
    MXL_ERR_IO => :MXL_ERR_IO,
    MXL_ERR_OUT_OF_MEMORY => :MXL_ERR_OUT_OF_MEMORY,
    MXL_ERR_INTERNAL => :MXL_ERR_INTERNAL,
    MXL_ERR_INDEX => :MXL_ERR_INDEX,
    MXL_ERR_INVALID_HANDLE => :MXL_ERR_INVALID_HANDLE,
    MXL_ERR_ARITHMETIC => :MXL_ERR_ARITHMETIC,
)

# ------------------------------------------------------------------- the exception
"""
    MXError <: Exception

An error reported by the mxlite core through the C ABI.

- `code`: the `MXL_ERR_*` number the C function returned,
- `kind`: its name as a `Symbol` (`:MXL_ERR_SHAPE`, `:MXL_ERR_NOT_FOUND`, ...),
- `msg`: the core's message (`mxl_last_error()`), which names the operator, argument
  or parameter and what was expected,
- `func`: the C function that failed (`:mxl_imperative_invoke`, ...).

Errors of asynchronous work come back at the next wait on the arrays it writes
(`Array(x)`, `wait_to_read(x)`, `mx.waitall()`), with their original message.
"""
struct MXError <: Exception
    code::Int
    kind::Symbol
    msg::String
    func::Symbol
end

function Base.showerror(io::IO, e::MXError)
    print(io, "MXError(", e.kind, ") in ", e.func, ": ", e.msg)
end

_err_kind(code::Integer) = get(_ERR_KINDS, Int(code), :MXL_ERR_INTERNAL)

# ------------------------------------------------------------------ the C call sites
# Every C function the package calls, in the order the @mxcall sites were expanded
# (filled while the package's code is loaded), and their addresses (filled by __init__).
const _C_NAMES = Symbol[]
const _C_PTRS = Ptr{Cvoid}[]

function _c_index(name::Symbol)
    i = findfirst(isequal(name), _C_NAMES)
    if i === nothing
        push!(_C_NAMES, name)
        i = length(_C_NAMES)
    end
    return i
end

function _c_symbol(fname)
    fname isa QuoteNode && return fname.value::Symbol
    if fname isa Expr && fname.head === :quote
        return fname.args[1]::Symbol
    end
    error("@mxcall: the C function must be given as :name, got $(fname)")
end

"""
    @mxcall(:mxl_fn, (ArgTypes...), args...)

Calls `int mxl_fn(...)` from c_api.h and throws an [`MXError`](@ref) with the core's
message when it returns non-zero. The argument types are written as in `ccall`.
"""
macro mxcall(fname, argtypes, args...)
    name = _c_symbol(fname)
    idx = _c_index(name)
    fptr = gensym("fptr")
    rc = gensym("rc")
    # The whole expansion is escaped (as Base.@ccall does) so that `ccall` reaches
    # lowering as the plain name; the package's own globals are GlobalRefs.
    ptrs = GlobalRef(@__MODULE__, :_C_PTRS)
    thrower = GlobalRef(@__MODULE__, :_throw_last_error)
    call = Expr(:call, :ccall, fptr, :Cint, argtypes, args...)
    ex = quote
        local $fptr = $ptrs[$idx]
        local $rc = $call
        $rc == 0 || $thrower($(QuoteNode(name)), $rc)
        nothing
    end
    return esc(ex)
end

"""
    @mxccall(:mxl_fn, RetType, (ArgTypes...), args...)

Calls a c_api.h function and returns its result unchecked: for the functions that
never fail (`mxl_version`, `mxl_last_error`) and for finalizers, which must not throw.
"""
macro mxccall(fname, rettype, argtypes, args...)
    name = _c_symbol(fname)
    idx = _c_index(name)
    fptr = gensym("fptr")
    ptrs = GlobalRef(@__MODULE__, :_C_PTRS)
    call = Expr(:call, :ccall, fptr, rettype, argtypes, args...)
    ex = quote
        local $fptr = $ptrs[$idx]
        $call
    end
    return esc(ex)
end

# Every operator name the package itself uses (arithmetic, creation, fit), written as
# op"name" so that they can be listed: statically by tests/julia_static, and at
# __init__ against the loaded registry.
const _MAPPED_OPS = String[]

macro op_str(name)
    name in _MAPPED_OPS || push!(_MAPPED_OPS, name)
    return name
end

# Fused operators used when the library has them, with a fallback made of op"..."
# operators otherwise (the optimizer's sgd_update): listed apart, never required.
const _OPTIONAL_OPS = String[]

macro fused_op_str(name)
    name in _OPTIONAL_OPS || push!(_OPTIONAL_OPS, name)
    return name
end

# Strings and arrays returned by the library stay valid until the next call into it
# on the same thread. A finalizer (mxl_nd_free, ...) could run in between when an
# allocation triggers a collection, so such results are copied with finalizers held.
function _without_finalizers(f)
    GC.enable_finalizers(false)
    try
        return f()
    finally
        GC.enable_finalizers(true)
    end
end

_cstr(p::Ptr{UInt8}) = p == C_NULL ? "" : unsafe_string(p)
_cstrs(p::Ptr{Ptr{UInt8}}, n::Integer) = String[_cstr(unsafe_load(p, i)) for i in 1:n]

@noinline function _throw_last_error(func::Symbol, rc::Integer)
    msg = _without_finalizers() do
        _cstr(@mxccall(:mxl_last_error, Ptr{UInt8}, ()))
    end
    throw(MXError(Int(rc), _err_kind(rc), msg, func))
end

# An array of C strings (`const char**`) that keeps its Julia strings alive: ccall roots
# the object returned by cconvert for the duration of the call.
struct _CStrings
    strings::Vector{String}
    ptrs::Vector{Ptr{UInt8}}
end

function _CStrings(strs)
    s = String[String(x) for x in strs]
    for x in s
        occursin('\0', x) && throw(ArgumentError("string $(repr(x)) contains a NUL byte"))
    end
    return _CStrings(s, Ptr{UInt8}[pointer(x) for x in s])
end

Base.cconvert(::Type{Ptr{Ptr{UInt8}}}, a::_CStrings) = a
function Base.unsafe_convert(::Type{Ptr{Ptr{UInt8}}}, a::_CStrings)
    isempty(a.ptrs) && return Ptr{Ptr{UInt8}}(C_NULL)
    return pointer(a.ptrs)
end

# ------------------------------------------------------------------ finding the library
const _LIB_HANDLE = Ref{Ptr{Cvoid}}(C_NULL)
const _LIB_PATH = Ref{String}("")

const _LIB_FILE = Sys.iswindows() ? "mxlite.$(Libdl.dlext)" : "libmxlite.$(Libdl.dlext)"

# Asks Python (MXLITE_PYTHON, else python3 / python on PATH) where the installed mxlite
# and scipy_openblas32 packages are, without importing them. Returns two paths or "".
function _python_package_dirs()
    py = get(ENV, "MXLITE_PYTHON", "")
    if isempty(py)
        found = Sys.which("python3")
        found === nothing && (found = Sys.which("python"))
        found === nothing && return ("", "")
        py = found
    end
    script = """
import importlib.util, os
def where(name):
    try:
        s = importlib.util.find_spec(name)
    except Exception:
        return ""
    if s is None or not s.submodule_search_locations:
        return ""
    return list(s.submodule_search_locations)[0]
print(where("mxlite"))
print(where("scipy_openblas32"))
"""
    out = try
        read(pipeline(`$py -c $script`; stderr=devnull), String)
    catch
        return ("", "")
    end
    lines = split(out, '\n')
    pkg = length(lines) >= 1 ? strip(lines[1]) : ""
    blas = length(lines) >= 2 ? strip(lines[2]) : ""
    return (String(pkg), String(blas))
end

# The core loads a BLAS for GEMM from MXLITE_BLAS_LIBRARY; like the Python package, point
# it at scipy_openblas32's library when the user has not chosen one.
function _blas_hint(blas_pkg_dir::AbstractString)
    haskey(ENV, "MXLITE_BLAS_LIBRARY") && return
    isempty(blas_pkg_dir) && return
    libdir = joinpath(blas_pkg_dir, "lib")
    isdir(libdir) || return
    for name in sort(readdir(libdir))
        if startswith(name, "libscipy_openblas") && endswith(name, "." * Libdl.dlext)
            ENV["MXLITE_BLAS_LIBRARY"] = joinpath(libdir, name)
            return
        end
    end
end

"""
    MXLite.find_library() -> String

Where libmxlite is taken from, first match wins:

1. `ENV["MXLITE_LIBRARY"]`: the path of the library file (an error if it does not exist);
2. the installed Python package `mxlite` (`pip install .`): `<site-packages>/mxlite/lib/`,
   found by asking `ENV["MXLITE_PYTHON"]` (default `python3`) where the package is;
3. a development build in this repository: `build/libmxlite.so` next to `julia/`.
"""
function find_library()
    env = get(ENV, "MXLITE_LIBRARY", "")
    if !isempty(env)
        isfile(env) || error("MXLITE_LIBRARY=$(repr(env)): no such file")
        return env
    end
    pkg_dir, blas_dir = _python_package_dirs()
    _blas_hint(blas_dir)
    candidates = String[]
    isempty(pkg_dir) || push!(candidates, joinpath(pkg_dir, "lib", _LIB_FILE))
    push!(candidates, normpath(joinpath(@__DIR__, "..", "..", "build", _LIB_FILE)))
    for path in candidates
        isfile(path) && return path
    end
    error("libmxlite not found; looked in: ", join(candidates, ", "),
          " (set MXLITE_LIBRARY to the library's path, or pip install the mxlite Python package)")
end

function _load_library()
    path = find_library()
    handle = Libdl.dlopen(path, Libdl.RTLD_NOW)
    # Look up every function the package calls; a missing one means an older library.
    ptrs = Vector{Ptr{Cvoid}}(undef, length(_C_NAMES))
    missing_names = Symbol[]
    for (i, name) in enumerate(_C_NAMES)
        p = try
            Libdl.dlsym(handle, name)
        catch
            C_NULL
        end
        if p == C_NULL
            push!(missing_names, name)
            ptrs[i] = C_NULL
        else
            ptrs[i] = p
        end
    end
    isempty(missing_names) ||
        error("$(path) lacks the C functions ", join(missing_names, ", "), " that MXLite.jl needs")
    resize!(_C_PTRS, length(ptrs))
    copyto!(_C_PTRS, ptrs)
    _LIB_HANDLE[] = handle
    _LIB_PATH[] = path
    version = @mxccall(:mxl_version, Cint, ())
    if version ÷ 10000 != MXL_ABI_VERSION_MAJOR
        error("$(path) has ABI version $(version ÷ 10000).$(version ÷ 100 % 100).$(version % 100), ",
              "but MXLite.jl needs ABI major $(MXL_ABI_VERSION_MAJOR)")
    end
    return path
end

"""
    MXLite.library_path() -> String

The path of the loaded libmxlite.
"""
library_path() = _LIB_PATH[]

"""
    MXLite.abi_version() -> Int

The loaded library's ABI version, `major * 10000 + minor * 100 + patch`.
"""
abi_version() = Int(@mxccall(:mxl_version, Cint, ()))
