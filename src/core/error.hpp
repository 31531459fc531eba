#pragma once
// One exception type for the whole engine. It carries the stage that failed and
// the kind of failure, which main() maps to an exit code once.
#include <stdexcept>
#include <string>

namespace hotspot {

enum class ErrorKind { BadInput = 1, Usage = 2, Internal = 3 };

class Error : public std::runtime_error {
 public:
  Error(ErrorKind kind, std::string stage, const std::string& message)
      : std::runtime_error(message), kind_(kind), stage_(std::move(stage)) {}
  ErrorKind kind() const { return kind_; }
  const std::string& stage() const { return stage_; }

 private:
  ErrorKind kind_;
  std::string stage_;
};

inline Error bad_input(std::string stage, const std::string& message) {
  return Error(ErrorKind::BadInput, std::move(stage), message);
}
inline Error usage_error(std::string stage, const std::string& message) {
  return Error(ErrorKind::Usage, std::move(stage), message);
}
inline Error internal_error(std::string stage, const std::string& message) {
  return Error(ErrorKind::Internal, std::move(stage), message);
}

}  // namespace hotspot
