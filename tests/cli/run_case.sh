#!/usr/bin/env bash
# Runs one golden CLI case and compares stdout, stderr and the exit code exactly.
# A case folder holds:
#   cmd               the arguments, as one shell line ("price in.csv --format csv")
#   stdin             optional: fed to standard input (else /dev/null)
#   expected_stdout   expected standard output
#   expected_stderr   expected standard error (absent means empty)
#   expected_exit     expected exit code (absent means 0)
# The command runs inside the case folder with DUTYCALC_SCHEDULE_PATH unset, so a bare schedule
# name resolves to the bundled schedules of this source tree. The source and build folders are
# written <source> and <build> in the outputs compared.
# A cmd may run dutycalc more than once: "$dutycalc" names the binary after the first command.
# The first line is always dutycalc's arguments: a cmd that begins otherwise (a comment, another
# program) starts with "--version > /dev/null".
# With UPDATE=1 the expected files are rewritten from what the program does now: review the diff.
set -u
case_dir=$1
dutycalc=$2
cd "$case_dir" || exit 2
unset DUTYCALC_SCHEDULE_PATH
args=$(cat cmd)
stdin_file=/dev/null
[ -f stdin ] && stdin_file=stdin
actual_out=$(mktemp) actual_err=$(mktemp)
# A scratch folder a case's cmd may use ("$case_tmp/ledger.db"); written <tmp> in outputs.
case_tmp=$(mktemp -d)
trap 'rm -rf "$actual_out" "$actual_err" "$case_tmp"' EXIT
eval "\"$dutycalc\" $args" <"$stdin_file" >"$actual_out" 2>"$actual_err"
actual_exit=$?
# Paths that differ between machines read as <source> and <build>.
source_root=$(cd ../../.. && pwd)
build_root=$(cd "$(dirname "$dutycalc")/.." && pwd)
for f in "$actual_out" "$actual_err"; do
  sed -i -e "s#$case_tmp#<tmp>#g" -e "s#$build_root#<build>#g" -e "s#$source_root#<source>#g" "$f"
done

if [ "${UPDATE:-0}" = 1 ]; then
  cp "$actual_out" expected_stdout
  if [ -s "$actual_err" ]; then cp "$actual_err" expected_stderr; else rm -f expected_stderr; fi
  if [ "$actual_exit" != 0 ]; then echo "$actual_exit" >expected_exit; else rm -f expected_exit; fi
  exit 0
fi

status=0
expected_exit=0
[ -f expected_exit ] && expected_exit=$(cat expected_exit)
if [ "$actual_exit" != "$expected_exit" ]; then
  echo "exit code: expected $expected_exit, got $actual_exit"
  status=1
fi
if ! diff -u expected_stdout "$actual_out"; then
  echo "stdout differs (above)"
  status=1
fi
expected_err=/dev/null
[ -f expected_stderr ] && expected_err=expected_stderr
if ! diff -u "$expected_err" "$actual_err"; then
  echo "stderr differs (above)"
  status=1
fi
exit $status
