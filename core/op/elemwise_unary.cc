// Unary elementwise operators. The math family is one table: a functor per op gives
// the forward value f(x) and the derivative df(v), where v is the op's input or its
// output (whichever makes the derivative cheap); MXL_UNARY registers the forward op,
// its `_backward_<name>` op and the gradient that joins them. Copy-like ops (_copy,
// BlockGrad, Cast, zeros_like, ones_like) and clip follow by hand.
#include <cmath>
#include <cstring>

#include "elemwise_kernels.h"
#include "elemwise_math.h"

namespace mxl {
namespace {

// The functor table (Abs, Exp, Relu, ...) is in elemwise_math.h, shared with the
// CUDA kernels.
using namespace elemwise;

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
  copy_values(in[0], out[0]);
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
