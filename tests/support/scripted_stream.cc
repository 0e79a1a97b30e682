#include "support/scripted_stream.h"

#include "iosctl/error.h"
#include "support/fixtures.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>

namespace iosctl::test {
namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Decodes the escapes of one transcript line; `ends_open` is set if it ends in `\c`.
std::string unescape(std::string_view text, bool& ends_open) {
  std::string out;
  ends_open = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\\' || i + 1 == text.size()) {
      out.push_back(text[i]);
      continue;
    }
    const char c = text[++i];
    if (c == 'r')
      out.push_back('\r');
    else if (c == 'n')
      out.push_back('\n');
    else if (c == 't')
      out.push_back('\t');
    else if (c == 'b')
      out.push_back('\b');
    else if (c == 'c' && i + 1 == text.size())
      ends_open = true;
    else if (c == 'x' && i + 2 < text.size() && hex_value(text[i + 1]) >= 0 &&
             hex_value(text[i + 2]) >= 0) {
      out.push_back(static_cast<char>(hex_value(text[i + 1]) * 16 + hex_value(text[i + 2])));
      i += 2;
    } else {
      out.push_back(c);
    }
  }
  return out;
}

}  // namespace

std::string printable(std::string_view bytes) {
  std::string out;
  for (const char c : bytes) {
    if (c == '\r')
      out += "\\r";
    else if (c == '\n')
      out += "\\n";
    else if (c == '\b')
      out += "\\b";
    else if (c == '\\')
      out += "\\\\";
    else if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
      char hex[8];
      std::snprintf(hex, sizeof hex, "\\x%02x", static_cast<unsigned char>(c));
      out += hex;
    } else {
      out.push_back(c);
    }
  }
  return out;
}

ScriptedStream::ScriptedStream(std::string_view transcript, std::size_t chunk) : chunk_(chunk) {
  std::size_t start = 0;
  while (start < transcript.size()) {
    std::size_t end = transcript.find('\n', start);
    if (end == std::string_view::npos) end = transcript.size();
    std::string_view line = transcript.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    parse_line(line);
    start = end + 1;
  }
}

ScriptedStream ScriptedStream::from_fixture(std::string_view name, std::size_t chunk) {
  return ScriptedStream(read_fixture("transcripts/" + std::string(name)), chunk);
}

void ScriptedStream::parse_line(std::string_view line) {
  bool open = false;
  if (line == "#" || line.starts_with("# ")) return;
  if (line == ">") {
    events_.push_back({Kind::send, "\n"});
  } else if (line.starts_with(">> ")) {
    events_.push_back({Kind::send, unescape(line.substr(3), open)});
  } else if (line.starts_with("> ")) {
    events_.push_back({Kind::send, unescape(line.substr(2), open) + "\n"});
  } else if (line == "@timeout") {
    events_.push_back({Kind::timeout, ""});
  } else if (line == "@disconnect") {
    events_.push_back({Kind::disconnect, ""});
  } else if (line == "@break") {
    break_next_ = true;
  } else if (line.starts_with("@chunk ")) {
    chunk_ = std::stoul(std::string(line.substr(7)));
  } else if (line.starts_with("@eol ")) {
    const std::string_view eol = line.substr(5);
    EXPECT_TRUE(eol == "crlf" || eol == "lf" || eol == "crcrlf") << "bad @eol: " << line;
    eol_ = eol == "lf" ? "\n" : eol == "crcrlf" ? "\r\r\n" : "\r\n";
  } else if (line.starts_with("@") || line.starts_with(">")) {
    ADD_FAILURE() << "transcript line not understood: " << line;
  } else {
    std::string bytes = unescape(line, open);
    add_reply(open ? bytes : bytes + eol_, break_next_);
    break_next_ = false;
  }
}

void ScriptedStream::add_reply(std::string bytes, bool own_read) {
  if (!own_read && !events_.empty() && events_.back().kind == Kind::reply &&
      events_.back().chunk == chunk_) {
    events_.back().bytes += bytes;
    return;
  }
  events_.push_back({Kind::reply, std::move(bytes), chunk_});
}

void ScriptedStream::write(std::string_view bytes) {
  sent_.append(bytes);
  // The device may still have output we have not read; what we send next is
  // the first send the transcript expects, wherever it stands.
  const auto next = std::find_if(events_.begin(), events_.end(),
                                 [](const Event& e) { return e.kind == Kind::send; });
  if (next == events_.end()) {
    ADD_FAILURE() << "unexpected send \"" << printable(bytes)
                  << "\": the transcript expects no more";
    throw Error(Failure::internal, "unexpected send");
  }
  if (next->bytes != bytes) {
    ADD_FAILURE() << "expected to send \"" << printable(next->bytes) << "\" but sent \""
                  << printable(bytes) << "\"";
    throw Error(Failure::internal, "unexpected send");
  }
  events_.erase(next);
}

std::string ScriptedStream::read(std::chrono::steady_clock::time_point deadline) {
  deadlines_.push_back(deadline);
  if (events_.empty()) return {};
  Event& next = events_.front();
  switch (next.kind) {
    case Kind::send:
      return {};
    case Kind::timeout:
      events_.pop_front();
      return {};
    case Kind::disconnect:
      events_.pop_front();
      throw Error(Failure::unreachable, "connection to the device was lost");
    case Kind::reply:
      break;
  }
  const std::size_t take =
      next.chunk == 0 ? next.bytes.size() : std::min(next.chunk, next.bytes.size());
  std::string out = next.bytes.substr(0, take);
  next.bytes.erase(0, take);
  if (next.bytes.empty()) events_.pop_front();
  return out;
}

std::string ScriptedStream::remaining() const {
  if (events_.empty()) return "";
  const Event& next = events_.front();
  switch (next.kind) {
    case Kind::send:
      return "send \"" + printable(next.bytes) + "\"";
    case Kind::reply:
      return "reply \"" + printable(next.bytes) + "\"";
    case Kind::timeout:
      return "@timeout";
    case Kind::disconnect:
      return "@disconnect";
  }
  return "";
}

}  // namespace iosctl::test
