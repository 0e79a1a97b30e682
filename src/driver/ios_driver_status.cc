// IosDriver::status: what a device holds of iosctl's runs, for `iosctl status`.

#include "iosctl/driver/ios_driver.h"

namespace iosctl::driver {

DeviceStatus IosDriver::status(const std::vector<RunOnDevice>& runs) {
  DeviceStatus s;
  s.pending = pending_commit();
  if (const ios::DevicePath checkpoint = checkpoint_path(); file_exists(checkpoint)) {
    s.checkpoint = checkpoint.str();
  }
  s.file_prompt = file_prompt_mode();
  for (const RunOnDevice& run : runs) {
    if (run.stale && s.file_prompt == "file prompt quiet" &&
        run.journal->file_prompt != "file prompt quiet") {
      s.quiet_left_by = describe_run(*run.journal);
    }
  }
  s.unsaved = !same_config(driver_.get_config(ConfigSource::running, false),
                           driver_.get_config(ConfigSource::startup, false));
  for (const ios::FileName& name : {settings_.files.candidate, settings_.files.merge}) {
    const ios::DevicePath path = device_path(name);
    if (file_exists(path)) s.leftover_files.push_back(path.str());
  }
  return s;
}

}  // namespace iosctl::driver
