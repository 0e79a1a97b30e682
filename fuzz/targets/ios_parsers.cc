// Every parser of device output in ios/, the replace and merge classifiers,
// and the run journal read back from flash, over the same bytes.

#include "fuzz/targets.h"
#include "iosctl/driver/run_journal.h"
#include "iosctl/ios/archive_diff.h"
#include "iosctl/ios/config_lock.h"
#include "iosctl/ios/file_system.h"
#include "iosctl/ios/incremental_diff.h"
#include "iosctl/ios/merge_result.h"
#include "iosctl/ios/replace_result.h"
#include "iosctl/ios/rollback_timer.h"

#include <cstdlib>

namespace iosctl::fuzz {

void ios_parsers(std::string_view input) {
  (void)ios::normalize_archive_diff(input);
  (void)ios::parse_config_lock(input);
  (void)ios::refused_by_lock(input);
  (void)ios::parse_dir(input);
  (void)ios::is_missing_file(input);
  (void)ios::parse_verify_md5(input);
  (void)ios::parse_incremental_diff(input);
  (void)ios::classify_merge(input);
  (void)ios::describe(ios::classify_replace(input).outcome);
  (void)ios::parse_rollback_timer(input);
  (void)driver::is_journal_file_name(input);
  if (const std::optional<driver::RunJournal> journal = driver::parse_journal(input)) {
    (void)driver::describe_run(*journal);
    // A journal iosctl writes reads back as itself.
    const std::string written = driver::format_journal(*journal);
    const std::optional<driver::RunJournal> again = driver::parse_journal(written);
    if (!again || driver::format_journal(*again) != written) std::abort();
  }
}

}  // namespace iosctl::fuzz
