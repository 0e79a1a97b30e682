#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

// The journal a changing run keeps on the device's flash (man iosctl(1),
// GUARANTEES): what it is doing and what it must restore, so that the next
// run on any machine can tell an interrupted run from a live one. Pure: the
// text format, the file names and the staleness rule.
namespace iosctl::driver {

// Who runs this iosctl process, as a journal records it.
struct RunIdentity {
  std::string run_id;   // 12 lowercase hex digits, new for each run; empty: no journal kept
  std::string machine;  // this machine's host name
  long pid = 0;
  std::function<std::int64_t()> now;  // Unix seconds
  // True when process `pid` still runs on this machine.
  std::function<bool(long pid)> process_alive;
};

// One run's journal.
struct RunJournal {
  std::string run_id;
  std::string operation;  // commit, merge or rollback
  std::string phase;      // prepare (nothing replaced yet) or change (the change may be applied)
  std::string user;       // the device login
  std::string machine;
  long pid = 0;
  std::int64_t started = 0;  // Unix seconds
  std::int64_t expires = 0;  // after this the run is taken to be dead, wherever it ran
  std::string file_prompt;   // the device's mode before the run: "" (alert), `file prompt noisy`...
  std::string candidate;   // the file the run replaces with or merges; "" for a checkpoint rollback
  std::string checkpoint;  // the checkpoint path
};

// `iosctl-run-<id>.txt`, the journal's file name on flash.
std::string journal_file_name(std::string_view run_id);
// True when `file_name` is a journal's name (`iosctl-run-` + 12 hex + `.txt`).
bool is_journal_file_name(std::string_view file_name);

// The journal as `key: value` lines under an `iosctl-journal 1` header.
std::string format_journal(const RunJournal& journal);
// Reads format_journal's text; nullopt when it is not a journal (another
// version, a truncated copy).
std::optional<RunJournal> parse_journal(std::string_view text);

// True when the run that wrote `journal` is dead: it ran on this machine
// and its process is gone, or its expiry time has passed.
bool journal_is_stale(const RunJournal& journal, const RunIdentity& self);

// How long a run holds its journal at most: its replace timeout plus a
// margin for the rest of the sequence.
std::int64_t journal_lease_seconds(std::int64_t replace_timeout_seconds);

// `commit by admin from build1 (pid 4242), started 2026-12-07 01:23:45 UTC`.
std::string describe_run(const RunJournal& journal);

}  // namespace iosctl::driver
