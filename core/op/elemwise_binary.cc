// Binary elementwise operators, one table: a functor per operation gives f(a, b) and
// the partial derivatives dl, dr (in terms of a, b and y = f(a, b)). Each table row
// registers the same-shape op (elemwise_add), the broadcasting op (broadcast_add),
// the scalar op(s) (_plus_scalar, _rminus_scalar), their backward ops and gradients.
// The broadcast forms of broadcast_to / broadcast_like / broadcast_axis live here too.
#include <cstring>

#include "elemwise_kernels.h"
#include "elemwise_math.h"

namespace mxl {
namespace {

// The functor table (Add, Div, Power, ...) is in elemwise_math.h, shared with the
// CUDA kernels.
using namespace elemwise;

// y = f(a, b) in dtype T.
template <class F, class T>
inline T apply(T a, T b) {
  using C = std::conditional_t<F::int_native, native_t<T>, float_t_of<T>>;
  return cast_to<T>(F::f(C(a), C(b)));
}

// Dispatches dtype t to T, admitting bool only for comparison / logic functors.
#define BINARY_SWITCH(F, t, T, op, ...)                      \
  do {                                                      \
    if constexpr (F::bool_ok) {                             \
      MXL_TYPE_SWITCH(t, T, __VA_ARGS__)                    \
    } else {                                                \
      MXL_NUM_SWITCH(t, T, op, __VA_ARGS__)                 \
    }                                                       \
  } while (0)

template <class F, class T>
void check_divisor(const char* op, const T* b, int64_t n) {
  if constexpr (F::int_divisor && std::is_integral_v<T>)
    MXL_CHECK(!any_zero(b, n), Err::kArithmetic, op, ": integer division by zero");
}

// ------------------------------------------------------------ forward kernels
// y = f(a, b) where a and b broadcast to y's shape (equal shapes included).
template <class F, class T>
void binary_kernel(const char* op, const TBlob& A, const TBlob& B, const TBlob& Y) {
  const T* a = A.ptr<T>();
  const T* b = B.ptr<T>();
  T* y = Y.ptr<T>();
  int64_t n = Y.size(), na = A.size(), nb = B.size();
  if (n == 0) return;
  check_divisor<F>(op, b, nb);
  if (na == n && nb == n) {  // same layout: the tight loop the compiler vectorises
    parallel_for(n, kParallelGrain, [&](int64_t s, int64_t e) {
      for (int64_t i = s; i < e; ++i) y[i] = apply<F>(a[i], b[i]);
    });
  } else if (nb == 1) {
    const T bv = b[0];
    parallel_for(n, kParallelGrain, [&](int64_t s, int64_t e) {
      for (int64_t i = s; i < e; ++i) y[i] = apply<F>(a[i], bv);
    });
  } else if (na == 1) {
    const T av = a[0];
    parallel_for(n, kParallelGrain, [&](int64_t s, int64_t e) {
      for (int64_t i = s; i < e; ++i) y[i] = apply<F>(av, b[i]);
    });
  } else {  // rows/columns/general: runs along the innermost merged axis
    const Shape* ins[2] = {&A.shape, &B.shape};
    BcastPlan p = make_bcast_plan(Y.shape, ins, 2);
    const int64_t sa = p.stride[0][p.nd - 1], sb = p.stride[1][p.nd - 1];
    bcast_for(p, [&](int64_t o, const int64_t* off, int64_t len) {
      const T* pa = a + off[0];
      const T* pb = b + off[1];
      T* py = y + o;
      if (sa && sb) {
        for (int64_t i = 0; i < len; ++i) py[i] = apply<F>(pa[i], pb[i]);
      } else if (sa) {
        const T bv = *pb;
        for (int64_t i = 0; i < len; ++i) py[i] = apply<F>(pa[i], bv);
      } else if (sb) {
        const T av = *pa;
        for (int64_t i = 0; i < len; ++i) py[i] = apply<F>(av, pb[i]);
      } else {
        const T v = apply<F>(*pa, *pb);
        for (int64_t i = 0; i < len; ++i) py[i] = v;
      }
    });
  }
}

template <class F>
void binary_forward(const OpCtx&, const Attrs& a, const std::vector<TBlob>& in, const std::vector<TBlob>& out) {
  const char* op = a.op->name.c_str();
  BINARY_SWITCH(F, in[0].dtype, T, op, { binary_kernel<F, T>(op, in[0], in[1], out[0]); });
}

// Scalar ops: y = f(x, s) or, reversed, f(s, x). The scalar is converted to the
// array's dtype (int32 + 0.5 adds 0, as in MXNet) unless is_int is False for an
// integer array, which then computes and returns float64; bool arrays give int64.
DType scalar_out_dtype(DType in, bool is_int) {
  if (in == DType::b8) return is_int ? DType::i64 : DType::f64;
  if (!dtype_is_float(in) && !is_int) return DType::f64;
  return in;
}

bool scalar_type(const Attrs& a, std::vector<int>& in, std::vector<int>& out) {
  if (in[0] < 0) {
    if (out[0] < 0) return false;
    in[0] = out[0];  // the usual case: the dtype passes through
  }
  assign_type(a.op->name.c_str(), "output", out[0], int(scalar_out_dtype(DType(in[0]), a.b("is_int"))));
  return true;
}

template <class F, bool kRev, class TI, class TO>
void scalar_kernel(const char* op, const TBlob& X, const TBlob& Y, double scalar) {
  const TI* x = X.ptr<TI>();
  TO* y = Y.ptr<TO>();
  const TO s = cast_to<TO>(scalar);
  int64_t n = X.size();
  if constexpr (F::int_divisor && std::is_integral_v<TO>) {
    bool zero = !kRev && s == TO(0);
    for (int64_t i = 0; kRev && i < n && !zero; ++i) zero = x[i] == TI(0);
    MXL_CHECK(!zero, Err::kArithmetic, op, ": integer division by zero");
  }
  parallel_for(n, kParallelGrain, [&](int64_t b, int64_t e) {
    for (int64_t i = b; i < e; ++i) {
      TO v = cast_to<TO>(native_t<TI>(x[i]));
      y[i] = kRev ? apply<F>(s, v) : apply<F>(v, s);
    }
  });
}

template <class F, bool kRev>
void scalar_forward(const OpCtx&, const Attrs& a, const std::vector<TBlob>& in, const std::vector<TBlob>& out) {
  const char* op = a.op->name.c_str();
  double s = a.f("scalar");
  if (in[0].dtype == out[0].dtype) {
    BINARY_SWITCH(F, in[0].dtype, T, op, { scalar_kernel<F, kRev, T, T>(op, in[0], out[0], s); });
  } else {  // promoted integer / bool input
    MXL_TYPE_SWITCH(in[0].dtype, TI, {
      if (out[0].dtype == DType::f64) scalar_kernel<F, kRev, TI, double>(op, in[0], out[0], s);
      else scalar_kernel<F, kRev, TI, int64_t>(op, in[0], out[0], s);
    });
  }
}

// ------------------------------------------------------------ backward kernels
// _backward_<op>(ograd, lhs, rhs) -> (ograd * dl, ograd * dr), both in ograd's shape;
// lhs and rhs may broadcast to it (broadcast ops then sum each back to its input's
// shape with _broadcast_backward).
template <class F>
void binary_backward(const OpCtx&, const Attrs& a, const std::vector<TBlob>& in, const std::vector<TBlob>& out) {
  MXL_NUM_SWITCH(in[0].dtype, T, a.op->name, {
    using C = float_t_of<T>;
    const T* g = in[0].ptr<T>();
    const T* pa = in[1].ptr<T>();
    const T* pb = in[2].ptr<T>();
    T* gl = out[0].ptr<T>();
    T* gr = out[1].ptr<T>();
    const Shape* ins[3] = {&in[0].shape, &in[1].shape, &in[2].shape};
    BcastPlan p = make_bcast_plan(in[0].shape, ins, 3);
    const int64_t sa = p.stride[1][p.nd - 1], sb = p.stride[2][p.nd - 1];
    bcast_for(p, [&](int64_t o, const int64_t* off, int64_t len) {
      for (int64_t i = 0; i < len; ++i) {
        C av = C(pa[off[1] + i * sa]), bv = C(pb[off[2] + i * sb]), gv = C(g[off[0] + i]);
        C y = F::f(av, bv);
        gl[o + i] = cast_to<T>(gv * F::dl(av, bv, y));
        gr[o + i] = cast_to<T>(gv * F::dr(av, bv, y));
      }
    });
  });
}

bool binary_backward_shape(const Attrs& a, std::vector<Shape>& in, std::vector<Shape>& out) {
  if (!in[0].known()) return false;
  out[0] = out[1] = in[0];
  // lhs and rhs are read broadcast to ograd's shape; check that they do broadcast to it
  // (a directly called backward op may be given anything).
  for (size_t i = 1; i < 3; ++i)
    if (in[i].known())
      MXL_CHECK(broadcast_shapes(a.op->name.c_str(), in[i], in[0]) == in[0], Err::kShape, a.op->name, ": ",
                i == 1 ? "lhs" : "rhs", " of shape ", in[i], " does not broadcast to ograd's shape ", in[0]);
  return in[1].known() && in[2].known();
}

// _backward_<scalar op>(ograd, data) -> ograd * d/dx f(x, s) (or f(s, x) reversed).
template <class F, bool kRev>
void scalar_backward(const OpCtx&, const Attrs& a, const std::vector<TBlob>& in, const std::vector<TBlob>& out) {
  MXL_NUM_SWITCH(in[1].dtype, T, a.op->name, {
    using C = float_t_of<T>;
    const C s = C(cast_to<T>(a.f("scalar")));
    const T* g = in[0].ptr<T>();
    const T* x = in[1].ptr<T>();
    T* gx = out[0].ptr<T>();
    parallel_for(out[0].size(), kParallelGrain, [&](int64_t b, int64_t e) {
      for (int64_t i = b; i < e; ++i) {
        C v = C(x[i]);
        C d = kRev ? F::dr(s, v, F::f(s, v)) : F::dl(v, s, F::f(v, s));
        gx[i] = cast_to<T>(C(g[i]) * d);
      }
    });
  });
}

// --------------------------------------------------------------- registration
GVals zeros_for_inputs(GradGraph& g, int n) {
  GVals r;
  for (int i = 0; i < n; ++i) r.push_back(g.op1("zeros_like", {g.input(i)}));
  return r;
}

struct FamilyNames {
  const char* elem;                     // same-shape op
  std::vector<const char*> elem_aliases;
  const char* bcast;                    // broadcasting op
  std::vector<const char*> bcast_aliases;
  const char* scalar;                   // x op s
  const char* scalar_alias;
  const char* rscalar;                  // s op x (nullptr: commutative, none)
  const char* rscalar_alias;
  const char* backward;                 // _backward_<...> shared by elem and bcast
  const char* what;                     // doc: "Adds", "Compares (==)", ...
};

template <class F, bool kRev>
void def_scalar(const char* name, const char* alias, const char* what) {
  OpDef& op = Registry::add(name);
  op.alias(alias);
  op.describe(std::string(what) + (kRev ? " a scalar and an array (scalar first), elementwise." :
                                          " an array and a scalar, elementwise."))
      .input("data")
      .param("scalar", PType::kFloat, "1", "Scalar input value.")
      .param("is_int", PType::kBool, "True",
             "Whether the scalar is an integer: if False and the array is an integer type, "
             "the result is float64.")
      .infer_shape_fn(shape_same)
      .infer_type_fn(scalar_type)
      .inplace(0, 0)
      .cpu_fn(scalar_forward<F, kRev>);
  if (!F::grad) {
    op.grad_fn([](GradGraph& g, const Attrs&) { return zeros_for_inputs(g, 1); });
    return;
  }
  std::string bwd = std::string("_backward") + name;  // name starts with '_'
  Registry::add(bwd)
      .describe(std::string("Gradient of ") + name + ".")
      .input("ograd")
      .input("data")
      .param("scalar", PType::kFloat, "1", "Scalar input value.")
      .param("is_int", PType::kBool, "True", "Whether the scalar is an integer.")
      .infer_shape_fn(shape_same)
      .infer_type_fn(type_same_num)
      .cpu_fn(scalar_backward<F, kRev>);
  op.grad_fn([bwd](GradGraph& g, const Attrs& a) { return GVals{g.op1(bwd, {g.ograd(0), g.input(0)}, a.raw())}; });
}

template <class F>
bool def_family(const FamilyNames& n) {
  const std::string what = n.what;
  // Gradient of the same-shape op, and of the broadcast op (sums back to input shapes).
  FGradient elem_grad, bcast_grad;
  std::string bwd = n.backward;
  if (!F::grad) {
    elem_grad = bcast_grad = [](GradGraph& g, const Attrs&) { return zeros_for_inputs(g, 2); };
  } else {
    elem_grad = [bwd](GradGraph& g, const Attrs&) {
      return g.op(bwd, {g.ograd(0), g.input(0), g.input(1)});
    };
    bcast_grad = [bwd](GradGraph& g, const Attrs&) {
      GVals d = g.op(bwd, {g.ograd(0), g.input(0), g.input(1)});
      return GVals{g.op1("_broadcast_backward", {d[0], g.input(0)}),
                   g.op1("_broadcast_backward", {d[1], g.input(1)})};
    };
    Registry::add(bwd)
        .describe("Gradient of " + std::string(n.elem) + " and " + n.bcast +
                  ": (ograd * df/dlhs, ograd * df/drhs) in ograd's shape.")
        .input("ograd")
        .input("lhs")
        .input("rhs")
        .outputs(2, {"lhs_grad", "rhs_grad"})
        .infer_shape_fn(binary_backward_shape)
        .infer_type_fn(type_same_num)
        .cpu_fn(binary_backward<F>);
  }

  FInferType type_rule = F::bool_ok ? FInferType(type_same) : FInferType(type_same_num);
  OpDef& e = Registry::add(n.elem);
  for (const char* al : n.elem_aliases) e.alias(al);
  e.describe(what + " two arrays of the same shape, elementwise.")
      .input("lhs")
      .input("rhs")
      .infer_shape_fn(shape_same)
      .infer_type_fn(type_rule)
      .inplace(0, 0)
      .inplace(1, 0)
      .cpu_fn(binary_forward<F>)
      .grad_fn(elem_grad);

  OpDef& b = Registry::add(n.bcast);
  for (const char* al : n.bcast_aliases) b.alias(al);
  b.describe(what + " two arrays with numpy-style broadcasting, elementwise.")
      .input("lhs")
      .input("rhs")
      .infer_shape_fn(shape_broadcast)
      .infer_type_fn(type_rule)
      .cpu_fn(binary_forward<F>)
      .grad_fn(bcast_grad);

  def_scalar<F, false>(n.scalar, n.scalar_alias, n.what);
  if (n.rscalar) def_scalar<F, true>(n.rscalar, n.rscalar_alias, n.what);
  return true;
}

#define MXL_BINARY_FAMILY(F, ...) \
  static const bool MXL_OP_CONCAT(mxl_binary_, __COUNTER__) = def_family<F>(FamilyNames{__VA_ARGS__})

MXL_BINARY_FAMILY(Add, "elemwise_add", {"_plus", "_add", "_Plus", "_grad_add"}, "broadcast_add", {"broadcast_plus"},
                  "_plus_scalar", "_PlusScalar", nullptr, nullptr, "_backward_add", "Adds");
MXL_BINARY_FAMILY(Sub, "elemwise_sub", {"_minus", "_sub", "_Minus"}, "broadcast_sub", {"broadcast_minus"},
                  "_minus_scalar", "_MinusScalar", "_rminus_scalar", "_RMinusScalar", "_backward_sub", "Subtracts");
MXL_BINARY_FAMILY(Mul, "elemwise_mul", {"_mul", "_Mul"}, "broadcast_mul", {}, "_mul_scalar", "_MulScalar", nullptr,
                  nullptr, "_backward_mul", "Multiplies");
MXL_BINARY_FAMILY(Div, "elemwise_div", {"_div", "_Div"}, "broadcast_div", {}, "_div_scalar", "_DivScalar",
                  "_rdiv_scalar", "_RDivScalar", "_backward_div",
                  "Divides (integers truncate toward zero; integer division by zero is an error)");
MXL_BINARY_FAMILY(Mod, "_mod", {"_Mod"}, "broadcast_mod", {}, "_mod_scalar", "_ModScalar", "_rmod_scalar",
                  "_RModScalar", "_backward_mod", "Takes the modulo (sign of the divisor, like Python) of");
MXL_BINARY_FAMILY(Power, "_power", {"_Power"}, "broadcast_power", {}, "_power_scalar", "_PowerScalar",
                  "_rpower_scalar", "_RPowerScalar", "_backward_power", "Raises to a power");
MXL_BINARY_FAMILY(Maximum, "_maximum", {"_Maximum"}, "broadcast_maximum", {}, "_maximum_scalar",
                  "_MaximumScalar", nullptr, nullptr, "_backward_maximum", "Takes the maximum of");
MXL_BINARY_FAMILY(Minimum, "_minimum", {"_Minimum"}, "broadcast_minimum", {}, "_minimum_scalar",
                  "_MinimumScalar", nullptr, nullptr, "_backward_minimum", "Takes the minimum of");
MXL_BINARY_FAMILY(Hypot, "_hypot", {"_Hypot"}, "broadcast_hypot", {}, "_hypot_scalar", "_HypotScalar", nullptr,
                  nullptr, "_backward_hypot", "Computes sqrt(a^2 + b^2) of");
MXL_BINARY_FAMILY(Equal, "_equal", {"_Equal"}, "broadcast_equal", {}, "_equal_scalar", "_EqualScalar", nullptr,
                  nullptr, "", "Compares (==, 1 or 0 in the input dtype)");
MXL_BINARY_FAMILY(NotEqual, "_not_equal", {"_Not_Equal"}, "broadcast_not_equal", {}, "_not_equal_scalar",
                  "_NotEqualScalar", nullptr, nullptr, "", "Compares (!=, 1 or 0 in the input dtype)");
MXL_BINARY_FAMILY(Greater, "_greater", {"_Greater"}, "broadcast_greater", {}, "_greater_scalar",
                  "_GreaterScalar", nullptr, nullptr, "", "Compares (>, 1 or 0 in the input dtype)");
MXL_BINARY_FAMILY(GreaterEqual, "_greater_equal", {"_Greater_Equal"}, "broadcast_greater_equal", {},
                  "_greater_equal_scalar", "_GreaterEqualScalar", nullptr, nullptr, "",
                  "Compares (>=, 1 or 0 in the input dtype)");
MXL_BINARY_FAMILY(Lesser, "_lesser", {"_Lesser"}, "broadcast_lesser", {}, "_lesser_scalar", "_LesserScalar",
                  nullptr, nullptr, "", "Compares (<, 1 or 0 in the input dtype)");
MXL_BINARY_FAMILY(LesserEqual, "_lesser_equal", {"_Lesser_Equal"}, "broadcast_lesser_equal", {},
                  "_lesser_equal_scalar", "_LesserEqualScalar", nullptr, nullptr, "",
                  "Compares (<=, 1 or 0 in the input dtype)");
MXL_BINARY_FAMILY(LogicalAnd, "_logical_and", {"_Logical_And"}, "broadcast_logical_and", {},
                  "_logical_and_scalar", "_LogicalAndScalar", nullptr, nullptr, "",
                  "Logical and (1 or 0 in the input dtype) of");
MXL_BINARY_FAMILY(LogicalOr, "_logical_or", {"_Logical_Or"}, "broadcast_logical_or", {}, "_logical_or_scalar",
                  "_LogicalOrScalar", nullptr, nullptr, "", "Logical or (1 or 0 in the input dtype) of");
MXL_BINARY_FAMILY(LogicalXor, "_logical_xor", {"_Logical_Xor"}, "broadcast_logical_xor", {},
                  "_logical_xor_scalar", "_LogicalXorScalar", nullptr, nullptr, "",
                  "Logical xor (1 or 0 in the input dtype) of");

// ------------------------------------------------- broadcast_to / like / axis
// Copies `in` into `out`, repeating it along the axes where it has size 1.
template <class U>
void broadcast_copy_t(const TBlob& in, const TBlob& out) {
  const U* x = static_cast<const U*>(in.data);
  U* y = static_cast<U*>(out.data);
  const Shape* ins[1] = {&in.shape};
  BcastPlan p = make_bcast_plan(out.shape, ins, 1);
  const bool contiguous = p.stride[0][p.nd - 1] != 0;
  bcast_for(p, [&](int64_t o, const int64_t* off, int64_t len) {
    if (contiguous) std::memcpy(y + o, x + off[0], size_t(len) * sizeof(U));
    else std::fill(y + o, y + o + len, x[off[0]]);
  });
}

void broadcast_copy(const OpCtx&, const Attrs&, const std::vector<TBlob>& in, const std::vector<TBlob>& out) {
  if (out[0].size() == 0) return;
  switch (dtype_size(in[0].dtype)) {
    case 1: broadcast_copy_t<uint8_t>(in[0], out[0]); break;
    case 2: broadcast_copy_t<uint16_t>(in[0], out[0]); break;
    case 4: broadcast_copy_t<uint32_t>(in[0], out[0]); break;
    default: broadcast_copy_t<uint64_t>(in[0], out[0]); break;
  }
}

GVals broadcast_grad(GradGraph& g, const Attrs&) {
  return {g.op1("_broadcast_backward", {g.ograd(0), g.input(0)})};
}

// Checks that `in` may be broadcast to `target` (same ndim; each axis equal or 1).
void check_broadcastable(const char* op, const Shape& in, const Shape& target) {
  MXL_CHECK(in.ndim == target.ndim, Err::kShape, op, ": operand of shape ", in, " cannot be broadcast to ",
            target, " (different number of dimensions)");
  for (int i = 0; i < in.ndim; ++i)
    MXL_CHECK(in[i] == target[i] || in[i] == 1, Err::kShape, op, ": operand of shape ", in,
              " cannot be broadcast to ", target, " (axis ", i, " has size ", in[i], ", not 1 or ", target[i], ")");
}

MXL_OP(broadcast_to)
    .describe("Broadcasts the input to a new shape; size-1 axes are repeated. A 0 in `shape` keeps that axis.")
    .input("data")
    .param("shape", PType::kShape, "()", "The shape of the desired array; 0 keeps the input's size.")
    .infer_shape_fn([](const Attrs& a, std::vector<Shape>& in, std::vector<Shape>& out) {
      if (!in[0].known()) return false;
      Shape t = a.shape("shape");
      MXL_CHECK(t.ndim == in[0].ndim, Err::kShape, "broadcast_to: operand of shape ", in[0],
                " cannot be broadcast to ", t, " (different number of dimensions)");
      for (int i = 0; i < t.ndim; ++i) {
        MXL_CHECK(t[i] >= 0, Err::kInvalidArgument, "broadcast_to: parameter 'shape' has a negative size ", t);
        if (t[i] == 0) t[i] = in[0][i];
      }
      check_broadcastable("broadcast_to", in[0], t);
      assign_shape("broadcast_to", "output", out[0], t);
      return true;
    })
    .cpu_fn(broadcast_copy)
    .grad_fn(broadcast_grad);

MXL_OP(broadcast_axis)
    .alias("broadcast_axes")
    .describe("Broadcasts the input along the given size-1 axes to the given sizes.")
    .input("data")
    .param("axis", PType::kShape, "()", "The axes to perform the broadcasting.")
    .param("size", PType::kShape, "()", "Target sizes of the broadcasting axes.")
    .infer_shape_fn([](const Attrs& a, std::vector<Shape>& in, std::vector<Shape>& out) {
      if (!in[0].known()) return false;
      const Shape& ax = a.shape("axis");
      const Shape& sz = a.shape("size");
      MXL_CHECK(ax.ndim == sz.ndim, Err::kInvalidArgument, "broadcast_axis: 'axis' ", ax, " and 'size' ", sz,
                " must have the same length");
      Shape t = in[0];
      for (int i = 0; i < ax.ndim; ++i) {
        int d = normalize_axis("broadcast_axis", ax[i], in[0].ndim);
        MXL_CHECK(in[0][d] == 1, Err::kShape, "broadcast_axis: axis ", ax[i], " of input shape ", in[0],
                  " has size ", in[0][d], "; broadcasting axes must have size 1");
        MXL_CHECK(sz[i] >= 0, Err::kInvalidArgument, "broadcast_axis: negative size ", sz[i]);
        t[d] = sz[i];
      }
      assign_shape("broadcast_axis", "output", out[0], t);
      return true;
    })
    .cpu_fn(broadcast_copy)
    .grad_fn(broadcast_grad);

MXL_OP(broadcast_like)
    .describe("Broadcasts lhs to the shape of rhs (or, with lhs_axes/rhs_axes, only those axes of lhs to the "
              "sizes of rhs's axes).")
    .input("lhs")
    .input("rhs")
    .param_optional("lhs_axes", PType::kShape, "Axes of lhs to broadcast (default: all).")
    .param_optional("rhs_axes", PType::kShape, "Axes of rhs giving the target sizes (default: all).")
    .infer_shape_fn([](const Attrs& a, std::vector<Shape>& in, std::vector<Shape>& out) {
      if (!in[0].known() || !in[1].known()) return false;
      Shape t;
      if (a.none("lhs_axes") && a.none("rhs_axes")) {
        t = in[1];
      } else {
        MXL_CHECK(!a.none("lhs_axes") && !a.none("rhs_axes"), Err::kInvalidArgument,
                  "broadcast_like: lhs_axes and rhs_axes must be given together");
        const Shape& la = a.shape("lhs_axes");
        const Shape& ra = a.shape("rhs_axes");
        MXL_CHECK(la.ndim == ra.ndim, Err::kInvalidArgument, "broadcast_like: lhs_axes ", la, " and rhs_axes ",
                  ra, " must have the same length");
        t = in[0];
        for (int i = 0; i < la.ndim; ++i)
          t[normalize_axis("broadcast_like", la[i], in[0].ndim)] =
              in[1][normalize_axis("broadcast_like", ra[i], in[1].ndim)];
      }
      check_broadcastable("broadcast_like", in[0], t);
      assign_shape("broadcast_like", "output", out[0], t);
      return true;
    })
    .cpu_fn(broadcast_copy)
    .grad_fn([](GradGraph& g, const Attrs&) {
      return GVals{g.op1("_broadcast_backward", {g.ograd(0), g.input(0)}), g.op1("zeros_like", {g.input(1)})};
    });

// ================================================================ add_n
MXL_OP(add_n)
    .alias("ElementWiseSum")
    .describe("Sums all inputs elementwise: add_n(a1, ..., an) = a1 + ... + an, in one pass "
              "(every input has the same shape and dtype).")
    .variadic("num_args")
    .param_required("num_args", PType::kInt, "Number of inputs.")
    .range(1, 1e9)
    .infer_shape_fn(shape_same)
    .infer_type_fn(type_same)
    .inplace(0, 0)
    .cpu_fn([](const OpCtx&, const Attrs& a, const std::vector<TBlob>& in, const std::vector<TBlob>& out) {
      MXL_NUM_SWITCH(out[0].dtype, T, a.op->name, {
        using C = float_t_of<T>;
        std::vector<const T*> x;
        for (const auto& b : in) x.push_back(b.ptr<T>());
        T* y = out[0].ptr<T>();
        const size_t n = x.size();
        parallel_for(out[0].size(), kParallelGrain, [&](int64_t b, int64_t e) {
          for (int64_t i = b; i < e; ++i) {
            C acc = C(x[0][i]);  // left to right, as a1 + a2 + ... would round
            for (size_t k = 1; k < n; ++k) acc = C(acc + C(x[k][i]));
            y[i] = cast_to<T>(acc);
          }
        });
      });
    })
    .grad_fn([](GradGraph& g, const Attrs& a) { return GVals(size_t(a.i("num_args")), g.ograd(0)); });

}  // namespace
}  // namespace mxl
