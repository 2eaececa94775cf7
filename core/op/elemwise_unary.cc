// Unary elementwise operators. The math family is one table: a functor per op gives
// the forward value f(x) and the derivative df(v), where v is the op's input or its
// output (whichever makes the derivative cheap); MXL_UNARY registers the forward op,
// its `_backward_<name>` op and the gradient that joins them. Copy-like ops (_copy,
// BlockGrad, Cast, zeros_like, ones_like) and clip follow by hand.
#include <cmath>
#include <cstring>

#include "elemwise_kernels.h"

namespace mxl {
namespace {

// What the backward op reads besides the output gradient.
enum class Dep { kIn, kOut, kZero };  // kZero: the gradient is identically 0

template <class C> constexpr bool is_int_v = std::is_integral_v<C>;

// digamma(x) = d/dx log Gamma(x): reflection for x < 0.5, recurrence up to 6, then
// the asymptotic series.
template <class C>
C digamma(C xin) {
  double x = double(xin), r = 0;
  if (x <= 0 && x == std::floor(x)) return C(NAN);
  if (x < 0.5) {
    const double pi = 3.14159265358979323846;
    return C(digamma(1.0 - x) - pi / std::tan(pi * x));
  }
  while (x < 6) { r -= 1 / x; x += 1; }
  double f = 1 / (x * x);
  return C(r + std::log(x) - 0.5 / x -
           f * (1.0 / 12 - f * (1.0 / 120 - f * (1.0 / 252 - f * (1.0 / 240 - f * (1.0 / 132))))));
}

// ------------------------------------------------------------------ functors
// int_native: integers compute in their own type (abs, negative, ...); otherwise
// they compute in double and convert back, as MXNet does (exp of int32 is int32).
#define UNARY_FUNCTOR(Name, INT_NATIVE, DEP, FWD, BWD)      \
  struct Name {                                           \
    static constexpr bool int_native = INT_NATIVE;        \
    static constexpr Dep dep = Dep::DEP;                  \
    template <class C> static C f(C x) { return FWD; }    \
    template <class C> static C df(C v) { return BWD; }   \
  };

constexpr double kPi = 3.14159265358979323846;
UNARY_FUNCTOR(Abs, true, kIn,
              (std::is_floating_point_v<C> ? C(std::fabs(double(x))) : (x < C(0) ? wrap_sub(C(0), x) : x)),
              C((v > C(0)) - (v < C(0))))
UNARY_FUNCTOR(Sign, true, kZero, C((x > C(0)) - (x < C(0))), C(0))
UNARY_FUNCTOR(Negative, true, kIn, (is_int_v<C> ? wrap_sub(C(0), x) : C(-x)), C(-1))
UNARY_FUNCTOR(Reciprocal, false, kIn, C(1) / x, C(-1) / (v * v))
UNARY_FUNCTOR(Square, true, kIn, wrap_mul(x, x), C(2) * v)
UNARY_FUNCTOR(Sqrt, false, kOut, std::sqrt(x), C(0.5) / v)
UNARY_FUNCTOR(Rsqrt, false, kOut, C(1) / std::sqrt(x), C(-0.5) * v * v * v)
UNARY_FUNCTOR(Cbrt, false, kOut, std::cbrt(x), C(1) / (C(3) * v * v))
UNARY_FUNCTOR(Exp, false, kOut, std::exp(x), v)
UNARY_FUNCTOR(Log, false, kIn, std::log(x), C(1) / v)
UNARY_FUNCTOR(Log2, false, kIn, std::log2(x), C(1) / (v * C(0.69314718055994530942)))
UNARY_FUNCTOR(Log10, false, kIn, std::log10(x), C(1) / (v * C(2.30258509299404568402)))
UNARY_FUNCTOR(Log1p, false, kIn, std::log1p(x), C(1) / (C(1) + v))
UNARY_FUNCTOR(Expm1, false, kOut, std::expm1(x), v + C(1))
UNARY_FUNCTOR(Sin, false, kIn, std::sin(x), std::cos(v))
UNARY_FUNCTOR(Cos, false, kIn, std::cos(x), -std::sin(v))
UNARY_FUNCTOR(Tan, false, kOut, std::tan(x), C(1) + v * v)
UNARY_FUNCTOR(Arcsin, false, kIn, std::asin(x), C(1) / std::sqrt(C(1) - v * v))
UNARY_FUNCTOR(Arccos, false, kIn, std::acos(x), C(-1) / std::sqrt(C(1) - v * v))
UNARY_FUNCTOR(Arctan, false, kIn, std::atan(x), C(1) / (C(1) + v * v))
UNARY_FUNCTOR(Sinh, false, kIn, std::sinh(x), std::cosh(v))
UNARY_FUNCTOR(Cosh, false, kIn, std::cosh(x), std::sinh(v))
UNARY_FUNCTOR(Tanh, false, kOut, std::tanh(x), C(1) - v * v)
UNARY_FUNCTOR(Arcsinh, false, kIn, std::asinh(x), C(1) / std::sqrt(v * v + C(1)))
UNARY_FUNCTOR(Arccosh, false, kIn, std::acosh(x), C(1) / (std::sqrt(v - C(1)) * std::sqrt(v + C(1))))
UNARY_FUNCTOR(Arctanh, false, kIn, std::atanh(x), C(1) / (C(1) - v * v))
UNARY_FUNCTOR(Degrees, false, kIn, x * C(180 / kPi), C(180 / kPi))
UNARY_FUNCTOR(Radians, false, kIn, x * C(kPi / 180), C(kPi / 180))
UNARY_FUNCTOR(Relu, true, kOut, (x > C(0) || is_nan(x) ? x : C(0)), C(v > C(0)))  // NaN stays NaN
UNARY_FUNCTOR(Sigmoid, false, kOut, C(1) / (C(1) + std::exp(-x)), v * (C(1) - v))
UNARY_FUNCTOR(Softsign, false, kIn, x / (C(1) + std::fabs(x)),
              C(1) / ((C(1) + std::fabs(v)) * (C(1) + std::fabs(v))))
// Rounding is the identity on integers.
UNARY_FUNCTOR(Floor, true, kZero, (is_int_v<C> ? x : C(std::floor(x))), C(0))
UNARY_FUNCTOR(Ceil, true, kZero, (is_int_v<C> ? x : C(std::ceil(x))), C(0))
UNARY_FUNCTOR(Round, true, kZero, (is_int_v<C> ? x : C(std::round(x))), C(0))  // half away from 0
UNARY_FUNCTOR(Rint, true, kZero, (is_int_v<C> ? x : C(std::nearbyint(x))), C(0))  // half to even
UNARY_FUNCTOR(Trunc, true, kZero, (is_int_v<C> ? x : C(std::trunc(x))), C(0))
UNARY_FUNCTOR(Fix, true, kZero, (is_int_v<C> ? x : C(std::trunc(x))), C(0))
UNARY_FUNCTOR(Erf, false, kIn, std::erf(x), C(1.12837916709551257390) * std::exp(-v * v))
UNARY_FUNCTOR(Gamma, false, kIn, std::tgamma(x), std::tgamma(v) * digamma(v))
UNARY_FUNCTOR(Gammaln, false, kIn, std::lgamma(x), digamma(v))
UNARY_FUNCTOR(LogicalNot, true, kZero, C(x == C(0)), C(0))
#undef UNARY_FUNCTOR

// ------------------------------------------------------------------ kernels
template <class F>
void unary_forward(const OpCtx&, const Attrs& a, const std::vector<TBlob>& in,
                   const std::vector<TBlob>& out) {
  MXL_NUM_SWITCH(in[0].dtype, T, a.op->name, {
    using C = std::conditional_t<F::int_native, native_t<T>, float_t_of<T>>;
    const T* x = in[0].ptr<T>();
    T* y = out[0].ptr<T>();
    parallel_for(in[0].size(), kParallelGrain, [&](int64_t b, int64_t e) {
      for (int64_t i = b; i < e; ++i) y[i] = cast_to<T>(F::f(C(x[i])));
    });
  });
}

// in: (ograd, input or output); out: input gradient.
template <class F>
void unary_backward(const OpCtx&, const Attrs& a, const std::vector<TBlob>& in,
                    const std::vector<TBlob>& out) {
  MXL_NUM_SWITCH(in[0].dtype, T, a.op->name, {
    using C = float_t_of<T>;
    const T* g = in[0].ptr<T>();
    const T* v = in[1].ptr<T>();
    T* gx = out[0].ptr<T>();
    parallel_for(out[0].size(), kParallelGrain, [&](int64_t b, int64_t e) {
      for (int64_t i = b; i < e; ++i) gx[i] = cast_to<T>(C(g[i]) * F::df(C(v[i])));
    });
  });
}

GVals zero_grad(GradGraph& g, const Attrs&) { return {g.op1("zeros_like", {g.input(0)})}; }

template <class F>
FGradient unary_grad(const std::string& backward) {
  if (F::dep == Dep::kZero) return zero_grad;
  return [backward](GradGraph& g, const Attrs&) {
    return GVals{g.op1(backward, {g.ograd(0), F::dep == Dep::kIn ? g.input(0) : g.output(0)})};
  };
}

template <class F>
OpDef& def_unary(OpDef& op, const char* doc) {
  op.describe(doc).input("data").infer_shape_fn(shape_same).infer_type_fn(type_same_num).inplace(0, 0);
  op.cpu_fn(unary_forward<F>);
  op.grad_fn(unary_grad<F>("_backward_" + op.name));
  if (F::dep != Dep::kZero)
    Registry::add("_backward_" + op.name)
        .describe("Gradient of " + op.name + ": ograd * d" + op.name + "/dx.")
        .input("ograd")
        .input(F::dep == Dep::kIn ? "data" : "output")
        .infer_shape_fn(shape_same)
        .infer_type_fn(type_same_num)
        .inplace(0, 0)
        .cpu_fn(unary_backward<F>);
  return op;
}

// Registers op `name` with functor F; aliases chain on with .alias(...).
#define MXL_UNARY(name, F, doc) \
  static ::mxl::OpDef& MXL_OP_CONCAT(mxl_unary_, __COUNTER__) = def_unary<F>(::mxl::Registry::add(#name), doc)

MXL_UNARY(abs, Abs, "Absolute value, elementwise.");
MXL_UNARY(sign, Sign, "Sign (-1, 0 or 1), elementwise.");
MXL_UNARY(negative, Negative, "Numerical negative, elementwise.");
MXL_UNARY(reciprocal, Reciprocal, "Reciprocal 1/x, elementwise.");
MXL_UNARY(square, Square, "Square x*x, elementwise.");
MXL_UNARY(sqrt, Sqrt, "Square root, elementwise.");
MXL_UNARY(rsqrt, Rsqrt, "Inverse square root 1/sqrt(x), elementwise.");
MXL_UNARY(cbrt, Cbrt, "Cube root, elementwise.");
MXL_UNARY(exp, Exp, "Exponential e^x, elementwise.");
MXL_UNARY(log, Log, "Natural logarithm, elementwise.");
MXL_UNARY(log2, Log2, "Base-2 logarithm, elementwise.");
MXL_UNARY(log10, Log10, "Base-10 logarithm, elementwise.");
MXL_UNARY(log1p, Log1p, "log(1 + x), elementwise, accurate for small x.");
MXL_UNARY(expm1, Expm1, "exp(x) - 1, elementwise, accurate for small x.");
MXL_UNARY(sin, Sin, "Sine (radians), elementwise.");
MXL_UNARY(cos, Cos, "Cosine (radians), elementwise.");
MXL_UNARY(tan, Tan, "Tangent (radians), elementwise.");
MXL_UNARY(arcsin, Arcsin, "Inverse sine, elementwise.");
MXL_UNARY(arccos, Arccos, "Inverse cosine, elementwise.");
MXL_UNARY(arctan, Arctan, "Inverse tangent, elementwise.");
MXL_UNARY(sinh, Sinh, "Hyperbolic sine, elementwise.");
MXL_UNARY(cosh, Cosh, "Hyperbolic cosine, elementwise.");
MXL_UNARY(tanh, Tanh, "Hyperbolic tangent, elementwise.");
MXL_UNARY(arcsinh, Arcsinh, "Inverse hyperbolic sine, elementwise.");
MXL_UNARY(arccosh, Arccosh, "Inverse hyperbolic cosine, elementwise.");
MXL_UNARY(arctanh, Arctanh, "Inverse hyperbolic tangent, elementwise.");
MXL_UNARY(degrees, Degrees, "Converts radians to degrees, elementwise.");
MXL_UNARY(radians, Radians, "Converts degrees to radians, elementwise.");
MXL_UNARY(relu, Relu, "Rectified linear unit max(x, 0), elementwise.");
MXL_UNARY(sigmoid, Sigmoid, "Logistic sigmoid 1/(1+exp(-x)), elementwise.");
MXL_UNARY(softsign, Softsign, "x / (1 + |x|), elementwise.");
MXL_UNARY(floor, Floor, "Largest integer <= x, elementwise.");
MXL_UNARY(ceil, Ceil, "Smallest integer >= x, elementwise.");
MXL_UNARY(round, Round, "Nearest integer, halves away from zero, elementwise.");
MXL_UNARY(rint, Rint, "Nearest integer, halves to even, elementwise.");
MXL_UNARY(trunc, Trunc, "Integer part (rounds toward zero), elementwise.");
MXL_UNARY(fix, Fix, "Rounds toward zero, elementwise.");
MXL_UNARY(erf, Erf, "Gauss error function, elementwise.");
MXL_UNARY(gamma, Gamma, "Gamma function, elementwise.");
MXL_UNARY(gammaln, Gammaln, "log|Gamma(x)|, elementwise.");
MXL_UNARY(logical_not, LogicalNot, "Logical not: 1 where x == 0 else 0, in the input dtype.");

// ------------------------------------------------------- copies and casts
void copy_forward(const OpCtx&, const Attrs&, const std::vector<TBlob>& in, const std::vector<TBlob>& out) {
  if (in[0].data != out[0].data)
    std::memcpy(out[0].data, in[0].data, size_t(in[0].size()) * dtype_size(in[0].dtype));
}

MXL_OP(_copy)
    .alias("identity")
    .describe("Returns a copy of the input.")
    .input("data")
    .infer_shape_fn(shape_same)
    .inplace(0, 0)
    .cpu_fn(copy_forward)
    .grad_fn([](GradGraph& g, const Attrs&) { return GVals{g.ograd(0)}; });

MXL_OP(BlockGrad)
    .alias("stop_gradient")
    .describe("Returns the input unchanged and stops gradients from flowing back through it.")
    .input("data")
    .infer_shape_fn(shape_same)
    .inplace(0, 0)
    .cpu_fn(copy_forward)
    .grad_fn(zero_grad);

template <int kValue>
void fill_forward(const OpCtx&, const Attrs&, const std::vector<TBlob>&, const std::vector<TBlob>& out) {
  fill_scalar(out[0], kValue);
}

MXL_OP(zeros_like)
    .describe("An array of zeros with the shape and dtype of the input.")
    .input("data")
    .infer_shape_fn(shape_same)
    .cpu_fn(fill_forward<0>)
    .grad_fn(zero_grad);

MXL_OP(ones_like)
    .describe("An array of ones with the shape and dtype of the input.")
    .input("data")
    .infer_shape_fn(shape_same)
    .cpu_fn(fill_forward<1>)
    .grad_fn(zero_grad);

// Converts every element of `src` into `dst` (same size, any two dtypes).
void cast_blob(const TBlob& src, const TBlob& dst) {
  if (src.dtype == dst.dtype) {
    if (src.data != dst.data) std::memcpy(dst.data, src.data, size_t(src.size()) * dtype_size(src.dtype));
    return;
  }
  MXL_TYPE_SWITCH(src.dtype, S, {
    MXL_TYPE_SWITCH(dst.dtype, D, {
      const S* s = src.ptr<S>();
      D* d = dst.ptr<D>();
      parallel_for(src.size(), kParallelGrain, [&](int64_t b, int64_t e) {
        for (int64_t i = b; i < e; ++i) d[i] = cast_to<D>(native_t<S>(s[i]));
      });
    });
  });
}

MXL_OP(Cast)
    .alias("cast")
    .describe("Casts every element to the given dtype (floats truncate toward zero when cast to integers).")
    .input("data")
    .param_required("dtype", PType::kDType, "Output data type.")
    .infer_shape_fn(shape_same)
    .infer_type_fn([](const Attrs& a, std::vector<int>& in, std::vector<int>& out) {
      assign_type("Cast", "output", out[0], int(a.dtype("dtype")));
      return in[0] >= 0;
    })
    .cpu_fn([](const OpCtx&, const Attrs&, const std::vector<TBlob>& in, const std::vector<TBlob>& out) {
      cast_blob(in[0], out[0]);
    })
    .grad_fn([](GradGraph& g, const Attrs&) { return GVals{g.op1("_backward_Cast", {g.ograd(0), g.input(0)})}; });

// Also used by other ops whose output dtype differs from their input's (softmax's
// dtype, norm's out_dtype): casts ograd (keeping its shape) to the dtype of `data`.
MXL_OP(_backward_Cast)
    .describe("Casts ograd to the dtype of data, keeping ograd's shape (gradient of Cast).")
    .input("ograd")
    .input("data")
    .infer_shape_fn([](const Attrs&, std::vector<Shape>& in, std::vector<Shape>& out) {
      if (!in[0].known()) return false;
      assign_shape("_backward_Cast", "output", out[0], in[0]);
      return in[1].known();
    })
    .infer_type_fn([](const Attrs&, std::vector<int>& in, std::vector<int>& out) {
      if (in[1] >= 0) assign_type("_backward_Cast", "output", out[0], in[1]);
      else if (out[0] >= 0) in[1] = out[0];
      return in[0] >= 0 && in[1] >= 0;
    })
    .cpu_fn([](const OpCtx&, const Attrs&, const std::vector<TBlob>& in, const std::vector<TBlob>& out) {
      cast_blob(in[0], out[0]);
    });

// ------------------------------------------------------------------ clip
// Bounds are converted to the dtype first, as MXNet does (int clip(2.5, 7.5) -> [2, 7]).
template <class T>
void clip_bounds(const Attrs& a, native_t<T>* lo, native_t<T>* hi) {
  *lo = native_t<T>(cast_to<T>(a.f("a_min")));
  *hi = native_t<T>(cast_to<T>(a.f("a_max")));
}

MXL_OP(clip)
    .describe("Clips values to [a_min, a_max]: a_min where x < a_min, else a_max where x > a_max, else x.")
    .input("data")
    .param_required("a_min", PType::kFloat, "Minimum value.")
    .param_required("a_max", PType::kFloat, "Maximum value.")
    .infer_shape_fn(shape_same)
    .infer_type_fn(type_same_num)
    .inplace(0, 0)
    .cpu_fn([](const OpCtx&, const Attrs& a, const std::vector<TBlob>& in, const std::vector<TBlob>& out) {
      MXL_NUM_SWITCH(in[0].dtype, T, "clip", {
        using C = native_t<T>;
        C lo, hi;
        clip_bounds<T>(a, &lo, &hi);
        const T* x = in[0].ptr<T>();
        T* y = out[0].ptr<T>();
        parallel_for(in[0].size(), kParallelGrain, [&](int64_t b, int64_t e) {
          for (int64_t i = b; i < e; ++i) {
            C v = C(x[i]);
            y[i] = T(v < lo ? lo : (v > hi ? hi : v));
          }
        });
      });
    })
    .grad_fn([](GradGraph& g, const Attrs& a) {
      return GVals{g.op1("_backward_clip", {g.ograd(0), g.input(0)}, a.raw())};
    });

MXL_OP(_backward_clip)
    .describe("Gradient of clip: ograd where a_min <= x <= a_max, else 0.")
    .input("ograd")
    .input("data")
    .param_required("a_min", PType::kFloat, "Minimum value.")
    .param_required("a_max", PType::kFloat, "Maximum value.")
    .infer_shape_fn(shape_same)
    .cpu_fn([](const OpCtx&, const Attrs& a, const std::vector<TBlob>& in, const std::vector<TBlob>& out) {
      MXL_NUM_SWITCH(in[0].dtype, T, "_backward_clip", {
        using C = native_t<T>;
        C lo, hi;
        clip_bounds<T>(a, &lo, &hi);
        const T* g = in[0].ptr<T>();
        const T* x = in[1].ptr<T>();
        T* gx = out[0].ptr<T>();
        parallel_for(out[0].size(), kParallelGrain, [&](int64_t b, int64_t e) {
          for (int64_t i = b; i < e; ++i) {
            C v = C(x[i]);
            gx[i] = (v < lo || v > hi) ? T(0) : g[i];
          }
        });
      });
    });

}  // namespace
}  // namespace mxl
