// Tests of the host CUDA emulator itself (tests/gpu/emu): that kernels see the thread
// and block indices CUDA gives them, that barriers and shared memory behave, and that
// what a GPU rejects is rejected. Compiled like the plugin (rewrite_launches.py, then
// the host compiler against cuda_emu.h); run by CTest as test_cuda_emu.
#include <cuda_fp16.h>
#include <cuda_runtime.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cub/device/device_segmented_radix_sort.cuh>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "emu_check.h"

// Every thread writes its flat global id at its own position.
__global__ void ids_kernel(int* out) {
  int block = blockIdx.x + gridDim.x * (blockIdx.y + gridDim.y * blockIdx.z);
  int nthreads = blockDim.x * blockDim.y * blockDim.z;
  int t = threadIdx.x + blockDim.x * (threadIdx.y + blockDim.y * threadIdx.z);
  out[block * nthreads + t] = block * nthreads + t;
}

// Block sum through shared memory: wrong without working barriers.
__global__ void block_sum_kernel(const int* x, int* sums) {
  __shared__ int sh[256];
  sh[threadIdx.x] = x[blockIdx.x * blockDim.x + threadIdx.x];
  __syncthreads();
  for (int s = blockDim.x / 2; s > 0; s >>= 1) {
    if (int(threadIdx.x) < s) sh[threadIdx.x] += sh[threadIdx.x + s];
    __syncthreads();
  }
  if (threadIdx.x == 0) sums[blockIdx.x] = sh[0];
}

// Each thread reads its neighbour's value written before the barrier.
__global__ void rotate_kernel(int* x) {
  __shared__ int sh[64];
  int t = threadIdx.x;
  sh[t] = x[t];
  __syncthreads();
  x[t] = sh[(t + 1) % blockDim.x];
}

// Kernels may change their own parameters: each thread gets its own copy.
__global__ void param_copy_kernel(int* out, int base) {
  base += threadIdx.x;
  out[threadIdx.x] = base;
}

__global__ void count_kernel(unsigned long long* n) { atomicAdd(n, 1ull); }

// Only threads other than 0 reach the barrier: undefined on a GPU, an abort here.
__global__ void divergent_kernel(int* x) {
  if (threadIdx.x == 0) return;
  __syncthreads();
  x[threadIdx.x] = 1;
}

static void test_indices() {
  const dim3 grid(3, 2, 2), block(4, 3, 2);
  const int n = 3 * 2 * 2 * 4 * 3 * 2;
  int* d = nullptr;
  CHECK(cudaMalloc(&d, n * sizeof(int)) == cudaSuccess);
  ids_kernel<<<grid, block>>>(d);
  CHECK(cudaGetLastError() == cudaSuccess);
  std::vector<int> h(n, -1);
  CHECK(cudaMemcpy(h.data(), d, n * sizeof(int), cudaMemcpyDeviceToHost) == cudaSuccess);
  int ok = 0;
  for (int i = 0; i < n; ++i) ok += h[size_t(i)] == i;
  CHECK(ok == n);
  cudaFree(d);
}

static void test_barriers() {
  const int blocks = 5, n = blocks * 256;
  std::vector<int> h(n);
  for (int i = 0; i < n; ++i) h[size_t(i)] = i % 97;
  int *x, *sums;
  cudaMalloc(&x, n * sizeof(int));
  cudaMalloc(&sums, blocks * sizeof(int));
  cudaMemcpy(x, h.data(), n * sizeof(int), cudaMemcpyHostToDevice);
  block_sum_kernel<<<blocks, 256>>>(x, sums);
  CHECK(cudaGetLastError() == cudaSuccess);
  std::vector<int> got(blocks);
  cudaMemcpy(got.data(), sums, blocks * sizeof(int), cudaMemcpyDeviceToHost);
  for (int b = 0; b < blocks; ++b) {
    int want = 0;
    for (int i = 0; i < 256; ++i) want += h[size_t(b * 256 + i)];
    CHECK(got[size_t(b)] == want);
  }
  std::vector<int> r(64);
  for (int i = 0; i < 64; ++i) r[size_t(i)] = i * 10;
  cudaMemcpy(x, r.data(), 64 * sizeof(int), cudaMemcpyHostToDevice);
  rotate_kernel<<<1, 64>>>(x);
  cudaMemcpy(r.data(), x, 64 * sizeof(int), cudaMemcpyDeviceToHost);
  int ok = 0;
  for (int i = 0; i < 64; ++i) ok += r[size_t(i)] == ((i + 1) % 64) * 10;
  CHECK(ok == 64);
  param_copy_kernel<<<1, 8>>>(x, 100);
  cudaMemcpy(r.data(), x, 8 * sizeof(int), cudaMemcpyDeviceToHost);
  ok = 0;
  for (int i = 0; i < 8; ++i) ok += r[size_t(i)] == 100 + i;
  CHECK(ok == 8);
  unsigned long long* cnt;
  cudaMalloc(&cnt, sizeof *cnt);
  cudaMemsetAsync(cnt, 0, sizeof *cnt);
  count_kernel<<<7, 33>>>(cnt);
  unsigned long long hc = 0;
  cudaMemcpy(&hc, cnt, sizeof hc, cudaMemcpyDeviceToHost);
  CHECK(hc == 7 * 33);
  cudaFree(x);
  cudaFree(sums);
  cudaFree(cnt);
}

static void test_rejections() {
  int* d;
  cudaMalloc(&d, 16 * sizeof(int));
  cudaGetLastError();
  ids_kernel<<<1, 2048>>>(d);  // more than 1024 threads
  CHECK(cudaGetLastError() == cudaErrorInvalidConfiguration);
  ids_kernel<<<0, 32>>>(d);  // empty grid
  CHECK(cudaGetLastError() == cudaErrorInvalidConfiguration);
  ids_kernel<<<dim3(1, 70000), 1>>>(d);  // grid.y over 65535
  CHECK(cudaGetLastError() == cudaErrorInvalidConfiguration);
  CHECK(cudaGetLastError() == cudaSuccess);  // launch errors are not sticky

  int host[16] = {0};
  ids_kernel<<<1, 16>>>(host);  // a host pointer: the kernel must not run
  CHECK(cudaGetLastError() == cudaErrorInvalidDevicePointer);
  CHECK(host[3] == 0);
  int* freed;
  cudaMalloc(&freed, 4);
  cudaFree(freed);
  ids_kernel<<<1, 1>>>(freed);
  CHECK(cudaGetLastError() == cudaErrorInvalidDevicePointer);

  CHECK(cudaMemcpy(d, host, 17 * sizeof(int), cudaMemcpyHostToDevice) == cudaErrorInvalidValue);  // past the end
  CHECK(cudaMemcpy(host, d + 8, 9 * sizeof(int), cudaMemcpyDeviceToHost) == cudaErrorInvalidValue);
  CHECK(cudaMemcpy(host, host + 8, 4, cudaMemcpyDeviceToHost) == cudaErrorInvalidValue);  // source is host memory
  CHECK(cudaMemcpy(d, d + 8, 4, cudaMemcpyHostToDevice) == cudaErrorInvalidValue);        // source is device memory
  CHECK(cudaMemsetAsync(host, 0, 4) == cudaErrorInvalidValue);
  CHECK(cudaMemcpy(d, host, 16 * sizeof(int), cudaMemcpyHostToDevice) == cudaSuccess);
  CHECK(cudaFree(host) == cudaErrorInvalidValue);
  CHECK(cudaSetDevice(99) == cudaErrorInvalidDevice);

  // A divergent barrier aborts (in a child, so that this test goes on).
  pid_t pid = fork();
  if (pid == 0) {
    divergent_kernel<<<1, 4>>>(d);
    _exit(0);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGABRT);
  cudaFree(d);
}

static void test_memory_is_not_zeroed() {
  float* d;
  cudaMalloc(&d, 4 * sizeof(float));
  float h[4];
  cudaMemcpy(h, d, sizeof h, cudaMemcpyDeviceToHost);
  CHECK(h[0] != h[0] && h[3] != h[3]);  // NaN: nothing promises zeros
  cudaFree(d);
}

static unsigned short h16(float f) { return __half_as_ushort(__float2half_rn(f)); }
static void test_half() {
  // Every half converts to float and back unchanged (NaNs stay NaN).
  int same = 0, nans = 0;
  for (unsigned u = 0; u < 65536; ++u) {
    float f = __half2float(__ushort_as_half((unsigned short)u));
    if (f != f) {
      nans += (h16(f) & 0x7c00) == 0x7c00 && (h16(f) & 0x3ff) != 0;
    } else {
      same += h16(f) == u;
    }
  }
  CHECK(same + nans == 65536);
  CHECK(h16(1.0f) == 0x3c00 && h16(-2.0f) == 0xc000 && h16(65504.0f) == 0x7bff);
  CHECK(h16(65519.99f) == 0x7bff && h16(65520.0f) == 0x7c00);   // rounds to inf from 65520
  CHECK(h16(1.0f + 1.0f / 2048) == 0x3c00);                     // a tie: to even (down)
  CHECK(h16(1.0f + 3.0f / 2048) == 0x3c02);                     // a tie: to even (up)
  CHECK(h16(5.9604645e-08f) == 0x0001 && h16(2.9802322e-08f) == 0x0000);  // smallest subnormal; half of it: to even
  CHECK(h16(-0.0f) == 0x8000);
  CHECK(__half2float(__ushort_as_half(0x0001)) == 5.9604645e-08f);
}

static void test_sort() {
  // Two segments; equal keys keep their order (values), as a radix sort's.
  std::vector<unsigned> keys = {5, 1, 5, 0, 3, 2, 2, 9, 2};
  std::vector<int> vals = {0, 1, 2, 3, 4, 0, 1, 2, 3}, off = {0, 5, 9};
  unsigned *k;
  int *v, *o;
  cudaMalloc(&k, 2 * keys.size() * sizeof(unsigned));
  cudaMalloc(&v, 2 * vals.size() * sizeof(int));
  cudaMalloc(&o, off.size() * sizeof(int));
  cudaMemcpy(k, keys.data(), keys.size() * sizeof(unsigned), cudaMemcpyHostToDevice);
  cudaMemcpy(v, vals.data(), vals.size() * sizeof(int), cudaMemcpyHostToDevice);
  cudaMemcpy(o, off.data(), off.size() * sizeof(int), cudaMemcpyHostToDevice);
  size_t bytes = 0;
  CHECK(cub::DeviceSegmentedRadixSort::SortPairs(nullptr, bytes, k, k + 9, v, v + 9, 9, 2, o, o + 1) == cudaSuccess);
  void* temp;
  cudaMalloc(&temp, bytes);
  CHECK(cub::DeviceSegmentedRadixSort::SortPairs(temp, bytes, k, k + 9, v, v + 9, 9, 2, o, o + 1) == cudaSuccess);
  std::vector<unsigned> ks(9);
  std::vector<int> vs(9);
  cudaMemcpy(ks.data(), k + 9, 9 * sizeof(unsigned), cudaMemcpyDeviceToHost);
  cudaMemcpy(vs.data(), v + 9, 9 * sizeof(int), cudaMemcpyDeviceToHost);
  CHECK((ks == std::vector<unsigned>{0, 1, 3, 5, 5, 2, 2, 2, 9}));
  CHECK((vs == std::vector<int>{3, 1, 4, 0, 2, 0, 1, 3, 2}));
  cudaFree(k);
  cudaFree(v);
  cudaFree(o);
  cudaFree(temp);
}

__global__ void set_kernel(int* x, int n, int v) {
  for (int i = blockIdx.x * blockDim.x + threadIdx.x; i < n; i += blockDim.x * gridDim.x) x[i] = v;
}

// MXC_EMU_ASYNC=1 (main sets it): work waits in its stream until something waits for it.
static void test_async_streams() {
  cudaStream_t s1, s2;
  cudaStreamCreateWithFlags(&s1, cudaStreamNonBlocking);
  cudaStreamCreateWithFlags(&s2, cudaStreamNonBlocking);
  int *d, *e, *pinned;
  cudaMalloc(&d, 64 * sizeof(int));
  cudaMalloc(&e, 64 * sizeof(int));
  cudaMallocHost(reinterpret_cast<void**>(&pinned), 64 * sizeof(int));
  for (int i = 0; i < 64; ++i) pinned[i] = -1;
  set_kernel<<<2, 32, 0, s1>>>(d, 64, 7);
  cudaMemcpyAsync(pinned, d, 64 * sizeof(int), cudaMemcpyDeviceToHost, s1);
  CHECK(pinned[5] == -1);  // not waited for: the host must not rely on it yet
  CHECK(cudaStreamSynchronize(s1) == cudaSuccess);
  CHECK(pinned[5] == 7 && pinned[63] == 7);

  // s2 orders after s1's kernel through an event; nothing synchronises s1 itself.
  cudaEvent_t ev;
  cudaEventCreateWithFlags(&ev, cudaEventDisableTiming);
  set_kernel<<<1, 64, 0, s1>>>(d, 64, 9);
  cudaEventRecord(ev, s1);
  set_kernel<<<1, 64, 0, s1>>>(d, 64, 11);  // after the event: s2 must not wait for it
  cudaStreamWaitEvent(s2, ev, 0);
  cudaMemcpyAsync(e, d, 64 * sizeof(int), cudaMemcpyDeviceToDevice, s2);
  int host[64] = {0};
  cudaMemcpyAsync(host, e, sizeof host, cudaMemcpyDeviceToHost, s2);  // pageable: returns when done
  CHECK(host[0] == 9 && host[63] == 9);
  cudaMemcpyAsync(host, d, sizeof host, cudaMemcpyDeviceToHost, s1);
  CHECK(host[0] == 11);

  // A pageable source is staged at the call: changing it afterwards changes nothing.
  for (int i = 0; i < 64; ++i) host[i] = 3;
  cudaMemcpyAsync(d, host, sizeof host, cudaMemcpyHostToDevice, s1);
  host[0] = 4;
  cudaMemcpyAsync(host, d, sizeof host, cudaMemcpyDeviceToHost, s1);
  CHECK(host[0] == 3);

  // cudaFree waits for the device's work.
  set_kernel<<<1, 64, 0, s1>>>(d, 64, 5);
  cudaMemcpyAsync(pinned, d, 64 * sizeof(int), cudaMemcpyDeviceToHost, s1);
  cudaFree(e);
  CHECK(pinned[0] == 5);
  cudaFree(d);
  cudaFreeHost(pinned);
  cudaEventDestroy(ev);
}

static void test_no_real_cuda_library() {
  CHECK(dlopen("libm.so.6", RTLD_NOW) == nullptr);  // only the emulator's own cuBLAS may load
}

// NVRTC and driver API stand-ins (fused kernels): a program with an in-memory header,
// compiled by the host compiler, run through cuLaunchKernel with barriers and shared
// memory; a compile error comes back with the compiler's log; a host pointer argument
// is refused like a <<<>>> launch's.
extern "C" {
int nvrtcCreateProgram(void** prog, const char* src, const char* name, int nh, const char* const* texts,
                       const char* const* names);
int nvrtcCompileProgram(void* prog, int nopt, const char* const* opts);
int nvrtcGetPTXSize(void* prog, size_t* n);
int nvrtcGetPTX(void* prog, char* out);
int nvrtcGetProgramLogSize(void* prog, size_t* n);
int nvrtcGetProgramLog(void* prog, char* out);
int nvrtcDestroyProgram(void** prog);
int cuModuleLoadData(void** module, const void* image);
int cuModuleGetFunction(void** fn, void* module, const char* name);
int cuLaunchKernel(void* fn, unsigned gx, unsigned gy, unsigned gz, unsigned bx, unsigned by, unsigned bz,
                   unsigned smem, cudaStream_t stream, void** params, void** extra);
}
static std::string rtc_compile(const char* src, void** module, std::string* log) {
  const char* names[] = {"inc/scale.h"};
  const char* texts[] = {"#pragma once\n#define SCALE 3\n"};
  void* prog = nullptr;
  CHECK(nvrtcCreateProgram(&prog, src, "t.cu", 1, texts, names) == 0);
  const char* opts[] = {"-std=c++17", "--gpu-architecture=compute_90"};
  int rc = nvrtcCompileProgram(prog, 2, opts);
  size_t n = 0;
  nvrtcGetProgramLogSize(prog, &n);
  log->assign(n, '\0');
  nvrtcGetProgramLog(prog, &(*log)[0]);
  std::string image;
  if (rc == 0) {
    nvrtcGetPTXSize(prog, &n);
    image.assign(n, '\0');
    nvrtcGetPTX(prog, &image[0]);
    CHECK(cuModuleLoadData(module, image.c_str()) == 0);
  }
  nvrtcDestroyProgram(&prog);
  return rc == 0 ? image : std::string();
}
static void test_rtc() {
  const char* src = R"(#include "inc/scale.h"
extern "C" __global__ void reverse_scaled(const int* x, int* y, int n) {
  __shared__ int sh[64];
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  sh[threadIdx.x] = i < n ? x[i] * SCALE : 0;
  __syncthreads();
  if (i < n) y[i] = sh[blockDim.x - 1 - threadIdx.x];
}
)";
  void* module = nullptr;
  std::string log;
  CHECK(!rtc_compile(src, &module, &log).empty());
  void* fn = nullptr;
  CHECK(module && cuModuleGetFunction(&fn, module, "reverse_scaled") == 0);
  CHECK(cuModuleGetFunction(&fn, module, "no_such_kernel") != 0);
  CHECK(cuModuleGetFunction(&fn, module, "reverse_scaled") == 0);
  const int n = 128;
  int *x, *y;
  CHECK(cudaMalloc(&x, n * sizeof(int)) == cudaSuccess && cudaMalloc(&y, n * sizeof(int)) == cudaSuccess);
  std::vector<int> h(n);
  for (int i = 0; i < n; ++i) h[size_t(i)] = i;
  cudaMemcpy(x, h.data(), n * sizeof(int), cudaMemcpyHostToDevice);
  cudaStream_t s;
  cudaStreamCreateWithFlags(&s, cudaStreamNonBlocking);
  int count = n;
  void* params[] = {&x, &y, &count};
  CHECK(cuLaunchKernel(fn, 2, 1, 1, 64, 1, 1, 0, s, params, nullptr) == 0);
  count = 0;  // parameters are copied at the launch, as CUDA does
  cudaStreamSynchronize(s);
  cudaMemcpy(h.data(), y, n * sizeof(int), cudaMemcpyDeviceToHost);
  int ok = 0;
  for (int i = 0; i < n; ++i) ok += h[size_t(i)] == 3 * ((i / 64) * 64 + 63 - i % 64);
  CHECK(ok == n);
  std::vector<int> host(n, -1);
  int* hp = host.data();
  void* bad[] = {&x, &hp, &count};
  count = n;
  CHECK(cuLaunchKernel(fn, 2, 1, 1, 64, 1, 1, 0, s, bad, nullptr) != 0);
  CHECK(cudaGetLastError() == cudaSuccess);  // reported by the launch call itself
  cudaStreamSynchronize(s);
  CHECK(host[0] == -1);
  CHECK(cuLaunchKernel(fn, 1, 1, 1, 2048, 1, 1, 0, s, params, nullptr) != 0);  // > 1024 threads
  void* module2 = nullptr;
  CHECK(rtc_compile("extern \"C\" __global__ void broken(int* x) { x[0] = undeclared; }", &module2, &log).empty());
  CHECK(log.find("undeclared") != std::string::npos);
  cudaFree(x);
  cudaFree(y);
}

int main() {
  setenv("MXC_EMU_ASYNC", "1", 1);  // before the first stream work reads it
  test_indices();
  test_barriers();
  test_rejections();
  test_memory_is_not_zeroed();
  test_half();
  test_sort();
  test_async_streams();
  test_no_real_cuda_library();
  test_rtc();
  printf("cuda_emu: %d passed, %d failed\n", g_pass, g_fail);
  return g_fail ? 1 : 0;
}
