// NCCL for the host CUDA emulator: the part of NCCL 2.x's C API that the CUDA
// plugin's KVStore loads (MXLITE_NCCL_LIBRARY may name libmxlite_cuda_emu.so), answered
// on host memory, with the checks a GPU and real NCCL would make -- or hang on -- turned
// into errors that name the call and the argument (printed with a `cuda_emu:` prefix).
//
// How it works. Every communicator, in one process or across several, is a clique of
// ranks connected over Unix domain sockets (Linux abstract names: nothing is left in
// the file system) to a root thread that rank 0's ncclCommInitRank starts. The unique id
// (ncclGetUniqueId) carries the socket's name and a random nonce. For each collective the
// root gathers every rank's call (checking that they match: same collective, count,
// datatype, op, root), reduces in rank order 0, 1, ..., n-1 and sends each rank its
// result. One mechanism serves ncclCommInitAll (one process, one thread), ncclCommInitRank
// from several threads, and ranks in several processes (the id sent through MPI, a pipe).
//
// Timing. A collective first runs the work queued on its stream (MXC_EMU_ASYNC=1), then
// reads its send buffer, waits until every rank has called it, and writes the result
// before it returns: later work on the stream sees it. Inside ncclGroupStart/End, calls
// are checked and recorded, and run together at ncclGroupEnd (a thread that drives
// several ranks must group them, as with NCCL). Stricter than a GPU: the host thread
// waits for the collective (NCCL returns once it is enqueued), and a send buffer is read
// when the call runs, so work enqueued on another stream without an event still races.
//
// Failures. A collective or ncclCommInitRank whose other ranks do not arrive within
// MXC_EMU_NCCL_TIMEOUT seconds (default 30) fails with ncclInvalidUsage naming the missing
// ranks (real NCCL would hang). A rank whose process exits or whose communicator is
// destroyed or aborted makes the others' pending and later calls fail at once with
// ncclRemoteError. A failed communicator stays failed: every later call, and
// ncclCommGetAsyncError, returns the error; ncclCommDestroy and ncclCommAbort free it.
#include <fcntl.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdarg>
#include <cstddef>
#include <cstring>
#include <mutex>
#include <string>
#include <thread>
#include <type_traits>
#include <vector>

#include "cuda_emu.h"
#include "emu_internal.h"
#include "nccl_emu.h"
#undef dlopen

#define EMU_EXPORT extern "C" __attribute__((visibility("default")))

namespace {
using Clock = std::chrono::steady_clock;
constexpr Clock::time_point kNever = Clock::time_point::max();

// ------------------------------------------------------------------ errors
thread_local std::string t_error;  // ncclGetLastError
std::atomic<long long> g_calls{0};

std::string format(const char* fmt, ...) {
  char buf[1024];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  return buf;
}
ncclResult_t fail(ncclResult_t r, const std::string& text) {
  t_error = text;
  fprintf(stderr, "cuda_emu: %s\n", text.c_str());
  return r;
}

double timeout_s() {  // read at each use, so a test may shorten it
  const char* v = getenv("MXC_EMU_NCCL_TIMEOUT");
  double t = v && *v ? atof(v) : 30.0;
  return t > 0 ? t : 30.0;
}
Clock::time_point after(double seconds) {
  return Clock::now() + std::chrono::microseconds(int64_t(seconds * 1e6));
}
int ms_until(Clock::time_point deadline, int cap_ms) {
  if (deadline == kNever) return cap_ms;
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count() + 1;
  return int(std::max<long long>(0, std::min<long long>(ms, cap_ms)));
}

// ------------------------------------------------------------------ types and ops
size_t type_size(int dt) {
  switch (dt) {
    case ncclInt8: case ncclUint8: return 1;
    case ncclFloat16: case ncclBfloat16: return 2;
    case ncclInt32: case ncclUint32: case ncclFloat32: return 4;
    case ncclInt64: case ncclUint64: case ncclFloat64: return 8;
  }
  return 0;  // fp8: not emulated
}
const char* type_name(int dt) {
  static const char* names[] = {"ncclInt8", "ncclUint8", "ncclInt32", "ncclUint32", "ncclInt64", "ncclUint64",
                                "ncclFloat16", "ncclFloat32", "ncclFloat64", "ncclBfloat16", "ncclFloat8e4m3",
                                "ncclFloat8e5m2"};
  return dt >= 0 && dt < ncclNumTypes ? names[dt] : "?";
}
const char* op_name(int op) {
  static const char* names[] = {"ncclSum", "ncclProd", "ncclMax", "ncclMin", "ncclAvg"};
  return op >= 0 && op < ncclNumOps ? names[op] : "?";
}
enum Coll : int32_t { kAllReduce = 0, kReduce = 1, kBroadcast = 2 };
const char* coll_name(int c) {
  return c == kAllReduce ? "ncclAllReduce" : c == kReduce ? "ncclReduce" : c == kBroadcast ? "ncclBroadcast" : "?";
}

float bf16_to_float(uint16_t h) {
  uint32_t bits = uint32_t(h) << 16;
  float f;
  std::memcpy(&f, &bits, 4);
  return f;
}
uint16_t float_to_bf16(float f) {  // round to nearest even
  uint32_t b;
  std::memcpy(&b, &f, 4);
  if ((b & 0x7fffffffu) > 0x7f800000u) return uint16_t((b >> 16) | 0x40u);  // NaN stays NaN
  b += 0x7fffu + ((b >> 16) & 1u);
  return uint16_t(b >> 16);
}

// Integers wrap as they do on a GPU (in unsigned arithmetic: no undefined overflow).
template <class T> T combine(int op, T a, T b) {
  if constexpr (std::is_integral_v<T>) {
    using U = std::make_unsigned_t<T>;
    if (op == ncclSum || op == ncclAvg) return T(U(a) + U(b));
    if (op == ncclProd) return T(U(a) * U(b));
  } else {
    if (op == ncclSum || op == ncclAvg) return a + b;
    if (op == ncclProd) return a * b;
  }
  return op == ncclMax ? (b > a ? b : a) : (b < a ? b : a);
}
// out = in[0] op in[1] op ... in rank order; avg divides the sum by the rank count
// (integer division for integers).
template <class T> void reduce_as(int op, const std::vector<const T*>& in, T* out, size_t count) {
  std::memcpy(out, in[0], count * sizeof(T));
  for (size_t r = 1; r < in.size(); ++r)
    for (size_t i = 0; i < count; ++i) out[i] = combine(op, out[i], in[r][i]);
  if (op == ncclAvg)
    for (size_t i = 0; i < count; ++i) out[i] = T(out[i] / T(in.size()));
}
// 16-bit floats reduce in float and round once (NCCL rounds after each step: the last
// bit may differ).
template <class ToFloat, class FromFloat>
void reduce_half(int op, const std::vector<std::vector<char>>& in, char* out, size_t count, ToFloat to_float,
                 FromFloat from_float) {
  std::vector<std::vector<float>> wide(in.size(), std::vector<float>(count));
  std::vector<const float*> ptrs;
  for (size_t r = 0; r < in.size(); ++r) {
    const uint16_t* h = reinterpret_cast<const uint16_t*>(in[r].data());
    for (size_t i = 0; i < count; ++i) wide[r][i] = to_float(h[i]);
    ptrs.push_back(wide[r].data());
  }
  std::vector<float> acc(count);
  reduce_as<float>(op, ptrs, acc.data(), count);
  uint16_t* o = reinterpret_cast<uint16_t*>(out);
  for (size_t i = 0; i < count; ++i) o[i] = from_float(acc[i]);
}
template <class T> void reduce_typed(int op, const std::vector<std::vector<char>>& in, char* out, size_t count) {
  std::vector<const T*> ptrs;
  for (const auto& v : in) ptrs.push_back(reinterpret_cast<const T*>(v.data()));
  reduce_as<T>(op, ptrs, reinterpret_cast<T*>(out), count);
}
void reduce_all(int dt, int op, const std::vector<std::vector<char>>& in, char* out, size_t count) {
  switch (dt) {
    case ncclInt8: return reduce_typed<int8_t>(op, in, out, count);
    case ncclUint8: return reduce_typed<uint8_t>(op, in, out, count);
    case ncclInt32: return reduce_typed<int32_t>(op, in, out, count);
    case ncclUint32: return reduce_typed<uint32_t>(op, in, out, count);
    case ncclInt64: return reduce_typed<int64_t>(op, in, out, count);
    case ncclUint64: return reduce_typed<uint64_t>(op, in, out, count);
    case ncclFloat32: return reduce_typed<float>(op, in, out, count);
    case ncclFloat64: return reduce_typed<double>(op, in, out, count);
    case ncclFloat16:
      return reduce_half(op, in, out, count, [](uint16_t h) { return __half2float(__ushort_as_half(h)); },
                         [](float f) { return __half_as_ushort(__float2half_rn(f)); });
    case ncclBfloat16: return reduce_half(op, in, out, count, bf16_to_float, float_to_bf16);
  }
}

// ------------------------------------------------------------------ the wire
// The unique id: a magic, a nonce (checked when a rank joins), the root's socket name.
constexpr char kIdMagic[16] = "mxcemu-nccl-id1";
struct IdLayout {
  char magic[16];
  unsigned char nonce[16];
  char name[96];
};
static_assert(sizeof(IdLayout) == NCCL_UNIQUE_ID_BYTES, "the id is NCCL's 128 bytes");

constexpr uint32_t kMagic = 0x6d78636eu;
enum : uint32_t { kHello = 1, kOp, kOk, kResult, kError };
struct Hello {  // rank -> root, once
  uint32_t magic, kind;
  unsigned char nonce[16];
  int32_t rank, nranks, device, pid;
};
struct OpMsg {  // rank -> root per collective, followed by nbytes of send buffer
  uint32_t magic, kind;
  uint64_t seq, count, nbytes;
  int32_t coll, dtype, op, root;
};
struct Reply {  // root -> rank: kOk, kResult (followed by nbytes of result) or kError (text)
  uint32_t magic, kind;
  int32_t status;
  uint32_t text_bytes;
  uint64_t seq, nbytes;
};

sockaddr_un address(const IdLayout& id, socklen_t* len) {
  sockaddr_un a{};
  a.sun_family = AF_UNIX;
  size_t n = strnlen(id.name, sizeof id.name);
  std::memcpy(a.sun_path + 1, id.name, n);  // sun_path[0] == 0: Linux's abstract namespace
  *len = socklen_t(offsetof(sockaddr_un, sun_path) + 1 + n);
  return a;
}

// Waits until fd is ready for `events`: 1 ready (or hung up: the next call says so),
// 0 the deadline passed, -1 stop_fd became readable (the root is told to stop).
int wait_ready(int fd, short events, Clock::time_point deadline, int stop_fd) {
  for (;;) {
    if (deadline != kNever && Clock::now() >= deadline) return 0;
    pollfd p[2] = {{fd, events, 0}, {stop_fd, POLLIN, 0}};
    int r = poll(p, stop_fd >= 0 ? 2 : 1, ms_until(deadline, 1000));
    if (r < 0 && errno != EINTR) return 1;
    if (stop_fd >= 0 && p[1].revents) return -1;
    if (p[0].revents) return 1;
  }
}
enum Io { kIoOk, kIoClosed, kIoTimeout, kIoStopped };
// Moves n bytes at p through step(p, n) (a send or a recv on the non-blocking fd),
// waiting for `events` whenever the socket is not ready.
template <class Step>
Io move_all(int fd, char* p, size_t n, short events, Clock::time_point deadline, int stop_fd, Step step) {
  while (n) {
    ssize_t k = step(p, n);
    if (k > 0) {
      p += k, n -= size_t(k);
    } else if (k < 0 && errno == EINTR) {
    } else if (k < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
      int w = wait_ready(fd, events, deadline, stop_fd);
      if (w <= 0) return w == 0 ? kIoTimeout : kIoStopped;
    } else {
      return kIoClosed;  // 0 from recv: the peer closed; EPIPE, ECONNRESET
    }
  }
  return kIoOk;
}
Io send_all(int fd, const void* data, size_t n, Clock::time_point deadline, int stop_fd) {
  return move_all(fd, const_cast<char*>(static_cast<const char*>(data)), n, POLLOUT, deadline, stop_fd,
                  [fd](char* p, size_t k) { return send(fd, p, k, MSG_NOSIGNAL); });  // a closed peer: EPIPE, no signal
}
Io recv_all(int fd, void* data, size_t n, Clock::time_point deadline, int stop_fd) {
  return move_all(fd, static_cast<char*>(data), n, POLLIN, deadline, stop_fd,
                  [fd](char* p, size_t k) { return recv(fd, p, k, 0); });
}

std::string rank_list(const std::vector<bool>& present, bool want) {
  std::string s;
  for (size_t r = 0; r < present.size(); ++r)
    if (present[r] == want) s += (s.empty() ? "" : ", ") + std::to_string(r);
  return s;
}

// ------------------------------------------------------------------ the root
struct Root {
  int listen_fd = -1;
  int stop[2] = {-1, -1};   // written when rank 0's communicator goes (destroy or abort)
  int abort[2] = {-1, -1};  // written by ncclCommAbort only: results being sent are dropped too
  int nranks = 0;
  unsigned char nonce[16];
  std::thread thread;
};

void send_error(int fd, ncclResult_t status, const std::string& text) {
  Reply r{kMagic, kError, status, uint32_t(text.size()), 0, 0};
  auto deadline = after(1.0);
  if (send_all(fd, &r, sizeof r, deadline, -1) == kIoOk) send_all(fd, text.data(), text.size(), deadline, -1);
}

// The root's thread: lets nranks ranks join, then runs collective after collective
// until told to stop or until something fails (then every rank is told why, and the
// connections close, so that no rank waits).
void serve(Root* root) {
  const int n = root->nranks, stop = root->stop[0], abort_fd = root->abort[0];
  std::vector<int> fds(size_t(n), -1), pid(static_cast<size_t>(n)), dev(static_cast<size_t>(n));
  auto close_all = [&] {
    for (int& fd : fds)
      if (fd >= 0) close(fd), fd = -1;
  };
  auto give_up = [&](ncclResult_t status, const std::string& text) {
    for (int fd : fds)
      if (fd >= 0) send_error(fd, status, text);
    close_all();
  };

  // Joining: each rank connects and says who it is.
  const double limit = timeout_s();
  auto deadline = after(limit);
  std::vector<bool> joined(size_t(n), false);
  for (int njoined = 0; njoined < n;) {
    int w = wait_ready(root->listen_fd, POLLIN, deadline, stop);
    if (w < 0) return close_all();
    if (w == 0)
      return give_up(ncclInvalidUsage,
                     format("ncclCommInitRank: rank(s) %s of %d never joined within %g s (MXC_EMU_NCCL_TIMEOUT); "
                            "a thread that creates several ranks must do so between ncclGroupStart and "
                            "ncclGroupEnd (real NCCL would hang)", rank_list(joined, false).c_str(), n, limit));
    int fd = accept4(root->listen_fd, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
    if (fd < 0) continue;
    Hello h{};
    Io io = recv_all(fd, &h, sizeof h, deadline, stop);
    if (io == kIoStopped) return close(fd), close_all();
    if (io != kIoOk || h.magic != kMagic || h.kind != kHello || std::memcmp(h.nonce, root->nonce, 16) != 0) {
      close(fd);  // not one of ours
      continue;
    }
    std::string bad;
    if (h.nranks != n)
      bad = format("ncclCommInitRank: rank %d says the communicator has %d ranks, rank 0 says %d", h.rank, h.nranks, n);
    else if (h.rank < 0 || h.rank >= n)
      bad = format("ncclCommInitRank: rank %d of %d", h.rank, n);
    else if (fds[size_t(h.rank)] >= 0)
      bad = format("ncclCommInitRank: rank %d joined twice", h.rank);
    for (int r = 0; bad.empty() && r < n; ++r)
      if (fds[size_t(r)] >= 0 && pid[size_t(r)] == h.pid && dev[size_t(r)] == h.device)
        bad = format("ncclCommInitRank: ranks %d and %d are both on gpu(%d) of process %d (NCCL takes a device "
                     "once per communicator)", r, h.rank, h.device, h.pid);
    if (!bad.empty()) {
      send_error(fd, ncclInvalidUsage, bad);
      close(fd);
      return give_up(ncclInvalidUsage, bad);
    }
    fds[size_t(h.rank)] = fd, pid[size_t(h.rank)] = h.pid, dev[size_t(h.rank)] = h.device;
    joined[size_t(h.rank)] = true;
    ++njoined;
  }
  const Reply ok{kMagic, kOk, 0, 0, 0, 0};
  for (int fd : fds)
    if (send_all(fd, &ok, sizeof ok, after(limit), stop) == kIoStopped) return close_all();

  // Collectives, one after another: gather, check, reduce, answer.
  for (uint64_t seq = 1;; ++seq) {
    std::vector<OpMsg> msg(static_cast<size_t>(n));
    std::vector<std::vector<char>> data(static_cast<size_t>(n));
    std::vector<bool> got(size_t(n), false);
    int ngot = 0, first = -1;
    Clock::time_point op_deadline = kNever;  // starts when the first rank calls
    while (ngot < n) {
      std::vector<pollfd> p;
      std::vector<int> who;
      for (int r = 0; r < n; ++r)
        if (!got[size_t(r)]) p.push_back({fds[size_t(r)], POLLIN, 0}), who.push_back(r);
      p.push_back({stop, POLLIN, 0});
      int pr = poll(p.data(), nfds_t(p.size()), ms_until(op_deadline, 1000));
      if (pr < 0 && errno == EINTR) continue;
      if (p.back().revents) return close_all();
      if (pr == 0 && op_deadline != kNever && Clock::now() >= op_deadline)
        return give_up(ncclInvalidUsage,
                       format("%s #%llu: rank(s) %s of %d never called it within %g s of rank %d "
                              "(MXC_EMU_NCCL_TIMEOUT); a thread that drives several ranks must call their "
                              "collectives between ncclGroupStart and ncclGroupEnd (real NCCL would hang)",
                              coll_name(msg[size_t(first)].coll), (unsigned long long)seq,
                              rank_list(got, false).c_str(), n, timeout_s(), first));
      for (size_t i = 0; i + 1 < p.size(); ++i) {
        if (!p[i].revents) continue;
        const int r = who[i];
        OpMsg& m = msg[size_t(r)];
        Io io = recv_all(fds[size_t(r)], &m, sizeof m, after(limit), stop);
        if (io == kIoOk && (m.magic != kMagic || m.kind != kOp || m.seq != seq))
          return give_up(ncclInternalError, format("rank %d sent a malformed request for collective #%llu", r,
                                                   (unsigned long long)seq));
        if (io == kIoOk) {
          data[size_t(r)].resize(m.nbytes);
          io = recv_all(fds[size_t(r)], data[size_t(r)].data(), m.nbytes, after(limit), stop);
        }
        if (io == kIoStopped) return close_all();
        if (io != kIoOk) {
          close(fds[size_t(r)]);
          fds[size_t(r)] = -1;
          std::string waiting = ngot ? format(" while rank(s) %s wait in %s #%llu", rank_list(got, true).c_str(),
                                              coll_name(msg[size_t(first)].coll), (unsigned long long)seq)
                                     : std::string();
          return give_up(ncclRemoteError, format("rank %d of %d left the communicator (its process exited, or it "
                                                 "called ncclCommDestroy or ncclCommAbort)%s", r, n,
                                                 waiting.c_str()));
        }
        got[size_t(r)] = true;
        ++ngot;
        if (first < 0) first = r, op_deadline = after(timeout_s());
      }
    }
    const OpMsg& m0 = msg[0];
    for (int r = 1; r < n; ++r) {
      const OpMsg& m = msg[size_t(r)];
      if (m.coll != m0.coll || m.count != m0.count || m.dtype != m0.dtype ||
          (m.coll != kBroadcast && m.op != m0.op) || (m.coll != kAllReduce && m.root != m0.root))
        return give_up(ncclInvalidUsage,
                       format("collective #%llu differs between ranks: rank 0 calls %s(count %llu, %s, %s, root %d), "
                              "rank %d calls %s(count %llu, %s, %s, root %d) (real NCCL would hang or corrupt memory)",
                              (unsigned long long)seq, coll_name(m0.coll), (unsigned long long)m0.count,
                              type_name(m0.dtype), op_name(m0.op), m0.root, r, coll_name(m.coll),
                              (unsigned long long)m.count, type_name(m.dtype), op_name(m.op), m.root));
    }
    const size_t bytes = m0.count * type_size(m0.dtype);
    for (int r = 0; r < n; ++r) {
      bool sends = m0.coll != kBroadcast || r == m0.root;
      if (msg[size_t(r)].nbytes != (sends ? bytes : 0))
        return give_up(ncclInternalError, format("rank %d sent %llu bytes for collective #%llu, expected %zu", r,
                                                 (unsigned long long)msg[size_t(r)].nbytes,
                                                 (unsigned long long)seq, sends ? bytes : size_t(0)));
    }
    std::vector<char> result;
    if (m0.coll == kBroadcast) {
      result = std::move(data[size_t(m0.root)]);
    } else {
      result.resize(bytes);
      reduce_all(m0.dtype, m0.op, data, result.data(), m0.count);
    }
    for (int r = 0; r < n; ++r) {
      const bool gets = m0.coll != kReduce || r == m0.root;
      Reply rep{kMagic, kResult, 0, 0, seq, gets ? bytes : 0};
      // Delivered even when rank 0 destroys its communicator meanwhile (the others still
      // take their result); not when it aborts.
      Io io = send_all(fds[size_t(r)], &rep, sizeof rep, after(limit), abort_fd);
      if (io == kIoOk && gets) io = send_all(fds[size_t(r)], result.data(), bytes, after(limit), abort_fd);
      if (io == kIoStopped) return close_all();
      if (io != kIoOk) {
        close(fds[size_t(r)]);
        fds[size_t(r)] = -1;
        return give_up(ncclRemoteError, format("rank %d of %d left the communicator before it took the result of "
                                               "%s #%llu", r, n, coll_name(m0.coll), (unsigned long long)seq));
      }
    }
  }
}

void stop_root(Root* root, bool abort) {
  if (!root) return;
  if (root->thread.joinable()) {
    ssize_t w = abort ? write(root->abort[1], "x", 1) : 0;
    w = write(root->stop[1], "x", 1);
    (void)w;
    root->thread.join();
  }
  for (int fd : {root->listen_fd, root->stop[0], root->stop[1], root->abort[0], root->abort[1]})
    if (fd >= 0) close(fd);
  delete root;
}
}  // namespace

// ------------------------------------------------------------------ communicators
struct ncclComm {
  int rank = 0, nranks = 0, device = 0;
  IdLayout id{};
  int fd = -1;  // the connection to the root
  uint64_t seq = 0;
  bool ready = false;  // joined: ncclCommInitRank returned, or its group ended
  Root* root = nullptr;  // rank 0 runs the root
  std::atomic<ncclResult_t> error{ncclSuccess};  // once set, the communicator is broken for good
  std::string error_text;
  std::atomic<bool> aborted{false};
  std::mutex io;  // held while a call talks to the root; ncclCommAbort waits for it
};

namespace {
// Marks c broken (the first error stays) and reports text.
ncclResult_t break_comm(ncclComm_t c, ncclResult_t status, const std::string& text) {
  if (c->error == ncclSuccess) {
    c->error_text = text;
    c->error = status;
  }
  return fail(status, text);
}

// A collective checked and waiting to run (at once, or at ncclGroupEnd).
struct Op {
  int coll;
  const void* send;
  void* recv;
  size_t count;
  int dtype, op, root;
  ncclComm_t comm;
  cudaStream_t stream;
};
thread_local int t_group_depth = 0;
thread_local std::vector<Op> t_ops;
thread_local std::vector<ncclComm_t> t_inits;
thread_local ncclResult_t t_group_error = ncclSuccess;  // a call of the open group failed: it runs nothing

ncclResult_t start_root(ncclComm_t c) {
  auto* root = new Root;
  root->nranks = c->nranks;
  std::memcpy(root->nonce, c->id.nonce, 16);
  root->listen_fd = socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  socklen_t len;
  sockaddr_un a = address(c->id, &len);
  if (root->listen_fd < 0 || bind(root->listen_fd, reinterpret_cast<sockaddr*>(&a), len) != 0 ||
      listen(root->listen_fd, 128) != 0 || pipe2(root->stop, O_CLOEXEC) != 0 ||
      pipe2(root->abort, O_CLOEXEC) != 0) {
    int e = errno;
    stop_root(root, true);
    if (e == EADDRINUSE)
      return break_comm(c, ncclInvalidUsage, "ncclCommInitRank: rank 0 of this unique id exists already "
                                             "(each communicator needs its own ncclGetUniqueId)");
    return break_comm(c, ncclSystemError, format("ncclCommInitRank: rank 0 cannot listen: %s", strerror(e)));
  }
  root->thread = std::thread(serve, root);
  c->root = root;
  return ncclSuccess;
}

// Connects c to its root (retrying while rank 0 has not started yet) and says hello.
ncclResult_t join(ncclComm_t c, Clock::time_point deadline) {
  socklen_t len;
  sockaddr_un a = address(c->id, &len);
  for (;;) {
    int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) return break_comm(c, ncclSystemError, format("ncclCommInitRank: socket: %s", strerror(errno)));
    if (connect(fd, reinterpret_cast<sockaddr*>(&a), len) == 0) {
      fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
      c->fd = fd;
      break;
    }
    int e = errno;
    close(fd);
    if (e != ECONNREFUSED && e != ENOENT && e != EAGAIN && e != EINTR)
      return break_comm(c, ncclSystemError, format("ncclCommInitRank: connect: %s", strerror(e)));
    if (Clock::now() >= deadline)
      return break_comm(c, ncclInvalidUsage,
                        format("ncclCommInitRank: rank %d: no rank 0 started for this unique id within %g s "
                               "(MXC_EMU_NCCL_TIMEOUT)", c->rank, timeout_s()));
    usleep(5000);
  }
  Hello h{kMagic, kHello, {}, c->rank, c->nranks, c->device, int32_t(getpid())};
  std::memcpy(h.nonce, c->id.nonce, 16);
  if (send_all(c->fd, &h, sizeof h, deadline, -1) != kIoOk)
    return break_comm(c, ncclRemoteError, format("ncclCommInitRank: rank %d: rank 0 closed the connection", c->rank));
  return ncclSuccess;
}

// Reads a kError reply's text (after its header) and breaks c with it.
ncclResult_t take_error(ncclComm_t c, const Reply& r) {
  std::string text(r.text_bytes, '\0');
  recv_all(c->fd, &text[0], text.size(), after(1.0), -1);
  return break_comm(c, ncclResult_t(r.status), text);
}

// Starts the roots first (so that one thread can create all ranks of a clique), then
// joins every rank and waits until each is told that all have joined.
ncclResult_t run_inits(const std::vector<ncclComm_t>& comms) {
  ncclResult_t first = ncclSuccess;
  auto note = [&](ncclResult_t r) {
    if (first == ncclSuccess) first = r;
  };
  for (ncclComm_t c : comms)
    if (c->rank == 0) note(start_root(c));
  auto deadline = after(timeout_s());
  for (ncclComm_t c : comms)
    if (c->error == ncclSuccess) note(join(c, deadline));
  deadline = after(timeout_s() + 2);  // the root's own limit comes first and names the missing ranks
  for (ncclComm_t c : comms) {
    if (c->error != ncclSuccess) continue;
    Reply r{};
    Io io = recv_all(c->fd, &r, sizeof r, deadline, -1);
    if (io == kIoOk && r.magic == kMagic && r.kind == kOk) {
      c->ready = true;
    } else if (io == kIoOk && r.magic == kMagic && r.kind == kError) {
      note(take_error(c, r));
    } else {
      note(break_comm(c, io == kIoTimeout ? ncclInvalidUsage : ncclRemoteError,
                      format("ncclCommInitRank: rank %d: %s", c->rank,
                             io == kIoTimeout ? "the other ranks did not join in time"
                                              : "rank 0 closed the connection before every rank joined")));
    }
  }
  return first;
}

void free_comm(ncclComm_t c, bool abort = false) {
  auto it = std::find(t_inits.begin(), t_inits.end(), c);
  if (it != t_inits.end()) t_inits.erase(it);
  if (c->fd >= 0) close(c->fd);
  stop_root(c->root, abort);
  delete c;
}

ncclComm_t new_comm(int rank, int nranks, const IdLayout& id, int device) {
  auto* c = new ncclComm;
  c->rank = rank, c->nranks = nranks, c->device = device, c->id = id;
  return c;
}

// One communicator's share of a batch of collectives (a group, or one call): one
// request at a time goes out, each after the reply to the one before.
struct Link {
  ncclComm_t comm;
  std::vector<size_t> ops;  // indices into the batch, in call order
  size_t requested = 0, answered = 0;
  std::vector<char> out;  // the request being sent
  size_t sent = 0;
  bool send_failed = false;
  std::vector<char> in;  // replies being received
  bool done = false;
};

// Runs a batch of collectives: each reads its send buffer only once the earlier
// collectives of the batch on its communicator and on its stream have finished (they
// run in that order on a GPU), so a group may chain collectives.
ncclResult_t run_ops(const std::vector<Op>& ops) {
  ncclResult_t first = ncclSuccess;
  auto note = [&](ncclResult_t r) {
    if (first == ncclSuccess) first = r;
  };
  std::vector<Link> links;
  for (size_t i = 0; i < ops.size(); ++i) {
    auto it = std::find_if(links.begin(), links.end(), [&](const Link& l) { return l.comm == ops[i].comm; });
    if (it == links.end()) it = links.insert(links.end(), Link{ops[i].comm, {}, 0, 0, {}, 0, false, {}, false});
    it->ops.push_back(i);
  }
  // One thread at a time talks to a communicator's root; locked in address order.
  std::vector<ncclComm_t> order;
  for (Link& l : links) order.push_back(l.comm);
  std::sort(order.begin(), order.end());
  std::vector<std::unique_lock<std::mutex>> locks;
  for (ncclComm_t c : order) locks.emplace_back(c->io);

  std::vector<bool> finished(ops.size(), false);  // answered, or given up
  auto finish_link = [&](Link& l) {
    l.done = true;
    for (size_t i : l.ops) finished[i] = true;
  };
  for (Link& l : links) {
    ncclComm_t c = l.comm;
    if (c->error != ncclSuccess) {
      note(fail(c->error, format("rank %d's communicator failed earlier: %s", c->rank, c->error_text.c_str())));
      finish_link(l);
    } else if (!c->ready) {
      note(fail(ncclInvalidUsage, format("rank %d's communicator is not initialised", c->rank)));
      finish_link(l);
    }
  }
  // The work queued on the streams before the collectives comes first.
  for (const Op& o : ops) mxcemu::stream_drain(o.stream);
  auto may_start = [&](size_t j) {
    for (size_t i = 0; i < j; ++i)
      if (!finished[i] && ops[i].stream && ops[i].stream == ops[j].stream) return false;
    return true;
  };

  const double limit = timeout_s();
  auto deadline = after(limit + 2);  // the root's own limit comes first and names the missing ranks
  for (;;) {
    std::vector<pollfd> p;
    std::vector<Link*> who;
    for (Link& l : links) {
      if (l.done) continue;
      if (l.requested == l.answered && l.requested < l.ops.size() && may_start(l.ops[l.requested])) {
        const Op& o = ops[l.ops[l.requested++]];
        const size_t bytes = o.count * type_size(o.dtype);
        const bool sends = o.coll != kBroadcast || o.comm->rank == o.root;
        OpMsg m{kMagic, kOp, ++o.comm->seq, o.count, sends ? bytes : 0, o.coll, o.dtype, o.op, o.root};
        const char* mp = reinterpret_cast<const char*>(&m);
        l.out.assign(mp, mp + sizeof m);
        if (sends) l.out.insert(l.out.end(), static_cast<const char*>(o.send), static_cast<const char*>(o.send) + bytes);
        l.sent = 0;
      }
      short ev = POLLIN;
      if (!l.send_failed && l.sent < l.out.size()) ev |= POLLOUT;
      p.push_back({l.comm->fd, ev, 0});
      who.push_back(&l);
    }
    if (p.empty()) break;
    int pr = poll(p.data(), nfds_t(p.size()), ms_until(deadline, 100));
    if (pr < 0 && errno != EINTR) {
      for (Link* l : who) {
        note(break_comm(l->comm, ncclSystemError, format("rank %d: poll: %s", l->comm->rank, strerror(errno))));
        finish_link(*l);
      }
      break;
    }
    const bool late = Clock::now() >= deadline;
    for (size_t i = 0; i < p.size(); ++i) {
      Link& l = *who[i];
      ncclComm_t c = l.comm;
      const char* what = coll_name(ops[l.ops[std::min(l.answered, l.ops.size() - 1)]].coll);
      if (c->aborted) {
        note(break_comm(c, ncclInvalidUsage, format("%s: rank %d's communicator was aborted (ncclCommAbort)", what,
                                                    c->rank)));
        finish_link(l);
        continue;
      }
      if ((p[i].revents & POLLOUT) && !l.send_failed) {
        ssize_t w = send(c->fd, l.out.data() + l.sent, l.out.size() - l.sent, MSG_NOSIGNAL);
        if (w > 0) l.sent += size_t(w);
        else if (w < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) l.send_failed = true;
        // (the root may have closed after sending why: the reply below says)
      }
      if (p[i].revents & (POLLIN | POLLHUP | POLLERR)) {
        char buf[1 << 16];
        ssize_t r = recv(c->fd, buf, sizeof buf, 0);
        if (r > 0) {
          l.in.insert(l.in.end(), buf, buf + r);
        } else if (r == 0 || (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)) {
          note(break_comm(c, ncclRemoteError,
                          format("%s: rank %d: rank 0 of the communicator (which runs its collectives) closed the "
                                 "connection: its process exited, or it called ncclCommDestroy or ncclCommAbort",
                                 what, c->rank)));
          finish_link(l);
          continue;
        }
      }
      // A complete reply answers the request in flight.
      if (l.in.size() >= sizeof(Reply)) {
        Reply rep;
        std::memcpy(&rep, l.in.data(), sizeof rep);
        const size_t whole = sizeof rep + rep.text_bytes + rep.nbytes;
        if (rep.magic != kMagic || (rep.kind != kResult && rep.kind != kError) ||
            (rep.kind == kResult && l.requested == l.answered)) {
          note(break_comm(c, ncclInternalError, format("%s: rank %d: a malformed reply from rank 0", what, c->rank)));
          finish_link(l);
        } else if (l.in.size() >= whole && rep.kind == kError) {
          note(break_comm(c, ncclResult_t(rep.status), std::string(l.in.data() + sizeof rep, rep.text_bytes)));
          finish_link(l);
        } else if (l.in.size() >= whole) {
          const size_t j = l.ops[l.answered];
          const Op& o = ops[j];
          if (rep.nbytes && rep.nbytes != o.count * type_size(o.dtype)) {
            note(break_comm(c, ncclInternalError, format("%s: rank %d: a reply of %llu bytes", what, c->rank,
                                                         (unsigned long long)rep.nbytes)));
            finish_link(l);
            continue;
          }
          if (rep.nbytes) std::memmove(o.recv, l.in.data() + sizeof rep, rep.nbytes);
          ++g_calls;
          l.in.erase(l.in.begin(), l.in.begin() + ptrdiff_t(whole));
          finished[j] = true;
          if (++l.answered == l.ops.size()) l.done = true;
          deadline = after(limit + 2);  // progress: each collective gets the full limit
          continue;
        }
      }
      if (!l.done && late) {
        note(break_comm(c, ncclInvalidUsage, format("%s: rank %d: no result within %g s (MXC_EMU_NCCL_TIMEOUT)",
                                                    what, c->rank, limit)));
        finish_link(l);
      }
    }
  }
  return first;
}

ncclResult_t check_buffer(const char* call, const char* what, const void* p, size_t bytes, ncclComm_t c) {
  if (!p) return fail(ncclInvalidArgument, format("%s: %s is NULL (rank %d)", call, what, c->rank));
  std::string why;
  int w = mxcemu::memory_device(p, bytes, &why);
  if (w == -3) return fail(ncclInvalidArgument, format("%s: %s %p (rank %d): %s", call, what, p, c->rank, why.c_str()));
  if (w == -2)
    return fail(ncclInvalidArgument, format("%s: %s %p (rank %d) is not device memory (host memory, or memory "
                                            "already freed)", call, what, p, c->rank));
  if (w == -1)
    return fail(ncclInvalidArgument, format("%s: %s %p (rank %d) is pinned host memory, not memory of gpu(%d)", call,
                                            what, p, c->rank, c->device));
  if (w != c->device)
    return fail(ncclInvalidArgument, format("%s: %s %p is memory of gpu(%d); rank %d's communicator is on gpu(%d)",
                                            call, what, p, w, c->rank, c->device));
  return ncclSuccess;
}

// Checks a collective's arguments (at the call, as NCCL does), then runs it or, inside
// a group, records it for ncclGroupEnd.
ncclResult_t check_and_run(int coll, const void* send, void* recv, size_t count, int dtype, int op, int root,
                           ncclComm_t c, cudaStream_t stream) {
  const char* call = coll_name(coll);
  if (!c) return fail(ncclInvalidArgument, format("%s: comm is NULL", call));
  if (c->error != ncclSuccess)
    return fail(c->error, format("%s: rank %d's communicator failed earlier: %s", call, c->rank, c->error_text.c_str()));
  if (!c->ready && std::find(t_inits.begin(), t_inits.end(), c) == t_inits.end())
    return fail(ncclInvalidUsage, format("%s: rank %d's communicator is not initialised (its ncclCommInitRank "
                                         "failed, or ran in another thread's unfinished group)", call, c->rank));
  if (dtype < 0 || dtype >= ncclNumTypes)
    return fail(ncclInvalidArgument, format("%s: datatype %d is not an ncclDataType_t", call, dtype));
  if (!type_size(dtype))
    return fail(ncclInvalidArgument, format("%s: datatype %s is not supported by the emulator", call,
                                            type_name(dtype)));
  if (coll != kBroadcast && (op < 0 || op >= ncclNumOps))
    return fail(ncclInvalidArgument, format("%s: op %d is not a built-in ncclRedOp_t (the emulator has no "
                                            "ncclRedOpCreatePreMulSum)", call, op));
  if (coll != kAllReduce && (root < 0 || root >= c->nranks))
    return fail(ncclInvalidArgument, format("%s: root %d, but the communicator has %d ranks", call, root, c->nranks));
  if (stream) {
    int sd = mxcemu::stream_device(stream);
    if (sd < 0) return fail(ncclInvalidArgument, format("%s: stream %p is not a live CUDA stream", call,
                                                        static_cast<void*>(stream)));
    if (sd != c->device)
      return fail(ncclInvalidArgument, format("%s: the stream is on gpu(%d); rank %d's communicator is on gpu(%d)",
                                              call, sd, c->rank, c->device));
  }
  if (count == 0) return ncclSuccess;  // nothing to do, as in NCCL
  const size_t es = type_size(dtype);
  if (count > SIZE_MAX / es) return fail(ncclInvalidArgument, format("%s: count %zu overflows", call, count));
  const size_t bytes = count * es;
  const bool reads = coll != kBroadcast || c->rank == root, writes = coll != kReduce || c->rank == root;
  if (reads)
    if (ncclResult_t r = check_buffer(call, "sendbuff", send, bytes, c)) return r;
  if (writes)
    if (ncclResult_t r = check_buffer(call, "recvbuff", recv, bytes, c)) return r;
  if (reads && writes && send != recv) {
    auto s = reinterpret_cast<uintptr_t>(send), d = reinterpret_cast<uintptr_t>(recv);
    if (s < d + bytes && d < s + bytes)
      return fail(ncclInvalidArgument, format("%s: sendbuff and recvbuff overlap without being equal (rank %d)", call,
                                              c->rank));
  }
  Op o{coll, send, recv, count, dtype, op, root, c, stream};
  if (t_group_depth > 0) {
    t_ops.push_back(o);
    return ncclSuccess;
  }
  return run_ops({o});
}
// As NCCL: a call of a group that fails its checks cancels the whole group (ncclGroupEnd
// runs none of its collectives and returns that error), so that no rank waits for it.
ncclResult_t collective(int coll, const void* send, void* recv, size_t count, int dtype, int op, int root,
                        ncclComm_t c, cudaStream_t stream) {
  ncclResult_t r = check_and_run(coll, send, recv, count, dtype, op, root, c, stream);
  if (r != ncclSuccess && t_group_depth > 0 && t_group_error == ncclSuccess) t_group_error = r;
  return r;
}
}  // namespace

// ------------------------------------------------------------------ the API
EMU_EXPORT ncclResult_t ncclGetVersion(int* version) {
  if (!version) return fail(ncclInvalidArgument, "ncclGetVersion: version is NULL");
  *version = 22500;  // "2.25.0" in NCCL_VERSION_CODE's form: major * 10000 + minor * 100 + patch
  return ncclSuccess;
}

EMU_EXPORT const char* ncclGetErrorString(ncclResult_t r) {
  switch (r) {
    case ncclSuccess: return "no error";
    case ncclUnhandledCudaError: return "unhandled CUDA error";
    case ncclSystemError: return "unhandled system error (socket or thread)";
    case ncclInternalError: return "internal error";
    case ncclInvalidArgument: return "invalid argument";
    case ncclInvalidUsage: return "invalid usage";
    case ncclRemoteError: return "remote process exited, or closed its communicator";
    case ncclInProgress: return "operation in progress";
    case ncclTimeout: return "timeout";
    default: return "unknown NCCL result code";
  }
}

// The emulator's explanation of the last error raised on this thread.
EMU_EXPORT const char* ncclGetLastError(ncclComm_t) { return t_error.c_str(); }

EMU_EXPORT ncclResult_t ncclGetUniqueId(ncclUniqueId* uid) {
  if (!uid) return fail(ncclInvalidArgument, "ncclGetUniqueId: uniqueId is NULL");
  IdLayout id{};
  std::memcpy(id.magic, kIdMagic, sizeof id.magic);
  int fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
  bool random = fd >= 0 && read(fd, id.nonce, sizeof id.nonce) == ssize_t(sizeof id.nonce);
  if (fd >= 0) close(fd);
  if (!random) {  // still unique within the machine: time, process, a counter
    static std::atomic<uint64_t> counter{0};
    uint64_t parts[2] = {uint64_t(Clock::now().time_since_epoch().count()),
                         (uint64_t(getpid()) << 32) ^ ++counter};
    std::memcpy(id.nonce, parts, sizeof parts);
  }
  std::string hex;
  for (unsigned char b : id.nonce) hex += format("%02x", b);
  snprintf(id.name, sizeof id.name, "mxcemu-nccl-%d-%s", int(getpid()), hex.c_str());
  std::memcpy(uid, &id, sizeof id);
  return ncclSuccess;
}

// The rank's device is the calling thread's current one (cudaSetDevice), as in NCCL.
EMU_EXPORT ncclResult_t ncclCommInitRank(ncclComm_t* comm, int nranks, ncclUniqueId uid, int rank) {
  if (!comm) return fail(ncclInvalidArgument, "ncclCommInitRank: comm is NULL");
  *comm = nullptr;
  IdLayout id;
  std::memcpy(&id, &uid, sizeof id);
  if (std::memcmp(id.magic, kIdMagic, sizeof id.magic) != 0)
    return fail(ncclInvalidArgument, "ncclCommInitRank: the unique id was not made by ncclGetUniqueId (of the "
                                     "emulator)");
  if (nranks < 1) return fail(ncclInvalidArgument, format("ncclCommInitRank: nranks %d", nranks));
  if (rank < 0 || rank >= nranks)
    return fail(ncclInvalidArgument, format("ncclCommInitRank: rank %d of %d ranks", rank, nranks));
  const int device = mxcemu::current_device();
  if (device < 0 || device >= mxcemu::device_count())
    return fail(ncclInvalidArgument, format("ncclCommInitRank: the current device %d does not exist", device));
  ncclComm_t c = new_comm(rank, nranks, id, device);
  if (t_group_depth > 0) {  // joins at ncclGroupEnd
    *comm = c;
    t_inits.push_back(c);
    return ncclSuccess;
  }
  ncclResult_t r = run_inits({c});
  if (r != ncclSuccess) {
    free_comm(c);
    return r;
  }
  *comm = c;
  return ncclSuccess;
}

EMU_EXPORT ncclResult_t ncclCommInitAll(ncclComm_t* comms, int ndev, const int* devlist) {
  if (!comms) return fail(ncclInvalidArgument, "ncclCommInitAll: comm is NULL");
  if (ndev < 1) return fail(ncclInvalidArgument, format("ncclCommInitAll: ndev %d", ndev));
  std::vector<int> devs;
  for (int i = 0; i < ndev; ++i) {
    int d = devlist ? devlist[i] : i;
    if (d < 0 || d >= mxcemu::device_count())
      return fail(ncclInvalidArgument, format("ncclCommInitAll: device %d does not exist (%d emulated, "
                                              "MXC_EMU_GPUS)", d, mxcemu::device_count()));
    if (std::find(devs.begin(), devs.end(), d) != devs.end())
      return fail(ncclInvalidUsage, format("ncclCommInitAll: device %d appears twice in devlist", d));
    devs.push_back(d);
  }
  ncclUniqueId uid;
  ncclGetUniqueId(&uid);
  IdLayout id;
  std::memcpy(&id, &uid, sizeof id);
  std::vector<ncclComm_t> cs;
  for (int i = 0; i < ndev; ++i) cs.push_back(new_comm(i, ndev, id, devs[size_t(i)]));
  ncclResult_t r = run_inits(cs);
  for (int i = 0; i < ndev; ++i) {
    if (r != ncclSuccess) free_comm(cs[size_t(i)]);
    comms[i] = r == ncclSuccess ? cs[size_t(i)] : nullptr;
  }
  return r;
}

EMU_EXPORT ncclResult_t ncclCommDestroy(ncclComm_t comm) {
  if (!comm) return fail(ncclInvalidArgument, "ncclCommDestroy: comm is NULL");
  { std::lock_guard<std::mutex> l(comm->io); }  // another thread's call on it has returned
  free_comm(comm);
  return ncclSuccess;
}

// From any state, and from another thread while a call waits on the communicator:
// that call fails at once, then the communicator is freed.
EMU_EXPORT ncclResult_t ncclCommAbort(ncclComm_t comm) {
  if (!comm) return ncclSuccess;
  comm->aborted = true;
  if (comm->fd >= 0) shutdown(comm->fd, SHUT_RDWR);
  { std::lock_guard<std::mutex> l(comm->io); }
  free_comm(comm, true);
  return ncclSuccess;
}

// The error a call on the communicator met (a peer that left, a timeout, a mismatch),
// which every later call returns too. A peer that leaves while no collective waits for
// it breaks the communicator only when the next collective needs it, as with NCCL: a
// process that finishes first must not fail the others' last wait.
EMU_EXPORT ncclResult_t ncclCommGetAsyncError(ncclComm_t comm, ncclResult_t* asyncError) {
  if (!comm || !asyncError) return fail(ncclInvalidArgument, "ncclCommGetAsyncError: comm or asyncError is NULL");
  *asyncError = comm->error;
  return ncclSuccess;
}

EMU_EXPORT ncclResult_t ncclCommCount(const ncclComm_t comm, int* count) {
  if (!comm || !count) return fail(ncclInvalidArgument, "ncclCommCount: comm or count is NULL");
  *count = comm->nranks;
  return ncclSuccess;
}
EMU_EXPORT ncclResult_t ncclCommCuDevice(const ncclComm_t comm, int* device) {
  if (!comm || !device) return fail(ncclInvalidArgument, "ncclCommCuDevice: comm or device is NULL");
  *device = comm->device;
  return ncclSuccess;
}
EMU_EXPORT ncclResult_t ncclCommUserRank(const ncclComm_t comm, int* rank) {
  if (!comm || !rank) return fail(ncclInvalidArgument, "ncclCommUserRank: comm or rank is NULL");
  *rank = comm->rank;
  return ncclSuccess;
}

EMU_EXPORT ncclResult_t ncclAllReduce(const void* sendbuff, void* recvbuff, size_t count, ncclDataType_t datatype,
                                      ncclRedOp_t op, ncclComm_t comm, cudaStream_t stream) {
  return collective(kAllReduce, sendbuff, recvbuff, count, int(datatype), int(op), 0, comm, stream);
}
// recvbuff matters on the root only.
EMU_EXPORT ncclResult_t ncclReduce(const void* sendbuff, void* recvbuff, size_t count, ncclDataType_t datatype,
                                   ncclRedOp_t op, int root, ncclComm_t comm, cudaStream_t stream) {
  return collective(kReduce, sendbuff, recvbuff, count, int(datatype), int(op), root, comm, stream);
}
// sendbuff matters on the root only.
EMU_EXPORT ncclResult_t ncclBroadcast(const void* sendbuff, void* recvbuff, size_t count, ncclDataType_t datatype,
                                      int root, ncclComm_t comm, cudaStream_t stream) {
  return collective(kBroadcast, sendbuff, recvbuff, count, int(datatype), int(ncclSum), root, comm, stream);
}

EMU_EXPORT ncclResult_t ncclGroupStart() {
  ++t_group_depth;
  return ncclSuccess;
}
// The outermost ncclGroupEnd joins the ranks created in the group, then runs the
// collectives recorded (their streams' earlier work first) -- none of them when a call
// of the group failed.
EMU_EXPORT ncclResult_t ncclGroupEnd() {
  if (t_group_depth == 0) return fail(ncclInvalidUsage, "ncclGroupEnd: no ncclGroupStart before it");
  if (--t_group_depth > 0) return ncclSuccess;
  std::vector<ncclComm_t> inits;
  std::vector<Op> ops;
  inits.swap(t_inits);
  ops.swap(t_ops);
  const ncclResult_t cancelled = t_group_error;
  t_group_error = ncclSuccess;
  ncclResult_t r = inits.empty() ? ncclSuccess : run_inits(inits);
  if (cancelled != ncclSuccess) {
    if (!ops.empty())
      fail(cancelled, format("ncclGroupEnd: a call of the group failed, so none of its %zu collectives ran",
                             ops.size()));
    return cancelled;
  }
  if (!ops.empty()) {
    ncclResult_t r2 = run_ops(ops);
    if (r == ncclSuccess) r = r2;
  }
  return r;
}

EMU_EXPORT long long mxcemu_nccl_calls(void) { return g_calls.load(); }
