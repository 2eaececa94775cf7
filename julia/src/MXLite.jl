"""
    MXLite

Julia binding of mxlite, a deep-learning engine in the shape of Apache MXNet 1.x, over
its C ABI (`mxlite/c_api.h`) only. `using MXLite` brings `mx` into scope:

```julia
using MXLite
a = mx.ones(2, 3)             # a 2×3 NDArray (the core's (3, 2) array)
b = a .* 2 .+ 1               # registry operators, computed lazily by the engine
Array(b)                      # waits, then copies: a 2×3 Matrix{Float32}
mx.nd.FullyConnected          # every registry operator, generated at __init__
```

The library is found through `ENV["MXLITE_LIBRARY"]`, the installed Python package
`mxlite`, or this repository's `build/` ([`MXLite.find_library`](@ref)).
"""
module MXLite

using Libdl

export mx

"The package itself under MXNet.jl's short name: `mx.zeros`, `mx.nd.exp`, ..."
const mx = MXLite

include("libmxlite.jl")
include("context.jl")
include("ndarray.jl")
include("ops.jl")
include("arith.jl")
include("indexing.jl")
include("symbol.jl")
include("executor.jl")
include("autograd.jl")
include("io.jl")
include("random.jl")
include("model.jl")
include("kvstore.jl")

function __init__()
    _load_library()
    _load_registry()
    # Let pending work finish before the process exits (errors have nowhere to go then).
    atexit(() -> @mxccall(:mxl_waitall, Cint, ()))
    return nothing
end

end # module
