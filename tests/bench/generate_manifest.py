#!/usr/bin/env python3
"""Writes a realistic manifest of N lines to stdout, over real HTS codes of the bundled US schedule.

    tests/bench/generate_manifest.py 1000000 > /tmp/manifest.csv
    tests/bench/generate_manifest.py --metal 1000000 > /tmp/steel.csv

With --metal every entry is a steel or aluminium shipment (a metal importer's manifest: most lines
reach a quota or a Section 232 measure); otherwise the mix below.

What the lines exercise:
- Codes: the schedule's rated 10-digit lines (ad valorem, specific and compound rates alike), each
  with a quantity in its first statistical unit and a weight in kg.
- Entries of 1 to 6 lines (a few of 10 to 40) sharing entry id, date, origin and mode, so that
  entry-level fees (MPF, HMF for vessels) are shared among lines; a few small mail entries fall
  under the de minimis threshold.
- Dates spread evenly over 2018-01-01..2025-12-31: the Section 232 and 301 history, the 2022-2025
  EU, Japan and UK tariff-rate quotas and the MPF fiscal years all come into play.
- About one entry in eight is a steel or aluminium shipment (chapters 72, 73 and 76, weighed in kg,
  by vessel, truck or rail) from the countries that ship them, large enough that the big quotas
  fill up within a year at a million lines; most steel and some aluminium lines state a
  melt_country (usually the origin, sometimes another country, aluminium now and then Russia).
- Origins weighted towards the largest US suppliers; lines from a partner with a single-country
  trade agreement usually claim it (column `program`) when the code's special column lists it.
- About one line in 500 is deliberately bad (a letter in the code, a value with a thousands
  separator, a negative value, an unknown origin, an impossible date): the error path is measured
  too. Every record is well-formed CSV.

The output depends only on N and the lines table: one seeded generator, no clock, no hashing, so the
same N gives the same bytes on every run, and the manifest of N lines is the first N lines of any
longer one. Draws use random() (stable across Python versions) rather than the slower helpers:
a million lines take a few seconds.
"""
import csv
import random
import re
import sys
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TABLE = ROOT / "schedules/us/hts-2024-basic-edition.csv"
HEADER = ("entry,line,hs_code,origin,value,quantity,unit,quantity_kg,date,mode,program,"
          "melt_country\n")

# Share of imports by origin, roughly as US trade statistics rank suppliers (weights, not data).
ORIGINS = {"CN": 16, "MX": 13, "CA": 12, "DE": 6, "JP": 5, "KR": 5, "VN": 5, "IN": 4, "TW": 4,
           "IT": 3, "GB": 3, "FR": 3, "TH": 2, "MY": 2, "IE": 2, "CH": 2, "NL": 1, "BR": 1,
           "TR": 1, "AU": 1, "SG": 1, "IL": 1, "CL": 1, "CO": 1, "PE": 1, "ES": 1, "BE": 1,
           "MA": 1, "PA": 1}
# Steel and aluminium suppliers: quota partners (EU members, JP, GB), exempt or formerly exempt
# countries (CA, MX, AU, AR, BR, KR, UA), Turkey and Russia with their own rates, and the rest.
METAL_ORIGINS = {"CA": 12, "MX": 8, "KR": 7, "BR": 6, "JP": 8, "DE": 6, "IT": 4, "NL": 3, "FR": 2,
                 "ES": 2, "AT": 2, "GB": 5, "TR": 5, "CN": 7, "IN": 4, "VN": 4, "TW": 4, "RU": 3,
                 "UA": 2, "AR": 2, "AU": 2, "ZA": 2}
EU = {"AT", "BE", "DE", "ES", "FR", "IE", "IT", "NL"}
# Partners of the single-country programmes the schedule models (programmes.toml): the programme's
# symbol is the partner's country code.
PARTNERS = {"AU", "BH", "CL", "CO", "IL", "JO", "JP", "KR", "MA", "OM", "PA", "PE", "SG"}
UNITS = {"kg": "kg", "No.": "No.", "doz.": "doz.", "m²": "m2", "prs.": "prs.", "liters": "l",
         "t": "t", "m³": "m3", "g": "g", "gross": "gross", "doz. prs.": "doz. prs.", "m": "m"}
METAL_CHAPTERS = ("72", "73", "76")
FIRST_DAY = date(2018, 1, 1)
LAST_DAY = date(2025, 12, 31)
SEED = 20240101

# Rates that need more than a value, a quantity and a weight (legal prose, a part's own value,
# a component's weight, a count of jewels, an alcohol strength) are left out so that bad lines
# stay the deliberate ones.
UNPRICEABLE = ("applicable", "See ", "less", " on ", " of ", "jewel", "under", "/line", "pf.")


def priceable(rate):
    return rate and not any(word in rate for word in UNPRICEABLE)


def weighted(weights):
    """A list in which each key appears as often as its weight: a uniform pick is a weighted one."""
    return [key for key, weight in weights.items() for _ in range(weight)]


def rated_lines():
    """(code, unit, programmes) for every 10-digit line whose rate and statistical unit dutycalc
    can take, in table order; programmes: the symbols its (inherited) special column lists."""
    with TABLE.open(encoding="utf-8") as f:
        next(f)  # format line
        rows = list(csv.DictReader(f))
    rates = {r["hs_code"].replace(".", ""): r for r in rows if r["general"]}
    for row in rows:
        code = row["hs_code"]
        digits = code.replace(".", "")
        if len(digits) != 10 or digits.startswith(("98", "99")):
            continue
        rated = next((rates[digits[:n]] for n in (10, 8, 6, 4) if digits[:n] in rates), None)
        first_unit = row["units"].split(";")[0].strip()
        # Column 2 too: Russia's lines (from 2022) and any other origin it may reach.
        if rated is None or first_unit not in UNITS or not priceable(rated["general"]) \
                or (rated["column2"] and not priceable(rated["column2"])):
            continue
        listed = re.search(r"\(([^)]*)\)", rated["special"])
        programmes = {p.strip() for p in listed.group(1).split(",")} if listed else set()
        yield code, UNITS[first_unit], programmes


def corrupt(code, origin, value, day, pick):
    """One of five mistakes a real manifest holds, chosen by `pick` in [0, 1)."""
    kind = int(pick * 5)
    if kind == 0:
        return code[:-1] + "X", origin, value, day
    if kind == 1:
        return code, origin, '"1,250.00"', day
    if kind == 2:
        return code, origin, "-" + value, day
    if kind == 3:
        return code, "XX", value, day
    short_month = day[5:7] in ("02", "04", "06", "09", "11")
    return code, origin, value, day[:8] + "31" if short_month else day[:5] + "02-30"


def main():
    args = sys.argv[1:]
    metal_only = "--metal" in args
    args = [a for a in args if a != "--metal"]
    count = int(args[0]) if args else 100000
    rnd = random.Random(SEED).random
    lines = list(rated_lines())
    metals = [(code, programmes) for code, unit, programmes in lines
              if code[:2] in METAL_CHAPTERS and unit in ("kg", "t")]
    origins = weighted(ORIGINS)
    metal_origins = weighted(METAL_ORIGINS)
    days = [(FIRST_DAY + timedelta(n)).isoformat() for n in range((LAST_DAY - FIRST_DAY).days + 1)]

    out = sys.stdout
    out.write(HEADER)
    chunk = []
    written = 0
    entry = 0
    while written < count:
        entry += 1
        day = days[int(rnd() * len(days))]
        metal = rnd() < 0.125 or metal_only
        size = 1 + int(rnd() * 6) if rnd() < 0.97 else 10 + int(rnd() * 31)
        if metal:
            origin = metal_origins[int(rnd() * len(metal_origins))]
            overland = origin in ("CA", "MX")
            mode = ("truck" if rnd() < 0.7 else "rail") if overland else "vessel"
            small = False
        else:
            origin = origins[int(rnd() * len(origins))]
            overland = origin in ("CA", "MX")
            mode = ("truck" if rnd() < 0.8 else "rail") if overland else \
                ("vessel" if rnd() < 0.6 else "air")
            small = rnd() < 0.02  # a parcel under the de minimis threshold
            if small:
                mode, size = "mail", 1 + int(rnd() * 2)
        claims = origin in PARTNERS and rnd() < 0.8
        for n in range(1, size + 1):
            if written == count:
                break
            program = melt = ""
            if metal:
                code, programmes = metals[int(rnd() * len(metals))]
                unit = "kg"
                kg = 5000 + int(rnd() * 1995000)  # 5 t to 2,000 t
                quantity = weight = str(kg)
                cents = kg * (60 + int(rnd() * 340))  # $0.60 to $4.00 a kg
                if code[:2] != "76":
                    if rnd() < 0.7:
                        melt = origin if rnd() < 0.85 else ("CN", "IN", "RU", "DE")[int(rnd() * 4)]
                        if melt == origin and origin in EU and rnd() < 0.3:
                            melt = "DE" if origin != "DE" else "AT"
                elif rnd() < 0.5:
                    melt = origin if rnd() < 0.9 else "RU"
            else:
                code, unit, programmes = lines[int(rnd() * len(lines))]
                quantity = str(1 + int(rnd() * 40000))
                weight = quantity if unit == "kg" else str(1 + int(rnd() * 40000))
                cents = 500 + int(rnd() * 29500) if small else 10000 + int(rnd() * 24990000)
            if claims and origin in programmes:
                program = origin
            value = f"{cents // 100}.{cents % 100:02d}"
            row_origin, row_day = origin, day
            if rnd() < 0.002:
                code, row_origin, value, row_day = corrupt(code, origin, value, day, rnd())
            chunk.append(f"E{entry},{n},{code},{row_origin},{value},{quantity},{unit},{weight},"
                         f"{row_day},{mode},{program},{melt}\n")
            written += 1
        if len(chunk) >= 65536:
            out.write("".join(chunk))
            chunk.clear()
    out.write("".join(chunk))


if __name__ == "__main__":
    main()
