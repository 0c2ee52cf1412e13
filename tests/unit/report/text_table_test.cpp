#include <dutycalc/report/text_table.hpp>

#include <catch2/catch.hpp>

using dutycalc::report::TextTable;

TEST_CASE("TextTable::render aligns by characters, not bytes") {
  TextTable table({{"Rate"}, {"Duty", TextTable::Align::right}});
  table.add_row({"1.5¢/kg", "83.49"});
  table.add_row({"2.6%", "2,600.00"});
  table.add_rule();
  table.add_row({"Total", "2,683.49"});
  CHECK(table.render() == "Rate         Duty\n"
                          "1.5¢/kg     83.49\n"
                          "2.6%     2,600.00\n"
                          "-----------------\n"
                          "Total    2,683.49\n");
}
