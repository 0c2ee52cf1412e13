"""dutycalc price --ledger and quota status|set|reset on one ledger, with the test schedule in
tests/data/quota/schedule: two pricing runs at once draw the last of a quota exactly (one in full,
the other split where the quota runs out), a repeated run does not draw twice, a dry run draws
nothing, and set/reset change what status shows."""
import os
import subprocess

from ledger_common import DUTYCALC, SCHEDULE, check, expect, run, scratch

HEADER = "quota,title,period,first_day,last_day,volume,unit,drawn,left,status\n"
MILK = "milk-value,Milk powder value quota (test),2022/23,2022-07-01,2023-06-30,50000.00,USD,"


def steel(drawn, left, status):
    return (f"steel-quarterly,Flat steel quota (test),2022-Q3,2022-07-01,2022-09-30,1000,kg,"
            f"{drawn},{left},{status}\n")


def status(ledger):
    return run(DUTYCALC, "quota", "status", "--schedule", SCHEDULE, "--ledger", ledger,
               "--date", "2022-08-15", "--format", "csv")


def price_args(manifest, ledger, *more):
    return [DUTYCALC, "price", manifest, "--schedule", SCHEDULE, "--ledger", ledger,
            "--format", "csv", *more]


def quota_column(output):
    lines = output.splitlines()
    column = lines[0].split(",").index("quota")
    return [line.split(",")[column] for line in lines[1:]]


with scratch() as tmp:
    ledger = os.path.join(tmp, "ledger.db")
    manifests = {}
    for entry, kg in (("A1", 600), ("B1", 700), ("C1", 100)):
        manifests[entry] = os.path.join(tmp, f"{entry}.csv")
        with open(manifests[entry], "w") as f:
            f.write("entry,hs_code,origin,value,quantity_kg,date\n"
                    f"{entry},7208.51.00,JP,1000.00,{kg},2022-08-01\n")

    runs = [subprocess.Popen(price_args(manifests[e], ledger), stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True) for e in ("A1", "B1")]
    outputs = []
    for p in runs:
        out, err = p.communicate(timeout=120)
        check(p.returncode == 0, f"a pricing run failed: {err}")
        outputs.append(quota_column(out)[0])
    # A1 (600 kg) then B1 (700 kg): B1 splits 400/300; B1 first: A1 splits 300/300.
    check(sorted(outputs) in (["steel-quarterly in", "steel-quarterly split:300/300"],
                              ["steel-quarterly in", "steel-quarterly split:400/300"]),
          f"quota columns {outputs}")
    expect(status(ledger), 0, stdout=HEADER + steel("1000", "0", "exhausted") + MILK +
           "0.00,50000.00,open\n")

    # Pricing A1 again replaces its draw: the total stays at the volume.
    expect(run(*price_args(manifests["A1"], ledger)), 0)
    expect(status(ledger), 0, stdout=HEADER + steel("1000", "0", "exhausted") + MILK +
           "0.00,50000.00,open\n")

    # A dry run prices against the ledger and keeps nothing.
    dry = run(*price_args(manifests["C1"], ledger, "--dry-run"))
    expect(dry, 0)
    check(quota_column(dry.stdout) == ["steel-quarterly over"], f"dry run: {dry.stdout}")

    # An official level replaces what was drawn; later runs draw on top of it.
    expect(run(DUTYCALC, "quota", "set", "steel-quarterly", "--drawn", "850.5", "--period", "2022-Q3",
               "--ledger", ledger, "--schedule", SCHEDULE), 0,
           stdout="quota steel-quarterly 2022-Q3: official fill level 850.5 recorded\n")
    expect(status(ledger), 0, stdout=HEADER + steel("850.5", "149.5", "open") + MILK +
           "0.00,50000.00,open\n")
    expect(run(*price_args(manifests["C1"], ledger)), 0)
    expect(status(ledger), 0, stdout=HEADER + steel("950.5", "49.5", "critical") + MILK +
           "0.00,50000.00,open\n")

    expect(run(DUTYCALC, "quota", "reset", "steel-quarterly", "--period", "2022-Q1",
               "--ledger", ledger, "--schedule", SCHEDULE), 0, stdout="nothing to reset\n")
    expect(run(DUTYCALC, "quota", "reset", "steel-quarterly", "--period", "2022-Q3",
               "--ledger", ledger, "--schedule", SCHEDULE), 0, stdout="reset 1 quota period\n")
    expect(status(ledger), 0, stdout=HEADER + steel("0", "1000", "open") + MILK +
           "0.00,50000.00,open\n")
    expect(run(DUTYCALC, "quota", "reset", "--ledger", ledger, "--schedule", SCHEDULE), 0,
           stdout="nothing to reset\n")
print("ok")
