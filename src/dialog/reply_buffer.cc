#include "iosctl/dialog/reply_buffer.h"

#include <utility>

namespace iosctl::dialog {
namespace {

std::string_view tail_of(std::string_view line) {
  return line.size() <= ReplyBuffer::kTailLimit
             ? line
             : line.substr(line.size() - ReplyBuffer::kTailLimit);
}

}  // namespace

void ReplyBuffer::append(std::string_view chunk) {
  const std::size_t base = text_.size();
  text_.append(chunk);
  // Scan the new bytes backwards for the last two line ends; bytes before
  // the second one are never looked at again.
  const std::size_t last = chunk.rfind('\n');
  if (last == std::string_view::npos) {
    examined_ += chunk.size();
    return;
  }
  examined_ += chunk.size() - last;
  const std::size_t before = last == 0 ? std::string_view::npos : chunk.rfind('\n', last - 1);
  if (before == std::string_view::npos) {
    examined_ += last;
    previous_start_ = line_start_;
  } else {
    examined_ += last - before;
    previous_start_ = base + before + 1;
  }
  line_start_ = base + last + 1;
}

void ReplyBuffer::drop_last_line() { text_.resize(line_start_); }

std::string ReplyBuffer::release() {
  std::string text = std::move(text_);
  text_.clear();
  line_start_ = 0;
  previous_start_ = 0;
  return text;
}

std::string_view ReplyBuffer::last_line() const {
  return tail_of(std::string_view(text_).substr(line_start_));
}

std::string_view ReplyBuffer::previous_line() const {
  if (line_start_ == 0) return {};
  std::string_view line =
      std::string_view(text_).substr(previous_start_, line_start_ - 1 - previous_start_);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return tail_of(line);
}

}  // namespace iosctl::dialog
