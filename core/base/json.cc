#include "json.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "base.h"

namespace mxl {

namespace {
struct Parser {
  const std::string& s;
  size_t p = 0;
  int depth = 0;

  [[noreturn]] void bad(const char* what) {
    fail(Err::kInvalidArgument, "malformed JSON at offset ", p, ": expected ", what);
  }
  void ws() { while (p < s.size() && (s[p] == ' ' || s[p] == '\n' || s[p] == '\t' || s[p] == '\r')) ++p; }
  bool eat(char c) { ws(); if (p < s.size() && s[p] == c) { ++p; return true; } return false; }
  void expect(char c, const char* what) { if (!eat(c)) bad(what); }

  Json value() {
    if (++depth > 200) bad("less nesting (depth > 200)");
    ws();
    if (p >= s.size()) bad("a value");
    Json j;
    char c = s[p];
    if (c == '{') {
      ++p;
      j.kind = Json::kObj;
      if (!eat('}')) {
        do {
          ws();
          if (p >= s.size() || s[p] != '"') bad("a string key");
          std::string k = string_lit();
          expect(':', "':'");
          j.obj.emplace_back(std::move(k), value());
        } while (eat(','));
        expect('}', "',' or '}'");
      }
    } else if (c == '[') {
      ++p;
      j.kind = Json::kArr;
      if (!eat(']')) {
        do j.arr.push_back(value());
        while (eat(','));
        expect(']', "',' or ']'");
      }
    } else if (c == '"') {
      j.kind = Json::kStr;
      j.str = string_lit();
    } else if (s.compare(p, 4, "true") == 0) { p += 4; j.kind = Json::kBool; j.b = true; }
    else if (s.compare(p, 5, "false") == 0) { p += 5; j.kind = Json::kBool; }
    else if (s.compare(p, 4, "null") == 0) { p += 4; }
    else {
      const char* b = s.c_str() + p;
      char* e = nullptr;
      j.num = std::strtod(b, &e);
      if (e == b) bad("a value");
      j.kind = Json::kNum;
      p += size_t(e - b);
    }
    --depth;
    return j;
  }

  std::string string_lit() {
    ++p;  // opening quote
    std::string out;
    while (p < s.size() && s[p] != '"') {
      char c = s[p++];
      if (c != '\\') { out += c; continue; }
      if (p >= s.size()) bad("an escape");
      char e = s[p++];
      switch (e) {
        case 'n': out += '\n'; break;
        case 't': out += '\t'; break;
        case 'r': out += '\r'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'u': {
          if (p + 4 > s.size()) bad("4 hex digits");
          unsigned cp = unsigned(std::strtoul(s.substr(p, 4).c_str(), nullptr, 16));
          p += 4;
          if (cp < 0x80) out += char(cp);
          else if (cp < 0x800) { out += char(0xC0 | (cp >> 6)); out += char(0x80 | (cp & 0x3F)); }
          else { out += char(0xE0 | (cp >> 12)); out += char(0x80 | ((cp >> 6) & 0x3F)); out += char(0x80 | (cp & 0x3F)); }
          break;
        }
        default: out += e;
      }
    }
    if (p >= s.size()) bad("a closing quote");
    ++p;
    return out;
  }
};

void dump_str(std::string& o, const std::string& s) {
  o += '"';
  for (char c : s) {
    switch (c) {
      case '"': o += "\\\""; break;
      case '\\': o += "\\\\"; break;
      case '\n': o += "\\n"; break;
      case '\t': o += "\\t"; break;
      case '\r': o += "\\r"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          o += buf;
        } else {
          o += c;
        }
    }
  }
  o += '"';
}

// MXNet writes arrays of numbers (node inputs, heads) on one line, objects indented.
bool flat(const Json& j) {
  if (j.kind != Json::kArr) return j.kind != Json::kObj;
  for (const auto& x : j.arr)
    if (x.kind == Json::kArr ? !flat(x) : x.kind == Json::kObj) return false;
  return true;
}

void dump(std::string& o, const Json& j, int indent, int level) {
  std::string pad = indent ? "\n" + std::string(size_t(indent * (level + 1)), ' ') : "";
  std::string pad_end = indent ? "\n" + std::string(size_t(indent * level), ' ') : "";
  switch (j.kind) {
    case Json::kNull: o += "null"; break;
    case Json::kBool: o += j.b ? "true" : "false"; break;
    case Json::kNum: {
      char buf[32];
      if (std::floor(j.num) == j.num && std::fabs(j.num) < 1e15) std::snprintf(buf, sizeof buf, "%.0f", j.num);
      else std::snprintf(buf, sizeof buf, "%.17g", j.num);
      o += buf;
      break;
    }
    case Json::kStr: dump_str(o, j.str); break;
    case Json::kArr:
      if (flat(j) || !indent) {
        o += '[';
        for (size_t i = 0; i < j.arr.size(); ++i) {
          if (i) o += ", ";
          dump(o, j.arr[i], 0, 0);
        }
        o += ']';
      } else {
        o += '[';
        for (size_t i = 0; i < j.arr.size(); ++i) {
          o += i ? ", " + pad : pad;
          dump(o, j.arr[i], indent, level + 1);
        }
        o += j.arr.empty() ? "]" : pad_end + "]";
      }
      break;
    case Json::kObj:
      if (!indent || (j.obj.size() == 1 && flat(j.obj[0].second))) {  // MXNet keeps these inline
        o += '{';
        for (size_t i = 0; i < j.obj.size(); ++i) {
          if (i) o += ", ";
          dump_str(o, j.obj[i].first);
          o += ": ";
          dump(o, j.obj[i].second, 0, 0);
        }
        o += '}';
        break;
      }
      o += '{';
      for (size_t i = 0; i < j.obj.size(); ++i) {
        o += i ? ", " + pad : pad;
        dump_str(o, j.obj[i].first);
        o += ": ";
        dump(o, j.obj[i].second, indent, level + 1);
      }
      o += j.obj.empty() ? "}" : pad_end + "}";
      break;
  }
}
}  // namespace

Json Json::parse(const std::string& text) {
  Parser ps{text};
  Json j = ps.value();
  ps.ws();
  if (ps.p != text.size()) ps.bad("end of input");
  return j;
}

std::string Json::dump(int indent) const {
  std::string o;
  mxl::dump(o, *this, indent, 0);
  return o;
}

const Json* Json::find(const std::string& key) const {
  if (kind != kObj) return nullptr;
  for (const auto& [k, v] : obj)
    if (k == key) return &v;
  return nullptr;
}

}  // namespace mxl
