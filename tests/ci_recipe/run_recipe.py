#!/usr/bin/env python3
"""Runs the CI recipe of README.md ("Schedules in CI") on a simulated pull request.

    run_recipe.py DUTYCALC SCRATCH SCENARIO

Reads the GitHub Actions workflow from README.md, makes a git repository of schedules in SCRATCH
(the bundled US schedule on a `main` branch, pushed to an `origin`), a pull request branch with
the edit SCENARIO names (see EDITS), and runs the workflow's review steps there the way GitHub
would (bash -e, GITHUB_BASE_REF, GITHUB_STEP_SUMMARY, RUNNER_TEMP), with DUTYCALC's folder first
on PATH. The steps that install git and build dutycalc are skipped: the test brings its own
build. Prints each step's name, its output and exit status; stops at the first failing step,
as a job does.
"""
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
REVIEW_STEPS = ("Check every schedule", "Days the change moves", "Example shipments before and after")

# The pull requests: "good" (edit_good: a date corrected, a rate edited within its window) and
# these, each (file under schedules/us, text to replace, replacement).
EDITS = {
    # A typo in a rate: check must stop the job and point at it.
    "broken": [
        ("section-232.toml",
         'rate = "The duty provided in the applicable subheading + 25%"',
         'rate = "The duty provided in the applicable subheading + 2O%"'),
    ],
}


def workflow_steps(readme: str):
    """(name, script) of each step of the README's workflow, in order."""
    section = readme[readme.index("## Schedules in CI"):]
    block = section[section.index("```yaml\n") + 8:]
    block = block[:block.index("```")]
    steps, name, lines, i = [], None, block.split("\n"), 0
    while i < len(lines):
        line = lines[i]
        m = re.match(r"^(\s*)- name: (.*)$", line)
        if m:
            name = m.group(2).strip()
        m = re.match(r"^(\s*)run: (.*)$", line)
        if m:
            indent, rest = len(m.group(1)), m.group(2)
            if rest.strip() == "|":
                body = []
                i += 1
                while i < len(lines) and (lines[i].strip() == "" or
                                          len(lines[i]) - len(lines[i].lstrip()) > indent):
                    body.append(lines[i][indent + 2:])
                    i += 1
                steps.append((name, "\n".join(body).rstrip() + "\n"))
                continue
            steps.append((name, rest + "\n"))
        i += 1
    return steps


def git(*args, cwd):
    subprocess.run(["git", *args], cwd=cwd, check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)


def edit_good(us: Path):
    # The UK's 25% steel rate corrected to start on 2025-06-16 instead of 2025-06-04.
    text = (us / "section-232.toml").read_text()
    start = text.index('id = "s232-steel-uk-2025"')
    end = text.index("[[", start)
    table = text[start:end]
    assert "from = 2025-06-04" in table, "scenario 'good' expects the UK steel rule from 2025-06-04"
    text = text[:start] + table.replace("from = 2025-06-04", "from = 2025-06-16") + text[end:]
    (us / "section-232.toml").write_text(text)
    # The merchandise processing fee of FY2024 edited in place (no date moves).
    fees = (us / "fees.toml").read_text()
    m = re.search(r'(\[\[fee\]\][^\[]*?FY2024[^\[]*?rate = ")([^"]+)(")', fees)
    assert m, "scenario 'good' expects an FY2024 fee with a rate"
    fees = fees[:m.start(2)] + "0.3500%" + fees[m.end(2):]
    (us / "fees.toml").write_text(fees)


def main():
    dutycalc, scratch, scenario = Path(sys.argv[1]).resolve(), Path(sys.argv[2]), sys.argv[3]
    origin, work, temp = scratch / "origin", scratch / "work", scratch / "runner-temp"
    for d in (origin, work, temp):
        shutil.rmtree(d, ignore_errors=True)
    temp.mkdir(parents=True)
    us = origin / "schedules" / "us"
    shutil.copytree(ROOT / "schedules" / "us", us, ignore=shutil.ignore_patterns("tools"))
    git("init", "-q", "-b", "main", cwd=origin)
    git("-c", "user.name=ci", "-c", "user.email=ci@example.org", "add", "-A", cwd=origin)
    git("-c", "user.name=ci", "-c", "user.email=ci@example.org", "commit", "-q", "-m", "schedules",
        cwd=origin)
    git("clone", "-q", str(origin), str(work), cwd=scratch)
    git("checkout", "-q", "-b", "pull-request", cwd=work)
    work_us = work / "schedules" / "us"
    if scenario == "good":
        edit_good(work_us)
    else:
        for name, old, new in EDITS[scenario]:
            text = (work_us / name).read_text()
            assert old in text, f"scenario {scenario}: '{old}' not in {name}"
            (work_us / name).write_text(text.replace(old, new, 1))
    git("-c", "user.name=ci", "-c", "user.email=ci@example.org", "commit", "-q", "-am", scenario,
        cwd=work)

    env = dict(os.environ)
    env.update(PATH=f"{dutycalc.parent}:{env.get('PATH', '')}", GITHUB_BASE_REF="main",
               GITHUB_STEP_SUMMARY=str(temp / "summary.md"), RUNNER_TEMP=str(temp),
               HOME=str(scratch / "home"), GIT_CONFIG_NOSYSTEM="1", TZ="UTC")
    (scratch / "home").mkdir(exist_ok=True)
    steps = [s for s in workflow_steps((ROOT / "README.md").read_text()) if s[0] in REVIEW_STEPS]
    assert [s[0] for s in steps] == list(REVIEW_STEPS), f"README steps changed: {steps}"
    for name, script in steps:
        print(f"=== step: {name}", flush=True)
        done = subprocess.run(["bash", "-e", "-c", script], cwd=work, env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        sys.stdout.write(done.stdout)
        print(f"=== exit {done.returncode}", flush=True)
        if done.returncode != 0:
            return 1
    print(f"=== summary: {len((temp / 'summary.md').read_text().splitlines())} lines")
    return 0


if __name__ == "__main__":
    sys.exit(main())
