// MXNet 1.9's fused recurrent operator RNN (modes rnn_relu, rnn_tanh, lstm, gru; stacked
// layers, bidirectional) and its backward op. The algorithm -- parameter layout, gate
// formulas and the layer/time loops -- lives in rnn_kernels.h, shared with the CUDA
// plugin; this file holds the registration, the shape and type rules and the CPU backend
// of those loops (BLAS GEMMs, per-step gate loops). float16 computes in float, float64
// in double.
//
// The backward op recomputes the forward from the op's inputs (the op keeps no state
// between calls), then runs back through time.
#include <algorithm>
#include <cstring>
#include <string>
#include <type_traits>
#include <vector>

#include "blas.h"
#include "registry.h"
#include "rnn_kernels.h"

namespace mxl {
namespace {

template <class T> using acc_t = std::conditional_t<std::is_same_v<T, double>, double, float>;

int rnn_mode(const Attrs& a) {
  const std::string& m = a.s("mode");
  return m == "lstm" ? rnn::kLstm : m == "gru" ? rnn::kGru : m == "rnn_tanh" ? rnn::kRnnTanh : rnn::kRnnRelu;
}
bool is_lstm(const Attrs& a) { return a.s("mode") == "lstm"; }
int64_t directions(const Attrs& a) { return a.b("bidirectional") ? 2 : 1; }

// The MXNet parameters this implementation does not provide yet: refused by name
// rather than ignored.
void check_supported(const Attrs& a) {
  const char* op = N(a);
  if (!a.none("projection_size")) {
    MXL_CHECK(is_lstm(a), Err::kInvalidArgument, op, ": projection_size applies to mode='lstm' only, got mode='",
              a.s("mode"), "'");
    MXL_CHECK(a.i("projection_size") >= 1, Err::kInvalidArgument, op, ": projection_size must be positive, got ",
              a.i("projection_size"));
    MXL_CHECK(!a.b("use_sequence_length"), Err::kInvalidArgument, op,
              ": use_sequence_length together with projection_size is not supported yet");
  }
  const bool has_min = !a.none("lstm_state_clip_min"), has_max = !a.none("lstm_state_clip_max");
  if (has_min || has_max) {
    MXL_CHECK(has_min && has_max, Err::kInvalidArgument, op,
              ": lstm_state_clip_min and lstm_state_clip_max must be given together (got only ",
              has_min ? "lstm_state_clip_min" : "lstm_state_clip_max", ")");
    MXL_CHECK(is_lstm(a), Err::kInvalidArgument, op, ": lstm_state_clip_min/max apply to mode='lstm' only, got mode='",
              a.s("mode"), "'");
    MXL_CHECK(a.f("lstm_state_clip_min") <= a.f("lstm_state_clip_max"), Err::kInvalidArgument, op,
              ": lstm_state_clip_min (", a.f("lstm_state_clip_min"), ") must not exceed lstm_state_clip_max (",
              a.f("lstm_state_clip_max"), ")");
  }
}

OpDef& rnn_params(OpDef& op) {
  op.param_required("state_size", PType::kInt, "Size of the hidden state (and of the cell state for lstm).")
      .range(1, 2147483647)
      .param_required("num_layers", PType::kInt, "Number of stacked layers.")
      .range(1, 2147483647)
      .param("bidirectional", PType::kBool, "False", "Run each layer in both directions and concatenate the outputs.")
      .param_enum("mode", {"gru", "lstm", "rnn_relu", "rnn_tanh"}, "lstm", "The recurrent cell.");
  last_param(op, false, true);
  op.param("p", PType::kFloat, "0", "Dropout probability for the outputs of every layer but the last, in training "
                                     "only (inference ignores it). Training with p > 0 is refused: not supported yet "
                                     "(MXNet 1.9.1's CPU ignores p; cuDNN applies it).")
      .range(0, 1)
      .param("state_outputs", PType::kBool, "False", "Also output the final hidden state (and cell state for lstm).")
      .param_optional("projection_size", PType::kInt,
                      "LSTM only: project each hidden state h = W_p (o * tanh(c)) to this many units (LSTMP); the "
                      "output, state and state output then have projection_size units, the cell state state_size.")
      .param_optional("lstm_state_clip_min", PType::kFloat,
                      "Minimum of the LSTM cell state: each step's c is clipped to [lstm_state_clip_min, "
                      "lstm_state_clip_max] (give both).")
      .param_optional("lstm_state_clip_max", PType::kFloat, "Maximum of the LSTM cell state (see lstm_state_clip_min).")
      .param("lstm_state_clip_nan", PType::kBool, "False",
             "With the clip bounds: a NaN cell state becomes lstm_state_clip_min instead of propagating.")
      .param("use_sequence_length", PType::kBool, "False",
             "Take a sequence_length input (batch_size,) of per-sample lengths: steps past a sample's length output 0 "
             "and leave its states unchanged.");
  return op;
}

std::vector<std::string> rnn_inputs(const Attrs& a) {
  std::vector<std::string> names{"data", "parameters", "state"};
  if (is_lstm(a)) names.push_back("state_cell");
  if (a.b("use_sequence_length")) names.push_back("sequence_length");
  return names;
}
// The position of sequence_length among the inputs (-1 without it), and how many
// inputs carry gradients (data, parameters, state[, state_cell]).
int differentiable_inputs(const Attrs& a) { return is_lstm(a) ? 4 : 3; }
int sequence_length_index(const Attrs& a) { return a.b("use_sequence_length") ? differentiable_inputs(a) : -1; }
int rnn_num_outputs(const Attrs& a) { return a.b("state_outputs") ? (is_lstm(a) ? 3 : 2) : 1; }

rnn::Dims rnn_dims(const Attrs& a, const Shape& data) {
  rnn::Dims d;
  d.mode = rnn_mode(a);
  d.L = a.i("num_layers");
  d.D = directions(a);
  d.T = data[0], d.N = data[1], d.I = data[2];
  d.H = a.i("state_size");
  d.P = a.none("projection_size") ? 0 : a.i("projection_size");
  d.clip.on = !a.none("lstm_state_clip_min") && !a.none("lstm_state_clip_max");
  if (d.clip.on) {
    d.clip.lo = a.f("lstm_state_clip_min"), d.clip.hi = a.f("lstm_state_clip_max");
    d.clip.nan = a.b("lstm_state_clip_nan");
  }
  return d;
}

// in: data, parameters, state[, state_cell][, sequence_length]; out: output[, hy[, cy]].
bool rnn_infer_shape(const Attrs& a, Shapes& in, Shapes& out) {
  const char* op = N(a);
  check_supported(a);
  const int64_t H = a.i("state_size"), LD = a.i("num_layers") * directions(a);
  const int64_t R = a.none("projection_size") ? H : a.i("projection_size");  // units of h
  const char* names[4] = {"data", "parameters", "state", "state_cell"};
  const int seq = sequence_length_index(a);
  const size_t nstates = size_t(differentiable_inputs(a));
  if (seq >= 0 && in[size_t(seq)].known())
    MXL_CHECK(in[size_t(seq)].ndim == 1, Err::kShape, op, ": sequence_length must be 1-D (batch_size,), got shape ",
              in[size_t(seq)]);
  if (in[0].known())
    MXL_CHECK(in[0].ndim == 3, Err::kShape, op,
              ": data must be 3-D (sequence_length, batch_size, input_size), got shape ", in[0]);
  if (in[1].known())
    MXL_CHECK(in[1].ndim == 1, Err::kShape, op, ": parameters must be a 1-D vector, got shape ", in[1]);
  for (size_t i = 2; i < nstates; ++i)
    if (in[i].known())
      MXL_CHECK(in[i].ndim == 3, Err::kShape, op, ": ", names[i], " must be 3-D (num_layers * directions = ", LD,
                ", batch_size, ", i == 2 && R != H ? "projection_size = " : "state_size = ", i == 2 ? R : H,
                "), got shape ", in[i]);
  if (!in[0].known()) return false;
  const rnn::Dims d = rnn_dims(a, in[0]);
  assign_shape(op, "parameters", in[1], Shape{d.param_size()});
  for (size_t i = 2; i < nstates; ++i) assign_shape(op, names[i], in[i], Shape{LD, d.N, i == 2 ? R : H});
  if (seq >= 0) assign_shape(op, "sequence_length", in[size_t(seq)], Shape{d.N});
  assign_shape(op, "output", out[0], Shape{d.T, d.N, d.D * R});
  for (size_t i = 1; i < out.size(); ++i)
    assign_shape(op, i == 1 ? "state output" : "cell state output", out[i], Shape{LD, d.N, i == 1 ? R : H});
  return true;
}

// One float dtype for every input and output; sequence_length may have any numeric
// dtype (data's when unknown), as in MXNet.
// seq: the position of sequence_length among in (-1: none).
bool rnn_type_rule(const Attrs& a, Types& in, Types& out, int seq) {
  if (!uniform_float_type_except(a, in, out, seq)) return false;
  if (seq >= 0) {
    if (in[size_t(seq)] < 0) in[size_t(seq)] = out[0];
    MXL_CHECK(DType(in[size_t(seq)]) != DType::b8, Err::kDType, N(a), ": sequence_length must be numeric, got bool");
  }
  return true;
}
bool rnn_infer_type(const Attrs& a, Types& in, Types& out) {
  return rnn_type_rule(a, in, out, sequence_length_index(a));
}

// ------------------------------------------------------------ CPU backend
template <class C>
struct CpuBackend {
  int gemm(bool ta, bool tb, int64_t M, int64_t Nn, int64_t K, const C* A, int64_t lda, const C* B, int64_t ldb,
           C beta, C* Cm, int64_t ldc) {
    if (M == 0 || Nn == 0) return 0;
    if constexpr (std::is_same_v<C, double>)
      gemm_f64(ta, tb, M, Nn, K, 1.0, A, lda, B, ldb, beta, Cm, ldc);
    else
      mxl::gemm(ta, tb, M, Nn, K, 1.0f, A, lda, B, ldb, beta, Cm, ldc);
    return 0;
  }
  int add_rows(int64_t M, int64_t K, const C* bias, C* out) {
    for (int64_t m = 0; m < M; ++m)
      for (int64_t k = 0; k < K; ++k) out[m * K + k] += bias[k];
    return 0;
  }
  int col_sum(int64_t M, int64_t K, const C* in, C* out) {
    for (int64_t m = 0; m < M; ++m)
      for (int64_t k = 0; k < K; ++k) out[k] += in[m * K + k];
    return 0;
  }
  int copy(int64_t rows, int64_t cols, const C* src, int64_t lds, C* dst, int64_t ldd) {
    for (int64_t r = 0; r < rows; ++r) std::copy(src + r * lds, src + r * lds + cols, dst + r * ldd);
    return 0;
  }
  int zero(C* p, int64_t n) {
    std::fill(p, p + n, C(0));
    return 0;
  }
  int zero_padded(int64_t T, int64_t Nn, int64_t K, const int64_t* len, C* y) {
    for (int64_t t = 0; t < T; ++t)
      for (int64_t n = 0; n < Nn; ++n)
        if (!rnn::step_active(len, n, t)) std::fill(y + (t * Nn + n) * K, y + (t * Nn + n + 1) * K, C(0));
    return 0;
  }
  // Batch rows in parallel: each element costs a few transcendental functions.
  static int64_t row_grain(const rnn::Dims& d) { return std::max<int64_t>(1, kParallelGrain / (16 * d.H + 1)); }
  int forward_step(const rnn::Dims& d, int64_t Nn, const int64_t* len, int64_t t, const C* xw, const C* hw,
                   const C* hp, int64_t ldhp, const C* cp, int64_t ldcp, C* h, int64_t ldh, C* cache) {
    parallel_for(Nn, row_grain(d), [&](int64_t n0, int64_t n1) {
      for (int64_t n = n0; n < n1; ++n)
        for (int64_t j = 0; j < d.H; ++j)
          rnn::forward_element(d, len, t, n, j, xw, hw, hp, ldhp, cp, ldcp, h, ldh, cache);
    });
    return 0;
  }
  int backward_step(const rnn::Dims& d, int64_t Nn, const int64_t* len, int64_t t, const C* cache, const C* hp,
                    int64_t ldhp, const C* cp, int64_t ldcp, const C* dy, int64_t ldy, const C* dh, C* dc, C* dxw,
                    C* dhw, C* dhd) {
    parallel_for(Nn, row_grain(d), [&](int64_t n0, int64_t n1) {
      for (int64_t n = n0; n < n1; ++n)
        for (int64_t j = 0; j < d.H; ++j)
          rnn::backward_element(d, len, t, n, j, cache, hp, ldhp, cp, ldcp, dy, ldy, dh, dc, dxw, dhw, dhd);
    });
    return 0;
  }
};

// A blob's values as C (a copy: float16 widens, and the loops never write inputs).
template <class T, class C>
std::vector<C> widen(const TBlob& b) {
  std::vector<C> v(size_t(b.size()));
  const T* p = b.ptr<T>();
  for (size_t i = 0; i < v.size(); ++i) v[i] = C(p[i]);
  return v;
}
template <class T, class C>
void narrow(const std::vector<C>& v, const TBlob& b) {
  T* p = b.ptr<T>();
  for (size_t i = 0; i < v.size(); ++i) p[i] = T(v[i]);
}

// The sequence_length input as int64, each in [0, sequence length].
std::vector<int64_t> sequence_lengths(const Attrs& a, const TBlob& lengths, int64_t T) {
  std::vector<int64_t> len = index_values(lengths);
  for (size_t n = 0; n < len.size(); ++n)
    MXL_CHECK(len[n] >= 0 && len[n] <= T, Err::kIndex, N(a), ": sequence_length[", n, "] = ", len[n],
              " is out of range (expected 0 <= sequence_length <= ", T, ", the sequence length of data)");
  return len;
}

void check_not_training_dropout(const OpCtx& c, const Attrs& a) {
  MXL_CHECK(!(c.is_train && a.f("p") > 0), Err::kInvalidArgument, N(a), ": dropout between layers (p=", a.f("p"),
            ") in training is not supported yet; use p=0, or add Dropout between single-layer RNN ops");
}

// in: data, parameters, state[, state_cell][, sequence_length]; out: output[, hy[, cy]].
template <class T>
void rnn_forward_t(const OpCtx& c, const Attrs& a, const Blobs& in, const Blobs& out) {
  using C = acc_t<T>;
  check_not_training_dropout(c, a);
  const rnn::Dims d = rnn_dims(a, in[0].shape);
  const bool lstm = d.mode == rnn::kLstm;
  std::vector<C> x = widen<T, C>(in[0]), w = widen<T, C>(in[1]), h0 = widen<T, C>(in[2]);
  std::vector<C> c0 = lstm ? widen<T, C>(in[3]) : std::vector<C>();
  std::vector<C> ws(size_t(rnn::plan_workspace(d, false).total));
  std::vector<C> y(size_t(out[0].size())), hy(out.size() > 1 ? size_t(out[1].size()) : 0),
      cy(out.size() > 2 ? size_t(out[2].size()) : 0);
  const int seq = sequence_length_index(a);
  std::vector<int64_t> len = seq >= 0 ? sequence_lengths(a, in[size_t(seq)], d.T) : std::vector<int64_t>();
  CpuBackend<C> be;
  rnn::forward<C>(be, d, x.data(), w.data(), h0.data(), lstm ? c0.data() : nullptr, seq >= 0 ? len.data() : nullptr,
                  ws.data(), y.data(),
                  hy.empty() ? nullptr : hy.data(), cy.empty() ? nullptr : cy.data());
  narrow<T, C>(y, out[0]);
  if (out.size() > 1) narrow<T, C>(hy, out[1]);
  if (out.size() > 2) narrow<T, C>(cy, out[2]);
}

// Backward op inputs: ograd[, ograd_hy[, ograd_cy]], data, parameters, state[, state_cell]
// (the ograds of the forward's outputs, then its inputs); outputs: the gradients of data,
// parameters, state[, state_cell].
int backward_ograds(const Attrs& a) { return rnn_num_outputs(a); }

template <class T>
void rnn_backward_t(const OpCtx& c, const Attrs& a, const Blobs& in, const Blobs& out) {
  using C = acc_t<T>;
  check_not_training_dropout(c, a);
  const int g = backward_ograds(a);
  const TBlob *data = &in[size_t(g)], *params = &in[size_t(g) + 1], *state = &in[size_t(g) + 2];
  const rnn::Dims d = rnn_dims(a, data->shape);
  const bool lstm = d.mode == rnn::kLstm;
  std::vector<C> x = widen<T, C>(*data), w = widen<T, C>(*params), h0 = widen<T, C>(*state);
  std::vector<C> c0 = lstm ? widen<T, C>(in[size_t(g) + 3]) : std::vector<C>();
  std::vector<C> dy = widen<T, C>(in[0]);
  std::vector<C> dhy = g > 1 ? widen<T, C>(in[1]) : std::vector<C>();
  std::vector<C> dcy = g > 2 ? widen<T, C>(in[2]) : std::vector<C>();
  std::vector<C> ws(size_t(rnn::plan_workspace(d, true).total));
  std::vector<C> dx(x.size()), dw(w.size()), dh0(h0.size()), dc0(c0.size());
  const int seq = sequence_length_index(a);
  std::vector<int64_t> len = seq >= 0 ? sequence_lengths(a, in[size_t(g + seq)], d.T) : std::vector<int64_t>();
  const int64_t* lenp = seq >= 0 ? len.data() : nullptr;
  CpuBackend<C> be;
  const C* c0p = lstm ? c0.data() : nullptr;
  rnn::forward<C>(be, d, x.data(), w.data(), h0.data(), c0p, lenp, ws.data(), nullptr, nullptr, nullptr);
  rnn::backward<C>(be, d, x.data(), w.data(), h0.data(), c0p, lenp, dy.data(), dhy.empty() ? nullptr : dhy.data(),
                   dcy.empty() ? nullptr : dcy.data(), ws.data(), dx.data(), dw.data(), dh0.data(),
                   lstm ? dc0.data() : nullptr);
  narrow<T, C>(dx, out[0]);
  narrow<T, C>(dw, out[1]);
  narrow<T, C>(dh0, out[2]);
  if (lstm) narrow<T, C>(dc0, out[3]);
}

std::vector<std::string> rnn_backward_inputs(const Attrs& a) {
  std::vector<std::string> names{"ograd"};
  if (a.b("state_outputs")) names.push_back("ograd_state");
  if (a.b("state_outputs") && is_lstm(a)) names.push_back("ograd_state_cell");
  for (auto& n : rnn_inputs(a)) names.push_back(n);
  return names;
}

bool rnn_backward_infer_shape(const Attrs& a, Shapes& in, Shapes& out) {
  const char* op = N(a);
  const size_t g = size_t(backward_ograds(a)), nin = in.size() - g;
  Shapes fin(in.begin() + long(g), in.end()), fout(g);
  for (size_t i = 0; i < g; ++i) fout[i] = in[i];
  if (!rnn_infer_shape(a, fin, fout)) return false;
  const char* ograd_names[3] = {"ograd", "ograd_state", "ograd_state_cell"};
  const char* grad_names[4] = {"data gradient", "parameters gradient", "state gradient", "state_cell gradient"};
  for (size_t i = 0; i < g; ++i) assign_shape(op, ograd_names[i], in[i], fout[i]);
  for (size_t i = 0; i < nin; ++i) in[g + i] = fin[i];
  for (size_t i = 0; i < out.size(); ++i) assign_shape(op, grad_names[i], out[i], fin[i]);
  return true;
}

static OpDef& reg_rnn = rnn_params(Registry::add("RNN"))
    .describe("Applies a recurrent layer stack (vanilla RNN with relu or tanh, LSTM or GRU) to a sequence.\n\n"
              "data is (sequence_length, batch_size, input_size). parameters is one flat vector: first every weight "
              "matrix -- for each layer, for each direction, the input-to-hidden matrix (gates * state_size, "
              "layer_input) then the hidden-to-hidden matrix (gates * state_size, state_size) -- then every bias, in "
              "the same order (input-to-hidden then hidden-to-hidden, gates * state_size each). layer_input is "
              "input_size for the first layer and directions * state_size above it; gates is 1 (rnn_relu, rnn_tanh), "
              "4 (lstm, gate order i, f, g, o) or 3 (gru, gate order r, z, n). Its length is inferred from the other "
              "shapes. state (and state_cell for lstm) is (num_layers * directions, batch_size, state_size), indexed "
              "layer-major. The output is (sequence_length, batch_size, directions * state_size), the last layer's "
              "hidden states with the forward direction first; with state_outputs the final hidden state (and cell "
              "state) follow, shaped like state.\n\n"
              "Cells: rnn_relu/rnn_tanh h = act(W x + b_W + U h' + b_U); lstm c = f * c' + i * g, h = o * tanh(c) "
              "(i, f, o sigmoid, g tanh); gru r, z sigmoid, n = tanh(W_n x + b_Wn + r * (U_n h' + b_Un)), "
              "h = (1 - z) * n + z * h'.\n\n"
              "With use_sequence_length, a last input sequence_length (batch_size,) gives each sample's length: "
              "the output past it is 0 and the states stop changing there, so hy (cy) hold the state at the last "
              "valid step and the reverse direction starts at step length - 1 (cuDNN's semantics; MXNet 1.9's CPU "
              "ignores the lengths).\n\n"
              "With projection_size P (lstm only), h = W_p (o * tanh(c)) has P units: the output is (sequence_length, "
              "batch_size, directions * P), state and the state output (num_layers * directions, batch_size, P), "
              "the hidden-to-hidden matrices (4 * state_size, P), and each layer's weights end with W_p "
              "(P, state_size), after its hidden-to-hidden matrix.\n\n"
              "With lstm_state_clip_min/max (lstm only), each step's cell state is clipped to [min, max] before "
              "h is computed from it, as cuDNN does for MXNet on GPUs (MXNet 1.9's CPU ignores the bounds); the "
              "gradient through a clipped cell state is 0.\n\n"
              "Not supported yet (refused with an error naming the parameter): use_sequence_length together with "
              "projection_size, and dropout p > 0 in training (p is ignored at inference, as in MXNet; MXNet "
              "1.9.1's CPU ignores it in training too, cuDNN applies it).")
    .input("data").input("parameters").input("state").input("state_cell").input("sequence_length")
    .inputs_by(rnn_inputs)
    .outputs(1, {"output", "state_output", "statecell_output"})
    .outputs_fn(rnn_num_outputs)
    .infer_shape_fn(rnn_infer_shape)
    .infer_type_fn(rnn_infer_type)
    .cpu_fn([](const OpCtx& c, const Attrs& a, const Blobs& in, const Blobs& out) {
      MXL_FLOAT_SWITCH(in[0].dtype, T, "RNN", { rnn_forward_t<T>(c, a, in, out); });
    })
    .grad_fn([](GradGraph& g, const Attrs& a) {
      GVals ins;
      for (int i = 0; i < rnn_num_outputs(a); ++i) ins.push_back(g.ograd(i));
      const int nin = int(rnn_inputs(a).size());
      for (int i = 0; i < nin; ++i) ins.push_back(g.input(i));
      GVals grads = g.op("_backward_RNN", ins, a.raw());
      if (sequence_length_index(a) >= 0) grads.push_back(GVal{});  // lengths get no gradient
      return grads;
    });

static OpDef& reg_rnn_bwd = rnn_params(Registry::add("_backward_RNN"))
    .describe("Gradients of RNN: inputs (ograd[, ograd_state[, ograd_state_cell]], data, parameters, state"
              "[, state_cell][, sequence_length]) -- the gradients of the outputs RNN has under these parameters, "
              "then its inputs; "
              "outputs the gradients of data, parameters, state[, state_cell]. The forward is recomputed.")
    .input("ograd").input("ograd_state").input("ograd_state_cell")
    .input("data").input("parameters").input("state").input("state_cell").input("sequence_length")
    .inputs_by(rnn_backward_inputs)
    .outputs(3, {"data_grad", "parameters_grad", "state_grad", "state_cell_grad"})
    .outputs_fn(differentiable_inputs)
    .infer_shape_fn(rnn_backward_infer_shape)
    .infer_type_fn([](const Attrs& a, Types& in, Types& out) {
      const int seq = sequence_length_index(a);
      return rnn_type_rule(a, in, out, seq < 0 ? -1 : backward_ograds(a) + seq);
    })
    .cpu_fn([](const OpCtx& c, const Attrs& a, const Blobs& in, const Blobs& out) {
      MXL_FLOAT_SWITCH(in[0].dtype, T, "_backward_RNN", { rnn_backward_t<T>(c, a, in, out); });
    });

}  // namespace
}  // namespace mxl
