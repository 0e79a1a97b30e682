#include "iosctl/sim/pager.h"

#include "iosctl/sim/text_util.h"

#include <utility>

namespace iosctl::sim {
namespace {

// IOS removes the marker with backspaces, blanks and backspaces so that the
// next line starts at the left margin; netmiko strips the backspaces.
std::string erase_more() {
  const std::string back(kMore.size(), '\b');
  return back + std::string(kMore.size(), ' ') + back;
}

}  // namespace

std::string Pager::start(std::string text, unsigned length) {
  text_ = std::move(text);
  pos_ = 0;
  if (length == 0) {
    pos_ = text_.size();
    return to_crlf(text_);
  }
  // The marker takes the screen's last line.
  page_ = length > 1 ? length - 1 : 1;
  return take(page_);
}

std::string Pager::key(char c) {
  if (!waiting()) return "";
  std::string out = erase_more();
  if (c == ' ') return out + take(page_);
  if (c == '\r' || c == '\n') return out + take(1);
  pos_ = text_.size();
  return out;
}

std::string Pager::take(std::size_t lines) {
  std::size_t end = pos_;
  for (std::size_t n = 0; n < lines && end < text_.size(); ++n) {
    const std::size_t lf = text_.find('\n', end);
    end = lf == std::string::npos ? text_.size() : lf + 1;
  }
  std::string out = to_crlf(std::string_view(text_).substr(pos_, end - pos_));
  pos_ = end;
  if (waiting()) out += kMore;
  return out;
}

}  // namespace iosctl::sim
