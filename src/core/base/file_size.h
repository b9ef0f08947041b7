// A file's size as a person reads it, for messages and the audit trail.
#pragma once
#include <cstdint>
#include <string>

namespace doorstep {

// "2.4 MB", "812 KB", "17 bytes".
std::string describe_size(int64_t bytes);

}  // namespace doorstep
