"""A ledger another process holds locked (BEGIN EXCLUSIVE): dutycalc waits --lock-timeout, then
fails with a clear message and exit 2, leaving the file untouched; once the lock goes, it works."""
import os
import sqlite3
import time

from ledger_common import DRIVER, DUTYCALC, SCHEDULE, check, expect, fingerprint, run, scratch

with scratch() as tmp:
    ledger = os.path.join(tmp, "ledger.db")
    expect(run(DRIVER, ledger, "draw", "Q", "2022", "E0", "50"), 0)
    before = fingerprint(ledger)
    holder = sqlite3.connect(ledger, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")

    message = f"dutycalc: error: {ledger}: is locked by another dutycalc run (waited 0.3 s)\n"
    for args in (["quota", "status", "--ledger", ledger, "--format", "csv"],
                 ["quota", "set", "steel-quarterly", "--drawn", "1", "--period", "2022-Q3",
                  "--ledger", ledger],
                 ["quota", "reset", "--ledger", ledger]):
        started = time.monotonic()
        result = run(DUTYCALC, *args, "--schedule", SCHEDULE, "--lock-timeout", "0.3")
        waited = time.monotonic() - started
        expect(result, 2, stdout="", stderr=message)
        check(waited >= 0.3, f"gave up after {waited:.2f} s, before the timeout")
    expect(run(DRIVER, ledger, "draw", "Q", "2022", "E1", "5", "--lock-timeout-ms", "200"), 2,
           stderr=f"ledger_driver: error: {ledger}: is locked by another dutycalc run (waited 0.2 s)\n")
    check(fingerprint(ledger) == before, "the locked ledger was changed")

    holder.execute("ROLLBACK")
    holder.close()
    expect(run(DRIVER, ledger, "draw", "Q", "2022", "E1", "5", "--lock-timeout-ms", "200"), 0,
           stdout="read 50\ndrew 5\n")
print("ok")
