// The thin seam between parsers (which take text and a display name) and the file system.
#pragma once

#include <filesystem>
#include <string>

namespace dutycalc {

// The whole content of a file. Throws Error "<path>: cannot read: <reason>".
std::string read_file(const std::filesystem::path& path);

} // namespace dutycalc
