#!/usr/bin/env python3
"""Writes the rate table that the DuckDB comparison query joins to (duckdb_query.mjs): one row per
8-digit line of the bundled US schedule whose general rate is a plain ad valorem percentage or
Free, as `code8,ad_valorem` (the percentage: 2.5 for "2.5%", 0 for Free). Specific, compound and
other rates are left out: the query only models ad valorem duties.

    tests/bench/make_rate_table.py > /tmp/rates.csv
"""
import csv
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TABLE = ROOT / "schedules/us/hts-2024-basic-edition.csv"
PERCENT = re.compile(r"(\d+(?:\.\d+)?)%")


def main():
    out = sys.stdout
    out.write("code8,ad_valorem\n")
    with TABLE.open(encoding="utf-8") as f:
        next(f)  # format line
        for row in csv.DictReader(f):
            code = row["hs_code"].replace(".", "")
            rate = row["general"].strip()
            if len(code) != 8:
                continue
            if rate == "Free":
                out.write(f"{code},0\n")
            elif match := PERCENT.fullmatch(rate):
                out.write(f"{code},{match.group(1)}\n")


if __name__ == "__main__":
    main()
