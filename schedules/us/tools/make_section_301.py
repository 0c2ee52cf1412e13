#!/usr/bin/env python3
"""Writes schedules/us/section-301.toml from the Section 301 code lists.

Run from the repository root:  python3 schedules/us/tools/make_section_301.py
It reads ../shared/data/us-301/lists-2020.csv and lists-current.csv (columns
list,heading,hts8,rate,effective_from,effective_to,source,scope; see their SOURCES.md) and
../shared/FACTS-US-301.md for the dates and rates written below. Output is deterministic.

How the two lists are combined (issue 9, item 4):
- A code listed in only one file is matched as the manifest gives it: a 2020 code that the 2022
  nomenclature renumbered still matches an entry that declares it, and a newer code matches too.
- Where the official 2020 table (S1) splits an 8-digit subheading by statistical number, its
  10-digit codes are used and the 8-digit row of lists-current.csv is not: that row's "except the
  statistical numbers named in note 20(g)" and "10-digit only" scopes do not name the numbers, and
  using both would put one good on two lists.
- A code that the 2024 review (note 31) moved keeps its note-20 measure; the note-31 measure
  `replaces` it from its start. lists-current.csv's inferred end dates (the day before the
  note-31 start, UNSOURCED) give the same result, which this script checks.
"""
import csv
import os
import re
import sys
from collections import defaultdict

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
DATA = os.path.join(ROOT, "..", "shared", "data", "us-301")
OUT = os.path.join(ROOT, "schedules", "us", "section-301.toml")

TEN = re.compile(r"(\d{4}\.\d{2}\.\d{4})|\.(\d{4})")


def read(name):
    with open(os.path.join(DATA, name), newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def ten_digit_codes(row):
    """The 10-digit codes a "10-digit only: ..." scope names ('.9844' continues the last code)."""
    scope = row["scope"]
    if not scope.startswith("10-digit only:"):
        return None
    codes, last = [], None
    for full, suffix in TEN.findall(scope):
        if full:
            last = full[:7]  # "6307.90": ".9844" is the rest of a 10-digit number
            codes.append(full)
        elif last:
            codes.append(f"{last}.{suffix}")
    return codes or None


def dotted10(code):  # 6307.90.9842 -> 6307.90.98.42 (the schedule's writing)
    return code[:10] + "." + code[10:] if len(code) == 12 else code


def collect():
    """heading -> rate period (rate, from, to) -> set of codes, and the unverified rows apart."""
    old, cur = read("lists-2020.csv"), read("lists-current.csv")
    for r in cur:
        r["current"] = True
    listed_2020 = {(r["hts8"], r["heading"]) for r in old}
    split_2020 = defaultdict(lambda: defaultdict(set))  # hts8 -> heading -> 10-digit codes
    for r in old:
        tens = ten_digit_codes(r)
        if tens:
            split_2020[r["hts8"]][r["heading"]].update(tens)
    codes = defaultdict(set)       # heading -> codes (8 or 10 digits, dotted)
    unverified = defaultdict(set)  # (heading, from, to) -> codes, from S3 only
    for r in old + cur:
        h = r["heading"]
        if r.get("current") and "UNVERIFIED list" in r["source"]:
            tens = ten_digit_codes(r)
            unverified[(h, r["effective_from"], r["effective_to"])].update(
                dotted10(c) for c in (tens or [r["hts8"]]))
            continue
        tens = ten_digit_codes(r)
        if tens:
            codes[h].update(dotted10(c) for c in tens)
        elif r["hts8"] in split_2020 and r.get("current") and h.startswith("9903.88"):
            # 8-digit row of the current list over a subheading S1 splits: S1's codes.
            codes[h].update(dotted10(c) for c in split_2020[r["hts8"]].get(h, ()))
        elif r["scope"].startswith("10-digit only") and (r["hts8"], h) in listed_2020:
            pass  # the statistical numbers are not named: S1's coverage of the subheading stands
        elif r["scope"].startswith("10-digit only"):
            sys.exit(f"10-digit scope without codes: {r}")
        else:
            codes[h].add(r["hts8"])
    return codes, unverified


def overlaps(a, b):
    return any(x.startswith(y) or y.startswith(x) for x in a for y in b)


def check(codes):
    """No good on two note-20 lists, and every inferred end date is a note-31 start."""
    note20 = ["9903.88.01", "9903.88.02", "9903.88.03", "9903.88.04", "9903.88.15"]
    by8 = defaultdict(list)
    for h in note20:
        for c in codes[h]:
            by8[c[:10]].append((h, c))
    for hts8, items in by8.items():
        heads = {h for h, _ in items}
        if len(heads) > 1 and overlaps([c for h, c in items if h == min(heads)],
                                       [c for h, c in items if h != min(heads)]):
            sys.exit(f"{hts8} is on two lists: {items}")
    starts = {"2024-09-26": "2024-09-27", "2024-12-31": "2025-01-01", "2025-12-31": "2026-01-01"}
    for r in read("lists-current.csv"):
        if r["heading"] in note20 and r["effective_to"] not in ("", "2019-05-09", "2020-02-13"):
            start = starts.get(r["effective_to"])
            movers = [h for h, (_, f, _t) in NOTE31.items() if f == start and r["hts8"] in codes[h]]
            if not movers:
                sys.exit(f"{r['hts8']} leaves {r['heading']} on {r['effective_to']} with no note-31 measure")


# Note 31 (2024 four-year review): heading -> (rate, from, to), from FACTS-US-301 §2.
NOTE31 = {
    "9903.91.01": ("25", "2024-09-27", None),
    "9903.91.02": ("50", "2024-09-27", None),
    "9903.91.03": ("100", "2024-09-27", None),
    "9903.91.04": ("25", "2025-01-01", "2026-01-01"),
    "9903.91.05": ("50", "2025-01-01", None),
    "9903.91.06": ("25", "2026-01-01", None),
    "9903.91.07": ("50", "2026-01-01", None),
    "9903.91.08": ("100", "2026-01-01", None),
    "9903.91.11": ("25", "2025-01-01", None),
}
NOTE31_TEXT = {
    "9903.91.01": ("critical minerals, steel, aluminum, battery parts", "note 31(b)"),
    "9903.91.02": ("solar cells", "note 31(c)"),
    "9903.91.03": ("electric and hybrid vehicles, syringes and needles", "note 31(d)"),
    "9903.91.04": ("disposable textile face masks", "note 31(e)"),
    "9903.91.05": ("polysilicon, wafers, semiconductors", "note 31(f)(i)"),
    "9903.91.06": ("natural graphite, permanent magnets, lithium-ion batteries", "note 31(g)"),
    "9903.91.07": ("respirators and face masks", "note 31(h)"),
    "9903.91.08": ("medical gloves", "note 31(i)"),
    "9903.91.11": ("tungsten products", "note 31(j)"),
}
S31 = ("U.S. note 31 of HTS chapter 99 (2026 Rev. 12, S2), 2024 four-year review, 89 FR 76581 "
       "(FR Doc 2024-21217, 2024-09-18); rate: heading text (S4)")


def toml_list(codes):
    items = sorted(codes)
    lines, line = [], "products = ["
    for i, c in enumerate(items):
        piece = f'"{c}"' + (", " if i + 1 < len(items) else "]")
        if len(line) + len(piece) > 100:
            lines.append(line.rstrip())
            line = "  "
        line += piece
    lines.append(line)
    return "\n".join(lines)


def measure(out, mid, title, heading, rate, codes, frm, to=None, source="", replaces=(),
            unconfirmed=None, exported_before=None, comment=None):
    if comment:
        out.append("\n".join("# " + c for c in comment.split("\n")))
    out.append("[[measure]]")
    out.append(f'id = "{mid}"')
    out.append(f'title = "{title}"')
    out.append('kind = "section-301"')
    out.append(f'heading = "{heading}"')
    out.append(f'rate = "The duty provided in the applicable subheading + {rate}%"')
    out.append(toml_list(codes))
    out.append('origins = ["CN"]')
    if replaces:
        out.append("replaces = [" + ", ".join(f'"{r}"' for r in replaces) + "]")
    if exported_before:
        out.append(f"exported_before = {exported_before}")
    out.append(f"from = {frm}")
    if to:
        out.append(f"to = {to}")
    out.append(f'source = "{source}"')
    if unconfirmed:
        out.append(f'unconfirmed = "{unconfirmed}"')
    out.append("")


def notice(out, nid, codes, frm, message, source, to=None, comment=None):
    if comment:
        out.append("\n".join("# " + c for c in comment.split("\n")))
    out.append("[[notice]]")
    out.append(f'id = "{nid}"')
    out.append(toml_list(codes))
    out.append('origins = ["CN"]')
    out.append(f"from = {frm}")
    if to:
        out.append(f"to = {to}")
    out.append(f'message = "{message}"')
    out.append(f'source = "{source}"')
    out.append("")


HEADER = """\
format = 1
# Section 301 duties on products of China (19 U.S.C. 2411), 2018-07-06 to date, as dated rules.
# GENERATED: do not edit. Made from the repository root with
#   python3 schedules/us/tools/make_section_301.py
# from ../shared/data/us-301/{lists-2020.csv,lists-current.csv}; facts: FACTS-US-301.
#
# What the lists rest on (SOURCES.md S1-S5):
# - 2018-2020 (HTS 2020 codes): the USITC "China Tariffs" table of 2020-01-01 (S1), every row.
# - Current nomenclature (lists-current.csv): Lists 1 and 2 checked in full against the text of
#   U.S. notes 20(b) and 20(d) (S2); List 3 and List 4A only partly (S3 lists, S2 pages of 20(f),
#   20(s)); 9903.88.04 codes not checked. Note 31 (9903.91.xx) from the text of note 31 (S2).
# - A code in one file and not the other is matched by the code the manifest gives. Where S1
#   splits a subheading by statistical number (9903.88.04; 4901.99.00, 8517.62.00, 9401.69.60,
#   9401.71.00 in List 4A), only those 10-digit codes are listed: an entry that gives 8 digits
#   there gets no Section 301 duty, and one that gives a statistical number S1 does not name
#   neither.
# - Rates and dates: FACTS-US-301 §1-2 (S1, S4, S5). Each measure's source names them.
#
# Stacking (notes 20(a)/(c)/(e), 31(a)): the duty is added to the general rate, and stays when a
# preference is claimed (general note 3(c)(i)): the measures below add to whatever base rate the
# line is priced at. Chapter 98 is not on the lists; 9802 is flagged in coverage.toml.
# The 2024 review (note 31) replaces, not adds to, a code's note-20 rate (FACTS-US-301 §2): each
# note-31 measure `replaces` the note-20 measures. When each code left note 20 is UNSOURCED; the
# note-31 start is used.
#
# Left out: List 4B (9903.88.16, +15%, suspended and never collected: a notice says so);
# 9903.91.10 (what it covers is UNSOURCED), 9903.91.12-.16 and 9903.92.09/.10 (chassis and
# cranes from 2026-11-10: their split and some rates UNSOURCED), the 2027-06-23 increase of
# 9903.91.05 (amount not announced), and product exclusions (9903.88.05-.70: they turn on the
# goods' description): notices below. Goods exported before 2019-05-10 and entered from then
# pay List 3's 10% (9903.88.09) when the manifest gives export_date.
"""


def main():
    codes, unverified = collect()
    check(codes)
    out = [HEADER]
    s1 = "USITC China Tariffs table 2020-01-01 (S1)"
    l1, l2 = codes["9903.88.01"], codes["9903.88.02"]
    l3, l3p, l4a = codes["9903.88.03"], codes["9903.88.04"], codes["9903.88.15"]
    out.append("# ------------------------------------------------------------------------------\n"
               "# U.S. note 20: the 2018-2019 actions\n")
    measure(out, "s301-list1", "Section 301 List 1 (products of China)", "9903.88.01", 25, l1,
            "2018-07-06", source=f"U.S. note 20(a)/(b), heading 9903.88.01, 83 FR 28710; in force 2018-07-06 ({s1}); rate +25% (heading text, S4)",
            comment=f"List 1 (~$34B): {len(l1)} codes.")
    measure(out, "s301-list2", "Section 301 List 2 (products of China)", "9903.88.02", 25, l2,
            "2018-08-23", source=f"U.S. note 20(c)/(d), heading 9903.88.02, 83 FR 40823; in force 2018-08-23 ({s1}); rate +25% (note 20(c), S4)",
            comment=f"List 2 (~$16B): {len(l2)} codes.")
    l3src = "U.S. note 20(e)/(f), heading 9903.88.03, 83 FR 47974"
    measure(out, "s301-list3-10", "Section 301 List 3 (products of China), 10%", "9903.88.03", 10, l3,
            "2018-09-24", "2019-05-10", source=f"{l3src}; in force 2018-09-24 ({s1}); +10% to 2019-05-09, +25% from 2019-05-10 (CBP CSMS 19-000238 via nkinc.com, S5b)",
            comment=f"List 3 (~$200B): {len(l3)} codes, 10% then 25% from 2019-05-10.")
    measure(out, "s301-list3-25", "Section 301 List 3 (products of China)", "9903.88.03", 25, l3,
            "2019-05-10", source=f"{l3src}; +25% from 2019-05-10 (CBP CSMS 19-000238 via nkinc.com, S5b; heading text, S4)")
    l3psrc = "U.S. note 20(g), heading 9903.88.04"
    measure(out, "s301-list3-partial-10", "Section 301 List 3, statistical numbers of note 20(g), 10%",
            "9903.88.04", 10, l3p, "2018-09-24", "2019-05-10",
            source=f"{l3psrc}; in force 2018-09-24, 10-digit codes ({s1}); +10% to 2019-05-09 (S5b)",
            comment=f"9903.88.04: {len(l3p)} ten-digit codes of S1 (subheadings partly on List 3).")
    measure(out, "s301-list3-partial-25", "Section 301 List 3, statistical numbers of note 20(g)",
            "9903.88.04", 25, l3p, "2019-05-10",
            source=f"{l3psrc}; 10-digit codes ({s1}); +25% from 2019-05-10 (S5b, S4)")
    both = l3 | l3p
    trans = ("heading 9903.88.09, U.S. note 20(l): List 3 goods 'exported to the United States before "
             "May 10, 2019 and entered ... on or after May 10, 2019'")
    measure(out, "s301-list3-transition", "Section 301 List 3 transition: exported before 2019-05-10",
            "9903.88.09", 10, both, "2019-05-10", "2019-06-01",
            source=f"{trans}; +10% (heading text, S4); entered before June 1, 2019 (CBP CSMS 19-000238 via nkinc.com, S5b)",
            replaces=["s301-list3-25", "s301-list3-partial-25"], exported_before="2019-05-10",
            comment="List 3 goods exported before 2019-05-10 keep 10% when entered by the end date. The end\n"
                    "date was 2019-06-01 (CBP CSMS 19-000238); the heading text (S4) says before 2019-06-15,\n"
                    "but the notice that moved it is UNSOURCED: the extra two weeks are unconfirmed.\n"
                    "Without export_date the line is priced as exported on its entry date (25%), and says so.")
    measure(out, "s301-list3-transition-june", "Section 301 List 3 transition: exported before 2019-05-10",
            "9903.88.09", 10, both, "2019-06-01", "2019-06-15",
            source=f"{trans} 'and before June 15, 2019' (heading text, S4)",
            replaces=["s301-list3-25", "s301-list3-partial-25"], exported_before="2019-05-10",
            unconfirmed="end date 2019-06-15 per the heading text; CBP CSMS 19-000238 gave 2019-06-01 and the extension's notice is not in the sources")
    l4src = "U.S. note 20(r)/(s), heading 9903.88.15, 84 FR 43304, 84 FR 45821"
    measure(out, "s301-list4a-15", "Section 301 List 4A (products of China), 15%", "9903.88.15", 15, l4a,
            "2019-09-01", "2020-02-14", source=f"{l4src}; in force 2019-09-01 ({s1}); +15% (taggart-intl.com, S5c)",
            comment=f"List 4A (~$120B): {len(l4a)} codes, 15% then 7.5% from 2020-02-14.")
    measure(out, "s301-list4a-7.5", "Section 301 List 4A (products of China)", "9903.88.15", "7.5", l4a,
            "2020-02-14", source=f"{l4src}, 85 FR 3741; +7.5% from 2020-02-14 (rocktradelaw.com, S5c; heading text, S4)")

    out.append("# ------------------------------------------------------------------------------\n"
               "# U.S. note 31: the 2024 four-year review. Each replaces the note-20 rate of its codes.\n")
    note20 = ["s301-list1", "s301-list2", "s301-list3-10", "s301-list3-25", "s301-list3-partial-10",
              "s301-list3-partial-25", "s301-list4a-15", "s301-list4a-7.5"]
    for h, (rate, frm, to) in NOTE31.items():
        what, note = NOTE31_TEXT[h]
        comment = f"{h}: {len(codes[h])} codes."
        if h == "9903.91.03":
            comment += " Heading text: 'Except as provided in heading 9903.91.10' (UNSOURCED: a notice)."
        if h == "9903.91.05":
            comment += " Note 31(f)(ii): the rate rises on 2027-06-23 by an amount not yet announced."
        measure(out, "s301-" + h.replace("9903.", "").replace(".", "-"),
                f"Section 301 four-year review: {what}", h, rate, codes[h], frm, to,
                source=f"{note}, heading {h}; {S31}; in force {frm}", replaces=note20, comment=comment)
    for (h, frm, to), cs in sorted(unverified.items()):
        rate = NOTE31[h][0]
        end = {"2025-12-31": "2026-01-01"}[to]
        mid = "s301-" + h.replace("9903.", "").replace(".", "-") + "-s3"
        note = ("S3 lists these under heading 9903.91.01; note 31(b) items (1)-(4) were deleted"
                if h == "9903.91.01" else "S3 lists 4015.12.10 under 9903.91.05; note 31(f) item (3) was deleted (89 FR 101682)")
        measure(out, mid, "Section 301 four-year review (codes from S3 only)", h, rate,
                cs, frm, end, source=f"heading {h}; {S31}; codes: brendanxmac/hts-hero tariffs/china.ts (S3)",
                replaces=note20, unconfirmed=f"{note}; the codes and the end date are not confirmed by the note text",
                comment="UNVERIFIED in FACTS-US-301 §2: from the S3 list only, encoded unconfirmed so lines say so;\n"
                        "the end date is the start of the note-31 heading that now covers the codes.")

    out.append("# ------------------------------------------------------------------------------\n"
               "# What is not modelled, said on the lines it reaches.\n")
    l4b = set()
    for r in read("lists-2020.csv"):
        if r["heading"] == "9903.88.16":
            l4b.update(dotted10(c) for c in (ten_digit_codes(r) or [r["hts8"]]))
    notice(out, "s301-list4b-suspended", l4b, "2019-12-15",
           "Section 301 List 4B (9903.88.16, +15%) is suspended (84 FR 243) and was never collected: no duty",
           f"U.S. note 20(t)/(u), heading 9903.88.16; suspended per Federal Register notice of 2019-12-18, 84 FR 243 ({s1}; heading text, S4); planned date 2019-12-15 (taggart-intl.com, S5c)",
           comment=f"List 4B: {len(l4b)} codes of S1, planned for 2019-12-15 and suspended before it started.")
    # One notice per first date a code was on a list, so that no line is flagged before then.
    starts = {"9903.88.01": "2018-07-06", "9903.88.02": "2018-08-23", "9903.88.03": "2018-09-24",
              "9903.88.04": "2018-09-24", "9903.88.15": "2019-09-01"}
    starts.update({h: f for h, (_, f, _t) in NOTE31.items()})
    first = {}
    for h, cs in list(codes.items()) + [(h, cs) for (h, _f, _t), cs in unverified.items()]:
        for c in cs if h in starts else ():
            first[c] = min(first.get(c, "9999"), starts[h])
    for c in [c for c in first if len(c) > 10 and first.get(c[:10], "9999") <= first[c]]:
        del first[c]  # its 8-digit subheading is flagged from an earlier date already
    for day in sorted(set(first.values())):
        notice(out, f"s301-exclusions-{day}", {c for c, d in first.items() if d == day}, day,
               "not included: Section 301 product exclusions (9903.88.05-.70), which depend on the goods' description",
               "headings 9903.88.05-.70, U.S. note 20(vvv)/(www) (heading texts, S4; FACTS-US-301 §3)",
               comment="Exclusions are granted by product description, which a manifest does not carry:\n"
                       f"the codes first on a list on {day}.")
    notice(out, "s301-9903-91-10", codes["9903.91.03"], "2024-09-27",
           "heading 9903.91.03 applies 'except as provided in heading 9903.91.10', which is not modelled",
           "heading 9903.91.03 text (S4); what 9903.91.10 covers is not in the sources")
    notice(out, "s301-9903-91-05-increase", codes["9903.91.05"], "2027-06-23",
           "not included: the increase of the Section 301 rate of 9903.91.05 due on 2027-06-23 (note 31(f)(ii))",
           "U.S. note 31(f)(ii) (S2): the rate 'shall be increased on June 23, 2027'")
    notice(out, "s301-chassis-cranes-2026", ["8716.39.00.90", "8716.90.30", "8716.90.50", "8426.19.00"],
           "2026-11-10",
           "not included: Section 301 duties on intermodal chassis and ship-to-shore cranes (9903.91.12-.16, 9903.92.09/.10)",
           "U.S. note 31(k)/(l) (S2); headings 9903.91.12-.16 'on or after November 10, 2026' (S4)")
    with open(OUT, "w", encoding="utf-8") as f:
        f.write("\n".join(out))
    for h in sorted(codes):
        print(h, len(codes[h]), file=sys.stderr)
    for k, v in sorted(unverified.items()):
        print(k, sorted(v), file=sys.stderr)


if __name__ == "__main__":
    main()
