#include "iosctl/sim/scp_protocol.h"

#include <charconv>
#include <vector>

namespace iosctl::sim {
namespace {

// Splits `command` into words the way a POSIX shell would for the quoting
// clients use: python-scp single-quotes paths with unusual characters, and
// OpenSSH sends the path as typed after `scp -t`.
std::vector<std::string> shell_words(std::string_view command) {
  std::vector<std::string> words;
  std::string word;
  bool in_word = false;
  char quote = 0;
  for (std::size_t i = 0; i < command.size(); ++i) {
    const char c = command[i];
    if (quote == '\'') {
      if (c == '\'')
        quote = 0;
      else
        word += c;
    } else if (quote == '"') {
      if (c == '"') {
        quote = 0;
      } else if (c == '\\' && i + 1 < command.size() &&
                 std::string_view("\"\\$`").find(command[i + 1]) != std::string_view::npos) {
        word += command[++i];
      } else {
        word += c;
      }
    } else if (c == ' ' || c == '\t' || c == '\n') {
      if (in_word) words.push_back(std::move(word));
      word.clear();
      in_word = false;
    } else {
      in_word = true;
      if (c == '\'' || c == '"')
        quote = c;
      else if (c == '\\' && i + 1 < command.size())
        word += command[++i];
      else
        word += c;
    }
  }
  if (in_word) words.push_back(std::move(word));
  return words;
}

// Returns the file name part of `path` (after the file system and folders).
std::string base_name(std::string_view path) {
  const std::size_t cut = path.find_last_of(":/");
  return std::string(cut == std::string_view::npos ? path : path.substr(cut + 1));
}

}  // namespace

std::optional<ScpCommand> parse_scp_command(std::string_view command) {
  // Words up to the path are split on blanks; the path is what remains.
  // OpenSSH sends the path as typed (`scp -t flash:/my file`) and python-scp
  // single-quotes unusual ones, so one quoted word is unquoted and anything
  // else is taken whole: IOS has no shell that would split it.
  std::size_t at = 0;
  auto next_word = [&]() {
    at = command.find_first_not_of(" \t", at);
    if (at == std::string_view::npos) return std::string_view();
    const std::size_t end = std::min(command.find_first_of(" \t", at), command.size());
    const std::string_view word = command.substr(at, end - at);
    at = end;
    return word;
  };
  const std::string_view program = next_word();
  if (program != "scp" && !program.ends_with("/scp")) return std::nullopt;
  ScpCommand result;
  bool to = false;
  bool from = false;
  for (std::size_t before = at;; before = at) {
    const std::string_view word = next_word();
    if (word.size() < 2 || word[0] != '-') {
      at = before;
      break;
    }
    if (word == "--") break;
    for (char flag : word.substr(1)) {
      if (flag == 't')
        to = true;
      else if (flag == 'f')
        from = true;
      // ISR4351 on 17.3.2 answers `scp -t -d <dir>` so (IOS_BEHAVIOR.md 5).
      else if (flag == 'p' || flag == 'd')
        result.error = "-p -d options not supported";
      else if (flag == 'r')
        result.error = "-r option not supported";
      else if (flag != 'v' && result.error.empty())
        result.error = std::string("unknown option -") + flag;
    }
  }
  if (to == from && result.error.empty()) result.error = "need exactly one of -t and -f";
  result.mode = from ? ScpMode::source : ScpMode::sink;
  std::string_view rest = at < command.size() ? command.substr(at) : std::string_view();
  rest.remove_prefix(std::min(rest.size(), rest.find_first_not_of(" \t")));
  rest.remove_suffix(rest.size() - std::min(rest.size(), rest.find_last_not_of(" \t\r\n") + 1));
  const std::vector<std::string> words = shell_words(rest);
  result.path = words.size() == 1 ? words[0] : std::string(rest);
  if (result.path.empty() && result.error.empty()) result.error = "need a file name";
  return result;
}

std::string scp_error(std::string_view text) {
  std::string reply("\x01");
  reply += text;
  reply += '\n';
  return reply;
}

ScpSink::ScpSink(std::string target, ScpStore store)
    : target_(std::move(target)), store_(std::move(store)) {}

std::string ScpSink::start() { return std::string(1, '\0'); }

std::string ScpSink::feed(std::string_view bytes) {
  std::string reply;
  while (!bytes.empty() && state_ != State::done) {
    if (state_ == State::line) {
      const std::size_t newline = bytes.find('\n');
      line_ += bytes.substr(0, newline);
      if (newline == std::string_view::npos) {
        if (line_.size() > 4096) reply += fatal("scp: protocol error: line too long");
        return reply;
      }
      bytes.remove_prefix(newline + 1);
      std::string line = std::move(line_);
      line_.clear();
      reply += on_line(line);
    } else if (state_ == State::data) {
      const std::size_t take =
          static_cast<std::size_t>(std::min<std::uint64_t>(remaining_, bytes.size()));
      file_.append(bytes.substr(0, take));
      bytes.remove_prefix(take);
      remaining_ -= take;
      data_bytes_ += take;
      if (remaining_ == 0) state_ = State::data_end;
    } else {  // data_end: the client's status byte after the file's bytes
      const char status = bytes.front();
      bytes.remove_prefix(1);
      state_ = State::line;
      if (status == '\0') {
        std::optional<std::string> error = store_(path_, std::move(file_));
        if (error) failed_ = true;
        reply += error ? scp_error(*error) : std::string(1, '\0');
      } else {
        // The client could not read its file: it sends `\1message\n` and
        // still waits for our answer (OpenSSH scp.c source()).
        line_ = std::string(1, status);
        error_after_data_ = true;
        failed_ = true;
      }
      file_.clear();
    }
  }
  return reply;
}

std::string ScpSink::on_line(const std::string& line) {
  if (line.empty()) return fatal("scp: protocol error: empty line");
  switch (line[0]) {
    case 'C':
      return on_file_line(line);
    case 'T':  // times from `scp -p`: accepted and ignored
    case 'E':  // end of a directory
      return std::string(1, '\0');
    case 'D':
      return fatal("scp: directories are not supported");
    case '\x01': {  // the client reports an error and goes on
      failed_ = true;
      // After a file's bytes it still waits for our answer; in place of a
      // `C` line (it could not open its file) it does not.
      const bool answer = error_after_data_;
      error_after_data_ = false;
      return answer ? std::string(1, '\0') : "";
    }
    case '\x02':  // the client reports a fatal error
      failed_ = true;
      state_ = State::done;
      return "";
    default:
      return fatal("scp: protocol error: unexpected '" + line.substr(0, 1) + "'");
  }
}

std::string ScpSink::on_file_line(const std::string& line) {
  // `C0644 1234 name`: four octal digits, a size, a name without folders.
  const std::size_t size_end = line.find(' ', 6);
  if (line.size() < 9 || line[5] != ' ' || size_end == std::string::npos) {
    return fatal("scp: protocol error: bad file line");
  }
  std::uint64_t size = 0;
  const char* first = line.data() + 6;
  const char* last = line.data() + size_end;
  const auto [end, ec] = std::from_chars(first, last, size);
  const std::string name = line.substr(size_end + 1);
  if (ec != std::errc() || end != last || name.empty() || name == "." || name == ".." ||
      name.find('/') != std::string::npos) {
    return fatal("scp: protocol error: bad file line");
  }
  const bool into_folder = target_.ends_with(':') || target_.ends_with('/');
  path_ = into_folder ? target_ + name : target_;
  file_.clear();
  remaining_ = size;
  state_ = size == 0 ? State::data_end : State::data;
  return std::string(1, '\0');
}

std::string ScpSink::fatal(std::string_view text) {
  failed_ = true;
  state_ = State::done;
  return scp_error(text);
}

ScpSource::ScpSource(std::string path, std::optional<std::string> bytes)
    : path_(std::move(path)), bytes_(std::move(bytes)) {}

std::string ScpSource::feed(std::string_view bytes) {
  std::string reply;
  for (const char c : bytes) {
    if (state_ == State::done) break;
    if (state_ == State::client_error) {
      if (c == '\n') state_ = State::done;
      continue;
    }
    if (c != '\0') {  // `\1message\n` or `\2message\n` from the client
      failed_ = true;
      state_ = State::client_error;
      continue;
    }
    if (state_ == State::wait_ready) {
      if (!bytes_) {
        failed_ = true;
        state_ = State::done;
        // IOS's wording for a missing file (IOS_BEHAVIOR.md 8).
        return reply + scp_error("%Error opening " + path_ + " (No such file or directory)");
      }
      reply += "C0644 " + std::to_string(bytes_->size()) + " " + base_name(path_) + "\n";
      state_ = State::wait_header_ack;
    } else if (state_ == State::wait_header_ack) {
      reply += *bytes_;
      reply += '\0';
      state_ = State::wait_data_ack;
    } else {
      state_ = State::done;
    }
  }
  return reply;
}

}  // namespace iosctl::sim
