// Creation operators (no inputs): _zeros, _ones, _full, _arange, _linspace, _eye.
// Each declares "ctx" (read by the core to place the output) and "dtype".
#include <cmath>

#include "blas.h"

namespace mxl {
namespace {


bool type_from_param(const Attrs& a, Types&, Types& out) {
  assign_type(N(a), "output", out[0], int(a.dtype("dtype")));
  return true;
}
bool shape_from_param(const Attrs& a, Shapes&, Shapes& out) {
  const Shape& s = a.shape("shape");
  for (int k = 0; k < s.ndim; ++k)
    MXL_CHECK(s[k] >= 0, Err::kInvalidArgument, N(a), ": shape must not have negative dimensions, got ", s);
  assign_shape(N(a), "output", out[0], s);
  return true;
}

// Builder steps every creation op shares, written once: ctx + dtype (with the dtype
// rule), and shape (with the shape rule), in MXNet's parameter order.
#define MXL_CTX_DTYPE                                                                       \
  .param("ctx", PType::kString, "", "Device of the output, e.g. \"cpu(0)\" (default: current).") \
      .param("dtype", PType::kDType, "float32", "Output dtype.")                            \
      .infer_type_fn(type_from_param)
#define MXL_SHAPE_CTX_DTYPE \
  .param("shape", PType::kShape, "()", "Shape of the output.").infer_shape_fn(shape_from_param) MXL_CTX_DTYPE

// out[i] = start + (i / repeat) * step, computed in the output dtype like MXNet
// (so integer outputs use start and step cast to integers first).
void fill_range(const TBlob& out, double start, double step, int64_t repeat) {
  MXL_TYPE_SWITCH(out.dtype, DT, {
    DT* p = out.ptr<DT>();
    DT s0 = saturate_cast<DT>(start), st = saturate_cast<DT>(step);
    parallel_for(out.size(), kParallelGrain, [&](int64_t b, int64_t e) {
      for (int64_t i = b; i < e; ++i) p[i] = saturate_cast<DT>(double(s0) + double(i / repeat) * double(st));
    });
  });
}

// Number of distinct values of arange; MXNet rejects empty ranges.
int64_t arange_count(const Attrs& a) {
  double start = a.f("start"), step = a.f("step");
  double stop = a.none("stop") ? start : a.f("stop");
  if (a.none("stop")) start = 0;
  MXL_CHECK(step != 0, Err::kInvalidArgument, N(a), ": step cannot be 0");
  double n = std::ceil((stop - start) / step);
  MXL_CHECK(n > 0 && std::isfinite(n), Err::kInvalidArgument, N(a), ": invalid range (start, stop, step) = (",
            start, ", ", stop, ", ", step, "): it holds no values");
  // A count past int64 would convert to garbage (a negative dim): say what is wrong.
  MXL_CHECK(n < 9.2e18, Err::kInvalidArgument, N(a), ": range (start, stop, step) = (", start, ", ", stop, ", ",
            step, ") holds ", n, " values, too many for an array");
  return int64_t(n);
}

}  // namespace

MXL_OP(_zeros)
    .describe("An array of zeros.")
    MXL_SHAPE_CTX_DTYPE
    .cpu_fn([](const OpCtx&, const Attrs&, const Blobs&, const Blobs& out) { fill_scalar(out[0], 0); });

MXL_OP(_ones)
    .describe("An array of ones.")
    MXL_SHAPE_CTX_DTYPE
    .cpu_fn([](const OpCtx&, const Attrs&, const Blobs&, const Blobs& out) { fill_scalar(out[0], 1); });

MXL_OP(_full)
    .describe("An array filled with value.")
    MXL_SHAPE_CTX_DTYPE
    .param_required("value", PType::kFloat, "The fill value.")
    .cpu_fn([](const OpCtx&, const Attrs& a, const Blobs&, const Blobs& out) { fill_scalar(out[0], a.f("value")); });

MXL_OP(_arange)
    .describe("Evenly spaced values in [start, stop) (numpy.arange); with stop None the range is "
              "[0, start). Each value is repeated `repeat` times.")
    .param_required("start", PType::kFloat, "Start of the range (its end when stop is None).")
    .param_optional("stop", PType::kFloat, "End of the range (exclusive).")
    .param("step", PType::kFloat, "1", "Spacing between values.")
    .param("repeat", PType::kInt, "1", "Times each value is repeated.")
    .range(1, 1e18)
    .param("infer_range", PType::kBool, "False",
           "Take the length from the output's (already known) shape instead of stop.")
    MXL_CTX_DTYPE
    .infer_shape_fn([](const Attrs& a, Shapes&, Shapes& out) {
      if (a.b("infer_range") && (out[0].known() || a.none("stop"))) return out[0].known();
      int64_t n = 0;
      MXL_CHECK(!__builtin_mul_overflow(arange_count(a), a.i("repeat"), &n), Err::kInvalidArgument, N(a),
                ": the range repeated repeat=", a.i("repeat"), " times has too many values for an array");
      assign_shape(N(a), "output", out[0], Shape({n}));
      return true;
    })
    .cpu_fn([](const OpCtx&, const Attrs& a, const Blobs&, const Blobs& out) {
      double start = a.none("stop") && !a.b("infer_range") ? 0 : a.f("start");
      fill_range(out[0], start, a.f("step"), a.i("repeat"));
    });

MXL_OP(_linspace)
    .describe("num evenly spaced values from start to stop (inclusive when endpoint).")
    .param_required("start", PType::kFloat, "First value.")
    .param_required("stop", PType::kFloat, "Last value (or the bound excluded when endpoint is False).")
    .param_required("num", PType::kInt, "Number of values.")
    .range(0, 1e18)
    .param("endpoint", PType::kBool, "True", "Include stop.")
    MXL_CTX_DTYPE
    .infer_shape_fn([](const Attrs& a, Shapes&, Shapes& out) {
      assign_shape(N(a), "output", out[0], Shape({a.i("num")}));
      return true;
    })
    .cpu_fn([](const OpCtx&, const Attrs& a, const Blobs&, const Blobs& out) {
      int64_t num = a.i("num"), div = a.b("endpoint") ? num - 1 : num;
      double start = a.f("start"), step = div > 0 ? (a.f("stop") - start) / double(div) : 0;
      MXL_TYPE_SWITCH(out[0].dtype, DT, {
        DT* p = out[0].ptr<DT>();
        for (int64_t i = 0; i < num; ++i) p[i] = saturate_cast<DT>(start + double(i) * step);
        if (a.b("endpoint") && num > 1) p[num - 1] = saturate_cast<DT>(a.f("stop"));  // exact last value
      });
    });

MXL_OP(_eye)
    .describe("A 2-D array with ones on the k-th diagonal and zeros elsewhere.")
    .param_required("N", PType::kInt, "Number of rows.")
    .range(0, 1e18)
    .param("M", PType::kInt, "0", "Number of columns; 0 means N.")
    .range(0, 1e18)
    .param("k", PType::kInt, "0", "Diagonal: 0 main, > 0 above, < 0 below.")
    MXL_CTX_DTYPE
    .infer_shape_fn([](const Attrs& a, Shapes&, Shapes& out) {
      int64_t n = a.i("N"), m = a.i("M") ? a.i("M") : n;
      assign_shape(N(a), "output", out[0], Shape({n, m}));
      return true;
    })
    .cpu_fn([](const OpCtx&, const Attrs& a, const Blobs&, const Blobs& out) {
      fill_scalar(out[0], 0);
      int64_t n = out[0].shape[0], m = out[0].shape[1], k = a.i("k");
      MXL_TYPE_SWITCH(out[0].dtype, DT, {
        DT* p = out[0].ptr<DT>();
        for (int64_t i = std::max<int64_t>(0, -k); i < n && i + k < m; ++i) p[i * m + i + k] = DT(1);
      });
    });

}  // namespace mxl
