#include "iosctl/driver/run_journal.h"

#include <charconv>
#include <ctime>
#include <map>
#include <vector>

namespace iosctl::driver {
namespace {

constexpr std::string_view kPrefix = "iosctl-run-";
constexpr std::string_view kSuffix = ".txt";
constexpr std::string_view kHeader = "iosctl-journal 1";
constexpr std::size_t kIdLength = 12;

bool is_hex_id(std::string_view id) {
  if (id.size() != kIdLength) return false;
  for (char c : id) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

template <typename Number>
std::optional<Number> to_number(std::string_view text) {
  Number value{};
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return value;
}

std::string utc(std::int64_t seconds) {
  const std::time_t t = static_cast<std::time_t>(seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%d %H:%M:%S UTC", &tm);
  return text;
}

}  // namespace

std::string journal_file_name(std::string_view run_id) {
  return std::string(kPrefix) + std::string(run_id) + std::string(kSuffix);
}

bool is_journal_file_name(std::string_view name) {
  if (!name.starts_with(kPrefix) || !name.ends_with(kSuffix)) return false;
  name.remove_prefix(kPrefix.size());
  name.remove_suffix(kSuffix.size());
  return is_hex_id(name);
}

std::string format_journal(const RunJournal& j) {
  // One value per line, none holding a newline: every value comes from a
  // validated option, the login or the device's own `file prompt` line.
  std::string text = std::string(kHeader) + "\n";
  const auto put = [&text](std::string_view key, const std::string& value) {
    text += std::string(key) + ": " + value + "\n";
  };
  put("run", j.run_id);
  put("operation", j.operation);
  put("phase", j.phase);
  put("user", j.user);
  put("machine", j.machine);
  put("pid", std::to_string(j.pid));
  put("started", std::to_string(j.started));
  put("expires", std::to_string(j.expires));
  put("file-prompt", j.file_prompt.empty() ? "alert" : j.file_prompt);
  put("candidate", j.candidate);
  put("checkpoint", j.checkpoint);
  return text;
}

std::optional<RunJournal> parse_journal(std::string_view text) {
  std::map<std::string, std::string, std::less<>> fields;
  bool header = false;
  while (!text.empty()) {
    const std::size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
    if (!header) {
      if (line.empty()) continue;  // `more` may print a blank line first
      if (line != kHeader) return std::nullopt;
      header = true;
      continue;
    }
    const std::size_t colon = line.find(": ");
    if (colon != std::string_view::npos) {
      fields[std::string(line.substr(0, colon))] = line.substr(colon + 2);
    } else if (line.ends_with(":")) {
      fields[std::string(line.substr(0, line.size() - 1))] = "";
    }
  }
  const auto field = [&fields](std::string_view key) -> std::optional<std::string> {
    const auto found = fields.find(key);
    if (found == fields.end()) return std::nullopt;
    return found->second;
  };
  const std::optional<std::string> run = field("run");
  const std::optional<long> pid = to_number<long>(field("pid").value_or(""));
  const std::optional<std::int64_t> started =
      to_number<std::int64_t>(field("started").value_or(""));
  const std::optional<std::int64_t> expires =
      to_number<std::int64_t>(field("expires").value_or(""));
  if (!header || !run || !is_hex_id(*run) || !pid || !started || !expires) return std::nullopt;
  RunJournal j;
  j.run_id = *run;
  j.operation = field("operation").value_or("");
  j.phase = field("phase").value_or("");
  j.user = field("user").value_or("");
  j.machine = field("machine").value_or("");
  j.pid = *pid;
  j.started = *started;
  j.expires = *expires;
  j.file_prompt = field("file-prompt").value_or("");
  if (j.file_prompt == "alert") j.file_prompt.clear();
  j.candidate = field("candidate").value_or("");
  j.checkpoint = field("checkpoint").value_or("");
  return j;
}

bool journal_is_stale(const RunJournal& journal, const RunIdentity& self) {
  if (self.now && self.now() > journal.expires) return true;
  // A run on this machine is alive exactly while its process is: a kill -9
  // is seen at once rather than after the lease.
  return journal.machine == self.machine && self.process_alive && !self.process_alive(journal.pid);
}

std::int64_t journal_lease_seconds(std::int64_t replace_timeout_seconds) {
  return replace_timeout_seconds + 15 * 60;
}

std::string describe_run(const RunJournal& j) {
  return j.operation + " by " + j.user + " from " + j.machine + " (pid " + std::to_string(j.pid) +
         "), started " + utc(j.started);
}

}  // namespace iosctl::driver
