// The spatial transformer operators of MXNet 1.9: GridGenerator (affine and warp
// sampling grids), BilinearSampler, and SpatialTransformer (an affine grid sampled
// bilinearly in one op), with the backward ops _backward_GridGenerator and
// _backward_BilinearSampler (SpatialTransformer's gradient is built from those two).
// The per-point formulas live in spatial_kernels.h, shared with the CUDA plugin.
// Float16 computes in float; sums over many points accumulate in double.
#include <algorithm>
#include <string>
#include <type_traits>
#include <vector>

#include "blas.h"
#include "elemwise_kernels.h"
#include "registry.h"
#include "spatial_kernels.h"

namespace mxl {
namespace {

template <class T> using acc_t = std::conditional_t<std::is_same_v<T, double>, double, float>;

int64_t row_grain(int64_t len) { return std::max<int64_t>(1, kParallelGrain / std::max<int64_t>(1, len)); }

// target_shape (height, width), both positive: required by the affine grid.
Shape target_hw(const Attrs& a, const char* why) {
  const Shape& t = a.shape("target_shape");
  MXL_CHECK(t.ndim == 2 && t[0] > 0 && t[1] > 0, Err::kInvalidArgument, N(a),
            ": parameter 'target_shape' must be two positive sizes (height, width)", why, ", got ", t);
  return t;
}

void check_4d(const char* op, const char* what, const Shape& s, const char* layout) {
  MXL_CHECK(s.ndim == 4, Err::kShape, op, ": ", what, " must be 4-D ", layout, ", got shape ", s);
}

bool is_affine(const Attrs& a) { return a.s("transform_type") == "affine"; }

// ============================================================ GridGenerator
// affine: data (N, 6) -> grid (N, 2, H, W) for target_shape (H, W); warp: a flow
// (N, 2, H, W) in pixels -> grid (N, 2, H, W). Channel 0 of a grid holds x, 1 holds y.
OpDef& grid_params(OpDef& op) {
  op.param_required("transform_type", PType::kEnum,
                    "The type of transformation: 'affine' (data is an affine matrix of shape (batch, 6)) or 'warp' "
                    "(data is an optical flow of shape (batch, 2, height, width)).");
  op.params.back().choices = {"affine", "warp"};
  op.param("target_shape", PType::kShape, "(0, 0)",
           "The output size (height, width); required for 'affine', ignored for 'warp'.");
  return op;
}

// The grid's shape for data of shape `x`, checking data.
Shape grid_shape(const Attrs& a, const Shape& x) {
  const char* op = "GridGenerator";
  if (is_affine(a)) {
    Shape t = target_hw(a, " when transform_type is 'affine'");
    MXL_CHECK(x.ndim == 2 && x[1] == 6, Err::kShape, op,
              ": with transform_type 'affine', data must be 2-D of shape (batch, 6) (an affine matrix per sample), got shape ", x);
    return Shape{x[0], 2, t[0], t[1]};
  }
  MXL_CHECK(x.ndim == 4 && x[1] == 2, Err::kShape, op,
            ": with transform_type 'warp', data must be 4-D of shape (batch, 2, height, width) (a flow per pixel), got shape ", x);
  return x;
}

template <class T>
void grid_forward_t(const Attrs& a, const TBlob& x, const TBlob& y) {
  using C = acc_t<T>;
  const int64_t N = y.shape[0], H = y.shape[2], W = y.shape[3];
  const T* in = x.ptr<T>();
  T* out = y.ptr<T>();
  const bool affine = is_affine(a);
  parallel_for(N * H, row_grain(W), [&](int64_t r0, int64_t r1) {
    for (int64_t r = r0; r < r1; ++r) {
      const int64_t n = r / H, h = r % H;
      T *ox = out + (n * 2 * H + h) * W, *oy = ox + H * W;
      for (int64_t w = 0; w < W; ++w) {
        if (affine) {
          C gx, gy;
          spx::affine_point<T, C>(in + n * 6, h, w, H, W, &gx, &gy);
          ox[w] = T(gx), oy[w] = T(gy);
        } else {
          const T *fx = in + (n * 2 * H + h) * W, *fy = fx + H * W;
          ox[w] = T(spx::warp_coord<C>(C(fx[w]), w, W));
          oy[w] = T(spx::warp_coord<C>(C(fy[w]), h, H));
        }
      }
    }
  });
}

// in: ograd (N, 2, H, W); out: d(data). Affine: d(theta) sums ograd times (x, y, 1)
// over the grid; warp: ograd scaled by each axis's d(grid) / d(flow).
template <class T>
void grid_backward_t(const Attrs& a, const TBlob& og, const TBlob& dx) {
  using C = acc_t<T>;
  const int64_t N = og.shape[0], H = og.shape[2], W = og.shape[3];
  const T* g = og.ptr<T>();
  T* d = dx.ptr<T>();
  if (is_affine(a)) {
    parallel_for(N, row_grain(2 * H * W), [&](int64_t n0, int64_t n1) {
      for (int64_t n = n0; n < n1; ++n) {
        double s[6] = {0, 0, 0, 0, 0, 0};
        for (int64_t h = 0; h < H; ++h)
          for (int64_t w = 0; w < W; ++w) {
            double x = double(spx::target_coord<C>(w, W)), y = double(spx::target_coord<C>(h, H));
            for (int k = 0; k < 2; ++k) {
              double gk = double(g[((n * 2 + k) * H + h) * W + w]);
              s[3 * k] += gk * x, s[3 * k + 1] += gk * y, s[3 * k + 2] += gk;
            }
          }
        for (int k = 0; k < 6; ++k) d[n * 6 + k] = T(C(s[k]));
      }
    });
    return;
  }
  const C sx = spx::warp_scale<C>(W), sy = spx::warp_scale<C>(H);
  parallel_for(N * 2, row_grain(H * W), [&](int64_t p0, int64_t p1) {
    for (int64_t p = p0; p < p1; ++p) {
      const C s = p % 2 == 0 ? sx : sy;
      for (int64_t i = p * H * W; i < (p + 1) * H * W; ++i) d[i] = T(C(g[i]) * s);
    }
  });
}

bool grid_infer_shape(const Attrs& a, std::vector<Shape>& in, std::vector<Shape>& out) {
  if (is_affine(a)) target_hw(a, " when transform_type is 'affine'");
  if (!in[0].known()) return false;
  assign_shape("GridGenerator", "output", out[0], grid_shape(a, in[0]));
  return true;
}

bool grid_backward_infer_shape(const Attrs& a, std::vector<Shape>& in, std::vector<Shape>& out) {
  const char* op = "_backward_GridGenerator";
  if (!in[0].known()) return false;
  MXL_CHECK(in[0].ndim == 4 && in[0][1] == 2, Err::kShape, op,
            ": ograd must be 4-D of shape (batch, 2, height, width), got shape ", in[0]);
  assign_shape(op, "data gradient", out[0], is_affine(a) ? Shape{in[0][0], 6} : in[0]);
  return true;
}

// ======================================================== bilinear sampling
// data (N, C, H, W) sampled at the points of a (N, 2, Ho, Wo) grid -> (N, C, Ho, Wo).
struct SamplerDims {
  int64_t N = 0, C = 0, H = 0, W = 0, Ho = 0, Wo = 0;
};
SamplerDims sampler_dims(const Shape& data, const Shape& out) {
  return {data[0], data[1], data[2], data[3], out[2], out[3]};
}

// point(n, h, w, &gx, &gy) gives the normalised source of output point (h, w) of sample n.
template <class T, class PointFn>
void sample_forward(const SamplerDims& d, const T* data, T* out, PointFn point) {
  using C = acc_t<T>;
  parallel_for(d.N * d.Ho, row_grain(d.Wo * d.C * 4), [&](int64_t r0, int64_t r1) {
    for (int64_t r = r0; r < r1; ++r) {
      const int64_t n = r / d.Ho, h = r % d.Ho;
      for (int64_t w = 0; w < d.Wo; ++w) {
        C gx, gy;
        point(n, h, w, &gx, &gy);
        spx::SamplePoint<C> p = spx::sample_point<C>(gx, gy, d.H, d.W);
        for (int64_t c = 0; c < d.C; ++c)
          out[((n * d.C + c) * d.Ho + h) * d.Wo + w] = T(spx::sample<T, C>(p, data + (n * d.C + c) * d.H * d.W));
      }
    }
  });
}

// in: ograd, data, grid; out: d(data), d(grid). The data gradient runs per (sample,
// channel) plane, each owning its plane, summing in double; the grid gradient per point,
// summing over channels.
template <class T>
void sampler_backward_t(const Blobs& in, const Blobs& out) {
  using C = acc_t<T>;
  SamplerDims d = sampler_dims(in[1].shape, in[0].shape);
  const T *og = in[0].ptr<T>(), *data = in[1].ptr<T>(), *grid = in[2].ptr<T>();
  T *ddata = out[0].ptr<T>(), *dgrid = out[1].ptr<T>();
  const int64_t points = d.Ho * d.Wo, plane = d.H * d.W;
  auto point_at = [&](int64_t n, int64_t i) {
    const T* gp = grid + n * 2 * points + i;
    return spx::sample_point<C>(C(gp[0]), C(gp[points]), d.H, d.W);
  };
  parallel_for(d.N * d.C, row_grain(points * 4), [&](int64_t q0, int64_t q1) {
    std::vector<double> acc(static_cast<size_t>(plane));
    for (int64_t q = q0; q < q1; ++q) {
      std::fill(acc.begin(), acc.end(), 0.0);
      const int64_t n = q / d.C;
      const T* g = og + q * points;
      for (int64_t i = 0; i < points; ++i) {
        spx::SamplePoint<C> p = point_at(n, i);
        for (int k = 0; k < 4; ++k)
          if (p.off[k] >= 0) acc[size_t(p.off[k])] += double(C(g[i]) * p.w[k]);
      }
      for (int64_t e = 0; e < plane; ++e) ddata[q * plane + e] = T(C(acc[size_t(e)]));
    }
  });
  const C scale_x = spx::pixel_scale<C>(d.W), scale_y = spx::pixel_scale<C>(d.H);
  parallel_for(d.N * points, row_grain(d.C * 8), [&](int64_t i0, int64_t i1) {
    for (int64_t j = i0; j < i1; ++j) {
      const int64_t n = j / points, i = j % points;
      spx::SamplePoint<C> p = point_at(n, i);
      C dx = 0, dy = 0;
      for (int64_t c = 0; c < d.C; ++c)
        spx::sample_coord_grad<T, C>(p, data + (n * d.C + c) * plane, C(og[(n * d.C + c) * points + i]), &dx, &dy);
      dgrid[n * 2 * points + i] = T(dx * scale_x);
      dgrid[n * 2 * points + points + i] = T(dy * scale_y);
    }
  });
}

bool sampler_infer_shape(const Attrs& a, std::vector<Shape>& in, std::vector<Shape>& out) {
  const char* op = N(a);
  const Shape &x = in[0], &grid = in[1];
  if (x.known()) check_4d(op, "data", x, "(batch, channel, height, width)");
  if (grid.known()) {
    check_4d(op, "grid", grid, "(batch, 2, height, width)");
    MXL_CHECK(grid[1] == 2, Err::kShape, op, ": grid must have 2 channels (x, y) on axis 1, got shape ", grid);
  }
  if (!x.known() || !grid.known()) return false;
  MXL_CHECK(x[0] == grid[0], Err::kShape, op, ": data and grid must have the same batch size, got data shape ", x,
            " and grid shape ", grid);
  assign_shape(op, "output", out[0], Shape{x[0], x[1], grid[2], grid[3]});
  return true;
}

OpDef& sampler_params(OpDef& op) {
  return op.param_optional("cudnn_off", PType::kBool, "Accepted for MXNet compatibility; mxlite never uses cuDNN here.");
}

// ======================================================= SpatialTransformer
OpDef& st_params(OpDef& op) {
  op.param("target_shape", PType::kShape, "(0, 0)", "The output size (height, width); both must be positive.");
  op.param_required("transform_type", PType::kEnum, "The transformation type: only 'affine'.");
  op.params.back().choices = {"affine"};
  op.param_required("sampler_type", PType::kEnum, "The sampling type: only 'bilinear'.");
  op.params.back().choices = {"bilinear"};
  return sampler_params(op);
}

bool st_infer_shape(const Attrs& a, std::vector<Shape>& in, std::vector<Shape>& out) {
  const char* op = "SpatialTransformer";
  Shape t = target_hw(a, "");
  Shape &x = in[0], &loc = in[1];
  if (x.known()) check_4d(op, "data", x, "(batch, channel, height, width)");
  if (loc.known())
    MXL_CHECK(loc.ndim == 2 && loc[1] == 6, Err::kShape, op,
              ": loc must be 2-D of shape (batch, 6) (an affine matrix per sample), got shape ", loc);
  if (!x.known()) return false;
  assign_shape(op, "loc", loc, Shape{x[0], 6});
  assign_shape(op, "output", out[0], Shape{x[0], x[1], t[0], t[1]});
  return true;
}

}  // namespace

// ============================================================== registrations
static OpDef& reg_grid = grid_params(Registry::add("GridGenerator"))
    .describe("Generates a 2-D sampling grid for BilinearSampler.\n\n"
              "The output (batch, 2, H, W) holds, for every target pixel, the normalised source coordinates "
              "(channel 0: x, channel 1: y), where -1 and 1 are the centres of the input's first and last pixels.\n\n"
              "- 'affine': data (batch, 6) holds a 2x3 matrix per sample, row-major; the grid is that matrix applied "
              "to (x, y, 1), x and y running evenly over [-1, 1] across target_shape (H, W).\n"
              "- 'warp': data (batch, 2, H, W) is an optical flow in pixels (channel 0: x, 1: y); the grid points at "
              "pixel (w + flow_x, h + flow_y), normalised: x = (w + flow_x) / ((W - 1) / 2) - 1. target_shape is ignored.\n\n"
              "A target (affine) or flow (warp) of size 1 along an axis divides by zero, giving inf or NaN, as in MXNet.")
    .input("data")
    .infer_shape_fn(grid_infer_shape)
    .infer_type_fn(uniform_float_type)
    .cpu_fn([](const OpCtx&, const Attrs& a, const Blobs& in, const Blobs& out) {
      MXL_FLOAT_SWITCH(in[0].dtype, T, "GridGenerator", { grid_forward_t<T>(a, in[0], out[0]); });
    })
    .grad_fn([](GradGraph& g, const Attrs& a) { return GVals{g.op1("_backward_GridGenerator", {g.ograd(0)}, a.raw())}; });

static OpDef& reg_grid_bwd = grid_params(Registry::add("_backward_GridGenerator"))
    .describe("Gradient of GridGenerator with respect to data: input ograd (batch, 2, H, W); output (batch, 6) for "
              "'affine', (batch, 2, H, W) for 'warp'.")
    .input("ograd")
    .infer_shape_fn(grid_backward_infer_shape)
    .infer_type_fn(uniform_float_type)
    .cpu_fn([](const OpCtx&, const Attrs& a, const Blobs& in, const Blobs& out) {
      MXL_FLOAT_SWITCH(in[0].dtype, T, "_backward_GridGenerator", { grid_backward_t<T>(a, in[0], out[0]); });
    });

static OpDef& reg_sampler = sampler_params(Registry::add("BilinearSampler"))
    .describe("Samples data at the points of a grid by bilinear interpolation.\n\n"
              "data is (batch, C, H, W); grid (batch, 2, Ho, Wo) holds normalised source coordinates (channel 0: x, "
              "channel 1: y; -1 and 1 are the centres of the first and last pixels), as GridGenerator makes them. "
              "The output (batch, C, Ho, Wo) blends the four pixels around each point; pixels outside the input read "
              "as 0, so points near the border fade toward 0 and points beyond it give 0. The gradient reaches data "
              "and grid (for grid, the slope of the blend within the point's cell).")
    .input("data").input("grid")
    .infer_shape_fn(sampler_infer_shape)
    .infer_type_fn(uniform_float_type)
    .cpu_fn([](const OpCtx&, const Attrs&, const Blobs& in, const Blobs& out) {
      MXL_FLOAT_SWITCH(in[0].dtype, T, "BilinearSampler", {
        using C = acc_t<T>;
        SamplerDims d = sampler_dims(in[0].shape, out[0].shape);
        const T* grid = in[1].ptr<T>();
        const int64_t points = d.Ho * d.Wo;
        sample_forward<T>(d, in[0].ptr<T>(), out[0].ptr<T>(), [&](int64_t n, int64_t h, int64_t w, C* gx, C* gy) {
          const T* gp = grid + n * 2 * points + h * d.Wo + w;
          *gx = C(gp[0]), *gy = C(gp[points]);
        });
      });
    })
    .grad_fn([](GradGraph& g, const Attrs& a) {
      return g.op("_backward_BilinearSampler", {g.ograd(0), g.input(0), g.input(1)}, a.raw());
    });

static OpDef& reg_sampler_bwd = sampler_params(Registry::add("_backward_BilinearSampler"))
    .describe("Gradients of BilinearSampler: inputs (ograd, data, grid); outputs the gradients of data and grid.")
    .input("ograd").input("data").input("grid")
    .outputs(2, {"data_grad", "grid_grad"})
    .infer_shape_fn([](const Attrs& a, std::vector<Shape>& in, std::vector<Shape>& out) {
      std::vector<Shape> fin{in[1], in[2]}, fout{in[0]};
      if (!sampler_infer_shape(a, fin, fout)) return false;
      const char* op = "_backward_BilinearSampler";
      assign_shape(op, "ograd", in[0], fout[0]);
      assign_shape(op, "data gradient", out[0], in[1]);
      assign_shape(op, "grid gradient", out[1], in[2]);
      return true;
    })
    .infer_type_fn(uniform_float_type)
    .cpu_fn([](const OpCtx&, const Attrs&, const Blobs& in, const Blobs& out) {
      MXL_FLOAT_SWITCH(in[1].dtype, T, "_backward_BilinearSampler", { sampler_backward_t<T>(in, out); });
    });

static OpDef& reg_st = st_params(Registry::add("SpatialTransformer"))
    .describe("Applies a spatial transformer to a feature map: an affine sampling grid sampled bilinearly.\n\n"
              "data is (batch, C, H, W), loc (batch, 6) a 2x3 affine matrix per sample (row-major, as a localisation "
              "network outputs it; initialise it to the identity [1, 0, 0, 0, 1, 0]). The output (batch, C, "
              "target_shape[0], target_shape[1]) equals BilinearSampler(data, GridGenerator(loc, 'affine', "
              "target_shape)): pixels outside the input read as 0. The gradient reaches data and loc.")
    .input("data").input("loc")
    .infer_shape_fn(st_infer_shape)
    .infer_type_fn(uniform_float_type)
    .cpu_fn([](const OpCtx&, const Attrs&, const Blobs& in, const Blobs& out) {
      MXL_FLOAT_SWITCH(in[0].dtype, T, "SpatialTransformer", {
        using C = acc_t<T>;
        SamplerDims d = sampler_dims(in[0].shape, out[0].shape);
        const T* loc = in[1].ptr<T>();
        sample_forward<T>(d, in[0].ptr<T>(), out[0].ptr<T>(), [&](int64_t n, int64_t h, int64_t w, C* gx, C* gy) {
          spx::affine_point<T, C>(loc + n * 6, h, w, d.Ho, d.Wo, gx, gy);
        });
      });
    })
    .grad_fn([](GradGraph& g, const Attrs& a) {
      // The op's two stages, differentiated one after the other: the grid again, the
      // sampler's gradients, then the affine grid's gradient of the grid's.
      KV grid_kv{{"transform_type", "affine"}, {"target_shape", a.shape("target_shape").str()}};
      GVal grid = g.op1("GridGenerator", {g.input(1)}, grid_kv);
      GVals d = g.op("_backward_BilinearSampler", {g.ograd(0), g.input(0), grid});
      return GVals{d[0], g.op1("_backward_GridGenerator", {d[1]}, grid_kv)};
    });

}  // namespace mxl
