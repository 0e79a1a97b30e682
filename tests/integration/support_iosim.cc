#include "integration/support_iosim.h"

#include <stdexcept>

namespace iosctl::test {

std::filesystem::path lab_fixture(const std::string& name) {
  return std::filesystem::path(IOSCTL_FIXTURES_DIR) / "labs" / name;
}

std::string lab_yaml(const std::vector<LabEntry>& devices) {
  std::string text = "devices:\n";
  for (const LabEntry& device : devices) {
    text += "  - name: " + device.name + "\n";
    text += "    listen: 127.0.0.1:" + std::to_string(device.port) + "\n";
    text += "    running_config: " + device.running_config.string() + "\n";
    text += "    users:\n";
    for (const std::string& user : device.users) text += "      " + user + "\n";
    for (const std::string& line : device.extra) text += "    " + line + "\n";
  }
  return text;
}

IosimProcess::IosimProcess(const std::vector<std::string>& args) {
  std::vector<std::string> argv = {IOSIM_BINARY};
  argv.insert(argv.end(), args.begin(), args.end());
  child_ = std::make_unique<ChildProcess>(argv);
  // Generous: the first start generates an RSA host key.
  if (!child_->wait_for_line("ready", deadline_in(60))) {
    throw std::runtime_error("iosim did not get ready; stderr: " + child_->err());
  }
}

int IosimProcess::stop(int signal) {
  child_->send_signal(signal);
  return child_->wait(deadline_in(30)).value_or(-1);
}

}  // namespace iosctl::test
