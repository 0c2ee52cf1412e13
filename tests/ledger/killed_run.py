"""A run killed (SIGKILL) after it changed the ledger but before it finished: the ledger still
opens, reads as before the run, and its file is restored byte for byte."""
import os
import signal
import sqlite3
import subprocess

from ledger_common import DRIVER, check, expect, fingerprint, no_journal, run, scratch

with scratch() as tmp:
    ledger = os.path.join(tmp, "ledger.db")
    expect(run(DRIVER, ledger, "draw", "Q", "2022", "E0", "50"), 0)
    before = fingerprint(ledger)[0]
    # Enough entries that SQLite writes changed pages into the file before the commit.
    p = subprocess.Popen([DRIVER, ledger, "fill", "Q", "2022", "200000", "--pause-ms", "60000"],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    line = p.stdout.readline()
    if line != "filled\n":
        check(False, f"the run did not get to its pause: {line!r} {p.communicate()[1]}")
    check(os.path.exists(ledger + "-journal"), "no journal: the run wrote nothing to undo")
    p.send_signal(signal.SIGKILL)
    p.wait(timeout=30)
    check(fingerprint(ledger)[0] != before, "the killed run left the file as it was: test proves nothing")

    # The next run rolls the hot journal back.
    expect(run(DRIVER, ledger, "drawn", "Q", "2022"), 0, stdout="50\n")
    no_journal(ledger)
    check(fingerprint(ledger)[0] == before, "the file differs from before the killed run")
    with sqlite3.connect(ledger) as db:
        check(db.execute("PRAGMA integrity_check").fetchone() == ("ok",), "integrity check failed")
        check(db.execute("SELECT entry, amount FROM draws").fetchall() == [("E0", "50")], "rows changed")
    expect(run(DRIVER, ledger, "draw", "Q", "2022", "E1", "5"), 0, stdout="read 50\ndrew 5\n")
print("ok")
