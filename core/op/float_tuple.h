// Parses a "tuple of <float>" parameter ("(0.1, 0.2)", "[0.1,0.2]", "0.1", "()") into
// doubles. Header-only and free of the core's types, so the CUDA plugin (which reads
// parameters as strings through its attribute table) parses them the same way.
#pragma once
#include <cstdlib>
#include <string>
#include <vector>

namespace mxl {

// False (and `out` partly filled) on malformed text.
inline bool parse_float_tuple(const std::string& text, std::vector<double>& out) {
  out.clear();
  const char* p = text.c_str();
  auto skip = [&] { while (*p == ' ' || *p == '\t' || *p == '\n') ++p; };
  skip();
  char close = 0;
  if (*p == '(' || *p == '[') close = *p++ == '(' ? ')' : ']';
  skip();
  while (*p && *p != close) {
    char* end = nullptr;
    double v = std::strtod(p, &end);
    if (end == p) return false;
    out.push_back(v);
    p = end;
    skip();
    if (*p == ',') ++p;
    else if (*p && *p != close) return false;
    skip();
  }
  if (close && *p++ != close) return false;
  skip();
  return *p == 0;
}

}  // namespace mxl
