# The KVStore in four languages, Julia: sum pushes, pull to several outs, SGD in the store.
# Not run here (no Julia runtime on our CI machines): docs/run_checks.sh parses it and
# checks every mx. name against the package. Julia dims are the core's reversed: a 3×2
# NDArray is the core's (2, 3).
using MXLite

kv = mx.KVStore(:local)
println(mx.get_type(kv), " ", mx.rank(kv), " ", mx.num_workers(kv))   # local 0 1

# Push one gradient per device: the store sums them. Pull copies the value to every out.
mx.init!(kv, "w", mx.ones(3, 2))
push!(kv, "w", [mx.ones(3, 2), mx.ones(3, 2) .* 2])
outs = [mx.zeros(3, 2), mx.zeros(3, 2)]
mx.pull!(kv, "w", outs)
@assert all(Array(outs[2]) .== 3)                    # without an optimizer a push replaces

# The optimizer runs in the store: a push of gradients updates the weight.
mx.init!(kv, "v", mx.ones(3, 2))
mx.set_optimizer!(kv, mx.SGD(lr=0.1, momentum=0.9, rescale_grad=1))
for step in 1:2
    push!(kv, "v", [mx.ones(3, 2), mx.ones(3, 2)])   # gradient 2
end
mx.pull!(kv, "v", outs[1])
# mom = -0.1 * 2 = -0.2, w = 0.8; mom = 0.9 * -0.2 - 0.2 = -0.38, w = 0.42
@assert all(isapprox.(Array(outs[1]), 0.42; atol=1e-6))

# Optimizer states (momentum, update counts) go to a file and come back.
fname = joinpath(mktempdir(), "kv.states")
mx.save_optimizer_states(kv, fname)
mx.load_optimizer_states(kv, fname)
@assert mx.num_update(kv, "v") == 2

try
    push!(kv, "nope", mx.ones(3, 2))
catch e
    println(e.msg)    # kvstore push: key 'nope' has not been initialized (call init first)
end
finalize(kv)
println("kvstore ok")
