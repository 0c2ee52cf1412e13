#!/usr/bin/env python3
"""Checks dutycalc's arithmetic against an independent oracle: Python's decimal module.

Draws random duty expressions (ad valorem with fractions such as 33 1/3%, specific per kg, t, l,
per article and per 100 kg, compound sums, MIN/MAX clauses, max(...) and min(...)), values and
quantities; writes the expressions as the general rates of a small generated schedule and the
lines as a manifest; prices it with one `dutycalc price` run (the real path: loader, lines table,
manifest reader, engine, CSV writer); and recomputes every base_duty and landed_cost here.

The formula, as documented (README "Rounding happens once..." and rate/evaluate.cpp):
  ad valorem  value * percent / (100 * divisor)     rounded half-even at the 12th place
  specific    amount * quantity / per               rounded half-even at the 12th place
  sums, max, min of those unrounded terms; the line's duty rounded half-up to cents, once.
  landed_cost = value + duty (no freight, fees or taxes in this schedule).

Usage: price_oracle.py DUTYCALC [--lines N] [--seed S]. Exit 0 when every amount agrees.
"""
import argparse
import csv
import io
import pathlib
import random
import subprocess
import sys
import tempfile
from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Context, Decimal, localcontext

PLACES = Decimal("1e-12")  # dutycalc's Decimal keeps 12 places
CENTS = Decimal("0.01")

# Quantities every line declares (one column per unit family the rates use).
QUANTITY_COLUMNS = {"kg": "quantity_kg", "l": "quantity_l", "No.": "quantity_no"}
# Rate units: (how the rate text writes it, quantity column, factor from that column's unit).
RATE_UNITS = [("kg", "kg", Decimal(1)), ("t", "kg", Decimal("0.001")),
              ("liter", "l", Decimal(1)), ("No.", "No.", Decimal(1))]


def at_12(x):
    return x.quantize(PLACES, rounding=ROUND_HALF_EVEN)


def decimal_text(rng, whole_digits, places):
    """A random plain decimal with up to `whole_digits` digits before the point."""
    whole = rng.randrange(10 ** rng.randint(0, whole_digits))
    if places == 0:
        return str(whole)
    return f"{whole}.{rng.randrange(10 ** places):0{places}d}"


class Term:
    """One rate term: its text and how to compute it on a line (value, quantities by unit)."""

    def __init__(self, text, compute):
        self.text = text
        self.compute = compute


def ad_valorem(rng):
    if rng.random() < 0.25:
        denominator = rng.choice([2, 3, 4, 6, 7, 8, 9])
        # As schedules print them ("33 1/3%"); the grammar does not read a bare "1/3%".
        whole = rng.randrange(1, 100)
        numerator = rng.randrange(1, denominator)
        percent = Decimal(whole * denominator + numerator)
        divisor = Decimal(denominator)
        text = f"{whole} {numerator}/{denominator}%"
    else:
        text_number = decimal_text(rng, 2, rng.choice([0, 1, 2, 3]))
        percent, divisor = Decimal(text_number), Decimal(1)
        text = f"{text_number}%"
    return Term(text, lambda line: at_12(line["value"] * percent / (100 * divisor)))


def specific(rng):
    unit_text, column_unit, factor = rng.choice(RATE_UNITS)
    style = rng.choice(["cents", "dollars", "code", "per100"])
    number = decimal_text(rng, 2, rng.choice([0, 1, 2]))
    per = Decimal(1)
    if style == "cents":
        amount = Decimal(number) / 100
        text = f"{number}¢/{unit_text}" if unit_text != "No." else f"{number}¢ each"
    elif style == "dollars":
        amount = Decimal(number)
        text = f"${number}/{unit_text}"
    elif style == "code":
        amount = Decimal(number)
        text = f"{number} USD/{unit_text}"
    else:
        unit_text, column_unit, factor = "kg", "kg", Decimal(1)
        amount, per = Decimal(number), Decimal(100)
        text = f"{number} USD/100 kg"

    def compute(line):
        quantity = at_12(line["quantities"][column_unit] * factor)
        return at_12(amount * quantity / per)

    return Term(text, compute)


def simple(rng):
    return ad_valorem(rng) if rng.random() < 0.5 else specific(rng)


def compound(rng):
    terms = [simple(rng) for _ in range(rng.randint(2, 3))]
    return Term(" + ".join(t.text for t in terms),
                lambda line: sum((t.compute(line) for t in terms), Decimal(0)))


def clause(rng):
    """'A MIN B' (a floor: the greater), 'A MAX B' (a cap: the lesser), or both."""
    base, other = simple(rng), simple(rng)
    kind = rng.choice(["MIN", "MAX", "both"])
    if kind == "MIN":
        return Term(f"{base.text} MIN {other.text}",
                    lambda line: max(base.compute(line), other.compute(line)))
    if kind == "MAX":
        return Term(f"{base.text} MAX {other.text}",
                    lambda line: min(base.compute(line), other.compute(line)))
    cap = simple(rng)
    return Term(f"{base.text} MIN {other.text} MAX {cap.text}",
                lambda line: min(max(base.compute(line), other.compute(line)), cap.compute(line)))


def function(rng):
    name = rng.choice(["max", "min"])
    args = [rng.choice([simple, simple, compound])(rng) for _ in range(rng.randint(2, 3))]
    pick = max if name == "max" else min
    return Term(f"{name}({', '.join(a.text for a in args)})",
                lambda line: pick(a.compute(line) for a in args))


def expression(rng):
    return rng.choices([ad_valorem, specific, compound, clause, function],
                       weights=[3, 3, 2, 1, 1])[0](rng)


def line_values(rng):
    # Small values often, so that half-cent ties come up; large ones to exercise the range.
    value = decimal_text(rng, rng.choice([1, 2, 4, 7, 10]), rng.choice([0, 1, 2]))
    quantities = {unit: decimal_text(rng, rng.choice([1, 3, 6]), rng.choice([0, 1, 2, 3]))
                  for unit in QUANTITY_COLUMNS}
    return value, quantities


SCHEDULE_TOML = """format = 1
name = "oracle"
title = "Random rates for the arithmetic oracle (tests/oracle/price_oracle.py)"
currency = "USD"
valuation = "transaction-value"
coverage = "general rates drawn at random; nothing else"

[rounding]
places = 2
mode = "half-up"
point = "each duty amount per line"

[[edition]]
id = "Oracle"
effective = 2024-01-01
file = "lines.csv"
source = "generated by tests/oracle/price_oracle.py"
"""


def write_inputs(folder, rng, count):
    """The schedule (one 10-digit line per expression) and the manifest; returns the cases."""
    cases = []
    table = io.StringIO()
    table.write("# dutycalc lines format 1\n")
    writer = csv.writer(table, lineterminator="\n")
    writer.writerow(["hs_code", "indent", "description", "units", "general", "special",
                     "column2", "footnotes"])
    manifest = io.StringIO()
    manifest_writer = csv.writer(manifest, lineterminator="\n")
    manifest_writer.writerow(["hs_code", "origin", "value"] + list(QUANTITY_COLUMNS.values()))
    for i in range(count):
        code = f"01{i:08d}"
        rate = expression(rng)
        value, quantities = line_values(rng)
        writer.writerow([code, 0, f"oracle line {i}", "kg", rate.text, "", "", ""])
        manifest_writer.writerow([code, "DE", value] + [quantities[u] for u in QUANTITY_COLUMNS])
        cases.append((code, rate, value, quantities))
    (folder / "schedule").mkdir()
    (folder / "schedule" / "schedule.toml").write_text(SCHEDULE_TOML, encoding="utf-8")
    (folder / "schedule" / "lines.csv").write_text(table.getvalue(), encoding="utf-8")
    (folder / "manifest.csv").write_text(manifest.getvalue(), encoding="utf-8")
    return cases


def expected(rate, value, quantities):
    line = {"value": Decimal(value), "quantities": {u: Decimal(q) for u, q in quantities.items()}}
    duty = rate.compute(line).quantize(CENTS, rounding=ROUND_HALF_UP)
    return duty, Decimal(value) + duty


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dutycalc")
    parser.add_argument("--lines", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=20240315)
    args = parser.parse_args()
    rng = random.Random(args.seed)

    with localcontext(Context(prec=80)), tempfile.TemporaryDirectory() as tmp:
        folder = pathlib.Path(tmp)
        cases = write_inputs(folder, rng, args.lines)
        dutycalc = str(pathlib.Path(args.dutycalc).resolve())  # it runs in the temporary folder
        run = subprocess.run([dutycalc, "price", "manifest.csv", "--schedule", "./schedule",
                              "--date", "2024-03-15", "--format", "csv"],
                             cwd=folder, capture_output=True, text=True, encoding="utf-8")
        if run.returncode != 0:
            print(f"dutycalc exited {run.returncode}:\n{run.stderr[:4000]}")
            return 1
        records = list(csv.DictReader(io.StringIO(run.stdout)))
        if len(records) != len(cases):
            print(f"expected {len(cases)} records, got {len(records)}")
            return 1
        differences = []
        for (code, rate, value, quantities), record in zip(cases, records):
            duty, landed = expected(rate, value, quantities)
            got = (record["status"], record["base_duty"], record["landed_cost"])
            want = ("ok", f"{duty:.2f}", f"{landed:.2f}")
            if got != want:
                differences.append(f"{code} rate {rate.text!r} value {value} quantities "
                                   f"{quantities}: dutycalc {got}, oracle {want} "
                                   f"({record['message']})")
    if differences:
        print(f"{len(differences)} of {len(cases)} lines differ; the first:")
        print("\n".join(differences[:20]))
        return 1
    print(f"{len(cases)} lines, seed {args.seed}: every base_duty and landed_cost agrees")
    return 0


if __name__ == "__main__":
    sys.exit(main())
