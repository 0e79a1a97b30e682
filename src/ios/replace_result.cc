#include "iosctl/ios/replace_result.h"

#include "iosctl/ios/config_lock.h"

#include <optional>

namespace iosctl::ios {
namespace {

// The listings IOS prints between `********` lines, each after its heading
// (IOS_BEHAVIOR 7.3). Their lines are the candidate's own, so nothing in them
// is read as a status: a candidate line saying `Rollback Done` stays a line.
constexpr std::string_view kConfigletHeading =
    "The rollback configlet from the last pass is listed below:";
constexpr std::string_view kFailedHeading = "The following commands are failed to apply";
constexpr std::string_view kStars = "********";
constexpr std::string_view kFailedCommand = "Failed to apply command ";

std::string_view trimmed(std::string_view line) {
  while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
  return line;
}

bool is_aborted(std::string_view line) {
  // `Rollback aborted after 5 passes`, or bare `Rollback aborted` (genielibs).
  return line == "Rollback aborted" ||
         (line.starts_with("Rollback aborted after ") && line.ends_with(" passes"));
}

bool is_missing_file(std::string_view line) {
  return (line.starts_with("%Error opening ") && line.ends_with("(No such file or directory)")) ||
         line.starts_with("Error: Could not open file ");
}

// The outcome a whole line outside the listings announces, if any.
std::optional<ReplaceOutcome> status_of(std::string_view line) {
  if (line == "Rollback Done") return ReplaceOutcome::applied;
  if (is_aborted(line)) return ReplaceOutcome::aborted;
  if (line == "The original configuration has been successfully restored.") {
    return ReplaceOutcome::reverted;
  }
  if (line == "%The input file is not a valid config file.") return ReplaceOutcome::invalid_file;
  if (line.starts_with("%Please turn config archive on")) return ReplaceOutcome::archive_off;
  if (line.starts_with("Configuration mode") && refused_by_lock(line)) {
    return ReplaceOutcome::locked;
  }
  if (is_missing_file(line)) return ReplaceOutcome::missing_file;
  return std::nullopt;
}

// Reads the output line by line as IOS lays it out: status lines, `Failed
// to apply command` lines, and the two listings.
class ReplaceReader {
 public:
  void read(std::string_view line) {
    line = trimmed(line);
    switch (place_) {
      case Place::outside:
        return read_outside(line);
      case Place::before_configlet:
      case Place::before_failed:
        // A heading not followed by its listing is a line like any other.
        place_ = line == kStars
                     ? (place_ == Place::before_configlet ? Place::configlet : Place::failed)
                     : Place::outside;
        if (place_ == Place::outside) read_outside(line);
        return;
      case Place::configlet:
        // The configlet is a config ending in `end`; a banner's `********`
        // text line inside it does not close it.
        if (line == kStars && last_in_configlet_ == "end") place_ = Place::outside;
        last_in_configlet_ = line;
        return;
      case Place::failed:
        if (line == kStars) {
          place_ = Place::outside;
        } else if (!line.empty()) {
          result_.failing_lines.emplace_back(line);
        }
        return;
    }
  }

  ReplaceResult result() const {
    ReplaceResult r = result_;
    r.outcome = last_.value_or(ReplaceOutcome::unrecognised);
    // A replace that failed a line is never applied, whatever follows.
    if (r.outcome == ReplaceOutcome::applied && failed_) r.outcome = ReplaceOutcome::unrecognised;
    return r;
  }

 private:
  enum class Place { outside, before_configlet, configlet, before_failed, failed };

  void read_outside(std::string_view line) {
    if (line == kConfigletHeading) {
      place_ = Place::before_configlet;
    } else if (line.starts_with(kFailedHeading)) {
      place_ = Place::before_failed;
      failed_ = true;
    } else if (line.starts_with(kFailedCommand)) {
      // IOS_BEHAVIOR 7.4: the failing line keeps its own indentation.
      result_.failing_lines.emplace_back(line.substr(kFailedCommand.size()));
      failed_ = true;
    } else if (const std::optional<ReplaceOutcome> status = status_of(line)) {
      if (*status == ReplaceOutcome::aborted) failed_ = true;
      last_ = status;
    }
  }

  Place place_ = Place::outside;
  std::string_view last_in_configlet_;
  std::optional<ReplaceOutcome> last_;
  bool failed_ = false;
  ReplaceResult result_;
};

}  // namespace

ReplaceResult classify_replace(std::string_view output) {
  ReplaceReader reader;
  while (!output.empty()) {
    const std::size_t end = output.find('\n');
    reader.read(output.substr(0, end));
    if (end == std::string_view::npos) break;
    output.remove_prefix(end + 1);
  }
  return reader.result();
}

std::string_view describe(ReplaceOutcome outcome) {
  switch (outcome) {
    case ReplaceOutcome::applied:
      return "IOS said the candidate applied";
    case ReplaceOutcome::reverted:
      return "IOS said it restored the original config";
    case ReplaceOutcome::aborted:
      return "IOS said the rollback aborted";
    case ReplaceOutcome::invalid_file:
      return "IOS said the file is not a valid config file";
    case ReplaceOutcome::archive_off:
      return "IOS said the config archive is off";
    case ReplaceOutcome::locked:
      return "IOS said the configuration is locked";
    case ReplaceOutcome::missing_file:
      return "IOS could not open the file";
    case ReplaceOutcome::unrecognised:
      break;
  }
  return "IOS printed no known result";
}

}  // namespace iosctl::ios
