// NDArray: shape + dtype + a view into a storage chunk, which owns device memory and
// the engine variable that orders all work on it. Copies of an NDArray share the
// chunk; views (reshape, row slices) share it with a byte offset.
#pragma once
#include <functional>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "../engine/engine.h"
#include "../op/registry.h"

namespace mxl {

struct AGEntry;  // autograd bookkeeping (autograd.h)

struct Chunk {
  void* ptr = nullptr;
  size_t bytes = 0;
  Context ctx;
  engine::Var* var = nullptr;
  std::function<void()> external_free;  // memory owned by someone else (DLPack import)

  Chunk(Context c, size_t nbytes);                       // pooled memory
  Chunk(Context c, void* p, size_t nbytes, std::function<void()> release);  // borrowed
  ~Chunk();
  Chunk(const Chunk&) = delete;
  Chunk& operator=(const Chunk&) = delete;
};

class NDArray {
 public:
  NDArray() = default;
  NDArray(const Shape& shape, DType dtype, Context ctx);  // uninitialised contents
  NDArray(std::shared_ptr<Chunk> c, const Shape& s, DType t, size_t offset = 0)
      : chunk_(std::move(c)), shape_(s), dtype_(t), offset_(offset) {}

  bool is_none() const { return !chunk_; }
  const Shape& shape() const { return shape_; }
  DType dtype() const { return dtype_; }
  Context ctx() const { return chunk_->ctx; }
  int64_t size() const { return shape_.size(); }
  size_t nbytes() const { return size_t(size()) * dtype_size(dtype_); }
  engine::Var* var() const { return chunk_->var; }
  const std::shared_ptr<Chunk>& chunk() const { return chunk_; }
  size_t offset() const { return offset_; }
  void* data() const { return static_cast<char*>(chunk_->ptr) + offset_; }
  TBlob blob() const { return TBlob{data(), shape_, dtype_, chunk_->ctx}; }

  // Block until pending writes (and, for write, reads) are done. On a GPU this also
  // waits for the device's stream (GPU ops complete when enqueued; device.cc).
  void wait_to_read() const;
  void wait_to_write() const;

  // Views sharing memory.
  NDArray reshape(const Shape& s) const;       // same size required
  NDArray slice(int64_t begin, int64_t end) const;  // rows along axis 0
  NDArray at(int64_t idx) const;               // one row, axis 0 dropped

  void sync_copy_from(const void* src, size_t nbytes) const;  // blocks
  void sync_copy_to(void* dst, size_t nbytes) const;          // blocks, raises pending errors

  // Set when this array was produced by an op recorded by autograd, or was marked as
  // a variable (attach_grad). Views do not carry it.
  std::shared_ptr<AGEntry> ag;

 private:
  std::shared_ptr<Chunk> chunk_;
  Shape shape_;
  DType dtype_ = DType::f32;
  size_t offset_ = 0;
};

// Runs op on inputs. `outs` may hold existing arrays to write (MXNet's out=), or
// be empty / hold none entries for new ones. Returns the outputs. Asynchronous.
std::vector<NDArray> invoke(const OpDef& op, const std::vector<NDArray>& in, Attrs attrs,
                            std::vector<NDArray> outs = {});
std::vector<NDArray> invoke(const std::string& op, const std::vector<NDArray>& in, const KV& params = {});

// Asynchronous copy with dtype conversion; shapes must have equal size.
void copy(const NDArray& src, const NDArray& dst);

// Parses "cpu(0)", "gpu(1)", "cpu" -> Context; throws kInvalidArgument.
Context parse_context(const std::string& s);

// Random generator state per device, ordered by the engine like an array: ops that
// draw from it list `var` among their writes.
void random_seed(int64_t seed, int dev_type, int dev_id);  // dev_type -1: all devices
struct DeviceRng {
  std::mt19937_64* gen;
  engine::Var* var;
};
DeviceRng device_rng(Context ctx);

// Autograd training flag of this thread (mx.autograd.train_mode / record(train_mode)).
bool is_training();
bool set_training(bool on);  // returns the previous value

// .params files (MXNet's format). names empty: a list.
void save(const std::string& fname, const std::vector<NDArray>& arrays,
          const std::vector<std::string>& names);
void load(const std::string& fname, std::vector<NDArray>* arrays, std::vector<std::string>* names);

}  // namespace mxl
