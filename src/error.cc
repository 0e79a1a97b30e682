#include "iosctl/error.h"

#include "iosctl/exit_status.h"

namespace iosctl {

Error::Error(Failure failure, std::string_view message)
    : std::runtime_error(std::string(message)), failure_(failure) {}

int exit_code_for(Failure failure) {
  switch (failure) {
    case Failure::usage:
    case Failure::internal:
      return kExitError;
    case Failure::invalid:
      return kExitRejected;
    case Failure::reverted:
      return kExitReverted;
    case Failure::uncertain:
      return kExitUncertain;
    case Failure::unreachable:
      return kExitUnreachable;
    case Failure::not_saved:
      return kExitNotSaved;
    case Failure::overlapped:
      return kExitOverlapped;
    case Failure::interrupted:
      return kExitInterrupted;
    case Failure::terminated:
      return kExitTerminated;
  }
  return kExitError;
}

}  // namespace iosctl
