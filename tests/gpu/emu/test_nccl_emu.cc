// Tests of the emulator's NCCL (nccl_emu.cc): every datatype and op in place and out of
// place on two emulated GPUs with asynchronous streams, reduce and broadcast roots,
// ranks created from several threads, what it rejects, the timeout a lone rank meets,
// two processes, a peer that dies, abort. Run by CTest as test_nccl_emu; an optional
// argument names libmxlite_cuda_emu.so, whose NCCL exports are then checked.
#include <cuda_fp16.h>
#include <cuda_runtime.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

#include "nccl_emu.h"
#undef dlopen

#include "emu_check.h"

using Clock = std::chrono::steady_clock;
static double seconds_since(Clock::time_point t) {
  return std::chrono::duration<double>(Clock::now() - t).count();
}

static void* dev_alloc(int dev, size_t bytes) {
  cudaSetDevice(dev);
  void* p = nullptr;
  cudaMalloc(&p, bytes);
  return p;
}
static void dev_free(int dev, void* p) {
  cudaSetDevice(dev);
  cudaFree(p);
}
static std::vector<char> download(const void* p, size_t bytes, cudaStream_t s) {
  std::vector<char> h(bytes);
  cudaMemcpyAsync(h.data(), p, bytes, cudaMemcpyDeviceToHost, s);  // into pageable memory: waits for s
  return h;
}

// ------------------------------------------------------------------ values per datatype
// Rank r's element i; small integers, exact in every type (prod of two stays < 128).
static double value(int r, size_t i) { return double((i % 5) + 1 + 2 * r); }
static size_t type_size(int dt) {
  static const size_t s[] = {1, 1, 4, 4, 8, 8, 2, 4, 8, 2};
  return s[dt];
}
static void store(int dt, char* p, size_t i, double v) {
  switch (dt) {
    case ncclInt8: reinterpret_cast<int8_t*>(p)[i] = int8_t(v); break;
    case ncclUint8: reinterpret_cast<uint8_t*>(p)[i] = uint8_t(v); break;
    case ncclInt32: reinterpret_cast<int32_t*>(p)[i] = int32_t(v); break;
    case ncclUint32: reinterpret_cast<uint32_t*>(p)[i] = uint32_t(v); break;
    case ncclInt64: reinterpret_cast<int64_t*>(p)[i] = int64_t(v); break;
    case ncclUint64: reinterpret_cast<uint64_t*>(p)[i] = uint64_t(v); break;
    case ncclFloat16: reinterpret_cast<__half*>(p)[i] = __float2half_rn(float(v)); break;
    case ncclFloat32: reinterpret_cast<float*>(p)[i] = float(v); break;
    case ncclFloat64: reinterpret_cast<double*>(p)[i] = v; break;
    case ncclBfloat16: {
      float f = float(v);
      uint32_t b;
      std::memcpy(&b, &f, 4);  // exact: small integers have few mantissa bits
      reinterpret_cast<uint16_t*>(p)[i] = uint16_t(b >> 16);
      break;
    }
  }
}
static double load(int dt, const char* p, size_t i) {
  switch (dt) {
    case ncclInt8: return reinterpret_cast<const int8_t*>(p)[i];
    case ncclUint8: return reinterpret_cast<const uint8_t*>(p)[i];
    case ncclInt32: return reinterpret_cast<const int32_t*>(p)[i];
    case ncclUint32: return reinterpret_cast<const uint32_t*>(p)[i];
    case ncclInt64: return double(reinterpret_cast<const int64_t*>(p)[i]);
    case ncclUint64: return double(reinterpret_cast<const uint64_t*>(p)[i]);
    case ncclFloat16: return __half2float(reinterpret_cast<const __half*>(p)[i]);
    case ncclFloat32: return reinterpret_cast<const float*>(p)[i];
    case ncclFloat64: return reinterpret_cast<const double*>(p)[i];
    case ncclBfloat16: {
      uint32_t b = uint32_t(reinterpret_cast<const uint16_t*>(p)[i]) << 16;
      float f;
      std::memcpy(&f, &b, 4);
      return f;
    }
  }
  return NAN;
}
static double expected(int dt, int op, size_t i, int nranks) {
  double acc = value(0, i);
  for (int r = 1; r < nranks; ++r) {
    double v = value(r, i);
    acc = op == ncclProd ? acc * v : op == ncclMax ? std::max(acc, v) : op == ncclMin ? std::min(acc, v) : acc + v;
  }
  if (op == ncclAvg) {
    bool integer = dt <= ncclUint64;
    acc = integer ? std::floor(acc / nranks) : acc / nranks;
  }
  return acc;
}
static std::vector<char> host_values(int dt, int rank, size_t count) {
  std::vector<char> h(count * type_size(dt));
  for (size_t i = 0; i < count; ++i) store(dt, h.data(), i, value(rank, i));
  return h;
}

// ------------------------------------------------------------------ the tests
static void test_basics() {
  int v = 0;
  CHECK(ncclGetVersion(&v) == ncclSuccess && v / 10000 == 2);
  CHECK(std::string(ncclGetErrorString(ncclInvalidArgument)) == "invalid argument");
  CHECK(std::strlen(ncclGetErrorString(ncclRemoteError)) > 0);
  ncclComm_t c[2] = {nullptr, nullptr};
  CHECK(ncclCommInitAll(c, 2, nullptr) == ncclSuccess);
  for (int r = 0; r < 2; ++r) {
    int n = 0, dev = -1, rank = -1;
    CHECK(ncclCommCount(c[r], &n) == ncclSuccess && n == 2);
    CHECK(ncclCommCuDevice(c[r], &dev) == ncclSuccess && dev == r);
    CHECK(ncclCommUserRank(c[r], &rank) == ncclSuccess && rank == r);
    ncclResult_t e = ncclInternalError;
    CHECK(ncclCommGetAsyncError(c[r], &e) == ncclSuccess && e == ncclSuccess);
  }
  for (auto x : c) CHECK(ncclCommDestroy(x) == ncclSuccess);
  // devlist: rank 0 on gpu(1)
  int devs[2] = {1, 0};
  CHECK(ncclCommInitAll(c, 2, devs) == ncclSuccess);
  int dev = -1;
  CHECK(ncclCommCuDevice(c[0], &dev) == ncclSuccess && dev == 1);
  for (auto x : c) ncclCommDestroy(x);
  // One rank (on gpu(1)): a collective outside a group completes at once (a copy).
  int one = 1;
  CHECK(ncclCommInitAll(c, 1, &one) == ncclSuccess);
  float* x = static_cast<float*>(dev_alloc(1, 8));
  float* y = static_cast<float*>(dev_alloc(1, 8));
  float hx[2] = {4.f, 5.f}, hy[2] = {0.f, 0.f};
  cudaMemcpy(x, hx, 8, cudaMemcpyHostToDevice);
  CHECK(ncclAllReduce(x, y, 2, ncclFloat32, ncclAvg, c[0], nullptr) == ncclSuccess);
  cudaMemcpy(hy, y, 8, cudaMemcpyDeviceToHost);
  CHECK(hy[0] == 4.f && hy[1] == 5.f);
  dev_free(1, x);
  dev_free(1, y);
  ncclCommDestroy(c[0]);
  int dup[2] = {0, 0}, bad[2] = {0, 7};
  CHECK(ncclCommInitAll(c, 2, dup) == ncclInvalidUsage);
  CHECK(ncclCommInitAll(c, 2, bad) == ncclInvalidArgument);
  CHECK(std::strstr(ncclGetLastError(nullptr), "device 7") != nullptr);
  CHECK(ncclGroupEnd() == ncclInvalidUsage);
}

// Every datatype and op, in place and out of place, as a group on two devices with
// asynchronous streams: the send buffers are written by copies still queued on the
// streams when the group starts, and a copy queued after the collective must see its
// result.
static void test_allreduce_all_types() {
  ncclComm_t c[2];
  CHECK(ncclCommInitAll(c, 2, nullptr) == ncclSuccess);
  cudaStream_t s[2];
  for (int r = 0; r < 2; ++r) cudaSetDevice(r), cudaStreamCreateWithFlags(&s[r], cudaStreamNonBlocking);
  const size_t count = 37;
  const int dtypes[] = {ncclInt8, ncclUint8, ncclInt32, ncclUint32, ncclInt64, ncclUint64,
                        ncclFloat16, ncclFloat32, ncclFloat64, ncclBfloat16};
  const long long calls0 = mxcemu_nccl_calls();
  int cases = 0, right = 0;
  for (int dt : dtypes) {
    for (int op = 0; op < ncclNumOps; ++op) {
      for (int in_place = 0; in_place < 2; ++in_place) {
        const size_t bytes = count * type_size(dt);
        void *send[2], *recv[2], *after[2];
        for (int r = 0; r < 2; ++r) {
          send[r] = dev_alloc(r, bytes);
          recv[r] = in_place ? send[r] : dev_alloc(r, bytes);
          after[r] = dev_alloc(r, bytes);
          std::vector<char> h = host_values(dt, r, count);
          cudaSetDevice(r);
          cudaMemcpyAsync(send[r], h.data(), bytes, cudaMemcpyHostToDevice, s[r]);  // queued (async streams)
        }
        ncclGroupStart();
        for (int r = 0; r < 2; ++r)
          CHECK(ncclAllReduce(send[r], recv[r], count, ncclDataType_t(dt), ncclRedOp_t(op), c[r], s[r]) ==
                ncclSuccess);
        CHECK(ncclGroupEnd() == ncclSuccess);
        bool ok = true;
        for (int r = 0; r < 2; ++r) {
          cudaSetDevice(r);
          cudaMemcpyAsync(after[r], recv[r], bytes, cudaMemcpyDeviceToDevice, s[r]);  // later work sees the result
          std::vector<char> h = download(after[r], bytes, s[r]);
          for (size_t i = 0; i < count; ++i) ok = ok && load(dt, h.data(), i) == expected(dt, op, i, 2);
          if (!in_place) {  // the send buffer is left alone
            std::vector<char> hs = download(send[r], bytes, s[r]);
            for (size_t i = 0; i < count; ++i) ok = ok && load(dt, hs.data(), i) == value(r, i);
          }
        }
        if (!ok) fprintf(stderr, "allreduce wrong: dtype %d op %d in_place %d\n", dt, op, in_place);
        ++cases;
        right += ok;
        for (int r = 0; r < 2; ++r) {
          dev_free(r, send[r]);
          if (!in_place) dev_free(r, recv[r]);
          dev_free(r, after[r]);
        }
      }
    }
  }
  CHECK(cases == 100 && right == cases);
  CHECK(mxcemu_nccl_calls() - calls0 == 2 * cases);  // one per rank's call
  // fp8 is not emulated
  void* b = dev_alloc(0, 64);
  CHECK(ncclAllReduce(b, b, 4, ncclFloat8e4m3, ncclSum, c[0], s[0]) == ncclInvalidArgument);
  dev_free(0, b);
  for (auto x : c) ncclCommDestroy(x);
}

// Reduce to each root (non-root recvbuff NULL), broadcast from each root in place and
// out of place, several collectives in one group, the legacy default stream.
static void test_roots() {
  ncclComm_t c[2];
  CHECK(ncclCommInitAll(c, 2, nullptr) == ncclSuccess);
  const size_t count = 10, bytes = count * 4;
  float *x[2], *y[2];
  for (int r = 0; r < 2; ++r) {
    x[r] = static_cast<float*>(dev_alloc(r, bytes));
    y[r] = static_cast<float*>(dev_alloc(r, bytes));
  }
  auto fill = [&](float* d, int r, float base) {
    std::vector<float> h(count);
    for (size_t i = 0; i < count; ++i) h[i] = base + float(i) + 10.f * float(r);
    cudaMemcpy(d, h.data(), bytes, cudaMemcpyHostToDevice);
  };
  auto get = [&](const float* d) {
    std::vector<float> h(count);
    cudaMemcpy(h.data(), d, bytes, cudaMemcpyDeviceToHost);
    return h;
  };
  for (int root = 0; root < 2; ++root) {
    for (int r = 0; r < 2; ++r) fill(x[r], r, 1.f), fill(y[r], r, -100.f);
    ncclGroupStart();
    for (int r = 0; r < 2; ++r)
      CHECK(ncclReduce(x[r], r == root ? y[r] : nullptr, count, ncclFloat32, ncclSum, root, c[r], nullptr) ==
            ncclSuccess);
    CHECK(ncclGroupEnd() == ncclSuccess);
    std::vector<float> got = get(y[root]), other = get(y[1 - root]);
    bool ok = true;
    for (size_t i = 0; i < count; ++i)
      ok = ok && got[i] == 2.f * (1.f + float(i)) + 10.f && other[i] == -100.f + float(i) + 10.f * float(1 - root);
    CHECK(ok);
    for (int in_place = 0; in_place < 2; ++in_place) {
      for (int r = 0; r < 2; ++r) fill(x[r], r, 1.f), fill(y[r], r, -100.f);
      ncclGroupStart();
      for (int r = 0; r < 2; ++r)
        CHECK(ncclBroadcast(x[r], in_place ? x[r] : y[r], count, ncclFloat32, root, c[r], nullptr) == ncclSuccess);
      CHECK(ncclGroupEnd() == ncclSuccess);
      ok = true;
      for (int r = 0; r < 2; ++r) {
        std::vector<float> h = get(in_place ? x[r] : y[r]);
        for (size_t i = 0; i < count; ++i) ok = ok && h[i] == 1.f + float(i) + 10.f * float(root);
      }
      CHECK(ok);
    }
  }
  // Three collectives of both ranks in one group, matched in call order.
  for (int r = 0; r < 2; ++r) fill(x[r], r, 1.f), fill(y[r], r, 0.f);
  ncclGroupStart();
  for (int r = 0; r < 2; ++r) {
    ncclAllReduce(x[r], x[r], count, ncclFloat32, ncclSum, c[r], nullptr);  // 2 + 2i + 10
    ncclAllReduce(x[r], y[r], count, ncclFloat32, ncclMax, c[r], nullptr);  // same
    ncclBroadcast(y[r], y[r], 4, ncclFloat32, 1, c[r], nullptr);
  }
  CHECK(ncclGroupEnd() == ncclSuccess);
  std::vector<float> h = get(y[0]);
  CHECK(h[0] == 12.f && h[9] == 30.f);
  for (int r = 0; r < 2; ++r) dev_free(r, x[r]), dev_free(r, y[r]);
  for (auto cc : c) ncclCommDestroy(cc);
}

// ncclCommInitRank from two threads, each calling its collectives outside a group.
static void test_threads() {
  ncclUniqueId id;
  CHECK(ncclGetUniqueId(&id) == ncclSuccess);
  const size_t count = 1000;
  std::vector<int> ok(2, 0);
  auto body = [&](int r) {
    cudaSetDevice(r);
    ncclComm_t c = nullptr;
    if (ncclCommInitRank(&c, 2, id, r) != ncclSuccess) return;
    cudaStream_t s;
    cudaStreamCreateWithFlags(&s, cudaStreamNonBlocking);
    double* d = static_cast<double*>(dev_alloc(r, count * 8));
    int good = 1;
    for (int iter = 0; iter < 5; ++iter) {
      std::vector<double> h(count, double(r + 1));
      cudaMemcpyAsync(d, h.data(), count * 8, cudaMemcpyHostToDevice, s);
      good &= ncclAllReduce(d, d, count, ncclFloat64, ncclSum, c, s) == ncclSuccess;
      std::vector<char> back = download(d, count * 8, s);
      good &= load(ncclFloat64, back.data(), 0) == 3.0 && load(ncclFloat64, back.data(), count - 1) == 3.0;
    }
    dev_free(r, d);
    ok[size_t(r)] = good && ncclCommDestroy(c) == ncclSuccess;
  };
  std::thread t0(body, 0), t1(body, 1);
  t0.join();
  t1.join();
  CHECK(ok[0] && ok[1]);
  // A unique id serves one communicator: a second rank 0 is refused.
  ncclUniqueId id2;
  ncclGetUniqueId(&id2);
  ncclComm_t a = nullptr, b = nullptr;
  ncclGroupStart();
  cudaSetDevice(0);
  ncclCommInitRank(&a, 2, id2, 0);
  cudaSetDevice(1);
  ncclCommInitRank(&b, 2, id2, 1);
  CHECK(ncclGroupEnd() == ncclSuccess);
  ncclComm_t again = nullptr;
  cudaSetDevice(0);
  CHECK(ncclCommInitRank(&again, 2, id2, 0) == ncclInvalidUsage && again == nullptr);
  ncclCommDestroy(a);
  ncclCommDestroy(b);
  // Ranks created and used in one group.
  ncclGetUniqueId(&id2);
  int* v[2];
  for (int r = 0; r < 2; ++r) {
    v[r] = static_cast<int*>(dev_alloc(r, 8));
    int h[2] = {r + 1, 10 * (r + 1)};
    cudaMemcpy(v[r], h, 8, cudaMemcpyHostToDevice);
  }
  ncclGroupStart();
  for (int r = 0; r < 2; ++r) cudaSetDevice(r), ncclCommInitRank(r ? &b : &a, 2, id2, r);
  for (int r = 0; r < 2; ++r) CHECK(ncclAllReduce(v[r], v[r], 2, ncclInt32, ncclMax, r ? b : a, nullptr) == ncclSuccess);
  CHECK(ncclGroupEnd() == ncclSuccess);
  int got[2] = {0, 0};
  cudaMemcpy(got, v[0], 8, cudaMemcpyDeviceToHost);
  CHECK(got[0] == 2 && got[1] == 20);
  for (int r = 0; r < 2; ++r) dev_free(r, v[r]);
  ncclCommDestroy(a);
  ncclCommDestroy(b);
  cudaSetDevice(0);
  // Two ranks on one device of one process: refused, as NCCL does.
  ncclUniqueId id3;
  ncclGetUniqueId(&id3);
  ncclGroupStart();
  ncclCommInitRank(&a, 2, id3, 0);
  ncclCommInitRank(&b, 2, id3, 1);
  CHECK(ncclGroupEnd() == ncclInvalidUsage);
  CHECK(std::strstr(ncclGetLastError(nullptr), "both on gpu(0)") != nullptr);
  ncclCommDestroy(a);
  ncclCommDestroy(b);
  ncclUniqueId junk;
  std::memset(&junk, 0, sizeof junk);
  CHECK(ncclCommInitRank(&a, 2, junk, 0) == ncclInvalidArgument);
  CHECK(ncclCommInitRank(&a, 2, id3, 2) == ncclInvalidArgument);
}

// What NCCL or the GPU would reject is refused at the call, naming the argument; the
// communicator still works afterwards.
static void test_rejects() {
  ncclComm_t c[2];
  CHECK(ncclCommInitAll(c, 2, nullptr) == ncclSuccess);
  cudaStream_t s0, s1;
  cudaSetDevice(0);
  cudaStreamCreateWithFlags(&s0, cudaStreamNonBlocking);
  cudaSetDevice(1);
  cudaStreamCreateWithFlags(&s1, cudaStreamNonBlocking);
  float* d0 = static_cast<float*>(dev_alloc(0, 16 * 4));
  float* d1 = static_cast<float*>(dev_alloc(1, 16 * 4));
  std::vector<float> host(16);
  void* pinned = nullptr;
  cudaMallocHost(&pinned, 64);
  auto last_has = [](const char* s) { return std::strstr(ncclGetLastError(nullptr), s) != nullptr; };
  CHECK(ncclAllReduce(host.data(), d0, 16, ncclFloat32, ncclSum, c[0], s0) == ncclInvalidArgument);
  CHECK(last_has("sendbuff") && last_has("not device memory"));
  CHECK(ncclAllReduce(d0, pinned, 16, ncclFloat32, ncclSum, c[0], s0) == ncclInvalidArgument);
  CHECK(last_has("recvbuff") && last_has("pinned"));
  CHECK(ncclAllReduce(d1, d1, 16, ncclFloat32, ncclSum, c[0], s0) == ncclInvalidArgument);
  CHECK(last_has("memory of gpu(1)"));
  CHECK(ncclAllReduce(d0, d0, 17, ncclFloat32, ncclSum, c[0], s0) == ncclInvalidArgument);
  CHECK(last_has("run past the end"));
  CHECK(ncclAllReduce(d0, d0, 16, ncclFloat32, ncclSum, c[0], s1) == ncclInvalidArgument);
  CHECK(last_has("stream is on gpu(1)"));
  CHECK(ncclAllReduce(d0, d0, 16, ncclFloat32, ncclSum, c[0], reinterpret_cast<cudaStream_t>(host.data())) ==
        ncclInvalidArgument);
  CHECK(ncclAllReduce(d0, d0 + 1, 8, ncclFloat32, ncclSum, c[0], s0) == ncclInvalidArgument);
  CHECK(last_has("overlap"));
  CHECK(ncclAllReduce(d0, d0, 16, ncclDataType_t(42), ncclSum, c[0], s0) == ncclInvalidArgument);
  CHECK(ncclAllReduce(d0, d0, 16, ncclFloat32, ncclRedOp_t(9), c[0], s0) == ncclInvalidArgument);
  CHECK(ncclReduce(d0, d0, 16, ncclFloat32, ncclSum, 2, c[0], s0) == ncclInvalidArgument);
  CHECK(last_has("root 2"));
  CHECK(ncclBroadcast(d0, d0, 16, ncclFloat32, -1, c[0], s0) == ncclInvalidArgument);
  CHECK(ncclAllReduce(d0, d0, 16, ncclFloat32, ncclSum, nullptr, s0) == ncclInvalidArgument);
  float* freed = static_cast<float*>(dev_alloc(0, 64));
  dev_free(0, freed);
  CHECK(ncclAllReduce(freed, freed, 16, ncclFloat32, ncclSum, c[0], s0) == ncclInvalidArgument);
  // Rejected inside a group too, which then runs none of its collectives (as NCCL:
  // otherwise the other ranks would wait for the rejected one).
  const long long calls0 = mxcemu_nccl_calls();
  ncclGroupStart();
  CHECK(ncclAllReduce(d0, d0, 16, ncclFloat32, ncclSum, c[0], s0) == ncclSuccess);
  CHECK(ncclAllReduce(host.data(), d1, 16, ncclFloat32, ncclSum, c[1], s1) == ncclInvalidArgument);
  auto t = Clock::now();
  CHECK(ncclGroupEnd() == ncclInvalidArgument);
  CHECK(seconds_since(t) < 1.0 && mxcemu_nccl_calls() == calls0);
  CHECK(last_has("none of its 1 collectives ran"));
  // The communicators are fine: a group of good calls runs.
  ncclGroupStart();
  CHECK(ncclAllReduce(d0, d0, 16, ncclFloat32, ncclSum, c[0], s0) == ncclSuccess);
  CHECK(ncclAllReduce(d1, d1, 16, ncclFloat32, ncclSum, c[1], s1) == ncclSuccess);
  CHECK(ncclGroupEnd() == ncclSuccess);
  CHECK(mxcemu_nccl_calls() == calls0 + 2);
  // Collectives that differ between the ranks: both fail, the communicators are broken.
  ncclGroupStart();
  ncclAllReduce(d0, d0, 16, ncclFloat32, ncclSum, c[0], s0);
  ncclAllReduce(d1, d1, 15, ncclFloat32, ncclSum, c[1], s1);
  CHECK(ncclGroupEnd() == ncclInvalidUsage);
  CHECK(last_has("differs between ranks"));
  ncclResult_t e = ncclSuccess;
  CHECK(ncclCommGetAsyncError(c[0], &e) == ncclSuccess && e == ncclInvalidUsage);
  CHECK(ncclAllReduce(d0, d0, 16, ncclFloat32, ncclSum, c[0], s0) == ncclInvalidUsage);
  CHECK(last_has("failed earlier"));
  cudaFreeHost(pinned);
  dev_free(0, d0);
  dev_free(1, d1);
  for (auto x : c) ncclCommDestroy(x);
}

// One thread calling a two-rank collective outside a group: the other rank never comes;
// an error after MXC_EMU_NCCL_TIMEOUT instead of a hang. Likewise ncclCommInitRank.
static void test_timeouts() {
  setenv("MXC_EMU_NCCL_TIMEOUT", "0.5", 1);
  ncclComm_t c[2];
  CHECK(ncclCommInitAll(c, 2, nullptr) == ncclSuccess);
  float* d0 = static_cast<float*>(dev_alloc(0, 64));
  auto t = Clock::now();
  CHECK(ncclAllReduce(d0, d0, 16, ncclFloat32, ncclSum, c[0], nullptr) == ncclInvalidUsage);
  double took = seconds_since(t);
  CHECK(took >= 0.4 && took < 3.0);
  CHECK(std::strstr(ncclGetLastError(nullptr), "rank(s) 1 of 2 never called it") != nullptr);
  ncclResult_t e = ncclInternalError;
  CHECK(ncclCommGetAsyncError(c[0], &e) == ncclSuccess && e == ncclInvalidUsage);
  float* d1 = static_cast<float*>(dev_alloc(1, 64));  // rank 1 learns why at its next call
  CHECK(ncclAllReduce(d1, d1, 16, ncclFloat32, ncclSum, c[1], nullptr) == ncclInvalidUsage);
  CHECK(std::strstr(ncclGetLastError(nullptr), "never called it") != nullptr);
  dev_free(1, d1);
  for (auto x : c) ncclCommDestroy(x);
  dev_free(0, d0);
  ncclUniqueId id;
  ncclGetUniqueId(&id);
  ncclComm_t lone = nullptr;
  cudaSetDevice(0);
  t = Clock::now();
  CHECK(ncclCommInitRank(&lone, 2, id, 0) == ncclInvalidUsage && lone == nullptr);
  CHECK(seconds_since(t) < 3.0);
  CHECK(std::strstr(ncclGetLastError(nullptr), "never joined") != nullptr);
  // A rank whose rank 0 never starts.
  ncclGetUniqueId(&id);
  CHECK(ncclCommInitRank(&lone, 2, id, 1) == ncclInvalidUsage);
  setenv("MXC_EMU_NCCL_TIMEOUT", "20", 1);
}

// ncclCommAbort from another thread while a call waits, and on a healthy communicator.
static void test_abort() {
  ncclComm_t c[2];
  CHECK(ncclCommInitAll(c, 2, nullptr) == ncclSuccess);
  float* d0 = static_cast<float*>(dev_alloc(0, 64));
  ncclResult_t waited = ncclSuccess;
  auto t = Clock::now();
  std::thread caller([&] { waited = ncclAllReduce(d0, d0, 16, ncclFloat32, ncclSum, c[0], nullptr); });
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  CHECK(ncclCommAbort(c[0]) == ncclSuccess);
  caller.join();
  CHECK(waited != ncclSuccess && seconds_since(t) < 5.0);
  CHECK(ncclCommAbort(c[1]) == ncclSuccess);  // its root is gone: still fine
  CHECK(ncclCommInitAll(c, 2, nullptr) == ncclSuccess);
  for (auto x : c) CHECK(ncclCommAbort(x) == ncclSuccess);
  dev_free(0, d0);
}

// ------------------------------------------------------------------ two processes
// The child gets the id through a pipe, as the KVStore sends it through MPI.
static pid_t spawn_rank(const ncclUniqueId& id, int rank, int (*child)(const ncclUniqueId&, int)) {
  fflush(stderr);
  pid_t pid = fork();
  if (pid == 0) _exit(child(id, rank));
  return pid;
}
static int child_status(pid_t pid) {
  int st = 0;
  waitpid(pid, &st, 0);
  return WIFEXITED(st) ? WEXITSTATUS(st) : 100 + (WIFSIGNALED(st) ? WTERMSIG(st) : 0);
}

// 3 ranks' allreduce (sum and max) and a broadcast: the child is rank `rank` on gpu(0).
static int child_collectives(const ncclUniqueId& id, int rank) {
  cudaSetDevice(0);
  ncclComm_t c = nullptr;
  if (ncclCommInitRank(&c, 2, id, rank) != ncclSuccess) return 1;
  const size_t count = 100000;  // larger than a socket buffer
  float* d = static_cast<float*>(dev_alloc(0, count * 4));
  std::vector<float> h(count, float(rank + 1));
  cudaMemcpy(d, h.data(), count * 4, cudaMemcpyHostToDevice);
  if (ncclAllReduce(d, d, count, ncclFloat32, ncclSum, c, nullptr) != ncclSuccess) return 2;
  cudaMemcpy(h.data(), d, count * 4, cudaMemcpyDeviceToHost);
  if (h[0] != 3.f || h[count - 1] != 3.f) return 3;
  if (ncclBroadcast(d, d, 4, ncclFloat32, 1, c, nullptr) != ncclSuccess) return 4;
  return ncclCommDestroy(c) == ncclSuccess ? 0 : 5;
}
// A large allreduce; the parent (rank 0, which runs the root) destroys its communicator
// as soon as its own call returns, while this rank's result may still be on its way.
static const size_t kBig = size_t(1) << 21;
static int child_big_allreduce(const ncclUniqueId& id, int rank) {
  cudaSetDevice(0);
  ncclComm_t c = nullptr;
  if (ncclCommInitRank(&c, 2, id, rank) != ncclSuccess) return 1;
  float* d = static_cast<float*>(dev_alloc(0, kBig * 4));
  std::vector<float> h(kBig, 2.f);
  cudaMemcpy(d, h.data(), kBig * 4, cudaMemcpyHostToDevice);
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  if (ncclAllReduce(d, d, kBig, ncclFloat32, ncclSum, c, nullptr) != ncclSuccess) return 2;
  cudaMemcpy(h.data(), d, kBig * 4, cudaMemcpyDeviceToHost);
  if (h[0] != 3.f || h[kBig - 1] != 3.f) return 3;
  ncclCommDestroy(c);
  return 0;
}
static int child_exits_after_init(const ncclUniqueId& id, int rank) {
  cudaSetDevice(0);
  ncclComm_t c = nullptr;
  if (ncclCommInitRank(&c, 2, id, rank) != ncclSuccess) return 1;
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  _exit(0);  // dies without destroying its communicator
}
static int child_hangs_after_init(const ncclUniqueId& id, int rank) {
  cudaSetDevice(0);
  ncclComm_t c = nullptr;
  if (ncclCommInitRank(&c, 2, id, rank) != ncclSuccess) return 1;
  pause();  // killed by the parent
  return 0;
}

// Two processes with two ranks each (gpu(0) and gpu(1) of each), created and used in
// groups: how a dist_sync store on two GPUs per process builds its communicator.
static int four_ranks(const ncclUniqueId& id, int first_rank) {
  ncclComm_t c[2];
  ncclGroupStart();
  for (int i = 0; i < 2; ++i) cudaSetDevice(i), ncclCommInitRank(&c[i], 4, id, first_rank + i);
  if (ncclGroupEnd() != ncclSuccess) return 1;
  cudaStream_t s[2];
  int64_t* d[2];
  const size_t count = 5000;
  for (int i = 0; i < 2; ++i) {
    cudaSetDevice(i);
    cudaStreamCreateWithFlags(&s[i], cudaStreamNonBlocking);
    d[i] = static_cast<int64_t*>(dev_alloc(i, count * 8));
    std::vector<int64_t> h(count, first_rank + i + 1);
    cudaMemcpyAsync(d[i], h.data(), count * 8, cudaMemcpyHostToDevice, s[i]);
  }
  ncclGroupStart();
  for (int i = 0; i < 2; ++i) ncclAllReduce(d[i], d[i], count, ncclInt64, ncclSum, c[i], s[i]);
  if (ncclGroupEnd() != ncclSuccess) return 2;
  for (int i = 0; i < 2; ++i) {
    std::vector<char> h = download(d[i], count * 8, s[i]);
    if (load(ncclInt64, h.data(), 0) != 10 || load(ncclInt64, h.data(), count - 1) != 10) return 3;
  }
  for (int i = 0; i < 2; ++i) ncclCommDestroy(c[i]), dev_free(i, d[i]);
  return 0;
}

static void test_processes() {
  ncclUniqueId id;
  ncclGetUniqueId(&id);
  pid_t child = spawn_rank(id, 1, child_collectives);
  cudaSetDevice(0);
  ncclComm_t c = nullptr;
  CHECK(ncclCommInitRank(&c, 2, id, 0) == ncclSuccess);
  const size_t count = 100000;
  float* d = static_cast<float*>(dev_alloc(0, count * 4));
  std::vector<float> h(count, 1.f);
  cudaMemcpy(d, h.data(), count * 4, cudaMemcpyHostToDevice);
  const long long calls0 = mxcemu_nccl_calls();
  CHECK(ncclAllReduce(d, d, count, ncclFloat32, ncclSum, c, nullptr) == ncclSuccess);
  cudaMemcpy(h.data(), d, count * 4, cudaMemcpyDeviceToHost);
  CHECK(h[0] == 3.f && h[count - 1] == 3.f);
  std::vector<float> root_data = {7.f, 8.f, 9.f, 10.f};
  cudaMemcpy(d, root_data.data(), 16, cudaMemcpyHostToDevice);
  CHECK(ncclBroadcast(d, d, 4, ncclFloat32, 1, c, nullptr) == ncclSuccess);  // rank 1's 3s overwrite
  cudaMemcpy(h.data(), d, 16, cudaMemcpyDeviceToHost);
  CHECK(h[0] == 3.f && h[3] == 3.f);
  CHECK(mxcemu_nccl_calls() - calls0 == 2);
  CHECK(child_status(child) == 0);
  CHECK(ncclCommDestroy(c) == ncclSuccess);
  ncclGetUniqueId(&id);
  child = spawn_rank(id, 1, child_big_allreduce);
  CHECK(ncclCommInitRank(&c, 2, id, 0) == ncclSuccess);
  float* big = static_cast<float*>(dev_alloc(0, kBig * 4));
  std::vector<float> ones(kBig, 1.f);
  cudaMemcpy(big, ones.data(), kBig * 4, cudaMemcpyHostToDevice);
  CHECK(ncclAllReduce(big, big, kBig, ncclFloat32, ncclSum, c, nullptr) == ncclSuccess);
  CHECK(ncclCommDestroy(c) == ncclSuccess);  // at once
  CHECK(child_status(child) == 0);
  dev_free(0, big);
  ncclGetUniqueId(&id);
  child = spawn_rank(id, 2, four_ranks);
  CHECK(four_ranks(id, 0) == 0);
  CHECK(child_status(child) == 0);
  cudaSetDevice(0);  // the rest: one rank per process, on gpu(0)

  // A peer that dies: the survivor's collective fails at once (not after the timeout),
  // whether the dead one is a plain rank or rank 0 (the root).
  for (int dead_rank = 1; dead_rank >= 0; --dead_rank) {
    ncclGetUniqueId(&id);
    child = spawn_rank(id, dead_rank, child_exits_after_init);
    CHECK(ncclCommInitRank(&c, 2, id, 1 - dead_rank) == ncclSuccess);
    auto t = Clock::now();
    CHECK(ncclAllReduce(d, d, count, ncclFloat32, ncclSum, c, nullptr) == ncclRemoteError);
    CHECK(seconds_since(t) < 5.0);  // the timeout is 20 s
    ncclResult_t e = ncclSuccess;
    CHECK(ncclCommGetAsyncError(c, &e) == ncclSuccess && e == ncclRemoteError);
    CHECK(child_status(child) == 0);
    CHECK(ncclCommDestroy(c) == ncclSuccess);
  }
  // A peer that died while this rank was idle: no error until a collective needs it
  // (a process that finishes first does not fail the others), then one at once.
  ncclGetUniqueId(&id);
  child = spawn_rank(id, 1, child_exits_after_init);
  CHECK(ncclCommInitRank(&c, 2, id, 0) == ncclSuccess);
  CHECK(child_status(child) == 0);
  ncclResult_t e = ncclInternalError;
  CHECK(ncclCommGetAsyncError(c, &e) == ncclSuccess && e == ncclSuccess);
  auto t0 = Clock::now();
  CHECK(ncclAllReduce(d, d, 16, ncclFloat32, ncclSum, c, nullptr) == ncclRemoteError);
  CHECK(seconds_since(t0) < 5.0);
  CHECK(std::strstr(ncclGetLastError(nullptr), "rank 1 of 2 left") != nullptr);
  ncclCommDestroy(c);
  // Abort while the peer lives and this rank waits in a collective (from another thread).
  ncclGetUniqueId(&id);
  child = spawn_rank(id, 1, child_hangs_after_init);
  CHECK(ncclCommInitRank(&c, 2, id, 0) == ncclSuccess);
  ncclResult_t waited = ncclSuccess;
  std::thread caller([&] { waited = ncclAllReduce(d, d, 16, ncclFloat32, ncclSum, c, nullptr); });
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  auto t = Clock::now();
  CHECK(ncclCommAbort(c) == ncclSuccess);
  caller.join();
  CHECK(waited != ncclSuccess && seconds_since(t) < 3.0);
  kill(child, SIGKILL);
  child_status(child);
  dev_free(0, d);
}

// The shared library exports NCCL's names (what the plugin dlsyms).
static void test_exports(const char* lib) {
  void* h = dlopen(lib, RTLD_NOW | RTLD_LOCAL);
  CHECK(h != nullptr);
  if (!h) return;
  const char* names[] = {"ncclGetVersion", "ncclGetErrorString", "ncclGetLastError", "ncclGetUniqueId",
                         "ncclCommInitRank", "ncclCommInitAll", "ncclCommDestroy", "ncclCommAbort",
                         "ncclCommGetAsyncError", "ncclCommCount", "ncclCommCuDevice", "ncclCommUserRank",
                         "ncclAllReduce", "ncclReduce", "ncclBroadcast", "ncclGroupStart", "ncclGroupEnd",
                         "mxcemu_nccl_calls"};
  int found = 0;
  for (const char* n : names) {
    if (dlsym(h, n)) ++found;
    else fprintf(stderr, "missing export %s\n", n);
  }
  CHECK(found == int(sizeof names / sizeof names[0]));
  auto version = reinterpret_cast<ncclResult_t (*)(int*)>(dlsym(h, "ncclGetVersion"));
  int v = 0;
  CHECK(version && version(&v) == ncclSuccess && v == 22500);
}

int main(int argc, char** argv) {
  // Before the emulator's first call: two devices, streams that queue their work.
  setenv("MXC_EMU_GPUS", "2", 1);
  setenv("MXC_EMU_ASYNC", "1", 1);
  setenv("MXC_EMU_NCCL_TIMEOUT", "20", 1);
  test_basics();
  test_allreduce_all_types();
  test_roots();
  test_threads();
  test_rejects();
  test_timeouts();
  test_abort();
  test_processes();
  if (argc > 1) test_exports(argv[1]);
  printf("%d passed, %d failed\n", g_pass, g_fail);
  return g_fail ? 1 : 0;
}
