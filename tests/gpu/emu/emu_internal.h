// What the emulator's runtime (cuda_emu.cc) lends its other parts -- the NCCL stand-in
// (nccl_emu.cc) -- beyond the CUDA API: the allocation registry, the streams' devices
// and queues. Internal to libmxlite_cuda_emu.so; nothing outside tests/gpu/emu uses it.
#pragma once
#include <cstddef>
#include <string>

#include "cuda_emu.h"

namespace mxcemu {
// Where [p, p + n) lives: its device (>= 0), -1 pinned host memory, -2 not an allocation
// (host memory, freed memory), -3 inside an allocation but running past its end (*why says how).
int memory_device(const void* p, size_t n, std::string* why);
// The device a stream was created on, or -1 when s is not a live stream of the emulator.
int stream_device(cudaStream_t s);
// Runs the work queued on s so far (MXC_EMU_ASYNC=1); nothing to do for synchronous streams.
void stream_drain(cudaStream_t s);
int device_count();
int current_device();  // the calling thread's (cudaSetDevice)
}  // namespace mxcemu
