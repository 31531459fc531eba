#pragma once
#include <string>

namespace hotspot {

// Hex SHA-256 of a file's bytes (OpenSSL), streamed so large files are fine.
std::string sha256_file(const std::string& path);
std::string sha256_hex(const std::string& bytes);

}  // namespace hotspot
