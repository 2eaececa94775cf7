# The Julia conformance runner (tests/conformance/README.md, "Runners"):
#   julia tests/conformance/runners/julia.jl [cases-dir]
# Loads MXLite.jl from julia/ in this repository (its own project environment; it has
# only standard-library dependencies), runs every case through the package's public
# API (julia/test/conformance.jl) and prints `conformance: N passed, N failed`.
# Exits 77 with `conformance: not run (<why>)` when the package cannot be loaded.

import Pkg

const REPO = normpath(joinpath(@__DIR__, "..", "..", ".."))
const CASES = length(ARGS) >= 1 ? ARGS[1] : normpath(joinpath(@__DIR__, "..", "cases"))

const LOAD_ERROR = try
    Pkg.activate(joinpath(REPO, "julia"))
    Pkg.instantiate()
    Base.require(Main, :MXLite)   # loads the package and runs its __init__ (finds the library)
    nothing
catch e
    e
end
if LOAD_ERROR !== nothing
    println("conformance: not run (MXLite.jl could not be loaded: ",
            replace(sprint(showerror, LOAD_ERROR), "\n" => " "), ")")
    exit(77)
end

using MXLite
include(joinpath(REPO, "julia", "test", "conformance.jl"))
passed, failed = Conformance.run_cases(CASES)
exit(failed == 0 ? 0 : 1)
