// The contrib operators GluonNLP-style models use, and small legacy ops of MXNet 1.9:
//
// - transformer attention on MXNet's interleaved projections: _contrib_interleaved_
//   matmul_{selfatt_qk, selfatt_valatt, encdec_qk, encdec_valatt} (+ backward ops) and
//   _contrib_div_sqrt_dim;
// - _contrib_arange_like, _contrib_allclose, _contrib_index_copy (+ backward),
//   _contrib_index_array, _contrib_gradientmultiplier, _contrib_quadratic (+ backward),
//   _contrib_round_ste, _contrib_sign_ste;
// - _split_v2 (the op under mx.nd.split_v2 / mx.sym.split_v2), choose_element_0index,
//   fill_element_0index, _onehot_encode;
// - _contrib_boolean_mask (+ backward), whose output shape depends on its index's
//   values (OpDef::infer_shape_values: imperative calls only).
//
// Interleaved layout: a (seq, batch, heads * 3 * D) projection holds, per head, its
// query, key and value rows of D side by side (encoder-decoder keys_values: key and
// value, heads * 2 * D). So the matrix of (batch b, head h) starts at (b * heads + h)
// times 3D (2D, or D for queries and outputs) and its rows are batch * width apart:
// every product is ONE strided batched GEMM over batch * heads (contrib_kernels.h).
#include <algorithm>
#include <cmath>
#include <cstring>
#include <string>
#include <vector>

#include "blas.h"
#include "contrib_kernels.h"
#include "registry.h"

namespace mxl {
namespace {

// ================================================================ helpers
// One float dtype for data inputs and outputs; `index` inputs keep their own (any but
// bool) and must be known.
FInferType data_and_index_types(std::vector<int> index) {
  return [index](const Attrs& a, Types& in, Types& out) {
    int t = -1;
    for (size_t i = 0; i < in.size(); ++i)
      if (std::find(index.begin(), index.end(), int(i)) == index.end() && in[i] >= 0) t = in[i];
    for (int o : out)
      if (t < 0 && o >= 0) t = o;
    bool ok = t >= 0;
    for (size_t i = 0; i < in.size(); ++i) {
      bool is_index = std::find(index.begin(), index.end(), int(i)) != index.end();
      if (is_index) {
        ok = ok && in[i] >= 0;
        MXL_CHECK(in[i] != int(DType::b8), Err::kDType, N(a), ": input ", i, " (an index array) must not be bool");
      } else if (t >= 0) {
        assign_type(N(a), ("input " + std::to_string(i)).c_str(), in[i], t);
      }
    }
    if (t >= 0)
      for (auto& o : out) assign_type(N(a), "output", o, t);
    MXL_CHECK(t < 0 || t != int(DType::b8), Err::kDType, N(a), ": unsupported dtype bool");
    return ok;
  };
}

// The index values of `ind`, each checked to lie in [0, n) (where MXNet clips or reads
// out of bounds, we raise).
std::vector<int64_t> checked_indices(const char* op, const char* what, const TBlob& ind, int64_t n) {
  std::vector<int64_t> v = index_values(ind);
  for (size_t i = 0; i < v.size(); ++i)
    MXL_CHECK(v[i] >= 0 && v[i] < n, Err::kIndex, op, ": ", what, "[", i, "] = ", v[i], " is out of range [0, ", n,
              ")");
  return v;
}

// The text of a float parameter as given (for passing it on to another op exactly).
std::string raw_param(const Attrs& a, const char* name, const char* def) {
  for (const auto& kv : a.raw())
    if (kv.first == name) return kv.second;
  return def;
}

// A float gradient computed in float for half (the CPU has no half GEMM): runs fn on
// float copies of the blobs, then rounds the outputs once.
template <class Fn>
void via_float(const Blobs& in, const Blobs& out, Fn fn) {
  std::vector<std::vector<float>> store(in.size() + out.size());
  auto widen = [&](const TBlob& b, size_t k, bool copy) {
    store[k].resize(size_t(b.size()));
    if (copy)
      for (size_t i = 0; i < store[k].size(); ++i) store[k][i] = float(b.ptr<half>()[i]);
    TBlob f = b;
    f.dtype = DType::f32;
    f.data = store[k].data();
    return f;
  };
  Blobs fin, fout;
  for (size_t i = 0; i < in.size(); ++i) fin.push_back(widen(in[i], i, true));
  for (size_t i = 0; i < out.size(); ++i) fout.push_back(widen(out[i], in.size() + i, false));
  fn(fin, fout);
  for (size_t i = 0; i < out.size(); ++i)
    for (size_t j = 0; j < store[in.size() + i].size(); ++j) out[i].ptr<half>()[j] = half(store[in.size() + i][j]);
}

// C[b] = alpha op(A[b]) op(B[b]) for every b of a strided batch (float or double).
template <class T>
void batched_gemm(const attn::Gemm& g, const T* A, const T* B, T* C) {
  for (int64_t b = 0; b < g.batch; ++b) {
    if constexpr (std::is_same_v<T, double>)
      gemm_f64(g.ta, g.tb, g.M, g.N, g.K, g.alpha, A + b * g.sa, g.lda, B + b * g.sb, g.ldb, 0.0, C + b * g.sc, g.ldc);
    else
      gemm(g.ta, g.tb, g.M, g.N, g.K, float(g.alpha), A + b * g.sa, g.lda, B + b * g.sb, g.ldb, 0.f, C + b * g.sc,
           g.ldc);
  }
}

// The op's sizes from its forward inputs x and y (unused by selfatt_qk), checked.
attn::Dims checked_dims(const Attrs& a, attn::Kind kind, const Shape& x, const Shape& y) {
  const char* op = N(a);
  const int64_t H = a.i("heads");
  static const char* const x_names[] = {"queries_keys_values", "queries_keys_values", "queries", "keys_values"};
  static const char* const x_layout[] = {"(seq_length, batch, heads * 3 * head_dim)",
                                         "(seq_length, batch, heads * 3 * head_dim)",
                                         "(query_length, batch, heads * head_dim)",
                                         "(key_length, batch, heads * 2 * head_dim)"};
  const int ki = int(kind), parts = kind == attn::Kind::kEncDecQK ? 1 : kind == attn::Kind::kEncDecValAtt ? 2 : 3;
  MXL_CHECK(x.ndim == 3, Err::kShape, op, ": ", x_names[ki], " must be 3-D ", x_layout[ki], ", got shape ", x);
  MXL_CHECK(x[2] > 0 && x[2] % (parts * H) == 0, Err::kShape, op, ": the last axis of ", x_names[ki], " (", x[2],
            ") must be a positive multiple of ", parts, " * heads = ", parts * H, ", got shape ", x);
  if (attn::num_inputs(kind) == 2) MXL_CHECK(y.ndim == 3, Err::kShape, op, ": input 1 must be 3-D, got shape ", y);
  attn::Dims d = attn::dims_of(kind, x.d, y.d, H);
  switch (kind) {
    case attn::Kind::kSelfQK: break;
    case attn::Kind::kEncDecQK:
      MXL_CHECK(y[1] == d.B && y[2] == 2 * x[2], Err::kShape, op, ": keys_values must have shape (key_length, ", d.B,
                ", ", 2 * x[2], ") (batch and twice the width of queries), got ", y);
      break;
    case attn::Kind::kSelfValAtt:
    case attn::Kind::kEncDecValAtt: {
      Shape want{d.B * H, kind == attn::Kind::kSelfValAtt ? d.seq : y[1], d.kv};
      MXL_CHECK(y == want, Err::kShape, op, ": attention must have shape (batch * heads, ",
                kind == attn::Kind::kSelfValAtt ? "seq_length, seq_length" : "query_length, key_length", ") = ", want,
                " for ", x_names[ki], " of shape ", x, " and heads=", H, ", got ", y);
      break;
    }
  }
  return d;
}

Shape attention_output_shape(attn::Kind kind, const attn::Dims& d) {
  if (kind == attn::Kind::kSelfQK || kind == attn::Kind::kEncDecQK) return Shape{d.B * d.H, d.seq, d.kv};
  return Shape{d.seq, d.B, d.H * d.D};
}

// Runs the op's GEMMs (attn::plan) on float/double blobs; outputs start zeroed, since
// the GEMMs fill only their parts (a query gradient leaves the value columns 0).
void run_attention(const Attrs& a, const Blobs& in, const Blobs& out) {
  attn::Kind kind = attn::kind_of(N(a));
  bool bwd = attn::is_backward(N(a));
  const Blobs& fwd = bwd ? Blobs(in.begin() + 1, in.end()) : in;
  attn::Dims d = checked_dims(a, kind, fwd[0].shape, fwd.size() > 1 ? fwd[1].shape : Shape());
  for (const auto& o : out) fill_scalar(o, 0.0);
  auto body = [&](const Blobs& fin, const Blobs& fout) {
    attn::Plan p = attn::plan(kind, bwd, d);
    for (int k = 0; k < p.count; ++k) {
      const attn::Gemm& g = p.g[k];
      MXL_FLOAT_SWITCH(fin[0].dtype, T, N(a), {
        if constexpr (!std::is_same_v<T, half>)
          batched_gemm<T>(g, fin[size_t(g.a_in)].ptr<T>() + g.a_off, fin[size_t(g.b_in)].ptr<T>() + g.b_off,
                          fout[size_t(g.c_out)].ptr<T>() + g.c_off);
      });
    }
  };
  if (in[0].dtype == DType::f16) via_float(in, out, body);
  else body(in, out);
}

// Shape rule of the forward ops: inputs (x, y) -> the op's output.
bool attention_shape(const Attrs& a, Shapes& in, Shapes& out) {
  attn::Kind kind = attn::kind_of(N(a));
  if (!in[0].known() || (attn::num_inputs(kind) == 2 && !in[1].known())) return false;
  attn::Dims d = checked_dims(a, kind, in[0], attn::num_inputs(kind) == 2 ? in[1] : Shape());
  assign_shape(N(a), "output", out[0], attention_output_shape(kind, d));
  return true;
}
// Backward ops: (ograd, x[, y]) -> gradients shaped like x[, y].
bool attention_backward_shape(const Attrs& a, Shapes& in, Shapes& out) {
  attn::Kind kind = attn::kind_of(N(a));
  int n = attn::num_inputs(kind);
  for (int i = 1; i <= n; ++i)
    if (!in[size_t(i)].known()) return false;
  attn::Dims d = checked_dims(a, kind, in[1], n == 2 ? in[2] : Shape());
  Shape fwd = attention_output_shape(kind, d);
  assign_shape(N(a), "ograd", in[0], fwd);
  for (int i = 0; i < n; ++i) assign_shape(N(a), "gradient", out[size_t(i)], in[size_t(i + 1)]);
  return true;
}

OpDef& attention_op(const char* name, const char* doc, std::vector<const char*> inputs) {
  OpDef& op = Registry::add(name).describe(doc);
  for (const char* i : inputs) op.input(i);
  op.param_required("heads", PType::kInt, "Number of attention heads.").range(1, 1e9);
  op.infer_type_fn(uniform_float_type).cpu_fn([](const OpCtx&, const Attrs& a, const Blobs& in, const Blobs& out) {
    run_attention(a, in, out);
  });
  return op;
}

OpDef& attention_forward(const char* name, const char* doc, std::vector<const char*> inputs) {
  std::string bwd = std::string("_backward_") + (name + std::string(name).find("interleaved"));
  OpDef& op = attention_op(name, doc, inputs).infer_shape_fn(attention_shape);
  int n = int(inputs.size());
  return op.grad_fn([bwd, n](GradGraph& g, const Attrs& a) {
    GVals in{g.ograd(0)};
    for (int i = 0; i < n; ++i) in.push_back(g.input(i));
    return g.op(bwd, in, a.raw());
  });
}

OpDef& attention_backward(const char* name, std::vector<const char*> inputs, std::vector<std::string> outputs) {
  std::vector<const char*> all{"ograd"};
  all.insert(all.end(), inputs.begin(), inputs.end());
  return attention_op(name, "Gradients of the interleaved attention product of the same name (inputs: ograd, then the "
                            "forward inputs; outputs: their gradients).",
                      all)
      .outputs(int(outputs.size()), outputs)
      .infer_shape_fn(attention_backward_shape);
}

// ============================================================ elementwise
// y = f(x) for every element, any numeric dtype (computed in double).
template <class F>
void map_numeric(const char* op, const TBlob& x, const TBlob& y, F f) {
  MXL_NUM_SWITCH(x.dtype, T, op, {
    const T* s = x.ptr<T>();
    T* d = y.ptr<T>();
    parallel_for(x.size(), kParallelGrain, [&](int64_t b, int64_t e) {
      for (int64_t i = b; i < e; ++i) d[i] = saturate_cast<T>(f(double(s[i])));
    });
  });
}

bool type_numeric_same(const Attrs& a, Types& in, Types& out) {
  bool ok = type_same(a, in, out);
  if (ok) MXL_CHECK(DType(in[0]) != DType::b8, Err::kDType, N(a), ": unsupported dtype bool");
  return ok;
}

double div_sqrt_scale(const char* op, const Shape& s) {
  MXL_CHECK(s.ndim >= 1, Err::kShape, op, ": data must have at least 1 dimension, got a scalar");
  MXL_CHECK(s[s.ndim - 1] > 0, Err::kShape, op, ": the last axis of data must be non-empty, got shape ", s);
  return 1.0 / std::sqrt(double(s[s.ndim - 1]));
}

// =============================================================== arange_like
Shape arange_like_shape(const Attrs& a, const Shape& x) {
  if (a.none("axis")) return x;
  MXL_CHECK(x.ndim >= 1, Err::kShape, N(a), ": axis=", a.i("axis"), " needs data with at least 1 dimension, got a "
            "scalar");
  return Shape{x[normalize_axis(N(a), a.i("axis"), x.ndim)]};
}

// ============================================================== index_array
std::vector<int> index_array_axes(const Attrs& a, int nd) {
  std::vector<int> ax;
  if (a.none("axes")) {
    for (int k = 0; k < nd; ++k) ax.push_back(k);
    return ax;
  }
  const Shape& s = a.shape("axes");
  // normalize_axis lets axis 0 through for a 0-d array (reductions over a scalar); here
  // every axis must exist, since the output holds coordinates along it.
  MXL_CHECK(nd > 0 || s.ndim == 0, Err::kInvalidArgument, N(a), ": axes ", s,
            " names axes of a 0-dimensional data array (it has none)");
  for (int k = 0; k < s.ndim; ++k) ax.push_back(normalize_axis(N(a), s[k], nd));
  return ax;
}

// ================================================================ index_copy
// old (n, rest...), index (m,), new (m, rest...).
bool index_copy_shape(const Attrs& a, Shapes& in, Shapes& out) {
  const char* op = N(a);
  if (in[0].known()) assign_shape(op, "output", out[0], in[0]);
  if (!in[0].known() || !in[1].known() || !in[2].known()) return false;
  const Shape &old = in[0], &ind = in[1], &nw = in[2];
  MXL_CHECK(old.ndim >= 1, Err::kShape, op, ": old_tensor must have at least 1 dimension, got a scalar");
  MXL_CHECK(ind.ndim == 1, Err::kShape, op, ": index_vector must be 1-D, got shape ", ind);
  std::vector<int64_t> want = old.vec();
  want[0] = ind[0];
  MXL_CHECK(nw == Shape(want), Err::kShape, op, ": new_tensor must have shape ", Shape(want),
            " (len(index_vector) rows of old_tensor's), got ", nw);
  return true;
}

// Copies rows: dst row idx[j] (or j) = src row j (or idx[j]); `scatter` picks the direction.
void copy_rows(const TBlob& src, const TBlob& dst, const std::vector<int64_t>& idx, int64_t row, bool scatter) {
  size_t bytes = size_t(row) * dtype_size(src.dtype);
  const char* s = static_cast<const char*>(src.data);
  char* d = static_cast<char*>(dst.data);
  for (size_t j = 0; j < idx.size(); ++j) {
    size_t from = scatter ? j : size_t(idx[j]), to = scatter ? size_t(idx[j]) : j;
    std::memcpy(d + to * bytes, s + from * bytes, bytes);
  }
}

// ============================================== choose/fill_element_0index, onehot
// lhs (n, m) with one index per row: rhs (n,).
void check_rows(const char* op, const Shape& lhs, const Shape& rhs) {
  MXL_CHECK(lhs.ndim == 2, Err::kShape, op, ": lhs must be 2-D (rows, columns), got shape ", lhs);
  MXL_CHECK(rhs.ndim == 1 && rhs[0] == lhs[0], Err::kShape, op, ": rhs must be 1-D with one index per row of lhs (",
            lhs[0], "), got shape ", rhs);
}

// =================================================================== split_v2
// The part boundaries along the axis: sections > 0 splits like numpy.array_split,
// else indices (starting at 0, non-decreasing, within the axis) start the parts.
std::vector<int64_t> split_starts(const Attrs& a, int64_t len) {
  std::vector<int64_t> st;
  int64_t sections = a.i("sections");
  if (sections > 0) {
    int64_t base = len / sections, extra = len % sections, at = 0;
    for (int64_t k = 0; k < sections; ++k) {
      st.push_back(at);
      at += base + (k < extra ? 1 : 0);
    }
    return st;
  }
  const Shape& ind = a.shape("indices");
  for (int k = 0; k < ind.ndim; ++k) {
    MXL_CHECK(ind[k] >= 0 && ind[k] <= len, Err::kInvalidArgument, N(a), ": indices[", k, "] = ", ind[k],
              " is outside the split axis [0, ", len, "]");
    MXL_CHECK(k == 0 || ind[k] >= ind[k - 1], Err::kInvalidArgument, N(a), ": indices must be non-decreasing, got ",
              ind);
    st.push_back(ind[k]);
  }
  return st;
}
int split_count(const Attrs& a) {
  return a.i("sections") > 0 ? int(a.i("sections")) : a.shape("indices").ndim;
}


// ============================================================= boolean_mask
// data's positions along axis where index (1-D, one value per position) is non-zero.
struct MaskDims {
  int axis;
  int64_t outer, n, inner;
};
MaskDims mask_dims(const Attrs& a, const Shape& data, const Shape& index) {
  MXL_CHECK(data.ndim >= 1, Err::kShape, N(a), ": data must have at least 1 dimension, got a scalar");
  int ax = normalize_axis(N(a), a.i("axis"), data.ndim);
  MXL_CHECK(index.ndim == 1 && index[0] == data[ax], Err::kShape, N(a), ": index must be 1-D with one value per "
            "position of data's axis ", ax, " (", data[ax], "), got shape ", index, " for data of shape ", data);
  MaskDims d{ax, 1, data[ax], 1};
  for (int k = 0; k < ax; ++k) d.outer *= data[k];
  for (int k = ax + 1; k < data.ndim; ++k) d.inner *= data[k];
  return d;
}
std::vector<int64_t> mask_positions(const TBlob& index) {
  std::vector<int64_t> pos;
  MXL_TYPE_SWITCH(index.dtype, T, {
    const T* v = index.ptr<T>();
    for (int64_t i = 0; i < index.size(); ++i)
      if (double(v[i]) != 0) pos.push_back(i);
  });
  return pos;
}
// Copies the selected slices between the full array (n positions) and the compact one
// (pos.size() positions); `scatter` copies compact -> full.
void mask_copy(const MaskDims& d, const std::vector<int64_t>& pos, const TBlob& full, const TBlob& compact,
               bool scatter) {
  const int64_t m = int64_t(pos.size());
  const size_t row = size_t(d.inner) * dtype_size(full.dtype);
  char* f = static_cast<char*>(full.data);
  char* c = static_cast<char*>(compact.data);
  for (int64_t o = 0; o < d.outer; ++o)
    for (int64_t j = 0; j < m; ++j) {
      char* fp = f + size_t(o * d.n + pos[size_t(j)]) * row;
      char* cp = c + size_t(o * m + j) * row;
      if (scatter) std::memcpy(fp, cp, row);
      else std::memcpy(cp, fp, row);
    }
}
bool mask_types(const Attrs& a, Types& in, Types& out) {
  if (in[0] >= 0) assign_type(N(a), "output", out[0], in[0]);
  else if (out[0] >= 0) in[0] = out[0];
  return in[0] >= 0 && in[1] >= 0;
}
}  // namespace

// ================================================================ registrations
// ---- interleaved attention
static OpDef& reg_selfatt_qk = attention_forward(
    "_contrib_interleaved_matmul_selfatt_qk",
    "Self-attention scores from interleaved projections.\n\n"
    "queries_keys_values is (seq_length, batch, heads * 3 * head_dim), the query, key and value of each head side by "
    "side. The output (batch * heads, seq_length, seq_length) holds, for head h of sample b at row b * heads + h, "
    "(q / sqrt(head_dim)) k^T.",
    {"queries_keys_values"});
static OpDef& reg_selfatt_qk_bwd = attention_backward("_backward_interleaved_matmul_selfatt_qk",
                                                      {"queries_keys_values"}, {"queries_keys_values_grad"});

static OpDef& reg_selfatt_valatt = attention_forward(
    "_contrib_interleaved_matmul_selfatt_valatt",
    "Self-attention output from interleaved projections and attention weights.\n\n"
    "queries_keys_values is (seq_length, batch, heads * 3 * head_dim) as for interleaved_matmul_selfatt_qk; attention "
    "(batch * heads, seq_length, seq_length). The output (seq_length, batch, heads * head_dim) holds attention v per "
    "head, the heads side by side.",
    {"queries_keys_values", "attention"});
static OpDef& reg_selfatt_valatt_bwd = attention_backward(
    "_backward_interleaved_matmul_selfatt_valatt", {"queries_keys_values", "attention"},
    {"queries_keys_values_grad", "attention_grad"});

static OpDef& reg_encdec_qk = attention_forward(
    "_contrib_interleaved_matmul_encdec_qk",
    "Encoder-decoder attention scores from interleaved projections.\n\n"
    "queries is (query_length, batch, heads * head_dim); keys_values (key_length, batch, heads * 2 * head_dim), the "
    "key and value of each head side by side. The output (batch * heads, query_length, key_length) holds "
    "(q / sqrt(head_dim)) k^T per head.",
    {"queries", "keys_values"});
static OpDef& reg_encdec_qk_bwd = attention_backward("_backward_interleaved_matmul_encdec_qk", {"queries", "keys_values"},
                                                     {"queries_grad", "keys_values_grad"});

static OpDef& reg_encdec_valatt = attention_forward(
    "_contrib_interleaved_matmul_encdec_valatt",
    "Encoder-decoder attention output from interleaved keys/values and attention weights.\n\n"
    "keys_values is (key_length, batch, heads * 2 * head_dim) as for interleaved_matmul_encdec_qk; attention "
    "(batch * heads, query_length, key_length). The output (query_length, batch, heads * head_dim) holds attention v "
    "per head, the heads side by side.",
    {"keys_values", "attention"});
static OpDef& reg_encdec_valatt_bwd = attention_backward(
    "_backward_interleaved_matmul_encdec_valatt", {"keys_values", "attention"}, {"keys_values_grad", "attention_grad"});

MXL_OP(_contrib_div_sqrt_dim)
    .describe("Divides data by the square root of the size of its last axis (attention score scaling). Integer "
              "dtypes keep their dtype (the quotient truncates).")
    .input("data")
    .infer_shape_fn([](const Attrs& a, Shapes& in, Shapes& out) {
      if (in[0].known()) div_sqrt_scale(N(a), in[0]);
      return shape_same(a, in, out);
    })
    .infer_type_fn(type_numeric_same)
    .cpu_fn([](const OpCtx&, const Attrs& a, const Blobs& in, const Blobs& out) {
      double s = div_sqrt_scale(N(a), in[0].shape);
      map_numeric(N(a), in[0], out[0], [s](double v) { return v * s; });
    })
    .grad_fn([](GradGraph& g, const Attrs&) { return GVals{g.op1("_contrib_div_sqrt_dim", {g.ograd(0)})}; });

// ---- arange_like, allclose, index_copy, index_array
static OpDef& reg_arange_like = last_param(Registry::add("_contrib_arange_like")
    .describe("Evenly spaced values shaped like data (or, with axis, like data's axis): element i is start + "
              "floor(i / repeat) * step, in data's dtype. The gradient with respect to data is zero.")
    .input("data")
    .param("start", PType::kFloat, "0", "Start of the interval (included).")
    .param("step", PType::kFloat, "1", "Spacing between values.")
    .param("repeat", PType::kInt, "1", "How many times each value repeats.")
    .range(1, 1e18)
    .param("ctx", PType::kString, "", "Accepted for MXNet compatibility; the output lives on data's device.")
    .param_optional("axis", PType::kInt, "Arange along this axis of data only (negative counts from the end); None: "
                    "over data's whole shape."), true, false)
    .infer_shape_fn([](const Attrs& a, Shapes& in, Shapes& out) {
      if (!in[0].known()) return false;
      assign_shape(N(a), "output", out[0], arange_like_shape(a, in[0]));
      return true;
    })
    .infer_type_fn(type_numeric_same)
    .cpu_fn([](const OpCtx&, const Attrs& a, const Blobs&, const Blobs& out) {
      double start = a.f("start"), step = a.f("step");
      int64_t repeat = a.i("repeat");
      MXL_NUM_SWITCH(out[0].dtype, T, N(a), {
        T* y = out[0].ptr<T>();
        for (int64_t i = 0; i < out[0].size(); ++i) y[i] = saturate_cast<T>(start + double(i / repeat) * step);
      });
    })
    .grad_fn([](GradGraph& g, const Attrs&) { return GVals{g.op1("zeros_like", {g.input(0)})}; });

MXL_OP(_contrib_allclose)
    .describe("Whether every element of a is close to the one of b: |a - b| <= atol + rtol * |b| (numpy.allclose, "
              "not symmetric). a and b must have the same shape. The output is a uint8 scalar (shape ()), 1 or 0; "
              "NaNs compare equal when equal_nan is true.")
    .input("a").input("b")
    .param("rtol", PType::kFloat, "1e-05", "Relative tolerance.")
    .param("atol", PType::kFloat, "1e-08", "Absolute tolerance.")
    .param("equal_nan", PType::kBool, "True", "Whether NaNs in the same places compare equal.")
    .infer_shape_fn([](const Attrs& a, Shapes& in, Shapes& out) {
      assign_shape(N(a), "output", out[0], Shape(std::vector<int64_t>{}));
      if (!in[0].known() || !in[1].known()) return false;
      MXL_CHECK(in[0] == in[1], Err::kShape, N(a), ": a and b must have the same shape, got a ", in[0], " and b ",
                in[1]);
      return true;
    })
    .infer_type_fn([](const Attrs& a, Types& in, Types& out) {
      assign_type(N(a), "output", out[0], int(DType::u8));
      if (in[0] < 0 || in[1] < 0) return false;
      MXL_CHECK(in[0] == in[1], Err::kDType, N(a), ": a and b must have the same dtype, got ",
                dtype_name(DType(in[0])), " and ", dtype_name(DType(in[1])));
      return true;
    })
    .cpu_fn([](const OpCtx&, const Attrs& a, const Blobs& in, const Blobs& out) {
      double rtol = a.f("rtol"), atol = a.f("atol");
      bool equal_nan = a.b("equal_nan"), all = true;
      MXL_TYPE_SWITCH(in[0].dtype, T, {
        const T *x = in[0].ptr<T>(), *y = in[1].ptr<T>();
        for (int64_t i = 0; i < in[0].size() && all; ++i)
          all = ctb::close(double(x[i]), double(y[i]), rtol, atol, equal_nan);
      });
      *out[0].ptr<uint8_t>() = all ? 1 : 0;
    });

MXL_OP(_contrib_index_copy)
    .describe("Copies the rows of new_tensor into old_tensor at the row positions index_vector gives: output[index[j]] "
              "= new_tensor[j], the other rows as old_tensor's. Indices must be in [0, len(old_tensor)). The gradient "
              "reaches old_tensor (zero on the replaced rows) and new_tensor (the replaced rows of ograd).")
    .input("old_tensor").input("index_vector").input("new_tensor")
    .infer_shape_fn(index_copy_shape)
    .infer_type_fn(data_and_index_types({1}))
    .cpu_fn([](const OpCtx&, const Attrs& a, const Blobs& in, const Blobs& out) {
      auto idx = checked_indices(N(a), "index_vector", in[1], in[0].shape[0]);
      copy_values(in[0], out[0]);
      int64_t row = in[0].shape[0] ? in[0].size() / in[0].shape[0] : 0;
      copy_rows(in[2], out[0], idx, row, true);
    })
    .grad_fn([](GradGraph& g, const Attrs&) {
      GVals d = g.op("_backward_contrib_index_copy", {g.ograd(0), g.input(1)});
      return GVals{d[0], GVal{}, d[1]};
    });

MXL_OP(_backward_contrib_index_copy)
    .describe("Gradient of _contrib_index_copy: inputs (ograd, index_vector); outputs the gradients of old_tensor "
              "(ograd with the indexed rows zeroed) and new_tensor (the indexed rows of ograd).")
    .input("ograd").input("index_vector")
    .outputs(2, {"old_tensor_grad", "new_tensor_grad"})
    .infer_shape_fn([](const Attrs& a, Shapes& in, Shapes& out) {
      if (!in[0].known() || !in[1].known()) return false;
      MXL_CHECK(in[0].ndim >= 1 && in[1].ndim == 1, Err::kShape, N(a), ": needs ograd of at least 1 dimension and a "
                "1-D index_vector, got ", in[0], " and ", in[1]);
      std::vector<int64_t> nw = in[0].vec();
      nw[0] = in[1][0];
      assign_shape(N(a), "old_tensor gradient", out[0], in[0]);
      assign_shape(N(a), "new_tensor gradient", out[1], Shape(nw));
      return true;
    })
    .infer_type_fn(data_and_index_types({1}))
    .cpu_fn([](const OpCtx&, const Attrs& a, const Blobs& in, const Blobs& out) {
      auto idx = checked_indices(N(a), "index_vector", in[1], in[0].shape[0]);
      copy_values(in[0], out[0]);
      int64_t row = in[0].shape[0] ? in[0].size() / in[0].shape[0] : 0;
      copy_rows(in[0], out[1], idx, row, false);
      size_t bytes = size_t(row) * dtype_size(in[0].dtype);
      for (int64_t i : idx) std::memset(static_cast<char*>(out[0].data) + size_t(i) * bytes, 0, bytes);
    });

static OpDef& reg_index_array = Registry::add("_contrib_index_array")
    .describe("The index of every element of data: output (*data.shape, len(axes)) int64 holds, at each position, "
              "its coordinates along axes (default: all axes, in order). Not differentiable (its output is integer).")
    .input("data")
    .param_optional("axes", PType::kShape, "The axes whose coordinates to give (negative counts from the end); None: "
                    "all axes.")
    .infer_shape_fn([](const Attrs& a, Shapes& in, Shapes& out) {
      if (!in[0].known()) return false;
      std::vector<int64_t> o = in[0].vec();
      o.push_back(int64_t(index_array_axes(a, in[0].ndim).size()));
      MXL_CHECK(int(o.size()) <= kMaxDim, Err::kShape, N(a), ": result would have more than ", kMaxDim,
                " dimensions");
      assign_shape(N(a), "output", out[0], Shape(o));
      return true;
    })
    .infer_type_fn([](const Attrs& a, Types& in, Types& out) {
      assign_type(N(a), "output", out[0], int(DType::i64));
      return in[0] >= 0;
    })
    .cpu_fn([](const OpCtx&, const Attrs& a, const Blobs& in, const Blobs& out) {
      const Shape& s = in[0].shape;
      std::vector<int> ax = index_array_axes(a, s.ndim);
      int64_t st[kMaxDim];
      contiguous_strides(s.ndim, s.d, st);
      int64_t* y = out[0].ptr<int64_t>();
      const int64_t k = int64_t(ax.size());
      for (int64_t i = 0; i < s.size(); ++i)
        for (int64_t j = 0; j < k; ++j) y[i * k + j] = (i / st[ax[size_t(j)]]) % s[ax[size_t(j)]];
    });

// ---- gradient tricks
MXL_OP(_contrib_gradientmultiplier)
    .describe("Identity in the forward pass; multiplies the gradient by scalar in the backward pass (e.g. -1 for a "
              "gradient reversal layer).")
    .input("data")
    .param("scalar", PType::kFloat, "1", "The gradient multiplier.")
    .param("is_int", PType::kBool, "True", "Accepted for MXNet compatibility (whether scalar is an integer).")
    .infer_shape_fn(shape_same)
    .infer_type_fn(type_numeric_same)
    .inplace(0, 0)
    .cpu_fn([](const OpCtx&, const Attrs&, const Blobs& in, const Blobs& out) {
      copy_values(in[0], out[0]);
    })
    .grad_fn([](GradGraph& g, const Attrs& a) {
      return GVals{g.op1("_mul_scalar", {g.ograd(0)}, {{"scalar", raw_param(a, "scalar", "1")}})};
    });

MXL_OP(_contrib_quadratic)
    .describe("a * x^2 + b * x + c for every element x of data.")
    .input("data")
    .param("a", PType::kFloat, "0", "Coefficient of the quadratic term.")
    .param("b", PType::kFloat, "0", "Coefficient of the linear term.")
    .param("c", PType::kFloat, "0", "Constant term.")
    .infer_shape_fn(shape_same)
    .infer_type_fn(type_numeric_same)
    .cpu_fn([](const OpCtx&, const Attrs& a, const Blobs& in, const Blobs& out) {
      double qa = a.f("a"), qb = a.f("b"), qc = a.f("c");
      map_numeric(N(a), in[0], out[0], [=](double x) { return ctb::quadratic(x, qa, qb, qc); });
    })
    .grad_fn([](GradGraph& g, const Attrs& a) {
      return GVals{g.op1("_backward_contrib_quadratic", {g.ograd(0), g.input(0)}, a.raw())};
    });

MXL_OP(_backward_contrib_quadratic)
    .describe("Gradient of _contrib_quadratic: inputs (ograd, data); output ograd * (2 a x + b).")
    .input("ograd").input("data")
    .param("a", PType::kFloat, "0", "Coefficient of the quadratic term.")
    .param("b", PType::kFloat, "0", "Coefficient of the linear term.")
    .param("c", PType::kFloat, "0", "Constant term (unused by the gradient).")
    .infer_shape_fn(shape_same)
    .infer_type_fn(type_numeric_same)
    .cpu_fn([](const OpCtx&, const Attrs& a, const Blobs& in, const Blobs& out) {
      double qa = a.f("a"), qb = a.f("b");
      MXL_NUM_SWITCH(in[0].dtype, T, N(a), {
        const T *g = in[0].ptr<T>(), *x = in[1].ptr<T>();
        T* d = out[0].ptr<T>();
        for (int64_t i = 0; i < in[0].size(); ++i) d[i] = saturate_cast<T>(double(g[i]) * (2 * qa * double(x[i]) + qb));
      });
    });

MXL_OP(_contrib_round_ste)
    .describe("Rounds to the nearest integer (halves away from zero) with a straight-through gradient: the gradient "
              "passes unchanged, as if the op were the identity.")
    .input("data")
    .infer_shape_fn(shape_same)
    .infer_type_fn(type_numeric_same)
    .cpu_fn([](const OpCtx&, const Attrs& a, const Blobs& in, const Blobs& out) {
      map_numeric(N(a), in[0], out[0], [](double x) { return std::round(x); });
    })
    .grad_fn([](GradGraph& g, const Attrs&) { return GVals{g.op1("_copy", {g.ograd(0)})}; });

MXL_OP(_contrib_sign_ste)
    .describe("The sign (-1, 0 or 1) with a straight-through gradient: the gradient passes unchanged, as if the op "
              "were the identity.")
    .input("data")
    .infer_shape_fn(shape_same)
    .infer_type_fn(type_numeric_same)
    .cpu_fn([](const OpCtx&, const Attrs& a, const Blobs& in, const Blobs& out) {
      map_numeric(N(a), in[0], out[0], [](double x) { return double((x > 0) - (x < 0)); });
    })
    .grad_fn([](GradGraph& g, const Attrs&) { return GVals{g.op1("_copy", {g.ograd(0)})}; });

// ---- split_v2
MXL_OP(_split_v2)
    .describe("Splits data along axis into parts (mx.nd.split_v2 / mx.sym.split_v2 call it).\n\n"
              "sections > 0: that many parts, sizes as numpy.array_split (the first len % sections one longer). Else "
              "indices (starting with 0, non-decreasing) are the parts' first positions: part k is [indices[k], "
              "indices[k+1]) and the last runs to the end. squeeze_axis drops the axis from parts of length 1 (every "
              "part must have length 1).")
    .input("data")
    .param("indices", PType::kShape, "()", "Start of every part along axis (the Python wrapper prepends 0).")
    .param("axis", PType::kInt, "1", "Axis along which to split.")
    .param("squeeze_axis", PType::kBool, "False", "Remove the split axis from the outputs (all must have length 1).")
    .param("sections", PType::kInt, "0", "Number of parts of (near) equal size; 0: split at indices.")
    .range(0, 1e9)
    .outputs_fn(split_count)
    .infer_shape_fn([](const Attrs& a, Shapes& in, Shapes& out) {
      MXL_CHECK(split_count(a) > 0, Err::kInvalidArgument, N(a), ": give sections > 0 or at least one index");
      if (!in[0].known()) return false;
      const Shape& d = in[0];
      MXL_CHECK(d.ndim >= 1, Err::kShape, N(a), ": cannot split a scalar");
      int ax = normalize_axis(N(a), a.i("axis"), d.ndim);
      std::vector<int64_t> st = split_starts(a, d[ax]);
      bool squeeze = a.b("squeeze_axis");
      for (size_t k = 0; k < st.size(); ++k) {
        std::vector<int64_t> o = d.vec();
        o[size_t(ax)] = (k + 1 < st.size() ? st[k + 1] : d[ax]) - st[k];
        if (squeeze) {
          MXL_CHECK(o[size_t(ax)] == 1, Err::kShape, N(a), ": squeeze_axis needs every part to have length 1 along "
                    "axis ", ax, ", but part ", k, " of shape ", d, " has ", o[size_t(ax)]);
          o.erase(o.begin() + ax);
        }
        assign_shape(N(a), "output", out[k], Shape(o));
      }
      return true;
    })
    .cpu_fn([](const OpCtx&, const Attrs& a, const Blobs& in, const Blobs& out) {
      const Shape& d = in[0].shape;
      int ax = normalize_axis(N(a), a.i("axis"), d.ndim);
      std::vector<int64_t> st = split_starts(a, d[ax]);
      int64_t outer = 1, inner = 1;
      for (int k = 0; k < ax; ++k) outer *= d[k];
      for (int k = ax + 1; k < d.ndim; ++k) inner *= d[k];
      for (size_t k = 0; k < st.size(); ++k) {
        int64_t len = (k + 1 < st.size() ? st[k + 1] : d[ax]) - st[k];
        int64_t shape[2] = {outer, len * inner}, ss[2] = {d[ax] * inner, 1}, ds[2] = {len * inner, 1};
        strided_copy(dtype_size(in[0].dtype), 2, shape, in[0].data, st[k] * inner, ss, out[k].data, 0, ds);
      }
    })
    .grad_fn([](GradGraph& g, const Attrs& a) {
      // The parts back together: stack restores a squeezed axis, Concat joins the others.
      GVals og;
      int n = split_count(a);
      for (int i = 0; i < n; ++i) og.push_back(g.ograd(i));
      if (a.b("squeeze_axis"))
        return GVals{g.op1("stack", og, {{"num_args", std::to_string(n)}, {"axis", std::to_string(a.i("axis"))}})};
      return GVals{g.op1("Concat", og, {{"num_args", std::to_string(n)}, {"dim", std::to_string(a.i("axis"))}})};
    });

// ---- legacy row ops
MXL_OP(choose_element_0index)
    .describe("Picks one element per row: output[i] = lhs[i, rhs[i]] for lhs (rows, columns) and rhs (rows,) of "
              "0-based column indices, which must be in [0, columns). The gradient reaches lhs at the picked places.")
    .input("lhs").input("rhs")
    .infer_shape_fn([](const Attrs& a, Shapes& in, Shapes& out) {
      if (!in[0].known() || !in[1].known()) return false;
      check_rows(N(a), in[0], in[1]);
      assign_shape(N(a), "output", out[0], Shape{in[0][0]});
      return true;
    })
    .infer_type_fn(data_and_index_types({1}))
    .cpu_fn([](const OpCtx&, const Attrs& a, const Blobs& in, const Blobs& out) {
      int64_t m = in[0].shape[1];
      auto idx = checked_indices(N(a), "rhs", in[1], m);
      MXL_TYPE_SWITCH(in[0].dtype, T, {
        for (size_t i = 0; i < idx.size(); ++i) out[0].ptr<T>()[i] = in[0].ptr<T>()[int64_t(i) * m + idx[i]];
      });
    })
    .grad_fn([](GradGraph& g, const Attrs&) {
      GVal zeros = g.op1("zeros_like", {g.input(0)});
      return GVals{g.op1("fill_element_0index", {zeros, g.ograd(0), g.input(1)}), GVal{}};
    });

MXL_OP(fill_element_0index)
    .describe("Sets one element per row: output = lhs with output[i, rhs[i]] = mhs[i], for lhs (rows, columns), mhs "
              "(rows,) and rhs (rows,) of 0-based column indices in [0, columns). The gradient reaches lhs (zero at "
              "the filled places) and mhs.")
    .input("lhs").input("mhs").input("rhs")
    .infer_shape_fn([](const Attrs& a, Shapes& in, Shapes& out) {
      if (in[0].known()) assign_shape(N(a), "output", out[0], in[0]);
      if (!in[0].known() || !in[2].known()) return false;
      check_rows(N(a), in[0], in[2]);
      assign_shape(N(a), "mhs", in[1], Shape{in[0][0]});
      return true;
    })
    .infer_type_fn(data_and_index_types({2}))
    .cpu_fn([](const OpCtx&, const Attrs& a, const Blobs& in, const Blobs& out) {
      int64_t m = in[0].shape[1];
      auto idx = checked_indices(N(a), "rhs", in[2], m);
      copy_values(in[0], out[0]);
      MXL_TYPE_SWITCH(in[0].dtype, T, {
        for (size_t i = 0; i < idx.size(); ++i) out[0].ptr<T>()[int64_t(i) * m + idx[i]] = in[1].ptr<T>()[i];
      });
    })
    .grad_fn([](GradGraph& g, const Attrs&) {
      GVal zeros = g.op1("zeros_like", {g.input(1)});
      return GVals{g.op1("fill_element_0index", {g.ograd(0), zeros, g.input(2)}),
                   g.op1("choose_element_0index", {g.ograd(0), g.input(2)}), GVal{}};
    });

MXL_OP(_onehot_encode)
    .describe("One-hot rows: output, shaped and typed like rhs (rows, columns), is 1 at [i, lhs[i]] and 0 elsewhere; "
              "lhs (rows,) holds 0-based indices in [0, columns). rhs only gives the shape and dtype (MXNet's legacy "
              "op; one_hot is the general one).")
    .input("lhs").input("rhs")
    .infer_shape_fn([](const Attrs& a, Shapes& in, Shapes& out) {
      if (!in[0].known() || !in[1].known()) return false;
      check_rows(N(a), in[1], in[0]);
      assign_shape(N(a), "output", out[0], in[1]);
      return true;
    })
    .infer_type_fn(data_and_index_types({0}))
    .cpu_fn([](const OpCtx&, const Attrs& a, const Blobs& in, const Blobs& out) {
      int64_t m = in[1].shape[1];
      auto idx = checked_indices(N(a), "lhs", in[0], m);
      fill_scalar(out[0], 0.0);
      MXL_TYPE_SWITCH(out[0].dtype, T, {
        for (size_t i = 0; i < idx.size(); ++i) out[0].ptr<T>()[int64_t(i) * m + idx[i]] = T(1);
      });
    });

// ---- boolean_mask: the output's shape depends on index's values
MXL_OP(_contrib_boolean_mask)
    .describe("Keeps the slices of data along axis whose index value is non-zero: index is 1-D with one value per "
              "position of that axis (any dtype). The output has data's shape with that axis shortened to the count "
              "of non-zero values (possibly 0). The output's shape depends on index's values, so the op runs "
              "imperatively (mx.nd) only: a symbol cannot infer it. The gradient reaches data (zero on the dropped "
              "slices).")
    .input("data").input("index")
    .param("axis", PType::kInt, "0", "The axis to mask along.")
    .infer_shape_fn([](const Attrs& a, Shapes& in, Shapes& out) {
      if (!in[0].known() || !in[1].known()) return false;
      mask_dims(a, in[0], in[1]);
      fail(Err::kInvalidArgument, N(a), ": the output's shape depends on the values of index, which a symbol does not "
           "know; call mx.nd.contrib.boolean_mask (imperative) instead");
    })
    .infer_shape_values_fn({1}, [](const Attrs& a, const Blobs& in, Shapes& out) {
      MaskDims d = mask_dims(a, in[0].shape, in[1].shape);
      std::vector<int64_t> o = in[0].shape.vec();
      o[size_t(d.axis)] = int64_t(mask_positions(in[1]).size());
      assign_shape(N(a), "output", out[0], Shape(o));
    })
    .infer_type_fn(mask_types)
    .cpu_fn([](const OpCtx&, const Attrs& a, const Blobs& in, const Blobs& out) {
      MaskDims d = mask_dims(a, in[0].shape, in[1].shape);
      mask_copy(d, mask_positions(in[1]), in[0], out[0], false);
    })
    .grad_fn([](GradGraph& g, const Attrs& a) {
      return GVals{g.op1("_backward_contrib_boolean_mask", {g.ograd(0), g.input(0), g.input(1)}, a.raw()), GVal{}};
    });

MXL_OP(_backward_contrib_boolean_mask)
    .describe("Gradient of _contrib_boolean_mask: inputs (ograd, data, index); output zeros shaped like data with "
              "ograd's slices at the kept positions.")
    .input("ograd").input("data").input("index")
    .param("axis", PType::kInt, "0", "The axis masked along.")
    .infer_shape_fn([](const Attrs& a, Shapes& in, Shapes& out) {
      if (!in[1].known()) return false;
      assign_shape(N(a), "data gradient", out[0], in[1]);
      return true;
    })
    .infer_type_fn([](const Attrs& a, Types& in, Types& out) {
      if (in[1] >= 0) assign_type(N(a), "data gradient", out[0], in[1]);
      return in[0] >= 0 && in[1] >= 0 && in[2] >= 0;
    })
    .cpu_fn([](const OpCtx&, const Attrs& a, const Blobs& in, const Blobs& out) {
      MaskDims d = mask_dims(a, in[1].shape, in[2].shape);
      std::vector<int64_t> pos = mask_positions(in[2]);
      std::vector<int64_t> want = in[1].shape.vec();
      want[size_t(d.axis)] = int64_t(pos.size());
      MXL_CHECK(in[0].shape == Shape(want), Err::kShape, N(a), ": ograd has shape ", in[0].shape, " but the mask keeps ",
                Shape(want));
      fill_scalar(out[0], 0.0);
      mask_copy(d, pos, out[0], in[0], true);
    });

}  // namespace mxl
