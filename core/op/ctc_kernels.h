// CTCLoss (core/op/ctc.cc) computed one way on both devices: the label checks that turn a
// batch of padded labels into per-sample label sequences and lengths (host code, run by
// the CPU kernel and by the CUDA plugin after copying the labels back), and the per-sample
// forward-backward in log space (__host__ __device__, one call per batch element).
//
// Notation: data (T, B, A) holds unnormalised activations, x[t, b, :] the scores of time
// step t of sample b; logp = log_softmax(x) over the alphabet. A label sequence l of length
// Lb is extended with blanks, ext = (blank, l0, blank, l1, ..., blank), S = 2 Lb + 1 states.
// alpha[t][s] = log P(prefix of ext up to s emitted by steps 0..t, ending at s);
// beta[s] (at step t) = log P(steps t+1..Tb-1 emit the rest of ext | state s at step t).
// The loss is -log P(l | x) = -logsumexp(alpha[Tb-1][S-1], alpha[Tb-1][S-2]); its gradient
// with respect to x[t, k] is softmax(x[t])[k] - sum_{s: ext[s] = k} exp(alpha + beta - log P).
#pragma once
#include <math.h>
#include <stdint.h>

#include <sstream>
#include <string>
#include <vector>

#include "elemwise_kernels.h"  // MXL_HD

namespace mxl {
namespace ctc {

// Error codes of mxl::Err / MXL_ERR_* (this header is also compiled into the CUDA plugin,
// which does not see base.h).
enum : int { kErrInvalidArgument = 1, kErrIndex = 9 };

// --------------------------------------------------------------- label plan
// The per-sample sequences of a batch, checked.
struct Plan {
  int64_t T = 0, B = 0, A = 0, L = 0, blank = 0;
  std::vector<int64_t> seq;        // B * L label ids; row b's first label_len[b] are used
  std::vector<int64_t> data_len;   // B: time steps of each sample
  std::vector<int64_t> label_len;  // B: labels of each sample
  int64_t max_states() const { return 2 * L + 1; }
};

// Doubles print as integers where they are ones ("3", not "3.000000").
inline std::string num(double v) {
  std::ostringstream os;
  os << v;
  return os.str();
}

// A length from a lengths array: an integer in [0, hi], or an error message.
inline std::string check_length(const char* op, const char* what, int64_t b, double v, int64_t hi, int64_t* out) {
  if (!(v >= 0 && v <= double(hi) && v == double(int64_t(v))))
    return std::string(op) + ": " + what + "[" + std::to_string(b) + "] = " + num(v) + " must be an integer in [0, " +
           std::to_string(hi) + "]";
  *out = int64_t(v);
  return "";
}

// Builds the plan from the label matrix (B, L) and the optional lengths (nullptr when not
// used), all as doubles. On bad input returns a message naming op, the argument, the
// sample and what was expected, and sets *code; returns "" when every sample is usable.
// Without label lengths a sample's labels end at the first padding value (0 when the blank
// is first, -1 when it is last); values after it are ignored, as in MXNet.
inline std::string make_plan(const char* op, int64_t T, int64_t B, int64_t A, int64_t L, bool blank_first,
                             const double* label, const double* data_lengths, const double* label_lengths, Plan* p,
                             int* code) {
  p->T = T, p->B = B, p->A = A, p->L = L;
  p->blank = blank_first ? 0 : A - 1;
  p->seq.assign(size_t(B * L), 0);
  p->data_len.assign(size_t(B), T);
  p->label_len.assign(size_t(B), 0);
  const double pad = blank_first ? 0 : -1;
  const int64_t lo = blank_first ? 1 : 0, hi = blank_first ? A - 1 : A - 2;  // valid label ids
  *code = kErrIndex;
  for (int64_t b = 0; b < B; ++b) {
    std::string err;
    if (data_lengths && !(err = check_length(op, "data_lengths", b, data_lengths[b], T, &p->data_len[size_t(b)])).empty())
      return err;
    const double* row = label + b * L;
    int64_t len = L;
    if (label_lengths) {
      if (!(err = check_length(op, "label_lengths", b, label_lengths[b], L, &len)).empty()) return err;
    } else {
      for (int64_t j = 0; j < L; ++j)
        if (row[j] == pad) {
          len = j;
          break;
        }
    }
    p->label_len[size_t(b)] = len;
    int64_t repeats = 0;
    for (int64_t j = 0; j < len; ++j) {
      double v = row[j];
      if (!(v >= double(lo) && v <= double(hi) && v == double(int64_t(v)))) {
        std::string why = v != v || v != double(int64_t(v)) ? "is not an integer" : "is outside the alphabet";
        return std::string(op) + ": label[" + std::to_string(b) + ", " + std::to_string(j) + "] = " + num(v) + " " + why +
               ": expected an integer in [" + std::to_string(lo) + ", " + std::to_string(hi) + "] (alphabet_size " +
               std::to_string(A) + ", blank_label='" + (blank_first ? "first" : "last") + "' reserves " +
               std::to_string(p->blank) + " for the blank" +
               (label_lengths ? ")" : ", padding is " + num(pad) + ")");
      }
      p->seq[size_t(b * L + j)] = int64_t(v);
      if (j > 0 && row[j] == row[j - 1]) ++repeats;
    }
    // Equal neighbours need a blank between them: an alignment takes len + repeats steps.
    if (len + repeats > p->data_len[size_t(b)]) {
      *code = kErrInvalidArgument;
      return std::string(op) + ": sample " + std::to_string(b) + " cannot be aligned: its " + std::to_string(len) +
             " labels (with " + std::to_string(repeats) + " repeated neighbours, each needing a blank between) need " +
             std::to_string(len + repeats) + " time steps, but its data has " +
             std::to_string(p->data_len[size_t(b)]) + (data_lengths ? " (data_lengths)" : "");
    }
  }
  return "";
}

// Doubles of scratch one sample needs: lse (T), alpha (T * S), beta (2 * S), gamma (A).
inline int64_t scratch_doubles(int64_t T, int64_t S, int64_t A) { return T + T * S + 2 * S + A; }

// ------------------------------------------------------------ forward-backward
MXL_HD inline double log_add(double a, double b) {
  if (a == -INFINITY) return b;
  if (b == -INFINITY) return a;
  return a > b ? a + log1p(exp(b - a)) : b + log1p(exp(a - b));
}

// Label id of extended state s.
MXL_HD inline int64_t ext_label(const int64_t* seq, int64_t s, int64_t blank) { return s % 2 ? seq[s / 2] : blank; }

// Whether state s may be entered from s - 2 (a label differing from the one before it).
MXL_HD inline bool can_skip(const int64_t* seq, int64_t s, int64_t blank) {
  return s >= 2 && ext_label(seq, s, blank) != blank && seq[s / 2] != seq[s / 2 - 1];
}

// One sample: x points at its step 0 (x[t * step + k]), Tb of T steps used, Lb labels in
// seq. Returns the loss -log P(seq | x). When dx is not null, also writes
// dx[t * step + k] = g * d loss / d x[t, k] for every t < T (zero for t >= Tb).
// `scratch` holds scratch_doubles(T, 2 Lb + 1, A) doubles. T: a float type (or half).
template <class T, class C>
MXL_HD double sample_loss(const T* x, int64_t step, int64_t A, int64_t Tsteps, int64_t Tb, const int64_t* seq,
                          int64_t Lb, int64_t blank, double* scratch, T* dx, double g) {
  const int64_t S = 2 * Lb + 1;
  double* lse = scratch;
  double* alpha = lse + Tsteps;
  double* beta = alpha + Tsteps * S;
  double* gamma = beta + 2 * S;
  for (int64_t t = Tb; dx && t < Tsteps; ++t)
    for (int64_t k = 0; k < A; ++k) dx[t * step + k] = T(C(0));
  if (Tb == 0) return 0;  // the plan allows no steps only for an empty label: P = 1
  for (int64_t t = 0; t < Tb; ++t) {
    const T* xt = x + t * step;
    double m = -INFINITY, sum = 0;
    for (int64_t k = 0; k < A; ++k) m = fmax(m, double(xt[k]));
    for (int64_t k = 0; k < A; ++k) sum += exp(double(xt[k]) - m);
    lse[t] = m + log(sum);
  }
#define CTC_LOGP(t, s) (double(x[(t) * step + ext_label(seq, (s), blank)]) - lse[t])
  for (int64_t s = 0; s < S; ++s) alpha[s] = s < 2 ? CTC_LOGP(0, s) : -INFINITY;
  for (int64_t t = 1; t < Tb; ++t) {
    const double* prev = alpha + (t - 1) * S;
    double* cur = alpha + t * S;
    for (int64_t s = 0; s < S; ++s) {
      double a = prev[s];
      if (s >= 1) a = log_add(a, prev[s - 1]);
      if (can_skip(seq, s, blank)) a = log_add(a, prev[s - 2]);
      cur[s] = a == -INFINITY ? a : a + CTC_LOGP(t, s);
    }
  }
  const double* last = alpha + (Tb - 1) * S;
  const double log_p = S > 1 ? log_add(last[S - 1], last[S - 2]) : last[0];
  if (!dx) return -log_p;
  // Backward pass, two rows of beta: row t is built from row t + 1, then used for step t.
  double* cur = beta;
  double* next = beta + S;
  for (int64_t s = 0; s < S; ++s) cur[s] = s >= S - 2 ? 0.0 : -INFINITY;
  for (int64_t t = Tb - 1; t >= 0; --t) {
    if (t < Tb - 1) {
      double* tmp = next;  // the row of step t + 1
      next = cur;
      cur = tmp;
      for (int64_t s = 0; s < S; ++s) {
        double b = next[s] + CTC_LOGP(t + 1, s);
        if (s + 1 < S) b = log_add(b, next[s + 1] + CTC_LOGP(t + 1, s + 1));
        if (s + 2 < S && can_skip(seq, s + 2, blank)) b = log_add(b, next[s + 2] + CTC_LOGP(t + 1, s + 2));
        cur[s] = b;
      }
    }
    for (int64_t k = 0; k < A; ++k) gamma[k] = -INFINITY;
    for (int64_t s = 0; s < S; ++s) {
      int64_t k = ext_label(seq, s, blank);
      gamma[k] = log_add(gamma[k], alpha[t * S + s] + cur[s]);
    }
    const T* xt = x + t * step;
    for (int64_t k = 0; k < A; ++k)
      dx[t * step + k] = T(C(g * (exp(double(xt[k]) - lse[t]) - exp(gamma[k] - log_p))));
  }
#undef CTC_LOGP
  return -log_p;
}

}  // namespace ctc
}  // namespace mxl
