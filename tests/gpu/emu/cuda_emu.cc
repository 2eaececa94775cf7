// The host emulator's runtime (cuda_emu.h says what it does and checks): devices,
// memory with a registry of allocations, streams and events that run in order,
// kernel launches over fibers, and the four cuBLAS entry points core/cuda/blas.cu
// loads (MXLITE_CUBLAS_LIBRARY may name this library).
//
// Environment: MXC_EMU_GPUS (device count, default 1), MXC_EMU_MEMORY_MB (memory per
// device, default 8192), MXC_EMU_ASYNC=1 (streams run their work as late as possible),
// MXC_EMU_ORDER=reverse (blocks and threads run last to first); the NVRTC and driver API
// stand-ins at the end have their own (MXC_EMU_CXX, MXC_EMU_NVRTC_*).
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <ucontext.h>
#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/asan_interface.h>
#include <sanitizer/common_interface_defs.h>
#endif

#include <cctype>
#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "cuda_emu.h"
#include "emu_internal.h"
#undef dlopen  // the real one, for dlopen_filtered

#define EMU_EXPORT extern "C" __attribute__((visibility("default")))

namespace mxcemu {

thread_local Thread* cur = nullptr;

namespace {

// ------------------------------------------------------------------ errors
thread_local cudaError_t t_last = cudaSuccess;  // what cudaGetLastError returns next
thread_local std::string t_detail;              // the emulator's explanation of the last
thread_local cudaError_t t_detail_code = cudaSuccess;  // error it raised, and that error's code

cudaError_t fail(cudaError_t e, const char* fmt, ...) {
  char buf[512];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  t_detail = buf;
  t_detail_code = e;
  // Printed as well: callers that only look at the code still leave a trace in the log.
  fprintf(stderr, "cuda_emu: %s\n", buf);
  return e;
}

int env_int(const char* name, int dflt) {
  const char* v = getenv(name);
  return v && *v ? atoi(v) : dflt;
}
int num_devices() {
  static int n = env_int("MXC_EMU_GPUS", 1);
  return n;
}
size_t device_memory() {
  static size_t m = size_t(env_int("MXC_EMU_MEMORY_MB", 8192)) << 20;
  return m;
}
thread_local int t_device = 0;

// ------------------------------------------------------------------ memory
struct Alloc {
  size_t bytes;
  int device;  // -1: pinned host memory (readable by every device)
};
std::mutex g_mu;
std::map<uintptr_t, Alloc> g_allocs;
size_t g_used[64];

// The allocation holding [p, p + n], or nullptr. Called with g_mu held.
const std::pair<const uintptr_t, Alloc>* find_alloc(const void* p, size_t n) {
  uintptr_t a = reinterpret_cast<uintptr_t>(p);
  auto it = g_allocs.upper_bound(a);
  if (it == g_allocs.begin()) return nullptr;
  --it;
  if (a + n > it->first + it->second.bytes) return nullptr;
  return &*it;
}

// "device" (the allocation's device, >= 0), -1 pinned host, -2 plain host memory;
// -3 when p is inside an allocation but [p, p + n] runs past its end.
int where(const void* p, size_t n, std::string* why) {
  std::lock_guard<std::mutex> l(g_mu);
  if (auto* a = find_alloc(p, 0)) {
    if (!find_alloc(p, n)) {
      char buf[200];
      snprintf(buf, sizeof buf, "%zu bytes at offset %zu run past the end of a %zu-byte allocation", n,
               size_t(reinterpret_cast<uintptr_t>(p) - a->first), a->second.bytes);
      *why = buf;
      return -3;
    }
    return a->second.device;
  }
  return -2;
}

const char* kind_name(cudaMemcpyKind k) {
  switch (k) {
    case cudaMemcpyHostToHost: return "HostToHost";
    case cudaMemcpyHostToDevice: return "HostToDevice";
    case cudaMemcpyDeviceToHost: return "DeviceToHost";
    case cudaMemcpyDeviceToDevice: return "DeviceToDevice";
    default: return "Default";
  }
}

// Checks one side of a copy: `device` says whether the copy kind puts it on a device.
cudaError_t check_side(const char* what, const void* p, size_t n, bool device, cudaMemcpyKind k) {
  std::string why;
  int w = where(p, n, &why);
  if (w == -3) return fail(cudaErrorInvalidValue, "cudaMemcpy%s: %s: %s", kind_name(k), what, why.c_str());
  if (device && w < 0)
    return fail(cudaErrorInvalidValue, "cudaMemcpy%s: the %s %p is not device memory", kind_name(k), what, p);
  if (!device && w >= 0)
    return fail(cudaErrorInvalidValue, "cudaMemcpy%s: the %s %p is device memory of gpu(%d)", kind_name(k), what, p,
                w);
  return cudaSuccess;
}

cudaError_t check_copy(void* dst, const void* src, size_t n, cudaMemcpyKind k) {
  if (k == cudaMemcpyDefault) return cudaSuccess;
  bool dd = k == cudaMemcpyHostToDevice || k == cudaMemcpyDeviceToDevice;
  bool sd = k == cudaMemcpyDeviceToHost || k == cudaMemcpyDeviceToDevice;
  if (cudaError_t e = check_side("destination", dst, n, dd, k)) return e;
  return check_side("source", src, n, sd, k);
}
cudaError_t copy(void* dst, const void* src, size_t n, cudaMemcpyKind k) {
  if (n == 0) return cudaSuccess;
  if (cudaError_t e = check_copy(dst, src, n, k)) return e;
  std::memmove(dst, src, n);
  return cudaSuccess;
}

// ------------------------------------------------------------------ fibers
// A block's CUDA threads as fibers: each runs until it reaches __syncthreads() or
// ends; when every live fiber waits at the barrier, they all go on. On x86-64 a
// fiber switch saves the callee-saved registers and swaps stacks (a few ns); glibc's
// swapcontext makes a system call per switch, which made the emulator 10x slower.
constexpr size_t kStack = 256 << 10;

// A context's stack, for AddressSanitizer (which must be told about every switch).
struct Stack {
  const void* bottom = nullptr;  // unknown for a host thread's own stack until a fiber learns it
  size_t size = 0;
  void* fake = nullptr;  // ASan's fake stack of a suspended context
};

#if defined(__x86_64__)
extern "C" void mxcemu_switch(void** save_sp, void* to_sp);
asm(R"(
  .text
  .p2align 4
  .type mxcemu_switch,@function
mxcemu_switch:
  pushq %rbp
  pushq %rbx
  pushq %r12
  pushq %r13
  pushq %r14
  pushq %r15
  subq $8, %rsp
  stmxcsr (%rsp)
  fnstcw 4(%rsp)
  movq %rsp, (%rdi)
  movq %rsi, %rsp
  ldmxcsr (%rsp)
  fldcw 4(%rsp)
  addq $8, %rsp
  popq %r15
  popq %r14
  popq %r13
  popq %r12
  popq %rbx
  popq %rbp
  ret
  .size mxcemu_switch,.-mxcemu_switch
)");
struct Context {
  void* sp = nullptr;
  Stack stack;
};
void switch_raw(Context& from, Context& to) { mxcemu_switch(&from.sp, to.sp); }
// A fresh stack whose first switch "returns" into entry() with the ABI's alignment.
void make_context(Context& c, void* stack, size_t size, void (*entry)()) {
  c.stack = Stack{stack, size, nullptr};
  auto top = (reinterpret_cast<uintptr_t>(stack) + size) & ~uintptr_t(15);
  auto* sp = reinterpret_cast<uint64_t*>(top) - 2;  // [0]: entry (16-aligned slot), [1]: 0 (no caller)
  sp[0] = reinterpret_cast<uint64_t>(entry);
  sp[1] = 0;
  sp -= 6;  // rbp rbx r12 r13 r14 r15
  for (int i = 0; i < 6; ++i) sp[i] = 0;
  sp -= 1;  // mxcsr (low half), x87 control word (high half): the defaults
  sp[0] = 0x1f80ull | (0x037full << 32);
  c.sp = sp;
}
#else
struct Context {
  ucontext_t uc;
  Stack stack;
};
void switch_raw(Context& from, Context& to) { swapcontext(&from.uc, &to.uc); }
void make_context(Context& c, void* stack, size_t size, void (*entry)()) {
  c.stack = Stack{stack, size, nullptr};
  getcontext(&c.uc);
  c.uc.uc_stack.ss_sp = stack;
  c.uc.uc_stack.ss_size = size;
  c.uc.uc_link = nullptr;  // entry never returns
  makecontext(&c.uc, entry, 0);
}
#endif

// Switches from `from` to `to`; when it returns, `from` runs again, and learn_main
// (the scheduler's context, when `from` is a fiber) knows the scheduler's stack.
// `exiting`: `from` never runs again (ASan drops its fake stack).
void switch_to(Context& from, Context& to, Context* learn_main = nullptr, bool exiting = false) {
#if defined(__SANITIZE_ADDRESS__)
  __sanitizer_start_switch_fiber(exiting ? nullptr : &from.stack.fake, to.stack.bottom, to.stack.size);
  switch_raw(from, to);
  const void* bottom = nullptr;
  size_t size = 0;
  __sanitizer_finish_switch_fiber(from.stack.fake, &bottom, &size);
  if (learn_main) learn_main->stack.bottom = bottom, learn_main->stack.size = size;
#else
  (void)learn_main, (void)exiting;
  switch_raw(from, to);
#endif
}
// The first thing a new fiber does (it did not arrive through switch_to).
void arrived(Context& from_main) {
#if defined(__SANITIZE_ADDRESS__)
  const void* bottom = nullptr;
  size_t size = 0;
  __sanitizer_finish_switch_fiber(nullptr, &bottom, &size);
  from_main.stack.bottom = bottom, from_main.stack.size = size;
#else
  (void)from_main;
#endif
}

struct Block;
}  // namespace

struct Fiber {
  Context ctx;
  Thread th;
  Block* block;
  void* stack;
  bool done;
};

namespace {
struct Block {
  Context main;
  std::vector<Fiber> fibers = std::vector<Fiber>(1024);  // never resized: suspended fibers point into it
  void (*body)(void*);
  void* arg;
};

// Every fiber starts here (cur is its thread) and, once the kernel body returns,
// switches back to the scheduler for good.
void fiber_entry() {
  Fiber* f = cur->fiber;
  Block* b = f->block;
  arrived(b->main);
  b->body(b->arg);
  f->done = true;
  switch_to(f->ctx, b->main, nullptr, true);
  abort();  // a finished fiber is never resumed
}

// Prepares CUDA thread t of the block as a fiber (not run yet).
void start_fiber(Block& b, const Thread& proto, unsigned t) {
  Fiber& f = b.fibers[t];
  if (!f.stack) {
    f.stack = mmap(nullptr, kStack, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (f.stack == MAP_FAILED) {
      fprintf(stderr, "cuda_emu: cannot map a fiber stack\n");
      abort();
    }
  }
  f.th = proto;
  f.th.tid = uint3{t % proto.bdim.x, (t / proto.bdim.x) % proto.bdim.y, t / (proto.bdim.x * proto.bdim.y)};
  f.th.fiber = &f;
  f.block = &b;
  f.done = false;
#if defined(__SANITIZE_ADDRESS__)
  __asan_unpoison_memory_region(f.stack, kStack);  // the last fiber on this stack left its frames' redzones
#endif
  make_context(f.ctx, f.stack, kStack, fiber_entry);
}
// Runs fiber t until it reaches a barrier or ends; returns whether it ended.
bool resume(Block& b, unsigned t) {
  Fiber& f = b.fibers[t];
  cur = &f.th;
  switch_to(b.main, f.ctx);
  return f.done;
}

// Runs one block. Thread 0 goes first, as a fiber: when it ends without reaching a
// barrier, the others run one after another on this stack (cheap); when it stops at
// __syncthreads(), every thread becomes a fiber and they advance barrier by barrier.
// MXC_EMU_ORDER=reverse: blocks, and a block's threads after thread 0, run last to
// first. A kernel whose threads depend on each other's writes without a barrier or an
// atomic (a race on a GPU) then computes something else, and the tests see it.
bool reverse_order() {
  static bool r = [] {
    const char* v = getenv("MXC_EMU_ORDER");
    return v && strcmp(v, "reverse") == 0;
  }();
  return r;
}
// The t-th thread to run of n (thread 0 always first: it is the probe).
unsigned nth(unsigned t, unsigned n) { return reverse_order() && t > 0 ? n - t : t; }

void run_block(Block& b, Thread& proto, unsigned nthreads) {
  start_fiber(b, proto, 0);
  if (resume(b, 0)) {
    proto.fiber = nullptr;
    cur = &proto;
    for (unsigned i = 1; i < nthreads; ++i) {
      unsigned t = nth(i, nthreads);
      proto.tid = uint3{t % proto.bdim.x, (t / proto.bdim.x) % proto.bdim.y, t / (proto.bdim.x * proto.bdim.y)};
      b.body(b.arg);
    }
  } else {
    unsigned live = 1;
    for (unsigned i = 1; i < nthreads; ++i) {  // bring the others to the first barrier
      unsigned t = nth(i, nthreads);
      start_fiber(b, proto, t);
      if (!resume(b, t)) ++live;
    }
    while (live > 0) {  // everyone still running waits at the same barrier: release it
      live = 0;
      for (unsigned i = 0; i < nthreads; ++i) {
        unsigned t = nth(i, nthreads);
        if (!b.fibers[t].done && !resume(b, t)) ++live;
      }
    }
  }
}

// The kernel running on this host thread (for messages).
thread_local const char* t_kernel = "";

}  // namespace

void syncthreads() {
  Fiber* f = cur ? cur->fiber : nullptr;
  if (!f) {  // thread 0 ended without reaching this barrier: a divergent __syncthreads()
    fprintf(stderr,
            "cuda_emu: %s: thread (%u,%u,%u) of block (%u,%u,%u) reached __syncthreads() after thread 0 of its "
            "block had ended without it (a divergent barrier: undefined behaviour on a GPU)\n",
            t_kernel, cur->tid.x, cur->tid.y, cur->tid.z, cur->bid.x, cur->bid.y, cur->bid.z);
    abort();
  }
  switch_to(f->ctx, f->block->main, &f->block->main);
}

bool launch_ok(const LaunchCfg& c, const char* name) {
  const dim3 g = c.grid, k = c.block;
  const uint64_t nthreads = uint64_t(k.x) * k.y * k.z;
  if (g.x == 0 || g.y == 0 || g.z == 0 || k.x == 0 || k.y == 0 || k.z == 0 || nthreads > 1024 || k.x > 1024 ||
      k.y > 1024 || k.z > 64 || g.x > 0x7fffffffu || g.y > 65535 || g.z > 65535) {
    t_last = fail(cudaErrorInvalidConfiguration, "%s<<<(%u,%u,%u), (%u,%u,%u)>>>: invalid launch configuration",
                  name, g.x, g.y, g.z, k.x, k.y, k.z);
    return false;
  }
  if (c.smem > 48 * 1024) {
    t_last = fail(cudaErrorInvalidConfiguration, "%s: %zu bytes of dynamic shared memory (at most 49152)", name,
                  c.smem);
    return false;
  }
  return true;
}

void run_grid(const LaunchCfg& c, const char* name, void (*body)(void*), void* arg) {
  const dim3 g = c.grid, k = c.block;
  const uint64_t nthreads = uint64_t(k.x) * k.y * k.z;
  thread_local Block block;  // fiber stacks are kept for the host thread's next launch
  Thread* saved = cur;
  const char* saved_kernel = t_kernel;
  t_kernel = name;
  block.body = body;
  block.arg = arg;
  Thread th{};
  th.bdim = k;
  th.gdim = g;
  const uint64_t nblocks = uint64_t(g.x) * g.y * g.z;
  for (uint64_t i = 0; i < nblocks; ++i) {
    uint64_t b = reverse_order() ? nblocks - 1 - i : i;
    th.bid = uint3{unsigned(b % g.x), unsigned(b / g.x % g.y), unsigned(b / (uint64_t(g.x) * g.y))};
    run_block(block, th, unsigned(nthreads));
  }
  t_kernel = saved_kernel;
  cur = saved;
}

bool check_pointer(const void* p, const char* kernel, int index) {
  std::string why;
  int w = where(p, 0, &why);
  if (w == -2) {
    t_last = fail(cudaErrorInvalidDevicePointer,
                  "%s: argument %d (%p) is not device memory (host memory, or memory already freed)", kernel, index,
                  p);
    return false;
  }
  if (w >= 0 && w != t_device) {
    t_last = fail(cudaErrorInvalidDevicePointer, "%s: argument %d (%p) is memory of gpu(%d), launched on gpu(%d)",
                  kernel, index, p, w, t_device);
    return false;
  }
  return true;
}

// Only libraries that export the emulator's marker: this one, when MXLITE_CUBLAS_LIBRARY
// names it (tests/gpu/emu/run.sh does), so that cuBLAS calls reach gemm() below.
void* dlopen_filtered(const char* name, int flags) {
  void* h = ::dlopen(name, flags);
  if (h && !::dlsym(h, "mxcemu_is_emulator")) {
    ::dlclose(h);
    return nullptr;
  }
  return h;
}

}  // namespace mxcemu

using namespace mxcemu;

EMU_EXPORT int mxcemu_is_emulator() { return 1; }

// ------------------------------------------------------------------ streams
// Synchronous by default: work runs when it is submitted. With MXC_EMU_ASYNC=1 each
// stream queues its work and runs it only when something waits for the stream
// (cudaStreamSynchronize, a copy to pageable host memory, an event another stream
// waits for, cudaFree): the latest a GPU could finish it. Host code that reads device
// results without waiting -- through pinned memory, or by racing the stream -- then
// sees stale data, as it could on a GPU. One lock serialises all stream work.
struct CUstream_st {
  int device;
  std::deque<std::function<void()>> queue;
  uint64_t submitted = 0, done = 0;  // work items, ever
  bool running = false;
};
struct CUevent_st {
  int device;
  CUstream_st* stream = nullptr;  // the last record: complete once stream->done >= seq
  uint64_t seq = 0;
};

namespace mxcemu {
namespace {
std::recursive_mutex g_stream_mu;
std::vector<CUstream_st*>& g_streams = *new std::vector<CUstream_st*>;  // streams live as long as the process
bool async_streams() {
  static bool a = env_int("MXC_EMU_ASYNC", 0) != 0;
  return a;
}

// Runs s's queued work up to item `seq`.
void flush_until(CUstream_st* s, uint64_t seq) {
  std::lock_guard<std::recursive_mutex> l(g_stream_mu);
  if (s->running && s->done < seq) {  // s waits for its own later work: a GPU would hang
    fprintf(stderr, "cuda_emu: a stream waits for work queued after the wait (it would never finish)\n");
    abort();
  }
  s->running = true;
  while (s->done < seq && !s->queue.empty()) {
    std::function<void()> w = std::move(s->queue.front());
    s->queue.pop_front();
    w();
    ++s->done;
  }
  s->running = false;
}
void flush(CUstream_st* s) { flush_until(s, s->submitted); }
void flush_device(int dev) {
  std::lock_guard<std::recursive_mutex> l(g_stream_mu);
  for (CUstream_st* s : g_streams)
    if (s->device == dev) flush(s);
}
}  // namespace

void submit(cudaStream_t s, std::function<void()> work) {
  std::lock_guard<std::recursive_mutex> l(g_stream_mu);
  if (!s || !async_streams()) {
    if (s) flush(s);  // switched modes mid-run: keep the order anyway
    work();
    return;
  }
  s->queue.push_back(std::move(work));
  ++s->submitted;
}
}  // namespace mxcemu

// What nccl_emu.cc needs of the registry and the streams (emu_internal.h).
namespace mxcemu {
int memory_device(const void* p, size_t n, std::string* why) { return where(p, n, why); }
int stream_device(cudaStream_t s) {
  std::lock_guard<std::recursive_mutex> l(g_stream_mu);
  for (CUstream_st* x : g_streams)
    if (x == s) return x->device;
  return -1;
}
void stream_drain(cudaStream_t s) {
  if (s) flush(s);
}
int device_count() { return num_devices(); }
int current_device() { return t_device; }
}  // namespace mxcemu

// ------------------------------------------------------------------ runtime API
cudaError_t cudaGetDeviceCount(int* n) {
  *n = num_devices();
  return *n > 0 ? cudaSuccess : cudaErrorNoDevice;
}
cudaError_t cudaSetDevice(int dev) {
  if (dev < 0 || dev >= num_devices())
    return t_last = fail(cudaErrorInvalidDevice, "cudaSetDevice(%d): %d devices", dev, num_devices());
  t_device = dev;
  return cudaSuccess;
}
cudaError_t cudaGetDevice(int* dev) {
  *dev = t_device;
  return cudaSuccess;
}
cudaError_t cudaGetDeviceProperties(cudaDeviceProp* p, int dev) {
  if (dev < 0 || dev >= num_devices()) return cudaErrorInvalidDevice;
  *p = cudaDeviceProp{};
  snprintf(p->name, sizeof p->name, "mxlite CUDA emulator (host)");
  p->totalGlobalMem = device_memory();
  p->sharedMemPerBlock = 48 << 10;
  p->major = 9;
  p->minor = 0;
  p->multiProcessorCount = 1;
  p->maxThreadsPerBlock = 1024;
  p->warpSize = 32;
  return cudaSuccess;
}
cudaError_t cudaMemGetInfo(size_t* f, size_t* t) {
  std::lock_guard<std::mutex> l(g_mu);
  *t = device_memory();
  *f = *t - g_used[t_device];
  return cudaSuccess;
}
cudaError_t cudaRuntimeGetVersion(int* v) {
  *v = 0;  // "CUDA runtime 0.0": no real runtime behind it
  return cudaSuccess;
}
cudaError_t cudaDriverGetVersion(int* v) {
  *v = 0;
  return cudaSuccess;
}

static cudaError_t emu_alloc(void** p, size_t bytes, int device) {
  *p = nullptr;
  std::lock_guard<std::mutex> l(g_mu);
  if (device >= 0 && bytes > device_memory() - g_used[device]) return cudaErrorMemoryAllocation;
  void* m = aligned_alloc(256, (std::max<size_t>(bytes, 1) + 255) / 256 * 256);
  if (!m) return cudaErrorMemoryAllocation;
  std::memset(m, 0xff, bytes);  // NaN for floats: nothing promises zeroed device memory
  g_allocs[reinterpret_cast<uintptr_t>(m)] = Alloc{bytes, device};
  if (device >= 0) g_used[device] += bytes;
  *p = m;
  return cudaSuccess;
}
static cudaError_t emu_free(void* p, bool pinned) {
  if (!p) return cudaSuccess;
  std::lock_guard<std::mutex> l(g_mu);
  auto it = g_allocs.find(reinterpret_cast<uintptr_t>(p));
  if (it == g_allocs.end() || (it->second.device < 0) != pinned)
    return fail(cudaErrorInvalidValue, "%s(%p): not the start of a live %s allocation",
                pinned ? "cudaFreeHost" : "cudaFree", p, pinned ? "pinned host" : "device");
  if (it->second.device >= 0) g_used[it->second.device] -= it->second.bytes;
  g_allocs.erase(it);
  free(p);
  return cudaSuccess;
}
cudaError_t cudaMalloc(void** p, size_t bytes) { return emu_alloc(p, bytes, t_device); }
// cudaFree and cudaFreeHost wait for the device's work, as CUDA's do.
cudaError_t cudaFree(void* p) {
  flush_device(t_device);
  return emu_free(p, false);
}
cudaError_t cudaMallocHost(void** p, size_t bytes) { return emu_alloc(p, bytes, -1); }
cudaError_t cudaFreeHost(void* p) {
  for (int d = 0; d < num_devices(); ++d) flush_device(d);
  return emu_free(p, true);
}

// On the legacy default stream: not ordered after the plugin's streams, which are all
// non-blocking -- the caller must have synchronised them.
cudaError_t cudaMemcpy(void* dst, const void* src, size_t n, cudaMemcpyKind k) { return copy(dst, src, n, k); }
// As CUDA documents cudaMemcpyAsync: pinned host memory is read or written when the
// stream gets to the copy; a pageable source is staged at the call; a copy into
// pageable memory returns once done (so it waits for the stream first).
cudaError_t cudaMemcpyAsync(void* dst, const void* src, size_t n, cudaMemcpyKind k, cudaStream_t s) {
  if (n == 0) return cudaSuccess;
  if (cudaError_t e = check_copy(dst, src, n, k)) return e;
  std::string why;
  if (s && where(dst, 0, &why) == -2) {  // into pageable memory
    flush(s);
    std::memmove(dst, src, n);
  } else if (where(src, 0, &why) == -2) {  // from pageable memory: staged now
    auto staged = std::make_shared<std::vector<char>>(static_cast<const char*>(src), static_cast<const char*>(src) + n);
    submit(s, [dst, staged] { std::memcpy(dst, staged->data(), staged->size()); });
  } else {
    submit(s, [dst, src, n] { std::memmove(dst, src, n); });
  }
  return cudaSuccess;
}
cudaError_t cudaMemcpyPeerAsync(void* dst, int ddev, const void* src, int sdev, size_t n, cudaStream_t s) {
  if (n == 0) return cudaSuccess;
  std::string why;
  int wd = where(dst, n, &why), ws = where(src, n, &why);
  if (wd != ddev || ws != sdev)
    return fail(cudaErrorInvalidValue, "cudaMemcpyPeerAsync: destination on gpu(%d) (asked %d), source on gpu(%d) "
                "(asked %d)%s%s", wd, ddev, ws, sdev, why.empty() ? "" : ": ", why.c_str());
  submit(s, [dst, src, n] { std::memmove(dst, src, n); });
  return cudaSuccess;
}
cudaError_t cudaMemsetAsync(void* dst, int v, size_t n, cudaStream_t s) {
  if (n == 0) return cudaSuccess;
  std::string why;
  int w = where(dst, n, &why);
  if (w < 0 || w != t_device)
    return fail(cudaErrorInvalidValue, "cudaMemsetAsync(%p, %zu bytes): %s", dst, n,
                w == -3 ? why.c_str() : w >= 0 ? "memory of another device" : "not device memory");
  submit(s, [dst, v, n] { std::memset(dst, v, n); });
  return cudaSuccess;
}

cudaError_t cudaStreamCreateWithFlags(cudaStream_t* s, unsigned) {
  std::lock_guard<std::recursive_mutex> l(g_stream_mu);
  *s = new CUstream_st;
  (*s)->device = t_device;
  g_streams.push_back(*s);
  return cudaSuccess;
}
cudaError_t cudaStreamSynchronize(cudaStream_t s) {
  if (s) flush(s);
  return cudaSuccess;
}
// A GPU finishes a stream's work eventually; the emulator finishes it when asked.
cudaError_t cudaStreamQuery(cudaStream_t s) { return cudaStreamSynchronize(s); }
cudaError_t cudaEventCreateWithFlags(cudaEvent_t* e, unsigned) {
  *e = new CUevent_st;
  (*e)->device = t_device;
  return cudaSuccess;
}
cudaError_t cudaEventDestroy(cudaEvent_t e) {
  std::lock_guard<std::recursive_mutex> l(g_stream_mu);
  delete e;
  return cudaSuccess;
}
cudaError_t cudaEventRecord(cudaEvent_t e, cudaStream_t s) {
  std::lock_guard<std::recursive_mutex> l(g_stream_mu);
  e->stream = s;
  e->seq = s ? s->submitted : 0;
  return cudaSuccess;
}
cudaError_t cudaEventSynchronize(cudaEvent_t e) {
  std::lock_guard<std::recursive_mutex> l(g_stream_mu);
  if (e->stream) flush_until(e->stream, e->seq);
  return cudaSuccess;
}
cudaError_t cudaEventQuery(cudaEvent_t e) { return cudaEventSynchronize(e); }
// Waiting is itself queued on s: when s gets there, the event's stream runs up to it.
cudaError_t cudaStreamWaitEvent(cudaStream_t s, cudaEvent_t e, unsigned) {
  std::lock_guard<std::recursive_mutex> l(g_stream_mu);
  if (CUstream_st* on = e->stream) {
    uint64_t seq = e->seq;
    submit(s, [on, seq] { flush_until(on, seq); });
  }
  return cudaSuccess;
}

cudaError_t cudaGetLastError() {
  cudaError_t e = t_last;
  t_last = cudaSuccess;
  return e;
}
cudaError_t cudaPeekAtLastError() { return t_last; }

const char* cudaGetErrorName(cudaError_t e) {
  switch (e) {
    case cudaSuccess: return "cudaSuccess";
    case cudaErrorInvalidValue: return "cudaErrorInvalidValue";
    case cudaErrorMemoryAllocation: return "cudaErrorMemoryAllocation";
    case cudaErrorInvalidConfiguration: return "cudaErrorInvalidConfiguration";
    case cudaErrorInvalidDevicePointer: return "cudaErrorInvalidDevicePointer";
    case cudaErrorInsufficientDriver: return "cudaErrorInsufficientDriver";
    case cudaErrorNoDevice: return "cudaErrorNoDevice";
    case cudaErrorNotReady: return "cudaErrorNotReady";
    case cudaErrorInvalidDevice: return "cudaErrorInvalidDevice";
    case cudaErrorInvalidResourceHandle: return "cudaErrorInvalidResourceHandle";
    case cudaErrorIllegalAddress: return "cudaErrorIllegalAddress";
  }
  return "cudaErrorUnknown";
}
// The emulator's explanation of the last error it raised on this thread (which
// kernel, which argument) rather than CUDA's fixed one-line text.
const char* cudaGetErrorString(cudaError_t e) {
  thread_local std::string s;
  s = std::string("emulated ") + cudaGetErrorName(e);
  if (e != cudaSuccess && e == t_detail_code) s += ": " + t_detail;
  return s.c_str();
}

// ------------------------------------------------------------------ cuBLAS
// Column-major strided-batched GEMM: C = alpha op(A) op(B) + beta C, op(A) m x k.
// Loops ordered so the innermost one walks contiguous memory (the MLP test trains
// through here).
template <class T>
static void gemm(int ta, int tb, int m, int n, int k, const T* alpha, const T* A, int lda, long long sa, const T* B,
                 int ldb, long long sb, const T* beta, T* C, int ldc, long long sc, int batch) {
  std::vector<T> acc(size_t(m > 0 ? m : 1));
  for (int p = 0; p < batch; ++p) {
    const T *a = A + p * sa, *bm = B + p * sb;
    T* cm = C + p * sc;
    for (int j = 0; j < n; ++j) {
      auto bv = [&](int l) { return tb ? bm[j + int64_t(l) * ldb] : bm[l + int64_t(j) * ldb]; };
      if (!ta) {  // column j of C = sum over l of column l of A times B(l, j)
        std::fill(acc.begin(), acc.end(), T(0));
        for (int l = 0; l < k; ++l) {
          const T w = bv(l), *col = a + int64_t(l) * lda;
          for (int i = 0; i < m; ++i) acc[size_t(i)] += col[i] * w;
        }
      } else {  // op(A) row i is column i of A: a dot product
        for (int i = 0; i < m; ++i) {
          const T* col = a + int64_t(i) * lda;
          T d = T(0);
          for (int l = 0; l < k; ++l) d += col[l] * bv(l);
          acc[size_t(i)] = d;
        }
      }
      T* out = cm + int64_t(j) * ldc;
      for (int i = 0; i < m; ++i)  // beta 0: C is not read (it may hold NaN)
        out[i] = *beta == T(0) ? *alpha * acc[size_t(i)] : *alpha * acc[size_t(i)] + *beta * out[i];
    }
  }
}
struct CublasHandle {
  cudaStream_t stream = nullptr;
};
// Queued on the handle's stream like a kernel; alpha and beta are read at the call.
template <class T>
static int gemm_on(void* h, int ta, int tb, int m, int n, int k, const T* alpha, const T* A, int lda, long long sa,
                   const T* B, int ldb, long long sb, const T* beta, T* C, int ldc, long long sc, int batch) {
  if (m < 0 || n < 0 || k < 0 || batch < 0) return 7;  // CUBLAS_STATUS_INVALID_VALUE
  T a = *alpha, b = *beta;
  submit(static_cast<CublasHandle*>(h)->stream, [=] {
    gemm(ta, tb, m, n, k, &a, A, lda, sa, B, ldb, sb, &b, C, ldc, sc, batch);
  });
  return 0;
}
EMU_EXPORT int cublasCreate_v2(void** h) {
  *h = new CublasHandle;
  return 0;
}
EMU_EXPORT int cublasSetStream_v2(void* h, cudaStream_t s) {
  static_cast<CublasHandle*>(h)->stream = s;
  return 0;
}
EMU_EXPORT int cublasSgemmStridedBatched(void* h, int ta, int tb, int m, int n, int k, const float* alpha,
                                         const float* A, int lda, long long sa, const float* B, int ldb, long long sb,
                                         const float* beta, float* C, int ldc, long long sc, int batch) {
  return gemm_on(h, ta, tb, m, n, k, alpha, A, lda, sa, B, ldb, sb, beta, C, ldc, sc, batch);
}
EMU_EXPORT int cublasDgemmStridedBatched(void* h, int ta, int tb, int m, int n, int k, const double* alpha,
                                         const double* A, int lda, long long sa, const double* B, int ldb,
                                         long long sb, const double* beta, double* C, int ldc, long long sc,
                                         int batch) {
  return gemm_on(h, ta, tb, m, n, k, alpha, A, lda, sa, B, ldb, sb, beta, C, ldc, sc, batch);
}

// ------------------------------------------------------------------ NVRTC, driver API
// Fused elementwise kernels (core/cuda/fusion.cu) are CUDA source that the plugin
// compiles at run time with NVRTC and launches with the driver API; with
// MXLITE_NVRTC_LIBRARY and MXLITE_CUDA_DRIVER_LIBRARY naming this library, these
// stand-ins answer. "Compiling" runs the host C++ compiler (MXC_EMU_CXX, default c++)
// on the source against this emulator's include/ directory, with the program's
// in-memory headers written next to it, into a shared object; the "PTX" is that
// object's path. A trampoline appended to the source gives each __global__ function
// an entry that unpacks cuLaunchKernel's parameter array, so a launch runs like any
// other: configuration and pointer checks, queued on its stream. Objects are cached
// by a hash of the program in $TMPDIR/mxcemu_rtc-<uid> (pytest runs compile once).
//
// MXC_EMU_NVRTC_CHECK=/path/to/libnvrtc.so.N: every program is also compiled by that
// real NVRTC to PTX, for each of MXC_EMU_NVRTC_ARCHS (default "80,90"), with the
// plugin's own options and headers; a program it rejects fails here with its log.
// MXC_EMU_NVRTC_PTX_DIR keeps that PTX (<hash>_compute_<arch>.ptx) for ptxas.
namespace {
struct RtcProgram {
  std::string src;
  std::vector<std::pair<std::string, std::string>> headers;  // include name, text
  std::string log, image;
};
struct RtcFunction {
  void (*run)(void**, Thread*);
  std::string name;
  std::vector<size_t> size;
  std::vector<int> is_ptr;
};
enum : int { kNvrtcOk = 0, kNvrtcInvalidInput = 3, kNvrtcCompilation = 6 };
enum : int { kCuOk = 0, kCuInvalidValue = 1, kCuInvalidImage = 200, kCuNotFound = 500, kCuLaunchFailed = 719 };

uint64_t fnv1a(const std::string& s, uint64_t h = 1469598103934665603ull) {
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
  return h;
}
std::string hex(uint64_t v) {
  char b[17];
  snprintf(b, sizeof b, "%016llx", (unsigned long long)v);
  return b;
}
bool write_file(const std::string& path, const std::string& text) {
  for (size_t p = path.find('/', 1); p != std::string::npos; p = path.find('/', p + 1))
    mkdir(path.substr(0, p).c_str(), 0700);  // parents; existing ones are fine
  FILE* f = fopen(path.c_str(), "wb");
  if (!f) return false;
  bool ok = fwrite(text.data(), 1, text.size(), f) == text.size();
  return fclose(f) == 0 && ok;
}
std::string read_file(const std::string& path) {
  std::string s;
  if (FILE* f = fopen(path.c_str(), "rb")) {
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0) s.append(buf, n);
    fclose(f);
  }
  return s;
}

// The names of the program's __global__ functions (the fused kernels are extern "C").
std::vector<std::string> kernel_names(const std::string& src) {
  std::vector<std::string> names;
  const std::string key = "__global__ void ";
  for (size_t p = src.find(key); p != std::string::npos; p = src.find(key, p + 1)) {
    size_t b = p + key.size(), e = b;
    while (e < src.size() && (isalnum((unsigned char)src[e]) || src[e] == '_')) ++e;
    if (e > b) names.push_back(src.substr(b, e - b));
  }
  return names;
}

// Appended to a program: the emulator's view of the running thread for this object,
// __syncthreads() forwarded to the emulator, and per kernel its parameter layout and
// an entry that calls it from cuLaunchKernel's parameter array.
std::string trampoline(const std::vector<std::string>& kernels) {
  std::string t = R"(
// ---- appended by the CUDA emulator (tests/gpu/emu/cuda_emu.cc)
#include <utility>
namespace mxcemu { thread_local Thread* cur = nullptr; }
extern "C" __attribute__((visibility("default"))) void (*mxcemu_rtc_syncthreads)() = nullptr;
// The block's other threads run (and set cur) while this one waits at the barrier.
void mxcemu::syncthreads() {
  mxcemu::Thread* me = mxcemu::cur;
  mxcemu_rtc_syncthreads();
  mxcemu::cur = me;
}
namespace mxcemu_rtc {
template <class... P> struct Sig {
  static constexpr int count = int(sizeof...(P));
  static void describe(size_t* size, int* ptr) {
    int i = 0;
    ((size[i] = sizeof(P), ptr[i] = std::is_pointer_v<P>, ++i), ...);
    (void)size, (void)ptr, (void)i;
  }
  template <size_t... I> static void call(void (*k)(P...), void** a, std::index_sequence<I...>) {
    k(*static_cast<std::decay_t<P>*>(a[I])...);
  }
};
template <class... P> Sig<P...> sig(void (*)(P...));
}  // namespace mxcemu_rtc
)";
  for (const std::string& k : kernels) {
    t += "extern \"C\" __attribute__((visibility(\"default\"))) int mxcemu_rtc_describe_" + k +
         "(size_t* size, int* ptr, int max) {\n  using S = decltype(mxcemu_rtc::sig(&" + k +
         "));\n  if (S::count > max) return -1;\n  S::describe(size, ptr);\n  return S::count;\n}\n";
    t += "extern \"C\" __attribute__((visibility(\"default\"))) void mxcemu_rtc_run_" + k +
         "(void** a, ::mxcemu::Thread* th) {\n  ::mxcemu::cur = th;\n  using S = decltype(mxcemu_rtc::sig(&" + k +
         "));\n  S::call(&" + k + ", a, std::make_index_sequence<S::count>());\n}\n";
  }
  return t;
}

// The real NVRTC check (MXC_EMU_NVRTC_CHECK); "" when it passes or is not asked for.
std::string real_nvrtc_check(const RtcProgram& p, const std::vector<std::string>& options, const std::string& hash) {
  const char* path = getenv("MXC_EMU_NVRTC_CHECK");
  if (!path || !*path) return "";
  void* lib = ::dlopen(path, RTLD_NOW | RTLD_LOCAL);
  if (!lib) return std::string("MXC_EMU_NVRTC_CHECK: cannot load ") + path + ": " + dlerror();
  using Create = int (*)(void**, const char*, const char*, int, const char* const*, const char* const*);
  using Compile = int (*)(void*, int, const char* const*);
  using Size = int (*)(void*, size_t*);
  using Get = int (*)(void*, char*);
  using Destroy = int (*)(void**);
  auto create = reinterpret_cast<Create>(dlsym(lib, "nvrtcCreateProgram"));
  auto compile = reinterpret_cast<Compile>(dlsym(lib, "nvrtcCompileProgram"));
  auto ptx_size = reinterpret_cast<Size>(dlsym(lib, "nvrtcGetPTXSize"));
  auto ptx = reinterpret_cast<Get>(dlsym(lib, "nvrtcGetPTX"));
  auto log_size = reinterpret_cast<Size>(dlsym(lib, "nvrtcGetProgramLogSize"));
  auto log = reinterpret_cast<Get>(dlsym(lib, "nvrtcGetProgramLog"));
  auto destroy = reinterpret_cast<Destroy>(dlsym(lib, "nvrtcDestroyProgram"));
  if (!create || !compile || !ptx_size || !ptx || !log_size || !log || !destroy)
    return std::string("MXC_EMU_NVRTC_CHECK: ") + path + " lacks NVRTC entry points";
  std::vector<const char*> names, texts;
  for (auto& [n, t] : p.headers) names.push_back(n.c_str()), texts.push_back(t.c_str());
  const char* archs_env = getenv("MXC_EMU_NVRTC_ARCHS");
  std::string archs = archs_env && *archs_env ? archs_env : "80,90";
  const char* ptx_dir = getenv("MXC_EMU_NVRTC_PTX_DIR");
  for (size_t b = 0; b < archs.size();) {
    size_t e = archs.find(',', b);
    if (e == std::string::npos) e = archs.size();
    std::string arch = "--gpu-architecture=compute_" + archs.substr(b, e - b);
    b = e + 1;
    std::vector<const char*> opts;
    for (const std::string& o : options)
      if (o.rfind("--gpu-architecture", 0) != 0 && o.rfind("-arch", 0) != 0) opts.push_back(o.c_str());
    opts.push_back(arch.c_str());
    void* prog = nullptr;
    if (create(&prog, p.src.c_str(), "mxl_fused.cu", int(names.size()), texts.data(), names.data()) != 0)
      return "real NVRTC: nvrtcCreateProgram failed";
    int rc = compile(prog, int(opts.size()), opts.data());
    size_t n = 0;
    std::string out;
    if (rc != 0) {
      log_size(prog, &n);
      out.assign(n, '\0');
      if (n) log(prog, &out[0]);
      destroy(&prog);
      return std::string("real NVRTC (") + path + ", " + arch + ") rejects the program: " + out.c_str();
    }
    ptx_size(prog, &n);
    out.assign(n, '\0');
    ptx(prog, &out[0]);
    destroy(&prog);
    if (ptx_dir && *ptx_dir)
      write_file(std::string(ptx_dir) + "/" + hash + "_" + arch.substr(arch.find('=') + 1) + ".ptx", out.c_str());
  }
  return "";
}

// This emulator build (its file's path, size and time): part of every cached object's
// key, so that a rebuilt emulator (new cuda_emu.h, new trampoline) compiles afresh.
std::string emulator_stamp() {
  Dl_info info;
  struct stat st;
  if (!dladdr(reinterpret_cast<void*>(&emulator_stamp), &info) || !info.dli_fname || stat(info.dli_fname, &st) != 0)
    return "unknown";
  return std::string(info.dli_fname) + " " + std::to_string(st.st_size) + " " + std::to_string(st.st_mtime);
}

std::mutex g_rtc_mu;  // compiles, module loads
}  // namespace

EMU_EXPORT int nvrtcCreateProgram(RtcProgram** prog, const char* src, const char*, int nh, const char* const* texts,
                                  const char* const* names) {
  if (!prog || !src || nh < 0) return kNvrtcInvalidInput;
  auto* p = new RtcProgram;
  p->src = src;
  for (int i = 0; i < nh; ++i) p->headers.push_back({names[i], texts[i]});
  *prog = p;
  return kNvrtcOk;
}
EMU_EXPORT int nvrtcDestroyProgram(RtcProgram** prog) {
  if (prog) delete *prog, *prog = nullptr;
  return kNvrtcOk;
}
EMU_EXPORT int nvrtcCompileProgram(RtcProgram* p, int nopt, const char* const* opts) {
  if (!p) return kNvrtcInvalidInput;
  std::lock_guard<std::mutex> l(g_rtc_mu);
  std::vector<std::string> options(opts, opts + nopt);
  std::string key = p->src;
  for (auto& [n, t] : p->headers) key += "\n//" + n + "\n" + t;
  for (auto& o : options) key += "\n" + o;
  const std::string hash = hex(fnv1a(key + "\n" + emulator_stamp()));
  p->log = real_nvrtc_check(*p, options, hash);
  if (!p->log.empty()) return kNvrtcCompilation;
  const char* tmp = getenv("TMPDIR");
  const std::string dir = std::string(tmp && *tmp ? tmp : "/tmp") + "/mxcemu_rtc-" + std::to_string(getuid());
  const std::string so = dir + "/" + hash + ".so";
  if (access(so.c_str(), R_OK) != 0) {  // not cached: build it in a scratch directory
    const std::string work = dir + "/" + hash + ".build" + std::to_string(getpid());
    bool ok = write_file(work + "/prog.cc", p->src + trampoline(kernel_names(p->src)));
    for (auto& [n, t] : p->headers) ok = ok && write_file(work + "/" + n, t);
    if (!ok) {
      p->log = "cuda_emu: cannot write the program to " + work;
      return kNvrtcCompilation;
    }
    const char* cxx = getenv("MXC_EMU_CXX");
    // Quoted includes find the program's headers; <...> ones the system's and the
    // emulator's (never the program's stand-ins for NVRTC's missing system headers).
    std::string cmd = std::string(cxx && *cxx ? cxx : "c++") +
                      " -std=c++17 -O1 -fPIC -shared -fvisibility=hidden -include cuda_runtime.h -I" +
                      MXCEMU_INCLUDE_DIR + " -iquote " + work + " " + work + "/prog.cc -o " + work + "/prog.so > " +
                      work + "/log.txt 2>&1";
    int rc = system(cmd.c_str());
    if (rc != 0 || rename((work + "/prog.so").c_str(), so.c_str()) != 0) {
      p->log = "cuda_emu: the host compiler rejects the program (" + cmd + "):\n" + read_file(work + "/log.txt");
      return kNvrtcCompilation;  // the scratch directory stays, to look at
    }
    std::error_code ignored;
    std::filesystem::remove_all(work, ignored);
  }
  p->image = "mxcemu-rtc:" + so;
  return kNvrtcOk;
}
EMU_EXPORT int nvrtcGetPTXSize(RtcProgram* p, size_t* n) {
  *n = p->image.size() + 1;
  return kNvrtcOk;
}
EMU_EXPORT int nvrtcGetPTX(RtcProgram* p, char* out) {
  std::memcpy(out, p->image.c_str(), p->image.size() + 1);
  return kNvrtcOk;
}
EMU_EXPORT int nvrtcGetProgramLogSize(RtcProgram* p, size_t* n) {
  *n = p->log.size() + 1;
  return kNvrtcOk;
}
EMU_EXPORT int nvrtcGetProgramLog(RtcProgram* p, char* out) {
  std::memcpy(out, p->log.c_str(), p->log.size() + 1);
  return kNvrtcOk;
}
EMU_EXPORT const char* nvrtcGetErrorString(int rc) {
  switch (rc) {
    case kNvrtcOk: return "NVRTC_SUCCESS";
    case kNvrtcInvalidInput: return "NVRTC_ERROR_INVALID_INPUT";
    case kNvrtcCompilation: return "NVRTC_ERROR_COMPILATION";
  }
  return "NVRTC_ERROR (emulated)";
}

EMU_EXPORT int cuInit(unsigned) { return kCuOk; }
EMU_EXPORT int cuModuleLoadData(void** module, const void* image) {
  const std::string img = static_cast<const char*>(image);
  const std::string prefix = "mxcemu-rtc:";
  if (img.rfind(prefix, 0) != 0) {
    fail(cudaErrorInvalidValue, "cuModuleLoadData: not an image this emulator's NVRTC made");
    return kCuInvalidImage;
  }
  std::lock_guard<std::mutex> l(g_rtc_mu);
  void* h = ::dlopen(img.c_str() + prefix.size(), RTLD_NOW | RTLD_LOCAL);
  if (!h) {
    fail(cudaErrorInvalidValue, "cuModuleLoadData: %s", dlerror());
    return kCuInvalidImage;
  }
  if (auto* sync = reinterpret_cast<void (**)()>(dlsym(h, "mxcemu_rtc_syncthreads"))) *sync = syncthreads;
  *module = h;
  return kCuOk;
}
EMU_EXPORT int cuModuleGetFunction(void** fn, void* module, const char* name) {
  auto run = reinterpret_cast<void (*)(void**, Thread*)>(dlsym(module, (std::string("mxcemu_rtc_run_") + name).c_str()));
  auto describe = reinterpret_cast<int (*)(size_t*, int*, int)>(
      dlsym(module, (std::string("mxcemu_rtc_describe_") + name).c_str()));
  if (!run || !describe) return kCuNotFound;
  // One function per (module, name), as CUDA hands out; modules are never unloaded here.
  static auto* functions = new std::map<std::pair<void*, std::string>, std::unique_ptr<RtcFunction>>;
  std::lock_guard<std::mutex> l(g_rtc_mu);
  auto& slot = (*functions)[{module, name}];
  if (!slot) {
    auto f = std::make_unique<RtcFunction>(RtcFunction{run, name, std::vector<size_t>(64), std::vector<int>(64)});
    int n = describe(f->size.data(), f->is_ptr.data(), 64);
    if (n < 0) {
      functions->erase({module, name});
      return kCuInvalidValue;
    }
    f->size.resize(size_t(n));
    f->is_ptr.resize(size_t(n));
    slot = std::move(f);
  }
  *fn = slot.get();
  return kCuOk;
}
EMU_EXPORT int cuLaunchKernel(void* fn, unsigned gx, unsigned gy, unsigned gz, unsigned bx, unsigned by, unsigned bz,
                              unsigned smem, cudaStream_t stream, void** params, void** extra) {
  auto* f = static_cast<RtcFunction*>(fn);
  if (!f || extra) return kCuInvalidValue;
  LaunchCfg cfg{dim3(gx, gy, gz), dim3(bx, by, bz), smem, stream};
  // As CUDA does, the parameters are copied at the launch; pointers must be device memory.
  auto args = std::make_shared<std::vector<std::unique_ptr<unsigned char[]>>>();
  bool ok = launch_ok(cfg, f->name.c_str());
  for (size_t i = 0; ok && i < f->size.size(); ++i) {
    args->emplace_back(new unsigned char[f->size[i]]);
    std::memcpy(args->back().get(), params[i], f->size[i]);
    if (f->is_ptr[i]) {
      void* p = nullptr;
      std::memcpy(&p, params[i], sizeof p);
      ok = p == nullptr || check_pointer(p, f->name.c_str(), int(i));
    }
  }
  if (!ok) {
    cudaGetLastError();  // reported by this call's result, not by the next runtime call
    return kCuLaunchFailed;
  }
  submit(stream, [f, args, cfg] {
    std::vector<void*> a;
    for (auto& p : *args) a.push_back(p.get());
    struct Ctx {
      RtcFunction* f;
      void** a;
    } ctx{f, a.data()};
    run_grid(cfg, f->name.c_str(), [](void* p) {
      auto* c = static_cast<Ctx*>(p);
      c->f->run(c->a, cur);
    }, &ctx);
  });
  return kCuOk;
}
EMU_EXPORT int cuGetErrorString(int rc, const char** s) {
  switch (rc) {
    case kCuOk: *s = "no error"; break;
    case kCuInvalidValue: *s = "invalid argument"; break;
    case kCuInvalidImage: *s = "device kernel image is invalid (emulated)"; break;
    case kCuNotFound: *s = "named symbol not found"; break;
    case kCuLaunchFailed: *s = "launch refused by the emulator (see the cuda_emu: message)"; break;
    default: *s = "unknown error"; break;
  }
  return kCuOk;
}
