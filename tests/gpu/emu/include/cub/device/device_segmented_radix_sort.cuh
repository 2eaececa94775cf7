// The host emulator stands in for the CUDA header of this name (tests/gpu/emu).
#pragma once
#include "../../../cuda_emu.h"
