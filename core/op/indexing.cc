// Indexing operators: take, pick, one_hot, where, gather_nd, scatter_nd, Embedding,
// and their gradients (scatter-adds).
//
// Index arrays may have any dtype (MXNet commonly uses float32 indices); they are
// read through index_values() (floats truncate). Their dtype is never inferred: an
// index input of unknown dtype leaves inference incomplete, as in MXNet.
#include <algorithm>

#include "blas.h"

namespace mxl {
namespace {


int64_t prod(const Shape& s, int b, int e) {
  int64_t p = 1;
  for (int k = b; k < e; ++k) p *= s[k];
  return p;
}

// dtype rule: inputs `data` and every output share one dtype; the index inputs
// (all others) keep theirs and must be known.
FInferType index_types(std::vector<int> data) {
  return [data](const Attrs& a, Types& in, Types& out) {
    int t = -1;
    for (int i : data)
      if (in[size_t(i)] >= 0) t = in[size_t(i)];
    for (int o : out)
      if (t < 0 && o >= 0) t = o;
    bool ok = t >= 0;
    for (size_t i = 0; i < in.size(); ++i) {
      bool is_data = std::find(data.begin(), data.end(), int(i)) != data.end();
      if (is_data && t >= 0) assign_type(N(a), ("input " + std::to_string(i)).c_str(), in[i], t);
      if (!is_data) ok = ok && in[i] >= 0;
    }
    if (t >= 0)
      for (auto& o : out) assign_type(N(a), "output", o, t);
    return ok;
  };
}

// Non-zero test of every element of an array of any dtype.
std::vector<uint8_t> truth_values(const TBlob& b) {
  std::vector<uint8_t> r(size_t(b.size()));
  MXL_TYPE_SWITCH(b.dtype, DT, {
    const DT* p = b.ptr<DT>();
    for (size_t i = 0; i < r.size(); ++i) r[i] = float(p[i]) != 0.f;
  });
  return r;
}

// Row copy: out[o, j, :] = src[o, idx[j], :] (rows of `inner` elements).
void gather_rows(const TBlob& src, int64_t outer, int64_t n, int64_t inner, const std::vector<int64_t>& idx,
                 const TBlob& out) {
  size_t es = dtype_size(src.dtype), row = size_t(inner) * es;
  int64_t m = int64_t(idx.size());
  const char* s = static_cast<const char*>(src.data);
  char* d = static_cast<char*>(out.data);
  if (row == 0) return;  // empty rows: nothing to copy (and the pointers may be null)
  parallel_for(outer * m, std::max<int64_t>(1, kParallelGrain / std::max<int64_t>(1, inner)), [&](int64_t b, int64_t e) {
    for (int64_t t = b; t < e; ++t) {
      int64_t o = t / m, j = t % m;
      std::memcpy(d + size_t(t) * row, s + size_t(o * n + idx[size_t(j)]) * row, row);
    }
  });
}

// Scatter-add, the gradient of gather_rows: dst = 0; dst[o, idx[j], :] += src[o, j, :].
// Threads split the columns, so their writes never overlap.
void scatter_add_rows(const TBlob& src, int64_t outer, int64_t n, int64_t inner, const std::vector<int64_t>& idx,
                      const TBlob& dst, const char* op) {
  fill_scalar(dst, 0);
  int64_t m = int64_t(idx.size());
  MXL_NUM_SWITCH(dst.dtype, DT, op, {
    const DT* s = src.ptr<DT>();
    DT* d = dst.ptr<DT>();
    parallel_for(inner, std::max<int64_t>(1, kParallelGrain / std::max<int64_t>(1, outer * m)), [&](int64_t c0, int64_t c1) {
      for (int64_t o = 0; o < outer; ++o)
        for (int64_t j = 0; j < m; ++j) {
          DT* dr = d + (o * n + idx[size_t(j)]) * inner;
          const DT* sr = s + (o * m + j) * inner;
          for (int64_t c = c0; c < c1; ++c) dr[c] = DT(dr[c] + sr[c]);
        }
    });
  });
}

// ---------------------------------------------------------------- take
// Maps indices into [0, n) per mode; "raise" rejects any outside it.
std::vector<int64_t> take_indices(const Attrs& a, const TBlob& ind, int64_t n) {
  std::vector<int64_t> idx = index_values(ind);
  const std::string& mode = a.s("mode");
  if (!idx.empty())
    MXL_CHECK(n > 0, Err::kIndex, N(a), ": cannot take from an axis of size 0");
  for (auto& i : idx) {
    if (mode == "clip") i = std::clamp<int64_t>(i, 0, n - 1);
    else if (mode == "wrap") i = ((i % n) + n) % n;
    else MXL_CHECK(i >= 0 && i < n, Err::kIndex, N(a), ": index ", i, " is out of bounds for axis of size ", n,
                   " (mode='raise')");
  }
  return idx;
}
struct TakeDims {
  int axis;
  int64_t outer, n, inner;
};
TakeDims take_dims(const Attrs& a, const Shape& d) {
  MXL_CHECK(d.ndim >= 1, Err::kShape, N(a), ": a must have at least 1 dimension, got a scalar");
  int ax = normalize_axis(N(a), a.i("axis"), d.ndim);
  return {ax, prod(d, 0, ax), d[ax], prod(d, ax + 1, d.ndim)};
}

// ---------------------------------------------------------------- pick
struct PickDims {
  int axis;
  int64_t outer, n, inner;
};
PickDims pick_dims(const Attrs& a, const Shape& d) {
  MXL_CHECK(!a.none("axis"), Err::kInvalidArgument, N(a), ": axis=None is not supported; give an axis");
  MXL_CHECK(d.ndim >= 1, Err::kShape, N(a), ": data must have at least 1 dimension, got a scalar");
  int ax = normalize_axis(N(a), a.i("axis"), d.ndim);
  return {ax, prod(d, 0, ax), d[ax], prod(d, ax + 1, d.ndim)};
}
Shape pick_out(const Shape& d, int ax, bool keep) {
  std::vector<int64_t> o = d.vec();
  if (keep) o[size_t(ax)] = 1;
  else o.erase(o.begin() + ax);
  return Shape(o);
}
// Index per output element, mapped into [0, n) by mode (clip or wrap).
std::vector<int64_t> pick_indices(const Attrs& a, const TBlob& ind, int64_t n) {
  std::vector<int64_t> idx = index_values(ind);
  if (!idx.empty()) MXL_CHECK(n > 0, Err::kIndex, N(a), ": cannot pick from an axis of size 0");
  bool wrap = a.s("mode") == "wrap";
  for (auto& i : idx) i = wrap ? ((i % n) + n) % n : std::clamp<int64_t>(i, 0, n - 1);
  return idx;
}

// ------------------------------------------------------- gather/scatter nd
// indices (M, Y...) address the first M axes of `data`; each addresses a block of
// prod(data[M:]) elements. Returns the element offset of every block.
struct NdIndex {
  int64_t inner = 1;
  std::vector<int64_t> off;
};
Shape gather_nd_shape(const char* op, const Shape& data, const Shape& ind) {
  MXL_CHECK(ind.ndim >= 2, Err::kShape, op, ": indices must have at least 2 dimensions (M, ...), got ", ind);
  MXL_CHECK(ind[0] <= data.ndim, Err::kShape, op, ": indices ", ind, " address ", ind[0],
            " axes but the data ", data, " has ", data.ndim);
  std::vector<int64_t> o(ind.d + 1, ind.d + ind.ndim);
  o.insert(o.end(), data.d + ind[0], data.d + data.ndim);
  MXL_CHECK(int(o.size()) <= kMaxDim, Err::kShape, op, ": result would have more than ", kMaxDim, " dimensions");
  return Shape(o);
}
NdIndex nd_index(const char* op, const TBlob& ind, const Shape& data) {
  std::vector<int64_t> v = index_values(ind);
  int64_t M = ind.shape[0], Y = M ? int64_t(v.size()) / M : 0;
  int64_t st[kMaxDim];
  contiguous_strides(data.ndim, data.d, st);
  NdIndex r;
  r.inner = prod(data, int(M), data.ndim);
  r.off.assign(size_t(Y), 0);
  for (int64_t k = 0; k < M; ++k)
    for (int64_t y = 0; y < Y; ++y) {
      int64_t i = v[size_t(k * Y + y)], n = data[int(k)];
      if (i < 0) i += n;  // negative indices count from the end, once
      MXL_CHECK(i >= 0 && i < n, Err::kIndex, op, ": index ", v[size_t(k * Y + y)], " is out of bounds for axis ",
                k, " with size ", n);
      r.off[size_t(y)] += i * st[k];
    }
  return r;
}
// Block copies between data (at nd offsets) and a dense array of blocks.
void nd_gather(const NdIndex& ix, const TBlob& data, const TBlob& dense) {
  size_t es = dtype_size(data.dtype), row = size_t(ix.inner) * es;
  const char* s = static_cast<const char*>(data.data);
  char* d = static_cast<char*>(dense.data);
  parallel_for(int64_t(ix.off.size()), std::max<int64_t>(1, kParallelGrain / std::max<int64_t>(1, ix.inner)),
               [&](int64_t b, int64_t e) {
                 for (int64_t y = b; y < e; ++y) std::memcpy(d + size_t(y) * row, s + size_t(ix.off[size_t(y)]) * es, row);
               });
}
// Serial so that repeated indices resolve in order (the last write / every add).
void nd_scatter(const NdIndex& ix, const TBlob& dense, const TBlob& data, bool add, const char* op) {
  fill_scalar(data, 0);
  if (!add) {
    size_t es = dtype_size(data.dtype), row = size_t(ix.inner) * es;
    for (size_t y = 0; y < ix.off.size(); ++y)
      std::memcpy(static_cast<char*>(data.data) + size_t(ix.off[y]) * es, static_cast<const char*>(dense.data) + y * row, row);
    return;
  }
  MXL_NUM_SWITCH(data.dtype, DT, op, {
    const DT* s = dense.ptr<DT>();
    DT* d = data.ptr<DT>();
    for (size_t y = 0; y < ix.off.size(); ++y)
      for (int64_t c = 0; c < ix.inner; ++c) d[ix.off[y] + c] = DT(d[ix.off[y] + c] + s[int64_t(y) * ix.inner + c]);
  });
}

}  // namespace

// ================================================================ take
MXL_OP(take)
    .describe("Takes elements of a along axis at the given indices: the result has shape "
              "a.shape[:axis] + indices.shape + a.shape[axis+1:]. mode: 'clip' clamps indices into "
              "range, 'wrap' wraps them around, 'raise' rejects out-of-range indices.")
    .input("a")
    .input("indices")
    .param("axis", PType::kInt, "0", "The axis of a to take from.")
    .param_enum("mode", {"clip", "raise", "wrap"}, "clip", "How out-of-range indices are handled.")
    .infer_shape_fn([](const Attrs& a, Shapes& in, Shapes& out) {
      if (!in[0].known() || !in[1].known()) return false;
      TakeDims t = take_dims(a, in[0]);
      std::vector<int64_t> o(in[0].d, in[0].d + t.axis);
      o.insert(o.end(), in[1].d, in[1].d + in[1].ndim);
      o.insert(o.end(), in[0].d + t.axis + 1, in[0].d + in[0].ndim);
      MXL_CHECK(int(o.size()) <= kMaxDim, Err::kShape, N(a), ": result would have more than ", kMaxDim, " dimensions");
      assign_shape(N(a), "output", out[0], Shape(o));
      return true;
    })
    .infer_type_fn(index_types({0}))
    .cpu_fn([](const OpCtx&, const Attrs& a, const Blobs& in, const Blobs& out) {
      TakeDims t = take_dims(a, in[0].shape);
      gather_rows(in[0], t.outer, t.n, t.inner, take_indices(a, in[1], t.n), out[0]);
    })
    .grad_fn([](GradGraph& g, const Attrs& a) {
      return GVals{g.op1("_backward_take", {g.ograd(0), g.input(1), g.input(0)}, a.raw()), GVal{}};
    });

MXL_OP(_backward_take)
    .describe("Gradient of take w.r.t. a (a scatter-add). Inputs: ograd, indices, a.")
    .input("ograd")
    .input("indices")
    .input("a")
    .param("axis", PType::kInt, "0", "take's axis.")
    .param_enum("mode", {"clip", "raise", "wrap"}, "clip", "take's mode.")
    .infer_shape_fn([](const Attrs& a, Shapes& in, Shapes& out) {
      if (!in[2].known()) return false;
      assign_shape(N(a), "output", out[0], in[2]);
      return true;
    })
    .infer_type_fn(index_types({0, 2}))
    .cpu_fn([](const OpCtx&, const Attrs& a, const Blobs& in, const Blobs& out) {
      TakeDims t = take_dims(a, out[0].shape);
      scatter_add_rows(in[0], t.outer, t.n, t.inner, take_indices(a, in[1], t.n), out[0], N(a));
    });

// ================================================================ pick
static OpDef& reg_pick = last_param(Registry::add("pick")
    .describe("Picks one element per position along axis: out[i] = data[i with axis -> index[i]]. "
              "index has data's shape without axis (or with it as 1).")
    .input("data")
    .input("index")
    .param("axis", PType::kInt, "-1", "The axis to pick along (None is not supported)."), true, false)
    .param("keepdims", PType::kBool, "False", "Keep the picked axis with length 1.")
    .param_enum("mode", {"clip", "wrap"}, "clip", "How out-of-range indices are handled.")
    .infer_shape_fn([](const Attrs& a, Shapes& in, Shapes& out) {
      if (!in[0].known()) return false;
      PickDims p = pick_dims(a, in[0]);
      Shape squeezed = pick_out(in[0], p.axis, false), kept = pick_out(in[0], p.axis, true);
      if (!in[1].known()) in[1] = squeezed;
      MXL_CHECK(in[1] == squeezed || in[1] == kept, Err::kShape, N(a), ": index shape ", in[1],
                " does not match data ", in[0], " without axis ", p.axis, " (expected ", squeezed, ")");
      assign_shape(N(a), "output", out[0], a.b("keepdims") ? kept : squeezed);
      return true;
    })
    .infer_type_fn(index_types({0}))
    .cpu_fn([](const OpCtx&, const Attrs& a, const Blobs& in, const Blobs& out) {
      PickDims p = pick_dims(a, in[0].shape);
      std::vector<int64_t> idx = pick_indices(a, in[1], p.n);
      size_t es = dtype_size(in[0].dtype);
      const char* s = static_cast<const char*>(in[0].data);
      char* d = static_cast<char*>(out[0].data);
      parallel_for(int64_t(idx.size()), kParallelGrain, [&](int64_t b, int64_t e) {
        for (int64_t t = b; t < e; ++t) {
          int64_t o = t / p.inner, i = t % p.inner;
          std::memcpy(d + size_t(t) * es, s + size_t((o * p.n + idx[size_t(t)]) * p.inner + i) * es, es);
        }
      });
    })
    .grad_fn([](GradGraph& g, const Attrs& a) {
      return GVals{g.op1("_backward_pick", {g.ograd(0), g.input(1), g.input(0)}, a.raw()), GVal{}};
    });

static OpDef& reg_backward_pick = last_param(Registry::add("_backward_pick")
    .describe("Gradient of pick w.r.t. data. Inputs: ograd, index, data.")
    .input("ograd")
    .input("index")
    .input("data")
    .param("axis", PType::kInt, "-1", "pick's axis."), true, false)
    .param("keepdims", PType::kBool, "False", "pick's keepdims.")
    .param_enum("mode", {"clip", "wrap"}, "clip", "pick's mode.")
    .infer_shape_fn([](const Attrs& a, Shapes& in, Shapes& out) {
      if (!in[2].known()) return false;
      assign_shape(N(a), "output", out[0], in[2]);
      // ograd and index hold one value per picked lane (pick's output): the kernel reads
      // that many of each.
      PickDims p = pick_dims(a, in[2]);
      for (int i : {0, 1})
        MXL_CHECK(!in[size_t(i)].known() || in[size_t(i)].size() == p.outer * p.inner, Err::kShape, N(a), ": ",
                  i == 0 ? "ograd" : "index", " must have pick's output size ", p.outer * p.inner, " for data ",
                  in[2], ", got shape ", in[size_t(i)]);
      return true;
    })
    .infer_type_fn(index_types({0, 2}))
    .cpu_fn([](const OpCtx&, const Attrs& a, const Blobs& in, const Blobs& out) {
      PickDims p = pick_dims(a, out[0].shape);
      std::vector<int64_t> idx = pick_indices(a, in[1], p.n);
      fill_scalar(out[0], 0);
      MXL_NUM_SWITCH(out[0].dtype, DT, N(a), {
        const DT* og = in[0].ptr<DT>();
        DT* d = out[0].ptr<DT>();
        parallel_for(int64_t(idx.size()), kParallelGrain, [&](int64_t b, int64_t e) {
          for (int64_t t = b; t < e; ++t)  // one target per (outer, inner) lane: no overlap
            d[(t / p.inner * p.n + idx[size_t(t)]) * p.inner + t % p.inner] = og[t];
        });
      });
    });

// ================================================================ one_hot
MXL_OP(one_hot)
    .describe("One-hot encoding: out[..., j] = on_value where j == indices[...], else off_value. "
              "Indices outside [0, depth) give a row of off_value.")
    .input("indices")
    .param_required("depth", PType::kInt, "Length of the one-hot axis.")
    .range(0, 1e18)
    .param("on_value", PType::kFloat, "1", "Value at the index.")
    .param("off_value", PType::kFloat, "0", "Value elsewhere.")
    .param("dtype", PType::kDType, "float32", "Output dtype.")
    .infer_shape_fn([](const Attrs& a, Shapes& in, Shapes& out) {
      if (!in[0].known()) return false;
      MXL_CHECK(in[0].ndim < kMaxDim, Err::kShape, N(a), ": result would have more than ", kMaxDim, " dimensions");
      std::vector<int64_t> o = in[0].vec();
      o.push_back(a.i("depth"));
      assign_shape(N(a), "output", out[0], Shape(o));
      return true;
    })
    .infer_type_fn([](const Attrs& a, Types& in, Types& out) {
      assign_type(N(a), "output", out[0], int(a.dtype("dtype")));
      return in[0] >= 0;
    })
    .cpu_fn([](const OpCtx&, const Attrs& a, const Blobs& in, const Blobs& out) {
      std::vector<int64_t> idx = index_values(in[0]);
      int64_t depth = a.i("depth");
      fill_scalar(out[0], a.f("off_value"));
      MXL_TYPE_SWITCH(out[0].dtype, DT, {
        DT on = saturate_cast<DT>(a.f("on_value"));
        DT* d = out[0].ptr<DT>();
        for (size_t i = 0; i < idx.size(); ++i)
          if (idx[i] >= 0 && idx[i] < depth) d[int64_t(i) * depth + idx[i]] = on;
      });
    })
    .grad_fn([](GradGraph&, const Attrs&) { return GVals{GVal{}}; });  // indices: no gradient

// ================================================================ where
MXL_OP(where)
    .describe("Elementwise choice: x where condition is non-zero, else y. condition has the "
              "shape of x, or is 1-D with length x.shape[0] (choosing whole rows).")
    .input("condition")
    .input("x")
    .input("y")
    .infer_shape_fn([](const Attrs& a, Shapes& in, Shapes& out) {
      Shape ref = in[1].known() ? in[1] : in[2].known() ? in[2] : out[0];
      if (!ref.known()) return false;
      for (int i : {1, 2}) assign_shape(N(a), i == 1 ? "x" : "y", in[size_t(i)], ref);
      assign_shape(N(a), "output", out[0], ref);
      if (!in[0].known()) return false;
      MXL_CHECK(in[0] == ref || (in[0].ndim == 1 && ref.ndim >= 1 && in[0][0] == ref[0]), Err::kShape, N(a),
                ": condition shape ", in[0], " must equal x's ", ref, " or be (", ref.ndim ? ref[0] : 0, ",)");
      return true;
    })
    .infer_type_fn(index_types({1, 2}))
    .cpu_fn([](const OpCtx&, const Attrs& a, const Blobs& in, const Blobs& out) {
      std::vector<uint8_t> c = truth_values(in[0]);
      int64_t n = out[0].size(), row = c.size() == size_t(n) ? 1 : (c.empty() ? 1 : n / int64_t(c.size()));
      MXL_TYPE_SWITCH(out[0].dtype, DT, {
        const DT *x = in[1].ptr<DT>(), *y = in[2].ptr<DT>();
        DT* o = out[0].ptr<DT>();
        parallel_for(n, kParallelGrain, [&](int64_t b, int64_t e) {
          for (int64_t i = b; i < e; ++i) o[i] = c[size_t(i / row)] ? x[i] : y[i];
        });
      });
    })
    .grad_fn([](GradGraph& g, const Attrs&) {
      GVals d = g.op("_backward_where", {g.ograd(0), g.input(0)});
      return GVals{GVal{}, d[0], d[1]};
    });

MXL_OP(_backward_where)
    .describe("Gradient of where: (ograd where condition else 0, 0 where condition else ograd). "
              "Inputs: ograd, condition.")
    .input("ograd")
    .input("condition")
    .outputs(2, {"x_grad", "y_grad"})
    .infer_shape_fn([](const Attrs& a, Shapes& in, Shapes& out) {
      if (!in[0].known()) return false;
      for (auto& o : out) assign_shape(N(a), "output", o, in[0]);
      // As in where: the condition has ograd's shape or is one value per row.
      const Shape& ref = in[0];
      if (in[1].known())
        MXL_CHECK(in[1] == ref || (in[1].ndim == 1 && ref.ndim >= 1 && in[1][0] == ref[0]), Err::kShape, N(a),
                  ": condition shape ", in[1], " must equal ograd's ", ref, " or be (", ref.ndim ? ref[0] : 0, ",)");
      return true;
    })
    .infer_type_fn(index_types({0}))
    .cpu_fn([](const OpCtx&, const Attrs& a, const Blobs& in, const Blobs& out) {
      std::vector<uint8_t> c = truth_values(in[1]);
      int64_t n = in[0].size(), row = c.size() == size_t(n) || c.empty() ? 1 : n / int64_t(c.size());
      MXL_TYPE_SWITCH(in[0].dtype, DT, {
        const DT* og = in[0].ptr<DT>();
        DT *dx = out[0].ptr<DT>(), *dy = out[1].ptr<DT>();
        parallel_for(n, kParallelGrain, [&](int64_t b, int64_t e) {
          for (int64_t i = b; i < e; ++i) {
            bool t = c[size_t(i / row)];
            dx[i] = t ? og[i] : DT(0);
            dy[i] = t ? DT(0) : og[i];
          }
        });
      });
    });

// ================================================================ gather_nd / scatter_nd
MXL_OP(gather_nd)
    .describe("Gathers blocks addressed by the first axis of indices: indices of shape (M, Y...) "
              "give a result of shape Y + data.shape[M:], out[y] = data[indices[:, y]]. Negative "
              "indices count from the end; out-of-range ones are an error.")
    .input("data")
    .input("indices")
    .infer_shape_fn([](const Attrs& a, Shapes& in, Shapes& out) {
      if (!in[0].known() || !in[1].known()) return false;
      assign_shape(N(a), "output", out[0], gather_nd_shape(N(a), in[0], in[1]));
      return true;
    })
    .infer_type_fn(index_types({0}))
    .cpu_fn([](const OpCtx&, const Attrs& a, const Blobs& in, const Blobs& out) {
      nd_gather(nd_index(N(a), in[1], in[0].shape), in[0], out[0]);
    })
    .grad_fn([](GradGraph& g, const Attrs&) {
      return GVals{g.op1("_backward_gather_nd", {g.ograd(0), g.input(1), g.input(0)}), GVal{}};
    });

MXL_OP(_backward_gather_nd)
    .describe("Gradient of gather_nd (a scatter-add, repeated indices accumulate). Inputs: ograd, indices, data.")
    .input("ograd")
    .input("indices")
    .input("data")
    .infer_shape_fn([](const Attrs& a, Shapes& in, Shapes& out) {
      if (!in[2].known()) return false;
      assign_shape(N(a), "output", out[0], in[2]);
      return true;
    })
    .infer_type_fn(index_types({0, 2}))
    .cpu_fn([](const OpCtx&, const Attrs& a, const Blobs& in, const Blobs& out) {
      nd_scatter(nd_index(N(a), in[1], out[0].shape), in[0], out[0], true, N(a));
    });

MXL_OP(scatter_nd)
    .describe("Scatters data into zeros of the given shape: out[indices[:, y]] = data[y] (the "
              "inverse of gather_nd; with repeated indices the last one wins).")
    .input("data")
    .input("indices")
    .param_required("shape", PType::kShape, "Shape of the output.")
    .infer_shape_fn([](const Attrs& a, Shapes& in, Shapes& out) {
      const Shape& s = a.shape("shape");
      assign_shape(N(a), "output", out[0], s);
      if (!in[1].known()) return false;
      Shape want = gather_nd_shape(N(a), s, in[1]);
      assign_shape(N(a), "data", in[0], want);
      return true;
    })
    .infer_type_fn(index_types({0}))
    .cpu_fn([](const OpCtx&, const Attrs& a, const Blobs& in, const Blobs& out) {
      nd_scatter(nd_index(N(a), in[1], out[0].shape), in[0], out[0], false, N(a));
    })
    .grad_fn([](GradGraph& g, const Attrs&) {
      return GVals{g.op1("gather_nd", {g.ograd(0), g.input(1)}), GVal{}};
    });

// ================================================================ Embedding
MXL_OP(Embedding)
    .describe("Maps integer indices to rows of weight (input_dim, output_dim): the result has "
              "shape data.shape + (output_dim,). Indices are clipped into [0, input_dim). The "
              "weight gradient is dense (sparse_grad is accepted for compatibility).")
    .input("data")
    .input("weight")
    .param_required("input_dim", PType::kInt, "Number of rows of weight (vocabulary size).")
    .range(1, 1e18)
    .param_required("output_dim", PType::kInt, "Length of each embedding vector.")
    .range(0, 1e18)
    .param("dtype", PType::kDType, "float32", "dtype of weight and output when not given by weight.")
    .param("sparse_grad", PType::kBool, "False", "Accepted for MXNet compatibility; gradients are dense.")
    .infer_shape_fn([](const Attrs& a, Shapes& in, Shapes& out) {
      int64_t rows = a.i("input_dim"), cols = a.i("output_dim");
      assign_shape(N(a), "weight", in[1], Shape({rows, cols}));
      if (!in[0].known()) return false;
      MXL_CHECK(in[0].ndim < kMaxDim, Err::kShape, N(a), ": result would have more than ", kMaxDim, " dimensions");
      std::vector<int64_t> o = in[0].vec();
      o.push_back(cols);
      assign_shape(N(a), "output", out[0], Shape(o));
      return true;
    })
    .infer_type_fn([](const Attrs& a, Types& in, Types& out) {
      int t = in[1] >= 0 ? in[1] : out[0] >= 0 ? out[0] : int(a.dtype("dtype"));
      assign_type(N(a), "weight", in[1], t);
      assign_type(N(a), "output", out[0], t);
      return in[0] >= 0;
    })
    .cpu_fn([](const OpCtx&, const Attrs& a, const Blobs& in, const Blobs& out) {
      int64_t rows = a.i("input_dim");
      std::vector<int64_t> idx = index_values(in[0]);
      for (auto& i : idx) i = std::clamp<int64_t>(i, 0, rows - 1);
      gather_rows(in[1], 1, rows, a.i("output_dim"), idx, out[0]);
    })
    .grad_fn([](GradGraph& g, const Attrs& a) {
      KV kv{{"input_dim", std::to_string(a.i("input_dim"))}, {"output_dim", std::to_string(a.i("output_dim"))}};
      return GVals{GVal{}, g.op1("_backward_Embedding", {g.ograd(0), g.input(0)}, kv)};
    });

MXL_OP(_backward_Embedding)
    .describe("Gradient of Embedding w.r.t. weight (a scatter-add of ograd rows). Inputs: ograd, data.")
    .input("ograd")
    .input("data")
    .param_required("input_dim", PType::kInt, "Embedding's input_dim.")
    .range(1, 1e18)
    .param_required("output_dim", PType::kInt, "Embedding's output_dim.")
    .range(0, 1e18)
    .infer_shape_fn([](const Attrs& a, Shapes& in, Shapes& out) {
      assign_shape(N(a), "output", out[0], Shape({a.i("input_dim"), a.i("output_dim")}));
      return true;
    })
    .infer_type_fn(index_types({0}))
    .cpu_fn([](const OpCtx&, const Attrs& a, const Blobs& in, const Blobs& out) {
      int64_t rows = a.i("input_dim");
      std::vector<int64_t> idx = index_values(in[1]);
      for (auto& i : idx) i = std::clamp<int64_t>(i, 0, rows - 1);
      scatter_add_rows(in[0], 1, rows, a.i("output_dim"), idx, out[0], N(a));
    });

}  // namespace mxl
