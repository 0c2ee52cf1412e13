#!/usr/bin/env python3
"""Checks the benchmark's manifest generator: the same bytes on every run, a shorter manifest is the
start of a longer one, and dutycalc prices every line except the deliberately bad ones, over the
mix the benchmark promises (Section 232 steel and aluminium, quota lines, specific and compound
rates, programme claims, melt countries, every transport mode and year, entries of several lines).

    generator_test.py DUTYCALC
"""
import collections
import csv
import datetime
import io
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
LINES = 20000


def generate(count, *options):
    return subprocess.run([sys.executable, str(HERE / "generate_manifest.py"), *options,
                           str(count)], check=True, capture_output=True).stdout


def deliberate_mistake(row):
    """Which of the generator's five mistakes the input row carries, or None."""
    if row["hs_code"].endswith("X"):
        return "code"
    if "," in row["value"]:
        return "thousands separator"
    if row["value"].startswith("-"):
        return "negative value"
    if row["origin"] == "XX":
        return "origin"
    try:
        datetime.date.fromisoformat(row["date"])
    except ValueError:
        return "date"
    return None


def main():
    dutycalc = sys.argv[1]
    failures = []

    def expect(condition, what):
        if not condition:
            failures.append(what)

    manifest = generate(LINES)
    expect(manifest == generate(LINES), "two runs give different bytes")
    shorter = generate(5000)
    expect(manifest.startswith(shorter), "the 5000-line manifest does not start the longer one")
    text = manifest.decode("utf-8")
    expect(text.count("\n") == LINES + 1, f"{text.count(chr(10))} lines, not {LINES + 1}")

    priced = subprocess.run([dutycalc, "price", "-", "--format", "csv"], input=manifest,
                            capture_output=True)
    expect(priced.returncode == 1, f"dutycalc price exited {priced.returncode}, not 1")
    inputs = list(csv.DictReader(io.StringIO(text)))
    outputs = list(csv.DictReader(io.StringIO(priced.stdout.decode("utf-8"))))
    expect(len(outputs) == len(inputs), f"{len(outputs)} records priced for {len(inputs)}")

    mistakes = collections.Counter()
    seen = collections.Counter()
    modes, years, entries = set(), set(), collections.Counter()
    for row, out in zip(inputs, outputs):
        mistake = deliberate_mistake(row)
        mistakes[mistake] += 1
        if mistake is not None:
            expect(out["status"] == "error", f"line {row['entry']}/{row['line']}: {mistake} "
                   f"priced as {out['status']}")
            continue
        expect(out["status"] == "ok", f"line {row['entry']}/{row['line']} ({row['hs_code']}, "
               f"{row['origin']}, {row['date']}): {out['message']}")
        modes.add(row["mode"])
        years.add(row["date"][:4])
        entries[row["entry"]] += 1
        rate = out["rate"]
        specific = "¢" in rate or "$" in rate
        seen["steel or aluminium with an additional duty"] += \
            row["hs_code"][:2] in ("72", "73", "76") and out["additional_duty"] != "0.00"
        seen["in quota"] += out["quota"].endswith(" in")
        seen["specific rate"] += specific and "%" not in rate
        seen["compound rate"] += specific and "%" in rate
        seen["programme claimed"] += bool(row["program"])
        seen["melt country"] += bool(row["melt_country"])
        seen["de minimis"] += "de minimis" in out["message"]
    for kind in ("code", "thousands separator", "negative value", "origin", "date"):
        expect(mistakes[kind] > 0, f"no deliberate mistake of kind '{kind}'")
    bad = LINES - mistakes[None]
    expect(LINES // 1000 <= bad <= LINES // 250, f"{bad} bad lines; about 1 in 500 expected")
    for what, count in seen.items():
        expect(count > 0, f"no line with {what}")
    expect(len(seen) == 7, "a kind of line was never counted")
    expect(modes == {"vessel", "air", "truck", "rail", "mail"}, f"modes {sorted(modes)}")
    expect(years == {str(y) for y in range(2018, 2026)}, f"years {sorted(years)}")
    expect(max(entries.values()) >= 10, "no entry of 10 lines or more")

    # --metal: a metal importer's manifest, every line in chapter 72, 73 or 76 (the deliberately
    # bad codes too: their last digit is replaced), in kg.
    metal = generate(2000, "--metal").decode()
    expect(metal == generate(2000, "--metal").decode(), "two --metal runs give different bytes")
    rows = list(csv.DictReader(io.StringIO(metal)))
    expect(len(rows) == 2000, f"--metal: {len(rows)} lines, not 2000")
    expect(all(r["hs_code"][:2] in ("72", "73", "76") for r in rows),
           "--metal: a line outside chapters 72, 73 and 76")
    expect(all(r["unit"] == "kg" for r in rows), "--metal: a line not in kg")

    for failure in failures[:20]:
        print(f"generator_test: {failure}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
