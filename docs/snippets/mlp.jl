# The four-language example, Julia: arrays, the MLP symbol, bind, forward/backward, train.
# Not run here (no Julia runtime on our CI machines): docs/run_checks.sh parses it and
# checks every mx. name and operator keyword against the package and the registry.
# Julia arrays are column-major: a batch is features × samples (the core's samples × features).
using MXLite
using Random

# Create arrays: 256 samples of 20 features; class 1 where the first two features sum > 0.
n, features, batch = 256, 20, 64
X = Float32[sin(i * 7 + j * 3) for j in 0:features-1, i in 0:n-1]    # 20×256
y = Float32.(X[1, :] .+ X[2, :] .> 0)
a = mx.array(X[1:4, 1:3])                      # NDArray from a Julia matrix
println(size(a .* 2 .+ 1))                     # lazy arithmetic: (4, 3)

# Build the MLP symbol: 20 -> 32 relu -> 2, softmax loss.
data = mx.Variable(:data)
fc1 = mx.sym.FullyConnected(data=data, num_hidden=32, name=:fc1)
act1 = mx.sym.Activation(data=fc1, act_type=:relu, name=:relu1)
fc2 = mx.sym.FullyConnected(data=act1, num_hidden=2, name=:fc2)
net = mx.sym.SoftmaxOutput(data=fc2, name=:softmax)
println(mx.list_arguments(net))

# Bind: allocate arguments and gradients for batches of 64; initialize the weights.
ex = mx.simple_bind(net, mx.cpu(); grad_req=:write, data=(features, batch), softmax_label=(batch,))
Random.seed!(0)
for name in (:fc1_weight, :fc2_weight)
    w = ex.arg_dict[name]
    copy!(w, randn(Float32, size(w)) .* 0.3f0)
end
for name in (:fc1_bias, :fc2_bias)
    copy!(ex.arg_dict[name], zeros(Float32, size(ex.arg_dict[name])))
end

# Forward / backward, and train: plain SGD on the batch-summed gradients.
params = [p for p in mx.list_arguments(net) if !(p in (:data, :softmax_label))]
for epoch in 1:30
    for start in 1:batch:n
        idx = start:start+batch-1
        copy!(ex.arg_dict[:data], X[:, idx])
        copy!(ex.arg_dict[:softmax_label], y[idx])
        mx.forward(ex; is_train=true)
        mx.backward(ex)
        for p in params
            W = ex.arg_dict[p]
            copy!(W, W .- ex.grad_dict[p] .* (0.5f0 / batch))
        end
    end
end

correct = 0
for start in 1:batch:n
    idx = start:start+batch-1
    copy!(ex.arg_dict[:data], X[:, idx])
    mx.forward(ex; is_train=false)
    probs = Array(ex.outputs[1])                       # 2×64: classes in rows
    pred = [argmax(probs[:, k]) - 1 for k in 1:batch]
    global correct += sum(pred .== y[idx])
end
accuracy = correct / n
println("accuracy ", round(accuracy; digits=3))
accuracy >= 0.9 || error("training failed: accuracy $(accuracy)")
