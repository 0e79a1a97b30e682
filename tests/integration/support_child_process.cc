#include "integration/support_child_process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdexcept>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace iosctl::test {
namespace {

int milliseconds_until(Deadline deadline) {
  const auto left =
      std::chrono::ceil<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
  return static_cast<int>(std::max<std::int64_t>(0, left.count()));
}

}  // namespace

Deadline deadline_in(double seconds) {
  return std::chrono::steady_clock::now() +
         std::chrono::duration_cast<std::chrono::steady_clock::duration>(
             std::chrono::duration<double>(seconds));
}

ChildProcess::ChildProcess(const std::vector<std::string>& argv) {
  int out_pipe[2];
  int err_pipe[2];
  if (pipe2(out_pipe, O_CLOEXEC) != 0 || pipe2(err_pipe, O_CLOEXEC) != 0) {
    throw std::runtime_error("pipe failed");
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, out_pipe[1], 1);
  posix_spawn_file_actions_adddup2(&actions, err_pipe[1], 2);
  std::vector<char*> args;
  for (const std::string& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
  args.push_back(nullptr);
  const int rc = posix_spawn(&pid_, argv.at(0).c_str(), &actions, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  close(out_pipe[1]);
  close(err_pipe[1]);
  out_fd_ = out_pipe[0];
  err_fd_ = err_pipe[0];
  if (rc != 0) throw std::runtime_error("cannot start " + argv.at(0));
  // Readable once the child exits, so waiting for the exit needs no polling.
  // (glibc 2.36's <sys/pidfd.h> lacks extern "C", so the raw system call.)
  exit_fd_ = static_cast<int>(syscall(SYS_pidfd_open, pid_, 0));
  if (exit_fd_ < 0) throw std::runtime_error("pidfd_open failed");
}

ChildProcess::~ChildProcess() {
  if (!status_) {
    kill(pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
  }
  if (out_fd_ >= 0) close(out_fd_);
  if (err_fd_ >= 0) close(err_fd_);
  if (exit_fd_ >= 0) close(exit_fd_);
}

bool ChildProcess::pump(Deadline deadline) {
  pollfd fds[3] = {{out_fd_, POLLIN, 0}, {err_fd_, POLLIN, 0}, {exit_fd_, POLLIN, 0}};
  if (poll(fds, 3, milliseconds_until(deadline)) <= 0) return false;
  int* owners[2] = {&out_fd_, &err_fd_};
  std::string* sinks[2] = {&out_, &err_};
  for (int i = 0; i < 2; ++i) {
    if (fds[i].fd < 0 || fds[i].revents == 0) continue;
    char buffer[4096];
    const ssize_t n = read(fds[i].fd, buffer, sizeof buffer);
    if (n > 0) {
      sinks[i]->append(buffer, static_cast<std::size_t>(n));
    } else {
      close(*owners[i]);
      *owners[i] = -1;
    }
  }
  return true;
}

bool ChildProcess::wait_for_line(std::string_view line, Deadline deadline) {
  const std::string wanted = std::string(line) + "\n";
  while (true) {
    if (out_.starts_with(wanted) || out_.find("\n" + wanted) != std::string::npos) return true;
    if (out_fd_ < 0 || !pump(deadline)) return false;
  }
}

bool ChildProcess::wait_for_err(std::string_view text, Deadline deadline) {
  while (err_.find(text) == std::string::npos) {
    if (err_fd_ < 0 || !pump(deadline)) return false;
  }
  return true;
}

void ChildProcess::send_signal(int signal) {
  if (!status_) kill(pid_, signal);
}

std::optional<int> ChildProcess::wait(Deadline deadline) {
  while (!status_) {
    int raw = 0;
    if (waitpid(pid_, &raw, WNOHANG) == pid_) {
      status_ = WIFEXITED(raw) ? WEXITSTATUS(raw) : 128 + WTERMSIG(raw);
    } else if (!pump(deadline)) {
      return std::nullopt;
    }
  }
  // The rest of what it wrote; the pipes are at EOF once it is gone.
  while ((out_fd_ >= 0 || err_fd_ >= 0) && pump(deadline)) {
  }
  return status_;
}

RunResult run_program(const std::vector<std::string>& argv, Deadline deadline) {
  ChildProcess child(argv);
  RunResult result;
  result.status = child.wait(deadline).value_or(-1);
  result.out = child.out();
  result.err = child.err();
  return result;
}

}  // namespace iosctl::test
