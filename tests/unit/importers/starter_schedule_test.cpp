#include <dutycalc/importers/starter_schedule.hpp>

#include <catch2/catch.hpp>

using namespace dutycalc::importers;

TEST_CASE("table_file_name") {
  CHECK(table_file_name("HTS 2024 Basic Edition") == "hts-2024-basic-edition.csv");
  CHECK(table_file_name("hts_2024 (rev. 5)") == "hts-2024-rev-5.csv");
  CHECK(table_file_name("-") == "lines.csv");
}

TEST_CASE("edition_toml") {
  EditionInfo edition{"HTS \"x\"", dutycalc::Date::parse("2024-01-01"), "hts-x.csv", "a\\b"};
  CHECK(edition_toml(edition) == "[[edition]]\nid = \"HTS \\\"x\\\"\"\neffective = 2024-01-01\n"
                                 "file = \"hts-x.csv\"\nsource = \"a\\\\b\"\n");
  // Unknown: a placeholder for a person to fill in, never a made-up date.
  edition.effective.reset();
  CHECK(edition_toml(edition).find("\neffective = YYYY-MM-DD\n") != std::string::npos);
}

TEST_CASE("starter_schedule_toml") {
  const EditionInfo edition{"HTS 2024", dutycalc::Date::parse("2024-01-01"), "hts-2024.csv", "s"};
  CHECK(starter_schedule_toml("us", edition, hts_starter_settings(edition)) ==
        "format = 1\nname = \"us\"\ntitle = \"HTS 2024\"\ncurrency = \"USD\"\n"
        "valuation = \"transaction-value\"\n"
        "coverage = \"general (MFN) rates of HTS 2024; not yet modelled: preference programmes, "
        "column 2, additional duties, quotas, fees, taxes\"\n\n"
        "[rounding]\nplaces = 2\nmode = \"half-up\"\npoint = \"each duty amount per line\"\n\n"
        "[[edition]]\nid = \"HTS 2024\"\neffective = 2024-01-01\nfile = \"hts-2024.csv\"\n"
        "source = \"s\"\n");
  const StarterSettings cif{"EUR", "cif", "# why\n", "c"};
  CHECK(starter_schedule_toml("eu", edition, cif).find("currency = \"EUR\"\n# why\nvaluation = "
                                                       "\"cif\"\ncoverage = \"c\"\n") !=
        std::string::npos);
}
