// A small JSON value with a strict parser and a writer: enough for MXNet's symbol
// files. Parse errors name the offset and what was expected.
#pragma once
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace mxl {

struct Json {
  enum Kind { kNull, kBool, kNum, kStr, kArr, kObj } kind = kNull;
  bool b = false;
  double num = 0;
  std::string str;
  std::vector<Json> arr;
  std::vector<std::pair<std::string, Json>> obj;  // keeps key order for stable output

  static Json parse(const std::string& text);  // throws Error(kInvalidArgument)
  std::string dump(int indent = 2) const;

  const Json* find(const std::string& key) const;  // nullptr if absent or not an object
  static Json string(std::string s) { Json j; j.kind = kStr; j.str = std::move(s); return j; }
  static Json number(double v) { Json j; j.kind = kNum; j.num = v; return j; }
  static Json array() { Json j; j.kind = kArr; return j; }
  static Json object() { Json j; j.kind = kObj; return j; }
  Json& set(const std::string& k, Json v) { obj.emplace_back(k, std::move(v)); return obj.back().second; }
  Json& push(Json v) { arr.push_back(std::move(v)); return arr.back(); }
};

}  // namespace mxl
