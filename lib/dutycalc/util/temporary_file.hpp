// Temporary files for runs that must keep more than fits in memory: made in the directory the
// environment names ($TMPDIR, else /tmp), readable and writable by the user only.
#pragma once

#include <string>
#include <string_view>

namespace dutycalc {

// Creates a new empty file named `<directory>/dutycalc-<stem>-XXXXXX` and returns its open
// descriptor; `path` receives its name. Throws Error saying what the file was `for_what` ("a
// copy of standard input") and why it could not be made, naming the directory.
int make_temporary_file(std::string_view stem, std::string_view for_what, std::string& path);

} // namespace dutycalc
