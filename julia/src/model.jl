# FeedForward: fit / predict for a network ending in a loss such as SoftmaxOutput, in
# the shape of MXNet.jl's mx.FeedForward and of the tutorial's mx.model.FeedForward.
# Data are Julia arrays with the samples along the last dimension (784×n for n digits).

using Random: MersenneTwister, randperm

# ---------------------------------------------------------------- initializers
abstract type AbstractInitializer end

"""
    mx.UniformInitializer(scale=0.07)

Weights drawn uniformly from [-scale, scale].
"""
struct UniformInitializer <: AbstractInitializer
    scale::Float64
end
UniformInitializer() = UniformInitializer(0.07)

"""
    mx.NormalInitializer(; mu=0, sigma=0.01)

Weights drawn from N(mu, sigma²).
"""
struct NormalInitializer <: AbstractInitializer
    mu::Float64
    sigma::Float64
end
NormalInitializer(; mu::Real=0.0, sigma::Real=0.01) = NormalInitializer(mu, sigma)

"""
    mx.XavierInitializer(; magnitude=3)

Weights uniform in [-s, s], s = sqrt(magnitude / ((fan_in + fan_out) / 2)), fans taken
from the core's (out, in, kernel...) shape.
"""
struct XavierInitializer <: AbstractInitializer
    magnitude::Float64
end
XavierInitializer(; magnitude::Real=3.0) = XavierInitializer(magnitude)

"""
    mx.init(initializer, name::Symbol, x::NDArray)

Initializes the parameter `name`: biases, `beta` and moving means to 0, `gamma` and
moving variances to 1, everything else by the initializer.
"""
function init(initializer::AbstractInitializer, name::Symbol, x::NDArray)
    s = string(name)
    if endswith(s, "bias") || endswith(s, "beta") || endswith(s, "moving_mean")
        x[:] = 0
    elseif endswith(s, "gamma") || endswith(s, "moving_var")
        x[:] = 1
    else
        _init_weight(initializer, x)
    end
    return x
end

_init_weight(u::UniformInitializer, x::NDArray) = rand!(x, -u.scale, u.scale)
_init_weight(n::NormalInitializer, x::NDArray) = randn!(x, n.mu, n.sigma)
function _init_weight(xi::XavierInitializer, x::NDArray)
    core = reverse(size(x))
    hw = length(core) > 2 ? prod(core[3:end]) : 1
    fan_in = (length(core) > 1 ? core[2] : 1) * hw
    fan_out = core[1] * hw
    scale = sqrt(xi.magnitude / ((fan_in + fan_out) / 2))
    return rand!(x, -scale, scale)
end

# ---------------------------------------------------------------- optimizer
"""
    mx.SGD(; lr=0.01, momentum=0, weight_decay=0, rescale_grad=nothing, clip_gradient=nothing)

Stochastic gradient descent. `rescale_grad` defaults to 1 / batch size. Each update is
the registry's fused `sgd_update` / `sgd_mom_update` when the library has them, and
element-wise registry operators otherwise (same arithmetic).
"""
mutable struct SGD
    lr::Float64
    momentum::Float64
    weight_decay::Float64
    rescale_grad::Union{Nothing,Float64}
    clip_gradient::Union{Nothing,Float64}
    states::Dict{Symbol,NDArray}
end
SGD(; lr::Real=0.01, momentum::Real=0.0, weight_decay::Real=0.0, rescale_grad=nothing,
    clip_gradient=nothing) =
    SGD(lr, momentum, weight_decay, rescale_grad === nothing ? nothing : Float64(rescale_grad),
        clip_gradient === nothing ? nothing : Float64(clip_gradient), Dict{Symbol,NDArray}())

# The fused update operator of an optimizer with its fixed parameters, and the
# parameters of each update: the one description used both by update! here and by a
# KVStore that applies the optimizer itself (set_optimizer!).
_update_op(opt::SGD) = opt.momentum == 0 ? (fused_op"sgd_update", String[], String[]) :
    (fused_op"sgd_mom_update", ["momentum"], [_param_str(opt.momentum)])

# rescale: opt.rescale_grad, or 1 / batch size when it is nothing.
_step_params(opt::SGD, rescale::Real) =
    (["lr", "wd", "rescale_grad", "clip_gradient"],
     [_param_str(opt.lr), _param_str(opt.weight_decay), _param_str(Float64(rescale)),
      _param_str(opt.clip_gradient === nothing ? -1.0 : opt.clip_gradient)])

"""
    mx.update!(opt::SGD, name::Symbol, weight::NDArray, grad::NDArray, batch_size)

One step on `weight` in place.
"""
function update!(opt::SGD, name::Symbol, weight::NDArray, grad::NDArray, batch_size::Integer)
    rescale = opt.rescale_grad === nothing ? 1.0 / batch_size : opt.rescale_grad
    clip = opt.clip_gradient === nothing ? -1.0 : opt.clip_gradient
    opname, fixed_keys, fixed_vals = _update_op(opt)
    step_keys, step_vals = _step_params(opt, rescale)
    states = NDArray[]
    if opt.momentum != 0
        push!(states, get!(() -> zeros(eltype(weight), size(weight), context(weight)), opt.states, name))
    end
    if haskey(_OPS, opname)
        _invoke_op(opname, NDArray[weight, grad, states...], vcat(step_keys, fixed_keys),
                   vcat(step_vals, fixed_vals); out=weight)
    elseif opt.momentum == 0
        copy!(weight, weight .- _sgd_step(opt, weight, grad, rescale, clip))
    else
        mom = states[1]
        copy!(mom, mom .* opt.momentum .- _sgd_step(opt, weight, grad, rescale, clip))
        copy!(weight, weight .+ mom)
    end
    return weight
end

# lr * (clip(rescale * grad) + wd * weight), with registry operators.
function _sgd_step(opt::SGD, weight::NDArray, grad::NDArray, rescale::Float64, clip::Float64)
    g = grad .* rescale
    if clip > 0
        g = _invoke_op(op"clip", NDArray[g], ["a_min", "a_max"], [_param_str(-clip), _param_str(clip)])
    end
    opt.weight_decay != 0 && (g = g .+ weight .* opt.weight_decay)
    return g .* opt.lr
end

# ---------------------------------------------------------------- the model
"""
    mx.FeedForward(arch::SymbolicNode; context=mx.cpu())

A network to train with [`fit`](@ref) and apply with [`predict`](@ref). `arch` takes its
input as `data` and, for a loss such as SoftmaxOutput, the labels as `softmax_label`.
After `fit`, `arg_params` / `aux_params` hold the learned arrays by name.
"""
mutable struct FeedForward
    arch::SymbolicNode
    ctx::Context
    arg_params::Dict{Symbol,NDArray}
    aux_params::Dict{Symbol,NDArray}
end
FeedForward(arch::SymbolicNode; context::Context=cpu()) =
    FeedForward(arch, context, Dict{Symbol,NDArray}(), Dict{Symbol,NDArray}())

# The samples idx of X (along its last dimension) as a Float32 array.
function _samples(X::AbstractArray, idx)
    nd = ndims(X)
    return convert(Array{Float32}, X[ntuple(_ -> Colon(), nd - 1)..., idx])
end

"""
    mx.accuracy(probs::AbstractMatrix, labels::AbstractVector) -> Float64

The fraction of columns of `probs` (classes × samples) whose largest entry is at the
label (labels count from 0, as MXNet's do).
"""
function accuracy(probs::AbstractMatrix, labels::AbstractVector)
    size(probs, 2) == length(labels) ||
        throw(DimensionMismatch("accuracy: $(size(probs, 2)) predictions for $(length(labels)) labels"))
    correct = 0
    for j in 1:size(probs, 2)
        correct += (argmax(view(probs, :, j)) - 1 == round(Int, labels[j]))
    end
    return correct / length(labels)
end

"""
    mx.fit(model::FeedForward, optimizer::SGD, X, y; n_epoch=10, batch_size=128,
           eval_data=nothing, initializer=mx.UniformInitializer(0.01), shuffle=true,
           seed=0, verbose=true, data_name=:data, label_name=:softmax_label)

Trains `model` on the samples along the last dimension of `X` (e.g. 784×n) with labels
`y` (n values, classes from 0): per epoch, batches of `batch_size` (the last partial
batch is left out, as in the tutorial) go forward and backward through one executor,
and the optimizer updates every parameter. `eval_data = (Xv, yv)` is scored with
[`accuracy`](@ref) after each epoch. Returns a vector of per-epoch named tuples
`(epoch, train_accuracy, eval_accuracy)` (`eval_accuracy` is `nothing` without
`eval_data`). Training accuracy is measured on each batch before its update.
"""
function fit(model::FeedForward, optimizer::SGD, X::AbstractArray, y::AbstractVector;
             n_epoch::Integer=10, batch_size::Integer=128, eval_data=nothing,
             initializer::AbstractInitializer=UniformInitializer(0.01), shuffle::Bool=true,
             seed::Integer=0, verbose::Bool=true, data_name::Symbol=:data,
             label_name::Symbol=:softmax_label)
    nsamples = size(X, ndims(X))
    length(y) == nsamples ||
        throw(DimensionMismatch("fit: $(nsamples) samples but $(length(y)) labels"))
    nsamples >= batch_size ||
        throw(ArgumentError("fit: $(nsamples) samples are fewer than one batch of $(batch_size)"))
    feature_dims = size(X)[1:(end - 1)]
    arg_names = list_arguments(model.arch)
    data_name in arg_names || throw(ArgumentError("fit: the network has no input named $(data_name)"))
    inputs = (data_name, label_name)
    reqs = Dict{Symbol,Symbol}(n => (n in inputs ? :null : :write) for n in arg_names)
    shapes = Dict{Symbol,Any}(data_name => (feature_dims..., batch_size))
    label_name in arg_names && (shapes[label_name] = (batch_size,))
    ex = simple_bind(model.arch, model.ctx; grad_req=reqs, shapes...)

    srand(seed)
    for (name, arr) in ex.arg_dict
        name in inputs && continue
        if haskey(model.arg_params, name) && size(model.arg_params[name]) == size(arr)
            copy!(arr, model.arg_params[name])
        else
            init(initializer, name, arr)
        end
    end
    for (name, arr) in ex.aux_dict
        haskey(model.aux_params, name) ? copy!(arr, model.aux_params[name]) : init(initializer, name, arr)
    end
    params = [n for n in arg_names if !(n in inputs)]
    rng = MersenneTwister(seed)
    history = NamedTuple[]
    for epoch in 1:n_epoch
        order = shuffle ? randperm(rng, nsamples) : collect(1:nsamples)
        correct = 0.0
        seen = 0
        for start in 1:batch_size:(nsamples - batch_size + 1)
            idx = order[start:(start + batch_size - 1)]
            copy!(ex.arg_dict[data_name], _samples(X, idx))
            labels = Float32[y[i] for i in idx]
            haskey(ex.arg_dict, label_name) && copy!(ex.arg_dict[label_name], labels)
            forward(ex; is_train=true)
            backward(ex)
            for name in params
                update!(optimizer, name, ex.arg_dict[name], ex.grad_dict[name], batch_size)
            end
            correct += accuracy(Array(ex.outputs[1]), labels) * batch_size
            seen += batch_size
        end
        for name in params
            model.arg_params[name] = ex.arg_dict[name]
        end
        for (name, arr) in ex.aux_dict
            model.aux_params[name] = arr
        end
        eval_acc = nothing
        if eval_data !== nothing
            Xv, yv = eval_data
            eval_acc = accuracy(predict(model, Xv; batch_size=batch_size, data_name=data_name,
                                        label_name=label_name), yv)
        end
        push!(history, (epoch=epoch, train_accuracy=correct / seen, eval_accuracy=eval_acc))
        if verbose
            println("epoch ", epoch, ": train accuracy ", round(correct / seen; digits=4),
                    eval_acc === nothing ? "" : string(", eval accuracy ", round(eval_acc; digits=4)))
        end
    end
    # The model keeps its own copies, independent of the training executor.
    for name in params
        model.arg_params[name] = copy(ex.arg_dict[name])
    end
    for (name, arr) in ex.aux_dict
        model.aux_params[name] = copy(arr)
    end
    return history
end

"""
    mx.predict(model::FeedForward, X; batch_size=128, data_name=:data) -> Array{Float32}

The network's first output for every sample along the last dimension of `X`
(for a classifier: classes × samples probabilities).
"""
function predict(model::FeedForward, X::AbstractArray; batch_size::Integer=128, data_name::Symbol=:data,
                 label_name::Symbol=:softmax_label)
    isempty(model.arg_params) &&
        throw(ArgumentError("predict: the model has no parameters; fit it first (or fill arg_params)"))
    nsamples = size(X, ndims(X))
    bs = min(batch_size, nsamples)
    feature_dims = size(X)[1:(end - 1)]
    arg_names = list_arguments(model.arch)
    shapes = Dict{Symbol,Any}(data_name => (feature_dims..., bs))
    label_name in arg_names && (shapes[label_name] = (bs,))
    arg_shapes, _, aux_shapes = infer_shape(model.arch, shapes)
    arg_shapes === nothing && throw(ArgumentError("predict: cannot infer the network's shapes from the data"))
    args = NDArray[]
    for (name, shape) in zip(arg_names, arg_shapes)
        if name == data_name || !haskey(model.arg_params, name)
            push!(args, zeros(Float32, shape, model.ctx))
        else
            push!(args, model.arg_params[name])
        end
    end
    aux = NDArray[haskey(model.aux_params, n) ? model.aux_params[n] : zeros(Float32, s, model.ctx)
                  for (n, s) in zip(list_auxiliary_states(model.arch), aux_shapes)]
    ex = bind(model.arch, model.ctx, args; aux_states=aux, grad_req=:null)
    data = ex.arg_dict[data_name]
    result = nothing
    batch = Base.zeros(Float32, feature_dims..., bs)
    for start in 1:bs:nsamples
        stop = min(start + bs - 1, nsamples)
        n = stop - start + 1
        fill!(batch, 0)
        batch[ntuple(_ -> Colon(), length(feature_dims))..., 1:n] = _samples(X, start:stop)
        copy!(data, batch)
        forward(ex; is_train=false)
        out = Array(ex.outputs[1])
        lead = size(out)[1:(end - 1)]
        result === nothing && (result = Array{Float32}(undef, lead..., nsamples))
        result[ntuple(_ -> Colon(), length(lead))..., start:stop] = out[ntuple(_ -> Colon(), length(lead))..., 1:n]
    end
    return result
end
