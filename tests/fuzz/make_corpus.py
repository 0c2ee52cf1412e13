#!/usr/bin/env python3
"""Writes the seed corpora of the fuzz targets from real inputs in this repository.

Run from anywhere: python3 tests/fuzz/make_corpus.py. It rewrites the files named seed-* under
corpus/<target>/ and leaves every other file (regressions found by fuzzing: crash-*, and inputs
the fuzzers added) alone. Deterministic: the same repository gives the same seeds.
"""
import pathlib
import re
import subprocess
import sys

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent.parent
CORPUS = HERE / "corpus"

US_TABLE = ROOT / "schedules/us/hts-2024-basic-edition.csv"
RATE_TEXTS = ROOT / "tests/data/rate/hts_2024_rate_texts.txt"
PROSE_TEXTS = ROOT / "tests/data/rate/prose_texts.txt"
HTS_EXCERPT = ROOT / "tests/data/importers/hts_2024_excerpt.csv"
SCHEDULE_DATA = ROOT / "tests/data/schedule"


def unescape(text):
    """The escapes of tests/data/rate/*.txt: \\n, \\r, \\t, \\\\."""
    return re.sub(r"\\(.)", lambda m: {"n": "\n", "r": "\r", "t": "\t"}.get(m[1], m[1]), text)


def write_seeds(target, seeds):
    folder = CORPUS / target
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("seed-*"):
        old.unlink()
    for i, data in enumerate(seeds):
        if isinstance(data, str):
            data = data.encode("utf-8")
        (folder / f"seed-{i:03d}").write_bytes(data)


def manifest_seeds():
    # The first byte picks the delimiter and read block size (manifest_fuzz.cpp): '@' is ',' with
    # 1-byte reads, 'A' is ';'.
    seeds = []
    manifests = sorted((ROOT / "tests/cli").glob("*/*.csv"))
    manifests += [ROOT / "schedules/us/examples/shipments.csv"]
    for path in manifests:
        seeds.append(b"@" + path.read_bytes())
    example = (ROOT / "schedules/us/examples/shipments.csv").read_text(encoding="utf-8")
    seeds.append("A" + example.replace(",", ";"))
    seeds.append("@\ufeff" + example.replace("\n", "\r\n"))
    seeds.append("@hs_code,origin,value,quantity_kg,quantity_no,Quantity (pf. l),mode,program,"
                 "freight,insurance,melt_country,destination,export_date,currency\n"
                 "7208.51.00.30,jp,100000.00,80000,12,3.5,vessel,JP,100,10,KR,de,2024-01-02,usd\n")
    return seeds


def rate_seeds():
    seeds = []
    lines = RATE_TEXTS.read_text(encoding="utf-8").splitlines()
    # Every 10th distinct rate text of the HTS (general, special and column 2 alike).
    for line in lines[::10]:
        seeds.append(unescape(line.split("\t", 1)[1]))
    for line in PROSE_TEXTS.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            seeds.append(unescape(line))
    # Forms the HTS does not print but the grammar reads (SPEC §5).
    seeds += ["12 EUR/100 kg", "13.8% MIN 13 EUR/100 kg MAX 15 EUR/100 kg",
              "max(5%, 0.10 USD/kg)", "min(2%, $1/kg)", "33 1/3%",
              "The duty provided in the applicable subheading + 25%", "18.9¢/pf.liter"]
    return seeds


def us_table_chunks():
    """A few slices of the bundled US lines table, each with its format line and header."""
    lines = US_TABLE.read_text(encoding="utf-8").splitlines(keepends=True)
    head = "".join(lines[:2])
    chunks = []
    for prefix in ("0101", "0804", "2208", "6110", "7208", "9903"):
        start = next(i for i, line in enumerate(lines) if line.startswith(prefix))
        chunks.append(head + "".join(lines[start:start + 40]))
    return chunks


def lines_table_seeds():
    seeds = [(SCHEDULE_DATA / "good" / name).read_bytes() for name in ("tiny-2023.csv", "tiny-2024.csv")]
    return seeds + us_table_chunks()


def schedule_seeds():
    # schedule.toml, a.csv and b.csv separated by lines "=====" (schedule_fuzz.cpp).
    good = SCHEDULE_DATA / "good"
    tiny_2024 = (good / "tiny-2024.csv").read_text(encoding="utf-8")
    tiny_2023 = (good / "tiny-2023.csv").read_text(encoding="utf-8")
    seeds = []
    for folder in sorted(p for p in SCHEDULE_DATA.iterdir() if p.is_dir()):
        toml = (folder / "schedule.toml").read_text(encoding="utf-8")
        toml = toml.replace("tiny-2024.csv", "a.csv").replace("tiny-2023.csv", "b.csv")
        seeds.append(f"{toml}\n=====\n{tiny_2024}\n=====\n{tiny_2023}")
    us = (ROOT / "schedules/us/schedule.toml").read_text(encoding="utf-8")
    us = us.replace("hts-2024-basic-edition.csv", "a.csv")
    seeds.append(f"{us}\n=====\n{us_table_chunks()[4]}")
    return seeds


def hts_csv_seeds():
    text = HTS_EXCERPT.read_text(encoding="utf-8-sig")
    lines = text.splitlines(keepends=True)
    seeds = ["\ufeff" + text]
    for start in range(1, len(lines), 10):
        seeds.append(lines[0] + "".join(lines[start:start + 10]))
    return seeds


def eu_cn_seeds():
    text = (ROOT / "tests/data/importers/eu-cn-excerpt.csv").read_text(encoding="utf-8-sig")
    lines = text.splitlines(keepends=True)
    seeds = [text]
    for start in range(1, len(lines), 10):
        seeds.append(lines[0] + "".join(lines[start:start + 10]))
    return seeds


def hts_json_seeds():
    folder = ROOT / "tests/data/importers"
    seeds = [(folder / "hts_json_sample.json").read_bytes()]
    # The HTS 2024 excerpt in the JSON export's shape (one record a line), in 10-record arrays.
    records = (folder / "hts_2024_json_excerpt.json").read_text(encoding="utf-8").splitlines()[1:-1]
    records = [r.rstrip(",") for r in records]
    for start in range(0, len(records), 10):
        seeds.append("[\n" + ",\n".join(records[start:start + 10]) + "\n]\n")
    # What the export does not show but JSON allows: escapes, numbers, nesting, unknown keys.
    seeds.append('\ufeff[{"htsno": "7208.51.00.30", "indent": 3, "description": "\\u00e9\\uD83D'
                 '\\uDE00 \\"q\\" \\\\ \\/ \\b\\f\\n\\r\\t <sup>2<\\/sup> &amp;", '
                 '"superior": null, "units": ["kg", "m<sup>3</sup>", ""], "general": null, '
                 '"special": "Free (A,AU)", "other": "0.4\\u00a2/kg + 20%", "footnotes": '
                 '[{"columns": ["other", "general", "special"], "value": "See; 9903\\\\", '
                 '"type": "endnote"}, {"columns": null, "value": null}], "quotaQuantity": -1.5e+3, '
                 '"additionalDuties": [true, false, {"a": [[]]}], "new": {"x": 0}}]')
    return seeds


def price_seeds():
    # The first byte picks the default entry date, one or two copies and --strict (price_fuzz.cpp):
    # the seeds take '@' (0x40) to 'O' in turn, so each combination starts somewhere.
    manifests = []
    cli = ROOT / "tests/cli"
    for path in sorted(cli.glob("*/*.csv")) + sorted(cli.glob("*/stdin")):
        data = path.read_bytes()
        first_line = data.split(b"\n", 1)[0].lower()
        if path.name == "stdin" and not (b"hs" in first_line and b"origin" in first_line):
            continue  # importer inputs and JSON, not manifests
        if path.name == "rates.csv":
            continue  # exchange rates (--fx)
        if data not in manifests:
            manifests.append(data)
    # The benchmark's manifest (deterministic), in 200-line slices with its header.
    generator = ROOT / "tests/bench/generate_manifest.py"
    generated = subprocess.run([sys.executable, str(generator), "2000"], check=True,
                               capture_output=True).stdout
    lines = generated.splitlines(keepends=True)
    for start in range(1, len(lines), 200):
        manifests.append(lines[0] + b"".join(lines[start:start + 200]))
    return [bytes([0x40 + i % 16]) + data for i, data in enumerate(manifests)]


def rules_seeds():
    """Rule files as one input each (rules_fuzz.cpp): the bundled ones that name nothing outside
    themselves whole, the US Section 232 ones joined after the groups they name, Section 301's
    measures and notices one by one with their code lists cut to ten codes, and the rule files
    of tests/data/check (each with one kind of problem)."""
    def body(path):
        return re.sub(r"^format = 1\n", "", path.read_text(encoding="utf-8"), flags=re.M)

    us, eu = ROOT / "schedules/us", ROOT / "schedules/eu"
    seeds = ["format = 1\n" + body(us / "groups.toml") + body(us / "programmes.toml") +
             body(us / "section-232.toml") + body(us / "section-232-quotas.toml"),
             "format = 1\n" + body(us / "fees.toml"),
             "format = 1\n" + body(us / "coverage.toml")]
    seeds += ["format = 1\n" + body(eu / name) for name in ("rebalancing.toml", "safeguard.toml", "vat.toml")]
    tables = re.split(r"\n(?=\[\[)", body(us / "section-301.toml"))
    for table in tables[1:]:
        cut = re.sub(r"(products = \[(?:[^,\]]*,){9}[^,\]]*)[^\]]*\]", r"\1]", table, flags=re.S)
        seeds.append("format = 1\n" + cut)
    for case in sorted((ROOT / "tests/data/check").iterdir()):
        for path in sorted(case.glob("*.toml")):
            if path.name != "schedule.toml":
                seeds.append(path.read_bytes())
    return seeds


def main():
    write_seeds("manifest", manifest_seeds())
    write_seeds("rate", rate_seeds())
    write_seeds("lines_table", lines_table_seeds())
    write_seeds("schedule", schedule_seeds())
    write_seeds("hts_csv", hts_csv_seeds())
    write_seeds("eu_cn", eu_cn_seeds())
    write_seeds("hts_json", hts_json_seeds())
    write_seeds("price", price_seeds())
    write_seeds("rules", rules_seeds())


if __name__ == "__main__":
    main()
