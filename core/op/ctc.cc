// CTCLoss (MXNet 1.9's ctc_loss): the connectionist temporal classification loss of
// Graves et al., one value per sample, and its gradient with respect to the unnormalised
// activations (the softmax is applied inside). The label checks and the per-sample
// forward-backward live in ctc_kernels.h, shared with the CUDA plugin (core/cuda/ctc.cu).
#include <string>
#include <type_traits>
#include <vector>

#include "ctc_kernels.h"
#include "registry.h"

namespace mxl {
namespace {

template <class T> using acc_t = std::conditional_t<std::is_same_v<T, double>, double, float>;

// Inputs in use: data, label, then data_lengths / label_lengths where their flags are set.
std::vector<std::string> ctc_inputs(const Attrs& a, std::vector<std::string> v) {
  if (a.b("use_data_lengths")) v.push_back("data_lengths");
  if (a.b("use_label_lengths")) v.push_back("label_lengths");
  return v;
}

OpDef& ctc_params(OpDef& op) {
  op.param("use_data_lengths", PType::kBool, "False",
           "Whether the data lengths are given by `data_lengths`. If false, every sample uses all sequence_length "
           "steps.");
  op.param("use_label_lengths", PType::kBool, "False",
           "Whether the label lengths are given by `label_lengths`. If false, a sample's labels end at the first "
           "padding value (0 when blank_label is 'first', -1 when it is 'last').");
  op.param_enum("blank_label", {"first", "last"}, "first",
                "The channel reserved for the blank: 'first' reserves 0 (labels are 1 .. alphabet_size-1, padded "
                "with 0), 'last' reserves alphabet_size-1 (labels are 0 .. alphabet_size-2, padded with -1).");
  return op;
}

// Shape rule of the forward inputs in[first..] (data, label, lengths...); the backward
// calls it with first = 1, after its ograd.
bool ctc_shapes(const Attrs& a, Shapes& in, size_t first) {
  const char* op = N(a);
  Shape &x = in[first], &label = in[first + 1];
  if (x.known())
    MXL_CHECK(x.ndim == 3, Err::kShape, op, ": data must be 3-D (sequence_length, batch, alphabet_size), got shape ", x);
  if (label.known())
    MXL_CHECK(label.ndim == 2, Err::kShape, op, ": label must be 2-D (batch, label_sequence_length), got shape ", label);
  if (!x.known() || !label.known()) return false;
  MXL_CHECK(x[2] >= 1, Err::kShape, op, ": data's alphabet_size (dim 2 of shape ", x, ") must be at least 1 (the blank)");
  MXL_CHECK(label[0] == x[1], Err::kShape, op, ": label's batch size (dim 0 of shape ", label,
            ") must equal data's (dim 1 of shape ", x, ")");
  MXL_CHECK(label[1] <= x[0], Err::kShape, op, ": label_sequence_length ", label[1], " (label shape ", label,
            ") cannot exceed data's sequence_length ", x[0], " (data shape ", x, ")");
  size_t k = first + 2;
  if (a.b("use_data_lengths")) assign_shape(op, "data_lengths", in[k++], Shape{x[1]});
  if (a.b("use_label_lengths")) assign_shape(op, "label_lengths", in[k++], Shape{x[1]});
  return true;
}

// data is float; label and lengths may be any numeric dtype (they default to data's).
bool ctc_types(const Attrs& a, Types& in, Types& out, size_t first) {
  const char* op = N(a);
  int t = in[first];
  if (t < 0 && first == 1) t = in[0];
  if (t < 0) t = out[0];
  if (t < 0) return false;
  MXL_CHECK(dtype_is_float(DType(t)), Err::kDType, op, ": expected data of dtype float32, float64 or float16, got ",
            dtype_name(DType(t)));
  assign_type(op, "data", in[first], t);
  if (first == 1) assign_type(op, "ograd", in[0], t);
  const auto names = ctc_inputs(a, {"label"});
  for (size_t i = first + 1; i < in.size(); ++i) {
    if (in[i] < 0) in[i] = t;
    MXL_CHECK(DType(in[i]) != DType::b8, Err::kDType, op, ": ", names[i - first - 1],
              " must be a numeric dtype, got bool");
  }
  assign_type(op, "output", out[0], t);
  return true;
}

std::vector<double> as_doubles(const TBlob& b) {
  std::vector<double> v(size_t(b.size()));
  MXL_TYPE_SWITCH(b.dtype, DT, {
    const DT* p = b.ptr<DT>();
    for (size_t i = 0; i < v.size(); ++i) v[i] = double(p[i]);
  });
  return v;
}

// The checked plan of a call; in[first] is data.
ctc::Plan ctc_plan(const Attrs& a, const Blobs& in, size_t first) {
  const Shape &x = in[first].shape, &label = in[first + 1].shape;
  std::vector<double> lab = as_doubles(in[first + 1]), dlen, llen;
  size_t k = first + 2;
  if (a.b("use_data_lengths")) dlen = as_doubles(in[k++]);
  if (a.b("use_label_lengths")) llen = as_doubles(in[k++]);
  ctc::Plan p;
  int code = 0;
  std::string err = ctc::make_plan(N(a), x[0], x[1], x[2], label[1], a.s("blank_label") == "first", lab.data(),
                                   a.b("use_data_lengths") ? dlen.data() : nullptr,
                                   a.b("use_label_lengths") ? llen.data() : nullptr, &p, &code);
  if (!err.empty()) throw Error(Err(code), err);
  return p;
}

// Forward (ograd == nullptr: the losses into out) or backward (the data gradient into
// out, each sample's scaled by its ograd). One task per sample.
template <class T>
void ctc_run(const ctc::Plan& p, const T* x, const T* ograd, T* out) {
  using C = acc_t<T>;
  const int64_t step = p.B * p.A;
  parallel_for(p.B, 1, [&](int64_t b0, int64_t b1) {
    std::vector<double> scratch;
    for (int64_t b = b0; b < b1; ++b) {
      const int64_t Lb = p.label_len[size_t(b)];
      scratch.resize(size_t(ctc::scratch_doubles(p.T, 2 * Lb + 1, p.A)));
      const int64_t* seq = p.seq.data() + b * p.L;
      if (ograd)
        ctc::sample_loss<T, C>(x + b * p.A, step, p.A, p.T, p.data_len[size_t(b)], seq, Lb, p.blank, scratch.data(),
                               out + b * p.A, double(ograd[b]));
      else
        out[b] = T(C(ctc::sample_loss<T, C>(x + b * p.A, step, p.A, p.T, p.data_len[size_t(b)], seq, Lb, p.blank,
                                            scratch.data(), static_cast<T*>(nullptr), 0.0)));
    }
  });
}

constexpr const char* kCtcDoc =
    "Connectionist Temporal Classification loss (Graves et al., 2006), one value per sample.\n\n"
    "data (sequence_length, batch, alphabet_size) holds unnormalised activations: the softmax over the alphabet is "
    "applied inside. One channel is the blank: channel 0 with blank_label='first', alphabet_size-1 with 'last'. "
    "label (batch, label_sequence_length) holds each sample's label ids (any numeric dtype, integral values), "
    "padded at the end with 0 ('first') or -1 ('last'); a sample's labels end at its first padding value (later "
    "values are ignored), or after label_lengths[b] labels with use_label_lengths. With use_data_lengths only the "
    "first data_lengths[b] steps of sample b are used. The output (batch,) is -log p(label | data), computed in "
    "log space; the gradient with respect to data is softmax(data) minus the posterior of each channel, zero at "
    "steps past a sample's data length, times the incoming gradient of that sample. label and the lengths get no "
    "gradient.\n\n"
    "Inputs are checked where MXNet 1.9 silently returns garbage or crashes; each of these is an error naming the "
    "sample: a label value that is not an integer, is outside the alphabet or is the blank (within the sample's "
    "length); a data_lengths value that is not an integer in [0, sequence_length] or a label_lengths value that "
    "is not one in [0, label_sequence_length]; a sample whose labels cannot be aligned to its steps (each label "
    "takes a step, and equal neighbours need a blank step between them). A sample with no labels is valid: its "
    "loss is -sum_t log softmax(data[t])[blank] (MXNet 1.9 returns garbage when no sample of the batch has labels). As in MXNet, "
    "label_sequence_length may not exceed sequence_length. data may be float32, float64 or float16 (MXNet: "
    "float32 only); every dtype computes in double.";
}  // namespace

// ============================================================== registrations
static OpDef& reg_ctc = ctc_params(Registry::add("CTCLoss"))
    .alias("ctc_loss").alias("_contrib_CTCLoss").alias("_contrib_ctc_loss")
    .describe(kCtcDoc)
    .input("data").input("label").input("data_lengths").input("label_lengths")
    .inputs_by([](const Attrs& a) { return ctc_inputs(a, {"data", "label"}); })
    .infer_shape_fn([](const Attrs& a, Shapes& in, Shapes& out) {
      if (!ctc_shapes(a, in, 0)) return false;
      assign_shape(N(a), "output", out[0], Shape{in[0][1]});
      return true;
    })
    .infer_type_fn([](const Attrs& a, Types& in, Types& out) { return ctc_types(a, in, out, 0); })
    .cpu_fn([](const OpCtx&, const Attrs& a, const Blobs& in, const Blobs& out) {
      ctc::Plan p = ctc_plan(a, in, 0);
      MXL_FLOAT_SWITCH(in[0].dtype, T, "CTCLoss", { ctc_run<T>(p, in[0].ptr<T>(), nullptr, out[0].ptr<T>()); });
    })
    .grad_fn([](GradGraph& g, const Attrs& a) {
      GVals in{g.ograd(0), g.input(0), g.input(1)};
      GVals grads{GVal{}, GVal{}};
      for (int i = 2; i < 2 + int(a.b("use_data_lengths")) + int(a.b("use_label_lengths")); ++i) {
        in.push_back(g.input(i));
        grads.push_back(GVal{});
      }
      grads[0] = g.op1("_backward_ctc_loss", in, a.raw());
      return grads;
    });

static OpDef& reg_ctc_bwd = ctc_params(Registry::add("_backward_ctc_loss"))
    .describe("Gradient of CTCLoss with respect to data: inputs (ograd, data, label[, data_lengths][, "
              "label_lengths]); each sample's gradient is scaled by its ograd.")
    .input("ograd").input("data").input("label").input("data_lengths").input("label_lengths")
    .inputs_by([](const Attrs& a) { return ctc_inputs(a, {"ograd", "data", "label"}); })
    .infer_shape_fn([](const Attrs& a, Shapes& in, Shapes& out) {
      if (!ctc_shapes(a, in, 1)) return false;
      assign_shape(N(a), "ograd", in[0], Shape{in[1][1]});
      assign_shape(N(a), "data gradient", out[0], in[1]);
      return true;
    })
    .infer_type_fn([](const Attrs& a, Types& in, Types& out) { return ctc_types(a, in, out, 1); })
    .cpu_fn([](const OpCtx&, const Attrs& a, const Blobs& in, const Blobs& out) {
      ctc::Plan p = ctc_plan(a, in, 1);
      MXL_FLOAT_SWITCH(in[1].dtype, T, "_backward_ctc_loss",
                       { ctc_run<T>(p, in[1].ptr<T>(), in[0].ptr<T>(), out[0].ptr<T>()); });
    });

}  // namespace mxl
