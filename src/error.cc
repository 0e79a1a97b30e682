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
    case Failure::interrupted:
      return kExitInterrupted;
  }
  return kExitError;
}

}  // namespace iosctl
