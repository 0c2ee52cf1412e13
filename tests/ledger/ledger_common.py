"""Shared by the ledger process tests: paths from the command line, a scratch folder, and
checks that a file was left exactly as it was."""
import hashlib
import os
import subprocess
import sys
import tempfile

DRIVER, DUTYCALC = sys.argv[1], sys.argv[2]
# The quota commands run against this small test schedule, not the bundled one, so that these
# tests do not change when the bundled schedules do.
SCHEDULE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "quota", "schedule")


def scratch():
    """A fresh folder, removed when the test ends."""
    return tempfile.TemporaryDirectory(prefix="dutycalc-ledger-test-")


def fingerprint(path):
    """The file's bytes (as a hash) and modification time, to prove it was not touched."""
    with open(path, "rb") as f:
        digest = hashlib.sha256(f.read()).hexdigest()
    return digest, os.stat(path).st_mtime_ns


def run(*args, timeout=60):
    return subprocess.run(list(args), capture_output=True, text=True, timeout=timeout)


def check(condition, message):
    if not condition:
        print("FAIL:", message)
        sys.exit(1)


def expect(result, exit_code, stdout=None, stderr=None):
    """Compares a finished process's exit code and, when given, its whole stdout and stderr."""
    described = f"{result.args}: exit {result.returncode}\nstdout: {result.stdout!r}\nstderr: {result.stderr!r}"
    check(result.returncode == exit_code, f"expected exit {exit_code}; {described}")
    if stdout is not None:
        check(result.stdout == stdout, f"expected stdout {stdout!r}; {described}")
    if stderr is not None:
        check(result.stderr == stderr, f"expected stderr {stderr!r}; {described}")


def no_journal(path):
    for suffix in ("-journal", "-wal", "-shm"):
        check(not os.path.exists(path + suffix), f"{path}{suffix} exists")
