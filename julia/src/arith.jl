# Julia operators and broadcasting on NDArrays, mapped to registry operators.
#
# Julia semantics decide which operator: `a + b` needs equal sizes (elemwise_add),
# `a .+ b` broadcasts (elemwise_add for equal sizes, broadcast_add otherwise),
# `a * b` is the matrix product (dot), `a .* b` the element-wise one, and a scalar
# goes with dot operators (`a .+ 1`) or with `*` and `/`. Every call runs one registry
# operator, lazily, exactly as Python's operators do, so values are the same.
#
# Julia's broadcasting aligns leading dimensions and the core's (NumPy's) trailing
# ones; since Julia dims are the core's reversed, both mean the same thing.

_scalar_op(name::String, x::NDArray, s::Real) = _invoke_op(name, NDArray[x], ["scalar"], [_scalar_str(s)])

# Pads the Julia dims of the array with fewer dims with trailing 1s (leading 1s of the
# core shape): a view, no copy.
function _same_ndims(a::NDArray, b::NDArray)
    na, nb = ndims(a), ndims(b)
    na == nb && return (a, b)
    if na < nb
        return (reshape(a, (size(a)..., ntuple(_ -> 1, nb - na)...)), b)
    end
    return (a, reshape(b, (size(b)..., ntuple(_ -> 1, na - nb)...)))
end

function _broadcast_binary(elem::String, bcast::String, a::NDArray, b::NDArray)
    size(a) == size(b) && return _invoke_op(elem, NDArray[a, b])
    a2, b2 = _same_ndims(a, b)
    return _invoke_op(bcast, NDArray[a2, b2])
end

# Julia function => (same-size op, broadcasting op, array-op-scalar, scalar-op-array).
const _BINARY_OPS = (
    (:+, op"elemwise_add", op"broadcast_add", op"_plus_scalar", op"_plus_scalar"),
    (:-, op"elemwise_sub", op"broadcast_sub", op"_minus_scalar", op"_rminus_scalar"),
    (:*, op"elemwise_mul", op"broadcast_mul", op"_mul_scalar", op"_mul_scalar"),
    (:/, op"elemwise_div", op"broadcast_div", op"_div_scalar", op"_rdiv_scalar"),
    (:^, op"_power", op"broadcast_power", op"_power_scalar", op"_rpower_scalar"),
    (:mod, op"_mod", op"broadcast_mod", op"_mod_scalar", op"_rmod_scalar"),
    (:(==), op"_equal", op"broadcast_equal", op"_equal_scalar", op"_equal_scalar"),
    (:(!=), op"_not_equal", op"broadcast_not_equal", op"_not_equal_scalar", op"_not_equal_scalar"),
    (:>, op"_greater", op"broadcast_greater", op"_greater_scalar", op"_lesser_scalar"),
    (:>=, op"_greater_equal", op"broadcast_greater_equal", op"_greater_equal_scalar", op"_lesser_equal_scalar"),
    (:<, op"_lesser", op"broadcast_lesser", op"_lesser_scalar", op"_greater_scalar"),
    (:<=, op"_lesser_equal", op"broadcast_lesser_equal", op"_lesser_equal_scalar", op"_greater_equal_scalar"),
    (:max, op"_maximum", op"broadcast_maximum", op"_maximum_scalar", op"_maximum_scalar"),
    (:min, op"_minimum", op"broadcast_minimum", op"_minimum_scalar", op"_minimum_scalar"),
)

for (f, elem, bcast, scalar, rscalar) in _BINARY_OPS
    @eval begin
        Broadcast.broadcasted(::typeof($f), a::NDArray, b::NDArray) = _broadcast_binary($elem, $bcast, a, b)
        Broadcast.broadcasted(::typeof($f), a::NDArray, b::Real) = _scalar_op($scalar, a, b)
        Broadcast.broadcasted(::typeof($f), a::Real, b::NDArray) = _scalar_op($rscalar, b, a)
    end
end

# x .^ 2 is lowered to literal_pow.
Broadcast.broadcasted(::typeof(Base.literal_pow), ::typeof(^), x::NDArray, ::Val{p}) where {p} =
    _scalar_op(op"_power_scalar", x, p)

# Element-wise Julia functions => the registry operator computing the same function.
const _UNARY_OPS = (
    (:exp, op"exp"), (:expm1, op"expm1"), (:log, op"log"), (:log10, op"log10"),
    (:log2, op"log2"), (:log1p, op"log1p"), (:sqrt, op"sqrt"), (:cbrt, op"cbrt"),
    (:abs, op"abs"), (:sign, op"sign"), (:abs2, op"square"), (:inv, op"reciprocal"),
    (:sin, op"sin"), (:cos, op"cos"), (:tan, op"tan"), (:asin, op"arcsin"),
    (:acos, op"arccos"), (:atan, op"arctan"), (:sinh, op"sinh"), (:cosh, op"cosh"),
    (:tanh, op"tanh"), (:asinh, op"arcsinh"), (:acosh, op"arccosh"), (:atanh, op"arctanh"),
    (:floor, op"floor"), (:ceil, op"ceil"), (:trunc, op"trunc"),
    (:deg2rad, op"radians"), (:rad2deg, op"degrees"),
)

for (f, name) in _UNARY_OPS
    @eval Broadcast.broadcasted(::typeof($f), x::NDArray) = _invoke_op($name, NDArray[x])
end

Broadcast.broadcasted(::typeof(-), x::NDArray) = -x
Broadcast.broadcasted(::typeof(+), x::NDArray) = x
Broadcast.broadcasted(::typeof(identity), x::NDArray) = x

# Anything else broadcast over an NDArray is an error that says what is supported.
struct NDArrayStyle <: Broadcast.BroadcastStyle end
Base.BroadcastStyle(::Type{<:NDArray}) = NDArrayStyle()
Base.BroadcastStyle(s::NDArrayStyle, ::Broadcast.DefaultArrayStyle) = s
Broadcast.broadcastable(x::NDArray) = x

function Broadcast.broadcasted(::NDArrayStyle, f, args...)
    throw(ArgumentError("broadcasting $(f) over NDArrays with arguments of types " *
                        "$(join(map(typeof, args), ", ")) is not supported; supported: " *
                        join([string(t[1]) for t in _BINARY_OPS], " ") * " with NDArrays " *
                        "and real scalars, and " * join([string(t[1]) for t in _UNARY_OPS], " ") *
                        " (or call mx.nd.<op>, or convert with Array(x))"))
end

# dst .= src, dst .= 0, dst .+= x (which is dst .= dst .+ x)
Broadcast.materialize!(dst::NDArray, src::NDArray) = copy!(dst, src)
function Broadcast.materialize!(dst::NDArray, bc::Broadcast.Broadcasted)
    value = Broadcast.materialize(bc)
    _assign!(dst, value)
    return dst
end

# ------------------------------------------------------------------ plain operators
function _check_same_size(op, a::NDArray, b::NDArray)
    size(a) == size(b) ||
        throw(DimensionMismatch("$(op): sizes $(size(a)) and $(size(b)) differ (use .$(op) to broadcast)"))
end

function Base.:+(a::NDArray, b::NDArray)
    _check_same_size(:+, a, b)
    return _invoke_op(op"elemwise_add", NDArray[a, b])
end

function Base.:-(a::NDArray, b::NDArray)
    _check_same_size(:-, a, b)
    return _invoke_op(op"elemwise_sub", NDArray[a, b])
end

Base.:-(x::NDArray) = _scalar_op(op"_mul_scalar", x, -1.0)
Base.:+(x::NDArray) = x
Base.:*(a::NDArray, s::Real) = _scalar_op(op"_mul_scalar", a, s)
Base.:*(s::Real, a::NDArray) = _scalar_op(op"_mul_scalar", a, s)
Base.:/(a::NDArray, s::Real) = _scalar_op(op"_div_scalar", a, s)

"""
    A * B

The matrix product of NDArrays (Julia sizes (m, k) * (k, n) -> (m, n), or a matrix
times a vector). In the core's row-major terms it is `dot(B, A)`, which is what runs.
"""
function Base.:*(a::NDArray, b::NDArray)
    (ndims(a) == 2 && ndims(b) in (1, 2)) ||
        throw(DimensionMismatch("*: the matrix product needs a matrix times a matrix or a vector, " *
                                "got sizes $(size(a)) and $(size(b)) (use .* for the element-wise product)"))
    size(a, 2) == size(b, 1) ||
        throw(DimensionMismatch("*: sizes $(size(a)) and $(size(b)) do not agree"))
    return _invoke_op(op"dot", NDArray[b, a])
end

# ------------------------------------------------------------------ reductions and shape
function _axis_params(dims)
    dims === Colon() && return (String[], String[])
    return (["axis"], [core_param("axis", dims isa Integer ? dims : Tuple(dims))])
end

# Julia reductions keep the reduced dimensions (size 1), as `keepdims=True`.
for (f, name) in ((:sum, op"sum"), (:prod, op"prod"), (:maximum, op"max"), (:minimum, op"min"))
    @eval function Base.$f(x::NDArray; dims=Colon())
        keys, vals = _axis_params(dims)
        if dims === Colon()
            return Array(_invoke_op($name, NDArray[x]))[1]
        end
        return _invoke_op($name, NDArray[x], vcat(keys, "keepdims"), vcat(vals, "True"))
    end
end

"""
    permutedims(x::NDArray, perm)

The registry's `transpose` with a Julia permutation (`perm` of 1:ndims).
"""
Base.permutedims(x::NDArray, perm) =
    _invoke_op(op"transpose", NDArray[x], ["axes"], [core_param("axes", Tuple(perm))])
Base.transpose(x::NDArray{T,2}) where {T} = _invoke_op(op"transpose", NDArray[x])
Base.transpose(x::NDArray{T,1}) where {T} = reshape(x, (1, length(x)))
