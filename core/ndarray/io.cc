// mx.nd.save / mx.nd.load in MXNet's .params format, so files move both ways
// between mxlite and MXNet 1.x:
//   u64 0x112, u64 0, u64 count, count x array, u64 count, count x (u64 len, bytes)
//   array: u32 magic (V2 0xF993FAC9 or V3 0xF993FACA), i32 storage type (0: dense),
//          u32 ndim, i64 dims[ndim], (if ndim > 0 or V3:) i32 dev_type, i32 dev_id,
//          i32 dtype flag, raw data.
// Also read: V1 (0xF993FAC8: no storage type) and the legacy layout (the first u32
// is ndim, u32 dims). Saving writes to a temp file in the same folder, then renames,
// so a crash never leaves a half-written file under the final name.
#include <cstdio>
#include <cstring>
#include <fstream>
#include <unistd.h>

#include "ndarray.h"

namespace mxl {

namespace {
constexpr uint64_t kListMagic = 0x112;
constexpr uint32_t kV1 = 0xF993FAC8, kV2 = 0xF993FAC9, kV3 = 0xF993FACA;

struct Writer {
  std::FILE* f;
  const std::string& name;
  void bytes(const void* p, size_t n) {
    if (n && std::fwrite(p, 1, n, f) != n) fail(Err::kIO, "save: write to '", name, "' failed");
  }
  template <typename T> void put(T v) { bytes(&v, sizeof(T)); }
};

struct Reader {
  const std::vector<char>& buf;
  const std::string& name;
  size_t pos = 0;
  void bytes(void* p, size_t n) {
    MXL_CHECK(n <= buf.size() - pos, Err::kIO, "load: file '", name, "' is truncated or corrupt (needed ",
              n, " bytes at offset ", pos, ", file has ", buf.size(), ")");
    std::memcpy(p, buf.data() + pos, n);
    pos += n;
  }
  template <typename T> T get() { T v; bytes(&v, sizeof(T)); return v; }
  [[noreturn]] void corrupt(const std::string& what) {
    fail(Err::kIO, "load: file '", name, "' is corrupt: ", what, " (at offset ", pos, ")");
  }
};

NDArray read_array(Reader& r) {
  uint32_t magic = r.get<uint32_t>();
  Shape shape;
  bool v3 = magic == kV3;
  if (magic == kV1 || magic == kV2 || magic == kV3) {
    if (magic != kV1) {
      int32_t stype = r.get<int32_t>();
      if (stype != 0) r.corrupt("sparse storage type " + std::to_string(stype) + " is not supported");
    }
    uint32_t ndim = r.get<uint32_t>();
    if (ndim > uint32_t(kMaxDim)) r.corrupt("array has " + std::to_string(ndim) + " dimensions");
    std::vector<int64_t> d(ndim);
    r.bytes(d.data(), ndim * sizeof(int64_t));
    shape = Shape(d);
  } else {  // legacy: magic is ndim, dims are u32
    if (magic > uint32_t(kMaxDim)) r.corrupt("bad array header");
    std::vector<uint32_t> d32(magic);
    r.bytes(d32.data(), magic * sizeof(uint32_t));
    shape = Shape(std::vector<int64_t>(d32.begin(), d32.end()));
  }
  if (shape.ndim == 0 && !v3) return NDArray(shape, DType::f32, Context::cpu());  // MXNet's "none" array
  for (int i = 0; i < shape.ndim; ++i)
    if (shape[i] < 0) r.corrupt("negative dimension");
  int64_t count = 1;  // a corrupt file, not a shape error, when the dims' product overflows
  for (int i = 0; i < shape.ndim; ++i)
    if (__builtin_mul_overflow(count, shape[i], &count)) r.corrupt("array dims " + shape.str() + " overflow");
  r.get<int32_t>();  // device type: arrays always load to the CPU
  r.get<int32_t>();
  int32_t flag = r.get<int32_t>();
  if (!dtype_valid(flag)) r.corrupt("unknown dtype flag " + std::to_string(flag));
  DType t = DType(flag);
  double bytes = double(shape.size()) * double(dtype_size(t));
  if (bytes > double(r.buf.size() - r.pos)) r.corrupt("array data is cut short");
  NDArray a(shape, t, Context::cpu());
  r.bytes(a.data(), a.nbytes());
  return a;
}
}  // namespace

void save(const std::string& fname, const std::vector<NDArray>& arrays,
          const std::vector<std::string>& names) {
  MXL_CHECK(names.empty() || names.size() == arrays.size(), Err::kInvalidArgument, "save: ",
            arrays.size(), " arrays but ", names.size(), " names");
  std::string tmp = fname + ".tmp" + std::to_string(::getpid());
  std::FILE* f = std::fopen(tmp.c_str(), "wb");
  MXL_CHECK(f != nullptr, Err::kIO, "save: cannot open '", fname, "' for writing: ", std::strerror(errno));
  try {
    Writer w{f, fname};
    w.put<uint64_t>(kListMagic);
    w.put<uint64_t>(0);
    w.put<uint64_t>(arrays.size());
    for (const NDArray& a : arrays) {
      MXL_CHECK(!a.is_none(), Err::kInvalidArgument, "save: an array is empty");
      w.put<uint32_t>(a.shape().ndim == 0 ? kV3 : kV2);  // V2 cannot store 0-d arrays
      w.put<int32_t>(0);
      w.put<uint32_t>(uint32_t(a.shape().ndim));
      w.bytes(a.shape().d, sizeof(int64_t) * a.shape().ndim);
      w.put<int32_t>(1);  // saved as cpu(0), like MXNet after a copy to the host
      w.put<int32_t>(0);
      w.put<int32_t>(int32_t(a.dtype()));
      std::vector<char> host(a.nbytes());
      a.sync_copy_to(host.data(), host.size());
      w.bytes(host.data(), host.size());
    }
    w.put<uint64_t>(names.size());
    for (const auto& n : names) {
      w.put<uint64_t>(n.size());
      w.bytes(n.data(), n.size());
    }
    MXL_CHECK(std::fflush(f) == 0 && ::fsync(::fileno(f)) == 0, Err::kIO, "save: cannot flush '", fname, "'");
  } catch (...) {
    std::fclose(f);
    std::remove(tmp.c_str());
    throw;
  }
  std::fclose(f);
  if (std::rename(tmp.c_str(), fname.c_str()) != 0) {
    std::remove(tmp.c_str());
    fail(Err::kIO, "save: cannot rename temp file to '", fname, "': ", std::strerror(errno));
  }
}

void load(const std::string& fname, std::vector<NDArray>* arrays, std::vector<std::string>* names) {
  std::ifstream in(fname, std::ios::binary);
  MXL_CHECK(in.good(), Err::kIO, "load: cannot open '", fname, "': ", std::strerror(errno));
  std::vector<char> buf;
  try {  // reading fails, e.g., for a directory: an I/O error, not an internal one
    buf.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  } catch (const std::ios_base::failure& e) {
    fail(Err::kIO, "load: cannot read '", fname, "': ", std::strerror(errno));
  }
  Reader r{buf, fname};
  MXL_CHECK(buf.size() >= 16, Err::kIO, "load: file '", fname, "' is truncated or not an NDArray file (",
            buf.size(), " bytes)");
  if (r.get<uint64_t>() != kListMagic) r.corrupt("not an NDArray file (bad magic number)");
  r.get<uint64_t>();
  uint64_t n = r.get<uint64_t>();
  if (n > buf.size()) r.corrupt("array count " + std::to_string(n) + " exceeds the file size");
  arrays->clear();
  names->clear();
  for (uint64_t i = 0; i < n; ++i) arrays->push_back(read_array(r));
  uint64_t nn = r.get<uint64_t>();
  if (nn != 0 && nn != n) r.corrupt(std::to_string(nn) + " names for " + std::to_string(n) + " arrays");
  for (uint64_t i = 0; i < nn; ++i) {
    uint64_t len = r.get<uint64_t>();
    if (len > buf.size() - r.pos) r.corrupt("name length exceeds the file size");
    std::string s(len, '\0');
    r.bytes(s.data(), len);
    names->push_back(std::move(s));
  }
  if (r.pos != buf.size()) r.corrupt("trailing bytes after the last array");
}

}  // namespace mxl
