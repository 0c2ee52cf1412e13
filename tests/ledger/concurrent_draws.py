"""Several processes draw on the last of one quota at once: each run reads the balance, pauses,
then draws what is left. Runs serialize on the ledger, so together they draw exactly the volume
and no run over-draws (without serializing, every run would read 0 and draw its full amount)."""
import os
import sqlite3
import subprocess
from decimal import Decimal

from ledger_common import DRIVER, check, expect, run, scratch

with scratch() as tmp:
    ledger = os.path.join(tmp, "ledger.db")
    # 70 tonnes of a 100-tonne quota are gone; five entries want 12.5 t each of the last 30.
    expect(run(DRIVER, ledger, "draw", "Q", "2022-Q3", "E0", "70000"), 0)
    runs = [subprocess.Popen([DRIVER, ledger, "draw", "Q", "2022-Q3", f"E{i}", "12500",
                              "--volume", "100000", "--pause-ms", "200"],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for i in range(1, 6)]
    drew = []
    for p in runs:
        out, err = p.communicate(timeout=60)
        check(p.returncode == 0, f"a run failed: {err}")
        read, took = out.splitlines()
        drew.append((Decimal(read.split()[1]), Decimal(took.split()[1])))
    # In the order the runs got the ledger, each saw what the earlier ones drew.
    drew.sort()
    check([d for _, d in drew] == [Decimal("12500"), Decimal("12500"), Decimal("5000"),
                                   Decimal("0"), Decimal("0")], f"draws {drew}")
    check([r for r, _ in drew] == [Decimal("70000"), Decimal("82500"), Decimal("95000"),
                                   Decimal("100000"), Decimal("100000")], f"reads {drew}")
    expect(run(DRIVER, ledger, "drawn", "Q", "2022-Q3"), 0, stdout="100000\n")
    with sqlite3.connect(ledger) as db:
        rows = db.execute("SELECT entry, amount, typeof(amount) FROM draws ORDER BY entry").fetchall()
    check(sum(Decimal(a) for _, a, _ in rows) == Decimal("100000"), f"rows {rows}")
    check(all(t == "text" for _, _, t in rows), f"amounts not stored as text: {rows}")

    # Two runs creating a new ledger at the same moment both succeed, one after the other.
    fresh = os.path.join(tmp, "fresh.db")
    runs = [subprocess.Popen([DRIVER, fresh, "draw", "Q", "2022", f"E{i}", "60", "--volume", "100",
                              "--pause-ms", "100"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True) for i in range(2)]
    for p in runs:
        out, err = p.communicate(timeout=60)
        check(p.returncode == 0, f"a run on a new ledger failed: {err}")
    expect(run(DRIVER, fresh, "drawn", "Q", "2022"), 0, stdout="100\n")
print("ok")
