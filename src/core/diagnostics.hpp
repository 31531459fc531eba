#pragma once
// Warnings gathered while a run works. The app prints them and records them in
// the manifest; stages only append.
#include <string>
#include <vector>

namespace hotspot {

struct Diagnostics {
  std::vector<std::string> warnings;
  void warn(std::string message) { warnings.push_back(std::move(message)); }
};

}  // namespace hotspot
