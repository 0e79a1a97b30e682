#include "iosctl/config/json_text.h"

#include <cstdint>
#include <vector>

namespace iosctl::config {
namespace {

constexpr std::string_view kHex = "0123456789abcdef";

// The binary subtype that marks a raw_json value ('J'); nlohmann would
// otherwise write a binary value as an object of bytes.
constexpr std::uint64_t kRawSubtype = 0x4a;

// Returns the length of the valid UTF-8 sequence at `s[i]`, or 0 when the
// byte there does not start one (RFC 3629 section 4: no overlong forms, no
// surrogates, nothing above U+10FFFF).
std::size_t utf8_length(std::string_view s, std::size_t i) {
  const auto at = [&s](std::size_t k) {
    return k < s.size() ? static_cast<unsigned char>(s[k]) : 0u;
  };
  const unsigned c = at(i);
  const auto tail = [&at](std::size_t k) { return (at(k) & 0xc0u) == 0x80u; };
  if (c < 0x80) return 1;
  if (c >= 0xc2 && c <= 0xdf) return tail(i + 1) ? 2 : 0;
  if (c >= 0xe0 && c <= 0xef) {
    const unsigned c1 = at(i + 1);
    if (c == 0xe0 && c1 < 0xa0) return 0;
    if (c == 0xed && c1 > 0x9f) return 0;
    return tail(i + 1) && tail(i + 2) ? 3 : 0;
  }
  if (c >= 0xf0 && c <= 0xf4) {
    const unsigned c1 = at(i + 1);
    if (c == 0xf0 && c1 < 0x90) return 0;
    if (c == 0xf4 && c1 > 0x8f) return 0;
    return tail(i + 1) && tail(i + 2) && tail(i + 3) ? 4 : 0;
  }
  return 0;
}

void append_u_escape(std::string& out, unsigned code) {
  out += "\\u";
  for (int shift = 12; shift >= 0; shift -= 4) out += kHex[(code >> shift) & 0xfu];
}

// Escapes as nlohmann's dump() does, so documents read the same as before.
void append_escaped(std::string& out, unsigned char c) {
  switch (c) {
    case '"':
      out += "\\\"";
      return;
    case '\\':
      out += "\\\\";
      return;
    case '\b':
      out += "\\b";
      return;
    case '\f':
      out += "\\f";
      return;
    case '\n':
      out += "\\n";
      return;
    case '\r':
      out += "\\r";
      return;
    case '\t':
      out += "\\t";
      return;
    default:
      if (c < 0x20) {
        append_u_escape(out, c);
      } else {
        out += static_cast<char>(c);
      }
  }
}

bool is_raw(const nlohmann::json& value) {
  return value.is_binary() && value.get_binary().has_subtype() &&
         value.get_binary().subtype() == kRawSubtype;
}

class Writer {
 public:
  explicit Writer(int indent) : indent_(indent) {}

  void write(const nlohmann::json& value, int depth) {
    if (value.is_string()) {
      out_ += json_string(value.get_ref<const std::string&>());
    } else if (is_raw(value)) {
      raw(value.get_binary(), depth);
    } else if (value.is_object()) {
      container(value, depth, '{', '}');
    } else if (value.is_array()) {
      container(value, depth, '[', ']');
    } else {
      out_ += value.dump();  // numbers, booleans, null: nothing to fail on
    }
  }

  std::string take() { return std::move(out_); }

 private:
  void container(const nlohmann::json& value, int depth, char open, char close) {
    out_ += open;
    if (value.empty()) {
      out_ += close;
      return;
    }
    bool first = true;
    for (auto it = value.begin(); it != value.end(); ++it) {
      if (!first) out_ += ',';
      first = false;
      line_break(depth + 1);
      if (value.is_object()) {
        out_ += json_string(it.key());
        out_ += indent_ < 0 ? ":" : ": ";
      }
      write(*it, depth + 1);
    }
    line_break(depth);
    out_ += close;
  }

  void line_break(int depth) {
    if (indent_ < 0) return;
    out_ += '\n';
    out_.append(static_cast<std::size_t>(depth * indent_), ' ');
  }

  // A JSON document holds no raw line break but between its tokens, so
  // indenting after each one re-indents it without touching its strings.
  void raw(const std::vector<std::uint8_t>& bytes, int depth) {
    std::size_t end = bytes.size();
    while (end > 0 && (bytes[end - 1] == '\n' || bytes[end - 1] == ' ' || bytes[end - 1] == '\r'))
      --end;
    for (std::size_t i = 0; i < end; ++i) {
      if (bytes[i] == '\n') {
        line_break(depth);
      } else {
        out_ += static_cast<char>(bytes[i]);
      }
    }
  }

  int indent_;
  std::string out_;
};

bool is_hex(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

}  // namespace

std::string json_string(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size() + 2);
  out += '"';
  for (std::size_t i = 0; i < bytes.size();) {
    const auto c = static_cast<unsigned char>(bytes[i]);
    const std::size_t length = utf8_length(bytes, i);
    if (length == 0) {
      append_u_escape(out, 0xdc00u + c);
      ++i;
    } else if (length == 1) {
      append_escaped(out, c);
      ++i;
    } else {
      out.append(bytes.substr(i, length));
      i += length;
    }
  }
  out += '"';
  return out;
}

std::string json_text(const nlohmann::json& value, int indent) {
  Writer writer(indent);
  writer.write(value, 0);
  return writer.take();
}

nlohmann::json raw_json(std::string_view document) {
  return nlohmann::json::binary(std::vector<std::uint8_t>(document.begin(), document.end()),
                                kRawSubtype);
}

bool is_json_document(std::string_view text) {
  // json_text writes \udcXX only for bytes 0x80..0xff, and \u00XX only for
  // control bytes, so reading one as the other changes no structure.
  std::string copy(text);
  for (std::size_t i = 0; i + 6 <= copy.size(); ++i) {
    if (copy[i] != '\\') continue;
    if (copy[i + 1] == 'u' && (copy[i + 2] == 'd' || copy[i + 2] == 'D') &&
        (copy[i + 3] == 'c' || copy[i + 3] == 'C') && is_hex(copy[i + 4]) && is_hex(copy[i + 5])) {
      copy[i + 2] = '0';
      copy[i + 3] = '0';
    }
    ++i;  // an escaped character is never the start of another escape
  }
  return nlohmann::json::accept(copy);
}

}  // namespace iosctl::config
