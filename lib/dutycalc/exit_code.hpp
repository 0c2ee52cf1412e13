// The exit codes every dutycalc command uses; scripts rely on them.
#pragma once

namespace dutycalc {

enum class ExitCode : int {
  ok = 0,          // every line priced (or the command did what it was asked)
  some_failed = 1, // some lines could not be priced; their records say why
  error = 2,       // usage, configuration or schedule error: nothing was priced
};

} // namespace dutycalc
