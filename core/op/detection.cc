// The image and detection contrib operators of MXNet 1.9 that GluonCV-style models use:
// _contrib_BilinearResize2D and _contrib_AdaptiveAvgPooling2D (with their backward ops),
// and the box operators _contrib_box_nms (with its backward), _contrib_box_iou,
// _contrib_bipartite_matching, _contrib_box_encode and _contrib_box_decode, and
// _contrib_ROIAlign (with its backward), and the SSD operators _contrib_MultiBoxPrior,
// _contrib_MultiBoxTarget and _contrib_MultiBoxDetection.
// The per-element formulas live in detection_kernels.h, shared with the CUDA plugin
// (core/cuda/detection.cu). Float16 computes in float.
#include <algorithm>
#include <cmath>
#include <string>
#include <type_traits>
#include <vector>

#include "blas.h"
#include "detection_kernels.h"
#include "elemwise_kernels.h"
#include "registry.h"

namespace mxl {
namespace {

template <class T> using acc_t = std::conditional_t<std::is_same_v<T, double>, double, float>;

int64_t row_grain(int64_t len) { return std::max<int64_t>(1, kParallelGrain / std::max<int64_t>(1, len)); }

void check_nchw(const char* op, const char* what, const Shape& s) {
  MXL_CHECK(s.ndim == 4, Err::kShape, op, ": ", what, " must be 4-D (batch, channel, height, width), got shape ", s);
}

// ======================================================= BilinearResize2D
const char* kResize = "_contrib_BilinearResize2D";

bool resize_like(const Attrs& a) { return a.s("mode") == "like"; }

// One output size along an axis of input size n, by mode ("size" and "odd_scale" use
// `size` and the optional `scale`; "like" is handled by the caller).
int64_t resize_extent(const Attrs& a, int64_t n, const char* size_name, const char* scale_name) {
  const std::string& mode = a.s("mode");
  const bool has_scale = !a.none(scale_name);
  const double scale = has_scale ? a.f(scale_name) : 0;
  if (has_scale)
    MXL_CHECK(scale > 0 && std::isfinite(scale), Err::kInvalidArgument, kResize, ": parameter '", scale_name,
              "' must be a positive finite number, got ", scale);
  if (mode == "size") {
    if (has_scale) return int64_t(double(n) * scale);
    return a.i(size_name);
  }
  if (mode == "odd_scale") {
    MXL_CHECK(has_scale, Err::kInvalidArgument, kResize, ": mode 'odd_scale' needs parameter '", scale_name, "'");
    return n % 2 == 1 ? int64_t(double(n - 1) * scale) + 1 : int64_t(double(n) * scale);
  }
  const bool odd = n % 2 == 1;
  if (mode == "to_even_down") return odd ? n - 1 : n;
  if (mode == "to_even_up") return odd ? n + 1 : n;
  if (mode == "to_odd_down") return odd ? n : n - 1;
  return odd ? n : n + 1;  // to_odd_up
}

// The output (height, width) of data shape x (and like shape `like` in mode "like").
std::pair<int64_t, int64_t> resize_out_hw(const Attrs& a, const Shape& x, const Shape* like) {
  int64_t ho, wo;
  if (resize_like(a)) {
    ho = (*like)[2], wo = (*like)[3];
  } else {
    if (a.s("mode") == "size")
      MXL_CHECK(a.none("scale_height") == a.none("scale_width"), Err::kInvalidArgument, kResize,
                ": parameters 'scale_height' and 'scale_width' must be given together, got scale_height=",
                a.none("scale_height") ? std::string("None") : std::to_string(a.f("scale_height")),
                " and scale_width=", a.none("scale_width") ? std::string("None") : std::to_string(a.f("scale_width")));
    ho = resize_extent(a, x[2], "height", "scale_height");
    wo = resize_extent(a, x[3], "width", "scale_width");
  }
  MXL_CHECK(ho > 0 && wo > 0, Err::kInvalidArgument, kResize, ": the output size must be positive, got (", ho, ", ",
            wo, ") for data shape ", x, " in mode '", a.s("mode"), "'");
  return {ho, wo};
}

bool resize_infer_shape(const Attrs& a, Shapes& in, Shapes& out) {
  const bool like = resize_like(a);
  if (in[0].known()) check_nchw(kResize, "data", in[0]);
  if (like && in[1].known()) check_nchw(kResize, "like", in[1]);
  if (!in[0].known() || (like && !in[1].known())) return false;
  auto [ho, wo] = resize_out_hw(a, in[0], like ? &in[1] : nullptr);
  assign_shape(kResize, "output", out[0], Shape{in[0][0], in[0][1], ho, wo});
  return true;
}

// Dims of a resize: input (N*C planes of H x W), output Ho x Wo.
struct ResizeDims {
  int64_t planes = 0, H = 0, W = 0, Ho = 0, Wo = 0;
};
ResizeDims resize_dims(const Shape& x, const Shape& y) { return {x[0] * x[1], x[2], x[3], y[2], y[3]}; }

template <class T>
void resize_forward_t(const ResizeDims& d, bool align, const T* x, T* y) {
  using C = acc_t<T>;
  parallel_for(d.planes * d.Ho, row_grain(d.Wo * 4), [&](int64_t r0, int64_t r1) {
    for (int64_t r = r0; r < r1; ++r) {
      const int64_t plane = r / d.Ho, oh = r % d.Ho;
      det::Lerp<C> ph = det::resize_source<C>(oh, d.H, d.Ho, align);
      const T *row0 = x + (plane * d.H + ph.i0) * d.W, *row1 = x + (plane * d.H + ph.i1) * d.W;
      for (int64_t ow = 0; ow < d.Wo; ++ow) {
        det::Lerp<C> pw = det::resize_source<C>(ow, d.W, d.Wo, align);
        C top = (C(1) - pw.lambda) * C(row0[pw.i0]) + pw.lambda * C(row0[pw.i1]);
        C bottom = (C(1) - pw.lambda) * C(row1[pw.i0]) + pw.lambda * C(row1[pw.i1]);
        y[r * d.Wo + ow] = T((C(1) - ph.lambda) * top + ph.lambda * bottom);
      }
    }
  });
}

// Each (sample, channel) plane scatters its ograd into a double copy of its d(data).
template <class T>
void resize_backward_t(const ResizeDims& d, bool align, const T* og, T* dx) {
  using C = acc_t<T>;
  parallel_for(d.planes, row_grain(d.Ho * d.Wo * 4), [&](int64_t p0, int64_t p1) {
    std::vector<double> acc(size_t(d.H * d.W));
    for (int64_t p = p0; p < p1; ++p) {
      std::fill(acc.begin(), acc.end(), 0.0);
      for (int64_t oh = 0; oh < d.Ho; ++oh) {
        det::Lerp<C> ph = det::resize_source<C>(oh, d.H, d.Ho, align);
        for (int64_t ow = 0; ow < d.Wo; ++ow) {
          det::Lerp<C> pw = det::resize_source<C>(ow, d.W, d.Wo, align);
          const double g = double(og[(p * d.Ho + oh) * d.Wo + ow]);
          const double h0 = double(C(1) - ph.lambda), h1 = double(ph.lambda);
          const double w0 = double(C(1) - pw.lambda), w1 = double(pw.lambda);
          acc[size_t(ph.i0 * d.W + pw.i0)] += g * h0 * w0;
          acc[size_t(ph.i0 * d.W + pw.i1)] += g * h0 * w1;
          acc[size_t(ph.i1 * d.W + pw.i0)] += g * h1 * w0;
          acc[size_t(ph.i1 * d.W + pw.i1)] += g * h1 * w1;
        }
      }
      for (int64_t e = 0; e < d.H * d.W; ++e) dx[p * d.H * d.W + e] = T(C(acc[size_t(e)]));
    }
  });
}

OpDef& resize_params(OpDef& op) {
  op.param("height", PType::kInt, "1",
           "The output height in mode 'size' (ignored when scale_height is given or in the other modes).");
  op.range(1, 1e18);
  op.param("width", PType::kInt, "1",
           "The output width in mode 'size' (ignored when scale_width is given or in the other modes).");
  op.range(1, 1e18);
  op.param_optional("scale_height", PType::kFloat,
                    "Height scale: in mode 'size' the output height is int(height * scale_height); used by 'odd_scale'.");
  op.param_optional("scale_width", PType::kFloat,
                    "Width scale: in mode 'size' the output width is int(width * scale_width); used by 'odd_scale'.");
  op.param_enum("mode", {"like", "odd_scale", "size", "to_even_down", "to_even_up", "to_odd_down", "to_odd_up"}, "size",
                "How the output size is chosen: 'size' (height/width, or the input size times the scales), "
                "'odd_scale' (an odd size n becomes (n - 1) * scale + 1, an even one n * scale), 'like' (the height "
                "and width of the second input, like), 'to_even_down' / 'to_even_up' / 'to_odd_down' / 'to_odd_up' "
                "(the nearest even or odd size below or above, the input size when it already is).");
  op.param("align_corners", PType::kBool, "True",
           "True: the centres of the corner pixels of input and output line up; False: the pixel areas do.");
  return op;
}

std::vector<std::string> resize_inputs(const Attrs& a, std::vector<std::string> names) {
  if (resize_like(a)) names.push_back("like");
  return names;
}

// ================================================== AdaptiveAvgPooling2D
const char* kAdaptive = "_contrib_AdaptiveAvgPooling2D";

// output_size: () -> (1, 1); (s,) -> (s, s); (h, w).
std::pair<int64_t, int64_t> adaptive_out_hw(const Attrs& a) {
  const Shape& s = a.shape("output_size");
  MXL_CHECK(s.ndim <= 2, Err::kInvalidArgument, kAdaptive,
            ": parameter 'output_size' must be empty, one size or (height, width), got ", s);
  int64_t h = s.ndim == 0 ? 1 : s[0], w = s.ndim == 2 ? s[1] : h;
  MXL_CHECK(h > 0 && w > 0, Err::kInvalidArgument, kAdaptive, ": parameter 'output_size' must be positive, got ", s);
  return {h, w};
}

template <class T>
void adaptive_forward_t(const ResizeDims& d, const T* x, T* y) {
  using C = acc_t<T>;
  parallel_for(d.planes * d.Ho, row_grain(d.Wo * (d.H / d.Ho + 1) * (d.W / d.Wo + 1)), [&](int64_t r0, int64_t r1) {
    for (int64_t r = r0; r < r1; ++r) {
      const int64_t plane = r / d.Ho, oh = r % d.Ho;
      for (int64_t ow = 0; ow < d.Wo; ++ow)
        y[r * d.Wo + ow] = T(det::adaptive_pool_bin<T, C>(x + plane * d.H * d.W, oh, ow, d.H, d.W, d.Ho, d.Wo));
    }
  });
}

// Each input pixel gathers from the bins that hold it (no scatter: deterministic).
template <class T>
void adaptive_backward_t(const ResizeDims& d, const T* og, T* dx) {
  using C = acc_t<T>;
  parallel_for(d.planes * d.H, row_grain(d.W * 4), [&](int64_t r0, int64_t r1) {
    for (int64_t r = r0; r < r1; ++r) {
      const int64_t plane = r / d.H, h = r % d.H;
      for (int64_t w = 0; w < d.W; ++w)
        dx[r * d.W + w] = T(det::adaptive_pool_grad<T, C>(og + plane * d.Ho * d.Wo, h, w, d.H, d.W, d.Ho, d.Wo));
    }
  });
}

OpDef& adaptive_params(OpDef& op) {
  return op.param("output_size", PType::kShape, "()",
                  "The output size: empty for (1, 1), one int for a square, or (height, width).");
}

// Backward ops of both: inputs (ograd, data); d(data) has data's shape.
bool backward_infer_shape(const char* op, const Shape& expect_og, Shapes& in, Shapes& out) {
  assign_shape(op, "ograd", in[0], expect_og);
  assign_shape(op, "data gradient", out[0], in[1]);
  return true;
}


// ================================================================ box_nms
const char* kNms = "_contrib_box_nms";

det::NmsParams nms_params(const Attrs& a) {
  det::NmsParams p;
  p.overlap_thresh = a.f("overlap_thresh"), p.valid_thresh = a.f("valid_thresh");
  p.topk = a.i("topk"), p.coord_start = a.i("coord_start"), p.score_index = a.i("score_index");
  p.id_index = a.i("id_index"), p.background_id = a.i("background_id");
  p.force_suppress = a.b("force_suppress");
  p.in_center = a.s("in_format") == "center", p.out_center = a.s("out_format") == "center";
  return p;
}

// data (..., N, K): checks the shape and that the columns the parameters name exist.
void check_nms_data(const Attrs& a, const Shape& x) {
  MXL_CHECK(x.ndim >= 2, Err::kShape, kNms, ": data must have at least 2 dims (..., boxes, values per box), got shape ",
            x);
  const int64_t K = x[x.ndim - 1];
  const int64_t cs = a.i("coord_start"), si = a.i("score_index"), ii = a.i("id_index");
  MXL_CHECK(cs >= 0 && cs + 4 <= K, Err::kInvalidArgument, kNms, ": parameter 'coord_start' must leave 4 coordinates "
            "within the last axis of data (size ", K, "), got coord_start=", cs);
  MXL_CHECK(si >= 0 && si < K, Err::kInvalidArgument, kNms, ": parameter 'score_index' must be in [0, ", K,
            ") (the last axis of data), got ", si);
  MXL_CHECK(ii >= -1 && ii < K, Err::kInvalidArgument, kNms, ": parameter 'id_index' must be -1 or in [0, ", K,
            ") (the last axis of data), got ", ii);
}

// One batch's NMS visit: the candidate rows in visiting order (best score first),
// and for each whether it was suppressed or fell beyond topk.
struct NmsVisit {
  std::vector<int64_t> order;
  std::vector<char> removed;
};

template <class T>
NmsVisit nms_visit(const det::NmsParams& p, const T* x, int64_t N, int64_t K) {
  using C = acc_t<T>;
  NmsVisit v;
  for (int64_t i = 0; i < N; ++i)
    if (det::nms_candidate<T, C>(x + i * K, p)) v.order.push_back(i);
  std::stable_sort(v.order.begin(), v.order.end(),
                   [&](int64_t i, int64_t j) { return det::nms_before(x, K, p.score_index, i, j); });
  const size_t n = p.topk > 0 ? std::min(v.order.size(), size_t(p.topk)) : v.order.size();
  v.removed.assign(v.order.size(), 1);
  std::fill(v.removed.begin(), v.removed.begin() + int64_t(n), 0);
  for (size_t r = 0; r < n; ++r) {
    if (v.removed[r]) continue;
    for (size_t q = r + 1; q < n; ++q)
      if (!v.removed[q] && det::nms_suppresses<T, C>(x + v.order[r] * K, x + v.order[q] * K, p)) v.removed[q] = 1;
  }
  return v;
}

// The rows NMS keeps in each batch, in output order (best score first).
template <class T>
std::vector<std::vector<int64_t>> nms_kept(const det::NmsParams& p, const T* data, int64_t B, int64_t N, int64_t K) {
  std::vector<std::vector<int64_t>> kept(static_cast<size_t>(B));
  parallel_for(B, 1, [&](int64_t b0, int64_t b1) {
    for (int64_t b = b0; b < b1; ++b) {
      NmsVisit v = nms_visit<T>(p, data + b * N * K, N, K);
      for (size_t r = 0; r < v.order.size(); ++r)
        if (!v.removed[r]) kept[size_t(b)].push_back(v.order[r]);
    }
  });
  return kept;
}

template <class T>
void nms_forward_t(const det::NmsParams& p, const TBlob& in, const TBlob& out) {
  using C = acc_t<T>;
  const int64_t K = in.shape[in.shape.ndim - 1], N = in.shape[in.shape.ndim - 2], B = in.size() / std::max<int64_t>(1, N * K);
  const T* x = in.ptr<T>();
  T* y = out.ptr<T>();
  auto kept = nms_kept<T>(p, x, B, N, K);
  for (int64_t b = 0; b < B; ++b) {
    const auto& keep = kept[size_t(b)];
    for (int64_t r = 0; r < N; ++r) {
      T* dst = y + (b * N + r) * K;
      if (r >= int64_t(keep.size())) {
        std::fill(dst, dst + K, T(-1));
        continue;
      }
      const T* src = x + (b * N + keep[size_t(r)]) * K;
      std::copy(src, src + K, dst);
      det::convert_box<T, C>(src + p.coord_start, dst + p.coord_start, p.in_center, p.out_center);
    }
  }
}

// in: ograd, data; out: d(data): each kept row's ograd goes back to the row it came from.
template <class T>
void nms_backward_t(const det::NmsParams& p, const TBlob& og, const TBlob& data, const TBlob& dx) {
  const int64_t K = data.shape[data.shape.ndim - 1], N = data.shape[data.shape.ndim - 2];
  const int64_t B = data.size() / std::max<int64_t>(1, N * K);
  auto kept = nms_kept<T>(p, data.ptr<T>(), B, N, K);
  T* d = dx.ptr<T>();
  const T* g = og.ptr<T>();
  std::fill(d, d + dx.size(), T(0));
  for (int64_t b = 0; b < B; ++b) {
    const auto& keep = kept[size_t(b)];
    for (size_t r = 0; r < keep.size(); ++r)
      std::copy(g + (b * N + int64_t(r)) * K, g + (b * N + int64_t(r) + 1) * K, d + (b * N + keep[r]) * K);
  }
}

OpDef& nms_params_def(OpDef& op) {
  op.param("overlap_thresh", PType::kFloat, "0.5", "A box whose IoU with a kept box of higher score exceeds this is suppressed.");
  op.param("valid_thresh", PType::kFloat, "0", "Only boxes whose score exceeds this take part.");
  op.param("topk", PType::kInt, "-1", "Only the topk best-scoring boxes take part; -1 (or any value below 1): all.");
  op.param("coord_start", PType::kInt, "2", "Index of the first of the 4 consecutive coordinates in each row.");
  op.param("score_index", PType::kInt, "1", "Index of the score in each row.");
  op.param("id_index", PType::kInt, "-1", "Index of the class id in each row; -1: no class ids.");
  op.param("background_id", PType::kInt, "-1", "With id_index, rows of this class are dropped.");
  op.param("force_suppress", PType::kBool, "False",
           "With id_index: True suppresses across classes, False only within a class.");
  op.param_enum("in_format", {"center", "corner"}, "corner",
                "The input boxes' encoding: 'corner' (xmin, ymin, xmax, ymax) or 'center' (x, y, width, height).");
  op.param_enum("out_format", {"center", "corner"}, "corner", "The output boxes' encoding (as in_format).");
  return op;
}

// ================================================================ box_iou
const char* kIou = "_contrib_box_iou";

bool iou_infer_shape(const Attrs&, Shapes& in, Shapes& out) {
  const char* names[2] = {"lhs", "rhs"};
  for (int k = 0; k < 2; ++k)
    if (in[k].known())
      MXL_CHECK(in[k].ndim >= 1 && in[k][in[k].ndim - 1] == 4, Err::kShape, kIou, ": ", names[k],
                " must have 4 coordinates on its last axis (..., 4), got shape ", in[k]);
  if (!in[0].known() || !in[1].known()) return false;
  std::vector<int64_t> dims;
  for (int k = 0; k < 2; ++k)
    for (int i = 0; i + 1 < in[k].ndim; ++i) dims.push_back(in[k][i]);
  Shape s;
  s.ndim = int(dims.size());
  for (size_t i = 0; i < dims.size(); ++i) s[int(i)] = dims[i];
  assign_shape(kIou, "output", out[0], s);
  return true;
}

template <class T>
void iou_forward_t(bool center, const TBlob& lhs, const TBlob& rhs, const TBlob& out) {
  using C = acc_t<T>;
  const int64_t n = lhs.size() / 4, m = rhs.size() / 4;
  const T *l = lhs.ptr<T>(), *r = rhs.ptr<T>();
  T* y = out.ptr<T>();
  parallel_for(n, row_grain(m * 8), [&](int64_t i0, int64_t i1) {
    for (int64_t i = i0; i < i1; ++i) {
      det::Box<C> a = det::load_box<T, C>(l + i * 4, center);
      for (int64_t j = 0; j < m; ++j) y[i * m + j] = T(det::box_iou<C>(a, det::load_box<T, C>(r + j * 4, center)));
    }
  });
}

// ===================================================== bipartite_matching
const char* kMatch = "_contrib_bipartite_matching";

// data (..., N, M) scores -> row matches (..., N) and column matches (..., M).
bool match_infer_shape(const Attrs&, Shapes& in, Shapes& out) {
  if (!in[0].known()) return false;
  const Shape& x = in[0];
  MXL_CHECK(x.ndim >= 2, Err::kShape, kMatch, ": data must have at least 2 dims (..., rows, columns), got shape ", x);
  Shape rows = x, cols = x;
  rows.ndim = x.ndim - 1;
  cols.ndim = x.ndim - 1;
  cols[x.ndim - 2] = x[x.ndim - 1];
  assign_shape(kMatch, "row matches", out[0], rows);
  assign_shape(kMatch, "column matches", out[1], cols);
  return true;
}

template <class T>
void match_forward_t(const Attrs& a, const TBlob& in, const Blobs& out) {
  using C = acc_t<T>;
  const int64_t M = in.shape[in.shape.ndim - 1], N = in.shape[in.shape.ndim - 2];
  const int64_t B = in.size() / std::max<int64_t>(1, N * M);
  const bool ascend = a.b("is_ascend");
  const double threshold = a.f("threshold");
  const int64_t topk = a.i("topk");
  parallel_for(B, 1, [&](int64_t b0, int64_t b1) {
    for (int64_t b = b0; b < b1; ++b) {
      const T* s = in.ptr<T>() + b * N * M;
      T *rows = out[0].ptr<T>() + b * N, *cols = out[1].ptr<T>() + b * M;
      std::fill(rows, rows + N, T(-1));
      std::fill(cols, cols + M, T(-1));
      std::vector<int64_t> order(size_t(N * M));
      for (int64_t i = 0; i < N * M; ++i) order[size_t(i)] = i;
      std::stable_sort(order.begin(), order.end(),
                       [&](int64_t i, int64_t j) { return det::match_before(s, i, j, ascend); });
      int64_t matched = 0;
      for (int64_t e : order) {
        if (!det::match_passes<C>(C(s[e]), C(threshold), ascend) || (topk > 0 && matched >= topk)) break;
        const int64_t r = e / M, c = e % M;
        if (double(rows[r]) != -1.0 || double(cols[c]) != -1.0) continue;
        rows[r] = T(float(c)), cols[c] = T(float(r));
        ++matched;
      }
    }
  });
}

// ===================================================== box_encode / decode
const char* kEncode = "_contrib_box_encode";
const char* kDecode = "_contrib_box_decode";

bool encode_infer_shape(const Attrs&, Shapes& in, Shapes& out) {
  const char* names[6] = {"samples", "matches", "anchors", "refs", "means", "stds"};
  for (int k = 0; k < 6; ++k)
    if (!in[k].known()) return false;
  const Shape &s = in[0], &anchors = in[2], &refs = in[3];
  MXL_CHECK(s.ndim == 2, Err::kShape, kEncode, ": samples must be 2-D (batch, anchors), got shape ", s);
  MXL_CHECK(in[1] == s, Err::kShape, kEncode, ": matches must have the shape of samples ", s, ", got shape ", in[1]);
  MXL_CHECK(anchors.ndim == 3 && anchors[0] == s[0] && anchors[1] == s[1] && anchors[2] == 4, Err::kShape, kEncode,
            ": anchors must be (batch, anchors, 4) = (", s[0], ", ", s[1], ", 4), got shape ", anchors);
  MXL_CHECK(refs.ndim == 3 && refs[0] == s[0] && refs[2] == 4, Err::kShape, kEncode,
            ": refs must be (batch, references, 4) with batch ", s[0], ", got shape ", refs);
  for (int k = 4; k < 6; ++k)
    MXL_CHECK(in[k].ndim == 1 && in[k][0] == 4, Err::kShape, kEncode, ": ", names[k], " must be (4,), got shape ", in[k]);
  assign_shape(kEncode, "targets", out[0], anchors);
  assign_shape(kEncode, "masks", out[1], anchors);
  return true;
}

template <class T>
void encode_forward_t(const Blobs& in, const Blobs& out) {
  using C = acc_t<T>;
  const int64_t B = in[0].shape[0], N = in[0].shape[1], M = in[3].shape[1];
  const T *samples = in[0].ptr<T>(), *matches = in[1].ptr<T>(), *anchors = in[2].ptr<T>(), *refs = in[3].ptr<T>();
  T *t = out[0].ptr<T>(), *mask = out[1].ptr<T>();
  for (int64_t i = 0; i < B * N; ++i) {
    if (!(double(samples[i]) > 0.5)) {
      std::fill(t + i * 4, t + i * 4 + 4, T(0));
      std::fill(mask + i * 4, mask + i * 4 + 4, T(0));
      continue;
    }
    const double mv = double(matches[i]);
    MXL_CHECK(mv >= 0 && mv < double(M), Err::kIndex, kEncode, ": matches[", i / N, ", ", i % N,
              "] of a positive sample must index refs in [0, ", M, "), got ", mv);
    det::encode_box<T, C>(anchors + i * 4, refs + ((i / N) * M + int64_t(mv)) * 4, in[4].ptr<T>(), in[5].ptr<T>(),
                          t + i * 4);
    std::fill(mask + i * 4, mask + i * 4 + 4, T(1));
  }
}

bool decode_infer_shape(const Attrs&, Shapes& in, Shapes& out) {
  if (!in[0].known() || !in[1].known()) return false;
  const Shape &x = in[0], &anchors = in[1];
  MXL_CHECK(x.ndim == 3 && x[2] == 4, Err::kShape, kDecode, ": data must be (batch, anchors, 4), got shape ", x);
  MXL_CHECK(anchors.ndim == 3 && anchors[0] == 1 && anchors[1] == x[1] && anchors[2] == 4, Err::kShape, kDecode,
            ": anchors must be (1, anchors, 4) = (1, ", x[1], ", 4), got shape ", anchors);
  assign_shape(kDecode, "output", out[0], x);
  return true;
}

template <class T>
void decode_forward_t(const Attrs& a, const TBlob& x, const TBlob& anchors, const TBlob& out) {
  using C = acc_t<T>;
  const int64_t N = x.shape[1];
  const C stds[4] = {C(a.f("std0")), C(a.f("std1")), C(a.f("std2")), C(a.f("std3"))};
  const C clip = C(a.f("clip"));
  const bool center = a.s("format") == "center";
  parallel_for(x.size() / 4, row_grain(16), [&](int64_t i0, int64_t i1) {
    for (int64_t i = i0; i < i1; ++i)
      det::decode_box<T, C>(x.ptr<T>() + i * 4, anchors.ptr<T>() + (i % N) * 4, stds, clip, center,
                            out.ptr<T>() + i * 4);
  });
}

// =============================================================== ROIAlign
const char* kRoi = "_contrib_ROIAlign";

struct RoiDims {
  int64_t N = 0, C = 0, H = 0, W = 0, R = 0, Co = 0, ph = 0, pw = 0;
};
RoiDims roi_dims(const Shape& data, const Shape& out) {
  return {data[0], data[1], data[2], data[3], out[0], out[1], out[2], out[3]};
}

std::pair<int64_t, int64_t> roi_pooled(const Attrs& a) {
  const Shape& s = a.shape("pooled_size");
  MXL_CHECK(s.ndim == 2 && s[0] > 0 && s[1] > 0, Err::kInvalidArgument, kRoi,
            ": parameter 'pooled_size' must be two positive sizes (height, width), got ", s);
  return {s[0], s[1]};
}

bool roi_infer_shape(const Attrs& a, Shapes& in, Shapes& out) {
  auto [ph, pw] = roi_pooled(a);
  const double scale = a.f("spatial_scale");
  MXL_CHECK(scale > 0 && std::isfinite(scale), Err::kInvalidArgument, kRoi,
            ": parameter 'spatial_scale' must be a positive finite number, got ", scale);
  if (in[0].known()) check_nchw(kRoi, "data", in[0]);
  if (in[1].known())
    MXL_CHECK(in[1].ndim == 2 && in[1][1] == 5, Err::kShape, kRoi,
              ": rois must be 2-D of shape (num_rois, 5) (batch index, x1, y1, x2, y2), got shape ", in[1]);
  if (!in[0].known() || !in[1].known()) return false;
  int64_t c = in[0][1];
  if (a.b("position_sensitive")) {
    MXL_CHECK(c % (ph * pw) == 0, Err::kShape, kRoi, ": with position_sensitive, the channels of data (", c,
              ") must be a multiple of pooled height * width (", ph * pw, "), got data shape ", in[0]);
    c /= ph * pw;
  }
  assign_shape(kRoi, "output", out[0], Shape{in[1][0], c, ph, pw});
  return true;
}

// The geometry of roi r, checking its batch index (< 0: ignored).
template <class T, class C>
det::RoiGeom<C> roi_checked(const Attrs& a, const T* rois, int64_t r, int64_t N, int64_t ph, int64_t pw) {
  det::RoiGeom<C> g = det::roi_geometry<T, C>(rois + r * 5, C(a.f("spatial_scale")), ph, pw, a.i("sample_ratio"),
                                              a.b("aligned"));
  MXL_CHECK(g.batch < N, Err::kIndex, kRoi, ": rois[", r, "] has batch index ", g.batch,
            ", out of range for data of batch size ", N);
  return g;
}

template <class T>
void roi_forward_t(const Attrs& a, const Blobs& in, const TBlob& out) {
  using C = acc_t<T>;
  RoiDims d = roi_dims(in[0].shape, out.shape);
  const bool ps = a.b("position_sensitive");
  const T *x = in[0].ptr<T>(), *rois = in[1].ptr<T>();
  T* y = out.ptr<T>();
  std::vector<det::RoiGeom<C>> geo;
  for (int64_t r = 0; r < d.R; ++r) geo.push_back(roi_checked<T, C>(a, rois, r, d.N, d.ph, d.pw));
  parallel_for(d.R * d.Co, row_grain(d.ph * d.pw * 16), [&](int64_t q0, int64_t q1) {
    for (int64_t q = q0; q < q1; ++q) {
      const det::RoiGeom<C>& g = geo[size_t(q / d.Co)];
      const int64_t c = q % d.Co;
      for (int64_t i = 0; i < d.ph; ++i)
        for (int64_t j = 0; j < d.pw; ++j) {
          T* dst = y + (q * d.ph + i) * d.pw + j;
          if (g.batch < 0) {
            *dst = T(0);
            continue;
          }
          const T* plane = x + (g.batch * d.C + det::roi_channel(c, i, j, d.ph, d.pw, ps)) * d.H * d.W;
          *dst = T(det::roi_bin<T, C>(plane, g, i, j, d.H, d.W));
        }
    }
  });
}

// in: ograd, data, rois; out: d(data). Each (batch, output channel) owns the input
// planes its bins read, so they run in parallel, each summing in double.
template <class T>
void roi_backward_t(const Attrs& a, const Blobs& in, const TBlob& dx) {
  using C = acc_t<T>;
  RoiDims d = roi_dims(in[1].shape, in[0].shape);
  const bool ps = a.b("position_sensitive");
  const T *og = in[0].ptr<T>(), *rois = in[2].ptr<T>();
  T* dd = dx.ptr<T>();
  std::vector<det::RoiGeom<C>> geo;
  for (int64_t r = 0; r < d.R; ++r) geo.push_back(roi_checked<T, C>(a, rois, r, d.N, d.ph, d.pw));
  const int64_t plane = d.H * d.W, group = ps ? d.ph * d.pw : 1;
  parallel_for(d.N * d.Co, 1, [&](int64_t q0, int64_t q1) {
    std::vector<double> acc(size_t(group * plane));
    for (int64_t q = q0; q < q1; ++q) {
      const int64_t n = q / d.Co, c = q % d.Co;
      std::fill(acc.begin(), acc.end(), 0.0);
      for (int64_t r = 0; r < d.R; ++r) {
        const det::RoiGeom<C>& g = geo[size_t(r)];
        if (g.batch != n) continue;
        for (int64_t i = 0; i < d.ph; ++i)
          for (int64_t j = 0; j < d.pw; ++j) {
            const double gv = double(C(og[((r * d.Co + c) * d.ph + i) * d.pw + j]) / g.count);
            double* a_plane = acc.data() + (ps ? i * d.pw + j : 0) * plane;
            for (int64_t iy = 0; iy < g.grid_h; ++iy)
              for (int64_t ix = 0; ix < g.grid_w; ++ix) {
                det::RoiPoint<C> p = det::roi_sample<C>(g, i, j, iy, ix, d.H, d.W);
                for (int k = 0; k < p.n; ++k) a_plane[p.off[k]] += gv * double(p.w[k]);
              }
          }
      }
      // the planes of channel group c: channel c (or c * group + k) of sample n
      for (int64_t k = 0; k < group; ++k) {
        T* dst = dd + (n * d.C + c * group + k) * plane;
        for (int64_t e = 0; e < plane; ++e) dst[e] = T(C(acc[size_t(k * plane + e)]));
      }
    }
  });
}

OpDef& roi_params(OpDef& op) {
  op.param_required("pooled_size", PType::kShape, "The output bins per roi: (height, width).");
  op.param_required("spatial_scale", PType::kFloat,
                    "Feature map size over image size (the reciprocal of the network's total stride).");
  op.param("sample_ratio", PType::kInt, "-1",
           "Samples per bin along each axis; <= 0: ceil(bin size in feature pixels), adaptively.");
  op.param("position_sensitive", PType::kBool, "False",
           "Position-sensitive pooling (R-FCN): bin (i, j) of output channel c reads input channel "
           "(c * ph + i) * pw + j, so the output has channels / (ph * pw) channels.");
  op.param("aligned", PType::kBool, "False",
           "Shift rois by half a pixel (Detectron2's aligned ROIAlign); False keeps rois at least one pixel wide.");
  return op;
}

// ========================================================== MultiBoxPrior
const char* kPrior = "_contrib_MultiBoxPrior";

// A tuple-of-floats parameter ("(0.5, 0.25)", "[1]", "0.5"): at least `min_len` values,
// exactly `len` when len > 0.
std::vector<double> float_tuple(const Attrs& a, const char* name, size_t min_len, size_t len) {
  std::vector<double> v;
  MXL_CHECK(det::parse_float_tuple(a.s(name), &v), Err::kInvalidArgument, N(a), ": parameter '", name,
            "' must be a tuple of floats, got '", a.s(name), "'");
  MXL_CHECK(v.size() >= min_len && (len == 0 || v.size() == len), Err::kInvalidArgument, N(a), ": parameter '", name,
            "' must hold ", len > 0 ? std::to_string(len) : "at least " + std::to_string(min_len), " values, got '",
            a.s(name), "'");
  return v;
}

struct PriorSpec : det::PriorSpec {
  bool clip;
};

// The anchors of data of height H and width W, checking the parameters.
PriorSpec prior_spec(const Attrs& a, int64_t H, int64_t W) {
  const std::vector<double> sizes = float_tuple(a, "sizes", 1, 0), ratios = float_tuple(a, "ratios", 1, 0);
  const std::vector<double> steps = float_tuple(a, "steps", 2, 2), offsets = float_tuple(a, "offsets", 2, 2);
  for (double x : sizes)
    MXL_CHECK(x > 0, Err::kInvalidArgument, kPrior, ": parameter 'sizes' must be positive, got '", a.s("sizes"), "'");
  for (double x : ratios)
    MXL_CHECK(x > 0, Err::kInvalidArgument, kPrior, ": parameter 'ratios' must be positive, got '", a.s("ratios"), "'");
  PriorSpec p;
  static_cast<det::PriorSpec&>(p) = det::prior_spec(sizes, ratios, steps, offsets, H, W);
  p.clip = a.b("clip");
  return p;
}

bool prior_infer_shape(const Attrs& a, Shapes& in, Shapes& out) {
  if (!in[0].known()) return false;
  MXL_CHECK(in[0].ndim == 4, Err::kShape, kPrior, ": data must be 4-D (batch, channel, height, width), got shape ",
            in[0]);
  const int64_t anchors = int64_t(prior_spec(a, in[0][2], in[0][3]).half.size() / 2);
  assign_shape(kPrior, "output", out[0], Shape{1, in[0][2] * in[0][3] * anchors, 4});
  return true;
}

template <class T>
void prior_forward_t(const Attrs& a, const Shape& x, const TBlob& out) {
  const int64_t H = x[2], W = x[3];
  PriorSpec p = prior_spec(a, H, W);
  const int64_t A = int64_t(p.half.size() / 2);
  T* y = out.ptr<T>();
  for (int64_t e = 0; e < H * W * A; ++e) {
    const int64_t k = e % A, cell = e / A;
    det::prior_box<T>(cell / W, cell % W, p.half.data() + 2 * k, p.step_y, p.step_x, p.off_y, p.off_x, p.clip,
                      y + e * 4);
  }
}

OpDef& prior_params(OpDef& op) {
  op.param("sizes", PType::kString, "(1,)", "Anchor sizes, as fractions of the image height (a tuple of floats).");
  op.param("ratios", PType::kString, "(1,)", "Anchor aspect ratios, width / height (a tuple of floats).");
  op.param("clip", PType::kBool, "False", "Clip the anchors to [0, 1].");
  op.param("steps", PType::kString, "(-1, -1)",
           "Anchor centre steps (y, x) as image fractions; -1: 1 / height and 1 / width of data.");
  op.param("offsets", PType::kString, "(0.5, 0.5)", "Anchor centre offsets (y, x) within a cell, in steps.");
  return op;
}

// ====================================================== MultiBoxDetection
const char* kDetect = "_contrib_MultiBoxDetection";

struct DetectSpec {
  int64_t B, classes, A;
  int64_t background_id;
  double threshold;
  double var[4];
  bool clip;
  det::NmsParams nms;
};

DetectSpec detect_spec(const Attrs& a, const Shape& cls_prob) {
  DetectSpec d;
  d.B = cls_prob[0], d.classes = cls_prob[1], d.A = cls_prob[2];
  d.background_id = a.i("background_id");
  d.threshold = a.f("threshold");
  std::vector<double> v = float_tuple(a, "variances", 4, 4);
  for (int k = 0; k < 4; ++k) d.var[k] = v[size_t(k)];
  d.clip = a.b("clip");
  d.nms = det::detection_nms(a.f("nms_threshold"), a.i("nms_topk"), a.b("force_suppress"));
  return d;
}

bool detect_infer_shape(const Attrs& a, Shapes& in, Shapes& out) {
  float_tuple(a, "variances", 4, 4);
  if (!in[0].known()) return false;
  const Shape& cls = in[0];
  MXL_CHECK(cls.ndim == 3, Err::kShape, kDetect, ": cls_prob must be 3-D (batch, classes, anchors), got shape ", cls);
  MXL_CHECK(cls[1] >= 1, Err::kShape, kDetect, ": cls_prob must have at least one class, got shape ", cls);
  assign_shape(kDetect, "loc_pred", in[1], Shape{cls[0], cls[2] * 4});
  if (in[2].known())
    MXL_CHECK(in[2].ndim == 3 && in[2][0] == 1 && in[2][1] == cls[2] && in[2][2] == 4, Err::kShape, kDetect,
              ": anchor must be (1, anchors, 4) = (1, ", cls[2], ", 4), got shape ", in[2]);
  assign_shape(kDetect, "anchor", in[2], Shape{1, cls[2], 4});
  assign_shape(kDetect, "output", out[0], Shape{cls[0], cls[2], 6});
  return true;
}

template <class T>
void detect_forward_t(const Attrs& a, const Blobs& in, const TBlob& out) {
  using C = acc_t<T>;
  DetectSpec d = detect_spec(a, in[0].shape);
  const C var[4] = {C(d.var[0]), C(d.var[1]), C(d.var[2]), C(d.var[3])};
  std::vector<T> rows(size_t(d.A * 6));
  T* y = out.ptr<T>();
  for (int64_t b = 0; b < d.B; ++b) {
    const T* prob = in[0].ptr<T>() + b * d.classes * d.A;
    const T* loc = in[1].ptr<T>() + b * d.A * 4;
    for (int64_t i = 0; i < d.A; ++i)
      det::detection_row<T, C>(prob, loc, in[2].ptr<T>(), d.classes, d.A, i, d.background_id, d.threshold, var,
                               d.clip, rows.data() + i * 6);
    NmsVisit v = nms_visit<T>(d.nms, rows.data(), d.A, 6);
    T* yb = y + b * d.A * 6;
    std::fill(yb, yb + d.A * 6, T(-1));
    for (size_t r = 0; r < v.order.size(); ++r) {
      std::copy(rows.data() + v.order[r] * 6, rows.data() + v.order[r] * 6 + 6, yb + int64_t(r) * 6);
      if (v.removed[r]) yb[int64_t(r) * 6] = T(-1);
    }
  }
}

// ========================================================= MultiBoxTarget
const char* kTarget = "_contrib_MultiBoxTarget";

struct TargetSpec {
  int64_t B, A, L, width, classes, min_negative;
  double overlap_threshold, ignore_label, ratio, negative_thresh, var[4];
};

TargetSpec target_spec(const Attrs& a, const Shape& label, const Shape& cls_pred) {
  TargetSpec t;
  t.B = label[0], t.L = label[1], t.width = label[2], t.classes = cls_pred[1], t.A = cls_pred[2];
  t.min_negative = a.i("minimum_negative_samples");
  t.overlap_threshold = a.f("overlap_threshold"), t.ignore_label = a.f("ignore_label");
  t.ratio = a.f("negative_mining_ratio"), t.negative_thresh = a.f("negative_mining_thresh");
  std::vector<double> v = float_tuple(a, "variances", 4, 4);
  for (int k = 0; k < 4; ++k) t.var[k] = v[size_t(k)];
  return t;
}

bool target_infer_shape(const Attrs& a, Shapes& in, Shapes& out) {
  float_tuple(a, "variances", 4, 4);
  const Shape &anchor = in[0], &label = in[1], &cls = in[2];
  if (!anchor.known() || !label.known() || !cls.known()) return false;
  MXL_CHECK(anchor.ndim == 3 && anchor[0] == 1 && anchor[2] == 4, Err::kShape, kTarget,
            ": anchor must be (1, anchors, 4), got shape ", anchor);
  MXL_CHECK(label.ndim == 3 && label[2] >= 5, Err::kShape, kTarget,
            ": label must be (batch, labels, 5 or more) rows (class, xmin, ymin, xmax, ymax), got shape ", label);
  MXL_CHECK(cls.ndim == 3 && cls[0] == label[0] && cls[2] == anchor[1], Err::kShape, kTarget,
            ": cls_pred must be (batch, classes, anchors) = (", label[0], ", classes, ", anchor[1], "), got shape ", cls);
  assign_shape(kTarget, "loc_target", out[0], Shape{label[0], anchor[1] * 4});
  assign_shape(kTarget, "loc_mask", out[1], Shape{label[0], anchor[1] * 4});
  assign_shape(kTarget, "cls_target", out[2], Shape{label[0], anchor[1]});
  return true;
}

template <class T>
void target_forward_t(const Attrs& a, const Blobs& in, const Blobs& out) {
  using C = acc_t<T>;
  TargetSpec t = target_spec(a, in[1].shape, in[2].shape);
  const C var[4] = {C(t.var[0]), C(t.var[1]), C(t.var[2]), C(t.var[3])}, zero[4] = {C(0), C(0), C(0), C(0)};
  const T* anchors = in[0].ptr<T>();
  parallel_for(t.B, 1, [&](int64_t b0, int64_t b1) {
    for (int64_t b = b0; b < b1; ++b) {
      const T* label = in[1].ptr<T>() + b * t.L * t.width;
      const T* cls = in[2].ptr<T>() + b * t.classes * t.A;
      const int64_t G = det::valid_labels(label, t.L, t.width);
      std::vector<C> best_iou(size_t(t.A));
      std::vector<int64_t> best(size_t(t.A)), match(size_t(t.A), -1);
      for (int64_t j = 0; j < t.A; ++j)
        best[size_t(j)] = det::best_gt<T, C>(anchors + j * 4, label, G, t.width, &best_iou[size_t(j)]);
      // Each ground truth first takes its best free anchor, the best pair overall first.
      std::vector<char> used(size_t(G), 0);
      while (true) {
        int64_t bj = -1, bk = -1;
        C bv = C(0);
        for (int64_t j = 0; j < t.A; ++j) {
          if (match[size_t(j)] >= 0) continue;
          for (int64_t k = 0; k < G; ++k) {
            if (used[size_t(k)]) continue;
            C v = det::anchor_gt_iou<T, C>(anchors + j * 4, label + k * t.width);
            if (bj < 0 || v > bv) bj = j, bk = k, bv = v;
          }
        }
        if (bj < 0 || !(bv > C(1e-6))) break;
        match[size_t(bj)] = bk, used[size_t(bk)] = 1;
      }
      // Then every other anchor whose best IoU exceeds overlap_threshold.
      int64_t positives = 0;
      for (int64_t j = 0; j < t.A; ++j) {
        if (match[size_t(j)] < 0 && best[size_t(j)] >= 0 && best_iou[size_t(j)] > C(t.overlap_threshold))
          match[size_t(j)] = best[size_t(j)];
        positives += match[size_t(j)] >= 0 ? 1 : 0;
      }
      // flag: 1 positive, 0 negative, -1 ignored
      std::vector<int> flag(size_t(t.A));
      for (int64_t j = 0; j < t.A; ++j) flag[size_t(j)] = match[size_t(j)] >= 0 ? 1 : t.ratio > 0 ? -1 : 0;
      if (t.ratio > 0) {
        std::vector<std::pair<C, int64_t>> cand;
        for (int64_t j = 0; j < t.A; ++j)
          if (match[size_t(j)] < 0 && best_iou[size_t(j)] < C(t.negative_thresh))
            cand.push_back({det::background_prob<T, C>(cls, t.classes, t.A, j), j});
        std::stable_sort(cand.begin(), cand.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
        const int64_t n = std::min<int64_t>(det::mined_negatives(positives, t.A, t.ratio, t.min_negative),
                                            int64_t(cand.size()));
        for (int64_t i = 0; i < n; ++i) flag[size_t(cand[size_t(i)].second)] = 0;
      }
      T *loc = out[0].ptr<T>() + b * t.A * 4, *mask = out[1].ptr<T>() + b * t.A * 4, *cls_t = out[2].ptr<T>() + b * t.A;
      for (int64_t j = 0; j < t.A; ++j) {
        const int f = flag[size_t(j)];
        if (f == 1) {
          const T* gt = label + match[size_t(j)] * t.width;
          det::encode_box_c<T, C>(anchors + j * 4, gt + 1, zero, var, loc + j * 4);
          cls_t[j] = T(C(gt[0]) + C(1));
        } else {
          std::fill(loc + j * 4, loc + j * 4 + 4, T(0));
          cls_t[j] = f == 0 ? T(0) : T(C(t.ignore_label));
        }
        std::fill(mask + j * 4, mask + j * 4 + 4, T(f == 1 ? 1 : 0));
      }
    }
  });
}

// The gradient MXNet gives these: zero for every input.
GVals zero_grads(GradGraph& g, int n) {
  GVals r;
  for (int i = 0; i < n; ++i) r.push_back(g.op1("zeros_like", {g.input(i)}));
  return r;
}

}  // namespace

// ============================================================== registrations
static OpDef& reg_resize = resize_params(Registry::add(kResize))
    .describe("Resizes images by bilinear interpolation.\n\n"
              "data is (batch, channel, height, width); the output keeps batch and channel and takes the height and "
              "width that `mode` picks (see its description). Each output pixel blends the four input pixels around its "
              "source point: with align_corners=True output pixel o of n_out reads o * (n_in - 1) / (n_out - 1), with "
              "False (o + 0.5) * n_in / n_out - 0.5 (at least 0); an output axis of size 1 reads the first pixel. "
              "In mode 'like' the second input `like` gives the output height and width (its gradient is zero). "
              "The gradient spreads each output gradient over its four source pixels with the blend's weights.")
    .input("data").input("like")
    .inputs_by([](const Attrs& a) { return resize_inputs(a, {"data"}); })
    .infer_shape_fn(resize_infer_shape)
    .infer_type_fn(uniform_float_type)
    .cpu_fn([](const OpCtx&, const Attrs& a, const Blobs& in, const Blobs& out) {
      MXL_FLOAT_SWITCH(in[0].dtype, T, kResize, {
        resize_forward_t<T>(resize_dims(in[0].shape, out[0].shape), a.b("align_corners"), in[0].ptr<T>(),
                            out[0].ptr<T>());
      });
    })
    .grad_fn([](GradGraph& g, const Attrs& a) {
      GVals r{g.op1("_backward_contrib_BilinearResize2D", {g.ograd(0), g.input(0)}, a.raw())};
      if (resize_like(a)) r.push_back(g.op1("zeros_like", {g.input(1)}));
      return r;
    });

static OpDef& reg_resize_bwd = resize_params(Registry::add("_backward_contrib_BilinearResize2D"))
    .describe("Gradient of _contrib_BilinearResize2D with respect to data: inputs (ograd, data); data only gives "
              "the input shape.")
    .input("ograd").input("data")
    .infer_shape_fn([](const Attrs& a, Shapes& in, Shapes& out) {
      const char* op = "_backward_contrib_BilinearResize2D";
      if (!in[0].known() || !in[1].known()) return false;
      check_nchw(op, "ograd", in[0]);
      check_nchw(op, "data", in[1]);
      if (!resize_like(a)) {
        auto [ho, wo] = resize_out_hw(a, in[1], nullptr);
        return backward_infer_shape(op, Shape{in[1][0], in[1][1], ho, wo}, in, out);
      }
      return backward_infer_shape(op, Shape{in[1][0], in[1][1], in[0][2], in[0][3]}, in, out);
    })
    .infer_type_fn(uniform_float_type)
    .cpu_fn([](const OpCtx&, const Attrs& a, const Blobs& in, const Blobs& out) {
      MXL_FLOAT_SWITCH(in[0].dtype, T, "_backward_contrib_BilinearResize2D", {
        resize_backward_t<T>(resize_dims(in[1].shape, in[0].shape), a.b("align_corners"), in[0].ptr<T>(),
                             out[0].ptr<T>());
      });
    });

static OpDef& reg_adaptive = adaptive_params(Registry::add(kAdaptive))
    .describe("Adaptive average pooling: averages each (batch, channel) plane of data (batch, channel, height, "
              "width) over an output_size grid of bins. Output bin (i, j) of (Ho, Wo) averages input rows "
              "[floor(i H / Ho), ceil((i + 1) H / Ho)) and columns [floor(j W / Wo), ceil((j + 1) W / Wo)); bins "
              "overlap when the input size is not a multiple of the output size, and an output larger than the "
              "input repeats pixels. The gradient gives each pixel the sum of its bins' gradients over their areas.")
    .input("data")
    .infer_shape_fn([](const Attrs& a, Shapes& in, Shapes& out) {
      auto [ho, wo] = adaptive_out_hw(a);
      if (!in[0].known()) return false;
      check_nchw(kAdaptive, "data", in[0]);
      assign_shape(kAdaptive, "output", out[0], Shape{in[0][0], in[0][1], ho, wo});
      return true;
    })
    .infer_type_fn(uniform_float_type)
    .cpu_fn([](const OpCtx&, const Attrs&, const Blobs& in, const Blobs& out) {
      MXL_FLOAT_SWITCH(in[0].dtype, T, kAdaptive, {
        adaptive_forward_t<T>(resize_dims(in[0].shape, out[0].shape), in[0].ptr<T>(), out[0].ptr<T>());
      });
    })
    .grad_fn([](GradGraph& g, const Attrs& a) {
      return GVals{g.op1("_backward_contrib_AdaptiveAvgPooling2D", {g.ograd(0), g.input(0)}, a.raw())};
    });

static OpDef& reg_adaptive_bwd = adaptive_params(Registry::add("_backward_contrib_AdaptiveAvgPooling2D"))
    .describe("Gradient of _contrib_AdaptiveAvgPooling2D with respect to data: inputs (ograd, data); data only gives "
              "the input shape.")
    .input("ograd").input("data")
    .infer_shape_fn([](const Attrs& a, Shapes& in, Shapes& out) {
      const char* op = "_backward_contrib_AdaptiveAvgPooling2D";
      auto [ho, wo] = adaptive_out_hw(a);
      if (!in[1].known()) return false;
      check_nchw(op, "data", in[1]);
      return backward_infer_shape(op, Shape{in[1][0], in[1][1], ho, wo}, in, out);
    })
    .infer_type_fn(uniform_float_type)
    .cpu_fn([](const OpCtx&, const Attrs&, const Blobs& in, const Blobs& out) {
      MXL_FLOAT_SWITCH(in[0].dtype, T, "_backward_contrib_AdaptiveAvgPooling2D", {
        adaptive_backward_t<T>(resize_dims(in[1].shape, in[0].shape), in[0].ptr<T>(), out[0].ptr<T>());
      });
    });

static OpDef& reg_nms = nms_params_def(Registry::add(kNms))
    .alias("_contrib_box_non_maximum_suppression")
    .describe("Non-maximum suppression of boxes.\n\n"
              "data is (..., N, K): N rows of K values per batch, each holding 4 box coordinates from coord_start, "
              "a score at score_index and optionally a class id at id_index. Rows whose score does not exceed "
              "valid_thresh, and with id_index those of class background_id, are dropped; of the rest, only the "
              "topk best-scoring take part (topk > 0). Visiting them from the best score down (equal scores in row "
              "order), each row not yet suppressed is kept and suppresses every later row whose IoU with it exceeds "
              "overlap_thresh (with id_index and force_suppress=False, only rows of its own class). The output has "
              "data's shape: the kept rows, best first, their coordinates converted from in_format to out_format, "
              "then rows of -1. The gradient of each kept output row goes back to the input row it came from; "
              "dropped and suppressed rows get 0.")
    .input("data")
    .infer_shape_fn([](const Attrs& a, Shapes& in, Shapes& out) {
      if (!in[0].known()) return false;
      check_nms_data(a, in[0]);
      assign_shape(kNms, "output", out[0], in[0]);
      return true;
    })
    .infer_type_fn(uniform_float_type)
    .cpu_fn([](const OpCtx&, const Attrs& a, const Blobs& in, const Blobs& out) {
      MXL_FLOAT_SWITCH(in[0].dtype, T, kNms, { nms_forward_t<T>(nms_params(a), in[0], out[0]); });
    })
    .grad_fn([](GradGraph& g, const Attrs& a) {
      return GVals{g.op1("_backward_contrib_box_nms", {g.ograd(0), g.input(0)}, a.raw())};
    });

static OpDef& reg_nms_bwd = nms_params_def(Registry::add("_backward_contrib_box_nms"))
    .describe("Gradient of _contrib_box_nms: inputs (ograd, data); the suppression is recomputed from data and each "
              "kept output row's gradient goes back to its input row.")
    .input("ograd").input("data")
    .infer_shape_fn([](const Attrs& a, Shapes& in, Shapes& out) {
      const char* op = "_backward_contrib_box_nms";
      if (!in[1].known()) return false;
      check_nms_data(a, in[1]);
      return backward_infer_shape(op, in[1], in, out);
    })
    .infer_type_fn(uniform_float_type)
    .cpu_fn([](const OpCtx&, const Attrs& a, const Blobs& in, const Blobs& out) {
      MXL_FLOAT_SWITCH(in[0].dtype, T, "_backward_contrib_box_nms",
                       { nms_backward_t<T>(nms_params(a), in[0], in[1], out[0]); });
    });

static OpDef& reg_iou = Registry::add(kIou)
    .describe("Intersection over union of every pair of boxes: lhs (..., 4) and rhs (..., 4) give an output of shape "
              "lhs.shape[:-1] + rhs.shape[:-1]. Pairs that do not overlap, and empty or inverted boxes, give 0. As in "
              "MXNet the gradient is zero.")
    .input("lhs").input("rhs")
    .param_enum("format", {"center", "corner"}, "corner",
                "The boxes' encoding: 'corner' (xmin, ymin, xmax, ymax) or 'center' (x, y, width, height).")
    .infer_shape_fn(iou_infer_shape)
    .infer_type_fn(uniform_float_type)
    .cpu_fn([](const OpCtx&, const Attrs& a, const Blobs& in, const Blobs& out) {
      MXL_FLOAT_SWITCH(in[0].dtype, T, kIou, { iou_forward_t<T>(a.s("format") == "center", in[0], in[1], out[0]); });
    })
    .grad_fn([](GradGraph& g, const Attrs&) { return zero_grads(g, 2); });

static OpDef& reg_match = Registry::add(kMatch)
    .describe("Greedy bipartite matching of rows to columns by score.\n\n"
              "data (..., N, M) holds a score per (row, column) pair. Visiting the pairs from the best score (highest, "
              "or lowest with is_ascend; equal scores in row-major order) while the score is beyond threshold (above "
              "it, or below with is_ascend), a pair whose row and column are both still free is matched, at most topk "
              "matches when topk > 0. Outputs: the column matched to each row (..., N) and the row matched to each "
              "column (..., M), -1 where none. (MXNet 1.9 allows topk + 1 matches; mxlite keeps to the documented "
              "topk.) The gradient is zero.")
    .input("data")
    .outputs(2, {"output", "col_matches"})
    .param("is_ascend", PType::kBool, "False", "Match the lowest scores first (threshold is then an upper bound).")
    .param_required("threshold", PType::kFloat, "Scores not beyond it (not above, or not below with is_ascend) are never matched.")
    .param("topk", PType::kInt, "-1", "At most this many matches; -1 (or any value below 1): no limit.")
    .infer_shape_fn(match_infer_shape)
    .infer_type_fn(uniform_float_type)
    .cpu_fn([](const OpCtx&, const Attrs& a, const Blobs& in, const Blobs& out) {
      MXL_FLOAT_SWITCH(in[0].dtype, T, kMatch, { match_forward_t<T>(a, in[0], out); });
    })
    .grad_fn([](GradGraph& g, const Attrs&) { return zero_grads(g, 1); });

static OpDef& reg_encode = Registry::add(kEncode)
    .describe("Encodes the regression targets of matched anchors (SSD / Faster R-CNN box encoding).\n\n"
              "samples (B, N): > 0.5 marks a positive anchor; matches (B, N): the index of its reference box in refs; "
              "anchors (B, N, 4) and refs (B, M, 4) as corners; means and stds (4,). For a positive anchor the target "
              "is (((gx - ax) / aw, (gy - ay) / ah, log(gw / aw), log(gh / ah)) - means) / stds, from the centres and "
              "sizes of reference g and anchor a, and its mask is 1; other anchors get target and mask 0. Outputs: "
              "targets and masks, both (B, N, 4). A positive sample whose match does not index refs is an error. The "
              "gradient is zero.")
    .input("samples").input("matches").input("anchors").input("refs").input("means").input("stds")
    .outputs(2, {"output", "masks"})
    .infer_shape_fn(encode_infer_shape)
    .infer_type_fn(uniform_float_type)
    .cpu_fn([](const OpCtx&, const Attrs&, const Blobs& in, const Blobs& out) {
      MXL_FLOAT_SWITCH(in[0].dtype, T, kEncode, { encode_forward_t<T>(in, out); });
    })
    .grad_fn([](GradGraph& g, const Attrs&) { return zero_grads(g, 6); });

static OpDef& reg_decode = Registry::add(kDecode)
    .describe("Decodes predicted box offsets against anchors (the inverse of box_encode with zero means).\n\n"
              "data (B, N, 4) holds offsets, anchors (1, N, 4) the anchors in `format`. Output (B, N, 4), corners: "
              "centre (ax + data[0] * std0 * aw, ay + data[1] * std1 * ah) and size (aw * exp(data[2] * std2), "
              "ah * exp(data[3] * std3)), each exponent first clipped to clip when clip > 0. The gradient is zero, "
              "as in MXNet.")
    .input("data").input("anchors")
    .param("std0", PType::kFloat, "1", "Scale of the first offset (x).")
    .param("std1", PType::kFloat, "1", "Scale of the second offset (y).")
    .param("std2", PType::kFloat, "1", "Scale of the third offset (log width).")
    .param("std3", PType::kFloat, "1", "Scale of the fourth offset (log height).")
    .param("clip", PType::kFloat, "-1", "When positive, the largest log size change.")
    .param_enum("format", {"center", "corner"}, "center",
                "The anchors' encoding: 'center' (x, y, width, height) or 'corner' (xmin, ymin, xmax, ymax).")
    .infer_shape_fn(decode_infer_shape)
    .infer_type_fn(uniform_float_type)
    .cpu_fn([](const OpCtx&, const Attrs& a, const Blobs& in, const Blobs& out) {
      MXL_FLOAT_SWITCH(in[0].dtype, T, kDecode, { decode_forward_t<T>(a, in[0], in[1], out[0]); });
    })
    .grad_fn([](GradGraph& g, const Attrs&) { return zero_grads(g, 2); });

static OpDef& reg_roi = roi_params(Registry::add(kRoi))
    .describe("Region of interest align pooling (Mask R-CNN): pools each roi of a feature map into pooled_size bins "
              "without quantising coordinates.\n\n"
              "data is (batch, channels, height, width); rois (num_rois, 5) rows (batch index, x1, y1, x2, y2) in "
              "image pixels, mapped onto data by spatial_scale (minus half a pixel when aligned). Each bin averages "
              "bilinear samples at the centres of a sample_ratio x sample_ratio grid over it (when sample_ratio <= 0, "
              "ceil(bin size) per axis); samples more than a pixel outside the map read 0, those within clamp to the "
              "border. Without aligned an roi is at least one pixel wide and high. A roi with a negative batch index "
              "gives 0 (MXNet 1.9 writes garbage there); an empty aligned roi gives 0 (MXNet aborts). Output "
              "(num_rois, channels, ph, pw), or channels / (ph * pw) with position_sensitive. The gradient reaches "
              "data; rois get 0.")
    .input("data").input("rois")
    .infer_shape_fn(roi_infer_shape)
    .infer_type_fn(uniform_float_type)
    .cpu_fn([](const OpCtx&, const Attrs& a, const Blobs& in, const Blobs& out) {
      MXL_FLOAT_SWITCH(in[0].dtype, T, kRoi, { roi_forward_t<T>(a, in, out[0]); });
    })
    .grad_fn([](GradGraph& g, const Attrs& a) {
      return GVals{g.op1("_backward_contrib_ROIAlign", {g.ograd(0), g.input(0), g.input(1)}, a.raw()),
                   g.op1("zeros_like", {g.input(1)})};
    });

static OpDef& reg_roi_bwd = roi_params(Registry::add("_backward_contrib_ROIAlign"))
    .describe("Gradient of _contrib_ROIAlign with respect to data: inputs (ograd, data, rois).")
    .input("ograd").input("data").input("rois")
    .infer_shape_fn([](const Attrs& a, Shapes& in, Shapes& out) {
      std::vector<Shape> fin{in[1], in[2]}, fout{Shape()};
      if (!roi_infer_shape(a, fin, fout)) return false;
      return backward_infer_shape("_backward_contrib_ROIAlign", fout[0], in, out);
    })
    .infer_type_fn(uniform_float_type)
    .cpu_fn([](const OpCtx&, const Attrs& a, const Blobs& in, const Blobs& out) {
      MXL_FLOAT_SWITCH(in[0].dtype, T, "_backward_contrib_ROIAlign", { roi_backward_t<T>(a, in, out[0]); });
    });

static OpDef& reg_prior = prior_params(Registry::add(kPrior))
    .describe("Generates SSD anchor boxes (priors) for a feature map.\n\n"
              "For data (batch, channel, H, W) the output (1, H * W * A, 4) holds, cell by cell (row-major) and A = "
              "len(sizes) + len(ratios) - 1 anchors per cell, corner boxes (xmin, ymin, xmax, ymax) as fractions of "
              "the image: centred at ((x + offsets[1]) * step_x, (y + offsets[0]) * step_y), one anchor per size with "
              "ratios[0], then one per further ratio with sizes[0]; an anchor of size s and ratio r is s * H / W * "
              "sqrt(r) wide and s / sqrt(r) high. Only data's shape is used; the gradient is zero.")
    .input("data")
    .infer_shape_fn(prior_infer_shape)
    .infer_type_fn(uniform_float_type)
    .cpu_fn([](const OpCtx&, const Attrs& a, const Blobs& in, const Blobs& out) {
      MXL_FLOAT_SWITCH(out[0].dtype, T, kPrior, { prior_forward_t<T>(a, in[0].shape, out[0]); });
    })
    .grad_fn([](GradGraph& g, const Attrs&) { return zero_grads(g, 1); });

static OpDef& reg_detect = Registry::add(kDetect)
    .describe("SSD detection output: decodes, scores and suppresses the anchors' predictions.\n\n"
              "cls_prob (batch, classes, A) holds class probabilities, loc_pred (batch, A * 4) box offsets, anchor "
              "(1, A, 4) the anchors (corners). Per anchor the best class other than background_id gives the id "
              "(counted among the non-background classes) and score; below threshold the anchor has no detection. "
              "Boxes decode as box_decode does with std = variances (and clip to [0, 1] when clip). The detections, "
              "best score first (ties in anchor order), then go through NMS over the first nms_topk (nms_topk > 0): "
              "a kept detection suppresses later ones of its class (of any class with force_suppress) whose IoU is "
              "at least nms_threshold. Output (batch, A, 6) rows (id, score, xmin, ymin, xmax, ymax) in that order; "
              "suppressed detections and those beyond nms_topk keep their row with id -1, anchors without a "
              "detection give rows of -1 at the end. (MXNet 1.9 always treats class 0 as the background and writes "
              "wrong rows beyond nms_topk; mxlite honours background_id and keeps those rows.) The gradient is zero.")
    .input("cls_prob").input("loc_pred").input("anchor")
    .param("clip", PType::kBool, "True", "Clip the boxes to [0, 1].")
    .param("threshold", PType::kFloat, "0.01", "The smallest score of a detection.")
    .param("background_id", PType::kInt, "0", "The background class, never a detection.")
    .param("nms_threshold", PType::kFloat, "0.5", "The IoU at which a detection suppresses a lower-scored one.")
    .param("force_suppress", PType::kBool, "False", "Suppress across classes too.")
    .param("variances", PType::kString, "(0.1, 0.1, 0.2, 0.2)", "Scales of the box offsets (a tuple of 4 floats).")
    .param("nms_topk", PType::kInt, "-1", "Only the nms_topk best detections go through NMS (and stay detections).")
    .infer_shape_fn(detect_infer_shape)
    .infer_type_fn(uniform_float_type)
    .cpu_fn([](const OpCtx&, const Attrs& a, const Blobs& in, const Blobs& out) {
      MXL_FLOAT_SWITCH(in[0].dtype, T, kDetect, { detect_forward_t<T>(a, in, out[0]); });
    })
    .grad_fn([](GradGraph& g, const Attrs&) { return zero_grads(g, 3); });

static OpDef& reg_target = Registry::add(kTarget)
    .describe("SSD training targets: matches anchors to ground-truth boxes.\n\n"
              "anchor (1, A, 4) holds corner anchors, label (batch, L, 5 or more) rows (class, xmin, ymin, xmax, ymax) "
              "-- a sample's ground truths are its rows up to the first of class -1 -- and cls_pred (batch, classes, A) "
              "the class scores (used by negative mining). Each ground truth in turn takes the free anchor of highest "
              "IoU (the best pair overall first, while that IoU exceeds 1e-6); every other anchor whose best IoU "
              "exceeds overlap_threshold matches its best ground truth. Matched anchors are positives: cls_target is "
              "their class + 1, loc_target their box encoding (box_encode's, with zero means and std = variances) and "
              "loc_mask 1. Without mining (negative_mining_ratio <= 0) every other anchor is a negative (cls_target "
              "0); with it, of the unmatched anchors whose best IoU is below negative_mining_thresh, those of lowest "
              "background probability (softmax of cls_pred) become negatives, max(positives * ratio, "
              "minimum_negative_samples) of them at most, and the rest get ignore_label. (MXNet 1.9 ignores "
              "minimum_negative_samples and aborts when fewer candidates exist than wanted; mxlite takes them all.) "
              "Outputs: loc_target and loc_mask (batch, A * 4), cls_target (batch, A). The gradient is zero.")
    .input("anchor").input("label").input("cls_pred")
    .outputs(3, {"output", "loc_mask", "cls_target"})
    .param("overlap_threshold", PType::kFloat, "0.5", "The IoU above which an anchor matches its best ground truth.")
    .param("ignore_label", PType::kFloat, "-1", "cls_target of the anchors negative mining leaves out.")
    .param("negative_mining_ratio", PType::kFloat, "-1", "The most negatives per positive; <= 0: no mining.")
    .param("negative_mining_thresh", PType::kFloat, "0.5", "Only anchors whose best IoU is below it can be mined.")
    .param("minimum_negative_samples", PType::kInt, "0", "The fewest negatives mining keeps (when enough exist).")
    .param("variances", PType::kString, "(0.1, 0.1, 0.2, 0.2)", "Scales of the box encoding (a tuple of 4 floats).")
    .infer_shape_fn(target_infer_shape)
    .infer_type_fn(uniform_float_type)
    .cpu_fn([](const OpCtx&, const Attrs& a, const Blobs& in, const Blobs& out) {
      MXL_FLOAT_SWITCH(in[0].dtype, T, kTarget, { target_forward_t<T>(a, in, out); });
    })
    .grad_fn([](GradGraph& g, const Attrs&) { return zero_grads(g, 3); });

}  // namespace mxl
