#include "iosctl/cli/change_report.h"

#include "iosctl/config/contextual_format.h"
#include "iosctl/config/json_format.h"
#include "iosctl/exit_status.h"
#include "iosctl/ios/archive_diff.h"

namespace iosctl::cli {

PhaseTimes::Scope::Scope(PhaseTimes& times, std::string name)
    : times_(times), name_(std::move(name)), start_(std::chrono::steady_clock::now()) {}

PhaseTimes::Scope::~Scope() {
  const std::chrono::duration<double, std::milli> took = std::chrono::steady_clock::now() - start_;
  times_.phases_.emplace_back(std::move(name_), took.count());
}

PhaseTimes::PhaseTimes() : start_(std::chrono::steady_clock::now()) {}

nlohmann::json PhaseTimes::to_json() const {
  nlohmann::json doc = nlohmann::json::object();
  const auto ms = [](double value) {
    return static_cast<double>(static_cast<long>(value * 10)) / 10;
  };
  for (const auto& [name, took] : phases_) doc[name] = ms(doc.value(name, 0.0) + took);
  const std::chrono::duration<double, std::milli> total = std::chrono::steady_clock::now() - start_;
  doc["total"] = ms(total.count());
  return doc;
}

std::string outcome_name(Failure failure) {
  switch (failure) {
    case Failure::invalid:
      return "rejected";
    case Failure::reverted:
      return "reverted";
    case Failure::uncertain:
      return "uncertain";
    case Failure::unreachable:
      return "unreachable";
    case Failure::not_saved:
      return "not_saved";
    case Failure::overlapped:
      return "overlapped";
    case Failure::interrupted:
      return "interrupted";
    case Failure::terminated:
      return "terminated";
    default:
      return "error";
  }
}

std::string diff_text(const driver::Comparison& c) {
  if (c.device.empty()) return "";
  return ios::normalize_archive_diff(config::format_contextual(c.local, {false, false}));
}

void take_from_session(ChangeReport& report, IosSession& session) {
  report.round_trips += session.device().driver().dialogue().round_trips();
  if (session.ios().last_comparison()) report.comparison = session.ios().last_comparison();
  report.failing_lines = session.ios().failing_lines();
  report.repairs = session.ios().repairs();
}

Error record_failure(ChangeReport& report, const Error& e, const std::string& message,
                     const std::string& where, bool named) {
  report.outcome = outcome_name(e.failure());
  report.exit_code = exit_code_for(e.failure());
  report.message = where + ": " + message;
  return Error(e.failure(), named ? report.message : message);
}

void record_to(Env& env, const ChangeReport& report) {
  if (!env.record) return;
  env.record->outcome = report.outcome;
  if (report.comparison) env.record->diff = diff_text(*report.comparison);
}

nlohmann::json report_json(const ChangeReport& r) {
  nlohmann::json doc = {{"host", r.host},
                        {"operation", r.operation},
                        {"outcome", r.outcome},
                        {"exit_code", r.exit_code},
                        {"failing_lines", r.failing_lines},
                        {"repairs", r.repairs},
                        {"saved", r.saved},
                        {"pending_confirm", r.pending_confirm},
                        {"timings_ms", r.times.to_json()},
                        {"round_trips", r.round_trips}};
  if (r.comparison) {
    doc["diff_text"] = diff_text(*r.comparison);
    doc["diff"] = r.comparison->device.empty()
                      ? nlohmann::json::object()
                      : config::diff_json(r.comparison->local, {false, false});
  }
  if (!r.health_checks.empty()) {
    nlohmann::json checks = nlohmann::json::array();
    for (const driver::HealthCheckResult& h : r.health_checks) {
      checks.push_back({{"check", h.check.spec}, {"passed", h.passed}, {"reason", h.reason}});
    }
    doc["health_checks"] = checks;
  }
  if (r.state_after) doc["state_after"] = *r.state_after;
  if (!r.message.empty()) doc["message"] = r.message;
  return doc;
}

}  // namespace iosctl::cli
