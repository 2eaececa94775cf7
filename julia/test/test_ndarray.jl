# NDArray API tests. Expected values are computed with plain Julia arrays.

@testset "NDArray" begin
    @testset "library and registry" begin
        @test isfile(MXLite.library_path())
        @test MXLite.abi_version() ÷ 10000 == MXLite.MXL_ABI_VERSION_MAJOR
        ops = mx.list_ops()
        @test length(ops) > 100
        @test "FullyConnected" in ops && "elemwise_add" in ops
        @test :FullyConnected in propertynames(mx.nd)
        @test mx.nd.FullyConnected isa MXLite.OpFunction{:nd}
        @test mx.sym.FullyConnected isa MXLite.OpFunction{:sym}
        @test occursin("num_hidden", mx.docstring(mx.nd.FullyConnected))
        @test mx.op_info("FullyConnected").inputs == ["data", "weight", "bias"]
    end

    @testset "creation and metadata" begin
        a = mx.zeros(2, 3)
        @test size(a) == (2, 3)
        @test size(a, 1) == 2 && size(a, 3) == 1
        @test ndims(a) == 2
        @test length(a) == 6
        @test eltype(a) == Float32
        @test Array(a) == Base.zeros(Float32, 2, 3)
        b = mx.ones(Float64, (4,))
        @test eltype(b) == Float64
        @test Array(b) == Base.ones(Float64, 4)
        c = mx.empty(Int32, 3, 2)
        @test size(c) == (3, 2) && eltype(c) == Int32
        @test mx.context(a) == mx.cpu()
        @test string(mx.cpu()) == "cpu(0)"
        @test string(mx.gpu(1)) == "gpu(1)"
        d = mx.array(Int64[1 2 3; 4 5 6])
        @test eltype(d) == Int64 && Array(d) == [1 2 3; 4 5 6]
        e = mx.array(Float64[1, 2], Float32)
        @test eltype(e) == Float32 && Array(e) == Float32[1, 2]
        @test mx.NDArray(Float32[1 2]) == Float32[1 2]
        s = mx.zeros(())
        @test ndims(s) == 0 && s[] == 0
    end

    @testset "column-major: Julia dims are the core's shape reversed" begin
        x = reshape(Float32.(1:6), 2, 3)          # [1 3 5; 2 4 6]
        nd = mx.array(x)
        @test size(nd) == (2, 3)
        @test Array(nd) == x                       # the same bytes, no transpose
        # axis parameters given as Julia integers count Julia dimensions
        @test Array(mx.nd.sum(nd; axis=1)) == vec(sum(x; dims=1))
        @test Array(mx.nd.sum(nd; axis=2)) == vec(sum(x; dims=2))
        # a string passes through unchanged: core axis 0 is the last Julia dimension
        @test Array(mx.nd.sum(nd; axis="0")) == vec(sum(x; dims=2))
        @test sum(nd) == sum(x)
        @test Array(sum(nd; dims=2)) == sum(x; dims=2)
        @test Array(permutedims(nd, (2, 1))) == permutedims(x, (2, 1))
        @test Array(transpose(nd)) == Matrix(transpose(x))
        r = reshape(nd, 3, 2)
        @test Array(r) == reshape(x, 3, 2)
        @test Array(reshape(nd, :, 1)) == reshape(x, 6, 1)
        @test Array(vec(nd)) == vec(x)
        # creation ops take Julia dims too
        @test size(mx.nd._zeros(; shape=(4, 5))) == (4, 5)
        @test MXLite.core_param("shape", (4, 5)) == "(5, 4)"
        @test MXLite.core_param("axis", 1) == "-1"
        @test MXLite.core_param("axes", (2, 1, 3)) == "(-3, -1, -2)"
        @test MXLite.core_param("dim1", 2) == "-2"
        sw = reshape(Float32.(1:24), 2, 3, 4)
        @test Array(mx.nd.swapaxes(mx.array(sw); dim1=1, dim2=3)) == permutedims(sw, (3, 2, 1))
        @test size(mx.nd.stack(mx.ones(2, 3), mx.ones(2, 3); axis=1)) == (2, 2, 3)
        @test MXLite.core_param("pad_width", (0, 0, 0, 0, 1, 2, 3, 4)) == "(3, 4, 1, 2, 0, 0, 0, 0)"
        @test MXLite.core_param("kernel", "(3, 5)") == "(3, 5)"
        @test MXLite.core_param("act_type", :relu) == "relu"
        @test MXLite.core_param("no_bias", true) == "True"
        @test MXLite.core_param("dtype", Float16) == "float16"
        @test_throws ArgumentError MXLite.core_param("axis", 0)
    end

    @testset "copies" begin
        x = Float32[1 2 3; 4 5 6]
        y = mx.zeros(2, 3)
        copy!(y, x)
        @test Array(y) == x
        z = copy(y)
        @test Array(z) == x
        w = Array{Float32}(undef, 2, 3)
        copy!(w, y)
        @test w == x
        v = mx.zeros(Float64, 2, 3)
        copy!(v, y)                                 # converts the element type
        @test Array(v) == Float64.(x)
        @test Array(mx.astype(y, Int32)) == Int32.(x)
        @test_throws DimensionMismatch copy!(mx.zeros(3, 2), x)
        y .= 0
        @test Array(y) == Base.zeros(Float32, 2, 3)
        y .= z
        @test Array(y) == x
        y .+= 1
        @test Array(y) == x .+ 1
    end

    @testset "operators and broadcasting" begin
        xa = Float32[1 2; 3 4]
        xb = Float32[10 20; 30 40]
        a = mx.array(xa)
        b = mx.array(xb)
        @test Array(a + b) == xa + xb
        @test Array(a - b) == xa - xb
        @test Array(a .+ b) == xa .+ xb
        @test Array(a .* b) == xa .* xb
        @test Array(b ./ a) ≈ xb ./ xa
        @test Array(a .- 1) == xa .- 1
        @test Array(2 .- a) == 2 .- xa
        @test Array(a * 3) == xa * 3
        @test Array(3 * a) == 3 * xa
        @test Array(a / 2) ≈ xa / 2
        @test Array(a .^ 2) == xa .^ 2
        @test Array(2 .^ a) == 2 .^ xa
        @test Array(-a) == -xa
        @test Array(a * b) == xa * xb               # matrix product
        @test Array(a * mx.array(Float32[1, 1])) == xa * Float32[1, 1]
        @test Array(a .> 2) == Float32.(xa .> 2)     # comparisons give 0/1 of the input type
        @test Array(a .== b ./ 10) == Base.ones(Float32, 2, 2)
        @test Array(max.(a, 2.5)) == max.(xa, 2.5f0)
        v = mx.array(Float32[1, 2])
        @test Array(a .+ v) == xa .+ Float32[1, 2]  # Julia broadcasting: v is a column
        row = mx.array(Float32[1 2])
        @test Array(a .* row) == xa .* Float32[1 2]
        @test Array(exp.(a)) ≈ exp.(xa)
        @test Array(sqrt.(a)) ≈ sqrt.(xa)
        @test Array(tanh.(a .* 0.1)) ≈ tanh.(xa .* 0.1f0)
        @test Array(abs2.(a)) == abs2.(xa)
        @test Array(a .* 2 .+ b) == xa .* 2 .+ xb  # nested broadcasts
        @test_throws DimensionMismatch a + v
        @test_throws DimensionMismatch a * mx.ones(3, 2)
        @test_throws ArgumentError (t -> t + 1).(a)  # no registry op for an arbitrary function
    end

    @testset "generated operators" begin
        data = mx.ones(4, 2)                  # 2 samples of 4 features
        weight = mx.ones(4, 3)                # core (3, 4): 3 outputs
        bias = mx.zeros(3)
        fc = mx.nd.FullyConnected(data, weight, bias; num_hidden=3)
        @test size(fc) == (3, 2)
        @test Array(fc) == fill(4.0f0, 3, 2)
        fc2 = mx.nd.FullyConnected(data; weight=weight, num_hidden=3, no_bias=true)
        @test Array(fc2) == fill(4.0f0, 3, 2)
        act = mx.nd.Activation(mx.array(Float32[-1, 2]); act_type=:relu)
        @test Array(act) == Float32[0, 2]
        c = mx.nd.Concat(mx.ones(2, 2), mx.zeros(2, 3); dim=2)   # along Julia dim 2
        @test Array(c) == hcat(Base.ones(Float32, 2, 2), Base.zeros(Float32, 2, 3))
        parts = mx.nd.SliceChannel(mx.array(Float32[1 2; 3 4]); num_outputs=2, axis=2)
        @test length(parts) == 2
        @test Array(parts[2]) == reshape(Float32[2, 4], 2, 1)
        out = mx.zeros(2)
        mx.nd.elemwise_add(mx.ones(2), mx.ones(2); out=out)
        @test Array(out) == Float32[2, 2]
        sm = Array(mx.nd.softmax(mx.array(Float32[1 1; 2 3])))   # default: Julia dim 1
        @test vec(sum(sm; dims=1)) ≈ Float32[1, 1]
    end

    @testset "indexing" begin
        x = reshape(Float32.(1:24), 2, 3, 4)
        nd = mx.array(x)
        @test Array(nd[:, 2, :]) == x[:, 2, :]
        @test Array(nd[1:2, 1:2:3, 4]) == x[1:2, 1:2:3, 4]
        @test nd[2, 3, 4] == x[2, 3, 4]
        @test Array(nd[:, :, 3:-1:1]) == x[:, :, 3:-1:1]
        @test Array(nd[:, end, :]) == x[:, end, :]
        @test Array(nd[:]) == x[:]
        @test nd[7] == x[7]
        @test_throws BoundsError nd[3, 1, 1]
        nd[:, 1, 1] = Float32[100, 200]
        x[:, 1, 1] = [100, 200]
        @test Array(nd) == x
        nd[1, :, :] = 0
        x[1, :, :] .= 0
        @test Array(nd) == x
        nd[:, 2:3, 2] = mx.array(Float32[1 2; 3 4])
        x[:, 2:3, 2] = Float32[1 2; 3 4]
        @test Array(nd) == x
        v = view(nd, :, :, 2:3)                   # shares memory with nd
        @test size(v) == (2, 3, 2)
        v[:] = 7
        x[:, :, 2:3] .= 7
        @test Array(nd) == x
        s = mx.slice(nd, 4)
        @test size(s) == (2, 3, 1)
        @test Array(view(nd, :, :, 1)) == x[:, :, 1]
        @test_throws ArgumentError view(nd, 1, :, :)
    end

    @testset "autograd" begin
        xv = Float32[1, 2, 3]
        x = mx.array(xv)
        mx.attach_grad!(x)
        @test !mx.is_recording()
        y = mx.record() do
            @test mx.is_recording() && mx.is_training()
            mx.nd.sum(x .* x)
        end
        @test !mx.is_recording()
        mx.backward!(y)
        @test Array(mx.grad(x)) == 2 .* xv
        z = mx.record() do
            reshape(x, 3, 1) .* 3        # reshape is recorded (the Reshape op) while recording
        end
        mx.backward!(z, mx.ones(3, 1))
        @test Array(mx.grad(x)) == fill(3.0f0, 3)
        @test_throws ArgumentError mx.grad(mx.ones(2))
    end

    @testset "save and load" begin
        a = mx.array(Float32[1 2; 3 4])
        b = mx.array(Int32[5, 6, 7])
        mktempdir() do dir
            f = joinpath(dir, "arrays.params")
            mx.save(f, [:w => a, :b => b])
            d = mx.load(f, mx.NDArray)
            @test d isa Dict{Symbol,mx.NDArray}
            @test Array(d[:w]) == Float32[1 2; 3 4]
            @test eltype(d[:b]) == Int32 && Array(d[:b]) == Int32[5, 6, 7]
            arrays, names = mx.load_arrays(f)
            @test names == ["w", "b"]
            mx.save(f, [a, b])
            l = mx.load(f)
            @test l isa Vector && length(l) == 2
            @test Array(l[1]) == Float32[1 2; 3 4]
            bad = joinpath(dir, "missing.params")
            err = caught(() -> mx.load(bad))
            @test err isa mx.MXError
            @test err.kind == :MXL_ERR_IO
            @test occursin("missing.params", err.msg)
        end
    end

    @testset "errors carry the core's message" begin
        err = caught(() -> mx.nd.broadcast_add(mx.zeros(2, 3), mx.zeros(2, 4)))
        @test err isa mx.MXError
        @test err.kind == :MXL_ERR_SHAPE
        @test err.code == MXLite.MXL_ERR_SHAPE
        @test occursin("broadcast_add", err.msg)
        @test occursin("broadcast_add", sprint(showerror, err))
        err = caught(() -> mx.nd.Activation(mx.ones(2); act_type="nope"))
        @test err isa mx.MXError && err.kind == :MXL_ERR_INVALID_ARGUMENT
        @test occursin("act_type", err.msg)
        err = caught(() -> getproperty(mx.nd, :NoSuchOperator))
        @test err isa mx.MXError && err.kind == :MXL_ERR_NOT_FOUND
        @test occursin("NoSuchOperator", err.msg)
        @test_throws ArgumentError mx.nd.elemwise_add(mx.ones(2), 3)
    end
end
