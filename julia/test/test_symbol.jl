# Symbols and executors.

@testset "SymbolicNode and Executor" begin
    @testset "the tutorial's MLP graph" begin
        data = mx.Variable(:data)
        label = mx.Variable(:softmax_label)
        w1 = mx.Variable(:weight1)
        b1 = mx.Variable(:bias1)
        l1 = mx.sym.FullyConnected(data=data, num_hidden=128, name=:layer1, weight=w1, bias=b1)
        a1 = mx.sym.Activation(data=l1, act_type=:relu, name=:act1)
        l2 = mx.sym.FullyConnected(data=a1, num_hidden=10, name=:layer2)
        net = mx.sym.SoftmaxOutput(data=l2, label=label)
        @test mx.list_arguments(net) ==
              [:data, :weight1, :bias1, :layer2_weight, :layer2_bias, :softmax_label]
        @test length(mx.list_outputs(net)) == 1
        @test mx.list_auxiliary_states(net) == Symbol[]
        @test mx.get_name(l1) == :layer1
        arg_shapes, out_shapes, aux_shapes = mx.infer_shape(net; data=(784, 128))
        @test arg_shapes == [(784, 128), (784, 128), (128,), (128, 10), (10,), (128,)]
        @test out_shapes == [(10, 128)]
        @test aux_shapes == Tuple{Vararg{Int}}[]
        @test mx.infer_shape(net; softmax_label=(128,)) == (nothing, nothing, nothing)

        ex = mx.simple_bind(net, mx.cpu(); grad_req=:write, data=(784, 4), softmax_label=(4,))
        @test size(ex.arg_dict[:weight1]) == (784, 128)
        @test size(ex.grad_dict[:layer2_weight]) == (128, 10)
        for (name, arr) in ex.arg_dict
            name in (:data, :softmax_label) && continue
            arr[:] = 0.01
        end
        ex.arg_dict[:data][:] = 1
        copy!(ex.arg_dict[:softmax_label], Float32[0, 1, 2, 3])
        mx.forward(ex; is_train=true)
        probs = Array(ex.outputs[1])
        @test size(probs) == (10, 4)
        @test vec(sum(probs; dims=1)) ≈ Base.ones(Float32, 4)
        mx.backward(ex)
        g = Array(ex.grad_dict[:layer2_bias])
        # SoftmaxOutput's gradient: probabilities minus one-hot labels, summed over the batch
        onehot = Base.zeros(Float32, 10, 4)
        for (j, c) in enumerate((0, 1, 2, 3))
            onehot[c + 1, j] = 1
        end
        @test g ≈ vec(sum(probs .- onehot; dims=2)) atol = 1e-5
        planned, naive = mx.memory_stats(ex)
        @test 0 <= planned <= naive
        @test mx.fusion_stats(ex) == (0, 0)  # fusion is for GPU executors

        # a second executor sharing the weights, without gradients (the tutorial's test executor)
        ex_test = bind(net, mx.cpu(), ex.arg_arrays; grad_req=:null)
        mx.forward(ex_test)
        @test Array(ex_test.outputs[1]) ≈ probs
    end

    @testset "arithmetic, gradients and composition" begin
        a = mx.Variable(:A)
        b = mx.Variable(:B)
        c = a .* b
        d = c + 1.0
        @test mx.list_arguments(d) == [:A, :B]
        ex = mx.simple_bind(d, mx.cpu(); grad_req=:write, A=(10,), B=(10,))
        xa = Float32.(1:10)
        xb = Float32.(11:20)
        copy!(ex.arg_dict[:A], xa)
        copy!(ex.arg_dict[:B], xb)
        mx.forward(ex)
        @test Array(ex.outputs[1]) == xa .* xb .+ 1
        mx.backward(ex, mx.ones(10))
        @test Array(ex.grad_dict[:A]) == xb
        @test Array(ex.grad_dict[:B]) == xa

        x = mx.Variable(:x)
        net = mx.sym.Activation(x; act_type=:tanh, name=:t)
        y = mx.Variable(:y)
        composed = net(x=y .* 2)
        @test mx.list_arguments(composed) == [:y]
        g = mx.Group(net, mx.sym.exp(x; name=:e))
        @test length(g) == 2
        @test mx.get_name(g) === nothing
        @test mx.get_name(g[2]) == :e
    end

    @testset "JSON, save and load" begin
        data = mx.Variable(:data)
        fc = mx.sym.FullyConnected(data; num_hidden=3, name=:fc)
        json = mx.to_json(fc)
        @test occursin("FullyConnected", json)
        back = mx.from_json(json)
        @test mx.list_arguments(back) == mx.list_arguments(fc)
        mktempdir() do dir
            f = joinpath(dir, "net-symbol.json")
            mx.save(f, fc)
            @test mx.list_arguments(mx.load(f, mx.SymbolicNode)) == [:data, :fc_weight, :fc_bias]
        end
        v = mx.Variable(:w; shape=(3, 4), lr_mult=2.0)
        @test mx.get_attr(v, :__shape__) == "(4, 3)"
        @test mx.get_attr(v, "__lr_mult__") == "2.0"
        @test mx.get_attr(v, "nope") === nothing
    end

    @testset "errors" begin
        data = mx.Variable(:data)
        fc = mx.sym.FullyConnected(data; num_hidden=3, name=:fc)
        err = caught(() -> mx.infer_shape(fc; data=(5, 2), fc_weight=(4, 3)))
        @test err isa mx.MXError
        @test err.kind == :MXL_ERR_SHAPE
        @test occursin("fc", err.msg)
        fully_connected = mx.sym.FullyConnected   # (a bad keyword on purpose: the core names it)
        err = caught(() -> fully_connected(data; num_hidden=3, no_such_param=1))
        @test err isa mx.MXError
        @test occursin("no_such_param", err.msg)
        @test_throws ArgumentError mx.simple_bind(fc, mx.cpu())
    end
end
