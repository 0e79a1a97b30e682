#include "iosctl/sim/copy_commands.h"

#include "iosctl/sim/archive.h"
#include "iosctl/sim/config_lock.h"
#include "iosctl/sim/file_endpoint.h"

#include <cstdio>
#include <memory>
#include <utility>

namespace iosctl::sim {
namespace {

struct CopyJob {
  FileEndpoint source;
  FileEndpoint dest;
  std::string user;
};

// netmiko's COMMON_ISSUES shows `5587 bytes copied in 1.316 secs (4245
// bytes/sec)`; a simulated flash is quick, so we report a millisecond per 64 KiB.
std::string bytes_copied(std::size_t n) {
  const double secs = 0.001 * static_cast<double>(1 + n / 65536);
  char out[128];
  std::snprintf(out, sizeof out, "%zu bytes copied in %.3f secs (%llu bytes/sec)\n", n, secs,
                static_cast<unsigned long long>(static_cast<double>(n) / secs));
  return out;
}

Reply save(DeviceCore& device, std::string_view user) {
  // ` write-memory` in the archive block makes every save an archive copy
  // too (IOS_BEHAVIOR.md 6.1); IOS says nothing about it on the terminal.
  if (const std::optional<ArchiveSettings> archive = archive_settings(device)) {
    if (archive->write_memory) archive_running(device, *archive);
  }
  device.saved = ChangeStamp{device.now(), std::string(user)};
  device.startup = device.startup_text_now();
  device.dirty = true;
  return {"Building configuration...\n[OK]\n", nullptr};
}

Reply no_such_device(std::string_view typed) {
  return {"%Error opening " + std::string(typed) + " (No such device)\n", nullptr, true};
}

Reply write_flash(DeviceCore& device, const CopyJob& job, std::string bytes) {
  const std::size_t size = bytes.size();
  const std::string where = job.dest.fs + ":/" + job.dest.name;
  if (job.dest.name.empty()) {
    return {"%Error opening " + where + " (Is a directory)\n", nullptr, true};
  }
  if (!device.flash.put(job.dest.name, std::move(bytes), device.now())) {
    return {"%Error writing " + where + " (No space left on device)\n", nullptr, true};
  }
  device.dirty = true;
  return {bytes_copied(size), nullptr};
}

Reply perform(DeviceCore& device, const CopyJob& job) {
  std::optional<std::string> bytes = endpoint_bytes(device, job.source);
  if (!bytes) return {no_such_file(job.source.typed), nullptr, true};
  switch (job.dest.kind) {
    case FileEndpoint::Kind::running: {
      const std::string errors = merge_config(device, job.user, *bytes);
      return {errors + bytes_copied(bytes->size()), nullptr, !errors.empty()};
    }
    case FileEndpoint::Kind::startup:
      if (job.source.kind == FileEndpoint::Kind::running) return save(device, job.user);
      device.startup = *bytes;
      device.dirty = true;
      return {bytes_copied(bytes->size()), nullptr};
    case FileEndpoint::Kind::flash:
      return write_flash(device, job, std::move(*bytes));
    case FileEndpoint::Kind::null:
      return {bytes_copied(bytes->size()), nullptr};
    case FileEndpoint::Kind::unknown:
      break;
  }
  return no_such_device(job.dest.typed);
}

// Copying onto an existing file asks first, except in quiet mode
// (IOS_BEHAVIOR.md 4.3, genielibs C9300 capture).
Reply overwrite_step(DeviceCore& device, CopyJob job, FilePrompt mode) {
  const bool exists =
      job.dest.kind == FileEndpoint::Kind::flash && device.flash.get(job.dest.name) != nullptr;
  if (!exists || mode == FilePrompt::quiet) return perform(device, job);
  auto q = std::make_shared<Question>();
  q->prompt = "Do you want to over write? [confirm]";
  q->input = Question::Input::key;
  q->answer = [&device, job](std::string_view key) -> Reply {
    if (!key.empty() && key != "y" && key != "Y") return {};
    return perform(device, job);
  };
  return {"%Warning:There is a file already existing with this name \n", q};
}

Reply destination_step(DeviceCore& device, CopyJob job, FilePrompt mode) {
  if (mode == FilePrompt::quiet) return overwrite_step(device, std::move(job), mode);
  auto q = std::make_shared<Question>();
  q->prompt = "Destination filename [" + job.dest.default_name() + "]? ";
  q->answer = [&device, job, mode](std::string_view answer) mutable -> Reply {
    if (!answer.empty() && job.dest.kind == FileEndpoint::Kind::flash) {
      const std::optional<FsPath> typed = split_path(answer);
      job.dest.name = typed ? typed->name : std::string(answer);
    }
    return overwrite_step(device, job, mode);
  };
  return {"", q};
}

}  // namespace

Reply copy_command(CommandContext& c) {
  CopyJob job{resolve_endpoint(c.device, c.match.words[1]),
              resolve_endpoint(c.device, c.match.words[2]), c.session.user};
  if (job.source.kind == FileEndpoint::Kind::unknown) return no_such_device(job.source.typed);
  if (job.dest.kind == FileEndpoint::Kind::unknown) return no_such_device(job.dest.typed);
  if (job.dest.kind == FileEndpoint::Kind::running) {
    if (std::optional<std::string> refused = refused_by_config_lock(c.device, c.session)) {
      return {*refused, nullptr, true};
    }
  }
  const FilePrompt mode = c.device.file_prompt();
  if (mode != FilePrompt::noisy) return destination_step(c.device, std::move(job), mode);
  DeviceCore& device = c.device;
  auto q = std::make_shared<Question>();
  q->prompt = "Source filename [" + job.source.default_name() + "]? ";
  q->answer = [&device, job, mode](std::string_view) -> Reply {
    return destination_step(device, job, mode);
  };
  return {"", q};
}

Reply write_memory(CommandContext& c) { return save(c.device, c.session.user); }

}  // namespace iosctl::sim
