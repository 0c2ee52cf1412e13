#!/usr/bin/env python3
"""dutycalc on standard streams another program left non-blocking.

A pipe or terminal a process shares with another (a Node.js parent, some CI log collectors)
may have O_NONBLOCK set on it: a read then finds "nothing yet" and a write "full" where a
blocking one would wait. dutycalc must wait too: price a manifest fed slowly through a
non-blocking standard input, and write it to a non-blocking standard output read slowly, and
give the same bytes, messages and exit status as from a file to a file. The same for
`diff --manifest -`, which copies standard input first.

usage: nonblocking_standard_streams.py DUTYCALC
"""
import fcntl
import os
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
GENERATOR = os.path.join(HERE, "..", "bench", "generate_manifest.py")


def nonblocking(fd):
    fcntl.fcntl(fd, fcntl.F_SETFL, fcntl.fcntl(fd, fcntl.F_GETFL) | os.O_NONBLOCK)


def run(args, manifest, slow_in, slow_out):
    """Runs dutycalc ARGS with MANIFEST's bytes on standard input: through a non-blocking pipe
    fed in pieces with pauses when SLOW_IN (else from the file), and standard output to a
    non-blocking pipe read in small pieces after a pause when SLOW_OUT (else to a file).
    Returns (exit status, stdout bytes, stderr bytes)."""
    with open(manifest, "rb") as f:
        data = f.read()
    feeder = None
    if slow_in:
        in_read, in_write = os.pipe()
        nonblocking(in_read)
        stdin = in_read
    else:
        stdin = open(manifest, "rb")
    out_file = None
    if slow_out:
        out_read, out_write = os.pipe()
        nonblocking(out_write)
        stdout = out_write
    else:
        out_file = tempfile.TemporaryFile()
        stdout = out_file
    proc = subprocess.Popen(args, stdin=stdin, stdout=stdout, stderr=subprocess.PIPE)
    if slow_in:
        os.close(in_read)

        def feed():
            try:
                for at in range(0, len(data), 40000):
                    os.write(in_write, data[at:at + 40000])
                    time.sleep(0.01)
            except BrokenPipeError:
                pass  # dutycalc stopped reading: its exit status says why
            finally:
                os.close(in_write)

        feeder = threading.Thread(target=feed)
        feeder.start()
    else:
        stdin.close()
    received = b""
    errors = []
    collector = threading.Thread(target=lambda: errors.append(proc.stderr.read()))
    collector.start()
    if slow_out:
        os.close(out_write)
        time.sleep(0.3)  # the pipe fills and the writer finds it full
        while True:
            chunk = os.read(out_read, 4096)
            if not chunk:
                break
            received += chunk
        os.close(out_read)
    status = proc.wait()
    collector.join()
    if feeder:
        feeder.join()
    if out_file is not None:
        out_file.seek(0)
        received = out_file.read()
        out_file.close()
    return status, received, errors[0]


def main():
    dutycalc = sys.argv[1]
    failures = 0
    with tempfile.TemporaryDirectory() as work:
        manifest = os.path.join(work, "manifest.csv")
        with open(manifest, "wb") as f:
            subprocess.run([sys.executable, GENERATOR, "6000"], stdout=f, check=True)
        cases = [
            ("price", [dutycalc, "price", "-", "--format", "csv"]),
            ("price jsonl", [dutycalc, "price", "-", "--format", "jsonl", "--threads", "2"]),
            ("diff", [dutycalc, "diff", "--schedule", "us", "--from", "2024-06-01",
                      "--to", "2025-06-01", "--manifest", "-"]),
        ]
        for name, args in cases:
            expected = run(args, manifest, slow_in=False, slow_out=False)
            if expected[0] not in (0, 1) or len(expected[1]) < 100000:
                print(f"FAIL {name}: the plain run itself: exit {expected[0]}, "
                      f"{len(expected[1])} bytes")
                failures += 1
                continue
            for slow_in, slow_out in ((True, False), (False, True), (True, True)):
                got = run(args, manifest, slow_in, slow_out)
                what = f"{name}, non-blocking {'stdin' if slow_in else ''}" \
                       f"{' and ' if slow_in and slow_out else ''}{'stdout' if slow_out else ''}"
                if got != expected:
                    print(f"FAIL {what}: exit {got[0]} (expected {expected[0]}), "
                          f"{len(got[1])} bytes (expected {len(expected[1])}); stderr "
                          f"{'differs' if got[2] != expected[2] else 'same'}: "
                          f"{got[2].decode(errors='replace')[-300:]}")
                    failures += 1
                else:
                    print(f"ok   {what}: {len(got[1])} bytes, exit {got[0]}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
