# The tutorial's MLP, trained with FeedForward-style fit / predict on the handwritten
# digits of tests/data/digits.csv (scikit-learn's 8x8 digits with the held-out split of
# the Python example), turned into 784 inputs exactly as examples/digits.py does.

const DIGITS_CSV = normpath(joinpath(@__DIR__, "..", "..", "tests", "data", "digits.csv"))

# scipy.ndimage.zoom(image, 3.5, order=1) for 8x8 -> 28x28: output index o samples the
# input at o * 7 / 27, linearly interpolated along each axis.
function upsample28(img::AbstractMatrix{<:Real})
    out = Matrix{Float64}(undef, 28, 28)
    coords = [o * 7 / 27 for o in 0:27]
    for (i, r) in enumerate(coords), (j, c) in enumerate(coords)
        r0 = min(floor(Int, r), 6)
        c0 = min(floor(Int, c), 6)
        fr = r - r0
        fc = c - c0
        v = (1 - fr) * (1 - fc) * img[r0 + 1, c0 + 1] + (1 - fr) * fc * img[r0 + 1, c0 + 2] +
            fr * (1 - fc) * img[r0 + 2, c0 + 1] + fr * fc * img[r0 + 2, c0 + 2]
        out[i, j] = v
    end
    return out
end

# (features 784×n Float32 in 0..1, labels, held-out flags) from the CSV.
function load_digits(path::AbstractString)
    lines = readlines(path)
    header = split(lines[1], ',')
    header[1:2] == ["label", "test"] || error("$(path): unexpected header $(header[1:2])")
    rows = lines[2:end]
    n = length(rows)
    X = Matrix{Float32}(undef, 784, n)
    y = Vector{Float32}(undef, n)
    test = falses(n)
    for (k, line) in enumerate(rows)
        v = parse.(Int, split(line, ','))
        y[k] = v[1]
        test[k] = v[2] == 1
        img = permutedims(reshape(Float64.(v[3:66]), 8, 8))   # rows of the 8x8 image
        big = clamp.(upsample28(img .* (255 / 16)), 0, 255)
        # row-major 784 inputs, as Python's reshape(n, 784) lays them out
        X[:, k] = Float32.(vec(permutedims(big))) ./ 255
    end
    return X, y, test
end

@testset "tutorial MLP on digits (FeedForward fit / predict)" begin
    @test isfile(DIGITS_CSV)
    X, y, test = load_digits(DIGITS_CSV)
    @test size(X, 1) == 784
    train = .!test
    Xtr, ytr = X[:, train], y[train]
    Xte, yte = X[:, test], y[test]
    @test length(ytr) > 1000 && length(yte) > 300

    data = mx.Variable(:data)
    label = mx.Variable(:softmax_label)
    l1 = mx.sym.FullyConnected(data=data, num_hidden=128, name=:layer1)
    a1 = mx.sym.Activation(data=l1, act_type=:relu, name=:act1)
    l2 = mx.sym.FullyConnected(data=a1, num_hidden=10, name=:layer2)
    net = mx.sym.SoftmaxOutput(data=l2, label=label)

    model = mx.FeedForward(net; context=mx.cpu())
    # the tutorial's update: W -= 0.001 * G with the batch's summed gradient
    history = mx.fit(model, mx.SGD(lr=0.001, rescale_grad=1.0), Xtr, ytr;
                     n_epoch=40, batch_size=128, eval_data=(Xte, yte),
                     initializer=mx.NormalInitializer(sigma=0.02), seed=1, verbose=false)
    @test length(history) == 40
    @test history[end].train_accuracy > history[1].train_accuracy
    probs = mx.predict(model, Xte)
    @test size(probs) == (10, length(yte))
    @test vec(sum(probs; dims=1)) ≈ Base.ones(Float32, length(yte)) atol = 1e-4
    acc = mx.accuracy(probs, yte)
    println("tutorial MLP on digits: held-out accuracy ", round(acc; digits=4))
    @test acc >= 0.9
    @test acc ≈ history[end].eval_accuracy

    # parameters survive a save / load round trip
    mktempdir() do dir
        f = joinpath(dir, "mlp.params")
        mx.save(f, model.arg_params)
        loaded = mx.load(f, mx.NDArray)
        @test sort(collect(keys(loaded))) == sort(collect(keys(model.arg_params)))
        model2 = mx.FeedForward(net)
        model2.arg_params = loaded
        @test mx.predict(model2, Xte) ≈ probs
    end
end
