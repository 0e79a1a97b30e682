#include "support/cli_run.h"

#include "iosctl/cli/cli.h"
#include "iosctl/error.h"

#include <gtest/gtest.h>

#include <atomic>
#include <fstream>
#include <sstream>
#include <sys/wait.h>
#include <unistd.h>

namespace iosctl::test {
namespace {

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

}  // namespace

CliResult run_iosctl(const std::vector<std::string>& args, bool tty, bool no_color_env) {
  std::ostringstream out;
  std::ostringstream err;
  cli::Env env{out, err, tty, no_color_env};
  CliResult result;
  result.exit_code = cli::run_cli(args, env);
  result.out = out.str();
  result.err = err.str();
  return result;
}

CliResult run_iosctl_unreachable(const std::vector<std::string>& args) {
  std::ostringstream out;
  std::ostringstream err;
  cli::Env env{out, err};
  CliResult result;
  std::atomic<int> connects = 0;  // a fleet run connects from several threads
  env.connect = [&connects](
                    const driver::Connection& c,
                    const std::function<void(std::string_view)>&) -> std::unique_ptr<driver::Link> {
    ++connects;
    throw Error(Failure::unreachable, "no device at " + c.host + " in this test");
  };
  result.exit_code = cli::run_cli(args, env);
  result.connects = connects;
  result.out = out.str();
  result.err = err.str();
  return result;
}

CliResult run_iosctl_binary(const std::vector<std::string>& args) {
  char out_path[] = "/tmp/iosctl-test-out-XXXXXX";
  char err_path[] = "/tmp/iosctl-test-err-XXXXXX";
  const int out_fd = mkstemp(out_path);
  const int err_fd = mkstemp(err_path);
  std::vector<std::string> argv_storage = {IOSCTL_BINARY};
  argv_storage.insert(argv_storage.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& a : argv_storage) argv.push_back(a.data());
  argv.push_back(nullptr);
  const pid_t pid = fork();
  if (pid == 0) {
    dup2(out_fd, STDOUT_FILENO);
    dup2(err_fd, STDERR_FILENO);
    execv(argv[0], argv.data());
    _exit(127);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  close(out_fd);
  close(err_fd);
  CliResult result;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  result.out = slurp(out_path);
  result.err = slurp(err_path);
  unlink(out_path);
  unlink(err_path);
  return result;
}

}  // namespace iosctl::test
