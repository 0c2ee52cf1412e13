#include <dutycalc/manifest/csv_reader.hpp>
#include <dutycalc/report/report_writer.hpp>

#include <catch2/catch.hpp>

#include <sstream>
#include <string>

using dutycalc::Currency;
using dutycalc::Decimal;
using dutycalc::manifest::CsvReader;
using dutycalc::manifest::CsvRecord;
using dutycalc::manifest::ManifestLine;
using dutycalc::pricing::LineResult;
using dutycalc::OutputFormat;

namespace {
LineResult priced() {
  LineResult result;
  result.schedule_version = "HTS 2024";
  result.rate = "Free + 25% (9903.80.01)";
  const Currency usd = Currency::usd();
  result.base_duty = {Decimal{}, usd};
  result.additional_duty = {Decimal::parse("250").value(), usd};
  result.fees = result.taxes = {Decimal{}, usd};
  result.landed_cost = {Decimal::parse("1250").value(), usd};
  result.message = "a, \"quoted\" warning";
  return result;
}
} // namespace

TEST_CASE("CSV render_plain writes a plain record's text as render writes the record") {
  dutycalc::Output output; // nothing is written: rendering only
  const auto writer = dutycalc::report::make_report_writer(OutputFormat::csv, output);
  writer->begin({"hs_code", "origin", "value"});
  const LineResult result = priced();
  std::istringstream in("7208.51.0030,JP,1000\n7208.51.0030,JP\n\"7208\",JP,1\n");
  CsvReader reader(in, "m.csv");
  CsvRecord record;

  // As many fields as the header: the same row either way.
  REQUIRE(reader.next(record));
  std::string rendered;
  writer->render(record, ManifestLine{}, result, rendered);
  CHECK(rendered == "7208.51.0030,JP,1000,HTS 2024,Free + 25% (9903.80.01),0.00,250.00,,0.00,0.00,"
                    "1250.00,ok,\"a, \"\"quoted\"\" warning\"\n");
  std::string plain = "kept";
  CHECK(writer->render_plain(record.plain_text, record.fields.size(), result, plain));
  CHECK(plain == "kept" + rendered);

  // Fewer fields than the header: render pads, render_plain leaves it to render.
  REQUIRE(reader.next(record));
  plain.clear();
  CHECK_FALSE(writer->render_plain(record.plain_text, record.fields.size(), result, plain));
  CHECK(plain.empty());
  rendered.clear();
  writer->render(record, ManifestLine{}, result, rendered);
  CHECK(rendered.starts_with("7208.51.0030,JP,,HTS 2024,"));

  // Not plain (quoted): no text to write from.
  REQUIRE(reader.next(record));
  CHECK(record.plain_text.empty());
  CHECK_FALSE(writer->render_plain(record.plain_text, record.fields.size(), result, plain));
  CHECK(plain.empty());
}

TEST_CASE("JSON Lines render_plain leaves every record to render") {
  dutycalc::Output output;
  const auto writer = dutycalc::report::make_report_writer(OutputFormat::jsonl, output);
  writer->begin({"hs_code", "origin", "value"});
  std::string out;
  CHECK_FALSE(writer->render_plain("7208.51.0030,JP,1000", 3, priced(), out));
  CHECK(out.empty());
}
