#include "device.h"

#include <cstring>

#include "../cuda/loader.h"
#include "../storage/storage.h"

namespace mxl {

namespace {

bool on_gpu(const NDArray& a) { return a.ctx().type == DevType::kGPU; }

// Device memory for one copy, returned to the pool when the copy has been enqueued
// (later users of the block are ordered after it on the same stream).
struct DeviceTemp {
  Context ctx;
  size_t bytes;
  void* ptr;
  DeviceTemp(Context c, size_t n) : ctx(c), bytes(n), ptr(storage::alloc(c, n)) {}
  ~DeviceTemp() { storage::free(ctx, ptr, bytes); }
};

void convert(int dev, const void* src, DType st, void* dst, DType dt, int64_t n) {
  if (n == 0) return;
  const mxl_cuda_api& a = gpu::api(Context{DevType::kGPU, dev});
  gpu::check(a.convert(dev, src, int(st), dst, int(dt), n, gpu::stream(dev)), "converting dtypes on the device");
}

// Host -> device with dtype conversion: convert on the host, then one staged copy.
void host_to_device(const TBlob& s, const TBlob& d) {
  int dev = d.ctx.id;
  if (s.dtype == d.dtype) {
    gpu::copy_to_device(dev, d.data, s.data, size_t(s.size()) * dtype_size(s.dtype));
    return;
  }
  DeviceTemp tmp(d.ctx, size_t(s.size()) * dtype_size(s.dtype));
  gpu::copy_to_device(dev, tmp.ptr, s.data, tmp.bytes);
  convert(dev, tmp.ptr, s.dtype, d.data, d.dtype, s.size());
}

void device_to_host(const TBlob& s, const TBlob& d) {
  int dev = s.ctx.id;
  if (s.dtype == d.dtype) {
    gpu::copy_to_host(dev, d.data, s.data, size_t(s.size()) * dtype_size(s.dtype));
    return;
  }
  DeviceTemp tmp(s.ctx, size_t(s.size()) * dtype_size(d.dtype));
  convert(dev, s.data, s.dtype, tmp.ptr, d.dtype, s.size());
  gpu::copy_to_host(dev, d.data, tmp.ptr, tmp.bytes);
}

void device_to_device(const TBlob& s, const TBlob& d) {
  int sdev = s.ctx.id, ddev = d.ctx.id;
  size_t n = size_t(s.size()) * dtype_size(d.dtype);
  if (sdev == ddev) {
    if (s.dtype != d.dtype) {
      convert(sdev, s.data, s.dtype, d.data, d.dtype, s.size());
    } else if (s.data != d.data && n) {
      const mxl_cuda_api& a = gpu::api(d.ctx);
      gpu::check(a.memcpy_d2d(ddev, d.data, sdev, s.data, n, gpu::stream(ddev)), "copying on the device");
    }
    return;
  }
  // Across devices: the source's stream must have produced it, and the copy must be
  // finished before either stream reuses the memory (both pools are stream-ordered).
  const mxl_cuda_api& a = gpu::api(d.ctx);
  gpu::sync(sdev);
  if (s.dtype == d.dtype) {
    if (n) gpu::check(a.memcpy_d2d(ddev, d.data, sdev, s.data, n, gpu::stream(ddev)), "copying between devices");
  } else {
    DeviceTemp tmp(d.ctx, size_t(s.size()) * dtype_size(s.dtype));
    gpu::check(a.memcpy_d2d(ddev, tmp.ptr, sdev, s.data, tmp.bytes, gpu::stream(ddev)), "copying between devices");
    convert(ddev, tmp.ptr, s.dtype, d.data, d.dtype, s.size());
  }
  gpu::sync(ddev);
}

}  // namespace

void device_copy(const NDArray& src, const NDArray& dst) {
  // Validate both devices now (clear error at the call, not later in the engine).
  if (on_gpu(src)) gpu::api(src.ctx());
  if (on_gpu(dst)) gpu::api(dst.ctx());
  Context run_on = on_gpu(dst) ? dst.ctx() : src.ctx();  // the GPU side's worker runs it
  engine::push(
      [src, dst] {
        TBlob s = src.blob(), d = dst.blob();
        if (!on_gpu(src)) host_to_device(s, d);
        else if (!on_gpu(dst)) device_to_host(s, d);
        else device_to_device(s, d);
      },
      {src.var()}, {dst.var()}, {run_on, "copyto", false});
}

void device_sync_copy_from(const NDArray& a, const void* src, size_t nbytes) {
  gpu::api(a.ctx());
  int dev = a.ctx().id;
  void* dst = a.data();
  engine::push([dev, dst, src, nbytes] { gpu::copy_to_device(dev, dst, src, nbytes); }, {}, {a.var()},
               {a.ctx(), "copy_from_host", false});
  engine::wait_to_read(a.var());  // src has been read (staged) when its op has completed
}

void device_sync_copy_to(const NDArray& a, void* dst, size_t nbytes) {
  gpu::api(a.ctx());
  // Read through the engine, so that the copy is ordered after the array's writers;
  // a private variable carries completion and any error of those writers back here.
  engine::Var* done = engine::new_var();
  int dev = a.ctx().id;
  const void* src = a.data();
  NDArray keep = a;
  try {
    engine::push([keep, dev, dst, src, nbytes] { gpu::copy_to_host(dev, dst, src, nbytes); }, {a.var()}, {done},
                 {a.ctx(), "copy_to_host", false});
    engine::wait_to_read(done);
  } catch (...) {
    engine::release_var(done);
    throw;
  }
  engine::release_var(done);
}

void device_wait(const NDArray& a) {
  if (on_gpu(a)) gpu::sync(a.ctx().id);
}

// Defined here rather than in ndarray.cc: the GPU half is what makes them non-trivial.
void NDArray::wait_to_read() const {
  engine::wait_to_read(var());
  device_wait(*this);
}
void NDArray::wait_to_write() const {
  engine::wait_to_write(var());
  device_wait(*this);
}

}  // namespace mxl
