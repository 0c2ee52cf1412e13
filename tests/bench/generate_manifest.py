#!/usr/bin/env python3
"""Writes a realistic manifest of N lines to stdout, over real HTS codes of the bundled US schedule.

Lines come in entries of 1 to 6 lines; codes are drawn from the schedule's rated 10-digit lines
(ad valorem, specific and compound rates alike), each with a quantity in its first statistical
unit; origins are a mix weighted towards the largest US suppliers. A seeded generator makes the
output the same on every run. About one line in 500 is deliberately bad (a code with a letter, a
value with a thousands separator) so that the error path is measured too.

    tests/bench/generate_manifest.py 1000000 > /tmp/manifest.csv
"""
import csv
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TABLE = ROOT / "schedules/us/hts-2024-basic-edition.csv"
ORIGINS = ["CN", "MX", "CA", "DE", "JP", "KR", "VN", "IN", "TW", "IT", "GB", "FR", "TH", "MY",
           "BR", "TR", "AU", "CH", "IE", "NL"]
WEIGHTS = [18, 15, 14, 7, 6, 5, 5, 4, 4, 3, 3, 3, 2, 2, 2, 2, 2, 1, 1, 1]
UNITS = {"kg": "kg", "No.": "No.", "doz.": "doz.", "m²": "m2", "prs.": "prs.", "liters": "l",
         "t": "t", "m³": "m3", "g": "g", "gross": "gross", "doz. prs.": "doz. prs.", "m": "m"}


# Rates that need more than a value, a quantity and a weight (legal prose, a part's own value,
# a component's weight, a count of jewels) are left out so that bad lines stay rare.
UNPRICEABLE = ("applicable", "See ", "less", " on ", " of ", "jewel", "under", "/line")


def priceable(rate):
    return rate and not any(word in rate for word in UNPRICEABLE)


def rated_rate(row, rates):
    """The general rate of the row or of its nearest rated ancestor (8-digit line)."""
    code = row["hs_code"].replace(".", "")
    for n in (10, 8, 6, 4):
        rate = rates.get(code[:n])
        if rate:
            return rate
    return ""


def rated_lines():
    """(code, unit) for every 10-digit line whose statistical unit dutycalc can take."""
    with TABLE.open(encoding="utf-8") as f:
        next(f)  # format line
        rows = list(csv.DictReader(f))
    rates = {r["hs_code"].replace(".", ""): r["general"] for r in rows if r["general"]}
    if True:
        for row in rows:
            code = row["hs_code"]
            if len(code.replace(".", "")) != 10 or code.startswith("98") or code.startswith("99"):
                continue
            first_unit = row["units"].split(";")[0].strip()
            if first_unit in UNITS and priceable(rated_rate(row, rates)):
                yield code, UNITS[first_unit]


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100000
    rng = random.Random(20240101)
    lines = list(rated_lines())
    out = sys.stdout
    out.write("entry,line,hs_code,origin,value,quantity,unit,quantity_kg,date,mode\n")
    written = 0
    entry = 0
    while written < count:
        entry += 1
        size = rng.randint(1, 6)
        date = f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        origin = rng.choices(ORIGINS, WEIGHTS)[0]
        mode = rng.choice(["vessel", "vessel", "air", "truck"])
        for n in range(1, size + 1):
            if written == count:
                break
            code, unit = rng.choice(lines)
            value = f"{rng.randint(100, 250000)}.{rng.randint(0, 99):02d}"
            quantity = str(rng.randint(1, 40000))
            weight = quantity if unit == "kg" else str(rng.randint(1, 40000))
            if rng.randrange(500) == 0:
                if rng.randrange(2):
                    code = code[:-1] + "X"
                else:
                    value = "1,250.00"
            out.write(f"E{entry},{n},{code},{origin},{value},{quantity},{unit},{weight},{date},{mode}\n")
            written += 1


if __name__ == "__main__":
    main()
