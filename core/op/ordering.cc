// Ordering operators: sort, argsort, topk.
//
// Order is total and deterministic: equal values keep their original order (in both
// directions, as MXNet's results show), and NaN counts as larger than every number
// (last when ascending, first when descending).
#include <algorithm>
#include <cmath>
#include <numeric>
#include <type_traits>

#include "blas.h"

namespace mxl {
namespace {


// The array as lanes along the sorted axis: element j of lane (o, i) is at
// (o*n + j)*inner + i. axis None sorts the flattened array (one lane).
struct Lanes {
  int axis = -1;  // -1: None
  int64_t outer = 1, n = 1, inner = 1;
  int64_t count() const { return outer * inner; }
};
Lanes lanes_of(const Attrs& a, const Shape& d) {
  Lanes L;
  if (a.none("axis")) {
    L.n = d.size();
    return L;
  }
  MXL_CHECK(d.ndim >= 1, Err::kShape, N(a), ": data must have at least 1 dimension with axis=", a.i("axis"));
  L.axis = normalize_axis(N(a), a.i("axis"), d.ndim);
  for (int k = 0; k < L.axis; ++k) L.outer *= d[k];
  L.n = d[L.axis];
  for (int k = L.axis + 1; k < d.ndim; ++k) L.inner *= d[k];
  return L;
}
// Shape of a result holding k entries per lane.
Shape lanes_shape(const Lanes& L, const Shape& d, int64_t k) {
  if (L.axis < 0) return Shape({k});
  Shape s = d;
  s[L.axis] = k;
  return s;
}
std::string axis_param(const Attrs& a) { return a.none("axis") ? "None" : std::to_string(a.i("axis")); }

// Positions (along the axis) of the first k elements of every lane in sorted order:
// pos[lane*k + j], lane = o*inner + i.
template <typename DT>
void sort_lanes(const DT* x, const Lanes& L, int64_t k, bool ascend, std::vector<int64_t>& pos) {
  using K = std::conditional_t<std::is_same_v<DT, half>, float, DT>;
  auto lt = [](K p, K q) {
    if constexpr (std::is_floating_point_v<K>) return !std::isnan(p) && (std::isnan(q) || p < q);
    else return p < q;
  };
  parallel_for(L.count(), std::max<int64_t>(1, kParallelGrain / std::max<int64_t>(1, L.n)), [&](int64_t b, int64_t e) {
    std::vector<K> key(size_t(L.n));
    std::vector<int64_t> order(size_t(L.n));
    for (int64_t lane = b; lane < e; ++lane) {
      int64_t o = lane / L.inner, i = lane % L.inner;
      for (int64_t j = 0; j < L.n; ++j) key[size_t(j)] = K(x[(o * L.n + j) * L.inner + i]);
      std::iota(order.begin(), order.end(), int64_t(0));
      auto cmp = [&](int64_t p, int64_t q) {
        K kp = key[size_t(p)], kq = key[size_t(q)];
        if (ascend ? lt(kp, kq) : lt(kq, kp)) return true;
        if (ascend ? lt(kq, kp) : lt(kp, kq)) return false;
        return p < q;  // ties: original order
      };
      if (k < L.n) std::partial_sort(order.begin(), order.begin() + k, order.end(), cmp);
      else std::sort(order.begin(), order.end(), cmp);
      std::copy(order.begin(), order.begin() + k, pos.begin() + lane * k);
    }
  });
}
std::vector<int64_t> sorted_positions(const char* op, const TBlob& x, const Lanes& L, int64_t k, bool ascend) {
  std::vector<int64_t> pos(size_t(L.count() * k));
  MXL_TYPE_SWITCH(x.dtype, DT, { sort_lanes<DT>(x.ptr<DT>(), L, k, ascend, pos); });
  return pos;
}

// out (k per lane) = the selected values of x.
void write_values(const TBlob& x, const Lanes& L, int64_t k, const std::vector<int64_t>& pos, const TBlob& out) {
  size_t es = dtype_size(x.dtype);
  const char* s = static_cast<const char*>(x.data);
  char* d = static_cast<char*>(out.data);
  parallel_for(L.count(), std::max<int64_t>(1, kParallelGrain / std::max<int64_t>(1, k)), [&](int64_t b, int64_t e) {
    for (int64_t lane = b; lane < e; ++lane) {
      int64_t o = lane / L.inner, i = lane % L.inner;
      for (int64_t j = 0; j < k; ++j)
        std::memcpy(d + size_t((o * k + j) * L.inner + i) * es,
                    s + size_t((o * L.n + pos[size_t(lane * k + j)]) * L.inner + i) * es, es);
    }
  });
}
// out (k per lane) = the selected positions, in out's dtype.
void write_indices(const Lanes& L, int64_t k, const std::vector<int64_t>& pos, const TBlob& out) {
  MXL_TYPE_SWITCH(out.dtype, DT, {
    DT* d = out.ptr<DT>();
    for (int64_t lane = 0; lane < L.count(); ++lane) {
      int64_t o = lane / L.inner, i = lane % L.inner;
      for (int64_t j = 0; j < k; ++j) d[(o * k + j) * L.inner + i] = DT(pos[size_t(lane * k + j)]);
    }
  });
}

// argsort/topk index dtypes (MXNet's choices).
void check_index_dtype(const Attrs& a) {
  DType t = a.dtype("dtype");
  MXL_CHECK(t == DType::f16 || t == DType::f32 || t == DType::f64 || t == DType::i32 || t == DType::i64 ||
                t == DType::u8,
            Err::kDType, N(a), ": parameter 'dtype' expects one of float16, float32, float64, int32, int64, uint8, got ",
            dtype_name(t));
}

int64_t topk_k(const Attrs& a, const Lanes& L) {
  int64_t k = a.i("k");
  if (k < 1) return L.n;  // MXNet: k < 1 sorts the whole axis
  MXL_CHECK(k <= L.n, Err::kInvalidArgument, N(a), ": k=", k, " is larger than the ", L.n,
            " elements along the axis");
  return k;
}

// Gradient of a selection: scatter ograd back to the selected positions.
GVals grad_select(GradGraph& g, const Attrs& a, GVal idx) {
  return GVals{g.op1("_backward_topk", {g.ograd(0), idx, g.input(0)}, {{"axis", axis_param(a)}})};
}

}  // namespace

static OpDef& reg_sort = last_param(Registry::add("sort")
    .describe("Sorts along axis (the flattened array when axis is None). Stable.")
    .input("data")
    .param("axis", PType::kInt, "-1", "Axis to sort along; None sorts the flattened array."), true, false)
    .param("is_ascend", PType::kBool, "True", "Ascending (True) or descending order.")
    .infer_shape_fn([](const Attrs& a, Shapes& in, Shapes& out) {
      if (!in[0].known()) return false;
      Lanes L = lanes_of(a, in[0]);
      assign_shape(N(a), "output", out[0], lanes_shape(L, in[0], L.n));
      return true;
    })
    .cpu_fn([](const OpCtx&, const Attrs& a, const Blobs& in, const Blobs& out) {
      Lanes L = lanes_of(a, in[0].shape);
      write_values(in[0], L, L.n, sorted_positions(N(a), in[0], L, L.n, a.b("is_ascend")), out[0]);
    })
    .grad_fn([](GradGraph& g, const Attrs& a) {
      GVal idx = g.op1("argsort", {g.input(0)},
                       {{"axis", axis_param(a)}, {"is_ascend", a.b("is_ascend") ? "True" : "False"}, {"dtype", "int64"}});
      return grad_select(g, a, idx);
    });

static OpDef& reg_argsort = last_param(Registry::add("argsort")
    .describe("Indices that sort the array along axis (flattened when axis is None). Stable.")
    .input("data")
    .param("axis", PType::kInt, "-1", "Axis to sort along; None sorts the flattened array."), true, false)
    .param("is_ascend", PType::kBool, "True", "Ascending (True) or descending order.")
    .param("dtype", PType::kDType, "float32", "dtype of the indices.")
    .infer_shape_fn([](const Attrs& a, Shapes& in, Shapes& out) {
      if (!in[0].known()) return false;
      Lanes L = lanes_of(a, in[0]);
      assign_shape(N(a), "output", out[0], lanes_shape(L, in[0], L.n));
      return true;
    })
    .infer_type_fn([](const Attrs& a, Types& in, Types& out) {
      check_index_dtype(a);
      assign_type(N(a), "output", out[0], int(a.dtype("dtype")));
      return in[0] >= 0;
    })
    .cpu_fn([](const OpCtx&, const Attrs& a, const Blobs& in, const Blobs& out) {
      Lanes L = lanes_of(a, in[0].shape);
      write_indices(L, L.n, sorted_positions(N(a), in[0], L, L.n, a.b("is_ascend")), out[0]);
    })
    .grad_fn([](GradGraph&, const Attrs&) { return GVals{GVal{}}; });  // piecewise constant

static OpDef& reg_topk = last_param(Registry::add("topk")
    .describe("The k largest (or smallest, is_ascend) elements along axis. ret_typ: 'indices' "
              "their positions, 'value' their values, 'both' [values, indices], 'mask' an array "
              "shaped like data with 1 at the selected positions. k < 1 selects the whole axis.")
    .input("data")
    .param("axis", PType::kInt, "-1", "Axis to select along; None uses the flattened array."), true, false)
    .param("k", PType::kInt, "1", "Number of elements to select.")
    .param_enum("ret_typ", {"both", "indices", "mask", "value"}, "indices", "What to return.")
    .param("is_ascend", PType::kBool, "False", "Select the smallest instead of the largest.")
    .param("dtype", PType::kDType, "float32", "dtype of the indices.")
    .outputs_fn([](const Attrs& a) { return a.s("ret_typ") == "both" ? 2 : 1; })
    .infer_shape_fn([](const Attrs& a, Shapes& in, Shapes& out) {
      if (!in[0].known()) return false;
      Lanes L = lanes_of(a, in[0]);
      Shape sel = lanes_shape(L, in[0], topk_k(a, L));
      assign_shape(N(a), "output", out[0], a.s("ret_typ") == "mask" ? in[0] : sel);
      if (out.size() > 1) assign_shape(N(a), "indices", out[1], sel);
      return true;
    })
    .infer_type_fn([](const Attrs& a, Types& in, Types& out) {
      check_index_dtype(a);
      const std::string& r = a.s("ret_typ");
      if (r == "indices") assign_type(N(a), "output", out[0], int(a.dtype("dtype")));
      if (r == "both") assign_type(N(a), "indices", out[1], int(a.dtype("dtype")));
      if (in[0] < 0) return r == "indices";
      if (r != "indices") assign_type(N(a), "output", out[0], in[0]);
      return true;
    })
    .cpu_fn([](const OpCtx&, const Attrs& a, const Blobs& in, const Blobs& out) {
      Lanes L = lanes_of(a, in[0].shape);
      int64_t k = topk_k(a, L);
      std::vector<int64_t> pos = sorted_positions(N(a), in[0], L, k, a.b("is_ascend"));
      const std::string& r = a.s("ret_typ");
      if (r == "value" || r == "both") write_values(in[0], L, k, pos, out[0]);
      if (r == "indices") write_indices(L, k, pos, out[0]);
      if (r == "both") write_indices(L, k, pos, out[1]);
      if (r == "mask") {
        fill_scalar(out[0], 0);
        MXL_TYPE_SWITCH(out[0].dtype, DT, {
          DT* d = out[0].ptr<DT>();
          for (int64_t lane = 0; lane < L.count(); ++lane)
            for (int64_t j = 0; j < k; ++j)
              d[(lane / L.inner * L.n + pos[size_t(lane * k + j)]) * L.inner + lane % L.inner] = DT(1);
        });
      }
    })
    .grad_fn([](GradGraph& g, const Attrs& a) {
      const std::string& r = a.s("ret_typ");
      if (r == "both") return grad_select(g, a, g.output(1));
      if (r != "value") return GVals{GVal{}};  // indices and masks are piecewise constant
      KV kv;
      for (const auto& p : a.raw())
        if (p.first != "ret_typ" && p.first != "dtype") kv.push_back(p);
      kv.push_back({"ret_typ", "indices"});
      kv.push_back({"dtype", "int64"});
      return grad_select(g, a, g.op1("topk", {g.input(0)}, kv));
    });

static OpDef& reg_backward_topk = last_param(Registry::add("_backward_topk")
    .describe("Gradient of sort/topk values: ograd scattered to the selected positions, zeros "
              "elsewhere. Inputs: ograd, indices (positions along axis), data.")
    .input("ograd")
    .input("indices")
    .input("data")
    .param("axis", PType::kInt, "-1", "The forward op's axis (None: flattened)."), true, false)
    .infer_shape_fn([](const Attrs& a, Shapes& in, Shapes& out) {
      if (!in[2].known()) return false;
      assign_shape(N(a), "output", out[0], in[2]);
      if (in[0].known()) assign_shape(N(a), "indices", in[1], in[0]);  // one index per ograd value
      if (!in[0].known() || !in[1].known()) return false;
      Lanes L = lanes_of(a, in[2]);
      MXL_CHECK(in[0].size() == 0 || (L.count() > 0 && in[0].size() % L.count() == 0 && in[0].size() / L.count() <= L.n),
                Err::kShape, N(a), ": ograd of shape ", in[0], " does not select along the axis of data ", in[2]);
      return true;
    })
    .infer_type_fn([](const Attrs& a, Types& in, Types& out) {
      int t = in[0] >= 0 ? in[0] : in[2];
      if (t < 0) return false;
      assign_type(N(a), "output", out[0], t);
      return in[1] >= 0;
    })
    .cpu_fn([](const OpCtx&, const Attrs& a, const Blobs& in, const Blobs& out) {
      Lanes L = lanes_of(a, out[0].shape);
      int64_t k = L.count() ? in[0].size() / L.count() : 0;
      std::vector<int64_t> idx = index_values(in[1]);
      fill_scalar(out[0], 0);
      MXL_NUM_SWITCH(out[0].dtype, DT, N(a), {
        const DT* og = in[0].ptr<DT>();
        DT* d = out[0].ptr<DT>();
        for (int64_t o = 0; o < L.outer; ++o)
          for (int64_t j = 0; j < k; ++j)
            for (int64_t i = 0; i < L.inner; ++i) {
              int64_t p = idx[size_t((o * k + j) * L.inner + i)];
              MXL_CHECK(p >= 0 && p < L.n, Err::kIndex, N(a), ": index ", p, " out of range [0, ", L.n, ")");
              DT& t = d[(o * L.n + p) * L.inner + i];
              t = DT(t + og[(o * k + j) * L.inner + i]);
            }
      });
    });

}  // namespace mxl
