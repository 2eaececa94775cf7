# MXLite.jl tests: `julia --project=julia -e 'using Pkg; Pkg.test()'` (or
# `julia --project=julia julia/test/runtests.jl`). Written to run wherever Julia and a
# built libmxlite exist (MXLITE_LIBRARY, the Python package, or build/libmxlite.so).
using Test
using MXLite

include("conformance.jl")

"The exception `f()` throws, or `nothing` (for checking an error's kind and message)."
caught(f) = try
    f()
    nothing
catch e
    e
end

@testset "MXLite.jl" begin
    include("test_ndarray.jl")
    include("test_symbol.jl")
    include("test_kvstore.jl")

    @testset "conformance (tests/conformance/cases)" begin
        cases = normpath(joinpath(@__DIR__, "..", "..", "tests", "conformance", "cases"))
        @test isdir(cases)
        passed, failed = Conformance.run_cases(cases)
        @test passed > 0
        @test failed == 0
    end

    include("test_mlp.jl")
end
