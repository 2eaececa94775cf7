/* A stand-in for libmxlite_cuda.so that keeps "device" memory in host RAM, so the
 * core's GPU path -- plugin loading, kernel attachment, the GPU memory pool, the
 * engine's device worker, staged host <-> device copies, dtype conversion and error
 * plumbing -- is tested on machines without a GPU (tests/python/test_gpu.py).
 * Only a few kernels: elemwise_add (float32), _zeros, and elemwise_sub, which always
 * fails (to check that a kernel's error reaches the caller). FAKE_GPUS sets the
 * device count (default 1). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/cuda/plugin_abi.h"

static char g_err[256];
static int g_streams;

static const char* last_error(void) { return g_err; }
static const char* version(void) { return "fake CUDA plugin for tests"; }
static int device_count(int* n) {
  const char* e = getenv("FAKE_GPUS");
  *n = e ? atoi(e) : 1;
  return 0;
}
static int device_name(int dev, char* buf, size_t len) {
  snprintf(buf, len, "fake device %d", dev);
  return 0;
}
static int mem_info(int dev, size_t* f, size_t* t) {
  (void)dev;
  *f = *t = (size_t)1 << 30;
  return 0;
}
static int set_device(int dev) {
  (void)dev;
  return 0;
}
static int dmalloc(int dev, size_t bytes, void** p) {
  (void)dev;
  *p = malloc(bytes);
  if (!*p) {
    snprintf(g_err, sizeof g_err, "fake malloc of %zu bytes failed", bytes);
    return 5;
  }
  return 0;
}
static int dfree(int dev, void* p) {
  (void)dev;
  free(p);
  return 0;
}
static int host_alloc(size_t bytes, void** p) { return dmalloc(0, bytes, p); }
static int host_free(void* p) { return dfree(0, p); }
static int stream_create(int dev, void** s) {
  (void)dev;
  *s = &g_streams; /* any non-null token */
  ++g_streams;
  return 0;
}
static int stream_sync(int dev, void* s) {
  (void)dev;
  (void)s;
  return 0;
}
static int copy(int dev, void* dst, const void* src, size_t n, void* s) {
  (void)dev;
  (void)s;
  memmove(dst, src, n);
  return 0;
}
static int copy_d2d(int ddev, void* dst, int sdev, const void* src, size_t n, void* s) {
  (void)sdev;
  return copy(ddev, dst, src, n, s);
}
static int event_create(int dev, void** ev) {
  (void)dev;
  *ev = &g_streams;
  return 0;
}
static int event_destroy(void* ev) {
  (void)ev;
  return 0;
}
static int event_record(int dev, void* ev, void* s) {
  (void)dev;
  (void)ev;
  (void)s;
  return 0;
}
static int stream_wait_event(int dev, void* s, void* ev) { return event_record(dev, ev, s); }
static int event_query(void* ev) { /* copies here are done when called */
  (void)ev;
  return 0;
}

/* float32 (0), float64 (1), int32 (4) only. */
static double load(const void* p, int t, int64_t i) {
  switch (t) {
    case 0: return ((const float*)p)[i];
    case 1: return ((const double*)p)[i];
    case 4: return ((const int*)p)[i];
    default: return 0;
  }
}
static void store(void* p, int t, int64_t i, double v) {
  switch (t) {
    case 0: ((float*)p)[i] = (float)v; break;
    case 1: ((double*)p)[i] = v; break;
    case 4: ((int*)p)[i] = (int)v; break;
    default: break;
  }
}
static int convert(int dev, const void* src, int st, void* dst, int dt, int64_t n, void* s) {
  (void)dev;
  (void)s;
  int ok = (st == 0 || st == 1 || st == 4) && (dt == 0 || dt == 1 || dt == 4);
  if (!ok) {
    snprintf(g_err, sizeof g_err, "fake convert: dtype %d -> %d not supported", st, dt);
    return 5;
  }
  for (int64_t i = 0; i < n; ++i) store(dst, dt, i, load(src, st, i));
  return 0;
}

static int64_t size_of(const mxl_cuda_blob* b) {
  int64_t n = 1;
  for (int i = 0; i < b->ndim; ++i) n *= b->shape[i];
  return n;
}
static int add_f32(const mxl_cuda_call* c) {
  if (c->in[0].dtype != 0) {
    snprintf(c->err, c->err_len, "fake elemwise_add: float32 only");
    return 3;
  }
  const float *a = c->in[0].data, *b = c->in[1].data;
  float* y = c->out[0].data;
  for (int64_t i = 0, n = size_of(&c->out[0]); i < n; ++i) y[i] = a[i] + b[i];
  return 0;
}
static int zeros(const mxl_cuda_call* c) {
  static const int size[8] = {4, 8, 2, 1, 4, 1, 8, 1};
  memset(c->out[0].data, 0, (size_t)size_of(&c->out[0]) * size[c->out[0].dtype]);
  return 0;
}
static int always_fails(const mxl_cuda_call* c) {
  snprintf(c->err, c->err_len, "fake kernel failure (device %d)", c->device);
  return 5;
}

static const mxl_cuda_kernel_entry g_kernels[] = {
    {"elemwise_add", add_f32}, {"_zeros", zeros}, {"elemwise_sub", always_fails}};

__attribute__((visibility("default"))) int mxl_cuda_plugin_init(mxl_cuda_api* api, char* err, size_t len) {
  (void)err;
  (void)len;
  memset(api, 0, sizeof *api);
  api->abi_version = MXL_CUDA_ABI_VERSION;
  api->last_error = last_error;
  api->version = version;
  api->device_count = device_count;
  api->device_name = device_name;
  api->mem_info = mem_info;
  api->set_device = set_device;
  api->malloc = dmalloc;
  api->free = dfree;
  api->host_alloc = host_alloc;
  api->host_free = host_free;
  api->stream_create = stream_create;
  api->stream_sync = stream_sync;
  api->memcpy_h2d = copy;
  api->memcpy_d2h = copy;
  api->memcpy_d2d = copy_d2d;
  api->event_create = event_create;
  api->event_destroy = event_destroy;
  api->event_record = event_record;
  api->stream_wait_event = stream_wait_event;
  api->event_query = event_query;
  api->event_sync = event_query;
  api->convert = convert;
  api->kernels = g_kernels;
  api->num_kernels = (int)(sizeof g_kernels / sizeof g_kernels[0]);
  return 0;
}
