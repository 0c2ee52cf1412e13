#!/usr/bin/env python3
"""Writes the HTS JSON test data of this folder (see README.md); deterministic.

Run from the repository root: python3 tests/data/importers/make_hts_json_fixtures.py
It reads ../shared/data/us-hts/ (the USITC HTS 2024 Basic Edition CSV and the verbatim JSON sample
records) and writes:
- hts_2024_json_excerpt.csv: records of the CSV, each byte for byte (every field quoted, CRLF:
  re-writing all 35,744 records this way reproduces the file exactly, which main() checks), after
  the file's byte-order mark and header;
- hts_2024_json_excerpt.json: the same records in the USITC JSON export's shape, one per line;
- hts_json_sample.json: the twelve sample records as the export holds them, a bare array.
"""
import csv
import io
import json
import pathlib

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent.parent.parent
SHARED = ROOT.parent / "shared/data/us-hts"
CSV_SOURCE = SHARED / "hts_2024_basic_edition.csv"
SAMPLE_SOURCE = SHARED / "hts_json_sample_records.json"

# Whole headings, from the first record of the first to the record before the second.
RANGES = [("7201", "7211"),  # iron and steel: pig iron to flat-rolled, clad or coated
          ("7601", "7801")]  # aluminum, all of chapter 76
# Single records for what the ranges lack: markup, entities, line breaks and tabs in fields,
# non-ASCII text, the Quota Quantity and Additional Duties columns.
SINGLE_CODES = [
    "0208.60.00.00",  # <i>
    "0302.45.11.00",  # <il>
    "0302.81.00.11",  # <u>
    "0505",           # <br />
    "0511.99.30.30",  # a line break inside the description
    "0712.31",        # <em style=...>
    "0806.10.20",     # m<sup>3</sup> in the rates
    "0806.10.20.05",  # <sup style=...> in the units
    "2309.90.70.00",  # <sub>
    "2610.00.00.20",  # <\/sub>
    "2903.62.10.00",  # special column broken over two lines
    "2935.90.06.00",  # <newline>
    "3104.20.00.10",  # <sub style=...>
    "3204.12.50.10",  # FD&C
    "3921.12.15.00",  # <\/u>
    "4203.29.05.00",  # <\/il>
    "9902.08.05",     # non-ASCII punctuation
    "9902.09.28",     # a tab
    "9903.19.23",     # <b>
    "9904.02.01",     # Additional Duties column
    "9904.02.02",
]
SINGLE_HEADING_TEXT = '<span style="line-height: normal;">Petroleum oils'  # a superior row


def read_csv():
    with open(CSV_SOURCE, encoding="utf-8-sig", newline="") as f:
        text = f.read()
    header, body = text.split("\n", 1)
    records = list(csv.reader(io.StringIO(body, newline="")))
    if write_records(records) != body:
        raise SystemExit("re-writing the CSV records does not reproduce the file")
    return header + "\n", records


def write_records(records):
    out = io.StringIO()
    writer = csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    for record in records:
        writer.writerow(record)
    return out.getvalue()


def select(records):
    def first(prefix):
        return next(i for i, r in enumerate(records) if r[0].startswith(prefix))

    chosen = set()
    for start, end in RANGES:
        chosen.update(range(first(start), first(end)))
    codes = {r[0]: i for i, r in enumerate(records)}
    chosen.update(codes[code] for code in SINGLE_CODES)
    chosen.add(next(i for i, r in enumerate(records)
                    if r[0] == "" and r[2].startswith(SINGLE_HEADING_TEXT)))
    return [records[i] for i in sorted(chosen)]


def sample_records():
    return json.loads(SAMPLE_SOURCE.read_text(encoding="utf-8"))["records"]


def json_record(record, footnotes_by_code):
    """A CSV record in the JSON export's shape: keys and their order as in the sample records."""
    number, indent, description, units, general, special, other, quota, additional = record
    superior = number == ""
    return {
        "htsno": number,
        "indent": indent,
        "description": description,
        "superior": "true" if superior else None,
        "units": json.loads(units) if units else [],
        "general": general,
        "special": special,
        "other": other,
        # The CSV has no footnotes. Codes that are also among the sample records carry theirs (a
        # later revision's), so that the comparison with the CSV has footnotes to leave aside.
        "footnotes": None if superior else footnotes_by_code.get(number, []),
        "quotaQuantity": quota or None,
        "additionalDuties": additional or None,
        "addiitionalDuties": None,
    }


def main():
    header, records = read_csv()
    chosen = select(records)
    (HERE / "hts_2024_json_excerpt.csv").write_bytes(
        ("\ufeff" + header + write_records(chosen)).encode("utf-8"))

    samples = sample_records()
    footnotes_by_code = {r["htsno"]: r["footnotes"] for r in samples if r["htsno"]}
    lines = [json.dumps(json_record(r, footnotes_by_code), ensure_ascii=False) for r in chosen]
    (HERE / "hts_2024_json_excerpt.json").write_text("[\n" + ",\n".join(lines) + "\n]\n",
                                                     encoding="utf-8")
    (HERE / "hts_json_sample.json").write_text(
        json.dumps(samples, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
