"""Files that are not this program's ledger: every quota command exits 2 with the exact
message, and the file is left byte for byte as it was, with no journal beside it."""
import os
import sqlite3

from ledger_common import DUTYCALC, SCHEDULE, check, expect, fingerprint, no_journal, run, scratch

with scratch() as tmp:
    cases = []
    csv = os.path.join(tmp, "notadb.db")
    with open(csv, "w") as f:
        f.write("hs_code,origin,value\n7208.51.0030,JP,100\n")
    cases.append((csv, "not a dutycalc ledger (file is not a database)"))

    other = os.path.join(tmp, "other.db")
    with sqlite3.connect(other) as db:
        db.execute("CREATE TABLE customers(name TEXT)")
    cases.append((other, "not a dutycalc ledger (a SQLite database without dutycalc's tables)"))

    newer = os.path.join(tmp, "newer.db")
    expect(run(DUTYCALC, "quota", "reset", "--ledger", newer, "--schedule", SCHEDULE), 0,
           stdout="nothing to reset\n")
    check(not os.path.exists(newer), "reset created a ledger that did not exist")
    with sqlite3.connect(newer) as db:
        db.executescript("CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);"
                         "INSERT INTO meta VALUES ('ledger_format', '7');"
                         "CREATE TABLE draws2(x); ")
    cases.append((newer, "ledger format 7 is newer than this dutycalc reads (format 1); "
                         "use a newer dutycalc"))

    for path, message in cases:
        before = fingerprint(path)
        for args in (["quota", "status", "--ledger", path],
                     ["quota", "set", "milk-value", "--drawn", "5", "--period", "2022/23",
                      "--ledger", path],
                     ["quota", "reset", "--ledger", path],
                     ["quota", "reset", "--ledger", path, "--period", "2022"]):
            expect(run(DUTYCALC, *args, "--schedule", SCHEDULE), 2, stdout="",
                   stderr=f"dutycalc: error: {path}: {message}\n")
        check(fingerprint(path) == before, f"{path} was changed")
        no_journal(path)
print("ok")
