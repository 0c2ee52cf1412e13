#include <dutycalc/diff/write_diff.hpp>

namespace dutycalc::diff {

void write_diff(const ScheduleDiff& diff, const ManifestComparison* manifest, OutputFormat format,
                Output& out) {
  switch (format) {
  case OutputFormat::table:
    out.write(diff_text(diff, manifest));
    break;
  case OutputFormat::csv:
    out.write(diff_csv(diff, manifest));
    break;
  case OutputFormat::jsonl:
    out.write(diff_jsonl(diff, manifest));
    break;
  }
  out.flush();
}

} // namespace dutycalc::diff
